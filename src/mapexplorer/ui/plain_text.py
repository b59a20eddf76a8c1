"""Text from a file shown as text in Qt's tooltips and message boxes, which otherwise guess at
rich text: a title "<b>bold</b>" must read as those characters, not as bold."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from mapexplorer.formats.errors import cannot_write

__all__ = ["plain_tooltip", "warn", "write_error"]


def plain_tooltip(text: str) -> str:
    """A tooltip that shows `text` literally, line breaks kept."""
    return f"<p style='white-space:pre-wrap'>{html.escape(text)}</p>" if text else ""


def warn(parent: QWidget | None, title: str, text: str) -> None:
    """A modal warning whose text is shown as written, selectable to copy."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, parent=parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box.exec()


def write_error(path: str, exc: Exception) -> str:
    """Why `path` could not be written, without the temporary file's name an OSError carries
    (files are written to a temporary file first, then renamed)."""
    if isinstance(exc, OSError):
        return f"{path}: {cannot_write(exc, path)}"
    return f"{path}: {exc}"
