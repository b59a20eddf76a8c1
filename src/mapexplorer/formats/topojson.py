"""TopoJSON (D3's and mapshaper's topology: shared arcs, quantized coordinates) as the
GeoJSON features it stands for, as `topojson-client`'s `feature` decodes it: each geometry of
each object one Feature, with its `properties` and `id`. Pure arithmetic, no library.

https://github.com/topojson/topojson-specification"""

from __future__ import annotations

from typing import Any

__all__ = ["TopologyError", "is_topology", "topology_features"]


class TopologyError(ValueError):
    """What is wrong with a TopoJSON file: "arc 12 does not exist"."""


def is_topology(doc: Any) -> bool:
    return isinstance(doc, dict) and doc.get("type") == "Topology"


def topology_features(doc: dict) -> tuple[list[dict], list[str]]:
    """The features of every object of the topology, in order, and the objects' names."""
    objects = doc.get("objects")
    if not isinstance(objects, dict) or not objects:
        raise TopologyError("its 'objects' member holds no objects")
    decode = _Decoder(doc)
    features: list[dict] = []
    for value in objects.values():
        if not isinstance(value, dict):
            raise TopologyError("an object is not a JSON object")
        members = value.get("geometries") if value.get("type") == "GeometryCollection" else [value]
        for geometry in members if isinstance(members, list) else []:
            if not isinstance(geometry, dict):
                continue
            feature: dict[str, Any] = {
                "type": "Feature",
                "geometry": decode.geometry(geometry),
                "properties": geometry.get("properties") or {},
            }
            if "id" in geometry:
                feature["id"] = geometry["id"]
            features.append(feature)
    if not features:
        raise TopologyError("its objects hold no geometries")
    return features, [str(name) for name in objects]


class _Decoder:
    """Arcs and positions decoded: quantized ones (a `transform`) delta-encoded in arcs."""

    def __init__(self, doc: dict) -> None:
        transform = doc.get("transform")
        self.scale = self.translate = None
        if isinstance(transform, dict):
            try:
                sx, sy = (float(v) for v in transform["scale"][:2])
                tx, ty = (float(v) for v in transform["translate"][:2])
            except (KeyError, TypeError, ValueError):
                raise TopologyError("its 'transform' has no scale and translate") from None
            self.scale, self.translate = (sx, sy), (tx, ty)
        arcs = doc.get("arcs")
        self.raw = arcs if isinstance(arcs, list) else []
        self.arcs: dict[int, list[list[float]]] = {}

    def position(self, value: Any) -> list[float]:
        """A Point's or a MultiPoint's position (quantized, not delta-encoded)."""
        x, y = _pair(value)
        if self.scale is None:
            return [x, y]
        return [x * self.scale[0] + self.translate[0], y * self.scale[1] + self.translate[1]]  # type: ignore[index]

    def arc(self, index: Any) -> list[list[float]]:
        """An arc's positions; `~i` (a negative index) is arc i reversed."""
        if not isinstance(index, int) or isinstance(index, bool):
            raise TopologyError(f"an arc index is not a whole number ({index!r})")
        reverse, number = index < 0, ~index if index < 0 else index
        if number not in self.arcs:
            if number >= len(self.raw):
                raise TopologyError(f"arc {number} does not exist (the file has {len(self.raw)})")
            points, x, y = [], 0.0, 0.0
            for value in self.raw[number] if isinstance(self.raw[number], list) else []:
                dx, dy = _pair(value)
                if self.scale is None:
                    points.append([dx, dy])
                    continue
                x, y = x + dx, y + dy
                points.append(
                    [
                        x * self.scale[0] + self.translate[0],  # type: ignore[index]
                        y * self.scale[1] + self.translate[1],  # type: ignore[index]
                    ]
                )
            self.arcs[number] = points
        points = self.arcs[number]
        return points[::-1] if reverse else points

    def line(self, indexes: Any) -> list[list[float]]:
        """Arcs joined into one line: each after the first without its first position (the
        last of the one before)."""
        points: list[list[float]] = []
        for index in indexes if isinstance(indexes, list) else []:
            arc = self.arc(index)
            points += arc[1:] if points else arc
        return points

    def geometry(self, value: dict) -> dict | None:
        kind = value.get("type")
        arcs, coordinates = value.get("arcs"), value.get("coordinates")
        if kind == "Point":
            return {"type": kind, "coordinates": self.position(coordinates)}
        if kind == "MultiPoint":
            return {"type": kind, "coordinates": [self.position(p) for p in _list(coordinates)]}
        if kind == "LineString":
            return {"type": kind, "coordinates": self.line(arcs)}
        if kind == "MultiLineString":
            return {"type": kind, "coordinates": [self.line(a) for a in _list(arcs)]}
        if kind == "Polygon":
            return {"type": kind, "coordinates": [self.line(r) for r in _list(arcs)]}
        if kind == "MultiPolygon":
            rings = [[self.line(r) for r in _list(p)] for p in _list(arcs)]
            return {"type": kind, "coordinates": rings}
        if kind == "GeometryCollection":
            pieces = [
                self.geometry(g) for g in _list(value.get("geometries")) if isinstance(g, dict)
            ]
            return {"type": kind, "geometries": [p for p in pieces if p is not None]}
        return None  # a null geometry ("type": null): a feature placed by its name, if any


def _list(value: Any) -> list:
    return value if isinstance(value, list) else []


def _pair(value: Any) -> tuple[float, float]:
    try:
        x, y = value[0], value[1]
        if isinstance(x, bool) or isinstance(y, bool):
            raise TypeError
        return float(x), float(y)
    except (TypeError, ValueError, IndexError, KeyError):
        raise TopologyError(f"a position is not two numbers ({str(value)[:40]})") from None
