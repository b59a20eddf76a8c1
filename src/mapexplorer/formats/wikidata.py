"""Wikidata Query Service results (query.wikidata.org: Download ▸ CSV, TSV or JSON),
recognised by a column of Wikidata items (`http://www.wikidata.org/entity/Q123`) and read as
the query means them: an item's label (`itemLabel`, which the label service names after the
item's variable) is the event's title, a place's (`placeLabel`, `locationLabel`) its place's
name and the item's description (`itemDescription`) its summary. The item's address stays a
field, a link in the details. Coordinates (`coord`: `Point(2.35 48.85)`, longitude first) are
WKT, found by their values."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

__all__ = ["is_entity", "wikidata_roles"]

_ENTITY = re.compile(r"^<?https?://(?:www\.)?wikidata\.org/entity/[QPL]\d+>?$")

_PLACES = frozenset(
    (
        "place", "location", "site", "city", "town", "village", "country", "region", "area",
        "settlement", "locality", "venue", "where", "coordinate_location", "admin", "state",
        "province", "territory", "municipality", "located_in", "placeofbirth", "placeofdeath",
        "birthplace", "deathplace", "capital", "ort", "lieu", "lugar", "luogo",
    )
)  # fmt: skip
"""Variables whose items are places, not the event: their labels name its place."""


def is_entity(value: Any) -> bool:
    """A Wikidata item's address (`http://www.wikidata.org/entity/Q123`)."""
    return isinstance(value, str) and bool(_ENTITY.match(value.strip()))


def wikidata_roles(
    names: Sequence[str], values: Mapping[str, Sequence[Any]], normalise
) -> dict[str, str]:
    """The title, place and description fields of a Wikidata query's results ({} for any
    other table): the labels and description of its item variables, in the query's order."""
    items = [n for n in names if values.get(n) and _mostly_entities(values[n])]
    if not items:
        return {}
    roles: dict[str, str] = {}
    for item in items:
        label = f"{item}Label"
        if label not in values:
            continue
        stem = normalise(item)
        placey = stem in _PLACES or any(stem.endswith(p) for p in ("place", "location"))
        role = "place" if placey else "title"
        if role not in roles:
            roles[role] = label
            if role == "title" and f"{item}Description" in values:
                roles["description"] = f"{item}Description"
    return roles


def _mostly_entities(values: Sequence[Any]) -> bool:
    return sum(map(is_entity, values)) * 2 >= len(values)


def sparql_tsv(text: str) -> tuple[list[str], list[list[str]]] | None:
    """A SPARQL query's results as TSV (query.wikidata.org's Download ▸ TSV): a header of
    `?item`, `?itemLabel`… and cells written as RDF terms (`<http://…/Q123>`, `"Paris"@en`,
    `"Point(2.35 48.85)"^^<…#wktLiteral>`), which a CSV reader would mangle at their quotes.
    The header's names without their `?` and each cell's value; None for any other text."""
    lines = text.split("\n")
    names = lines[0].rstrip("\r").split("\t")
    if len(names) < 2 or not all(n.startswith("?") and len(n) > 1 for n in names):
        return None
    rows = [
        [_term(cell) for cell in line.rstrip("\r").split("\t")] if line.strip() else []
        for line in lines[1:]
    ]
    while rows and not rows[-1]:
        rows.pop()
    return [n[1:] for n in names], rows


_LITERAL = re.compile(r'^"(?P<text>(?:[^"\\]|\\.)*)"(?:@[A-Za-z0-9-]+|\^\^<[^>]*>)?$', re.DOTALL)
_ESCAPE = re.compile(r"\\(?:u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|(.))", re.DOTALL)
_ESCAPED = {"t": "\t", "n": "\n", "r": "\r", "b": "\b", "f": "\f"}


def _term(cell: str) -> str:
    """An RDF term's value: an address without its <>, a literal's text without its quotes,
    language or type; a bare number or blank node as written."""
    cell = cell.strip()
    if cell.startswith("<") and cell.endswith(">"):
        return cell[1:-1]
    if match := _LITERAL.match(cell):
        return _ESCAPE.sub(_unescape, match["text"])
    return cell


def _unescape(match: re.Match[str]) -> str:
    code = match[1] or match[2]
    if code:
        return chr(int(code, 16))
    return _ESCAPED.get(match[3], match[3])
