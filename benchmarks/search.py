"""Search latency: essdesk's search() against a bare FTS5 query on the same file, same run.

Usage: python benchmarks/search.py [N_ENTRIES]   (default 100000)

Prints median and p95 over a few hundred realistic queries (whole words, prefixes of 2–5
letters, two-word queries, accent-free forms) on the real catalogue and on a synthetic one.
The bare query is the floor: FTS5 MATCH + bm25 ordering + LIMIT, rowids only, on a raw sqlite3
connection. A second class of queries is misspelt (one edit on words of 4–7 letters, two on
longer ones, or two words glued): it runs essdesk's fuzzy reading, with no floor of its own.
The line before the last: ``fuzzy p95 essdesk=<ms> entries=<n>`` (budget: 50 ms at 100,000
entries). Last line: ``search p95 essdesk=<ms> fts5=<ms> ratio=<x> entries=<n>``.
"""

from __future__ import annotations

import random
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.synth import make_synthetic_catalogue, vocabulary
from essdesk import textfold
from essdesk.catalogue.format import FTS_WEIGHTS
from essdesk.catalogue.search import fts_query, query_words
from essdesk.catalogue.store import Catalogue
from essdesk.paths import catalogue_path

LIMIT = 50
BM25 = "bm25(entries_fts, {}, {}, {})".format(*FTS_WEIGHTS)


def queries(n: int = 300, seed: int = 3) -> list[str]:
    rng = random.Random(seed)
    words = [w for w in vocabulary() if len(w) >= 4]
    out = []
    for i in range(n):
        w = rng.choice(words)
        match i % 4:
            case 0:
                out.append(w)
            case 1:
                out.append(w[: rng.randint(2, 5)])
            case 2:
                out.append(f"{w} {rng.choice(words)[:3]}")
            case _:
                out.append(textfold.fold(w).upper())
    return out


def misspelt(n: int = 200, seed: int = 5) -> list[str]:
    """Queries with typos the search must forgive: an edit in a word, or two words glued."""
    rng = random.Random(seed)
    words = [textfold.fold(w) for w in vocabulary() if len(w) >= 5]
    letters = "abcdefghijklmnopqrstuvwxyz"
    out = []
    for i in range(n):
        w = rng.choice(words)
        p = rng.randrange(1, len(w) - 1)
        match i % 5:
            case 0:  # substitution
                out.append(w[:p] + rng.choice(letters) + w[p + 1 :])
            case 1:  # deletion
                out.append(w[:p] + w[p + 1 :])
            case 2:  # transposition, then a second correct word
                out.append(f"{w[: p - 1]}{w[p]}{w[p - 1]}{w[p + 1 :]} {rng.choice(words)}")
            case 3:  # insertion, two edits on a long word
                typo = w[:p] + rng.choice(letters) + w[p:]
                out.append(typo[:-2] + typo[-1] if len(w) >= 8 else typo)
            case _:  # glued
                out.append(w + rng.choice(words))
    return out


def measure_fuzzy(path: Path, qs: list[str]) -> list[float]:
    times = []
    with Catalogue.open(path) as cat:
        for q in qs[:20]:
            cat.search(q, limit=LIMIT)
        for q in qs:
            t0 = time.perf_counter()
            cat.search(q, limit=LIMIT)
            times.append((time.perf_counter() - t0) * 1000)
    return times


def percentile(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, round(p * (len(values) - 1)))]


def measure(path: Path, qs: list[str]) -> tuple[list[float], list[float]]:
    bare = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    sql = f"SELECT rowid FROM entries_fts WHERE entries_fts MATCH ? ORDER BY {BM25} LIMIT {LIMIT}"
    ours, floor = [], []
    with Catalogue.open(path) as cat:
        for q in qs[:20]:  # warm both caches the same way
            cat.search(q, limit=LIMIT)
            bare.execute(sql, (fts_query(query_words(q)),)).fetchall()
        for q in qs:
            t0 = time.perf_counter()
            cat.search(q, limit=LIMIT)
            t1 = time.perf_counter()
            bare.execute(sql, (fts_query(query_words(q)),)).fetchall()
            t2 = time.perf_counter()
            ours.append((t1 - t0) * 1000)
            floor.append((t2 - t1) * 1000)
    bare.close()
    return ours, floor


def report(label: str, ours: list[float], floor: list[float]) -> tuple[float, float]:
    p95_o, p95_f = percentile(ours, 0.95), percentile(floor, 0.95)
    print(
        f"{label}: essdesk median={statistics.median(ours):.2f} ms p95={p95_o:.2f} ms | "
        f"fts5 median={statistics.median(floor):.2f} ms p95={p95_f:.2f} ms | "
        f"ratio p95={p95_o / p95_f:.2f}"
    )
    return p95_o, p95_f


def main() -> int:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    qs = queries()
    real = catalogue_path()
    with Catalogue.open(real) as cat:
        size = len(cat)
    report(f"real catalogue ({size} entries)", *measure(real, qs))
    typos = misspelt()
    fuzzy_real = measure_fuzzy(real, typos)
    print(
        f"real catalogue, misspelt: essdesk median={statistics.median(fuzzy_real):.2f} ms "
        f"p95={percentile(fuzzy_real, 0.95):.2f} ms"
    )
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "synth.sqlite3"
        t0 = time.perf_counter()
        make_synthetic_catalogue(path, n)
        print(f"synthetic catalogue of {n} entries built in {time.perf_counter() - t0:.1f} s")
        ours, floor = measure(path, qs)
        p95_o, p95_f = report(f"synthetic ({n} entries)", ours, floor)
        fuzzy_synth = measure_fuzzy(path, typos)
    print(
        f"synthetic ({n} entries), misspelt: essdesk median="
        f"{statistics.median(fuzzy_synth):.2f} ms p95={percentile(fuzzy_synth, 0.95):.2f} ms"
    )
    print(f"fuzzy p95 essdesk={percentile(fuzzy_synth, 0.95):.2f} entries={n}")
    print(f"search p95 essdesk={p95_o:.2f} fts5={p95_f:.2f} ratio={p95_o / p95_f:.2f} entries={n}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
