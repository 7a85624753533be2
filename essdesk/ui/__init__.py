"""The desktop window (PySide6): the only package of essdesk that imports Qt.

Layout: ``models/`` holds the Qt item models (records in, no I/O in ``data()``), ``widgets/``
the panels (navigation, directory, search, detail, chips), ``main_window.py`` wires them to
the catalogue handed over by :mod:`essdesk.app`.
"""
