"""Window state and preferences in an INI file (``settings_path()``).

A missing, unreadable or corrupt file, or a value of the wrong type, silently gives the
default: losing a window size must never stop anyone from working.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, QStandardPaths

from essdesk import paths

SETTINGS_FILENAME = "settings.ini"

LANGUAGES = ("fr", "en")
VIEWS = ("sessions", "levers", "tools", "directory", "mynotes")
ZOOM_MIN, ZOOM_MAX = -3, 10
LANGUAGE_KEY = "view/language"
"""Not ``general/language``, which essdesk used before: Qt's INI format keeps a group named
« General » for keys without a group and writes any other spelling as ``[%General]``, read
back as ``General/…``, so the language never came back and each quit added another
``[%General]`` section. Files written that way are read once (``General/language``) and
cleaned at the next save."""


class UiState:
    """The window's state and the user's preferences, as read from and written to the file.

    A plain class rather than a dataclass: it is read before the window shows, and importing
    ``dataclasses`` then costs ~4 ms.
    """

    __slots__ = (
        "content_splitter",
        "font_zoom",
        "geometry",
        "highlight_territory",
        "language",
        "last_entry",
        "last_view",
        "layout_char",
        "main_splitter",
        "territory",
        "window_state",
    )

    def __init__(
        self,
        *,
        geometry: QByteArray | None = None,
        window_state: QByteArray | None = None,
        main_splitter: QByteArray | None = None,
        content_splitter: QByteArray | None = None,
        last_view: str = "sessions",
        last_entry: str = "",
        font_zoom: int = 0,
        language: str = "fr",
        territory: str = "",
        highlight_territory: bool = True,
        layout_char: int = 0,
    ) -> None:
        self.geometry = geometry
        self.window_state = window_state
        self.main_splitter = main_splitter
        self.content_splitter = content_splitter
        self.last_view = last_view
        self.last_entry = last_entry
        self.font_zoom = font_zoom
        self.language = language
        self.territory = territory  # uuid of the current profile ("" before the first one)
        self.highlight_territory = highlight_territory
        self.layout_char = layout_char
        """The text's average character width when the splitters were saved (0: unknown):
        another one at the next start (zoom, desktop scaling) means they are redone."""

    def _values(self) -> tuple[object, ...]:
        return tuple(getattr(self, name) for name in self.__slots__)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, UiState) and self._values() == other._values()

    __hash__ = None  # type: ignore[assignment]  # mutable

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__slots__)
        return f"UiState({fields})"


def settings_path() -> Path:
    """``$ESSDESK_HOME/settings.ini`` when set, else the platform's configuration folder for
    the application (``~/.config/essdesk`` on Linux, ``%LOCALAPPDATA%\\essdesk`` on Windows,
    ``~/Library/Preferences/essdesk`` on macOS).

    Qt's lookup, not platformdirs' (which finds the notes' data folder, after the window is
    up): importing platformdirs costs ~8 ms, and these settings are read before the window
    shows. Call it once the application name is set (``essdesk.app.build`` does).
    """
    override = paths.home_override()
    if override is not None:
        return override / SETTINGS_FILENAME
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppConfigLocation)
    if not folder:  # no home folder Qt can find: next to the notes rather than the cwd
        return paths.user_dir() / SETTINGS_FILENAME
    return Path(folder) / SETTINGS_FILENAME


def _bytes(settings: QSettings, name: str) -> QByteArray | None:
    value = settings.value(name)
    if isinstance(value, QByteArray) and not value.isEmpty():
        return value
    if isinstance(value, bytes) and value:
        return QByteArray(value)
    return None


def _text(settings: QSettings, name: str, default: str, allowed: tuple[str, ...] = ()) -> str:
    value = settings.value(name)
    if not isinstance(value, str) or len(value) > 500:
        return default
    if allowed and value not in allowed:
        return default
    return value


def _int(settings: QSettings, name: str, default: int, low: int, high: int) -> int:
    value = settings.value(name)
    try:
        number = int(value)  # type: ignore[arg-type]
    except (TypeError, ValueError, OverflowError):
        return default
    return min(max(number, low), high)


def read_int(path: Path, name: str, default: int, low: int, high: int) -> int:
    """One whole-number preference that no dialog edits (``team/sync_seconds``: how often
    the window syncs with the team server; an IT team may set it, the tests make it a
    second), clamped to [low, high]; any trouble gives the default."""
    if not path.is_file():
        return default
    return _int(QSettings(str(path), QSettings.Format.IniFormat), name, default, low, high)


def load_state(path: Path) -> UiState:
    """Read the state; any trouble gives defaults for the values concerned."""
    state = UiState()
    if not path.is_file():
        return state
    try:
        settings = QSettings(str(path), QSettings.Format.IniFormat)
        if settings.status() != QSettings.Status.NoError:
            return state
        state.geometry = _bytes(settings, "window/geometry")
        state.window_state = _bytes(settings, "window/state")
        state.main_splitter = _bytes(settings, "window/main_splitter")
        state.content_splitter = _bytes(settings, "window/content_splitter")
        state.layout_char = _int(settings, "window/layout_char", 0, 0, 1000)
        state.last_view = _text(settings, "view/last_view", "sessions", VIEWS)
        state.last_entry = _text(settings, "view/last_entry", "")
        state.font_zoom = _int(settings, "view/font_zoom", 0, ZOOM_MIN, ZOOM_MAX)
        state.language = _text(
            settings, LANGUAGE_KEY, _text(settings, "General/language", "fr", LANGUAGES), LANGUAGES
        )
        state.territory = _text(settings, "notes/territory", "")
        state.highlight_territory = _int(settings, "view/highlight_territory", 1, 0, 1) == 1
    except Exception:  # a settings file must never stop the app
        return UiState()
    return state


def save_state(path: Path, state: UiState) -> bool:
    """Write the state; returns False (and says nothing) when the folder is not writable."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        settings = QSettings(str(path), QSettings.Format.IniFormat)
        for name, value in (
            ("window/geometry", state.geometry),
            ("window/state", state.window_state),
            ("window/main_splitter", state.main_splitter),
            ("window/content_splitter", state.content_splitter),
        ):
            if value is not None:
                settings.setValue(name, value)
        settings.setValue("window/layout_char", state.layout_char)
        settings.setValue("view/last_view", state.last_view)
        settings.setValue("view/last_entry", state.last_entry)
        settings.setValue("view/font_zoom", state.font_zoom)
        settings.setValue(LANGUAGE_KEY, state.language)
        for legacy in ("General", "general"):  # see LANGUAGE_KEY
            settings.remove(legacy)
        settings.setValue("notes/territory", state.territory)
        settings.setValue("view/highlight_territory", int(state.highlight_territory))
        settings.sync()
        return settings.status() == QSettings.Status.NoError
    except OSError:
        return False
