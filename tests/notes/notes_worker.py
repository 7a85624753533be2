"""A process that saves notes in a loop through the notes layer (kill and concurrency tests).

    python tests/notes/notes_worker.py --prefix A [--count N] [--start-file F]
    python tests/notes/notes_worker.py --keep-both TEXT --start-file F


Uses ``ESSDESK_HOME`` like the app. Each save rewrites the shared note
``scheme:dla`` with "<prefix> <i> …" and writes a note of its own (``scheme:<prefix>-<i>``);
after both are acknowledged it prints "<i>" on stdout, flushed: whatever was printed is
saved. The territory "Creuse" must exist.

``--keep-both TEXT``: like an editor window, load the note of ``scheme:dla``, print "ready",
wait for the start file, then save TEXT based on what was loaded and print the saved text
(repr, one line): the « keep both » race between two windows of two processes.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from essdesk.notes import open_notes
from essdesk.notes.records import NoteBase

FILLER = "Compte rendu : rencontre avec le Cœur de l’ESS, prochaines étapes. " * 8


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--prefix", default="A")
    parser.add_argument("--count", type=int, default=0, help="0: until killed")
    parser.add_argument("--start-file", type=Path, help="wait for this file before writing")
    parser.add_argument("--keep-both", metavar="TEXT", help="one save based on the loaded note")
    args = parser.parse_args()
    store, _ = open_notes()
    with store:
        territory = store.territory_by_name("Creuse")
        if args.keep_both is not None:
            loaded = store.get_note("scheme:dla", territory)
            base = NoteBase(loaded.updated, loaded.text) if loaded else NoteBase(None, "")
            print("ready", flush=True)
            while not args.start_file.exists():
                time.sleep(0.001)
            saved = store.save_note("scheme:dla", territory, args.keep_both, based_on=base)
            print(repr(saved.text), flush=True)
            return 0
        print("ready", flush=True)
        while args.start_file is not None and not args.start_file.exists():
            time.sleep(0.005)
        i = 0
        while args.count == 0 or i < args.count:
            store.save_note("scheme:dla", territory, f"{args.prefix} {i} {FILLER[: i % 400]}")
            store.save_note(f"scheme:{args.prefix}-{i}", territory, f"{args.prefix} {i}")
            if i % 7 == 0:
                store.set_status(f"scheme:{args.prefix}-{i}", territory, "en-cours")
            print(i, flush=True)
            i += 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
