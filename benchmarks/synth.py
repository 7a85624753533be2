"""A synthetic catalogue with the real schema: ``make_synthetic_catalogue(path, n)``.

Words are drawn from the real catalogue sources, so prefixes and accents behave as in real
use; relations and facets are spread like the real ones. Deterministic (seeded).
"""

from __future__ import annotations

import random
import re
import sys
import tomllib
from pathlib import Path

from essdesk.catalogue.build import write_catalogue
from essdesk.catalogue.records import ACTOR_TYPE_LABELS, NATURE_LABELS
from essdesk.catalogue.sources import RawEntry, load_sources
from essdesk.paths import data_dir


def vocabulary() -> list[str]:
    text = " ".join(
        " ".join([e.fields["title"], e.fields["summary"], e.fields["text"]])
        for e in load_sources(data_dir())
    )
    return sorted({w for w in re.findall(r"[^\W\d_]{3,}", text)})


def make_synthetic_catalogue(path: Path, n: int = 100_000, seed: int = 7) -> Path:
    rng = random.Random(seed)
    words = vocabulary()
    sessions = [f"session:s{i}" for i in range(20)]
    territories = [f"territory:t{i}" for i in range(7)]
    entries: list[RawEntry] = []

    def fields(title: str, body_words: int, **more: object) -> dict:
        f = {
            "title": title,
            "summary": " ".join(rng.choices(words, k=25)),
            "text": " ".join(rng.choices(words, k=body_words)),
            "note": "",
            "aliases": [title.split()[0].upper()[:5]],
            "facts": [" ".join(rng.choices(words, k=12))],
            "key_points": [],
            "links": [],
            "sources": [rng.choice(sessions)],
        }
        f.update(more)
        return f

    for s in sessions:
        entries.append(RawEntry("synth", s, "session", fields(s, 50, parent="", order=0)))
    for t in territories:
        entries.append(RawEntry("synth", t, "territory", fields(t, 20)))
    for lv in range(1, 7):
        entries.append(RawEntry("synth", f"lever:{lv}", "lever", fields(f"levier {lv}", 20)))
        for tl in range(1, 4):
            entries.append(
                RawEntry(
                    "synth",
                    f"tool:{lv}.{tl}",
                    "tool",
                    fields(f"outil {lv}.{tl}", 10, parent=f"lever:{lv}", number=f"{lv}.{tl}"),
                )
            )
    actor_types, natures = list(ACTOR_TYPE_LABELS), list(NATURE_LABELS)
    for i in range(n - len(entries)):
        title = " ".join(rng.choices(words, k=rng.randint(2, 6)))
        rels = [("targets", rng.choice(territories))] if rng.random() < 0.3 else []
        if rng.random() < 0.2:
            rels.append(("illustrates", f"tool:{rng.randint(1, 6)}.{rng.randint(1, 3)}"))
        if i % 2:
            f = fields(title, 80, subtype=rng.choice(actor_types), role="")
            entries.append(RawEntry("synth", f"actor:a{i}", "actor", f, rels))
        else:
            f = fields(title, 80, subtype=rng.choice(natures), backer="", amounts="")
            entries.append(RawEntry("synth", f"scheme:s{i}", "scheme", f, rels))
    info = tomllib.loads((data_dir() / "catalogue.toml").read_text(encoding="utf-8"))
    info["version"] = f"synthetic-{n}"
    write_catalogue(entries, info, "synthetic", path)
    return path


if __name__ == "__main__":
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/essdesk-synth.sqlite3")
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 100_000
    print(make_synthetic_catalogue(out, count))
