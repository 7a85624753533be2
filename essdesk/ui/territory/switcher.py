"""The territory switcher in the toolbar (the profile dialogs are in ``dialogs``).

The switcher is built with the window (it imports nothing from the notes layer) and filled
once the notes are open; it takes plain ``Territory`` records.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QWidget

from essdesk.ui.common.plain import plain_tip

if TYPE_CHECKING:
    from essdesk.notes import Territory

NEW = "__new__"
MANAGE = "__manage__"


class TerritorySwitcher(QComboBox):
    """The current territory, always visible; « Nouveau territoire… », « Gérer… » at the end."""

    territory_selected = Signal(str)
    """uuid of the profile the user switched to."""
    create_requested = Signal()
    manage_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("territorySwitcher")
        self.setAccessibleName(self.tr("Territoire courant"))
        self.setToolTip(
            self.tr("Territoire courant : il délimite notes, suivis et exports (Ctrl+T)")
        )
        # A fixed room (not the longest name's): an EPCI's long name must not push the
        # global search box narrower; the list that drops down shows names in full.
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(16)
        self.view().setTextElideMode(Qt.TextElideMode.ElideNone)
        self._current = ""
        self.activated.connect(self._activated)
        self.set_territories([], None)
        self.setEnabled(False)

    def set_territories(self, territories: Sequence[Territory], current: str | None) -> None:
        self.blockSignals(True)
        self.clear()
        if not territories:
            self.addItem(self.tr("Aucun territoire"), "")
        for t in territories:
            self.addItem(t.name, t.uuid)
            if t.types or t.commune:
                details = ", ".join(
                    [*(k.split(":", 1)[-1].upper() for k in t.types), *filter(None, [t.commune])]
                )
                self.setItemData(self.count() - 1, plain_tip(details), Qt.ItemDataRole.ToolTipRole)
        self.insertSeparator(self.count())
        self.addItem(self.tr("Nouveau territoire…"), NEW)
        self.addItem(self.tr("Gérer les territoires…"), MANAGE)
        self._current = current or ""
        index = self.findData(self._current) if current else 0
        self.setCurrentIndex(max(index, 0))
        self.blockSignals(False)

    def current_uuid(self) -> str:
        return self._current

    def _activated(self, index: int) -> None:
        data = self.itemData(index)
        if data in (NEW, MANAGE):
            # put the current profile back: the entries are actions, not choices
            self.setCurrentIndex(max(self.findData(self._current), 0))
            (self.create_requested if data == NEW else self.manage_requested).emit()
        elif data and data != self._current:
            self._current = data
            self.territory_selected.emit(data)
