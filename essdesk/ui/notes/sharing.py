"""Notes leaving and arriving: export and import of exchange files, the briefing sheet, and
the conflicts an import or a sync leaves to resolve. The dialogs are in their own rooms
(``ui/exchange``, ``ui/briefing``, ``conflicts_dialog``), imported on first use."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWidget

from essdesk.ui.notes.host import NotesPiece


class Sharing(NotesPiece):
    """Opens the exchange, briefing and conflicts dialogs."""

    def _selected_keys(self) -> list[str]:
        current = self.host.current_entry()
        return [current] if current else []

    def export_notes(self) -> Path | None:
        from essdesk.ui.exchange.export_dialog import export_notes_dialog

        store, catalogue = self.session.store, self.host.catalogue
        if store is None:
            return None
        self.panel.save_now()
        return export_notes_dialog(
            self.host.window(),
            store,
            catalogue.version if catalogue else "",
            self.session.territory,
            self._selected_keys(),
        )

    def import_notes(self, path: Path | None = None) -> bool:
        from essdesk.ui.exchange.import_dialog import import_notes_dialog

        store, catalogue = self.session.store, self.host.catalogue
        if store is None:
            return False
        self.panel.save_now()
        known = set(catalogue.keys()) if catalogue is not None else None
        changed = import_notes_dialog(
            self.host.window(), store, known, path, open_conflicts=self._open_conflicts_later
        )
        if changed:
            if self.session.territory is None:
                self.session.set_territory(None)  # the first profile the import created
            self.session.territories_changed.emit()
            self.session.everything_changed()
            self.panel.reload()
        return changed

    def _open_conflicts_later(self) -> None:
        """« Ouvrir les conflits » of the import report: once the window has the new notes."""
        QTimer.singleShot(0, self.resolve_conflicts)

    def briefing(self) -> QWidget | None:
        from essdesk.ui.briefing.briefing_dialog import open_briefing_dialog

        catalogue = self.host.catalogue
        if catalogue is None:
            return None
        self.panel.save_now()
        dialog = open_briefing_dialog(
            self.host.window(),
            catalogue,
            self.session.store,
            self.session.territory,
            self._selected_keys(),
        )
        return dialog

    def resolve_conflicts(self) -> QWidget | None:
        from essdesk.ui.notes.conflicts_dialog import open_conflicts_dialog

        store, territory, catalogue = (
            self.session.store,
            self.session.territory,
            self.host.catalogue,
        )
        if store is None or territory is None:
            return None
        self.panel.save_now()
        dialog = open_conflicts_dialog(
            self.host.window(),
            store,
            territory,
            catalogue.title if catalogue is not None else (lambda _key: None),
        )
        dialog.conflict_resolved.connect(lambda _uuid: self._after_conflict())
        return dialog

    def _after_conflict(self) -> None:
        self.session.everything_changed()
        self.panel.reload()
