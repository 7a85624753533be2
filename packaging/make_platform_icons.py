"""Write resources/essdesk.ico (Windows) and resources/essdesk.icns (macOS) from
resources/essdesk.png (256×256, drawn by resources/make_icon.py).

    .venv/bin/python packaging/make_platform_icons.py

Both formats are containers of PNG images: the .ico holds 16 to 256 px entries (PNG entries
are read by Windows Vista and later), the .icns the icp4…ic08 and @2x types up to 256 px. Qt
scales (smooth); struct writes the headers; no imaging library needed. Run it again after
changing the icon; tests/packaging/test_platform_files.py checks them against the PNG.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QImage

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
SOURCE = RESOURCES / "essdesk.png"

ICO_SIZES = (16, 20, 24, 32, 40, 48, 64, 128, 256)
# icns type → pixel size (the @2x types hold the double-size image of a point size)
ICNS_TYPES = (
    (b"icp4", 16),
    (b"icp5", 32),
    (b"icp6", 64),
    (b"ic07", 128),
    (b"ic08", 256),
    (b"ic11", 32),
    (b"ic12", 64),
    (b"ic13", 256),
)


def png_bytes(image: QImage, size: int) -> bytes:
    if image.width() != size:
        image = image.scaled(
            size,
            size,
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise RuntimeError(f"cannot encode a {size} px PNG")
    buffer.close()
    return bytes(data.data())


def ico(image: QImage) -> bytes:
    pngs = [(size, png_bytes(image, size)) for size in ICO_SIZES]
    header = struct.pack("<HHH", 0, 1, len(pngs))
    offset = len(header) + 16 * len(pngs)
    entries, blobs = b"", b""
    for size, blob in pngs:
        side = 0 if size >= 256 else size  # 0 means 256 in an ICONDIRENTRY
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(blob), offset)
        offset += len(blob)
        blobs += blob
    return header + entries + blobs


def icns(image: QImage) -> bytes:
    chunks = b""
    for kind, size in ICNS_TYPES:
        blob = png_bytes(image, size)
        chunks += kind + struct.pack(">I", 8 + len(blob)) + blob
    return b"icns" + struct.pack(">I", 8 + len(chunks)) + chunks


def main() -> int:
    image = QImage(str(SOURCE))
    if image.isNull() or image.width() != image.height() or image.width() < 256:
        print(f"{SOURCE}: a square PNG of at least 256 px is needed", file=sys.stderr)
        return 1
    image = image.convertToFormat(QImage.Format.Format_ARGB32)
    (RESOURCES / "essdesk.ico").write_bytes(ico(image))
    (RESOURCES / "essdesk.icns").write_bytes(icns(image))
    print(f"wrote {RESOURCES / 'essdesk.ico'} and {RESOURCES / 'essdesk.icns'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
