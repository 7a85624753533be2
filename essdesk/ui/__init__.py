"""The desktop window (PySide6): the only package of essdesk that imports Qt.

Layout, one folder a room: ``catalogue/`` (tree, directory, search, detail and their item
models: records in, no I/O in ``data()``), ``notes/``, ``exchange/``, ``briefing/``,
``team/``, ``local/``, ``territory/``, ``help/``; ``common/`` is what the rooms share and
imports no room. ``main_window.py`` builds the window and wires the rooms to the catalogue
handed over by :mod:`essdesk.app`.
"""
