"""An article as plain text: loading .txt, .md and .html files, finding its body paragraphs, its
dateline and its sentences, all as character offsets into `Article.text` — the normalised text
that becomes the catalogue's `source.text`."""

from __future__ import annotations

import codecs
import datetime
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from mapexplorer.importer.markup import html_to_text, markdown_to_text

__all__ = [
    "Article",
    "ArticleError",
    "Sentence",
    "article_from_text",
    "load_article",
    "split_sentences",
]

MAX_BYTES = 5_000_000


class ArticleError(ValueError):
    """An article we cannot import, said so that the user knows which file and why."""

    def __init__(
        self, path: str | os.PathLike | None, problem: str, needs_published: bool = False
    ) -> None:
        self.path = str(path) if path is not None else ""
        self.problem = problem
        # Its dates count from a publication date that was not given: giving it reads them.
        self.needs_published = needs_published
        # No path: a problem with an option (--published), not with a file.
        super().__init__(f"{self.path}: {problem}" if self.path else problem)


@dataclass(frozen=True)
class Sentence:
    """A sentence of the body: `article.text[start:end]`, in paragraph `paragraph`."""

    start: int
    end: int
    paragraph: int
    text: str


@dataclass
class Article:
    """The normalised text and where its body, dateline and sentences are."""

    text: str
    name: str = ""
    title: str = ""
    meta_published: str = ""
    """A publication date the file's markup states (HTML meta, Markdown front matter)."""
    paragraphs: list[tuple[int, int]] = field(default_factory=list)
    dateline: tuple[int, int] | None = None
    """The "MOSCOW (AP) —" before the first sentence: (start, end) of the place name."""
    dateline_area: str = ""
    """The state or country after the dateline's place: "Fla." in "PERRY, Fla. (AP) —"."""
    dateline_date: str = ""
    """The date the dateline gives, as written: "Nov 12" in "PARIS, Nov 12 (Reuters) -", "Dec. 3"
    in "KYIV, Ukraine (AP) — Dec. 3 —"."""
    file_date: str = ""
    """The day (YYYY-MM-DD) the file was last saved, for an article read from a file."""
    sentences: list[Sentence] = field(default_factory=list)

    @property
    def dateline_place(self) -> str:
        if not self.dateline:
            return ""
        words = self.text[self.dateline[0] : self.dateline[1]]
        return " ".join(w.capitalize() if w.isupper() else w for w in words.split())


# --- loading -----------------------------------------------------------------------------------


def load_article(path: str | os.PathLike) -> Article:
    """Read a .txt, .md or .html article; `ArticleError` for missing, empty or binary files."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise ArticleError(path, "the file does not exist") from None
    except IsADirectoryError:
        raise ArticleError(path, "this is a folder, not a file") from None
    except OSError as exc:
        raise ArticleError(path, f"cannot read the file ({exc.strerror or exc})") from None
    if len(data) > MAX_BYTES:
        raise ArticleError(path, f"the file is too big for an article ({len(data):,} bytes)")
    suffix = path.suffix.lower()
    if suffix in _DATA_FILES:  # its JSON or columns read as sentences: drafts of nonsense
        raise ArticleError(
            path,
            f"this is a data file ({_DATA_FILES[suffix]}), not a news text: open it with "
            f"File ▸ Open (or `mapexplorer {path.name}`); an article to import is a .txt, .md "
            "or .html file",
        )
    text = _decode(data, path)
    kind = (
        "html"
        if suffix in (".html", ".htm", ".xhtml")
        else "md"
        if suffix in (".md", ".markdown")
        else "txt"
    )
    if kind == "txt" and re.match(r"\s*<(?:!doctype\s+html|html)\b", text, re.I):
        kind = "html"
    article = article_from_text(text, name=path.name, kind=kind, path=path)
    try:
        saved = datetime.date.fromtimestamp(path.stat().st_mtime)
    except (OSError, ValueError, OverflowError):
        return article
    article.file_date = saved.isoformat()
    return article


_DATA_FILES = {
    **dict.fromkeys((".geojson", ".json", ".geojsonl", ".geojsonseq", ".ndjson"), "GeoJSON"),
    **dict.fromkeys((".csv", ".tsv", ".tab"), "a table"),
    **dict.fromkeys((".xlsx", ".xlsm", ".xls"), "a spreadsheet"),
    **dict.fromkeys((".kml", ".kmz"), "KML"),
    ".gpx": "GPX",
}
"""Files Map Explorer opens as events, by their ending."""


def _decode(data: bytes, path: Path) -> str:
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        # Windows Notepad's "Unicode": UTF-16 with its byte order mark (NUL bytes throughout).
        try:
            data = data.decode("utf-16").encode("utf-8")
        except UnicodeDecodeError:
            raise ArticleError(path, "the file says it is UTF-16 text but is not") from None
    if not data.strip():
        raise ArticleError(path, "the file is empty")
    if b"\x00" in data[:8192]:
        raise ArticleError(path, "this is a binary file, not text (it holds NUL bytes)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
        controls = sum(1 for c in text[:8192] if ord(c) < 32 and c not in "\t\n\r\f")
        if controls or text.count("\ufffd") > len(text) // 100:
            raise ArticleError(path, "this is a binary file, not UTF-8 text") from None
    if sum(1 for c in text[:8192] if ord(c) < 32 and c not in "\t\n\r\f") > 8:
        raise ArticleError(path, "this is a binary file, not text (it holds control characters)")
    return text


def article_from_text(
    text: str, name: str = "pasted text", kind: str = "txt", path: str | os.PathLike | None = None
) -> Article:
    """An article from text already in memory (`kind`: "txt", "md" or "html")."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    meta, title = "", ""
    if kind == "html":
        text, title, meta = html_to_text(text)
    elif kind == "md":
        text, title, meta = markdown_to_text(text)
    if not text.strip():
        raise ArticleError(path or name, "the article has no text")
    article = Article(text=text, name=name, title=title, meta_published=meta)
    article.paragraphs = body_paragraphs(text)
    if not article.paragraphs:
        raise ArticleError(path or name, "the article has no paragraphs of running text")
    found = _DATELINE.match(text, *article.paragraphs[0])
    lead_start = article.paragraphs[0][0]
    if found:
        article.dateline = (found.start("place"), found.end("place"))
        article.dateline_area = found["area"] or ""
        article.dateline_date = " ".join((found["date"] or found["after"] or "").split())
        lead_start = found.end()
    elif found := _DATELINE_NO_PLACE.match(text, *article.paragraphs[0]):
        # "Nov 12 (Reuters) - …": a wire's dateline with its day and no place
        article.dateline_date = " ".join(found["date"].split())
        lead_start = found.end()
    if not article.title:
        # Only a title the text has: one made from the file's name ("Russia iran partnership"
        # for russia-iran-partnership.txt) read as the article's own. Without one, the review
        # and the saved catalogue are headed with the file's name as written.
        article.title = _first_heading(text, article.paragraphs[0][0])
    article.sentences = [
        Sentence(s, e, index, text[s:e])
        for index, (start, end) in enumerate(article.paragraphs)
        for s, e in split_sentences(text, lead_start if index == 0 else start, end)
    ]
    return article


def _first_heading(text: str, body_start: int) -> str:
    """The first short line before the body, when it reads like a headline."""
    for start, end in _blocks(text[:body_start]):
        line = text[start:end]
        if _is_heading(line) and not re.match(r"(?i)(?:published|updated|posted|by)\b", line):
            return line.strip().rstrip(":")
    return ""


# --- paragraphs --------------------------------------------------------------------------------

_SEPARATOR = re.compile(r"^[\s_*=~#-]{3,}$")
_CREDIT = re.compile(r"\b(?:contributed|Reporting by|Editing by|Writing by|Additional reporting)\b")


def _blocks(text: str) -> list[tuple[int, int]]:
    splitter = r"\n[ \t]*\n" if re.search(r"\n[ \t]*\n\s*\S", text.strip()) else r"\n"
    blocks, pos = [], 0
    for m in re.finditer(splitter, text):
        blocks.append((pos, m.start()))
        pos = m.end()
    blocks.append((pos, len(text)))
    out = []
    for start, end in blocks:
        chunk = text[start:end]
        lead = len(chunk) - len(chunk.lstrip())
        trail = len(chunk) - len(chunk.rstrip())
        if chunk.strip():
            out.append((start + lead, end - trail))
    return out


def _is_heading(chunk: str) -> bool:
    words = chunk.split()
    if chunk.endswith(":") or (len(words) <= 15 and not re.search(r"[.!?\"”’)]$", chunk)):
        return True
    # A short question on a line of its own: an explainer's headline or subheading ("Cyprus:
    # Why is the island still divided?", "What happens next?"), not a sentence of the story.
    return len(words) <= 12 and chunk.endswith("?") and not re.search(r"[.!?]\s", chunk)


def body_paragraphs(text: str) -> list[tuple[int, int]]:
    """The paragraphs of running text: not headings, separators, credits or the footer."""
    blocks = _blocks(text)
    body = []
    for index, (start, end) in enumerate(blocks):
        chunk = text[start:end]
        if _SEPARATOR.match(chunk):
            rest = sum(e - s for s, e in blocks[index + 1 :])
            if rest < 0.25 * len(text):
                break  # "___" before the credits: the story is over
            continue
        if _is_heading(chunk) or (_CREDIT.search(chunk) and len(chunk.split()) < 40):
            continue
        body.append((start, end))
    return body


# Capital letters, with accents too: "SÃO PAULO (AP) —", "İSTANBUL (AP) —".
_CAPITALS = "A-ZÀ-ÖØ-Þ" + "".join(c for c in map(chr, range(0x100, 0x250)) if c.isupper())
_MONTH_WORD = r"(?:Jan|Feb|Mar|Apr|May|June?|July?|Aug|Sept?|Oct|Nov|Dec)[a-z]{0,6}\.?"
# "Nov. 12", "Nov 12, 2024", or as British wires write it, "12 November"
_DATELINE_DAY = rf"(?:{_MONTH_WORD}\s+\d{{1,2}}|\d{{1,2}}\s+{_MONTH_WORD})(?:,?\s+\d{{4}})?"
_AREA = r"[A-Z][A-Za-z.]+(?:\s(?:(?:of|and|the)\s)*[A-Z][A-Za-z.]+){0,3}"
_DATELINE = re.compile(
    rf"(?P<place>[{_CAPITALS}][{_CAPITALS}.'’ -]{{2,}}?[{_CAPITALS}.])"
    # the other cities of a story filed from several: "BRUSSELS/WARSAW, Dec 13 (Reuters) -"
    rf"(?:/[{_CAPITALS}][{_CAPITALS}.'’ -]{{1,}}?[{_CAPITALS}.])*"
    # an area of up to four words ("United Arab Emirates", "Democratic Republic of Congo")
    rf"(?:,\s+(?P<area>{_AREA}))?"
    rf"(?:,\s+{_AREA})*"
    rf"(?:,\s+(?P<date>{_DATELINE_DAY}))?\s*(?:\([A-Za-z ]{{2,12}}\))?\s*[–—-]+\s*"
    # the day after the agency: "KYIV, Ukraine (AP) — Dec. 3 —"
    rf"(?:(?P<after>{_DATELINE_DAY})\s*[–—-]+\s*)?"
)
_DATELINE_NO_PLACE = re.compile(rf"(?P<date>{_DATELINE_DAY})\s*\([A-Za-z ]{{2,12}}\)\s*[–—-]+\s*")


# --- sentences ---------------------------------------------------------------------------------

_ABBREVIATIONS = {
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mr",
    "mrs", "ms", "dr", "st", "gen", "lt", "col", "sgt", "capt", "sen", "rep", "gov", "prof",
    "rev", "jr", "sr", "no", "vs", "inc", "corp", "co", "ltd", "mt", "ft", "adm", "maj", "cmdr",
    "pres", "ave", "approx", "fig", "vol", "ca", "e.g", "i.e",
}  # fmt: skip
_STARTERS = {
    "The", "A", "An", "In", "It", "He", "She", "They", "We", "But", "And", "This", "That",
    "Those", "These", "On", "At", "His", "Her", "Its", "Their", "After", "Before", "When",
    "While", "As", "For", "With", "There", "I", "Some", "Many", "Officials",
}  # fmt: skip
_BOUNDARY = re.compile(r"[.!?]+[\"”’)\]]*(?=\s+[\"“‘(\[]?[A-Z0-9])")
_NEXT_WORD = re.compile(r"\s*(\S+)")


def split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentences of `text[start:end]` as (start, end) offsets, closing punctuation included."""
    out, pos = [], start
    for m in _BOUNDARY.finditer(text, start, end):
        # The words either side of the stop, found by looking at them only: splitting the rest
        # of the paragraph at every stop made a long paragraph's split quadratic.
        word_start = m.start()
        while word_start > pos and not text[word_start - 1].isspace():
            word_start -= 1
        word = text[word_start : m.start()].lstrip('"“‘(')
        following = _NEXT_WORD.match(text, m.end(), end)
        nxt = following[1].lstrip('"“‘(') if following else ""
        if m.group().startswith(".") and not m.group().startswith(".."):
            bare = word.lower().rstrip(".")
            if bare in _ABBREVIATIONS or re.fullmatch(r"[A-Z]", word):
                continue
            if re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]", word) and nxt not in _STARTERS:
                continue  # "U.S. troops", "the U.N. Security Council"
        out.append((pos, m.end()))
        pos = m.end()
        while pos < end and text[pos].isspace():
            pos += 1
    if pos < end and text[pos:end].strip():
        out.append((pos, end))
    return out
