"""Larger text, for a projector in a classroom: the application's fonts (the window's panels,
its menus, drop-down lists, tooltips and dialogs) and the map page (its names, markers,
tooltips, scale bar) grow together, a step at a time, and the settings keep the step.
At 1920x1080 the window used the system's ~9 pt font and the map its 11 px names."""

from __future__ import annotations

from PySide6.QtGui import QFont

STEPS = (1.0, 1.25, 1.5, 1.75, 2.0)
SETTING = "view/text_scale"

_THEMED = (
    "QMenu",
    "QMenuBar",
    "QMessageBox",
    "QTipLabel",
    "QStatusBar",
    "QLabel",
    "QPushButton",
    "QToolButton",
    "QCheckBox",
    "QRadioButton",
    "QAbstractItemView",
    "QListView",
    "QHeaderView",
    "QComboMenuItem",
    "QComboLineEdit",
    "QTabBar",
    "QGroupBox",
    "QDockWidgetTitle",
    "QMdiSubWindowTitleBar",
    "QSmallFont",
    "QMiniFont",
)
"""Widget classes a platform theme may give fonts of their own (Windows and KDE give menus,
message boxes and tooltips theirs): they are scaled with the default font."""
_normal: dict[str | None, QFont] | None = None
"""The application's fonts at the normal size, as the platform gave them (taken once)."""


def next_step(scale: float, direction: int) -> float:
    """The step above (`direction` > 0) or below `scale`, staying within `STEPS`."""
    nearest = min(range(len(STEPS)), key=lambda i: abs(STEPS[i] - scale))
    return STEPS[max(0, min(len(STEPS) - 1, nearest + direction))]


def remembered_scale(settings) -> float:
    """The step the settings keep; the normal size for none, or a value not one of the steps
    (a settings file edited by hand)."""
    try:
        value = float(settings.value(SETTING, 1.0))
    except (TypeError, ValueError):
        return 1.0
    return value if value in STEPS else 1.0


def text_scale() -> float:
    """How much larger the application's text is than the platform's: 1.0 until it is first
    scaled (`scale_application_text`). Pictures drawn beside text (the slider's buttons) grow
    by as much."""
    if _normal is None:
        return 1.0
    from PySide6.QtWidgets import QApplication

    normal, now = _normal[None], QApplication.font()
    if normal.pointSizeF() > 0 and now.pointSizeF() > 0:
        return now.pointSizeF() / normal.pointSizeF()
    if normal.pixelSize() > 0 and now.pixelSize() > 0:
        return now.pixelSize() / normal.pixelSize()
    return 1.0


def scaled_size(width: int, height: int, widget) -> tuple[int, int]:
    """A dialog's size given at the normal text size, at the application's: a 640×360 report
    at 200% text showed half its lines' words. Never more than 90% of `widget`'s screen."""
    scale = text_scale()
    width, height = round(width * scale), round(height * scale)
    screen = widget.screen()
    if screen is not None:
        room = screen.availableGeometry()
        width, height = min(width, int(room.width() * 0.9)), min(height, int(room.height() * 0.9))
    return width, height


def scaled_font(base: QFont, scale: float) -> QFont:
    font = QFont(base)
    if base.pointSizeF() > 0:
        font.setPointSizeF(base.pointSizeF() * scale)
    elif base.pixelSize() > 0:
        font.setPixelSize(round(base.pixelSize() * scale))
    return font


def scale_application_text(scale: float) -> None:
    """Every widget's text at `scale` times the platform's size: the application's default
    font and each widget class's own. The window's font alone left its menus, the event list's
    column menu, drop-down lists, tooltips and dialogs at the normal size: they are windows of
    their own, which a window's font does not reach."""
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QApplication

    global _normal
    if _normal is None:
        if scale == 1.0:
            return  # never scaled: the platform's fonts stay its own (and follow its changes)
        default = QApplication.font()
        themed = {name: QApplication.font(name) for name in _THEMED}
        _normal = {None: default} | {k: f for k, f in themed.items() if f != default}
    # The default first: setting it forgets the classes' own fonts, which then come back.
    for name, font in _normal.items():
        QApplication.setFont(scaled_font(font, scale), name)
    # Qt posts the change to each widget: given now, the window is at its new size at once.
    QCoreApplication.sendPostedEvents(None, QEvent.Type.ApplicationFontChange)
