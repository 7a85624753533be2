"""``essdesk entries add|list|import|export`` and local keys in ``show``, ``search``,
``notes add`` and ``brief``: exit codes, JSON shapes, nothing written on bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from testkit import Run, sql_dump

from essdesk import paths

T = "CC du Haut-Bugey"


@pytest.fixture
def territory(essdesk: Run) -> str:
    code, _, _ = essdesk("territories", "add", T, "--types", "ZRR", "--initials", "AB")
    assert code == 0
    return T


def _add(essdesk: Run, *more: str) -> str:
    code, out, err = essdesk(
        "entries",
        "add",
        "--kind",
        "actor",
        "--title",
        "Ressourcerie du Haut-Bugey",
        "--territory",
        T,
        "--json",
        *more,
    )
    assert code == 0, err
    return str(json.loads(out)["key"])


def test_add_prints_the_key_and_every_command_accepts_it(
    essdesk: Run, territory: str, tmp_path: Path
) -> None:
    key = _add(
        essdesk,
        "--type",
        "Association",
        "--alias",
        "RHB",
        "--summary",
        "Réemploi à Oyonnax",
        "--territory-type",
        "zrr",
        "--lever",
        "3",
        "--tool",
        "3.2",
        "--relates",
        "scheme:dla",
        "--link",
        "https://rhb.example.org",
        "--contact",
        "Mme Dupont",
    )
    assert key.startswith("local:")
    code, out, _ = essdesk("search", "ressourcerie", "--json")
    items = json.loads(out)
    assert code == 0 and items[0]["key"] == key
    assert items[0]["local"] is True and items[0]["territory"] == T
    assert all("local" not in i for i in json.loads(essdesk("search", "dla", "--json")[1]))
    code, out, _ = essdesk("search", "ressourcrie", "--json")
    assert json.loads(out)[0]["key"] == key and json.loads(out)[0]["match"] == "fuzzy"
    code, out, _ = essdesk("show", key, "--json")
    shown = json.loads(out)
    assert code == 0 and shown["title"] == "Ressourcerie du Haut-Bugey"
    assert "ajouté pour CC du Haut-Bugey par AB" in shown["source"]
    assert "données personnelles" in shown["text"]
    assert {"key": "scheme:dla", "direction": "out"}.items() <= shown["related"][0].items()
    code, out, _ = essdesk("show", "scheme:dla", "--json")
    assert key in {r["key"] for r in json.loads(out)["related"] if r["direction"] == "in"}
    code, _, err = essdesk("notes", "add", key, "--territory", T, "--text", "Vu le 12")
    assert code == 0 and "n'existe pas" not in err
    code, out, _ = essdesk("notes", "list", "--json")
    assert json.loads(out)[0]["title"] == "Ressourcerie du Haut-Bugey"
    sheet = tmp_path / "fiche.md"
    code, _, err = essdesk("brief", str(sheet), "--territory", T, "--keys", key)
    assert code == 0, err
    text = sheet.read_text(encoding="utf-8")
    assert "Ressourcerie du Haut-Bugey" in text and "Vu le 12" in text
    code, out, _ = essdesk("entries", "list", "--territory", T, "--json")
    assert [e["key"] for e in json.loads(out)] == [key]
    code, out, _ = essdesk("entries", "list")
    assert "ajouté pour CC du Haut-Bugey par AB" in out


@pytest.mark.parametrize(
    ("more", "message"),
    [
        (("--type", "Ressourcerie"), "Type d'acteur inconnu"),
        (("--lever", "9"), "Levier introuvable"),
        (("--tool", "7.1"), "Outil introuvable"),
        (("--relates", "scheme:nexiste-pas"), "Fiche liée introuvable"),
        (("--link", "ftp://exemple.org"), "Lien refusé"),
        (("--link", "javascript:alert(1)"), "Lien refusé"),
        (("--title", "  "), "titre ne peut pas être vide"),
        (("--territory-type", "lune"), "Type de territoire inconnu"),
    ],
)
def test_bad_input_exits_1_with_a_message_and_writes_nothing(
    essdesk: Run, territory: str, more: tuple[str, ...], message: str
) -> None:
    before = sql_dump(paths.notes_path())
    argv = ["entries", "add", "--kind", "actor", "--title", "X", "--territory", T, *more]
    code, out, err = essdesk(*argv)
    assert code == 1 and message in err and out == ""
    assert sql_dump(paths.notes_path()) == before


def test_unknown_territory_exits_1(essdesk: Run, territory: str) -> None:
    code, _, err = essdesk(
        "entries", "add", "--kind", "actor", "--title", "X", "--territory", "Nulle part"
    )
    assert code == 1 and "Territoire introuvable" in err


def test_import_dry_run_then_all_or_nothing_then_export(
    essdesk: Run, territory: str, tmp_path: Path
) -> None:
    good = tmp_path / "liste.csv"
    good.write_bytes(
        "\ufeffNom;Type;Accompagné par\r\nTiers-lieu de Nantua;Association;DLA\r\n"
        "Épicerie solidaire;Association;\r\n".encode()
    )
    before = sql_dump(paths.notes_path())
    code, out, _ = essdesk("entries", "import", str(good), "--territory", T, "--dry-run", "--json")
    preview = json.loads(out)
    assert code == 0 and preview["new"] == 2 and preview["bad"] == [] and preview["added"] == []
    assert preview["encoding"] == "UTF-8 (BOM)" and preview["delimiter"] == ";"
    assert sql_dump(paths.notes_path()) == before
    bad = tmp_path / "mauvaise.csv"
    bad.write_bytes(b"Nom;Leviers\r\nA;1\r\nB;99\r\n")
    code, out, err = essdesk("entries", "import", str(bad), "--territory", T)
    assert code == 1 and "ligne 3 : Levier introuvable" in out and "rien n'a été importé" in err
    assert sql_dump(paths.notes_path()) == before
    code, out, _ = essdesk("entries", "import", str(good), "--territory", T, "--json")
    assert code == 0 and len(json.loads(out)["added"]) == 2
    code, out, _ = essdesk("entries", "import", str(good), "--territory", T, "--json")
    again = json.loads(out)
    assert again["added"] == [] and [d["line"] for d in again["duplicates"]] == [2, 3]
    target = tmp_path / "export.csv"
    code, out, _ = essdesk("entries", "export", str(target), "--territory", T)
    assert code == 0 and target.read_bytes().startswith(b"\xef\xbb\xbfnom;sigles;genre;type")
    code, _, err = essdesk("entries", "import", str(tmp_path / "absent.csv"), "--territory", T)
    assert code == 1 and "Impossible de lire" in err
