"""python -m mapexplorer.bench [--quick] [--json FILE]: how fast the window is, measured offscreen.

Every measurement that needs a fresh process runs in one (start-up, the floor, and each size N,
so peak memory at N is not inflated by the sizes before it):
- startup_s: `python -m mapexplorer <bundled article>` until the map has drawn its events
  (from the launch preview: the last launch's map of the same file, shown while it is read);
- startup_filled_s: the same launch until the window shows the file's own read;
- floor_s: a bare QWebEngineView showing a one-marker Leaflet page, until drawn;
- per N: open an N-event native file through File ▸ Open (background loader) until the map
  shows it; slider jumps to random times (update timed in the page, round trip from Python);
  a drag (60 time moves a second for 3 s) while the page counts the frames it paints; and the
  peak RSS of the process and its QtWebEngine children;
- at N = 2000, in each mode: the rebuild-and-reload approach (a folium page of the events the
  map shows, rebuilt and reloaded per move).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SIZES = (40, 10_000, 100_000)
QUICK_SIZES = (40, 2000)
MODES = ("window", "cumulative")
ALL_EVENTS = "every event"  # the rebuild-and-reload page holding the whole file
OFFSCREEN_ENV = {
    "QT_QPA_PLATFORM": "offscreen",
    "QTWEBENGINE_DISABLE_SANDBOX": "1",
    "QTWEBENGINE_CHROMIUM_FLAGS": "--no-sandbox",
}
TARGETS = {
    "update_p95_ms": {10_000: 3.0, 100_000: 15.0},
    "drag_fps": 58.0,
    "speedup_2000": 100.0,
    "startup_over_floor": 1.5,
    "load_s_100000": 3.0,
    "rss_mb_100000": 600.0,
}


# --- process helpers ------------------------------------------------------------------------------


def _env(extra: dict[str, str] | None = None) -> dict[str, str]:
    env = dict(os.environ)
    for key, value in OFFSCREEN_ENV.items():
        env.setdefault(key, value)
    env.update(extra or {})
    return env


def _descendants(pid: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                ppid = int(f.read().rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            continue
        children.setdefault(ppid, []).append(int(entry))
    found, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


class PeakMemory:
    """Samples the process tree's memory from another process and keeps the peak.

    Not a thread: a sampler walking /proc in this process would hold the GIL for milliseconds
    every few tens of milliseconds, and the GUI thread would wait for it (it did: round trips
    measured 3x slower with a sampling thread than without)."""

    def __init__(self, interval: float = 0.05) -> None:
        cmd = [sys.executable, "-m", "mapexplorer.bench", "--memory-child", str(os.getpid()),
               str(interval)]  # fmt: skip
        self._child = subprocess.Popen(
            cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=_env()
        )
        self.peak = 0.0

    def stop(self) -> float:
        assert self._child.stdin is not None
        out, _ = self._child.communicate("stop\n", timeout=60)
        self.peak = float(out.strip() or "nan")
        return self.peak


def _rss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/statm") as f:
            return int(f.read().split()[1]) * _PAGE_KB
    except (OSError, ValueError, IndexError):
        return 0


def _shared_kb(pid: int) -> int:
    """How much of one process's RSS it shares with others (RSS - PSS), from smaps_rollup."""
    fields: dict[str, int] = {}
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            for line in f:
                key, _, rest = line.partition(":")
                if key in ("Rss", "Pss"):
                    fields[key] = int(rest.split()[0])
    except (OSError, ValueError, IndexError):
        return 0
    return fields.get("Rss", 0) - fields.get("Pss", 0)


_PAGE_KB = os.sysconf("SC_PAGE_SIZE") // 1024 if hasattr(os, "sysconf") else 4


def memory_child(pid: int, interval: float) -> int:
    """Samples `pid`'s tree until a line arrives on stdin, then prints the peak (MB).

    The measure is the tree's PSS: Chromium's processes share most of their pages
    (QtWebEngineCore alone is ~150 MB), which summing RSS would count once per process. But
    reading PSS (smaps_rollup) costs ~60 ms for a big process, so sampling it every 50 ms would
    load a core and distort what is measured. Each sample instead reads RSS (statm, cheap) and
    takes off each process's shared part (RSS - PSS), read when the process is first seen and
    then refreshed for one process a second."""
    import select

    me = os.getpid()
    peak_kb, pids, found_at, refreshed_at, turn = 0, [pid], 0.0, 0.0, 0
    shared: dict[int, int] = {}
    while True:
        now = time.monotonic()
        if now - found_at > 1.0:  # Chromium's processes come and go rarely
            pids, found_at = [p for p in (pid, *_descendants(pid)) if p != me], now
        for p in pids:
            if p not in shared:
                shared[p] = _shared_kb(p)
        if now - refreshed_at > 1.0 and pids:
            turn = (turn + 1) % len(pids)
            shared[pids[turn]], refreshed_at = _shared_kb(pids[turn]), now
        peak_kb = max(peak_kb, sum(_rss_kb(p) - shared[p] for p in pids))
        ready, _, _ = select.select([sys.stdin], [], [], interval)
        if ready:
            break
    pids = [p for p in (pid, *_descendants(pid)) if p != me]
    exact_kb = sum(_rss_kb(p) - _shared_kb(p) for p in pids)
    print(f"{max(peak_kb, exact_kb) / 1024:.1f}", flush=True)
    return 0


def _times_until_lines(
    cmd: list[str], markers: tuple[str, ...], env: dict[str, str], timeout: float = 120
) -> dict[str, float]:
    """Seconds from launching `cmd` until it prints a line starting with each marker."""
    start = time.perf_counter()
    seen: dict[str, float] = {}
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    try:
        assert proc.stdout is not None
        for line in proc.stdout:
            for marker in markers:
                if line.startswith(marker) and marker not in seen:
                    seen[marker] = time.perf_counter() - start
            if len(seen) == len(markers):
                return seen
        raise RuntimeError(f"{cmd[2:]} ended without {markers}: {proc.stderr.read()[-2000:]}")
    finally:
        try:
            proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def measure_startup(runs: int) -> dict[str, float]:
    """Medians of `runs` launches of the app with the bundled article, each followed by one of
    the floor, so that both meet the same moods of the machine (its speed drifts by a third
    within minutes):

    - `startup_s`: the app until the map has drawn its events (from the launch preview, the
      kept message of the last launch with the same file, when there is one);
    - `startup_filled_s`: the same launch until the window is filled from the file's own read
      (the list, the slider's eras and the map all showing it);
    - `floor_s`: a bare QWebEngineView showing a one-marker Leaflet page, until drawn.

    With the page and the preview cached, as at every launch but the first."""
    import compileall

    from mapexplorer.paths import bundled_catalogue

    # As installed by pip, our modules are byte-compiled. A checkout run with
    # PYTHONDONTWRITEBYTECODE never caches them and would recompile ~40 modules at every launch
    # (~150 ms here), a cost no installed user pays; the floor's PySide6 is compiled too.
    compileall.compile_dir(str(Path(__file__).parent), quiet=1)
    with tempfile.TemporaryDirectory() as config, tempfile.TemporaryDirectory() as folder:
        env = _env({"MAPEXPLORER_BENCH_FIRST_FRAME": "1", "XDG_CONFIG_HOME": config})
        app = [sys.executable, "-m", "mapexplorer", str(bundled_catalogue()), "--size", "1280x800"]
        markers = ("first-frame", "window-filled")
        _write_floor_page(Path(folder))
        floor = [sys.executable, "-m", "mapexplorer.bench", "--floor-child", folder]
        _times_until_lines(app, markers, env)  # builds the page and the preview if missing
        _times_until_lines(floor, ("first-frame",), _env())  # warms the disk cache
        apps, floors = [], []
        for _ in range(runs):
            apps.append(_times_until_lines(app, markers, env))
            floors.append(_times_until_lines(floor, ("first-frame",), _env())["first-frame"])
    return {
        "startup_s": statistics.median(t["first-frame"] for t in apps),
        "startup_filled_s": statistics.median(t["window-filled"] for t in apps),
        "floor_s": statistics.median(floors),
    }


def _write_floor_page(folder: Path) -> None:
    import shutil

    import xstatic.pkg.leaflet as xstatic_leaflet

    leaflet = Path(xstatic_leaflet.BASE_DIR)
    shutil.copy(leaflet / "leaflet.js", folder / "leaflet.js")
    shutil.copy(leaflet / "leaflet.css", folder / "leaflet.css")
    shutil.copytree(leaflet / "images", folder / "images")
    (folder / "floor.html").write_text(
        """<!DOCTYPE html><html><head><meta charset="utf-8">
<link rel="stylesheet" href="leaflet.css"><script src="leaflet.js"></script>
<style>html,body,#map{margin:0;height:100%}</style></head>
<body><div id="map"></div><script>
var map = L.map("map", {preferCanvas: true}).setView([35.7, 51.4], 5);
L.circleMarker([35.7, 51.4], {radius: 7}).addTo(map);
requestAnimationFrame(function () { console.log("first-frame"); });
</script></body></html>""",
        encoding="utf-8",
    )


def floor_child(folder: str) -> int:
    from PySide6.QtCore import QUrl
    from PySide6.QtWebEngineCore import QWebEnginePage
    from PySide6.QtWebEngineWidgets import QWebEngineView
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])

    class Page(QWebEnginePage):
        def javaScriptConsoleMessage(self, level, message, line, source):  # noqa: N802
            if message == "first-frame":
                print("first-frame", flush=True)
                app.quit()

    view = QWebEngineView()
    page = Page(view)
    view.setPage(page)
    view.resize(1280, 800)
    view.load(QUrl.fromLocalFile(str(Path(folder) / "floor.html")))
    view.show()
    app.exec()
    sys.stdout.flush()
    os._exit(0)


# --- one size N, in its own process -----------------------------------------------------------


def synthetic_file(n: int, seed: int = 1) -> Path:
    """A native file of `n` synthetic events, written once and cached."""
    from mapexplorer.formats import native
    from mapexplorer.mappage.page_builder import default_cache_dir
    from mapexplorer.synthetic import synthetic_catalogue

    folder = default_cache_dir() / "bench"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"synthetic-{n}-{seed}.geojson"
    if not path.exists():
        native.save(synthetic_catalogue(n, seed), path)
    return path


class _Waiter:
    """Runs the Qt event loop until a condition holds (no processEvents spinning)."""

    def __init__(self) -> None:
        from PySide6.QtCore import QEventLoop

        self.loop = QEventLoop()

    def until(self, signal, timeout_ms: int = 60_000, check=None):
        from PySide6.QtCore import QTimer

        box: list = []

        def fired(*args):
            if check is None or check(*args):
                box.append(args)
                self.loop.quit()

        signal.connect(fired)
        timer = QTimer()
        timer.setSingleShot(True)
        timer.timeout.connect(self.loop.quit)
        timer.start(timeout_ms)
        try:
            if not box:
                self.loop.exec()
        finally:
            signal.disconnect(fired)
            timer.stop()
        if not box:
            raise TimeoutError(f"no {signal} within {timeout_ms} ms")
        return box[0]

    def js(self, view, script: str, timeout_ms: int = 180_000):
        from PySide6.QtCore import QObject, Signal

        class Box(QObject):
            done = Signal(object)

        box = Box()
        result: list = []

        def got(value):
            result.append(value)
            box.done.emit(value)

        view.run_js(script, got)
        if not result:
            self.until(box.done, timeout_ms)
        return result[0]

    def sleep(self, ms: int) -> None:
        from PySide6.QtCore import QTimer

        QTimer.singleShot(ms, self.loop.quit)
        self.loop.exec()


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    k = (len(ordered) - 1) * q
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def shown_window():
    """The app's window as a launch shows it (Qt set up as the app does; the bundled article),
    1280×800 offscreen, its map drawn: (the QApplication, the window, a `_Waiter`)."""
    from mapexplorer.ui.qt_environment import start_webengine

    start_webengine(offscreen_without_display=True)  # as the app does at launch
    from PySide6.QtWidgets import QApplication

    from mapexplorer.formats import native
    from mapexplorer.mappage.page_builder import ensure_page
    from mapexplorer.paths import bundled_catalogue
    from mapexplorer.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    wait = _Waiter()
    window = MainWindow(native.load(bundled_catalogue()), "bundled", ensure_page(), None)
    window.resize(1280, 800)
    window.show()
    wait.until(window.map_view.frame_drawn)
    return app, window, wait


def open_in_window(window, path: Path, wait: _Waiter) -> None:
    """Open a file as a user does (File ▸ Open → the background loader) until the map shows it."""
    window.open_file(str(path))
    wait.until(window.state.catalogue_changed, 120_000)
    wait.until(window.map_view.frame_drawn, 120_000)


def size_child(n: int, quick: bool) -> dict:
    """Open an N-event file in the real window, scrub, drag; return this size's numbers."""
    from PySide6.QtCore import Qt, QTimer

    path = synthetic_file(n)
    memory = PeakMemory()
    app, window, wait = shown_window()
    view, state = window.map_view, window.state
    start = time.perf_counter()
    open_in_window(window, path, wait)
    load_s = time.perf_counter() - start
    assert len(state.catalogue.events) == n, len(state.catalogue.events)

    rng = random.Random(7)
    lo, hi = state.catalogue.time_range()
    # 150: the 95th percentile of 60 jumps was the third slowest, which one scheduler hiccup of
    # this 2-core machine decided; of 150 it is the eighth.
    jumps = 15 if quick else 150
    drag_s = 1.0 if quick else 3.0
    result: dict = {"load_s": load_s}
    for mode in MODES:
        state.set_mode(mode)
        wait.sleep(300)
        wait.js(view, "MapExplorer.clearTimings()")
        roundtrips = []
        for _ in range(jumps):
            day = rng.randint(lo, hi)
            if day == state.time:
                continue
            sent = time.perf_counter()
            state.set_time(day)
            wait.until(view.frame_drawn, 10_000)
            roundtrips.append((time.perf_counter() - sent) * 1000)
            wait.sleep(100)  # a hand clicks the slider a few times a second, not back to back
        updates = wait.js(view, "MapExplorer.timings()")
        # The drag: 60 time moves a second, sweeping the whole range, as a hand does.
        wait.sleep(300)
        ticks = int(drag_s * 60)
        days = [lo + (hi - lo) * k // ticks for k in range(ticks)]
        wait.js(view, "MapExplorer.startFrameCounter()")
        timer = QTimer()
        timer.setTimerType(Qt.TimerType.PreciseTimer)
        timer.setInterval(1000 // 60)
        moves = iter(days)

        def move(timer=timer, moves=moves) -> None:
            day = next(moves, None)
            if day is None:
                timer.stop()
                wait.loop.quit()
            else:
                state.set_time(day)

        timer.timeout.connect(move)
        timer.start()
        wait.loop.exec()
        counted = wait.js(view, "MapExplorer.stopFrameCounter()")
        result[mode] = {
            "update_p50_ms": _percentile(updates, 0.5),
            "update_p95_ms": _percentile(updates, 0.95),
            "roundtrip_p95_ms": _percentile(roundtrips, 0.95),
            "roundtrip_p50_ms": _percentile(roundtrips, 0.5),
            "drag_fps": counted["frames"] / (counted["ms"] / 1000),
        }
    assert view.js_errors == [], view.js_errors
    if n == 2000:
        # The rebuild-and-reload approach shows what our map shows: in window mode a few dozen
        # events at a time, in cumulative mode about half of them. Both are timed; the speed-up
        # reported is the smaller of the two.
        result["naive_ms"] = {}
        for mode in MODES:
            state.set_mode(mode)
            result["naive_ms"][mode] = measure_naive(state, wait, runs=3 if quick else 5)
        # The issue's own figures for the approach (40 ms a move at 40 events, 690 ms at 2,000)
        # grow with the whole file: its page holds every event, whatever the time.
        result["naive_ms"][ALL_EVENTS] = measure_naive(
            state, wait, runs=1 if quick else 3, every_event=True
        )
    result["rss_mb"] = memory.stop()
    app.processEvents()
    return result


def measure_naive(state, wait: _Waiter, runs: int, every_event: bool = False) -> float:
    """Rebuild-and-reload: per move, a folium map of the visible events (or of every event),
    saved and loaded."""
    import shutil

    import folium
    import xstatic.pkg.leaflet as xstatic_leaflet
    from PySide6.QtCore import QUrl
    from PySide6.QtWebEngineWidgets import QWebEngineView
    from shapely.geometry import mapping

    from mapexplorer.colours import category_colour
    from mapexplorer.model.place import PlaceKind

    folder = Path(tempfile.mkdtemp(prefix="mapexplorer-naive-"))
    leaflet = Path(xstatic_leaflet.BASE_DIR)
    shutil.copy(leaflet / "leaflet.js", folder / "leaflet.js")
    shutil.copy(leaflet / "leaflet.css", folder / "leaflet.css")
    view = QWebEngineView()
    view.resize(860, 640)
    view.show()
    rng = random.Random(3)
    lo, hi = state.catalogue.time_range()
    times = []
    try:
        for k in range(runs + 1):  # the first one warms up
            state.set_time(rng.randint(lo, hi))
            start = time.perf_counter()
            fmap = folium.Map(location=(30, 40), zoom_start=3, tiles=None, prefer_canvas=True)
            fmap.default_js = [("leaflet", "leaflet.js")]
            fmap.default_css = [("leaflet_css", "leaflet.css")]
            for event in state.catalogue.events if every_event else state.visible_events():
                colour = category_colour(event.category)
                for place in state.catalogue.places_of(event):
                    if place.kind is PlaceKind.POINT:
                        lon, lat = place.representative
                        folium.CircleMarker(
                            (lat, lon), radius=7, color="#fff", fill_color=colour,
                            fill_opacity=0.9, tooltip=event.title,
                        ).add_to(fmap)  # fmt: skip
                    else:
                        folium.GeoJson(
                            mapping(place.geometry), tooltip=event.title,
                            style_function=lambda _f, c=colour: {"color": c, "fillColor": c},
                        ).add_to(fmap)  # fmt: skip
            page = folder / f"naive{k}.html"
            fmap.save(str(page))
            view.load(QUrl.fromLocalFile(str(page)))
            wait.until(view.loadFinished, 60_000)
            if k:
                times.append((time.perf_counter() - start) * 1000)
    finally:
        view.close()
        view.deleteLater()
        shutil.rmtree(folder, ignore_errors=True)
    return statistics.mean(times)


# --- the whole run --------------------------------------------------------------------------------


def run(quick: bool) -> dict:
    sizes = QUICK_SIZES if quick else (*SIZES[:1], 2000, *SIZES[1:])
    runs = 1 if quick else 5
    out: dict = {}
    out.update(measure_startup(runs))
    out["scrub"], out["rss_mb"] = {}, {}
    per_size = {}
    for n in sizes:
        with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as tmp:
            child = Path(tmp.name)
        try:
            cmd = [sys.executable, "-m", "mapexplorer.bench", "--size-child", str(n), str(child)]
            if quick:
                cmd.append("--quick")
            done = subprocess.run(cmd, env=_env(), timeout=3600, capture_output=True, text=True)
            if done.returncode != 0:
                raise RuntimeError(f"N = {n}: the measuring process failed:\n{done.stderr[-3000:]}")
            per_size[n] = json.loads(child.read_text())
        finally:
            child.unlink(missing_ok=True)
        print(f"N = {n}: {json.dumps(per_size[n])}", file=sys.stderr, flush=True)
        if n in SIZES or quick:
            out["scrub"][str(n)] = {mode: per_size[n][mode] for mode in MODES}
        out["rss_mb"][str(n)] = per_size[n]["rss_mb"]
    at_2000 = per_size[2000]
    out["speedup_2000_by_mode"] = {
        mode: at_2000["naive_ms"][mode] / at_2000[mode]["roundtrip_p50_ms"] for mode in MODES
    }
    slowest = min(MODES, key=out["speedup_2000_by_mode"].get)
    out["naive_ms_2000"] = at_2000["naive_ms"][slowest]
    out["naive_ms_2000_by_mode"] = at_2000["naive_ms"]
    out["speedup_2000"] = out["speedup_2000_by_mode"][slowest]
    out["speedup_2000_mode"] = slowest
    out["ours_roundtrip_p50_ms_2000"] = at_2000[slowest]["roundtrip_p50_ms"]
    # Against the page of every event that the figures describe, ours is timed in the
    # mode whose round trip is the slower.
    slower_ours = max(at_2000[mode]["roundtrip_p50_ms"] for mode in MODES)
    out["naive_ms_2000_all_events"] = at_2000["naive_ms"][ALL_EVENTS]
    out["speedup_2000_all_events"] = at_2000["naive_ms"][ALL_EVENTS] / slower_ours
    out["load_s"] = {str(n): per_size[n]["load_s"] for n in sizes}
    if 100_000 in per_size:
        out["load_s_100000"] = per_size[100_000]["load_s"]
    return out


def table(result: dict) -> str:
    lines = [
        f"start-up  {result['startup_s']:.2f} s   floor {result['floor_s']:.2f} s   "
        f"ratio {result['startup_s'] / result['floor_s']:.2f}x (target <= 1.5x)",
        f"          the window filled from the file's own read: {result['startup_filled_s']:.2f} s "
        f"({result['startup_filled_s'] / result['floor_s']:.2f}x the floor)",
    ]
    for mode in MODES:
        naive = result["naive_ms_2000_by_mode"][mode]
        ours = naive / result["speedup_2000_by_mode"][mode]
        lines.append(
            f"rebuild-and-reload at 2000, {mode} mode: {naive:.0f} ms a move; ours {ours:.2f} ms "
            f"(p50 round trip): {result['speedup_2000_by_mode'][mode]:.0f}x (target >= 100x)"
        )
    lines.append(f"speed-up reported (the smaller): {result['speedup_2000']:.0f}x")
    lines.append(
        f"rebuild-and-reload at 2000 with every event on the page (the issue's baseline): "
        f"{result['naive_ms_2000_all_events']:.0f} ms a move: "
        f"{result['speedup_2000_all_events']:.0f}x over our slower mode"
    )
    if "load_s_100000" in result:
        lines.append(f"open 100,000 events: {result['load_s_100000']:.2f} s (target <= 3 s)")
    lines.append("")
    header = f"{'N':>7} {'mode':<10} {'update p50':>10} {'p95':>7} {'roundtrip p95':>13} {'drag fps':>8} {'RSS MB':>7} {'load s':>7}"
    lines.append(header)
    for n, modes in result["scrub"].items():
        for mode, m in modes.items():
            lines.append(
                f"{int(n):>7} {mode:<10} {m['update_p50_ms']:>10.2f} {m['update_p95_ms']:>7.2f} "
                f"{m['roundtrip_p95_ms']:>13.2f} {m['drag_fps']:>8.1f} "
                f"{result['rss_mb'][n]:>7.0f} {result['load_s'][n]:>7.2f}"
            )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m mapexplorer.bench", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--quick", action="store_true", help="N = 40 and 2000 only, short runs")
    parser.add_argument("--json", metavar="FILE", help="also write the results as JSON")
    parser.add_argument("--floor-child", help=argparse.SUPPRESS)
    parser.add_argument("--size-child", nargs=2, help=argparse.SUPPRESS)
    parser.add_argument("--memory-child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    from mapexplorer.formats.errors import cannot_write, check_writable, write_atomically

    def cannot(exc: OSError) -> int:
        print(f"mapexplorer.bench: {args.json}: {cannot_write(exc, args.json)}", file=sys.stderr)
        return 2

    if args.json:  # said now, not after minutes of measuring
        try:
            check_writable(args.json)
        except OSError as exc:
            return cannot(exc)
    for key, value in OFFSCREEN_ENV.items():
        os.environ.setdefault(key, value)
    if args.memory_child:
        return memory_child(int(args.memory_child[0]), float(args.memory_child[1]))
    if args.floor_child:
        return floor_child(args.floor_child)
    if args.size_child:
        n, out = args.size_child
        Path(out).write_text(json.dumps(size_child(int(n), args.quick)))
        # A measuring process: skip Qt's teardown (Chromium may crash tearing a page down).
        sys.stdout.flush()
        os._exit(0)
    result = run(args.quick)
    print(table(result))
    if args.json:
        try:
            write_atomically(args.json, json.dumps(result, indent=1))
        except OSError as exc:
            return cannot(exc)
    return 0


if __name__ == "__main__":
    sys.exit(main())
