"""The build refuses bad sources with a message naming the file, the entry and the field."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from essdesk.catalogue.build import build
from essdesk.catalogue.sources import SourceError, load_sources


def _edit(src: Path, name: str, old: str, new: str) -> None:
    path = src / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture changed: {old!r} not in {name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _refused(src: Path, *parts: str) -> None:
    with pytest.raises(SourceError) as info:
        load_sources(src)
    message = str(info.value)
    for part in parts:
        assert part in message, f"{part!r} not in {message!r}"


def test_mini_sources_load(mini_src: Path) -> None:
    keys = [e.key for e in load_sources(mini_src)]
    assert "scheme:crte" in keys and len(keys) == len(set(keys))


def test_duplicate_key(mini_src: Path) -> None:
    _edit(mini_src, "terms.toml", 'key = "term:ess"', 'key = "territory:qpv"')
    _refused(
        mini_src, "terms.toml", "territory:qpv", "« key »", "clé en double", "territories.toml"
    )


def test_relation_to_unknown_key(mini_src: Path) -> None:
    _edit(mini_src, "schemes.toml", 'key = "territory:qpv"', 'key = "territory:nowhere"')
    _refused(mini_src, "schemes.toml", "scheme:crte", "« relations »", "territory:nowhere")


def test_speaker_unknown(mini_src: Path) -> None:
    _edit(
        mini_src, "sessions.toml", 'speakers = ["actor:celine-coubard"]', 'speakers = ["actor:x"]'
    )
    _refused(mini_src, "sessions.toml", "session:tr1-s1", "« speakers »", "actor:x")


def test_unknown_relation_name(mini_src: Path) -> None:
    _edit(mini_src, "schemes.toml", 'rel = "targets"', 'rel = "loves"')
    _refused(mini_src, "schemes.toml", "scheme:crte", "relation inconnue « loves »")


def test_unknown_kind(mini_src: Path) -> None:
    _edit(mini_src, "terms.toml", 'key = "term:ess"', 'key = "gadget:ess"')
    _refused(mini_src, "terms.toml", "gadget:ess", "type d'entrée inconnu « gadget »")


def test_unknown_actor_type_and_nature(mini_src: Path) -> None:
    _edit(mini_src, "actors.toml", 'actor_type = "person"', 'actor_type = "alien"')
    _refused(mini_src, "actors.toml", "actor:celine-coubard", "« actor_type »", "alien")


def test_unknown_nature(mini_src: Path) -> None:
    _edit(mini_src, "schemes.toml", 'nature = "contract"', 'nature = "magic"')
    _refused(mini_src, "schemes.toml", "scheme:crte", "« nature »", "magic")


@pytest.mark.parametrize(
    "url", ["javascript:alert(1)", "ftp://example.org/x", "https://", "www.urgence-ess.fr"]
)
def test_malformed_url(mini_src: Path, url: str) -> None:
    _edit(mini_src, "schemes.toml", "https://agence-cohesion-territoires.gouv.fr/crte", url)
    _refused(mini_src, "schemes.toml", "scheme:crte", "« links »", "adresse mal formée")


@pytest.mark.parametrize("field", ["title", "summary", "sources"])
def test_missing_required_field(mini_src: Path, field: str) -> None:
    text = (mini_src / "terms.toml").read_text(encoding="utf-8")
    text = re.sub(rf"^{field} = .*$", "", text, flags=re.M)
    (mini_src / "terms.toml").write_text(text, encoding="utf-8")
    _refused(mini_src, "terms.toml", "term:ess", f"« {field} »", "obligatoire")


def test_unknown_field(mini_src: Path) -> None:
    _edit(mini_src, "terms.toml", 'title = "', 'colour = "red"\ntitle = "')
    _refused(mini_src, "terms.toml", "term:ess", "« colour »", "champ inconnu")


def test_source_must_be_a_session(mini_src: Path) -> None:
    _edit(mini_src, "terms.toml", 'sources = ["session:tr1"]', 'sources = ["scheme:crte"]')
    _refused(mini_src, "terms.toml", "term:ess", "« sources »", "session inconnue")


def test_tool_with_unknown_lever(mini_src: Path) -> None:
    _edit(mini_src, "levers.toml", 'lever = "lever:2"', 'lever = "lever:9"')
    _refused(mini_src, "levers.toml", "tool:2.2", "« lever »", "lever:9")


def test_malformed_toml(mini_src: Path) -> None:
    (mini_src / "actors.toml").write_text("[[entry]\nkey = ", encoding="utf-8")
    _refused(mini_src, "actors.toml", "TOML illisible")


def test_failed_build_leaves_previous_file(mini_src: Path, tmp_path: Path) -> None:
    out = tmp_path / "cat.sqlite3"
    build(mini_src, out)
    before = out.read_bytes()
    _edit(mini_src, "schemes.toml", 'rel = "targets"', 'rel = "loves"')
    with pytest.raises(SourceError):
        build(mini_src, out)
    assert out.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cat.sqlite3", "src"]
