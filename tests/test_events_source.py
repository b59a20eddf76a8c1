"""Checks that geodata/events.json is faithful to its source article.

Plain pytest, no Qt: every excerpt must be a verbatim substring of the
article, every date must be valid EDTF, and the catalogue must respect the
allowed places, categories and eras.
"""

import json
import re
from pathlib import Path

import edtf
import pytest

ROOT = Path(__file__).resolve().parents[1]
EVENTS_PATH = ROOT / "geodata" / "events.json"
ARTICLE_PATH = ROOT / "geodata" / "russia-iran-partnership.txt"

ALLOWED_PLACES = {
    "moscow",
    "tehran",
    "bushehr",
    "vienna",
    "washington",
    "damascus",
    "hmeimim",
    "kyiv",
    "isfahan",
    "natanz",
    "fordow",
    "petrograd",
    "tabriz",
    "iran",
    "syria",
    "lebanon",
    "ukraine",
    "israel",
    "gaza-strip",
    "northern-iran",
    "caucasus",
    "caspian-region",
    "route-soviet-invasion-1941",
    "route-british-invasion-1941",
    "route-drones-iran-russia",
    "route-missiles-iran-russia",
    "route-yak130-russia-iran",
}
ALLOWED_CATEGORIES = {"war", "diplomacy", "nuclear", "arms", "politics", "economy"}
EXPECTED_ERAS = [
    ("russo-persian-wars", "1700/1828"),
    ("empire-and-revolution", "1829/1938"),
    ("world-war-ii", "1939/1945"),
    ("cold-war", "1946/1978"),
    ("islamic-republic", "1979/1991"),
    ("post-soviet-years", "1992/2010"),
    ("syrian-war", "2011/2022-02-23"),
    ("war-in-ukraine", "2022-02-24/2025-01-31"),
]
REQUIRED_KEYS = {
    "id",
    "title",
    "summary",
    "date",
    "date_note",
    "places",
    "actors",
    "category",
    "era",
    "excerpts",
}
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@pytest.fixture(scope="module")
def data():
    with EVENTS_PATH.open(encoding="utf-8") as f:
        return json.load(f)


@pytest.fixture(scope="module")
def article():
    return ARTICLE_PATH.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def events(data):
    return data["events"]


def _bounds(date_str):
    """(lower, upper) as comparable tuples (year, month, day)."""
    parsed = edtf.parse_edtf(date_str)
    return tuple(parsed.lower_strict())[:3], tuple(parsed.upper_strict())[:3]


def _ids(events):
    return [e.get("id", "?") for e in events]


def test_source_block(data):
    source = data["source"]
    assert source["publisher"] == "Associated Press"
    assert source["published"] == "2025-01-17"
    edtf.parse_edtf(source["published"])
    assert source["title"].strip()
    assert source["published_note"].strip()


def test_eras_are_the_agreed_ones(data):
    assert [(e["id"], e["date"]) for e in data["eras"]] == EXPECTED_ERAS
    for era in data["eras"]:
        assert era["label"].strip()
        edtf.parse_edtf(era["date"])


def test_eras_do_not_overlap(data):
    spans = [_bounds(e["date"]) for e in data["eras"]]
    for (_, prev_upper), (next_lower, _) in zip(spans, spans[1:], strict=False):
        assert prev_upper < next_lower


def test_event_count(events):
    assert 20 <= len(events) <= 32


def test_events_have_required_fields(events):
    for event in events:
        missing = REQUIRED_KEYS - event.keys()
        assert not missing, (event.get("id"), missing)
        for key in ("id", "title", "summary", "date"):
            assert isinstance(event[key], str) and event[key].strip(), (event["id"], key)
        assert isinstance(event["date_note"], str), event["id"]
        assert event["actors"] and all(a.strip() for a in event["actors"]), event["id"]


def test_ids_unique_and_slug_shaped(events):
    ids = _ids(events)
    assert len(ids) == len(set(ids)), "duplicate ids"
    for event_id in ids:
        assert SLUG.match(event_id), event_id


def test_excerpts_are_verbatim(events, article):
    problems = []
    for event in events:
        if not event["excerpts"]:
            problems.append(f"{event['id']}: no excerpts")
        for excerpt in event["excerpts"]:
            if not excerpt.strip() or excerpt.strip() != excerpt:
                problems.append(f"{event['id']}: blank or padded excerpt {excerpt!r}")
            elif excerpt not in article:
                problems.append(f"{event['id']}: not verbatim: {excerpt!r}")
    assert not problems, "\n".join(problems)


def test_dates_parse_as_edtf(events):
    for event in events:
        try:
            edtf.parse_edtf(event["date"])
        except Exception as exc:  # edtf raises its own parse errors
            pytest.fail(f"{event['id']}: bad EDTF {event['date']!r}: {exc}")


def test_eras_exist_and_contain_event_start(data, events):
    eras = {e["id"]: _bounds(e["date"]) for e in data["eras"]}
    for event in events:
        assert event["era"] in eras, (event["id"], event["era"])
        start, _ = _bounds(event["date"])
        lower, upper = eras[event["era"]]
        assert lower <= start <= upper, (event["id"], event["date"], event["era"])


def test_places_allowed(events):
    for event in events:
        assert event["places"], f"{event['id']} has no place"
        assert len(event["places"]) == len(set(event["places"])), event["id"]
        unknown = set(event["places"]) - ALLOWED_PLACES
        assert not unknown, (event["id"], unknown)


def test_categories_allowed(events):
    for event in events:
        assert event["category"] in ALLOWED_CATEGORIES, (event["id"], event["category"])


def test_events_ordered_by_date(events):
    starts = [_bounds(e["date"])[0] for e in events]
    assert starts == sorted(starts), "events are not ordered by start date"


def test_file_is_utf8_indent2_without_ascii_escapes():
    raw = EVENTS_PATH.read_text(encoding="utf-8")
    assert "\\u" not in raw, "use ensure_ascii=False"
    assert raw.startswith('{\n  "source"'), "expected indent=2"
