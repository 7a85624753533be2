"""Where things live: the only module that knows platformdirs, frozen bundles and overrides.

Lookup order for shipped files (catalogue, resources):
1. a PyInstaller bundle: ``sys._MEIPASS/data`` and ``sys._MEIPASS/resources``;
2. a checkout: ``<repo>/data`` and ``<repo>/resources``;
3. an installed wheel: ``essdesk/data`` and ``essdesk/resources`` (see pyproject's package-dir).

User files (notes database, backups, settings) go to the local data folder given by
platformdirs, or to ``$ESSDESK_HOME`` when set (tests, portable use). Nothing is ever written
next to the shipped files: the install folder may be read-only.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

CATALOGUE_FILENAME = "catalogue.sqlite3"
NOTES_FILENAME = "notes.sqlite3"

_PACKAGE_DIR = Path(__file__).resolve().parent


def _shipped_dir(name: str) -> Path:
    """Folder of shipped files called ``name`` ("data" or "resources")."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / name
    checkout = _PACKAGE_DIR.parent / name
    if checkout.is_dir():
        return checkout
    return _PACKAGE_DIR / name


def data_dir() -> Path:
    """Folder holding the built catalogue (and, in a checkout, its TOML sources)."""
    return _shipped_dir("data")


def resources_dir() -> Path:
    """Folder holding icons, style sheets, translations and the .desktop file."""
    return _shipped_dir("resources")


def catalogue_path() -> Path:
    """The read-only catalogue database; ``ESSDESK_CATALOGUE`` overrides it (benchmarks)."""
    override = os.environ.get("ESSDESK_CATALOGUE")
    if override:
        return Path(override)
    return data_dir() / CATALOGUE_FILENAME


def home_override() -> Path | None:
    """``ESSDESK_HOME``: one folder for the notes, backups and settings (tests, USB keys)."""
    override = os.environ.get("ESSDESK_HOME")
    return Path(override) if override else None


def user_dir() -> Path:
    """The user's own folder for essdesk (created on demand by the callers that write)."""
    override = home_override()
    if override is not None:
        return override
    from platformdirs import PlatformDirs

    return Path(PlatformDirs("essdesk", appauthor=False, roaming=False).user_data_dir)


def notes_path() -> Path:
    """The notes database in the user folder."""
    return user_dir() / NOTES_FILENAME


def backups_dir() -> Path:
    """Automatic backups of the notes database."""
    return user_dir() / "backups"
