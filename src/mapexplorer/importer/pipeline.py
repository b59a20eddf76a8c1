"""Import an article in one call: load, date, extract drafts, package them as a `DraftSet`."""

from __future__ import annotations

import os

from mapexplorer.importer.article import Article, ArticleError, article_from_text, load_article
from mapexplorer.importer.dates import FROM_PUBLISHED, find_dates
from mapexplorer.importer.drafts import ACCEPTED, DraftSet
from mapexplorer.importer.extract import dateline_mention, make_drafts
from mapexplorer.importer.gazetteer import gazetteer
from mapexplorer.importer.published import PublishedGuess, detect_published
from mapexplorer.model import Source
from mapexplorer.model.time import DateError, day_from_iso, iso_from_day

__all__ = ["draft_article", "import_article", "import_text", "parse_published"]


def parse_published(value: str) -> int:
    """A --published value (YYYY-MM-DD) as a day number; `ArticleError` if it is not one."""
    try:
        return day_from_iso(value)
    except DateError as exc:
        raise ArticleError(None, f"--published: {exc}") from None


def import_article(
    path: str | os.PathLike, published: str | None = None, accept_all: bool = False
) -> DraftSet:
    """Drafts for the article in a file; `published` (YYYY-MM-DD) overrides the detected date."""
    return draft_article(load_article(path), published, accept_all, label=str(path))


def import_text(
    text: str, name: str = "pasted text", kind: str = "txt", published: str | None = None,
    accept_all: bool = False,
) -> DraftSet:  # fmt: skip
    """Drafts for text already in memory (pasted, or dropped on the window)."""
    return draft_article(article_from_text(text, name, kind), published, accept_all, label=name)


def draft_article(
    article: Article, published: str | None = None, accept_all: bool = False, label: str = ""
) -> DraftSet:
    """Drafts for a loaded article. `ArticleError` when the text has no dates or no places."""
    label = label or article.name
    guess: PublishedGuess | None = None
    if published:
        day: int | None = parse_published(published)
        note = f"Given by the user: {published}."
    else:
        guess = detect_published(article)
        day = guess.day if guess else None
        note = guess.reasoning if guess else "Unknown: the text gives no publication date."
    body_start = article.paragraphs[0][0]
    # (a datelined report with its publication day dates its lead by it: "SIESTA KEY, Fla.
    # (AP) — Hurricane Milton made landfall near Siesta Key")
    datelined = article.dateline is not None and day is not None
    if not datelined and not any(m.start >= body_start for m in find_dates(article.text, day)):
        waiting = _waiting_for_publication(article, day)
        raise ArticleError(
            label,
            f"found no dates it can place in time{waiting}"
            if waiting
            else "found no dates in the text (e.g. “in 2015”, “March 3, 2024”)"
            + (
                "; its dateline's lead is the news of the day it was published: give the "
                "publication date"
                if article.dateline is not None
                else ""
            ),
            needs_published=bool(waiting) or article.dateline is not None,
        )
    gaz = gazetteer()
    # ("FRANKFURT (Reuters) - The ECB kept rates unchanged on Thursday": its dateline names one)
    if not gaz.find(article.text, body_start) and not dateline_mention(article, gaz):
        raise ArticleError(label, "found no place names in the text (countries, cities, regions)")
    drafts = make_drafts(article, day)
    if not drafts:
        waiting = _waiting_for_publication(article, day)
        raise ArticleError(
            label,
            f"no sentence has both a date it can place in time and a place{waiting}"
            if waiting
            else "no sentence has both a date and a place",
            needs_published=bool(waiting),
        )
    if accept_all:
        for draft in drafts:
            draft.status = ACCEPTED
    source = Source(
        title=article.title, published=iso_from_day(day) if day is not None else "",
        published_note=note, text=article.text,
    )  # fmt: skip
    return DraftSet(
        source=source, drafts=drafts, published_reasoning=guess.reasoning if guess else note
    )


_SOME_DAY = 20_000  # any day: only which dates count from publication is asked


def _waiting_for_publication(article: Article, day: int | None) -> str:
    """What to say when dates were skipped for want of a publication date ("BRUSSELS, Nov 13
    (Reuters) - … agreed on Thursday"): which, and that giving the date reads them."""
    if day is not None:
        return ""
    body_start = article.paragraphs[0][0]
    waiting = [
        m.text
        for m in find_dates(article.text, _SOME_DAY)
        if m.kind == FROM_PUBLISHED and m.start >= body_start
    ]
    if not waiting:
        return ""
    which = (
        f"which the dateline gives as “{article.dateline_date}” without its year"
        if article.dateline_date
        else "which the text does not say"
    )
    return (
        f": “{waiting[0]}” and other dates count from the day it was published, {which}; give "
        "the publication date"
    )
