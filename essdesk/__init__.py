"""essdesk: the ANCT report "L'ESS au cœur de la relance des territoires fragiles" as an
offline desktop tool (catalogue, search, notes per territory)."""

# Written here rather than read with importlib.metadata (~25 ms at every start);
# tests/test_layout.py checks that it matches pyproject.toml.
__version__ = "0.1.0"

APP_NAME = "essdesk"
