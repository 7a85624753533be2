"""Active filters shown as removable chips, with a one-click "clear all"."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from essdesk.ui.common.flow_layout import flow_container


class ChipBar(QWidget):
    """One chip per active (facet, value); hidden when there is none."""

    chip_removed = Signal(str, str)
    """(facet, value) the user removed."""
    cleared = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chipBar")
        container, self._flow = flow_container(self, spacing=6)
        self._container = container
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(container)
        self._chips: list[QPushButton] = []
        self._clear = QPushButton(self.tr("Tout effacer"))
        self._clear.setObjectName("clearAllButton")
        self._clear.setFlat(True)
        self._clear.setAccessibleName(self.tr("Effacer tous les filtres"))
        self._clear.clicked.connect(self.cleared)
        self.setVisible(False)

    def set_chips(self, chips: Sequence[tuple[str, str, str]]) -> None:
        """``chips``: (facet, value, label shown) for every active filter."""
        while self._flow.count():
            item = self._flow.takeAt(0)
            widget = item.widget() if item else None
            if widget is not None and widget is not self._clear:
                widget.deleteLater()
        self._chips = []
        for facet, value, label in chips:
            chip = QPushButton(f"{label}  ✕", self._container)
            chip.setObjectName("chip")
            chip.setProperty("facet", facet)
            chip.setProperty("value", value)
            chip.setToolTip(self.tr("Retirer ce filtre"))
            chip.setAccessibleName(self.tr("Retirer le filtre {0}").format(label))
            chip.clicked.connect(lambda _=False, f=facet, v=value: self.chip_removed.emit(f, v))
            self._flow.addWidget(chip)
            self._chips.append(chip)
        self._clear.setParent(self._container)
        self._flow.addWidget(self._clear)
        self._clear.setVisible(bool(chips))
        self.setVisible(bool(chips))
        self._container.updateGeometry()

    def chips(self) -> list[QPushButton]:
        return list(self._chips)

    @property
    def clear_button(self) -> QPushButton:
        return self._clear
