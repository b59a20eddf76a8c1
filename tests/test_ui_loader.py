"""The background file loader: progress a bar can show, and a Cancel that does not wait."""

import threading

import pytest

from mapexplorer.formats.report import ReadReport
from mapexplorer.ui import loader as loader_module
from mapexplorer.ui.loader import CatalogueLoader


@pytest.fixture
def fake_reader(monkeypatch, bundled):
    """`read_catalogue` replaced by a reader the test drives: it reports progress through
    100,000 features in steps of 7, sets `reported`, then waits for `release` before it
    returns `bundled`."""
    started, release, reported = threading.Event(), threading.Event(), threading.Event()

    def read(path, report=None, fields=None, parsed=None):
        started.set()
        for done in range(0, 100_000, 7):
            if report:
                report(done, 100_000)
        if report:
            report(100_000, 100_000)
        reported.set()
        assert release.wait(20), "the test never released the reader"
        return bundled, ReadReport(str(path))

    monkeypatch.setattr(loader_module, "read_catalogue", read)
    return started, release, reported


def test_progress_comes_in_steps_a_bar_can_show(qtbot, fake_reader):
    started, release, reported = fake_reader
    release.set()
    loader = CatalogueLoader()
    steps = []
    loader.progress.connect(lambda done, total: steps.append((done, total)))
    with qtbot.waitSignal(loader.loaded, timeout=20000):
        loader.load("big.geojson")
    # 14,286 reports from the reader, at most one per 200th of the file to the window, and two
    # more while the map's data is made: reading fills 85% of the bar, not all of it.
    assert 150 <= len(steps) <= 203
    assert steps[-1] == (100_000, 100_000)
    assert [done for done, _ in steps] == sorted(done for done, _ in steps)
    read_steps = [done for done, _ in steps[:-2]]
    assert max(read_steps) == 85_000


def load_held(started) -> tuple[CatalogueLoader, list]:
    """A loader reading a file (held in the fake reader), and the results it announces."""
    loader = CatalogueLoader()
    results: list = []
    loader.loaded.connect(lambda *args: results.append(args))
    loader.load("big.geojson")
    assert started.wait(20)
    return loader, results


def test_cancel_returns_before_the_worker_stops_and_its_result_is_ignored(qtbot, fake_reader):
    started, release, reported = fake_reader
    loader, results = load_held(started)

    with qtbot.waitSignal(loader.cancelled, timeout=1000):
        loader.cancel()  # the worker is still inside the reader: cancel did not wait for it
    assert not release.is_set()
    assert not loader.busy

    release.set()  # the reader returns; the worker sees it was cancelled and stops
    # Its thread's end comes after anything it sent: all of that has been handled by then.
    qtbot.waitUntil(lambda: not loader._stopping, timeout=20000)
    assert results == []

    # The loader is free for the next file at once.
    with qtbot.waitSignal(loader.loaded, timeout=20000):
        loader.load("next.geojson")


def test_shutdown_waits_for_a_cancelled_worker(qtbot, fake_reader):
    started, release, reported = fake_reader
    loader = CatalogueLoader()
    loader.load("big.geojson")
    assert started.wait(20)
    loader.cancel()
    ((thread, _worker),) = loader._stopping
    threading.Timer(0.2, release.set).start()
    loader.shutdown()  # a window closing: no Qt thread may outlive it
    assert thread.isFinished()
    assert loader._stopping == []


def test_cancel_after_the_worker_has_finished_still_keeps_what_was_open(qtbot, fake_reader):
    """Cancel pressed once the file is read, its result already on its way to the window (the
    bar full while the map's data is built): the cancel wins, the result is dropped."""
    import gc

    from PySide6.QtCore import Qt

    started, release, reported = fake_reader
    loader, results = load_held(started)
    sent = threading.Event()
    loader._worker.finished.connect(lambda *args: sent.set(), Qt.ConnectionType.DirectConnection)
    release.set()
    assert sent.wait(20)  # queued to the window, not handled yet: this thread is busy here
    loader.cancel()
    gc.collect()  # nothing the window holds may go before the queued result is handled
    qtbot.waitUntil(lambda: not loader._stopping, timeout=20000)
    assert results == []


def test_a_cancelled_loads_progress_does_not_reach_the_next(qtbot, fake_reader):
    """Steps the cancelled worker sent before Cancel, still queued, are not shown."""
    started, release, reported = fake_reader
    loader = CatalogueLoader()
    steps = []
    loader.progress.connect(lambda done, total: steps.append(done))
    loader.load("big.geojson")
    assert reported.wait(20)  # its steps are queued: this thread handled none
    loader.cancel()
    release.set()
    qtbot.waitUntil(lambda: not loader._stopping, timeout=20000)
    assert steps == []
