"""Case- and accent-insensitive matching, with offsets that map back to the text.

``fold`` lower-cases (full case folding), drops accents and spells out letters that stand
for two ("Straße" -> "strasse", "Æsir" -> "aesir", "œuvre" -> "oeuvre", "ﬁnal" -> "final"),
so that whichever way a word is typed it is found. Folding works character by character:
``fold(a + b) == fold(a) + fold(b)``, so a span of the folded text is the fold of a span of
the text.

Most texts fold to the same length (ASCII with ``str.lower``, at C speed; accented letters
through a translation table filled on demand). The few characters whose fold is longer or
shorter (ß, æ, ligatures, a combining accent, a soft hyphen) are found with one regex scan
and listed in a :class:`FoldMap`, which turns offsets in the folded text back into offsets in
the text; a text without them (nearly all) gets the identity map for the cost of ``set(text)``.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

FOLD_VERSION = 2
"""Changes when ``fold`` gives other results, so folded texts kept in a cache are made again."""

_SPELLED_OUT = {"æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "ø": "o", "Ø": "o", "ł": "l", "Ł": "l",
                "đ": "d", "Đ": "d", "ħ": "h", "Ħ": "h", "ı": "i", "\u00ad": "", "\u200b": ""}
"""Letters that Unicode does not decompose but a reader types without their stroke or as two
letters; and invisible characters that may sit inside a word (soft hyphen, zero-width space)."""


def _fold_char(char: str) -> str:
    if char in _SPELLED_OUT:
        return _SPELLED_OUT[char]
    base = unicodedata.normalize("NFKD", char.casefold())
    letters = "".join(_SPELLED_OUT.get(c, c) for c in base if not unicodedata.combining(c))
    return letters.lower()


class _FoldTable(dict[int, str]):
    """``str.translate`` table filled on demand (only the characters a text actually uses)."""

    def __missing__(self, code: int) -> str:
        folded = self[code] = _fold_char(chr(code))
        return folded


_TABLE = _FoldTable()


def _changes(text: str) -> dict[int, str]:
    """The translation of the non-ASCII characters of ``text`` that fold to something else."""
    return {code: folded for code in {ord(c) for c in set(text) if c > "\x7f"}
            if (folded := _TABLE[code]) != chr(code)}


def fold(text: str) -> str:
    """``text`` case-folded, without accents, double letters spelled out (see the module docstring).

    Most news text is ASCII but for curly quotes and dashes, which fold to themselves: then
    ``lower()`` is the whole answer (C speed); only the other characters need the table.
    (Greek capital sigma is in the table, so ``lower()`` never sees one and folds every
    character alone.)
    """
    if text.isascii():
        return text.lower()
    changes = _changes(text)
    if not changes:
        return text.lower()
    if len(changes) <= _FEW_CHANGES and not any(ord(c) in changes for out in changes.values() for c in out):
        for code, folded in changes.items():  # a few C-speed passes beat translate's per-character lookups
            text = text.replace(chr(code), folded)
        return text.lower()
    return text.translate(changes).lower()


_FEW_CHANGES = 24
"""Up to this many distinct characters to change, ``fold`` replaces each in one ``str.replace``
pass (about 1 ms a pass over 3 MB) instead of ``str.translate`` with a dict (about 50 ns a
character: 150 ms over 3 MB). Same result: no replacement holds a character that is replaced."""


@dataclass(frozen=True, slots=True)
class FoldMap:
    """Offsets in ``fold(text)`` back to offsets in ``text``.

    One entry per character whose fold is not one character long: where its fold starts in
    the folded text, how long it is (0: dropped), and where the character is in the text.
    """

    starts: tuple[int, ...] = ()
    sizes: tuple[int, ...] = ()
    origins: tuple[int, ...] = ()

    def _source(self, offset: int) -> tuple[int, bool]:
        """The text offset of the character whose fold holds folded ``offset``, and whether
        ``offset`` is past the first of its letters (inside "ss" of "ß")."""
        index = bisect_right(self.starts, offset) - 1
        if index < 0:
            return offset, False
        start, size, origin = self.starts[index], self.sizes[index], self.origins[index]
        if offset < start + size:
            return origin, offset > start
        return origin + 1 + (offset - start - size), False

    def to_source(self, start: int, end: int) -> tuple[int, int] | None:
        """The span of the text whose fold is folded ``start..end``; None when ``start`` falls
        inside one character's fold (a match that begins halfway through "ss" of "ß" is no match).

        A span ending inside a character's fold ("stras" in "strasse" of "Straße") takes the
        whole character; accents and other characters folded away right after the span are
        taken in too, so a highlight never cuts a letter from its accent.
        """
        if not self.starts:
            return start, end
        source_start, inside = self._source(start)
        if inside:
            return None
        if end <= start:
            return source_start, source_start
        last, _inside = self._source(end - 1)
        source_end = last + 1
        index = bisect_left(self.starts, end)
        while (index < len(self.starts) and self.starts[index] == end and self.sizes[index] == 0
               and self.origins[index] == source_end):
            source_end += 1
            index += 1
        return source_start, source_end

    def to_json(self) -> list[int]:
        """The entries as one flat list (start, size, origin, start, ...), to keep in a cache."""
        return [n for entry in zip(self.starts, self.sizes, self.origins, strict=True) for n in entry]

    @classmethod
    def from_json(cls, value: object) -> FoldMap | None:
        """A map kept with :meth:`to_json`; None if ``value`` is not one."""
        if not isinstance(value, list) or len(value) % 3 or not all(type(n) is int and n >= 0 for n in value):
            return None
        return cls(tuple(value[0::3]), tuple(value[1::3]), tuple(value[2::3])) if value else IDENTITY

    def fits(self, text: str, folded: str) -> bool:
        """True if this can be the map of ``text`` whose fold is ``folded``: each entry names, in
        order, a character of the text whose fold has the entry's size, starting where the entries
        before it put it, and the lengths add up. A map kept in a damaged cache fails, and then
        offsets are not taken from it (a text whose resizing characters all went missing from
        its map while their sizes cancel out still passes: the check reads only the entries).
        """
        shift, previous = 0, -1
        for start, size, origin in zip(self.starts, self.sizes, self.origins, strict=True):
            if not previous < origin < len(text) or start != origin + shift or len(_TABLE[ord(text[origin])]) != size:
                return False
            shift, previous = shift + size - 1, origin
        return len(folded) == len(text) + shift

    def is_boundary(self, offset: int) -> bool:
        """True if folded ``offset`` falls between two characters' folds (not inside "ss" of "ß")."""
        return not self.starts or not self._source(offset)[1]


IDENTITY = FoldMap()


def fold_map(text: str) -> FoldMap:
    """The map from ``fold(text)`` back to ``text`` (the identity for nearly every text)."""
    if text.isascii():
        return IDENTITY
    changes = _changes(text)
    resized = [chr(code) for code, folded in changes.items() if len(folded) != 1]
    if not resized:
        return IDENTITY
    starts: list[int] = []
    sizes: list[int] = []
    origins: list[int] = []
    shift = 0
    for match in re.finditer("[" + "".join(re.escape(c) for c in resized) + "]", text):
        origin = match.start()
        size = len(changes[ord(text[origin])])
        starts.append(origin + shift)
        sizes.append(size)
        origins.append(origin)
        shift += size - 1
    return FoldMap(tuple(starts), tuple(sizes), tuple(origins))


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
        # split after folding too: a character may fold to a space ("¯" -> " "), and the text's
        # fold has that space where the query's does, between two words
        words = [w for w in (_EDGE.sub("", piece) for part in raw.split() for piece in fold(part).split()) if w]
        if not words:
            continue
        text = " ".join(words)
        if text in seen:
            continue
        seen.add(text)
        body = r"\s+".join(re.escape(w) for w in words)
        terms.append(Term(text, len(words) > 1, re.compile(rf"(?<!\w){body}")))
    return terms
