"""Kill stress: SIGKILL a note-saving process at random moments, N times, and check each time.

    python benchmarks/kill_stress.py [-n 50] [--max-delay 0.5]

Each round starts ``tests/notes/notes_worker.py`` (saves notes in a loop through the notes
layer and prints every acknowledged save), kills it with SIGKILL after a random delay, then
reopens the notes the way the app does and checks: no recovery was needed, the last
acknowledged text (or the one after it) is the shared note's text, every acknowledged note
is there, and ``PRAGMA integrity_check`` is ok. Prints one line per round and a summary;
exits 1 if any round lost something.
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from essdesk.notes import open_notes  # noqa: E402

WORKER = REPO / "tests" / "notes" / "notes_worker.py"


def one_round(home: Path, delay: float) -> tuple[bool, int, str]:
    env = {**os.environ, "ESSDESK_HOME": str(home)}
    proc = subprocess.Popen(
        [sys.executable, str(WORKER), "--prefix", "K"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=env,
    )
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "ready"
    acked: list[int] = []
    reader = threading.Thread(target=lambda: acked.extend(int(x) for x in proc.stdout))  # type: ignore[union-attr]
    reader.start()
    time.sleep(delay)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    reader.join()
    proc.stdout.close()
    last = acked[-1] if acked else -1

    os.environ["ESSDESK_HOME"] = str(home)
    store, report = open_notes()
    with store:
        if report is not None:
            return False, last, f"recovery was needed: {report.detail}"
        creuse = store.territory_by_name("Creuse")
        note = store.get_note("scheme:dla", creuse)
        if last >= 0:
            if note is None:
                return False, last, "shared note missing"
            number = int(note.text.split(" ")[1])
            if number not in (last, last + 1):
                return False, last, f"shared note at {number}, last acknowledged {last}"
        missing = [i for i in range(last + 1) if store.get_note(f"scheme:K-{i}", creuse) is None]
        if missing:
            return False, last, f"missing notes {missing[:5]}"
        check = store.full_check()
        if not check.ok:
            return False, last, check.message
        store.delete_territory(creuse)  # start the next round from a small file
        store.purge_trash(older_than_days=30)
        store.add_territory("Creuse")
    return True, last, "ok"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=50, help="rounds (50)")
    parser.add_argument("--max-delay", type=float, default=0.5, help="max seconds before kill")
    parser.add_argument("--seed", type=int, default=None)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    failures = 0
    saves = 0
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="essdesk-kill-") as tmp:
        home = Path(tmp)
        os.environ["ESSDESK_HOME"] = str(home)
        store, _ = open_notes()
        with store:
            store.add_territory("Creuse")
        for n in range(1, args.n + 1):
            delay = rng.uniform(0.05, args.max_delay)
            ok, last, detail = one_round(home, delay)
            saves += last + 1
            failures += not ok
            print(
                f"round {n:>3}: killed after {delay:.3f}s, {last + 1:>4} saves acknowledged: {detail}"
            )
    elapsed = time.perf_counter() - started
    print(
        f"{args.n} rounds, {failures} with a loss or damage, {saves} acknowledged saves checked, "
        f"{elapsed:.1f}s"
    )
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
