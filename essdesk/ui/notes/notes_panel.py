"""The notes panel: the current territory's note on the open entry, its follow-up status.

Autosave, never losing a keystroke: typing marks the text unsaved and (re)starts a short
timer; the text is written when it fires, on focus-out, on entry and territory change and on
close. A write that fails (another essdesk holds the file, disk full, read-only folder) keeps
the text in the editor *and* in a pending list, says so, and retries every few seconds; the
pending list survives moving to another entry.

Two essdesk windows may edit the same note: before writing over it, the panel checks whether
the stored note changed since it was loaded; if so, and both texts differ, both are kept one
after the other in the note and the user is told (nothing overwritten).

Over 500 lines: autosave, the pending list with its retries and the two-window check are
one state machine around the note being edited, kept together so no path skips a save.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QMouseEvent, QTextCursor
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from essdesk.notes import NotesError
from essdesk.notes.records import NoteBase
from essdesk.ui.common.date_field import DateField, iso_date
from essdesk.ui.common.flow_layout import flow_container
from essdesk.ui.common.labels import STATUS_KEYS, status_label
from essdesk.ui.common.links import UrlOpener, is_allowed
from essdesk.ui.common.plain import PlainLabel
from essdesk.ui.notes.author import AuthorBar
from essdesk.ui.notes.note_markup import RICH_NOTE_CHARS, note_html, source_position

if TYPE_CHECKING:
    from essdesk.notes import Note
    from essdesk.ui.notes.notes_session import NotesSession

AUTOSAVE_MS = 800
"""Longest wait between an unsaved keystroke and its save (the spec: at most 1 s)."""
RETRY_MS = 5000
"""Delay before trying again a save that failed."""


@dataclass
class PendingSave:
    """Text typed but not yet written, with what it was based on."""

    key: str
    territory_uuid: str
    text: str
    title: str
    base_updated: datetime | None
    base_text: str


LINE_SEPARATOR = "\u2028"
"""What a ``<br/>`` of the rendered note becomes in its QTextDocument block."""


def _types_text(event: QKeyEvent) -> bool:
    """A key that writes into a note (a character, Enter, Backspace, Delete), not a shortcut
    nor a move (Tab, arrows, Ctrl+C stay the viewer's)."""
    if event.modifiers() & (
        Qt.KeyboardModifier.ControlModifier
        | Qt.KeyboardModifier.AltModifier
        | Qt.KeyboardModifier.MetaModifier
    ):
        return False
    if event.key() in (
        Qt.Key.Key_Return,
        Qt.Key.Key_Enter,
        Qt.Key.Key_Backspace,
        Qt.Key.Key_Delete,
    ):
        return True
    text = event.text()
    return bool(text) and text.isprintable()


class _Editor(QPlainTextEdit):
    focus_lost = Signal()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        if event.reason() != Qt.FocusReason.PopupFocusReason:
            self.focus_lost.emit()


class NotesPanel(QWidget):
    """Beside the detail view; follows ``show_entry`` and the session's territory."""

    history_requested = Signal()
    trash_requested = Signal()
    conflicts_requested = Signal()
    territory_requested = Signal()
    """« Créer un territoire » in the first-start prompt."""
    retry_requested = Signal()
    """« Réessayer » while the notes file could not be opened."""

    def __init__(
        self, session: NotesSession, opener: UrlOpener, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("notesPanel")
        self.setAccessibleName(self.tr("Notes"))
        self.session = session
        self._opener = opener
        self.key = ""
        self.title = ""
        self.note: Note | None = None
        self._base_updated: datetime | None = None
        self._base_text = ""
        self._dirty = False
        self._loading = False
        self.pending: dict[tuple[str, str], PendingSave] = {}
        self._status_pending: tuple[str, str, str | None, str | None, str] | None = None

        self._autosave = QTimer(self)
        self._autosave.setSingleShot(True)
        self._autosave.setInterval(AUTOSAVE_MS)
        self._autosave.timeout.connect(self.save_now)
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.setInterval(RETRY_MS)
        self._retry.timeout.connect(self._retry_now)

        self.heading = PlainLabel(self.tr("Notes"), self)
        self.heading.setObjectName("panelTitle")
        self.heading.setWordWrap(True)
        self.entry_label = PlainLabel(self)
        self.entry_label.setObjectName("panelHint")
        self.entry_label.setWordWrap(True)

        # -- messages: first start, errors, no entry
        self.message = PlainLabel(self)
        self.message.setObjectName("notesMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.setAccessibleName(self.tr("Message des notes"))
        self.message_button = QPushButton(self)
        self.message_button.setObjectName("notesMessageButton")
        self.message_button.clicked.connect(self._message_clicked)
        self._message_action = ""
        message_page = QWidget(self)
        message_layout = QVBoxLayout(message_page)
        message_layout.setContentsMargins(0, 8, 0, 0)
        message_layout.addWidget(self.message)
        message_layout.addWidget(self.message_button, 0, Qt.AlignmentFlag.AlignLeft)
        message_layout.addStretch(1)

        # -- banners: write problems, conflict copies
        self.warning = PlainLabel(self)
        self.warning.setObjectName("notesWarning")
        self.warning.setWordWrap(True)
        self.warning.setAccessibleName(self.tr("Avertissement des notes"))
        self.warning.setVisible(False)
        self.conflict_banner = QFrame(self)
        self.conflict_banner.setObjectName("conflictBanner")
        banner_layout = QHBoxLayout(self.conflict_banner)
        banner_layout.setContentsMargins(8, 6, 8, 6)
        banner_text = PlainLabel(
            self.tr("Cette note ou son suivi a une version importée en conflit."), self
        )
        banner_text.setWordWrap(True)
        self.conflict_button = QPushButton(self.tr("Résoudre…"), self.conflict_banner)
        self.conflict_button.setObjectName("resolveConflictsButton")
        self.conflict_button.setAccessibleName(self.tr("Résoudre les conflits de cette note"))
        self.conflict_button.clicked.connect(self.conflicts_requested)
        banner_layout.addWidget(banner_text, 1)
        banner_layout.addWidget(self.conflict_button)
        self.conflict_banner.setVisible(False)
        # who writes here: asked once, on the first note typed (issue 12)
        self.author_bar = AuthorBar(self)
        self._author_offered = False

        # -- the note: rendered, or being edited
        self.viewer = QTextBrowser(self)
        self.viewer.setObjectName("noteViewer")
        self.viewer.setAccessibleName(self.tr("Note (lecture)"))
        self.viewer.setOpenLinks(False)
        self.viewer.setOpenExternalLinks(False)
        self.viewer.anchorClicked.connect(self._link_clicked)
        self.viewer.viewport().installEventFilter(self)
        self.viewer.installEventFilter(self)  # a key typed while it has the focus
        self.viewer.viewport().setCursor(Qt.CursorShape.IBeamCursor)
        self.viewer.setToolTip(self.tr("Cliquez pour modifier (Ctrl+E)"))
        self.editor = _Editor(self)
        self.editor.setObjectName("noteEditor")
        self.editor.setAccessibleName(self.tr("Texte de la note"))
        self.editor.setAccessibleDescription(
            self.tr("Enregistrée automatiquement. **gras**, listes avec -, liens http(s).")
        )
        self.editor.setTabChangesFocus(True)
        self.editor.textChanged.connect(self._text_changed)
        self.editor.focus_lost.connect(self._editor_left)
        self.note_stack = QStackedWidget(self)
        self.note_stack.addWidget(self.viewer)
        self.note_stack.addWidget(self.editor)

        self.edit_button = QPushButton(self.tr("Modifier"), self)
        self.edit_button.setObjectName("editNoteButton")
        self.edit_button.setToolTip(self.tr("Modifier la note (Ctrl+E)"))
        self.edit_button.clicked.connect(self.start_editing)
        self.state_label = PlainLabel(self)
        self.state_label.setObjectName("saveState")
        self.state_label.setAccessibleName(self.tr("État de l'enregistrement"))
        self.state_label.setWordWrap(True)
        self.undo_button = QPushButton(self.tr("Annuler"), self)
        self.undo_button.setObjectName("undoDeleteButton")
        self.undo_button.setToolTip(self.tr("Remettre la note supprimée"))
        self.undo_button.clicked.connect(self.undo_delete)
        self.undo_button.setVisible(False)
        self._deleted_uuid = ""
        state_row = QHBoxLayout()
        state_row.setContentsMargins(0, 0, 0, 0)
        state_row.addWidget(self.state_label, 1)
        state_row.addWidget(self.undo_button)
        state_row.addWidget(self.edit_button)

        # -- follow-up
        self.status_combo = QComboBox(self)
        self.status_combo.setObjectName("statusCombo")
        self.status_combo.setAccessibleName(self.tr("Statut de suivi"))
        self.status_combo.addItem("—", None)
        for key in STATUS_KEYS:
            self.status_combo.addItem(status_label(key), key)
        self.status_combo.currentIndexChanged.connect(lambda _i: self._status_edited())
        self.date_edit = DateField(self)
        self.date_edit.setObjectName("statusDate")
        self.date_edit.edit.setAccessibleName(self.tr("Date du suivi"))
        self.date_edit.date_edited.connect(self._status_edited)
        self.contact_edit = QLineEdit(self)
        self.contact_edit.setObjectName("statusContact")
        self.contact_edit.setAccessibleName(self.tr("Contact du suivi"))
        self.contact_edit.setPlaceholderText(self.tr("Nom, téléphone, courriel…"))
        self.contact_edit.editingFinished.connect(self._status_edited)
        follow = QFormLayout()
        follow.setContentsMargins(0, 4, 0, 0)
        follow.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        follow.addRow(self.tr("Suivi"), self.status_combo)
        follow.addRow(self.tr("Date"), self.date_edit)
        follow.addRow(self.tr("Contact"), self.contact_edit)

        self.history_button = QPushButton(self.tr("Historique…"), self)
        self.history_button.setObjectName("historyButton")
        self.history_button.clicked.connect(self.history_requested)
        self.delete_button = QPushButton(self.tr("Supprimer la note"), self)
        self.delete_button.setObjectName("deleteNoteButton")
        self.delete_button.clicked.connect(self.delete_note)
        self.trash_button = QPushButton(self.tr("Corbeille…"), self)
        self.trash_button.setObjectName("trashButton")
        self.trash_button.clicked.connect(self.trash_requested)
        for button in (self.history_button, self.delete_button, self.trash_button):
            button.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        # they wrap onto two lines rather than make the panel wider (200 % scaling, English)
        buttons, flow = flow_container(self)
        for button in (self.history_button, self.delete_button, self.trash_button):
            flow.addWidget(button)

        note_page = QWidget(self)
        note_layout = QVBoxLayout(note_page)
        note_layout.setContentsMargins(0, 0, 0, 0)
        note_layout.setSpacing(6)
        note_layout.addWidget(self.conflict_banner)
        note_layout.addWidget(self.author_bar)
        note_layout.addWidget(self.note_stack, 1)
        note_layout.addLayout(state_row)
        note_layout.addLayout(follow)
        note_layout.addWidget(buttons)

        self.pages = QStackedWidget(self)
        self.pages.addWidget(message_page)
        self.pages.addWidget(note_page)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 8, 8)
        layout.setSpacing(4)
        layout.addWidget(self.heading)
        layout.addWidget(self.entry_label)
        layout.addWidget(self.warning)
        # Scrolled when the panel is shorter than what it holds (200 % on a 1366×768 laptop:
        # 384 points of height), rather than the follow-up fields and the conflict banner
        # squeezed below their height and their text cut.
        scroll = QScrollArea(self)
        scroll.setObjectName("notesScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self.pages)
        layout.addWidget(scroll, 1)

        session.territory_changed.connect(lambda _t: self.territory_changed())
        session.availability_changed.connect(self.reload)
        self.reload()

    # ================================================================ what is shown
    def _territory_uuid(self) -> str:
        t = self.session.territory
        return t.uuid if t is not None else ""

    def show_entry(self, key: str, title: str = "") -> None:
        """Follow the window to another entry: the current text is saved first."""
        if key == self.key and self.note_stack.currentWidget() is self.editor:
            return
        self.save_now()
        self.key = key
        self.title = title
        self.reload()

    def territory_changed(self) -> None:
        """The session switched territory: what was typed is saved under the old one."""
        self.save_now()
        self.reload()

    def reload(self) -> None:
        """Read the note, its status and conflicts again (never from a stale cache)."""
        self.undo_button.setVisible(False)
        self._deleted_uuid = ""
        session = self.session
        t = session.territory
        self.heading.setText(
            self.tr("Notes — {0}").format(t.name) if t is not None else self.tr("Notes")
        )
        self.entry_label.setText(self.title)
        self.entry_label.setVisible(bool(self.title))
        if session.store is None:
            if session.error:
                self._show_message(
                    session.error,
                    self.tr("Réessayer") if session.retriable else "",
                    "retry",
                )
            else:
                self._show_message(self.tr("Ouverture des notes…"), "", "")
            return
        if t is None:
            self._show_message(
                self.tr(
                    "Pour prendre des notes, créez d'abord le profil de votre territoire "
                    "(nom, types de territoire, commune ou EPCI). Plusieurs territoires "
                    "peuvent cohabiter sur ce poste."
                ),
                self.tr("Créer un territoire…"),
                "territory",
            )
            return
        if not self.key:
            self._show_message(
                self.tr("Choisissez une entrée à gauche pour lire ou écrire sa note."), "", ""
            )
            return
        self._load_note()

    def _show_message(self, text: str, button: str, action: str) -> None:
        self.message.setText(text)
        self.message_button.setText(button)
        self.message_button.setVisible(bool(button))
        self._message_action = action
        self.pages.setCurrentIndex(0)

    def _message_clicked(self) -> None:
        if self._message_action == "territory":
            self.territory_requested.emit()
        elif self._message_action == "retry":
            self.retry_requested.emit()

    def _load_note(self) -> None:
        store, tu = self.session.store, self._territory_uuid()
        assert store is not None
        try:
            note = store.get_note(self.key, tu)
            status = store.status(self.key, tu)
            conflicts = [*store.conflicts(self.key, tu), *store.status_conflicts(tu, self.key)]
        except NotesError as exc:
            self._show_message(exc.message, self.tr("Réessayer"), "retry")
            return
        self.note = note
        self._base_updated = note.updated if note else None
        self._base_text = note.text if note else ""
        pending = self.pending.get((self.key, tu))
        text = pending.text if pending is not None else self._base_text
        self._loading = True
        try:
            self.editor.setPlainText(text)
            self.editor.setPlaceholderText(
                self.tr("Vos notes sur cette entrée pour {0}…").format(
                    self.session.territory.name if self.session.territory else ""
                )
            )
            index = self.status_combo.findData(status.status if status else None)
            self.status_combo.setCurrentIndex(max(index, 0))
            self.date_edit.set_value(iso_date(status.date if status else None))
            self.contact_edit.setText(status.contact if status else "")
            self.contact_edit.setCursorPosition(0)  # its beginning shows, not its end
        finally:
            self._loading = False
        self._dirty = False
        self._update_follow_enabled()
        self.conflict_banner.setVisible(bool(conflicts))
        self._render()
        self.delete_button.setEnabled(note is not None)
        self.history_button.setEnabled(note is not None)
        if pending is not None:
            self._set_state(self.tr("Enregistrement…"))
        elif note is not None:
            saved = self._saved_text(note.updated)
            if note.author and note.author != self._my_initials():  # someone else's text
                saved = self.tr("{0} · par {1}").format(saved, note.author)
            self._set_state(saved)
        else:
            self._set_state("")
        if not text.strip() or pending is not None:
            self.note_stack.setCurrentWidget(self.editor)
        else:
            self.note_stack.setCurrentWidget(self.viewer)
        self.edit_button.setVisible(self.note_stack.currentWidget() is self.viewer)
        self.pages.setCurrentIndex(1)

    def _my_initials(self) -> str:
        """The initials of the person at this laptop (her own notes need no « par »)."""
        store = self.session.store
        try:
            return (store.author_initials() if store is not None else None) or ""
        except NotesError:
            return ""

    def _render(self) -> None:
        text = self.editor.toPlainText()
        if len(text) > RICH_NOTE_CHARS:  # formatting it would block the window (see the limit)
            self.viewer.setPlainText(text)
        else:
            self.viewer.setHtml(note_html(text))

    def _saved_text(self, moment: datetime) -> str:
        local = moment.astimezone() if moment.tzinfo else moment
        if local.date() == date.today():
            return self.tr("Enregistré à {0}").format(f"{local:%H:%M}")
        return self.tr("Enregistré le {0}").format(f"{local:%d/%m/%Y à %H:%M}")

    def _set_state(self, text: str) -> None:
        self.state_label.setText(text)

    # ================================================================ editing
    def start_editing(self, caret: int | None = None) -> None:
        """Ctrl+E, a click or a key in the rendered note: show the editor and put the cursor
        in it, at ``caret`` (a position in the text) or else at the end."""
        if self.pages.currentIndex() != 1:
            return
        if caret is not None:
            cursor = self.editor.textCursor()
            cursor.setPosition(min(caret, len(self.editor.toPlainText())))
            self.editor.setTextCursor(cursor)
        elif self.note_stack.currentWidget() is not self.editor or not self.editor.hasFocus():
            self.editor.moveCursor(QTextCursor.MoveOperation.End)
        self.note_stack.setCurrentWidget(self.editor)
        self.edit_button.setVisible(False)
        self.editor.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _editor_left(self) -> None:
        self.save_now()
        if self.editor.toPlainText().strip() and not self.pending:
            self._render()
            self.note_stack.setCurrentWidget(self.viewer)
            self.edit_button.setVisible(True)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The rendered note is only a look: a click puts the caret where it was clicked, a
        key typed into it goes to the editor (nothing typed is ever dropped). A link still
        opens, and a drag still selects text to copy."""
        kind = event.type()
        if watched is self.viewer.viewport() and isinstance(event, QMouseEvent):
            if kind == QEvent.Type.MouseButtonDblClick:
                self.start_editing(self._clicked_position(event.position().toPoint()))
                return True
            if (
                kind == QEvent.Type.MouseButtonRelease
                and event.button() == Qt.MouseButton.LeftButton
                and not self.viewer.anchorAt(event.position().toPoint())
            ) and not self.viewer.textCursor().hasSelection():  # a drag selects, to copy
                self.start_editing(self._clicked_position(event.position().toPoint()))
                return True
        if (
            watched is self.viewer
            and isinstance(event, QKeyEvent)
            and kind == QEvent.Type.KeyPress
            and _types_text(event)
        ):
            self.start_editing()
            copy = QKeyEvent(
                kind, event.key(), event.modifiers(), event.text(), event.isAutoRepeat()
            )
            QApplication.sendEvent(self.editor, copy)
            return True
        return super().eventFilter(watched, event)

    def _clicked_position(self, point: QPoint) -> int:
        """The text position under ``point`` in the rendered note (see source_position)."""
        clicked = self.viewer.cursorForPosition(point)
        block = self.viewer.document().firstBlock()
        line = 0
        while block.isValid() and block != clicked.block():
            if block.text().strip():
                line += block.text().count(LINE_SEPARATOR) + 1
            block = block.next()
        before = clicked.block().text()[: clicked.positionInBlock()]
        line += before.count(LINE_SEPARATOR)
        shown = before.rsplit(LINE_SEPARATOR, 1)[-1]
        return source_position(self.editor.toPlainText(), line, shown)

    def _link_clicked(self, url: QUrl) -> None:
        if is_allowed(url):
            self._opener(url)
        else:
            self.warning.setText(self.tr("Lien refusé : {0}").format(url.toString()))
            self.warning.setVisible(True)

    def _text_changed(self) -> None:
        if self._loading or not self.key:
            return
        self._dirty = True
        self._set_state(self.tr("Enregistrement…"))
        if not self._author_offered and self.session.store is not None:
            self._author_offered = True  # once per start; the store knows if she answered
            self.author_bar.offer(self.session.store)
        # Not restarted by each keystroke: someone typing without pause is saved at most
        # AUTOSAVE_MS after the first unsaved change.
        if not self._retry.isActive() and not self._autosave.isActive():
            self._autosave.start()

    # ================================================================ saving
    def _stash(self) -> None:
        """Move the editor's unsaved text into the pending list (the editor keeps it)."""
        if self._dirty and self.key and self._territory_uuid():
            tu = self._territory_uuid()
            self.pending[(self.key, tu)] = PendingSave(
                self.key,
                tu,
                self.editor.toPlainText(),
                self.title,
                self._base_updated,
                self._base_text,
            )
        self._dirty = False

    def save_now(self) -> bool:
        """Write every pending text now; False (and a retry scheduled) if one failed."""
        self._autosave.stop()
        self._stash()
        ok = self._flush_status()
        if not self.pending:
            return ok
        store = self.session.store
        if store is None:
            self._failed(self.session.error or self.tr("Le fichier de notes n'est pas ouvert."))
            return False
        kept_both = False
        for ident, item in list(self.pending.items()):
            try:
                # « keep both » is decided by the store, inside its write transaction
                note = store.save_note(
                    item.key,
                    item.territory_uuid,
                    item.text,
                    entry_title=item.title,
                    based_on=NoteBase(item.base_updated, item.base_text),
                )
                text, both = note.text, note.text != item.text
            except NotesError as exc:  # NotesWriteError included: the text stays, retried
                self._failed(exc.message)
                return False
            del self.pending[ident]
            if ident == (self.key, self._territory_uuid()):
                self.note = note
                self._base_updated, self._base_text = note.updated, note.text
                self.delete_button.setEnabled(True)
                self.history_button.setEnabled(True)
                if both:
                    self._loading = True
                    self.editor.setPlainText(text)
                    self._loading = False
                    self._render()
            self.session.note_written(item.key, bool(text.strip()))
            if both:
                kept_both = True
                self.warning.setText(
                    self.tr(
                        "Cette note avait été modifiée dans une autre fenêtre d'essdesk : "
                        "les deux versions ont été gardées, l'une après l'autre."
                    )
                )
                self.warning.setVisible(True)
        if not self._retry.isActive() and ok:
            if not kept_both:
                self.warning.setVisible(False)
            self._set_state(self._saved_text(datetime.now().astimezone()))
        return ok

    def _failed(self, message: str) -> None:
        self._set_state(self.tr("Échec de l'enregistrement — nouvel essai dans 5 s"))
        self.warning.setText(message)
        self.warning.setVisible(True)
        self._retry.start()

    def stop_retrying(self) -> None:
        """The notes file is let go (the window closes): no failed save is tried again."""
        self._retry.stop()

    def _retry_now(self) -> None:
        if self.session.store is None:
            self.retry_requested.emit()  # try to open the notes file again
        if self.save_now() and self.session.store is not None:
            self.warning.setVisible(False)

    # ================================================================ follow-up
    def _update_follow_enabled(self) -> None:
        has_status = self.status_combo.currentData() is not None
        self.date_edit.setEnabled(has_status)
        self.contact_edit.setEnabled(has_status)

    def _status_edited(self) -> None:
        if self._loading or not self.key or not self._territory_uuid():
            return
        self._update_follow_enabled()
        status = self.status_combo.currentData()
        when = self.date_edit.value()
        iso = when.isoformat() if status and when is not None else None
        contact = self.contact_edit.text() if status else ""
        self._status_pending = (self.key, self._territory_uuid(), status, iso, contact)
        if self._flush_status():
            self._set_state(self.tr("Suivi enregistré à {0}").format(f"{datetime.now():%H:%M}"))

    def _flush_status(self) -> bool:
        if self._status_pending is None:
            return True
        store = self.session.store
        if store is None:
            return False
        key, tu, status, iso, contact = self._status_pending
        try:
            store.set_status(key, tu, status, iso, contact)
        except NotesError as exc:
            self._failed(exc.message)
            return False
        self._status_pending = None
        self.session.status_written(key, status)
        return True

    # ================================================================ delete
    def delete_note(self) -> None:
        """« Supprimer la note »: to the trash (restorable at least 30 days)."""
        store = self.session.store
        if store is None or self.note is None:
            return
        if not self.save_now():
            return
        note = store.get_note(self.key, self._territory_uuid())
        if note is None:
            return
        try:
            store.delete_note(note.uuid)
        except NotesError as exc:
            self._failed(exc.message)
            return
        self.session.note_written(self.key, False)
        self.reload()
        # Nothing asked before: the message says where it went, what stays, and undoes it.
        self._set_state(
            self.tr(
                "Note placée dans la corbeille (restaurable 30 jours). Son suivi (statut, "
                "date, contact) est gardé."
            )
        )
        self._deleted_uuid = note.uuid
        self.undo_button.setVisible(True)
        self.undo_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def undo_delete(self) -> None:
        """« Annuler » after « Supprimer la note »: the note comes back from the trash."""
        store, uuid = self.session.store, self._deleted_uuid
        if store is None or not uuid:
            return
        try:
            note = store.restore_from_trash(uuid)
        except NotesError as exc:
            self._failed(exc.message)
            return
        self.session.note_written(note.entry_key, bool(note.text.strip()))
        self.reload()
        self._set_state(self.tr("Note remise."))
