"""Installing translators: French is the source language, English a translation."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from essdesk import paths

TRANSLATOR_NAME = "essdeskTranslator"


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Install Qt's own strings (standard buttons) and essdesk's for ``language``.

    Those installed before by this function are removed first: installing again (a second
    window in a test, a language switch) never stacks two languages. Returns the translators,
    parented to ``app`` so they live as long as it.
    """
    remove_translators(app, app.findChildren(QTranslator, TRANSLATOR_NAME))
    installed: list[QTranslator] = []
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt_translator = QTranslator(app)
    qt_translator.setObjectName(TRANSLATOR_NAME)
    if qt_translator.load(f"qtbase_{language}", qt_dir):
        app.installTranslator(qt_translator)
        installed.append(qt_translator)
    if language != "fr":
        ours = QTranslator(app)
        ours.setObjectName(TRANSLATOR_NAME)
        if ours.load(f"essdesk_{language}", str(paths.resources_dir() / "i18n")):
            app.installTranslator(ours)
            installed.append(ours)
    QLocale.setDefault(
        QLocale(QLocale.Language.French if language == "fr" else QLocale.Language.English)
    )
    return installed


def remove_translators(app: QCoreApplication, translators: list[QTranslator]) -> None:
    for translator in translators:
        app.removeTranslator(translator)
        translator.setParent(None)
        translator.deleteLater()
