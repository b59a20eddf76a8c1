"""The native catalogue file: exact round trips, atomic saves, and readable errors for bad input."""

from __future__ import annotations

import copy
import json
import os
import string
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from shapely.geometry import LineString, Point, box

from mapexplorer.formats import FormatError, native
from mapexplorer.model import Catalogue, Era, Event, Excerpt, Place, Source, TimeSpan
from mapexplorer.model.event import CATEGORIES
from mapexplorer.paths import bundled_catalogue

BUNDLED = bundled_catalogue()


# --- round trips -------------------------------------------------------------------------------


def test_bundled_load_save_is_byte_identical(tmp_path):
    catalogue = native.load(BUNDLED)
    out = tmp_path / "copy.geojson"
    native.save(catalogue, out)
    assert out.read_bytes() == BUNDLED.read_bytes()
    assert native.dumps(catalogue) == BUNDLED.read_text(encoding="utf-8")


def test_bundled_save_load_is_equal(tmp_path):
    catalogue = native.load(BUNDLED)
    out = tmp_path / "copy.geojson"
    native.save(catalogue, out)
    again = native.load(out)
    assert again == catalogue
    assert again.events == catalogue.events
    assert again.source.text == catalogue.source.text


def test_the_file_is_rfc7946_with_a_foreign_member():
    doc = json.loads(BUNDLED.read_text(encoding="utf-8"))
    assert doc["type"] == "FeatureCollection"
    assert doc["mapexplorer"]["format"] == native.FORMAT_VERSION
    assert set(doc["mapexplorer"]) == {"format", "source", "eras"}
    for feature in doc["features"]:
        assert feature["type"] == "Feature"
        assert (
            feature["id"]
            == f"{feature['properties']['event_id']}@{feature['properties']['place_id']}"
        )


def test_unknown_properties_are_kept(tmp_path):
    doc = json.loads(BUNDLED.read_text(encoding="utf-8"))
    for feature in doc["features"]:
        if feature["properties"]["event_id"] == "treaty-signing":
            feature["properties"]["x-source-url"] = "https://example.org/a?b=1&c=2"
            feature["properties"]["x-score"] = [1, 2.5, None, {"k": True}]
    catalogue = native.from_geojson(doc)
    extra = catalogue.event("treaty-signing").extra
    assert extra == {
        "x-source-url": "https://example.org/a?b=1&c=2",
        "x-score": [1, 2.5, None, {"k": True}],
    }
    out = tmp_path / "extra.geojson"
    native.save(catalogue, out)
    assert native.load(out) == catalogue


# A random catalogue: old and BCE dates, unicode everywhere, points, regions and routes.

TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",)),  # lone surrogates cannot be UTF-8
    max_size=30,
)
NAMES = TEXT.filter(lambda s: s.strip())
SLUGS = st.from_regex(r"\A[a-z0-9]{1,8}(-[a-z0-9]{1,5}){0,2}\Z")
LON = st.floats(min_value=-179.0, max_value=177.0, allow_nan=False)  # room for a shape's width
LAT = st.floats(min_value=-89.0, max_value=88.0, allow_nan=False)
SIZE = st.floats(min_value=0.001, max_value=1.0)


@st.composite
def geometries(draw):
    kind = draw(st.sampled_from(["point", "polygon", "line"]))
    x, y = draw(LON), draw(LAT)
    if kind == "point":
        return Point(x, y)
    w, h = draw(SIZE), draw(SIZE)
    if kind == "polygon":
        return box(x, y, x + w, y + h, ccw=draw(st.booleans()))
    return LineString([(x, y), (x + w, y + h), (x + 2 * w, y)])


EDTF_FORMS = st.sampled_from(
    ["17XX/18XX", "1804/1813", "~1828", "2024-12", "2025-01-17", "-0043-03-15", "1941-08-25/1941-09-17",
     "2024-24", "19XX", "1066?", "-0500/-0400", "0001"]
)  # fmt: skip


@st.composite
def timespans(draw):
    if draw(st.booleans()):
        return TimeSpan.parse(draw(EDTF_FORMS))
    start = draw(st.integers(min_value=-1_500_000, max_value=30_000))  # ~ 2100 BC … AD 2052
    length = draw(st.integers(min_value=0, max_value=40_000))
    return TimeSpan.from_days(start, start + length)


@st.composite
def catalogues(draw):
    text = draw(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=200))
    place_ids = draw(st.lists(SLUGS, min_size=1, max_size=5, unique=True))
    places = {pid: Place(pid, draw(NAMES), draw(geometries()), draw(TEXT)) for pid in place_ids}
    eras = [
        Era(era_id, draw(NAMES), draw(timespans()))
        for era_id in draw(st.lists(SLUGS, max_size=3, unique=True))
    ]
    events = []
    for event_id in draw(st.lists(SLUGS, min_size=1, max_size=6, unique=True)):
        excerpts = []
        for _ in range(draw(st.integers(0, 2)) if text else 0):
            a = draw(st.integers(0, len(text)))
            b = draw(st.integers(a, len(text)))
            excerpts.append(Excerpt(text[a:b], a, b))
        events.append(
            Event(
                id=event_id,
                title=draw(NAMES),
                time=draw(timespans()),
                place_ids=tuple(
                    draw(st.lists(st.sampled_from(place_ids), min_size=1, max_size=3, unique=True))
                ),
                summary=draw(TEXT),
                actors=tuple(draw(st.lists(TEXT, max_size=3))),
                category=draw(st.sampled_from(CATEGORIES)),
                era=draw(st.sampled_from([""] + [e.id for e in eras])),
                excerpts=tuple(excerpts),
                date_note=draw(TEXT),
                extra=draw(
                    st.dictionaries(st.sampled_from(["x-a", "x-b", "note"]), TEXT, max_size=2)
                ),
            )
        )
    used = {pid for e in events for pid in e.place_ids}
    source = Source(
        draw(TEXT), draw(TEXT), draw(st.sampled_from(["", "2025-01-17"])), draw(TEXT), text
    )
    return Catalogue(
        events=events,
        places={k: v for k, v in places.items() if k in used},
        eras=eras,
        source=source,
    )


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(catalogues())
def test_random_catalogue_round_trips(tmp_path, catalogue):
    out = tmp_path / "random.geojson"
    native.save(catalogue, out)
    loaded = native.load(out)
    assert loaded == catalogue
    for a, b in zip(loaded.events, catalogue.events, strict=True):
        assert (a.time.start, a.time.end, a.time.precision) == (
            b.time.start,
            b.time.end,
            b.time.precision,
        )
    # And the saved bytes are a fixed point.
    assert native.dumps(loaded) == out.read_text(encoding="utf-8")


# --- atomic saving -----------------------------------------------------------------------------


@pytest.mark.parametrize("failing", ["replace", "write"])
def test_a_failed_save_leaves_the_old_file(tmp_path, monkeypatch, failing):
    catalogue = native.load(BUNDLED)
    target = tmp_path / "catalogue.geojson"
    target.write_text("the old contents", encoding="utf-8")

    def boom(*args, **kwargs):
        raise OSError(28, "No space left on device")

    if failing == "replace":
        monkeypatch.setattr(os, "replace", boom)
    else:
        monkeypatch.setattr(os, "fsync", boom)  # after part of the data has been written
    with pytest.raises(OSError):
        native.save(catalogue, target)
    assert target.read_text(encoding="utf-8") == "the old contents"
    assert [p.name for p in tmp_path.iterdir()] == ["catalogue.geojson"]


def test_an_interrupted_save_leaves_no_temp_file(tmp_path, monkeypatch):
    target = tmp_path / "new.geojson"

    def interrupt(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupt)
    with pytest.raises(KeyboardInterrupt):
        native.save(native.load(BUNDLED), target)
    assert list(tmp_path.iterdir()) == []


def test_saved_files_are_not_private(tmp_path):
    old = os.umask(0o022)
    try:
        target = tmp_path / "shared.geojson"
        native.save(native.load(BUNDLED), target)
        assert target.stat().st_mode & 0o777 == 0o644
        target.chmod(0o640)
        native.save(native.load(BUNDLED), target)  # an existing file keeps its mode
        assert target.stat().st_mode & 0o777 == 0o640
    finally:
        os.umask(old)


def test_a_lone_surrogate_cannot_be_saved_but_says_so(tmp_path):
    doc = _minimal()
    text = json.dumps(doc).replace('"Title"', '"Bad \\ud800 title"')
    catalogue = native.loads(text)
    target = tmp_path / "out.geojson"
    with pytest.raises(FormatError, match="UTF-8"):
        native.save(catalogue, target)
    assert list(tmp_path.iterdir()) == []


# --- broken input ------------------------------------------------------------------------------


def _minimal() -> dict:
    """A small valid document to break in one place at a time."""
    return {
        "type": "FeatureCollection",
        "mapexplorer": {
            "format": 1,
            "source": {"title": "T", "text": "Once upon a time in Moscow."},
            "eras": [{"id": "now", "label": "Now", "date": "2000/2030"}],
        },
        "features": [
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [37.6, 55.75]},
                "properties": {
                    "event_id": "tale",
                    "title": "Title",
                    "date": "2025-01-17",
                    "place_id": "moscow",
                    "place": "Moscow",
                    "era": "now",
                    "excerpts": [{"text": "in Moscow", "start": 17, "end": 26}],
                },
            },
            {
                "type": "Feature",
                "geometry": {
                    "type": "Polygon",
                    "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]],
                },
                "properties": {
                    "event_id": "tale",
                    "title": "Title",
                    "date": "2025-01-17",
                    "place_id": "square",
                    "era": "now",
                    "excerpts": [{"text": "in Moscow", "start": 17, "end": 26}],
                },
            },
        ],
    }


def test_the_minimal_document_is_valid():
    catalogue = native.from_geojson(_minimal())
    assert catalogue.event("tale").place_ids == ("moscow", "square")


def _props(doc, i=0):
    return doc["features"][i]["properties"]


def _broken(change):
    doc = _minimal()
    change(doc)
    return doc


BROKEN = {
    "not-a-collection": (
        lambda d: d.update(type="Feature"),
        "the document",
        "type",
        "FeatureCollection",
    ),
    "features-not-a-list": (lambda d: d.update(features={}), "the document", "features", "a list"),
    "no-event-id": (lambda d: _props(d).pop("event_id"), "feature 1", "event_id", "missing"),
    "bad-event-id": (
        lambda d: _props(d).update(event_id="Not A Slug"),
        "feature 1",
        "event_id",
        "'N' is a capital letter; write 'not-a-slug'",
    ),
    # "ß" is lowercase: it was refused as "must be lowercase letters" all the same.
    "event-id-with-eszett": (
        lambda d: _props(d).update(event_id="straße"),
        "feature 1",
        "event_id",
        "'straße' is not an id: 'ß' is written 'ss' in an id; write 'strasse'",
    ),
    "event-id-with-accent": (
        lambda d: _props(d).update(event_id="café"),
        "feature 1",
        "event_id",
        "'é' is written 'e' in an id; write 'cafe'",
    ),
    "event-id-with-underscore": (
        lambda d: _props(d).update(event_id="strike_1"),
        "feature 1",
        "event_id",
        "'_' is not a letter, digit or hyphen; write 'strike-1'",
    ),
    "event-id-with-two-hyphens": (
        lambda d: _props(d).update(event_id="strike--1"),
        "feature 1",
        "event_id",
        "a hyphen goes between two words, one alone; write 'strike-1'",
    ),
    "no-place-id": (lambda d: _props(d).pop("place_id"), "feature 1", "place_id", "missing"),
    "bad-date": (
        lambda d: [_props(d, i).update(date="2025-13-45") for i in (0, 1)],
        "event 'tale'",
        "date",
        "2025-13-45",
    ),
    "impossible-day": (
        lambda d: [_props(d, i).update(date="2023-02-29") for i in (0, 1)],
        "event 'tale'",
        "date",
        "not a real day",
    ),
    "missing-date": (
        lambda d: [_props(d, i).pop("date") for i in (0, 1)],
        "event 'tale'",
        "date",
        "missing",
    ),
    "date-not-text": (
        lambda d: [_props(d, i).update(date=2025) for i in (0, 1)],
        "event 'tale'",
        "date",
        "expected text",
    ),
    "self-intersecting-polygon": (
        lambda d: d["features"][1]["geometry"].update(
            coordinates=[[[0, 0], [1, 1], [1, 0], [0, 1], [0, 0]]]
        ),
        "feature 2 (event 'tale')",
        "geometry",
        "Self-intersection",
    ),
    "lon-out-of-range": (
        lambda d: d["features"][0]["geometry"].update(coordinates=[200.0, 10.0]),
        "feature 1 (event 'tale')",
        "geometry",
        "longitude out of range",
    ),
    "lat-out-of-range": (
        lambda d: d["features"][0]["geometry"].update(coordinates=[20.0, -91.0]),
        "feature 1 (event 'tale')",
        "geometry",
        "latitude out of range",
    ),
    "no-geometry": (
        lambda d: d["features"][0].update(geometry=None),
        "feature 1 (event 'tale')",
        "geometry",
        "no geometry",
    ),
    "unsupported-geometry": (
        lambda d: d["features"][0].update(
            geometry={"type": "GeometryCollection", "geometries": []}
        ),
        "feature 1 (event 'tale')",
        "geometry",
        "not supported",
    ),
    "newer-format": (
        lambda d: d["mapexplorer"].update(format=2),
        "the mapexplorer header",
        "format",
        "format 2 is from a newer Map Explorer",
    ),
    "format-not-a-number": (
        lambda d: d["mapexplorer"].update(format="banana"),
        "the mapexplorer header",
        "format",
        'expected 1, found "banana"',
    ),
    "published-not-a-day": (
        lambda d: d["mapexplorer"]["source"].update(published="2025-02-30"),
        "the source",
        "published",
        "'2025-02-30' is not a real day",
    ),
    "title-a-number": (
        lambda d: [_props(d, i).update(title=123) for i in (0, 1)],
        "event 'tale'",
        "title",
        "expected text, found 123",
    ),
    "missing-title": (
        lambda d: [_props(d, i).pop("title") for i in (0, 1)],
        "event 'tale'",
        "title",
        "missing",
    ),
    "inconsistent-title": (
        lambda d: _props(d, 1).update(title="Another title"),
        "feature 2 (event 'tale')",
        "title",
        '"Another title" here but',
    ),
    "inconsistent-date": (
        lambda d: _props(d, 1).update(date="2025-01-18"),
        "feature 2 (event 'tale')",
        "date",
        '"2025-01-18" here but',
    ),
    "same-place-two-shapes": (
        lambda d: [_props(d, 1).update(place_id="moscow", place="Moscow")],
        "feature 2 (event 'tale')",
        "geometry",
        "different name or shape",
    ),
    "excerpt-not-in-text": (
        lambda d: [
            _props(d, i).update(excerpts=[{"text": "in Paris", "start": 17, "end": 25}])
            for i in (0, 1)
        ],
        "event 'tale'",
        "excerpts",
        "not the article's text",
    ),
    "excerpt-bad-offsets": (
        lambda d: [
            _props(d, i).update(excerpts=[{"text": "in Moscow", "start": "17"}]) for i in (0, 1)
        ],
        "event 'tale'",
        "excerpts",
        "text, start and end",
    ),
    "unknown-era": (
        lambda d: [_props(d, i).update(era="bronze-age") for i in (0, 1)],
        "event 'tale'",
        "era",
        "unknown era 'bronze-age'",
    ),
    "actors-not-a-list": (
        lambda d: [_props(d, i).update(actors="Putin") for i in (0, 1)],
        "event 'tale'",
        "actors",
        "a list",
    ),
    "era-bad-date": (
        lambda d: d["mapexplorer"]["eras"][0].update(date="soon"),
        "era 'now'",
        "date",
        "soon",
    ),
    "era-without-label": (
        lambda d: d["mapexplorer"]["eras"][0].pop("label"),
        "era 1",
        "label",
        "missing",
    ),
    "source-text-not-text": (
        lambda d: d["mapexplorer"]["source"].update(text=["a"]),
        "the source",
        "text",
        "expected text",
    ),
    "properties-not-an-object": (
        lambda d: d["features"][0].update(properties=[1]),
        "feature 1",
        "properties",
        "an object",
    ),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_broken_documents_name_file_item_and_field(tmp_path, case):
    change, item, field, problem = BROKEN[case]
    path = tmp_path / f"{case}.geojson"
    path.write_text(json.dumps(_broken(change)), encoding="utf-8")
    with pytest.raises(FormatError) as caught:
        native.load(path)
    error = caught.value
    message = str(error)
    assert str(path) in message
    assert item in message
    assert f"field '{field}'" in message
    assert problem in message
    assert (error.path, error.field) == (str(path), field)
    assert item in error.item


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b'{"type": "FeatureCollection", "features": [', "not valid JSON"),
        (b"", "not valid JSON"),
        (b'{"type": "FeatureCollection",\n "features": [}', "line 2"),
        (b"\xff\xfe{not utf-8}", "not UTF-8"),
        (b'{"type": "FeatureCollection", "features": ["caf\xe9"]}', "not UTF-8"),
        (b"[" * 100_000, "JSON"),  # nesting too deep for the parser
        (b"1" * 5000, "JSON"),  # a number too long to convert
        (b"[]", "expected an object"),
        (b"null", "expected an object"),
    ],
)
def test_unreadable_files_name_the_file(tmp_path, content, problem):
    path = tmp_path / "broken.geojson"
    path.write_bytes(content)
    with pytest.raises(FormatError) as caught:
        native.load(path)
    assert str(path) in str(caught.value)
    assert problem in str(caught.value)


def test_missing_file(tmp_path):
    path = tmp_path / "nowhere.geojson"
    with pytest.raises(FormatError, match="does not exist") as caught:
        native.load(path)
    assert str(path) in str(caught.value)


def test_a_directory(tmp_path):
    with pytest.raises(FormatError, match="folder") as caught:
        native.load(tmp_path)
    assert str(tmp_path) in str(caught.value)


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read any file")
def test_an_unreadable_file(tmp_path):
    path = tmp_path / "secret.geojson"
    path.write_text("{}", encoding="utf-8")
    path.chmod(0)
    with pytest.raises(FormatError, match="cannot read"):
        native.load(path)


def test_loads_without_a_path_says_input():
    with pytest.raises(FormatError, match="^<input>"):
        native.loads("{")


def test_progress_is_reported():
    calls = []
    native.load(BUNDLED, progress=lambda done, total: calls.append((done, total)))
    assert calls[0][0] == 0
    assert calls[-1][0] == calls[-1][1] > 0


# --- only ever FormatError -----------------------------------------------------------------------

JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=12),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=20,
)


def _assert_only_format_error(text: str) -> None:
    try:
        native.loads(text, "fuzz.geojson")
    except FormatError as exc:
        assert str(exc).startswith("fuzz.geojson")


@settings(max_examples=400, deadline=None)
@given(JSON_VALUES)
def test_arbitrary_json_only_raises_format_error(value):
    _assert_only_format_error(json.dumps(value))


@settings(max_examples=300, deadline=None)
@given(
    st.fixed_dictionaries(
        {"type": st.just("FeatureCollection")},
        optional={"features": st.lists(JSON_VALUES, max_size=3), "mapexplorer": JSON_VALUES},
    )
)
def test_arbitrary_collections_only_raise_format_error(doc):
    _assert_only_format_error(json.dumps(doc))


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=string.printable, max_size=200))
def test_arbitrary_text_only_raises_format_error(text):
    _assert_only_format_error(text)


def _paths(node, prefix=()):
    yield prefix
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _paths(value, (*prefix, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _paths(value, (*prefix, i))


_BUNDLED_DOC = json.loads(BUNDLED.read_text(encoding="utf-8"))
_BUNDLED_DOC["features"] = _BUNDLED_DOC["features"][:8]  # small and fast; still every shape
_VALID_DOCS = {"minimal": _minimal(), "bundled": _BUNDLED_DOC}
_MUTABLE = [
    (name, path)
    for name, doc in _VALID_DOCS.items()
    for path in _paths(doc)
    if path and path[:3] != ("mapexplorer", "source", "text")
]
_REPLACEMENTS = st.one_of(
    st.just("DROP"),
    JSON_VALUES,
    st.sampled_from(["", "2025-02-30", "17XX/18XX", "../..", -1, 10**30, 1e308, [], {}, [[[]]]]),
)


@settings(max_examples=600, deadline=None)
@given(st.sampled_from(_MUTABLE), _REPLACEMENTS)
def test_mutated_valid_documents_only_raise_format_error(where, replacement):
    name, path = where
    doc = _mutated(_VALID_DOCS[name], path, replacement)
    _assert_only_format_error(json.dumps(doc))


def _mutated(document, path, replacement):
    """A deep copy of `document` with the value at `path` replaced, or dropped ("DROP")."""
    doc = copy.deepcopy(document)
    parent = doc
    for key in path[:-1]:
        parent = parent[key]
    if replacement == "DROP":
        del parent[path[-1]]
    else:
        parent[path[-1]] = replacement
    return doc


def test_json_nan_and_infinity_are_rejected_as_coordinates():
    text = json.dumps(_minimal()).replace("[37.6, 55.75]", "[NaN, Infinity]")
    with pytest.raises(FormatError, match="non-numeric"):
        native.loads(text)


def test_reading_does_not_touch_the_file(tmp_path):
    path = tmp_path / "c.geojson"
    path.write_bytes(BUNDLED.read_bytes())
    before = path.stat().st_mtime_ns
    native.load(path)
    assert path.stat().st_mtime_ns == before
    assert Path(path).read_bytes() == BUNDLED.read_bytes()


def _general_reader_only(monkeypatch):
    def refuse(*_args, **_kwargs):
        raise AssertionError("the fast path fell back to the general reader")

    monkeypatch.setattr(native, "from_geojson", refuse)


@pytest.mark.parametrize("source", ["bundled", "synthetic"])
def test_the_fast_path_reads_what_the_general_reader_reads(tmp_path, monkeypatch, source):
    """Our own files take the one-pass reader; it must build exactly the same catalogue (and
    so the same file again) as the general reader, which reports every problem."""
    from mapexplorer.synthetic import synthetic_catalogue

    path = tmp_path / "c.geojson"
    if source == "bundled":
        path.write_bytes(bundled_catalogue().read_bytes())
    else:
        native.save(synthetic_catalogue(3000, 5), path)
    general = native.loads(path.read_text(encoding="utf-8"), path)
    with monkeypatch.context() as m:
        _general_reader_only(m)
        fast = native.load(path)
    assert fast == general
    assert list(fast.places) == list(general.places)
    assert [p.kind for p in fast.places.values()] == [p.kind for p in general.places.values()]
    assert native.dumps(fast) == path.read_text(encoding="utf-8")


def test_features_of_an_event_apart_still_read(tmp_path):
    """An event's features need not follow each other (edited by hand): the general reader
    takes over and reads the file all the same."""
    path = tmp_path / "c.geojson"
    text = bundled_catalogue().read_text(encoding="utf-8")
    head, lines = native._stream(text)
    doc = native.loads(text)
    multi = next(e for e in doc.events if len(e.place_ids) > 1)
    first = next(i for i, line in enumerate(lines) if f'"event_id":"{multi.id}"' in line)
    lines.append(lines.pop(first))  # the event's first feature last
    start = text.find(native._FEATURES_START) + len(native._FEATURES_START)
    path.write_text(text[:start] + ",\n".join(lines) + native._FEATURES_END, encoding="utf-8")
    assert native.load(path).event(multi.id).place_ids == tuple(
        dict.fromkeys(multi.place_ids[1:] + multi.place_ids[:1])
    )


def test_ids_are_checked_on_the_fast_path_too():
    assert native._all_slugs(["a", "b-c", "x1"])
    assert native._all_slugs([])
    assert native._all_slugs(["a", "東京で地震", "قمة-القاهرة"])
    for bad in (["a", "B"], ["a-"], [""], ["a\nb"], ["a--b"], ["москва", "Москва"], ["é"]):
        assert not native._all_slugs(bad)


# --- the fast path reads exactly what the general reader reads, or leaves the file to it ------


def _native_layout(doc) -> str:
    """`doc` laid out as `dumps` lays out a file (one feature a line): the fast path's input."""
    if not isinstance(doc, dict) or not isinstance(doc.get("features"), list) or len(doc) < 2:
        return json.dumps(doc)
    head = {k: v for k, v in doc.items() if k != "features"}
    lines = [json.dumps(f, ensure_ascii=False, separators=(",", ":")) for f in doc["features"]]
    return (
        json.dumps(head, ensure_ascii=False, indent=1)[:-2]
        + ","
        + native._FEATURES_START
        + ",\n".join(lines)
        + native._FEATURES_END
    )


def _outcome(path):
    """What reading a file gives, in a form to compare: the error's text, or the catalogue with
    its place order and kinds, and the file it saves as."""
    try:
        catalogue = native.load(path)
    except FormatError as exc:
        return ("error", str(exc))
    kinds = [(pid, p.kind) for pid, p in catalogue.places.items()]
    extras = [type(e.extra) is dict or not e.extra for e in catalogue.events]
    return ("read", catalogue, kinds, extras, native.dumps(catalogue))


def _read_by_the_general_reader(path):
    original = native._load_fast
    native._load_fast = lambda *_args: None
    try:
        return _outcome(path)
    finally:
        native._load_fast = original


def _synthetic_doc() -> dict:
    from mapexplorer.synthetic import synthetic_catalogue

    return native.to_geojson(synthetic_catalogue(12, 3))


_FAST_DOCS = {"bundled": _BUNDLED_DOC, "synthetic": _synthetic_doc()}
_FAST_MUTABLE = [
    (name, path)
    for name, doc in _FAST_DOCS.items()
    for path in _paths(doc)
    if path and path[:3] != ("mapexplorer", "source", "text")
]


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.sampled_from(_FAST_MUTABLE), _REPLACEMENTS)
def test_mutated_files_read_the_same_on_the_fast_path(tmp_path, where, replacement):
    name, path = where
    doc = _mutated(_FAST_DOCS[name], path, replacement)
    file = tmp_path / "mutated.geojson"
    file.write_text(_native_layout(doc), encoding="utf-8")
    assert _outcome(file) == _read_by_the_general_reader(file)


_PROPERTY_VALUES = ["DROP", "", " ", "unknown", "other", "2025-02-30", "2024-24", "1941~", None,
                    0, True, [], {}, ["a"], [1], [{"text": "x", "start": 0, "end": 1}]]  # fmt: skip


def _change_event(doc: dict, event_index: int, key: str, value, whole_event: bool = True) -> dict:
    """`doc` with one property changed on an event's first feature, or on all its features
    (so that they still agree)."""
    doc = copy.deepcopy(doc)
    features = doc["features"]
    event_ids = list(dict.fromkeys(f["properties"]["event_id"] for f in features))
    chosen = event_ids[event_index % len(event_ids)]
    for feature in [f for f in features if f["properties"]["event_id"] == chosen]:
        if value == "DROP":
            feature["properties"].pop(key, None)
        else:
            feature["properties"][key] = copy.deepcopy(value)
        if not whole_event:
            break
    return doc


def test_changed_properties_read_the_same_on_the_fast_path(tmp_path):
    """Each property of an event changed to each of a few values: the fast path reads what the
    general reader reads, or leaves the file to it (and its error)."""
    file = tmp_path / "changed.geojson"
    for name, doc in _FAST_DOCS.items():
        for key in [*sorted(native.KNOWN), "x-note"]:
            for value in _PROPERTY_VALUES:
                file.write_text(_native_layout(_change_event(doc, 1, key, value)), "utf-8")
                assert _outcome(file) == _read_by_the_general_reader(file), (name, key, value)


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.sampled_from(sorted(_FAST_DOCS)),
    st.integers(0, 20),
    st.sampled_from([*sorted(native.KNOWN), "x-note"]),
    JSON_VALUES,
    st.booleans(),
)
def test_randomly_changed_properties_read_the_same_on_the_fast_path(
    tmp_path, name, event_index, key, value, whole_event
):
    doc = _change_event(_FAST_DOCS[name], event_index, key, value, whole_event)
    file = tmp_path / "changed.geojson"
    file.write_text(_native_layout(doc), encoding="utf-8")
    assert _outcome(file) == _read_by_the_general_reader(file)


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.sampled_from(sorted(_FAST_DOCS)),
    st.lists(st.tuples(st.sampled_from(["drop", "copy", "move"]), st.integers(0, 40)), max_size=3),
)
def test_reordered_features_read_the_same_on_the_fast_path(tmp_path, name, changes):
    doc = copy.deepcopy(_FAST_DOCS[name])
    features = doc["features"]
    for change, i in changes:
        if not features:
            break
        i %= len(features)
        if change == "drop":
            features.pop(i)
        elif change == "copy":
            features.insert(i, copy.deepcopy(features[i]))
        else:
            features.append(features.pop(i))
    file = tmp_path / "reordered.geojson"
    file.write_text(_native_layout(doc), encoding="utf-8")
    assert _outcome(file) == _read_by_the_general_reader(file)


def test_the_fast_path_takes_the_unmutated_documents(tmp_path, monkeypatch):
    _general_reader_only(monkeypatch)
    for name, doc in _FAST_DOCS.items():
        file = tmp_path / f"{name}.geojson"
        file.write_text(_native_layout(doc), encoding="utf-8")
        assert native.load(file).events


def test_a_catalogue_saved_with_a_byte_order_mark_opens(tmp_path, bundled):
    # Windows editors (Notepad) add one when they save a file edited by hand.
    path = tmp_path / "edited.geojson"
    path.write_bytes(b"\xef\xbb\xbf" + native.dumps(bundled).encode("utf-8"))
    assert native.load(path) == bundled
