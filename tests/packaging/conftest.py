"""Packaging tests: the bundle, the .deb and the wheel, built for real (minutes, not seconds).

Tests marked ``packaging`` run only when asked for: ``pytest -m packaging`` (what .ci/run
does after the README's test command) or ``ESSDESK_PACKAGING=1`` — also for an explicit
``pytest tests/packaging/test_bundle.py``. The plain ``pytest`` run deselects them, so the
README's test command stays fast. (``addopts = "-m 'not packaging'"`` would work too — a
later ``-m`` replaces an earlier one, checked with pytest 9 — but the rule lives better here,
next to the tests, than in the shared pytest configuration.)

Fixtures build once per session, from a clean clone of the committed tree (``git clone``),
so uncommitted files never reach a tested bundle. ``ESSDESK_TEST_BUNDLE=dist/essdesk``
reuses a bundle already built (development only).
"""

from __future__ import annotations

import os
import re
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from pkgtools import run

REPO = Path(__file__).resolve().parents[2]
VENV_BIN = Path(sys.executable).parent


def packaging_requested(config: pytest.Config) -> bool:
    """``-m`` names ``packaging`` (and not as ``not packaging``), or ESSDESK_PACKAGING=1."""
    if os.environ.get("ESSDESK_PACKAGING") == "1":
        return True
    expr = config.getoption("markexpr", default="") or ""
    return re.search(r"(?<!not )\bpackaging\b", expr) is not None


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if packaging_requested(config):
        return
    deselected = [item for item in items if item.get_closest_marker("packaging")]
    if deselected:
        config.hook.pytest_deselected(items=deselected)
        items[:] = [item for item in items if not item.get_closest_marker("packaging")]


@pytest.fixture(scope="session")
def clean_checkout(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The committed tree, cloned: what CI builds."""
    dest = tmp_path_factory.mktemp("checkout") / "essdesk"
    run(["git", "clone", "--quiet", "--no-hardlinks", str(REPO), str(dest)])
    return dest


@pytest.fixture(scope="session")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """dist/essdesk built by ``pyinstaller build.spec`` from a clean checkout."""
    reuse = os.environ.get("ESSDESK_TEST_BUNDLE")
    if reuse:
        yield Path(reuse).resolve()
        return
    checkout = tmp_path_factory.mktemp("checkout-bundle") / "essdesk"
    run(["git", "clone", "--quiet", "--no-hardlinks", str(REPO), str(checkout)])
    env = {k: v for k, v in os.environ.items() if k != "ESSDESK_TRIM_SKIP"}
    run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN", "build.spec"],
        cwd=checkout,
        env=env,
    )
    built = checkout / "dist" / "essdesk"
    assert (built / "essdesk").is_file()
    yield built
    shutil.rmtree(checkout, ignore_errors=True)
