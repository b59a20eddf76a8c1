"""The bundled article's catalogue: complete, faithful to the article, and reproducible."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from shapely.geometry import Point

from mapexplorer.formats import native
from mapexplorer.model import Catalogue, Precision
from mapexplorer.model.event import CATEGORIES
from mapexplorer.model.place import PlaceKind, haversine_km
from mapexplorer.model.time import day_from_iso
from mapexplorer.paths import bundled_catalogue, geodata_dir

ROOT = Path(__file__).resolve().parent.parent
SHARED_ARTICLE = ROOT.parent / "shared" / "article" / "russia-iran-partnership.txt"


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return native.load(bundled_catalogue())


def test_the_bundled_file_is_found():
    path = bundled_catalogue()
    assert path.is_file()
    assert path.name == "russia-iran-partnership.geojson"
    assert path.parent == geodata_dir()


def test_event_count(catalogue):
    assert 20 <= len(catalogue.events) <= 60
    assert len({e.id for e in catalogue.events}) == len(catalogue.events)


def test_excerpts_are_verbatim_at_their_offsets(catalogue):
    text = catalogue.source.text
    assert text
    for event in catalogue.events:
        assert event.excerpts, event.id
        for excerpt in event.excerpts:
            assert excerpt.text.strip(), event.id
            assert 0 <= excerpt.start < excerpt.end <= len(text), event.id
            assert text[excerpt.start : excerpt.end] == excerpt.text, event.id


def test_source_text_is_the_article():
    text = native.load(bundled_catalogue()).source.text
    beside = (geodata_dir() / "russia-iran-partnership.txt").read_text(encoding="utf-8")
    assert text == beside


@pytest.mark.skipif(not SHARED_ARTICLE.is_file(), reason="no shared copy of the article here")
def test_article_equals_the_shared_original():
    beside = (geodata_dir() / "russia-iran-partnership.txt").read_bytes()
    assert beside == SHARED_ARTICLE.read_bytes()


def test_every_event_is_complete(catalogue):
    era_ids = {era.id for era in catalogue.eras}
    for event in catalogue.events:
        assert event.place_ids, event.id
        assert event.era in era_ids, event.id
        assert event.category in CATEGORIES, event.id
        assert event.summary.strip(), event.id
        assert event.title.strip(), event.id


def test_treaty_signing(catalogue):
    treaty = catalogue.event("treaty-signing")
    assert treaty.time.edtf == "2025-01-17"
    assert treaty.time.is_exact
    assert treaty.place_ids == ("moscow",)
    assert "Putin" in treaty.title


def test_fall_of_assad(catalogue):
    event = catalogue.event("fall-of-assad")
    assert event.time.start >= day_from_iso("2024-12-01")
    assert event.time.end <= day_from_iso("2024-12-31")
    assert "damascus" in event.place_ids


def test_bushehr_operational(catalogue):
    event = catalogue.event("bushehr-operational")
    assert event.time.edtf == "2013"
    assert event.time.precision is Precision.YEAR
    iran = catalogue.places["iran"].geometry if "iran" in catalogue.places else None
    assert iran is not None
    for place in catalogue.places_of(event):
        assert iran.contains(Point(place.representative)), place.id


def test_russo_persian_wars(catalogue):
    event = catalogue.event("russo-persian-wars")
    assert event.time.start_iso == "1700-01-01"
    assert event.time.end_iso == "1899-12-31"
    assert event.time.precision is Precision.CENTURY
    assert "caucasus" in event.place_ids
    assert catalogue.places["caucasus"].kind is PlaceKind.REGION


def test_drone_deal_route(catalogue):
    drones = [e for e in catalogue.events if "drone" in (e.id + e.title).lower()]
    assert drones
    routes = [p for e in drones for p in catalogue.places_of(e) if p.kind is PlaceKind.ROUTE]
    assert routes
    route = routes[0].geometry
    first, last = route.coords[0], route.coords[-1]
    assert catalogue.places["iran"].geometry.contains(Point(first))
    moscow = catalogue.places["moscow"].representative
    assert haversine_km(*last[:2], *moscow) < 100


def test_source(catalogue):
    assert catalogue.source.published == "2025-01-17"
    assert catalogue.source.published_note.strip()
    assert catalogue.source.title.strip()


@pytest.mark.parametrize(
    "region",
    ["caucasus", "caspian-region", "northern-iran", "syria", "gaza-strip", "lebanon", "ukraine"],
)
def test_regions_are_polygons(catalogue, region):
    place = catalogue.places[region]
    assert place.kind is PlaceKind.REGION
    assert place.geometry.geom_type in ("Polygon", "MultiPolygon")
    assert place.geometry.is_valid
    assert place.source.strip()


def test_every_place_says_where_its_shape_comes_from(catalogue):
    for place in catalogue.places.values():
        assert place.source.strip(), place.id


def _build_module():
    spec = importlib.util.spec_from_file_location(
        "build_catalogue_under_test", ROOT / "tools" / "build_catalogue.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_rebuilding_gives_the_committed_file():
    committed = ROOT / "geodata" / "russia-iran-partnership.geojson"
    rebuilt = _build_module().build()
    assert rebuilt == native.load(committed), (
        "geodata/ changed without rebuilding: run python tools/build_catalogue.py"
    )
    assert native.dumps(rebuilt) == committed.read_text(encoding="utf-8")
