"""The time slider: a focus+context track of eras, event density and events, with playback.

The track maps days through a `TimeAxis`, so the sparse centuries and the dense last few years
are both usable. Everything writes back through `ExplorerState`; the hot path (dragging, playing)
only calls `state.set_time` and `update()`.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QElapsedTimer, QEvent, QPointF, QRect, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QIcon,
    QImage,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QPen,
    QPixmap,
    QRegion,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QStyle,
    QToolButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from mapexplorer.colours import category_colour
from mapexplorer.model.axis import DEFAULT_FOCUS, TimeAxis, day_words
from mapexplorer.model.catalogue import Catalogue, Era
from mapexplorer.model.event import Event
from mapexplorer.model.state import WINDOW_WIDTHS, ExplorerState, TimeMode
from mapexplorer.model.time import DateError
from mapexplorer.ui.plain_text import plain_tooltip
from mapexplorer.ui.text_size import text_scale
from mapexplorer.words import counted

if TYPE_CHECKING:  # numpy loads when there are events to draw, not with the window
    import numpy as np

__all__ = ["QtTimeline", "TimelineTrack", "parse_date_entry"]


def _layers(alpha: int, count: int) -> int:
    """The alpha of `count` layers of one colour at `alpha` (0…255), drawn as one."""
    if count == 1:
        return alpha
    return round(255 * (1 - (1 - alpha / 255) ** count))


def _distinct(rows: np.ndarray, cats: np.ndarray, x0: np.ndarray, x1: np.ndarray, last=False):
    """(first row, how many, x0, x1) of each distinct (category, x0, x1) among `rows`, in the
    order of their first row (or last, with `last`)."""
    import numpy as np

    keys = np.empty(len(rows), dtype=[("c", np.int64), ("a", np.float64), ("b", np.float64)])
    keys["c"], keys["a"], keys["b"] = cats[rows], x0, x1
    if last:
        keys, rows_, x0, x1 = keys[::-1], rows[::-1], x0[::-1], x1[::-1]
    else:
        rows_ = rows
    _, first, counts = np.unique(keys, return_index=True, return_counts=True)
    order = np.sort(first)
    count_of = dict(zip(first.tolist(), counts.tolist(), strict=True))
    if last:
        order = order[::-1]
    for j in order.tolist():
        yield int(rows_[j]), count_of[j], float(x0[j]), float(x1[j])


@dataclass(frozen=True, eq=False)
class _EventPlaces:
    """Where a catalogue's events sit on an axis, as track positions 0…1: the same at every
    width, so a resize only scales them."""

    soft: tuple[np.ndarray, np.ndarray, np.ndarray]  # category, start, end: uncertain or spanning
    crisp: tuple[np.ndarray, np.ndarray]  # category, middle of the day: exact dates (sorted)

    @classmethod
    def of(cls, catalogue: Catalogue, axis: TimeAxis) -> _EventPlaces:
        import numpy as np

        columns = catalogue.columns  # chronological: so the crisp middles come out sorted
        exact, cats = columns.exact, columns.category
        soft = ~exact
        crisp_starts, soft_starts = columns.start[exact], columns.start[soft]
        n, m = len(crisp_starts), len(soft_starts)
        # One interpolation for all three: each call also walks the axis's knots.
        coordinates = np.empty(n + 2 * m)
        coordinates[:n] = crisp_starts
        coordinates[:n] += 0.5
        coordinates[n : n + m] = soft_starts
        coordinates[n + m :] = columns.end[soft]
        coordinates[n + m :] += 1.0
        positions = axis.positions_of(coordinates)
        return cls(
            soft=(cats[soft], positions[n : n + m], positions[n + m :]),
            crisp=(cats[exact], positions[:n]),
        )


def _depth(alpha: int) -> float:
    """The optical depth of one layer at `alpha`: depths add where alphas multiply."""
    return -math.log(1 - alpha / 255)


def _raster_lane(
    places: _EventPlaces,
    rgb: np.ndarray,
    width: int,
    height: int,
    body: slice,
    scale: float,
    shift: float,
    ratio: float,
) -> np.ndarray:
    """The event lane as premultiplied RGBA pixels (`height` x `width` x 4, uint8): what
    `_paint_events` draws band by band, computed per pixel column.

    A track position p lands at device pixel x = p * `scale` + `shift`; `ratio` is device
    pixels per widget pixel; `rgb`: each category's colour (0…255); `body`: the rows the soft
    bands cover (the crisp lines' caps reach above and below). Soft bands: k layers of a colour
    at alpha a give 1 - (1 - a)^k, as drawn one by one; where categories overlap their colours
    mix by how many layers each has (drawn one by one, the last drawn would win a little).
    Crisp lines are opaque and on top; where two share a column, the later event wins."""
    import numpy as np

    k, span = len(rgb), width + 1
    two_px = max(1, round(2 * ratio))  # a crisp line, a band's left edge, a band at least

    def column(p: np.ndarray) -> np.ndarray:
        # The pixel column whose centre is nearest x (x >= 0: the cast rounds down).
        c = (p * scale + (shift + 0.5)).astype(np.int64)
        return np.minimum(c, width, out=c)

    cats, p0, p1 = places.soft
    first = column(p0)
    stop = np.maximum(np.minimum(first + two_px, width), column(p1))
    # How many bands of each category start (and stop) in each column, summed left to right:
    # how many cover it. Their 2-px edges: those that started in the last `two_px` columns.
    row = cats * span
    started = np.cumsum(np.bincount(row + first, minlength=k * span).reshape(k, span), axis=1)
    stopped = np.cumsum(np.bincount(row + stop, minlength=k * span).reshape(k, span), axis=1)
    bands = (started - stopped)[:, :width]
    edges = started[:, :width].copy()
    edges[:, two_px:] -= started[:, : width - two_px]
    depth = bands * _depth(_SOFT_ALPHA) + edges * _depth(_EDGE_ALPHA)  # categories x columns
    total = depth.sum(axis=0)
    alpha = -np.expm1(-total)
    mixed = depth.T @ rgb / np.maximum(total, 1e-12)[:, None]
    lane = np.empty((width, 4))
    lane[:, :3] = mixed * alpha[:, None]
    lane[:, 3] = alpha * 255
    lane = np.rint(lane).astype(np.uint8)
    caps = np.zeros_like(lane)

    crisp_cats, middles = places.crisp
    if len(middles):
        starts = column(middles) - two_px // 2
        columns = np.arange(width)
        # The last line starting at or left of a column is the one on top and, all lines being
        # as wide and sorted, the only one that can still reach it.
        last = np.searchsorted(starts, columns, side="right") - 1
        hit = (last >= 0) & (starts[np.maximum(last, 0)] + two_px > columns)
        lane[hit, :3] = rgb[crisp_cats[last[hit]]]
        lane[hit, 3] = 255
        caps[hit] = lane[hit]
    pixels = np.empty((height, width, 4), np.uint8)
    pixels[:] = caps
    pixels[body] = lane
    return pixels


# --- dates typed by people --------------------------------------------------------------------

DATE_HINT = "try 2015, 2015-09, 2015-09-30 or 17 Jan 2025"


def parse_date_entry(text: str) -> int:
    """The first day of a typed date: EDTF/ISO ("2015-09", "1941") or written ("17 Jan 2025",
    "January 2025", "500 BC"), read as the file readers read dates. Raises `DateError`."""
    if not text.strip():
        raise DateError("type a date first")
    from mapexplorer.formats.dates import parse_date  # the readers' date rules: when typed

    return parse_date(text.strip(), unix=False).start


# --- the track --------------------------------------------------------------------------------

# Era hues: distinct, and drawn with alpha so they read on dark and light palettes alike.
_ERA_HUES = ["#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#b07aa1", "#76b7b2", "#edc948", "#9c755f"]

_PAD = 10  # room for the handle at either end
_ERA_H = 17  # the era bands and the tick labels at the normal text size: taller for a larger
_LABEL_H = 15  # font (View > Larger text), whose labels were cut off (see `_fit_text_rows`)
_HIST_BIN_PX = 4
_SOFT_ALPHA = 38  # a soft band (uncertain or spanning dates)
_EDGE_ALPHA = 140  # the 2-px left edge of a soft band
# Above this many events the lane is one numpy-made image: drawing band by band from Python
# costs ~16 µs an event (0.5-0.8 s at 100,000, on the GUI thread).
_RASTER_ABOVE = 500


def _with_alpha(colour: QColor | str, alpha: int) -> QColor:
    result = QColor(colour)
    result.setAlpha(alpha)
    return result


class TimelineTrack(QWidget):
    """The painted track: eras, density, events, the window and the handle. Takes focus."""

    play_toggle_requested = Signal()

    def __init__(self, state: ExplorerState, axis: TimeAxis, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self._axis = axis
        self._static: QPixmap | None = None  # eras, histogram, events, ticks: redrawn rarely
        self._painted_span: tuple[float, float, float] | None = None  # `_moving_span` last drawn
        self._dragging = False
        # Per catalogue and axis: where the events are drawn (see `_places`) and what hover
        # looks up (see `_hover_index`).
        self._places_of: tuple[Catalogue, TimeAxis, _EventPlaces] | None = None
        self._hover_of: tuple[Catalogue, TimeAxis, np.ndarray, list[Event]] | None = None
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        # Every pixel comes from the opaque static pixmap: Qt need not paint the parents first.
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self._era_h, self._label_h = _ERA_H, _LABEL_H
        self._fit_text_rows()
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName("Time track")
        self.setToolTip("Click or drag to set the time; click an era to show it")
        self.setAccessibleDescription(
            "Left and Right step, Page Up and Page Down jump between events, Alt+Page Up and "
            "Alt+Page Down between chapters, Home and End go to the ends, Space plays"
        )

    # --- geometry -----------------------------------------------------------------------------
    @property
    def axis(self) -> TimeAxis:
        return self._axis

    def set_axis(self, axis: TimeAxis) -> None:
        self._axis = axis
        self.invalidate()

    def invalidate(self) -> None:
        """Drop the cached static layer (new catalogue, axis, size or palette)."""
        self._static = None
        self.update()

    def _track_width(self) -> float:
        return max(1.0, self.width() - 2 * _PAD)

    def x_for_position(self, position: float) -> float:
        return _PAD + position * self._track_width()

    def position_at(self, x: float) -> float:
        return min(1.0, max(0.0, (x - _PAD) / self._track_width()))

    def x_for_day(self, day: int) -> float:
        """The x of the middle of a day, in widget pixels."""
        return self.x_for_position(self._axis.position(day))

    def day_at(self, x: float) -> int:
        return self._axis.day(self.position_at(x))

    def _x_edge(self, coordinate: float) -> float:
        return self.x_for_position(self._axis.position_of(coordinate))

    def _events_rect(self) -> QRectF:
        era_h, label_h = self._era_h, self._label_h
        return QRectF(_PAD, era_h + 1, self._track_width(), self.height() - era_h - label_h - 1)

    def era_at_x(self, x: float) -> Era | None:
        coordinate = self._axis.coordinate_at(self.position_at(x))
        for era in self.state.catalogue.eras:
            if era.time.start <= coordinate < era.time.end + 1:
                return era
        return None

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(800, 84)

    # --- painting -----------------------------------------------------------------------------
    def _small_font(self) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(max(7.0, font.pointSizeF() * 0.85))
        return font

    def _fit_text_rows(self) -> None:
        """The era bands and the tick labels' row, as tall as their font needs (never less than
        at the normal size), and the track tall enough for both (on a font change)."""
        line = QFontMetrics(self._small_font()).height()
        self._era_h = max(_ERA_H, line + 3)
        self._label_h = max(_LABEL_H, line + 1)
        self.setMinimumHeight(self._era_h + self._label_h + 30)

    def _build_static(self) -> QPixmap:
        ratio = self.devicePixelRatioF()
        pixmap = QPixmap(QSize(int(self.width() * ratio), int(self.height() * ratio)))
        pixmap.setDevicePixelRatio(ratio)
        pal = self.palette()
        # Opaque (the window's own colour), so each repaint copies pixels rather than blends.
        pixmap.fill(pal.color(QPalette.ColorRole.Window))
        text = pal.color(QPalette.ColorRole.WindowText)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        area = self._events_rect()
        painter.fillRect(area, pal.color(QPalette.ColorRole.Base))
        catalogue = self.state.catalogue
        self._paint_eras(painter, catalogue, area, text)
        if catalogue.events:  # (an empty window, at launch: before its file is read)
            self._paint_histogram(painter, catalogue, area, text)
            self._paint_events(painter, catalogue, area)
            self._paint_ticks(painter, area, text)
        painter.setPen(QPen(_with_alpha(text, 70), 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(area.adjusted(-0.5, -0.5, 0.5, 0.5))
        painter.end()
        return pixmap

    def _paint_eras(self, painter: QPainter, catalogue: Catalogue, area: QRectF, text: QColor):
        painter.setFont(self._small_font())
        metrics = QFontMetrics(painter.font())
        for i, era in enumerate(catalogue.eras):
            x0 = self._x_edge(era.time.start)
            x1 = self._x_edge(era.time.end + 1)
            if x1 <= x0:
                continue
            hue = _ERA_HUES[i % len(_ERA_HUES)]
            band = QRectF(x0, 0, x1 - x0, self._era_h)
            painter.fillRect(band, _with_alpha(hue, 110))
            # A faint wash down the event area shows where the chapters change.
            painter.fillRect(QRectF(x0, area.top(), x1 - x0, area.height()), _with_alpha(hue, 22))
            painter.setPen(QPen(_with_alpha(text, 90), 1))
            painter.drawLine(QPointF(x0, 0), QPointF(x0, self._era_h))
            label = metrics.elidedText(era.label, Qt.TextElideMode.ElideRight, int(x1 - x0) - 6)
            if label and label != "…":
                painter.setPen(text)
                painter.drawText(
                    band.adjusted(3, 0, -3, 0),
                    int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
                    label,
                )

    def _paint_histogram(self, painter: QPainter, catalogue: Catalogue, area: QRectF, text: QColor):
        starts = catalogue.starts_in_order()  # chronological: sorted by start already
        bins = max(1, int(area.width() // _HIST_BIN_PX))
        counts = self._axis.histogram(starts, bins)
        top = max(counts, default=0)
        if not top:
            return
        colour = _with_alpha(self.palette().color(QPalette.ColorRole.Highlight), 130)
        bin_w = area.width() / bins
        room = area.height() * 0.55
        for k, count in enumerate(counts):
            if count:
                # Square root: one event is still visible next to a hundred.
                h = max(2.0, room * math.sqrt(count / top))
                painter.fillRect(
                    QRectF(area.left() + k * bin_w, area.bottom() - h, bin_w - 1, h), colour
                )

    def _places(self) -> _EventPlaces:
        """The events' track positions, made once per catalogue and axis."""
        catalogue, axis = self.state.catalogue, self._axis
        cached = self._places_of
        if cached is None or cached[0] is not catalogue or cached[1] is not axis:
            cached = self._places_of = (catalogue, axis, _EventPlaces.of(catalogue, axis))
        return cached[2]

    def _hover_index(self) -> tuple[np.ndarray, list[Event]]:
        """Every event's track position (the middle of its first day) and the events, both in
        chronological order: made at the first hover per catalogue and axis, not at drawing."""
        catalogue, axis = self.state.catalogue, self._axis
        cached = self._hover_of
        if cached is None or cached[0] is not catalogue or cached[1] is not axis:
            middles = axis.positions_of(catalogue.columns.start + 0.5)
            cached = self._hover_of = (catalogue, axis, middles, catalogue.chronological())
        return cached[2], cached[3]

    def _paint_events(self, painter: QPainter, catalogue: Catalogue, area: QRectF):
        import numpy as np

        places = self._places()
        lane = QRectF(area.left(), area.top() + 3, area.width(), area.height() * 0.42)
        if len(catalogue.events) > _RASTER_ABOVE:
            self._paint_lane_image(painter, lane, places, catalogue.columns.categories)
            return
        track_w = self._track_width()
        cats, p0, p1 = places.soft
        x0 = _PAD + p0 * track_w
        x1 = np.maximum(x0 + 2, _PAD + p1 * track_w)  # a soft band is at least 2 px wide
        crisp_cats, crisp_x = places.crisp[0], _PAD + places.crisp[1] * track_w
        colours = [QColor(category_colour(name)) for name in catalogue.columns.categories]
        # Events can share pixels: each distinct rectangle or line is drawn once, a band drawn
        # k times as one with the alpha of k layers (1 - (1 - a)^k). Soft bands first, so the
        # crisp ticks stay on top.
        for i, count, a, b in _distinct(np.arange(len(x0)), cats, x0, x1):
            colour = colours[cats[i]]
            width = b - a
            painter.fillRect(
                QRectF(a, lane.top(), width, lane.height()),
                _with_alpha(colour, _layers(_SOFT_ALPHA, count)),
            )
            painter.fillRect(
                QRectF(a, lane.top(), min(2.0, width), lane.height()),
                _with_alpha(colour, _layers(_EDGE_ALPHA, count)),
            )
        rows = np.arange(len(crisp_x))
        for i, _count, x, _ in _distinct(rows, crisp_cats, crisp_x, crisp_x, last=True):
            painter.setPen(QPen(colours[crisp_cats[i]], 2))
            painter.drawLine(QPointF(x, lane.top() - 1), QPointF(x, lane.bottom() + 1))

    def _paint_lane_image(
        self, painter: QPainter, lane: QRectF, places: _EventPlaces, categories: list[str]
    ) -> None:
        """The lane for many events: per pixel column with numpy, drawn as one image."""
        import numpy as np

        ratio = self.devicePixelRatioF()
        width = int(self.width() * ratio)

        def row(y: float) -> int:  # the first device row whose centre is at or below y
            return math.ceil(y * ratio - 0.5)

        # The crisp lines' square caps reach 2 px above and below the bands.
        top, bottom = row(lane.top() - 2), row(lane.bottom() + 2)
        body = slice(row(lane.top()) - top, row(lane.bottom()) - top)
        rgb = np.array([QColor(category_colour(n)).getRgb()[:3] for n in categories], np.float64)
        scale, shift = self._track_width() * ratio, _PAD * ratio
        pixels = _raster_lane(places, rgb, width, bottom - top, body, scale, shift, ratio)
        # QImage only borrows `pixels`, which lives till the end of this method.
        image = QImage(
            pixels.data, width, bottom - top, width * 4, QImage.Format.Format_RGBA8888_Premultiplied
        )
        image.setDevicePixelRatio(ratio)
        painter.drawImage(QPointF(0, top / ratio), image)

    def _paint_ticks(self, painter: QPainter, area: QRectF, text: QColor):
        font = self._small_font()
        painter.setFont(font)
        metrics = QFontMetrics(font)
        spacing = max(60.0, metrics.horizontalAdvance("00 Sep 2024") + 6)
        painter.setPen(QPen(_with_alpha(text, 160), 1))
        for day, label in self._axis.ticks(area.width(), spacing):
            x = self.x_for_day(day)
            painter.drawLine(QPointF(x, area.bottom()), QPointF(x, area.bottom() + 4))
            painter.drawText(
                QRectF(x + 2, area.bottom() + 1, spacing - 4, self._label_h - 1),
                int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
                label,
            )

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        if self._static is None or self._static.deviceIndependentSize().toSize() != self.size():
            self._static = self._build_static()
        painter = QPainter(self)
        painter.drawPixmap(0, 0, self._static)
        if not self.state.catalogue.events:
            return  # the window at launch, before its file is read: no time to show yet
        pal = self.palette()
        highlight = pal.color(QPalette.ColorRole.Highlight)
        area = self._events_rect()
        state = self.state

        # The time window: what the map shows now. Whole pixels and no antialiasing: this is
        # repainted at every slider move, and an unaligned translucent fill is far slower.
        x0, x1, handle_x = self._painted_span = self._moving_span()
        if x1 > x0:
            left, right = round(x0), max(round(x0) + 1, round(x1))
            top, bottom = math.floor(area.top()), math.ceil(area.bottom())
            painter.fillRect(
                QRect(left, top, right - left, bottom - top), _with_alpha(highlight, 50)
            )
            painter.setPen(QPen(_with_alpha(highlight, 150), 1))
            painter.drawLine(left, top, left, bottom - 1)
            painter.drawLine(right - 1, top, right - 1, bottom - 1)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)

        selected = state.selected_event
        if selected is not None:
            sx0 = self._x_edge(selected.time.start)
            sx1 = max(sx0 + 3, self._x_edge(selected.time.end + 1))
            painter.setPen(QPen(highlight, 2))
            painter.setBrush(_with_alpha(highlight, 90))
            painter.drawRoundedRect(
                QRectF(sx0 - 1, area.top() + 1, sx1 - sx0 + 2, area.height() - 2), 2, 2
            )

        # The handle: a line through the events and a knob over the era band.
        painter.setPen(QPen(highlight, 2))
        painter.drawLine(QPointF(handle_x, 2), QPointF(handle_x, area.bottom()))
        knob = QPainterPath()
        knob.moveTo(handle_x - 6, 0)
        knob.lineTo(handle_x + 6, 0)
        knob.lineTo(handle_x, 8)
        knob.closeSubpath()
        painter.setPen(QPen(pal.color(QPalette.ColorRole.HighlightedText), 1))
        painter.setBrush(highlight)
        painter.drawPath(knob)
        if self.hasFocus():
            painter.setPen(QPen(highlight, 1, Qt.PenStyle.DotLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5))
        painter.end()

    def show_time(self) -> None:
        """Repaint what a time move changes: the old and the new window and handle, not the
        whole track (a slider move repaints a few dozen pixel columns, not 1,200)."""
        old = self._painted_span
        if old is None or self._static is None:
            self.update()
            return
        new = self._moving_span()
        if new == old:
            return
        if self.state.mode is TimeMode.WINDOW:
            region = QRegion(self._columns(min(old), max(old))) | QRegion(
                self._columns(min(new), max(new))
            )
        else:  # the band runs from the start to the handle: only the stretch between moves
            region = QRegion(self._columns(min(old[2], new[2]), max(old[2], new[2])))
        self.update(region)

    def _columns(self, left: float, right: float) -> QRect:
        """The track's full height between two x, with room for the handle's knob and pens."""
        margin = 8
        return QRect(int(left) - margin, 0, int(right - left) + 2 * margin + 1, self.height())

    def _moving_span(self) -> tuple[float, float, float]:
        """Where the time window starts and ends, and where the handle is (x)."""
        area, state = self._events_rect(), self.state
        handle_x = self.x_for_day(state.time)
        first, last = state.window()
        x0 = self._x_edge(first) if state.mode is TimeMode.WINDOW else area.left()
        x1 = self._x_edge(last + 1) if state.mode is TimeMode.WINDOW else handle_x
        return max(area.left(), x0), min(area.right(), x1), handle_x

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        self._static = None
        super().resizeEvent(event)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.FontChange):
            self._static = None
        if event.type() == QEvent.Type.FontChange:
            self._fit_text_rows()
        super().changeEvent(event)

    # --- input --------------------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        if event.button() != Qt.MouseButton.LeftButton:
            return super().mousePressEvent(event)
        pos = event.position()
        if pos.y() < self._era_h:
            era = self.era_at_x(pos.x())
            if era is not None:
                self.state.choose_era(era)
                return None
        self._dragging = True
        self.state.set_time(self.day_at(pos.x()))
        return None

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        if self._dragging and event.buttons() & Qt.MouseButton.LeftButton:
            self.state.set_time(self.day_at(event.position().x()))

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        self._dragging = False
        super().mouseReleaseEvent(event)

    def hover_text(self, x: float) -> str:
        """What the tooltip says at `x`: the date there, its era, and events right under it."""
        import numpy as np

        lines = [day_words(self.day_at(x))]
        era = self.era_at_x(x)
        if era is not None:
            lines.append(era.label)
        # Events within 4 px; thousands at 100,000 events, so only the first five are read.
        middles, events = self._hover_index()
        track_w = self._track_width()
        lo = int(np.searchsorted(middles, (x - 4 - _PAD) / track_w, side="left"))
        hi = int(np.searchsorted(middles, (x + 4 - _PAD) / track_w, side="right"))
        lines += [f"• {e.title}" for e in events[lo : min(hi, lo + 5)]]
        if hi - lo > 5:
            lines.append(f"… and {hi - lo - 5} more")
        return "\n".join(lines)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            QToolTip.showText(event.globalPos(), self.hover_text(event.pos().x()), self)
            return True
        return super().event(event)

    def step_small(self, direction: int) -> None:
        """Left/Right: 1/500 of the track, and always at least a day."""
        axis, now = self._axis, self.state.time
        target = axis.day(axis.position(now) + direction / 500)
        if target == now:
            target = now + direction
        self.state.set_time(target)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        key = event.key()
        start, end = self._axis.start, self._axis.end
        actions: dict[int, Callable[[], Any]] = {
            Qt.Key.Key_Left: lambda: self.step_small(-1),
            Qt.Key.Key_Right: lambda: self.step_small(+1),
            Qt.Key.Key_PageUp: lambda: self.state.step_event(-1),
            Qt.Key.Key_PageDown: lambda: self.state.step_event(+1),
            Qt.Key.Key_Home: lambda: self.state.set_time(start),
            Qt.Key.Key_End: lambda: self.state.set_time(end),
            Qt.Key.Key_Space: self.play_toggle_requested.emit,
        }
        action = actions.get(key)
        if action is None:
            return super().keyPressEvent(event)
        action()
        event.accept()
        return None


# --- the whole slider -------------------------------------------------------------------------

_SPEEDS = [("0.5×", 0.5), ("1×", 1.0), ("2×", 2.0), ("4×", 4.0)]
_WINDOWS = WINDOW_WIDTHS
_WINDOW_DAYS = {days for _label, days in _WINDOWS}
_CROSSING_SECONDS = 30.0  # 1× playback crosses the whole track in this time
_FRAME_MS = 33
_MAX_STEP_SECONDS = 0.25  # after a stall, jump at most this much playback time at once


def _span_words(days: int) -> str:
    if days >= 700:
        return f"{days / 365.25:.0f} years"
    if days >= 60:
        return f"{days / 30.44:.0f} months"
    return counted(days, "day")


class DateLine(QWidget):
    """One line of plain text (the current date and era) that changes many times a second.

    A QLabel would ask its layout to lay the whole row out again at every new text (its size
    hint may have changed), which cost ~1.5 ms a slider move; this line keeps one size and
    only repaints itself, eliding what does not fit."""

    def __init__(self, room_for: str, least: str, parent: QWidget | None = None) -> None:
        """Wide enough for `room_for` when there is room, never narrower than `least` (the
        rest is elided in a small window, so the controls beside it keep their size)."""
        super().__init__(parent)
        self._text = ""
        self._room_for, self._least_text = room_for, least
        self._fit_font()
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        # It paints its own background: a new text need not repaint the window behind it.
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)

    def _fit_font(self) -> None:
        """The sizes for the font now: at 200% text the line kept its normal size's room and
        cut the date short ("31 Januar…") while the window had room for it."""
        metrics = self.fontMetrics()
        self._hint = QSize(metrics.horizontalAdvance(self._room_for), metrics.height() + 4)
        self._least = QSize(metrics.horizontalAdvance(self._least_text), self._hint.height())
        head, sep, tail = self._room_for.partition(self.SEPARATOR)
        self._shared = metrics.horizontalAdvance(f"{head}{sep}{tail[: len(tail) // 2]}…")
        self.setMinimumWidth(self._least.width())
        self.updateGeometry()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.FontChange:
            self._fit_font()
        super().changeEvent(event)

    def text(self) -> str:
        return self._text

    def setText(self, text: str) -> None:  # noqa: N802 (the QLabel name it stands in for)
        if text != self._text:
            self._text = text
            self.setAccessibleDescription(text)
            # Whole, when the line is cut short; as written (an era's "<b>" is not markup).
            self.setToolTip(plain_tooltip(text))
            self.update()

    SEPARATOR = "  ·  "
    LEAST_TAIL = 4
    """The fewest letters of the part after `SEPARATOR` (the era) worth showing: fewer ("W…")
    say nothing, and the line shows the date alone."""

    def shown_text(self) -> str:
        """The text as it fits the line: whole; or the era cut short; or, with no room for a
        word of it, the date alone (cut short only when even that does not fit)."""
        metrics, room = self.fontMetrics(), self.width()
        if metrics.horizontalAdvance(self._text) <= room:
            return self._text
        head, sep, tail = self._text.partition(self.SEPARATOR)
        if sep:
            left = room - metrics.horizontalAdvance(head + sep)
            cut = metrics.elidedText(tail, Qt.TextElideMode.ElideRight, left)
            if len(cut.rstrip("…").rstrip()) >= min(self.LEAST_TAIL, len(tail)):
                return head + sep + cut
        return metrics.elidedText(head, Qt.TextElideMode.ElideRight, room)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        return self._hint

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        return self._least

    def shared_width(self) -> int:
        """The room that keeps the line worth reading beside other controls on their row:
        the longest date, and half of the longest era's name ("Empire and…"), which the line
        elides (whole in its tooltip). Room for all of it put the timeline's controls on two
        rows at 1366 px and 150% text, where "31 January 2025 · War in Ukraine" fitted."""
        return self._shared

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt API)
        painter = QPainter(self)
        painter.fillRect(event.rect(), self.palette().color(QPalette.ColorRole.Window))
        painter.setPen(self.palette().color(QPalette.ColorRole.WindowText))
        shown = self.shown_text()
        painter.drawText(
            self.rect(), int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft), shown
        )


class QtTimeline(QWidget):
    """The time slider: the track, playback, stepping, a date box, mode and window controls.

    Signals: `playing_changed(bool)`. The map calls `frame_ready()` after drawing a time, and
    the main window calls `set_waits_for_frames(True)` once a map is connected.
    """

    playing_changed = Signal(bool)

    def __init__(self, state: ExplorerState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self._speed = 1.0
        self._waits_for_frames = False
        self._awaiting_frame = False
        self._play_position = 0.0  # float, so sub-day steps accumulate in the dense years
        self._clock = QElapsedTimer()
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(_FRAME_MS)
        self._timer.timeout.connect(self._advance)
        self.dropped_frames = 0  # ticks skipped while the map was still drawing
        self._message_time: int | None = None  # the time the date box's message is about

        self.track = TimelineTrack(state, self._make_axis(state.catalogue, linear=False), self)
        self.track.play_toggle_requested.connect(self.toggle_play)
        self._build_controls()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.setSpacing(2)
        layout.addWidget(self.track, 1)
        layout.addLayout(self._controls)
        layout.addWidget(self.date_error)

        self._subscriptions = [
            (state.time_changed, self._on_time_changed),
            (state.mode_changed, self._on_mode_changed),
            (state.window_changed, self._on_window_changed),
            (state.catalogue_changed, self._on_catalogue_changed),
            (state.selection_changed, self._on_repaint),
            (state.era_changed, self._on_repaint),
        ]
        for signal, callback in self._subscriptions:
            signal.connect(callback)
        # The state can outlive this widget: stop calling into a deleted C++ object.
        subscriptions = self._subscriptions
        self.destroyed.connect(lambda *_: _unsubscribe(subscriptions))
        self._on_mode_changed(state.mode)
        self._on_window_changed(state.window_days)
        self._on_time_changed(state.time)
        self._show_playable(state.catalogue)

    # --- construction -------------------------------------------------------------------------
    @staticmethod
    def _make_axis(catalogue: Catalogue, linear: bool) -> TimeAxis:
        return TimeAxis.from_catalogue(catalogue, focus=DEFAULT_FOCUS, linear=linear)

    def _icon_size(self) -> QSize:
        """The buttons' icons, as much larger than the style's as the text is (View ▸ Larger
        text): at 200% they stayed small beside the dates."""
        side = round(self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize) * text_scale())
        return QSize(side, side)

    def _icon(self, which: QStyle.StandardPixmap) -> QIcon:
        """A standard media icon in the palette's text colour, at `_icon_size`: the stock ones
        are dark glyphs that vanish on a dark palette."""
        size = self._icon_size().expandedTo(QSize(20, 20))
        base = self.style().standardIcon(which).pixmap(size)
        if base.width() < size.width() * base.devicePixelRatio():  # a stock icon only this big
            base = base.scaled(
                size * base.devicePixelRatio(),
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        tinted = QPixmap(base.size())
        tinted.setDevicePixelRatio(base.devicePixelRatio())
        tinted.fill(Qt.GlobalColor.transparent)
        painter = QPainter(tinted)
        painter.drawPixmap(0, 0, base)
        painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceIn)
        painter.fillRect(tinted.rect(), self.palette().buttonText().color())
        painter.end()
        return QIcon(tinted)

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        redrawn = (QEvent.Type.PaletteChange, QEvent.Type.FontChange)
        if event.type() in redrawn and hasattr(self, "next_button"):
            sp = QStyle.StandardPixmap
            for button in (self.play_button, self.previous_button, self.next_button):
                button.setIconSize(self._icon_size())
            playing = sp.SP_MediaPause if self.is_playing() else sp.SP_MediaPlay
            self.play_button.setIcon(self._icon(playing))
            self.previous_button.setIcon(self._icon(sp.SP_MediaSkipBackward))
            self.next_button.setIcon(self._icon(sp.SP_MediaSkipForward))
        if event.type() == QEvent.Type.FontChange and hasattr(self, "date_edit"):
            # Larger text: the controls need more room, and one row may no longer hold them
            # (its layout is chosen again once every control has its new font).
            self._fit_date_box()
            QTimer.singleShot(0, self, self._rearrange_controls)
        super().changeEvent(event)

    def _rearrange_controls(self) -> None:
        self._one_row = None
        self._arrange_controls()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        self._arrange_controls()

    def _button(self, pixmap: QStyle.StandardPixmap, name: str, tip: str) -> QToolButton:
        button = QToolButton(self)
        button.setIcon(self._icon(pixmap))
        button.setIconSize(self._icon_size())
        button.setAccessibleName(name)
        button.setToolTip(tip)
        button.setAutoRaise(True)
        return button

    def _build_controls(self) -> None:
        sp = QStyle.StandardPixmap
        self.play_button = self._button(sp.SP_MediaPlay, "Play", "Play through time (Space)")
        self.play_button.clicked.connect(self.toggle_play)

        self.speed_combo = QComboBox(self)
        for label, speed in _SPEEDS:
            self.speed_combo.addItem(label, speed)
        self.speed_combo.setCurrentIndex(1)
        self.speed_combo.setAccessibleName("Playback speed")
        self.speed_combo.setToolTip("Playback speed: 1× crosses the whole track in 30 seconds")
        self.speed_combo.currentIndexChanged.connect(
            lambda i: self.set_speed(self.speed_combo.itemData(i))
        )

        self.previous_button = self._button(
            sp.SP_MediaSkipBackward, "Previous event", "Go to the previous event (Page Up)"
        )
        self.previous_button.clicked.connect(lambda: self.state.step_event(-1))
        self.next_button = self._button(
            sp.SP_MediaSkipForward, "Next event", "Go to the next event (Page Down)"
        )
        self.next_button.clicked.connect(lambda: self.state.step_event(+1))

        # Room for a long date and era, so the row does not jump about while playing.
        self.date_label = DateLine(
            "30 September 2025  ·  Empire and revolution", "30 September 2025", self
        )
        self.date_label.setAccessibleName("Current date and era")

        self.date_edit = QLineEdit(self)
        self.date_edit.setPlaceholderText("Go to date")
        self.date_edit.setClearButtonEnabled(True)
        self.date_edit.setAccessibleName("Go to date")
        self.date_edit.setToolTip(f"Jump to a date and press Enter: {DATE_HINT}")
        self._fit_date_box()
        self.date_edit.returnPressed.connect(self._go_to_typed_date)
        self.date_edit.textEdited.connect(lambda _: self._show_date_message(""))

        # On a line of its own under the controls, wrapped: beside the box, a long message
        # ("'hello' is not a date we can read: write it as …") widened the whole window.
        self.date_error = QLabel(self)
        self.date_error.setAccessibleName("Date error")
        self.date_error.setToolTip("Why the date could not be used")
        self.date_error.setTextFormat(Qt.TextFormat.PlainText)
        self.date_error.setWordWrap(True)
        self.date_error.hide()

        self.mode_combo = QComboBox(self)
        # Plain strings as item data: Qt turns a str-Enum into a str anyway.
        self.mode_combo.addItem("Window", TimeMode.WINDOW.value)
        self.mode_combo.addItem("Cumulative", TimeMode.CUMULATIVE.value)
        self.mode_combo.setAccessibleName("Time mode")
        self.mode_combo.setToolTip(
            "Window: events around the current time. Cumulative: everything up to it."
        )
        self.mode_combo.currentIndexChanged.connect(
            lambda i: self.state.choose_mode(self.mode_combo.itemData(i))
        )

        self.window_combo = QComboBox(self)
        for label, days in _WINDOWS:
            self.window_combo.addItem(label, days)
        # Room for the width an era sets ("Custom: 128 years"), added after the layout is made.
        self.window_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.window_combo.setMinimumContentsLength(len("Custom: 128 years"))
        self.window_combo.setAccessibleName("Window width")
        self.window_combo.setToolTip("How much time around the current date the map shows")
        self.window_combo.currentIndexChanged.connect(self._on_window_chosen)
        # Picked by the user (even the width shown already): remembered for the next stories.
        self.window_combo.activated.connect(self._on_window_picked)

        self.focus_check = QCheckBox("Focus on dense years", self)
        self.focus_check.setChecked(True)
        self.focus_check.setAccessibleName("Focus on dense years")
        self.focus_check.setToolTip(
            "Give the years with many events more of the track; off: time runs evenly"
        )
        self.focus_check.toggled.connect(self.set_focus_on_dense_years)

        self._rows = (QHBoxLayout(), QHBoxLayout())
        self._controls = QVBoxLayout()
        self._controls.setSpacing(2)
        for row in self._rows:
            row.setContentsMargins(0, 0, 0, 0)
            row.setSpacing(4)
            self._controls.addLayout(row)
        self._one_row: bool | None = None
        self._arrange_controls()

    def _fit_date_box(self) -> None:
        """Room to read what is typed ("17 January 2025") beside its clear button, however
        small the window, at any text size (at 200% the box kept its normal size's width)."""
        typed = self.date_edit.fontMetrics().horizontalAdvance("17 January 2025")
        self.date_edit.setMinimumWidth(typed + 36)
        self.date_edit.setMaximumWidth(max(150, typed + 48))

    _PLAYBACK = ("play_button", "speed_combo", "previous_button", "next_button")
    _DATE = ("date_label", "date_edit")
    _VIEW = ("mode_combo", "window_combo", "focus_check")
    _GAP = 6  # between the playback, date and view groups

    def _row_width(self, names: tuple[str, ...], gaps: int, least: bool = False) -> int:
        """The width of a row of these controls, with `gaps` gaps between groups, at their
        natural size (or at their least), and the timeline's margins."""
        widgets = [getattr(self, name) for name in names]
        if least:
            widths = [max(w.minimumSizeHint().width(), w.minimumWidth()) for w in widgets]
        else:  # the date line shares its row: its era may be cut short there
            widths = [
                w.shared_width() if w is self.date_label else w.sizeHint().width() for w in widgets
            ]
        margins = self.layout().contentsMargins() if self.layout() else None
        sides = margins.left() + margins.right() if margins else 0
        return sum(widths) + 4 * (len(widths) - 1) + gaps * self._GAP + sides

    def _one_row_width(self) -> int:
        """The width that holds every control on one row at its natural size (the date line
        with room for the longest date and half an era's name: `DateLine.shared_width`)."""
        return self._row_width((*self._PLAYBACK, *self._DATE, *self._VIEW), gaps=2)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        """As narrow as two rows of controls allow, even while they are on one: a window
        snapped to half the screen (or resized there at once) is let in, and the controls
        then move to two rows."""
        hint = super().minimumSizeHint()
        first = self._row_width((*self._PLAYBACK, *self._DATE), gaps=1, least=True)
        second = self._row_width(self._VIEW, gaps=0, least=True)
        return QSize(min(hint.width(), max(first, second)), hint.height())

    def _arrange_controls(self) -> None:
        """One row of controls when everything fits at its natural size; narrower, the mode,
        width and focus controls go to a second row, as the event list's filters do, so the
        window can be as narrow as half a laptop's screen."""
        one_row = self.width() >= self._one_row_width()
        if one_row == self._one_row:
            return
        self._one_row = one_row
        first, second = self._rows
        for row in self._rows:
            while row.count():
                row.takeAt(0)  # widgets stay children of the timeline; spacers go
        for name in self._PLAYBACK:
            first.addWidget(getattr(self, name))
        first.addSpacing(self._GAP)
        first.addWidget(self.date_label, 1)
        first.addWidget(self.date_edit)
        view_row = first if one_row else second
        if one_row:
            view_row.addSpacing(self._GAP)
        for name in self._VIEW:
            view_row.addWidget(getattr(self, name))
        if not one_row:
            view_row.addStretch(1)

    # --- public API ---------------------------------------------------------------------------
    @property
    def axis(self) -> TimeAxis:
        return self.track.axis

    def is_playing(self) -> bool:
        return self._timer.isActive()

    def play(self) -> None:
        """Run time forward from here (from the start when at the end)."""
        if self.is_playing() or self.axis.end <= self.axis.start:
            return  # a story of a single day has no time to play through
        if self.state.time >= self.axis.end:
            self.state.set_time(self.axis.start)
        self._play_position = self.axis.position(self.state.time)
        self._awaiting_frame = False
        self._clock.start()
        self._timer.start()
        self._show_playing(True)

    def pause(self) -> None:
        if not self.is_playing():
            return
        self._timer.stop()
        self._show_playing(False)

    def stop(self) -> None:
        """Same as `pause` (the window calls it on closing)."""
        self.pause()

    def toggle_play(self) -> None:
        self.pause() if self.is_playing() else self.play()

    def speed(self) -> float:
        return self._speed

    def set_speed(self, speed: float) -> None:
        self._speed = float(speed)
        index = self.speed_combo.findData(self._speed)
        if index >= 0 and index != self.speed_combo.currentIndex():
            self.speed_combo.setCurrentIndex(index)

    def waits_for_frames(self) -> bool:
        return self._waits_for_frames

    def set_waits_for_frames(self, wait: bool) -> None:
        """With a map connected, play one time per drawn frame; without, never wait."""
        self._waits_for_frames = bool(wait)
        if not wait:
            self._awaiting_frame = False

    def frame_ready(self, *_: object) -> None:
        """The map has drawn the current time: playback may move on (arguments are ignored,
        so a map's `frame_drawn(n)` signal can connect straight to it)."""
        self._awaiting_frame = False

    def set_focus_on_dense_years(self, focus: bool) -> None:
        """Focus+context axis (`True`) or a linear one (`False`)."""
        if self.focus_check.isChecked() != focus:
            self.focus_check.setChecked(focus)  # re-enters through toggled
            return
        self.track.set_axis(self.axis.with_linear(not focus))
        self._play_position = self.axis.position(self.state.time)

    def _go_to_typed_date(self) -> None:
        """Enter in the date box. Gone there, the date stays, selected: the next one typed
        replaces it (it was typed on after it, "1941" then "1950" making "19411950")."""
        if self.go_to_date(self.date_edit.text()):
            self.date_edit.selectAll()

    def go_to_date(self, text: str) -> bool:
        """Jump to a typed date; on bad input show why beside the box and leave time alone."""
        try:
            day = parse_date_entry(text)
        except DateError as exc:
            self._show_date_message(str(exc), error=True)
            self._message_time = self.state.time
            return False
        start, end = self.axis.start, self.axis.end
        if day < start or day > end:
            edge = "start" if day < start else "end"
            self._show_date_message(f"outside the story: went to its {edge}")
        else:
            self._show_date_message("")
        # The note is about where the slider lands: set before the move, which would clear it.
        self._message_time = min(max(day, start), end)
        self.state.set_time(day)
        self._message_time = self.state.time
        return True

    # --- playback -----------------------------------------------------------------------------
    def _advance(self) -> None:
        if self._waits_for_frames and self._awaiting_frame:
            # Drop this frame rather than queue it: the map is still drawing the last one.
            self.dropped_frames += 1
            return
        elapsed = min(self._clock.restart() / 1000.0, _MAX_STEP_SECONDS)
        axis, state = self.axis, self.state
        if axis.day(self._play_position) != state.time:
            self._play_position = axis.position(state.time)  # moved by hand while playing
        self._play_position += elapsed * self._speed / _CROSSING_SECONDS
        if self._play_position >= 1.0:
            state.set_time(axis.end)
            self.pause()
            return
        before = state.time
        state.set_time(axis.day(self._play_position))
        if state.time != before and self._waits_for_frames:
            self._awaiting_frame = True

    def _show_playing(self, playing: bool) -> None:
        sp = QStyle.StandardPixmap
        icon = sp.SP_MediaPause if playing else sp.SP_MediaPlay
        self.play_button.setIcon(self._icon(icon))
        self.play_button.setAccessibleName("Pause" if playing else "Play")
        self.play_button.setToolTip("Pause (Space)" if playing else "Play through time (Space)")
        self.playing_changed.emit(playing)

    # --- state → view -------------------------------------------------------------------------
    def _show_date_message(self, message: str, error: bool = False) -> None:
        if not message:
            self.date_error.hide()
            self.date_error.clear()
            return
        pal = self.palette()
        if error:
            dark = pal.color(QPalette.ColorRole.Window).lightness() < 128
            colour = QColor("#ff6b6b" if dark else "#c0392b")
        else:
            colour = pal.color(QPalette.ColorRole.PlaceholderText)
        self.date_error.setStyleSheet(f"color: {colour.name()};")
        self.date_error.setText(message)
        self.date_error.show()

    def _on_time_changed(self, day: int) -> None:
        if day != self._message_time and not self.date_error.isHidden():
            self._show_date_message("")  # it was about the typed date, which is no longer shown
        if not self.state.catalogue.events:
            self.date_label.setText("")  # no date yet, rather than day 0 (1 January 1970)
            self.track.show_time()
            return
        era = self.state.catalogue.era_at(day)
        words = day_words(day)
        self.date_label.setText(f"{words}  ·  {era.label}" if era else words)
        self.track.show_time()

    def _on_mode_changed(self, mode: TimeMode) -> None:
        index = self.mode_combo.findData(TimeMode(mode).value)
        if index != self.mode_combo.currentIndex():
            self.mode_combo.blockSignals(True)
            self.mode_combo.setCurrentIndex(index)
            self.mode_combo.blockSignals(False)
        # A cumulative view has no width to choose.
        self.window_combo.setEnabled(mode is TimeMode.WINDOW)
        self.track.update()

    def _on_window_chosen(self, index: int) -> None:
        days = self.window_combo.itemData(index)
        if days is not None:
            self.state.set_window_days(days)

    def _on_window_picked(self, index: int) -> None:
        days = self.window_combo.itemData(index)
        if days is None:
            return
        story = self.state.story_days()
        if days not in _WINDOW_DAYS and story and days >= story:
            self.state.show_whole_story(chosen=True)  # "Whole story": as "All eras" is
        else:
            self.state.choose_window_days(days)  # remembered, when one of the box's own

    def _on_window_changed(self, days: int) -> None:
        self.window_combo.blockSignals(True)
        combo = self.window_combo
        custom = next(
            (i for i in range(combo.count()) if combo.itemData(i) not in _WINDOW_DAYS), -1
        )
        index = -1 if custom >= 0 and combo.itemData(custom) == days else combo.findData(days)
        if index < 0:
            # An era (or all of them) chose a width that is not in the list: show it rather
            # than lie.
            story = self.state.story_days()
            label = "Whole story" if story and days >= story else f"Custom: {_span_words(days)}"
            if custom < 0:
                self.window_combo.addItem(label, days)
                index = self.window_combo.count() - 1
            else:
                self.window_combo.setItemText(custom, label)
                self.window_combo.setItemData(custom, days)
                index = custom
        elif custom >= 0 and custom != index:
            self.window_combo.removeItem(custom)
            index = self.window_combo.findData(days)
        self.window_combo.setCurrentIndex(index)
        self.window_combo.blockSignals(False)
        self.track.update()

    def _on_catalogue_changed(self, catalogue: Catalogue) -> None:
        self.pause()
        self.track.set_axis(self._make_axis(catalogue, linear=not self.focus_check.isChecked()))
        self._show_playable(catalogue)
        self._offer_widths(self.state.story_days())
        self._on_window_changed(self.state.window_days)  # "Whole story" was the last one's
        self._on_time_changed(self.state.time)

    def _show_playable(self, catalogue: Catalogue) -> None:
        """A story of a single day has no time to play through: Play did nothing at all, where
        the exported page greys its button out. Greyed here too, saying why."""
        playable = self.axis.end > self.axis.start or not catalogue.events
        self.play_button.setEnabled(playable)
        self.speed_combo.setEnabled(playable)
        self.play_button.setToolTip(
            "Play through time (Space)"
            if playable
            else "A story of a single day has no time to play through"
        )

    def _offer_widths(self, story_days: int) -> None:
        """Grey out the widths longer than the whole story (50 and 100 years over an 11-day
        file): any of them showed every event at every time. "All eras" still shows it all."""
        model = self.window_combo.model()  # a QComboBox's own: a QStandardItemModel
        for index in range(self.window_combo.count()):
            days = self.window_combo.itemData(index)
            if days not in _WINDOW_DAYS:
                continue  # "Whole story", a chapter's "Custom: …"
            item = model.item(index)
            longer = bool(story_days) and days > story_days
            item.setEnabled(not longer)
            item.setToolTip(
                f"Longer than the whole story ({_span_words(story_days)}): choose All eras to "
                "see all of it"
                if longer
                else ""
            )

    def _on_repaint(self, *_: object) -> None:
        self.track.update()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        # Space anywhere in the slider but the date box toggles play (the box needs its spaces).
        if event.key() == Qt.Key.Key_Space and not self.date_edit.hasFocus():
            self.toggle_play()
            event.accept()
            return
        super().keyPressEvent(event)


def _unsubscribe(subscriptions: list[tuple[Any, Callable[..., Any]]]) -> None:
    for signal, callback in subscriptions:
        try:
            signal.disconnect(callback)
        except ValueError:
            pass  # already gone
