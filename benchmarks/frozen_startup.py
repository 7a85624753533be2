"""Start-up of the frozen app against a frozen minimal PySide6 window, offscreen.

    .venv/bin/python benchmarks/frozen_startup.py [--runs 9] [--keep DIR]

Builds, in the same run: essdesk from build.spec plus a runtime hook (the hook only reports:
it wraps ``essdesk.app.build`` to print when the window is shown and when the catalogue is in
the window, then quits), and the minimal bundle of benchmarks/bundle_size.py (QMainWindow +
QTreeView, same trims). Each is started ``--runs`` times, alternately, after one warm-up run
each, with a fresh empty HOME, and timed from the parent's spawn to:

* shown: ``window.show()`` returned;
* ready: essdesk's catalogue handed to the window (trees filled, search ready) / the
  minimal window's first event-loop turn;

and ``essdesk --self-check`` (the product bundle's own check, no hook involved) end to end.

Last line: ``frozen_startup shown essdesk=<ms> floor=<ms> ratio=<x> ready_ratio=<x>``.
Target: shown within 2× the floor. Not a test: it prints figures (medians).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from benchmarks.bundle_size import build_essdesk, build_floor  # noqa: E402

HOOK = """\
# Runtime hook for benchmarks/frozen_startup.py: report "shown" and "ready", then quit.
import os
import time

if os.environ.get("ESSDESK_BENCH_STARTUP") == "1":
    import essdesk.app as _essdesk_app

    _build = _essdesk_app.build

    def _timed_build(*args, **kwargs):
        app, window = _build(*args, **kwargs)
        shown = time.time()

        def _ready():
            print(f"shown={shown!r} ready={time.time()!r}", flush=True)
            window.close()
            app.quit()

        if window.catalogue is not None:
            _ready()
        else:
            window.catalogue_loaded.connect(_ready)
        return app, window

    _essdesk_app.build = _timed_build
"""


def env_for(home: str) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("ESSDESK_", "XDG_", "QT_")) and k != "DISPLAY"
    }
    env.update(HOME=home, QT_QPA_PLATFORM="offscreen", ESSDESK_BENCH_STARTUP="1")
    return env


def timed(cmd: list[str]) -> tuple[float, float]:
    """(ms to shown, ms to ready) measured from the spawn."""
    with tempfile.TemporaryDirectory(prefix="essdesk-start-") as home:
        start = time.time()
        out = subprocess.run(cmd, env=env_for(home), capture_output=True, text=True, timeout=120)
    if out.returncode != 0:
        raise SystemExit(f"{cmd} failed ({out.returncode}):\n{out.stderr[-3000:]}")
    line = next(x for x in out.stdout.splitlines() if x.startswith("shown="))
    values = dict(part.split("=") for part in line.split())
    return (float(values["shown"]) - start) * 1000, (float(values["ready"]) - start) * 1000


def self_check_ms(executable: Path) -> float:
    with tempfile.TemporaryDirectory(prefix="essdesk-check-") as home:
        env = env_for(home)
        env.pop("ESSDESK_BENCH_STARTUP")
        start = time.perf_counter()
        out = subprocess.run(
            [str(executable), "--self-check"], env=env, capture_output=True, text=True, timeout=120
        )
        elapsed = (time.perf_counter() - start) * 1000
    if out.returncode != 0:
        raise SystemExit(f"self-check failed:\n{out.stderr[-3000:]}")
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--keep", type=Path, help="build here and keep the bundles")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="essdesk-frozen-") as tmp:
        root = args.keep or Path(tmp)
        root.mkdir(parents=True, exist_ok=True)
        hook = root / "essdesk_bench_hook.py"
        hook.write_text(HOOK, encoding="utf-8")
        ours, _ = build_essdesk(root / "essdesk", hook=hook)
        floor, _ = build_floor(root / "floor")
        essdesk_cmd = [str(ours / "essdesk")]
        floor_cmd = [str(floor / "minimal"), "--exit-when-shown"]

        timed(essdesk_cmd)  # warm-up: page cache, fontconfig cache
        timed(floor_cmd)
        results: dict[str, list[tuple[float, float]]] = {"essdesk": [], "floor": []}
        checks = []
        for _ in range(args.runs):
            results["essdesk"].append(timed(essdesk_cmd))
            results["floor"].append(timed(floor_cmd))
            checks.append(self_check_ms(ours / "essdesk"))

        med = {
            name: (
                statistics.median(r[0] for r in runs),
                statistics.median(r[1] for r in runs),
            )
            for name, runs in results.items()
        }
        print(f"frozen start-up, offscreen, median of {args.runs} runs (ms from spawn)")
        print(f"{'':22}{'shown':>8}{'ready':>8}")
        for name, label in (("essdesk", "essdesk"), ("floor", "floor (QTreeView)")):
            print(f"{label:22}{med[name][0]:>8.0f}{med[name][1]:>8.0f}")
        print(f"essdesk --self-check (whole check, end to end): {statistics.median(checks):.0f} ms")
        ratio = med["essdesk"][0] / med["floor"][0]
        ready_ratio = med["essdesk"][1] / med["floor"][1]
        print(
            f"\nfrozen_startup shown essdesk={med['essdesk'][0]:.0f} floor={med['floor'][0]:.0f} "
            f"ratio={ratio:.2f} ready_ratio={ready_ratio:.2f}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
