"""Build data/catalogue.sqlite3 from the TOML sources: ``python -m essdesk.catalogue.build``.

The output is deterministic for given sources, written to a temporary file and moved into
place, in ``journal_mode=DELETE`` so that it opens from a read-only folder.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
import tomllib
from collections import defaultdict
from pathlib import Path
from typing import Any

from essdesk import textfold
from essdesk.catalogue.records import ACTOR_TYPE_LABELS, KIND_LABELS, NATURE_LABELS
from essdesk.catalogue.schema import FTS_DDL, SCHEMA_VERSION, metadata
from essdesk.catalogue.sources import RawEntry, SourceError, load_sources, sources_digest
from essdesk.fileio import replacing

REPORT_PREFIX = "Source : compte-rendu du webinaire du 31 mars 2021 — "


def _short_session_label(e: RawEntry, by_key: dict[str, RawEntry]) -> str:
    """ "Table ronde n°1, séquence #2" style label used in provenance lines."""
    title = str(e.fields["title"])
    parent = by_key.get(e.fields.get("parent") or "")
    if parent is None:
        return title.split(" – ")[0].split(" - ")[0].strip()
    head = _short_session_label(parent, by_key)
    number = e.fields.get("number") or title.split(" – ")[0].split(" - ")[0]
    label = number[:1].lower() + number[1:]
    if "carte blanche" in title.lower():
        tail = title.split(":", 1)[-1].strip() if ":" in title else title
        return f"{head}, {label} ({tail})"
    return f"{head}, {label}"


def scope_values(e: RawEntry, territories: dict[str, set[str]]) -> list[str]:
    """An actor's or scheme's scope, from the report's words only (data/README.md):
    ``targeted`` when it targets territory types, ``everywhere`` when the report says it
    applies everywhere or nationally (the ``everywhere`` field quotes it), else
    ``unknown`` (« non précisé »)."""
    out = []
    if territories.get(e.key):
        out.append("targeted")
    if e.fields.get("everywhere"):
        out.append("everywhere")
    return out or ["unknown"]


def scope_detail(e: RawEntry, by_key: dict[str, RawEntry], territories: dict[str, set[str]]) -> str:
    parts = []
    targets = sorted(
        (by_key[t].fields["aliases"] or [by_key[t].fields["title"]])[0]
        for t in territories.get(e.key, ())
    )
    if targets:
        parts.append("cible : " + ", ".join(targets))
    if e.fields.get("everywhere"):
        parts.append(f"tous territoires (« {e.fields['everywhere']} »)")
    return " ; ".join(parts) or "non précisé par le compte-rendu"


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


# A fact may be written from either side ("X operated_by Y" in one file, "Y operates X" in
# another): passive forms are stored in their active form, symmetric ones in key order, so
# the same fact is one edge and is not shown twice.
_ACTIVE = {
    "backed_by": "backs",
    "operated_by": "operates",
    "authored_by": "authored",
    "supported_by": "supports",
}
_SYMMETRIC = {"partner_of", "related_to"}


def _edge(src: str, rel: str, dst: str) -> tuple[str, str, str]:
    if rel in _ACTIVE:
        return dst, _ACTIVE[rel], src
    if rel in _SYMMETRIC and dst < src:
        return dst, rel, src
    return src, rel, dst


def _expand_relations(entries: list[RawEntry]) -> list[tuple[str, str, str]]:
    """Directed edges (src, rel, dst), deduplicated, in a stable order."""
    edges: list[tuple[str, str, str]] = []
    for e in entries:
        for rel, target in e.relations:
            if rel.startswith("~"):  # declared on the session: actor -> session
                edges.append((target, rel[1:], e.key))
            else:
                edges.append(_edge(e.key, rel, target))
        parent = e.fields.get("parent")
        if parent:
            edges.append((e.key, "part_of", parent))
        for src in e.fields["sources"]:
            if src != e.key and e.kind != "session":
                edges.append((e.key, "mentioned_in", src))
    return sorted(set(edges))


def build(src: Path, out: Path) -> int:
    """Build the catalogue from ``src`` into ``out``; returns the number of entries."""
    entries = load_sources(src)
    info = tomllib.loads((src / "catalogue.toml").read_text(encoding="utf-8"))
    write_catalogue(entries, info, sources_digest(src), out)
    return len(entries)


def write_catalogue(entries: list[RawEntry], info: dict[str, Any], digest: str, out: Path) -> None:
    """Write validated entries to ``out`` (atomically). Also used for synthetic benchmarks."""
    by_key = {e.key: e for e in entries}
    edges = _expand_relations(entries)

    session_label = {e.key: _short_session_label(e, by_key) for e in entries if e.kind == "session"}
    # Facets derived from relations: levers (via the lever or one of its tools) and
    # territory types (via "targets", or the territory entry itself).
    lever_of = {e.key: e.fields["parent"] for e in entries if e.kind == "tool"}
    levers: dict[str, set[str]] = defaultdict(set)
    territories: dict[str, set[str]] = defaultdict(set)
    backers: dict[str, list[str]] = defaultdict(list)
    for s, rel, d in edges:
        for a, b in ((s, d), (d, s)):
            if b.startswith("lever:") and rel != "part_of":
                levers[a].add(b)
            elif b.startswith("tool:") and rel != "part_of":
                levers[a].add(lever_of[b])
        if rel == "targets" and d.startswith("territory:"):
            territories[s].add(d)
        if rel in ("backs", "operates") and by_key[s].kind == "actor":
            backers[d].append(by_key[s].fields["title"])
    for e in entries:
        if e.kind == "lever":
            levers[e.key].add(e.key)
        elif e.kind == "tool":
            levers[e.key].add(lever_of[e.key])
        elif e.kind == "territory":
            territories[e.key].add(e.key)

    with replacing(out) as tmp:
        from sqlalchemy import create_engine

        engine = create_engine(f"sqlite:///{tmp}")
        metadata.create_all(engine)
        engine.dispose()
        con = sqlite3.connect(tmp)
        try:
            con.execute(FTS_DDL)
            for name, value in (
                ("schema_version", str(SCHEMA_VERSION)),
                ("catalogue_version", info["version"]),
                ("sources_digest", digest),
                ("source_title", info["source"]["title"]),
                ("source_kind", info["source"]["kind"]),
                ("source_date", info["source"]["date"]),
                ("source_author", info["source"]["author"]),
                ("source_url", info["source"]["url"]),
            ):
                con.execute("INSERT INTO meta(name, value) VALUES (?, ?)", (name, value))
            for rowid, e in enumerate(entries, start=1):
                _insert_entry(con, rowid, e, by_key, session_label, levers, territories, backers)
            con.executemany("INSERT INTO relations(src, rel, dst) VALUES (?, ?, ?)", edges)
            con.execute("INSERT INTO entries_fts(entries_fts) VALUES ('optimize')")
            con.commit()
            con.execute("PRAGMA journal_mode=DELETE")
            con.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
            con.execute("VACUUM")
        finally:
            con.close()


def _insert_entry(
    con: sqlite3.Connection,
    rowid: int,
    e: RawEntry,
    by_key: dict[str, RawEntry],
    session_label: dict[str, str],
    levers: dict[str, set[str]],
    territories: dict[str, set[str]],
    backers: dict[str, list[str]],
) -> None:
    f = e.fields
    subtype = f.get("subtype", "")
    subtype_label = ACTOR_TYPE_LABELS.get(subtype) or NATURE_LABELS.get(subtype, "")
    details: list[tuple[str, str]] = []
    if e.kind == "actor":
        if subtype == "unspecified":
            details.append(("Type d'acteur", "Non précisé par le compte-rendu"))
        else:
            details.append(("Type d'acteur", subtype_label))
        if f.get("actor_type_basis"):
            details.append(("D'après le compte-rendu", f"« {f['actor_type_basis']} »"))
        if f.get("role"):
            details.append(("Fonction", f["role"]))
    elif e.kind == "scheme":
        details.append(("Nature", subtype_label))
        for name, label in (
            ("backer", "Porteur ou financeur"),
            ("amounts", "Montants"),
            ("beneficiaries", "Bénéficiaires"),
            ("period", "Période"),
            ("territory_note", "Territoires"),
        ):
            if f.get(name):
                details.append((label, f[name]))
    elif e.kind == "tool":
        details.append(("Levier", by_key[f["parent"]].fields["title"]))
    if e.kind in ("actor", "scheme"):
        details.append(("Territoires visés", scope_detail(e, by_key, territories)))
    backer = f.get("backer") or ", ".join(dict.fromkeys(backers.get(e.key, [])))
    terr_labels = ", ".join(
        sorted(
            (by_key[t].fields["aliases"] or [by_key[t].fields["title"]])[0]
            for t in territories.get(e.key, ())
        )
    )
    provenance = REPORT_PREFIX + " ; ".join(session_label[s] for s in f["sources"])
    con.execute(
        "INSERT INTO entries(id, key, kind, title, summary, text, note, subtype, subtype_label,"
        " role, parent, ord, number, provenance, aliases, facts, key_points, links, sources,"
        " details, backer, territories, sort_title, sort_type, sort_backer, sort_territories)"
        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (
            rowid,
            e.key,
            e.kind,
            f["title"],
            f["summary"],
            f["text"],
            f["note"],
            subtype,
            subtype_label,
            f.get("role", ""),
            f.get("parent", ""),
            f.get("order", 0),
            f.get("number", ""),
            provenance,
            _json(f["aliases"]),
            _json(f["facts"]),
            _json(f["key_points"]),
            _json(f["links"]),
            _json(f["sources"]),
            _json(details),
            backer,
            terr_labels,
            textfold.sort_key(f["title"]),
            textfold.sort_key(subtype_label or KIND_LABELS[e.kind]),
            textfold.sort_key(backer),
            textfold.sort_key(terr_labels),
        ),
    )
    body = " ".join(
        [f["summary"], f["text"], f.get("role", ""), f["note"], backer, terr_labels]
        + [v for _, v in details]
        + f["facts"]
        + f["key_points"]
    )
    con.execute(
        "INSERT INTO entries_fts(rowid, title, aliases, body) VALUES (?, ?, ?, ?)",
        (
            rowid,
            textfold.index_text(f["title"]),
            textfold.index_text(" ".join(f["aliases"])),
            textfold.index_text(body),
        ),
    )
    names = {textfold.index_text(n) for n in [f["title"], *f["aliases"]]} - {""}
    con.executemany(
        "INSERT INTO names(name, entry_id) VALUES (?, ?)", [(n, rowid) for n in sorted(names)]
    )
    facet_rows = [("kind", e.kind)]
    if e.kind == "actor":
        facet_rows.append(("actor_type", subtype))
    elif e.kind == "scheme":
        facet_rows.append(("nature", subtype))
    facet_rows += [("lever", v) for v in sorted(levers.get(e.key, ()))]
    facet_rows += [("territory", v) for v in sorted(territories.get(e.key, ()))]
    if e.kind in ("actor", "scheme"):
        facet_rows += [("scope", v) for v in scope_values(e, territories)]
    con.executemany(
        "INSERT INTO facets(entry_id, facet, value) VALUES (?, ?, ?)",
        [(rowid, fa, v) for fa, v in facet_rows],
    )


def main(argv: list[str] | None = None) -> int:
    from essdesk import paths

    parser = argparse.ArgumentParser(prog="python -m essdesk.catalogue.build")
    parser.add_argument("--src", type=Path, default=paths.data_dir())
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args(argv)
    out = args.out or args.src / "catalogue.sqlite3"
    try:
        n = build(args.src, out)
    except SourceError as exc:
        print(f"essdesk: source invalide — {exc}", file=sys.stderr)
        return 1
    print(f"{out}: {n} entrées")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
