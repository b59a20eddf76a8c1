"""Sentences → draft events.

The rules, in order:
1. A sentence (or a clause of it, when it holds several dates at clause breaks) with a date
   and a place becomes a draft. A clause without a place takes its sentence's places; a dated
   sentence without one takes those of the paragraph's previous sentence (not those that acted
   there, unless it refers back: "it", "the country"), else, for a quotation in news, the
   places of the previous draft (said where the story was), else the one place the title names,
   else the country of the dateline when the story's places lie there most ("BAMAKO, Mali").
2. An undated sentence that names places belongs to the nearest draft of its paragraph: it is
   kept as context, and its places are added after the draft's own.
3. A paragraph with places but no date at all becomes one draft (not when its only places are
   whose people acted: "Iranian leaders", "a Swedish lawmaker"; nor when it is a quotation, or
   only says what is, in the present: "Turkey lies on major fault lines", "Luxembourg hosts
   the Court"). In news (the text dates
   things near its publication) it goes on with the previous draft's date when that lies
   within a month of publication, or when it tells what followed ("In the years that
   followed, …"), else it is dated to the year before publication, with low confidence; in a history piece it continues the previous date of the text (not a yardstick's, "the most since 2018", nor one
   told before a weekday that could not be placed for want of a publication date).
Country adjectives ("Iranian") count as places only when a unit names no place outright, and
so do places in who said it (", the National Hurricane Center in Miami said").
A unit that says where with a name the gazetteer does not know ("in Al Khor") and names places
only as who acted ("Ecuador beat the hosts") happened elsewhere than those: it takes the
place named earlier in its paragraph (else the dateline's), and they are its alternatives.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from mapexplorer.importer.article import Article, Sentence
from mapexplorer.importer.dates import (
    EXPLICIT,
    FROM_PREVIOUS,
    FROM_PUBLISHED,
    NAMED,
    DateMention,
    find_dates,
    tells_what_followed,
    tells_what_is,
)
from mapexplorer.importer.drafts import Draft
from mapexplorer.importer.gazetteer import (
    CITY,
    COUNTRY,
    REGION,
    STATE,
    Gazetteer,
    PlaceMention,
    far_small_namesakes,
    gazetteer,
    normalise,
)
from mapexplorer.importer.wording import (
    a_past_verb,
    actors_in,
    asides_in,
    attributive_weekday,
    category_for,
    has_a_verb,
    reported_clause_start,
    subject_of,
    title_for,
)
from mapexplorer.model import Excerpt, Place, TimeSpan
from mapexplorer.model.event import slugify
from mapexplorer.model.time import Precision, iso_from_day

__all__ = ["make_drafts"]

_Mention = TypeVar("_Mention", DateMention, PlaceMention)
_DATE_TRUST = {EXPLICIT: 0.9, NAMED: 0.8, FROM_PUBLISHED: 0.75, FROM_PREVIOUS: 0.7}
_INHERITED_TRUST = 0.35
_NEWS_WINDOW_DAYS = 366
_RECENT_DAYS = 31
_CLAUSE_BREAK = re.compile(
    r",\s+(?=(?:yet|but|while|and|although|though|whereas|when|before|after|until|then)\b)|;\s+|\s+[—–]\s+|"
    # "Noboa won a snap election in October 2023 | after his predecessor Guillermo Lasso
    # dissolved the National Assembly in May 2023": a clause of its own, with its own date
    r"\s+(?=after\s+(?:[\w'’.]+\s+){1,5}?(?:\w+ed|won|lost|fled|fell|took|left|quit|resigned|"
    r"died|was|were)\s)"
)


@dataclass
class _Unit:
    start: int
    end: int
    paragraph: int
    dates: list[DateMention] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)
    context: list[_Unit] = field(default_factory=list)
    speakers: list[PlaceMention] = field(default_factory=list)  # where who said it is
    subject: str = ""  # the sentence's, for a later clause that has none of its own
    inherited: tuple[TimeSpan, str] | None = None  # a date from elsewhere, and why
    relative: bool = False  # dated only "last week", "on Sunday"… with no publication date
    actors: list[PlaceMention] = field(default_factory=list)  # places that act ("Ecuador beat")
    unknown_site: bool = False  # says where with a name the gazetteer does not know
    gapped_after: _Unit | None = None  # "… in Stockholm in July | and in Madrid in September"
    title: str = ""  # its draft's, once made
    displaced: list[PlaceMention] = field(default_factory=list)  # actors moved to alternatives
    ended: list[PlaceMention] = field(default_factory=list)  # "after the collapse of X": when
    followed: bool = False  # tells, in the past, what followed the time told before
    present: bool = False  # says what is, and tells nothing that happened
    quoted: bool = False  # a quotation and who said it
    aside_dated: bool = False  # its only dates are in an aside ("X, who won in 2024, said …")
    aside_dates: list[DateMention] = field(default_factory=list)  # such dates, set aside
    forecast: bool = False  # dated by what is estimated or may be ("will make 44% … in 2027")
    refers_back: bool = False  # "it", "there", "the city": to what was named before
    names_a_place_before: bool = False  # "there", "the city": to a place named before, not "it"
    says_the_region: bool = False  # "over the region", "in the same state"
    negated: bool = False  # "Israel did not send a delegation": what did not happen
    whose_people: bool = False  # names places only as whose people acted, in the past
    whose_leaders: bool = False  # … one of them as whose leader ("Armenian Prime Minister …")
    whose: list[PlaceMention] = field(default_factory=list)  # those places ("Armenian")


def make_drafts(
    article: Article, published: int | None, gaz: Gazetteer | None = None
) -> list[Draft]:
    """The draft events of an article; `published` is the publication day (or None)."""
    gaz = gaz or gazetteer()
    text = article.text
    body_start = article.paragraphs[0][0]
    dates = [m for m in find_dates(text, published) if m.start >= body_start]
    unresolved = _unresolved_relative_dates(text, published, body_start)
    dateline = dateline_mention(article, gaz)
    places = gaz.find(text, body_start)
    if dateline and article.dateline_area:
        # "PERRY, Fla. (AP) — … homes in Perry": the dateline said which Perry.
        readings = {c.entry.key for c in dateline.candidates}
        for mention in places:
            if normalise(mention.text) == normalise(article.dateline_place):
                kept = [c for c in mention.candidates if c.entry.key in readings]
                mention.candidates = kept or list(dateline.candidates)
    # A date near publication makes it news; not one open until it ("from the 4th century
    # onward", "since 1979"), which a history piece has as well.
    news = published is not None and (
        any(
            abs(m.span.end - published) <= _NEWS_WINDOW_DAYS
            and m.span.end - m.span.start <= _NEWS_WINDOW_DAYS
            for m in dates
        )
        # (a datelined report with no date but its publication day's)
        or (article.dateline is not None and not dates)
    )
    date_starts = [m.start for m in dates]
    place_starts = [m.start for m in places]
    units_by_paragraph: dict[int, list[_Unit]] = {}
    for position, sentence in enumerate(article.sentences):
        s_dates = _within(dates, date_starts, sentence)
        s_places = _within(places, place_starts, sentence)
        if dateline and sentence is article.sentences[0]:
            # After the lead's own places: the dateline says where the reporter was
            # ("KYIV, Ukraine (AP) — Drones struck Kharkiv"), the lead where it happened.
            s_places = [*s_places, dateline]
        units = _units(text, sentence, s_dates, s_places)
        if dateline and sentence is article.sentences[0]:
            _dateline_aside(text, units, dateline)
        for unit in units:
            if unit.dates and not unit.places and position:
                referent = _the_place_said_before(
                    text, places, article.sentences[position - 1], unit
                ) or _where_it_was_told(text, places, unit)
                unit.places = [referent] if referent else []
            unit.relative = any(unit.start <= m.start < unit.end for m in unresolved)
            if unit.relative and unit.dates:
                _drop_dates_of_asides(text, unit, unresolved)
        units_by_paragraph.setdefault(sentence.paragraph, []).extend(units)
    for paragraph_units in units_by_paragraph.values():
        _place_at_unknown_sites(paragraph_units, dateline)
        _it_is_the_place_before(text, paragraph_units)
    # The place the title names, which the story is about ("The Ottoman Empire: …"); not
    # when it names several ("how trade linked China and the Mediterranean").
    titled = [m for m in gaz.find(article.title, 0) if not m.demonym] if article.title else []
    titled = titled if len({m.best.entry.key for m in titled}) == 1 else []
    country = _story_country(dateline, places, article.dateline_area)
    # What an undated paragraph may go on with: not a yardstick ("the most since Hurricane
    # Michael struck in 2018"), nor a date before one that could not be placed ("By early
    # Friday, …" with no publication date): the story has moved on to an unknown time.
    lending = [
        m for m in dates
        if not _yardstick_before(text, max(body_start, m.start - 100), m)
    ]  # fmt: skip
    lending += [DateMention(m.start, m.end, m.text, m.span, _UNPLACED, m.note) for m in unresolved]
    lending.sort(key=lambda m: m.start)
    drafts: list[_Unit] = []
    datelined = _dateline_day(article, published)
    for index in sorted(units_by_paragraph):
        # The story's date so far: its last draft's, unless that one looks ahead ("will
        # visit next week"), which an undated paragraph after it does not go on with.
        told = [d for d in drafts if published is None or _current_date(d).start <= published]
        current = _current_date((told or drafts)[-1]) if drafts else None
        story = [m for m in drafts[-1].places if m not in drafts[-1].actors] if drafts else []
        found = _paragraph_drafts(
            units_by_paragraph[index], lending, published, news, current, story, titled, country
        )
        for unit in found if datelined and index == 0 else []:
            if unit.inherited and unit.inherited[0].end - unit.inherited[0].start >= 365:
                # "VALENCIA, Spain, Oct 29 (Reuters) - Torrential rain swept across eastern
                # Spain": the news of the day the dateline gives, not of the year before it;
                # "SIESTA KEY, Fla. (AP) — Hurricane Milton made landfall": of publication's
                # day or the day before, told in the past
                if article.dateline_date or _tells_in_the_past(text[unit.start : unit.end]):
                    unit.inherited = datelined
        drafts.extend(found)
    return _to_drafts(article, drafts, gaz, [*places, *([dateline] if dateline else []), *titled])


def _within(mentions: list[_Mention], starts: list[int], sentence: Sentence) -> list[_Mention]:
    """The mentions (in text order, `starts` their offsets) that lie inside the sentence:
    found by bisection, as a long article has thousands of sentences and mentions."""
    first = bisect.bisect_left(starts, sentence.start)
    last = bisect.bisect_left(starts, sentence.end, first)
    return [m for m in mentions[first:last] if m.end <= sentence.end]


def _unresolved_relative_dates(
    text: str, published: int | None, body_start: int
) -> list[DateMention]:
    """Without a publication date, the expressions that count from it ("last week", "on
    Sunday"): found by reading the text as if published on some day, then kept only as places
    in the text where a date is given but cannot be known."""
    if published is not None:
        return []
    probe = find_dates(text, _SOME_DAY)
    return [m for m in probe if m.kind == FROM_PUBLISHED and m.start >= body_start]


def _drop_dates_of_asides(text: str, unit: _Unit, unresolved: list[DateMention]) -> None:
    """ "Pezeshkian, who beat Jalili in the 2024 runoff, said on Friday …" with no publication
    date: the clause happened on a Friday nobody can place, not in the aside's year. Its date
    is unknown, so it has none (as if dated only "on Friday")."""
    asides = asides_in(text, unit.start, unit.end)

    def in_an_aside(m: DateMention) -> bool:
        return any(a <= m.start < e for a, e in asides)

    own_relative = any(unit.start <= m.start < unit.end and not in_an_aside(m) for m in unresolved)
    if asides and own_relative and all(in_an_aside(m) for m in unit.dates):
        unit.dates = []


_UNPLACED = "unplaced"  # the kind of a date counted from an unknown publication date
_SOME_DAY = 20_000  # 2024-10-04: any day will do, only the kinds of the mentions are used


def _current_date(unit: _Unit) -> TimeSpan:
    return unit.dates[0].span if unit.dates else unit.inherited[0]  # type: ignore[index]


# A clause of what is now, after a dated one: "… from 2007 to 2017 and now lives in Belgium".
_NOW_CLAUSE = re.compile(r",?\s+(?:and|but)\s+(?:now|today|still)\s+(?=[a-z])")
_THE_CITY = re.compile(r"\bthe\s+(?P<noun>city|town|village|capital|port)\b", re.I)
_TOWARD = re.compile(r"\b(?:to|from|toward|towards|for|into)\s+$", re.I)


# A sentence whose subject is what the one before was about ("It served as the capital").
# (Not the weather's or a statement's "it": "It rained in Lyon", "It seemed that …".)
_IT_OPENS = re.compile(
    r"[\"“‘']?It\s+(?:[a-z]+ly\s+)?(?!rained|snowed|seem|appear|happen|took\b)[a-z]+\b"
)


def _it_is_the_place_before(text: str, units: list[_Unit]) -> None:
    """Put first, in a dated sentence that opens with "It", the place that opened the sentence
    before: "Calcutta was founded in 1690. It served as the capital of British India until
    1911, when the capital moved to Delhi" is Kolkata, then British India and Delhi (it was
    placed in India and Delhi alone)."""
    for before, unit in itertools.pairwise(units):
        if not (unit.dates and unit.places and _IT_OPENS.match(text, unit.start)):
            continue
        subject = next((m for m in before.places if not m.demonym), None)
        if (
            subject is None
            or text[before.start : subject.start].strip(" \"“‘'")
            or any(m.best.entry.key == subject.best.entry.key for m in unit.places)
        ):
            continue  # the sentence before did not open with a place, or this one names it
        # (the place itself the subject, its verb or an aside after it: not "Paris police
        # arrested a man in 2020. It was the third arrest in Lyon")
        after = re.match(r"\s*(,|[a-z]+)", text[subject.end : before.end])
        if after is None or after[1] != "," and not a_past_verb(after[1]):
            continue
        unit.places = [subject, *unit.places]


def _predicate_of(unit: _Unit) -> tuple[str, str] | None:
    """The title of `unit`'s draft up to where it says where, and the word that says it ("The
    two sides held talks", "in" of "The two sides held talks in Stockholm"); None when it does
    not say so."""
    place = next((m for m in unit.places if not m.demonym), None)
    if not unit.title or place is None:
        return None
    at = re.search(rf"\s(in|at)\s+{re.escape(place.text)}\b", unit.title)
    return (unit.title[: at.start()], at[1]) if at and at.start() else None


def _the_place_said_before(
    text: str, places: list[PlaceMention], before: Sentence, unit: _Unit
) -> PlaceMention | None:
    """The place "the city" means in a clause that names none, when the sentence before says
    "the city" too and names another only as where something went ("They sacked the city …,
    carrying treasures back to Venice. A Latin empire ruled the city until 1261"): the one both
    mean, named before the first (Constantinople), not the last named (Venice). None when the
    sentence before does not say it so."""
    said = _THE_CITY.search(text, unit.start, unit.end)
    if said is None or before.paragraph != unit.paragraph:
        return None
    first = next(
        reversed(list(re.finditer(rf"\bthe\s+{said['noun']}\b", text[: unit.start], re.I))),
        None,
    )
    if first is None or first.start() < before.start:
        return None
    named = [m for m in places if first.end() <= m.start < unit.start and not m.demonym]
    if not named or not all(_TOWARD.search(text, max(0, m.start - 12), m.start) for m in named):
        return None
    earlier = [m for m in places if m.start < first.start() and not m.demonym]
    if not earlier or earlier[-1].best.kind == COUNTRY:
        return None
    return earlier[-1]


# "In the city where she was born, crowds gathered in 2002": where the text told she was born
_THE_PLACE_WHERE = re.compile(
    r"\bthe\s+(?:city|town|village|country|place|region)\s+(?:where|in\s+which)\s+"
    r"(?:he|she|they|[A-Z][\w'’-]*)\s+(?:was|were|had\s+been)?\s*"
    r"(?P<verb>born|raised|grew\s+up|studied|lived|died)\b",
    re.I,
)


def _where_it_was_told(text: str, places: list[PlaceMention], unit: _Unit) -> PlaceMention | None:
    """The place "the city where she was born" means, in a clause that names none: the last
    place the text said so of before it ("Born in Lviv in 1932, …"). None when it did not."""
    said = _THE_PLACE_WHERE.search(text, unit.start, unit.end)
    if said is None:
        return None
    verb = r"\s+".join(said["verb"].lower().split())
    told = re.compile(rf"\b{verb}\s+(?:in|at)\s+(?:the\s+[a-z]+\s+of\s+)?$", re.I)
    before = [
        m for m in places
        if m.start < unit.start and not m.demonym
        and told.search(text, max(0, m.start - 40), m.start)
    ]  # fmt: skip
    return before[-1] if before else None


def _story_country(
    dateline: PlaceMention | None, places: list[PlaceMention], area: str = ""
) -> PlaceMention | None:
    """The country a story is told in and about: its dateline's ("BAMAKO, Mali"), when the
    text names that country, and its places lie in it more than in any other ("BRUSSELS" with
    Strasbourg and Paris named more often has none). Its first mention in the text; else, the
    text naming no country, the first of the dateline's province or state ("KAMLOOPS, British
    Columbia (CP) —" and "British Columbia" in the text)."""
    if dateline is None or not dateline.best.entry.country:
        return None
    code = dateline.best.entry.country
    counts = Counter(m.best.entry.country for m in places if not m.demonym)
    counts.pop("", None)
    ranked = counts.most_common(2)
    if not ranked or ranked[0][0] != code or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    return next(
        (
            m
            for m in places
            if not m.demonym and m.best.entry.kind == COUNTRY and m.best.entry.country == code
        ),
        None,
    ) or next(
        (
            m
            for m in places
            if area
            and not m.demonym
            and m.best.entry.kind != CITY
            and m.best.entry.country == code
            and normalise(m.text) == normalise(area)
        ),
        None,
    )


_DATELINE_SITES = {"united nations": "New York City"}
"""Datelines that name a site rather than a town: the AP's "UNITED NATIONS (AP) —" is the
U.N.'s headquarters (in the text, "the United Nations said" is no place)."""


def dateline_mention(article: Article, gaz: Gazetteer) -> PlaceMention | None:
    """The place the dateline names ("PERRY, Fla. (AP) —"), or None."""
    if not article.dateline:
        return None
    candidates = (
        gaz.qualified(article.dateline_place, article.dateline_area)
        if article.dateline_area
        else gaz.lookup(article.dateline_place)
    )
    if not candidates and (site := _DATELINE_SITES.get(article.dateline_place.lower())):
        candidates = gaz.lookup(site)
    if not candidates:
        return None
    start, end = article.dateline
    return PlaceMention(start, end, article.text[start:end], candidates)


_DATED_LEAD = re.compile(r"(?:Born|Raised|Educated|Trained|Elected|Appointed|Ordained)\s")
_CONNECTOR = re.compile(r"(?:and|but|yet|then|while|although|though|whereas)\s+")


_WHERE_ABROAD = re.compile(
    r"\b(?:in|at|near|off|inside|outside|into|across|over|hit|struck|attacked|bombed|shelled|"
    r"raided|targeted)\s+(?:(?:the|a|an)\s+)?(?:[a-z][\w'’-]*\s+){0,3}(?:of\s+)?$"
)


def _dateline_aside(text: str, units: list[_Unit], dateline: PlaceMention) -> None:
    """ "DUBAI (Reuters) — A missile struck a tanker in the Gulf of Aden", "BEIRUT — Strikes
    hit Gaza": when the lead names where it happened outside the dateline's country (a sea, a
    town abroad), the dateline says only where the reporter was, an alternative. A town of its
    country ("KYIV — Drones struck Kharkiv") or a country ("WARSAW — farmers blocked crossings
    with Ukraine") keeps it, after them."""
    country = dateline.best.entry.country
    for unit in units:
        if dateline not in unit.places:
            continue
        away = [
            m for m in unit.places
            if m is not dateline and not m.demonym
            and m.best.entry.kind not in (COUNTRY, STATE) and m.best.entry.country != country
            # named as where ("in the Gulf of Aden", "hit Gaza City"), not as what was done to
            # or from ("to clear mines from Black Sea shipping lanes")
            and _WHERE_ABROAD.search(text, max(0, m.start - 60), m.start)
        ]  # fmt: skip
        if away:
            unit.places = [m for m in unit.places if m is not dateline]
            unit.displaced = [*unit.displaced, dateline]


def _own_subject(text: str, start: int) -> bool:
    """Whether the clause at `start` names who acted ("and Kovač was awarded …"), not going on
    with the sentence's subject ("and reached Bactria …")."""
    at = _CONNECTOR.match(text, start)
    word = re.match(r"[\w'’-]+", text[at.end() if at else start :])
    return word is not None and not (word[0].islower() and has_a_verb(word[0]))


def _units(
    text: str, sentence: Sentence, dates: list[DateMention], places: list[PlaceMention]
) -> list[_Unit]:
    """A sentence, split into clauses at breaks between its dates."""
    cuts = [sentence.start]
    lead = list(_BUT.finditer(text, sentence.start, dates[0].start)) if dates else []
    if (
        lead
        and _has_words(text, sentence.start, lead[-1].start(), dates)
        and _has_words(text, lead[-1].end(), dates[0].start, dates)
        and not re.search(r"[,;:—–]", _APPOSITION.sub(" ", text[lead[-1].end() : dates[0].start]))
    ):
        # "The bloc grew to 28 members, but Britain left on Jan. 31, 2020": the date is the
        # clause's after "but" (or ", and"), the one before it, undated, its context; not in
        # "With Moscow at war, and Iran under pressure, they failed last month …" (a lead).
        cuts.append(lead[-1].end())
    # "Born in Mostar in 1936, Kovač studied in Belgrade and graduated in 1960": a lead with a
    # date of its own, before a main clause with another, is a clause of its own ("Kovač was
    # born in Mostar"), the subject the main clause's.
    born = None
    if _DATED_LEAD.match(text, sentence.start, sentence.end):
        for comma in re.finditer(r",\s(?=[A-Za-z])", text[sentence.start : sentence.start + 100]):
            at = sentence.start + comma.end()
            if any(m.start < at for m in dates):
                if any(m.start >= at for m in dates):
                    born = at
                    cuts.append(at)
                break
    # "Pezeshkian — who beat Jalili in the 2024 runoff — met Putin on Friday": the dashes of an
    # aside break no clause.
    asides = asides_in(text, sentence.start, sentence.end) if len(dates) > 1 else []
    # clauses whose places are not lent to the placeless clause before them ("crossed into Asia
    # in 334 BC | and defeated Darius at Gaugamela in 331 BC")
    unlent: set[int] = set()
    for before, after in zip(dates, dates[1:], strict=False):
        breaks = [
            b for b in _CLAUSE_BREAK.finditer(text, before.end, after.start)
            if not any(a <= b.start() < e for a, e in asides)
        ] or [  # fmt: skip
            # "Negotiators met in Beijing last week and will meet again in Brussels on March 12":
            # a clause that looks ahead, with a place of its own, after one that names its own.
            b for b in _AND_AHEAD.finditer(text, before.end, after.start)
            if _names_a_place(places, cuts[-1], b.start())
            and _names_a_place(places, b.end(), sentence.end)
        ] or [  # fmt: skip
            # "Zhang Qian travelled west from Chang'an in 138 BC and reached Bactria around 128
            # BC": a second predicate in the past with its own date and place.
            # (or with no place before it: "Alexander crossed into Asia in 334 BC and
            # defeated Darius at Gaugamela in 331 BC" is not at Gaugamela in 334 BC)
            b for b in _AND_PAST.finditer(text, before.end, after.start)
            if a_past_verb(b["verb"])
            and _names_a_place(places, b.end(), sentence.end)
            and (
                _names_a_place(places, cuts[-1], b.start())
                or before.kind == EXPLICIT
                and not _names_a_place(places, sentence.start, b.start())
            )
        ] or [  # fmt: skip
            # "Jury selection began on July 15 and opening statements were heard two days
            # later": a second clause, its subject its own, with its own date.
            b for b in _AND_SUBJECT_PAST.finditer(text, before.end, after.start)
        ] or [  # fmt: skip
            # "The two sides held talks in Stockholm in July and in Madrid in September": the
            # verb left out of the second, which has its own place and date.
            b for b in _AND_IN_A_PLACE.finditer(text, before.end, after.start)
            if _names_a_place(places, cuts[-1], b.start())
            and _a_gapped_clause(text, places, b.end(), after)
        ]  # fmt: skip
        # "During the 1990s, after …": a date alone before the break is no clause of its own.
        if breaks and _has_words(text, cuts[-1], breaks[-1].start(), dates):
            if not _names_a_place(places, sentence.start, breaks[-1].start()):
                unlent.add(breaks[-1].end())
            cuts.append(breaks[-1].end())
    cuts.append(sentence.end)
    # "Intel will delay its plant in Ohio, until 2030, the latest setback for the chipmaker":
    # "until" and a date, and what is said of the date, are a phrase of the clause before.
    cuts = [
        cut for position, cut in enumerate(cuts)
        if position in (0, len(cuts) - 1)
        or not _date_phrase(text, cut, cuts[position + 1], dates)
    ]  # fmt: skip
    units = []
    subject = subject_of(text[cuts[0] : cuts[1]]) if len(cuts) > 2 else ""
    lead_subject = ""
    if born and born in cuts[1:-1]:
        after = cuts[cuts.index(born) + 1]
        subject = lead_subject = subject_of(text[born:after])
    for start, end in zip(cuts, cuts[1:], strict=False):
        later = [(a, b) for a, b in zip(cuts, cuts[1:], strict=False) if a >= end]
        end_trim = len(text[start:end].rstrip(" ,;—–"))
        unit = _Unit(start, start + end_trim, sentence.paragraph)
        unit.subject = subject if start > sentence.start else lead_subject
        unit.followed = tells_what_followed(text[start:end])
        unit.present = tells_what_is(text[start:end])
        # (or a sentence that is all quotation, after the one that said who said it)
        unit.quoted = bool(
            _QUOTATION.match(text, start, end)
            or _ALL_QUOTED.fullmatch(text, start, start + end_trim)
        )
        # "the most since record-keeping began in 1878", "breaking a record set in 1916": a
        # yardstick, not when the clause happened.
        unit.dates = [
            m
            for m in dates
            if start <= m.start < end and not _yardstick_before(text, max(start, m.start - 100), m)
        ]
        yardsticks = [
            (y.start(), m.end)
            for m in dates
            if start <= m.start < end
            and (y := _yardstick_before(text, max(start, m.start - 100), m))
        ]
        unit.forecast = bool(unit.dates) and _a_forecast(
            text[start:end], max(m.end for m in unit.dates) - start
        )
        if unit.present and unit.dates and all(m.kind == NAMED for m in unit.dates):
            # "The fall of Constantinople is often taken to mark the end of the Middle Ages":
            # what is said now of a period, not something that happened in it.
            unit.dates = []
        if unit.quoted and unit.dates and _dated_only_by_who_said_it(text, start, end, unit.dates):
            # '"Nothing is left," said Tom Gaskins, who has run a bait shop there since 1998':
            # the aside dates the man's shop, not what he said, nor when.
            unit.dates = []
        if len(unit.dates) > 1 and (asides := asides_in(text, start, end)):
            # "Talks with Turkey, which began in 2005, have been frozen since 2018": the
            # clause's own date first, the aside's an alternative.
            unit.dates.sort(key=lambda m: any(a <= m.start < b for a, b in asides))
        elif unit.dates and not unit.present:
            # about a person ("who beat Jalili in 2024"), not a thing ("which was completed in
            # 537", which tells what happened to it)
            asides = [
                (a, b) for a, b in asides_in(text, start, end)
                if _ABOUT_A_PERSON.match(text, a, b)
            ]  # fmt: skip
            unit.aside_dated = bool(asides) and all(
                any(a <= m.start < b for a, b in asides) for m in unit.dates
            )
        if len(unit.dates) > 1 and unit.dates[0].kind == NAMED:
            # "The empire entered the First World War … in 1914": a date written in the period
            # named is the clause's, the period its alternative.
            # "… led a movement after World War I and proclaimed the Republic on Oct. 29, 1923":
            # after the period, a date written after its end is the clause's.
            period = unit.dates[0].span
            after = bool(_AFTER.search(text, max(0, unit.dates[0].start - 12), unit.dates[0].start))
            unit.dates.sort(
                key=lambda m: (
                    not (
                        m.kind == EXPLICIT
                        and (
                            m.span.start <= period.end
                            and period.start <= m.span.end
                            or after
                            and m.span.start > period.end
                        )
                    )
                )
            )
        if len(unit.dates) > 1 and (
            said := reported_clause_start(text, start, end, [(m.start, m.end) for m in unit.dates])
        ):
            # "Police said on Monday that protesters marched on Jan. 20": the title is what was
            # said, and so is the date; the day it was said is the alternative.
            unit.dates.sort(key=lambda m: m.start < said)
        if len(unit.dates) > 1 and _attributive_year(text, unit.dates[0]):
            # "The 2026 World Cup will open … on June 11, 2026": a year that says which thing
            # is no date of the clause's when it has another; an alternative
            unit.dates.sort(key=lambda m: _attributive_year(text, m))
        if len(unit.dates) > 1 and attributive_weekday(
            text, unit.dates[0].start, unit.dates[0].end
        ):
            # "The Monday morning meeting was cancelled on March 3, 2024": a weekday that says
            # which meeting is no date of the clause's; the day written out is, the weekday
            # (counted from publication) its alternative.
            unit.dates.sort(key=lambda m: not _full_day(m))
        # The dateline ("WARSAW, Poland (AP) —") lies before the sentence: its first clause's.
        unit.places = [
            m for m in places if start <= m.start < end or (m.start < start == sentence.start)
        ] or [
            # a clause with no place of its own takes the sentence's, but not those of a later
            # clause with a subject of its own ("The building reopened in May 2014, and Kovač
            # was awarded the prize in The Hague the following year": not The Hague)
            m for m in places
            # (the main clause after a dated lead is the lead's subject's: "Elected in 2019,
            # the mayor of Kyiv resigned in March 2023" was elected in Kyiv)
            if not any(
                a <= m.start < b and (a in unlent or a != born and _own_subject(text, a))
                for a, b in later
            )
        ]  # fmt: skip
        said = _ATTRIBUTION.search(text, start, start + end_trim)
        if said:
            # "The storm came ashore …, the National Hurricane Center in Miami said": Miami is
            # where it was said, the place only when no other is near (see `_to_drafts`).
            unit.speakers = [m for m in unit.places if m.start >= said.start()]
            unit.places = [m for m in unit.places if m.start < said.start()]
        asides = asides_in(text, start, end)
        aside_places = [m for m in unit.places if any(a <= m.start < b for a, b in asides)]
        # (not "…, drawing criticism from Greece": what followed, not where it happened)
        then = _WHAT_FOLLOWED.search(text, start, end)
        own_sites = [
            m for m in unit.places
            if m not in aside_places and not m.demonym and not (then and m.start > then.start())
        ]  # fmt: skip
        if aside_places and own_sites:
            # "Knights of the Fourth Crusade, who had set out from Venice to reach Egypt, turned
            # on Constantinople": the aside's places are not where the clause happened.
            unit.places = [m for m in unit.places if m not in aside_places]
            unit.displaced = [*unit.displaced, *aside_places]
        formerly = [
            m for m in unit.places
            if any(a.start() < m.start < a.end() for a in _FORMERLY.finditer(text, start, end))
            # "Sybiha arrived from Kyiv late Tuesday": where he came from, not where he arrived
            or _ARRIVED_FROM.search(text, max(start, m.start - 40), m.start)
        ]  # fmt: skip
        if formerly:
            # "Opposition leader Anna Zielinska, a former mayor of Krakow, said she would begin
            # talks": what she once was says nothing of where she spoke; an alternative.
            unit.places = [m for m in unit.places if m not in formerly]
            unit.displaced = [*unit.displaced, *formerly]
        whence = _whence_people_came(text, unit.places)
        if whence and any(m not in whence and not m.demonym for m in unit.places):
            # "Mediators from Egypt, Qatar and the United States resumed talks in Cairo": where
            # they came from is an alternative, where the talks were the place.
            unit.places = [m for m in unit.places if m not in whence]
            unit.displaced = [*unit.displaced, *whence]
        now = _NOW_CLAUSE.search(text, start, end)
        if now and unit.dates and all(m.end <= now.start() for m in unit.dates):
            # "Correa governed from 2007 to 2017 and now lives in Belgium": where he is now is
            # not where the dated clause happened; an alternative.
            later = [m for m in unit.places if m.start >= now.start()]
            unit.places = [m for m in unit.places if m.start < now.start()]
            unit.displaced = [*unit.displaced, *later]
        participle = _DATED_PARTICIPLE.search(text, start, end)
        if participle and unit.dates and unit.dates[0].start >= participle.start():
            # "During the war he fled to Cyprus, returning in 1991 to lead the reconstruction of
            # Beirut": the dated participle is the event (its title), and so are its places;
            # where the clause before it was, an alternative
            inside = [m for m in unit.places if m.start >= participle.start() and not m.demonym]
            before = [m for m in unit.places if m.start < participle.start() and not m.demonym]
            if inside and before:
                unit.places = [m for m in unit.places if m not in before]
                unit.displaced = [*unit.displaced, *before]
        unit.refers_back = bool(_REFERS_BACK_ANY.search(text, start, end))
        unit.names_a_place_before = bool(_A_PLACE_NAMED_BEFORE.search(text, start, end))
        unit.says_the_region = bool(_THE_REGION.search(text, start, end))
        unit.negated = bool(_NEGATED.search(text, start, end))
        if all(m.demonym for m in unit.places) and _REFERS_BACK.search(text, start, end):
            # "Troops held Kherson in 2022, until the Ukrainian army retook it in November":
            # the clause is about the place named before it, "Ukrainian" its alternative.
            unit.places = [m for m in places if m.start < start and not m.demonym] + unit.places
        if unit.places and all(_whose_people(text, m) for m in unit.places):
            # "Traore's government expelled French troops and later welcomed Russian military
            # instructors": whose troops they were is not where it happened; the clause has
            # no place of its own (see `_paragraph_drafts`), the countries are alternatives.
            # (after where someone came from: "Ukraine's Foreign Minister … arrived from Kyiv")
            unit.displaced = [*unit.displaced, *unit.places]
            unit.whose = list(unit.places)
            unit.places = []
            # ("Iranian leaders provide support": what is so, no event)
            unit.whose_people = any(a_past_verb(w) for w in _WORD.findall(text, start, end))
            unit.whose_leaders = any(_an_office_and_name(text, m) for m in unit.whose)
        own = [m for m in unit.places if start <= m.start < end and not m.demonym]
        unit.actors = _actors(text, own)
        unit.unknown_site = (
            bool(own)
            and len(unit.actors) == len(own)
            and _unknown_site(text, start, start + end_trim, places, dates)
        )
        if unit.actors and any(
            _at_a_site(text, m, unit.actors, unit.dates) for m in own if m not in unit.actors
        ):
            # "Argentina won the World Cup in Lusail", "U.S. forces withdrew from a base in
            # Agadez": where it happened is the site; who acted, an alternative.
            unit.displaced = list(unit.actors)
            unit.places = [m for m in unit.places if m not in unit.actors]
            # "England beat Spain 2-1 in Berlin": whom they beat is not where either
            objects = [
                m
                for m in own
                if m in unit.places and _acted_on(text, m, own, unit.actors, unit.dates)
            ]
            unit.displaced += objects
            unit.places = [m for m in unit.places if m not in objects]
        elif unit.actors and (
            site := next(
                (
                    m for m in own
                    if m not in unit.actors
                    and m.start < unit.actors[0].start
                    and _SITE_AHEAD.search(text, max(start, m.start - 40), m.start)
                ),
                None,
            )
        ):  # fmt: skip
            # "In Munich on June 14, Germany beat Scotland 5-1", "The tournament opened in
            # Munich, when Germany beat Scotland": the site named before who acted is where;
            # who acted, and whom they beat, alternatives (not the sites listed with it: "in
            # Nysa and Klodzko", nor those after "in the": "in the Opolskie and Dolnoslaskie
            # regions")
            sites = [
                m for m in own
                if m is site
                or _IN_THE_BEFORE.search(text, max(0, m.start - 12), m.start)
                or (
                    m not in unit.actors
                    and _SITE_BEFORE.search(text, max(0, m.start - 60), m.start)
                )
            ]  # fmt: skip
            for before, mention in zip(own, own[1:], strict=False):
                if before in sites and _LISTED.fullmatch(text, before.end, mention.start):
                    sites.append(mention)
            others = [m for m in own if m.start > site.start and m not in sites]
            unit.displaced = [*unit.displaced, *others]
            unit.places = [m for m in unit.places if m not in others]
        origins = [
            m for m in own
            if m in unit.places
            and (
                _origin_of_who_acted(text, m)
                # "a weather satellite for the EUMETSAT agency based in Darmstadt": where who is
                # named has its seat, not where it happened
                or _BASED_IN.search(text, max(0, m.start - 30), m.start)
                # "the Lyon-based firm", "the Marshall Islands-flagged tanker", "Iran-backed
                # rebels", "U.S.-made missiles": whose it is, not where
                or bool(_COMPOUND_OF_WHOSE.match(text, m.end))
                # "Rhodesia declared independence from Britain": what it left, not where
                or bool(_BROKE_AWAY_FROM.search(text, max(0, m.start - 40), m.start))
            )
        ]  # fmt: skip
        for before, mention in zip(own, own[1:], strict=False):
            if before in origins and _LISTED_AFTER.fullmatch(text, before.end, mention.start):
                origins.append(mention)  # "Refugees from Syria and Iraq crossed …"
        if origins and any(m not in origins for m in own if m in unit.places):
            # "Greek colonists from Megara founded Byzantium": where who acted came from is
            # not where it happened; an alternative.
            unit.places = [m for m in unit.places if m not in origins]
            unit.displaced = [*unit.displaced, *origins]
        # "A full-scale war followed after the collapse of the Soviet Union in 1991": the end of
        # a state says when, not where; the place told before, and the state an alternative.
        ended = [
            m for m in unit.places
            if m.best.entry.kind != CITY
            and _THE_END_OF.search(text, max(0, m.start - 60), m.start)
        ]  # fmt: skip
        if ended:
            unit.places = [m for m in unit.places if m not in ended]
            unit.displaced = [*unit.displaced, *ended]
            unit.ended = ended
        measured = [p for p in unit.places if any(a <= p.start < b for a, b in yardsticks)]
        if measured and any(p not in measured and not p.demonym for p in unit.places):
            # "… marched through Lima on Saturday, in the largest demonstrations since clashes
            # in Juliaca killed 18 people in January 2023": the yardstick's place is not where
            unit.places = [p for p in unit.places if p not in measured]
            unit.displaced = [*unit.displaced, *measured]
        if units and _GAPPED.match(text, start, end):
            unit.gapped_after = units[-1]
        units.append(unit)
    return units


_IN_THE_BEFORE = re.compile(r"\b(?:in|at|near|across)\s+the\s+$", re.I)
# "in Munich", "at the Allianz Arena in Munich": where, before who acted
_SITE_AHEAD = re.compile(
    r"\b(?:in|at|near|outside)\s+(?:(?:the|a|an)\s+)?(?:[a-z][\w'’-]*\s+){0,2}$", re.I
)
_BEFORE_A_NOUN_OF_IT = re.compile(r"\b(?:the|a|an|its|their|his|her|this|that)\s+$|['’]s\s+$", re.I)


def _attributive_year(text: str, mention: DateMention) -> bool:
    """Whether a year says which thing, before its noun ("the 2026 World Cup", "its 2023
    pension reform")."""
    return (
        re.fullmatch(r"\d{4}", mention.text) is not None
        and _BEFORE_A_NOUN_OF_IT.search(text, max(0, mention.start - 8), mention.start) is not None
        and re.match(r"\s+[A-Za-z]", text[mention.end : mention.end + 3]) is not None
    )


# ", returning in 1991 to lead …", ", graduating from … in 1956": a participle after the main
# clause, with a date of its own
_DATED_PARTICIPLE = re.compile(r",\s(?=(?:later\s|then\s)?[a-z]{3,}ing\s)")
_THE_END_OF = re.compile(
    r"\b(?:after|following|since|before|until|amid|with)\s+(?:the\s+)?(?:[a-z]+\s+)?"
    r"(?:collapse|break-?up|dissolution|disintegration|demise|partition|breakdown)\s+of\s+"
    r"(?:the\s+)?$",
    re.I,
)
# "in Al Khor", "at Lusail Stadium", "near Foo": a capitalised name after a word for where.
_SITE = re.compile(r"\b(?:in|at|near)\s+([A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*)")
_PLACE_BEFORE = re.compile(
    r"\b(?:in|at|from|near|to|of|on|over|outside|into|towards?|via|through|around|across|"
    r"against|with|and|or|by)\s+$",
    re.I,
)
_WORD_AFTER = re.compile(r"\s+([a-z][\w'’]*)")
# ("U.S. and Chinese trade negotiators": whose negotiators, after what they negotiate)
_LISTED_WITH_PEOPLE = re.compile(r"\s+and\s+[A-Z][\w.]*((?:\s+[a-z]+\b){1,3})")
# Whose people a possessive says ("Spain's coach", "Russia's foreign minister").
_WHOSE_PEOPLE = re.compile(r"['’]s\s+(?:[A-Z][\w-]*\s+){0,2}([a-z]+)\b")
_ITS_OWN_PEOPLE = {
    "coach", "team", "captain", "players", "squad", "manager", "foreign", "prime", "defense",
    "defence", "interior", "finance", "ambassador", "envoy", "leader", "spokesman",
    "spokeswoman", "king", "queen", "delegation", "athletes", "national", "movement", "rebels",
    "militants", "militia", "fighters", "coalition",
}  # fmt: skip
# Whose office or officer a title names ("U.S. President Joe Biden", "U.S. District Judge Kell",
# "the U.S. Embassy in Baghdad"): the country's people, not where.
_OFFICE_AFTER = re.compile(
    # (and what the office is over: "Germany's Economy Minister", "Polish Climate Minister")
    r"\s+(?:[A-Z][a-z]+\s+){0,2}(?:President|Minister|Judge|"
    r"Attorney|Ambassador|Embassy|Consulate|Secretary|Senator|Court|Department|Ministry|"
    r"Marshals?|Envoy|Representative|Army|Navy|Marines|Air\s+Force|Coast\s+Guard|"
    r"Forces|Command|Treasury|Customs|Border\s+Patrol|Chancellor|General|Admiral|Emir|King|"
    r"Queen|Premier|Sultan|Crown\s+Prince|Leader|Governor|Speaker)\b"
)
# An officer's name after the office ("Armenian Prime Minister Nikol Pashinyan").
_NAMED_AFTER = re.compile(r"\s+[A-Z][\w'’.-]+")


def _an_office_and_name(text: str, mention: PlaceMention) -> bool:
    """Whether an office and a name follow a place ("Armenian Prime Minister Nikol …",
    "Ukraine's Foreign Minister Dmytro …")."""
    end = mention.end + 2 if text.startswith(("'s", "’s"), mention.end) else mention.end
    office = _OFFICE_AFTER.match(text, end)
    return office is not None and _NAMED_AFTER.match(text, office.end()) is not None


def _whose_people(text: str, mention: PlaceMention) -> bool:
    """Whether a country adjective says whose people they were ("French troops", "Russian
    military instructors", "Malian soldiers"), not where."""
    if _an_office_and_name(text, mention):
        # "Turkish President Recep Tayyip Erdogan hosted the summit", "Ukraine's Foreign
        # Minister Dmytro Kuleba arrived": whose leader, not where
        return True
    if not mention.demonym:
        return False
    after = _PEOPLE_AFTER.match(text, mention.end)
    words = after.group().split() if after else []
    for position, word in enumerate(words):
        following = words[position + 1] if position + 1 < len(words) else ""
        if word not in _PEOPLE:
            continue
        # "military instructors": "military" may say which people, or which thing ("a
        # military base"); the word after it tells.
        if (
            word in _ALSO_WHICH
            and following
            and not has_a_verb(following)
            and following not in _FUNCTION_WORDS
        ):
            return following in _PEOPLE
        return True
    return False


# People named by where they came from: "colonists from Megara", "refugees from Syria".
_ORIGIN_BEFORE = re.compile(
    r"\b(?:colonists|settlers|troops|soldiers|refugees|migrants|immigrants|pilgrims|merchants|"
    r"traders|delegates|fighters|workers|volunteers|visitors|tourists|students|fans|families|"
    r"residents|rescuers|firefighters|investors|buyers|envoys|diplomats|delegations?|leaders|"
    r"ministers|officials|representatives|negotiators|observers|athletes|teams)\s+from\s+"
    r"(?:the\s+)?$",
    re.I,
)
_NAME_LIST_AFTER = re.compile(r"(?:,?\s+(?:and\s+)?[A-Z][\w'’.-]*)*\s+([a-z]+)")


_COMPOUND_OF_WHOSE = re.compile(
    r"[-‐](?:based|flagged|registered|owned|linked|backed|made|built|funded|allied|aligned)\b"
)
_BROKE_AWAY_FROM = re.compile(
    r"\b(?:independence|seceded|secession|broke\s+away|breaking\s+away|split\s+away)\s+from\s+"
    r"(?:the\s+)?$",
    re.I,
)
_BASED_IN = re.compile(r"\b(?:based|headquartered|registered)\s+in\s+(?:the\s+)?$", re.I)


def _origin_of_who_acted(text: str, mention: PlaceMention) -> bool:
    """Whether a place says where the subject came from ("Greek colonists from Megara founded
    …", "Refugees from Syria and Iraq crossed …"): people from it, then the verb."""
    if not _ORIGIN_BEFORE.search(text, max(0, mention.start - 40), mention.start):
        return False
    after = _NAME_LIST_AFTER.match(text, mention.end)
    return after is not None and a_past_verb(after.group(1))


def _acts(text: str, mention: PlaceMention) -> bool:
    """Whether a place is named as the subject of a verb ("Ecuador beat the hosts"), or as
    whose people acted ("U.S. forces withdrew", "EU leaders met"), not as where ("in
    Ecuador", "against Ecuador")."""
    if _PEOPLE_OF.search(text, max(0, mention.start - 40), mention.start):
        return True  # "The leaders of France, Germany and …": whose leaders they were
    after = _WORD_AFTER.match(text, mention.end)
    office = _OFFICE_AFTER.match(text, mention.end)
    listed = _LISTED_WITH_PEOPLE.match(text, mention.end)
    if listed and _names_people(listed[1].split()):
        return True  # "U.S. and British warplanes struck …": whose warplanes, both
    whose = _WHOSE_PEOPLE.match(text, mention.end)
    if (whose and (whose[1] in _PEOPLE or whose[1] in _ITS_OWN_PEOPLE)) or (
        text.startswith(("'s", "’s"), mention.end) and _OFFICE_AFTER.match(text, mention.end + 2)
    ):
        # "Spain's coach said his team would celebrate in Madrid", "fired by Yemen's Houthi
        # movement", "Ukraine's President Volodymyr Zelenskyy visited": whose people they are
        return True
    if office is None and (
        after is None or not (has_a_verb(after.group(1)) or after.group(1) in _ITS_PEOPLE)
    ):
        return False
    if after is not None and after.group(1) in ("was", "were", "is", "are"):
        return False  # "Hatay was among the provinces devastated": what it was, or underwent
    before = _PLACE_BEFORE.search(text, max(0, mention.start - 20), mention.start)
    if before is None:
        return True
    # "…, and U.S. forces withdrew": "and" after a comma opens a clause, whose subject it is
    return (
        before.group()[:3].lower() in ("and", "or ")
        and text[max(0, before.start() - 2) : before.start()].strip() == ","
    )


def _names_people(words: list[str]) -> bool:
    """Whether the words after "U.S. and Chinese" name people ("warplanes", "trade
    negotiators"), before a word that ends the phrase ("and Chinese goods in …")."""
    for word in words:
        if word in _PEOPLE:
            return True
        if word in _FUNCTION_WORDS or has_a_verb(word):
            return False
    return False


def _actors(text: str, own: list[PlaceMention]) -> list[PlaceMention]:
    """The places of a clause that act, with those listed with them ("Russia and Iran fought",
    "Mali, Burkina Faso and Niger signed", "the leaders of France, Germany and Britain")."""
    acting = [m for m in own if _acts(text, m)]
    for position, mention in enumerate(own):
        # "Armenia and Azerbaijan signed …": the last of a list that opens the clause, before
        # its verb (not "between Russia and Iran", "in Mali and Niger")
        first = position
        while first and _LISTED.fullmatch(text, own[first - 1].end, own[first].start):
            first -= 1
        after = _WORD_AFTER.match(text, mention.end)
        if (
            first < position
            and mention not in acting
            and after is not None
            and has_a_verb(after.group(1))
            and after.group(1) not in ("was", "were", "is", "are")
            and not _PLACE_BEFORE.search(text, max(0, own[first].start - 20), own[first].start)
            and not re.search(
                r"\bbetween\s+(?:the\s+)?$", text[max(0, own[first].start - 20) : own[first].start]
            )
        ):
            acting.append(mention)
    for mention in reversed(own):
        if mention in acting:
            continue
        after = [m for m in own if m.start > mention.end]
        if after and after[0] in acting and _LISTED.fullmatch(text, mention.end, after[0].start):
            acting.append(mention)
    listed = False
    for before, mention in zip(own, own[1:], strict=False):
        # "of France, Germany and the United Kingdom": the names after the one whose people act
        listed = (
            before in acting
            and (listed or bool(_PEOPLE_OF.search(text, max(0, before.start - 40), before.start)))
            and bool(_LISTED_AFTER.fullmatch(text, before.end, mention.start))
        )
        if listed and mention not in acting:
            acting.append(mention)
    return [m for m in own if m in acting]


def _at_a_site(
    text: str,
    mention: PlaceMention,
    actors: list[PlaceMention],
    dates: Sequence[DateMention] = (),
) -> bool:
    """Whether a place is named as where an actor before it acted, in the same phrase ("won
    the World Cup in Lusail", "withdrew from a drone base in Agadez", "sent troops to Mali",
    "visited Kyiv", "set sentencing for Feb. 12, 2024, in San Antonio": a date's commas are
    its own): not after a comma ("seized the territory, prompting residents to flee to
    Armenia"), nor "in between Iran and …"."""
    site = _SITE_BEFORE.search(text, max(0, mention.start - 60), mention.start)
    if site is None or _SITE_GAP.search(site.group()):
        return False
    if _BROKE_AWAY_FROM.search(text, max(0, mention.start - 40), mention.start):
        return False  # "Rhodesia declared independence from Britain": what it left

    return any(
        m.end <= mention.start
        and not re.search(r"[,;:—–()]", _phrase_gap(text, m.end, mention.start, dates))
        for m in actors
    )


def _phrase_gap(text: str, start: int, end: int, dates: Sequence[DateMention]) -> str:
    """`text[start:end]` without what breaks no phrase: its dates and the comma closing one
    written with a comma ("Feb. 12, 2024, in"), and the comma before a participle of the same
    event (", beating England 2-1 in the final in Berlin")."""
    between = text[start:end]
    for d in dates:
        if start <= d.start and d.end <= end:
            a, b = d.start - start, d.end - start
            # (not "September 2023, prompting …", a clause's comma)
            b += "," in d.text and between.startswith(",", b)
            between = between[:a] + " " * (b - a) + between[b:]
    return _SAME_EVENT_PARTICIPLE.sub(" ", between)


# ", beating England 2-1 in the final in Berlin": a participle of the same event, whose comma
# does not end the phrase where it happened (not ", prompting residents to flee to Armenia").
_SAME_EVENT_PARTICIPLE = re.compile(
    r",(?=\s(?!(?:drawing|prompting|sparking|triggering|leaving|forcing|making|bringing|"
    r"raising|ending|killing)\b)[a-z]{3,}ing\s)"
)
_LOCATED_BEFORE = re.compile(
    r"\b(?:in|at|near|outside|inside)\s+(?:(?:the|a|an)\s+)?(?:[a-z][\w'’-]*\s+){0,3}(?:of\s+)?$"
)


def _acted_on(
    text: str,
    mention: PlaceMention,
    own: list[PlaceMention],
    actors: list[PlaceMention],
    dates: Sequence[DateMention] = (),
) -> bool:
    """Whether a place is whom an actor's verb acted on, before the site named in the same
    phrase ("England beat Spain 2-1 in Berlin", "Argentina beat France at Lusail Stadium"):
    right after the verb, no preposition before it, and a place "in" or "at" after it. Not
    where it went from or to ("Russia attacked Ukraine from Belarus" stays Ukraine)."""
    if _PLACE_BEFORE.search(text, max(0, mention.start - 20), mention.start):
        return False
    if not any(
        a.end <= mention.start
        and not re.search(r"[,;:—–()]", _phrase_gap(text, a.end, mention.start, dates))
        for a in actors
    ):
        return False
    return any(
        m.start >= mention.end
        and m not in actors
        and not re.search(r"[,;:—–()]", text[mention.end : m.start])
        and _LOCATED_BEFORE.search(text, max(0, m.start - 60), m.start)
        for m in own
    )


# Who acts for places named after them: "the leaders of France", "foreign ministers of the EU".
_PEOPLE_OF = re.compile(
    r"\b(?:leaders?|heads?\s+of\s+(?:state|government)|ministers?|presidents?|premiers?|"
    r"delegations?|delegates|representatives|envoys?|ambassadors?|officials|diplomats|troops|"
    r"forces|soldiers|armies|navies|governments?)\s+of\s+(?:the\s+)?$",
    re.I,
)
_LISTED_AFTER = re.compile(r",?\s+(?:and\s+)?(?:the\s+)?|,\s+(?:the\s+)?")
# Who acts for a place: "U.S. forces", "EU leaders", "Russian troops" (a demonym is no place).
_ITS_PEOPLE = {
    "forces", "troops", "soldiers", "officials", "leaders", "diplomats", "envoys", "lawmakers",
    "authorities", "police", "ministers", "negotiators", "warplanes", "jets", "drones",
    "warships", "navy", "army", "military", "government", "president", "officers", "agents",
}  # fmt: skip
# Anyone a country sends or has, described by its adjective ("Russian military instructors").
_PEOPLE = _ITS_PEOPLE | {
    "instructors", "mercenaries", "fighters", "advisers", "advisors", "commanders", "generals",
    "contractors", "peacekeepers", "paratroopers", "marines", "sailors", "pilots", "guards",
    "nationals", "citizens", "diplomat", "official", "soldier", "envoy",
    # a ruler and those sent, in history: "the Ottoman sultan Mehmed II captured the city"
    "sultan", "emperor", "king", "queen", "shah", "tsar", "czar", "caliph", "khan", "pharaoh",
    "ruler", "rulers", "admiral", "fleet", "armies", "cavalry", "invaders", "colonists",
    "settlers", "merchants", "traders", "missionaries", "crusaders", "explorers",
}  # fmt: skip
_FUNCTION_WORDS = {
    "in", "at", "on", "of", "to", "from", "and", "or", "but", "with", "by", "for", "into",
    "near", "that", "who", "which", "had", "has", "have", "was", "were", "is", "are",
}  # fmt: skip
_ALSO_WHICH = {"military", "army", "navy", "government", "police", "president"}
_PEOPLE_AFTER = re.compile(r"(?:\s+[a-z][\w'’-]*){1,3}")


def _dated_only_by_who_said_it(text: str, start: int, end: int, dates: list[DateMention]) -> bool:
    """Whether a quotation's dates all lie in an aside about who said it, after the quote."""
    quote = _QUOTATION.match(text, start, end)
    asides = asides_in(text, start, end)
    return bool(quote and asides) and all(
        m.start >= quote.end() and any(a <= m.start < b for a, b in asides) for m in dates
    )


# ", a former mayor of Krakow,": what someone once was, between commas
_FORMERLY = re.compile(
    r",\s(?:a|an|the)\s(?:former|onetime|one-time|ex-)[\s-]?[^,;.()]{1,60}?,", re.I
)
_ARRIVED_FROM = re.compile(
    r"\b(?:arrived|arriving|flew\s+in|landed)\s+(?:here\s+)?from\s+(?:the\s+)?$"
)
# People described by where they came from: "Mediators from Egypt, Qatar and the United States"
_PEOPLE_FROM = re.compile(
    r"\b(?:mediators|negotiators|delegates|delegations?|officials|envoys|diplomats|"
    r"representatives|ministers|leaders|experts|observers|inspectors|troops|soldiers|workers|"
    r"volunteers|rescuers|athletes|players|fans|tourists|visitors|pilgrims|refugees|migrants|"
    r"students|scientists|doctors|journalists|lawmakers)\s+from\s+(?:the\s+)?$",
    re.I,
)
_IN_A_LIST = re.compile(r",\s+(?:and\s+)?(?:the\s+)?|\s+and\s+(?:the\s+)?")


def _whence_people_came(text: str, places: list[PlaceMention]) -> list[PlaceMention]:
    """The places named as where people came from ("Mediators from Egypt, Qatar and the United
    States"), the list after "from" whole."""
    found: list[PlaceMention] = []
    listed = False  # the mention before was one of them
    for before, mention in zip([None, *places], places, strict=False):
        if before is not None and listed and _IN_A_LIST.fullmatch(text, before.end, mention.start):
            found.append(mention)
            continue
        listed = bool(_PEOPLE_FROM.search(text, max(0, mention.start - 40), mention.start))
        if listed:
            found.append(mention)
    return found


_ABOUT_A_PERSON = re.compile(r"\s*[,(—–-]*\s*(?:who|whose)\s")
_WHAT_FOLLOWED = re.compile(r",\s(?:drawing|prompting|sparking|triggering|leaving|forcing)\s")
_ALL_QUOTED = re.compile(r"\s*[“\"][^”\"]+[”\"]\s*")
_QUOTATION = re.compile(
    r"[“\"][^”\"]{10,}[”\"],?\s+(?:[^.!?]{0,120}\s)?(?:said|says|told|added|wrote)\b"
)
_AFTER = re.compile(r"\b(?:after|following)\s+(?:the\s+)?$", re.I)
_PERIOD_AS_TIME = re.compile(
    r"\b(?:in|during|after|before|since|until|by|throughout|amid|following|of|from|through)"
    r"\s+$",
    re.I,
)
_SITE_GAP = re.compile(r"\b(?:between|with|against|and|or|than)\b")
_LISTED = re.compile(r",?\s+(?:and\s+)?|,\s+")
# (what an attack struck is where it happened: "Israel struck Iran", "Russia invaded Ukraine")
_SITE_BEFORE = re.compile(
    r"\b(?:in|at|near|outside|inside|into|to|from|across|through|around|off|visited|toured|"
    r"reached|invaded|attacked|struck|hit|bombed|shelled|raided|targeted|occupied|annexed|"
    r"captured|seized|"
    # (what a war was fought over: "Armenia and Azerbaijan fought over Nagorno-Karabakh")
    r"(?:fought|fighting|clashed|battled|warred|wars?)\s+(?:over|for(?:\s+control\s+of)?))\s+"
    r"(?:(?:the|a|an)\s+)?(?:[a-z][\w'’-]*\s+){0,3}(?:of\s+)?$"
)


def _unknown_site(
    text: str, start: int, end: int, places: list[PlaceMention], dates: list[DateMention]
) -> bool:
    """Whether `text[start:end]` says where with a capitalised name that is neither a known
    place nor a date ("in Al Khor")."""
    for site in _SITE.finditer(text, start, end):
        a, b = site.span(1)
        if not any(m.start < b and a < m.end for m in [*places, *dates]):
            return True
    return False


def _place_at_unknown_sites(units: list[_Unit], dateline: PlaceMention | None) -> None:
    """A unit that says where with an unknown name and names places only as actors ("opened
    in Al Khor, where Ecuador beat the hosts"): its place is the one named before it in the
    paragraph ("in Lusail"), else the dateline; the actors are alternatives. Left as it is
    when there is neither."""
    for position, unit in enumerate(units):
        if not unit.unknown_site:
            continue
        earlier = [
            [m for m in u.places if not m.demonym and m not in u.actors]
            for u in units[:position]
        ]  # fmt: skip
        earlier = [places for places in earlier if places]
        outside = [m for m in unit.places if m.start < unit.start and m not in unit.actors]
        taken = outside or (earlier[-1] if earlier else [dateline] if dateline else [])
        if not taken:
            continue
        unit.displaced = [m for m in unit.places if m not in taken]
        unit.places = list(taken)


# Who said it, after the clause: ", the National Hurricane Center in Miami said.", and where
# and when, after the verb: ", Gov. DeSantis said at a news conference in Tallahassee on
# Thursday morning." (not what was said: ", officials said in a statement that …").
_ATTRIBUTION = re.compile(
    r",\s+\S[^,;:—–]{0,80}?\s(?:(?:said|says|told\s+\w+)\b(?:[^,;]{0,25}?|"
    r"\s+(?:at|in|during|from)\s(?:(?!\b(?:that|will|would|was|were|had)\b)[^,;]){0,80}?)|"
    r"reported|announced)"
    r"[.!?\"”]*$"
)
_APPOSITION = re.compile(r",\s(?:the|a|an)\s[A-Z][\w'’-]*(?:\s[A-Z][\w'’-]*){0,3},")
"""A name in apposition between commas ("a rail tunnel under the strait, the Marmaray, opened"):
no clause break."""
_BUT = re.compile(
    r",\s+(?=(?:but|yet|whereas|and)\s)|;\s+|"
    # "Milton hit two weeks | after Hurricane Helene came ashore … on Sept. 26"
    r"\b(?:hours|days|weeks|months|years)\s+after\s+"
)
_AND_PAST = re.compile(r"\s+(?=and\s+(?P<verb>[a-z]+)\s)")
# "… began on July 15 | and opening statements were heard two days later": "and", a subject of
# its own (a few words, none a verb in the past) and "was" or "were" before the next date.
_AND_SUBJECT_PAST = re.compile(
    r"\s+(?=and\s+(?:(?:the|a|an|its|their|his|her)\s+)?(?:[A-Za-z][\w'’-]*\s+){0,2}?"
    r"(?!(?:was|were|had|it|he|she|they)\b)[A-Za-z][\w'’-]*\s+(?:was|were)\s+(?!not\b)[a-z]{3,})"
)
_AND_IN_A_PLACE = re.compile(r",?\s+(?=and\s)")  # (what follows: `_a_gapped_clause`)
# A clause with its verb left out: "and in Madrid", "and Bern", "and in September"
_GAPPED = re.compile(r"and\s+(?:then\s+|later\s+|again\s+)?(?P<prep>(?:in|at)\s+)?(?=[A-Z])")
_TO_ITS_DATE = re.compile(r"\s+(?:in|on|during)\s+")


def _a_gapped_clause(text: str, places: list[PlaceMention], at: int, date: DateMention) -> bool:
    """Whether the text from `at` is a clause with its verb left out, a place and `date` alone:
    "and in Madrid in September", "and Bern in June 2023", "and in September in Madrid"."""
    gap = _GAPPED.match(text, at)
    if gap is None:
        return False
    named = next((m for m in places if m.start == gap.end() and not m.demonym), None)
    if named is not None:  # the place, then its date
        between = text[named.end : date.start]
        return bool(gap["prep"]) and not between.strip() or bool(_TO_ITS_DATE.fullmatch(between))
    if date.start <= gap.end() - (len(gap["prep"] or "")):  # the date, then its place
        return any(
            m.start > date.end and re.fullmatch(r"\s+(?:in|at)\s+", text[date.end : m.start])
            for m in places
        )
    return False


_AND_AHEAD = re.compile(
    r"\s+(?=and\s+(?:will|shall|(?:is|are)\s+(?:set\s+|due\s+|expected\s+|scheduled\s+)?to|"
    r"plans?\s+to)\b)"
)
_REFERS_BACK = re.compile(r"\b(?:it|there|the\s+(?:city|town|village|region|country))\b")
_A_PLACE_NAMED_BEFORE = re.compile(
    r"\b(?:there|the\s+(?:city|town|village|region|country|capital|island|port))\b", re.I
)
_NEGATED = re.compile(
    r"\b(?:did\s+not|didn['’]t|never|(?:has|have|had)\s+not|hasn['’]t|haven['’]t|refused\s+to|"
    r"declined\s+to)\s+[a-z]+"
)
_THE_REGION = re.compile(r"\bthe\s+(?:same\s+)?(?:region|state|province)\b(?!\s+of\b)", re.I)
_REFERS_BACK_ANY = re.compile(_REFERS_BACK.pattern, re.I)  # "It became", "The country"
_SUBORDINATE = re.compile(r"(?:until|before|after|when|although|though)\b")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def _full_day(mention: DateMention) -> bool:
    """A day written with its month and year ("March 3, 2024", "3 March 2024")."""
    return mention.kind == EXPLICIT and mention.span.precision is Precision.DAY


# What is estimated, projected or may be, not what happened or is scheduled: "Analysts
# estimate that Taiwan will make about 44% of the world's chips in 2027", "Sales are expected
# to reach $1 trillion by 2030", "The sea could rise a metre by 2100", "… will account for 30%
# of sales in 2030"; not "Leaders will meet on Dec. 18", "The plant is expected to open in 2027".
_FORECAST = re.compile(
    r"\b(?:estimates?|estimated|forecasts?|projects?|projected|predicts?|predicted|"
    r"anticipates?|expects?)\s+(?:that\s+)?[^.;]*?\b(?:will|would|could|might)\b|"
    # "is expected to reach", "expects growth to reach", "forecast sales to top"
    r"\b(?:(?:is|are|was|were|be)\s+(?:expected|projected|forecast|predicted|estimated|likely|"
    r"poised)\s+|(?:expects?|expected|projects?|projected|forecasts?|predicts?|predicted)\s+"
    r"(?:\w+\s+){1,4}?)"
    r"to\s+(?:reach|grow|rise|fall|top|exceed|hit|double|triple|climb|decline|drop|surpass|"
    r"increase|decrease|shrink|total|account|make|cost|number)\b|"
    r"\b(?:could|might)\s+(?!not\b|have\b)|"
    # "The IMF forecasts growth of 2% in 2027", "Economists expect a recession in 2026"
    r"\b(?:forecasts?|predicts?|projects?|expects?|anticipates?|sees)\s+(?:an?\s+|the\s+)?"
    r"(?:[\w-]+\s+){0,2}?(?:growth|rebound|recession|decline|rise|fall|increase|drop|surplus|"
    r"deficit|inflation|slowdown|recovery|contraction|expansion|shortfall)\b|"
    r"\b(?:will|would)\b[^.;,]*?\d(?:[\d.,]*)\s*(?:%|percent\b|per\s+cent\b)",
    re.I,
)


def _a_forecast(clause: str, dated_until: int | None = None) -> bool:
    """Whether a dated clause tells a forecast, an estimate or what may be (see `_FORECAST`);
    `dated_until`: where its last date ends in it."""
    return any(
        not (
            m[0][:5].lower() in ("could", "might")
            and _PAST_ABILITY.search(clause, max(0, m.start() - 40), m.start())
        )
        # "… reported 2,400 new cases in the week to Sunday, the WHO said on Tuesday, warning
        # that the rains could accelerate the outbreak": what was warned of, after the news
        and not _WARNED_AFTER.search(clause, 0, m.start())
        # "Habeck, speaking in Berlin on Monday, had warned that a cap could divert supplies":
        # what he warned of, its dates all before he warned, when he warned
        and not (
            dated_until is not None
            and (said := _WARNED_THAT.search(clause, dated_until, m.start())) is not None
            and not _FORECAST_WORD.search(clause, 0, said.start())
        )
        for m in _FORECAST.finditer(clause)
    )


_WARNED_THAT = re.compile(
    r"\b(?:had\s+)?(?:warned|said|told\s+\w+|argued|cautioned|feared|claimed|insisted|"
    r"acknowledged|conceded)\b",
    re.I,
)
_FORECAST_WORD = re.compile(
    r"\b(?:estimates?|estimated|forecasts?|projects?|projected|predicts?|predicted|expects?|"
    r"expected|anticipates?)\b",
    re.I,
)


_WARNED_AFTER = re.compile(
    r",\s+(?:warning|saying|adding|cautioning|noting)\b(?:\s+that)?[^,;]*,?[^,;]*$", re.I
)


# "… fled before troops could reach the town on Monday", "… so that aid could arrive": what
# could be done then, in the past, not what may be.
_PAST_ABILITY = re.compile(r"\b(?:before|until|so\s+that|so|once|when)\s+[^,;]*$", re.I)


def _yardstick_before(text: str, start: int, mention: DateMention) -> re.Match[str] | None:
    """The yardstick a date is told by, if any ("the worst since 1957"); with its "since"
    when the date's words hold it ("for the first time since 2022", read as "since 2022")."""
    end = mention.start
    if (own := re.match(r"since\s+", mention.text, re.I)) is not None:
        end += own.end()
    return _YARDSTICK.search(text, start, end)


_YARDSTICK = re.compile(
    r"(?:\b(?:most|highest|lowest|worst|largest|biggest|deadliest|strongest|heaviest|hottest|"
    r"coldest|wettest|first|longest)\b[^.;]{0,30}\bsince(?:\s[^.;,]{1,70}?(?=\s(?:in|on)\s))?|"
    r"\brecords?\s+(?:set|began)|\brecord[-\s]keeping\s+began|"
    # "won 33 seats, up from 22 in 2021", "compared with 1.2 million in 2019", "than in 2019"
    r"\b(?:(?:up|down)\s+from|compared\s+(?:with|to))\s(?:[^.;,]|(?<=\d)[.,](?=\d)){0,40}?|"
    r"\bthan)"
    r"\s+(?:(?:in|on)\s+)?$",
    re.I,
)


def _date_phrase(text: str, start: int, end: int, dates: list[DateMention]) -> bool:
    """Whether `text[start:end]` is a connector and a date, alone or with what is said of it
    and no verb ("until 2030, the latest setback for the chipmaker", "before May."): not "until
    the army retook it in November" (a clause), nor "and another in Guerrero in May" (after
    "and" a verb may be left out: a second event)."""
    connector = _SUBORDINATE.match(text, start)
    if connector is None:
        return False
    at = len(text) - len(text[connector.end() :].lstrip())
    date = next((d for d in dates if d.start == at), None)
    if date is None:
        return False
    rest = text[date.end : end]
    return not rest.strip(" ,.;!?") or (rest.startswith(",") and not has_a_verb(rest))


def _names_a_place(places: list[PlaceMention], start: int, end: int) -> bool:
    return any(start <= m.start < end and not m.demonym for m in places)


def _has_words(text: str, start: int, end: int, dates: list[DateMention]) -> bool:
    """True when `text[start:end]` says something besides its dates: two words outside them
    ("Troops left in 1991"), not one ("During the 1990s", "In 1991")."""
    words = [
        m for m in _WORD.finditer(text, start, end)
        if not any(d.start <= m.start() < d.end for d in dates)
    ]  # fmt: skip
    return len(words) >= 2


def _paragraph_drafts(
    units: list[_Unit], dates: list[DateMention], published: int | None, news: bool,
    current: TimeSpan | None, story: list[PlaceMention] | None = None,
    titled: list[PlaceMention] | None = None, country: PlaceMention | None = None,
) -> list[_Unit]:  # fmt: skip
    titled = titled or []
    # A statement dated "last week" with no publication date to count from: its date is
    # unknown, not missing. It must not borrow another date, nor lend its places to another
    # event (it happened at some other time).
    units = [u for u in units if u.dates or not u.relative]
    # "Analysts estimate that Taiwan will make about 44% of the world's chips in 2027": a
    # forecast is no event, nor the context of one; the paragraph is about what may be.
    forecasts = any(u.forecast for u in units)
    units = [u for u in units if not u.forecast]
    for unit in units:
        if news and unit.aside_dated:
            # "Pezeshkian, who beat Jalili in the 2024 runoff, said Iran would sign the pact":
            # in news, what he said is not of the aside's year; the clause has no date of its
            # own (it goes on with the story's), the aside's is an alternative.
            unit.aside_dates, unit.dates = unit.dates, []
    dated = [u for u in units if u.dates]
    for position, unit in enumerate(units):  # a dated sentence with no place: the one before
        if (
            unit.dates
            and unit.places
            and story
            and unit.names_a_place_before
            and all(m.demonym for m in unit.places)
            and not any(not m.demonym for u in units[:position] for m in u.places)
        ):
            # "The city survived sieges by Avars and Persians in 626", a paragraph after
            # Constantinople's: the city the story was in, not Persia, which is an alternative.
            unit.places = [*story, *unit.places]
        if unit.dates and not unit.places:
            earlier = [u for u in units[:position] if u.places]
            if earlier:
                # "Greece won its independence in 1830. Reformers launched the Tanzimat in
                # 1839": a place that acted is who did it, not where the next one happened,
                # unless the sentence refers back to it ("it", "the country").
                before = earlier[-1]
                unit.places = [
                    m for m in before.places
                    if (unit.refers_back or m not in before.actors)
                    # ("Qatari Emir Sheikh Tamim arrived", after "Iranian Supreme Leader Ali
                    # Khamenei sent a message": not Iran either)
                    and not (unit.whose_people and m.demonym)
                ]  # fmt: skip
            if not unit.places and unit.quoted and news and story:
                # '"We have never seen water like this," the county's director said at a
                # briefing on Saturday', after a paragraph on Asheville: said where the story
                # was, not in the place the headline starts from.
                unit.places = list(story)
            if not unit.places and unit.whose_people and news and story:
                # "Turkish President Recep Tayyip Erdogan hosted the summit" in a story from
                # Istanbul titled "Black Sea summit opens": where the story was, not the title's
                # place, nor Turkey (see below).
                unit.places = _story_but_whose(unit, story)
            if not unit.places and unit.says_the_region and story:
                # "Rescuers flew over the region on Thursday", after a paragraph on Rio Grande
                # do Sul: the region (or state) the story was in, not Brazil, whose title says.
                unit.places = [m for m in story if m.best.kind in (REGION, STATE)][:1]
            if not unit.places and titled:
                # Else, the place the story is about, which its title names ("The Ottoman
                # Empire: six centuries in brief").
                unit.places = list(titled)
            elif not unit.places and unit.displaced and story:
                # "Traore's government expelled French troops": a clause that names only whose
                # people acted, first in its paragraph, happened where the story was; not in
                # those countries ("Armenian Prime Minister Nikol Pashinyan and Azerbaijani
                # President Ilham Aliyev shook hands", after a lead in Armenia, Azerbaijan and
                # Washington), which are alternatives.
                unit.places = _story_but_whose(unit, story)
            elif not unit.places and country:
                # "Goita was granted a new five-year term last month" in a story from Bamako,
                # Mali, that names Mali most: the story's country.
                unit.places = [country]
            if not unit.places and unit.whose_leaders:
                # "Armenian Prime Minister Nikol Pashinyan resigned on Friday", with no story,
                # title or dateline to say where: his country, rather than no event
                unit.places = list(unit.whose)
    drafts = [u for u in dated if u.places or u.speakers or u.ended]
    if not drafts:
        if forecasts:
            # "Not everyone is convinced the plants will loosen Taiwan's grip. Analysts
            # estimate …": around a forecast, no undated event either.
            return []
        for unit in units:
            if unit.whose_people and story:
                # "Armenian Prime Minister Nikol Pashinyan and Azerbaijani President Ilham
                # Aliyev shook hands in the East Room. The deal reopens …": undated, it goes on
                # where the story was, not in those countries (see above).
                unit.places = _story_but_whose(unit, story)
        with_places = [u for u in units if u.places]
        if not any(not m.demonym for u in with_places for m in u.places):
            # '"A good day," said Jörgen Warborn, a Swedish lawmaker': with no date and no place
            # but who is whose ("Swedish", "Iranian leaders"), nothing says where it happened.
            return []
        if all(u.quoted for u in units):
            # '"The military leaders promised security …," said Ulf Laessing … from Bamako':
            # with no date, a quotation is what someone said, not an event.
            return []
        if all(u.present for u in units):
            # "Turkey lies on major fault lines", "The parliament sits in Strasbourg": with no
            # date, what is so in the present is no event.
            return []
        head = with_places[0]
        followed = any(u.followed for u in units)
        inherited = _undated_paragraph_date(head, dates, published, news, current, followed)
        if inherited is None:
            return []
        head.inherited = inherited
        head.context = [u for u in with_places[1:]]
        return [head]
    for unit in units:
        if unit.dates or not unit.places or unit.negated:
            # ("Hamas negotiators arrived from Doha on Monday. Israel did not send a
            # delegation": what did not happen lends the event no place)
            continue
        nearest = min(drafts, key=lambda d: (abs(d.start - unit.start), d.start > unit.start))
        nearest.context.append(unit)
    return drafts


def _tells_in_the_past(text: str) -> bool:
    """Whether a clause tells what happened ("Hurricane Milton made landfall near Siesta Key,
    officials said"), not what will be ("… will make landfall", "is expected to")."""
    return any(a_past_verb(w) for w in re.findall(r"[a-z]+", text)) and not _AHEAD.search(text)


_AHEAD = re.compile(
    r"\b(?:will|shall|would|(?:is|are)\s+(?:expected|set|due|forecast|scheduled|to))\b", re.I
)


def _dateline_day(article: Article, published: int | None) -> tuple[TimeSpan, str] | None:
    """The day a dateline gives ("VALENCIA, Spain, Oct 29 (Reuters) -"), with why, for a lead
    with no date of its own: when it is publication's or one of the week before. A dateline
    without its day ("SIESTA KEY, Fla. (AP) —") gives publication's day or the day before."""
    if published is None:
        return None
    if not article.dateline_date:
        if not article.dateline:
            return None
        return TimeSpan.from_days(published - 1, published), (
            "No date in the lead: a datelined lead told in the past is the news of publication's "
            "day or the day before. Check it."
        )
    found = find_dates(article.dateline_date, published)
    if not found or found[0].span.start != found[0].span.end:
        return None
    day = found[0].span.start
    if not published - 7 <= day <= published:
        return None
    return found[0].span, (
        f"No date in the lead: the day its dateline gives, “{article.dateline_date}”. Check it."
    )


def _story_but_whose(unit: _Unit, story: list[PlaceMention]) -> list[PlaceMention]:
    """The places of the story so far, but those the clause names as whose people acted
    ("Armenian", "Azerbaijani"); all of them if none is left."""
    # ("Ukraine's Foreign Minister Dmytro Kuleba": not Ukraine either)
    whose = {m.best.entry.key for m in unit.displaced if m.demonym or m in unit.whose}
    # (nor the story's own adjectives: "Turkish President … visited Berlin. French President
    # Emmanuel Macron arrived on Saturday" is Berlin, not Turkey too)
    named = [m for m in story if not m.demonym] or story
    return [m for m in named if m.best.entry.key not in whose] or list(named)


def _undated_paragraph_date(
    unit: _Unit, dates: list[DateMention], published: int | None, news: bool,
    current: TimeSpan | None, followed: bool = False,
) -> tuple[TimeSpan, str] | None:  # fmt: skip
    if (
        news
        and published is not None
        and current is not None
        and (
            abs(current.start - published) <= _RECENT_DAYS
            or abs(current.end - published) <= _RECENT_DAYS
        )
    ):
        return current, (
            f"No date in the paragraph: it goes on with the story of the paragraph before "
            f"({current.describe()}), told near publication. Check it."
        )
    if news and published is not None and current is not None and followed:
        # "In the years that followed, … Soldiers held prisoners in the national stadium in
        # Santiago" after the coup of 1973: it goes on with the history the story was telling.
        return current, (
            f"No date in the paragraph: it tells what followed the paragraph before "
            f"({current.describe()}). Check it."
        )
    if news and published is not None:
        return (
            TimeSpan.from_days(published - 365, published),
            "No date in the paragraph: a news report's undated statements are taken to be from "
            "the year before publication. Check it.",
        )
    earlier = [m for m in dates if m.end <= unit.start]
    if earlier and earlier[-1].kind == _UNPLACED:
        return None  # the story went on at a time nobody can place
    if earlier:
        last = earlier[-1]
        return last.span, f"No date in the paragraph: continues the previous date, “{last.text}”."
    return None


# --- units → drafts ----------------------------------------------------------------------------


def _to_drafts(
    article: Article, units: list[_Unit], gaz: Gazetteer, story: list[PlaceMention]
) -> list[Draft]:
    text = article.text
    drafts: list[Draft] = []
    used: set[str] = set()
    far = far_small_namesakes(gaz, story)  # not offered: "Moscow, Idaho" in a story of Russia
    for unit in units:
        mentions = list(unit.places) + [m for c in unit.context for m in c.places]
        # (no place told before "after the collapse of the Soviet Union": the state is the one)
        places, alternatives, place_trust = _choose_places(
            mentions or unit.speakers or unit.ended, gaz, far
        )
        for speaker in unit.speakers if mentions else []:
            place = gaz.place(speaker.best.entry)
            if all(p.id != place.id for p in [*places, *alternatives]):
                alternatives.append(place)
        for mention in unit.displaced:
            place = gaz.place(mention.best.entry)
            if all(p.id != place.id for p in [*places, *alternatives]):
                alternatives.append(place)
        if not places:
            continue
        if unit.dates:
            main = unit.dates[0]
            finer = [
                m for m in unit.dates[1:]
                if m.kind == FROM_PREVIOUS
                and m.start > main.start
                and main.span.start <= m.span.start <= m.span.end <= main.span.end
                and m.span.end - m.span.start < main.span.end - main.span.start
            ]  # fmt: skip
            if finer:
                # "Last year the two sides held talks in Stockholm in July": July of that year
                main = finer[0]
            time, date_text, note = main.span, main.text, main.note
            alternatives_t = [*main.alternatives, *(m.span for m in unit.dates if m is not main)]
            date_trust = _DATE_TRUST.get(main.kind, 0.6)
            if main.kind == FROM_PUBLISHED and unit.inherited is None:
                note = note or "counted from the publication date"
        else:
            time, note = unit.inherited  # type: ignore[misc]
            date_text, date_trust = "", _INHERITED_TRUST
            alternatives_t = (
                [TimeSpan.parse(iso_from_day(time.end))] if time.start != time.end else []
            )
            alternatives_t += [m.span for m in unit.aside_dates]
        body = text[unit.start : unit.end]
        # A period named as what acted or was entered ("The Crimean War … saw", "entered the
        # First World War") stays in the title; after "in", "during"… it goes as a date does.
        offsets = [
            (m.start - unit.start, m.end - unit.start)
            for m in unit.dates
            if m.kind != NAMED or _PERIOD_AS_TIME.search(text, max(0, m.start - 12), m.start)
        ]
        told = body
        now = _NOW_CLAUSE.search(body)
        if now and offsets and all(b <= now.start() for _a, b in offsets):
            told = body[: now.start()]  # the title is the dated clause's, not what is now
        title = title_for(*_dated_clause(told, offsets), gaz.names_a_region, unit.subject)
        if unit.gapped_after is not None and (predicate := _predicate_of(unit.gapped_after)):
            # "… held talks in Stockholm in July and in Madrid in September": the verb left
            # out is the clause before's ("The two sides held talks in Madrid"; "… met in
            # Oslo in May and Bern in June": "The envoys met in Bern")
            lead, preposition = predicate
            if re.match(r"(?:In|At)\s", title):
                title = f"{lead} {title[:1].lower()}{title[1:]}"
            else:
                title = f"{lead} {preposition} {title}"
        unit.title = title
        later = _dated_predicate(told, offsets, gaz)
        if later and later[0].split()[len(later[2].split())] not in title.split():
            # "Mustafa Kemal, later known as Ataturk, led a nationalist movement from Ankara and
            # proclaimed the Republic of Turkey on Oct. 29, 1923": the title cut before what the
            # date tells is that of the dated predicate ("Mustafa Kemal proclaimed …").
            title = title_for(later[0], later[1], gaz.names_a_region)
        draft_id = _unique_id(slugify(title), used)
        drafts.append(
            Draft(
                id=draft_id, excerpt=Excerpt(body, unit.start, unit.end), time=time,
                places=places, title=title, category=category_for(body),
                actors=_who_acts(body, gaz, text),
                confidence=round(max(0.05, min(1.0, date_trust * place_trust)), 2),
                time_alternatives=_dedupe_times(alternatives_t, time),
                place_alternatives=alternatives,
                context=[Excerpt(text[c.start : c.end], c.start, c.end) for c in unit.context],
                date_text=date_text, date_note=note,
            )
        )  # fmt: skip
    return drafts


_WHERE = re.compile(r",?\s(?:where|when)\s")
_WHICH_ASIDE = re.compile(
    r"(?P<subject>[A-Z][\w'’.-]*(?:\s[A-Z][\w'’.-]*){0,3}),\s(?:which|who)\s"
    r"(?P<verb>(?:[^,;]|,(?=\s\d))+),\s(?=[a-z])"
)


_WHERE_ASIDE = re.compile(
    r"(?P<subject>[A-Z][\w'’.-]*(?:\s[A-Z][\w'’.-]*){0,3}),\s(?:where|when)\s"
    r"(?P<clause>(?:[^,;]|,(?=\s\d))+),\s(?=[a-z])"
)


def _dated_clause(body: str, offsets: list[tuple[int, int]]) -> tuple[str, list[tuple[int, int]]]:
    """The part of a draft's sentence its title is made of: the sentence, or, when it says what
    is and its date lies in a "where" or "when" clause, that clause ("Most of TSMC's production
    remains in Hsinchu, where the company was founded in 1987": "The company was founded")."""
    if not offsets:
        return body, offsets
    first = offsets[0][0]
    aside = _WHICH_ASIDE.match(body)
    if (
        aside
        and aside.start("verb") <= first < aside.end("verb")
        and tells_what_is(body[aside.end() :])
    ):
        # "Hurricane Katrina, which struck New Orleans in 2005, remains the most expensive":
        # what happened then is the aside's ("Hurricane Katrina struck New Orleans").
        cut = aside.start("verb") - len(aside["subject"]) - 1
        clause = f"{aside['subject']} {aside['verb']}"
        return clause, [(a - cut, b - cut) for a, b in offsets if a < aside.end("verb")]
    aside = _WHERE_ASIDE.match(body)
    if (
        aside
        and aside.start("clause") <= first < aside.end("clause")
        and tells_what_is(body[aside.end() :])
        and has_a_verb(aside["clause"])
    ):
        # "Adrianople, where the Goths defeated the emperor Valens in 378, is now Edirne": what
        # happened then is the aside's ("The Goths defeated the emperor Valens").
        cut = aside.start("clause")
        return aside["clause"], [(a - cut, b - cut) for a, b in offsets if a < aside.end()]
    if found := _object_relative(body, offsets):
        return found
    where = [m for m in _WHERE.finditer(body, 0, first)]
    if not where or not tells_what_is(body[: where[-1].start()]):
        return body, offsets
    cut = where[-1].end()
    clause = body[cut:]
    if not has_a_verb(clause):
        return body, offsets
    return clause, [(a - cut, b - cut) for a, b in offsets if a >= cut]


_WHICH_ITS_SUBJECT = re.compile(
    r",\s(?:which|whom)\s(?=(?:[A-Z]|(?:the|a|an|his|her|its|their|he|she|they|it|we)\s))"
)
_DETERMINER = re.compile(r"\b(?:the|a|an|its|his|her|their)\s")
_NAME_AT_END = re.compile(r"(?:[A-Z][\w'’.-]*\s)*[A-Z][\w'’.-]*$")
_AUXILIARY = {"had", "was", "were", "has", "have", "is", "are", "been"}


def _object_relative(
    body: str, offsets: list[tuple[int, int]]
) -> tuple[str, list[tuple[int, int]]] | None:
    """When all a sentence's dates lie in a "which" clause whose subject is its own ("… led the
    reconstruction of the National Library in Sarajevo, which Serb shelling had burned in
    August 1992."): that clause, what "which" stands for put after its verb ("Serb shelling had
    burned the National Library in Sarajevo in August 1992"); None otherwise."""
    relative = None
    for m in _WHICH_ITS_SUBJECT.finditer(body, 0, offsets[0][0]):
        relative = m
    if relative is None:
        return _subject_relative(body, offsets)
    stop = body.find(", ", relative.end())
    while stop >= 0 and body[stop + 2 : stop + 3].isdigit():  # "Aug. 3, 1992"
        stop = body.find(", ", stop + 2)
    end = stop if stop >= 0 else len(body)
    if any(not relative.end() <= a < end for a, _ in offsets):
        return None
    thing = _antecedent(body, relative.start())
    if not thing:
        return None
    words = list(re.finditer(r"\S+", body[relative.end() : end]))
    verbs = [i for i, w in enumerate(words[:6]) if a_past_verb(w[0]) and w[0] not in _AUXILIARY]
    if not verbs or verbs[0] == 0:
        return None  # "which struck New Orleans": "which" is the subject
    verb = verbs[0]
    at = relative.end() + words[verb].end()  # after the verb: what "which" stands for goes there
    clause = f"{body[relative.end() : at]} {thing}{body[at:end]}"

    def moved(offset: int) -> int:  # a date after the verb moves on by what was put there
        return offset - relative.end() + (len(thing) + 1 if offset >= at else 0)

    return clause, [(moved(a), moved(b)) for a, b in offsets]


def _antecedent(body: str, at: int) -> str:
    """What a "which" at `at` stands for: the phrase from the last determiner or verb before
    it ("the National Library in Sarajevo", not "the reconstruction of …"; "JAXA's SLIM
    lander" after "The mission follows"), else the name before it; "" when not clear."""
    before = body[max(0, at - 80) : at]
    starts = [d.start() for d in _DETERMINER.finditer(before)]
    starts += [
        w.end() + 1
        for w in re.finditer(r"[a-z][\w'’]*", before)
        if (a_past_verb(w[0]) or w[0] in _PRESENT_VERBS) and w.end() < len(before)
    ]
    if starts and not re.search(r"[,;]", before[max(starts) :]):
        return before[max(starts) :].strip()
    named = _NAME_AT_END.search(before)
    return named.group() if named else ""


def _in_the_present(clause: str) -> bool:
    """Whether a clause says what is ("The mission follows JAXA's SLIM lander"): a verb in the
    present, none in the past."""
    words = re.findall(r"[a-z][\w'’]*", clause)
    return not any(a_past_verb(w) for w in words) and (
        tells_what_is(clause) or any(w in _PRESENT_VERBS for w in words)
    )


_PRESENT_VERBS = {"follows", "is", "are", "remains", "marks", "comes", "replaces", "joins"}
_WHICH_DID = re.compile(r",\s(?:which|who)\s(?=[a-z]+\s)")


def _subject_relative(
    body: str, offsets: list[tuple[int, int]]
) -> tuple[str, list[tuple[int, int]]] | None:
    """When a sentence says what is and all its dates lie in a "which" clause at its end ("The
    mission follows JAXA's SLIM lander, which touched down in January 2024"): that clause with
    what "which" stands for ("JAXA's SLIM lander touched down in January 2024")."""
    relative = None
    for m in _WHICH_DID.finditer(body, 0, offsets[0][0]):
        relative = m
    if (
        relative is None
        or not a_past_verb(body[relative.end() :].split(" ", 1)[0])
        or not _in_the_present(body[: relative.start()])
        or any(a < relative.end() for a, _ in offsets)
    ):
        return None
    thing = _antecedent(body, relative.start())
    if not thing:
        return None
    shift = len(thing) + 1 - relative.end()
    return f"{thing} {body[relative.end() :]}", [(a + shift, b + shift) for a, b in offsets]


_AND_A_PREDICATE = re.compile(r",?\s+and\s+(?=[a-z]+\s)")


def _dated_predicate(
    body: str, offsets: list[tuple[int, int]], gaz: Gazetteer
) -> tuple[str, list[tuple[int, int]], str] | None:
    """When a sentence's main date lies in a second predicate of its subject ("… led a movement
    from Ankara and proclaimed the Republic on Oct. 29, 1923"): that predicate with its subject
    ("Mustafa Kemal proclaimed the Republic …"), the dates' offsets in it, and the subject."""
    if not offsets:
        return None
    first = offsets[0][0]
    ands = list(_AND_A_PREDICATE.finditer(body, 0, first))
    if not ands or not a_past_verb(body[ands[-1].end() :].split(" ", 1)[0]):
        return None
    before = body[: ands[-1].start()]
    lead = title_for(before, [o for o in offsets if o[1] <= len(before)], gaz.names_a_region)
    words = lead.split()
    verb = next((i for i, w in enumerate(words) if a_past_verb(w)), 0)
    if verb == 0 or not any(w[:1].isupper() for w in words[:verb]):
        return None
    subject = " ".join(words[:verb])
    cut = ands[-1].end() - len(subject) - 1
    clause = f"{subject} {body[ands[-1].end() :]}"
    return clause, [(a - cut, b - cut) for a, b in offsets if a >= ands[-1].end()], subject


def _choose_places(
    mentions: list[PlaceMention], gaz: Gazetteer, far: set[tuple[str, str]] = frozenset()
) -> tuple[list[Place], list[Place], float]:
    """(places, alternatives, trust): named places first; country adjectives only if none. The
    readings in `far` (name's key, entry key) are not offered (see `far_small_namesakes`)."""
    named = [m for m in mentions if not m.demonym]
    chosen = named or mentions
    places: dict[str, Place] = {}
    alternatives: dict[str, Place] = {}
    trusts = []
    for mention in chosen:
        best = mention.best
        places.setdefault(best.entry.key, gaz.place(best.entry))
        if mention.ambiguous:
            second = mention.candidates[1].score
            trusts.append(min(1.0, 0.6 + 0.4 * (best.score - second) / max(best.score, 1e-6)))
        else:
            trusts.append(1.0)
        for other in mention.candidates[1:]:
            if far and (normalise(mention.text), other.entry.key) in far:
                continue
            alternatives.setdefault(other.entry.key, gaz.place(other.entry, qualified=True))
    if named:  # the country adjectives left out are alternatives
        for mention in mentions:
            if mention.demonym:
                alternatives.setdefault(mention.best.entry.key, gaz.place(mention.best.entry))
    for key in places:
        alternatives.pop(key, None)
    trust = sum(trusts) / len(trusts) if trusts else 0.0
    if not named:
        trust *= 0.85
    return list(places.values()), list(alternatives.values()), trust


def _who_acts(body: str, gaz: Gazetteer, text: str) -> list[str]:
    """Who acts in a sentence (see `actors_in`), but a town's name: "SAN ANTONIO, Texas (AP)",
    "a judge in San Antonio", or "Laredo" made "Nuevo Laredo" by the story's other name for a
    town, are where, not who."""
    return [a for a in actors_in(body, gaz.names_a_region, text) if not gaz.knows(normalise(a))]


def _dedupe_times(times: list[TimeSpan], main: TimeSpan) -> list[TimeSpan]:
    out: list[TimeSpan] = []
    for t in times:
        if t.edtf != main.edtf and all(t.edtf != o.edtf for o in out):
            out.append(t)
    return out


def _unique_id(base: str, used: set[str]) -> str:
    candidate, n = base, 2
    while candidate in used:
        candidate, n = f"{base[:56]}-{n}", n + 1
    used.add(candidate)
    return candidate
