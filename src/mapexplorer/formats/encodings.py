"""Which Windows code page a text file that is not UTF-8 was saved in.

Excel saves "CSV (Comma delimited)" in the code page of the computer's language: Windows-1252
in western Europe and the Americas, Windows-1250 in central Europe (Polish, Czech,
Hungarian…), Windows-1251 where Cyrillic is written (Ukrainian, Russian, Bulgarian…); Excel
for Mac's "Comma Separated Values" is in Mac Roman ("Café" as "CafŽ" in Windows-1252). Read in
the wrong one, every non-ASCII letter comes out as another ("Łódź" as "£ódŸ", "Харків" as
"Õàðê³â"), and the places are not found. The bytes do not say which it is; the words do: in
the right code page they are words of one script, and the wrong one makes symbols inside
words, capitals after small letters, Latin words with no plain letter ("Ìîñêâà" for "Москва")
or words of Latin and Cyrillic letters at once.
"""

from __future__ import annotations

import codecs
import re

__all__ = ["NAMES", "mixed_text", "single_byte_text"]

CANDIDATES = ("cp1252", "cp1250", "cp1251", "mac_roman")
"""Windows-1252 first: it wins a tie, as the file was read before."""
NAMES = {
    "cp1252": "Windows-1252 (western European)",
    "cp1250": "Windows-1250 (central European)",
    "cp1251": "Windows-1251 (Cyrillic)",
    "mac_roman": "Mac Roman (Excel for Mac's CSV)",
}
_HANDICAP = {"mac_roman": 1}
"""Mac Roman reads every byte, and Windows-1252's quotes and dashes as letters ("“quoted”" as
"ìquotedî"): it must read clearly better to be taken."""
_SAMPLE = 1 << 16
_WORD = re.compile(r"(?:[^\W\d_]|[^\x00-\x7f])+")
"""A run of letters and non-ASCII characters: a word, with any symbol among its letters
("£ódŸ")."""


def single_byte_text(data: bytes) -> tuple[str, str]:
    """The text of bytes that are not UTF-8, in the candidate code page whose words read best,
    and that code page."""
    sample = data[:_SAMPLE]
    best, best_score = CANDIDATES[0], None
    if any(byte >= 0x80 for byte in sample):
        for encoding in CANDIDATES:
            try:
                text = sample.decode(encoding)
            except UnicodeDecodeError:
                continue
            score = _score(text) - _HANDICAP.get(encoding, 0)
            if best_score is None or score > best_score:
                best, best_score = encoding, score
    try:
        return data.decode(best), best
    except UnicodeDecodeError:  # a byte the code page leaves undefined (cp1252's 0x81)
        return data.decode("latin-1"), "latin-1"


_UTF8_LETTER = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
"""A character of UTF-8 beyond ASCII. A code page's text has a few by chance (Windows-1251's
"Ві" is the bytes of UTF-8's "г"), so only a file with more of them than bytes that are
not UTF-8 is UTF-8 with a few stray bytes."""
_MOSTLY = 1


def _as_windows_1252(error: UnicodeError) -> tuple[str, int]:
    """A byte that is not UTF-8, in a file that otherwise is, read as Windows-1252 (a line
    added by another editor): "Caf\xe9" is "Café"."""
    assert isinstance(error, UnicodeDecodeError)
    bad = error.object[error.start : error.end]
    return bad.decode("cp1252", errors="replace"), error.end


codecs.register_error("mapexplorer-windows-1252", _as_windows_1252)


def mixed_text(data: bytes) -> tuple[str, int, int] | None:
    """The text of a file that is UTF-8 but for a few bytes (each read as Windows-1252), how
    many bytes those are, and the line of the first; None when the file has no character of
    UTF-8 beyond ASCII, so is in a code page throughout (`single_byte_text`)."""
    letters = len(_UTF8_LETTER.findall(data))
    if not letters:
        return None
    try:
        data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        first_line = data[: exc.start].count(b"\n") + 1
    else:
        return None
    strays = data.decode("utf-8-sig", errors="replace").count("\ufffd")
    if letters < _MOSTLY * strays:
        return None  # a code page's text, its few "letters" by chance
    return data.decode("utf-8-sig", errors="mapexplorer-windows-1252"), strays, first_line


def _score(text: str) -> int:
    """How well the non-ASCII words read: one for each that reads as a word, less two for
    each that cannot be one."""
    score = 0
    for token in _WORD.findall(text):
        if token.isascii():
            continue
        # Without the quotes, dashes and signs around it ("“quoted”", "€"): the word itself
        word = _trimmed(token)
        if len(word) > 1 and not word.isascii():
            score += 1 if _plausible(word) else -2
    return score


def _trimmed(token: str) -> str:
    start, end = 0, len(token)
    while start < end and not token[start].isalpha():
        start += 1
    while end > start and not token[end - 1].isalpha():
        end -= 1
    return token[start:end]


def _plausible(word: str) -> bool:
    if not all(c.isalpha() for c in word):
        return False  # a symbol among letters: "£ódŸ", "Õàðê³â"
    cyrillic = any("\u0400" <= c <= "\u04ff" for c in word)
    latin = any(c.isascii() or "\u00c0" <= c <= "\u024f" for c in word)
    if cyrillic and latin:
        return False  # "Krakуw"
    if latin and len(word) >= 3 and not any(c.isascii() for c in word):
        return False  # "Ìîñêâà": Latin words have plain letters
    # A capital inside a word ("GdaŸsk", "ZŸrich"), not in a word of capitals
    return word.isupper() or not any(c.isupper() and not c.isascii() for c in word[1:])
