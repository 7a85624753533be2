"""Fichier › « Équipe… » and the status-bar line, driven as a user would, against the real
PostgreSQL of the test session."""

from __future__ import annotations

import socket
import sqlite3
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from pgcluster import PASSWORD, TeamServer, free_port
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction

from essdesk import paths
from essdesk.notes import open_notes
from essdesk.team import sync
from essdesk.ui.main_window import MainWindow
from essdesk.ui.notes.feature import NotesFeature, attach_notes
from essdesk.ui.team.team_dialog import TeamDialog
from essdesk.ui.team.team_ui import TeamFeature


@pytest.fixture
def creuse() -> str:
    store, _ = open_notes()
    territory = store.add_territory("Creuse", ["ZRR"], initials="AB")
    store.save_note("scheme:dla", territory, "Note de la Creuse, écrite avant l'équipe")
    store.close()
    return territory.uuid


@pytest.fixture
def team_window(make_window, creuse: str, team_server: TeamServer, tmp_path: Path,
                monkeypatch: pytest.MonkeyPatch) -> Iterator[MainWindow]:  # fmt: skip
    # A pgpass file that does not know alice yet: « Mémoriser » has to write her line.
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "pgpass-maison"))
    window = make_window()
    attach_notes(window)
    yield window
    team_of(window).runner.shutdown()
    for widget in window.findChildren(TeamDialog):
        widget.close()


def team_of(window: MainWindow) -> TeamFeature:
    notes = window.notes  # type: ignore[attr-defined]
    assert isinstance(notes, NotesFeature) and notes.team is not None
    return notes.team


def open_team_dialog(window: MainWindow) -> TeamDialog:
    action = window.findChild(QAction, "teamAction")
    assert action is not None and action in window.file_menu.actions()
    action.trigger()
    dialog = team_of(window).dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def fill(qtbot, dialog: TeamDialog, ts: TeamServer, login: str, password: str) -> None:
    for field, value in ((dialog.host, "127.0.0.1"), (dialog.database, ts.database),
                         (dialog.user, login)):  # fmt: skip
        field.clear()
        qtbot.keyClicks(field, value)
    dialog.port.setValue(ts.pg.port)
    # QTest types ASCII only: « Équipe A » and the accented password are pasted in.
    dialog.team.setText("Équipe A")
    dialog.password.setText(password)


def test_connect_remember_share_sync_without_blocking_the_window(
    qtbot, team_window: MainWindow, team_server: TeamServer, tmp_path: Path
) -> None:
    window, team = team_window, team_of(team_window)
    label = window.statusBar().findChild(type(team.status), "teamStatus")
    assert label is team.status and not label.isVisible()  # no team: no line, no network
    dialog = open_team_dialog(window)
    fill(qtbot, dialog, team_server, "alice", PASSWORD)
    dialog.remember.setChecked(True)
    qtbot.mouseClick(dialog.connect_button, Qt.MouseButton.LeftButton)
    assert team.busy and label.text() == "Synchronisation…"  # the click returned at once
    qtbot.waitUntil(lambda: not team.busy, timeout=20000)
    assert label.isVisible() and label.text().startswith("Synchronisé à "), label.text()
    assert dialog.password.text() == ""
    # The password went to libpq's file, readable by its owner only, never to settings.ini.
    pgpass = tmp_path / "pgpass-maison"
    assert stat.S_IMODE(pgpass.stat().st_mode) == 0o600
    assert f"alice:{PASSWORD}" in pgpass.read_text(encoding="utf-8")
    window.save_settings()
    settings_text = "".join(p.read_text(errors="replace") for p in paths.user_dir().rglob("*.ini"))
    assert PASSWORD not in settings_text

    qtbot.mouseClick(dialog.share_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not team.busy, timeout=20000)
    assert label.text().startswith("Synchronisé à ") and "attente" not in label.text()
    count = team_server.pg.psql("-d", team_server.database, "-c",
                                "SELECT count(*) FROM essdesk.changes").stdout.strip()  # fmt: skip
    assert count == "2"  # the territory and its note went up


def test_offline_the_status_line_counts_what_waits(
    qtbot, team_window: MainWindow, team_server: TeamServer, creuse: str
) -> None:
    window, team = team_window, team_of(team_window)
    dialog = open_team_dialog(window)
    fill(qtbot, dialog, team_server, "alice", PASSWORD)  # not remembered: memory only
    qtbot.mouseClick(dialog.connect_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not team.busy, timeout=20000)
    store = team.store
    assert store is not None
    sync.share(store, creuse)
    # The network goes away (the server's address no longer answers).
    away = f"postgresql://alice@127.0.0.1:{free_port()}/{team_server.database}"
    with sqlite3.connect(paths.notes_path()) as conn:
        conn.execute("UPDATE team_link SET url = ?", (away,))
    conn.close()
    assert team.sync_now()
    qtbot.waitUntil(lambda: not team.busy, timeout=20000)
    assert team.status.text() == "Hors ligne — 2 modifications en attente"
    assert "injoignable" in team.status.toolTip()
    assert dialog.status.text().startswith("Serveur d'équipe injoignable")
    # Everything works as before offline: the notes panel still saves.
    assert store.save_note("scheme:crte", creuse, "écrit hors ligne").text == "écrit hors ligne"
    qtbot.mouseClick(dialog.disconnect_button, Qt.MouseButton.LeftButton)
    assert not team.status.isVisible() and sync.link(store) is None
    assert {n.text for n in store.all_notes()} >= {"écrit hors ligne"}  # local notes stay


def test_sync_at_start_brings_a_conflict_shown_once_in_the_conflict_view(
    qtbot, make_window, creuse: str, team_server: TeamServer, tmp_path: Path
) -> None:
    """This laptop (the window's) and a colleague's edit the same note; the window syncs by
    itself at start, and the conflict view lists the conflict once."""
    _edited_on_both_laptops(team_server, creuse, tmp_path, "Version d'ici, écrite hors ligne").close()

    window = make_window()
    attach_notes(window)
    team = team_of(window)
    assert team.busy  # the sync at start runs in the background
    qtbot.waitUntil(lambda: not team.busy, timeout=20000)
    assert team.status.text().startswith("Synchronisé à ")
    notes = window.notes  # type: ignore[attr-defined]
    notes.territories.switch(creuse)
    dialog = notes.sharing.resolve_conflicts()
    assert dialog is not None
    assert [c.text for c in dialog.copies()] == ["Version de Bruno"]
    dialog.close()
    assert team.sync_now()
    qtbot.waitUntil(lambda: not team.busy, timeout=20000)
    dialog = notes.sharing.resolve_conflicts()
    assert [c.text for c in dialog.copies()] == ["Version de Bruno"]  # still once
    dialog.close()
    team.runner.shutdown()


def _connected_here(team_server: TeamServer, creuse: str) -> None:
    """This laptop (the window's notes file) is in team A, its Creuse shared and sent."""
    here, _ = open_notes()
    sync.connect(here, team_server.url("alice"), "Équipe A")
    sync.share(here, creuse)
    sync.sync(here)
    here.close()


def _colleague(team_server: TeamServer, tmp_path: Path, clock=None):  # type: ignore[no-untyped-def]
    """Bruno's laptop: its own notes folder (and clock), in team A, synced."""
    colleague, _ = open_notes(tmp_path / "bruno" / "notes.sqlite3",
                              backups_dir=tmp_path / "bruno" / "backups", clock=clock)  # fmt: skip
    sync.connect(colleague, team_server.url("bruno"), "Équipe A")
    sync.sync(colleague)
    return colleague


def _edited_on_both_laptops(team_server: TeamServer, creuse: str, tmp_path: Path, here_text: str):  # type: ignore[no-untyped-def]
    """This laptop (the window's notes) and Bruno's (another clock, 1,000 days ahead) both
    edited the shared note; Bruno's version is on the server. Returns Bruno's notes, open."""
    from testkit import Clock

    _connected_here(team_server, creuse)
    clock = Clock()
    clock.advance(days=1000)
    colleague = _colleague(team_server, tmp_path, clock)
    clock.advance(minutes=10)
    colleague.save_note("scheme:dla", creuse, "Version de Bruno")
    sync.sync(colleague)
    here, _ = open_notes()
    here.save_note("scheme:dla", creuse, here_text)
    here.close()
    return colleague


def test_the_window_syncs_by_itself_at_the_interval_of_its_settings(
    qtbot, make_window, creuse: str, team_server: TeamServer, tmp_path: Path
) -> None:
    """Every few minutes while connected (here every second, from settings.ini's
    ``team/sync_seconds``): a colleague's note arrives with nobody asking for a sync."""
    _connected_here(team_server, creuse)
    paths.user_dir().mkdir(parents=True, exist_ok=True)
    (paths.user_dir() / "settings.ini").write_text("[team]\nsync_seconds=1\n", encoding="utf-8")
    window = make_window()
    attach_notes(window)
    team = team_of(window)
    assert team.timer.isActive() and team.timer.interval() == 1000
    qtbot.waitUntil(lambda: not team.busy, timeout=20000)
    colleague = _colleague(team_server, tmp_path)
    colleague.save_note("scheme:crte", creuse, "Écrit par Bruno pendant que la fenêtre est ouverte")
    sync.sync(colleague)
    colleague.close()
    store = team.store
    assert store is not None
    qtbot.waitUntil(lambda: store.get_note("scheme:crte", creuse) is not None, timeout=20000)
    team.runner.shutdown()


def test_closing_the_window_sends_what_was_just_written(
    qtbot, make_window, creuse: str, team_server: TeamServer, tmp_path: Path
) -> None:
    """The sync before quitting: a note saved just before closing reaches the server."""
    _connected_here(team_server, creuse)
    window = make_window()
    attach_notes(window)
    team = team_of(window)
    qtbot.waitUntil(lambda: not team.busy, timeout=20000)
    assert team.status.text().startswith("Synchronisé à ")
    store = team.store
    assert store is not None
    store.save_note("scheme:crte", creuse, "Écrit juste avant de fermer")
    window.close()
    colleague = _colleague(team_server, tmp_path)
    note = colleague.get_note("scheme:crte", creuse)
    colleague.close()
    assert note is not None and note.text == "Écrit juste avant de fermer"


def test_closing_the_window_offline_does_not_try_the_server(
    qtbot, make_window, creuse: str, team_server: TeamServer
) -> None:
    """A server out of reach at the last sync is not tried again at quit (it would hold the
    window for the connection timeout): a listening socket that never answers sees no
    connection from the closing window, and what was written stays pending, not lost."""
    _connected_here(team_server, creuse)
    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen(8)
    silent.setblocking(False)
    away = f"postgresql://alice@127.0.0.1:{silent.getsockname()[1]}/{team_server.database}"
    with sqlite3.connect(paths.notes_path()) as conn:
        conn.execute("UPDATE team_link SET url = ?", (away,))
    conn.close()
    try:
        window = make_window()
        attach_notes(window)
        team = team_of(window)
        qtbot.waitUntil(lambda: not team.busy, timeout=30000)  # libpq gives up after 5 s
        assert team.status.text().startswith("Hors ligne"), team.status.text()
        attempts = _drain(silent)
        assert attempts >= 1  # the sync at start did try
        store = team.store
        assert store is not None
        store.save_note("scheme:crte", creuse, "Écrit hors ligne avant de fermer")
        window.close()
        assert _drain(silent) == 0  # no try at quit
    finally:
        silent.close()
    store, _ = open_notes()
    assert sync.pending_count(store) == 1
    store.close()


def _drain(listener: socket.socket) -> int:
    """Connections waiting on ``listener`` (accepted and closed)."""
    count = 0
    while True:
        try:
            conn, _ = listener.accept()
        except BlockingIOError:
            return count
        conn.close()
        count += 1


def test_a_conflict_settled_in_the_window_is_settled_on_the_colleagues_laptop(
    qtbot, make_window, creuse: str, team_server: TeamServer, tmp_path: Path
) -> None:
    """The conflict view's « Garder les deux » on this laptop, then a sync: the colleague's
    laptop (its own notes folder) gets the same note with both texts and no conflict left."""
    colleague = _edited_on_both_laptops(team_server, creuse, tmp_path, "Version d'ici")
    window = make_window()
    attach_notes(window)
    team = team_of(window)
    qtbot.waitUntil(lambda: not team.busy, timeout=20000)  # the sync at start: the conflict
    notes = window.notes  # type: ignore[attr-defined]
    notes.territories.switch(creuse)
    dialog = notes.sharing.resolve_conflicts()
    assert dialog is not None and [c.text for c in dialog.copies()] == ["Version de Bruno"]
    qtbot.mouseClick(dialog.keep_both_button, Qt.MouseButton.LeftButton)
    assert dialog.copies() == []
    dialog.close()
    assert team.sync_now()
    qtbot.waitUntil(lambda: not team.busy, timeout=20000)
    sync.sync(colleague)
    note = colleague.get_note("scheme:dla", creuse)
    assert (
        note is not None and note.text == "Version d'ici\n\n— autre version —\n\nVersion de Bruno"
    )
    assert colleague.conflicts("scheme:dla", creuse) == []
    colleague.close()
    team.runner.shutdown()
