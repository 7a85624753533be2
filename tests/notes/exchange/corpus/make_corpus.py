"""Build the corpus of bad exchange files (and one good one) beside this script.

Run ``python tests/notes/exchange/corpus/make_corpus.py`` after changing a case; the files are
committed, and ``exchange/test_reader_corpus.py`` checks they still match what this script builds.
Every case is ``name -> (bytes, expected fragment of the French message)``; the expected
fragment is ``""`` for the valid file. Cases too big to commit (a 2 GB file, 100,001 notes) are
built by the tests at run time with the helpers below.

Only the standard library is used, and everything is deterministic (fixed uuids, dates and
ZIP timestamps), so rebuilding gives the same bytes.

Over 500 lines: one small builder per bad file of the corpus.
"""

from __future__ import annotations

import hashlib
import io
import json
import struct
import sys
import warnings
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
STAMP = (2024, 5, 6, 9, 0, 0)

T1 = "11111111-1111-4111-8111-111111111111"
N1 = "22222222-2222-4222-8222-222222222222"
N2 = "33333333-3333-4333-8333-333333333333"
WHEN = "2024-05-06T09:00:00.000000+00:00"


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def valid_payload() -> dict[str, Any]:
    """One territory, a note on a known entry, an orphan note, one status."""
    return {
        "territories": [
            {
                "uuid": T1,
                "name": "Creuse",
                "types": ["territory:zrr", "territory:montagne"],
                "commune": "Guéret",
                "code": "23",
                "initials": "AB",
                "created": WHEN,
            }
        ],
        "notes": [
            {
                "uuid": N1,
                "entry_key": "scheme:dla",
                "entry_title": "Dispositif local d'accompagnement (DLA)",
                "territory_uuid": T1,
                "text": "RDV avec la chargée de mission DLA.\n<script>alert(1)</script> reste du texte.",
                "created": WHEN,
                "updated": WHEN,
                "author": "AB",
                "conflict_of": None,
                "history": [],
            },
            {
                "uuid": N2,
                "entry_key": "scheme:dispositif-disparu",
                "entry_title": "Un dispositif retiré du catalogue",
                "territory_uuid": T1,
                "text": "Note orpheline : la fiche n'existe plus.",
                "created": WHEN,
                "updated": WHEN,
                "author": "AB",
                "conflict_of": None,
                "history": [],
            },
        ],
        "statuses": [
            {
                "entry_key": "scheme:dla",
                "territory_uuid": T1,
                "status": "contacte",
                "date": "2024-05-02",
                "contact": "Mme Martin",
                "updated": WHEN,
            }
        ],
    }


def html_payload(src: str = "file:///dev/zero") -> dict[str, Any]:
    """A valid file whose every text carries HTML: an ``<img>`` of a local file (``/dev/zero``
    made a window that rendered it grow past 3 GB) and bold tags. It is accepted (text is
    text); the window must show it literally and open no file it points at."""
    img = f'<img src="{src}">'
    payload = valid_payload()
    territory = payload["territories"][0]
    territory["name"] = f"<b>Creuse</b>{img}"
    territory["commune"] = f"Guéret{img}"
    first, orphan = payload["notes"]
    first["text"] = f"<b>GRAS</b> {img}\n&lt;i&gt; <a href='{src}'>lien</a>"
    first["entry_title"] = f"{img}DLA"
    orphan["entry_key"] = f"scheme:<b>x</b>{img}"
    orphan["entry_title"] = f"<b>Retiré</b>{img}"
    orphan["text"] = f"{img} orpheline"
    payload["statuses"][0]["contact"] = f"<b>Mme</b>{img}"
    return payload


def manifest_for(payload: dict[str, Any], body: bytes) -> dict[str, Any]:
    return {
        "format": "essdesk-notes",
        "format_version": 1,
        "essdesk_version": "0.1.0",
        "catalogue_version": "1.0.0",
        "created": WHEN,
        "scope": "all",
        "territories": [{"uuid": t["uuid"], "name": t["name"]} for t in payload["territories"]],
        "counts": {k: len(payload[k]) for k in ("territories", "notes", "statuses")},
        "payload": {"name": "notes.json", "size": len(body), "sha256": sha(body)},
    }


def dumps(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, indent=1).encode("utf-8")


def pack(
    members: list[tuple[str, bytes]],
    compress: int = zipfile.ZIP_DEFLATED,
    attrs: dict[str, int] | None = None,
) -> bytes:
    """A ZIP archive of ``members`` (duplicates allowed), with fixed timestamps."""
    out = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "Duplicate name": wanted here
        with zipfile.ZipFile(out, "w") as archive:
            for name, data in members:
                info = zipfile.ZipInfo(name, date_time=STAMP)
                info.compress_type = compress
                info.external_attr = (attrs or {}).get(name, 0o644 << 16)
                archive.writestr(info, data)
    return out.getvalue()


def archive(payload: dict[str, Any] | None = None, **manifest_changes: Any) -> bytes:
    """A sealed archive (right size and checksum) of ``payload`` with manifest changes."""
    payload = valid_payload() if payload is None else payload
    body = dumps(payload)
    manifest = manifest_for(payload, body)
    manifest.update(manifest_changes)
    return pack([("manifest.json", dumps(manifest)), ("notes.json", body)])


def sealed_raw(body: bytes, **manifest_changes: Any) -> bytes:
    """An archive whose notes.json is ``body`` as is, with a manifest that vouches for it."""
    manifest = manifest_for(valid_payload(), body)
    manifest.update(manifest_changes)
    return pack([("manifest.json", dumps(manifest)), ("notes.json", body)])


def with_note(**changes: Any) -> bytes:
    payload = valid_payload()
    for key, value in changes.items():
        if value is _DROP:
            del payload["notes"][0][key]
        else:
            payload["notes"][0][key] = value
    return archive(payload)


def with_status(**changes: Any) -> bytes:
    payload = valid_payload()
    payload["statuses"][0].update(changes)
    return archive(payload)


def with_territory(**changes: Any) -> bytes:
    payload = valid_payload()
    payload["territories"][0].update(changes)
    return archive(payload)


_DROP = object()


def central_headers(raw: bytes) -> list[int]:
    """Offsets of the central directory headers."""
    found, pos = [], raw.find(b"PK\x01\x02")
    while pos >= 0:
        found.append(pos)
        pos = raw.find(b"PK\x01\x02", pos + 4)
    return found


def patch_central(raw: bytes, member: str, offset: int, fmt: str, value: int) -> bytes:
    """Overwrite a field of ``member``'s central directory header (offset from its start)."""
    data = bytearray(raw)
    for pos in central_headers(raw):
        (name_len,) = struct.unpack_from("<H", data, pos + 28)
        if data[pos + 46 : pos + 46 + name_len] == member.encode():
            struct.pack_into(fmt, data, pos + offset, value)
            return bytes(data)
    raise LookupError(member)


def encrypted_flag(raw: bytes) -> bytes:
    data = bytearray(raw)
    for pos in central_headers(raw):
        data[pos + 8] |= 0x1
    pos = data.find(b"PK\x03\x04")
    while pos >= 0:
        data[pos + 6] |= 0x1
        pos = data.find(b"PK\x03\x04", pos + 4)
    return bytes(data)


def flip_middle(raw: bytes, member: str) -> bytes:
    """Damage the compressed bytes of ``member`` (local header left intact)."""
    data = bytearray(raw)
    start = data.find(b"PK\x03\x04")  # first local header
    while start >= 0:
        name_len, extra_len = struct.unpack_from("<HH", data, start + 26)
        (size,) = struct.unpack_from("<I", data, start + 18)
        if data[start + 30 : start + 30 + name_len] == member.encode():
            body = start + 30 + name_len + extra_len
            for i in range(body + size // 3, body + size // 3 + 8):
                data[i] ^= 0xFF
            return bytes(data)
        start = data.find(b"PK\x03\x04", start + 4)
    raise LookupError(member)


def nul_in_name() -> bytes:
    body = dumps(valid_payload())
    raw = pack(
        [("manifest.json", dumps(manifest_for(valid_payload(), body))), ("notes.jsonX.exe", body)]
    )
    return raw.replace(b"notes.jsonX.exe", b"notes.json\x00.exe")


# -- cases built at run time (too big to commit) ------------------------------------------------


def undercounted(extra: int = 1_000) -> bytes:
    """A valid archive with ``extra`` more members whose end record counts 2 entries:
    zipfile walks the central directory by its size, whatever the count says."""
    raw = pack(
        [("manifest.json", b"{}"), ("notes.json", b"{}")] + [(f"x{i}", b"") for i in range(extra)],
        compress=zipfile.ZIP_STORED,
    )
    end = raw.rfind(b"PK\x05\x06")
    return raw[: end + 8] + struct.pack("<HH", 2, 2) + raw[end + 12 :]


def too_many_notes(count: int = 100_001) -> bytes:
    payload = valid_payload()
    template = payload["notes"][0]
    payload["notes"] = [
        {**template, "uuid": f"{i:08x}-0000-4000-8000-000000000000", "text": ""}
        for i in range(count)
    ]
    body = json.dumps(payload, separators=(",", ":")).encode()
    manifest = manifest_for(payload, body)
    manifest["counts"]["notes"] = min(count, 100_000)
    return pack([("manifest.json", dumps(manifest)), ("notes.json", body)])


def sparse_file(path: Path, size: int = 2 * 1024**3) -> Path:
    """A file of ``size`` bytes that takes no room on disk (it starts like a ZIP)."""
    with path.open("wb") as fh:
        fh.write(b"PK\x03\x04")
        fh.truncate(size)
    return path


# -- the committed corpus -----------------------------------------------------------------------


def cases() -> dict[str, tuple[Callable[[], bytes], str]]:
    good = archive()
    payload_body = dumps(valid_payload())
    manifest = dumps(manifest_for(valid_payload(), payload_body))
    tampered = valid_payload()
    tampered["notes"][0]["text"] = "Texte modifié après l'export."
    future = manifest_for(valid_payload(), payload_body)
    future["format_version"] = 99
    bomb_body = payload_body[:-2] + b" " * (20 * 1024 * 1024) + payload_body[-2:]
    deep = b"[" * 100_000 + b"]" * 100_000
    return {
        "valid": (lambda: good, ""),
        "html-everywhere": (lambda: archive(html_payload()), ""),
        "note-too-long": (lambda: with_note(text="Compte rendu. " * 14_286), "trop longue"),
        # not an archive at all
        "not-a-zip": (
            lambda: b"Bonjour, ceci n'est pas une archive.\n",
            "archive ZIP illisible",
        ),
        "empty-file": (lambda: b"", "archive ZIP illisible"),
        "sqlite-database": (lambda: b"SQLite format 3\x00" + bytes(4080), "archive ZIP illisible"),
        "png-image": (lambda: b"\x89PNG\r\n\x1a\n" + bytes(200), "archive ZIP illisible"),
        # damaged archives
        "truncated-half": (lambda: good[: len(good) // 2], "endommagé ou incomplet"),
        "truncated-end": (lambda: good[:-5], "endommagé ou incomplet"),
        "corrupt-compressed-data": (
            lambda: flip_middle(good, "notes.json"),
            "endommagé ou incomplet",
        ),
        "bad-crc-stored": (
            lambda: flip_middle(
                pack(
                    [("manifest.json", manifest), ("notes.json", payload_body)], zipfile.ZIP_STORED
                ),
                "notes.json",
            ),
            "endommagé ou incomplet",
        ),
        "lying-small-size": (
            lambda: patch_central(good, "notes.json", 24, "<I", 100),
            "endommagé ou incomplet",
        ),
        # integrity of the payload
        "wrong-checksum": (
            lambda: pack([("manifest.json", manifest), ("notes.json", dumps(tampered))]),
            "somme de contrôle",
        ),
        "wrong-declared-size": (
            lambda: pack(
                [
                    (
                        "manifest.json",
                        dumps(
                            {
                                **manifest_for(valid_payload(), payload_body),
                                "payload": {
                                    "name": "notes.json",
                                    "size": len(payload_body) + 1,
                                    "sha256": sha(payload_body),
                                },
                            }
                        ),
                    ),
                    ("notes.json", payload_body),
                ]
            ),
            "somme de contrôle",
        ),
        # format and version
        "future-format-version": (
            lambda: pack([("manifest.json", dumps(future)), ("notes.v2.sqlite", b"\x00" * 64)]),
            "version plus récente",
        ),
        "foreign-format": (lambda: archive(format="zotero-export"), "format « zotero-export »"),
        "format-version-as-text": (lambda: archive(format_version="1"), "format_version"),
        "missing-manifest": (lambda: pack([("notes.json", payload_body)]), "manifest.json absent"),
        "missing-payload": (lambda: pack([("manifest.json", manifest)]), "endommagé ou incomplet"),
        # JSON
        "malformed-manifest-json": (
            lambda: pack(
                [("manifest.json", b'{"format": "essdesk-notes",'), ("notes.json", payload_body)]
            ),
            "n'est pas du JSON valide (ligne 1",
        ),
        "malformed-payload-json": (
            lambda: sealed_raw(b'{"territories": [ {"uuid": '),
            "n'est pas du JSON valide",
        ),
        "payload-not-utf8": (
            lambda: sealed_raw('{"notes": "Gu\xe9ret"}'.encode("latin-1")),
            "UTF-8",
        ),
        "manifest-not-an-object": (
            lambda: pack([("manifest.json", b"[1, 2, 3]"), ("notes.json", payload_body)]),
            "(manifeste) : un objet JSON",
        ),
        "payload-not-an-object": (lambda: sealed_raw(b"[]"), "un objet JSON"),
        "duplicate-json-key": (
            lambda: sealed_raw(b'{"territories": [], "notes": [], "notes": [], "statuses": []}'),
            "deux fois",
        ),
        "nan-in-json": (lambda: sealed_raw(b'{"territories": NaN}'), "n'est pas du JSON valide"),
        "deeply-nested-json": (lambda: sealed_raw(deep), "n'est pas du JSON valide"),
        "huge-integer": (
            lambda: sealed_raw(b'{"territories": ' + b"9" * 5000 + b"}"),
            "n'est pas du JSON valide",
        ),
        # tricks inside the archive
        "path-traversal": (
            lambda: pack(
                [
                    ("manifest.json", manifest),
                    ("notes.json", payload_body),
                    ("../evil.sh", b"rm -rf ~"),
                ]
            ),
            "chemin suspect",
        ),
        "absolute-path": (
            lambda: pack(
                [
                    ("/tmp/evil.sh", b"echo pwned"),
                    ("manifest.json", manifest),
                    ("notes.json", payload_body),
                ]
            ),
            "chemin suspect",
        ),
        "windows-path": (
            lambda: pack(
                [
                    ("manifest.json", manifest),
                    ("..\\..\\evil.bat", b"del *"),
                    ("notes.json", payload_body),
                ]
            ),
            "chemin suspect",
        ),
        "drive-letter-path": (
            lambda: pack(
                [
                    ("manifest.json", manifest),
                    ("C:/evil.bat", b"del *"),
                    ("notes.json", payload_body),
                ]
            ),
            "chemin suspect",
        ),
        "nul-in-member-name": (nul_in_name, "chemin suspect"),
        "symlink-payload": (
            lambda: pack(
                [("manifest.json", manifest), ("notes.json", b"/etc/passwd")],
                attrs={"notes.json": 0o120777 << 16},
            ),
            "lien symbolique",
        ),
        "duplicate-manifest": (
            lambda: pack(
                [
                    ("manifest.json", manifest),
                    ("manifest.json", dumps({"format": "x"})),
                    ("notes.json", payload_body),
                ]
            ),
            "deux fois l'élément « manifest.json »",
        ),
        "duplicate-payload": (
            lambda: pack(
                [("manifest.json", manifest), ("notes.json", payload_body), ("notes.json", b"{}")]
            ),
            "deux fois l'élément « notes.json »",
        ),
        "extra-member": (
            lambda: pack(
                [
                    ("manifest.json", manifest),
                    ("notes.json", payload_body),
                    ("lisez-moi.exe", b"MZ"),
                ]
            ),
            "élément inattendu",
        ),
        "directory-member": (
            lambda: pack(
                [("manifest.json", manifest), ("notes.json", payload_body), ("notes/", b"")]
            ),
            "élément inattendu",
        ),
        "encrypted": (lambda: encrypted_flag(good), "mot de passe"),
        "too-many-members": (
            lambda: pack([(f"f{i}.txt", b"x") for i in range(50)]),
            "trop d'éléments (50)",
        ),
        "unsupported-compression": (
            lambda: pack(
                [("manifest.json", manifest), ("notes.json", payload_body)], zipfile.ZIP_BZIP2
            ),
            "compression",
        ),
        # absurd sizes
        "declared-huge-size": (
            lambda: patch_central(good, "notes.json", 24, "<I", 0xF000_0000),
            "annonce un contenu démesuré (« notes.json » : 3,8 Go",
        ),
        "zip-bomb-over-cap": (
            lambda: pack([("manifest.json", manifest), ("notes.json", bytes(60 * 1024 * 1024))]),
            "démesuré (« notes.json » : 60,0 Mo",
        ),
        "zip-bomb-ratio": (lambda: sealed_raw(bomb_body), "bombe"),
        "manifest-too-big": (
            lambda: pack(
                [
                    ("manifest.json", manifest[:-1] + b" " * 17_000_000 + b"}"),
                    ("notes.json", payload_body),
                ]
            ),
            "démesuré (« manifest.json »",
        ),
        "absurd-declared-count": (
            lambda: archive(counts={"territories": 1, "notes": 1_000_000_000, "statuses": 1}),
            "trop de notes (1\u202f000\u202f000\u202f000 ; maximum 100\u202f000)",
        ),
        "counts-mismatch": (
            lambda: archive(counts={"territories": 1, "notes": 3, "statuses": 1}),
            "annonce 3 notes, le contenu en a 2",
        ),
        # wrong types and values
        "text-not-a-string": (lambda: with_note(text=42), "« text » doit être une chaîne"),
        "text-is-a-list": (lambda: with_note(text=["RDV"]), "« text » doit être une chaîne"),
        "missing-text": (lambda: with_note(text=_DROP), "le champ « text » manque"),
        "bad-uuid": (lambda: with_note(uuid="pas-un-uuid"), "« uuid » n'est pas un identifiant"),
        "uppercase-uuid": (
            lambda: with_note(uuid="ABCDEF12-3456-4789-8ABC-DEF123456789"),
            "« uuid » n'est pas un identifiant",
        ),
        "bad-timestamp": (lambda: with_note(updated="hier soir"), "« updated » n'est pas une date"),
        "naive-timestamp": (
            lambda: with_note(created="2024-05-06T09:00:00"),
            "avec fuseau horaire",
        ),
        "absurd-year": (
            lambda: with_note(updated="0001-01-01T00:00:00+05:00"),
            "date invraisemblable",
        ),
        "unknown-status": (lambda: with_status(status="fini"), "statut inconnu « fini »"),
        "status-not-a-string": (lambda: with_status(status=3), "statut inconnu"),
        "bad-status-date": (lambda: with_status(date="31/12/2024"), "AAAA-MM-JJ"),
        "unknown-territory-reference": (
            lambda: with_note(territory_uuid="44444444-4444-4444-8444-444444444444"),
            "son territoire ne figure pas dans le fichier",
        ),
        "duplicate-note-uuid": (
            lambda: archive(
                {**valid_payload(), "notes": [valid_payload()["notes"][0]] * 2},
            ),
            "identifiant en double",
        ),
        "notes-not-a-list": (
            lambda: archive({**valid_payload(), "notes": {"a": 1}}),
            "« notes » doit être une liste",
        ),
        "lone-surrogate": (lambda: sealed_raw(_surrogate_payload()), "caractères invalides"),
        "nul-in-text": (lambda: with_note(text="avant\x00après"), "caractères de contrôle"),
        "terminal-escape-in-text": (
            lambda: with_note(text="\x1b]0;pwned\x07\x1b[2J texte"),
            "caractères de contrôle",
        ),
        "escape-in-entry-key": (
            lambda: with_note(entry_key="scheme:\x1b[31mdla"),
            "caractères de contrôle",
        ),
        "bad-history": (lambda: with_note(history=["abc"]), "SHA-256"),
        "bad-territory-type": (lambda: with_territory(types=["<script>"]), "territory:zrr"),
        "name-too-long": (lambda: with_territory(name="Creuse " * 1000), "« name » est trop long"),
        "blank-territory-name": (lambda: with_territory(name="   "), "« name » est vide"),
        # issue 11: #11, #12
        "undercounted-central-directory": (lambda: undercounted(), "trop d'éléments"),
        "c1-control-in-text": (
            lambda: with_note(text="avant\x9b2J\x9d0;pwned\x9c après"),
            "caractères de contrôle",
        ),
        "c1-control-in-territory-name": (
            lambda: with_territory(name="Creuse\x85"),
            "caractères de contrôle",
        ),
        "c1-control-in-type": (
            lambda: with_territory(types=["territory:zrr\x9b31m"]),
            "territory:zrr",
        ),
        "escape-in-duplicate-key": (
            lambda: sealed_raw(b'{"\\u001b]0;pwned\\u0007": 1, "\\u001b]0;pwned\\u0007": 2}'),
            "la clé « \ufffd]0;pwned\ufffd » y figure deux fois",
        ),
        "escape-in-format": (
            lambda: archive(format="\x1b[2J\x1b]0;Import OK\x07essdesk"),
            "(format « \ufffd[2J\ufffd]0;Import OK\ufffdessdesk »)",
        ),
        "count-as-boolean": (
            lambda: archive(counts={"territories": True, "notes": 2, "statuses": 1}),
            "entier positif",
        ),
    }


def _surrogate_payload() -> bytes:
    payload = valid_payload()
    payload["notes"][0]["text"] = "SURROGATE"
    return dumps(payload).replace(b"SURROGATE", b"\\ud800")


def build() -> dict[str, tuple[bytes, str]]:
    """Every committed case: name -> (file bytes, expected message fragment)."""
    return {name: (make(), expected) for name, (make, expected) in cases().items()}


def main(folder: Path = HERE) -> None:
    built = build()
    for old in folder.glob("*.essnotes"):
        if old.stem not in built:
            old.unlink()
    for name, (data, _) in built.items():
        (folder / f"{name}.essnotes").write_bytes(data)
    print(f"{len(built)} cas écrits dans {folder}", file=sys.stderr)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE)
