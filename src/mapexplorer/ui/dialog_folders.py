"""Where a file dialog opens. Given no folder, Qt's opens in the folder the app was started
from (`/` from a desktop launcher), and beside the bundled article it opens inside the
installation. So: beside the file open when it is the user's, else the folder last chosen for
the same kind of dialog (kept in the settings), else the user's Documents (or home)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths

from mapexplorer.paths import is_bundled

__all__ = ["EXPORTS", "OPENED", "remember_folder", "start_folder", "users_folder"]

EXPORTS = "folders/export"
"""Settings key: the folder of the last file written (an export, a saved review)."""
OPENED = "folders/open"
"""Settings key: the folder of the last file opened or imported."""


def users_folder() -> str:
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if documents and Path(documents).is_dir():
        return documents
    return str(Path.home())


def start_folder(current_file: str, settings: QSettings | None, key: str) -> str:
    """The folder a dialog for `key` (EXPORTS or OPENED) opens in, `current_file` being the
    file the window shows ("" for none)."""
    if current_file and not is_bundled(current_file):
        beside = Path(current_file).absolute().parent
        if beside.is_dir():
            return str(beside)
    remembered = settings.value(key) if settings is not None else None
    if isinstance(remembered, str) and remembered and Path(remembered).is_dir():
        return remembered
    return users_folder()


def remember_folder(settings: QSettings | None, key: str, chosen: str) -> None:
    """Keep the folder of the file just chosen, for the next dialog of that kind."""
    if settings is not None and chosen:
        settings.setValue(key, str(Path(chosen).absolute().parent))
