"""Other tools' files that name their places without coordinates: found by name."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from mapexplorer.formats import FormatError
from mapexplorer.formats.opener import guess_fields, read_catalogue
from mapexplorer.formats.report import warning_lines
from mapexplorer.importer.gazetteer import gazetteer
from mapexplorer.model import Catalogue
from mapexplorer.model.place import PlaceKind


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def place_by_title(catalogue: Catalogue) -> dict:
    return {e.title: catalogue.places_of(e)[0] for e in catalogue.events}


def test_a_spreadsheet_of_town_and_country_names_opens_on_the_map(tmp_path):
    path = write(
        tmp_path / "summits.csv",
        "date,title,place\n"
        "2024-03-01,Summit opens,Paris\n"
        '2024-03-05,Talks,"Geneva"\n'
        "2024-04-10,Protest,Tehran\n"
        "2024-05-01,Sanctions,Ukraine\n",
    )
    catalogue, report = read_catalogue(path)
    places = place_by_title(catalogue)
    assert len(catalogue.events) == 4 and not report.problems
    lon, lat = places["Summit opens"].representative
    assert (round(lat), round(lon)) == (49, 2)  # Paris, France, not Paris, Texas
    lon, lat = places["Protest"].representative
    assert (round(lat), round(lon)) == (36, 51)
    assert places["Talks"].name == "Geneva"  # the file's own spelling
    # A country is its outline, a region on the map
    assert places["Sanctions"].kind is PlaceKind.REGION
    assert places["Sanctions"].geometry.contains(
        places["Sanctions"].geometry.representative_point()
    )
    assert "Placed by its name in the file ('Paris'), as Paris, France" in (
        places["Summit opens"].source
    )
    # The user is told which places were guessed, and how
    (line,) = report.asides + report.notes
    assert line.startswith("4 places found by name (no coordinates given): 'Paris' as Paris, ")
    assert "'Tehran' as Tehran, Iran" in line and "give latitude and longitude" in line


def test_town_names_in_cyrillic_or_greek_are_found(tmp_path):
    """A Ukrainian sheet writes its towns in Cyrillic: 'Харків' was refused as a place we do
    not know, though GeoNames gives the name. A big city's names in any script with capitals
    are known (Arabic and Chinese have none: not yet)."""
    path = write(
        tmp_path / "events.csv",
        "Дата;Подія;Місто\n"
        "2022-02-24;Обстріл;Харків\n"
        "2022-03-01;Протест;Київ\n"
        "2022-03-05;Συνάντηση;Αθήνα\n",
    )
    catalogue, report = read_catalogue(path)
    places = place_by_title(catalogue)
    assert len(catalogue.events) == 3 and not report.problems
    lon, lat = places["Обстріл"].representative
    assert (round(lat), round(lon)) == (50, 36)  # Kharkiv
    lon, lat = places["Протест"].representative
    assert (round(lat), round(lon)) == (50, 31)  # Kyiv
    lon, lat = places["Συνάντηση"].representative
    assert (round(lat), round(lon)) == (38, 24)  # Athens
    assert places["Обстріл"].name == "Харків"  # the file's own spelling
    (line,) = report.asides + report.notes
    assert "'Харків' as Kharkiv, Ukraine" in line and "'Київ' as Kyiv, Ukraine" in line


@pytest.mark.parametrize(
    "written", ["Paris, Texas", "Paris, TX", "Paris , Texas, United States", "paris, tx"]
)
def test_a_state_or_country_after_a_comma_chooses_among_namesakes(tmp_path, written):
    path = write(tmp_path / "t.csv", f'date,title,location\n2024-03-01,Fair,"{written}"\n')
    catalogue, report = read_catalogue(path)
    lon, lat = place_by_title(catalogue)["Fair"].representative
    assert (round(lat), round(lon)) == (34, -96)
    assert "as Paris, Texas" in (report.asides + report.notes)[0]


def test_a_towns_namesakes_are_read_by_the_files_other_places(tmp_path):
    rows = "\n".join(
        f"2024-03-0{i},Event {i},{town}"
        for i, town in enumerate(["Springfield", "Peoria", "Champaign", "Chicago"], start=1)
    )
    catalogue, report = read_catalogue(write(tmp_path / "il.csv", "date,title,city\n" + rows))
    lon, lat = place_by_title(catalogue)["Event 1"].representative
    assert (round(lat), round(lon)) == (40, -90)  # Springfield, Illinois
    assert "'Springfield' as Springfield, Illinois" in (report.asides + report.notes)[0]


@pytest.mark.parametrize(
    ("cities", "country"), [(["Leeds", "York", "Hull"], ""), (["York", "Hull"], "UK")]
)
def test_a_big_citys_short_name_is_read_by_the_files_other_places(tmp_path, cities, country):
    """'Hull' among Leeds and York, and 'Hull' with a country column of 'UK', were Hull,
    Quebec: Kingston upon Hull (314,000 people) is "Hull" only by another name, which was
    dropped beside a town of that name a fifth its size, even when the row's country ruled
    that town out. In a table, the other name is a reading too."""
    rows = "\n".join(
        f"2024-03-0{i},Event {i},{town},{country}" for i, town in enumerate(cities, start=1)
    )
    path = write(tmp_path / "floods.csv", "date,title,city,country\n" + rows)
    catalogue, report = read_catalogue(path)
    hull = catalogue.places_of(
        next(e for e in catalogue.events if e.title.endswith(str(len(cities))))
    )
    lon, lat = hull[0].representative
    assert (round(lat, 1), round(lon, 1)) == (53.7, -0.3)
    assert not report.problems
    assert "as Kingston upon Hull, United Kingdom" in " ".join(report.asides + report.notes)


def test_a_town_outside_its_rows_country_is_said(tmp_path):
    """A row of 'Paris' and 'Germany' was placed at Paris, France, with the report saying
    only "'Paris' as Paris, France": the row's country, which we read, was passed over
    without a word. A country we cannot read ('FRA') is still no reason to say so."""
    text = (
        "date,title,city,country\n"
        "2024-01-01,Fair,Paris,Germany\n"
        "2024-01-02,Talks,Berlin,Germany\n"
        "2024-01-03,Expo,Lyon,FRA\n"
    )
    catalogue, report = read_catalogue(write(tmp_path / "fairs.csv", text))
    assert not report.problems
    assert place_by_title(catalogue)["Fair"].name == "Paris"
    (line,) = [n for n in report.notes if "outside the row's country" in n]
    assert line.startswith(
        "1 name read outside the row's country, where we know no place of that name: 'Paris' "
        "(country 'Germany') as Paris, France"
    )
    assert "Lyon" not in line


def test_a_list_of_places_in_one_cell_is_the_event_at_each(tmp_path):
    """A Wikipedia table's "Location" lists several places ("Caucasus, Balkans"): the row
    was left out as a place we do not know. The event is at each we know, when they are at
    least half, and the report names the list and the parts not known; "Paris, Germany"
    (a town and a country that rules it out) is still no list."""
    text = (
        "War,Date,Location\n"
        'Balkan Wars,1912–1913,"Balkans, Caucasus"\n'
        'Russo-Japanese War,1904–1905,"Manchuria, Yellow Sea"\n'
        'World War I,1914–1918,"Europe, Africa, Middle East"\n'
        'Fair,1900,"Paris, Germany"\n'
    )
    catalogue, report = read_catalogue(write(tmp_path / "wars.csv", text))
    events = {e.title: [p.name for p in catalogue.places_of(e)] for e in catalogue.events}
    assert events == {"Balkan Wars": ["Balkans", "Caucasus"], "Russo-Japanese War": ["Yellow Sea"]}
    (line,) = [n for n in report.notes if "list of places" in n]
    assert line.startswith(
        "2 names read as a list of places, the event at each we know: 'Balkans, Caucasus'; "
        "'Manchuria, Yellow Sea' (not 'Manchuria')"
    )
    assert [(p.item, p.message) for p in report.problems] == [
        ("row 4", "'Europe, Africa, Middle East' is not a place we know by name (we know "
         "countries, many regions, towns of over 15,000 people, and smaller ones written with "
         "their country or near the file's other towns); give its latitude and longitude"),
        ("row 5", "we know no 'Paris' in 'Germany' (give its latitude and longitude)"),
    ]  # fmt: skip


def test_places_apart_by_semicolons_are_each_a_place_written_as_any_other(tmp_path):
    """A cell of 'Paris, France; Lyon, France' (a sheet listing each march's towns) was read as
    Paris, leaving out 'France; Lyon' as an area we do not know: a semicolon parts places, each
    written as any other name (with its country, or the row's), the unknown ones reported."""
    text = (
        "date,title,place,country\n"
        '2024-05-01,Marches,"Paris, France; Lyon, France",\n'
        "2024-05-02,Strikes,Marseille; Toulouse,France\n"
        "2024-05-03,Talks,Geneva; Xyzzyville; Bern,\n"
        "2024-05-04,Nowhere,Xyzzyville; Plughton,\n"
    )
    catalogue, report = read_catalogue(write(tmp_path / "marches.csv", text))
    events = {e.title: catalogue.places_of(e) for e in catalogue.events}
    names = {title: [p.name for p in places] for title, places in events.items()}
    assert names == {
        "Marches": ["Paris, France", "Lyon, France"],
        "Strikes": ["Marseille", "Toulouse"],
        "Talks": ["Geneva", "Bern"],
    }
    (lon, lat) = events["Strikes"][1].representative
    assert (round(lat), round(lon)) == (44, 1)  # Toulouse, France
    assert not [n for n in report.notes if "leaving out" in n]
    (line,) = [n for n in report.notes if "list of places" in n]
    assert "'Geneva; Xyzzyville; Bern' (not 'Xyzzyville')" in line
    ((item, message),) = [(p.item, p.message) for p in report.problems]
    assert item == "row 5" and message.startswith(
        "'Xyzzyville; Plughton' is not a place we know by name"
    )


def test_a_sea_with_off_a_place_is_one_place_by_it(tmp_path):
    """'North Sea, off Jutland' was read as a list of two places, the North Sea and Jutland,
    and 'Atlantic Ocean, off Brest' as the ocean and Brest in Belarus: a sea with where in it
    ("off", "near") is one place, by the place after it (its namesake nearest the sea), named
    as the file writes it."""
    text = (
        "date,event,place\n"
        '1916-05-31,Jutland,"North Sea, off Jutland"\n'
        '1941-05-27,Bismarck,"Atlantic Ocean, off Brest"\n'
        '1915-05-07,Lusitania,"Celtic Sea, off Kinsale, Ireland"\n'
        '1940-05-26,Dunkirk,"English Channel, near Dunkirk"\n'
        '1940-06-01,Towns,"Paris, near Lyon"\n'
    )
    catalogue, report = read_catalogue(write(tmp_path / "navy.csv", text))
    events = {e.title: catalogue.places_of(e) for e in catalogue.events}
    assert {t: [p.name for p in places] for t, places in events.items() if t != "Towns"} == {
        "Jutland": ["North Sea, off Jutland"],
        "Bismarck": ["Atlantic Ocean, off Brest"],
        "Lusitania": ["Celtic Sea, off Kinsale, Ireland"],
        "Dunkirk": ["English Channel, near Dunkirk"],
    }
    spots = {t: places[0].representative for t, places in events.items()}
    assert (round(spots["Bismarck"][1]), round(spots["Bismarck"][0])) == (48, -4)  # France
    assert (round(spots["Lusitania"][1]), round(spots["Lusitania"][0])) == (52, -9)
    assert 55 <= spots["Jutland"][1] <= 58 and 8 <= spots["Jutland"][0] <= 11
    assert "'North Sea, off Jutland' as Jutland (region)" in report.asides[0]
    # No sea before the place: a list of two, as before
    assert len(events["Towns"]) == 2
    (line,) = [n for n in report.notes if "list of places" in n]
    assert line.endswith("we know: 'Paris, near Lyon'")


def test_one_clear_name_does_not_choose_the_tables_country(tmp_path):
    """A history teacher's table of Olympia, Rome, London and Hastings: Olympia is only
    Olympia, Washington, in our gazetteer, and that one name made every other a U.S. town
    (Rome, Georgia; Hastings, Nebraska). One clear name is little evidence: the table's other
    names' first readings count too."""
    read = names_read(tmp_path, ["Olympia", "Rome", "London", "Hastings"])
    assert (read["Rome"], read["Hastings"]) == ("Rome, Italy", "Hastings, United Kingdom")
    us_towns = names_read(tmp_path, ["Dallas", "Boston", "Chicago", "Georgia"])
    assert us_towns["Georgia"] == "Georgia (U.S. state)"  # as before


@pytest.mark.parametrize(
    ("names", "line"),
    [
        (  # Rome, Italy, is the third reading, behind two U.S. towns (Georgia's, New York's)
            ["Dallas", "Boston", "Chicago", "Rome"],
            "'Rome' could be more than one place: read as Rome, New York, not Rome, "
            "Italy; to choose, write its state or country after a comma (e.g. 'Rome, Italy')",
        ),
        (  # Washington, D.C., 13 times the size of Washington, Tyne and Wear, near Sunderland
            ["Sunderland", "London", "Washington", "Newcastle"],
            "'Washington' could be more than one place: read as Washington, United Kingdom, "
            "not Washington, District of Columbia; to choose, write its state or country after a "
            "comma (e.g. 'Washington, DC')",
        ),
    ],
)
def test_the_far_bigger_namesake_passed_over_is_the_one_named(tmp_path, names, line):
    """The report named the runner-up ("not Rome, NY"), not the namesake the user most
    likely meant and that was passed over (Rome, Italy), and said nothing of a capital ten
    times the size of the town taken."""
    rows = "".join(f"2024-03-0{i},Event {i},{n}\n" for i, n in enumerate(names, start=1))
    _, report = read_catalogue(write(tmp_path / "t.csv", "date,title,place\n" + rows))
    assert line in report.notes


def test_a_read_report_names_a_namesake_as_the_import_review_does(tmp_path):
    """The report said "Rome, NY, United States" where the review's place list says "Rome,
    New York": one name for one town, whichever window tells it."""
    rows = "".join(
        f"2024-03-0{i},Event {i},{n}\n"
        for i, n in enumerate(["Dallas", "Boston", "Chicago", "Rome"], start=1)
    )
    _, report = read_catalogue(write(tmp_path / "t.csv", "date,title,place\n" + rows))
    gaz = gazetteer()
    taken = gaz.resolve_names(["Dallas", "Boston", "Chicago", "Rome"])["Rome"][0].entry
    review_name = gaz.place(taken, qualified=True).name
    assert review_name == "Rome, New York"
    assert f"read as {review_name}, not" in " ".join(report.notes)
    assert not any(", United States" in line for line in report.notes + report.asides)


def test_a_capital_does_not_lose_to_a_small_namesake_only_nearer_the_other_places(tmp_path):
    """A WWI table (Sarajevo, London, Compiègne, Washington) read Washington as the town near
    Sunderland, for lying nearer the others than Washington, D.C.: a capital or a far bigger
    namesake is what a table spread over countries means; one mostly in the small town's
    country keeps it (above), and the report says how to choose the other."""
    names = ["Sarajevo", "London", "Washington", "Compiègne"]
    assert names_read(tmp_path, names)["Washington"] == "Washington, District of Columbia"
    rows = "".join(f"2024-03-0{i},Event {i},{n}\n" for i, n in enumerate(names, start=1))
    _, report = read_catalogue(write(tmp_path / "w.csv", "date,title,place\n" + rows))
    assert (
        "'Washington' could be more than one place: read as Washington, District of Columbia, not "
        "Washington, United Kingdom; to choose, write its state or country after a comma (e.g. "
        "'Washington, United Kingdom')"
    ) in report.notes


def test_a_toss_up_between_namesakes_says_which_was_taken_and_how_to_choose(tmp_path):
    catalogue, report = read_catalogue(
        write(tmp_path / "s.csv", "date,title,place\n2024-03-01,Fair,Springfield\n")
    )
    assert len(catalogue.events) == 1
    doubt = (report.asides + report.notes)[1]
    assert doubt.startswith("'Springfield' could be more than one place: read as Springfield, ")
    assert "to choose, write its state or country after a comma (e.g. 'Springfield, " in doubt


def test_names_we_cannot_place_are_left_out_with_the_reason_and_the_rest_open(tmp_path):
    path = write(
        tmp_path / "mixed.csv",
        'date,title,place\n2024-03-01,Fair,Xyzzyville\n2024-03-02,Rally,"Paris, Germany"\n'
        "2024-03-03,Talks,Vienna\n2024-03-04,Notes,\n",
    )
    catalogue, report = read_catalogue(path)
    assert [e.title for e in catalogue.events] == ["Talks"]
    problems = {p.item: (p.field, p.message) for p in report.problems}
    assert problems["row 2"] == (
        "place",
        "'Xyzzyville' is not a place we know by name (we know countries, many regions, towns "
        "of over 15,000 people, and smaller ones written with their country or near the file's "
        "other towns); give its latitude and longitude",
    )
    assert problems["row 3"] == (
        "place",
        "we know no 'Paris' in 'Germany' (give its latitude and longitude)",
    )
    assert problems["row 5"] == (  # not "the latitude and longitude are empty": it has none
        "place",
        "no place: the 'place' cell is empty (and the file has no latitude and longitude columns)",
    )
    lines = warning_lines(report)
    assert lines[0] == "mixed.csv: 3 of 4 rows could not be read and were left out."


def test_rows_without_coordinates_in_a_table_that_has_them_are_placed_by_name(tmp_path):
    path = write(
        tmp_path / "acled.csv",
        "event_date,event_type,location,latitude,longitude\n"
        "2024-03-01,Battles,Somewhere,48.5,35.0\n"
        "2024-03-02,Protests,Kharkiv,,\n",
    )
    catalogue, report = read_catalogue(path)
    places = place_by_title(catalogue)
    assert places["Battles"].representative == (35.0, 48.5)  # the file's own coordinates
    lon, lat = places["Protests"].representative
    assert (round(lat), round(lon)) == (50, 36)
    assert (report.asides + report.notes)[0].startswith("1 place found by name")


def test_two_spellings_of_one_place_are_one_place(tmp_path):
    path = write(tmp_path / "k.csv", "date,title,place\n2024-03-01,A,Kyiv\n2024-03-02,B,Kiev\n")
    catalogue, _ = read_catalogue(path)
    assert len(catalogue.places) == 1
    assert next(iter(catalogue.places.values())).name == "Kyiv"


def test_coordinate_columns_we_cannot_read_are_an_error_even_beside_a_place_name(tmp_path):
    path = write(
        tmp_path / "p.csv", "Title,Date,City,Latitude,Longitude\nA,2025-01-17,Kyiv,north,east\n"
    )
    with pytest.raises(FormatError, match="'Latitude' holds no latitudes we can read"):
        read_catalogue(path)


def test_a_table_without_coordinates_or_place_names_says_what_it_needs(tmp_path):
    path = write(tmp_path / "nowhere.csv", "title,date,notes\nA,2025-01-17,x\n")
    with pytest.raises(FormatError) as error:
        read_catalogue(path)
    assert str(error.value) == (
        f"{path}: no latitude/longitude, WKT or place-name column found (name them e.g. "
        "'lat' and 'lon', or 'place'); the columns are 'title', 'date', 'notes'"
    )


def test_a_place_name_column_counts_as_the_location_when_guessing(tmp_path):
    guess = guess_fields(write(tmp_path / "g.csv", "date,title,city\n2024-03-01,A,Kyiv\n"))
    assert guess.choice.place == "city" and "location" not in guess.missing


@pytest.mark.parametrize("column", ["Capital", "County", "District", "Municipality", "Nation"])
def test_more_names_of_a_place_column_are_read(tmp_path, column):
    """ "Monarch | Reign | Capital" was refused as having no place-name column."""
    text = f"Monarch,Reign,{column}\nHenry VIII,1509–1547,London\n"
    catalogue, _ = read_catalogue(write(tmp_path / "kings.csv", text))
    assert place_by_title(catalogue)["Henry VIII"].name == "London"
    # A city column beside it is still the place: it comes first.
    both = f"date,title,{column},city\n2024-01-01,A,Kent,Dover\n"
    assert guess_fields(write(tmp_path / "both.csv", both)).choice.place == "city"


def test_places_on_lines_of_a_cell_or_joined_by_and_are_each_a_place(tmp_path):
    """A Google Sheets cell listing towns on lines of their own was read as its first town,
    leaving out 'France Lyon' as an area; 'Marseille / Toulouse', 'Geneva & Bern' and 'Paris
    and Lyon' were refused, and 'Trinidad & Tobago' too. A line break parts places as a
    semicolon does; 'and', '&' and '/' join them in a name that is no place ('Bosnia and
    Herzegovina' is one), and '&' is 'and' in one ('Trinidad and Tobago')."""
    text = (
        "date,title,place\n"
        '2024-05-01,Marches,"Paris, France\nLyon, France"\n'
        "2024-05-02,Strikes,Marseille / Toulouse\n"
        "2024-05-03,Talks,Geneva & Bern\n"
        '2024-05-04,Tour,"Paris, France and Lyon, France"\n'
        "2024-05-05,Vote,Bosnia and Herzegovina\n"
        "2024-05-06,Carnival,Trinidad & Tobago\n"
        "2024-05-07,Unknown,N/A\n"
    )
    catalogue, report = read_catalogue(write(tmp_path / "lists.csv", text))
    events = {e.title: [p.name for p in catalogue.places_of(e)] for e in catalogue.events}
    assert events == {
        "Marches": ["Paris, France", "Lyon, France"],
        "Strikes": ["Marseille", "Toulouse"],
        "Talks": ["Geneva", "Bern"],
        "Tour": ["Paris, France", "Lyon, France"],
        "Vote": ["Bosnia and Herzegovina"],
        "Carnival": ["Trinidad & Tobago"],
    }
    assert not [n for n in report.notes if "leaving out" in n]
    assert [p.item for p in report.problems] == ["row 8"]  # 'N/A' is no list of 'N' and 'A'


@pytest.mark.parametrize("column", ["Places", "Locations", "Cities", "Countries", "Location(s)"])
def test_a_column_named_for_several_places_is_the_place_column(tmp_path, column):
    """ "date | event | places" of 'Paris; Lyon' was refused as having no place-name column;
    a plural names the places too, after a column named for one."""
    text = f"date,event,{column}\n2024-05-01,Marches,France; Belgium\n"
    catalogue, _ = read_catalogue(write(tmp_path / "marches.csv", text))
    (event,) = catalogue.events
    assert [p.name for p in catalogue.places_of(event)] == ["France", "Belgium"]
    both = f'date,title,"{column}",place\n2024-01-01,A,Kent,Dover\n'
    assert guess_fields(write(tmp_path / "both.csv", both)).choice.place == "place"


def test_geojson_features_without_geometry_are_placed_by_their_place_name(tmp_path):
    features = [
        {"type": "Feature", "geometry": None, "properties": {"name": "Talks", "date": "2024-03-01", "location": "Geneva"}},
        {"type": "Feature", "geometry": None, "properties": {"name": "Lost", "date": "2024-03-02", "location": "Xyzzyville"}},
        {"type": "Feature", "geometry": None, "properties": {"name": "Nowhere", "date": "2024-03-03"}},
        {"type": "Feature", "geometry": None, "properties": {"date": "2024-03-04"}},
    ]  # fmt: skip
    path = tmp_path / "g.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}))
    catalogue, report = read_catalogue(path)
    lon, lat = place_by_title(catalogue)["Talks"].representative
    assert (round(lat), round(lon)) == (46, 6)
    problems = {p.item: (p.field, p.message) for p in report.problems}
    assert problems["feature 2 ('Lost')"][0] == "location"
    assert "'Xyzzyville' is not a place we know by name" in problems["feature 2 ('Lost')"][1]
    assert problems["feature 3 ('Nowhere')"][0] == "name"
    assert problems["feature 3 ('Nowhere')"][1].startswith(
        "the feature has no geometry, and 'Nowhere' is not a place we know by name"
    )
    assert problems["feature 4"] == (
        "geometry",
        "the feature has no geometry (and no place name to find it by)",
    )
    assert "'Geneva' as Geneva, Switzerland" in (report.asides + report.notes)[0]


def test_geojson_features_without_geometry_are_placed_by_their_name(tmp_path):
    """A feature whose only name is its own ("name": "Kharkiv"), as a KML placemark's <name>,
    was left out as having no place name."""
    features = [
        {"type": "Feature", "geometry": None, "properties": {"name": "Kharkiv", "date": "2022-02-24"}},
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [30.52, 50.45]}, "properties": {"name": "Kyiv", "date": "2022-02-25"}},
    ]  # fmt: skip
    path = tmp_path / "g.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}))
    catalogue, report = read_catalogue(path)
    assert not report.problems
    lon, lat = place_by_title(catalogue)["Kharkiv"].representative
    assert (round(lat), round(lon)) == (50, 36)
    assert (report.asides + report.notes)[0].startswith(
        "1 place found by name (no coordinates given): 'Kharkiv' as Kharkiv, Ukraine"
    )


def test_an_area_named_after_its_town_is_placed_at_the_town(tmp_path):
    """ACLED's admin1 column and many sheets write "Kharkiv Oblast", "Donetsk region": each was
    refused as a place we do not know. The area of the town it is named after stands for it,
    as in an article ("Kherson Oblast"); an area named after no town we know is still refused."""
    path = write(
        tmp_path / "areas.csv",
        "date,title,admin1\n"
        "2024-03-01,Shelling,Kharkiv Oblast\n"
        "2024-03-02,Drone attack,Donetsk region\n"
        "2024-03-03,Protest,Kumamoto Prefecture\n"
        "2024-03-04,Flood,Kherson Oblast\n"
        "2024-03-05,Storm,Central Region\n"
        "2024-03-06,Fire,Highland Region\n",
    )
    catalogue, report = read_catalogue(path)
    places = place_by_title(catalogue)
    assert set(places) == {"Shelling", "Drone attack", "Protest", "Flood"}
    lon, lat = places["Shelling"].representative
    assert (round(lat), round(lon)) == (50, 36)  # Kharkiv
    lon, lat = places["Drone attack"].representative
    assert (round(lat), round(lon)) == (48, 38)  # Donetsk
    # Not a small town of the name elsewhere: Central, Louisiana for Ghana's Central Region,
    # Highland, California for Scotland's
    problems = " ".join(str(problem) for problem in report.problems)
    assert "'Central Region' is not a place we know" in problems
    assert "'Highland Region' is not a place we know" in problems
    (line,) = report.asides + report.notes
    assert "'Kharkiv Oblast' as Kharkiv, Ukraine" in line


def test_geojson_features_with_an_empty_geometry_are_placed_by_their_name(tmp_path):
    """A tool writes a point it could not place as "coordinates": [] (or a collection of no
    geometries). That was refused ("a Point needs [longitude, latitude]"), where a KML
    placemark's empty <Point/> is placed by its name: it is now too, and one that has no name
    we know says its geometry is empty."""
    features = [
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": []}, "properties": {"title": "Shelling", "place": "Kharkiv", "date": "2024-03-02"}},
        {"type": "Feature", "geometry": {"type": "GeometryCollection", "geometries": []}, "properties": {"title": "Protest", "place": "Lviv", "date": "2024-03-03"}},
        {"type": "Feature", "geometry": {"type": "MultiPolygon", "coordinates": []}, "properties": {"title": "Blackout", "date": "2024-03-04"}},
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [30.52, 50.45]}, "properties": {"title": "Strike", "date": "2024-03-05"}},
    ]  # fmt: skip
    path = tmp_path / "g.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}))
    catalogue, report = read_catalogue(path)
    places = place_by_title(catalogue)
    assert set(places) == {"Shelling", "Protest", "Strike"}
    lon, lat = places["Shelling"].representative
    assert (round(lat), round(lon)) == (50, 36)  # Kharkiv
    lon, lat = places["Protest"].representative
    assert (round(lat), round(lon)) == (50, 24)  # Lviv
    (problem,) = report.problems
    assert "feature 3 ('Blackout')" in str(problem)
    assert "the feature's MultiPolygon is empty, and 'Blackout' is not a place we know" in str(
        problem
    )


def test_geojson_features_placed_by_coordinate_properties_are_not_looked_up_by_title(tmp_path):
    """In a file whose features have null geometries and "lat"/"lon" properties, one with
    them empty was looked up by its title ("'Shelling at night' is not a place we know"),
    every title of the file resolved as a place's name (~1 s more for 50,000 features)."""
    features = [
        {"type": "Feature", "geometry": None, "properties": {"title": "Strike", "date": "2024-01-01", "lat": 50.45, "lon": 30.52}},
        {"type": "Feature", "geometry": None, "properties": {"title": "Kharkiv", "date": "2024-01-02", "lat": None, "lon": None}},
    ]  # fmt: skip
    path = tmp_path / "g.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}))
    catalogue, report = read_catalogue(path)
    assert [e.title for e in catalogue.events] == ["Strike"]
    assert [(p.field, p.message) for p in report.problems] == [
        ("geometry", "the feature has no geometry, and its 'lat' and 'lon' are empty")
    ]


def test_resolving_names_standing_alone():
    found = gazetteer().resolve_names(["French", "Washington, D.C.", "Crimea, Ukraine"])
    assert found["French"] == []  # a nationality names no place
    assert gazetteer().describe(found["Washington, D.C."][0].entry) == (
        "Washington, District of Columbia"
    )
    assert found["Crimea, Ukraine"][0].entry.name == "Crimea"


def test_a_table_of_ten_thousand_rows_of_town_names_opens_in_seconds(tmp_path):
    """Each name's readings are measured against the table's thousands of others at once: the
    file opened in over a minute and a half when they were measured one by one."""
    import random
    import time

    from mapexplorer.importer.citytable import city_rows
    from mapexplorer.importer.gazetteer import normalise

    rng = random.Random(1)
    towns = [row[1] for row in rng.sample(list(city_rows(normalise)), 3000)]
    lines = [f'2024-01-{i % 28 + 1:02d},Event {i},"{rng.choice(towns)}"' for i in range(10_000)]
    path = write(tmp_path / "towns.csv", "date,title,place\n" + "\n".join(lines) + "\n")
    gazetteer()  # loaded once, whatever the file
    start = time.perf_counter()
    catalogue, _ = read_catalogue(path)
    assert time.perf_counter() - start < 15
    assert len(catalogue.events) == 10_000


@pytest.mark.parametrize("state", ["Arizona", "Colorado", "Virginia", "Montana", "Florida"])
def test_a_us_states_name_is_the_state_not_a_foreign_town_of_that_name(tmp_path, state):
    path = write(tmp_path / "s.csv", f"date,title,place\n2024-03-01,Primary,{state}\n")
    catalogue, report = read_catalogue(path)
    assert place_by_title(catalogue)["Primary"].name == state
    assert f"'{state}' as {state} (U.S. state)" in (report.asides + report.notes)[0]


@pytest.mark.parametrize("written", ["New York", "new york", "NYC", "New York, NY"])
def test_new_york_alone_is_the_city(tmp_path, written):
    path = write(
        tmp_path / "ny.csv",
        f'date,title,city\n2024-03-01,Rally,"{written}"\n2024-03-02,Summit,Paris\n',
    )
    catalogue, report = read_catalogue(path)
    lon, lat = place_by_title(catalogue)["Rally"].representative
    assert (round(lat, 1), round(lon, 1)) == (40.7, -74.0)  # not the state's middle
    assert f"{written!r} as New York City, New York" in (report.asides + report.notes)[0]


def names_read(tmp_path, names: list[str]) -> dict[str, str]:
    """What each name of a table's place column was read as."""
    rows = "".join(f'2024-03-{i:02d},Event {i},"{n}"\n' for i, n in enumerate(names, start=1))
    catalogue, _ = read_catalogue(write(tmp_path / "t.csv", "date,title,place\n" + rows))
    gaz = gazetteer()
    found = gaz.resolve_names(names)
    assert len(catalogue.events) == len(names)
    return {name: gaz.describe(found[name][0].entry) for name in names}


def test_a_name_is_read_by_the_countries_and_kinds_of_its_tables_other_names(tmp_path):
    us_towns = names_read(tmp_path, ["Dallas", "Boston", "Chicago", "Georgia"])
    assert us_towns["Georgia"] == "Georgia (U.S. state)"
    caucasus = names_read(tmp_path, ["Tbilisi", "Yerevan", "Baku", "Armenia", "Georgia"])
    assert caucasus["Georgia"] == "Georgia"
    states = names_read(tmp_path, ["Texas", "Ohio", "Florida", "Washington", "New York"])
    assert states == {name: f"{name} (U.S. state)" for name in states}
    cities = names_read(tmp_path, ["Paris", "London", "Washington", "New York", "Tokyo"])
    assert cities["Washington"] == "Washington, District of Columbia"
    assert cities["New York"] == "New York City, New York"
    countries = names_read(tmp_path, ["France", "Mexico", "Luxembourg", "Georgia", "Jordan"])
    assert countries == {name: name for name in countries}


def test_each_toss_up_says_how_to_choose_in_words_the_file_can_hold(tmp_path):
    names = ["Washington", "Georgia", "Yuanyang", "Springfield", "Paris", "Singapore"]
    rows = "".join(f"2024-03-0{i},Event {i},{n}\n" for i, n in enumerate(names, start=1))
    _, report = read_catalogue(write(tmp_path / "t.csv", "date,title,place\n" + rows))
    doubts = {line.split("'")[1]: line for line in (report.asides + report.notes)[1:]}
    assert "Singapore" not in doubts  # the country or the city: one place on the map
    assert doubts["Yuanyang"].startswith(
        "'Yuanyang' could be more than one place: read as Yuanyang, China at "
    )
    assert doubts["Yuanyang"].endswith("; to choose, give its latitude and longitude")
    gaz = gazetteer()
    for name in ("Georgia", "Springfield", "Paris"):
        other = doubts[name].split(", not ")[1].split("; to choose, ")[0]
        written = re.search(r"'([^']+)'\)?$", doubts[name]).group(1)
        (chosen, *_) = gaz.resolve_names([written])[written]
        assert gaz.describe(chosen.entry) == other, doubts[name]


def test_a_file_of_many_toss_ups_lists_the_first_few(tmp_path):
    names = ["Springfield", "Yuanyang", "Paris", "Georgia", "Aurora", "Avon", "Troitsk", "Arai"]
    rows = "".join(f"2024-03-0{i},Event {i},{n}\n" for i, n in enumerate(names, start=1))
    _, report = read_catalogue(write(tmp_path / "t.csv", "date,title,place\n" + rows))
    assert len(report.asides + report.notes) <= 7
    assert "more names could be more than one place: " in (report.asides + report.notes)[-1]


def test_st_and_saint_are_one_spelling(tmp_path):
    russia = names_read(tmp_path, ["Moscow", "Kazan", "Samara", "St. Petersburg"])
    assert russia["St. Petersburg"] == "Saint Petersburg, Russia"
    florida = names_read(tmp_path, ["Tampa", "Orlando", "Saint Petersburg", "Ft. Myers"])
    assert florida["Saint Petersburg"] == "St. Petersburg, Florida"
    assert florida["Ft. Myers"] == "Fort Myers, Florida"


def test_kml_placemarks_without_geometry_are_placed_by_their_address_or_name(tmp_path):
    mark = "<Placemark><name>{}</name>{}<TimeStamp><when>2024-05-0{}</when></TimeStamp></Placemark>"
    marks = [
        ("Museum visit", "<address>5 Av. Anatole France, 75007 Paris, France</address>"),
        ("Meeting", "<address>10 Downing St, London SW1A 2AA, UK</address>"),
        ("Geneva", ""),
        ("Lunch with Bob", ""),
    ]
    body = "".join(mark.format(n, a, i) for i, (n, a) in enumerate(marks, start=1))
    path = write(
        tmp_path / "trip.kml",
        f'<kml xmlns="http://www.opengis.net/kml/2.2"><Document>{body}</Document></kml>',
    )
    catalogue, report = read_catalogue(path)
    places = place_by_title(catalogue)
    lon, lat = places["Museum visit"].representative
    assert (round(lat), round(lon)) == (49, 2)
    lon, lat = places["Meeting"].representative
    assert (round(lat), round(lon)) == (52, 0)
    lon, lat = places["Geneva"].representative
    assert (round(lat), round(lon)) == (46, 6)
    (problem,) = report.problems
    assert (problem.item, problem.field) == ("placemark 4 ('Lunch with Bob')", "name")
    assert problem.message.startswith(
        "the placemark has no geometry, and 'Lunch with Bob' is not a place we know by name"
    )
    assert (report.asides + report.notes)[0].startswith(
        "3 places found by name (no coordinates given): "
    )
    assert (
        "'10 Downing St, London SW1A 2AA, UK' as London, United Kingdom"
        in (report.asides + report.notes)[0]
    )


@pytest.mark.parametrize(
    "empty", ["<MultiGeometry/>", "<Point/>", "<MultiGeometry><Polygon/></MultiGeometry>"]
)
def test_kml_placemarks_with_an_empty_geometry_say_so(tmp_path, empty):
    """A placemark with an empty <MultiGeometry/> was reported as 'the placemark has no
    geometry, and 'C' is not a place we know by name', as if it had none."""
    mark = "<Placemark>{}<TimeStamp><when>2024-05-01</when></TimeStamp>{}</Placemark>"
    body = "".join(
        mark.format(name, empty) for name in ("<name>Checkpoint C</name>", "<name>Paris</name>", "")
    )
    path = write(
        tmp_path / "empty.kml",
        f'<kml xmlns="http://www.opengis.net/kml/2.2"><Document>{body}</Document></kml>',
    )
    catalogue, report = read_catalogue(path)
    tag = re.match(r"<(\w+)", empty)[1]
    problems = {p.item: (p.field, p.message) for p in report.problems}
    assert problems["placemark 1 ('Checkpoint C')"][1].startswith(
        f"the placemark's <{tag}> is empty (it holds no coordinates), and 'Checkpoint C' is not "
        "a place we know by name"
    )
    assert problems["placemark 3"] == (
        "geometry",
        f"the placemark's <{tag}> is empty (it holds no coordinates), and it has no name to "
        "place it by",
    )
    lon, lat = place_by_title(catalogue)["Paris"].representative  # placed by its name
    assert (round(lat), round(lon)) == (49, 2)


def test_a_far_bigger_namesake_passed_over_by_the_context_is_reported(tmp_path):
    path = write(
        tmp_path / "us.csv",
        "date,title,city\n2024-03-01,A,Dallas\n2024-03-02,B,Boston\n2024-03-03,C,Chicago\n"
        "2024-03-04,D,Paris\n",
    )
    _, report = read_catalogue(path)
    assert "'Paris' as Paris, Texas" in (report.asides + report.notes)[0]
    assert (report.asides + report.notes)[1] == (
        "'Paris' could be more than one place: read as Paris, Texas, not Paris, "
        "France; to choose, write its state or country after a comma (e.g. 'Paris, France')"
    )
    assert (
        len(report.asides + report.notes) == 2
    )  # Boston, Massachusetts beside Boston, England: no doubt


@pytest.mark.parametrize(
    ("column", "cell"),
    [
        ("coordinates", "48.8566, 2.3522"),  # as Google Maps copies them
        ("location", "48.8566,2.3522"),  # a place column that holds coordinates
        ("latlng", "48.8566 2.3522"),
        ("gps", "48,8566; 2,3522"),  # decimal commas
        ("Koordinaten", "(48.8566, 2.3522)"),
        # In degrees with their hemispheres, as Wikipedia writes them: the file was refused
        # as having no latitude/longitude column.
        ("Coordinates", "48°51′23.76″N 2°21′7.92″E"),
        ("Coordinates", "48.8566°N 2.3522°E"),
        ("Coordinates", "N 48° 51.396′, E 2° 21.132′"),  # a GPS device's
        ("Coordinates", "2.3522°E 48.8566°N"),  # the longitude first, by its hemisphere
        # copied from an infobox: the decimal forms after slashes, invisible spaces between
        (
            "Coordinates",
            "48°51′23.76″N 2°21′7.92″E\ufeff / \ufeff48.8566°N 2.3522°E / 48.8566; 2.3522",
        ),
    ],
)
def test_one_column_with_latitude_and_longitude_is_read(tmp_path, column, cell):
    path = write(tmp_path / "pair.csv", f'date,title,{column}\n2024-03-01,Summit,"{cell}"\n')
    catalogue, report = read_catalogue(path)
    lon, lat = place_by_title(catalogue)["Summit"].representative
    assert (round(lon, 6), round(lat, 6)) == (2.3522, 48.8566)
    assert not report  # nothing placed by name, nothing left out


def test_coordinates_in_degrees_south_and_west_are_negative_and_a_bad_one_said(tmp_path):
    path = write(
        tmp_path / "pair.csv",
        'date,title,coordinates\n2024-03-01,Sydney,"33°52′S 151°12′E"\n'
        '2024-03-02,Lima,"12°3′S 77°2′W"\n2024-03-03,Bad,"48°75′N 2°21′E"\n',
    )
    catalogue, report = read_catalogue(path)
    places = place_by_title(catalogue)
    assert [round(v, 4) for v in places["Sydney"].representative] == [151.2, -33.8667]
    assert [round(v, 4) for v in places["Lima"].representative] == [-77.0333, -12.05]
    (problem,) = report.problems
    assert str(problem) == (
        "row 4, field 'coordinates': the latitude '48°75′N' has 75 minutes (minutes go from "
        "0 to 59)"
    )


def test_a_coordinate_pair_column_says_what_is_wrong_with_a_cell(tmp_path):
    path = write(
        tmp_path / "pair.csv",
        'date,title,city,coordinates\n2024-03-01,A,Paris,"48.8566, 2.3522"\n'
        '2024-03-02,B,Tokyo,"139.69, 35.69"\n2024-03-03,C,Oslo,"north, east"\n'
        + "".join(f'2024-03-1{i},D{i},Rome,"41.9, 12.5"\n' for i in range(6)),
    )
    catalogue, report = read_catalogue(path)
    assert [e.title for e in catalogue.events][:2] == ["A", "D0"]
    assert catalogue.places_of(catalogue.events[0])[0].name == "Paris"  # named by its column
    problems = {p.item: (p.field, p.message) for p in report.problems}
    assert problems["row 3"] == (
        "coordinates",
        "latitude 139.69 is out of range -90…90; is the longitude first? write the latitude first",
    )
    assert problems["row 4"][1] == (
        "'north, east' is not a latitude and a longitude (write them as '48.8566, 2.3522', "
        "latitude first)"
    )


def test_numbers_side_by_side_are_no_coordinates(tmp_path):
    guess = guess_fields(
        write(tmp_path / "n.csv", "date,title,place,score\n2024-03-01,A,Kyiv,3 5\n")
    )
    assert guess.choice.latlon is None and guess.choice.place == "place"


def test_an_empty_column_is_no_coordinates(tmp_path):
    path = write(tmp_path / "e.csv", "date,title,notes\n2024-03-01,A,\n")
    with pytest.raises(FormatError, match="no latitude/longitude, WKT or place-name column"):
        read_catalogue(path)


def test_a_when_what_where_table_opens(tmp_path):
    path = write(tmp_path / "class.tsv", "When\tWhat\tWhere\n1815-06-18\tBattle\tWaterloo\n")
    catalogue, _ = read_catalogue(path)
    [event] = catalogue.events
    assert (event.title, event.time.edtf) == ("Battle", "1815-06-18")
    assert catalogue.places_of(event)[0].name == "Waterloo"


def test_a_one_row_report_reads_well(tmp_path):
    _, report = read_catalogue(
        write(tmp_path / "one.csv", "date,title,place\n2024-03-01,A,Vienna\n")
    )
    # Its place found by name is a note on the file: the row itself read as written.
    assert report.headline() == "one.csv: its one row read as written; a note on the file:"
    assert report.about() == "A note on the file"
    assert report.lines()[0].startswith("1 place found by name (no coordinates given): 'Vienna'")
    # A name that could be more than one place is not read quite as written: said so.
    _, report = read_catalogue(
        write(tmp_path / "two.csv", "date,title,place\n2024-03-01,A,Paris\n2024-03-02,B,Dallas\n")
    )
    assert report.headline() == "two.csv: all 2 rows read, some not quite as written:"
    assert report.lines()[0].startswith("2 places found by name")
    assert "'Paris' could be more than one place" in report.lines()[1]


def test_a_country_or_region_found_by_name_is_reported_as_one(tmp_path):
    path = write(
        tmp_path / "countries.csv",
        "date,title,place\n2025-01-17,A,Georgia\n2025-01-18,B,Kashmir\n2025-01-19,C,Armenia\n",
    )
    catalogue, report = read_catalogue(path)
    assert (report.asides + report.notes)[0].startswith(
        "3 places found by name (no coordinates given): 'Georgia' as Georgia (country); "
        "'Kashmir' as Kashmir (region); 'Armenia' as Armenia (country) ("
    )  # it said "'Georgia' as Georgia": a teacher could not tell the country from the state
    assert "as Georgia (country): " in place_by_title(catalogue)["A"].source


def test_a_country_column_chooses_among_namesakes_and_the_place_keeps_its_name(tmp_path):
    path = write(
        tmp_path / "cc.csv",
        "date,title,city,country\n2024-03-01,A,Paris,United States\n2024-03-02,B,Paris,France\n"
        "2024-03-04,D,London,FRA\n",
    )
    catalogue, report = read_catalogue(path)
    places = place_by_title(catalogue)
    assert places["A"].name == places["B"].name == "Paris"  # as the file spells it
    assert places["A"].representative[0] < -90 and places["B"].representative[0] > 0
    assert round(places["D"].representative[1]) == 52  # "FRA" finds nothing: London alone
    assert "'Paris, France' as Paris, France" in (report.asides + report.notes)[0]


def test_a_smaller_citys_names_in_other_languages_are_read_in_a_table_but_not_in_prose(tmp_path):
    path = write(
        tmp_path / "genf.csv", "Datum,Titel,Ort\n2024-03-01,Gipfel,Genf\n2024-03-02,Demo,Ginebra\n"
    )
    catalogue, report = read_catalogue(path)
    assert {catalogue.places_of(e)[0].representative[1] // 1 for e in catalogue.events} == {46}
    assert "'Genf' as Geneva, Switzerland" in (report.asides + report.notes)[0]
    # In an article, such old or foreign names meet words: "Hamas" is an old name of Hamm
    assert gazetteer().find("Hamas fighters crossed into Israel.")[0].text == "Israel"


def test_a_place_in_three_parts_is_read_by_its_first_and_last_leaving_out_the_middle(tmp_path):
    """ "Kharkiv, Kharkivs'ka Oblast, Ukraine", as GDELT and geocoders write a place: the oblast
    or county between, which the gazetteer does not know, is left out, and the report says so."""
    path = write(
        tmp_path / "t.csv",
        "date,title,place\n"
        '2024-03-01,Shelling,"Kharkiv, Kharkivs\'ka Oblast, Ukraine"\n'
        '2024-03-02,Fair,"Springfield, Sangamon County, Illinois, United States"\n'
        '2024-03-03,Expo,"Paris, Texas, United States"\n'
        '2024-03-04,Nowhere,"Kharkiv, Kharkivs\'ka Oblast, France"\n',
    )
    catalogue, report = read_catalogue(path)
    places = place_by_title(catalogue)
    lon, lat = places["Shelling"].representative
    assert (round(lat), round(lon)) == (50, 36)
    lon, lat = places["Fair"].representative
    assert (round(lat), round(lon)) == (40, -90)  # Springfield, Illinois
    lon, lat = places["Expo"].representative
    assert (round(lat), round(lon)) == (34, -96)
    assert "Nowhere" not in places  # the last part still says where: not France
    (unread,) = [line for line in (report.asides + report.notes) if "leaving out" in line]
    assert unread.startswith("2 names read as the place its first part names")
    assert '"Kharkiv, Kharkivs\'ka Oblast, Ukraine" without "Kharkivs\'ka Oblast"' in unread
    assert "without 'Sangamon County'" in unread
    assert "Paris, Texas" not in unread  # Texas is a state we know, and was read


def test_a_town_and_its_province_of_ours_in_a_table_is_the_town_there(tmp_path):
    path = write(
        tmp_path / "t.csv",
        "date,title,place\n"
        '2024-03-01,Rally,"Edmonton, Alberta"\n'
        '2024-03-02,Flood,"Brisbane, Queensland"\n',
    )
    catalogue, report = read_catalogue(path)
    places = place_by_title(catalogue)
    assert not report.problems
    lon, lat = places["Rally"].representative
    assert (round(lat), round(lon)) == (54, -113)
    assert "'Edmonton, Alberta' as Edmonton, Canada" in (report.asides + report.notes)[0]
    assert "'Brisbane, Queensland' as Brisbane, Australia" in (report.asides + report.notes)[0]


def test_a_town_after_which_an_unknown_oblast_is_written_is_the_town(tmp_path):
    """ "Bakhmut, Donetsk Oblast" was left out: "we know no 'Bakhmut' in 'Donetsk Oblast'",
    though "Kharkiv, Kharkiv Oblast, Ukraine" reads, the oblast left out."""
    path = write(
        tmp_path / "war.csv",
        'date,title,place\n2024-01-01,A,"Bakhmut, Donetsk Oblast"\n'
        '2024-01-02,B,"Idlib, Idlib Governorate"\n2024-01-03,C,"Paris, Germany"\n',
    )
    catalogue, report = read_catalogue(path)
    places = place_by_title(catalogue)
    lon, lat = places["A"].representative
    assert (round(lat), round(lon)) == (49, 38)
    lon, lat = places["B"].representative
    assert (round(lat), round(lon)) == (36, 37)
    assert [p.item for p in report.problems] == ["row 4"]  # a country we know rules it out
    assert (
        "2 names read as the place before the comma, leaving out an area after it that we do "
        "not know (an oblast, province or district): 'Bakhmut, Donetsk Oblast' as Bakhmut, "
        "Ukraine, without 'Donetsk Oblast'; 'Idlib, Idlib Governorate' as Idlib, Syria, "
        "without 'Idlib Governorate'"
    ) in report.notes


def test_a_town_in_a_region_without_a_country_code(tmp_path):
    """ "Rafah, Gaza" was left out ("we know no 'Rafah' in 'Gaza'"): the Gaza Strip, a region
    of ours, has no country code to check a town against; its outline now tells, and picks
    the Rafah in it, not Egypt's."""
    path = write(
        tmp_path / "gaza.csv",
        'date,title,place\n2024-01-01,A,"Rafah, Gaza"\n2024-01-02,B,"Rafah, Egypt"\n'
        '2024-01-03,C,"Simferopol, Crimea"\n2024-01-04,D,"Kyiv, Crimea"\n',
    )
    catalogue, report = read_catalogue(path)
    places = place_by_title(catalogue)
    assert places["A"].representative[0] > places["B"].representative[0]  # east of the border
    assert "'Rafah, Gaza' as Rafaḩ, Palestine" in report.asides[0]
    lon, lat = places["C"].representative
    assert (round(lat), round(lon)) == (45, 34)
    assert [p.item for p in report.problems] == ["row 5"]  # Kyiv is not in Crimea


def test_a_site_of_ours_with_its_country_after_a_comma_is_that_site(tmp_path):
    """'Azincourt, France' was refused ("we know no 'Azincourt' in 'France'") though we know
    Azincourt: a hand-entered site has no country code; the country's outline holds it, and a
    country that does not is still no reading."""
    read = names_read(tmp_path, ["Azincourt, France", "Chernobyl, Ukraine"])
    assert read == {"Azincourt, France": "Azincourt", "Chernobyl, Ukraine": "Chernobyl"}
    assert gazetteer().resolve_names(["Azincourt, Germany"])["Azincourt, Germany"] == []


def test_famous_sites_a_history_table_names_are_known(tmp_path):
    """A WWI or history table's 'Gallipoli' was Gallipoli, Italy, its 'Olympia' Olympia,
    Washington, and 'Stonehenge', 'Great Zimbabwe' and 'Albert' (the Somme's) were refused; a
    table of Washington's towns keeps its Olympia."""
    read = names_read(
        tmp_path, ["Gallipoli", "Olympia", "Stonehenge", "Great Zimbabwe", "Albert", "Sarajevo"]
    )
    assert [
        read[n] for n in ["Gallipoli", "Olympia", "Stonehenge", "Great Zimbabwe", "Albert"]
    ] == [
        "Gallipoli Peninsula",
        "Olympia, Greece",
        "Stonehenge, United Kingdom",
        "Great Zimbabwe, Zimbabwe",
        "Albert, France",
    ]
    assert names_read(tmp_path, ["Seattle", "Tacoma", "Olympia"])["Olympia"] == (
        "Olympia, Washington"
    )


def test_famous_sites_of_wars_and_antiquity_in_a_table(tmp_path):
    """'Troy' beside Athens and Sparta was Troy, New York, 'Midway' beside Hiroshima Midway,
    Florida, and 'Marathon', 'Pearl Harbor' and 'Normandy' were refused; a table of Michigan's
    or Florida's towns keeps its Troy or Midway."""
    ancient = names_read(tmp_path, ["Troy", "Athens", "Sparta", "Marathon"])
    assert (ancient["Troy"], ancient["Marathon"]) == ("Troy, Turkey", "Marathon, Greece")
    war = names_read(tmp_path, ["Hiroshima", "Pearl Harbor", "Midway", "Normandy"])
    assert (war["Pearl Harbor"], war["Midway"], war["Normandy"]) == (
        "Pearl Harbor, Hawaii",
        "Midway Atoll",
        "Normandy",
    )
    assert names_read(tmp_path, ["Detroit", "Ann Arbor", "Troy"])["Troy"] == "Troy, Michigan"
    assert names_read(tmp_path, ["Orlando", "Tampa", "Midway"])["Midway"] == "Midway, Florida"
    assert names_read(tmp_path, ["Caen, Normandy"])["Caen, Normandy"] == "Caen, France"


def test_a_town_in_a_country_too_small_for_the_base_map_is_said_with_its_countrys_name(
    tmp_path,
):
    """A table of Jamaican towns was reported as "'Kingston' as Kingston, JM", and Singapore's
    or Bahrain's with 'SG', 'BH': countries too small for the base map's outlines had only
    their codes; they are named."""
    text = "date,event,city\n2024-01-01,A,Kingston\n2024-01-02,B,Montego Bay\n2024-01-03,C,Manama\n"
    catalogue, report = read_catalogue(write(tmp_path / "islands.csv", text))
    (line,) = report.asides
    assert "'Kingston' as Kingston, Jamaica" in line and "'Manama' as Manama, Bahrain" in line
    assert "as Kingston, Jamaica: " in place_by_title(catalogue)["A"].source
    gaz = gazetteer()
    assert [gaz.country_name(c) for c in ("SG", "GB", "MT")] == [
        "Singapore",
        "United Kingdom",  # its outline's name, not Wales', which has its code too
        "Malta",
    ]


def test_a_small_town_near_the_tables_others_beats_a_far_bigger_namesake(tmp_path):
    """A table of Florida towns (Tallahassee, Quincy, Midway) read Quincy as Quincy,
    Massachusetts, 1,700 km off, though Quincy, Florida (8,000 people, under the city table's
    15,000) lies 35 km from Tallahassee: the small town near the others is taken, and the
    report names the bigger one passed over; a far famous city keeps its name."""
    text = (
        "date,event,town\n"
        "2024-01-10,Council meeting,Tallahassee\n"
        "2024-01-11,Fair,Quincy\n"
        "2024-01-12,Parade,Midway\n"
    )
    catalogue, report = read_catalogue(write(tmp_path / "florida.csv", text))
    lon, lat = place_by_title(catalogue)["Fair"].representative
    assert (round(lat), round(lon)) == (31, -85)  # Quincy, Florida
    assert place_by_title(catalogue)["Fair"].name == "Quincy"
    assert (
        "'Quincy' could be more than one place: read as Quincy, Florida, not Quincy, "
        "Massachusetts; to choose, write its state or country after a comma (e.g. 'Quincy, MA')"
    ) in report.notes
    read = names_read(tmp_path, ["Tallahassee", "Quincy", "Boston", "Worcester"])
    assert read["Quincy"] == "Quincy, Massachusetts"
    assert names_read(tmp_path, ["Tallahassee", "Quincy, MA"])["Quincy, MA"] == (
        "Quincy, Massachusetts"
    )
    # Havana, Florida (1,700 people) lies near Tallahassee too, but a capital keeps its name
    assert names_read(tmp_path, ["Tallahassee", "Tampa", "Havana"])["Havana"] == "Havana, Cuba"


def test_a_teachers_table_of_battlefields_and_ancient_sites_is_placed(tmp_path):
    """A history class's table of the Somme, Ypres, Gettysburg, Culloden, Pompeii or Machu
    Picchu was refused row after row ('not a place we know by name'): battlefields and ruins
    are in the curated list."""
    names = ["Somme", "Ypres", "Gettysburg", "Culloden", "Pompeii", "Machu Picchu", "Petra"]
    assert names_read(tmp_path, names) == {
        "Somme": "Somme",
        "Ypres": "Ypres, Belgium",
        "Gettysburg": "Gettysburg, Pennsylvania",
        "Culloden": "Culloden, United Kingdom",
        "Pompeii": "Pompeii, Italy",
        "Machu Picchu": "Machu Picchu, Peru",
        "Petra": "Petra, Jordan",
    }


def test_a_small_town_is_found_with_its_country_or_near_the_tables_other_towns(tmp_path):
    """A town under 15,000 people was refused ('Malmedy' beside Liège; 'Sarlat-la-Canéda,
    France'), though the gazetteer knows such towns near a story's others: in a table one is
    read near the table's other towns, in the same country, or with its state or country
    after a comma; a name with a country that has no such town is still refused."""
    read = names_read(tmp_path, ["Liège", "Malmedy", "Sarlat-la-Canéda, France"])
    assert (read["Malmedy"], read["Sarlat-la-Canéda, France"]) == (
        "Malmédy, Belgium",
        "Sarlat-la-Canéda, France",
    )
    assert gazetteer().resolve_names(["Malmedy"])["Malmedy"] == []  # alone: no town near
    found = gazetteer().resolve_names(["Sarlat-la-Canéda, Germany"])
    assert found["Sarlat-la-Canéda, Germany"] == []


def test_a_location_written_near_a_place_or_with_a_part_in_brackets_is_that_place(tmp_path):
    """A list of battles copied from Wikipedia writes 'near Ypres, Belgium', '10 km north of
    Kyiv' or 'Verdun (Meuse), France': each was refused as no place we know; the place is
    read (the report names it), and a town whose name only begins so is still itself."""
    names = ["near Ypres, Belgium", "10 km north of Kyiv", "Verdun (Meuse), France", "Offenbach"]
    assert names_read(tmp_path, names) == {
        "near Ypres, Belgium": "Ypres, Belgium",
        "10 km north of Kyiv": "Kyiv, Ukraine",
        "Verdun (Meuse), France": "Verdun, France",
        "Offenbach": "Offenbach, Germany",
    }


def test_a_town_written_with_the_empire_it_lay_in_is_that_town(tmp_path):
    """A WWI table's 'Sarajevo, Austria-Hungary' was read as a list of Sarajevo and an
    unknown 'Austria-Hungary', and 'Smyrna, Ottoman Empire' as no place: a past empire of
    ours holds the towns within its outline, and rules out the others."""
    read = names_read(tmp_path, ["Sarajevo, Austria-Hungary", "Smyrna, Ottoman Empire"])
    assert read == {
        "Sarajevo, Austria-Hungary": "Sarajevo, Bosnia and Herzegovina",
        "Smyrna, Ottoman Empire": "İzmir, Turkey",
    }
    gaz = gazetteer()
    assert gaz.resolve_names(["Paris, Austria-Hungary"])["Paris, Austria-Hungary"] == []


def test_a_town_written_with_its_colonys_name_is_that_town_today(tmp_path):
    """'Batavia, Dutch East Indies' was read as Batavia, Illinois, and 'Salisbury, Rhodesia'
    as Salisbury in England (the colony unknown, so left out and the town read alone); a
    colony's name stands for today's country, which chooses the town."""
    read = names_read(
        tmp_path,
        [
            "Batavia, Dutch East Indies",
            "Salisbury, Rhodesia",
            "Bombay, British India",
            "Léopoldville, Belgian Congo",
            "Saigon, French Indochina",
        ],
    )
    assert read == {
        "Batavia, Dutch East Indies": "Jakarta, Indonesia",
        "Salisbury, Rhodesia": "Harare, Zimbabwe",
        "Bombay, British India": "Mumbai, India",
        "Léopoldville, Belgian Congo": "Kinshasa, Democratic Republic of the Congo",
        "Saigon, French Indochina": "Ho Chi Minh City, Vietnam",
    }


def test_a_port_of_a_past_empire_is_in_it_though_off_the_maps_coast(tmp_path):
    """'Constantinople, Ottoman Empire' and 'Odessa, Russian Empire' were refused ('we know
    no Constantinople in Ottoman Empire'): the empire's outline, made of today's countries on
    the base map, has a coarse coast that leaves such ports out. A town in one of the
    countries an empire of ours is made of lies in it; the place keeps the file's name."""
    text = (
        "date,event,place\n"
        '1453-05-29,Fall,"Constantinople, Ottoman Empire"\n'
        '1905-06-27,Potemkin,"Odessa, Russian Empire"\n'
        '1942-08-23,Siege,"Trieste, Russian Empire"\n'
    )
    catalogue, report = read_catalogue(write(tmp_path / "ports.csv", text))
    places = place_by_title(catalogue)
    assert (places["Fall"].name, places["Potemkin"].name) == (
        "Constantinople, Ottoman Empire",
        "Odessa, Russian Empire",
    )
    lon, lat = places["Potemkin"].representative
    assert (round(lat), round(lon)) == (46, 31)
    lon, lat = places["Fall"].representative
    assert (round(lat), round(lon)) == (41, 29)
    assert [(p.item, p.message) for p in report.problems] == [
        ("row 4", "we know no 'Trieste' in 'Russian Empire' (give its latitude and longitude)")
    ]


def test_a_tables_toss_ups_that_share_a_state_are_read_there(tmp_path):
    """A Maine table (Portland, Bangor, Augusta) read Portland, Oregon and Augusta, Italy:
    each name is a toss-up alone, so none ranked the others. Where most of a table's towns
    have a namesake in one state, those are read; capitals keep their reading ("Athens" and
    "Rome" are also towns in Georgia), and a name written with its state is as written."""
    maine = names_read(tmp_path, ["Portland", "Bangor", "Augusta"])
    assert maine == {
        "Portland": "Portland, Maine",
        "Bangor": "Bangor, Maine",
        "Augusta": "Augusta, Maine",
    }
    spain = names_read(tmp_path, ["Valencia", "Toledo", "Cordoba"])
    assert spain == {
        "Valencia": "Valencia, Spain",
        "Toledo": "Toledo, Spain",
        "Cordoba": "Córdoba, Spain",
    }
    capitals = names_read(tmp_path, ["Athens", "Rome"])
    assert capitals == {"Athens": "Athens, Greece", "Rome": "Rome, Italy"}
    written = names_read(tmp_path, ["Portland, Oregon", "Bangor", "Augusta"])
    assert written["Portland, Oregon"] == "Portland, Oregon"


def test_towns_written_with_their_eras_state_and_old_names_are_read(tmp_path):
    """'Salonica, Ottoman Empire' and 'Trieste, Austria-Hungary' were refused (the empires'
    outlines are today's Turkey and Austria's neighbours, not the lands they held), and
    'Port Arthur' in a table of the Russo-Japanese war was Port Arthur, Texas: a past state
    holds the towns of the lands it ruled, and an old name a town of today also bears is read
    where the table's other places are (a table of Texas keeps Texas's)."""
    empires = names_read(
        tmp_path,
        ["Salonica, Ottoman Empire", "Trieste, Austria-Hungary", "Strasbourg, German Empire"],
    )
    assert empires == {
        "Salonica, Ottoman Empire": "Thessaloníki, Greece",
        "Trieste, Austria-Hungary": "Trieste, Italy",
        "Strasbourg, German Empire": "Strasbourg, France",
    }
    war = names_read(tmp_path, ["Port Arthur", "Mukden", "Tsushima", "Yellow Sea"])
    assert war["Port Arthur"] == "Lüshun, China"
    texas = names_read(tmp_path, ["Port Arthur", "Beaumont", "Houston"])
    assert texas["Port Arthur"] == "Port Arthur, Texas"


def test_towns_of_the_byzantine_empire_prussia_and_bohemia_and_fiume_are_read(tmp_path):
    """'Constantinople, Byzantine Empire', 'Königsberg, Prussia' and 'Prague, Bohemia' were
    refused (no such state of ours, or Bohemia a point holding no town), and 'Fiume' was
    unknown: each reads as today's town."""
    read = names_read(
        tmp_path,
        [
            "Constantinople, Byzantine Empire",
            "Königsberg, Prussia",
            "Prague, Bohemia",
            "Fiume, Austria-Hungary",
        ],
    )
    assert read == {
        "Constantinople, Byzantine Empire": "Istanbul, Turkey",
        "Königsberg, Prussia": "Kaliningrad, Russia",
        "Prague, Bohemia": "Prague, Czech Republic",
        "Fiume, Austria-Hungary": "Rijeka, Croatia",
    }


def test_a_toss_up_names_a_namesake_not_a_town_the_name_is_only_another_name_of(tmp_path):
    """'Augusta' read in Maine said 'not Augsburg, Germany' (Augusta Vindelicorum, ten times
    its size) and suggested writing 'Augsburg, Germany': the passed-over reading is a town
    named Augusta."""
    rows = "".join(
        f"2024-01-0{i},Event {i},{n}\n"
        for i, n in enumerate(["Portland", "Bangor", "Augusta"], start=1)
    )
    _, report = read_catalogue(write(tmp_path / "maine.csv", "date,title,place\n" + rows))
    [line] = [n for n in report.notes if n.startswith("'Augusta' could be")]
    assert "Augsburg" not in line
    assert line.startswith(
        "'Augusta' could be more than one place: read as Augusta, Maine, not Augusta, "
    )
