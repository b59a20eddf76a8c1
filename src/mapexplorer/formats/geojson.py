"""GeoJSON export: an RFC 7946 FeatureCollection, one Feature per event–place pair.

It is the native file itself — the event fields other tools need (`date`, `start`, `end`,
`precision`, `place`, `excerpt`...) are already in every Feature — so an export opens again in
Map Explorer with nothing lost.
"""

from __future__ import annotations

import os

from mapexplorer.formats import native
from mapexplorer.model import Catalogue


def export(catalogue: Catalogue, path: str | os.PathLike) -> None:
    native.save(catalogue, path)
