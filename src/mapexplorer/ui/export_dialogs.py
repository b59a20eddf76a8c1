"""File ▸ Export for the map itself: a web page, a picture, an animation — dialogs and progress."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMainWindow,
    QProgressDialog,
    QSpinBox,
    QWidget,
)

from mapexplorer.formats import FormatError
from mapexplorer.ui.dialog_folders import EXPORTS
from mapexplorer.ui.export_menu import VIEW_EXPORTS
from mapexplorer.ui.image_export import (
    DEFAULT_FRAMES,
    GIF,
    MAX_FRAMES,
    MAX_SIDE,
    MIN_FRAMES,
    MIN_SIDE,
    PNG,
    SIZE_PRESETS,
    MapImageExporter,
    frames_note,
    picture_size_problem,
    playback_words,
)
from mapexplorer.ui.plain_text import warn, write_error
from mapexplorer.ui.save_dialog import ask_save_path
from mapexplorer.words import name_then_folder


class SizeDialog(QDialog):
    """Asks the picture's size: the map's own size, a preset, or any width and height."""

    def __init__(
        self, current: tuple[int, int], fmt: str, parent: QWidget | None = None, plays: str = ""
    ) -> None:
        """`plays`: what an animation plays, when not the whole story (`playback_words`)."""
        super().__init__(parent)
        self.setWindowTitle("Export an animation" if fmt == GIF else "Export an image")
        self.presets = QComboBox(self)
        self.presets.setAccessibleName("Size preset")
        choices = [(f"Map's current size ({current[0]} × {current[1]})", current)]
        choices += [(f"{w} × {h}", (w, h)) for w, h in SIZE_PRESETS if (w, h) != current]
        for label, size in choices:
            self.presets.addItem(label, size)
        self.presets.addItem("Custom", None)
        self.width_box = self._spin(current[0], "Width in pixels")
        self.height_box = self._spin(current[1], "Height in pixels")
        self.frames_box = QSpinBox(self)
        self.frames_box.setRange(MIN_FRAMES, MAX_FRAMES)  # as the command line
        self.frames_box.setValue(DEFAULT_FRAMES)
        self.frames_box.setAccessibleName("Frames")
        self.frames_box.setToolTip("Frames of playback from the first event to the last")
        form = QFormLayout(self)
        form.addRow("Size:", self.presets)
        form.addRow("Width:", self.width_box)
        form.addRow("Height:", self.height_box)
        self.plays = QLabel(plays, self)
        self.plays.setTextFormat(Qt.TextFormat.PlainText)  # it quotes the filter as typed
        self.plays.setWordWrap(True)
        self.plays.setVisible(fmt == GIF and bool(plays))
        if fmt == GIF:
            form.addRow("Frames:", self.frames_box)
            if plays:  # with a filter on, the span of its events, not the story's
                self.frames_box.setToolTip(f"Frames of playback: {plays[0].lower()}{plays[1:]}")
                form.addRow(self.plays)
        else:  # a picture has no frames: the box, a child outside the form, sat over "Size:"
            self.frames_box.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.presets.currentIndexChanged.connect(self._on_preset)

    def _spin(self, value: int, name: str) -> QSpinBox:
        box = QSpinBox(self)
        box.setRange(MIN_SIDE, MAX_SIDE)
        box.setSuffix(" px")
        box.setValue(value)
        box.setAccessibleName(name)
        box.valueChanged.connect(self._on_typed)
        return box

    def _on_preset(self, index: int) -> None:
        size = self.presets.itemData(index)
        if size is not None:
            for box, value in ((self.width_box, size[0]), (self.height_box, size[1])):
                box.blockSignals(True)
                box.setValue(value)
                box.blockSignals(False)

    def _on_typed(self) -> None:
        self.presets.blockSignals(True)
        self.presets.setCurrentIndex(self.presets.count() - 1)  # "Custom"
        self.presets.blockSignals(False)

    def chosen_size(self) -> tuple[int, int]:
        return self.width_box.value(), self.height_box.value()

    def accept(self) -> None:
        """OK: not for a size too large to draw (8192x8192 is 67 megapixels): say why, and
        the dialog stays for another size."""
        too_big = picture_size_problem(*self.chosen_size())
        if too_big:
            warn(self, "Export", f"{too_big[0].upper()}{too_big[1:]}.")
            return
        super().accept()


def _title(window: QMainWindow) -> str:
    return window.state.catalogue.source.title or Path(window.path).stem


def choose_view_export(window: QMainWindow, fmt: str) -> MapImageExporter | None:
    """Ask what is needed (the size for pictures, then the file) and start the export."""
    if nothing := window.nothing_to_export():
        warn(window, "Export", nothing)
        return None
    size = frames = None
    if fmt in (PNG, GIF):
        view = window.map_view
        plays = playback_words(window.state) if fmt == GIF else ""
        dialog = SizeDialog(
            (max(200, view.width()), max(200, view.height())), fmt, window, plays=plays
        )
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        size, frames = dialog.chosen_size(), dialog.frames_box.value()
    suggested = window.export_name(fmt)
    folder = window.dialog_folder(EXPORTS)
    path = ask_save_path(window, "Export", suggested, VIEW_EXPORTS[fmt][1], fmt, folder)
    if not path:
        return None
    window.chose_file(EXPORTS, path)
    return export_view_to(window, path, fmt, size, frames=frames or DEFAULT_FRAMES)


def export_view_to(
    window: QMainWindow,
    path: str,
    fmt: str,
    size: tuple[int, int] | None = None,
    frames: int = DEFAULT_FRAMES,
    show_progress: bool = True,
) -> MapImageExporter | None:
    """Export what the window shows (time, mode, filter, selection, and for pictures the map's
    framing). A web page is written on the window's exporter thread (its `finished` and
    `failed` say how it went); a picture renders in the background and is returned."""
    status = window.statusBar()
    if nothing := window.nothing_to_export():
        warn(window, "Export", nothing)
        return None
    if fmt == "html":
        from mapexplorer.formats.errors import check_writable
        from mapexplorer.mappage.html_export import export_html, export_state, filter_note

        # Written on the exporter's thread, as the catalogue's formats are: 100,000 events
        # took ~10 s, the window frozen. What the window shows now, whatever it shows next.
        if window.exporter.busy:
            warn(
                window,
                "Export",
                "Another export is still being written: try again when it is done.",
            )
            return None
        try:
            check_writable(path)  # at once, before the page is made
        except (OSError, FormatError) as exc:
            status.showMessage(f"Export failed: {path}", 8000)
            warn(window, "Export failed", write_error(path, exc))
            return None
        shown, title = export_state(window.state), _title(window)
        note = filter_note(window.state)  # (`shown` holds the events it let through)
        window.exporter.run(
            lambda: export_html(shown, path, title, note), path, len(shown.catalogue.events)
        )
        status.showMessage(f"Exporting the map as a web page to {name_then_folder(path)}…")
        return None

    view = window.map_view
    size = size or (max(200, view.width()), max(200, view.height()))
    page = view.url().toLocalFile()
    exporter = MapImageExporter(
        window.state,
        path,
        fmt,
        size,
        Path(page) if page else None,
        title=_title(window),
        frames=frames,
        source_view=view,
        parent=window,
    )
    progress: QProgressDialog | None = None
    if show_progress:
        what = "animation" if fmt == GIF else "image"
        progress = QProgressDialog(f"Drawing the {what}…", "Cancel", 0, exporter.total, window)
        progress.setWindowTitle("Export")
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(400)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        progress.canceled.connect(exporter.cancel)
        exporter.progress.connect(lambda done, _total: progress.setValue(done))

    def close_progress() -> None:
        if progress is not None:
            progress.canceled.disconnect(exporter.cancel)
            progress.close()
            progress.deleteLater()

    def finished(written: str) -> None:
        close_progress()
        said = f"Exported the map as {fmt.upper()} to {name_then_folder(written)}"
        note = frames_note(frames, exporter.total) if fmt == GIF else None
        status.showMessage(f"{said} — {note}" if note else said, 15000 if note else 8000)
        exporter.deleteLater()

    def failed(message: str) -> None:
        close_progress()
        exporter.deleteLater()
        status.showMessage(f"Export failed: {path}", 8000)  # not "Exporting to …" for good
        warn(window, "Export failed", f"{path}: {message}")

    def cancelled() -> None:
        close_progress()
        exporter.deleteLater()
        status.showMessage("Export cancelled", 5000)

    exporter.finished.connect(finished)
    exporter.failed.connect(failed)
    exporter.cancelled.connect(cancelled)
    status.showMessage(f"Exporting to {name_then_folder(path)}…")
    exporter.start()
    return exporter
