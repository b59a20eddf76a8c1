"""The rows a file could not give us, listed for the user to read and copy."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mapexplorer.ui.text_size import scaled_size


class ReadReportDialog(QDialog):
    def __init__(
        self,
        summary: str,
        report_lines: str,
        report_text: str,
        parent: QWidget | None = None,
        title: str = "Some rows were left out",
    ) -> None:
        """`summary` heads the dialog and `report_lines` (the problems, one a line) follow it;
        Copy copies `report_text`, which names the file itself, for pasting elsewhere."""
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAccessibleName("Read report")
        layout = QVBoxLayout(self)
        self.summary = label = QLabel(summary)
        label.setTextFormat(Qt.TextFormat.PlainText)  # it names the file: shown as written
        label.setWordWrap(True)
        layout.addWidget(label)
        self.text = QPlainTextEdit(report_lines)
        self.text.setReadOnly(True)
        self.text.setAccessibleName("Problems found in the file")
        layout.addWidget(self.text, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        copy = QPushButton("Copy")
        copy.setAccessibleName("Copy the report")
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(report_text))
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(*scaled_size(640, 360, self))
