"""Bundle size: essdesk's PyInstaller bundle against a minimal PySide6 one-window bundle.

    .venv/bin/python benchmarks/bundle_size.py [--savings] [--keep DIR]

Builds, in the same run and with the same PyInstaller, Python and PySide6:

* essdesk, from build.spec (one folder, windowed, trimmed by packaging/trim.py);
* the floor: a script that opens a QMainWindow holding a QTreeView, frozen one-folder and
  windowed, trimmed by the same packaging/trim.py policy (fair: those exclusions are generic);

then prints each folder's size (``du``: bytes on disk and apparent bytes), its .tar.gz size,
and the ratios. ``--savings`` also rebuilds essdesk once per trim group with that group
turned off (``ESSDESK_TRIM_SKIP``) and prints what each group saves.

Last line: ``bundle essdesk=<MiB> floor=<MiB> ratio=<x> targz_ratio=<x>``. Target: ≤ 1.15.
Not a test: it prints figures.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "packaging"))

import trim  # noqa: E402

MINIMAL_SCRIPT = """\
import sys, time
from PySide6.QtCore import QTimer
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QMainWindow, QTreeView

app = QApplication(sys.argv[:1])
window = QMainWindow()
model = QStandardItemModel()
for i in range(20):
    model.appendRow(QStandardItem(f"item {i}"))
tree = QTreeView()
tree.setModel(model)
window.setCentralWidget(tree)
window.resize(1280, 720)
window.show()
shown = time.time()
if "--exit-when-shown" in sys.argv:  # benchmarks/frozen_startup.py
    def done():
        print(f"shown={shown!r} ready={time.time()!r}", flush=True)
        app.quit()
    QTimer.singleShot(0, done)
sys.exit(app.exec())
"""

# The floor gets the same treatment as build.spec: same trim module, strip and optimize.
MINIMAL_SPEC = """\
# ruff: noqa
import sys
sys.path.insert(0, {packaging!r})
import trim

a = Analysis([{script!r}], excludes=trim.analysis_excludes(), optimize=trim.OPTIMIZE)
a.binaries, a.datas = trim.trim(a.binaries, a.datas)
pyz = PYZ(a.pure)
exe = EXE(pyz, a.scripts, [], exclude_binaries=True, name="minimal", console=False,
          strip=trim.STRIP, upx=False)
coll = COLLECT(exe, a.binaries, a.datas, strip=trim.STRIP, upx=False, name="minimal")
"""


def pyinstaller(spec: Path, dist: Path, work: Path, env: dict[str, str] | None = None) -> float:
    start = time.perf_counter()
    cmd = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--log-level",
        "WARN",
        "--distpath",
        str(dist),
        "--workpath",
        str(work),
        str(spec),
    ]
    out = subprocess.run(cmd, cwd=spec.parent, env=env, capture_output=True, text=True, check=False)
    if out.returncode != 0:
        raise SystemExit(
            f"pyinstaller {spec.name} failed:\n{out.stdout[-3000:]}{out.stderr[-3000:]}"
        )
    return time.perf_counter() - start


def build_essdesk(root: Path, skip: str = "", hook: Path | None = None) -> tuple[Path, float]:
    env = dict(os.environ)
    env["ESSDESK_TRIM_SKIP"] = skip
    env.pop("ESSDESK_SPEC_RUNTIME_HOOK", None)
    if hook is not None:
        env["ESSDESK_SPEC_RUNTIME_HOOK"] = str(hook)
    dist = root / "dist"
    seconds = pyinstaller(REPO / "build.spec", dist, root / "build", env)
    return dist / "essdesk", seconds


def build_floor(root: Path) -> tuple[Path, float]:
    root.mkdir(parents=True, exist_ok=True)
    script = root / "minimal.py"
    script.write_text(MINIMAL_SCRIPT, encoding="utf-8")
    spec = root / "minimal.spec"
    spec.write_text(
        MINIMAL_SPEC.format(packaging=str(REPO / "packaging"), script=str(script)),
        encoding="utf-8",
    )
    env = dict(os.environ)
    env.pop("ESSDESK_TRIM_SKIP", None)
    seconds = pyinstaller(spec, root / "dist", root / "build", env)
    return root / "dist" / "minimal", seconds


def du(folder: Path) -> tuple[int, int]:
    """(bytes on disk as ``du -sk`` counts them, apparent bytes as ``du -sb``)."""
    disk = (
        int(
            subprocess.run(
                ["du", "-sk", str(folder)], capture_output=True, text=True, check=True
            ).stdout.split()[0]
        )
        * 1024
    )
    apparent = int(
        subprocess.run(
            ["du", "-sb", str(folder)], capture_output=True, text=True, check=True
        ).stdout.split()[0]
    )
    return disk, apparent


def targz(folder: Path, dest: Path) -> int:
    with tarfile.open(dest, "w:gz", compresslevel=9) as tar:
        tar.add(folder, arcname=folder.name)
    return dest.stat().st_size


def mib(n: float) -> str:
    return f"{n / 2**20:.1f}"


def biggest(folder: Path, count: int = 12) -> list[tuple[int, str]]:
    sizes = [
        (p.stat().st_size, str(p.relative_to(folder)))
        for p in folder.rglob("*")
        if p.is_file() and not p.is_symlink()
    ]
    return sorted(sizes, reverse=True)[:count]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--savings", action="store_true", help="measure each trim group")
    parser.add_argument("--keep", type=Path, help="build here and keep the bundles")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="essdesk-size-") as tmp:
        root = args.keep or Path(tmp)
        root.mkdir(parents=True, exist_ok=True)
        ours, t_ours = build_essdesk(root / "essdesk")
        floor, t_floor = build_floor(root / "floor")

        d_ours, a_ours = du(ours)
        d_floor, a_floor = du(floor)
        z_ours = targz(ours, root / "essdesk.tar.gz")
        z_floor = targz(floor, root / "minimal.tar.gz")

        print(f"{'':24}{'du (MiB)':>10}{'apparent':>10}{'tar.gz':>10}{'build s':>9}")
        print(f"{'essdesk':24}{mib(d_ours):>10}{mib(a_ours):>10}{mib(z_ours):>10}{t_ours:>9.0f}")
        print(
            f"{'floor (QTreeView)':24}{mib(d_floor):>10}{mib(a_floor):>10}{mib(z_floor):>10}"
            f"{t_floor:>9.0f}"
        )
        print(
            f"{'difference':24}{mib(d_ours - d_floor):>10}{mib(a_ours - a_floor):>10}"
            f"{mib(z_ours - z_floor):>10}"
        )
        print("\nlargest files in essdesk's bundle:")
        for size, name in biggest(ours):
            print(f"  {mib(size):>7} MiB  {name}")

        if args.savings:
            print("\nwhat each trim group saves (essdesk rebuilt with that group off):")
            print(f"  {'group':18}{'du MiB':>9}{'tar.gz MiB':>12}")
            for group in trim.GROUPS:
                bundle, _ = build_essdesk(root / f"without-{group}", skip=group)
                disk, _apparent = du(bundle)
                zipped = targz(bundle, root / f"without-{group}.tar.gz")
                print(f"  {group:18}{mib(disk - d_ours):>9}{mib(zipped - z_ours):>12}", flush=True)
            bundle, _ = build_essdesk(root / "untrimmed", skip="all")
            disk, _apparent = du(bundle)
            zipped = targz(bundle, root / "untrimmed.tar.gz")
            print(f"  {'all (untrimmed)':18}{mib(disk - d_ours):>9}{mib(zipped - z_ours):>12}")
            print(f"  untrimmed essdesk: {mib(disk)} MiB, tar.gz {mib(zipped)} MiB")

        print(
            f"\nbundle essdesk={mib(d_ours)} floor={mib(d_floor)} ratio={d_ours / d_floor:.3f} "
            f"targz_ratio={z_ours / z_floor:.3f}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
