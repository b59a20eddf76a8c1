"""A GIF written a frame at a time: the playback's frames are kept as they come, compressed in a
temporary file, and the GIF is made from them one by one once all are in. Held in memory, 120
frames of 1280x800 took ~1 GB: each as RGB (3 MB), then again quantised, and Pillow keeps every
frame of a GIF it writes until the end.

The frames share one palette (no flicker, small deltas), made from a few frames spread over the
whole playback, so it waits for the last frame. Pillow only (no Qt).
"""

from __future__ import annotations

import tempfile
import zlib
from collections.abc import Iterator, Sequence

SAMPLED_FRAMES = 6
"""Frames, spread over the playback, whose colours make the palette."""
_SPILL_LEVEL = 1
"""zlib's fastest: a map frame shrinks ~20× even so, in ~10 ms."""


def sampled_indices(total: int) -> set[int]:
    """The frames the palette is made from: `SAMPLED_FRAMES` spread from first to last."""
    if total <= SAMPLED_FRAMES:
        return set(range(total))
    last = SAMPLED_FRAMES - 1
    return {round(i * (total - 1) / last) for i in range(SAMPLED_FRAMES)}


class GifFrames:
    """The frames of one GIF, `total` of them, added in order (`add`), then written out as the
    GIF's bytes (`chunks`); `close` drops the temporary file (also when the export is
    cancelled)."""

    def __init__(self, total: int, frame_ms: int, last_ms: int, exact: Sequence[str] = ()):
        self.total = total
        self.frame_ms = frame_ms
        self.last_ms = last_ms
        self.exact = tuple(exact)
        self._spill = tempfile.TemporaryFile(prefix="mapexplorer-gif-")
        self._lengths: list[int] = []
        self._size: tuple[int, int] | None = None
        self._sampled = sampled_indices(total)
        self._thumbs: list = []

    def __len__(self) -> int:
        return len(self._lengths)

    def add(self, frame) -> None:
        """Keep a Pillow RGB frame: compressed on disk, and half size for the palette when it
        is one of the sampled frames."""
        if self._size is None:
            self._size = frame.size
        elif frame.size != self._size:
            raise ValueError(f"a frame of {frame.size}, not {self._size}")
        if len(self._lengths) in self._sampled:
            self._thumbs.append(frame.reduce(2))
        data = zlib.compress(frame.tobytes(), _SPILL_LEVEL)
        self._spill.write(data)
        self._lengths.append(len(data))

    def _frames(self) -> Iterator:
        from PIL import Image

        self._spill.flush()
        self._spill.seek(0)
        for length in self._lengths:
            raw = zlib.decompress(self._spill.read(length))
            yield Image.frombytes("RGB", self._size, raw)

    def _palette(self, reserved: list[tuple[int, int, int]]):
        """A "P" image holding the palette: the `reserved` colours as they are, the rest from
        a strip of the sampled frames; one index is left free, for the unchanged pixels of
        the frames after the first (see `chunks`)."""
        from PIL import Image

        thumbs = self._thumbs
        strip = Image.new("RGB", (thumbs[0].width, thumbs[0].height * len(thumbs)))
        for i, thumb in enumerate(thumbs):
            strip.paste(thumb, (0, i * thumb.height))
        room = 255 - len(reserved)
        sampled = strip.quantize(colors=room, method=Image.Quantize.MEDIANCUT)
        colours = sampled.getpalette()[: 3 * room]
        for rgb in reserved:
            colours.extend(rgb)
        palette = Image.new("P", (1, 1))
        palette.putpalette(colours)
        return palette, len(colours) // 3

    def chunks(self, ui_colours: Sequence[str] = ()) -> Iterator[bytes]:
        """The GIF, endless, in pieces: the header, then each frame as it is quantised. A frame
        after the first is only the box that changed, its unchanged pixels transparent; a frame
        the same as the one before adds its time to that one."""
        from PIL import GifImagePlugin, ImageChops
        from PIL.Image import Dither
        from PIL.ImageColor import getrgb

        if not self._lengths:
            raise ValueError("no frames to write")
        reserved = list(dict.fromkeys(getrgb(c)[:3] for c in (*self.exact, *ui_colours)))
        palette, clear = self._palette(reserved)  # `clear`: the free index, never quantised to
        count = len(self._lengths)
        unchanged_lut = [255] + [0] * 255  # a difference of 0: the pixel stays as it was
        pending = None  # (image, offset, params): waits to learn how long it shows
        previous = None
        for i, frame in enumerate(self._frames()):
            duration = self.frame_ms if i < count - 1 else max(self.frame_ms, self.last_ms)
            quantised = frame.quantize(palette=palette, dither=Dither.NONE)
            del frame
            if previous is None:
                header, _ = GifImagePlugin.getheader(quantised.copy(), None, {"loop": 0})
                yield from header
                pending = (quantised, (0, 0), {"duration": duration, "disposal": 1})
            else:
                delta = ImageChops.subtract_modulo(quantised, previous)
                box = delta.getbbox(alpha_only=False)
                if box is None:
                    pending[2]["duration"] += duration
                    continue
                yield from _frame(*pending)
                piece = quantised.copy()
                piece.paste(clear, mask=delta.point(unchanged_lut, "1"))
                params = {"duration": duration, "disposal": 1, "transparency": clear}
                pending = (piece.crop(box), box[:2], params)
            previous = quantised
        yield from _frame(*pending)
        yield b";"

    def close(self) -> None:
        self._spill.close()
        self._thumbs = []


def _frame(image, offset: tuple[int, int], params: dict) -> list[bytes]:
    from PIL import GifImagePlugin

    return GifImagePlugin.getdata(image, offset, **params)
