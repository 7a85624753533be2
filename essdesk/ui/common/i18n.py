"""Installing translators: French is the source language, English a translation."""

from __future__ import annotations

import re
from functools import lru_cache

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from essdesk import paths
from essdesk.french import interface_typography

TRANSLATOR_NAME = "essdeskTranslator"


@lru_cache(maxsize=4096)
def _typeset(source: str) -> str:
    return interface_typography(source)


QT_FRENCH_GAPS = {
    ("QFileDialog", "&Look in:"): "&Regarder dans\u00a0:",
    ("QFileDialog", "Files of &type:"): "Fichiers de &type\u00a0:",
}
"""Strings of Qt's own file dialog that the shipped ``qtbase_fr`` leaves in English."""


_QT_CONTEXT = re.compile(r"^Q[A-Z]")


class _FrenchInterface(QTranslator):
    """The French interface: fills :data:`QT_FRENCH_GAPS` (installed after ``qtbase_fr``,
    so asked first), and gives essdesk's own French source strings French typography
    (curly apostrophes, no-break spaces before « : ; ! ? » and inside « »), one rule for
    every ``tr()`` instead of hundreds of hand-typed strings."""

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        if _QT_CONTEXT.match(context):  # Qt's own strings: qtbase_fr, or our gaps
            return QT_FRENCH_GAPS.get((context, source))  # None: the next translator
        return _typeset(source)

    def isEmpty(self) -> bool:
        return False


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
    if language == "fr":
        french = _FrenchInterface(app)
        french.setObjectName(TRANSLATOR_NAME)
        app.installTranslator(french)
        installed.append(french)
    else:
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
