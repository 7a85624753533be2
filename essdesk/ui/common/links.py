"""Opening the report's external links: only on a click, only http, https and mailto.

The app never opens a network connection by itself; a link is handed to the system browser
(or mail client) when the user clicks it. The opener is injected so tests intercept it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices

from essdesk.urls import safe_url

ALLOWED_SCHEMES = frozenset({"http", "https", "mailto"})
INTERNAL_SCHEME = "essdesk"

UrlOpener = Callable[[QUrl], bool]


def is_allowed(url: QUrl) -> bool:
    """True for a well-formed http(s) URL with a host, or a mailto URL."""
    if not url.isValid():
        return False
    scheme = url.scheme().lower()
    if scheme not in ALLOWED_SCHEMES:
        return False
    return (scheme == "mailto" or bool(url.host())) and safe_url(url.toString())


def system_opener(url: QUrl) -> bool:
    """Hand the URL to the desktop (browser, mail client)."""
    return QDesktopServices.openUrl(url)


def entry_url(key: str) -> str:
    """In-app link to a catalogue entry, used in the detail view's HTML."""
    return f"{INTERNAL_SCHEME}:{key}"


def entry_key(url: QUrl) -> str | None:
    """The entry key of an in-app link, or None for any other URL."""
    if url.scheme() != INTERNAL_SCHEME:
        return None
    return url.path() or None
