"""The notes commands: exit codes, JSON shapes, French errors, recovery reported on stderr."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from cli_runner import run

from essdesk import paths
from essdesk.notes import open_notes

REPO = Path(__file__).resolve().parents[2]


def test_territories_add_and_list(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "territories")
    assert code == 0 and "Aucun territoire" in out
    code, out, _ = run(
        capsys, "territories", "add", "Creuse", "--types", "ZRR,montagne,territory:drom"
    )
    assert code == 0 and "Creuse" in out
    run(capsys, "territories", "add", "Écouves", "--types", "QPV", "--commune", "Alençon")
    code, out, _ = run(capsys, "territories", "--json")
    data = json.loads(out)
    assert [t["name"] for t in data] == ["Creuse", "Écouves"]
    assert data[0]["types"] == ["territory:zrr", "territory:montagne", "territory:drom"]
    assert data[1]["commune"] == "Alençon" and data[1]["notes"] == 0
    code, out, _ = run(capsys, "territories")
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
    capsys: pytest.CaptureFixture[str], argv: tuple[str, ...], message: str
) -> None:
    run(capsys, "territories", "add", "Creuse")
    code, out, err = run(capsys, *argv)
    assert code == 1 and out == ""
    assert err.startswith("essdesk: ") and message in err


def test_notes_add_and_list_json(capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "territories", "add", "Creuse", "--types", "ZRR")
    run(capsys, "territories", "add", "Corrèze")
    code, _, _ = run(
        capsys,
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
    run(capsys, "notes", "add", "scheme:crte", "--territory", "Corrèze", "--text", "CRTE")
    run(
        capsys,
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
    code, out, _ = run(capsys, "notes", "list", "--territory", "Creuse", "--json")
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
    code, out, _ = run(capsys, "notes", "list", "--json")
    assert sorted(n["key"] for n in json.loads(out)) == ["scheme:crte", "scheme:dla"]
    code, out, _ = run(capsys, "notes", "list")
    assert "[Creuse] scheme:dla — DLA (contacté)" in out


def test_notes_add_takes_the_title_from_the_catalogue_and_warns_on_unknown_keys(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from essdesk.cli.notes import _catalogue_title

    # the shipped catalogue is part of the checkout: unreadable is a failure, not a skip
    assert _catalogue_title("scheme:dla"), "data/catalogue.sqlite3 cannot be read"
    run(capsys, "territories", "add", "Creuse")
    code, out, err = run(
        capsys, "notes", "add", "scheme:dla", "--territory", "Creuse", "--text", "x", "--json"
    )
    assert code == 0 and err == "" and "DLA" in json.loads(out)["title"]
    code, out, err = run(
        capsys, "notes", "add", "scheme:inexistant", "--territory", "Creuse", "--text", "y"
    )
    assert code == 0 and "n'existe pas dans le catalogue" in err and "orphelines" in err


def test_backup_and_check(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    run(capsys, "territories", "add", "Creuse")
    code, out, _ = run(capsys, "backup")
    assert code == 0 and str(paths.backups_dir()) in out
    target = tmp_path / "clé-usb" / "notes.sqlite3"
    code, out, _ = run(capsys, "backup", str(target))
    assert code == 0 and target.is_file()
    store, report = open_notes(target, backups_dir=tmp_path / "b")
    with store:
        assert report is None and [t.name for t in store.territories()] == ["Creuse"]
    code, out, _ = run(capsys, "check")
    assert code == 0 and "intact" in out
    code, out, _ = run(capsys, "check", "--json")
    assert json.loads(out)["ok"] is True


def test_a_damaged_file_is_recovered_and_reported_on_stderr(
    capsys: pytest.CaptureFixture[str],
) -> None:
    run(capsys, "territories", "add", "Creuse")
    run(capsys, "backup")
    paths.notes_path().write_bytes(b"\x00garbage" * 1000)
    code, out, err = run(capsys, "territories", "--json")
    assert code == 0
    assert [t["name"] for t in json.loads(out)] == ["Creuse"]
    assert "récupération des notes" in err and "mis de côté" in err and ".damaged-" in err


def test_python_m_essdesk_runs_the_notes_commands(home: Path) -> None:
    env = {**os.environ, "ESSDESK_HOME": str(home)}

    def essdesk(*argv: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "essdesk", *argv],
            capture_output=True,
            text=True,
            env=env,
            cwd=REPO,
            timeout=120,
            check=False,
        )

    assert essdesk("territories", "add", "Creuse", "--types", "QPV").returncode == 0
    done = essdesk("notes", "add", "lever:3", "--territory", "Creuse", "--text", "levier 3")
    assert done.returncode == 0, done.stderr
    done = essdesk("notes", "list", "--json")
    assert done.returncode == 0, done.stderr
    assert [n["text"] for n in json.loads(done.stdout)] == ["levier 3"]
    done = essdesk("notes", "add", "lever:3", "--territory", "Ailleurs", "--text", "x")
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert essdesk("notes").returncode == 2


def test_a_failed_notes_add_changes_nothing_and_a_replacement_says_so(
    capsys: pytest.CaptureFixture[str],
) -> None:
    run(capsys, "territories", "add", "Creuse")
    add = ("notes", "add", "scheme:dla", "--territory", "Creuse", "--title", "DLA", "--text")
    code, out, _ = run(capsys, *add, "premier")
    assert code == 0 and "remplacée" not in out
    code, out, err = run(capsys, *add, "second", "--status", "bogus")
    assert code == 1 and "Statut inconnu" in err
    code, out, _ = run(capsys, "notes", "list", "--json")
    (note,) = json.loads(out)
    assert (note["text"], note["status"]) == ("premier", None)  # nothing was written
    code, out, _ = run(capsys, *add, "second", "--status", "en cours")
    assert code == 0
    assert "Note remplacée ; l'ancienne version reste dans l'historique." in out
    code, out, _ = run(capsys, "notes", "list", "--json")
    (note,) = json.loads(out)
    assert (note["text"], note["status"]) == ("second", "en-cours")
