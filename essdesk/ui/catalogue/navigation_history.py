"""Back/forward navigation through the entries opened in the window, like a browser's (not
a note's version history). Plain Python, so it is trivially testable."""

from __future__ import annotations


class NavigationHistory:
    """A browser-like history: visiting drops the forward branch; revisiting the current
    entry is a no-op so that a double signal (click + activate) does not stutter."""

    def __init__(self, limit: int = 200) -> None:
        self._items: list[str] = []
        self._pos = -1
        self._limit = limit

    @property
    def current(self) -> str | None:
        return self._items[self._pos] if self._pos >= 0 else None

    def visit(self, key: str) -> None:
        if key == self.current:
            return
        del self._items[self._pos + 1 :]
        self._items.append(key)
        if len(self._items) > self._limit:
            del self._items[0]
        self._pos = len(self._items) - 1

    def can_go_back(self) -> bool:
        return self._pos > 0

    def can_go_forward(self) -> bool:
        return self._pos < len(self._items) - 1

    def back(self) -> str | None:
        if not self.can_go_back():
            return None
        self._pos -= 1
        return self.current

    def forward(self) -> str | None:
        if not self.can_go_forward():
            return None
        self._pos += 1
        return self.current
