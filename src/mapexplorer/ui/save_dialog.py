"""Asking where to save: the name ends in the format's extension even when the user leaves it
off ("story" in an Export ▸ PNG dialog is saved as story.png, not as a file without one)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QFileDialog, QWidget

__all__ = ["ask_save_path"]


def ask_save_path(
    parent: QWidget | None, title: str, suggested: str, name_filter: str, suffix: str
) -> str:
    """The path chosen in a save dialog, or "" when cancelled. The dialog itself adds `suffix`
    to a name typed without one, so its "replace the existing file?" question is asked about
    the file that will really be written."""
    dialog = QFileDialog(parent, title, "", name_filter)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    dialog.setDefaultSuffix(suffix)
    if suggested:
        dialog.selectFile(suggested)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return ""
    chosen = dialog.selectedFiles()
    return chosen[0] if chosen else ""
