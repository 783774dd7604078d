"""Languages: Chinese (default) and English. Source strings are English; the zh_CN
translation lives in resources/translations/legalaid_zh_CN.ts (compiled to .qm).
Domain codes get their labels from legalaid.vocab in the chosen language."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from legalaid.errors import LegalAidError
from legalaid.vocab import Vocabulary
from ui.paths import TRANSLATIONS

log = logging.getLogger(__name__)

LANGUAGES = {"zh": "中文", "en": "English"}
DEFAULT_LANGUAGE = "zh"
SETTINGS_KEY = "ui/language"

_installed: list[QTranslator] = []


def saved_language(settings: QSettings) -> str:
    value = str(settings.value(SETTINGS_KEY, DEFAULT_LANGUAGE))
    return value if value in LANGUAGES else DEFAULT_LANGUAGE


def install_translators(lang: str) -> bool:
    """Install (or remove, for English) the translators; True if ours loaded."""
    app = QCoreApplication.instance()
    assert app is not None
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    if lang != "zh":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        return True
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    ok = False
    # legalaid_zh_CN.qm and any other module's *_zh_CN.qm (the case workspace's).
    for path in sorted(TRANSLATIONS.glob("*_zh_CN.qm")):
        ours = QTranslator(app)
        if ours.load(str(path)):
            app.installTranslator(ours)
            _installed.append(ours)
            ok = ok or path.name == "legalaid_zh_CN.qm"
    if not ok:
        log.warning("zh_CN translation not found in %s", TRANSLATIONS)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt = QTranslator(app)
    if qt.load("qtbase_zh_CN", qt_dir):  # standard dialogs' buttons
        app.installTranslator(qt)
        _installed.append(qt)
    return ok


def label(vocab: Vocabulary, code: str | None, lang: str) -> str:
    """The label of a domain code in the interface language."""
    return vocab.label(code, lang)


def message(exc: LegalAidError, lang: str) -> str:
    """The core error's message in the interface language."""
    return exc.zh if lang == "zh" else exc.en


def pick(zh: str, en: str, lang: str) -> str:
    """Choose between the core's paired texts (reasoning lines, field errors)."""
    return zh if lang == "zh" else en
