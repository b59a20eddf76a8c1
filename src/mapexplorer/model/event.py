"""Events: what happened, when, where, who took part, and which passage of the article says so."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from mapexplorer.model.time import TimeSpan

CATEGORIES = ("war", "diplomacy", "nuclear", "arms", "politics", "economy", "other")
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


PLAIN_LETTERS = str.maketrans(
    {"ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "ss"}
    | {"æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe", "ð": "d", "Ð": "D", "þ": "th", "Þ": "Th"}
)
"""Letters with no accent to strip, as plain letters: news writes "Balikesir" for Balıkesir,
"Bialystok" for Białystok, "Tromso" for Tromsø."""


def plain_letters(text: str) -> str:
    """`text` without accents, in plain Latin letters where it has them ("Łódź" → "Lodz")."""
    if text.isascii():
        return text
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return text.translate(PLAIN_LETTERS)


def is_slug(text: str) -> bool:
    return bool(_SLUG.match(text))


def slugify(text: str) -> str:
    """A stable id from a title: "Bushehr goes live" → "bushehr-goes-live", "Kraków" → "krakow"
    (the accent dropped, not the letter that bears it; "Łódź" → "lodz")."""
    slug = re.sub(r"[^a-z0-9]+", "-", plain_letters(text).lower()).strip("-")
    return slug[:60].rstrip("-") or "event"


@dataclass(frozen=True, slots=True)
class Excerpt:
    """A verbatim passage of the source text and where it stands in it (`text[start:end]`)."""

    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Event:
    id: str
    title: str
    time: TimeSpan
    place_ids: tuple[str, ...]
    summary: str = ""
    actors: tuple[str, ...] = ()
    category: str = "other"
    era: str = ""
    excerpts: tuple[Excerpt, ...] = ()
    date_note: str = ""
    extra: dict = field(default_factory=dict, compare=True, hash=False)
    """Properties from an imported file that we do not model, kept so nothing is lost."""

    @property
    def excerpt(self) -> str:
        """The first excerpt's text: the passage most exports show."""
        return self.excerpts[0].text if self.excerpts else ""


class _EventSlots:
    """`Event`'s slots without its frozen `__init__` (which sets each field through
    `object.__setattr__`): filled by plain assignment, then made an `Event`, so readers make
    100,000 events in about a third of the time. Event has no `__post_init__`, so nothing is
    skipped; the result is an ordinary, frozen Event."""

    __slots__ = Event.__slots__

    def __init__(
        self, id, title, time, place_ids, summary, actors, category, era, excerpts, date_note, extra
    ):  # fmt: skip
        self.id = id
        self.title = title
        self.time = time
        self.place_ids = place_ids
        self.summary = summary
        self.actors = actors
        self.category = category
        self.era = era
        self.excerpts = excerpts
        self.date_note = date_note
        self.extra = extra
        self.__class__ = Event  # same slots in the same order: an allowed class change


new_event = _EventSlots
"""`Event(...)` with every field given, in order (`id, title, time, place_ids, summary, actors,
category, era, excerpts, date_note, extra`): the same event, made faster."""
