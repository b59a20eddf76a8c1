"""Big messages reach the page by our URL scheme (ui/page_data.py), or as scripts where the
scheme could not be registered; either way, in the order they were sent."""

import pytest
from PySide6.QtWebEngineCore import QWebEngineProfile

from conftest import page_js as js
from conftest import with_title
from mapexplorer.ui import map_view, page_data


@pytest.fixture(scope="module")
def dense_catalogue():
    from mapexplorer.synthetic import synthetic_catalogue

    return synthetic_catalogue(3_000, seed=2)


def drawn(window, qtbot):
    return set(js(window.map_view, qtbot, "MapExplorer.drawnEventIds()"))


def visible(window):
    return {e.id for e in window.state.visible_events()}


def test_the_scheme_is_registered_and_a_big_catalogue_is_fetched_once(
    open_window, bundled, dense_catalogue, qtbot, monkeypatch
):
    assert page_data.scheme_registered()  # conftest registers it, as the app does
    handler = page_data.handler_for(QWebEngineProfile.defaultProfile())
    offered = []
    offer = handler.offer
    monkeypatch.setattr(handler, "offer", lambda payload: offered.append(payload) or offer(payload))
    # A window an earlier test closed before its page came may have left a payload behind
    # (the handler is the profile's): this window's own must all be fetched.
    earlier = handler.waiting_keys()
    window = open_window(bundled)
    assert window.map_view._data is handler
    # An article's catalogue (~17 kB) goes in one hop, as a script; 3,000 events (~290 kB)
    # are fetched.
    assert offered == []
    with qtbot.waitSignal(window.map_view.frame_drawn, timeout=30000):
        window.state.set_catalogue(dense_catalogue)
    assert len(offered) == 1 and len(offered[0]) > map_view.INLINE_BATCH_BYTES
    qtbot.waitUntil(lambda: handler.waiting_keys() <= earlier, timeout=10000)
    qtbot.waitUntil(lambda: drawn(window, qtbot) == visible(window), timeout=10000)
    # An offered payload is handed over and forgotten; a URL never offered is refused.
    url = handler.offer(b'{"type":"time"}')
    probe = f"""(function () {{
      fetch({url!r}).then(function (r) {{ window.first = r.status; return fetch("mapexplorer:nothing"); }})
        .then(function (r) {{ window.second = r.ok ? "served" : "refused " + r.status; }}, function () {{ window.second = "refused"; }});
      return true;
    }})()"""
    js(window.map_view, qtbot, probe)
    qtbot.waitUntil(lambda: js(window.map_view, qtbot, "window.second || null") is not None)
    assert js(window.map_view, qtbot, "[window.first, window.second]") == [200, "refused 404"]
    assert handler.waiting_keys() <= earlier


def test_messages_sent_right_after_a_catalogue_apply_after_it(
    open_window, bundled, dense_catalogue, qtbot
):
    window = open_window(bundled)
    state = window.state
    first, last = dense_catalogue.time_range()
    with qtbot.waitSignal(window.map_view.frame_drawn, timeout=30000):
        state.set_catalogue(dense_catalogue)
        # Sent while the page is still fetching the catalogue: they must wait for it.
        state.set_mode("cumulative")
        state.set_time((first + last) // 2)
        state.set_filter(text="a")
    qtbot.waitUntil(lambda: drawn(window, qtbot) == visible(window), timeout=10000)
    assert js(window.map_view, qtbot, "MapExplorer.visibleCount()") == len(visible(window))


def test_without_the_scheme_the_catalogue_goes_as_a_script(
    open_window, bundled, dense_catalogue, qtbot, monkeypatch
):
    """An application that made its QApplication before ours could register the scheme."""
    monkeypatch.setattr("mapexplorer.ui.map_view.handler_for", lambda profile: None)
    window = open_window(with_title(bundled, 'a "quoted" \\ title </script>'))
    assert window.map_view._data is None
    assert drawn(window, qtbot) == visible(window)
    with qtbot.waitSignal(window.map_view.frame_drawn, timeout=30000):
        window.state.set_catalogue(dense_catalogue)
        window.state.set_time(dense_catalogue.time_range()[1])
    qtbot.waitUntil(lambda: drawn(window, qtbot) == visible(window), timeout=10000)


def test_payloads_no_page_came_for_are_not_kept_forever(qapp):
    handler = page_data.PageDataHandler()
    urls = [handler.offer(bytes(10)) for _ in range(page_data.PageDataHandler.KEEP + 3)]
    assert handler.waiting() == page_data.PageDataHandler.KEEP
    assert len(set(urls)) == len(urls)  # each its own unguessable key


def test_a_message_that_fails_in_the_page_does_not_stop_the_ones_after_it(
    open_window, bundled, qtbot
):
    window = open_window(bundled)
    view = window.map_view
    broken = view._data.offer(b'{"type":"catalogue"}')  # no places: the page's handler throws
    first, last = bundled.time_range()
    with qtbot.waitSignal(view.frame_drawn, timeout=10000):
        view.page_.runJavaScript(f"MapExplorer.fetchMessage({broken!r})", 0)
        window.state.set_time(first)  # waits in the page behind the broken message
    qtbot.waitUntil(lambda: drawn(window, qtbot) == visible(window), timeout=10000)
    assert any("TypeError" in e for e in view.js_errors), view.js_errors
    view.js_errors.clear()
    with qtbot.waitSignal(view.frame_drawn, timeout=10000):
        window.state.set_time(last)
    assert drawn(window, qtbot) == visible(window)


def test_a_lone_surrogate_in_a_title_is_sent_escaped(open_window, bundled, qtbot):
    """ "\\ud800" is valid JSON, and a title may hold it; it is not UTF-8, so the message is
    written with escapes instead of failing to open."""
    window = open_window(with_title(bundled, "broken \ud800 text"))
    assert drawn(window, qtbot) == visible(window)


def test_the_map_has_no_browser_menu_and_survives_a_reload(open_window, bundled, qtbot):
    from PySide6.QtCore import Qt

    window = open_window(bundled)
    view = window.map_view
    assert view.contextMenuPolicy() == Qt.ContextMenuPolicy.NoContextMenu
    with qtbot.waitSignal(view.ready, timeout=30000):
        view.reload()
        window.state.set_time(bundled.time_range()[0])  # sent while the page reloads
    qtbot.waitUntil(lambda: drawn(window, qtbot) == visible(window), timeout=10000)


def test_the_map_comes_back_when_its_page_process_dies(open_window, bundled, qtbot):
    import os
    import signal

    window = open_window(bundled)
    view = window.map_view
    with qtbot.waitSignal(view.ready, timeout=60000):
        os.kill(view.page_.renderProcessPid(), signal.SIGKILL)
    qtbot.waitUntil(lambda: drawn(window, qtbot) == visible(window), timeout=10000)
