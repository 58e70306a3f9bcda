"""Interface language: the one place that decides it, Qt translators, switching in place.

The language is ``en`` or ``ja``. The choice lives in QSettings under ``language``
(``""`` = follow the system, the default); :func:`current_language` is the one answer
to "which language is the interface in" (the choice, else the system locale).
:func:`install_translators` loads Qt's own ``qtbase_ja.qm`` (from PySide6's translations
folder, when present) and journeymap's ``resources/translations/journeymap_ja.qm``.

Switching at run time (:func:`set_language`) replaces the translators. Qt then sends
every widget a ``QEvent.LanguageChange``; each widget retranslates itself in
``changeEvent`` → ``retranslate_ui()``, so windows keep their document, undo history,
geometry, docks, current tab and selection. Widgets whose texts were set once at build
time use :func:`retranslate_tree`: it finds each such text in the message catalogue
(the English source or its translation) and sets the translation of the same message
in the new language. Texts built from data (a card title, "Zoom 70 %") are not in the
catalogue and are left alone; the panels showing them re-read them on the same event.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from functools import cache
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QObject,
    QSettings,
    QTimer,
    QTranslator,
)
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDockWidget,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QTableWidget,
    QTabWidget,
    QToolBar,
    QWidget,
)

from journeymap.assets import translations_dir

LANGUAGES = ("en", "ja")
SETTINGS_KEY = "language"
TRANSLATIONS_DIR = translations_dir()

# Dynamic property of a widget or action whose text is deliberately not translated (a
# language's own name in a language menu): retranslate_tree leaves it alone.
KEEP_TEXT = "journeymap_keep_text"

_installed: list[QTranslator] = []
_language: str | None = None


# -- which language ------------------------------------------------------------------------
def system_language() -> str:
    """``ja`` when the system locale is Japanese, else ``en``."""
    return "ja" if QLocale.system().language() == QLocale.Language.Japanese else "en"


def chosen_language() -> str:
    """The user's choice: ``""`` (system), ``en`` or ``ja``."""
    value = QSettings().value(SETTINGS_KEY, "", str)
    return value if value in LANGUAGES else ""


def resolve(choice: str) -> str:
    return choice if choice in LANGUAGES else system_language()


def current_language() -> str:
    """The language the interface is in now (installed translators, else the choice,
    else the system locale)."""
    return _language if _language is not None else resolve(chosen_language())


def qm_path(lang: str) -> Path:
    """The compiled translation of journeymap's own texts into ``lang``."""
    return TRANSLATIONS_DIR / f"journeymap_{lang}.qm"


# -- translators ----------------------------------------------------------------------------
def install_translators(lang: str | None = None) -> list[QTranslator]:
    """Install the translators of ``lang`` (default: the chosen or system language),
    replacing any installed before. English needs none. Returns those installed."""
    global _language
    app = QCoreApplication.instance()
    lang = resolve(lang if lang is not None else chosen_language())
    for t in _installed:
        QCoreApplication.removeTranslator(t)
    _installed.clear()
    _language = lang
    if app is None or lang == "en":
        return []
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    base = QTranslator(app)
    if base.load(f"qtbase_{lang}", qt_dir):
        QCoreApplication.installTranslator(base)
        _installed.append(base)
    ours = QTranslator(app)
    if ours.load(f"journeymap_{lang}", str(TRANSLATIONS_DIR)):
        QCoreApplication.installTranslator(ours)
        _installed.append(ours)
    return list(_installed)


def set_language(choice: str) -> str:
    """Remember ``choice`` (``""``, ``en``, ``ja``) and install its translators; open
    windows retranslate themselves on the LanguageChange event that follows. Returns
    the language now in use."""
    choice = choice if choice in LANGUAGES else ""
    QSettings().setValue(SETTINGS_KEY, choice)
    install_translators(choice)
    return current_language()


def request_language(choice: str) -> None:
    """:func:`set_language` once the current event (a menu click) is over."""
    QTimer.singleShot(0, lambda: set_language(choice))


# -- retranslating texts set at build time ----------------------------------------------------
Message = tuple[str, str]  # (context, source)


@cache
def _catalogue() -> dict[str, list[Message]]:
    """Every message text (English source and each translation) → its messages."""
    out: dict[str, list[Message]] = {}
    for ts in sorted(TRANSLATIONS_DIR.glob("journeymap_*.ts")):
        for ctx in ET.parse(ts).getroot().iter("context"):
            name = ctx.findtext("name") or ""
            for msg in ctx.iter("message"):
                if msg.get("numerus") == "yes":
                    continue   # counted texts are built with data; their owners redo them
                source = msg.findtext("source") or ""
                translation = msg.findtext("translation") or ""
                for text in {source, translation} - {""}:
                    out.setdefault(text, []).append((name, source))
    return out


def _contexts(obj: QObject) -> list[str]:
    """Class names of ``obj`` and its parents, nearest first: the likely tr() contexts."""
    names: list[str] = []
    o: QObject | None = obj
    while o is not None:
        names.extend(c.__name__ for c in type(o).__mro__)
        o = o.parent()
    return names


def translated(text: str, near: QObject) -> str | None:
    """``text`` (a message of the catalogue in any language) in the current language;
    None when it is not a message."""
    found = _catalogue().get(text)
    if not found:
        return None
    if len(found) > 1:
        # Prefer the context of the nearest class (the widget's own, then its parents').
        names = _contexts(near)
        order = {name: i for i, name in reversed(list(enumerate(names)))}
        found = sorted(found, key=lambda m: order.get(m[0], len(names)))
    if len(found) > 1:
        # Same context, several sources ("History", "&History"): the mnemonic decides.
        best = [m for m in found if m[0] == found[0][0]]
        found = sorted(best, key=lambda m: ("&" in m[1]) != ("&" in text))
    context, source = found[0]
    return QCoreApplication.translate(context, source)


def _redo(near: QObject, get, put) -> None:  # noqa: ANN001
    text = get()
    if text:
        new = translated(text, near)
        if new is not None and new != text:
            put(new)


def retranslate_tree(root: QWidget) -> None:
    """Retranslate the texts of ``root`` and its children that are catalogue messages:
    window and dock titles, menus and actions, tab, button and label texts, place-holders,
    tool tips and table headers. A combo box is retranslated only when every item is a
    message (others list data)."""
    widgets = [w for w in (root, *root.findChildren(QWidget)) if not w.property(KEEP_TEXT)]
    for w in widgets:
        _redo(w, w.windowTitle, w.setWindowTitle)
        _redo(w, w.toolTip, w.setToolTip)
        _redo(w, w.accessibleName, w.setAccessibleName)
        if isinstance(w, (QLabel, QAbstractButton)):
            _redo(w, w.text, w.setText)
        elif isinstance(w, QLineEdit):
            _redo(w, w.placeholderText, w.setPlaceholderText)
        elif isinstance(w, QGroupBox):
            _redo(w, w.title, w.setTitle)
        elif isinstance(w, QMenu):
            _redo(w, w.title, w.setTitle)
        elif isinstance(w, QTabWidget):
            for i in range(w.count()):
                _redo(w, lambda i=i, w=w: w.tabText(i),
                      lambda t, i=i, w=w: w.setTabText(i, t))
        elif isinstance(w, QComboBox):
            texts = [w.itemText(i) for i in range(w.count())]
            if texts and all(translated(t, w) is not None for t in texts):
                for i in range(w.count()):
                    _redo(w, lambda i=i, w=w: w.itemText(i),
                          lambda t, i=i, w=w: w.setItemText(i, t))
        elif isinstance(w, QTableWidget):
            for i in range(w.columnCount()):
                item = w.horizontalHeaderItem(i)
                if item is not None:
                    _redo(w, item.text, item.setText)
                    _redo(w, item.toolTip, item.setToolTip)
        elif isinstance(w, (QDockWidget, QToolBar)):
            pass  # window titles, done above
    for act in root.findChildren(QAction):
        if act.property(KEEP_TEXT):
            continue
        near = act.parent() or root
        # An action without a tool tip of its own shows its text: leave that implicit.
        own_tip = act.toolTip() not in (act.text(), act.text().replace("&", ""))
        _redo(near, act.text, act.setText)
        if own_tip:
            _redo(near, act.toolTip, act.setToolTip)
        _redo(near, act.statusTip, act.setStatusTip)


__all__ = ["KEEP_TEXT", "LANGUAGES", "TRANSLATIONS_DIR", "chosen_language", "current_language",
           "install_translators", "qm_path", "request_language", "resolve", "retranslate_tree",
           "set_language", "system_language", "translated"]
