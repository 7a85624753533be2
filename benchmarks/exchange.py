"""Time the notes exchange at a workshop's scale and beyond: export, preview, apply, no-op.

    .venv/bin/python benchmarks/exchange.py [NOTES]     (default 10,000 notes)

Builds laptop A (NOTES notes over 20 territories, two versions each, a status on every other
note) in a temporary folder, exports everything, imports it into an empty laptop B, imports
it again (no-op), then sends B's export back to A (all identical). Prints wall times, the file
size and how much the peak resident memory grew during the import (Linux: KiB units).
"""

from __future__ import annotations

import resource
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from essdesk.notes import open_notes
from essdesk.notes.exchange import apply_import, export_notes, preview_import
from essdesk.notes.records import Status
from essdesk.notes.writing import NewNote, TextChange


def build(store, count: int) -> None:  # type: ignore[no-untyped-def]
    """Bulk writes through the store's unit of work (save_note one by one would time the
    store, not the exchange): every note gets two versions, every other note a status."""
    terrs = [store.add_territory(f"Territoire {i:02d}", ["ZRR"], initials="AB") for i in range(20)]
    t0 = datetime(2024, 5, 6, tzinfo=UTC)
    new, changes, follow = [], [], []
    for i in range(count):
        t = terrs[i % 20]
        uuid = f"{i:08x}-0000-4000-8000-000000000000"
        when = t0 + timedelta(seconds=i)
        key = f"scheme:s{i // 20}"
        text = f"Note {i} : contact pris, suite à donner. " * 8
        new.append(NewNote(uuid, key, t.uuid, "brouillon", when, when, f"Dispositif {i // 20}"))
        changes.append(TextChange(uuid, text, when))
        if i % 2 == 0:
            follow.append(Status(key, t.uuid, "contacte", None, "", when))
    with store.writing() as w:
        w.add_notes(new)
        w.replace_texts(changes)
        w.put_statuses(follow)


def timed(label: str, fn):  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    result = fn()
    print(f"{label:<40} {time.perf_counter() - start:7.2f} s")
    return result


def main(count: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        a, _ = open_notes(root / "a.sqlite3", backups_dir=root / "ba")
        b, _ = open_notes(root / "b.sqlite3", backups_dir=root / "bb")
        with a, b:
            timed(f"build A ({count} notes)", lambda: build(a, count))
            done = timed("export A", lambda: export_notes(a, root / "a.essnotes"))
            print(f"{'file size':<40} {done.path.stat().st_size / 1e6:7.2f} MB")
            rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
            preview = timed("preview into empty B", lambda: preview_import(b, done.path))
            result = timed("apply into B (backup included)", lambda: apply_import(b, preview))
            grown = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss
            print(f"{'peak RSS growth, preview + apply':<40} {grown / 1e3:7.1f} MB")
            assert result.counts.new == count
            again = timed(
                "import again into B (no-op)", lambda: apply_import(b, preview_import(b, done.path))
            )
            assert again.backup is None
            back = timed("export B", lambda: export_notes(b, root / "b.essnotes"))
            same = timed(
                "import B's file into A (identical)",
                lambda: apply_import(a, preview_import(a, back.path)),
            )
            assert same.counts.identical == count and same.backup is None


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000)
