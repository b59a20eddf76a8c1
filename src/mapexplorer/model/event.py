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


SLUG_LENGTH = 60
_NOT_ASCII_SLUG = re.compile(r"[^a-z0-9]+")


def _is_latin(char: str) -> bool:
    """A Latin letter (or anything ASCII): its accents drop from an id ("Kraków" → "krakow")."""
    return char < "\u0250" or "\u1e00" <= char <= "\u1eff"


def _slug_words(text: str) -> str:
    """`text` lowercased, as words of letters and digits in any script joined by hyphens: the
    accents of Latin letters dropped (not the letters), other scripts' marks kept (a Hindi
    vowel sign, a Japanese voicing mark, a Cyrillic й are part of the letter)."""
    if text.isascii():
        return _NOT_ASCII_SLUG.sub("-", text.lower()).strip("-")
    kept: list[str] = []
    latin = False
    for char in unicodedata.normalize("NFKD", text.lower()):
        if not unicodedata.combining(char):
            latin = _is_latin(char)
        elif latin:
            continue
        kept.append(char)
    text = unicodedata.normalize("NFC", "".join(kept)).translate(PLAIN_LETTERS).lower()
    words: list[str] = []
    gap = False
    for char in text:
        if unicodedata.category(char)[0] in "LMN":
            if gap and words:
                words.append("-")
            gap = False
            words.append(char)
        else:
            gap = True
    return "".join(words)


def is_slug(text: str) -> bool:
    """An id as `slugify` writes one: lowercase words of letters and digits, in any script,
    joined by single hyphens ("treaty-signing", "قمة-القاهرة", "東京で地震")."""
    return bool(_SLUG.match(text)) or (
        bool(text) and not text.isascii() and _slug_words(text) == text
    )


def slug_problem(text: str) -> str:
    """What keeps `text` from being an id (`is_slug`), in words, with the id it would be:
    "'ß' is written 'ss' in an id; write 'strasse'". "" for an id."""
    if is_slug(text):
        return ""
    fixed = slug(text)
    write = f"; write {fixed!r}" if fixed else ""
    for char in dict.fromkeys(text):
        if char == "-":
            continue
        if unicodedata.category(char)[0] not in "LMN":
            return f"{char!r} is not a letter, digit or hyphen{write}"
        if char != char.lower():
            return f"{char!r} is a capital letter{write}"
        if _is_latin(char) and (plain := _slug_words(char)) != char:
            return f"{char!r} is written {plain!r} in an id{write}"
    if text.startswith("-") or text.endswith("-") or "--" in text:
        return f"a hyphen goes between two words, one alone{write}"
    return f"it is written {fixed!r} as an id" if fixed else "it has no letter or digit"


def slug(text: str) -> str:
    """`slugify`'s id, or "" when the text has no letter or digit to make one of."""
    words = _slug_words(text)
    cut = SLUG_LENGTH
    while 0 < cut < len(words) and unicodedata.category(words[cut])[0] == "M":
        cut -= 1  # a letter is not cut from its marks
    return words[:cut].rstrip("-")


def slugify(text: str) -> str:
    """A stable id from a title: "Bushehr goes live" → "bushehr-goes-live", "Kraków" → "krakow"
    (the accent dropped, not the letter that bears it; "Łódź" → "lodz"). Titles in other
    scripts keep their words: "قمة القاهرة للسلام" → "قمة-القاهرة-للسلام", "東京で地震" → itself,
    "Встреча в Москве" → "встреча-в-москве"; a title of no letters at all is "event"."""
    return slug(text) or "event"


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
