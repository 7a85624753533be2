"""``essdesk notes export`` / ``notes import``: exit codes, JSON shapes, French messages, the
dry run that changes nothing, and two user folders exchanging through real processes."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from testkit import Run, essdesk_process
from testkit import sql_dump as dump

from essdesk import paths

REPO = Path(__file__).resolve().parents[3]
CORPUS = Path(__file__).resolve().parent / "corpus"


def _catalogue_ok() -> bool:
    from essdesk.cli.notes import _catalogue_info

    keys, _ = _catalogue_info()
    return keys is not None and "scheme:dla" in keys


def _fill(essdesk: Run) -> None:
    essdesk("territories", "add", "Creuse", "--types", "ZRR", "--initials", "AB")
    essdesk("territories", "add", "Corrèze")
    for key, territory, text in (
        ("scheme:dla", "Creuse", "RDV DLA"),
        ("scheme:n-existe-pas", "Creuse", "orpheline"),
        ("lever:3", "Corrèze", "levier 3"),
    ):
        code, _, _ = essdesk(
            "notes", "add", key, "--territory", territory, "--text", text, "--title", key
        )
        assert code == 0
    essdesk(
        "notes",
        "add",
        "scheme:dla",
        "--territory",
        "Creuse",
        "--text",
        "RDV DLA",
        "--status",
        "contacté",
        "--title",
        "DLA",
    )


def test_export_then_dry_run_then_import(
    essdesk: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the shipped catalogue is part of the checkout: unreadable is a failure, not a skip
    assert _catalogue_ok(), "data/catalogue.sqlite3 cannot be read"
    _fill(essdesk)
    code, out, _ = essdesk("notes", "export", str(tmp_path / "tout.essnotes"), "--json")
    assert code == 0
    assert json.loads(out) == {
        "file": str(tmp_path / "tout.essnotes"),
        "territories": ["Corrèze", "Creuse"],
        "notes": 3,
        "statuses": 1,
    }
    code, out, _ = essdesk("notes", "export", str(tmp_path), "--territory", "creuse")
    assert code == 0 and "Exporté : 2 notes et 1 suivi (Creuse)" in out
    assert len(list(tmp_path.glob("notes-creuse-*.essnotes"))) == 1

    # Another laptop: a fresh user folder.
    monkeypatch.setenv("ESSDESK_HOME", str(tmp_path / "laptop-b"))
    essdesk("territories", "add", "Lot")
    before = dump(paths.notes_path())
    code, out, err = essdesk(
        "notes", "import", str(tmp_path / "tout.essnotes"), "--dry-run", "--json"
    )
    assert code == 0 and err == ""
    data = json.loads(out)
    assert {k: data["counts"][k] for k in ("new", "identical", "conflicting", "orphaned")} == {
        "new": 3,
        "identical": 0,
        "conflicting": 0,
        "orphaned": 1,
    }
    assert {t["name"]: t["action"] for t in data["territories"]} == {
        "Creuse": "create",
        "Corrèze": "create",
    }
    assert data["dry_run"] is True and data["applied"] is False and data["catalogue_checked"]
    assert dump(paths.notes_path()) == before
    assert not paths.backups_dir().exists() or not list(paths.backups_dir().glob("*avant-import*"))

    code, out, _ = essdesk("notes", "import", str(tmp_path / "tout.essnotes"), "--dry-run")
    assert code == 0 and "Simulation (--dry-run) : rien n'a été modifié." in out
    assert "Creuse — sera créé" in out and "[orpheline]" in out
    assert dump(paths.notes_path()) == before

    code, out, _ = essdesk("notes", "import", str(tmp_path / "tout.essnotes"))
    assert code == 0 and "Import terminé. Sauvegarde faite juste avant" in out
    assert list(paths.backups_dir().glob("*avant-import*"))
    code, out, _ = essdesk("notes", "list", "--json")
    assert sorted(n["text"] for n in json.loads(out)) == ["RDV DLA", "levier 3", "orpheline"]

    code, out, _ = essdesk("notes", "import", str(tmp_path / "tout.essnotes"), "--json")
    data = json.loads(out)
    assert code == 0 and data["applied"] is True and data["backup"] is None
    assert data["counts"]["identical"] == 3 and data["counts"]["new"] == 0
    code, out, _ = essdesk("notes", "import", str(tmp_path / "tout.essnotes"))
    assert "Rien à importer" in out


def test_import_maps_territories(
    essdesk: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _fill(essdesk)
    essdesk("notes", "export", str(tmp_path / "x.essnotes"))
    monkeypatch.setenv("ESSDESK_HOME", str(tmp_path / "laptop-b"))
    essdesk("territories", "add", "Haute-Vienne")
    code, out, _ = essdesk(
        "notes",
        "import",
        str(tmp_path / "x.essnotes"),
        "--map",
        "creuse=Haute-Vienne",
        "--map",
        "Corrèze=",
        "--json",
    )
    assert code == 0
    data = json.loads(out)
    assert {t["name"]: (t["action"], t["local_name"]) for t in data["territories"]} == {
        "Creuse": ("map", "Haute-Vienne"),
        "Corrèze": ("create", "Corrèze"),
    }
    code, out, _ = essdesk("notes", "list", "--territory", "Haute-Vienne", "--json")
    assert sorted(n["key"] for n in json.loads(out)) == ["scheme:dla", "scheme:n-existe-pas"]
    code, out, err = essdesk("notes", "import", str(tmp_path / "x.essnotes"), "--map", "Lot")
    assert code == 1 and "territoire du fichier introuvable" in err and "« Creuse »" in err
    code, out, err = essdesk(
        "notes", "import", str(tmp_path / "x.essnotes"), "--map", "Creuse=Nulle part"
    )
    assert code == 1 and "Territoire introuvable" in err


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("not-a-zip", "archive ZIP illisible"),
        ("zip-bomb-ratio", "bombe"),
        ("path-traversal", "chemin suspect"),
        ("future-format-version", "version plus récente"),
        ("wrong-checksum", "somme de contrôle"),
    ],
)
def test_bad_files_exit_1_with_one_french_line(essdesk: Run, name: str, message: str) -> None:
    essdesk("territories", "add", "Creuse")
    before = dump(paths.notes_path())
    for extra in ((), ("--dry-run",), ("--json",)):
        code, out, err = essdesk("notes", "import", str(CORPUS / f"{name}.essnotes"), *extra)
        assert code == 1 and out == ""
        assert err.startswith("essdesk: ") and message in err and err.count("\n") == 1
    assert dump(paths.notes_path()) == before


def test_export_errors(essdesk: Run, tmp_path: Path) -> None:
    essdesk("territories", "add", "Creuse")
    code, _, err = essdesk("notes", "export", str(tmp_path / "x.essnotes"), "--territory", "Lot")
    assert code == 1 and "Territoire introuvable" in err
    code, _, err = essdesk("notes", "export", str(tmp_path / "absent" / "x.essnotes"))
    assert code == 1 and "Impossible d'écrire" in err


def test_unreadable_catalogue_is_said_and_no_note_is_an_orphan(
    essdesk: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _fill(essdesk)
    essdesk("notes", "export", str(tmp_path / "x.essnotes"))
    monkeypatch.setenv("ESSDESK_CATALOGUE", str(tmp_path / "pas-de-catalogue.sqlite3"))
    monkeypatch.setenv("ESSDESK_HOME", str(tmp_path / "laptop-b"))
    code, out, err = essdesk("notes", "import", str(tmp_path / "x.essnotes"), "--json")
    assert code == 0 and "catalogue est illisible" in err
    data = json.loads(out)
    assert data["catalogue_checked"] is False and data["counts"]["orphaned"] == 0
    assert data["counts"]["new"] == 3


# -- real processes ------------------------------------------------------------------------------


def laptop(home: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    """``essdesk *argv`` in its own process on the laptop whose user folder is ``home``."""
    return essdesk_process(*argv, ESSDESK_HOME=str(home))


def test_two_laptops_exchange_through_the_cli(tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    usb = tmp_path / "clé USB" / "notes.essnotes"
    usb.parent.mkdir()
    assert laptop(a, "territories", "add", "Creuse", "--types", "ZRR").returncode == 0
    done = laptop(a, "notes", "add", "lever:3", "--territory", "Creuse", "--text", "de A")
    assert done.returncode == 0, done.stderr
    done = laptop(a, "notes", "export", str(usb))
    assert done.returncode == 0 and usb.is_file(), done.stderr

    done = laptop(b, "notes", "import", str(usb), "--dry-run", "--json")
    assert done.returncode == 0, done.stderr
    counts = json.loads(done.stdout)["counts"]
    assert (counts["new"], counts["identical"], counts["conflicting"]) == (1, 0, 0)
    listed = laptop(b, "notes", "list", "--json")
    assert listed.returncode == 0 and json.loads(listed.stdout) == []  # dry run: nothing

    assert laptop(b, "notes", "import", str(usb)).returncode == 0
    done = laptop(b, "notes", "add", "lever:3", "--territory", "Creuse", "--text", "de B")
    assert done.returncode == 0
    assert (
        laptop(a, "notes", "add", "lever:3", "--territory", "Creuse", "--text", "A2").returncode
        == 0
    )
    back = tmp_path / "retour.essnotes"
    assert laptop(b, "notes", "export", str(back), "--territory", "Creuse").returncode == 0
    done = laptop(a, "notes", "import", str(back), "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["counts"]["conflicting"] == 1
    texts = sorted(n["text"] for n in json.loads(laptop(a, "notes", "list", "--json").stdout))
    assert texts == ["A2", "de B"]  # both kept side by side

    bad = laptop(b, "notes", "import", str(CORPUS / "zip-bomb-over-cap.essnotes"))
    assert bad.returncode == 1 and "démesuré" in bad.stderr and "Traceback" not in bad.stderr
    assert laptop(b, "notes", "import").returncode == 2  # usage


def test_file_system_errors_reach_the_command_line_in_french(essdesk: Run, tmp_path: Path) -> None:
    """strerror texts (English) reached the terminal from the exchange commands."""
    essdesk("territories", "add", "Creuse")
    plain = tmp_path / "un-fichier.txt"
    plain.write_text("pas un dossier")
    loop = tmp_path / "boucle.essnotes"
    loop.symlink_to(loop)
    for argv, reason, english in (
        (("notes", "export", str(plain / "x.essnotes")), "un élément du chemin", "Not a dir"),
        (("notes", "import", str(loop)), "liens symboliques", "Too many levels"),
        (("notes", "import", "--dry-run", str(plain / "x.essnotes")), "un élément", "Not a dir"),
    ):
        code, out, err = essdesk(*argv)
        assert code == 1 and out == ""
        assert reason in err and english not in err, err


def test_each_author_survives_a_round_trip_between_two_homes(tmp_path: Path) -> None:
    """Issue 12: a colleague's edits imported from her laptop came back « par MB », my own
    initials, because her copy of my territory carried them. The initials are each person's
    (``essdesk author``), and the file carries who wrote each version."""
    mine, hers = tmp_path / "mon-portable", tmp_path / "son-portable"
    usb = tmp_path / "clé"
    usb.mkdir()
    assert laptop(mine, "author", "MB").returncode == 0
    assert laptop(hers, "author", "CL").returncode == 0
    asked = laptop(hers, "author", "--json")
    assert json.loads(asked.stdout) == {"initials": "CL", "asked": True}
    assert laptop(mine, "territories", "add", "Creuse", "--initials", "MB").returncode == 0
    for key, text in (("scheme:dla", "RDV DLA"), ("lever:3", "Levier 3")):
        done = laptop(mine, "notes", "add", key, "--territory", "Creuse", "--text", text)
        assert done.returncode == 0, done.stderr
    assert laptop(mine, "notes", "export", str(usb / "a.essnotes")).returncode == 0

    assert laptop(hers, "notes", "import", str(usb / "a.essnotes")).returncode == 0
    done = laptop(
        hers, "notes", "add", "scheme:dla", "--territory", "Creuse", "--text", "RDV DLA\nVu le 12"
    )
    assert done.returncode == 0, done.stderr
    assert laptop(hers, "notes", "export", str(usb / "b.essnotes")).returncode == 0

    done = laptop(mine, "notes", "import", str(usb / "b.essnotes"))
    assert done.returncode == 0, done.stderr
    listed = json.loads(laptop(mine, "notes", "list", "--json").stdout)
    assert {n["key"]: (n["text"], n["author"]) for n in listed} == {
        "scheme:dla": ("RDV DLA\nVu le 12", "CL"),
        "lever:3": ("Levier 3", "MB"),
    }
    text = laptop(mine, "notes", "list").stdout
    assert "· par CL" in text and "· par MB" in text
