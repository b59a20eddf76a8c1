"""Big tables (ACLED exports, our own 100,000-row CSV) read without per-row work that can be
done once: the EDTF grammar only for dates that could be EDTF, each WKT shape parsed once."""

from __future__ import annotations

import datetime
from pathlib import Path

import edtf
import pytest
import shapely

from mapexplorer.formats.dates import parse_date
from mapexplorer.formats.opener import guess_fields, read_catalogue
from mapexplorer.model import DateError, TimeSpan


@pytest.fixture
def edtf_grammar_calls(monkeypatch) -> list[str]:
    """Every text the EDTF grammar (pyparsing, milliseconds a string) is asked to parse."""
    calls: list[str] = []
    original = edtf.parse_edtf

    def counting(text, *args, **kwargs):
        calls.append(text)
        return original(text, *args, **kwargs)

    monkeypatch.setattr(edtf, "parse_edtf", counting)
    return calls


def _acled_like(path: Path, days: list[datetime.date]) -> Path:
    lines = ["event_id_cnty,event_date,event_type,actor1,location,latitude,longitude,notes"]
    for n, day in enumerate(days):
        written = f"{day.day} {day:%B %Y}"  # ACLED's "18 October 2004"
        lines.append(f"X{n},{written},Protests,Militia {n},Town {n},{n % 80}.5,{n % 170}.25,N{n}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_written_dates_never_reach_the_edtf_grammar(tmp_path, edtf_grammar_calls):
    # Distinct days (a year and a half of them), so no cache of earlier tests can hide the cost.
    days = [datetime.date(1911, 3, 2) + datetime.timedelta(days=n) for n in range(500)]
    path = _acled_like(tmp_path / "acled.csv", days)
    guess = guess_fields(path)
    assert guess.chosen["time"] == "event_date"
    catalogue, report = read_catalogue(path)
    assert not report
    assert sorted(e.time.edtf for e in catalogue.events) == [d.isoformat() for d in days]
    assert edtf_grammar_calls == []


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("1913-13-45", "has no month 13"),  # looks like EDTF: EDTF's own reason
        ("1913-02-30/1913-03", "'1913-02-30' is not a real day"),
        ("2004-XX-11", "unknown digits"),
        ("1913-01-01 / 1914", "'1913-01-01 ' is not a date EDTF can place"),
        ("Y170000", "not a date we can read"),
        ("18 Octember 1913", "'octember' is not a month"),
    ],
)
def test_dates_that_fail_keep_their_reasons(text, reason):
    with pytest.raises(DateError, match=reason):
        parse_date(text)


def test_edtf_beyond_the_common_forms_still_uses_the_grammar(edtf_grammar_calls):
    assert parse_date("1913-?06-11") == TimeSpan.parse("1913-?06-11")
    assert parse_date(" 1914-21~ ").edtf == "1914-21~"


def test_each_distinct_wkt_cell_is_parsed_once(tmp_path, monkeypatch):
    calls: list[int] = []
    original = shapely.from_wkt

    def counting(geometry, *args, **kwargs):
        calls.append(1)
        return original(geometry, *args, **kwargs)

    monkeypatch.setattr(shapely, "from_wkt", counting)
    shapes = [
        '"POLYGON ((47 37, 54 37, 54 47, 47 47, 47 37))"',
        '"LINESTRING (48.5 30.4, 51.4 35.7)"',
        "SRID=4326;POINT (46.29 38.08)",
    ]
    lines = ["title,date,place,wkt"]
    lines += [
        f"Event {n},1912-01-{n % 28 + 1:02d},Site {n % 3},{shapes[n % 3]}" for n in range(300)
    ]
    lines.append('Broken,1912-02-01,Broken site,"POLYGON ((0 0, 10"')
    path = tmp_path / "shapes.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    catalogue, report = read_catalogue(path)
    assert len(catalogue.events) == 300 and len(catalogue.places) == 3
    assert [p.item for p in report.problems] == ["row 302"]
    assert "not WKT we can read ('POLYGON ((0 0, 10')" in report.problems[0].message
    assert len(calls) <= 2  # all cells at once, then the broken one again for its reason
