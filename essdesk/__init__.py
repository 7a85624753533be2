"""essdesk: the ANCT report "L'ESS au cœur de la relance des territoires fragiles" as an
offline desktop tool (catalogue, search, notes per territory)."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("essdesk")
except PackageNotFoundError:  # running from a checkout or a frozen bundle without metadata
    __version__ = "0.1.0"

APP_NAME = "essdesk"
