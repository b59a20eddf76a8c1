"""Import any article: a news text → draft events with dates and places, for review. No Qt.

The calls a review view needs:
    load_article(path) / article_from_text(text)  → Article (normalised text, sentences)
    detect_published(article)                     → PublishedGuess (day, reasoning) or None
    draft_article(article, "YYYY-MM-DD")          → DraftSet (source + drafts)
    import_article(path) / import_text(text)      → the three steps at once
    DraftSet.save(path) / DraftSet.load(path)     → keep the user's edits (atomic)
    DraftSet.to_catalogue() / drafts_to_catalogue → Catalogue of the accepted drafts
"""

from mapexplorer.importer.article import Article, ArticleError, article_from_text, load_article
from mapexplorer.importer.drafts import (
    ACCEPTED,
    PENDING,
    REJECTED,
    Draft,
    DraftSet,
    drafts_to_catalogue,
)
from mapexplorer.importer.pipeline import draft_article, import_article, import_text
from mapexplorer.importer.published import PublishedGuess, detect_published

__all__ = [
    "ACCEPTED",
    "PENDING",
    "REJECTED",
    "Article",
    "ArticleError",
    "Draft",
    "DraftSet",
    "PublishedGuess",
    "article_from_text",
    "detect_published",
    "draft_article",
    "drafts_to_catalogue",
    "import_article",
    "import_text",
    "load_article",
]
