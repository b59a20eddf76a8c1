"""Words for spots that only coordinates name: the city they are in, or how far from it."""

from mapexplorer.formats.opener import read_catalogue
from mapexplorer.importer.nearby import spot_words


def test_a_spot_in_a_city_is_the_city_and_one_outside_says_how_far_and_which_way():
    words = spot_words(
        [
            (36.8172, -1.2864),  # central Nairobi
            (2.25, 48.83),  # a Paris suburb: Paris, the big city, not the suburb
            (37.38, 37.22),  # north of Gaziantep
            (-30.0, 0.0),  # mid-Atlantic
            (10.0, 10.0),  # Nigeria, with no city within 30 km: the nearest, farther
        ]
    )
    assert words[0] == "Nairobi, Kenya"
    assert words[1] == "Paris, France"
    assert words[2] == "18 km N of Gaziantep, Turkey"
    assert words[3] is None  # no city within 100 km: the coordinates stay
    assert words[4].endswith(", Nigeria") and " km " in words[4]


def test_a_table_without_place_names_shows_words_and_keeps_its_coordinates(tmp_path, capsys):
    path = tmp_path / "incidents.csv"
    path.write_text(
        "title,date,latitude,longitude\n"
        "Protest,2024-06-25,-1.2864,36.8172\n"
        "Shelling,2024-06-26,37.22,37.38\n"
        "At sea,2024-06-27,0,-30\n",
        encoding="utf-8",
    )
    catalogue, _ = read_catalogue(path)
    shown = {e.title: catalogue.place_label(e.place_ids[0]) for e in catalogue.events}
    assert shown == {
        "Protest": "Nairobi, Kenya",
        "Shelling": "18 km N of Gaziantep, Turkey",
        "At sea": "0.00000, -30.00000",
    }
    # The data is the file's: the place's name (what exports write) is still its coordinates.
    protest = catalogue.events[0]
    assert catalogue.places[protest.place_ids[0]].name == "-1.28640, 36.81720"
    # The map's labels and tooltips say the same.
    from mapexplorer.mappage.messages import catalogue_message

    names = catalogue_message(catalogue)["places"]["names"]
    assert "Nairobi, Kenya" in names and "-1.28640, 36.81720" not in names
    # The filter finds the row by the words shown.
    from mapexplorer.model.state import ExplorerState

    state = ExplorerState(catalogue)
    state.set_filter(text="nairobi")
    assert [e.title for e in state.catalogue.events if state.passes_filter(e)] == ["Protest"]


def test_named_places_are_left_as_named(tmp_path):
    path = tmp_path / "named.csv"
    path.write_text(
        "title,date,place,latitude,longitude\nTalks,2024-06-25,UN compound,-1.2864,36.8172\n",
        encoding="utf-8",
    )
    catalogue, _ = read_catalogue(path)
    assert catalogue.place_labels == {}
    assert catalogue.place_label(catalogue.events[0].place_ids[0]) == "UN compound"
