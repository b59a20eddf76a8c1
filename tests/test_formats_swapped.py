"""Latitude and longitude the other way round in a table: said, and read swapped when evident."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mapexplorer.formats import FormatError
from mapexplorer.formats.opener import read_catalogue
from mapexplorer.formats.swapped import swapped_rows
from mapexplorer.model import Catalogue


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def spots(catalogue: Catalogue) -> dict[str, tuple[float, float]]:
    """Each event's title → its place's (lon, lat), rounded."""
    out = {}
    for event in catalogue.events:
        lon, lat = catalogue.places_of(event)[0].representative
        out[event.title] = (round(lon, 4), round(lat, 4))
    return out


CITIES = {  # (lat, lon)
    "London": (51.5074, -0.1278),
    "Paris": (48.8566, 2.3522),
    "Berlin": (52.52, 13.405),
    "Madrid": (40.4168, -3.7038),
}


def table(swapped: set[str]) -> str:
    rows = [
        f"{name},{lon if name in swapped else lat},{lat if name in swapped else lon},2024-01-0{n}"
        for n, (name, (lat, lon)) in enumerate(CITIES.items(), 1)
    ]
    return "place,lat,lon,date\n" + "\n".join(rows) + "\n"


def test_a_table_whose_columns_are_swapped_by_its_towns_is_read_the_other_way_round(tmp_path):
    """Every row's town is where its numbers say only swapped: London landed in the Indian
    Ocean, named London, and nothing said so."""
    catalogue, report = read_catalogue(write(tmp_path / "cities.csv", table(set(CITIES))))
    assert spots(catalogue)["London"] == (-0.1278, 51.5074)
    assert spots(catalogue)["Berlin"] == (13.405, 52.52)
    assert report.choice.lat == "lon" and report.choice.lon == "lat"
    assert not report.problems
    assert report.notes == [
        "'lat' and 'lon' were read the other way round ('lon' as the latitude): 4 of the 4 "
        "rows whose places we know are at them only so ('London' in row 2 is given as "
        "latitude -0.1278, longitude 51.5074, 7,493 km from London; swapped, it is there)"
    ]


def test_a_row_whose_numbers_are_swapped_is_named_and_read_as_written(tmp_path):
    catalogue, report = read_catalogue(write(tmp_path / "cities.csv", table({"London"})))
    assert spots(catalogue)["London"] == (51.5074, -0.1278)  # as written: never a silent guess
    assert spots(catalogue)["Paris"] == (2.3522, 48.8566)
    assert report.notes == [
        "row 2 names a place its coordinates are far from, but would be at with the latitude "
        "and the longitude swapped ('London' in row 2 is given as latitude -0.1278, longitude "
        "51.5074, 7,493 km from London; swapped, it is there): read as written; are 'lat' and "
        "'lon' swapped in it?"
    ]
    assert report.headline() == "cities.csv: all 4 rows read, some not quite as written:"


def test_rows_at_their_towns_or_their_namesakes_say_nothing(tmp_path):
    text = table(set()) + "Paris,33.6609,-95.5555,2024-02-01\nSomewhere,10,20,2024-02-02\n"
    catalogue, report = read_catalogue(write(tmp_path / "fine.csv", text))  # Paris, Texas
    assert len(catalogue.events) == 6 and not report
    # A far place whose swapped numbers are nowhere near it either: a typo, not a swap.
    text = table(set()).replace("-0.1278,", "-30.1278,")
    assert not read_catalogue(write(tmp_path / "typo.csv", text))[1]


def test_the_check_is_bounded_and_needs_numbers_that_could_be_swapped():
    assert swapped_rows([("London", 139.7, 35.7)]) is None  # 139.7 cannot be a latitude
    assert swapped_rows([None, ("", 51.5074, -0.1278)]) is None  # no name
    assert swapped_rows([("London", 51.5074, -0.1278)] * 20_001) is None  # too big to check
    found = swapped_rows([("London, UK", 51.5074, -0.1278), ("Paris", 2.3522, 48.8566)])
    assert found is not None and found.rows == [0] and found.known == 2 and not found.most


def test_a_latitude_column_of_longitudes_is_read_the_other_way_round(tmp_path):
    """Without names: 'lat' holds 139.69 (beyond ±90), 'lon' only values within ±90. The file
    was refused ("'lat' holds no latitudes"); it opens, saying how it was read."""
    text = "title,lat,lon,date\nA,139.69,35.68,2024-01-01\nB,121.47,31.23,2024-01-02\n"
    catalogue, report = read_catalogue(write(tmp_path / "asia.csv", text))
    assert spots(catalogue) == {"A": (139.69, 35.68), "B": (121.47, 31.23)}
    assert report.notes == [
        "'lat' and 'lon' were read the other way round ('lon' as the latitude): 'lat' holds "
        "longitudes (139.69 is beyond ±90°), 'lon' only values within ±90°"
    ]
    # Not evident: a column of metres, or swapped values all within ±90, are not turned round.
    metres = "title,lat,lon,date\nA,4187547.8,35.68,2024-01-01\n"
    with pytest.raises(FormatError, match="metres"):
        read_catalogue(write(tmp_path / "metres.csv", metres))
    europe = "title,lat,lon,date\nA,2.35,48.85,2024-01-01\n"
    catalogue, report = read_catalogue(write(tmp_path / "europe.csv", europe))
    assert spots(catalogue) == {"A": (48.85, 2.35)} and not report  # no name: nothing to go by


def test_a_geojson_point_written_latitude_first_is_named_by_its_town(tmp_path):
    """A script wrote [lat, lon]: London's feature was drawn in the Indian Ocean, silently."""
    features = [
        {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": list(coords)},
            "properties": {"name": name, "date": "2024-01-01"},
        }
        for name, coords in (("London", (51.5074, -0.1278)), ("Paris", (2.3522, 48.8566)))
    ]
    text = json.dumps({"type": "FeatureCollection", "features": features})
    catalogue, report = read_catalogue(write(tmp_path / "script.geojson", text))
    assert spots(catalogue)["London"] == (51.5074, -0.1278)  # as written: GeoJSON says so
    assert report.notes == [
        "feature 1 names a place its coordinates are far from, but would be at with the "
        "longitude and the latitude swapped ('London' in feature 1 is at [51.5074, -0.1278], "
        "7,493 km from London; [-0.1278, 51.5074] is there): read as written; GeoJSON gives "
        "the longitude first, [longitude, latitude]"
    ]
