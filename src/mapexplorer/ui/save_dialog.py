"""Asking where to save: the name ends in the format's extension even when the user leaves it
off ("story" in an Export ▸ PNG dialog is saved as story.png, not as a file without one), and a
name with another format's extension ("story.jpg" for a PNG) is refused, as the command line
refuses `-o story.jpg --format png`: the dialog says why and opens again with the right name."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QFileDialog, QWidget

from mapexplorer.formats.export_names import name_problem
from mapexplorer.ui.plain_text import warn

__all__ = ["ask_save_path"]


def ask_save_path(
    parent: QWidget | None,
    title: str,
    suggested: str,
    name_filter: str,
    suffix: str,
    folder: str = "",
) -> str:
    """The path chosen in a save dialog opened in `folder` (see `dialog_folders`), or "" when
    cancelled. The dialog itself adds `suffix`
    to a name typed without one, so its "replace the existing file?" question is asked about
    the file that will really be written. A name that says another format is refused with a
    message, and the dialog asked again, with the name ending in `suffix` instead."""
    while True:
        dialog = QFileDialog(parent, title, folder, name_filter)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
        dialog.setDefaultSuffix(suffix)
        if suggested:
            dialog.selectFile(suggested)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return ""
        chosen = dialog.selectedFiles()
        path = chosen[0] if chosen else ""
        problem = name_problem(path, suffix) if path else None
        if problem is None:
            return path
        warn(parent, title, problem)
        suggested = str(Path(path).with_suffix("." + suffix))
