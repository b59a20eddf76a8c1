"""The benchmark is a tool, not a timed test: check that --quick runs and writes its keys."""

import json
import math
import os
import subprocess
import sys


def _positive(value) -> bool:
    return isinstance(value, int | float) and math.isfinite(value) and value > 0


def test_synthetic_catalogue_is_deterministic_and_mixed():
    from mapexplorer.model.place import PlaceKind
    from mapexplorer.synthetic import YEARS, synthetic_catalogue

    a, b = synthetic_catalogue(400, seed=3), synthetic_catalogue(400, seed=3)
    assert [(e.id, e.time, e.place_ids) for e in a.events] == [
        (e.id, e.time, e.place_ids) for e in b.events
    ]
    assert len(a.events) == 400
    assert {p.kind for p in a.places.values()} == set(PlaceKind)
    start, end = a.time_range()
    assert 0.9 * YEARS * 365 < end - start < 1.05 * YEARS * 365


def test_quick_benchmark_writes_every_key(tmp_path):
    out = tmp_path / "bench.json"
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path / "cache"))
    subprocess.run(
        [sys.executable, "-m", "mapexplorer.bench", "--quick", "--json", str(out)],
        check=True,
        env=env,
        timeout=300,
        capture_output=True,
    )
    result = json.loads(out.read_text())
    for key in ("startup_s", "startup_filled_s", "floor_s", "naive_ms_2000", "speedup_2000"):
        assert _positive(result[key]), key
    # Rebuild-and-reload is timed in both modes; the reported speed-up is the smaller.
    by_mode = result["speedup_2000_by_mode"]
    assert set(by_mode) == {"window", "cumulative"}
    assert result["speedup_2000"] == min(by_mode.values())
    # The page of every event (the baseline) costs more than one of a window's events.
    assert result["naive_ms_2000_all_events"] > result["naive_ms_2000_by_mode"]["window"]
    assert _positive(result["speedup_2000_all_events"])
    for n in ("40", "2000"):
        assert _positive(result["rss_mb"][n])
        for mode in ("window", "cumulative"):
            numbers = result["scrub"][n][mode]
            for key in ("update_p50_ms", "update_p95_ms", "roundtrip_p95_ms", "drag_fps"):
                assert _positive(numbers[key]), (n, mode, key)


def test_a_json_file_that_cannot_be_written_is_said_before_measuring(tmp_path, capsys):
    """`--json results/bench.json` into a folder not made yet ran the whole benchmark for
    minutes, then ended in a traceback and left no results."""
    import time

    from mapexplorer.bench import main

    started = time.monotonic()
    assert main(["--quick", "--json", str(tmp_path / "results" / "bench.json")]) == 2
    assert time.monotonic() - started < 5  # nothing was measured
    err = capsys.readouterr().err
    assert err == (
        f"mapexplorer.bench: {tmp_path}/results/bench.json: cannot write the file: the folder "
        f"{tmp_path}/results does not exist\n"
    )


def test_the_trace_splits_a_round_trip_into_its_hops():
    """`bench_trace` finds a jump's steps in Chromium's trace (microseconds of the monotonic
    clock Python's marks use, in seconds) and gives each phase in milliseconds."""
    from mapexplorer.bench_trace import PHASES, split_round_trips, summary

    def thread(tid, name):
        return {"ph": "M", "name": "thread_name", "pid": tid // 10, "tid": tid,
                "args": {"name": name}}  # fmt: skip

    def span(tid, name, ts, dur, func=""):
        event = {"ph": "X", "pid": tid // 10, "tid": tid, "name": name, "ts": ts, "dur": dur}
        if func:
            event["args"] = {"src_func": func}
        return event

    gui, io, renderer, renderer_io = 10, 11, 20, 21
    trace = {
        "traceEvents": [
            thread(gui, "CrBrowserMain"),
            thread(io, "Chrome_IOThread"),
            thread(renderer, "CrRendererMain"),
            thread(renderer_io, "Chrome_ChildIOThread"),
            # another message before the jump: not this jump's
            span(renderer, "Receive mojo message", 999_000, 50),
            span(renderer, "Receive mojo message", 1_000_500, 1_500),
            span(renderer, "v8.compile", 1_000_550, 100),
            span(renderer, "v8.run", 1_000_700, 1_200),
            span(renderer_io, "ThreadControllerImpl::RunTask", 1_001_700, 20, "SendMessage"),
            span(io, "EpollEvent", 1_001_800, 10),
            span(gui, "Receive mojo message", 1_002_300, 150),
        ]
    }
    marks = [{"move": 1.0000, "call": 1.0002, "called": 1.0003, "handled": 1.0006,
              "answer": 1.0025}]  # fmt: skip
    (row,) = split_round_trips(trace, marks)
    expected = {
        "python_to_call": 0.2,
        "call": 0.1,
        "handlers_after": 0.3,
        "call_to_renderer": 0.3,
        "compile": 0.1,
        "run": 1.2,
        "answer_to_browser_io": 1.1,
        "io_to_gui": 0.5,
        "gui_message": 0.15,
        "total": 2.5,
    }
    assert set(row) == set(PHASES)
    assert {k: round(v, 3) for k, v in row.items()} == expected
    assert "1 jumps traced" in summary([row])
    # A jump after the trace's end is left out.
    late = {key: value + 10 for key, value in marks[0].items()}
    assert len(split_round_trips(trace, [*marks, late])) == 1
