"""KML and KMZ, as Google Earth (and our own KML export) write them, into a catalogue.

Placemarks in any nesting of Documents and Folders become events: `name` the title,
`description` the summary, `TimeStamp`/`TimeSpan` the time, Point/LineString/Polygon/
MultiGeometry the place, and ExtendedData (`Data` and `SchemaData`) the other fields, guessed by
`fields.guess` like a table's columns. fastkml reads the document; we read the time elements'
text ourselves first, because fastkml turns them into Python dates, which know no year before 1
and drop what they cannot parse.
"""

from __future__ import annotations

import html
import io
import logging
import math
import os
import posixpath
import re
import urllib.parse
import warnings
import xml.etree.ElementTree as ET
import zipfile
import zlib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from typing import Any

import shapely
from shapely.geometry import LineString, MultiLineString, Point, shape

from mapexplorer.formats import fields as fieldguess
from mapexplorer.formats.dates import (
    DateOrder,
    both_ways_said,
    mixed_slash_orders,
    parse_date,
    parse_span,
    reads_both_ways,
    slash_order,
)
from mapexplorer.formats.errors import MAX_BYTES, FormatError, read_bytes
from mapexplorer.formats.fields import FieldChoice, RowReader, choice_from, geometry_problem
from mapexplorer.formats.markup import html_text
from mapexplorer.formats.native import paused_gc
from mapexplorer.formats.place_names import PlaceNameError, PlacesByName, spots_of_names
from mapexplorer.formats.reading import (
    PROGRESS_EVERY,
    CatalogueBuilder,
    Progress,
    ReadReport,
    date_said,
    event_title,
)
from mapexplorer.formats.report import numbered
from mapexplorer.formats.swapped import swapped_line, swapped_rows
from mapexplorer.formats.xml_document import parse_document
from mapexplorer.model import Catalogue, DateError, PlaceError, TimeSpan

with warnings.catch_warnings():  # "lxml missing, pretty print disabled": we never print
    warnings.simplefilter("ignore")
    from fastkml import config as kml_config
    from fastkml import kml as fastkml

__all__ = ["read"]

# fastkml logs what it cannot parse ("Invalid coordinates in '<kml:coordinates…'") to stderr
# through logging's last-resort handler. We find those problems ourselves and report them per
# placemark: the library's own lines never reach the user.
_fastkml_log = logging.getLogger("fastkml")
_fastkml_log.addHandler(logging.NullHandler())
_fastkml_log.propagate = False

_GX = "{http://www.google.com/kml/ext/2.2}"

_MARK = "mapexplorer-placemark-"
_SPACED_COMMA = re.compile(r"\s+,\s*|,\s+")


@dataclass(frozen=True)
class _ContainerTime:
    """The TimeStamp or TimeSpan of a Folder or Document: per KML, the time of what it holds
    that has none of its own."""

    tag: str
    """"TimeStamp" or "TimeSpan"."""
    when: str | None
    begin: str | None
    end: str | None
    where: str
    """The container in words: "Folder 'Battles'", "the Document"."""
    depth: int
    """How many named folders deep it is (itself among them): a folder nearer the placemark,
    named as a date, dates it instead."""

    def time(self, order: DateOrder = "dmy") -> TimeSpan:
        try:
            if self.when is not None:
                return parse_date(self.when, order)
            return parse_span(self.begin, self.end, order)
        except DateError as exc:
            raise DateError(
                f"the placemark has no date of its own, and the {self.tag} of the {self.where} "
                f"it is in cannot be read: {exc}"
            ) from None


@dataclass
class _Mark:
    """What we read from a Placemark's XML before fastkml sees it."""

    index: int
    original_id: str
    folders: tuple[str, ...]
    when: str | None = None
    begin: str | None = None
    end: str | None = None
    time_tag: str | None = None
    """"TimeStamp" or "TimeSpan" when the placemark has one, even an empty one."""
    bad_coordinates: str | None = None
    """What is wrong with the first coordinates fastkml would drop, or None."""
    tracks: list[list[tuple[float, float]]] | None = None
    """The points of the placemark's gx:Track (or a gx:MultiTrack's tracks), if it has one."""
    address: str = ""
    """Its <address> (Google My Maps and Google Earth write one): where to place it by name when
    it has no geometry."""
    folder_time: TimeSpan | None = None
    """Without a time of its own, the date its nearest folder's name is ("1914")."""
    folder_name: str = ""
    one_end: TimeSpan | None = None
    """With a TimeSpan of one end only, its time as read (`_one_ended_spans`)."""
    one_end_said: str = ""
    """How that time was read, for the event's date note."""
    one_end_kind: str = ""
    """Read "as" that date, "to" the file's last date, or "from" its first."""
    one_end_read: int = 0
    """The placemark's number when its event was dated so (not by a date in its data)."""
    track_timed: bool = False
    """Timed by its gx:Track's first and last <when>, having no TimeStamp or TimeSpan."""
    container_time: _ContainerTime | None = None
    """Without a time of its own, its nearest Folder's or Document's TimeStamp/TimeSpan."""
    container_read: int = 0
    """The placemark's number when its event was dated by that time."""
    order: DateOrder = "dmy"
    """How the file's numeric dates are read ("01/05/2024"): by the file's other dates
    (`_date_order`)."""
    both_ways: str = ""
    """Its date when that reads both ways ("01/05/2024") and no date in the file says which."""
    both_ways_read: int = 0
    """The placemark's number when its event was dated by that date."""
    empty_geometry: str = ""
    """The tag of its geometry when that holds no coordinates at all (`<MultiGeometry/>`,
    `<Point/>`): it is placed by its address or name, as one without geometry, and the report
    says that the geometry is empty when it cannot be."""
    spots: tuple[tuple[float, float], tuple[float, float]] | None = None
    """Its first and last point, where its first and last time were (`_localise`)."""


@dataclass
class _Link:
    """A NetworkLink or an overlay: something a KML file shows that is not a Placemark."""

    kind: str
    name: str
    href: str


_LINK = "NetworkLink"
_OVERLAYS = ("GroundOverlay", "PhotoOverlay", "ScreenOverlay")


def read(
    path: str | os.PathLike,
    progress: Progress | None = None,
    fields: FieldChoice | Mapping[str, Any] | None = None,
) -> tuple[Catalogue, ReadReport]:
    """Read a .kml or .kmz file; placemarks that cannot be read go in the report."""
    with paused_gc():
        data = read_bytes(path)
        archive = _Archive.of(path, data)
        root = parse_document(path, archive.main if archive else _kml_bytes(path, data), "KML")
        ns = root.tag[: -len("kml")] if root.tag.endswith("kml") else ""
        if not ns:
            ns = _into_kml_namespace(root)
        followed = _follow_archive_links(path, archive, root, ns) if archive else []
        marks, links = _mark_placemarks(root, ns)
        if not marks and links:
            raise FormatError(path, _only_links(links))
        placemarks = _plain_placemarks(root, ns, marks)  # most big files: points, quickly
        if placemarks is None:
            document = _fastkml(path, root, ns)
            placemarks = sorted(
                (p for p in _placemarks(document) if str(p.id).startswith(_MARK)),
                key=lambda p: int(str(p.id)[len(_MARK) :]),
            )
        rows = [_row(p) for p in placemarks]
        names = list(dict.fromkeys(k for row in rows for k in row))
        guessed = (
            fieldguess.guess(names, rows, shapes_given=True)
            if not isinstance(fields, FieldChoice)
            else None
        )
        choice = choice_from(fields, guessed)
        if guessed is not None and rows and all(_OWN_EXPORT <= row.keys() for row in rows):
            # our own export: its EDTF date as written ("2022-23" is autumn 2022 there)
            if choice.time is not None and choice.time.fields == ("date",):
                choice = replace(choice, time=replace(choice.time, kind="edtf"))
        user_time = fields is not None and (
            isinstance(fields, FieldChoice)
            or any(k in fields for k in ("time", "date", "start", "end", "timestamp", "year"))
        )
        reader = RowReader(choice)
        builder = CatalogueBuilder(path, "placemark")
        total = len(placemarks)
        mine = [marks[int(str(p.id)[len(_MARK) :])] for p in placemarks]
        # Placemarks without geometry are placed by their address or name (`place_names`).
        named = [
            _place_name(mark, reader.parts(row))[0]
            if placemark.geometry is None and mark.tracks is None and not mark.bad_coordinates
            else ""
            for placemark, row, mark in zip(placemarks, rows, mine, strict=True)
        ]
        moved = _localise(mine, named)  # UTC times, as the local time where they were
        _date_order(mine)  # "01/05/2024": by the file's other dates, as a table's
        _date_by_folders(mine)  # a folder per year, as a map of a story's years is kept
        _one_ended_spans(mine)  # "from June 2024 on", or a date
        if total and choice.time is None and all(_undated(mark) for mark in mine):
            raise FormatError(path, _no_dates(total))  # a map of places, not of events
        by_name = PlacesByName(n for n in named if n)
        for number, (placemark, row) in enumerate(zip(placemarks, rows, strict=True), start=1):
            if progress is not None and (number - 1) % PROGRESS_EVERY == 0:
                progress(number - 1, total)
            mark = mine[number - 1]
            _read_placemark(builder, reader, placemark, row, mark, number, user_time, by_name)
        builder.report.notes += _swapped_line(reader, placemarks, rows)
        builder.report.notes += _localised_line(moved, rows)
        builder.report.notes += _folder_dates_line(mine)
        builder.report.notes += _container_times_line(mine)
        builder.report.notes += _one_ended_lines(mine)
        builder.report.notes += _both_ways_line(mine)
        builder.report.asides += by_name.asides()
        builder.report.notes += by_name.notes()
        # Links to other files: the file as a whole, its placemarks read as written.
        builder.report.asides += followed
        builder.report.asides += [_link_not_followed(link) for link in links if link.kind == _LINK]
        if progress is not None:
            progress(total, total)
        return builder.finish(total, choice)


# --- the file ----------------------------------------------------------------------------------


def _kml_bytes(path: str | os.PathLike, data: bytes) -> bytes:
    """A file's KML: itself, or a KMZ's main KML."""
    if data.startswith(b"PK"):
        return _kmz_member(path, data)[1]
    if str(path).lower().endswith(".kmz"):
        if data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<"):
            return data  # a KML file named .kmz: read it as the KML it is
        raise FormatError(
            path,
            "not a KMZ file: a KMZ is a zip archive with a .kml file inside, and this is "
            "not a zip archive",
        )
    return data


def _kmz_member(path: Any, data: bytes, href: str | None = None) -> tuple[str, bytes]:
    """A KMZ's main KML (doc.kml, else its first .kml file), or the member `href` names (a
    path inside the archive), with its name; `FormatError` when it cannot be read, and
    `KeyError` when the archive has no such member."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if href is not None:
                info = archive.getinfo(href)
            else:
                names = [i for i in archive.infolist() if i.filename.lower().endswith(".kml")]
                if not names:
                    raise FormatError(path, "this KMZ (zip) archive holds no .kml file")
                info = next((i for i in names if i.filename.lower() == "doc.kml"), names[0])
            if info.file_size > MAX_BYTES:
                raise FormatError(path, f"{info.filename} inside the KMZ is too large")
            return info.filename, archive.read(info)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, zlib.error):
        raise FormatError(
            path, "not a KMZ file we can open: the zip archive is damaged or incomplete"
        ) from None
    except NotImplementedError:  # a compression method zipfile lacks
        raise FormatError(
            path,
            "the KMZ (zip) archive is compressed in a way we cannot unpack; re-save it "
            "from Google Earth, or unzip it and open the .kml file inside",
        ) from None
    except RuntimeError as exc:  # zipfile says "… is encrypted, password required …"
        if "encrypted" in str(exc) or "password" in str(exc):
            raise FormatError(path, "the KMZ (zip) archive is password-protected") from None
        raise FormatError(path, "the KMZ (zip) archive is damaged: it cannot be unpacked") from None
    except (OSError, ValueError):  # a corrupt member
        raise FormatError(path, "the KMZ (zip) archive is damaged: it cannot be unpacked") from None


@dataclass
class _Archive:
    """A KMZ: its bytes, and its main KML's name and text."""

    data: bytes
    name: str
    main: bytes

    @classmethod
    def of(cls, path: str | os.PathLike, data: bytes) -> _Archive | None:
        """The KMZ a file is; None when it is a KML file (or a KML file named .kmz)."""
        if not data.startswith(b"PK"):
            return None
        name, main = _kmz_member(path, data)
        return cls(data, name, main)

    def member(self, href: str, beside: str) -> str | None:
        """The archive member a link's `href` names, relative to the KML `beside` it (as
        Google Earth resolves it: "files/layer.kml"); None for anything else (a web
        address, a file outside the archive)."""
        if re.match(r"[a-zA-Z][a-zA-Z0-9+.-]*:", href) or href.startswith(("/", "\\")):
            return None
        target = posixpath.normpath(
            posixpath.join(posixpath.dirname(beside), urllib.parse.unquote(href.split("#")[0]))
        )
        if target.startswith("../") or target == "..":
            return None
        try:
            with zipfile.ZipFile(io.BytesIO(self.data)) as archive:
                archive.getinfo(target)
        except (KeyError, zipfile.BadZipFile):
            return None
        return target


_LINK_DEPTH = 5
"""How many network links deep a KMZ's KML files are followed (each may link to the next)."""


def _follow_archive_links(path: Any, archive: _Archive, root: ET.Element, ns: str) -> list[str]:
    """Put the KML each NetworkLink names inside the same KMZ in the link's place, as a Folder
    of the link's name: Google Earth reads it from the archive (a KMZ whose doc.kml links to
    its layers in files/). The notes for any that could not be read; links elsewhere stay,
    and are reported as not read."""
    notes: list[str] = []

    def follow(element: ET.Element, beside: str, seen: tuple[str, ...]) -> None:
        for child in list(element):
            tag = child.tag.rsplit("}", 1)[-1] if isinstance(child.tag, str) else ""
            if tag in ("Folder", "Document", "kml"):
                follow(child, beside, seen)
                continue
            if tag != _LINK:
                continue
            href = next((_text(h) for h in child.iter(f"{ns}href") if _text(h)), "")
            target = archive.member(href, beside) if href else None
            if target is None or target in seen or len(seen) > _LINK_DEPTH:
                continue
            name = " ".join((_text(child.find(f"{ns}name")) or "").split())
            try:
                linked = parse_document(
                    f"{path} ▸ {target}", _kmz_member(path, archive.data, target)[1], "KML"
                )
            except (FormatError, KeyError) as exc:
                why = exc.problem if isinstance(exc, FormatError) else "it is missing"
                link = _Link(_LINK, name, href)
                notes.append(f"{_link_words(link)}, inside the KMZ, was not read: {why}")
                element.remove(child)  # said here: not again as a link not followed
                continue
            _into_namespace(linked, ns)
            documents = [c for c in linked if c.tag in (f"{ns}Document", f"{ns}Folder")]
            if not name and len(documents) == 1:  # the linked document's own name, then
                name = " ".join((_text(documents[0].find(f"{ns}name")) or "").split())
            folder = ET.Element(f"{ns}Folder")
            if name:
                ET.SubElement(folder, f"{ns}name").text = name
            for container in documents or [linked]:
                folder.extend(c for c in container if c.tag != f"{ns}name")
            element.insert(list(element).index(child), folder)
            element.remove(child)
            follow(folder, target, (*seen, target))

    follow(root, archive.name, (archive.name,))
    return notes


def _into_namespace(root: ET.Element, ns: str) -> None:
    """Put a linked document's elements into the namespace of the one linking to it (KML 2.2
    and 2.1, or none: one document to fastkml)."""
    own = root.tag[: -len("kml")] if root.tag.endswith("kml") else ""
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        if own and element.tag.startswith(own):
            element.tag = ns + element.tag[len(own) :]
        elif not element.tag.startswith("{"):
            element.tag = ns + element.tag


_KML_NS = "{http://www.opengis.net/kml/2.2}"


def _into_kml_namespace(root: ET.Element) -> str:
    """Put a document written without a namespace (`<kml>`, as scripts and KML 2.0 write it)
    into KML 2.2's, and return that. fastkml looks for a namespace-less document's elements
    both as KML's and as no namespace's, both "" here: it read each piece of a MultiGeometry
    twice."""
    for element in root.iter():
        if isinstance(element.tag, str) and not element.tag.startswith("{"):
            element.tag = _KML_NS + element.tag
    return _KML_NS


def _mark_placemarks(root: ET.Element, ns: str) -> tuple[list[_Mark], list[_Link]]:
    """Give every Placemark an id we can find again, in document order, and take out its time
    elements (read here, as text) and its folder path; and list the NetworkLinks and overlays,
    which we do not read, to say so."""
    marks: list[_Mark] = []
    links: list[_Link] = []

    def visit(
        element: ET.Element, folders: tuple[str, ...], time: _ContainerTime | None = None
    ) -> None:
        for child in list(element):
            tag = child.tag.rsplit("}", 1)[-1] if isinstance(child.tag, str) else ""
            if tag == "Placemark":
                marks.append(_take_mark(child, ns, len(marks), folders, time))
            elif tag in ("Folder", "Document"):
                name = child.find(f"{ns}name")
                label = (name.text or "").strip() if name is not None else ""
                inner = folders + (label,) if tag == "Folder" and label else folders
                visit(child, inner, _container_time(child, ns, tag, label, len(inner)) or time)
            elif tag == "kml":
                visit(child, folders, time)
            elif tag == _LINK or tag in _OVERLAYS:
                name = _text(child.find(f"{ns}name")) or ""
                href = next((_text(h) for h in child.iter(f"{ns}href") if _text(h)), "")
                links.append(_Link(tag, " ".join(name.split()), href or ""))

    visit(root, ())
    return marks, links


def _only_links(links: list[_Link]) -> str:
    """Why a file without placemarks opens nothing: it only links to another file (Google
    Earth's network links; Google My Maps exports one when 'Keep data up to date' is ticked) or
    lays images over the map."""
    network = [link for link in links if link.kind == _LINK]
    if not network:
        kinds = ", ".join(dict.fromkeys(link.kind for link in links))
        return (
            f"the file has no placemarks, only images laid over the map ({kinds}), which hold "
            "no events: Map Explorer reads placemarks (a point, line or area, with a date)"
        )
    link = network[0]
    more = f" (and {len(network) - 1} more)" if len(network) > 1 else ""
    return f"the file has no placemarks, only {_link_words(link)}{more}: {_link_advice(link)}"


def _link_not_followed(link: _Link) -> str:
    return f"{_link_words(link)} was not read: {_link_advice(link)}"


def _link_words(link: _Link) -> str:
    named = f" {_short(link.name)}" if link.name else ""
    # The whole address, which names the map (My Maps' "…/kml?mid=1aBc…"), up to a line's worth
    target = repr(link.href[:200]) if link.href else "nowhere (it has no <href>)"
    return f"a network link{named} to {target}"


def _link_advice(link: _Link) -> str:
    if re.match(r"[a-zA-Z][a-zA-Z0-9+.-]*://", link.href) and not link.href.startswith("file:"):
        return (
            "Map Explorer works offline and does not download it; open the file in Google "
            "Earth and save the linked places as KML (Save Place As…), or export the map "
            "from Google My Maps again with 'Keep data up to date with network link KML' "
            "unticked"
        )
    return "Map Explorer reads only the placemarks in the file itself; open the linked file"


def _container_time(
    container: ET.Element, ns: str, tag: str, label: str, depth: int
) -> _ContainerTime | None:
    """A Folder's or Document's own TimeStamp or TimeSpan (its last, as Google Earth reads
    it), taken out of the document (fastkml would read it as Python dates); None without one,
    or with an empty one (`<TimeSpan/>`)."""
    found = None
    for child in list(container):
        kind = child.tag.rsplit("}", 1)[-1] if isinstance(child.tag, str) else ""
        if kind not in ("TimeStamp", "TimeSpan"):
            continue
        container.remove(child)
        when = _text(child.find(f"{ns}when")) if kind == "TimeStamp" else None
        begin = _text(child.find(f"{ns}begin")) if kind == "TimeSpan" else None
        end = _text(child.find(f"{ns}end")) if kind == "TimeSpan" else None
        if when is None and begin is None and end is None:
            continue
        where = f"{tag} {_short(' '.join(label.split()))}" if label else f"the {tag}"
        found = _ContainerTime(kind, when, begin, end, where, depth)
    return found


def _take_mark(
    placemark: ET.Element,
    ns: str,
    index: int,
    folders: tuple[str, ...],
    container_time: _ContainerTime | None = None,
) -> _Mark:
    mark = _Mark(index, placemark.get("id", ""), folders)
    mark.empty_geometry = _empty_geometry(placemark, ns)
    track_times: list[str] = []
    for child in list(placemark):
        tag = child.tag.rsplit("}", 1)[-1] if isinstance(child.tag, str) else ""
        if tag == "TimeStamp":
            mark.when, mark.time_tag = _text(child.find(f"{ns}when")), tag
        elif tag == "TimeSpan":
            mark.begin, mark.end = _text(child.find(f"{ns}begin")), _text(child.find(f"{ns}end"))
            mark.time_tag = tag
        elif tag == "address":
            mark.address = " ".join((child.text or "").split())
            continue
        elif child.tag in (f"{_GX}Track", f"{_GX}MultiTrack"):
            _take_track(mark, child, ns, track_times)
        elif tag == "MultiGeometry":
            # A track among a MultiGeometry's pieces (a GPS converter's, or a hand's): KML
            # allows it, as any geometry; fastkml does not read it.
            _take_inner_tracks(mark, child, ns, track_times)
            if len(child):
                continue
        else:
            continue
        placemark.remove(child)
    if track_times and mark.when is None and mark.begin is None and mark.end is None:
        mark.begin, mark.end = track_times[0], track_times[-1]  # the track's first and last
        mark.track_timed = True
    if mark.when is None and mark.begin is None and mark.end is None:
        mark.container_time = container_time  # its own wins (an empty one is none)
    if mark.bad_coordinates is None:
        for element in placemark.iter(f"{ns}coordinates"):
            if element.text and (points := _trailing_commas_cut(element.text)) is not None:
                element.text = points
            elif element.text and _SPACED_COMMA.search(element.text):
                # "13.4 , 52.5" (hand-written, or from a script): one point, as Google Earth
                # reads it; fastkml would split it at the spaces into two broken ones.
                element.text = _SPACED_COMMA.sub(",", element.text)
            mark.bad_coordinates = _coordinates_problem(element.text or "")
            if mark.bad_coordinates:
                break
    mark.spots = _spots(placemark, ns, mark)
    placemark.set("id", f"{_MARK}{index}")
    return mark


def _spots(
    placemark: ET.Element, ns: str, mark: _Mark
) -> tuple[tuple[float, float], tuple[float, float]] | None:
    """A placemark's first and last point (a track's, else its geometry's); None without."""
    if mark.tracks:
        first, last = mark.tracks[0][0], mark.tracks[-1][-1]
        return (first[0], first[1]), (last[0], last[1])
    if mark.bad_coordinates:
        return None
    texts = [
        e.text.split() for e in placemark.iter(f"{ns}coordinates") if e.text and e.text.strip()
    ]
    if not texts:
        return None
    first, last = _numbers(texts[0][0].split(",")), _numbers(texts[-1][-1].split(","))
    if not first or not last or len(first) < 2 or len(last) < 2:
        return None
    return (first[0], first[1]), (last[0], last[1])


def _localise(marks: list[_Mark], named: list[str]) -> list[tuple[int, str, str]]:
    """Make each placemark's time written in UTC ("2024-03-01T23:30:00Z", as Google Earth
    records a track) the local time of the nearest town's zone where it was
    ("2024-03-02T00:30:00+01:00"): a point just after midnight east of Greenwich is that day,
    not the one before. A placemark without geometry is where the name it is placed by is
    (`named`, each placemark's, "" for one with geometry). Those whose day moved: (their
    number, the time as written, the local time)."""
    from mapexplorer.formats.local_time import local_times, said_utc

    spots = [mark.spots for mark in marks]
    if any(s is None and n for s, n in zip(spots, named, strict=True)) and any(
        said_utc(t) for m in marks for t in (m.when, m.begin, m.end) if t is not None
    ):
        at = spots_of_names(named)
        spots = [
            s if s is not None or n not in at else (at[n], at[n])
            for s, n in zip(spots, named, strict=True)
        ]
    ends = [  # (number, mark, which time, where)
        (number, mark, attr, spot)
        for number, (mark, both) in enumerate(zip(marks, spots, strict=True), start=1)
        if both is not None
        for attr, spot in (
            ("when", both[0]),
            ("begin", both[0]),
            ("end", both[1]),
        )
        if (text := getattr(mark, attr)) is not None and said_utc(text)
    ]
    if not ends:
        return []
    local = local_times([(lon, lat, (getattr(m, attr),)) for _, m, attr, (lon, lat) in ends])
    moved: list[tuple[int, str, str]] = []
    for (number, mark, attr, _), times in zip(ends, local, strict=True):
        written = getattr(mark, attr)
        if times is None or times[0] == written:
            continue
        setattr(mark, attr, times[0])
        if times[0][:10] != written.strip()[:10] and (not moved or moved[-1][0] != number):
            moved.append((number, written, times[0]))
    return moved


_GEOMETRIES = ("Point", "LineString", "LinearRing", "Polygon", "MultiGeometry")


def _empty_geometry(placemark: ET.Element, ns: str) -> str:
    """The tag of a placemark's geometry when none of its geometries holds any coordinates
    (`<MultiGeometry/>`, `<Point/>`, a MultiGeometry of empty Polygons); "" when one does, or
    when it has none."""
    geometries = [child for child in placemark if child.tag in {ns + g for g in _GEOMETRIES}]
    for geometry in geometries:
        if geometry.find(f".//{ns}coordinates") is not None:
            return ""
        if geometry.find(f".//{_GX}coord") is not None:
            return ""
    return geometries[0].tag.rsplit("}", 1)[-1] if geometries else ""


def _take_track(mark: _Mark, element: ET.Element, ns: str, track_times: list[str]) -> None:
    """A gx:Track's or gx:MultiTrack's points (on the mark) and times (to `track_times`)."""
    tracks = [element] if element.tag == f"{_GX}Track" else element.findall(f"{_GX}Track")
    if mark.tracks is None:
        mark.tracks = []
    for track in tracks:
        track_times += [t for w in track.findall(f"{ns}when") if (t := _text(w))]
        points = _track_points(track, mark)
        if points:
            mark.tracks.append(points)


def _take_inner_tracks(mark: _Mark, multi: ET.Element, ns: str, track_times: list[str]) -> None:
    """The tracks in a MultiGeometry (or one inside it), taken out of it as `_take_track`."""
    for child in list(multi):
        if child.tag in (f"{_GX}Track", f"{_GX}MultiTrack"):
            _take_track(mark, child, ns, track_times)
            multi.remove(child)
        elif child.tag == f"{ns}MultiGeometry":
            _take_inner_tracks(mark, child, ns, track_times)
            if not len(child):
                multi.remove(child)


def _trailing_commas_cut(text: str) -> str | None:
    """ "2.35,48.85," (a script's, each point ended with a comma, an empty altitude), as
    Google Earth reads it: "2.35,48.85". None unless every point ends so."""
    points = text.split()
    if not points or not all(p.endswith(",") and 2 <= p.count(",") <= 3 for p in points):
        return None
    cut = [p[:-1] for p in points]
    return " ".join(cut) if all(_numbers(p.split(",")) is not None for p in cut) else None


def _track_points(track: ET.Element, mark: _Mark) -> list[tuple[float, float]]:
    """A gx:Track's gx:coord points ("lon lat alt"); a bad one is noted on the mark."""
    points = []
    for coord in track.findall(f"{_GX}coord"):
        text = (coord.text or "").strip()
        numbers = _numbers(text.split())
        if numbers is None or len(numbers) not in (2, 3):
            if mark.bad_coordinates is None:
                mark.bad_coordinates = (
                    f'the gx:coord {_short(text)} is not "longitude latitude [altitude]"'
                )
            continue
        points.append((numbers[0], numbers[1]))
    return points


def _coordinates_problem(text: str) -> str | None:
    """What is wrong with a <coordinates> text, in the words of KML's own rules, or None."""
    points = re.sub(r", +", ",", text.strip()).split()
    if not points:
        return "the <coordinates> are empty"
    if len(points) > 1 and all("," not in p for p in points):
        return (
            f"{_short(text.strip())} has no commas: KML writes each point as "
            "longitude,latitude[,altitude], and separates the points with spaces"
        )
    for point in points:
        numbers = point.split(",")
        if _numbers(numbers) is None:
            bad = next(n for n in numbers if _numbers([n]) is None)
            if bad == point:
                return f"{_short(bad)} is not a number"
            return f"{_short(bad)} in the point {_short(point)} is not a number"
        if len(numbers) not in (2, 3):
            return (
                f"the point {_short(point)} has {len(numbers)} "
                f"number{'s' if len(numbers) != 1 else ''}; KML writes a point as "
                "longitude,latitude[,altitude]"
            )
    return None


def _numbers(texts: list[str]) -> list[float] | None:
    try:
        return [float(t) for t in texts]
    except ValueError:
        return None


def _short(text: str) -> str:
    return repr(text) if len(text) <= 40 else repr(text[:37] + "…")


def _text(element: ET.Element | None) -> str | None:
    if element is None or element.text is None:
        return None
    return element.text.strip() or None


def _fastkml(path: Any, root: ET.Element, ns: str) -> Any:
    try:
        return fastkml.KML.class_from_element(
            ns=ns,
            name_spaces={**kml_config.NAME_SPACES, "kml": ns},
            element=root,
            strict=False,
        )
    except Exception as exc:  # fastkml raises many types on odd documents
        raise FormatError(path, f"not KML we can read: {exc}") from None


class _PlainPoint:
    """A plain placemark's Point, as fastkml's gives it (`__geo_interface__`)."""

    __slots__ = ("__geo_interface__",)

    def __init__(self, coordinates: tuple[float, ...]) -> None:
        self.__geo_interface__ = {"type": "Point", "coordinates": coordinates}


class _PlainPlacemark:
    """A placemark of a name, a description and a Point (and Data fields), read without
    fastkml, which takes most of the time of a file of 100,000 of them: what `_row`,
    `_read_placemark` and `_places` read of fastkml's Placemark, read as fastkml reads it."""

    __slots__ = ("description", "extended_data", "geometry", "id", "name", "point")

    def __init__(self, element: ET.Element, ns: str) -> None:
        self.id = element.get("id")
        first = {}  # each element's first, as fastkml finds it
        for child in element:
            first.setdefault(child.tag[len(ns) :], child)
        self.name, self.description = (
            ((first[tag].text or "").strip() or None) if tag in first else None
            for tag in ("name", "description")
        )
        position = _plain_point(first["Point"], ns) if "Point" in first else None
        self.geometry = _PlainPoint(position) if position is not None else None
        self.point = (position[0], position[1]) if position is not None else None
        data = first.get("ExtendedData")
        self.extended_data = (
            _PlainExtendedData([_PlainData(d, ns) for d in data]) if data is not None else None
        )


class _PlainData:
    """A `<Data name="…"><value>…</value></Data>`, as fastkml's Data: `name`, `value`."""

    __slots__ = ("name", "value")

    def __init__(self, data: ET.Element, ns: str) -> None:
        self.name = data.get("name")
        value = data.find(f"{ns}value")
        self.value = (value.text or "").strip() or None if value is not None else None


class _PlainExtendedData:
    __slots__ = ("elements",)

    def __init__(self, elements: list[_PlainData]) -> None:
        self.elements = elements


_PLAIN_CHILDREN = frozenset(
    ("name", "description", "Point", "ExtendedData", "styleUrl", "visibility", "open", "Snippet")
)
"""A plain placemark's elements: what we read, and what neither fastkml nor we read."""
_PLAIN_NUMBER = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?")


def _plain_placemarks(root: ET.Element, ns: str, marks: list[_Mark]) -> list[Any] | None:
    """The placemarks of a file whose every placemark is plain (a name, a description, a
    Point of one position, Data fields; its time read already), read quickly; None for any
    other file, which fastkml reads."""
    if (
        not marks
        or not ns
        or any(
            m.tracks is not None or m.bad_coordinates or m.empty_geometry or m.address
            for m in marks
        )
    ):
        return None
    elements = [e for e in root.iter(f"{ns}Placemark") if str(e.get("id", "")).startswith(_MARK)]
    if len(elements) != len(marks):
        return None
    placemarks = []
    for element in elements:
        for child in element:
            tag = child.tag
            if not isinstance(tag, str) or not tag.startswith(ns):
                return None
            tag = tag[len(ns) :]
            if tag not in _PLAIN_CHILDREN:
                return None
            if tag in ("name", "description") and len(child):
                return None  # markup as elements, not text: fastkml reads only its first text
            if tag == "ExtendedData" and not all(_plain_data(data, ns) for data in child):
                return None
        placemark = _PlainPlacemark(element, ns)
        if placemark.point is None:
            return None
        placemarks.append(placemark)
    return placemarks


def _plain_data(data: ET.Element, ns: str) -> bool:
    """Whether an ExtendedData child is a plain `<Data name>` of a text `<value>`."""
    if data.tag != f"{ns}Data" or not data.get("name"):
        return False
    return (
        all(child.tag in (f"{ns}value", f"{ns}displayName") and not len(child) for child in data)
        and len(data.findall(f"{ns}value")) <= 1
    )


def _plain_point(point: ET.Element, ns: str) -> tuple[float, ...] | None:
    """A Point's one position, as fastkml reads it; None for any other Point."""
    coordinates = [child for child in point if child.tag == f"{ns}coordinates"]
    if (
        len(coordinates) != 1
        or len(coordinates[0])
        or any(
            child.tag not in (f"{ns}coordinates", f"{ns}altitudeMode", f"{ns}extrude") or len(child)
            for child in point
        )
    ):  # (how high and how drawn, which neither reads)
        return None
    text = coordinates[0].text or ""
    positions = re.sub(r", +", ",", text.strip()).split()
    if len(positions) != 1:
        return None
    numbers = positions[0].split(",")
    if len(numbers) not in (2, 3) or not all(_PLAIN_NUMBER.fullmatch(n) for n in numbers):
        return None
    return tuple(float(n) for n in numbers)


def _placemarks(container: Any) -> Iterator[Any]:
    for feature in getattr(container, "features", None) or ():
        if type(feature).__name__ == "Placemark":
            yield feature
        else:
            yield from _placemarks(feature)


# --- one placemark -----------------------------------------------------------------------------


def _row(placemark: Any) -> dict[str, Any]:
    """The placemark's fields as a table row: name, description and its ExtendedData."""
    row: dict[str, Any] = {
        "name": placemark.name or "",
        # Google Earth descriptions are HTML: their text. Entities count even without tags:
        # our export writes a summary `<b>` as `&lt;b&gt;` so that Google Earth shows them.
        "description": html_text(placemark.description),
    }
    for element in getattr(placemark.extended_data, "elements", None) or ():
        if hasattr(element, "data"):  # SchemaData: SimpleData children
            for simple in element.data:
                if simple.name:
                    row.setdefault(simple.name, _data_text(simple.value))
        elif getattr(element, "name", None):  # Data
            row.setdefault(element.name, _data_text(element.value))
    if not _OWN_EXPORT <= row.keys():
        # Google My Maps writes a name's bold and its "&" as HTML ("<b>Café</b>", "&amp;"):
        # its text, on one line (a title's). Our export writes the name as plain text.
        row["name"] = " ".join(html_text(row["name"]).split())
    return row


_OWN_EXPORT = frozenset(("event_id", "place_id", "precision", "start", "end"))
"""The ExtendedData fields our KML export writes on every placemark (`kml._placemark`)."""


def _data_text(value: str | None) -> str:
    """An ExtendedData value, which Google Earth may show as HTML: entities become characters
    (our export escapes `&`, `<` and `>` in them); tags are left, as the text they are to us."""
    return html.unescape(value) if value and "&" in value else value or ""


def _read_placemark(
    builder: CatalogueBuilder,
    reader: RowReader,
    placemark: Any,
    row: dict[str, Any],
    mark: _Mark,
    number: int,
    user_time: bool,
    by_name: PlacesByName | None = None,
) -> None:
    parts = reader.parts(row)
    # Named by its <name>, else by its title in its data (a QGIS export's has no <name>)
    name = row.get("name") or parts.title or ""
    item = f"placemark {number}" + (f" ({name[:40]!r})" if name else "")
    try:
        time, cells = _time(reader, row, mark, user_time)
    except DateError as exc:
        field = "gx:Track <when>" if mark.track_timed else "TimeStamp/TimeSpan"
        builder.problem(item, field, str(exc))
        return
    extra = reader.extra(row)
    if mark.folders:
        extra.setdefault("folder", "/".join(mark.folders))
    try:
        # A placemark's name is its pin's label: it names the place, as `place` does.
        name = parts.place or parts.title
        title = event_title(item, parts)
        point = None
        if placemark.geometry is None and mark.tracks is None and not mark.bad_coordinates:
            # its ExtendedData's latitude and longitude (a survey app's, a table made KML),
            # else its address or name
            point = reader.point(row) if reader.choice.lat or reader.choice.latlon else None
        if point is not None:
            place_ids = [
                builder.point_place(parts.place, *point, parts.place_id)
                if parts.place
                else builder.unnamed_point_place(*point)
            ]
        elif placemark.geometry is None and mark.tracks is None and not mark.bad_coordinates:
            place_ids = _place_by_name(builder, mark, parts, by_name or PlacesByName())
        else:
            place_ids = _places(builder, placemark, mark, name, parts.place_id, title)
    except PlaceNameError as exc:
        field = _place_name(mark, parts)[1]
        builder.problem(item, field, f"{_no_geometry(mark)}, and {exc}")
        return
    except PlaceError as exc:
        builder.problem(item, "geometry", str(exc))
        return
    said = date_said(cells, time)
    if not cells and mark.both_ways:
        mark.both_ways_read = number
        as_read = "day/month" if mark.order == "dmy" else "month/day"
        said = said or (
            f"The date reads both ways ({both_ways_said(mark.both_ways, mark.order)}): read "
            f"as {as_read}, as no date in the file says which."
        )
    if not said and not cells and mark.folder_time is not None and time is mark.folder_time:
        said = (
            f"Dated by the folder it is in, {mark.folder_name!r}: the placemark has no date of "
            "its own."
        )
    if not cells and mark.one_end is not None and time is mark.one_end:
        said, mark.one_end_read = said or mark.one_end_said, number
    elif not cells and _no_own_time(mark) and mark.folder_time is None and mark.container_time:
        inherited = mark.container_time
        said = said or (
            f"Dated by the {inherited.tag} of the {inherited.where} it is in: the placemark "
            "has no date of its own."
        )
        mark.container_read = number
    builder.add(item, parts, time, place_ids, extra, said)


_MOST_CHECKED = 5_000
"""A file of more placemarks comes from a tool: its points are not looked up (as GeoJSON's)."""


def _swapped_line(reader: RowReader, placemarks: list[Any], rows: list[dict]) -> list[str]:
    """The report's line for the points written latitude first ("51.5074,-0.1278" for
    London, in the Indian Ocean as KML reads it), by the towns the placemarks name (their
    place, else their name: `swapped.swapped_rows`). Read as written: KML says which comes
    first, and the line says which placemarks to look at."""
    if len(placemarks) > _MOST_CHECKED:
        return []
    items: list[tuple[str, float, float] | None] = []
    for placemark, row in zip(placemarks, rows, strict=True):
        point = _point_of(placemark)
        parts = reader.parts(row) if point is not None else None
        name = (parts.place or parts.title) if parts is not None else ""
        items.append((name, *point) if point is not None and name else None)
    swapped = swapped_rows(items, most=_MOST_CHECKED)
    if swapped is None:
        return []
    what = ("its point is", "their points are")
    order = "KML gives the longitude first, longitude,latitude"
    return [swapped_line(swapped, "placemark", what, "{x:g},{y:g}", order)]


def _on_globe(lon: float, lat: float) -> bool:
    """A position `Place` takes as it is: on the globe, and no -0.0 (whose WKB, and so
    `shape_place`'s place, differs from 0.0's)."""
    if not (-180 <= lon <= 180 and -90 <= lat <= 90):
        return False
    return not any(x == 0 and math.copysign(1.0, x) < 0 for x in (lon, lat))


def _point_of(placemark: Any) -> tuple[float, float] | None:
    """A placemark's Point as (x, y), None for any other geometry."""
    if placemark.__class__ is _PlainPlacemark:
        return placemark.point
    geometry = placemark.geometry
    if geometry is None or type(geometry).__name__ != "Point":
        return None
    try:
        coords = geometry.__geo_interface__["coordinates"]
        return float(coords[0]), float(coords[1])
    except (TypeError, ValueError, KeyError, IndexError):
        return None


def _place_name(mark: _Mark, parts: Any) -> tuple[str, str]:
    """The name to place a placemark without geometry by, and the field it comes from: its
    <address>, else its place field or its <name> (a pin's label)."""
    if mark.address:
        return mark.address, "address"
    if parts.place:
        return parts.place, "name" if parts.place == parts.title else "place"
    return parts.title, "name"


def _place_by_name(
    builder: CatalogueBuilder, mark: _Mark, parts: Any, by_name: PlacesByName
) -> list[str]:
    name, _ = _place_name(mark, parts)
    if not name:
        if mark.empty_geometry:
            raise PlaceError(f"{_no_geometry(mark)}, and it has no name to place it by")
        raise PlaceError("the placemark has no geometry (Point, LineString, Polygon…)")
    return by_name.places(builder, name, parts.place_id)


def _no_geometry(mark: _Mark) -> str:
    """Why a placemark placed by its name has no geometry of its own."""
    if mark.empty_geometry:
        return f"the placemark's <{mark.empty_geometry}> is empty (it holds no coordinates)"
    return "the placemark has no geometry"


def _time(reader: RowReader, row: dict, mark: _Mark, user_time: bool) -> tuple[TimeSpan, list[Any]]:
    """The KML time, unless ExtendedData holds a date that says the same more exactly (our
    export's EDTF "2024-12" beside its TimeSpan of 1–31 December), or the user chose one;
    and the ExtendedData cells it was read from (none for the KML time), for its date note."""
    kml_time: TimeSpan | None = None
    if mark.when is not None:
        kml_time = parse_date(mark.when, mark.order)
    elif mark.one_end is not None:
        kml_time = mark.one_end
    elif mark.begin is not None or mark.end is not None:
        kml_time = _own_span(mark)
    elif mark.folder_time is not None:
        kml_time = mark.folder_time
    elif mark.container_time is not None:
        kml_time = _inherited(reader, row, mark, user_time)
    if reader.choice.time is None:
        if kml_time is None:
            raise DateError(_no_time(mark))
        return kml_time, []
    try:
        data_time = reader.time(row)
    except DateError:
        if (
            kml_time is None
            and not user_time
            and _undated(mark)
            and not any(str(row.get(name) or "").strip() for name in reader.choice.time.fields)
        ):  # "the date is empty" would not say that the placemark has no other date
            label = reader.choice.time.label
            if any(name in row for name in reader.choice.time.fields):
                raise DateError(f"{_no_time(mark)}, and its {label!r} is empty") from None
            raise DateError(
                f"{_no_time(mark)}, and no {label!r} in its data, as other placemarks have"
            ) from None
        if kml_time is None or user_time:
            raise
        return kml_time, []
    if (
        user_time
        or kml_time is None
        or kml_time.start <= data_time.start <= data_time.end <= kml_time.end
    ):
        return data_time, [row.get(name) for name in reader.choice.time.fields]
    return kml_time, []


def _own_span(mark: _Mark) -> TimeSpan:
    """The placemark's TimeSpan, or its gx:Track's first and last <when>, said so."""
    if not mark.track_timed:
        return parse_span(mark.begin, mark.end, mark.order)
    try:
        first, last = parse_date(mark.begin, mark.order), parse_date(mark.end, mark.order)
    except DateError as exc:
        raise DateError(f"a <when> of its gx:Track cannot be read: {exc}") from None
    if last.end < first.start:
        raise DateError(
            f"its gx:Track's last <when>, {mark.end!r}, is before its first, {mark.begin!r} "
            "(a track's times go in the order of its points)"
        )
    return parse_span(mark.begin, mark.end, mark.order)


def _inherited(reader: RowReader, row: dict, mark: _Mark, user_time: bool) -> TimeSpan | None:
    """The time of the Folder or Document a placemark without one of its own is in; None
    when a date in its own data gives it one (its own time wins), for `_time` to read."""
    assert mark.container_time is not None
    if reader.choice.time is not None and not user_time:
        try:
            reader.time(row)
        except DateError:
            pass
        else:
            return None
    return mark.container_time.time(mark.order)


def _undated(mark: _Mark) -> bool:
    """No TimeStamp or TimeSpan, nor a Folder's or Document's, nor a folder named as a date."""
    return _no_own_time(mark) and not mark.folder_name and mark.container_time is None


def _no_own_time(mark: _Mark) -> bool:
    return mark.when is None and mark.begin is None and mark.end is None


def _time_texts(mark: _Mark) -> list[str]:
    """The times a placemark's KML gives it, as written: its own, and its container's."""
    texts = [mark.when, mark.begin, mark.end]
    if mark.container_time is not None:
        inherited = mark.container_time
        texts += [inherited.when, inherited.begin, inherited.end]
    return [text for text in texts if text]


def _date_order(marks: list[_Mark]) -> None:
    """Read numeric dates written day or month first ("13/05/2024", "05/13/2024": not KML's
    year first, but tools and hands write them) by the file's other dates, as a table's
    column is (`dates.slash_order`); when none says which, each placemark whose date reads
    both ways ("01/05/2024") is marked, for its date note and the report."""
    texts = [text for mark in marks for text in _time_texts(mark)]
    order, unsure = slash_order(texts)
    if order is None:
        return
    unsure = unsure or mixed_slash_orders(texts) is not None
    for mark in marks:
        mark.order = order
        if unsure:
            mark.both_ways = next((t for t in _time_texts(mark) if reads_both_ways(t)), "")


def _both_ways_line(marks: list[_Mark]) -> list[str]:
    """The report's line for the placemarks dated by a date that reads both ways."""
    read = [m for m in marks if m.both_ways_read]
    if not read:
        return []
    where = numbered("placemark", [m.both_ways_read for m in read])
    first = read[0]
    as_read = "day/month" if first.order == "dmy" else "month/day"
    one = len(read) == 1
    return [
        f"{where} {'has a date that reads' if one else 'have dates that read'} both ways "
        f"({both_ways_said(first.both_ways, first.order)}), and no date in the file says "
        f"which: read as {as_read}. KML writes a date year first "
        f"({parse_date(first.both_ways, first.order).edtf}), which reads one way only"
    ]


def _one_ended_spans(marks: list[_Mark]) -> None:
    """Time each TimeSpan with a begin and no end (or an end and no begin). Google Earth shows
    such a span from its begin on, for ever; tools write it both for a span still open and
    for a single date. In a file whose other spans have both ends, it is a span left open:
    read from its begin to the file's last date (from the file's first date to its end). In
    a file where no span has both ends, the tool wrote dates so: each is that date."""
    one_ended = [m for m in marks if m.when is None and (m.begin is None) != (m.end is None)]
    if not one_ended:
        return
    times: list[TimeSpan] = []  # the file's own times, its one-ended spans' dates among them
    spans = False  # whether any placemark has a TimeSpan with both ends
    for mark in marks:
        try:
            if mark.when is not None:
                times.append(parse_date(mark.when, mark.order))
            elif mark.begin is not None or mark.end is not None:
                times.append(parse_span(mark.begin, mark.end, mark.order))
                spans = spans or (mark.begin is not None and mark.end is not None)
        except DateError:
            continue  # reported with its placemark
    if not times:
        return
    first = min(times, key=lambda t: t.start)
    last = max(times, key=lambda t: t.end)
    for mark in one_ended:
        try:
            date = parse_date(mark.begin if mark.begin is not None else mark.end, mark.order)
        except DateError:
            continue  # reported with its placemark
        end = "begin" if mark.begin is not None else "end"
        said = f"The placemark's TimeSpan has only {'a begin' if end == 'begin' else 'an end'}"
        if not spans:
            mark.one_end, mark.one_end_kind = date, "as"
            mark.one_end_said = (
                f"{said}, {date.describe(weekday=False)}, as the tool that wrote the file "
                "writes a date: read as that date."
            )
        elif end == "begin" and last.end > date.end:
            mark.one_end, mark.one_end_kind = parse_span(date.edtf, last.edtf), "to"
            mark.one_end_said = (
                f"{said}, {date.describe(weekday=False)}, a span with no end: read to the "
                f"file's last date, {_end_said(last, 'end')}."
            )
        elif end == "end" and first.start < date.start:
            mark.one_end, mark.one_end_kind = parse_span(first.edtf, date.edtf), "from"
            mark.one_end_said = (
                f"{said}, {date.describe(weekday=False)}, a span with no begin: read from the "
                f"file's first date, {_end_said(first, 'start')}."
            )


def _end_said(time: TimeSpan, which: str) -> str:
    """The first or the last date of `time` in words: "15 September 2024", "1945"."""
    parts = time.edtf.split("/")
    try:
        return parse_date(parts[0] if which == "start" else parts[-1]).describe(weekday=False)
    except DateError:
        return time.describe(weekday=False)


def _one_ended_lines(marks: list[_Mark]) -> list[str]:
    """The report's lines for the placemarks dated by a TimeSpan of one end only."""
    read = [m for m in marks if m.one_end_read]
    if not read:
        return []
    lines = []
    for kind in ("as", "to", "from"):
        these = [m for m in read if m.one_end_kind == kind]
        if not these:
            continue
        where = numbered("placemark", [m.one_end_read for m in these])
        verb = "has" if len(these) == 1 else "have"
        time = these[0].one_end
        assert time is not None
        if kind == "as":
            said = (
                "with one end only, and no placemark's has both: each read as that date, as "
                "tools write a single date so (Google Earth shows it from then on, with no end)"
            )
        elif kind == "to":
            said = (
                "with only a begin, a span with no end: read from it to the file's last date, "
                f"{_end_said(time, 'end')}"
            )
        else:
            said = (
                "with only an end, a span with no begin: read from the file's first date, "
                f"{_end_said(time, 'start')}, to it"
            )
        lines.append(f"{where} {verb} a TimeSpan {said}")
    return lines


def _date_by_folders(marks: list[_Mark]) -> None:
    """Date each placemark without a time of its own by its nearest folder whose name is a
    date with its year ("1914", "June 1914", "1914–1918"; not "Layer 1" or "2"), when every
    placemark in that folder that has a time of its own lies within it: a folder "1941"
    holding a road of 1942–1945 is a chapter's name, not its placemarks' date."""
    own: dict[tuple[str, ...], list[TimeSpan]] = {}  # a folder → its placemarks' own times
    for mark in marks:
        if mark.folders and not _no_own_time(mark):
            try:
                time = parse_date(mark.when, mark.order) if mark.when is not None else None
                time = time or parse_span(mark.begin, mark.end, mark.order)
            except DateError:
                continue  # reported with its placemark
            for depth in range(1, len(mark.folders) + 1):
                own.setdefault(mark.folders[:depth], []).append(time)
    dates: dict[tuple[str, ...], TimeSpan | None] = {}
    for mark in marks:
        if not _no_own_time(mark):
            continue
        # Folders nearer than the Folder or Document whose TimeStamp/TimeSpan it takes: that
        # folder's own time, or an outer one's, is said in KML, not guessed from a name.
        nearest = mark.container_time.depth if mark.container_time is not None else 0
        for depth in range(len(mark.folders), nearest, -1):
            folder = mark.folders[:depth]
            if folder not in dates:
                dates[folder] = _folder_date(folder[-1], own.get(folder, []))
            if (time := dates[folder]) is not None:
                mark.folder_name, mark.folder_time = folder[-1], time
                break


_YEAR_IN = re.compile(r"\d{3,4}")
_YEARS_IN_WORDS = re.compile(
    r"(?<![\w/.:-])(?:1\d{3}|20\d{2})(?:\s*[–—-]\s*(?:1\d{3}|20\d{2}))?(?![\w/.:])"
)
"""A year or a span of years standing as a word among others in a folder's name."""
_NUMBERED_BEFORE = re.compile(
    r"(?i)\b(?:route|rte|highway|hwy|interstate|freeway|motorway|road|rd|street|st|avenue|ave|"
    r"exit|junction|mile|milepost|km|hill|height|pier|gate|area|zone|block|lot|plot|site|camp|"
    r"point|sector|line|bus|tram|flight|room|suite|unit|building|bldg|station|platform|track|"
    r"trail|lock|bridge|dam|level|elevation|altitude|peak|box|no|nr|number)\.?\s*#?\s*$"
)
"""A word before a number that makes it a road's, a hill's or a building's ("Highway 1900",
"Hill 1500", "Area 1600"), not a year."""
_NAME_AFTER = re.compile(r"\s+[A-Z][a-z]+s\b|\s*(?:m|ft|feet|metres|meters|km|mi|miles)\b")
"""What after a number makes it a place's name or a measure ("1000 Islands", "1600 m")."""
_DATE_WORDS = re.compile(
    r"(?i)\b(?:trips?|tours?|travels?|holidays?|vacations?|visits?|journeys?|voyages?|cruises?|"
    r"expeditions?|seasons?|summer|winter|spring|autumn|fall|campaigns?|elections?|wars?|"
    r"battles?|sieges?|invasions?|revolutions?|crusades?|festivals?|games|olympics|cup|"
    r"events?|protests?|photos?|pictures?|memories|year|class|term|semester|honeymoon|"
    r"mission|fieldwork|survey)\b"
)
"""Words that say a number among them is a year ("Trip 2019", "Battle of Hastings 1066")."""


def _folder_date(name: str, within: list[TimeSpan]) -> TimeSpan | None:
    """The date a folder's name is, if every time in `within` lies in it; else None."""
    if not _YEAR_IN.search(name):
        return None
    try:
        time = parse_date(name)
    except DateError:
        # "2021 trip to Japan", "Trip 2019", "1914–1918 Western Front": the year (or years) in
        # words that are no date, when it is the name's only number
        years = _YEARS_IN_WORDS.search(name)
        if years is None or re.search(r"\d", name[: years.start()] + name[years.end() :]):
            return None
        if not _year_in_words(name, years):
            return None
        try:
            time = parse_date(years.group())
        except DateError:
            return None
    if all(time.start <= t.start and t.end <= time.end for t in within):
        return time
    return None


def _year_in_words(name: str, years: re.Match) -> bool:
    """Whether the year (or years) among a folder name's words is its date: a span of years,
    or a year with a word that says so ("Trip 2019", "Battle of Hastings 1066") or of 1500 to
    2100 ("Japan 2019"), not a road's, a hill's or a place's number ("Highway 1900", "1000
    Islands", "Hill 1500")."""
    if any(dash in years.group() for dash in "–—-"):
        return True
    before, after = name[: years.start()], name[years.end() :]
    if _NUMBERED_BEFORE.search(before) or (
        _NAME_AFTER.match(after) and not _DATE_WORDS.match(after.strip())
    ):
        return False
    return bool(_DATE_WORDS.search(name)) or 1500 <= int(years.group()) <= 2100


def _localised_line(moved: list[tuple[int, str, str]], rows: list[dict]) -> list[str]:
    """The report's line for the placemarks whose day moved as their UTC times were made
    local (`_localise`)."""
    if not moved:
        return []
    number, written, local = moved[0]
    name = rows[number - 1].get("name") or ""
    item = f"placemark {number}" + (f" ({name[:40]!r})" if name else "")
    whose = f"{len(moved):,} placemarks'" if len(moved) > 1 else "1 placemark's"
    return [
        f"{whose} times, written in UTC, read as the local time of the nearest town's time "
        f"zone, a day apart: {item}'s {written!r} is {parse_date(local).describe()} there"
    ]


def _folder_dates_line(marks: list[_Mark]) -> list[str]:
    """The report's line for the placemarks dated by their folder's name."""
    dated = [mark for mark in marks if mark.folder_name]
    if not dated:
        return []
    names = list(dict.fromkeys(mark.folder_name for mark in dated))
    shown = ", ".join(repr(n) for n in names[:5]) + (" …" if len(names) > 5 else "")
    one = len(dated) == 1
    return [
        f"{len(dated)} placemark{'' if one else 's'} without a date of {'its' if one else 'their'} "
        f"own {'was' if one else 'were'} dated by the name of the folder {'it is' if one else 'they are'} "
        f"in ({shown}); give {'it' if one else 'each'} a TimeStamp or TimeSpan to date "
        f"{'it' if one else 'them'} more exactly"
    ]


def _container_times_line(marks: list[_Mark]) -> list[str]:
    """The report's line for the placemarks dated by their Folder's or Document's time."""
    dated = [mark for mark in marks if mark.container_read and mark.container_time]
    if not dated:
        return []
    wheres = list(dict.fromkeys(m.container_time.where for m in dated if m.container_time))
    shown = ", ".join(wheres[:5]) + (" …" if len(wheres) > 5 else "")
    where = numbered("placemark", [m.container_read for m in dated])
    one = len(dated) == 1
    return [
        f"{where}, without a TimeStamp or TimeSpan of {'its' if one else 'their'} own, "
        f"{'takes' if one else 'take'} the time of the Folder or Document "
        f"{'it is' if one else 'they are'} in ({shown}), as KML gives a container's time to "
        "what it holds (a placemark's own time wins)"
    ]


def _no_dates(total: int) -> str:
    """Why a KML file of placemarks none of which has a date opens no events, and how to give
    them dates in the tools that write such files (Google My Maps writes no times at all)."""
    said = (
        "its one placemark has no date"
        if total == 1
        else f"none of its {total} placemarks has a date"
    )
    return (
        f"{said} (a TimeStamp or TimeSpan, or a 'date' in its data), and each event needs its "
        "time on the time line: in Google Earth, give each placemark a date (Properties, "
        "Date/Time); in Google My Maps, add a 'date' column to the layer's data table (e.g. "
        "2024-06-13) and export the map again"
    )


def _no_time(mark: _Mark) -> str:
    """Why a placemark has no date: none given, or an empty `<TimeSpan/>` or `<TimeStamp/>`
    (as a script or an editor leaves when it has no date to put in)."""
    if mark.time_tag == "TimeSpan":
        return "the placemark's TimeSpan has neither a begin nor an end date"
    if mark.time_tag == "TimeStamp":
        return "the placemark's TimeStamp has no date (its <when> is missing or empty)"
    if mark.tracks is not None:
        return "the placemark has no TimeStamp or TimeSpan, and its gx:Track no <when>"
    return "the placemark has no TimeStamp or TimeSpan"


def _rings_as_lines(geom: Any) -> Any:
    """A LinearRing (KML allows one as a placemark's geometry: Google Earth draws its outline)
    as the closed line it is, alone or in a MultiGeometry."""
    if geom.geom_type == "LinearRing":
        return LineString(geom.coords)
    if geom.geom_type == "GeometryCollection" and any(
        g.geom_type == "LinearRing" for g in geom.geoms
    ):
        return shapely.GeometryCollection([_rings_as_lines(g) for g in geom.geoms])
    return geom


def _track_lines(tracks: list[list[tuple[float, float]]]) -> Any:
    """The line through each track's points (a point for a track of one)."""
    lines = [LineString(t) if len(set(t)) > 1 else Point(t[0]) for t in tracks]
    if len(lines) == 1:
        return lines[0]
    if all(line.geom_type == "LineString" for line in lines):
        return MultiLineString(lines)
    return shapely.GeometryCollection(lines)


def _places(
    builder: CatalogueBuilder, placemark: Any, mark: _Mark, name: str, place_id: str, title: str
) -> list[str]:
    if mark.bad_coordinates:
        raise PlaceError(f"invalid coordinates: {mark.bad_coordinates}")
    point = placemark.point if placemark.__class__ is _PlainPlacemark else None
    if point is not None and _on_globe(*point):
        # shapely's points are made all at once (`point_place`), as shape_place would make
        # each: the same place, 100,000 times faster than one at a time
        if not (name or place_id):
            return [builder.unnamed_point_place(*point)]
        return [builder.point_place(name or title, *point, place_id)]
    geometry = placemark.geometry
    if geometry is None and mark.tracks:  # a gx:Track: the line through its points
        geom = _track_lines(mark.tracks)
    elif geometry is None:
        if mark.tracks is not None:
            raise PlaceError("the gx:Track has no gx:coord points")
        raise PlaceError("the placemark has no geometry (Point, LineString, Polygon…)")
    else:
        try:
            geom = _rings_as_lines(shapely.force_2d(shape(geometry.__geo_interface__)))
        except Exception as exc:  # pygeoif and shapely raise several types
            raise PlaceError(geometry_problem(exc)) from None
        if mark.tracks:  # tracks beside other pieces in a MultiGeometry: all of them
            tracks = _track_lines(mark.tracks)
            geom = shapely.GeometryCollection(
                [
                    *(geom.geoms if geom.geom_type == "GeometryCollection" else [geom]),
                    *(tracks.geoms if hasattr(tracks, "geoms") else [tracks]),
                ]
            )
    collection = geom.geom_type == "GeometryCollection"
    pieces = list(geom.geoms) if collection else [geom]
    if not pieces:
        raise PlaceError("the MultiGeometry is empty")
    if not (name or place_id):  # a point by its coordinates, a line or area after its event
        return builder.nameless_places(pieces, title)
    name = name or title  # only an id names it
    if not collection:
        return [builder.shape_place(name, geom, place_id)]
    return [
        builder.shape_place(f"{name} ({n})", piece, f"{place_id}-{n}" if place_id else "")
        for n, piece in enumerate(pieces, start=1)
    ]
