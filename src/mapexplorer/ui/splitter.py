"""Splitters whose panels a dragged handle cannot hide: the main window's and the Review
window's. Qt lets a handle dragged past a panel's least size hide the panel behind a handle a
pixel or two wide (the slider, the side panels, the review's editor or article vanished, and
a remembered layout kept them so)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSplitter, QWidget


def panel_splitter(orientation: Qt.Orientation, *panels: QWidget) -> QSplitter:
    """A splitter of `panels` whose handles stop at each panel's least size."""
    splitter = QSplitter(orientation)
    for panel in panels:
        splitter.addWidget(panel)
    splitter.setChildrenCollapsible(False)
    return splitter
