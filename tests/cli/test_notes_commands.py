"""The notes commands: exit codes, JSON shapes, French errors, recovery reported on stderr."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from testkit import Run, essdesk_process

from essdesk import paths
from essdesk.notes import open_notes

REPO = Path(__file__).resolve().parents[2]


def test_territories_add_and_list(essdesk: Run) -> None:
    code, out, _ = essdesk("territories")
    assert code == 0 and "Aucun territoire" in out
    code, out, _ = essdesk("territories", "add", "Creuse", "--types", "ZRR,montagne,territory:drom")
    assert code == 0 and "Creuse" in out
    essdesk("territories", "add", "Écouves", "--types", "QPV", "--commune", "Alençon")
    code, out, _ = essdesk("territories", "--json")
    data = json.loads(out)
    assert [t["name"] for t in data] == ["Creuse", "Écouves"]
    assert data[0]["types"] == ["territory:zrr", "territory:montagne", "territory:drom"]
    assert data[1]["commune"] == "Alençon" and data[1]["notes"] == 0
    code, out, _ = essdesk("territories")
    assert "Creuse  [ZRR, montagne, DROM]  0 note" in out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (("territories", "add", "Creuse"), "s'appelle déjà « Creuse »"),
        (("territories", "add", "X", "--types", "Atlantide"), "Type de territoire inconnu"),
        (("notes", "add", "scheme:dla", "--territory", "Nulle part", "--text", "x"), "introuvable"),
        (("notes", "list", "--territory", "Nulle part"), "Territoire introuvable"),
        (
            (
                "notes",
                "add",
                "scheme:dla",
                "--territory",
                "Creuse",
                "--text",
                "x",
                "--status",
                "fini",
            ),
            "Statut inconnu",
        ),
    ],
)
def test_errors_are_one_french_line_and_exit_1(
    essdesk: Run, argv: tuple[str, ...], message: str
) -> None:
    essdesk("territories", "add", "Creuse")
    code, out, err = essdesk(*argv)
    assert code == 1 and out == ""
    assert err.startswith("essdesk: ") and message in err


def test_notes_add_and_list_json(essdesk: Run) -> None:
    essdesk("territories", "add", "Creuse", "--types", "ZRR")
    essdesk("territories", "add", "Corrèze")
    code, _, _ = essdesk(
        "notes",
        "add",
        "scheme:dla",
        "--territory",
        "creuse",
        "--text",
        "Appel Cœur",
        "--status",
        "contacté",
        "--title",
        "DLA",
    )
    assert code == 0
    essdesk("notes", "add", "scheme:crte", "--territory", "Corrèze", "--text", "CRTE")
    essdesk(
        "notes",
        "add",
        "scheme:dla",
        "--territory",
        "Creuse",
        "--text",
        "Appel Cœur, rappel",
        "--title",
        "DLA",
    )
    code, out, _ = essdesk("notes", "list", "--territory", "Creuse", "--json")
    (note,) = json.loads(out)
    assert {"uuid", "key", "territory", "text", "status", "updated", "author"} <= set(note)
    assert note["author"] == ""  # written on this computer
    assert (note["key"], note["territory"], note["text"], note["status"], note["title"]) == (
        "scheme:dla",
        "Creuse",
        "Appel Cœur, rappel",
        "contacte",
        "DLA",
    )
    code, out, _ = essdesk("notes", "list", "--json")
    assert sorted(n["key"] for n in json.loads(out)) == ["scheme:crte", "scheme:dla"]
    code, out, _ = essdesk("notes", "list")
    assert "[Creuse] scheme:dla — DLA (contacté)" in out


def test_notes_add_takes_the_title_from_the_catalogue_and_warns_on_unknown_keys(
    essdesk: Run,
) -> None:
    from essdesk.cli.notes import _catalogue_title

    # the shipped catalogue is part of the checkout: unreadable is a failure, not a skip
    assert _catalogue_title("scheme:dla"), "data/catalogue.sqlite3 cannot be read"
    essdesk("territories", "add", "Creuse")
    code, out, err = essdesk(
        "notes", "add", "scheme:dla", "--territory", "Creuse", "--text", "x", "--json"
    )
    assert code == 0 and err == "" and "DLA" in json.loads(out)["title"]
    code, out, err = essdesk(
        "notes", "add", "scheme:inexistant", "--territory", "Creuse", "--text", "y"
    )
    assert code == 0 and "n'existe pas dans le catalogue" in err and "orphelines" in err


def test_backup_and_check(essdesk: Run, tmp_path: Path) -> None:
    essdesk("territories", "add", "Creuse")
    code, out, _ = essdesk("backup")
    assert code == 0 and str(paths.backups_dir()) in out
    target = tmp_path / "clé-usb" / "notes.sqlite3"
    code, out, _ = essdesk("backup", str(target))
    assert code == 0 and target.is_file()
    store, report = open_notes(target, backups_dir=tmp_path / "b")
    with store:
        assert report is None and [t.name for t in store.territories()] == ["Creuse"]
    code, out, _ = essdesk("check")
    assert code == 0 and "intact" in out
    code, out, _ = essdesk("check", "--json")
    assert json.loads(out)["ok"] is True


def test_a_damaged_file_is_recovered_and_reported_on_stderr(
    essdesk: Run,
) -> None:
    essdesk("territories", "add", "Creuse")
    essdesk("backup")
    paths.notes_path().write_bytes(b"\x00garbage" * 1000)
    code, out, err = essdesk("territories", "--json")
    assert code == 0
    assert [t["name"] for t in json.loads(out)] == ["Creuse"]
    assert "récupération des notes" in err and "mis de côté" in err and ".damaged-" in err


def test_python_m_essdesk_runs_the_notes_commands() -> None:
    def process(*argv: str) -> subprocess.CompletedProcess[str]:
        return essdesk_process(*argv, ESSDESK_HOME=str(paths.user_dir()))

    assert process("territories", "add", "Creuse", "--types", "QPV").returncode == 0
    done = process("notes", "add", "lever:3", "--territory", "Creuse", "--text", "levier 3")
    assert done.returncode == 0, done.stderr
    done = process("notes", "list", "--json")
    assert done.returncode == 0, done.stderr
    assert [n["text"] for n in json.loads(done.stdout)] == ["levier 3"]
    done = process("notes", "add", "lever:3", "--territory", "Ailleurs", "--text", "x")
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert process("notes").returncode == 2


def test_a_failed_notes_add_changes_nothing_and_a_replacement_says_so(
    essdesk: Run,
) -> None:
    essdesk("territories", "add", "Creuse")
    add = ("notes", "add", "scheme:dla", "--territory", "Creuse", "--title", "DLA", "--text")
    code, out, _ = essdesk(*add, "premier")
    assert code == 0 and "remplacée" not in out
    code, out, err = essdesk(*add, "second", "--status", "bogus")
    assert code == 1 and "Statut inconnu" in err
    code, out, _ = essdesk("notes", "list", "--json")
    (note,) = json.loads(out)
    assert (note["text"], note["status"]) == ("premier", None)  # nothing was written
    code, out, _ = essdesk(*add, "second", "--status", "en cours")
    assert code == 0
    assert "Note remplacée ; l'ancienne version reste dans l'historique." in out
    code, out, _ = essdesk("notes", "list", "--json")
    (note,) = json.loads(out)
    assert (note["text"], note["status"]) == ("second", "en-cours")
