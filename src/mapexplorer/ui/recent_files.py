"""File ▸ Open Recent: the last files opened, most recent first, kept in the settings (each
as `remembered`, the form the last session's file is kept in) so that the next launch lists
them too."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from mapexplorer.ui.plain_text import plain_tooltip

SETTING = "recent/files"
MOST = 8
"""Files listed at most (the menu numbers them &1…&8)."""
NONE_TITLE = "No recent files"
LETTERS = 60
"""An entry names its file in this many letters at most (then "…"; the tooltip has it whole):
a long name made the menu wider than the screen."""


def remembered(path: str) -> str:
    """A file as the next launch finds it: a path given relative to the folder the app was
    started in (`mapexplorer story.geojson`) would name another file, or none, from elsewhere."""
    return str(Path(path).absolute())


def same_file_key(path: str) -> str:
    """What two paths of one file share (`a/../story.geojson`, a link to it, another case of
    its name on Windows): the list holds each file once."""
    try:
        resolved = Path(path).resolve()
    except (OSError, RuntimeError):  # a loop of links
        resolved = Path(path).absolute()
    return os.path.normcase(str(resolved))


class RecentFiles:
    """The list, in `settings` (any object with QSettings' `value`, `setValue` and `remove`;
    None: this session only, as a `--screenshot` launch keeps nothing)."""

    def __init__(self, settings) -> None:
        self.settings = settings
        self._session: list[str] = []

    def paths(self) -> list[str]:
        """The files, most recent first. A value of another form (a settings file edited by
        hand) keeps only its paths; one path comes back from an INI file as a string alone."""
        if self.settings is None:
            return list(self._session)
        value = self.settings.value(SETTING)
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, (list, tuple)):
            return []
        kept: list[str] = []
        keys: set[str] = set()
        for item in value:
            if isinstance(item, str) and item and same_file_key(item) not in keys:
                keys.add(same_file_key(item))
                kept.append(item)
        return kept[:MOST]

    def _keep(self, paths: list[str]) -> None:
        paths = paths[:MOST]
        if self.settings is None:
            self._session = paths
        elif paths:
            self.settings.setValue(SETTING, paths)
        else:
            self.settings.remove(SETTING)

    def add(self, path: str) -> None:
        """`path` opened: first in the list, once (the same file by another path is moved)."""
        key = same_file_key(path)
        others = [p for p in self.paths() if same_file_key(p) != key]
        # "b/../story.geojson" listed as "story.geojson (..)": its folder's name is "..".
        self._keep([os.path.normpath(remembered(path)), *others])

    def forget(self, path: str) -> None:
        key = same_file_key(path)
        self._keep([p for p in self.paths() if same_file_key(p) != key])

    def clear(self) -> None:
        self._keep([])


def entry_text(number: int, path: str, paths: list[str]) -> str:
    """ "&3 story.geojson": the file's name after its number, its folder's name beside it when
    another file listed has the same name. "&" in a name is shown, not taken as a key."""
    name = Path(path).name or path
    if sum(Path(p).name == Path(path).name for p in paths) > 1:
        name = f"{name} ({Path(path).parent.name or Path(path).parent})"
    if len(name) > LETTERS:
        name = name[: LETTERS - 1] + "…"
    return f"&{number} {name.replace('&', '&&')}"


class RecentMenu(QMenu):
    """The submenu: the files (choosing one calls `open_recent` with its path) and, at the
    bottom, "Clear menu". With none, a greyed "No recent files" says so (a greyed submenu
    would not open to say why)."""

    def __init__(
        self,
        recent: RecentFiles,
        open_recent: Callable[[str], None],
        describe: Callable[[str], str],
        parent: QWidget | None = None,
    ) -> None:
        """`describe(path)`: the tooltip and status tip of an entry (the path; "the bundled
        article" for that)."""
        super().__init__("Open &Recent", parent)
        self.recent = recent
        self._open_recent = open_recent
        self._describe = describe
        self.setToolTipsVisible(True)
        self.refresh()

    def refresh(self) -> None:
        """List the files as the settings have them now."""
        self.clear()
        paths = self.recent.paths()
        for number, path in enumerate(paths, start=1):
            action = QAction(entry_text(number, path, paths), self)
            tip = self._describe(path)
            action.setToolTip(plain_tooltip(tip))  # a folder named "<b>…" is shown as named
            action.setStatusTip(tip)  # the status bar shows plain text
            action.setData(path)
            action.triggered.connect(lambda _=False, p=path: self._open_recent(p))
            self.addAction(action)
        if not paths:
            empty = self.addAction(NONE_TITLE)
            empty.setEnabled(False)
        self.addSeparator()
        self.clear_action = self.addAction("&Clear menu")
        self.clear_action.setStatusTip("Forget the files listed here (the files stay as they are)")
        self.clear_action.triggered.connect(self.clear_list)
        self.clear_action.setEnabled(bool(paths))
        self.menuAction().setStatusTip(
            "Open a file opened before" if paths else "No recent files yet"
        )

    def file_actions(self) -> list[QAction]:
        """The entries that open a file, in menu order."""
        return [a for a in self.actions() if isinstance(a.data(), str) and a.data()]

    def clear_list(self) -> None:
        self.recent.clear()
        self.refresh()
