"""Export pictures of the map: a PNG of the current view, or a GIF of playback through time.

An offscreen `QtMapView` (the app's page, a copy of the state) is resized to the chosen size; for
each time it draws, we wait for its `frame_drawn` and a short quiet spell, grab it, and paint a
title, the date and a legend over it with QPainter. Everything runs on the event loop (no
`processEvents`), so the window stays live and a progress dialog can cancel.
"""

from __future__ import annotations

import logging
import math
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QCoreApplication,
    QIODevice,
    QObject,
    QPointF,
    QRectF,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter, QPainterPath, QPen

from mapexplorer.colours import category_colour, legend
from mapexplorer.formats.errors import cannot_write, check_writable, write_atomically
from mapexplorer.mappage import messages
from mapexplorer.mappage.page_builder import MAX_ZOOM
from mapexplorer.model.axis import TimeAxis, day_words
from mapexplorer.model.state import ExplorerState, TimeMode
from mapexplorer.ui.gif_file import GifFrames
from mapexplorer.words import counted

log = logging.getLogger("mapexplorer.export")

PNG, GIF = "png", "gif"
DEFAULT_FRAMES = 60
MIN_FRAMES, MAX_FRAMES = 2, 600
"""A playback needs a first and a last frame; 600 frames are two minutes at 200 ms (kept on
disk as they come, `gif_file.GifFrames`: ~0.2 MB a frame of 1280x800)."""
DEFAULT_FRAME_MS = 200
LAST_FRAME_MS = 2000
"""The GIF rests on its last frame before it loops."""
SETTLE_MS = 120
"""Quiet time after a drawn frame before grabbing: the page may draw twice for one change."""
STABLE_MS = 100
"""Between grabs: the compositor hands the view a drawn frame a little later, so a frame is
taken once two grabs this far apart agree."""
FIRST_FRAME_MS = 300
"""A new view's first frames reach it slowest: its first picture waits at least this long."""
UNCHANGED_MS = 400
"""How long a grab identical to the previous frame is doubted (the new one may be on its way)."""
GIVE_UP_MS = 3000
"""Take the grab anyway after this long: a page that keeps changing has its moment too."""
DRAW_TIMEOUT_MS = 30_000
SIZE_PRESETS = ((1280, 800), (1920, 1080))
MIN_SIDE, MAX_SIDE = 200, 8192
MAX_PIXELS = 40_000_000
"""A picture's size: 200 to 8192 pixels a side, 40 megapixels at most (8K, 7680x4320, is 33).
Without a cap a 10000x10000 picture took ~3 GB and 40 s; 8K takes ~1.4 GB and ~7 s."""


def picture_size_problem(width: int, height: int) -> str | None:
    """Why a picture cannot have this size (a sentence), or None when it can."""
    if not (MIN_SIDE <= width <= MAX_SIDE and MIN_SIDE <= height <= MAX_SIDE):
        return (
            f"{width}x{height}: a picture's width and height must be {MIN_SIDE} to "
            f"{MAX_SIDE} pixels"
        )
    if width * height > MAX_PIXELS:
        return (
            f"{width}x{height} is {width * height / 1e6:.0f} megapixels: a picture may have "
            f"{MAX_PIXELS // 1_000_000} at most (8K, 7680x4320, has 33)"
        )
    return None


_UI_COLOURS = ("#ffffff", "#1d1d1d", "#12456e", "#555555", "#1f77b4", "#dcdcdc")
"""Colours the overlay paints text and bars with: exact in every GIF frame."""

# The page's map object is a global made by folium ("map_<hash>"): find it to read or set the
# camera, and hide what a picture does not need (zoom buttons, tooltips, menus).
_FIND_MAP = (
    "(function () { var m = null; Object.keys(window).forEach(function (k) {"
    " if (k.indexOf('map_') === 0 && window.L && window[k] instanceof L.Map) m = window[k]; });"
    " return m; })()"
)
_READ_CAMERA = (
    f"(function (m) {{ if (!m) return null; var c = m.getCenter(), s = m.getSize();"
    f" return {{lat: c.lat, lng: c.lng, zoom: m.getZoom(), width: s.x, height: s.y,"
    f" framing: m.meFraming ? m.meFraming() : null}}; }})({_FIND_MAP})"
)
# Nor the window's note over the map (`messages.map_note`): it tells the window's user what to
# do in its Events list, which a picture has not.
_PICTURE_CSS = (
    "(function () { var s = document.createElement('style');"
    " s.textContent = '.leaflet-control-zoom, .me-tooltip, .me-popup, .me-note"
    " { display: none !important; }';"
    " document.head.appendChild(s); return true; })()"
)


@dataclass(frozen=True)
class Camera:
    """Where the map looks: its centre and zoom, and the size of the view that showed it.
    `framing`: the story's framing the view still shows (west, south, east, north, closest
    zoom), which a picture frames anew at its own size. The view alone followed the window's
    text size: at 200% the window's map is half as many CSS pixels, framed a zoom further out,
    and a picture showed twice the world it did at 100%."""

    lat: float
    lng: float
    zoom: float
    width: int
    height: int
    framing: tuple[float, float, float, float, float] | None = None

    def zoom_for(self, size: QSize) -> int:
        """A zoom that keeps at least this view's area in a picture of `size`."""
        ratio = min(size.width() / max(self.width, 1), size.height() / max(self.height, 1))
        zoom = self.zoom + math.floor(math.log2(ratio) + 1e-9)
        return int(max(2, min(MAX_ZOOM, zoom)))


def copy_state(state: ExplorerState) -> ExplorerState:
    """A state showing the same thing (time, mode, window, filter, selection) for another view."""
    copy = ExplorerState(state.catalogue)
    copy.mode = state.mode
    copy.window_days = state.window_days
    copy.filter = state.filter
    copy.time = state.time
    copy.selected = state.selected
    return copy


def playback_days(state: ExplorerState, frames: int) -> list[int]:
    """`frames` days evenly spaced along the slider's focus axis, start to end (repeats
    dropped): of the events the filter shows, when one is on (a filter's 2 events, 3 years
    apart in a story of 30, left 38 of 60 frames with no event)."""
    axis = TimeAxis.from_catalogue(_played(state))
    frames = max(2, frames)
    days: list[int] = []
    for i in range(frames):
        day = axis.day(i / (frames - 1))
        if not days or day != days[-1]:
            days.append(day)
    return days


def _played(state: ExplorerState):
    """The events an animation plays: those the filter shows, or all (a filter that shows
    none: the story, the frames saying so)."""
    if state.filter.is_empty or not (shown := state.filtered_events()):
        return state.catalogue
    return state.catalogue.with_events(shown)


def playback_words(state: ExplorerState) -> str:
    """What an animation plays, for its dialog: "" for the whole story; with a filter on,
    "Plays the 2 events the filter shows, from 25 February 2022 to 28 January 2025"."""
    if state.filter.is_empty or not state.filtered_events():
        return ""
    played = _played(state)
    first, last = played.time_range()
    span = (
        f"on {day_words(first)}"
        if first == last
        else (f"from {day_words(first)} to {day_words(last)}")
    )
    return (
        f"Plays the {counted(len(played.events), 'event')} the filter shows "
        f"({state.filter.described()}), {span}"
    )


def frames_note(asked: int, made: int) -> str | None:
    """What to say when a GIF has fewer frames than asked for (its days ran out: a story of
    one day is one frame), or None. It was said nowhere: 60 frames asked, one made."""
    if made >= asked:
        return None
    if made == 1:
        return f"the story is a single day: the animation is one frame, not {asked}"
    return (
        f"the animation has {made} frames, not {asked}: frames that would have shown the same "
        "day again were left out"
    )


# --- painting over the map ------------------------------------------------------------------------
def window_words(state: ExplorerState) -> str:
    """What the time shown means, in words: the window or "everything up to"."""
    if state.mode is TimeMode.CUMULATIVE:
        return f"everything up to {day_words(state.time)}"
    start, end = story_window(state)
    if start == end:
        return f"events on {day_words(start)}"
    return f"events from {day_words(start)} to {day_words(end)}"


def header_detail(state: ExplorerState) -> str:
    """A picture's second line: the chapter, the time shown, and the filter (a filtered
    picture looked like one of every event, only its legend shorter)."""
    era = state.catalogue.era_at(state.time)
    words = window_words(state)
    detail = f"{era.label} · {words}" if era else words[0].upper() + words[1:]
    if not state.filter.is_empty:
        detail += f" · filtered: {state.filter.described()}"
    return detail


def story_window(state: ExplorerState) -> tuple[int, int]:
    """The time window cut to the story's first and last days: a ten-year window at the last
    event would otherwise claim five years the story never reaches."""
    start, end = state.window()
    if not state.catalogue.events:
        return start, end
    first, last = state.catalogue.time_range()
    return max(start, first), min(end, last)


def legend_entries(state: ExplorerState) -> list[tuple[str, str]]:
    """(category, colour) for the categories of the events shown (`colours.legend`)."""
    return legend(e.category for e in state.filtered_events())


FEW_EVENTS = 4
"""A picture showing this many events or fewer names each under the map (title, date, places):
a lone grey dot over a category legend said nothing about what happened there."""


@dataclass(frozen=True)
class KeyEvent:
    title: str
    when: str
    colour: str


def key_events(state: ExplorerState) -> list[KeyEvent]:
    """The events a picture names, when it shows a few (see FEW_EVENTS), else none."""
    shown = state.visible_events()
    if not shown or len(shown) > FEW_EVENTS:
        return []
    catalogue = state.catalogue
    return [
        KeyEvent(
            " ".join(e.title.split()),
            " · ".join(
                [
                    e.time.describe(),
                    " ".join(", ".join(map(catalogue.place_label, e.place_ids)).split()),
                ]
            ),
            category_colour(e.category),
        )
        for e in shown
    ]


def _font(px: float, bold: bool = False) -> QFont:
    font = QFont()
    font.setFamilies(["DejaVu Sans", "Segoe UI", "Helvetica", "Arial", "sans-serif"])
    font.setPixelSize(max(8, round(px)))
    font.setBold(bold)
    return font


def _card(painter: QPainter, rect: QRectF, radius: float) -> None:
    path = QPainterPath()
    path.addRoundedRect(rect, radius, radius)
    painter.setPen(QPen(QColor(0, 0, 0, 40), 1))
    painter.setBrush(QColor(255, 255, 255, 236))
    painter.drawPath(path)


def _wrap(text: str, metrics: QFontMetricsF, width: float, max_lines: int) -> list[str]:
    """Greedy word wrap to `max_lines`, the last line elided."""
    words, lines, line = text.split(), [], ""
    for word in words:
        trial = f"{line} {word}".strip()
        if metrics.horizontalAdvance(trial) <= width or not line:
            line = trial
        else:
            lines.append(line)
            line = word
    if line:
        lines.append(line)
    if len(lines) > max_lines:
        rest = " ".join(lines[max_lines - 1 :])
        lines = lines[: max_lines - 1] + [
            metrics.elidedText(rest, Qt.TextElideMode.ElideRight, width)
        ]
    return lines


class Overlay:
    """What is painted around the map: a header band (title, what is shown, the date) above it
    and a legend on it, or a caption under it naming a few events; for animation frames, a
    progress line under the header.

    Planned once per export, so every frame of a GIF has the same layout.
    """

    DETAIL_LINES = 2
    """The most lines the second line (what is shown, the filter) may wrap to."""

    def __init__(
        self,
        size: QSize,
        title: str,
        legend: Sequence[tuple[str, str]],
        dates: Sequence[str] = ("28 September 2000",),
        progress: bool = False,
        events: Sequence[KeyEvent] = (),
        details: Sequence[str] = (),
    ) -> None:
        """`events`: a few events to name in a caption under the map, in place of the
        categories' legend. `details`: the second lines the pictures will have (what is
        shown, the filter): the header makes room for the longest on two lines, as it does
        for the title, rather than cut the filter off a small picture."""
        self.size = size
        self.legend = list(legend)
        self.events = list(events)
        self.progress = progress
        w, h = size.width(), size.height()
        self.unit = unit = max(10.0, min(w, h * 1.6) / 80.0)  # base text size
        self.pad = unit * 0.9
        self.title_font = _font(unit * 1.3, True)
        self.date_font = _font(unit * 1.75, True)
        self.small_font = _font(unit * 0.95)
        self.credit_font = _font(unit * 0.78)
        tm, dm, sm = (QFontMetricsF(f) for f in (self.title_font, self.date_font, self.small_font))
        self.date_width = min(w * 0.45, max(dm.horizontalAdvance(d) for d in dates))
        self.text_width = max(unit * 8, w - 3 * self.pad - self.date_width)
        self.title_lines = _wrap(title, tm, self.text_width, 2) if title else []
        self.detail_lines = max(
            (len(_wrap(d, sm, self.text_width, self.DETAIL_LINES)) for d in details), default=1
        )
        self.bar = round(unit * 0.4) if progress else 0
        text = len(self.title_lines) * tm.lineSpacing() + self.detail_lines * sm.lineSpacing()
        self.header = math.ceil(max(text, dm.lineSpacing()) + 1.6 * self.pad) + self.bar
        # A caption band under the map for a few events: on the map, a key would hide some.
        self.caption_font = _font(unit * 1.05, True)
        row = max(QFontMetricsF(self.caption_font).lineSpacing(), unit * 0.9) + unit * 0.2
        self.footer = math.ceil(len(self.events) * row + 1.2 * self.pad) if self.events else 0

    @property
    def map_size(self) -> QSize:
        """The size the map itself is drawn at: the picture less the header."""
        return QSize(self.size.width(), self.size.height() - self.header - self.footer)

    @property
    def map_scale(self) -> float:
        """How many times larger than on screen the map draws its markers, lines and labels:
        1 up to a full-HD picture, then in proportion, by quarters (2 at 3840×2160). A 4K
        picture then shows what a full-HD one does, sharper, rather than screen-sized markers
        lost in a map twice as wide (as the header grows with the picture too)."""
        w, h = self.size.width(), self.size.height()
        return max(1.0, math.floor(min(w / 1920, h / 1080) * 4) / 4)

    @property
    def map_css_size(self) -> QSize:
        """The map's size as its page sees it (CSS pixels), at `map_scale`."""
        size, scale = self.map_size, self.map_scale
        return QSize(round(size.width() / scale), round(size.height() / scale))

    def paint(self, map_image: QImage, date: str, detail: str, progress: float = 0.0) -> QImage:
        w, h = self.size.width(), self.size.height()
        image = QImage(self.size, QImage.Format.Format_RGB32)
        image.fill(QColor("#ffffff"))
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.drawImage(QPointF(0, self.header), map_image)
        self._paint_header(painter, w, date, detail, progress)
        self._paint_legend(painter, w, h - self.footer)
        if self.events:
            self._paint_caption(painter, w, h)
        painter.end()
        return image

    def _paint_header(self, painter: QPainter, w: int, date: str, detail: str, progress: float):
        pad, unit = self.pad, self.unit
        tm, dm, sm = (QFontMetricsF(f) for f in (self.title_font, self.date_font, self.small_font))
        band = self.header - self.bar
        text_height = len(self.title_lines) * tm.lineSpacing()
        text_height += self.detail_lines * sm.lineSpacing()
        y = (band - text_height) / 2
        painter.setPen(QColor("#1d1d1d"))
        painter.setFont(self.title_font)
        for line in self.title_lines:
            painter.drawText(QPointF(pad, y + tm.ascent()), line)
            y += tm.lineSpacing()
        painter.setFont(self.small_font)
        painter.setPen(QColor("#555555"))
        for line in self.detail_text(detail):
            painter.drawText(QPointF(pad, y + sm.ascent()), line)
            y += sm.lineSpacing()
        painter.setFont(self.date_font)
        painter.setPen(QColor("#12456e"))
        date = dm.elidedText(date, Qt.TextElideMode.ElideRight, self.date_width)
        baseline = (band - dm.height()) / 2 + dm.ascent()
        painter.drawText(QPointF(w - pad - dm.horizontalAdvance(date), baseline), date)
        painter.setPen(Qt.PenStyle.NoPen)
        if self.bar:
            painter.setBrush(QColor("#dcdcdc"))
            painter.drawRect(QRectF(0, band, w, self.bar))
            painter.setBrush(QColor("#1f77b4"))
            painter.drawRect(QRectF(0, band, w * max(0.0, min(1.0, progress)), self.bar))
        else:
            painter.setBrush(QColor("#c9c6bd"))
            painter.drawRect(QRectF(0, band - max(1.0, unit * 0.1), w, max(1.0, unit * 0.1)))

    def detail_text(self, detail: str) -> list[str]:
        """The header's second line as painted: wrapped, on `detail_lines` lines at most."""
        return _wrap(detail, QFontMetricsF(self.small_font), self.text_width, self.detail_lines)

    def legend_labels(self) -> list[str]:
        """The legend's names, their first letter made a capital and the rest as the file
        writes them ("NATO drills", not "Nato drills"), as the web page's legend gives them."""
        return [name[:1].upper() + name[1:] for name, _ in self.legend]

    def _paint_legend(self, painter: QPainter, w: int, h: int) -> None:
        pad, unit, margin = self.pad * 0.8, self.unit, self.unit * 0.8
        sm, cm = QFontMetricsF(self.small_font), QFontMetricsF(self.credit_font)
        credit = "Base map: Natural Earth · Map Explorer"
        bottom = h - margin * 0.5 - cm.lineSpacing()
        if self.legend and not self.events:  # a caption names the few events and their colours
            swatch = unit * 0.9
            row = max(sm.lineSpacing(), swatch) + unit * 0.2
            # A category written as a sentence is cut short: the legend stays beside the map.
            labels = [
                sm.elidedText(label, Qt.TextElideMode.ElideRight, w * 0.3)
                for label in self.legend_labels()
            ]
            inner = swatch + unit * 0.5 + max(sm.horizontalAdvance(t) for t in labels)
            box = QRectF(0, 0, inner + 2 * pad, len(labels) * row - unit * 0.2 + 2 * pad)
            box.moveBottomRight(QPointF(w - margin, bottom - unit * 0.3))
            _card(painter, box, unit * 0.45)
            painter.setFont(self.small_font)
            for i, (label, (_, colour)) in enumerate(zip(labels, self.legend, strict=True)):
                top = box.top() + pad + i * row
                cell = row - unit * 0.2
                sw = QRectF(box.left() + pad, top + (cell - swatch) / 2, swatch, swatch)
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(QColor(colour))
                painter.drawRoundedRect(sw, swatch * 0.2, swatch * 0.2)
                painter.setPen(QColor("#1d1d1d"))
                baseline = top + (cell - sm.height()) / 2 + sm.ascent()
                painter.drawText(QPointF(sw.right() + unit * 0.5, baseline), label)
        painter.setFont(self.credit_font)
        painter.setPen(QColor(60, 60, 60, 220))
        x = w - margin - cm.horizontalAdvance(credit)
        painter.drawText(QPointF(x, h - margin * 0.5 - cm.descent()), credit)

    def _paint_caption(self, painter: QPainter, w: int, h: int) -> None:
        """The few events shown, a line each under the map, as a photo's caption: its colour,
        its title, then its date and places ("— Saturday 2 March 2024 · Paris, France")."""
        pad, unit = self.pad, self.unit
        bm, sm = QFontMetricsF(self.caption_font), QFontMetricsF(self.small_font)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#c9c6bd"))
        painter.drawRect(QRectF(0, h - self.footer, w, max(1.0, unit * 0.1)))
        swatch, gap = unit * 0.9, unit * 0.5
        row = max(bm.lineSpacing(), swatch) + unit * 0.2
        y = h - self.footer + (self.footer - len(self.events) * row) / 2
        room = w - 2 * pad - swatch - gap
        for event in self.events:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(event.colour))
            sw = QRectF(pad, y + (row - swatch) / 2, swatch, swatch)
            painter.drawRoundedRect(sw, swatch * 0.2, swatch * 0.2)
            baseline = y + (row - bm.height()) / 2 + bm.ascent()
            # The title keeps at least two thirds of the line; the date and places the rest.
            title = bm.elidedText(event.title, Qt.TextElideMode.ElideRight, room)
            title_width = bm.horizontalAdvance(title)
            if title_width > room * 2 / 3:
                title = bm.elidedText(event.title, Qt.TextElideMode.ElideRight, room * 2 / 3)
                title_width = bm.horizontalAdvance(title)
            painter.setFont(self.caption_font)
            painter.setPen(QColor("#1d1d1d"))
            painter.drawText(QPointF(sw.right() + gap, baseline), title)
            rest = room - title_width
            when = sm.elidedText(f" — {event.when}", Qt.TextElideMode.ElideRight, rest)
            painter.setFont(self.small_font)
            painter.setPen(QColor("#555555"))
            painter.drawText(QPointF(sw.right() + gap + title_width, baseline), when)
            y += row


# --- writing files --------------------------------------------------------------------------------
def png_bytes(image: QImage) -> bytes:
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise OSError("Qt could not encode the PNG")
    return bytes(buffer.data())


def _to_pil(image: QImage):
    from PIL import Image

    rgb = image.convertToFormat(QImage.Format.Format_RGB888)
    return Image.frombuffer(
        "RGB",
        (rgb.width(), rgb.height()),
        bytes(rgb.constBits()),
        "raw",
        "RGB",
        rgb.bytesPerLine(),
        1,
    ).copy()


# --- the exporter ---------------------------------------------------------------------------------
class MapImageExporter(QObject):
    """Renders the state's map offscreen at `size` and writes a PNG (one frame) or a GIF.

    Signals: `progress(done, total)` per frame, then one of `finished(path)`, `failed(message)`
    or `cancelled()`. Nothing is written unless it finishes (and then atomically).
    """

    progress = Signal(int, int)
    finished = Signal(str)
    failed = Signal(str)
    cancelled = Signal()

    def __init__(
        self,
        state: ExplorerState,
        path: str | os.PathLike,
        fmt: str,
        size: tuple[int, int],
        page_path: Path | None = None,
        *,
        title: str = "",
        frames: int = DEFAULT_FRAMES,
        frame_ms: int = DEFAULT_FRAME_MS,
        source_view=None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        if fmt not in (PNG, GIF):
            raise ValueError(f"unknown image format {fmt!r}")
        self.path = Path(path)
        self.fmt = fmt
        self.size = QSize(*size)
        self.state = copy_state(state)
        self.title = title or state.catalogue.source.title or "Map Explorer"
        self.frame_ms = frame_ms
        self.days = [self.state.time] if fmt == PNG else playback_days(self.state, frames)
        self.state.set_time(self.days[0])  # the first frame's time (the view is not made yet)
        self.legend = legend_entries(self.state)
        self._gif: GifFrames | None = None  # a GIF's frames so far, made at `start`
        self.overlay = Overlay(
            self.size,
            self.title,
            self.legend,
            dates=[day_words(d) for d in self.days],
            progress=fmt == GIF,
            events=key_events(self.state) if fmt == PNG else (),  # a GIF's change by frame
            details=self._details(),
        )
        self._page_path = page_path
        self._source_view = source_view
        self._camera: Camera | None = None
        self._view = None
        self._images: list = []
        self._index = 0
        self._candidate: QImage | None = None  # the last grab, waiting for a second opinion
        self._previous: QImage | None = None  # the grab of the frame before
        self._waited = 0
        self._shown_ids: set[str] = set()
        self._done = False
        self._settle = QTimer(self, singleShot=True, interval=SETTLE_MS)
        self._settle.timeout.connect(self._capture)
        self._watchdog = QTimer(self, singleShot=True, interval=DRAW_TIMEOUT_MS)
        self._watchdog.timeout.connect(
            lambda: self._fail(f"the map did not draw within {DRAW_TIMEOUT_MS // 1000} s")
        )

    @property
    def total(self) -> int:
        return len(self.days)

    @property
    def is_running(self) -> bool:
        return self._view is not None and not self._done

    def start(self) -> None:
        if not self.state.catalogue.events:
            QTimer.singleShot(0, lambda: self._fail("there are no events to draw"))
            return
        too_big = picture_size_problem(self.size.width(), self.size.height())
        if too_big:  # gigabytes and minutes, for a picture no screen or page shows whole
            QTimer.singleShot(0, lambda: self._fail(too_big))
            return
        try:
            check_writable(self.path)  # not after a minute of GIF frames
        except OSError as exc:
            reason = cannot_write(exc, self.path)
            QTimer.singleShot(0, lambda: self._fail(reason))
            return
        if self.fmt == GIF:
            exact = [colour for _, colour in self.legend]
            self._gif = GifFrames(self.total, self.frame_ms, LAST_FRAME_MS, exact)
        self._watchdog.start()
        # Quitting mid-export: close the offscreen page before the application goes.
        QCoreApplication.instance().aboutToQuit.connect(self.cancel)
        source = self._source_view
        if source is not None and getattr(source, "is_ready", False):
            source.run_js(_READ_CAMERA, self._on_camera)
        else:
            self._open_view()

    def cancel(self) -> None:
        if self._done:
            return
        self._done = True
        self._cleanup()
        self.cancelled.emit()

    # --- steps ----------------------------------------------------------------------------------
    def _on_camera(self, camera: dict | None) -> None:
        if self._done:
            return
        try:
            if camera and camera.get("framing") is not None:
                camera["framing"] = tuple(float(x) for x in camera["framing"])
            self._camera = Camera(**camera) if camera else None
        except (TypeError, ValueError):
            self._camera = None
        self._open_view()

    def _open_view(self) -> None:
        from mapexplorer.ui.map_view import QtMapView

        if self._page_path is None:
            from mapexplorer.mappage.page_builder import ensure_page

            try:
                self._page_path = ensure_page()
            except OSError as exc:  # neither the cache nor the temporary folder is writable
                self._fail(f"cannot make the map page ({exc.strerror or exc})")
                return
        view = QtMapView(self.state, self._page_path)
        # Rendered like a shown widget, but never put on the screen.
        view.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
        view.resize(self.overlay.map_size)
        # Page zoom: CSS pixels (Leaflet's view, the labels) and the page's devicePixelRatio
        # (the canvases' resolution) both follow it.
        view.setZoomFactor(self.overlay.map_scale)
        view.ready.connect(self._on_ready)
        self._view = view
        view.show()

    def _on_ready(self) -> None:
        if self._done:
            return
        view = self._view
        view.frame_drawn.connect(self._on_frame)
        view.send({"type": "theme", "dark": False})  # pictures are light, like their header
        camera = self._camera
        script = _PICTURE_CSS
        if camera is not None and camera.framing is not None:
            west, south, east, north, closest = camera.framing
            script = (
                f"[{_PICTURE_CSS}, (function (m) {{ if (m) m.fitBounds([[{south!r}, {west!r}], "
                f"[{north!r}, {east!r}]], {{animate: false, maxZoom: {closest!r}}});"
                f" return !!m; }})({_FIND_MAP})]"
            )
        elif camera is not None:
            zoom = camera.zoom_for(self.overlay.map_css_size)
            script = (
                f"[{_PICTURE_CSS}, (function (m) {{ if (m) m.setView([{camera.lat!r}, "
                f"{camera.lng!r}], {zoom}, {{animate: false}}); return !!m; }})({_FIND_MAP})]"
            )
        # Once the camera has moved, one more message: the frame it draws shows the final view.
        view.run_js(script, lambda _result: self._redraw())

    def _redraw(self) -> None:
        if not self._done and self._view is not None:
            self._view.send(messages.time_message(self.state))

    def _on_frame(self, _count: int) -> None:
        if not self._done:
            self._candidate, self._waited = None, 0
            self._settle.start(SETTLE_MS)  # restart: grab once the page has stopped drawing

    def _capture(self) -> None:
        if self._done:
            return
        grabbed = self._view.grab().toImage()
        if grabbed.isNull() or grabbed.width() == 0:
            self._fail("the map could not be captured")
            return
        if not self._is_settled(grabbed):
            self._candidate = grabbed
            self._waited += STABLE_MS
            self._settle.start(STABLE_MS)
            return
        self._previous, self._candidate, self._waited = grabbed, None, 0
        self._accept(grabbed)

    def _reuse_previous(self) -> None:
        if not self._done and self._previous is not None:
            self._accept(self._previous)

    def _accept(self, grabbed: QImage) -> None:
        """Paint the title, date and legend over a grab of the map, keep it, move on."""
        map_size = self.overlay.map_size
        if grabbed.size() != map_size:  # a high-DPI screen grabs more pixels than asked for
            grabbed = grabbed.scaled(
                map_size,
                Qt.AspectRatioMode.IgnoreAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        progress = self._index / max(1, self.total - 1)
        image = self.overlay.paint(grabbed, day_words(self.state.time), self._detail(), progress)
        self._shown_ids = self._visible_ids()
        self._index += 1
        more = self._index < self.total
        if more:
            self._show(self.days[self._index])  # the page draws it while this frame is kept
        if self._gif is not None:
            self._gif.add(_to_pil(image))  # on disk: not every frame in memory till the end
        else:
            self._images.append(image)
        self.progress.emit(self._index, self.total)
        if not more and not self._done:  # not cancelled at the last frame's progress
            self._write()

    def _is_settled(self, grabbed: QImage) -> bool:
        """Whether this grab shows the page's latest frame (see STABLE_MS and UNCHANGED_MS)."""
        if self._waited >= GIVE_UP_MS:
            return True
        if self._candidate is None or grabbed != self._candidate:
            return False
        if self._previous is None:
            return self._waited >= FIRST_FRAME_MS
        return grabbed != self._previous or self._waited >= UNCHANGED_MS

    def _detail(self) -> str:
        return header_detail(self.state)

    def _details(self) -> list[str]:
        """The second line of every frame, to plan the header's room: the time is moved
        quietly, as `_show` moves it, and put back."""
        before, details = self.state.time, []
        for day in self.days:
            self.state.time = self.state._clamp(day)
            details.append(header_detail(self.state))
        self.state.time = before
        return details

    def _visible_ids(self) -> set[str]:
        return {e.id for e in self.state.visible_events()}

    def _show(self, day: int) -> None:
        self._watchdog.start()
        before = self.state.time
        if self.state.mode is TimeMode.WINDOW and self._previous is not None:
            # In window mode the map depends on the time only through what is visible: when
            # that stays the same, so does the map. Move our private copy's time without
            # telling the page and reuse the last grab (the sparse centuries cost nothing).
            self.state.time = self.state._clamp(day)
            if self._visible_ids() == self._shown_ids:
                QTimer.singleShot(0, self._reuse_previous)
                return
            self.state.time = before
        self.state.set_time(day)
        if self.state.time == before:  # nothing to redraw: grab again straight away
            self._candidate, self._waited = None, 0
            self._previous = None  # the same picture again is expected, not doubted
            self._settle.start(SETTLE_MS)

    def _write(self) -> None:
        self._watchdog.stop()
        try:
            if self._gif is None:
                write_atomically(self.path, png_bytes(self._images[0]))
            else:  # written as each frame is made
                write_atomically(self.path, self._gif.chunks(_UI_COLOURS))
        except OSError as exc:  # a full disk, a missing folder: not the temporary file's name
            self._fail(cannot_write(exc, self.path))
            return
        except Exception as exc:  # an encoder error: say which
            self._fail(f"cannot write the file ({exc})")
            return
        self._done = True
        self._cleanup()
        self.finished.emit(str(self.path))

    def _fail(self, message: str) -> None:
        if self._done:
            return
        self._done = True
        self._cleanup()
        log.info("export failed: %s", message)  # the caller shows it: a dialog, or stderr
        self.failed.emit(message)

    def _cleanup(self) -> None:
        self._settle.stop()
        self._watchdog.stop()
        self._images = []
        if self._gif is not None:
            self._gif.close()
            self._gif = None
        self._candidate = self._previous = None
        if self._view is not None:
            view, self._view = self._view, None
            try:
                view.frame_drawn.disconnect(self._on_frame)
            except (RuntimeError, TypeError):
                pass
            view.close()
            view.deleteLater()


# --- the command line -----------------------------------------------------------------------------
def run_export(
    state: ExplorerState,
    path: str | os.PathLike,
    fmt: str,
    size: tuple[int, int],
    *,
    frames: int = DEFAULT_FRAMES,
    title: str = "",
) -> str | None:
    """Render on an offscreen QApplication and wait; returns an error message, or None."""
    from mapexplorer.ui.qt_environment import start_webengine

    start_webengine(offscreen_without_display=True)
    from PySide6.QtWidgets import QApplication

    from mapexplorer.ui.interrupt import interrupt_calls

    app = QApplication.instance() or QApplication(sys.argv[:1])
    exporter = MapImageExporter(state, path, fmt, size, title=title, frames=frames)
    outcome: dict[str, str | None] = {"error": "the export did not finish"}

    def done(_path: str) -> None:
        outcome["error"] = None
        app.quit()

    def failed(message: str) -> None:
        outcome["error"] = message
        app.quit()

    def interrupted() -> None:  # Ctrl+C: stop drawing; nothing is written
        outcome["interrupted"] = True
        exporter.cancel()
        app.quit()

    exporter.finished.connect(done)
    exporter.failed.connect(failed)
    QTimer.singleShot(0, exporter.start)
    with interrupt_calls(interrupted):
        app.exec()
    if outcome.get("interrupted"):
        raise KeyboardInterrupt
    error = outcome["error"]
    return f"{path}: {error}" if error else None
