"""The hardened reader beyond the corpus: files that change type under it."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from essdesk.notes.exchange import ExchangeError, read_exchange_file


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_a_fifo_swapped_in_after_any_check_does_not_hang_the_import(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The name is checked by opening it: a file that looks regular when looked at by name
    and is a FIFO when opened (swapped in between, 11 of 40 tries hung) is refused at once."""
    fifo = tmp_path / "notes.essnotes"
    os.mkfifo(fifo)
    # Every check made by name sees a regular file, as it would just before the swap.
    monkeypatch.setattr(Path, "is_file", lambda self: True)
    monkeypatch.setattr(Path, "is_dir", lambda self: False)
    outcome: list[BaseException | None] = []

    def read() -> None:
        try:
            read_exchange_file(fifo)
            outcome.append(None)
        except BaseException as exc:
            outcome.append(exc)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    reader.join(timeout=10)
    if reader.is_alive():  # hung on the FIFO: open its other end so the thread can finish
        with open(fifo, "wb"):
            pass
        reader.join(timeout=10)
        pytest.fail("the import waited on a FIFO")
    (exc,) = outcome
    assert isinstance(exc, ExchangeError)
    assert "n'est pas un fichier ordinaire" in exc.message


def test_a_folder_is_refused_clearly(tmp_path: Path) -> None:
    with pytest.raises(ExchangeError, match="est un dossier"):
        read_exchange_file(tmp_path)


def test_a_missing_file_is_refused_clearly(tmp_path: Path) -> None:
    with pytest.raises(ExchangeError, match="Fichier introuvable"):
        read_exchange_file(tmp_path / "absent.essnotes")


def _broken_paths(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    """Paths whose opening fails even for root, with the French reason expected."""
    plain = tmp_path / "un-fichier.txt"
    plain.write_text("pas un dossier")
    loop = tmp_path / "boucle.essnotes"
    loop.symlink_to(loop)
    return {
        "not a directory": (plain / "notes.essnotes", "un élément du chemin est un fichier"),
        "symlink loop": (loop, "trop de liens symboliques"),
        "name too long": (tmp_path / ("n" * 300 + ".essnotes"), "nom trop long"),
    }


@pytest.mark.parametrize("case", ["not a directory", "symlink loop", "name too long"])
def test_file_system_errors_are_told_in_french(tmp_path: Path, case: str) -> None:
    """The reader quoted the system's strerror, in English on most machines."""
    path, reason = _broken_paths(tmp_path)[case]
    with pytest.raises(ExchangeError) as caught:
        read_exchange_file(path)
    cause = caught.value.__cause__
    assert isinstance(cause, OSError) and cause.strerror
    assert reason in caught.value.message
    assert cause.strerror not in caught.value.message


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root reads anything")
def test_an_unreadable_file_is_told_in_french(tmp_path: Path) -> None:
    locked = tmp_path / "notes.essnotes"
    locked.write_bytes(b"PK")
    locked.chmod(0)
    with pytest.raises(ExchangeError) as caught:
        read_exchange_file(locked)
    assert "accès refusé" in caught.value.message
    assert "Permission denied" not in caught.value.message
