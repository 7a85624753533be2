"""Errors of the notes layer, each carrying the French sentence the user sees.

The UI and the CLI show ``err.message`` as is; ``str(err)`` adds an English technical detail
for logs and bug reports. A save that fails raises a :class:`NotesWriteError` (or a subclass)
so the caller keeps the text and retries: the notes layer never drops user text silently.
"""

from __future__ import annotations

import errno
from pathlib import Path

import sqlalchemy.exc


class NotesError(Exception):
    """Base class: ``message`` is French, for the user; ``detail`` is English, for logs."""

    def __init__(self, message: str, detail: str = "", terminal: str | None = None) -> None:
        super().__init__(f"{message} [{detail}]" if detail else message)
        self.message = message
        self.detail = detail
        self.terminal = terminal if terminal is not None else message
        """The same in the command line's words (no text « stays displayed » there)."""


class NotesInputError(NotesError, ValueError):
    """A request that cannot be honoured as asked: unknown territory, taken name, bad status."""


class NewerSchemaError(NotesError):
    """The notes file was written by a newer essdesk; it is refused and left untouched."""

    def __init__(self, path: Path | str, found: int, known: int) -> None:
        super().__init__(
            f"Ce fichier de notes a été créé par une version plus récente d'essdesk "
            f"(schéma {found}, cette version connaît le schéma {known}). "
            f"Il n'a pas été modifié : mettez essdesk à jour pour l'ouvrir. Fichier : {path}",
            f"notes database schema {found} is newer than supported {known}; left untouched",
        )
        self.path = Path(path)


class NotesDamagedError(NotesError):
    """The database turned out to be corrupt while in use (restart to run the recovery)."""


class NotesWriteError(NotesError):
    """A write did not happen (disk full, I/O error, read-only file); the text is not saved."""


class NotesLockedError(NotesWriteError):
    """Another program holds the notes database longer than the busy timeout."""


class NotesReadOnlyError(NotesWriteError):
    """The data folder (or the notes file) cannot be written."""


_OS_REASONS = {
    errno.ENOENT: "introuvable",
    errno.EACCES: "accès refusé",
    errno.EPERM: "opération non permise",
    errno.ENOSPC: "le disque est plein",
    errno.EDQUOT: "le quota de disque est atteint",
    errno.EROFS: "le support est en lecture seule",
    errno.EEXIST: "un fichier de ce nom existe déjà",
    errno.ENOTDIR: "un élément du chemin est un fichier, pas un dossier",
    errno.EISDIR: "c'est un dossier, pas un fichier",
    errno.EIO: "erreur d'entrée-sortie du support",
    errno.ENAMETOOLONG: "nom trop long",
    errno.ENXIO: "périphérique absent",
    errno.ENODEV: "périphérique absent",
    errno.ELOOP: "trop de liens symboliques en boucle",
    errno.EBUSY: "le fichier ou le support est occupé",
    errno.ETXTBSY: "le fichier est occupé",
    errno.EFBIG: "le fichier est trop gros pour ce support",
    errno.EMFILE: "trop de fichiers ouverts",
    errno.ENFILE: "trop de fichiers ouverts",
    errno.ENOTEMPTY: "le dossier n'est pas vide",
    errno.EXDEV: "déplacement impossible d'un support à un autre",
    errno.EINVAL: "nom ou opération invalide pour ce support",
    errno.EAGAIN: "ressource momentanément indisponible",
    errno.ENOMEM: "mémoire insuffisante",
    errno.ENOTSUP: "opération non prise en charge par ce support",
    errno.ESTALE: "le support a été retiré ou n'est plus accessible",
}


def os_reason(exc: OSError) -> str:
    """The French reason of a file-system error (``strerror`` is in the system's language,
    English on most machines): what the user sees; ``str(exc)`` stays for the logs. The one
    converter: every message built from an OSError goes through it, never ``strerror``."""
    reason = _OS_REASONS.get(exc.errno or -1)
    if reason is None:
        return f"erreur du système (code {exc.errno})" if exc.errno else "erreur du système"
    return reason


# SQLite primary result codes (https://www.sqlite.org/rescode.html).
SQLITE_BUSY, SQLITE_LOCKED, SQLITE_READONLY, SQLITE_IOERR = 5, 6, 8, 10
SQLITE_CORRUPT, SQLITE_FULL, SQLITE_CANTOPEN, SQLITE_NOTADB = 11, 13, 14, 26


def sqlite_code(exc: BaseException) -> int | None:
    """Primary SQLite result code of a driver or SQLAlchemy exception, if there is one."""
    if isinstance(exc, sqlalchemy.exc.DBAPIError):
        exc = exc.orig  # type: ignore[assignment]
    code = getattr(exc, "sqlite_errorcode", None)
    return code & 0xFF if isinstance(code, int) else None


def locked_error(detail: str = "") -> NotesLockedError:
    busy = "Le fichier de notes est occupé par un autre programme (une autre fenêtre d'essdesk ?). "
    return NotesLockedError(
        busy + "Rien n'a été perdu ni déplacé : le texte reste affiché et sera enregistré dès "
        "que possible. Si cela dure, fermez l'autre fenêtre d'essdesk.",
        detail or "database is locked",
        busy + "Rien n'a été perdu ni modifié. Fermez l'autre fenêtre d'essdesk puis relancez "
        "la commande.",
    )


def as_notes_error(exc: BaseException, action: str = "enregistrer") -> NotesError:
    """Map a driver error to the notes error the user can act on.

    ``action`` is the French verb of what failed ("enregistrer", "ouvrir"...).
    """
    code = sqlite_code(exc)
    detail = str(getattr(exc, "orig", exc))
    keep = " Le texte n'est pas perdu : il reste affiché." if action == "enregistrer" else ""
    result = _notes_error_for(code, action, keep, detail)
    result.terminal = _notes_error_for(code, action, "", detail).terminal
    return result


def _notes_error_for(code: int | None, action: str, keep: str, detail: str) -> NotesError:
    """The error for ``code``; ``keep`` is what the window adds (its text stays shown)."""
    if code in (SQLITE_BUSY, SQLITE_LOCKED):
        return locked_error(detail)
    if code == SQLITE_FULL:
        return NotesWriteError(
            f"Impossible d'{action} : le disque est plein.{keep} Libérez de la place puis "
            "réessayez.",
            detail,
        )
    if code in (SQLITE_READONLY, SQLITE_CANTOPEN):
        return NotesReadOnlyError(
            f"Impossible d'{action} : le dossier des notes est en lecture seule ou "
            f"inaccessible.{keep}",
            detail,
        )
    if code in (SQLITE_CORRUPT, SQLITE_NOTADB):
        return NotesDamagedError(
            "Le fichier de notes semble endommagé. Redémarrez essdesk : il le mettra de côté "
            "et restaurera la dernière sauvegarde.",
            detail,
        )
    return NotesWriteError(
        f"Impossible d'{action} : erreur de lecture ou d'écriture du fichier de notes.{keep}",
        detail,
    )
