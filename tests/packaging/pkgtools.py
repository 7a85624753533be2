"""Helpers of the packaging tests (a plain module: test files import it by name)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest


def run(cmd: list[str], **kwargs) -> subprocess.CompletedProcess[str]:
    """Run a command; on failure, fail the test with its output."""
    kwargs.setdefault("capture_output", True)
    kwargs.setdefault("text", True)
    out = subprocess.run(cmd, **kwargs)
    if out.returncode != 0:
        pytest.fail(
            f"{' '.join(map(str, cmd))} exited {out.returncode}\n"
            f"--- stdout\n{out.stdout[-4000:]}\n--- stderr\n{out.stderr[-4000:]}"
        )
    return out


def user_env(home: Path, **extra: str) -> dict[str, str]:
    """The environment of a user who never ran essdesk: an empty HOME, no overrides."""
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("ESSDESK_", "XDG_", "QT_", "PYTEST", "PYTHON"))
        and k not in ("DISPLAY", "WAYLAND_DISPLAY", "VIRTUAL_ENV")
    }
    env["HOME"] = str(home)
    env.update(extra)
    return env


def snapshot(folder: Path) -> dict[str, tuple[str, int, int]]:
    """Every entry under ``folder``: kind, size and mtime (ns), to prove nothing changed."""
    out: dict[str, tuple[str, int, int]] = {}
    for path in [folder, *folder.rglob("*")]:
        st = path.lstat()
        kind = "link" if path.is_symlink() else "dir" if path.is_dir() else "file"
        out[str(path.relative_to(folder))] = (kind, st.st_size, st.st_mtime_ns)
    return out
