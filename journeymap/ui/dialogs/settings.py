"""Settings: the interface language (this computer) and the project's scoring settings.

The language is remembered in QSettings and applied at once (see
:mod:`journeymap.ui.controllers.language`). Vote weight and dimension weights belong to the project
file: they change through one undoable edit (``edits.set_fields`` on the project row
and the dimension rows, combined). A value out of range (0–10) or not a number is
refused with the reason beside the field, and nothing changes.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QVBoxLayout,
    QWidget,
)

from journeymap.model import edits
from journeymap.model.edits import Edit, EditError
from journeymap.model.store import PROJECT_ID, Store
from journeymap.model.validation import ValidationError
from journeymap.ui.actions.common import mnemonic_safe
from journeymap.ui.texts import error_text
from journeymap.ui.widgets import ErrorLabel

LANGUAGE_CHOICES = (("", None), ("en", "English"), ("ja", "日本語"))


def _number(text: str) -> float | None:
    """A number typed with a dot or a comma (also full-width digits)."""
    import unicodedata

    t = unicodedata.normalize("NFKC", text).strip().replace(",", ".")
    return float(t)


class SettingsDialog(QDialog):
    """Language, vote weight, dimension weights. ``store`` may be None (no project)."""

    def __init__(self, store: Store | None, language: str, read_only: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Settings"))
        self.store = store
        lay = QVBoxLayout(self)

        app_box = QGroupBox(self.tr("Application"))
        form = QFormLayout(app_box)
        self.language = QComboBox()
        self.language.setAccessibleName(self.tr("Interface language"))
        for code, name in LANGUAGE_CHOICES:
            self.language.addItem(name or self.tr("System"), code)
        i = self.language.findData(language if language in ("en", "ja") else "")
        self.language.setCurrentIndex(max(0, i))
        form.addRow(self.tr("Interface language:"), self.language)
        from journeymap.ui.controllers.library import library_url

        self.library_url = QLineEdit(library_url())
        self.library_url.setPlaceholderText("postgresql://user@server/journeymap")
        self.library_url.setAccessibleName(self.tr("Team library URL"))
        self.library_url.setToolTip(self.tr("The password is read from ~/.pgpass or asked "
                                            "for; journeymap never stores it."))
        form.addRow(self.tr("Team library URL:"), self.library_url)
        lay.addWidget(app_box)

        self.vote_weight: QLineEdit | None = None
        self.vote_error = ErrorLabel()
        self.dimension_fields: dict[str, tuple[QLineEdit, ErrorLabel]] = {}
        if store is not None:
            proj = QGroupBox(self.tr("Project: prioritisation"))
            pform = QFormLayout(proj)
            note = QLabel(self.tr("Weights from 0 to 10. The vote weight says how much dot "
                                  "votes raise a score; a dimension weight multiplies the "
                                  "impact of its pain points (1 = neutral)."))
            note.setWordWrap(True)
            pform.addRow(note)
            self.vote_weight = QLineEdit(_fmt(store.vote_weight))
            self.vote_weight.setAccessibleName(self.tr("Vote weight"))
            self.vote_weight.textEdited.connect(lambda _t: self.vote_error.clear_error())
            pform.addRow(self.tr("Vote weight:"), self.vote_weight)
            pform.addRow(self.vote_error)
            for dim in store.dimensions():
                field = QLineEdit("" if dim.weight is None else _fmt(dim.weight))
                field.setPlaceholderText(self.tr("1 (default)"))
                field.setAccessibleName(self.tr("Weight of %1").replace("%1", dim.name))
                err = ErrorLabel()
                field.textEdited.connect(lambda _t, e=err: e.clear_error())
                pform.addRow(self.tr("%1:").replace("%1", mnemonic_safe(dim.name)), field)
                pform.addRow(err)
                self.dimension_fields[dim.id] = (field, err)
                field.setReadOnly(read_only)
            self.vote_weight.setReadOnly(read_only)
            lay.addWidget(proj)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)
        self.edit_result: Edit | None = None
        self.setMinimumWidth(440)

    def chosen_language(self) -> str:
        return str(self.language.currentData() or "")

    def make_edit(self) -> Edit | None:
        """The project edit the fields ask for (None: nothing changes). Shows the reason
        beside each refused field and raises ValueError when any was refused."""
        store = self.store
        if store is None or self.vote_weight is None:
            return None
        parts: list[Edit] = []
        bad = False
        label = self.tr("Vote weight")
        try:
            value = _number(self.vote_weight.text())
            if value != store.vote_weight:
                parts.append(edits.set_fields(store, "project", PROJECT_ID, vote_weight=value))
        except (ValidationError, EditError) as e:   # (both are ValueErrors: first)
            self.vote_error.show_error(_refusal(label, e))
            bad = True
        except ValueError:
            self.vote_error.show_error(_not_a_number(label, self.vote_weight.text()))
            bad = True
        for dim_id, (field, err) in self.dimension_fields.items():
            dim = store.get("dimension", dim_id)
            name = getattr(dim, "name", dim_id)
            label = self.tr("Weight of %1").replace("%1", name)
            text = field.text().strip()
            try:
                value = None if not text else _number(text)
                if value != getattr(dim, "weight", None):
                    parts.append(edits.set_fields(store, "dimension", dim_id, weight=value))
            except (ValidationError, EditError) as e:
                err.show_error(_refusal(label, e))
                bad = True
            except ValueError:
                err.show_error(_not_a_number(label, text))
                bad = True
        if bad:
            raise ValueError("refused")
        if not parts:
            return None
        return edits.combine("Project settings", parts)

    def accept(self) -> None:
        try:
            self.edit_result = self.make_edit()
        except ValueError:
            return
        super().accept()


def _fmt(x: float) -> str:
    return f"{x:g}"


def _not_a_number(label: str, text: str) -> str:
    return QCoreApplication.translate("SettingsDialog", "%1 must be a number (not %2)") \
        .replace("%1", label).replace("%2", repr(text))


def _refusal(label: str, e: Exception) -> str:
    return error_text(e, field=label if isinstance(e, ValidationError) else None)


def show_settings(window: QMainWindow) -> bool:
    """Edit ▸ Settings… of a main window: run the dialog, push the project edit (one
    undo step), apply the language. Returns whether something changed."""
    from journeymap.ui.controllers import language as i18n

    doc = getattr(window, "doc", None)
    store = doc.store if doc is not None else None
    dialog = SettingsDialog(store, i18n.chosen_language(),
                            bool(doc is not None and doc.read_only), window)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    return apply_settings(window, dialog)


def apply_settings(window: QMainWindow, dialog: SettingsDialog) -> bool:
    from journeymap.ui.controllers import language as i18n

    changed = False
    edit = dialog.edit_result
    doc = getattr(window, "doc", None)
    if edit is not None and doc is not None and not doc.read_only:
        # the window's one edit path (undo step labelled "Project settings")
        changed = window.push_edit(  # type: ignore[attr-defined]
            edit, QCoreApplication.translate("SettingsDialog", "Project settings"))
    from journeymap.ui.controllers.library import library_url, set_library_url

    if dialog.library_url.text().strip() != library_url():
        set_library_url(dialog.library_url.text().strip())
    if dialog.chosen_language() != i18n.chosen_language():
        i18n.request_language(dialog.chosen_language())
        changed = True
    return changed


def install_settings(window: QMainWindow) -> QAction:
    """Add Edit ▸ Settings… (Ctrl+,) to a main window; returns the action."""
    act = QAction(QCoreApplication.translate("SettingsDialog", "&Settings…"), window)
    act.setObjectName("actSettings")
    act.setMenuRole(QAction.MenuRole.PreferencesRole)
    act.setShortcut(QKeySequence("Ctrl+,"))
    act.setStatusTip(QCoreApplication.translate(
        "SettingsDialog", "Interface language, vote weight and dimension weights"))
    act.triggered.connect(lambda _=False: show_settings(window))
    window.add_menu_actions([act], window.act_undo, at_end=True,  # type: ignore[attr-defined]
                            needs_doc=False)   # the language can be chosen without a project
    window.act_settings = act  # type: ignore[attr-defined]
    return act


__all__ = ["SettingsDialog", "apply_settings", "install_settings", "show_settings"]
