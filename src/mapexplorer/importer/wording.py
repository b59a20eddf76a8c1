"""Words for a draft event: a short title from the sentence's main clause, a category guessed
from keywords, and the people and organisations named near it."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable

__all__ = [
    "a_past_verb", "actors_in", "asides_in", "attributive_weekday", "category_for", "has_a_verb",
    "reported_clause_start", "subject_of", "title_for",
]  # fmt: skip

TITLE_WORDS = 8
_NAME_ABBREVIATION = re.compile(r"(?:St|Ste|Mt|Ft|Pt|Gen|Lt|Col|Sgt|Capt|Dr|Gov|Sen|Rep)\.")
_LEADS = {
    "in", "on", "after", "before", "during", "since", "with", "when", "while", "although",
    "though", "regardless", "despite", "following", "by", "at", "from", "until", "recently",
    "earlier", "later", "last", "this", "as", "once", "amid", "within", "over", "under", "for",
    "meanwhile", "near", "outside", "across", "along", "off", "beyond", "according",
}  # fmt: skip
_CONJUNCTIONS = {"yet", "but", "and", "so", "then", "or", "while", "although", "though"}
_FUNCTION = {
    "the", "a", "an", "of", "in", "on", "at", "to", "for", "with", "and", "or", "but", "that",
    "which", "who", "by", "from", "as", "its", "their", "his", "her", "into", "than", "between",
    "amid", "after", "before", "was", "is", "were", "are", "be", "has", "have", "had", "it",
    "will", "would", "could", "this", "these", "those", "such", "some", "any", "not",
    # prepositions a title cut at eight words may end on ("… into central Brussels during")
    "during", "along", "across", "near", "toward", "towards", "against", "via", "despite",
    "among", "onto", "upon", "within", "throughout", "through", "about", "around", "without",
    "beyond", "behind", "beneath", "including", "alongside", "like", "per", "over", "under",
    "above", "below", "beside", "until", "till", "since",
}  # fmt: skip
# Adjectives and participles that a title cut before their "to" leaves saying nothing.
_WANTS_AN_INFINITIVE = {
    "expected", "likely", "unlikely", "due", "set", "able", "unable", "ready", "willing",
    "eager", "aimed", "designed", "intended", "meant", "poised", "scheduled", "slated",
    "planned", "bound", "keen", "reluctant", "prepared", "supposed", "determined",
}  # fmt: skip
_DIRECTION_OF = {
    "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
    "northeastern", "northwestern", "southeastern", "southwestern", "outskirts",
}  # fmt: skip
# Words that open a clause, which a title does not end on ("Kast held his final rally in
# Temuco while"): the clause after them was cut.
_CLAUSE_WORDS = {
    "while", "when", "whereas", "although", "though", "because", "unless", "if", "yet", "so",
    "where", "whether", "then", "since", "until", "once",
}  # fmt: skip
_PHRASE_END = re.compile(r"[,;:.!?)]$")
_POSSESSIVE_END = re.compile(r"\w['’]s$")
_SHORT_QUOTE = re.compile(r"“([a-z][\w'’-]*(?: [a-z][\w'’-]*){1,3})”")
"""A quoted expression of two to four words, not a name (names are finished as names)."""
_QUOTE_GLUE = "\u202f"  # joins a quoted expression's words (a date's are joined by U+00A0)
_PHRASE_REACH = 3
_PHRASE_AFTER = _LEADS | {
    "where", "to", "of", "into", "against", "versus", "across", "through", "throughout",
    "toward", "towards", "near", "between", "among", "along", "around", "about", "beyond",
    "behind", "without", "including", "via", "per", "and", "or", "but", "which", "who", "that",
    "because", "than",
}  # fmt: skip
"""Words a phrase ends before: "… flew over Canoas | and …", "… 2 even more plants | to …"."""
_SPEECH = (
    r"(?:says?|said|declares?|declared|claims?|claimed|believes?|believed|thinks?|stated|"
    r"reported|announced|argued|insisted|urges?|wrote|writes|told\s+\w+)"
)
# Who said it: no clause break, though an abbreviation's stop may stand in it ("Taiwan
# Semiconductor Manufacturing Co. said", "U.S. officials said").
_SPEAKER = r"(?:[^,.;]|\b(?:Co|Inc|Corp|Ltd|Gen|Sen|Rep|Gov|Lt|Col|Dr|Mr|Mrs|Ms|St|Jr|Sr|[A-Z])\.)"
# (and the day it was said, left in the title when it could not be placed: "it said last year
# that the factory would not open until 2030")
_WHEN_SAID = (
    r"(?:\s+(?:(?:last|this|next)\s+(?:week|month|year)|yesterday|earlier|recently|"
    r"on\s+[A-Z][a-z]+day|[A-Z][a-z]+day))?"
)
_ONLY_WHO_SAID_AFTER = re.compile(
    rf"(?:after|when|as|because|since|once)\s+(?P<clause>[^,;]+?),\s+{_SPEAKER}{{0,60}}?"
    rf"\b{_SPEECH}{_WHEN_SAID}\s*\.?$",
    re.I,
)
_FRAME = re.compile(rf"^{_SPEAKER}{{0,60}}?\b{_SPEECH}{_WHEN_SAID}\s+that[\s,]+", re.I)
_SAID_ASIDE = re.compile(
    rf",\s+{_SPEAKER}{{1,60}}?\s(?:said|says|told\s+\w+|added|reported){_WHEN_SAID}(?=,)"
)
# The same with the day it was said between the verb and "that" ("said on Monday that"):
# `gap` must hold only that date.
_FRAME_DATED = re.compile(rf"{_SPEAKER}{{0,60}}?\b{_SPEECH}(?P<gap>[^,.;]{{0,40}}?)\s+that\b", re.I)
# A frame without "that", before a pronoun and its verb ("Nordlys Energy said on Tuesday it had
# agreed to buy …"): not "reported it to the police", whose "it" is the object.
_FRAME_BARE = re.compile(
    rf"^(?P<who>{_SPEAKER}{{0,60}}?)\s(?:says?|said|announced|told\s+\w+){_WHEN_SAID}\s+"
    r"(?P<pronoun>(?i:it|he|she|they))\s+(?=(?:had|has|have|was|were|is|are|would|will|could|"
    r"planned|plans|agreed|expected|expects|intended|intends|[a-z]+ed)\b)"
)
_PROPER_NAME_AT_END = re.compile(r"(?:\b[A-Z][\w’'&.-]*\s+){0,3}\b[A-Z][\w’'&.-]*$")


def _without_bare_frame(text: str) -> str:
    """ "Norwegian turbine maker Nordlys Energy said it had agreed to buy …" → "Nordlys Energy
    had agreed to buy …": after a speaker of several words, the title's eight words would stop
    at "said"; what was said is the title, its pronoun the name of who said it when that ends
    with one (else the pronoun, capitalised)."""
    m = _FRAME_BARE.match(text)
    if m is None or len(m["who"].split()) < 4:
        return text  # "Intel said it would delay its factory …" tells it whole
    pronoun = m["pronoun"]
    name = _PROPER_NAME_AT_END.search(m["who"].strip())
    if name and pronoun.lower() != "they" and not name[0].startswith("The "):
        words = name[0].split()
        roles = [i for i, word in enumerate(words) if word.lower() in _ROLES]
        # "Interior Minister Ali Yerlikaya said he …": the man, without his role
        pronoun = " ".join(words[roles[-1] + 1 :] if roles else words) or pronoun
    else:
        # "Officials in the city of New Orleans said they would …": "Officials would …", who
        # said it up to its preposition, when it agrees with the pronoun
        head = _HEAD_OF_SPEAKER.match(m["who"])
        plural = bool(head) and head[0].rstrip().endswith("s")
        if head and (pronoun.lower() == "they") == plural:
            pronoun = head[0].rstrip()
    return pronoun[:1].upper() + pronoun[1:] + text[m.end("pronoun") :]


_HEAD_OF_SPEAKER = re.compile(
    r"(?:(?:the|a|an)\s+)?[\w’'-]+(?:\s[\w’'-]+)?(?=\s(?:in|of|at|for|from|with)\s)", re.I
)


# Spaces, not \s: a date kept whole in a title is joined by no-break spaces ("the Feb. 24, 2022
# invasion"), and its comma is no clause break.
_BREAK = re.compile(
    r",[ \t\n]|[ \t\n][—–][ \t\n]|;[ \t\n]|:[ \t\n]|"
    r"[ \t\n](?:which|who|whom|whose|that|when|while|because|although)[ \t\n]|"
    # a second predicate: "The quake hit at 8:04 p.m. | and was centered about 10 kilometers"
    r"[ \t\n]and[ \t\n](?=(?:was|were|is|are|has|have|had)[ \t\n])"
)
_RELATIVE = re.compile(r"[ \t\n](?:which|who|whom|whose|that)[ \t\n]")


def _clear_verb(text: str) -> bool:
    """Whether `text` holds a word that can only be a verb ("fell", "was", "weakened"), not
    only words that may be plural nouns ("buildings")."""
    return any(m.group().lower() not in _NOT_VERBS for m in _PAST_VERB.finditer(text))


_ROLES = {
    "president", "vice", "minister", "chancellor", "premier", "king", "queen", "prince",
    "challenger", "candidate", "rival", "leader", "incumbent", "governor", "mayor", "senator",
    "gov.", "sen.", "rep.", "gen.", "general", "secretary", "chief", "ceo", "chairman",
}  # fmt: skip


def _without_roles(words: list[str]) -> list[str]:
    """A subject of named people without the roles before their names, up to its verb
    ("Ecuadorean President Daniel Noboa and leftist challenger Luisa Gonzalez will …" →
    "Daniel Noboa and Luisa Gonzalez will …"); the words as they are when there is none."""
    verb = next(
        (i for i, w in enumerate(words) if not w[:1].isupper() and _VERB.fullmatch(w)), None
    )
    if verb is None:
        return words
    parts: list[list[str]] = [[]]
    for word in words[:verb]:
        if word == "and":
            parts.append([])
        else:
            parts[-1].append(word)
    kept = []
    for part in parts:
        roles = [i for i, w in enumerate(part) if w.lower() in _ROLES]
        name = part[roles[-1] + 1 :] if roles else part
        if not name or not all(w[:1].isupper() for w in name):
            return words
        kept.append(" ".join(name))
    return [*" and ".join(kept).split(" "), *words[verb:]]


def _relative_in_subject(words: list[str]) -> int:
    """How many words a relative clause inside the subject holds ("Many of the buildings
    | that fell on Sunday | had already been damaged"), from its pronoun to the main verb: they
    do not count towards a title's eight, which says what happened only with that verb. 0 when
    there is none, or it is long."""
    lowered = [w.lower().strip(",.;:") for w in words[:_SUBJECT_REACH]]
    at = next((i for i, w in enumerate(lowered) if w in _RELATIVES), None)
    if not at or _clear_verb(" ".join(words[:at])):
        return 0
    for end in range(at + 2, min(len(words), at + _RELATIVE_REACH + 1)):
        if _PAST_VERB.fullmatch(words[end]) and words[end] not in _NOT_VERBS:
            return end - at if not _PHRASE_END.search(words[end - 1]) else 0
    return 0


def _list_in_subject(words: list[str]) -> tuple[int, int]:
    """(the word the subject's list of names starts after, the words it adds) for a subject
    that names several ("The leaders of France | , Germany and the United Kingdom | met in
    Paris"): its comma is no clause break, and its names do not count towards a title's
    eight, which says what happened only with the verb after them. (0, 0) when there is none,
    or it is long."""
    first = next((i for i, w in enumerate(words[:_SUBJECT_REACH]) if w.endswith(",")), None)
    if not first or not words[first][:1].isupper() or _clear_verb(" ".join(words[:first])):
        return 0, 0
    at, joined = first + 1, False
    while at < min(len(words), first + 1 + _LIST_REACH):
        word = words[at]
        if word in ("and", "or") and not joined:
            joined = True
        elif word.lower() == "the" or (word[:1].isupper() and not word.endswith((".", ";", ":"))):
            if not word.endswith(",") and joined and at + 1 < len(words):
                following = words[at + 1]
                if _PAST_VERB.fullmatch(following) and following not in _NOT_VERBS:
                    return first + 1, at + 1 - (first + 1)
        else:
            return 0, 0
        at += 1
    return 0, 0


_LIST_REACH = 8  # the list's other names within as many words


_RELATIVES = {"that", "which", "who", "whom"}
_SUBJECT_REACH = 6  # the pronoun within the first words
_RELATIVE_REACH = 7  # the main verb within as many words after it


# "late" and "early" too: "made landfall late Thursday" is no "made landfall late".
_PREPOSITION_BEFORE = re.compile(
    r"\b(?:in|on|by|since|during|from|at|until|through|for|of|late|early)\s+$", re.I
)
_WEEKDAY_ALONE = re.compile(r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)")
_FROM_PUBLICATION = re.compile(
    r"(?:the\s+day\s+(?:before|after)\s+)?(?:yesterday|tomorrow)|today|tonight|last\s+night|"
    r"this\s+morning|(?:(?:earlier|later)\s+)?(?:last|this|next|past)\s+(?:week|month|year|decade)|"
    r"\w+\s+(?:days?|weeks?|months?|years?|decades?)\s+ago|recently|lately|"
    r"(?:last|this|next|coming)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|"
    r"(?:(?:over|at|on|during|for)\s+the|last|this|next|past|coming)\s+weekend",
    re.I,
)
"""Dates counted from publication: "officials said yesterday" is no title's "yesterday" (the
draft's date says which day, and the title is read long after)."""
_DETERMINER_BEFORE = re.compile(
    r"\b(?:the|a|an|its|their|his|her|our|this\s+week['’]s|last\s+week['’]s)\s+$", re.I
)
_POSSESSIVE_AFTER = re.compile(r"['’]s\b")


def attributive_weekday(text: str, start: int, end: int) -> bool:
    """Whether `text[start:end]` is a weekday that says which thing, not when: "the Monday
    morning meeting", "its Sunday service", "Friday's vote"."""
    return bool(
        _WEEKDAY_ALONE.fullmatch(text, start, end)
        and (_DETERMINER_BEFORE.search(text, max(0, start - 20), start)
             or _POSSESSIVE_AFTER.match(text, end))
    )  # fmt: skip


_TIME_OF_DAY_AFTER = re.compile(r"\s+(?:morning|afternoon|evening|night)\b", re.I)
"""What is left of "on Sunday morning" without its day: it goes with it."""
_APPOSITIVE = re.compile(
    r"(\b[a-z]+),\s(?:the\s)?[A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*){0,3}"
    # (with where it is: "Her best-known building, the Caspian Concert Hall in Baku, opened")
    r"(?:\s(?:in|of|on|at)\s[A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*){0,2})?,\s(?=[a-z])"
)  # after a common noun only: "In Paris, Texas, a rally …" keeps its town's state
_NAME_NOW = re.compile(
    r",\s(?:today['’]s|now|modern|modern-day|present-day|later)\s[A-Z][\w.'’-]*"
    r"(?:\s[A-Z][\w.'’-]*){0,3},\s(?=[a-z])"
)
_ASIDE_OPENS = (
    r"(?:(?:later|formerly|once|now|also|then|better|widely|originally|initially|previously|first)\s)?"
    # (", originally set for Oct. 28,": what was planned, not what happened)
    r"(?:who|which|whose|[a-z]+ed|known|led|born|built|held|won|sworn|chosen|set)"
)
# An aside's words, with the commas and stops of a date inside it ("who took office on Dec.
# 3, 2024,"): the comma before a year, the stop of an abbreviation before a day.
_ASIDE_WORDS = r"(?:[^,;.]|,(?=\s[12]\d{3}\b)|\.(?=\s\d))"
_ASIDE = re.compile(rf",\s{_ASIDE_OPENS}\s{_ASIDE_WORDS}{{3,140}},\s(?=[a-z])")
# ", speaking in Berlin on Monday,", ", working through the night,": in a title, what the
# subject was doing meanwhile (where it happened stays the clause's)
# (and where it is: "Madras, on the east coast, was founded")
_PARTICIPLE_ASIDE = re.compile(
    rf",\s(?:[a-z]{{3,}}ing|on|in|at|near|along|off)\s{_ASIDE_WORDS}{{3,140}},\s(?=[a-z])"
)
# ", who moved …,", ", which began …,", ", centered near Gaziantep,"
_DASH_ASIDE = re.compile(rf"\s(?:—|–|--)\s{_ASIDE_OPENS}\b[^—–;.]{{0,140}}?\s(?:—|–|--)\s(?=[a-z])")
# " — who beat Jalili in the 2024 runoff — ": an aside between dashes, its date gone or not
_BRACKET_ASIDE = re.compile(rf"\s\({_ASIDE_OPENS}\b[^()]{{0,140}}\)")
# " (elected in 2024)", " (which began in 2005)"
_AGE_ASIDE = re.compile(
    r",\s(?:(?:just|only|then|now|aged|age)\s)?\d{1,3}(?:\s(?:years?|months?)\sold)?,\s(?=[a-z])"
)
_SUBJECT_DESCRIBED = re.compile(
    rf"[A-Z][\w'’.-]*(?:\s[A-Z][\w'’.-]*){{0,3}}(?P<aside>,\s(?:a|an|the)\s{_ASIDE_WORDS}{{3,120}}?,\s)"
    r"(?=[a-z])"
)
_DESCRIBED_ASIDE = re.compile(
    rf",\s(?:a|an|the)\s[^,;.]{{1,60}}?\s(?:who|which|whose)\s{_ASIDE_WORDS}{{3,140}},\s(?=[a-z])"
)  # ", a reformist who beat Jalili in the 2024 runoff,"
_DESCRIBED = re.compile(
    # (a title before the name: "Opposition leader Anna Zielinska, a former mayor of Krakow,")
    r"^((?:(?:and|but|yet)\s)?[A-Z][\w'’.-]*(?:\s(?:[A-Z][\w'’.-]*|[a-z]+(?=\s[A-Z]))){0,4}),"
    r"\s(?:a|an|the)\s"
    r"(?:[^,;.]|(?<=\d)[,.](?=\d)|\.(?=\s\d)){3,140},\s(?=[a-z])"
)  # "France, the former colonial power, had sent", "Sindirgi, a town of about 30,000 people,"
# ("the leader believed to have planned the Oct. 7 attack,": a day's stop inside)


def _without_description(text: str) -> str:
    """ "Patricio Aylwin, a Christian Democrat, took office" → "Patricio Aylwin took office";
    not "Under Selim I, the Ottomans conquered Syria, and …" (a lead, and a clause)."""
    m = _DESCRIBED.match(text)
    if m is None or not _describes(m[1], text[m.end(1) : m.end()]):
        return text
    return f"{m[1]} {text[m.end() :]}"


def _describes(subject: str, description: str) -> bool:
    """Whether ", the Hamas leader believed to …," after `subject` says who or what it is: not
    after a lead ("On Tuesday, the storm formed …, and"), nor a clause of its own."""
    words = subject.split()
    if not words or words[-1].lower() in _LEADS or words[0].lower() in _LEADS:
        return False
    # "Pezeshkian, a reformist who beat Jalili in the runoff, met …": the verbs of a relative
    # clause are the description's.
    relative = re.search(r"\s(?:who|which|whose)\s", description)
    described = description[: relative.start()] if relative else description
    # "the Hamas leader believed to have planned the attack": a participle's phrase is the
    # description's too.
    return not has_a_verb(_PARTICIPLE_PHRASE.sub(" ", described))


_PARTICIPLE_PHRASE = re.compile(
    r"\b(?:[a-z]+ed|known|seen|thought|held)\s+(?:to|by|as|of|for)\b.*", re.S
)
_LED_BY = re.compile(r"\s(?:led|headed|commanded)\s+by\s+(?:[A-Z][\w'’-]*\.?\s+){1,5}(?=[a-z])")
_LAST_ASIDE = re.compile(r",\s(?:who|which|whose)\s[^;]{3,200}$")
_BARE_PARTICIPLE = re.compile(
    r",\s(?:(?:originally|initially|previously|first|once|later)\s)?"
    r"(?:[a-z]+ed|fought|held|built|born|won|begun|signed|made|seen|written|known|taken|"
    r"given|led|set|begun|drawn|sworn)\s?,\s(?=[a-z])"
)
_PREPOSITION_OPENS = re.compile(
    r"(?:in|on|by|since|during|from|at|until|around|about|approximately|roughly|circa)\s", re.I
)


_VERB = re.compile(
    r"\b(?:am|is|are|was|were|be|been|has|have|had|will|would|can|could|may|might|must|"
    r"shall|should|do|does|did|won['’]t|can['’]t|said|met|told|took|held|made|gave|went|came|"
    r"left|began|became|fled|fell|won|lost|sent|hit|struck|shot|wrote|spoke|saw|found|broke|"
    r"rose|ran|led|sank|brought|flew|fought|stood|swept|seized|spread|drew|grew|threw|knew|"
    r"blew|drove|rode|chose|froze|sold|bought|caught|taught|thought|felt|kept|built|spent|paid|"
    r"laid|tore|got|quit|set|put|cut|let|says|retook|overtook|undertook|withdrew|overran|"
    r"overthrew|rebuilt|beat|swore|shook|sought|hid|fed|[a-z]{2,}(?:ed|s))\b"
)
"""A finite verb, or a word that may be one ("rises", "supplies": a plural noun too)."""
_PAST_VERB = re.compile(_VERB.pattern.replace("(?:ed|s))", "ed)"))
"""A verb in the past, not a plural noun ("tore", "weakened"; not "officials")."""
_NOT_VERBS = {
    "its", "his", "hers", "ours", "theirs", "yours", "this", "thus", "as", "us", "whereas",
    "perhaps", "always", "across", "less", "unless", "towards", "afterwards", "besides",
    "sometimes", "nevertheless", "various", "previous", "serious", "famous", "numerous",
    "news", "series", "species", "red", "bed", "need", "seed", "speed", "hundred",
}  # fmt: skip


_PRESENT_OR_AHEAD = {
    "am", "is", "are", "be", "been", "has", "have", "will", "would", "can", "could", "may",
    "might", "must", "shall", "should", "do", "does",
}  # fmt: skip


def a_past_verb(word: str) -> bool:
    """Whether a word, in lower case, is a verb in the simple past ("proclaimed", "took", "was";
    not "officials", "red", "will")."""
    return (
        word.islower()
        and bool(_PAST_VERB.fullmatch(word))
        and word not in _NOT_VERBS
        and word not in _PRESENT_OR_AHEAD
    )


def has_a_verb(text: str, start: int = 0, end: int | None = None) -> bool:
    """Whether `text[start:end]` may hold a finite verb: "until 2030, the latest setback for
    the chipmaker" (an appositive) holds none, "until the war ends in 2030" does. Words that
    may be verbs count ("until 2030, the latest of many setbacks"): no clause is lost."""
    return any(
        m.group().lower() not in _NOT_VERBS
        for m in _VERB.finditer(text, start, len(text) if end is None else end)
    )


def reported_clause_start(
    text: str, start: int, end: int, dates: Iterable[tuple[int, int]]
) -> int | None:
    """Where the reported clause begins in a sentence that opens with who said it ("Police in
    Paris said on Monday that protesters marched on Jan. 20"): the title is that clause's,
    so is the date. None when the sentence does not open so."""
    m = _FRAME_DATED.match(text, start, end)
    if m is None:
        return None
    gap = text[m.start("gap") : m.end("gap")]
    for d_start, d_end in sorted(dates, reverse=True):
        if m.start("gap") <= d_start and d_end <= m.end("gap"):
            gap = gap[: d_start - m.start("gap")] + gap[d_end - m.start("gap") :]
    return m.end() if re.fullmatch(r"(?:\s|\bon\b)*", gap) else None


def asides_in(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Where asides about a subject are (", which began in 2005,"): their dates are not the
    clause's."""
    found = sorted(
        (a.start(), a.end())
        for pattern in (_ASIDE, _DASH_ASIDE, _BRACKET_ASIDE, _DESCRIBED_ASIDE)
        for a in pattern.finditer(text, start, end)
        # ", a reformist who beat Jalili," after a name; not ", the storm which formed near
        # Cuba hit Florida," after a lead ("On Tuesday")
        if pattern is not _DESCRIBED_ASIDE or _describes(text[start : a.start()], a[0][2:])
    )
    # "Yahya Sinwar, the Hamas leader believed to have planned the Oct. 7 attack, was killed":
    # who the subject is, after its name
    described = _SUBJECT_DESCRIBED.match(text, start, end)
    if (
        described
        and all(described.start("aside") >= b for _, b in found)
        and _describes(text[described.start() : described.start("aside")], described["aside"])
    ):
        found.insert(0, (described.start("aside"), described.end("aside")))
    # "…, which entered circulation on Jan. 1, 2002.": one that ends the clause
    last = _LAST_ASIDE.search(text, start, end)
    if last and all(last.start() >= b for _, b in found):
        found.append((last.start(), last.end()))
    return found


def title_for(
    text: str,
    dates: Iterable[tuple[int, int]] = (),
    names_a_region: Callable[[str], bool] | None = None,
    subject: str = "",
) -> str:
    """A short plain-English phrase from the main clause, up to about eight words,
    capitalised, without closing punctuation ("Russia introduced an army project in Syria").

    `dates` are (start, end) offsets within `text` of date expressions: a date that opens the
    sentence is dropped with its comma, and "in 2013" inside it is left out. `names_a_region`
    (a gazetteer's) lets an opening "In Paris, Texas," go whole, not leave "Texas, a rally…".
    `subject` is the sentence's, for a clause that has none of its own ("…, then tore north
    through Georgia": "Hurricane Helene tore north …").
    """
    text = _without_dates(text, dates)
    # "The Crimean War, fought from 1853 to 1856, saw …": the aside's date gone, its participle
    # alone says nothing.
    text = _BARE_PARTICIPLE.sub(" ", text, count=1)
    # A short quoted expression is one word to the cut: "the “thorough strategic partnership”
    # treaty" is not cut inside it ("… the thorough strategic").
    text = _SHORT_QUOTE.sub(lambda m: m[1].replace(" ", _QUOTE_GLUE), text)
    text = re.sub(r"[“”\"‘]|’(?!s)", "", text).strip()
    text = _without_bare_frame(_FRAME.sub("", text))
    # "Gen. Burhan, who moved his government to Port Sudan, vowed …": the aside goes, the
    # main clause stays (cut at the aside's comma, the title was "Army chief Gen. … Burhan").
    # "Leyla Demir, the Turkish architect whose halls reshaped skylines, died at her home in
    # Istanbul, her family said": what the subject is goes first, before "died …," is read as
    # an aside.
    text = _without_description(text)
    text = _ASIDE.sub(" ", text, count=1)
    # "Robert Habeck, speaking in Berlin on Monday, had warned …": what he was doing goes too,
    # between the subject and its verb (not "… struck Turkey, killing 12 people in Malatya,
    # officials said")
    if (
        (aside := _PARTICIPLE_ASIDE.search(text))
        and text.split(" ", 1)[0].lower() not in _LEADS
        and not any(
            a_past_verb(w) or w in _MODALS | _BE_HAVE for w in text[: aside.start()].lower().split()
        )
    ):
        text = text[: aside.start()] + " " + text[aside.end() :]
    # "The Ottoman sultan Mehmed II, just 21 years old, laid siege …": the age goes too.
    text = _AGE_ASIDE.sub(" ", text, count=1)
    text = _DASH_ASIDE.sub(" ", text, count=1)
    text = _BRACKET_ASIDE.sub("", text, count=1)
    # "the UN secretary general, António Guterres, was shuttling …": the name in apposition
    # goes, as the aside does ("The first ship, the Razoni, left Odesa").
    text = _APPOSITIVE.sub(r"\1 ", text, count=1)
    # "The Tang capital Chang'an, today's Xi'an, had …": its name now goes too.
    text = _NAME_NOW.sub(" ", text, count=1)
    # "Patricio Aylwin, a Christian Democrat, took office": who or what the subject is goes.
    text = _without_description(text)
    # "The armed forces led by Gen. Augusto Pinochet bombed …": who led them goes too.
    text = _LED_BY.sub(" ", text, count=1)
    # "A spokesman, Lin Jian, said that Beijing will act": the frame shows once the name goes.
    text = _FRAME.sub("", text)
    # "Turnout was 64%, Elections Canada said, down from 67%": who said it, set off inside the
    # sentence, is no part of what happened ("The storm, officials said, destroyed …")
    if aside := _SAID_ASIDE.search(text):
        before = text[: aside.start()]
        if _clear_verb(before):  # "Turnout was 64%, down from 67%": the comma stays
            text = before + text[aside.end() :]
        else:  # "The storm destroyed …"
            text = before + " " + text[aside.end() + 1 :].lstrip()
    # "after neither won outright in the first round, the council said": with only who said it
    # after it, the clause after "after" is what the title tells.
    if said_after := _ONLY_WHO_SAID_AFTER.match(text):
        text = said_after["clause"]
    text = _main_clause(text, names_a_region)
    first = text.split(" ", 1)[0]
    if subject and first.islower() and _PAST_VERB.fullmatch(first) and first not in _NOT_VERBS:
        text = f"{subject} {text}"
    elif subject and first.lower() in _PASSIVE_LEADS:
        # "Born in Mostar in 1936," a clause of its own before "Kovač studied …"
        text = f"{subject} was {first.lower()} {text.split(' ', 1)[1] if ' ' in text else ''}"
    words = [w for w in re.split(r"[ \t\n]+", text) if w]
    # "Ecuadorean President Daniel Noboa and leftist challenger Luisa Gonzalez will face …":
    # a subject that fills the title goes without its roles ("Daniel Noboa and Luisa Gonzalez").
    if not has_a_verb(" ".join(words[:TITLE_WORDS]).lower()):
        words = _without_roles(words)
    list_from, list_words = _list_in_subject(words)
    budget = TITLE_WORDS + _relative_in_subject(words) + list_words
    cut, counted = [], 0
    for word in words:  # eight words, a quoted expression's each counted
        if counted >= budget:
            break
        cut.append(word)
        counted += word.count(_QUOTE_GLUE) + 1
    limit = len(cut)
    # A name the cut falls inside is finished ("… a UNESCO World Heritage Site", not "… World"),
    # and so is one after a word that says which part ("… marched through central | Lima").
    if (
        len(cut) < len(words)
        and cut[-1].lower() in _PART_OF_A_PLACE
        and words[len(cut)][:1].isupper()
    ):
        cut.append(words[len(cut)])
    while (
        len(cut) < min(len(words), limit + 3)
        and cut[-1][:1].isupper()
        # ("… floodwaters in St. | Petersburg": an abbreviation's stop ends no name)
        and (not cut[-1].endswith((",", ".", ";", ":")) or _NAME_ABBREVIATION.fullmatch(cut[-1]))
        and words[len(cut)][:1].isupper()
    ):
        cut.append(words[len(cut)])
    # A people's adjective is finished with its noun ("… coined by the German | geographer").
    if (
        len(cut) < len(words)
        and _PEOPLES_ADJECTIVE.fullmatch(cut[-1])
        and re.fullmatch(r"[a-z]+[,.;:]?", words[len(cut)])
        and words[len(cut)].strip(",.;:") not in _FUNCTION | _CLAUSE_WORDS
    ):
        cut.append(words[len(cut)])
    # A phrase that ends a few words past the cut is finished ("… hit by a major quake,", not
    # "… hit by a major"; "… Richthofen coined the name Seidenstrasse.", not "… coined").
    # Not when the cut already ends a phrase ("… nuclear power plant | in the port of …").
    # A possessive is finished so too, at the cut or at a name finished past it ("… to bolster
    # Bashar Assad’s federal government", not "… Bashar Assad’s"), or left out with its name.
    at = len(cut)
    possessive = bool(_POSSESSIVE_END.search(cut[-1]))
    if (
        ((counted >= TITLE_WORDS and len(cut) == limit) or possessive)
        and at < len(words)
        and not _ends_a_phrase(cut, words[at])
        and not _and_a_clause(cut, words, at)
    ):
        for end in range(at + 1, min(len(words), at + _PHRASE_REACH) + 1):
            after = words[end].lower().strip(",.;:") if end < len(words) else ""
            if _PHRASE_END.search(words[end - 1]) or after in _PHRASE_AFTER or not after:
                if not _inside_a_name(words, end) and _completes(cut[-1], words[at:end]):
                    cut = words[:end]
                break
    if (
        len(cut) >= limit
        and len(cut) < len(words)
        and cut[-1] == "of"
        and len(cut) > 2
        and (
            words[len(cut)][:1].isupper()
            or (words[len(cut)].lower() in _PART_OF_A_PLACE and len(cut) + 1 < len(words))
        )
    ):
        cut.pop()  # "… the nearby town of | Bigadic": as if cut before "of"
    if (
        len(cut) >= limit - 1
        and len(cut) + 1 < len(words)
        and words[len(cut)] == "of"
        and not _PHRASE_END.search(cut[-1])
        and (
            words[len(cut) + 1][:1].isupper()
            or (  # "… across the whole | of eastern Ukraine"
                words[len(cut) + 1].lower() in _PART_OF_A_PLACE
                and len(cut) + 2 < len(words)
                and words[len(cut) + 2][:1].isupper()
            )
        )
    ):
        # "… hit near the city | of Gaziantep", "… centered in the Sea | of Marmara", "… a
        # plane crash north | of Moscow": what the cut ends on is said by the name after "of".
        end = len(cut) + 2 + (not words[len(cut) + 1][:1].isupper())
        while end < len(words) and words[end][:1].isupper():
            if _PHRASE_END.search(words[end - 1]) and not _NAME_ABBREVIATION.fullmatch(
                words[end - 1]
            ):
                break
            end += 1
        if end <= TITLE_WORDS + _PHRASE_REACH:  # the whole name, or none of it
            cut = words[:end]
        elif cut[-1].lower() in _DIRECTION_OF:
            cut.pop()  # "… killed in a plane crash", not "… a plane crash north"
    if len(cut) < len(words) and _in_a_number_phrase(cut, words[len(cut) :]):
        # Cut inside a number phrase: finished when its number ends it ("… tariffs of up | to
        # 35.3%"), else it goes, with the words leading to it and an infinitive left hanging
        # before it ("… an agreement to develop 2 even" → "… an agreement"); not one that
        # ends at the cut ("… duties of up to 16.5% | on shoes").
        end = _number_phrase_end(words, len(cut))
        if end is not None and end <= TITLE_WORDS + _PHRASE_REACH:
            cut = words[:end]
        else:
            while len(cut) > 3 and _in_a_number_phrase(cut, words[len(cut) :]):
                cut.pop()
            while len(cut) > 3 and cut[-1].lower() in _QUANTIFIERS:
                cut.pop()
            if len(cut) > 4 and cut[-2].lower() == "to":
                del cut[-2:]
    if len(cut) > 3 and _POSSESSIVE_END.search(cut[-1]) and len(cut) < len(words):
        # "… a significant impact to Tehran’s | self-described Axis of Resistance": too long
        cut.pop()
        while len(cut) > 3 and cut[-1][:1].isupper() and cut[-2][:1].isupper():
            cut.pop()  # the rest of the name ("Bashar")
    # Stop at a clause break inside the first words, if the clause is long enough by then.
    joined = " ".join(cut)
    # Not at the comma of the subject's list of names ("The leaders of France, Germany and …"),
    # nor of a list of places, which the title names whole ("… held in Cusco, Arequipa and Puno").
    break_from = len(" ".join(cut[: list_from + list_words])) if list_words else 0
    places = _PLACE_LIST.search(" ".join(words))
    if places and len(joined[: places.start()].split()) >= 2 and places.start() < len(joined):
        whole = len(" ".join(words)[: places.end()].split())
        if whole <= len(cut) + _PHRASE_REACH:
            cut = words[:whole]
            joined = " ".join(cut)
            break_from = max(break_from, places.end())
    brk = _BREAK.search(joined, break_from)
    if (
        brk
        and len(joined[: brk.start()].split()) >= 4
        and not (_RELATIVE.fullmatch(brk.group()) and budget > TITLE_WORDS)
    ):
        # Not before the relative clause of the subject: "Many of the buildings | that fell
        # … had already been damaged" says nothing that happened.
        cut = joined[: brk.start()].split()
    lowered = [w.lower() for w in cut]
    if (
        "between" in lowered[2:]
        and "and" not in lowered[lowered.index("between", 2) :]
        and len(cut) < len(words)
        and words[len(cut)].lower() == "and"
    ):
        # "… was fought between the Russian Empire | and an alliance": "between" one side is
        # no phrase; the title ends before it ("The Crimean War was fought").
        cut = cut[: lowered.index("between", 2)]
    if (
        len(cut) > 3
        and len(cut) < len(words)
        and cut[-1].lower() in _WANTS_AN_INFINITIVE
        and words[len(cut)].lower() == "to"
    ):
        # "… for a summit expected | to focus on Ukraine": the adjective says nothing without
        # what follows it ("… for a summit").
        cut.pop()
    if (
        len(cut) > 4
        and len(cut) < len(words)
        and _PARTICIPLE_AT_CUT.fullmatch(cut[-1])
        and cut[-1] not in _NOT_PARTICIPLES
        and _AN_OBJECT_OPENS.fullmatch(words[len(cut)].lower().strip(",.;:"))
    ):
        # "… had damaged water systems serving | about 500,000 people": a participle says
        # nothing without its object ("… had damaged water systems").
        cut.pop()
    if len(cut) > 3 and len(cut) < len(words) and cut[-1].lower() in _MODALS:
        # "Schools in Simi Valley and Thousand Oaks will | stay closed": the verb it leads to
        end = len(cut) + 1
        while (
            end < len(words)
            and end - len(cut) < _PHRASE_REACH
            and not _PHRASE_END.search(words[end - 1])
            and words[end].lower().strip(",.;:") not in _PHRASE_AFTER
        ):
            end += 1
        cut = words[:end]
    while len(cut) > 2 and cut[-1].lower().strip(",.;:") in _FUNCTION | _CLAUSE_WORDS:
        if _object_pronoun_ends(cut, len(words)):
            break  # "… the Ukrainian army retook it", not "… retook"
        cut.pop()
    if (
        len(cut) > 4
        and len(cut) < len(words)
        and cut[-2].lower() == "and"
        and a_past_verb(cut[-1].lower())
        and not _PHRASE_END.search(cut[-1])
    ):
        # "… visited Iskenderun and promised | that new homes would be built": a second
        # predicate cut before what it says goes
        del cut[-2:]
    said = [i for i, w in enumerate(cut[:-1]) if w == "and" and i >= 2 and cut[i + 1] in _SAYING]
    if said and len(cut) < len(words) and len(cut) - said[-1] > 2:
        # "Tedros visited Kigali in October and said the country | had shown …": what was said,
        # cut, goes with its "and said"
        cut = cut[: said[-1]]
    ands = [i for i, w in enumerate(cut) if w == "and" and i >= 2]
    if (
        ands
        and len(cut) < len(words)
        and a_past_verb(cut[-1].lower())
        and not _PHRASE_END.search(cut[-1])
        and cut[ands[-1] + 1].lower() in _DETERMINERS | _PRONOUNS
        and any(a_past_verb(w.lower()) for w in cut[: ands[-1]])
    ):
        # "Drilling began and the hot-water drill broke | through to the lake": a second clause
        # of its own, cut before what it says, goes
        cut = cut[: ands[-1]]
    if len(cut) < len(words):
        # "Sea routes took over | after the Portuguese navigator Vasco da Gama reached Calicut":
        # a clause after "after" cut before its verb says nothing; the title ends before it
        opens = [i for i, w in enumerate(cut) if i >= 3 and w in _CLAUSE_OPENERS]
        if (
            opens
            and not has_a_verb(" ".join(cut[opens[-1] + 1 :]).lower())
            and has_a_verb(" ".join(words[len(cut) : len(cut) + 6]).lower())
        ):
            cut = cut[: opens[-1]]
    cut = _with_what_the_verb_did(cut, words)
    title = " ".join(cut).replace("\u00a0", " ").replace(_QUOTE_GLUE, " ").strip(" ,.;:!?—–-")
    if _DOTTED_AT_END.search(title):
        title += "."  # "… at 3:40 p.m.", "… left the U.S.": the abbreviation keeps its dot
    return title[:1].upper() + title[1:] if title else "Untitled event"


_SAYING = {
    "said", "told", "added", "warned", "promised", "announced", "pledged", "vowed", "insisted",
    "argued", "claimed", "noted", "wrote", "stressed", "urged",
}  # fmt: skip
_DOTTED_AT_END = re.compile(r"(?<![\w.])(?:[A-Za-z]\.){1,3}[A-Za-z]$")


_VERB_REACH = 6


def _with_what_the_verb_did(cut: list[str], words: list[str]) -> list[str]:
    """A cut that ends on its verb, after a long subject, goes on to the end of the verb's
    phrase, a few words on ("The Roman emperor Constantine the Great made | the city his new
    capital": not "… the Great made")."""
    last = cut[-1]
    at = len(cut)
    if (
        at + 1 < len(words)
        and at + 2 <= _LONGEST_TITLE
        and words[at].lower() in ("was", "were", "had", "has", "have", "is", "are")
        and a_past_verb(words[at + 1].lower().strip(",.;:"))
        and not has_a_verb(" ".join(cut[1:]).lower())
    ):
        # "A previous attempt to reach the lake | was abandoned in December 2012": a long
        # subject cut before its verb gets it, and its particle ("… was cut off")
        end = at + 2
        if end < len(words) and not _PHRASE_END.search(words[end - 1]):
            end += words[end].lower().strip(",.;:") in _PARTICLES
        return [*words[: end - 1], words[end - 1].rstrip(",;:")] if end > at + 2 else words[:end]
    if not any(
        a_past_verb(w.lower().strip(",.;:")) or w.lower() in _MODALS | _BE_HAVE for w in cut[1:]
    ):
        # "Gas prices at the Dutch TTF hub | in Amsterdam fell 4%": so does one cut a few words
        # before its verb in the past, and the figure or the adverb after it
        for verb in range(at, min(len(words), at + 3)):
            word = words[verb].lower().strip(",.;:")
            if word in _FUNCTION or not a_past_verb(word) or word in _NOT_VERBS | _AUXILIARIES:
                continue
            end = verb + 1
            if (
                end < len(words)
                and not _PHRASE_END.search(words[verb])
                and re.fullmatch(r"\d[\d,.]*%?|[a-z]+ly", words[end].strip(",.;:"))
            ):
                end += 1
            if end <= _LONGEST_TITLE and not any(
                w[:1].islower() and a_past_verb(w.lower().strip(",.;:")) for w in words[at:verb]
            ):
                return [*words[: end - 1], words[end - 1].rstrip(",.;:")]
            break
    if (
        len(cut) < len(words)
        and _PAST_VERB.fullmatch(last)
        and last.lower() not in _NOT_VERBS | _AUXILIARIES
        and words[len(cut)].lower().strip(",.;:") in _PARTICLES
    ):
        # "An H3 rocket carrying the SORA-2 lander lifted | off from the Tanegashima Space
        # Center": the verb's particle, and where from or to when a name says so
        end = len(cut) + 1
        if _PHRASE_END.search(words[end - 1]) or end >= len(words):
            return words[:end]
        if words[end].lower() in _PARTICLE_PLACE:
            at = end + 1 + (end + 1 < len(words) and words[end + 1].lower() == "the")
            names = 0
            while at + names < len(words) and names < 4 and words[at + names][:1].isupper():
                names += 1
                if _PHRASE_END.search(words[at + names - 1]):
                    break
            if names and at + names <= _LONGEST_TITLE:
                return words[: at + names]
        return words[:end]
    if (
        len(cut) >= len(words)
        or not _PAST_VERB.fullmatch(last)
        or last.lower() in _NOT_VERBS | _AUXILIARIES
        or not _AN_OBJECT_OPENS.fullmatch(words[len(cut)].lower())
    ):
        return cut
    for end in range(len(cut) + 1, min(len(words), len(cut) + _VERB_REACH) + 1):
        after = words[end].lower().strip(",.;:") if end < len(words) else ""
        if _PHRASE_END.search(words[end - 1]) or after in ("and", "or", "but") or not after:
            return words[:end]
        if end > len(cut) + 1 and after in _PHRASE_AFTER and after != "to":
            return words[:end]  # "… forced it to halt production | at the plant in Denmark"
    return cut


_AUXILIARIES = {"was", "were", "had", "did", "said"}
_BE_HAVE = {"is", "are", "was", "were", "has", "have", "had", "do", "does", "did"}
_LONGEST_TITLE = 11  # words: eight, and a phrase or a name finished
_PARTICLES = {"off", "up", "down", "out", "away", "back", "apart", "ashore", "aground"}
_PARTICLE_PLACE = {"from", "in", "at", "into", "near", "over", "to", "toward", "towards"}
_NAME_WORDS = r"[A-Z][\w'’.-]*(?:\s[A-Z][\w'’.-]*)*"
_PLACE_LIST = re.compile(
    rf"\b(?:in|at|to|across|from|near)\s{_NAME_WORDS}(?:,\s{_NAME_WORDS})+,?\s(?:and|or)\s"
    rf"{_NAME_WORDS}"
)
_PLACE_LIST_LEAD = re.compile(
    rf"(?i:in|across)\s{_NAME_WORDS}(?:,\s{_NAME_WORDS})+,?\s(?:and|or)\s{_NAME_WORDS}"
)
_PART_OF_A_PLACE = {
    "central", "northern", "southern", "eastern", "western", "northeastern", "northwestern",
    "southeastern", "southwestern", "north", "south", "east", "west", "downtown", "greater",
    "coastal", "rural", "upper", "lower", "inner", "outer", "old", "ancient", "occupied",
    "neighbouring", "neighboring",
}  # fmt: skip
_PEOPLES_ADJECTIVE = re.compile(r"[A-Z][a-z]+(?:ian|ean|an|ese|ish|ic|i)")
"""A capitalised word that may be a people's adjective ("German", "Chinese", "Turkish")."""
_CLAUSE_OPENERS = {"after", "before", "until", "when", "since", "because", "while"}
_PARTICIPLE_AT_CUT = re.compile(r"[a-z]{3,}ing")
_MODALS = {"will", "would", "can", "could", "may", "might", "must", "shall", "should"}
_AN_OBJECT_OPENS = re.compile(
    r"the|a|an|his|her|its|their|it|them|him|us|about|nearly|more|some|all|at|\d[\d,.]*|two|"
    r"three|four|five|six|seven|eight|nine|ten|dozens|hundreds|thousands"
)

_NUMBER = re.compile(
    r"\d[\d,.]*%?|one|two|three|four|five|six|seven|eight|nine|ten|dozens?|hundreds?|"
    r"thousands?|millions?|billions?",
    re.I,
)
_QUANTIFIERS = {
    "even", "more", "less", "fewer", "than", "at", "least", "about", "nearly", "almost", "some",
    "over", "up", "to", "around", "roughly", "approximately", "another", "of", "the", "a",
}  # fmt: skip


def _in_a_number_phrase(cut: list[str], rest: list[str]) -> bool:
    """Whether the cut ends on a number, or on words after one that do not yet say of what
    ("… 2 even", "… 2 even more"), or on words leading to one ("… of up | to 35.3%"), and no
    phrase ends there (`rest` are the words after the cut)."""
    if not rest or _ends_a_phrase(cut, rest[0]) and cut[-1].lower() not in _QUANTIFIERS:
        return False
    if cut[-1].lower() in _QUANTIFIERS and _number_ahead(cut + rest, len(cut)) is not None:
        return True
    for word in reversed(cut[-3:]):
        word = word.lower().strip(",.;:")
        if _NUMBER.fullmatch(word):
            return True
        if word not in _QUANTIFIERS or cut[-1].endswith((",", ".", ";", ":")):
            return False
    return False


def _number_ahead(words: list[str], at: int) -> int | None:
    """Where the number is that the words from `at` lead to ("to | 35.3%"), if within a few."""
    for i in range(at, min(len(words), at + _PHRASE_REACH)):
        word = words[i].lower().strip(",.;:")
        if _NUMBER.fullmatch(word):
            return i
        if word not in _QUANTIFIERS:
            return None
    return None


def _number_phrase_end(words: list[str], at: int) -> int | None:
    """Where a number phrase going on at `words[at]` ends with its number ("to 35.3% | on"),
    if it does within a few words."""
    i = _number_ahead(words, at)
    if i is None:
        return None
    while i + 1 < len(words) and _NUMBER.fullmatch(words[i + 1].lower().strip(",.;:")):
        i += 1  # "2 billion"
    end = i + 1
    return end if end == len(words) or _ends_a_phrase(words[:end], words[end]) else None


def _object_pronoun_ends(cut: list[str], whole: int) -> bool:
    """Whether the clause, whole, ends on "it" or "them" after its verb ("… retook it", "…
    failed to take it")."""
    return (
        len(cut) == whole
        and cut[-1].lower().strip(",.;:!?") in ("it", "them")
        and (has_a_verb(cut[-2].lower()) or (len(cut) > 2 and cut[-3].lower() == "to"))
    )


def _and_a_clause(cut: list[str], words: list[str], at: int) -> bool:
    """Whether "and" after a name at the cut opens a clause of its own, not a phrase's next word
    ("… the Crimean port of Caffa | and arrived in Sicily", not "… Britain | and France")."""
    return (
        words[at].lower() in ("and", "or")
        and cut[-1][:1].isupper()
        and at + 1 < len(words)
        and words[at + 1][:1].islower()
        and words[at + 1].lower() not in _OPENS_A_PHRASE
    )


def _ends_a_phrase(cut: list[str], following: str) -> bool:
    """Whether the cut ends a phrase: a preposition or clause word follows it (not "and",
    which may join two words of one phrase: "monetary and protection assurances")."""
    if _PHRASE_END.search(cut[-1]):
        return True
    word = following.lower().strip(",.;:")
    return word in _PHRASE_AFTER and word not in ("and", "or")


_OPENS_A_PHRASE = {"the", "a", "an", "its", "his", "her", "their", "and", "or"}


def _completes(last: str, more: list[str]) -> bool:
    """Whether `more` words finish a title cut after `last`: any after a word or an article
    ("… coined the | name Seidenstrasse"), only a name after a preposition ("… flew over |
    Canoas", but "… power plant in" is "… power plant", not "… plant in the port")."""
    word = last.lower().strip(",.;:")
    if word in _FUNCTION and word not in _OPENS_A_PHRASE:
        return all(w[:1].isupper() for w in more)
    return True


def _inside_a_name(words: list[str], end: int) -> bool:
    """Whether `words[:end]` stops inside a name ("… Tehran's self-described Axis | of
    Resistance")."""
    if end >= len(words) or not words[end - 1][:1].isupper() or _PHRASE_END.search(words[end - 1]):
        return False
    if words[end][:1].isupper():
        return True
    return words[end] in ("of", "de") and end + 1 < len(words) and words[end + 1][:1].isupper()


_LIST_JOIN = re.compile(r",?\s+(?:and|or)\s+(?:(?:on|in)\s+)?", re.I)
_BARE_DAY_AFTER = re.compile(
    r",?\s+(?:and|or)\s+(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
    r"(?=\s*(?:[,.;:!?)]|$)|\s+(?:in|at|on|to|for|when|after|before|as)\b)",
    re.I,
)


def _date_lists(text: str, dates: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """The dates with a list of them as one: "on Aug. 30 and Sept. 1, 2025" is left out whole,
    not as "on Aug. 30" leaving "and Sept. 1, 2025"; a bare day after the last ("on March 3
    and 10") goes with it."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(dates):
        if merged and _LIST_JOIN.fullmatch(text, merged[-1][1], start):
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return [
        (start, day.end() if (day := _BARE_DAY_AFTER.match(text, end)) else end)
        for start, end in merged
    ]


def _without_dates(text: str, dates: Iterable[tuple[int, int]]) -> str:
    for start, end in sorted(_date_lists(text, dates), reverse=True):
        before, after = text[:start], text[end:]
        prep = _PREPOSITION_BEFORE.search(before)
        # "… on Sunday": its own "on"; "… said Sunday they …": a weekday is never a name's;
        # "… in Sunday's first round" says which round, and stays
        kept_weekday = bool(
            _WEEKDAY_ALONE.fullmatch(text, start, end) and _POSSESSIVE_AFTER.match(text, end)
        )
        if not kept_weekday and (
            prep
            or _PREPOSITION_OPENS.match(text, start, end)
            or (
                _WEEKDAY_ALONE.fullmatch(text, start, end)
                and not attributive_weekday(text, start, end)
                and not _TIME_AS_OBJECT.search(before)
            )
            or _FROM_PUBLICATION.fullmatch(text, start, end)
        ):
            before = before[: prep.start()] if prep else before
            if time_of_day := _TIME_OF_DAY_AFTER.match(after):
                after = after[time_of_day.end() :]
            if re.match(r",\s+(?:when|after|before|as|while)\b", after):
                after = after[1:]  # "It began in October 1853, when …" → "It began when …"
        elif (start == 0 or not before.strip()) and (lead := _AFTER_OPENING_DATE.match(after)):
            # "The following year, Moscow …"; a timeline's "1956: Sudan …", "1989 - Omar …"
            after = after[lead.end() :]
        elif (start == 0 or not before.strip()) and _COUNTED_LATER.search(text, start, end):
            # "Ten years later Xerxes crossed the Hellespont", without a comma too
            pass
        else:  # "the Jan. 20 inauguration": part of a name; kept whole in the title
            text = before + text[start:end].replace(" ", "\u00a0") + after
            continue
        text = (before.rstrip() + " " + after.lstrip(" ")).strip()
    text = re.sub(r"\s+([,.;:])", r"\1", re.sub(r"[ \t\n]{2,}", " ", text))
    # A date set off by commas: "The first launch attempt, on Oct. 14, was scrubbed" → "The
    # first launch attempt was scrubbed" (not cut at a comma left alone)
    # ("In Paris, on Monday, crowds marched": the opening phrase's comma stays)
    lead = text.split(" ", 1)[0].lower() in _LEADS or bool(_MEASURED_LEAD.match(text))
    text = re.sub(r",,\s*", ", " if lead else " ", text)
    # A date taken from inside brackets: "(opened in 2019)" → "(opened)", "(2019)" → nothing
    text = re.sub(r"\(\s*\)\s?", "", re.sub(r"\(\s+", "(", re.sub(r"\s+\)", ")", text)))
    return text.strip()


# A verb whose object is the time itself: "Residents spent Sunday night in tents", "Protesters
# marked Monday as a day of mourning" (the weekday stays, or the verb is left without it).
_TIME_AS_OBJECT = re.compile(
    r"\b(?:spent|spend|spends|spending|marked|marks|mark|celebrated|celebrate|observed|"
    r"declared|declare|designated|named|passed)\s+$",
    re.I,
)
_COUNTED_LATER = re.compile(r"\b(?:later|earlier|afterwards?)$", re.I)
_AFTER_OPENING_DATE = re.compile(r"\s*(?:,|:|[-–—](?=\s))\s*")
_REGION_AFTER_TOWN = re.compile(r"^([A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,2}), (?=[a-z])")


# "In Warsaw it took 58%, and in Gdansk …": the opening phrase has its clause before the comma.
_CLAUSE_AFTER_LEAD = re.compile(
    r"(?:In|At|Across|Outside|Inside)\s"
    r"(?:(?!\b(?:after|before|when|since|until|while|as|because|that|which|where)\b)[^,])*?"
    r"\s(?:it|he|she|they|we)\s+[a-z]{2,}\b[^,]*$"
)


def _main_clause(text: str, names_a_region: Callable[[str], bool] | None = None) -> str:
    """The text after an opening adverbial ("In 2015, …", "With Moscow busied …, they …")."""
    text = re.sub(r"^[,\s]+", "", text)
    cut_lead = False
    for _ in range(4):
        first = text.split(" ", 1)[0].lower().strip(",")
        comma = text.find(", ")
        if first in _CONJUNCTIONS and not (cut_lead and 0 < comma < 160):
            text = text.split(" ", 1)[1] if " " in text else text
            continue
        if (
            (
                (first in _LEADS and not _A_COUNT_OPENS.match(text))
                or not text[:1].isalpha()
                or (cut_lead and first in _CONJUNCTIONS)
                or _MEASURED_LEAD.match(text)
            )
            and 0 < comma < 160
            and not _CLAUSE_AFTER_LEAD.match(text[:comma])
        ):
            rest = text[comma + 2 :]
            if (places := _PLACE_LIST_LEAD.match(text)) and text.startswith(", ", places.end()):
                rest = text[places.end() + 2 :]  # "In Paris, Lyon and Nice, crowds marched"
            region = _REGION_AFTER_TOWN.match(rest) if names_a_region else None
            if region and names_a_region(region[1]) and len(rest[region.end() :].split()) >= 3:
                rest = rest[region.end() :]  # "In Paris, Texas, a rally…": the town's region
            if _participle(rest) and (subject := _subject_before_verb(text[:comma])):
                # "After the war she studied in London, graduating from the Architectural
                # Association": the participle is what the subject did ("She graduated …").
                return _with_subject(subject, rest)
            if len(rest.split()) >= 3:
                text, cut_lead = rest, True
                continue
        if _participle(text) and 0 < comma < 160:
            # "Graduating from the Architectural Association in 1977, she opened her own
            # practice": the subject comes after the comma.
            if subject := _subject_after_comma(text[comma + 2 :]):
                return _with_subject(subject, text[:comma])
        if first in _PASSIVE_LEADS and " " in text and 0 < comma < 160:
            # "Born in Izmir in 1944, Demir studied in Ankara": the date is the birth's, and so
            # is the title ("Demir was born in Izmir").
            if subject := _subject_after_comma(text[comma + 2 :]):
                return f"{subject} was {text[:comma][:1].lower()}{text[1:comma]}"
        if first in _SUBORDINATORS and " " in text:
            # A clause of its own that opens with its connector ("…, until the Ukrainian army
            # retook it"): the connector goes. Not from a phrase ("after the war").
            clause = text.split(" ", 1)[1]
            if has_a_verb(clause.split(", ", 1)[0]):
                text = clause
                continue
        break
    return text


# "At least 52 people died in Cebu, the governor said": a count, not an opening phrase.
_A_COUNT_OPENS = re.compile(
    r"(?:at\s+(?:least|most)|over|under|about|around)\s+(?:\d|(?:one|two|three|four|five|six|"
    r"seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|a\s+dozen|dozens|"
    r"scores|hundreds|thousands|millions|half|a\s+third|a\s+quarter)\b)"
    # (not a time: "Over two days, the storm dumped rain")
    r"(?![\d,.]*\s+(?:hours?|days?|nights?|weeks?|months?|years?|decades?|centuries)\b)",
    re.I,
)
# "A week after Lula's inauguration, …", "Two days later, …": a time counted from another.
_MEASURED_LEAD = re.compile(
    r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|a\s+few|\d+)\s+"
    r"(?:hours?|days?|weeks?|months?|years?|decades?)\s+(?:after|before|later|earlier)\b",
    re.I,
)
_PASSIVE_LEADS = {"born", "raised", "educated", "trained", "elected", "appointed", "ordained"}
_SUBORDINATORS = {"until", "before", "after", "when", "once", "because", "whereas"}
_NOT_PARTICIPLES = {
    "during", "following", "including", "according", "concerning", "regarding", "notwithstanding",
    "pending", "morning", "evening", "nothing", "something", "anything", "everything", "king",
    "spring", "string", "thing", "ring", "wing", "sing", "bring", "building", "ceiling", "beijing",
    "being", "having", "setting", "meeting", "wedding", "funding", "training", "housing",
    "fighting", "bombing", "shooting", "shelling", "flooding", "uprising", "landing", "opening",
    "hearing", "ruling", "spending", "rating", "polling", "warning", "killing", "sibling",
}  # fmt: skip
_PRONOUNS = {"he", "she", "they", "we", "i", "it"}
_DETERMINERS = {"the", "a", "an", "its", "his", "her", "their", "our", "this", "that"}
# Past forms of the irregular verbs a participle clause of the news opens with ("leaving
# Kyiv" → "left Kyiv"); the others take -ed ("graduating" → "graduated").
_IRREGULAR_PAST = {
    "becoming": "became", "beginning": "began", "bringing": "brought",
    "buying": "bought", "catching": "caught", "choosing": "chose", "coming": "came",
    "doing": "did", "drawing": "drew", "driving": "drove", "dying": "died", "falling": "fell",
    "feeling": "felt", "finding": "found", "fleeing": "fled",
    "flying": "flew", "getting": "got", "giving": "gave", "going": "went", "growing": "grew",
    "hitting": "hit", "holding": "held", "keeping": "kept", "knowing": "knew", "leading": "led",
    "leaving": "left", "losing": "lost", "making": "made", "paying": "paid",
    "putting": "put", "rebuilding": "rebuilt", "retaking": "retook", "riding": "rode",
    "rising": "rose", "running": "ran", "saying": "said", "seeing": "saw", "seeking": "sought",
    "selling": "sold", "sending": "sent",
    "sinking": "sank", "sitting": "sat", "speaking": "spoke",
    "standing": "stood", "striking": "struck", "sweeping": "swept", "taking": "took",
    "teaching": "taught", "telling": "told", "thinking": "thought", "throwing": "threw",
    "understanding": "understood", "winning": "won", "withdrawing": "withdrew",
    "writing": "wrote", "overseeing": "oversaw", "overtaking": "overtook", "lying": "lay",
    "tying": "tied", "eating": "ate", "forgetting": "forgot",
    "wearing": "wore", "stealing": "stole", "swearing": "swore", "shaking": "shook",
}  # fmt: skip


def _participle(text: str) -> bool:
    """Whether `text` opens with a participle clause ("graduating from …")."""
    words = text.split(" ", 2)
    word = words[0].lower()
    if len(words) > 1 and (a_past_verb(words[1].strip(",")) or words[1] in _PRESENT_OR_AHEAD):
        return False  # "Drilling began on Dec. 2": a noun, the subject of the verb after it
    head = text.split(", ", 1)[0].split()[1:]
    if any(w in _PRESENT_OR_AHEAD or a_past_verb(w) for w in head):
        # "Shipping companies including Maersk have diverted vessels …, adding …": the clause
        # has its verb before the comma; the word in -ing is part of its subject
        return False
    return (
        len(word) > 5
        and word.endswith("ing")
        and word.isalpha()
        and word not in _NOT_PARTICIPLES
        and " " in text
    )


def _past(participle: str) -> str:
    """ "graduating" → "graduated", "studying" → "studied", "stopping" → "stopped",
    "leaving" → "left"."""
    word = participle.lower()
    if word in _IRREGULAR_PAST:
        return _IRREGULAR_PAST[word]
    stem = word[:-3]
    if stem.endswith("ee"):
        return stem + "d"  # "agreeing" → "agreed"
    if stem.endswith("y") and stem[-2:-1] not in "aeiou":
        return stem[:-1] + "ied"  # "studying" → "studied"
    return stem + "ed"


def _with_subject(subject: str, participle_clause: str) -> str:
    first, rest = participle_clause.split(" ", 1)
    return f"{subject} {_past(first)} {rest}"


def _subject_before_verb(clause: str) -> str:
    """The subject of a clause: a pronoun, or a name, just before its verb ("After the war
    she studied in London" → "she"); empty when not clear."""
    words = clause.split()
    for i, word in enumerate(words[1:], 1):
        if has_a_verb(word.lower()):
            before = words[i - 1]
            if before.lower() in _PRONOUNS:
                return before
            name = []
            for w in reversed(words[1:i]):
                if not w[:1].isupper() or w.endswith(","):
                    break
                name.insert(0, w)
            return " ".join(name) if 0 < len(name) <= 3 else ""
    return ""


def subject_of(clause: str) -> str:
    """The subject of a clause, after what opens it ("In 2024, Hurricane Helene made landfall"
    → "Hurricane Helene"); empty when not clear."""
    return _subject_after_comma(_main_clause(clause))


_SUBJECT_WORDS = 6
"""The longest subject read before a verb ("Han dynasty envoy Zhang Qian travelled …")."""


def _subject_after_comma(clause: str) -> str:
    """The subject that opens a main clause, up to its verb ("she opened …", "the firm won
    …"); empty when not clear."""
    words = clause.split()
    if words and words[0].lower() in _PRONOUNS:
        return words[0]
    if words and words[0].islower() and words[0].endswith("ing"):
        return ""  # ", adding about 10 days …": a participle, no subject
    for i, word in enumerate(words[: _SUBJECT_WORDS + 1]):
        content = [w for w in words[:i] if w.lower() not in _DETERMINERS]
        if (
            word.endswith("s")
            and i + 1 < len(words)
            and a_past_verb(words[i + 1].strip(",;"))
            and not _PAST_VERB.fullmatch(word.lower())
        ):
            continue  # "Russian troops crossed …": a plural noun before the verb, no verb
        if content and has_a_verb(word.lower()) and not word[:1].isupper():
            subject = words[:i]
            if "," in " ".join(subject):
                return ""
            return " ".join(subject)
    return ""


# --- categories --------------------------------------------------------------------------------

_KEYWORDS = {
    "nuclear": r"nuclear|atomic|reactor|uranium|enrich\w*|centrifuge",
    "arms": r"drones?|missiles?|weapons?|arms|jets?|fighter|air[\s-]defen[cs]e|S-\d00|tanks?|"
    r"ammunition|munitions|warplanes?|supplier of (?:weapons|tools)",
    "war": r"wars?|battles?|fight\w*|invad\w*|invasion|attack\w*|troops|soldiers|offensives?|"
    r"strikes?|struck|raids?|bomb\w*|shell\w*|occup\w*|rebels?|army|military|militant|"
    r"airstrikes?|siege|ceasefire|killed|combat\w*|campaign|fleet",
    "diplomacy": r"treaty|pact|agreements?|deal|accord|summit|talks|negotiat\w*|ally|alliance|"
    r"partnership|diplomat\w*|envoy|embassy|signing|signed|visit\w*|foreign minister|"
    r"cooperation|relations|ties|collaboration",
    "economy": r"trade|econom\w*|sanctions|oil|gas|billion|million|bank\w*|market|investment|"
    r"export\w*|import\w*|currency|inflation|tariffs?|financial|monetary",
    "politics": r"elect\w*|revolution|inaugurat\w*|president|government|ouster|oust\w*|"
    r"regime|protest\w*|parliament|vote|leader|coup|collapse|party|commencement|law",
}
_ORDER = ("nuclear", "arms", "war", "diplomacy", "economy", "politics")


def category_for(text: str) -> str:
    """The category whose keywords the text uses most (ties go to the more specific one)."""
    counts = {
        name: len(re.findall(rf"\b(?:{pattern})\b", text, re.I))
        for name, pattern in _KEYWORDS.items()
    }
    best = max(_ORDER, key=lambda name: (counts[name], -_ORDER.index(name)))
    return best if counts[best] else "other"


def _clean_name(run: str, is_place: Callable[[str], bool]) -> str:
    """A name run without titles, leading function words and place words ("Russian President
    Vladimir Putin" → "Vladimir Putin"); empty when fewer than two words remain."""
    words = [re.sub(r"[’']s$", "", w) for w in run.split()]
    while words and (words[0].lower().rstrip(".") in _TITLES | _LEADING or is_place(words[0])):
        words.pop(0)
    if len(words) < 2 or any(is_place(w) for w in words):
        return ""
    return " ".join(words)


# --- actors ------------------------------------------------------------------------------------

_TITLES = {
    "president", "president-elect", "prime", "minister", "foreign", "supreme", "leader", "head",
    "of", "state", "chancellor", "king", "queen", "prince", "general", "gen", "secretary",
    "spokesman", "spokeswoman", "spokesperson", "senator", "sen", "rep", "mr", "mrs", "ms", "dr",
    "pope", "sheikh", "emir", "crown", "defense", "defence", "interior", "representative",
    "priest", "commander", "chief", "ambassador", "envoy", "vice", "deputy", "former", "the",
    "lt", "col", "adm", "mayor", "governor", "gov", "premier", "tsar", "czar", "shah", "author",
    "writer", "reporter", "district", "judge", "magistrate", "attorney", "prosecutor",
}  # fmt: skip
_WORD = r"(?:(?:[A-Z]\.)+|[A-Z][\w’'-]+)"  # ("U.S." one word, not "S." after "U.")
_NAME_RUN = re.compile(rf"{_WORD}(?:[ ]+(?:(?:al|bin|de|van|von|der|la|el)[ -])?{_WORD})+")
_LEADING = {
    "in",
    "the",
    "after",
    "with",
    "on",
    "at",
    "when",
    "while",
    "as",
    "a",
    "an",
    "but",
    "and",
}
_ACRONYM = re.compile(r"\b[A-Z]{3,6}\b")


def actors_in(text: str, is_place: Callable[[str], bool], context: str = "") -> list[str]:
    """People and organisations: runs of capitalised words that are not places or dates
    ("Vladimir Putin", "Revolutionary Guard"), surnames expanded from `context` ("Putin" →
    "Vladimir Putin"), and acronyms ("NATO")."""
    from mapexplorer.importer.dates import find_dates

    dated = {m.text for m in find_dates(text)}
    names: list[str] = []
    for m in _NAME_RUN.finditer(text):
        name = _clean_name(m.group(), is_place)
        if name and not any(name in d for d in dated):
            names.append(name)
    full_names = _full_names_by_surname(context, is_place)
    for word in re.findall(r"\b[A-Z][a-z]{2,}\b", text):
        if is_place(word) or any(word in n.split() for n in names) or any(word in d for d in dated):
            continue
        if word in full_names:
            names.append(full_names[word])
    names += [a for a in _ACRONYM.findall(text) if not is_place(a)]
    seen: dict[str, None] = {}
    for name in names:
        if not any(name != other and name in other for other in names):
            seen.setdefault(name, None)
    return list(seen)


@functools.lru_cache(maxsize=4)
def _full_names_by_surname(context: str, is_place: Callable[[str], bool]) -> dict[str, str]:
    """The first full name in `context` for each last word ("Putin" → "Vladimir Putin").
    Every draft of an article asks for those of the whole article: they are read once, not
    once a draft (which made a long text's import quadratic)."""
    by_surname: dict[str, str] = {}
    for run in _NAME_RUN.findall(context):
        name = _clean_name(run, is_place)
        if name:
            by_surname.setdefault(name.split()[-1], name)
    return by_surname
