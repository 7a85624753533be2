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
