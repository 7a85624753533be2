"""Reading an exchange file, hardened: every size checked before the bytes it announces are
read, nothing extracted to disk, nothing executed; the decoded JSON is then validated by
:mod:`.format`. Any file that is not a sound format-1 archive raises
:class:`~essdesk.notes.exchange.messages.ExchangeError` before anything is written.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
import stat
import struct
import zipfile
from pathlib import Path
from typing import Any

from essdesk import french
from essdesk.notes.errors import os_reason
from essdesk.notes.exchange.format import (
    _CONTROL,
    MANIFEST,
    MAX_ARCHIVE_BYTES,
    MAX_MANIFEST_BYTES,
    MAX_MEMBERS,
    MAX_PAYLOAD_BYTES,
    MAX_RATIO,
    PAYLOAD,
    RATIO_FLOOR,
    ExchangeFile,
    check_manifest,
    check_payload,
)
from essdesk.notes.exchange.messages import (
    ExchangeError,
    bad_file,
    damaged,
    invalid,
    refused,
    shown,
)
from essdesk.notes.local_exchange import LocalRecordError, parse_records

_EOCD = b"PK\x05\x06"
_S_IFLNK, _S_IFMT = 0o120000, 0o170000
_ZIP64_LOCATOR = b"PK\x06\x07"
_CENTRAL_HEADER = 46
"""Fixed part of a central directory header (its name, extra field and comment follow)."""
MAX_CENTRAL_BYTES = MAX_MEMBERS * (_CENTRAL_HEADER + 1024)
"""Largest central directory read: :data:`MAX_MEMBERS` headers with 1 KiB of name and extra
field each (essdesk's own two members take about 120 bytes)."""


def read_exchange_file(path: Path | str) -> ExchangeFile:
    """Read and validate ``path`` entirely in memory; :class:`ExchangeError` if it is not a
    sound exchange file. Every size is checked before the bytes it announces are read."""
    source = Path(path)
    raw = _read_archive(source)
    archive = _open_zip(raw)
    infos = _check_members(archive)
    if MANIFEST not in infos:
        raise bad_file(
            "Ce fichier n'est pas un fichier de notes essdesk (manifest.json absent).",
            "no manifest.json member",
        )
    manifest = _parse_json(_read_member(archive, infos[MANIFEST], MAX_MANIFEST_BYTES), MANIFEST)
    head = check_manifest(manifest)
    unexpected = sorted(set(infos) - {MANIFEST, PAYLOAD})
    if unexpected:
        raise bad_file(
            f"Ce fichier contient un élément inattendu (« {shown(unexpected[0])} ») : ce n'est pas "
            "un fichier de notes essdesk valide.",
            f"unexpected members {unexpected[:5]}",
        )
    if PAYLOAD not in infos:
        raise damaged("no notes.json member")
    body = _read_member(archive, infos[PAYLOAD], MAX_PAYLOAD_BYTES)
    digest = hashlib.sha256(body).hexdigest()
    if len(body) != head["size"] or digest != head["sha256"]:
        raise bad_file(
            "Le fichier de notes est endommagé ou a été modifié : sa somme de contrôle ne "
            "correspond pas. Recopiez-le depuis l'ordinateur d'origine.",
            f"payload sha256 {digest} size {len(body)}, manifest says {head['sha256']} "
            f"size {head['size']}",
        )
    parsed = _parse_json(body, PAYLOAD)
    content = check_payload(parsed, head["counts"], head["format_version"])
    try:
        local = parse_records(parsed.get("local_entries"), {t.uuid for t in content[0]})
    except LocalRecordError as exc:
        raise ExchangeError(exc.message, exc.detail) from exc
    return ExchangeFile(
        path=source,
        format_version=head["format_version"],
        essdesk_version=head["essdesk_version"],
        catalogue_version=head["catalogue_version"],
        created=head["created"],
        scope=head["scope"],
        territories=content[0],
        notes=content[1],
        statuses=content[2],
        sha256=digest,
        local_entries=tuple(local),
    )


def _read_archive(source: Path) -> bytes:
    """The file's bytes. It is opened first and its type checked on the opened file (not on
    the name, which may be swapped for a FIFO in between: the import would wait forever);
    non-blocking, so that opening a FIFO returns at once."""
    try:
        fd = os.open(
            source, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
        )
    except FileNotFoundError as exc:
        raise bad_file(f"Fichier introuvable : {source}.", str(exc)) from exc
    except IsADirectoryError as exc:  # Windows refuses to open a folder
        raise _folder(source) from exc
    except OSError as exc:
        raise bad_file(
            f"Impossible de lire le fichier {source} : {os_reason(exc)}.", str(exc)
        ) from exc
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode):
        os.close(fd)
        if stat.S_ISDIR(info.st_mode):
            raise _folder(source)
        raise bad_file(  # a FIFO or a device would never end
            f"« {source} » n'est pas un fichier ordinaire : ce n'est pas un fichier de notes "
            "essdesk.",
            "not a regular file",
        )
    with os.fdopen(fd, "rb") as fh:
        if info.st_size > MAX_ARCHIVE_BYTES:
            raise bad_file(
                f"Ce fichier est bien trop volumineux pour être un fichier de notes essdesk "
                f"({french.size(info.st_size)} ; maximum {french.size(MAX_ARCHIVE_BYTES)}).",
                f"file size {info.st_size}",
            )
        try:
            raw = fh.read(MAX_ARCHIVE_BYTES + 1)
        except OSError as exc:
            raise bad_file(
                f"Impossible de lire le fichier {source} : {os_reason(exc)}.", str(exc)
            ) from exc
    if len(raw) > MAX_ARCHIVE_BYTES:  # grew while we looked
        raise bad_file("Ce fichier est bien trop volumineux.", f"read {len(raw)} bytes")
    return raw


def _folder(source: Path) -> ExchangeError:
    return bad_file(
        f"« {source} » est un dossier, pas un fichier de notes essdesk.", "is a directory"
    )


def _not_a_zip(raw: bytes, detail: str) -> ExchangeError:
    if raw.startswith(b"PK\x03\x04"):  # starts like a ZIP archive: cut short or damaged
        return damaged(f"truncated or damaged zip: {detail}")
    return bad_file(
        "Ce fichier n'est pas un fichier de notes essdesk (archive ZIP illisible).", detail
    )


def _open_zip(raw: bytes) -> zipfile.ZipFile:
    """Check the end record before zipfile parses the central directory: a small file may
    declare millions of entries, or under-count them while its central directory really
    holds millions (zipfile walks the directory by its size, not by the count), each
    costing a ZipInfo in memory. essdesk never writes ZIP64, so a ZIP64 end is refused."""
    end = raw.rfind(_EOCD, max(0, len(raw) - 22 - 65535))
    if end >= 0 and end + 22 <= len(raw):
        (entries,) = struct.unpack_from("<H", raw, end + 10)
        (directory,) = struct.unpack_from("<I", raw, end + 12)
        if entries > MAX_MEMBERS or directory > MAX_CENTRAL_BYTES:
            count = f" ({french.number(entries)})" if entries > MAX_MEMBERS else ""
            raise refused(
                f"contient trop d'éléments{count} pour un fichier de notes essdesk",
                f"{entries} members declared, central directory {directory} bytes",
            )
        if end >= 20 and raw[end - 20 : end - 16] == _ZIP64_LOCATOR:
            raise refused(
                "utilise un format d'archive (ZIP64) qu'essdesk n'écrit jamais", "zip64 end record"
            )
    try:
        return zipfile.ZipFile(io.BytesIO(raw))
    except Exception as exc:  # hostile bytes: zipfile raises BadZipFile, struct, EOF, value...
        raise _not_a_zip(raw, f"{type(exc).__name__}: {exc}") from exc


def _suspicious(name: str) -> bool:
    parts = name.replace("\\", "/").split("/")
    return (
        name.startswith(("/", "\\"))
        or "\\" in name
        or ".." in parts
        or bool(re.match(r"^[A-Za-z]:", name))
        or bool(_CONTROL.search(name))
    )


def _check_members(archive: zipfile.ZipFile) -> dict[str, zipfile.ZipInfo]:
    """Refuse path tricks, links, duplicates and encryption; return members by name."""
    found: dict[str, zipfile.ZipInfo] = {}
    for info in archive.infolist():
        name = info.orig_filename
        if _suspicious(name) or name != info.filename:
            raise refused(
                f"contient un chemin suspect (« {shown(name)} »)", f"suspicious member {name!r}"
            )
        if (info.external_attr >> 16) & _S_IFMT == _S_IFLNK:
            raise refused(f"contient un lien symbolique (« {shown(name)} »)", f"symlink {name!r}")
        if name in found:
            raise refused(f"contient deux fois l'élément « {shown(name)} »", f"duplicate {name!r}")
        if info.flag_bits & 0x1:
            raise bad_file(
                "Ce fichier est protégé par un mot de passe : essdesk ne lit que ses propres "
                "fichiers de notes, non chiffrés.",
                f"encrypted member {name!r}",
            )
        found[name] = info
    return found


def _read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, cap: int) -> bytes:
    """The member's bytes, its declared sizes checked first and the read itself bounded."""
    name = info.filename
    if info.file_size > cap:
        raise refused(
            f"annonce un contenu démesuré (« {name} » : {french.size(info.file_size)} une fois "
            f"décompressé ; maximum {french.size(cap)})",
            f"{name} declares {info.file_size} bytes",
        )
    if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
        ratio = info.file_size // max(info.compress_size, 1)
        raise refused(
            f"est anormalement compressé (« {name} » : {ratio} pour 1, signe d'une « bombe ZIP »)",
            f"{name} ratio {ratio}",
        )
    if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        raise bad_file(
            "Ce fichier utilise une compression que essdesk ne lit pas : ce n'est pas un "
            "fichier de notes essdesk.",
            f"{name} compress_type {info.compress_type}",
        )
    try:
        with archive.open(info) as stream:
            data = stream.read(cap + 1)
    except Exception as exc:  # CRC mismatch, bad local header, zlib error on hostile bytes
        raise damaged(f"{name}: {type(exc).__name__}: {exc}") from exc
    if len(data) != info.file_size:
        raise damaged(f"{name}: read {len(data)} bytes, declared {info.file_size}")
    return data


class _DuplicateKey(ValueError):
    pass


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise _DuplicateKey(key)
        result[key] = value
    return result


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not allowed")


def _parse_json(data: bytes, name: str) -> Any:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise invalid(name, "ce n'est pas un texte UTF-8 valide") from exc
    try:
        return json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_no_constant)
    except json.JSONDecodeError as exc:
        raise invalid(
            name, f"ce n'est pas du JSON valide (ligne {exc.lineno}, colonne {exc.colno})"
        ) from exc
    except _DuplicateKey as exc:
        raise invalid(name, f"la clé « {shown(str(exc))} » y figure deux fois") from exc
    except (ValueError, RecursionError) as exc:  # NaN, 10,000-digit numbers, deep nesting
        raise invalid(name, f"ce n'est pas du JSON valide ({type(exc).__name__})") from exc
