"""Which column or property of someone else's file holds what: the time, title, place, ...

`guess(fields, rows)` looks at the names (in any common spelling) and at a sample of values,
and returns a `FieldGuess`: the chosen field per role, the alternatives, and whether the choice
is `ambiguous` (two time fields that disagree, "03/04/2025" that reads both ways) so the window
can ask. `FieldChoice` is what a reader uses, guessed or chosen by the user; `RowReader` turns
one row into an event's parts with it, and `preview` shows what the first rows become.
"""

from __future__ import annotations

import itertools
import math
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields, replace
from typing import Any, Literal, NamedTuple

import shapely
from shapely.geometry.base import BaseGeometry

from mapexplorer.formats.acled import acled_category, acled_title, is_acled
from mapexplorer.formats.actors import actors_from
from mapexplorer.formats.dates import (
    DateOrder,
    mixed_slash_orders,
    ongoing,
    parse_date,
    parse_span,
    parse_spreadsheet_day,
    parse_year_month_day,
    slash_order,
    spreadsheet_day_number,
    spreadsheet_day_words,
    unknown_end,
    year_slash_readings,
)
from mapexplorer.formats.degrees import (
    Axis,
    DegreesError,
    ascii_minus,
    looks_like_degrees,
    parse_degrees,
)
from mapexplorer.formats.excerpts import excerpts_from
from mapexplorer.formats.footnotes import without_footnotes
from mapexplorer.formats.gdelt import cameo_category, cameo_title, is_gdelt
from mapexplorer.formats.invisible import stripped, visible
from mapexplorer.formats.map_links import is_map_link, link_pair, short_link_problem
from mapexplorer.formats.totals import totals_word
from mapexplorer.formats.usgs import is_usgs, usgs_title
from mapexplorer.formats.wikidata import wikidata_roles
from mapexplorer.formats.year_slash import SlashReading, column_readings
from mapexplorer.model.event import Excerpt
from mapexplorer.model.place import PlaceError
from mapexplorer.model.time import DateError, TimeSpan, plain_days

__all__ = [
    "TEXT_ROLES",
    "FieldChoice",
    "FieldGuess",
    "RowReader",
    "TimeSource",
    "choice_from",
    "guess",
    "normalise",
    "preview",
]

TimeKind = Literal["date", "span", "timestamp", "year", "days", "edtf"]
"""How a time field is read; "days": spreadsheet day numbers (45467 is 24 June 2024); "edtf":
our own exports' EDTF first ("2022-23" is autumn 2022 there, 2022–2023 in another table)."""
TEXT_ROLES = (
    "title", "description", "category", "place", "id", "place_id", "excerpt", "excerpts", "era",
)  # fmt: skip
LOCATION_ROLES = ("lat", "lon", "wkt", "latlon")
_PART_ROLES = ("title", "description", "category", "place", "id", "place_id", "excerpt", "era")
_EXCERPT = _PART_ROLES.index("excerpt")
_PROSE = frozenset(_PART_ROLES.index(role) for role in ("title", "description", "place"))
"""The parts a reference mark copied from Wikipedia is taken out of (`footnotes`)."""
SAMPLE_SIZE = 200


def normalise(name: str) -> str:
    """A field name as we match it: "Event Date" and "event-date" are both "event_date";
    accents go ("Länge" is "lange", "Título" "titulo", "Année" "annee")."""
    text = visible(name).strip().lower()
    if not text.isascii():
        text = "".join(
            c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)
        )
    return re.sub(r"[\W_]+", "_", text).strip("_")  # "Дата події" is "дата_події", not ""


# --- the names we know, best first -------------------------------------------------------------

_NAMES: dict[str, tuple[str, ...]] = {
    "title": (
        "title",
        "name",
        "headline",
        "event_name",
        "event_title",
        "event",
        # a newsroom's or a monitor's incident log ("Date, Incident, Location, …")
        "incident",
        "incident_name",
        "incident_title",
        "label",
        "subject",
        "caption",
        "heading",
        "titel",
        "nom",
        "nombre",
        "titre",
        "titulo",
        "titolo",
        "nome",
        "naam",
        "evenement",
        "evento",
        "ereignis",
        "bezeichnung",
        "libelle",  # French administrations' and banks' "Libellé" (a label)
        "intitule",
        "what",  # a class's "When / What / Where" table
        "what_happened",
    ),
    "title_fallback": ("sub_event_type", "event_type", "type", "eventcode", "category"),
    "description": (
        "description",
        "summary",
        "notes",
        "note",
        "desc",
        "details",
        "detail",
        "text",
        "comment",
        "comments",
        "body",
        "content",
        "abstract",
        "info",
        "remarks",
        "beschreibung",
        "descripcion",
        "descricao",
        "descrizione",
        "beschrijving",
        "omschrijving",
        "resume",
        "resumen",
        "resumo",
        "riassunto",
        "notas",
        "remarques",
        "remarque",
        "commentaire",
        "commentaires",
        "observations",
        "observaciones",
        "observacoes",
        "osservazioni",
        "bemerkung",
        "bemerkungen",
        "anmerkung",
        "anmerkungen",
        "opmerking",
        "opmerkingen",
    ),
    "category": (
        "category",
        "categories",
        "event_type",
        "type",
        "kind",
        "class",
        "disorder_type",
        "theme",
        "topic",
        "eventrootcode",
        "kategorie",
        "categorie",
        "categoria",
        "tipo",
        "typ",
    ),
    "place": (
        "place",
        "location",
        "place_name",
        "placename",
        "location_name",
        "site",
        "city",
        "town",
        "village",
        "locality",
        "actiongeo_fullname",
        "where",
        "venue",
        "address",
        "admin3",
        "admin2",
        "admin1",
        "region",
        "province",
        "state",
        "country",
        "ort",
        "lieu",
        "lugar",
        "luogo",
        "plaats",
        "localite",
        "localidad",
        "localidade",
        "localita",
        "ubicacion",
        "localizacao",
        "ville",
        "ciudad",
        "cidade",
        "citta",
        "stadt",
        "pays",
        "pais",
        "paese",
        # a Wikipedia table's ("Monarch | Reign | Capital"), a council's or a census's
        "capital",
        "capital_city",
        "county",
        "district",
        "municipality",
        "nation",
        "territory",
    ),
    "id": (
        "event_id",
        "event_id_cnty",
        "eventid",
        "globaleventid",
        "id",
        "uid",
        "uuid",
        "key",
        "data_id",
    ),
    "place_id": ("place_id",),
    "excerpt": ("excerpt", "quote", "passage"),
    "excerpts": ("excerpts",),  # our CSV and KML exports: every passage, as JSON
    "era": (
        "era",
        "period_id",
        "chapter",
        "epoche",  # German (also "Kapitel"), French "époque", Spanish/Italian "época"/"epoca"
        "kapitel",
        "epoque",
        "chapitre",
        "epoca",
        "capitulo",
        "capitolo",
        "tijdperk",
        "hoofdstuk",
    ),
    "lat": (
        "lat",
        "latitude",
        "lat_dd",
        "latitude_dd",
        "y",
        "lat_wgs84",
        "actiongeo_lat",
        "decimallatitude",
        "point_y",
        "breite",
        "breitengrad",
        "latitud",
        "latitudine",
        "breedtegraad",
    ),
    "lon": (
        "lon",
        "lng",
        "long",
        "longitude",
        "lon_dd",
        "long_dd",
        "longitude_dd",
        "x",
        "lon_wgs84",
        "actiongeo_long",
        "decimallongitude",
        "point_x",
        "laenge",
        "langengrad",
        "laengengrad",
        "lange",
        "longitud",
        "longitudine",
        "lengtegraad",
    ),
    "wkt": ("wkt", "geometry", "geom", "the_geom", "shape", "geometry_wkt", "wkt_geom"),
    # One cell with both, latitude first, as Google Maps copies them ("48.8566, 2.3522").
    "latlon": (
        "coordinates",
        "coordinate",
        "coords",
        "latlng",
        "lat_lng",
        "latlon",
        "lat_lon",
        "lat_long",
        "latlong",
        "gps",
        "gps_coordinates",
        "position",
        "geolocation",
        "location",
        "point",
        "koordinaten",
        "coordonnees",
        "coordenadas",
        "coordinate_gps",
    ),
    "date": (
        "date",
        "event_date",
        "datetime",
        "date_time",
        "when",
        "time",
        "event_time",
        "occurred",
        "occurred_on",
        "occurred_at",
        "sqldate",
        "edtf",
        "date_of_event",
        "dates",
        "event_day",
        "datum",
        "fecha",
        "zeitpunkt",
    ),
    "start": (
        "start",
        "begin",
        "start_date",
        "begin_date",
        "date_start",
        "startdate",
        "begindate",
        "start_time",
        "begin_time",
        "from",
        "date_from",
        "valid_from",
        "time_start",
        "starttime",
        "timespan_begin",
        "dtstart",
        "start_year",
        "debut",
        "date_debut",
        "date_de_debut",
        "inicio",
        "fecha_inicio",
        "fecha_de_inicio",
        "data_inicio",
        "data_de_inicio",
        "inizio",
        "data_inizio",
        "beginn",
        "anfang",
        "startdatum",
        "begindatum",
    ),
    "end": (
        "end",
        "end_date",
        "enddate",
        "date_end",
        "stop",
        "end_time",
        "to",
        "date_to",
        "until",
        "valid_to",
        "time_end",
        "endtime",
        "timespan_end",
        "dtend",
        "finish",
        "end_year",
        "fin",
        "date_fin",
        "date_de_fin",
        "fecha_fin",
        "fecha_de_fin",
        "fim",
        "data_fim",
        "data_de_fim",
        "data_fine",
        "ende",
        "enddatum",
        "einddatum",
    ),
    "timestamp": ("timestamp", "time_stamp", "unix_time", "unixtime", "epoch", "ts", "unix"),
    "year": ("year", "yr", "event_year", "iyear", "jahr", "ano", "annee", "anno", "jaar"),
    # A year's month and day in columns of their own (the Global Terrorism Database's).
    "month": ("month", "imonth", "event_month", "mon", "monat", "mois", "mes", "mese", "maand"),
    "day": ("day", "iday", "day_of_month", "tag", "jour", "dia", "giorno", "dag"),
}
_DAY_FIRST_WORDS = frozenset({
    # French, German, Spanish, Italian, Portuguese, Dutch, Polish: no English header says so
    "datum", "fecha", "lieu", "ort", "lugar", "luogo", "evenement", "ereignis", "evento",
    "ville", "stadt", "ciudad", "citta", "cidade", "titre", "titel", "titulo", "titolo",
    "pays", "pais", "paese", "annee", "jahr", "ano", "anno", "jaar", "breitengrad",
    "laengengrad", "langengrad", "latitud", "longitud", "latitudine", "longitudine",
    "beschreibung", "descripcion", "descrizione", "descricao", "beschrijving", "plaats",
    "gebeurtenis", "stad", "wydarzenie", "miejsce", "miasto", "opis", "tytul", "data_evenement",
    "date_evenement", "fecha_evento", "data_evento", "veranstaltung",
})  # fmt: skip
"""Header words (as `normalise` makes them) of languages whose countries all write a numeric
date day first."""


def _day_first_word(name: str) -> bool:
    """Whether a column's name is in a language that writes dates day first: one of
    `_DAY_FIRST_WORDS` alone or as a word of it ("Date de l'événement" has "evenement"), or
    in Cyrillic (Ukrainian, Russian)."""
    norm = normalise(name)
    if norm in _DAY_FIRST_WORDS or any(w in _DAY_FIRST_WORDS for w in norm.split("_") if w):
        return True
    return any("\u0400" <= c <= "\u04ff" for c in name)


_CYRILLIC_NAMES = {
    "title": ("назва", "название", "подія", "событие", "заголовок"),
    "description": ("опис", "описание", "примітка", "примечание", "коментар", "комментарий"),
    "category": ("категорія", "категория", "тип"),
    "place": (
        "місце", "место", "місто", "город", "населений пункт", "населенный пункт", "локація",
        "локация", "адреса", "адрес", "область", "регіон", "регион", "країна", "страна",
    ),
    "lat": ("широта",),
    "lon": ("довгота", "долгота"),
    "date": ("дата", "дата події", "дата события"),
    "start": ("початок", "начало", "дата початку", "дата начала"),
    "end": ("кінець", "конец", "дата закінчення", "дата окончания"),
    "year": ("рік", "год"),
    "month": ("місяць", "месяц"),
    "day": ("день",),
}  # fmt: skip
"""The names in Ukrainian and Russian (a table from a Ukrainian or Russian sheet), after the
others, as `normalise` makes them ("населений пункт" is "населении_пункт")."""
for _role, _names in _CYRILLIC_NAMES.items():
    _NAMES[_role] += tuple(normalise(name) for name in _names)
_TITLE_LIKE = re.compile(
    r"^(?:name|title|headline|label)_(?!id$)[a-z]{2,3}$"
    r"|^(?:name|title)_(?:long|short|full|official|local)$"
    r"|^(?:official|short|long|full|display|common|local|english)_(?:name|title)$"
)
"""Names and titles in a language or a form: OpenStreetMap's `name:en`, Natural Earth's
`NAME_LONG`, Wikidata's `label_en`, `title_en`, `headline_en`, `official_name`: a title after the
plain ones (`title`, `name`…), never a place's or an actor's name (`place_name`)."""
_ACTOR = re.compile(r"^(?:assoc_)?actors?_?\d*(?:_?name)?$|^(?:participants|parties|people|who)$")
_WKT = re.compile(
    r"^\s*(?:SRID=\d+;\s*)?(?:POINT|LINESTRING|POLYGON|MULTIPOINT|MULTILINESTRING|MULTIPOLYGON"
    r"|GEOMETRYCOLLECTION)\b",
    re.IGNORECASE,
)
_SMALL_NUMBER = re.compile(r"^-?\d{1,3}(?:\.0*)?$")
_SRID = re.compile(r"^\s*SRID=\d+;")
# Names from our own exports that we derive again, never keep as extra properties.
DERIVED = frozenset({"start", "end", "precision", "place_kind", "lat", "lon", "wkt"})


# --- choices -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class TimeSource:
    """Where a row's time comes from: one field, or a start field and an end field."""

    field: str
    end_field: str | None = None
    kind: TimeKind = "date"
    month_field: str | None = None
    """A year's month, and `day_field` its day, in columns of their own (kind "year"); with
    an `end_field`, the end's year, and `end_month_field` and `end_day_field` its month and
    day (TimelineJS's "End Year", "End Month", "End Day")."""
    day_field: str | None = None
    end_month_field: str | None = None
    end_day_field: str | None = None

    @property
    def fields(self) -> tuple[str, ...]:
        if self.month_field is not None:
            return self._start_fields() + self._end_fields()
        return (self.field,) if self.end_field is None else (self.field, self.end_field)

    def _start_fields(self) -> tuple[str, ...]:
        return tuple(f for f in (self.field, self.month_field, self.day_field) if f)

    def _end_fields(self) -> tuple[str, ...]:
        return tuple(f for f in (self.end_field, self.end_month_field, self.end_day_field) if f)

    @property
    def label(self) -> str:
        if self.month_field is not None:
            start = " / ".join(self._start_fields())
            return f"{start} … {' / '.join(self._end_fields())}" if self.end_field else start
        if self.end_field is not None:
            return f"{self.field} … {self.end_field}"
        # Not what the column's name says already: "'timestamp (timestamp)' disagrees".
        if self.kind in ("timestamp", "year") and self.kind not in self.field.lower():
            return f"{self.field} ({self.kind})"
        if self.kind == "days":
            return f"{self.field} (spreadsheet day numbers)"
        return self.field

    def read(self, row: Mapping[str, Any], order: DateOrder = "dmy") -> TimeSpan:
        """The row's time; `DateError` when it has none we can read."""
        if self.month_field is not None:
            day = row.get(self.day_field) if self.day_field else None
            start = parse_year_month_day(row.get(self.field), row.get(self.month_field), day)
            if self.end_field is None or _blank(row.get(self.end_field)):
                return start  # TimelineJS's event of one date: no end year
            get = row.get
            end = parse_year_month_day(
                get(self.end_field),
                get(self.end_month_field) if self.end_month_field else None,
                get(self.end_day_field) if self.end_day_field else None,
            )
            return parse_span(start.edtf, end.edtf)
        if self.end_field is not None:
            start, end = row.get(self.field), row.get(self.end_field)
            return parse_span(start, end, order, days=self.kind == "days")
        if self.kind == "days":
            return parse_spreadsheet_day(row.get(self.field), order)
        if self.kind == "edtf" and isinstance(value := row.get(self.field), str):
            try:
                return TimeSpan.parse(value.strip())
            except DateError:
                pass  # as another table's date, with its reason
        return parse_date(row.get(self.field), order, unix=self.kind != "year")


@dataclass(frozen=True)
class FieldChoice:
    """The field each role is read from (None: the file has none); actors may be several."""

    time: TimeSource | None = None
    title: str | None = None
    description: str | None = None
    category: str | None = None
    place: str | None = None
    id: str | None = None
    place_id: str | None = None
    excerpt: str | None = None
    excerpts: str | None = None
    era: str | None = None
    lat: str | None = None
    lon: str | None = None
    wkt: str | None = None
    latlon: str | None = None
    """One field with both, "48.8566, 2.3522" (when there are no latitude and longitude)."""
    actors: tuple[str, ...] = ()
    date_order: DateOrder = "dmy"
    layout: str = ""
    """The export the file is recognised as by its columns ("acled", "gdelt", "wikidata"), whose fields
    are read as that export means them (`acled`, `gdelt`)."""

    @property
    def used(self) -> frozenset[str]:
        """Every field this choice reads."""
        names = {getattr(self, role) for role in TEXT_ROLES + LOCATION_ROLES}
        names.update(self.actors)
        if self.time is not None:
            names.update(self.time.fields)
        names.discard(None)
        return frozenset(names)  # type: ignore[arg-type]

    @classmethod
    def from_mapping(
        cls, mapping: Mapping[str, Any], base: FieldChoice | None = None
    ) -> FieldChoice:
        """A choice from plain names, e.g. {"date": "event_date", "lat": "y"} or
        {"start": "begin", "end": "end"}; roles left out keep `base`'s field."""
        changes: dict[str, Any] = {}
        known = {f.name for f in fields(cls)}
        for key, value in mapping.items():
            if key in ("start", "end", "date", "timestamp", "year"):
                continue
            if key not in known:
                raise ValueError(f"unknown role {key!r}")
            if key == "actors" and isinstance(value, str):
                value = (value,)
            elif key == "actors":
                value = tuple(value or ())
            elif key == "time" and isinstance(value, str):
                value = TimeSource(value)
            changes[key] = value
        if "start" in mapping:
            changes["time"] = TimeSource(mapping["start"], mapping.get("end"), "span")
        elif "end" in mapping:
            changes["time"] = TimeSource(mapping["end"])
        for kind in ("date", "timestamp", "year"):
            if kind in mapping:
                changes["time"] = TimeSource(mapping[kind], None, kind)  # type: ignore[arg-type]
        return replace(base or cls(), **changes)


@dataclass(frozen=True)
class FieldGuess:
    """What we think each field holds, the alternatives, and whether to ask the user."""

    fields: tuple[str, ...]
    choice: FieldChoice
    candidates: Mapping[str, tuple[Any, ...]]
    """Per role, every plausible field best first ("time": `TimeSource`s; "date_order":
    ("dmy", "mdy") when numeric dates read both ways)."""
    ambiguous: bool = False
    reasons: tuple[str, ...] = ()
    """Why the guess is ambiguous, in words for the dialog."""
    missing: tuple[str, ...] = ()
    """What we found no field for: "time", "location"."""
    sample: tuple[Mapping[str, Any], ...] = field(default=(), repr=False)
    """The first rows, for `preview`."""
    sample_numbers: tuple[int, ...] = field(default=(), repr=False)
    """Their numbers as the file shows them (a spreadsheet's row 2 is the first under its
    header), which the read report uses too; empty: numbered from 1 (features)."""

    @property
    def chosen(self) -> dict[str, str | None]:
        """Role → chosen field name ("time" → its label, "actors" → names joined by ", ")."""
        out: dict[str, str | None] = {"time": self.choice.time.label if self.choice.time else None}
        for role in TEXT_ROLES + LOCATION_ROLES:
            out[role] = getattr(self.choice, role)
        out["actors"] = ", ".join(self.choice.actors) or None
        return out


def choice_from(
    override: FieldChoice | Mapping[str, Any] | None, guessed: FieldGuess | None
) -> FieldChoice:
    """The choice a reader uses: the user's if given (a mapping overrides single roles)."""
    base = guessed.choice if guessed is not None else FieldChoice()
    if override is None:
        return base
    if isinstance(override, FieldChoice):
        return override
    return FieldChoice.from_mapping(override, base)


# --- guessing ----------------------------------------------------------------------------------


def _plural(name: str) -> str:
    """ "places", "cities", "countries": a field name's English plural."""
    if name.endswith("y") and name[-2:-1] not in ("a", "e", "i", "o", "u"):
        return name[:-1] + "ies"
    return name + ("es" if name.endswith(("s", "x", "ch", "sh")) else "s")


def guess(
    names: Sequence[str],
    rows: Iterable[Mapping[str, Any]],
    *,
    shapes_given: bool = False,
    number: Callable[[int], int] | None = None,
    named: bool = False,
) -> FieldGuess:
    """Guess each role's field from the field names and the values of the first rows.
    `shapes_given`: the items carry their own geometry (KML placemarks, GeoJSON features), so
    a field of "lat, lon" pairs is no location: a `place` of them is the place's name.
    `number`: a row's number as the file numbers it, from its index (a CSV's header is row
    1), for the reasons and the preview; else 1, 2, 3…. `named`: the items are named without
    a title field (GeoJSON features by their word ids, "summit-1985"): no other field is
    taken for their titles (`_label_column`)."""
    # A sheet's totals and summary rows ("Total", "Average") say nothing of what the columns
    # hold: two events over three of them made the date column "too few dates".
    picked = [
        (index, row)
        for index, row in enumerate(itertools.islice(rows, SAMPLE_SIZE + _MOST_SUMMARIES))
        if not _summary_row(row)
    ][:SAMPLE_SIZE]
    sample = tuple(row for _, row in picked)
    numbers = tuple(number(i) if number else i + 1 for i, _ in picked)
    names = tuple(dict.fromkeys(n for n in names if isinstance(n, str)))
    by_norm: dict[str, str] = {}
    for name in names:
        by_norm.setdefault(normalise(name), name)
    values = {
        name: [row.get(name) for row in sample if not _blank(row.get(name))] for name in names
    }

    exact = with_members(by_norm)

    def ranked(role: str, check=None, fuzzy=None) -> list[str]:
        found = [exact[n] for n in _NAMES[role] if n in exact]
        if fuzzy is not None:
            found += [name for norm, name in by_norm.items() if fuzzy(norm) and name not in found]
        if check is not None:
            found = [name for name in found if _mostly(values[name], check)]
        return found

    candidates: dict[str, tuple[Any, ...]] = {}
    lat = ranked("lat", _is_lat, names_latitude)
    lon = ranked("lon", _is_lon, names_longitude)
    if _is_form(names):  # where the respondent answered from is not where the event was
        lat = [n for n in lat if normalise(n) not in _RESPONDENT_PLACE]
        lon = [n for n in lon if normalise(n) not in _RESPONDENT_PLACE]
    if not lat and (turned := _other_way_round(ranked, values)):
        lat, lon = turned  # "lat" holds 139.69, "lon" 35.68: the other way round, evidently
    if "y" in lat and "x" not in lon:
        lat.remove("y")
    if "x" in lon and "y" not in lat:
        lon.remove("x")
    if lat:  # GDELT has three lat/lon pairs: keep the longitude that goes with the latitude
        prefix = normalise(lat[0])[: -len("lat")] if normalise(lat[0]).endswith("lat") else None
        if prefix:
            lon.sort(key=lambda n: not normalise(n).startswith(prefix))
    candidates["lat"], candidates["lon"] = tuple(lat), tuple(lon)
    wkt = ranked("wkt", _is_wkt)
    if not wkt:  # by its values, under any name: Wikidata's "coord" holds "Point(2.35 48.85)"
        wkt = [n for n in names if values[n] and _mostly(values[n], _is_wkt)]
    candidates["wkt"] = tuple(wkt)
    # Any field of "lat, lon" pairs, by its values: a "location" column may hold them too.
    candidates["latlon"] = tuple(n for n in ranked("latlon", _is_pair, lambda n: True) if values[n])

    time_sources = _time_sources(by_norm, values)
    submitted = _form_submitted(names, time_sources)
    if submitted:  # a form's responses: when each was sent is no event's date
        time_sources = [s for s in time_sources if s not in submitted] + submitted
    candidates["time"] = tuple(time_sources)
    category = ranked("category")
    title = ranked("title", fuzzy=_is_title_like)
    if _is_form(names):  # the respondent's "Name" is no event's title: the event asked for is
        title.sort(key=lambda n: normalise(n) in _RESPONDENT)
    fallback_titles = [n for n in ranked("title_fallback") if n not in title]
    candidates["title"] = tuple(title + fallback_titles)
    candidates["category"] = tuple(category)
    for role in ("description", "place", "id", "place_id", "excerpt", "era"):
        candidates[role] = tuple(ranked(role))
    # A column of a row's several places ("Places", "Locations", "Cities", "Location(s)":
    # "Paris; Lyon"), after any named for one.
    plural = [exact[p] for n in _NAMES["place"] for p in (_plural(n), f"{n}_s") if p in exact]
    candidates["place"] += tuple(n for n in plural if n not in candidates["place"])
    # A form's question ("Where did it happen?", "Where (city)?") names the place, after any
    # column named so.
    asked = [n for norm, n in by_norm.items() if norm.startswith("where_") and values[n]]
    candidates["place"] += tuple(n for n in asked if n not in candidates["place"])
    wikidata = wikidata_roles(names, values, normalise)  # "itemLabel", "placeLabel"
    for role, name in wikidata.items():
        candidates[role] = (name, *(n for n in candidates[role] if n != name))
    candidates["excerpts"] = tuple(ranked("excerpts", excerpts_from))  # else kept as it is
    actors = [name for norm, name in by_norm.items() if _ACTOR.match(norm)]
    candidates["actors"] = tuple(actors)

    layout = "acled" if is_acled(by_norm) else "gdelt" if is_gdelt(by_norm) else ""
    layout = layout or ("usgs" if is_usgs(by_norm) else "")
    layout = layout or ("wikidata" if wikidata else "")
    reasons: list[str] = []
    time = time_sources[0] if time_sources else None
    own = is_own_export(names)
    if own:  # our CSV export: its date is the event's, whatever the opened file's columns say
        time = TimeSource(own, None, "edtf")  # EDTF, as it was written
    order, order_unsure = slash_order(
        v for s in time_sources[:1] for f in s.fields for v in values[f]
    )
    if order_unsure:  # "3/10/2024" beside a form's "Timestamp" of "3/15/2024 14:22:01": one
        # locale wrote both, so the file's other dates say the order
        other, other_unsure = slash_order(
            v for s in time_sources[1:] for f in s.fields for v in values[f]
        )
        if other is not None and not other_unsure:
            order, order_unsure = other, False
    if order_unsure and any(_day_first_word(n) for n in names):
        # "Date;Événement;Lieu", "Datum", "Fecha": a header in a language whose countries
        # all write the day first ("05/03/2024" is 5 March in France, Spain, Germany…)
        order, order_unsure = "dmy", False
    if time is not None and not own:
        others = time_sources[1:]
        if layout == "acled":  # when ACLED uploaded the record, not when the event happened
            others = [s for s in others if normalise(s.field) != "timestamp"]
        # when a form's answer was sent (Google Forms' "Timestamp"), not when the event asked
        # for happened: a date unlike it is no reason to ask
        others = [s for s in others if s not in submitted]
        sure = None if order_unsure else order  # the file's order, when its dates say
        reasons += _disagreements(time, others, sample, numbers, sure)
    if order_unsure:
        candidates["date_order"] = ("dmy", "mdy")
        reasons.append(
            f"the dates in {time.label!r} read both ways (day/month or month/day)"  # type: ignore[union-attr]
        )
    elif mixed := mixed_slash_orders(
        v for s in time_sources[:1] for f in s.fields for v in values[f]
    ):
        candidates["date_order"] = ("dmy", "mdy") if order == "dmy" else ("mdy", "dmy")
        reasons.append(
            f"the dates in {time.label!r} are written month first ({mixed[0]!r}) and day "  # type: ignore[union-attr]
            f"first ({mixed[1]!r}), so those that read both ways ({mixed[2]!r}) may be either"
        )

    # The one field of "lat, lon" pairs, when there are no latitude and longitude columns;
    # beside them, a place column of names such as "55.75580, 37.61730" (our exports name an
    # unnamed spot so) is the place's name, not its location.
    latlon = _first(candidates["latlon"]) if not (lat and lon or shapes_given) else None
    chosen_category = category[0] if category else None
    chosen_title = next((n for n in candidates["title"] if n != chosen_category), None)
    if chosen_title is None and chosen_category is not None and not title:
        chosen_title = chosen_category
    choice = FieldChoice(
        time=time,
        title=chosen_title,
        description=_first(candidates["description"], exclude={chosen_title}),
        category=chosen_category,
        place=_first(candidates["place"], exclude={latlon}),
        id=_first(candidates["id"]),
        place_id=_first(candidates["place_id"]),
        excerpt=_first(candidates["excerpt"]),
        excerpts=_first(candidates["excerpts"]),
        era=_first(candidates["era"]),
        lat=_first(lat) if lon else None,
        lon=_first(lon) if lat else None,
        wkt=_first(candidates["wkt"]),
        latlon=latlon,
        actors=tuple(actors),
        date_order=order or "dmy",
        layout=layout,
    )
    if layout == "usgs":  # "M 5.8 – 87 km E of Namie, Japan", not "earthquake" (its type)
        choice = replace(choice, title=by_norm["mag"], category=by_norm["type"])
        candidates["title"] = (by_norm["mag"], *(n for n in candidates["title"] if n != "mag"))
    if choice.title is None and not own and not named:  # "Date | Battle | Coordinates"
        taken = choice.used | {f for s in time_sources for f in s.fields}
        taken |= {  # a column another role could take ("country" beside "city") is not it
            n for role, found in candidates.items() if role != "title" for n in found
        } - {None}
        label = _label_column(names, values, taken)
        if label is not None:
            choice = replace(choice, title=label)
            candidates["title"] = (label,)
    missing = []
    if time is None:
        missing.append("time")
    if not (choice.wkt or (choice.lat and choice.lon) or choice.latlon or choice.place):
        missing.append("location")
    return FieldGuess(
        fields=names,
        choice=choice,
        candidates=candidates,
        ambiguous=bool(reasons),
        reasons=tuple(reasons),
        missing=tuple(missing),
        sample=sample,
        sample_numbers=numbers,
    )


def _label_column(
    names: Sequence[str], values: Mapping[str, list[Any]], taken: Iterable[str]
) -> str | None:
    """The first field no role took whose values are short text, not numbers, dates or
    links: the title of a table whose titles are under a name we do not know (a Wikipedia
    table's "Battle", "Attack" or "Treaty"), which titled each event "Row 2", "Row 3"… or by
    its place. Not a column about the record ("Source", "Link", "Author", "Status"): an
    event without a title is titled by its place, as before."""
    taken = set(taken)
    for name in names:
        found = values.get(name) or []
        if name in taken or not found or _RECORD_WORDS.search(normalise(name)):
            continue
        if _mostly(found, _is_label):
            return name
    return None


_RECORD_WORDS = re.compile(
    r"(?:^|_)(?:sources?|url|urls|links?|ref|refs|references?|citations?|credits?|authors?"
    r"|by|publishers?|outlets?|media|e_?mail|contact|status|verified|verification"
    r"|confidence|tags?|keywords?|language|lang|quelle|fuente|fonte|bron)(?:_|$)"
)
"""Words in the name of a column about the record, not the event: no title."""


def _is_label(value: Any) -> bool:
    """A cell that names something: text of a word or more, short, with letters."""
    if not isinstance(value, str):
        return False
    text = stripped(value)
    if not text or len(text) > 150 or not any(c.isalpha() for c in text):
        return False
    if text.lower().startswith(("http://", "https://", "www.")) or "@" in text:
        return False
    try:
        parse_date(text)
    except DateError:
        return True
    return False  # a date ("March 2024") is no title


def _summary_row(row: Mapping[str, Any]) -> bool:
    """A sheet's totals or summary row: "Total" or "Average" alone in one of its first
    cells, and no date in any (the Battle of the "Somme", French for a sum, is a row of
    events)."""
    cells = list(row.values())
    return bool(totals_word(cells[:3])) and not any(_written_date(c) for c in cells)


_MOST_SUMMARIES = 20
"""Totals and summary rows passed over in the first rows of a table, at most."""


_FORM_TIMESTAMPS = frozenset(
    ("timestamp", "marca_temporal", "zeitstempel", "horodateur", "carimbo_de_data_hora",
     "informazioni_cronologiche", "tijdstempel")
)  # fmt: skip
"""The first column of a Google Forms response sheet, in the languages whose column names we
read: when each response was sent."""
_MS_FORM_TIMES = frozenset(
    ("start_time", "completion_time", "last_modified_time", "startzeit", "fertigstellungszeit",
     "heure_de_debut", "heure_de_fin", "hora_de_inicio", "hora_de_finalizacion",
     "hora_de_conclusao", "ora_di_inizio", "ora_di_completamento", "begintijd", "eindtijd")
)  # fmt: skip
"""The columns after "ID" in a Microsoft Forms export (English, German, French, Spanish,
Portuguese, Italian, Dutch): when each respondent started and finished the form."""
_RESPONDENT = frozenset(
    ("name", "your_name", "full_name", "respondent", "email", "email_address", "e_mail",
     "nom", "nombre", "nome", "naam", "votre_nom", "tu_nombre", "ihr_name")
)  # fmt: skip
"""A form's columns about who answered it, not the event: Microsoft Forms' "Name" and "Email",
the respondent's name a form asks for first."""


_QUALTRICS_TIMES = frozenset(("start_date", "end_date", "recorded_date"))
_RESPONDENT_PLACE = frozenset(("location_latitude", "location_longitude"))
"""Where a survey's respondent was (Qualtrics guesses it from the address they answered
from): not the event's place."""


def _form_times(names: Sequence[str]) -> list[str]:
    """The columns of a form export that say when each response was sent: Google Forms' first
    column ("Timestamp"), Microsoft Forms' "Start time" and "Completion time" after its "ID"
    (and "Last modified time"), SurveyMonkey's "Start Date" and "End Date" after its
    "Respondent ID"; [] for any other table."""
    if not names:
        return []
    if normalise(names[0]) in _FORM_TIMESTAMPS:
        return [names[0]]
    if normalise(names[0]) == "id" and len(names) > 2:
        times = [n for n in names[1:4] if normalise(n) in _MS_FORM_TIMES]
        return times if len(times) >= 2 else []
    if normalise(names[0]) == "start_date" and "response_id" in map(normalise, names):
        # Qualtrics': Start Date, End Date, Recorded Date
        return [n for n in names[:10] if normalise(n) in _QUALTRICS_TIMES]
    if normalise(names[0]) == "respondent_id":  # SurveyMonkey's: Start Date, End Date
        times = [n for n in names[1:5] if normalise(n) in ("start_date", "end_date")]
        return times if len(times) == 2 else []
    return []


def _is_form(names: Sequence[str]) -> bool:
    """A Google Forms or Microsoft Forms export, by the columns the form adds of its own."""
    return bool(_form_times(names))


def _form_submitted(names: Sequence[str], sources: Sequence[TimeSource]) -> list[TimeSource]:
    """The time sources that are when a form's response was sent (Google Forms' "Timestamp",
    Microsoft Forms' "Start time" and "Completion time"), when the form asked for a date too
    ("Date of the event"): that date is the event's, and these come last (not asking, as they
    always disagree). [] for any other file, or a form that asked no date."""
    times = _form_times(names)
    submitted = [s for s in sources if all(f in times for f in s.fields)]
    return submitted if len(submitted) < len(sources) else []


_RECORD_NOTES = frozenset(
    ("meta", "metadata", "_meta", "sys", "system", "record", "audit", "history", "version")
)
"""Objects that describe the record, not the event: their members ("meta.timestamp", when it
was last edited, as osmtogeojson writes it) answer to no role by their own names."""


_OWN_EXPORT = ("event_id", "title", "summary", "date", "start", "end", "precision", "place")
"""The first columns of our CSV export (`csvfile.COLUMNS`), in every version of it."""


def is_own_export(names: Sequence[str]) -> str | None:
    """The date column of our own CSV export, recognised by its first columns
    (event_id,title,summary,date,start,end,precision,place…): its `date` is the event's, and
    the opened file's columns it carries (ACLED's `timestamp`, a `published_date`) are fields,
    never a second date to ask about. None for any other table."""
    head = [normalise(n) for n in names[: len(_OWN_EXPORT)] if isinstance(n, str)]
    return names[3] if tuple(head) == _OWN_EXPORT else None


def with_members(by_norm: dict[str, str]) -> dict[str, str]:
    """`by_norm` (normalised name → field), and each member of an object flattened as
    pandas.json_normalize names it ("info.date", a GeoJSON property's object, or a CSV
    written from one) by its own name ("date") when no field has that name."""
    exact = by_norm
    for name in by_norm.values():
        parent, dot, member = name.rpartition(".")
        if not (parent and member) or any(c.isspace() for c in name):
            continue
        if normalise(parent) in _RECORD_NOTES:
            continue
        if exact is by_norm:
            exact = dict(by_norm)
        exact.setdefault(normalise(member), name)
    return exact


def _is_wkt(value: Any) -> bool:
    return isinstance(value, str) and bool(_WKT.match(value))


def _is_title_like(norm: str) -> bool:
    return bool(_TITLE_LIKE.match(norm)) and not any(
        norm in known for role, known in _NAMES.items() if role != "title"
    )


def _first(names: Sequence[str], exclude: set | None = None) -> str | None:
    return next((n for n in names if not exclude or n not in exclude), None)


def unreadable_time_field(guess: FieldGuess, unit: str = "row") -> str | None:
    """Why no time was found when a field's name says it holds one: that field and its first
    unreadable value's problem ("'date' holds no date we can read: 'the 1800s' could be a
    decade …"), or, when fewer than half of its values read, how many do and the row of the
    first that does not (its `unit`: "row", "feature"), so a file of unreadable dates is not
    told it has no date column."""
    timely = set(_NAMES["date"] + _NAMES["start"] + _NAMES["timestamp"] + _NAMES["year"])
    numbers = guess.sample_numbers or tuple(range(1, len(guess.sample) + 1))
    for name in guess.fields:
        norm = normalise(name)
        if norm not in timely and "date" not in norm:
            continue
        cells = [
            (number, row.get(name))
            for number, row in zip(numbers, guess.sample, strict=False)
            if not _blank(row.get(name))
        ]
        if not cells:
            continue
        years = _years_among_days(name, guess)
        if years:
            return years
        unix = norm not in _NAMES["year"]
        bad: list[tuple[int, DateError]] = []
        for number, value in cells:
            try:
                parse_date(value, unix=unix)
            except DateError as exc:
                bad.append((number, exc))
        if not bad:
            continue
        if len(bad) == len(cells):
            return f"{name!r} holds no date we can read (its first: {bad[0][1]})"
        read = len(cells) - len(bad)
        return (
            f"{name!r} holds too few dates we can read to be taken as the dates: {read} of its "
            f"{len(cells)} values in the first {unit}s (the first that is not, in {unit} {bad[0][0]}: "
            f"{bad[0][1]})"
        )
    return None


def _years_among_days(name: str, guess: FieldGuess) -> str | None:
    """Why a date column of mostly spreadsheet day numbers with a year among them (45467,
    45468, 2024) reads neither way, and what to do: a column with years in it is read as
    years, and its day numbers are then no years; None for any other column."""
    numbers = guess.sample_numbers or tuple(range(1, len(guess.sample) + 1))
    cells = [
        (number, row.get(name))
        for number, row in zip(numbers, guess.sample, strict=False)
        if not _blank(row.get(name))
    ]
    days = [spreadsheet_day_number(v) for _, v in cells]
    day = next((d for d in days if d is not None), None)
    years = [(n, v) for n, v in cells if spreadsheet_day_number(v) is None and _year_like(v)]
    if day is None or not years or sum(d is not None for d in days) * 2 < len(cells):
        return None
    shown = ", ".join(f"{stripped(str(v))} in row {n}" for n, v in years[:3])
    more = f" and {len(years) - 3} more" if len(years) > 3 else ""
    some = "a year" if len(years) == 1 else "years"
    year = int(_number(years[0][1]))
    written = f"{year} AD" if year > 0 else "2024 AD"
    return (
        f"{name!r} holds spreadsheet day numbers ({day} is {spreadsheet_day_words(day)}) with "
        f"{some} among them ({shown}{more}), and a column with years in it is read as years, "
        "which the day numbers are not; in the spreadsheet, format the day numbers' cells as "
        "dates (not the years', which would become days of 1905) before saving the file, or "
        f"write each year with its era, as '{written}', which reads as that year"
    )


_DEGREES_SAID = re.compile(
    r"(?:_?(?:wgs_?84|epsg_?4326|4326|deg|degrees|dd|dec|decimal|decimal_degrees|n|e))+"
)
"""What a coordinate column's name may say after "latitude" of its unit or datum: "Latitude
(WGS84)", "Latitude [deg]", "lat_dd", "Longitude (decimal degrees)", "Lat N"."""


def names_latitude(norm: str) -> bool:
    """A normalised field name that says it holds latitudes ("lat", "y", "breite", "gps_lat",
    "latitude_wgs84")."""
    if norm in _NAMES["lat"] or norm.endswith(("_lat", "latitude")):
        return True
    head, _, said = norm.partition("_")
    return head in ("lat", "latitude") and bool(_DEGREES_SAID.fullmatch(said))


def names_longitude(norm: str) -> bool:
    """A normalised field name that says it holds longitudes ("lon", "lng", "x", "gps_long",
    "longitude_deg")."""
    if norm in _NAMES["lon"] or norm.endswith(("_lon", "_long", "_lng", "longitude")):
        return True
    head, _, said = norm.partition("_")
    return head in ("lon", "long", "lng", "longitude") and bool(_DEGREES_SAID.fullmatch(said))


def _other_way_round(ranked, values: Mapping[str, list]) -> tuple[list[str], list[str]] | None:
    """([the latitude], [the longitude]) when the columns named so are evidently the other way
    round: the one named as the latitude holds values beyond ±90 (and none beyond ±180), the
    one named as the longitude only values within ±90. None otherwise (a column of metres, a
    typo in a row: the rows say what is wrong, as before)."""
    named_lat, named_lon = ranked("lat", None, names_latitude), ranked("lon", None, names_longitude)
    if not named_lat or not named_lon:
        return None
    lat, lon = named_lon[0], named_lat[0]  # turned round
    if lat == lon or not values[lat] or not values[lon]:
        return None
    if all(_safe(_is_lat, v) for v in values[lat]) and all(_safe(_is_lon, v) for v in values[lon]):
        return [lat], [lon]
    return None


def unreadable_location_fields(guess: FieldGuess) -> str | None:
    """Why no latitude/longitude was found when two fields' names say they hold them: the
    field and a value it cannot read ("'Latitude' holds no latitudes we can read as numbers
    (e.g. '55°45′N') …"), so a file of such values is not told to name its columns 'lat'."""
    by_norm: dict[str, str] = {}
    for name in guess.fields:
        by_norm.setdefault(normalise(name), name)
    by_norm = with_members(by_norm)
    lat = next((by_norm[n] for n in _NAMES["lat"] if n in by_norm), None)
    lon = next((by_norm[n] for n in _NAMES["lon"] if n in by_norm), None)
    if lat is None or lon is None:
        return None
    for name, check, what, bounds in (
        (lat, _is_lat, "latitude", "-90…90"),
        (lon, _is_lon, "longitude", "-180…180"),
    ):
        values = [row.get(name) for row in guess.sample if not _blank(row.get(name))]
        if _mostly(values, check):
            continue
        bad = next(v for v in values if not _safe(check, v))
        try:
            number = _coordinate(bad, "lat" if what == "latitude" else "lon")
        except DegreesError as exc:
            return f"{name!r} holds no {what}s we can read ({exc})"
        except (ValueError, TypeError, OverflowError):
            return (
                f"{name!r} holds no {what}s we can read as numbers (e.g. {_short(bad)}); "
                "write them in decimal degrees (-33.5139) or in degrees, minutes and seconds "
                "(33°30′50″S)"
            )
        if abs(number) <= 180:
            hint = "are latitude and longitude the other way round?"
        else:
            hint = (
                "are the coordinates in metres, not in degrees of WGS 84? Save the table in "
                "WGS 84 (EPSG:4326): in QGIS, add it as a delimited text layer with its "
                "system, then Export ▸ Save Features As… with CRS EPSG:4326; or, if they are "
                "Web Mercator's (EPSG:3857), name each row's town in a 'place' column to say so"
            )  # as `table_mercator.REPROJECT` (which imports this module)
        return f"{name!r} holds no {what}s: {number:g} is outside {bounds} ({hint})"
    return None


def _time_sources(by_norm: dict[str, str], values: dict[str, list]) -> list[TimeSource]:
    """Plausible time sources, best first: an exact date name, a start/end pair, a timestamp,
    a year, then any other field whose name says "date" or "year"."""

    exact = with_members(by_norm)

    def named(role: str) -> list[str]:
        return [exact[n] for n in _NAMES[role] if n in exact]

    def dates(name: str, kind: TimeKind = "date") -> bool:
        return _mostly(values[name], lambda v: _parses(v, kind))

    def days(name: str, named: bool = False) -> bool:
        """Spreadsheet day numbers, only in a column named as a date (or, `named`, a start
        or an end): "time" may be seconds."""
        norm = normalise(name)
        dated = named or "date" in norm or norm in ("datum", "fecha", "дата")
        return dated and _spreadsheet_days(values[name])

    sources: list[TimeSource] = [
        TimeSource(n, None, "days") if days(n) else TimeSource(n)
        for n in named("date")
        if days(n) or dates(n)
    ]
    # A start and an end may be day numbers too ("start_date", "end_date"; "Start", "End").
    starts = [n for n in named("start") if dates(n) or days(n, named=True)]
    # An end column's "present" or "ongoing" is a date too: the span is read to today; its
    # "TBD" or "unknown" is an end not known yet, as an empty cell is (a column mostly so,
    # with a few real ends, is still the end)
    ends = [
        n
        for n in named("end")
        if _mostly(
            [v for v in values[n] if not unknown_end(v)],
            lambda v: _parses(v, "date") or ongoing(v),
        )
        or days(n, named=True)
    ]
    if starts:
        paired = [n for n in (starts[0], *ends[:1]) if days(n, named=True)]
        if ends:
            sources.append(TimeSource(starts[0], ends[0], "days" if paired else "span"))
        else:
            sources.append(TimeSource(starts[0], None, "days" if paired else "date"))
    elif ends and sources:
        # "date" and "end" (no "start"): the date is when it began, the span's start
        first = sources[0]
        paired = first.kind == "days" or days(ends[0], named=True)
        sources.insert(0, TimeSource(first.field, ends[0], "days" if paired else "span"))
    elif ends:
        sources.append(TimeSource(ends[0], None, "days" if days(ends[0], named=True) else "date"))
    sources += [TimeSource(n, None, "timestamp") for n in named("timestamp") if dates(n)]
    for year in (n for n in named("year") if dates(n, "year")):
        # A year's month and day in columns of their own: a date, before the year alone.
        month = next((n for n in named("month") if _mostly(values[n], _is_month)), None)
        day = next((n for n in named("day") if _mostly(values[n], _is_day)), None)
        if month is None and day is None:  # "Year" beside a "Date" of "28 June": that day
            month = next(
                (n for n in named("date") if values[n] and _mostly(values[n], _is_day_month)),
                None,
            )
        if month is not None:
            # TimelineJS's "End Year", "End Month", "End Day": the end of the span, if any.
            end_year = exact.get("end_year")
            if end_year is not None and values[end_year] and dates(end_year, "year"):
                end_month, end_day = exact.get("end_month"), exact.get("end_day")
                sources.insert(
                    0, TimeSource(year, end_year, "year", month, day, end_month, end_day)
                )
                sources = [s for s in sources if s.fields != (end_year,)]  # not the end alone
            sources.append(TimeSource(year, None, "year", month, day))
        sources.append(TimeSource(year, None, "year"))
    known = {f for s in sources for f in s.fields}
    for norm, name in by_norm.items():
        if name in known or norm in _NAMES["end"]:
            continue
        if any(word in norm for word in ("update", "created", "modified", "added")):
            continue  # when the record changed, not when the event happened
        # A form's question ("When did it happen?") is named as a date is.
        if "date" in norm or norm.endswith("_time") or norm.startswith(("time_", "when_")):
            if days(name):
                sources.append(TimeSource(name, None, "days"))
            elif dates(name):
                sources.append(TimeSource(name))
        elif norm.endswith("year") and dates(name, "year"):
            sources.append(TimeSource(name, None, "year"))
    filled = [source for source in sources if any(values[f] for f in source.fields)]
    if filled:  # a column empty in every row is no time beside one that has values
        sources = filled  # (TimelineJS's "Time", beside its "Year", "Month" and "Day")
    if not sources:  # Portuguese and Italian "data": in English, a column of anything
        sources += [
            TimeSource(by_norm[n])
            for n in _DATE_OR_ANYTHING
            if n in by_norm and _mostly(values[by_norm[n]], _written_date)
        ]
    if not sources:  # "Season", "Reign", "Term": a column under another name, all dates
        sources += [
            TimeSource(name)
            for name in by_norm.values()
            if values[name] and all(_written_date(v) for v in values[name])
        ][:1]
    return sources


def _spreadsheet_days(values: Sequence[Any]) -> bool:
    """Whether a date column holds spreadsheet day numbers (45467): dates formatted as
    numbers in the sheet it was saved from, maybe among dates written as text (the cells a
    sheet did not take for dates). Most cells must be one or the other, and a few odd ones
    (90000, a 0 for "unknown", "n/a") are read as not dates, each row saying so; but a
    number that may be a year (2024, -44) is never among them, so a column with years is
    never read so. Only a column named as a date is asked."""
    numbers = written = 0
    for value in values:
        if spreadsheet_day_number(value) is not None:
            numbers += 1
        elif _written_date(value):
            written += 1
        elif _year_like(value):
            return False
    return numbers > 0 and (numbers + written) * 2 >= len(values)


def _year_like(value: Any) -> bool:
    """A number that may be a year (2024, "1066", -44): not 0 (a sheet's "unknown"), nor past
    the years a spreadsheet's day numbers begin at (20000)."""
    if isinstance(value, bool):
        return False
    if isinstance(value, str):
        text = visible(value).strip()
        if not _FLOAT_TEXT.match(text):
            return False
        value = text
    try:
        number = float(value)
    except (TypeError, ValueError):
        return False
    return math.isfinite(number) and 1 <= abs(number) < 20_000


_DATE_OR_ANYTHING = ("data", "data_do_evento", "data_evento", "data_dell_evento")
"""Names of a date in Portuguese and Italian that English uses for anything (`data`): a time
only when no other field is one and its values are dates written as dates (not numbers,
which a "data" column of counts would read as years)."""


def _written_date(value: Any) -> bool:
    return (
        isinstance(value, str) and not _FLOAT_TEXT.match(value.strip()) and _parses(value, "date")
    )


_FLOAT_TEXT = re.compile(r"^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$")


def row_time_sources(row: Mapping[str, Any]) -> list[TimeSource]:
    """The time sources one row's non-empty fields offer by their names alone, best first as
    `guess` ranks them: a date, a start/end pair, a timestamp, a year."""
    by_norm: dict[str, str] = {}
    for name, value in row.items():
        if isinstance(name, str) and not _blank(value):
            by_norm.setdefault(normalise(name), name)
    exact = with_members(by_norm)

    def named(role: str) -> list[str]:
        return [exact[n] for n in _NAMES[role] if n in exact]

    sources = [TimeSource(n) for n in named("date")]
    starts, ends = named("start"), named("end")
    if starts:
        sources.append(TimeSource(starts[0], ends[0], "span") if ends else TimeSource(starts[0]))
    elif ends:
        sources.append(TimeSource(ends[0]))
    sources += [TimeSource(n, None, "timestamp") for n in named("timestamp")]
    sources += [TimeSource(n, None, "year") for n in named("year")]
    return sources


def _disagreements(
    chosen: TimeSource,
    others: Sequence[TimeSource],
    sample: Sequence[Mapping],
    numbers: Sequence[int],
    order: DateOrder | None,
) -> list[str]:
    """Reasons to ask: another time source that gives a different time in some sampled row
    (numbered as the file numbers it, `numbers`). The chosen source's dates are read in its
    column's `order` (None: its dates do not say), the other's in its own: a form's
    "Timestamp" of "3/14/2024 10:32:05" is month first beside a date asked for as
    "2024-03-01" or "14/03/2024". Where the other column's every date reads both ways ("3/4/2024
    14:05:00"), it is read in `order`, else it disagrees only if it does either way, and the
    reason shows it as written, not read day first."""
    reasons = []
    numbers = numbers or range(1, len(sample) + 1)
    for other in others:
        own, unsure = slash_order(row.get(f) for row in sample for f in other.fields)
        if own is None or (unsure and order is not None):
            own, unsure = order or "dmy", False
        orders: tuple[DateOrder, ...] = ("mdy", "dmy") if unsure else (own,)
        for number, row in zip(numbers, sample, strict=False):
            try:
                a = chosen.read(row, order or "dmy")
                readings = [other.read(row, o) for o in orders]
            except DateError:
                continue
            if not any(a.overlaps(b.start, b.end) for b in readings):  # a year beside its day,
                # a day in a span: fine
                shown = (
                    readings[0].edtf
                    if len({b.edtf for b in readings}) == 1
                    else " / ".join(repr(stripped(str(row.get(f) or ""))) for f in other.fields)
                )
                reasons.append(
                    f"{chosen.label!r} and {other.label!r} disagree (row {number}: "
                    f"{a.edtf} and {shown})"
                )
                break
    return reasons


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not stripped(value))


def _mostly(values: Sequence[Any], check) -> bool:
    """True when at least half of the non-empty values pass (all fields with none pass)."""
    if not values:
        return True
    good = sum(1 for v in values if _safe(check, v))
    return good * 2 >= len(values)


def _safe(check, value: Any) -> bool:
    try:
        return bool(check(value))
    except (ValueError, TypeError, OverflowError):
        return False


def _parses(value: Any, kind: TimeKind) -> bool:
    if kind != "year" and _SMALL_NUMBER.match(str(value).strip()):
        return False  # 1, 2, 3 in "time_precision" or "day" are not the years 1, 2, 3
    try:
        parse_date(value, unix=kind != "year")
    except DateError:
        return False
    return True


def _is_month(value: Any) -> bool:
    """A month cell: 1 to 12 or a month's name, or 0 (unknown)."""
    return _safe(lambda v: parse_year_month_day(2000, v), value)


def _is_day_month(value: Any) -> bool:
    """A day and a month without their year ("28 June", "Nov 11")."""
    return isinstance(value, str) and _safe(
        lambda v: parse_year_month_day(2000, v).precision.value == "day", value
    )


def _is_day(value: Any) -> bool:
    """A day cell: 1 to 31, or 0 (unknown)."""
    return _safe(lambda v: parse_year_month_day(2000, 1, v), value)


def _number(value: Any) -> float:
    if isinstance(value, bool):
        raise ValueError("a truth value is not a coordinate")
    if isinstance(value, str):
        # "−33,45" from a sheet; "\u200b33.45" copied from a web page
        number = float(ascii_minus(visible(value).strip()).replace(",", "."))
    else:
        number = float(value)
    if not math.isfinite(number):
        raise ValueError("not a finite number")
    return number


def _coordinate(value: Any, axis: Axis) -> float:
    """A latitude or longitude in decimal degrees ("35.6892", "35,6892") or in degrees,
    minutes and seconds ("35°41′46″N"); `DegreesError` says what is wrong with the latter."""
    try:
        return _number(value)
    except ValueError:
        if looks_like_degrees(value):
            return parse_degrees(value, axis)
        raise


_PAIR = re.compile(
    r"^\s*[(\[]?\s*(?P<a>[+-]?\d{1,3}(?:[.,]\d+)?)\s*(?P<sep>[,;/]|\s)\s*"
    r"(?P<b>[+-]?\d{1,3}(?:[.,]\d+)?)\s*[)\]]?\s*$"
)


def _pair(value: Any) -> tuple[float, float] | None:
    """(lat, lon) from one cell ("48.8566, 2.3522", "48,8566; 2,3522", "(48.85 2.35)", or in
    degrees as Wikipedia writes them, "48°51′24″N 2°21′03″E"); None when the cell is no such
    pair."""
    if isinstance(value, str) and is_map_link(value):  # a web map's link: the point it shows
        return link_pair(visible(value))
    m = _PAIR.match(ascii_minus(visible(value))) if isinstance(value, str) else None
    if m is None:
        return _degrees_pair(value) if looks_like_degrees(value) else None
    a, b = m["a"], m["b"]
    if m["sep"].isspace() and not ("." in a and "." in b):
        return None  # "3 5", "10 30": numbers side by side, not coordinates
    if m["sep"] == ",":
        if "," in a or "," in b:
            return None  # "48,85,2,35": which comma is which?
    else:
        a, b = a.replace(",", "."), b.replace(",", ".")  # decimal commas: "48,8566; 2,3522"
    return float(a), float(b)


_HEMISPHERE_PAIR = (
    re.compile(r"^\s*(?P<lat>[^NSEW]*[NS])\s*[,;]?\s*(?P<lon>[^NSEW]*[EW])\s*$", re.I),
    re.compile(r"^\s*(?P<lat>[NS][^NSEW]*?)\s*[,;]?\s*(?P<lon>[EW][^NSEW]*)$", re.I),
    re.compile(r"^\s*(?P<lon>[^NSEW]*[EW])\s*[,;]?\s*(?P<lat>[^NSEW]*[NS])\s*$", re.I),
)
"""A latitude and a longitude each with its hemisphere: "48°51′24″N 2°21′03″E", "N 48°51′
E 2°21′", "48.8566°N, 2.3522°E", or the longitude first, "2°21′E 48°51′N"."""


def _degrees_pair(value: str, strict: bool = False) -> tuple[float, float] | None:
    """(lat, lon) from a cell of two coordinates in degrees with their hemispheres, as
    Wikipedia's infoboxes write them (copied with the decimal form after a slash, "48°51′24″N
    2°21′03″E / 48.85667°N 2.35083°E", the first); None when it is not one, or with `strict`
    the `DegreesError` saying what is wrong with one ("has 75 minutes")."""
    text = ascii_minus(visible(value)).split(" / ")[0].strip()
    for pattern in _HEMISPHERE_PAIR:
        if (m := pattern.match(text)) is not None:
            try:
                return parse_degrees(m["lat"], "lat"), parse_degrees(m["lon"], "lon")
            except DegreesError:
                if strict:
                    raise
                return None
    return None


def _is_pair(value: Any) -> bool:
    pair = _pair(value)
    return pair is not None and -90 <= pair[0] <= 90 and -180 <= pair[1] <= 180


def _is_lat(value: Any) -> bool:
    return -90 <= _coordinate(value, "lat") <= 90


def _is_lon(value: Any) -> bool:
    return -180 <= _coordinate(value, "lon") <= 180


# --- reading a row -----------------------------------------------------------------------------


class RowParts(NamedTuple):
    """One row read with a `FieldChoice`: the parts of an event and of its place."""

    title: str
    summary: str
    category: str
    place: str
    id: str
    place_id: str
    excerpt: str
    era: str
    actors: tuple[str, ...]
    excerpts: tuple[Excerpt, ...] = ()
    """Every passage with its offsets, when the file has them (our CSV and KML exports)."""


class RowReader:
    """Reads rows (a mapping of field name → value) with one `FieldChoice`."""

    def __init__(self, choice: FieldChoice) -> None:
        self.choice = choice
        names = [getattr(choice, role) for role in _PART_ROLES]
        self._text_fields = [(index, name) for index, name in enumerate(names) if name]
        self._spans: dict[Any, TimeSpan] = {}
        self.slashes: dict[str, SlashReading] = {}
        """The time cells that read two ways ("2010/11": a year or a month), as the column
        reads them (`read_days_in_bulk`; `year_slash`), for the report to say so."""
        self._as_edtf: dict[str, str] = {}  # of those, the ones not read as they read alone
        self._used = choice.used | DERIVED | {"place_id"}
        self._acled = (
            choice.layout == "acled"
            and normalise(choice.title or "") == "sub_event_type"
            and normalise(choice.category or "") == "event_type"
        )
        if self._acled:  # the category is one of ours: ACLED's event type stays a field
            self._used = self._used - {choice.category}
        self._gdelt = choice.layout == "gdelt" and normalise(choice.title or "") == "eventcode"
        if self._gdelt:  # the title is in words: GDELT's code stays a field
            self._used = self._used - {choice.title}
        self._usgs = choice.layout == "usgs" and normalise(choice.title or "") == "mag"
        if self._usgs:  # the title says the magnitude: it stays a field, a number
            self._used = self._used - {choice.title}
        self._root = choice.category if normalise(choice.category or "") == "eventrootcode" else ""
        # The category from the CAMEO code, unless another column was chosen for it: GDELT's
        # root code (or QuadClass) stays a field.
        self._cameo = self._gdelt and normalise(choice.category or "eventrootcode") in (
            "eventrootcode",
            "quadclass",
        )
        if self._cameo and choice.category:
            self._used = self._used - {choice.category}

    def time(self, row: Mapping[str, Any]) -> TimeSpan:
        source = self.choice.time
        if source is None:
            raise DateError("no field holds a date (choose one)")
        # Files repeat dates a lot: remember each cell's span (values are str/int/float/None).
        fields = source.fields
        key: Any = row.get(fields[0]) if len(fields) == 1 else tuple(row.get(f) for f in fields)
        try:
            span = None if key is True or key is False else self._spans.get(key)
        except TypeError:  # a list or object in a GeoJSON property
            return source.read(row, self.choice.date_order)
        if span is None:
            if self._as_edtf:  # "2010/11" as the column reads it: a month beside "2010/03"
                row = {**row, **{f: self._as_edtf.get(row.get(f), row.get(f)) for f in fields}}
            span = self._spans[key] = source.read(row, self.choice.date_order)
        return span

    def read_days_in_bulk(self, rows: Sequence[Mapping[str, Any]]) -> None:
        """Work out the plain ISO days in the time field of all `rows` at once (`plain_days`),
        for `time` to find: a big file's distinct dates, one at a time, took ~0.5 s. And how
        the column reads its cells that read two ways ("2010/11", `slashes`)."""
        source = self.choice.time
        if source is not None and len(source.fields) == 1:
            name = source.field
            for text, span in plain_days(row.get(name) for row in rows).items():
                self._spans.setdefault(text, span)
        if source is not None and source.month_field is None and source.kind != "days":
            # A year, a slash and a number: as the column's others are (`year_slash`).
            cells = [row.get(f) for row in rows for f in source.fields]
            self.slashes = column_readings(cells)
            self._as_edtf = {
                cell: reading.edtf
                for cell, reading in self.slashes.items()
                if reading.edtf != year_slash_readings(cell)[0]  # type: ignore[index]
            }

    def time_source_for(self, row: Mapping[str, Any]) -> TimeSource | None:
        """Where this row's time is: the chosen source, unless its fields are all empty here
        and another field the row has is a time by its name (a GeoJSON file whose features
        mostly have `date` but some `start`/`end` or a `timestamp`). Of those, the first
        that reads, else the first, so that its own reason is the one reported."""
        chosen = self.choice.time
        if chosen is not None and not all(_blank(row.get(f)) for f in chosen.fields):
            return chosen
        others = [s for s in row_time_sources(row) if s != chosen]
        for other in others:
            try:
                other.read(row, self.choice.date_order)
            except DateError:
                continue
            return other
        return others[0] if others else chosen

    def time_from(self, row: Mapping[str, Any], source: TimeSource | None) -> TimeSpan:
        """The row's time from `source` (`time_source_for`): `time` for the chosen one."""
        if source is None or source == self.choice.time:
            return self.time(row)
        return source.read(row, self.choice.date_order)

    def parts(self, row: Mapping[str, Any]) -> RowParts:
        get = row.get
        texts = ["", "", "", "", "", "", "", ""]
        for index, name in self._text_fields:
            value = get(name)
            texts[index] = stripped(value) if value.__class__ is str else _text(value)
            if index in _PROSE:
                texts[index] = without_footnotes(texts[index])
        actors = self._actors(row) if self.choice.actors else ()
        excerpts = (
            self._excerpts(get(self.choice.excerpts), texts[_EXCERPT])
            if self.choice.excerpts
            else ()
        )
        return self._as_export(RowParts(*texts, actors, excerpts))

    def all_parts(self, rows: Sequence[Mapping[str, Any]]) -> list[RowParts]:
        """`parts` of many rows, a column at a time (faster for 100,000 rows)."""
        empty = [""] * len(rows)
        columns: list[list[str]] = [empty] * len(_PART_ROLES)
        for index, name in self._text_fields:
            cells = (row.get(name) for row in rows)
            columns[index] = [stripped(v) if v.__class__ is str else _text(v) for v in cells]
            if index in _PROSE:
                columns[index] = [without_footnotes(v) for v in columns[index]]
        if self.choice.actors:
            actors: list[tuple[str, ...]] = [self._actors(row) for row in rows]
        else:
            actors = [()] * len(rows)
        if self.choice.excerpts:
            name, firsts = self.choice.excerpts, columns[_EXCERPT]
            excerpts = [
                self._excerpts(row.get(name), first)
                for row, first in zip(rows, firsts, strict=True)
            ]
        else:
            excerpts = [()] * len(rows)
        parts = [RowParts(*texts) for texts in zip(*columns, actors, excerpts, strict=True)]
        exported = self._acled or self._gdelt or self._usgs
        return [self._as_export(p) for p in parts] if exported else parts

    def _as_export(self, parts: RowParts) -> RowParts:
        """A row's parts as its export means them (ACLED's, GDELT's), else as they are."""
        if self._acled:
            return _as_acled(parts)
        if self._gdelt:  # "Fight: RUSSIA – UKRAINE", not "190"
            root = parts.category if self._root else ""
            category = cameo_category(parts.title, root) if self._cameo else parts.category
            title = cameo_title(parts.title, root, parts.actors)
            return parts._replace(title=title, category=category)
        if self._usgs:
            return parts._replace(title=usgs_title(parts.title, parts.place))
        return parts

    def _excerpts(self, value: Any, first: str) -> tuple[Excerpt, ...]:
        """The passages in the excerpts field, unless the file's excerpt field no longer shows
        the first of them (edited in a spreadsheet, say): then that text is what counts."""
        if _blank(value):
            return ()
        found = excerpts_from(value)
        if found and self.choice.excerpt and found[0].text.strip() != first:
            return ()
        return found

    def _actors(self, row: Mapping[str, Any]) -> tuple[str, ...]:
        actors: list[str] = []
        for name in self.choice.actors:
            value = row.get(name)
            if not value:
                continue
            items = actors_from(value)
            actors += [a for a in (_text(i) for i in items) if a and a not in actors]
        return tuple(actors)

    def point(self, row: Mapping[str, Any]) -> tuple[float, float] | None:
        """(lon, lat) from the latitude and longitude fields; None when both are empty."""
        lat_name, lon_name = self.choice.lat, self.choice.lon
        if not lat_name or not lon_name:
            return self._pair_point(row)
        lat, lon = row.get(lat_name), row.get(lon_name)
        if _blank(lat) and _blank(lon):
            return None
        if _blank(lat) or _blank(lon):  # not "('50.45', '') are not numbers"
            empty, other, value = (
                (lat_name, lon_name, lon) if _blank(lat) else (lon_name, lat_name, lat)
            )
            raise PlaceError(f"the {empty!r} is empty (its {other!r} is {_short(value)})")
        try:
            try:
                if lat.__class__ is not str or lon.__class__ is not str:
                    raise TypeError
                y, x = float(lat), float(lon)  # the common case, fast
            except (ValueError, TypeError):
                # "50,45", numbers in JSON, "35°41′46″N"
                y, x = _coordinate(lat, "lat"), _coordinate(lon, "lon")
            if not (math.isfinite(x) and math.isfinite(y)):
                raise ValueError("not finite")
        except DegreesError as exc:
            raise PlaceError(str(exc)) from None
        except (ValueError, TypeError, OverflowError):
            raise PlaceError(
                f"the coordinates ({_short(lat)}, {_short(lon)}) are not numbers"
            ) from None
        if not -90 <= y <= 90:
            swapped = -90 <= x <= 90 and -180 <= y <= 180
            raise PlaceError(
                f"latitude {y:g} is out of range -90…90"
                + (f"; are {lat_name!r} and {lon_name!r} swapped?" if swapped else "")
            )
        if not -180 <= x <= 180:
            raise PlaceError(f"longitude {x:g} is out of range -180…180")
        return x, y

    def _pair_point(self, row: Mapping[str, Any]) -> tuple[float, float] | None:
        """(lon, lat) from the one field holding both ("48.8566, 2.3522": latitude first)."""
        name = self.choice.latlon
        value = row.get(name) if name else None
        if _blank(value):
            return None
        pair = _pair(value)
        if pair is None and looks_like_degrees(value):
            try:  # "48°75′N 2°21′E": what is wrong with it
                _degrees_pair(value, strict=True)
            except DegreesError as exc:
                raise PlaceError(str(exc)) from None
        if pair is None and (short := short_link_problem(str(value))) is not None:
            raise PlaceError(short)
        if pair is None:
            raise PlaceError(
                f"{_short(value)} is not a latitude and a longitude (write them as "
                "'48.8566, 2.3522', latitude first)"
            )
        y, x = pair
        if not -90 <= y <= 90:
            swapped = -90 <= x <= 90 and -180 <= y <= 180
            raise PlaceError(
                f"latitude {y:g} is out of range -90…90"
                + ("; is the longitude first? write the latitude first" if swapped else "")
            )
        if not -180 <= x <= 180:
            raise PlaceError(f"longitude {x:g} is out of range -180…180")
        return x, y

    def shape(self, row: Mapping[str, Any]) -> BaseGeometry | None:
        """The geometry in the WKT field; None when it is empty."""
        if not self.choice.wkt:
            return None
        text = row.get(self.choice.wkt)
        if _blank(text):
            return None
        if not isinstance(text, str):
            raise PlaceError(f"{_short(text)} is not WKT text")
        text = _SRID.sub("", visible(text))
        try:
            return shapely.force_2d(shapely.from_wkt(text))
        except Exception as exc:  # shapely.errors.GEOSException and friends
            reason = geometry_problem(exc)
            if "ParseException" in str(exc):
                raise PlaceError(f"not WKT we can read ({_short(text)}): {reason}") from None
            raise PlaceError(f"the WKT {_short(text)} is not a valid shape: {reason}") from None

    def shapes(self, texts: Sequence[Any]) -> list[BaseGeometry | PlaceError | None]:
        """`shape` of many WKT cells, parsed as one array (shapely's per-call cost, not the
        parsing, dominated a 100,000-row file read one cell at a time): each cell's geometry,
        None when it is empty, or the `PlaceError` saying what is wrong with it."""
        out: list[Any] = [None] * len(texts)
        todo = [i for i, text in enumerate(texts) if text.__class__ is str and not _blank(text)]
        wkt = [_SRID.sub("", visible(texts[i])) for i in todo]
        parsed = shapely.from_wkt(wkt, on_invalid="ignore")
        for i, geometry in zip(todo, shapely.force_2d(parsed), strict=True):
            out[i] = geometry
        for i, text in enumerate(texts):
            if out[i] is None and not _blank(text):  # not WKT: `shape` says why
                try:
                    out[i] = self.shape({self.choice.wkt: text})
                except PlaceError as exc:
                    out[i] = exc
        return out

    def extra(self, row: Mapping[str, Any]) -> dict[str, Any]:
        """The fields no role reads, kept on the event so an export loses nothing."""
        used = self._used
        return {k: v for k, v in row.items() if k not in used and not _blank(v)}

    def all_extras(self, rows: Sequence[Mapping[str, Any]], names: Sequence[str]) -> list[dict]:
        """`extra` of many rows that all have the fields `names` (a table's header)."""
        keep = [name for name in names if name not in self._used]
        if not keep:
            return [{} for _ in rows]
        return [{k: v for k in keep if not _blank(v := row.get(k))} for row in rows]


def _as_acled(parts: RowParts) -> RowParts:
    """An ACLED row's parts as ACLED means them: read from its sub-event type (the title)
    and event type (the category), the title says where, and the category is the app's."""
    return parts._replace(
        title=acled_title(parts.title, parts.category, parts.place),
        category=acled_category(parts.category, parts.title),
    )


def _text(value: Any) -> str:
    if value.__class__ is str:
        return stripped(value)
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


_GEOS_PROBLEMS = (  # GEOS's words (shapely passes them on) → ours
    (r"point array must contain 0 or >1 elements", lambda m: "a line has only one point (it "
     "needs two or more)"),
    (r"Invalid number of points in LinearRing found (\d+) - must be 0 or >= 4",
     lambda m: f"a polygon's ring has only {m[1]} points (it needs at least 4, the last the "
     "same as the first)"),
    (r"Points of LinearRing do not form a closed linestring", lambda m: "a polygon's ring is "
     "not closed (its last point must be the same as its first)"),
    (r"Unknown type: '(.*)'", lambda m: f"{m[1]!r} is not a geometry type (POINT, LINESTRING, "
     "POLYGON, MULTIPOINT…)"),
    (r"Unexpected text after end of geometry", lambda m: "there is more text after the end "
     "of the shape"),
    (r"Expected (\w+) but encountered (.*)", lambda m: f"expected {_EXPECTED.get(m[1], m[1])}"
     f" near {_ENCOUNTERED(m[2])}"),
)  # fmt: skip
_EXPECTED = {"number": "a number", "word": "a closing bracket or a keyword such as EMPTY"}


def _ENCOUNTERED(found: str) -> str:  # noqa: N802 (a table entry)
    if found == "end of stream":
        return "the end of the text (is it cut short?)"
    kind, _, value = found.partition(": ")
    return value or kind


def geometry_problem(exc: BaseException) -> str:
    """A geometry library's error in plain words: no exception names, no C++ newlines."""
    text = re.sub(r"^\w*(Exception|Error):\s*", "", str(exc).strip())
    for pattern, words in _GEOS_PROBLEMS:
        match = re.search(pattern, text)
        if match:
            return words(match)
    return text or "the shape cannot be read"


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "…"


def preview(
    rows: Iterable[Mapping[str, Any]],
    choice: FieldGuess | FieldChoice,
    limit: int = 10,
    numbers: Iterable[int] = (),
) -> list[dict[str, str]]:
    """What the first rows become with a choice: one dict per row for the dialog's table,
    with "row", "title", "date", "when", "place", "lat", "lon", "category", "actors" and
    "problem" ("" when the row reads). `numbers`: the rows' numbers as the file shows them
    (`FieldGuess.sample_numbers`), else 1, 2, 3…"""
    if isinstance(choice, FieldGuess):
        choice = choice.choice
    reader = RowReader(choice)
    out = []
    numbers = list(numbers) or range(1, limit + 1)
    for number, row in zip(numbers[:limit], rows, strict=False):
        shown = {"row": str(number), "date": "", "when": "", "lat": "", "lon": "", "problem": ""}
        parts = reader.parts(row)
        shown.update(
            title=parts.title, place=parts.place, category=parts.category,
            actors="; ".join(parts.actors),
        )  # fmt: skip
        problems = []
        try:
            span = reader.time(row)
            shown["date"], shown["when"] = span.edtf, span.describe()
        except DateError as exc:
            problems.append(f"date: {exc}")
        try:
            geom = reader.shape(row)
            point = reader.point(row) if geom is None else geom.representative_point().coords[0]
            if point is not None:
                shown["lon"], shown["lat"] = f"{point[0]:.5f}", f"{point[1]:.5f}"
            elif (
                choice.wkt or choice.lat or choice.latlon
            ) and not parts.place:  # GeoJSON rows have their
                problems.append("place: no coordinates")  # shape beside them; a name is found
        except PlaceError as exc:
            problems.append(f"place: {exc}")
        shown["problem"] = "; ".join(problems)
        out.append(shown)
    return out
