"""Local entries at a territory's scale: a 5,000-row spreadsheet imported, then searched.

Usage: python benchmarks/local_entries.py [N_ENTRIES]   (default 5000)

Import: a French CSV (UTF-8 BOM, « ; », a multi-line cell per row) of N actors is read,
planned (every row validated, duplicates looked up) and applied (a verified backup, then one
transaction) in a throwaway ESSDESK_HOME. The floor is reading the same file with the ``csv``
module alone, in the same run. Search: keystrokes typed into the search box (each prefix of
realistic queries, local names, report words and misspellings) on the real catalogue with the
N local entries beside it, after the index is built; the budget is one frame (16 ms) at p95.
Last line: ``local import essdesk=<ms> floor=<ms> ratio=<x> entries=<n>; search p95=<ms>``.
"""

from __future__ import annotations

import csv
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

KINDS = ("Association", "Coopérative, SCIC", "Entreprise", "Collectivités et leurs réseaux")
PLACES = ("Oyonnax", "Nantua", "Bellegarde", "Hauteville", "Saint-Claude", "Gex", "Belley")
ACTIVITIES = (
    "Ressourcerie",
    "Tiers-lieu",
    "Épicerie solidaire",
    "Recyclerie",
    "Garage solidaire",
    "Café associatif",
    "Atelier vélo",
    "Chantier d'insertion",
    "Jardin partagé",
)


def spreadsheet(path: Path, n: int, seed: int = 7) -> Path:
    rng = random.Random(seed)
    lines = ["Nom;Sigle;Type;Description;Commune;Téléphone;Site web;Leviers"]
    for i in range(n):
        activity, place = rng.choice(ACTIVITIES), rng.choice(PLACES)
        lines.append(
            f'{activity} de {place} n°{i};;{rng.choice(KINDS)};"{activity} à {place}\n'
            f'ouvert depuis {2000 + i % 24}";{place};04 74 {i % 100:02d} {i % 97:02d} 00;'
            f"www.structure{i}.fr;{rng.randint(1, 6)}"
        )
    path.write_bytes(("\ufeff" + "\r\n".join(lines) + "\r\n").encode("utf-8"))
    return path


def keystrokes(seed: int = 11) -> list[str]:
    """Every prefix of each query, as typed one key at a time."""
    rng = random.Random(seed)
    queries = [
        "ressourcerie oyonnax",
        "tiers lieu",
        "epicerie solidaire",
        "dla",
        "france active",
        "recyclrie",
        "garrage solidaire",
        "commande publique",
        "cafe associatif nantua",
        "atelier velo",
        "chantier insertion",
        "jardin",
        "scic",
        "coeur",
    ]
    rng.shuffle(queries)
    return [q[:i] for q in queries for i in range(1, len(q) + 1)]


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(p * len(ordered)))]


def main() -> int:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 5000
    with tempfile.TemporaryDirectory(prefix="essdesk-bench-local-") as home:
        os.environ["ESSDESK_HOME"] = home
        from essdesk import paths
        from essdesk.local.catalogue import TerritoryCatalogue
        from essdesk.local.spreadsheet import apply_import, guess_mapping, plan_import, read_table
        from essdesk.notes import open_notes

        source = spreadsheet(Path(home) / "liste.csv", n)
        t0 = time.perf_counter()
        with source.open(encoding="utf-8-sig", newline="") as handle:
            floor_rows = list(csv.reader(handle, delimiter=";"))
        floor = (time.perf_counter() - t0) * 1000
        store, _ = open_notes()
        territory = store.add_territory("CC du Haut-Bugey", ["ZRR"], initials="AB")
        catalogue = TerritoryCatalogue.open_local(paths.catalogue_path())
        t0 = time.perf_counter()
        table = read_table(source)
        plan = plan_import(
            table,
            guess_mapping(table.header),
            title_of=catalogue.title,
            resolve=catalogue.resolve,
            existing=[e.content for e in store.local_entries(territory)],
            existing_names=catalogue.names(),
        )
        added = apply_import(store, territory, plan, catalogue.title)
        ours = (time.perf_counter() - t0) * 1000
        assert len(added) == n == len(floor_rows) - 1, (len(added), n, len(floor_rows))
        t0 = time.perf_counter()
        catalogue.set_local(store.local_entries(territory))
        catalogue.search("x")  # the merged vocabulary is built once, like the first keystroke
        scope = (time.perf_counter() - t0) * 1000
        typed = keystrokes()
        from essdesk.catalogue.store import Catalogue

        alone = []  # the report's catalogue without local entries: the reference, same run
        with Catalogue.open(paths.catalogue_path()) as plain:
            for text in typed:
                t0 = time.perf_counter()
                plain.search(text, limit=50)
                alone.append((time.perf_counter() - t0) * 1000)
        times = []
        for text in typed:
            t0 = time.perf_counter()
            catalogue.search(text, limit=50)
            times.append((time.perf_counter() - t0) * 1000)
        catalogue.close()
        store.close()
    p95 = percentile(times, 0.95)
    print(
        f"import of {n} rows: essdesk {ours:.0f} ms (read, validate, back up, write), "
        f"csv module alone {floor:.1f} ms"
    )
    print(f"scope switch (load {n} entries, index, vocabulary): {scope:.0f} ms")
    print(f"catalogue alone, same keystrokes: p95 {percentile(alone, 0.95):.2f} ms")
    print(
        f"{len(typed)} keystrokes: median {statistics.median(times):.2f} ms, p95 {p95:.2f} ms "
        f"(budget 16 ms)"
    )
    print(
        f"local import essdesk={ours:.0f} floor={floor:.1f} ratio={ours / floor:.0f} "
        f"entries={n}; search p95={p95:.2f}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
