"""Ask once which field holds the time when someone else's file is ambiguous, with a preview."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mapexplorer.formats.fields import FieldChoice, FieldGuess, TimeSource, preview
from mapexplorer.ui.text_size import scaled_size

PREVIEW_COLUMNS = [
    ("row", "Row"), ("title", "Title"), ("when", "Date"), ("place", "Place"),
    ("lat", "Lat"), ("lon", "Lon"), ("problem", "Problem"),
]  # fmt: skip
DATE_ORDERS = {"dmy": "Day first (17/01/2025)", "mdy": "Month first (01/17/2025)"}


class FieldChoiceDialog(QDialog):
    """Shows why the file is ambiguous, a choice per ambiguous role and what the rows become."""

    def __init__(self, file_name: str, guess: FieldGuess, parent: QWidget | None = None):
        super().__init__(parent)
        self.guess = guess
        self.setWindowTitle(f"Which fields? — {file_name}")
        self.setAccessibleName("Choose the fields to read")
        layout = QVBoxLayout(self)
        why = QLabel(
            "<b>This file can be read in more than one way.</b><br>"
            + "<br>".join(_escape(_sentence(r)) for r in guess.reasons)
        )
        why.setWordWrap(True)
        layout.addWidget(why)
        form = QFormLayout()
        self.time_box = QComboBox()
        self.time_box.setAccessibleName("Time field")
        for source in guess.candidates.get("time", ()):
            self.time_box.addItem(source.label, source)
        if guess.choice.time is not None:
            self.time_box.setCurrentIndex(max(0, self.time_box.findText(guess.choice.time.label)))
        form.addRow("Time from:", self.time_box)
        self.order_box = QComboBox()
        self.order_box.setAccessibleName("Date order")
        for key, label in DATE_ORDERS.items():
            self.order_box.addItem(label, key)
        self.order_box.setCurrentIndex(max(0, self.order_box.findData(guess.choice.date_order)))
        self.order_box.setEnabled("date_order" in guess.candidates)
        form.addRow("Numeric dates:", self.order_box)
        layout.addLayout(form)
        self.table = QTableWidget(0, len(PREVIEW_COLUMNS))
        self.table.setAccessibleName("Preview of the first rows")
        self.table.setHorizontalHeaderLabels([label for _, label in PREVIEW_COLUMNS])
        self.table.verticalHeader().hide()
        # The title takes the room the others leave (a last column stretched read as a gap).
        title = next(c for c, (key, _) in enumerate(PREVIEW_COLUMNS) if key == "title")
        self.table.horizontalHeader().setSectionResizeMode(title, QHeaderView.ResizeMode.Stretch)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        layout.addWidget(QLabel("What the first rows become:"))
        layout.addWidget(self.table, 1)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.time_box.currentIndexChanged.connect(self.refresh)
        self.order_box.currentIndexChanged.connect(self.refresh)
        self.resize(*scaled_size(760, 440, self))  # larger text: as much larger
        self.refresh()

    def choice(self) -> FieldChoice:
        time = self.time_box.currentData()
        return replace(
            self.guess.choice,
            time=time if isinstance(time, TimeSource) else self.guess.choice.time,
            date_order=self.order_box.currentData(),
        )

    def refresh(self) -> None:
        rows = preview(self.guess.sample, self.choice(), 10, self.guess.sample_numbers)
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, (key, _) in enumerate(PREVIEW_COLUMNS):
                self.table.setItem(r, c, QTableWidgetItem(row.get(key, "")))  # plain text
        for c, (key, _) in enumerate(PREVIEW_COLUMNS):
            # A column no row fills (no place names beside coordinates; no problem) is noise.
            self.table.setColumnHidden(c, key != "row" and not any(row.get(key) for row in rows))
        self.table.resizeColumnsToContents()


def _sentence(text: str) -> str:
    """A reason as a sentence of its own: "the dates in 'Date' read…" → "The dates…"."""
    return text[:1].upper() + text[1:]


def _escape(text: str) -> str:
    import html

    return html.escape(text)
