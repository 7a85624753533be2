"""Local entries from and to a spreadsheet: CSV as LibreOffice Calc and Excel write it in France.

Reading is bounded before anything is parsed (size, columns, rows, cell length), so a 1 GB
file, a binary file or a 100,000-column header is refused in milliseconds with a French
message. Encodings: UTF-8 with or without BOM, Windows-1252, and a file mixing both line by
line (each line read in the encoding it decodes in, and said). Separators ``;``, ``,`` or tab,
guessed from the header; quoted cells may hold line breaks.

An import is planned first (:func:`plan_import`: every row validated, duplicates flagged,
bad rows listed with their line number and reason), then applied all at once
(:func:`apply_import`: a backup, then one transaction). Nothing is ever half-imported.

``.xlsx`` is not read: the standard library has no reader and no dependency was added for it
(save the sheet as « CSV (séparateur : point-virgule) » in Calc or Excel). Weighed (issue
15): ``zipfile`` and ``ElementTree`` could read a sheet's cells, but not cheaply *well*: a
phone number or an INSEE code typed as a number loses its leading zero, dates are serial
numbers decoded through the styles part, and the hostile-file rules (a zip bomb, a huge or
deeply nested XML part) would each need their own guard. A workbook is refused with advice.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from essdesk import textfold
from essdesk.briefing_data import csv_table
from essdesk.catalogue.records import RELATION_LABELS
from essdesk.notes.errors import NotesError, os_reason
from essdesk.notes.local_entries import (
    KINDS,
    LocalContent,
    LocalEntry,
    LocalRelation,
    check_content,
    duplicate_names,
    in_vocabulary,
)

if TYPE_CHECKING:
    from essdesk.notes.records import Territory
    from essdesk.notes.store import NotesStore

MAX_BYTES = 32 * 1024 * 1024
"""Largest file read (32 MiB: 5,000 entries take ~2 MiB)."""
MAX_COLUMNS = 200
MAX_ROWS = 100_000
MAX_CELL = 100_000
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\x80-\x9f]")
_SPLIT = re.compile(r"\s*(?:[,;|]|\r?\n)\s*")

IGNORE = ""
FIELDS: dict[str, str] = {
    IGNORE: "(ignorer)",
    "title": "Nom",
    "aliases": "Sigles, autres noms",
    "kind": "Genre (acteur ou dispositif)",
    "subtype": "Type d'acteur ou nature",
    "summary": "Résumé",
    "text": "Texte",
    "address": "Adresse",
    "phone": "Téléphone",
    "email": "Courriel",
    "person": "Personne à contacter",
    "links": "Site web, liens",
    "territory_types": "Types de territoire",
    "everywhere": "Tous territoires",
    "levers": "Leviers",
    "tools": "Outils",
    "relations": "Liens avec des fiches",
    **{f"rel:{rel}": f"Lien : {RELATION_LABELS[rel][0]}" for rel in ("partner_of", "supported_by")},
}
"""Where a column may go (the mapping's choices), with its French label."""

_HEADERS: dict[str, tuple[str, ...]] = {
    "title": ("nom", "titre", "intitule", "structure", "denomination", "raison sociale", "name"),
    "aliases": ("sigle", "sigles", "acronyme", "alias", "autres noms", "sigles autres noms"),
    "kind": ("genre", "kind", "categorie"),
    "subtype": ("type", "type d acteur", "nature", "type de structure", "type d acteur ou nature"),
    "summary": ("resume", "presentation", "description courte", "summary"),
    "text": ("texte", "description", "commentaire", "commentaires", "observations", "text"),
    "address": ("adresse", "adresse postale", "commune", "ville", "code postal", "cp"),
    "phone": ("telephone", "tel", "phone", "portable"),
    "email": ("courriel", "email", "e mail", "mail", "adresse mail", "adresse electronique"),
    "person": ("contact", "personne", "personne a contacter", "referent", "interlocuteur"),
    "links": ("site", "site web", "site internet", "url", "web", "website", "site web liens"),
    "territory_types": ("territoires", "type de territoire", "types de territoire", "zonage"),
    "everywhere": ("tous territoires",),
    "levers": ("levier", "leviers"),
    "tools": ("outil", "outils"),
    "relations": ("liens", "lie a", "relations", "liens avec des fiches", "cles liees"),
    "rel:partner_of": ("partenaire de", "lien partenaire de", "partenaires"),
    "rel:supported_by": ("accompagne par", "lien accompagne par", "accompagnement"),
}
_BY_HEADER = {name: target for target, names in _HEADERS.items() for name in names}

EXPORT_COLUMNS = (
    "nom",
    "sigles",
    "genre",
    "type",
    "résumé",
    "texte",
    "adresse",
    "téléphone",
    "courriel",
    "contact",
    "site",
    "territoires",
    "tous territoires",
    "leviers",
    "outils",
    "liens",
    "territoire",
    "clé",
)
"""Columns of « Exporter la liste… »: an exported file imports back as it was."""


class SpreadsheetError(NotesError):
    """The file cannot be read as a list (too big, binary, too many columns…)."""


@dataclass(frozen=True)
class Table:
    """A CSV file read: its header and its records with their first line number."""

    header: tuple[str, ...]
    rows: tuple[tuple[int, tuple[str, ...]], ...]
    encoding: str  # "UTF-8", "UTF-8 (BOM)", "Windows-1252" or "UTF-8 et Windows-1252"
    delimiter: str
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class ImportRow:
    line: int
    cells: tuple[str, ...]
    content: LocalContent | None
    error: str = ""
    duplicate_of: str = ""  # the title of the entry it duplicates

    @property
    def ok(self) -> bool:
        return self.content is not None and not self.error


@dataclass(frozen=True)
class ImportPlan:
    """A preview: what applying would add, what it skips as duplicates, what is wrong."""

    table: Table
    mapping: tuple[str, ...]
    rows: tuple[ImportRow, ...]
    include_duplicates: bool = False

    @property
    def bad(self) -> list[ImportRow]:
        return [r for r in self.rows if r.error]

    @property
    def duplicates(self) -> list[ImportRow]:
        return [r for r in self.rows if r.ok and r.duplicate_of]

    @property
    def to_add(self) -> list[ImportRow]:
        return [r for r in self.rows if r.ok and (self.include_duplicates or not r.duplicate_of)]


# ------------------------------------------------------------------------ reading
def _refuse(message: str, detail: str) -> SpreadsheetError:
    return SpreadsheetError(message, detail)


def read_table(path: Path | str, max_bytes: int = MAX_BYTES) -> Table:
    """Read a CSV list, bounded; SpreadsheetError (French message) when it cannot be."""
    source = Path(path)
    name = source.name
    try:
        if source.exists() and not source.is_file():  # a FIFO or a device would never end
            raise _refuse(f"« {name} » n'est pas un fichier ordinaire.", "not a regular file")
        size = source.stat().st_size
        if size > max_bytes:
            raise _refuse(
                f"« {name} » est trop gros pour une liste ({size // (1024 * 1024)} Mo ; "
                f"{max_bytes // (1024 * 1024)} Mo au plus).",
                f"{size} bytes",
            )
        with source.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        raise _refuse(f"Impossible de lire « {name} » : {os_reason(exc)}.", str(exc)) from exc
    return parse_table(data, name)


def parse_table(data: bytes, name: str = "la liste") -> Table:
    if len(data) > MAX_BYTES:
        raise _refuse(f"« {name} » est trop gros pour une liste.", f"{len(data)} bytes")
    if data.startswith((b"PK\x03\x04", b"\xd0\xcf\x11\xe0")):
        raise _refuse(
            f"« {name} » est un classeur Excel ou Calc, pas un fichier CSV : enregistrez-le "
            "au format « CSV (séparateur : point-virgule) » puis importez ce fichier.",
            "xlsx/xls/ods container",
        )
    if b"\x00" in data:
        raise _refuse(
            f"« {name} » n'est pas un fichier texte (CSV) : il contient des données binaires.",
            "NUL byte",
        )
    text, encoding, warnings = _decode(data)
    if not text.strip():
        raise _refuse(f"« {name} » est vide.", "empty")
    first = text.split("\n", 1)[0]
    if first.count(";") + first.count(",") + first.count("\t") + 1 > MAX_COLUMNS:
        raise _refuse(
            f"« {name} » a trop de colonnes ({MAX_COLUMNS} au plus) : est-ce bien une liste ?",
            "too many columns",
        )
    delimiter = max((";", ",", "\t"), key=lambda d: (_count_outside_quotes(first, d), d == ";"))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=False)
    rows: list[tuple[int, tuple[str, ...]]] = []
    header: tuple[str, ...] | None = None
    line = 1
    previous_size = csv.field_size_limit()
    csv.field_size_limit(MAX_CELL)
    try:
        for record in reader:
            start, line = line, reader.line_num + 1
            if len(record) > MAX_COLUMNS:
                raise _refuse(
                    f"« {name} », ligne {start} : trop de colonnes ({len(record)} ; "
                    f"{MAX_COLUMNS} au plus).",
                    "too many columns",
                )
            cells = tuple(_cell(c) for c in record)
            if header is None:
                header = cells
                continue
            if not any(cells):
                continue
            rows.append((start, cells))
            if len(rows) > MAX_ROWS:
                raise _refuse(f"« {name} » a trop de lignes ({MAX_ROWS} au plus).", "too many rows")
    except csv.Error as exc:
        raise _refuse(
            f"« {name} », ligne {line} : cellule illisible ou trop longue ({exc}).", str(exc)
        ) from exc
    finally:
        csv.field_size_limit(previous_size)
    if header is None or not any(header):
        raise _refuse(f"« {name} » n'a pas de ligne d'en-tête.", "no header")
    if any(_CONTROL.search(c) for _, r in rows for c in r):
        warnings.append("Des caractères de contrôle (invisibles) ont été retirés des cellules.")
    rows = [(n, tuple(_CONTROL.sub("", c) for c in r)) for n, r in rows]
    header = tuple(_CONTROL.sub("", c) for c in header)
    return Table(header, tuple(rows), encoding, delimiter, tuple(warnings))


def _decode(data: bytes) -> tuple[str, str, list[str]]:
    if data.startswith(b"\xef\xbb\xbf"):
        data, bom = data[3:], True
    else:
        bom = False
    try:
        return data.decode("utf-8"), "UTF-8 (BOM)" if bom else "UTF-8", []
    except UnicodeDecodeError:
        pass
    out, legacy, utf8_beyond_ascii = [], [], False
    for number, raw in enumerate(data.split(b"\n"), start=1):
        try:
            out.append(raw.decode("utf-8"))
            utf8_beyond_ascii = utf8_beyond_ascii or not raw.isascii()
        except UnicodeDecodeError:
            out.append(raw.decode("cp1252", errors="replace"))
            legacy.append(number)
    if not utf8_beyond_ascii:
        return "\n".join(out), "Windows-1252", []
    shown = ", ".join(str(n) for n in legacy[:10]) + (" …" if len(legacy) > 10 else "")
    return (
        "\n".join(out),
        "UTF-8 et Windows-1252",
        [f"Encodages mélangés : lignes {shown} lues en Windows-1252, les autres en UTF-8."],
    )


def _count_outside_quotes(line: str, delimiter: str) -> int:
    count, quoted = 0, False
    for ch in line:
        if ch == '"':
            quoted = not quoted
        elif ch == delimiter and not quoted:
            count += 1
    return count


def _cell(value: str) -> str:
    """A cell as the user typed it: trimmed; the apostrophe essdesk's export puts before a
    formula-like start (csv_cell) taken off again, so an export imports back unchanged."""
    value = value.strip()
    if value.startswith("'") and value[1:2] and value[1:2] in _FORMULA_START:
        return value[1:]
    return value


# ------------------------------------------------------------------------ mapping
def guess_mapping(header: Sequence[str]) -> tuple[str, ...]:
    """A field of :data:`FIELDS` for each column, from its folded header (each field taken
    once, except the free-text ones that several columns may fill)."""
    taken: set[str] = set()
    out = []
    for cell in header:
        target = _BY_HEADER.get(textfold.index_text(cell), IGNORE)
        if target in taken and target not in ("address", "text", "links", "aliases"):
            target = IGNORE
        taken.add(target)
        out.append(target)
    if "title" not in taken and header:
        out[0] = "title" if out[0] == IGNORE else out[0]
    return tuple(out)


def _values(cells: Sequence[str], mapping: Sequence[str], target: str) -> list[str]:
    return [c for c, t in zip(cells, mapping, strict=False) if t == target and c]


def _items(values: Iterable[str]) -> list[str]:
    return [v for value in values for v in _SPLIT.split(value) if v]


Resolve = Callable[[str], "str | None"]
"""A key for what a cell names: a key as is, or the exact title/alias of an entry."""


def row_content(cells: Sequence[str], mapping: Sequence[str], resolve: Resolve) -> LocalContent:
    """What one row says, before validation (ValueError for what cannot be read)."""
    title = " ".join(_values(cells, mapping, "title"))
    subtype = " ".join(_values(cells, mapping, "subtype"))
    kinds = _values(cells, mapping, "kind")
    if kinds:
        kind = kinds[0]
    elif subtype and in_vocabulary("scheme", subtype) and not in_vocabulary("actor", subtype):
        kind = "scheme"
    else:
        kind = "actor"
    relations = []
    for target in [t for t in FIELDS if t.startswith("rel:")] + ["relations"]:
        for item in _items(_values(cells, mapping, target)):
            rel = target.removeprefix("rel:") if target != "relations" else "related_to"
            if target == "relations" and "=" in item:
                rel, item = (p.strip() for p in item.split("=", 1))
            key = resolve(item)
            if key is None:
                raise ValueError(f"fiche liée introuvable : « {item} »")
            relations.append(LocalRelation(rel, key))
    everywhere = textfold.index_text(" ".join(_values(cells, mapping, "everywhere")))
    return LocalContent(
        kind=kind,
        title=title,
        aliases=tuple(_items(_values(cells, mapping, "aliases"))),
        subtype=subtype,
        summary="\n".join(_values(cells, mapping, "summary")),
        text="\n\n".join(_values(cells, mapping, "text")),
        address=", ".join(_values(cells, mapping, "address")),
        phone=" ".join(_values(cells, mapping, "phone")),
        email=" ".join(_values(cells, mapping, "email")),
        person=" ".join(_values(cells, mapping, "person")),
        links=tuple(_with_scheme(u) for u in _items(_values(cells, mapping, "links"))),
        territory_types=tuple(_items(_values(cells, mapping, "territory_types"))),
        everywhere=everywhere in ("oui", "x", "1", "vrai", "yes", "true"),
        levers=tuple(_items(_values(cells, mapping, "levers"))),
        tools=tuple(_items(_values(cells, mapping, "tools"))),
        relations=tuple(relations),
    )


def _with_scheme(url: str) -> str:
    """ "www.exemple.fr" as people type it in a sheet → "https://www.exemple.fr"."""
    if "://" not in url and not url.startswith("mailto:") and "." in url and " " not in url:
        return "https://" + url
    return url


def plan_import(
    table: Table,
    mapping: Sequence[str],
    *,
    title_of: Callable[[str], str | None],
    resolve: Resolve,
    existing: Iterable[LocalContent] = (),
    existing_names: dict[str, str] | None = None,
    include_duplicates: bool = False,
) -> ImportPlan:
    """Validate every row as the store would (nothing written) and flag duplicates: a row
    whose folded title or alias is already a local entry's, a catalogue entry's
    (``existing_names``: folded name → title) or an earlier row's."""
    if "title" not in mapping:
        raise _refuse("Choisissez la colonne qui donne le nom des entrées.", "no title column")
    names = dict(existing_names or {})
    names.update(duplicate_names(existing))
    rows = []
    for line, cells in table.rows:
        try:
            content = check_content(row_content(cells, mapping, resolve), title_of)
        except NotesError as exc:
            rows.append(ImportRow(line, cells, None, exc.message))
            continue
        except ValueError as exc:
            rows.append(ImportRow(line, cells, None, str(exc).capitalize() + "."))
            continue
        folded = [textfold.index_text(n) for n in content.names]
        twin = next((names[n] for n in folded if n in names), "")
        rows.append(ImportRow(line, cells, content, duplicate_of=twin))
        for n in folded:
            names.setdefault(n, content.title)
    return ImportPlan(table, tuple(mapping), tuple(rows), include_duplicates)


def apply_import(
    store: NotesStore,
    territory: Territory | str,
    plan: ImportPlan,
    title_of: Callable[[str], str | None],
) -> list[LocalEntry]:
    """All or nothing: refused while a row is bad; else a verified backup, then every row
    in one transaction."""
    if plan.bad:
        first = plan.bad[0]
        raise _refuse(
            f"{len(plan.bad)} ligne(s) à corriger avant l'import (ligne {first.line} : "
            f"{first.error}) ; rien n'a été importé.",
            "bad rows",
        )
    contents = [r.content for r in plan.to_add if r.content is not None]
    if not contents:
        return []
    store.make_backup("avant-import-liste")
    return store.add_local_entries(territory, contents, title_of)


# ------------------------------------------------------------------------ writing
def export_rows(entries: Iterable[LocalEntry]) -> list[list[str]]:
    rows = []
    for entry in entries:
        c = entry.content
        rows.append(
            [
                c.title,
                ", ".join(c.aliases),
                KINDS[c.kind].lower(),
                c.subtype_label,
                c.summary,
                c.text,
                c.address,
                c.phone,
                c.email,
                c.person,
                "\n".join(c.links),
                ", ".join(t.removeprefix("territory:") for t in c.territory_types),
                "oui" if c.everywhere else "",
                ", ".join(v.removeprefix("lever:") for v in c.levers),
                ", ".join(v.removeprefix("tool:") for v in c.tools),
                "\n".join(f"{r.rel}={r.key}" for r in c.relations),
                entry.territory_name,
                entry.key,
            ]
        )
    return rows


def export_csv(entries: Iterable[LocalEntry]) -> bytes:
    """« Exporter la liste… »: the notes CSV's format (UTF-8 BOM, ``;``, formula-safe)."""
    return csv_table(EXPORT_COLUMNS, export_rows(entries))
