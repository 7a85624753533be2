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

from sqlalchemy import insert

from essdesk.notes import open_notes
from essdesk.notes.exchange import apply_import, export_notes, preview_import
from essdesk.notes.schema import note_versions, notes, notes_fts, statuses
from essdesk.textfold import index_text


def build(store, count: int) -> None:  # type: ignore[no-untyped-def]
    """Bulk rows (save_note one by one would time the store, not the exchange)."""
    terrs = [store.add_territory(f"Territoire {i:02d}", ["ZRR"], initials="AB") for i in range(20)]
    t0 = datetime(2024, 5, 6, tzinfo=UTC)
    with store._write() as conn:
        for i in range(count):
            t = terrs[i % 20]
            uuid = f"{i:08x}-0000-4000-8000-000000000000"
            when = (t0 + timedelta(seconds=i)).isoformat(timespec="microseconds")
            text = f"Note {i} : contact pris, suite à donner. " * 8
            conn.execute(
                insert(notes).values(
                    uuid=uuid,
                    entry_key=f"scheme:s{i // 20}",
                    territory_uuid=t.uuid,
                    text=text,
                    created=when,
                    updated=when,
                    entry_title=f"Dispositif {i // 20}",
                )
            )
            for v in ("brouillon", text):
                conn.execute(
                    insert(note_versions).values(
                        note_uuid=uuid, text=v, started_at=when, saved_at=when
                    )
                )
            conn.execute(insert(notes_fts).values(note_uuid=uuid, body=index_text(text)))
            if i % 2 == 0:
                conn.execute(
                    insert(statuses).values(
                        entry_key=f"scheme:s{i // 20}",
                        territory_uuid=t.uuid,
                        status="contacte",
                        date=None,
                        contact="",
                        updated=when,
                    )
                )


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
