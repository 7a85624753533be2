"""Property tests: whatever a file holds, reading, previewing and applying it either works or
raises ExchangeError (with a French message) — never another exception — and whatever the
database holds, its export imports back unchanged.
"""

from __future__ import annotations

import contextlib
import json
import shutil
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from testkit import exchange_corpus
from testkit import sql_dump as _dump

from essdesk import textfold
from essdesk.notes import open_notes
from essdesk.notes.exchange import (
    REPLACEMENT,
    ExchangeError,
    apply_import,
    export_notes,
    preview_import,
    read_exchange_file,
)

mc = exchange_corpus()

INTERESTING = [
    mc.T1,
    mc.N1,
    mc.N2,
    mc.WHEN,
    "2024-05-07T10:00:00+02:00",
    "9999-12-31T23:59:59-05:00",
    "1970-01-01T00:00:00+00:00",
    "contacte",
    "mobilise",
    "2024-05-02",
    "territory:zrr",
    "scheme:dla",
    "",
    " ",
    "\ud800",
    "\x00",
    "\x1b[2J",
    "a" * 1001,
    "0" * 64,
    None,
    True,
    0,
    -1,
    2**63,
    1.5,
    [],
    {},
    [mc.T1],
    ["0" * 64],
]

scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=30)
    | st.sampled_from(INTERESTING)
)
json_values = st.recursive(
    scalars,
    lambda kids: (
        st.lists(kids, max_size=4) | st.dictionaries(st.text(max_size=10), kids, max_size=4)
    ),
    max_leaves=12,
)

SETTINGS = settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def _mutate(draw: st.DrawFn, target: dict[str, Any]) -> None:
    """Delete a field, or give it a value: often one of its own type (so that the file may
    still be valid and reach the merge), else anything."""
    names = st.text(max_size=8)
    key = draw(st.sampled_from(sorted(target)) | names if target else names)
    how = draw(st.sampled_from(["delete", "same-type", "same-type", "any"]))
    if how == "delete" and key in target:
        del target[key]
    elif how == "same-type" and isinstance(target.get(key), str):
        target[key] = draw(st.text(max_size=40) | st.sampled_from(INTERESTING[:14]))
    else:
        target[key] = draw(json_values)


def _count(value: Any) -> int:
    return len(value) if isinstance(value, list) else 0


def _pack(manifest: Any, body: bytes) -> bytes:
    return mc.pack([("manifest.json", json.dumps(manifest).encode()), ("notes.json", body)])


def _seal(payload: Any) -> tuple[dict[str, Any], bytes]:
    """A manifest that vouches for ``payload`` (counts and checksum), whatever it holds."""
    body = json.dumps(payload).encode()  # ensure_ascii: lone surrogates travel as \\udxxx
    counts = (
        {k: _count(payload.get(k)) for k in ("territories", "notes", "statuses")}
        if isinstance(payload, dict)
        else {"territories": 0, "notes": 0, "statuses": 0}
    )
    manifest = {
        **mc.manifest_for(mc.valid_payload(), body),
        "counts": counts,
        "territories": [],
    }
    return manifest, body


@st.composite
def mutated_payloads(draw: st.DrawFn) -> bytes:
    payload: Any = mc.valid_payload()
    if draw(st.booleans()):  # an edit over there: reaches update / conflict / new
        note = payload["notes"][draw(st.integers(min_value=0, max_value=1))]
        note["history"] = draw(
            st.lists(st.sampled_from([mc.sha(note["text"].encode())]), max_size=1)
        )
        note["text"] = draw(st.text(max_size=60))
        note["updated"] = draw(st.sampled_from(["2030-01-01T00:00:00+00:00", mc.WHEN]))
        note["uuid"] = draw(st.sampled_from([note["uuid"], "55555555-5555-4555-8555-555555555555"]))
        note["entry_key"] = draw(st.sampled_from([note["entry_key"], "scheme:crte"]))
    for _ in range(draw(st.integers(min_value=0, max_value=3))):
        where = draw(st.sampled_from(["territory", "note", "note", "status"]))
        if where == "territory":
            _mutate(draw, payload["territories"][0])
        elif where == "note":
            _mutate(draw, payload["notes"][draw(st.integers(min_value=0, max_value=1))])
        else:
            _mutate(draw, payload["statuses"][0])
    if draw(st.sampled_from([False, False, False, True])):  # sometimes the lists themselves
        _mutate(draw, payload)
    if draw(st.sampled_from([False] * 9 + [True])):  # rarely, anything at all
        payload = draw(json_values)
    manifest, body = _seal(payload)
    return _pack(manifest, body)


@st.composite
def mutated_manifests(draw: st.DrawFn) -> bytes:
    body = mc.dumps(mc.valid_payload())
    manifest: Any = mc.manifest_for(mc.valid_payload(), body)
    for _ in range(draw(st.integers(min_value=1, max_value=3))):
        where = draw(st.sampled_from(["top", "top", "counts", "payload"]))
        target = manifest if where == "top" else manifest.get(where)
        if isinstance(target, dict):
            _mutate(draw, target)
    if draw(st.sampled_from([False] * 4 + [True])):
        manifest = draw(json_values)
    return _pack(manifest, body)


@st.composite
def damaged_archives(draw: st.DrawFn) -> bytes:
    data = bytearray(mc.archive())
    for _ in range(draw(st.integers(min_value=1, max_value=4))):
        how = draw(st.sampled_from(["flip", "flip", "cut", "insert", "delete"]))
        pos = draw(st.integers(min_value=0, max_value=max(len(data) - 1, 0)))
        if how == "flip" and data:
            data[pos] ^= draw(st.integers(min_value=1, max_value=255))
        elif how == "cut":
            del data[pos:]
        elif how == "insert":
            data[pos:pos] = draw(st.binary(min_size=1, max_size=8))
        elif data:
            del data[pos : pos + draw(st.integers(min_value=1, max_value=8))]
    return bytes(data)


@pytest.fixture(scope="module")
def baseline(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A notes file where the corpus' valid file was imported over a local note: imports
    into it meet existing uuids, a territory mapped by name and a conflict pair."""
    folder = tmp_path_factory.mktemp("baseline")
    store, _ = open_notes(folder / "notes.sqlite3", backups_dir=folder / "backups")
    with store:
        creuse = store.add_territory("Creuse")
        store.save_note("scheme:dla", creuse, "note locale")
        store.set_status("scheme:dla", creuse, "mobilise")
        path = folder / "valid.essnotes"
        path.write_bytes(mc.archive())
        assert apply_import(store, preview_import(store, path)).counts.conflicting == 1
    return folder / "notes.sqlite3"


def _try(baseline: Path, raw: bytes) -> str:
    """Read, preview and apply ``raw`` over a copy of ``baseline``: "ok" or "refused"; any
    other exception fails the test, and a refusal leaves the database as it was."""
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        shutil.copyfile(baseline, root / "notes.sqlite3")
        path = root / "fuzz.essnotes"
        path.write_bytes(raw)
        store, _ = open_notes(root / "notes.sqlite3", backups_dir=root / "backups")
        with store:
            before = _dump(store.path)
            try:
                file = read_exchange_file(path)
                preview = preview_import(store, file, {"scheme:dla"})
                apply_import(store, preview)
            except ExchangeError as exc:
                assert "import" in exc.message  # "Rien n'a été importé", "L'import n'a pas pu…"
                assert _dump(store.path) == before
                return "refused"
            store.all_notes()  # still readable
            assert store.full_check().ok
            assert apply_import(store, preview_import(store, file)).backup is None  # idempotent
        return "ok"


@SETTINGS
@given(raw=mutated_payloads())
def test_fuzzed_payloads(baseline: Path, raw: bytes) -> None:
    _try(baseline, raw)


@SETTINGS
@given(raw=mutated_manifests())
def test_fuzzed_manifests(baseline: Path, raw: bytes) -> None:
    _try(baseline, raw)


@SETTINGS
@given(raw=damaged_archives())
def test_fuzzed_archive_bytes(baseline: Path, raw: bytes) -> None:
    _try(baseline, raw)


@settings(max_examples=60, deadline=None)
@given(raw=st.binary(max_size=600))
def test_random_bytes(raw: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "x.essnotes"
        path.write_bytes(raw)
        with contextlib.suppress(ExchangeError):
            read_exchange_file(path)


def test_mutations_reach_deep_validation(baseline: Path) -> None:
    """The fuzzers are not only bouncing off the first check: both outcomes happen."""
    outcomes = set()
    for raw in (
        mc.archive(),
        mc.with_note(text="autre texte", conflict_of=mc.N2),
        mc.with_note(uuid=mc.N2),
        mc.with_status(date=None, contact="x\ny"),
    ):
        outcomes.add(_try(baseline, raw))
    assert outcomes == {"ok", "refused"}


# -- whatever the database holds, its export imports back ----------------------------------------


def _control(c: str) -> bool:
    """C0, DEL and C1: what an exchange file may not carry (tabs and line breaks in texts)."""
    return ord(c) < 32 or 0x7F <= ord(c) <= 0x9F


any_text = st.text(
    st.characters(blacklist_categories=("Cs",)),  # SQLite cannot hold lone surrogates
    max_size=200,
)


@settings(max_examples=40, deadline=None)
@given(
    name=any_text.filter(  # a name the store accepts: something visible, no control character
        lambda s: textfold.clean_name(s) and not any(_control(c) for c in s)
    ),
    commune=any_text,
    texts=st.dictionaries(
        st.sampled_from(["scheme:dla", "scheme:crte", "lever:3", "clé:à\tpart", "x" * 1200]),
        any_text,
        max_size=4,
    ),
    contact=any_text,
)
def test_every_export_imports_back(
    name: str, commune: str, texts: dict[str, str], contact: str
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        a, _ = open_notes(root / "a.sqlite3", backups_dir=root / "ba")
        b, _ = open_notes(root / "b.sqlite3", backups_dir=root / "bb")
        with a, b:
            t = a.add_territory(name, commune=commune)
            for key, text in texts.items():
                a.save_note(key, t, text, entry_title=key)
                a.set_status(key, t, "en-cours", contact=contact)
            path = export_notes(a, root / "x.essnotes").path
            apply_import(b, preview_import(b, path))

            def line(value: str) -> str:
                cleaned = "".join(REPLACEMENT if _control(c) else c for c in value)
                return cleaned[:1000]

            (bt,) = b.territories()
            assert bt.name == textfold.clean_name(line(t.name))
            assert bt.commune == line(t.commune)

            def text(value: str) -> str:
                return "".join(
                    REPLACEMENT if _control(c) and c not in "\t\n\r" else c for c in value
                )

            got = {n.entry_key: n.text for n in b.all_notes()}
            assert got == {line(k): text(v) for k, v in texts.items()}
            for key in texts:
                status = b.status(line(key), bt)
                assert status is not None
                assert status.contact == text(contact.strip())
            assert apply_import(b, preview_import(b, path)).backup is None  # no-op twice
