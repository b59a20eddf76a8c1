"""GIFs written a frame at a time (ui/gif_file.py): the frames wait on disk, not in memory."""

from __future__ import annotations

import io

from PIL import Image, ImageDraw

from mapexplorer.ui.gif_file import GifFrames, sampled_indices

LAND, RED, BLUE = (242, 239, 230), (214, 39, 40), (31, 119, 180)


def frame(k: int) -> Image.Image:
    """A 'map' with a red marker that moves and a blue one from the sixth frame on."""
    image = Image.new("RGB", (320, 200), LAND)
    draw = ImageDraw.Draw(image)
    draw.ellipse((10 + 20 * k, 50, 30 + 20 * k, 70), fill=RED)
    if k >= 5:
        draw.rectangle((200, 120, 260, 160), fill=BLUE)
    return image


def decoded(data: bytes) -> list[tuple[bytes, int]]:
    gif = Image.open(io.BytesIO(data))
    assert gif.info.get("loop") == 0
    frames = []
    for i in range(gif.n_frames):
        gif.seek(i)
        frames.append((gif.convert("RGB").tobytes(), gif.info["duration"]))
    return frames


def test_the_gif_shows_every_frame_as_drawn_and_rests_on_the_last():
    drawn = [frame(k) for k in (0, 1, 2, 2, 2, 3, 5, 6)]  # the third frame shows three times
    gif = GifFrames(len(drawn), frame_ms=200, last_ms=2000, exact=["#d62728", "#1f77b4"])
    for image in drawn:
        gif.add(image)
    assert len(gif) == len(drawn)
    data = b"".join(gif.chunks(["#f2efe6"]))
    gif.close()
    shown = decoded(data)
    distinct = [drawn[i] for i in (0, 1, 2, 5, 6, 7)]
    assert [pixels for pixels, _ in shown] == [image.tobytes() for image in distinct]
    assert [ms for _, ms in shown] == [200, 200, 600, 200, 200, 2000]


def test_frames_wait_compressed_on_disk_not_in_memory():
    gif = GifFrames(120, frame_ms=200, last_ms=2000)
    for k in range(120):
        gif.add(frame(k % 12))
    # Only the few frames the palette is made from are kept, at half size.
    assert len(gif._thumbs) == len(sampled_indices(120)) == 6
    spilled = gif._spill.tell()
    assert 0 < spilled < 120 * 320 * 200 * 3 / 10  # ~20× smaller than the frames
    assert len(decoded(b"".join(gif.chunks()))) == 12 * 10  # each differs from the one before
    gif.close()


def test_the_palette_comes_from_frames_spread_over_the_playback():
    assert sampled_indices(3) == {0, 1, 2}
    assert sampled_indices(120) == {0, 24, 48, 71, 95, 119}
