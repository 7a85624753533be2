"""essdesk: the ANCT report "L'ESS au cœur de la relance des territoires fragiles" as an
offline desktop tool (catalogue, search, notes per territory)."""

import logging

# Written here rather than read with importlib.metadata (~25 ms at every start);
# tests/test_layout.py checks that it matches pyproject.toml.
__version__ = "0.1.0"

APP_NAME = "essdesk"

# A library's logger stays silent unless the program configures logging: without a handler,
# Python's last-resort handler printed every warning (in English) on stderr, so the CLI showed
# the recovery report twice (tests/notes/test_notes_hardening.py).
logging.getLogger(APP_NAME).addHandler(logging.NullHandler())
