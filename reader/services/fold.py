"""Case- and accent-insensitive matching that keeps offsets: one character in, one character out.

Search reports offsets into the article's own text, so folding must not change the length:
``fold(text)[i]`` is the folded form of ``text[i]``. ASCII text is folded with ``str.lower``
(C speed); other text through a translation table that maps each character to the first
letter of its decomposition, lower-cased ("É" -> "e", "ł" stays "ł"). A character whose
folded form would be longer or shorter (e.g. "ß") is only lower-cased.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass


class _FoldTable(dict[int, int]):
    """``str.translate`` table filled on demand (only the characters a text actually uses)."""

    def __missing__(self, code: int) -> int:
        char = chr(code)
        base = unicodedata.normalize("NFKD", char)
        stripped = "".join(c for c in base if not unicodedata.combining(c)) or char
        lowered = stripped.lower()
        if len(lowered) != 1:
            lowered = char.lower() if len(char.lower()) == 1 else char
        self[code] = ord(lowered)
        return self[code]


_TABLE = _FoldTable()


_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def fold(text: str) -> str:
    """``text`` lower-cased and without accents, exactly as long as ``text``.

    Most news text is ASCII but for curly quotes and dashes, which fold to themselves: then
    ``lower()`` is the whole answer (C speed); only accented letters need the table.
    """
    if text.isascii():
        return text.lower()
    lowered = text.lower()
    if len(lowered) != len(text):
        return text.translate(_TABLE)
    changes = {code: _TABLE[code] for code in {ord(c) for c in _NON_ASCII.findall(lowered)} if _TABLE[code] != code}
    return lowered.translate(changes) if changes else lowered


@dataclass(frozen=True, slots=True)
class Term:
    """One search term: a word or a phrase, folded, with the pattern that finds it."""

    text: str
    phrase: bool
    pattern: re.Pattern[str]

    @property
    def needle(self) -> str:
        """A plain substring every match contains (a fast pre-check before the regex)."""
        return self.text.split()[0] if self.phrase else self.text


_QUERY = re.compile(r'"([^"]*)"|(\S+)')
_EDGE = re.compile(r"^\W+|\W+$")


def parse_query(query: str) -> list[Term]:
    """Words and "phrases in quotes", folded; a word matches at the start of a word."""
    terms: list[Term] = []
    seen: set[str] = set()
    for phrase, word in _QUERY.findall(query):
        raw = phrase if phrase else word
        words = [w for w in (_EDGE.sub("", fold(part)) for part in raw.split()) if w]
        if not words:
            continue
        text = " ".join(words)
        if text in seen:
            continue
        seen.add(text)
        body = r"\s+".join(re.escape(w) for w in words)
        terms.append(Term(text, len(words) > 1, re.compile(rf"(?<!\w){body}")))
    return terms
