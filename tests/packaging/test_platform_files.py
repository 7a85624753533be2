"""The files packaging ships besides the bundle: icons per platform and the desktop entry
(fast: part of plain pytest)."""

from __future__ import annotations

import configparser
import shutil
import struct
import subprocess
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

RESOURCES = Path(__file__).resolve().parents[2] / "resources"
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def png_image(blob: bytes) -> QImage:
    assert blob.startswith(PNG_MAGIC)
    image = QImage()
    assert image.loadFromData(blob, "PNG")
    return image


def same_pixels(a: QImage, b: QImage) -> bool:
    fmt = QImage.Format.Format_ARGB32
    return a.convertToFormat(fmt) == b.convertToFormat(fmt)


def test_ico_holds_the_icon_from_16_to_256_px() -> None:
    data = (RESOURCES / "essdesk.ico").read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", data)
    assert (reserved, kind) == (0, 1)
    sizes = []
    for i in range(count):
        w, h, _colours, _r, planes, bits, length, offset = struct.unpack_from(
            "<BBBBHHII", data, 6 + 16 * i
        )
        side = w or 256
        assert (w, planes, bits) == (h, 1, 32)
        image = png_image(data[offset : offset + length])
        assert image.width() == image.height() == side
        sizes.append(side)
        if side == 256:
            assert same_pixels(image, QImage(str(RESOURCES / "essdesk.png")))
    assert {16, 32, 48, 256} <= set(sizes)


def test_icns_holds_the_icon_up_to_256_px() -> None:
    data = (RESOURCES / "essdesk.icns").read_bytes()
    assert data[:4] == b"icns"
    assert struct.unpack_from(">I", data, 4)[0] == len(data)
    pos, kinds = 8, {}
    while pos < len(data):
        kind = data[pos : pos + 4]
        length = struct.unpack_from(">I", data, pos + 4)[0]
        kinds[kind] = png_image(data[pos + 8 : pos + length]).width()
        pos += length
    assert kinds[b"icp4"] == 16 and kinds[b"ic07"] == 128 and kinds[b"ic08"] == 256


def test_desktop_entry() -> None:
    path = RESOURCES / "essdesk.desktop"
    entry = configparser.ConfigParser(interpolation=None, strict=True)
    entry.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    entry.read(path, encoding="utf-8")
    group = entry["Desktop Entry"]
    assert group["Type"] == "Application"
    assert group["Name"] == "essdesk"
    assert group["Exec"] == "essdesk"
    assert group["Icon"] == "essdesk"
    assert group["Categories"] == "Office;Education;"
    assert "territoires fragiles" in group["Comment"]  # French first; English as [en]
    assert "Comment[en]" in group and "GenericName" in group


@pytest.mark.skipif(not shutil.which("desktop-file-validate"), reason="desktop-file-utils")
def test_desktop_entry_validates() -> None:
    out = subprocess.run(
        ["desktop-file-validate", str(RESOURCES / "essdesk.desktop")],
        capture_output=True,
        text=True,
    )
    assert out.returncode == 0, out.stdout + out.stderr
    assert "error" not in out.stdout.lower()
