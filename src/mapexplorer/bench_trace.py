"""python -m mapexplorer.bench_trace [--events N] [--moves M]: where a slider jump's round trip
goes, hop by hop, from Chromium's own tracing.

The benchmark (`mapexplorer.bench`) times a jump from Python setting the time until the page
says it has drawn. This tool splits that time. A child process opens the window on N
synthetic events in window mode under Chromium's startup tracing (`--trace-startup`, JSON),
makes M jumps 100 ms apart and notes, on Python's monotonic clock, when each move began, when
`runJavaScript` was called and returned, when the time's handlers were done and when the
page's answer arrived. Chromium's trace timestamps are the same monotonic clock in
microseconds, so each jump is found in the trace and split into:

- python_to_call: the move until `runJavaScript` is called (the state, the message);
- call: the `runJavaScript` call itself;
- handlers_after: the rest of the time's handlers (the slider's date, the list);
- call_to_renderer: the call until the page's main thread starts on the message;
- compile, run: V8 compiling the message's script, and running it (the page's update and
  draw);
- answer_to_browser_io: the page's main thread starting the update until the bridge's answer
  reaches the browser's IO thread;
- io_to_gui: the answer waiting on the IO thread until the GUI thread takes it;
- gui_message: the GUI thread's handling of it (QWebChannel, our bridge's slot);
- total: the round trip as the benchmark measures it.
"""

from __future__ import annotations

import argparse
import bisect
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

TRACE_CATEGORIES = "toplevel,ipc,mojom,v8,disabled-by-default-devtools.timeline"
PHASES = (
    "python_to_call",
    "call",
    "handlers_after",
    "call_to_renderer",
    "compile",
    "run",
    "answer_to_browser_io",
    "io_to_gui",
    "gui_message",
    "total",
)


# --- the child: the window, traced --------------------------------------------------------------


def traced_child(n: int, moves: int, marks_path: Path, trace_path: Path, trace_s: int) -> None:
    """Jump the time `moves` times at `n` events in window mode; write each jump's marks;
    stay until Chromium's `trace_s` seconds of tracing are over and written to `trace_path`."""
    import random
    import time

    started = time.monotonic()
    from mapexplorer.bench import open_in_window, shown_window, synthetic_file

    app, window, wait = shown_window()
    view, state = window.map_view, window.state
    open_in_window(window, synthetic_file(n), wait)
    state.set_mode("window")
    wait.sleep(300)

    marks: list[dict[str, float]] = []
    page = view.page_
    run_js = page.runJavaScript

    def noted_run_js(*args):
        marks[-1]["call"] = time.monotonic()
        run_js(*args)
        marks[-1]["called"] = time.monotonic()

    page.runJavaScript = noted_run_js  # this process only: the jumps' calls are noted
    rng = random.Random(7)
    lo, hi = state.catalogue.time_range()
    for _ in range(moves):
        marks.append({"move": time.monotonic()})
        state.set_time(rng.randint(lo, hi))
        marks[-1]["handled"] = time.monotonic()
        wait.until(view.frame_drawn, 10_000)
        marks[-1]["answer"] = time.monotonic()
        wait.sleep(100)
    marks_path.write_text(json.dumps(marks))
    # Chromium writes its trace once the tracing time is up: wait until the file stops growing.
    deadline, size = started + trace_s + 60, -1
    while time.monotonic() < deadline:
        wait.sleep(500)
        now = trace_path.stat().st_size if trace_path.exists() else -1
        if now > 0 and now == size:
            break
        size = now
    app.processEvents()
    sys.stdout.flush()
    os._exit(0)


# --- the analysis -------------------------------------------------------------------------------


def thread_names(trace: dict) -> dict[tuple[int, int], str]:
    return {
        (e["pid"], e["tid"]): e["args"]["name"]
        for e in trace["traceEvents"]
        if e.get("ph") == "M" and e.get("name") == "thread_name"
    }


def split_round_trips(trace: dict, marks: list[dict[str, float]]) -> list[dict[str, float]]:
    """Each jump's phases in milliseconds (see the module's doc), for the jumps inside the
    trace whose steps were all found in it."""
    names = thread_names(trace)
    spans = sorted((e for e in trace["traceEvents"] if e.get("ph") == "X"), key=lambda e: e["ts"])
    for e in spans:
        e["thread"] = names.get((e["pid"], e["tid"]), "")
    starts = [e["ts"] for e in spans]
    end_of_trace = starts[-1] if starts else 0

    def first(after: float, before: float, thread: str, name: str, func: str = ""):
        """The first span of `thread` called `name` (run for `func`) starting in the time."""
        for e in spans[bisect.bisect_left(starts, after) :]:
            if e["ts"] >= before:
                return None
            if e["thread"] == thread and e["name"] == name:
                if not func or e.get("args", {}).get("src_func") == func:
                    return e
        return None

    rows = []
    for mark in marks:
        us = {key: value * 1e6 for key, value in mark.items()}
        if us["move"] > end_of_trace:
            break
        received = first(us["call"], us["answer"], "CrRendererMain", "Receive mojo message")
        if received is None:
            continue
        inside = received["ts"] + received["dur"]
        compiled = first(received["ts"], inside, "CrRendererMain", "v8.compile")
        run = first(received["ts"], inside, "CrRendererMain", "v8.run")
        if run is None:
            continue
        sent = first(run["ts"], us["answer"], "Chrome_ChildIOThread", "ThreadControllerImpl::RunTask", "SendMessage")  # fmt: skip
        if sent is None:
            continue
        arrived = first(sent["ts"], us["answer"], "Chrome_IOThread", "EpollEvent")
        if arrived is None:
            continue
        taken = first(arrived["ts"], us["answer"] + 1, "CrBrowserMain", "Receive mojo message")
        if taken is None:
            continue
        rows.append(
            {
                "python_to_call": (us["call"] - us["move"]) / 1e3,
                "call": (us["called"] - us["call"]) / 1e3,
                "handlers_after": (us["handled"] - us["called"]) / 1e3,
                "call_to_renderer": (received["ts"] - us["call"]) / 1e3,
                "compile": (compiled["dur"] if compiled else 0) / 1e3,
                "run": run["dur"] / 1e3,
                "answer_to_browser_io": (arrived["ts"] - run["ts"]) / 1e3,
                "io_to_gui": (taken["ts"] - arrived["ts"]) / 1e3,
                "gui_message": taken["dur"] / 1e3,
                "total": (us["answer"] - us["move"]) / 1e3,
            }
        )
    return rows


def summary(rows: list[dict[str, float]]) -> str:
    lines = [f"{len(rows)} jumps traced; milliseconds", f"{'phase':<22} {'p50':>7} {'p90':>7}"]
    for phase in PHASES:
        values = sorted(row[phase] for row in rows)
        if values:
            p90 = values[min(len(values) - 1, int(0.9 * len(values)))]
            lines.append(f"{phase:<22} {statistics.median(values):7.3f} {p90:7.3f}")
    return "\n".join(lines)


# --- the whole run ------------------------------------------------------------------------------


def run(n: int, moves: int) -> list[dict[str, float]]:
    from mapexplorer.bench import _env

    with tempfile.TemporaryDirectory(prefix="mapexplorer-trace-") as folder:
        trace_path, marks_path = Path(folder) / "trace.json", Path(folder) / "marks.json"
        # Long enough for the launch, the open and the jumps (~0.1 s each), then lingering.
        seconds = 8 + moves // 8
        flags = (
            f"--no-sandbox --trace-startup={TRACE_CATEGORIES} --trace-startup-format=json "
            f"--trace-startup-file={trace_path} --trace-startup-duration={seconds}"
        )
        cmd = [sys.executable, "-m", "mapexplorer.bench_trace", "--child", str(n), str(moves),
               str(marks_path), str(trace_path), str(seconds)]  # fmt: skip
        env = _env({"QTWEBENGINE_CHROMIUM_FLAGS": flags})
        done = subprocess.run(cmd, env=env, timeout=600, capture_output=True, text=True)
        if done.returncode != 0 or not trace_path.exists() or not marks_path.exists():
            raise RuntimeError(f"the traced window failed:\n{done.stderr[-3000:]}")
        trace = json.loads(trace_path.read_text())
        return split_round_trips(trace, json.loads(marks_path.read_text()))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m mapexplorer.bench_trace",
        description="Split the slider's round trip (window mode) with Chromium's tracing.",
    )
    parser.add_argument("--events", type=int, default=2000)
    parser.add_argument("--moves", type=int, default=80)
    parser.add_argument("--child", nargs=5, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        n, moves, marks, trace, seconds = args.child
        traced_child(int(n), int(moves), Path(marks), Path(trace), int(seconds))
        return 0
    rows = run(args.events, args.moves)
    if not rows:
        print("no jump was found in the trace", file=sys.stderr)
        return 1
    print(summary(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
