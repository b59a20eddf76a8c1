"""HTML and Markdown → plain text, one paragraph per block, blank lines between blocks.

Each returns (text, title, published): the title and a publication date when the markup states
them (`<title>`, `<meta property="article:published_time">`, `<time datetime>`, front matter).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

_BLOCKS = {
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
    "section", "article", "header", "footer", "tr", "table", "pre", "figcaption", "dd", "dt",
}  # fmt: skip
_SKIP = {
    "script", "style", "head", "nav", "aside", "noscript", "svg", "form", "button", "template",
    "footer",
}  # fmt: skip
_PUBLISHED_META = {
    "article:published_time", "datepublished", "date", "pubdate", "publish-date",
    "dc.date", "dc.date.issued", "og:published_time", "sailthru.date", "parsely-pub-date",
}  # fmt: skip


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[list[str]] = [[]]
        self.skipping = 0
        self.in_title = False
        self.title = ""
        self.published = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k.lower(): (v or "") for k, v in attrs}
        if tag == "meta":
            key = (
                values.get("property") or values.get("name") or values.get("itemprop") or ""
            ).lower()
            if key in _PUBLISHED_META and not self.published:
                self.published = values.get("content", "")[:10]
        elif tag == "time" and values.get("datetime") and not self.published:
            self.published = values["datetime"][:10]
        if tag in _SKIP:
            self.skipping += 1
        if tag == "title":
            self.in_title = True
        if tag in _BLOCKS:
            self.blocks.append([])

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag in _SKIP:
            self.skipping -= 1

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP and self.skipping:
            self.skipping -= 1
        if tag == "title":
            self.in_title = False
        if tag in _BLOCKS:
            self.blocks.append([])

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title += data
        elif not self.skipping:
            self.blocks[-1].append(data)


def html_to_text(html: str) -> tuple[str, str, str]:
    parser = _Text()
    parser.feed(html)
    parser.close()
    paragraphs = [" ".join("".join(b).split()) for b in parser.blocks]
    text = "\n\n".join(p for p in paragraphs if p)
    published = parser.published if re.fullmatch(r"\d{4}-\d{2}-\d{2}", parser.published) else ""
    return text + "\n" if text else "", " ".join(parser.title.split()), published


_FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.S)


def markdown_to_text(md: str) -> tuple[str, str, str]:
    published, title = "", ""
    front = _FRONT_MATTER.match(md)
    if front:
        for line in front.group(1).splitlines():
            key, _, value = line.partition(":")
            value = value.strip().strip("'\"")
            if key.strip().lower() in ("date", "published") and re.match(
                r"\d{4}-\d{2}-\d{2}", value
            ):
                published = value[:10]
            elif key.strip().lower() == "title":
                title = value
        md = md[front.end() :]
    lines = []
    for line in md.split("\n"):
        heading = re.match(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$", line)
        if heading:
            title = title or heading.group(1)
            lines += [heading.group(1), ""]
            continue
        line = re.sub(r"^\s{0,3}>\s?", "", line)
        line = re.sub(r"^\s*(?:[-*+]|\d+[.)])\s+", "", line)
        line = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", line)
        line = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", line)
        line = re.sub(r"(\*\*|__)(.+?)\1", r"\2", line)
        line = re.sub(r"(?<![\w*])([*_])(?!\s)(.+?)(?<!\s)\1(?![\w*])", r"\2", line)
        line = line.replace("`", "")
        lines.append(line)
    text = "\n".join(lines)
    # Soft-wrapped lines inside a paragraph join with a space, so sentences stay whole.
    text = re.sub(r"(?<=\S)\n(?=\S)", " ", text)
    return text.strip() + "\n", title, published
