"""The offline base map's data (Natural Earth countries and sea labels), as the map page and
the HTML export both draw it."""

from __future__ import annotations

import json

from mapexplorer.paths import geodata_dir

BASEMAP_FILES = ("basemap.geojson", "basemap-labels.geojson")


def basemap_data() -> dict:
    """{"basemap": countries, "basemap_labels": labels}, GeoJSON. A country split at ±180°
    (Russia's Chukotka, Fiji) comes joined across it, in one piece, so no seam is drawn
    through it; the page draws the world's copies either side (`basemap-canvas.js`)."""
    data = {
        name.split(".")[0].replace("-", "_"): json.loads((geodata_dir() / name).read_text("utf-8"))
        for name in BASEMAP_FILES
    }
    for feature in data["basemap"]["features"]:
        feature["geometry"] = _joined_across_antimeridian(feature["geometry"])
    return data


def _joined_across_antimeridian(geometry: dict) -> dict:
    import numpy as np
    import shapely
    from shapely.geometry import shape

    from mapexplorer.model.antimeridian import arranged

    geom = shape(geometry)
    joined = arranged(geom)
    if joined is geom:
        return geometry  # nearly every country; Antarctica, round the pole, too
    # Whole turns added: round off the float noise (1e-6° is 0.1 m).
    return json.loads(shapely.to_geojson(shapely.transform(joined, lambda xy: np.round(xy, 6))))
