"""Issue 11: a damaged or odd catalogue is refused at open with one French sentence (« Catalogue
endommagé : réinstallez essdesk »), on the CLI without a traceback; hostile numbers are
usage errors."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest
from testkit import damaged_catalogue, essdesk_process

from essdesk.catalogue.store import Catalogue, CatalogueError
from essdesk.paths import catalogue_path


def with_meta(folder: Path, sql: str) -> Path:
    path = folder / "catalogue.sqlite3"
    shutil.copyfile(catalogue_path(), path)
    con = sqlite3.connect(path)
    con.execute(sql)
    con.commit()
    con.close()
    return path


def cli(catalogue: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    return essdesk_process(*argv, ESSDESK_CATALOGUE=str(catalogue))


@pytest.mark.parametrize(
    "make",
    [
        damaged_catalogue,
        lambda d: with_meta(d, "UPDATE meta SET value = 'deux' WHERE name = 'schema_version'"),
        lambda d: with_meta(d, "DELETE FROM meta WHERE name = 'schema_version'"),
    ],
    ids=["damaged-pages", "schema-version-not-a-number", "schema-version-missing"],
)
def test_a_damaged_catalogue_is_refused_in_french(tmp_path: Path, make) -> None:
    """Damaged pages: an empty window and a CLI traceback; a schema_version that is not a
    number, or missing: ValueError / a traceback."""
    path = make(tmp_path)
    with pytest.raises(CatalogueError, match="Catalogue endommagé : réinstallez essdesk"):
        Catalogue.open(path)
    for argv in (["search", "dla"], ["show", "scheme:dla"], ["tree", "levers"]):
        done = cli(path, *argv)
        assert done.returncode == 1
        assert "Traceback" not in done.stderr
        assert "Catalogue endommagé : réinstallez essdesk" in done.stderr


def test_a_huge_limit_is_a_usage_error(tmp_path: Path) -> None:
    done = cli(catalogue_path(), "search", "dla", "--limit", "9223372036854775808")
    assert done.returncode == 2 and "Traceback" not in done.stderr
