"""Which links essdesk lets a user click (no Qt: the notes panel, the window, the printed and
Markdown sheets share it)."""

from __future__ import annotations

import ipaddress
import re
import socket
from urllib.parse import parse_qsl, urlsplit

_THIS_COMPUTER = frozenset({"localhost", "localhost.localdomain", "ip6-localhost"})


def safe_url(url: str) -> bool:
    """Whether a link may be clicked: the one policy of note links and the window's links.

    Decided (issue 11): http and https links to another computer, and mailto links. Not
    clickable: any other scheme (javascript:, data:, file:…); links to this computer
    (localhost, 127.x, ::1, 0.0.0.0 and their numeric spellings), since a click could drive a
    local service; and mailto links with an attachment parameter (« attach= »), which some
    mail clients honour by attaching a local file. They stay as text."""
    try:
        parts = urlsplit(url.strip())
        host = (parts.hostname or "").rstrip(".").lower()
    except ValueError:
        return False
    scheme = parts.scheme.lower()
    if scheme == "mailto":
        params = parse_qsl(parts.query, keep_blank_values=True)
        return not any(k.strip().lower() in ("attach", "attachment") for k, _ in params)
    if scheme not in ("http", "https") or not host:
        return False
    if host in _THIS_COMPUTER or host.endswith(".localhost"):
        return False
    try:
        if re.fullmatch(r"[0-9a-fx.]+", host):  # 127.1, 2130706433, 0x7f000001: as browsers
            ip: ipaddress.IPv4Address | ipaddress.IPv6Address = ipaddress.IPv4Address(
                socket.inet_aton(host)
            )
        else:
            ip = ipaddress.ip_address(host)
    except (ValueError, OSError):
        return True  # a host name
    return not (ip.is_loopback or ip.is_unspecified)
