from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from essdesk.catalogue.build import build
from essdesk.catalogue.store import Catalogue
from essdesk.paths import catalogue_path

MINI = Path(__file__).parent / "mini"


@pytest.fixture
def mini_src(tmp_path: Path) -> Path:
    """A writable copy of the small test sources."""
    dst = tmp_path / "src"
    shutil.copytree(MINI, dst)
    return dst


@pytest.fixture
def mini(tmp_path: Path, mini_src: Path):
    out = tmp_path / "mini.sqlite3"
    build(mini_src, out)
    with Catalogue.open(out) as cat:
        yield cat


@pytest.fixture(scope="session")
def real():
    """The shipped catalogue, opened read-only as the application does."""
    with Catalogue.open(catalogue_path()) as cat:
        yield cat
