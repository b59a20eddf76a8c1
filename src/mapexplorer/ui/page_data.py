"""Big messages for the map page fetched from a URL scheme of ours, not sent as a script.

A catalogue of 100,000 events is a 9 MB message. Sent with `runJavaScript`, it is a 9 MB script
that Chromium carries and V8 compiles before a line of it runs: 0.2–0.3 s here, measured. Offered
at `mapexplorer:<key>` and fetched by the page, it arrives as bytes and is parsed as JSON: about
0.1 s. Qt requires a custom scheme to be registered before the QApplication exists; where it was
not (an application that made its own first), `QtMapView` sends every message as a script.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QObject
from PySide6.QtWebEngineCore import (
    QWebEngineProfile,
    QWebEngineUrlRequestJob,
    QWebEngineUrlScheme,
    QWebEngineUrlSchemeHandler,
)

SCHEME = b"mapexplorer"


def register_scheme() -> None:
    """Register `mapexplorer:` with QtWebEngine. Call before the QApplication exists (later,
    Qt refuses it with a warning, so it is not tried)."""
    if QCoreApplication.instance() is not None or scheme_registered():
        return
    scheme = QWebEngineUrlScheme(SCHEME)
    scheme.setSyntax(QWebEngineUrlScheme.Syntax.Path)
    # The page is a local file: it may fetch from a scheme that takes part in CORS.
    scheme.setFlags(
        QWebEngineUrlScheme.Flag.SecureScheme
        | QWebEngineUrlScheme.Flag.CorsEnabled
        | QWebEngineUrlScheme.Flag.FetchApiAllowed
    )
    QWebEngineUrlScheme.registerScheme(scheme)


def scheme_registered() -> bool:
    return QWebEngineUrlScheme.schemeByName(SCHEME).name() == QByteArray(SCHEME)


class PageDataHandler(QWebEngineUrlSchemeHandler):
    """Serves each offered payload once, at an unguessable URL, then forgets it. A payload no
    page came for (a page reloaded meanwhile) is dropped once `KEEP` newer ones wait."""

    KEEP = 8

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._payloads: dict[str, bytes] = {}

    def offer(self, payload: bytes) -> str:
        key = os.urandom(16).hex()  # what secrets.token_hex does, without hashlib's OpenSSL (~5 ms)
        self._payloads[key] = payload
        while len(self._payloads) > self.KEEP:
            del self._payloads[next(iter(self._payloads))]  # the oldest (dicts keep order)
        return f"{SCHEME.decode()}:{key}"

    def waiting(self) -> int:
        """How many offered payloads the page has not fetched yet (tests)."""
        return len(self._payloads)

    def waiting_keys(self) -> set[str]:
        """The keys of those payloads: the handler is the profile's, shared by every view in
        the process, so a test tells its own window's from those of windows closed before."""
        return set(self._payloads)

    def requestStarted(self, job: QWebEngineUrlRequestJob) -> None:  # noqa: N802 (Qt API)
        payload = self._payloads.pop(job.requestUrl().path(), None)
        if payload is None:
            job.fail(QWebEngineUrlRequestJob.Error.UrlNotFound)
            return
        buffer = QBuffer(job)  # freed with the job
        buffer.setData(QByteArray(payload))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        job.reply(b"application/json", buffer)


def handler_for(profile: QWebEngineProfile) -> PageDataHandler | None:
    """The profile's handler for `mapexplorer:` (installed at the first call), or None when
    the scheme could not be registered in this process."""
    if not scheme_registered():
        return None
    existing = profile.urlSchemeHandler(SCHEME)
    if isinstance(existing, PageDataHandler):
        return existing
    if existing is not None:
        return None
    handler = PageDataHandler(profile)  # lives as long as the profile
    profile.installUrlSchemeHandler(SCHEME, handler)
    return handler
