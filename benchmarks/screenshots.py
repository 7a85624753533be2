"""Screenshots of the real window under Xvfb (Qt's xcb plugin), in French and English.

    python benchmarks/screenshots.py [--out screenshots] [--sizes 1280x720,1920x1080]
        [--languages fr,en] [--variants light,dark,x2]

Without a display it re-runs itself under ``xvfb-run``. Each (language, size) pair runs in
its own process (the language is applied at start, like in the app), with a throwaway
ESSDESK_HOME. Writes ``<out>/<lang>-<size>-<scene>.png``.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SCENES = ("sessions", "levers", "directory", "scheme", "notes", "territory", "mynotes")
VARIANTS = ("light", "dark", "x2")


def _parent(args: argparse.Namespace) -> int:
    if not os.environ.get("DISPLAY") and not args.offscreen:
        xvfb = shutil.which("xvfb-run")
        if xvfb is None:
            print("xvfb-run introuvable : apt-get install xvfb (ou --offscreen)", file=sys.stderr)
            return 1
        # large enough for 1920x1080 at 200 % (the "x2" variant)
        cmd = [xvfb, "-a", "-s", "-screen 0 3840x2160x24", sys.executable, *sys.argv]
        return subprocess.call(cmd)
    out = Path(args.out).resolve()
    out.mkdir(parents=True, exist_ok=True)
    status = 0
    runs = [
        (lang, size, variant)
        for lang in args.languages.split(",")
        for size in args.sizes.split(",")
        for variant in args.variants.split(",")
    ]
    for lang, size, variant in runs:
        if variant not in VARIANTS:
            print(f"unknown variant {variant!r} (one of {', '.join(VARIANTS)})", file=sys.stderr)
            return 2
        with tempfile.TemporaryDirectory(prefix="essdesk-shots-") as home:
            env = dict(os.environ, ESSDESK_HOME=home, PYTHONPATH=str(REPO))
            if variant == "x2":
                env["QT_SCALE_FACTOR"] = "2"
            if args.offscreen:
                env["QT_QPA_PLATFORM"] = "offscreen"
            else:
                env["QT_QPA_PLATFORM"] = "xcb"
            cmd = [
                sys.executable,
                __file__,
                "--child",
                "--lang",
                lang,
                "--size",
                size,
                "--out",
                str(out),
                "--zoom",
                str(args.zoom),
                "--variant",
                variant,
            ]
            code = subprocess.call(cmd, env=env)
            status = status or code
    for png in sorted(out.glob("*.png")):
        print(png)
    return status


def _go_dark(app) -> None:
    """What a desktop in dark mode does: ask Qt for the dark colour scheme; where the platform
    theme cannot (Xvfb has none), hand the application a dark palette like Breeze Dark's."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QColor, QPalette

    hints = app.styleHints()
    hints.setColorScheme(Qt.ColorScheme.Dark)
    if hints.colorScheme() == Qt.ColorScheme.Dark:
        return
    role = QPalette.ColorRole
    palette = QPalette()
    for r, color in (
        (role.Window, "#2a2e32"),
        (role.WindowText, "#fcfcfc"),
        (role.Base, "#1b1e20"),
        (role.AlternateBase, "#232629"),
        (role.Text, "#fcfcfc"),
        (role.PlaceholderText, "#a1a9b1"),
        (role.Button, "#31363b"),
        (role.ButtonText, "#fcfcfc"),
        (role.Highlight, "#3daee9"),
        (role.HighlightedText, "#fcfcfc"),
        (role.ToolTipBase, "#31363b"),
        (role.ToolTipText, "#fcfcfc"),
        (role.Link, "#1d99f3"),
        (role.LinkVisited, "#9b59b6"),
        (role.Mid, "#3d4349"),
        (role.Dark, "#141618"),
        (role.Light, "#4f565c"),
    ):
        palette.setColor(r, QColor(color))
    for r in (role.WindowText, role.Text, role.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, r, QColor("#6e7175"))
    app.setPalette(palette)


def _child(args: argparse.Namespace) -> int:
    sys.path.insert(0, str(REPO))
    from PySide6.QtCore import QModelIndex
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtTest import QSignalSpy, QTest

    from essdesk.ui.common.roles import KEY_ROLE
    from essdesk.ui.common.settings import UiState, save_state, settings_path

    save_state(settings_path(), UiState(language=args.lang, font_zoom=args.zoom))
    _seed_notes()
    from essdesk import app as essdesk_app

    if args.variant == "dark":  # the desktop is dark before essdesk starts
        from PySide6.QtWidgets import QApplication

        _go_dark(QApplication([sys.argv[0], "-style", "Fusion"]))
    app, window = essdesk_app.build([])
    width, height = (int(v) for v in args.size.split("x"))
    window.resize(width, height)
    window.move(0, 0)
    deadline = 200
    while window.catalogue is None and deadline:
        QTest.qWait(50)
        deadline -= 1
    cat = window.catalogue
    if cat is None:
        print("catalogue not loaded", file=sys.stderr)
        return 1
    while window.notes is None and deadline:
        QTest.qWait(50)
        deadline -= 1
    QTest.qWait(300)

    def shot(scene: str, whole_screen: bool = False) -> None:
        QTest.qWait(400)
        screen = window.screen() or QGuiApplication.primaryScreen()
        if QGuiApplication.platformName() == "offscreen":
            image = window.grab()
        elif whole_screen:  # popups are windows of their own: grab the screen area
            frame = window.frameGeometry()
            image = screen.grabWindow(0, frame.x(), frame.y(), frame.width(), frame.height())
        else:
            image = screen.grabWindow(window.winId())
        suffix = "" if args.variant == "light" else f"-{args.variant}"
        path = Path(args.out) / f"{args.lang}-{args.size}{suffix}-{scene}.png"
        image.save(str(path))

    keys = cat.keys()

    def first(*candidates: str, prefix: str = "") -> str:
        for key in candidates:
            if key in keys:
                return key
        return sorted(k for k in keys if k.startswith(prefix))[0]

    # 1. the sessions tree with a séquence open
    window.show_view("sessions")
    window.open_entry(first("session:tr1-s2", prefix="session:"))
    shot("sessions")

    # 2. a lever with its tools
    window.show_view("levers")
    lever = first("lever:3", prefix="lever:")
    window.open_entry(lever)
    tree = window.trees["levers"]
    index = tree.model_.find(lever)
    tree.collapseAll()
    tree.expand(index)
    for row in range(tree.model_.rowCount(index)):
        tree.collapse(tree.model_.index(row, 0, index))
    tree.setCurrentIndex(index)
    shot("levers")

    # 3. the directory filtered by a territory type
    window.show_view("directory")
    panel = window.directory
    if panel.model.rowCount() == 0:
        QSignalSpy(panel.results_shown).wait(10000)
    values = [a.data() for a in panel.facet_buttons["territories"].menu().actions() if a.data()]
    wanted = next((v for v in values if "qpv" in str(v)), values[0] if values else None)
    if wanted:
        panel.apply_filter("territories", wanted)
        # A query started before the filter (the notes attaching) may report first: wait for
        # the filtered count itself.
        expected = cat.count(filters=panel.filters())
        for _ in range(200):
            if panel.model.total() == expected:
                break
            QTest.qWait(50)
    if panel.model.rowCount():
        panel.table.selectRow(0)
        window.open_entry(panel.model.index(0, 0).data(KEY_ROLE))
    shot("directory")

    # 4. a scheme's detail with its cross-links
    scheme = first("scheme:dla", prefix="scheme:")
    window.show_view("tools")
    window.open_entry(scheme)
    tree = window.trees["tools"]
    tree.reveal(scheme)
    tree.scrollTo(tree.currentIndex() if tree.currentIndex().isValid() else QModelIndex())
    QTest.qWait(100)
    window.detail.browser.scrollToAnchor("related")  # show the cross-links
    shot("scheme")

    # 5. the notes panel with a note (rendered) and a follow-up status
    window.show_view("levers")
    window.open_entry(first("lever:3", prefix="lever:"))
    window.show_view("tools")
    window.open_entry(scheme)
    window.trees["tools"].reveal(scheme)
    window.detail.browser.verticalScrollBar().setValue(0)
    shot("notes")

    # 5b. the follow-up date field, its calendar open
    panel = window.notes_panel
    if hasattr(panel, "date_edit"):
        panel.date_edit.open_calendar()
        shot("date", whole_screen=True)
        if panel.date_edit.popup is not None:
            panel.date_edit.popup.hide()

    # 5c. the briefing sheet dialog and a file dialog (Qt's own, in the UI language)
    feature = window.notes
    if feature is not None:
        dialog = feature.sharing.briefing()
        if dialog is not None:
            shot("sheet", whole_screen=True)
            dialog.close()
        from PySide6.QtWidgets import QFileDialog

        from essdesk.ui.common.folders import last_folder

        files = QFileDialog(window, "Enregistrer la fiche en PDF", str(last_folder()))
        files.setOption(QFileDialog.Option.DontUseNativeDialog)
        files.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        files.setNameFilter("Documents PDF (*.pdf)")
        files.show()
        shot("filedialog", whole_screen=True)
        files.close()

    # 5d. the conflict view (the lever 3 note, changed on both laptops)
    if feature is not None:
        dialog = feature.sharing.resolve_conflicts()
        if dialog is not None:
            shot("conflicts", whole_screen=True)
            dialog.close()

    # 6. the territory switcher, open
    window.territory_switcher.showPopup()
    shot("territory", whole_screen=True)
    window.territory_switcher.hidePopup()

    # 7. « Mes notes »
    window.show_view("mynotes")
    window.my_notes.refresh()
    window.my_notes.table.selectRow(0)
    shot("mynotes")

    window.close()
    app.processEvents()
    return 0


def _seed_notes() -> None:
    """Two territory profiles, a few notes and statuses (as a user would have typed)."""
    from essdesk.notes import open_notes

    store, _ = open_notes()
    try:
        creuse = store.add_territory("Creuse", ["ZRR", "montagne"], commune="CC Creuse Grand Sud")
        store.add_territory("Haut-Jura", ["montagne"])
        store.save_note(
            "scheme:dla",
            creuse,
            "RDV avec la **chargée de mission DLA** le 12 mars.\n\n"
            "- diagnostic de la ressourcerie\n- piste : accompagnement collectif des EVS\n\n"
            "Voir https://www.info-dla.fr",
            entry_title="DLA",
        )
        store.set_status("scheme:dla", creuse, "contacte", "2024-03-12", "Mme Martin")
        store.save_note("lever:3", creuse, "Clauses sociales : voir avec le service achats.", "L3")
        store.set_status("lever:3", creuse, "en-cours")
        store.save_note(
            "actor:france-active", creuse, "Garantie pour la SCIC bois-énergie ?", "France Active"
        )
        store.set_status("actor:france-active", creuse, "a-explorer")
        _seed_conflict(store, creuse)
    finally:
        store.close()


def _seed_conflict(store, creuse) -> None:
    """A colleague's laptop changed the lever 3 note too: its file, imported, leaves a
    conflict copy beside ours (for the conflict view's screenshot)."""
    import tempfile

    from essdesk.notes import open_notes
    from essdesk.notes.exchange import apply_import, export_notes, preview_import

    with tempfile.TemporaryDirectory() as folder:
        ours = export_notes(store, Path(folder) / "ours.essnotes").path
        theirs, _ = open_notes(Path(folder) / "a" / "notes.sqlite3")
        apply_import(theirs, preview_import(theirs, ours))
        theirs.save_note(
            "lever:3", creuse.uuid, "Clauses sociales : voir avec le service achats et la MdE."
        )
        back = export_notes(theirs, Path(folder) / "theirs.essnotes").path
        theirs.close()
        store.save_note("lever:3", creuse, "Clauses sociales : voir avec le service juridique.")
        apply_import(store, preview_import(store, back))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(REPO / "screenshots"))
    parser.add_argument("--sizes", default="1280x720,1920x1080")
    parser.add_argument("--languages", default="fr,en")
    parser.add_argument("--zoom", type=int, default=0)
    parser.add_argument(
        "--variants",
        default="light",
        help="comma-separated: light, dark (the desktop's dark colour scheme), x2 (200 %% "
        "scaling; --sizes are then logical pixels)",
    )
    parser.add_argument("--offscreen", action="store_true", help="fallback without Xvfb")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--lang", default="fr", help=argparse.SUPPRESS)
    parser.add_argument("--size", default="1280x720", help=argparse.SUPPRESS)
    parser.add_argument("--variant", default="light", help=argparse.SUPPRESS)
    args = parser.parse_args()
    return _child(args) if args.child else _parent(args)


if __name__ == "__main__":
    raise SystemExit(main())
