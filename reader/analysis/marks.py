"""Quotation marks paired into quoted spans, telling quote marks from apostrophes.

Double marks (straight or curly, or two apostrophes), guillemets and low-9 marks pair within a paragraph; a quotation
left open at a paragraph's end continues when the next paragraph opens with a mark of the same
family (the newspaper convention for quotes running over several paragraphs). Single marks are
quote marks only at a word's edge: "country's", "don't" and "’90s" are apostrophes, and a closing
"s’ " followed by a lower-case word is taken as a plural possessive when a better closer exists.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.analysis.segment import Segments

# Two apostrophes stand for a double quotation mark in some wire copy (''like this'').
MARK_RE = re.compile(r"''|[\"“”„«»‘’']")
_OPEN_BEFORE = set(" \t\n([{—–-/\"“‘'«„:")
_DOUBLE_OPEN: dict[str, str | tuple[str, ...]] = {"“": "”", "„": "“”", "«": "»", '"': '"', "''": ("''",)}
_SINGLE_OPEN = {"‘": "’'", "'": "'’"}


@dataclass(frozen=True, slots=True)
class Quoted:
    """A quoted span: marks at ``open`` and ``close``; the content is ``text[open + 1:close]``."""

    open: int
    close: int
    double: bool
    paragraphs: int = 1


def quoted_rows(quoted: list[Quoted]) -> list[tuple[int, int, bool, int]]:
    """Quoted spans as plain tuples, to send to another process (a slotted dataclass pickles
    some thirty times slower)."""
    return [(q.open, q.close, q.double, q.paragraphs) for q in quoted]


def quoted_from_rows(rows: list[tuple[int, int, bool, int]]) -> list[Quoted]:
    """The quoted spans :func:`quoted_rows` made into rows."""
    return [Quoted(*row) for row in rows]


def _is_opener(text: str, i: int) -> bool:
    prev = text[i - 1] if i > 0 else "\n"
    nxt = text[i + 1] if i + 1 < len(text) else " "
    if prev not in _OPEN_BEFORE:
        return False
    if nxt.isspace() and not (text[i] == "«" and nxt in " \u00a0\u202f"):  # French « with a space
        return False
    # '90s, 'em, rock 'n' roll are apostrophes.
    return not (text[i] in "'’‘" and (nxt.isdigit() or text[i + 1:i + 3].lower() in ("em", "n ", "n'")))


def _is_single_closer(text: str, i: int) -> bool:
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    return not prev.isspace() and not nxt.isalnum()


def find_quoted(text: str, segments: Segments) -> list[Quoted]:
    """All quoted spans of the text, in order."""
    found: list[Quoted] = []
    paragraphs = segments.paragraphs
    marks = [(m.start(), m.group()) for m in MARK_RE.finditer(text)]
    if not marks:
        return found
    n = len(marks)
    k = 0  # index into marks
    pi = 0
    carry: tuple[int, str, int] | None = None  # open quotation running over paragraphs
    while pi < len(paragraphs):
        para = paragraphs[pi]
        while k < n and marks[k][0] < para.start:
            k += 1
        open_at: tuple[int, str] | None = None
        if carry is not None:
            if k < n and marks[k][0] == para.start and marks[k][1] == carry[1]:
                open_at = (carry[0], carry[1])
                k += 1
            else:
                # The quotation was never closed: end it at the previous paragraph.
                prev = paragraphs[pi - 1]
                found.append(Quoted(carry[0], prev.end, carry[1] not in _SINGLE_OPEN, carry[2]))
            carry_paras = carry[2]
            carry = None
        else:
            carry_paras = 0
        j = k
        while j < n and marks[j][0] < para.end:
            pos, ch = marks[j]
            if open_at is None:
                if ch in _DOUBLE_OPEN:
                    if _is_opener(text, pos):
                        open_at = (pos, ch)
                elif ch in _SINGLE_OPEN and _is_opener(text, pos):
                    open_at = (pos, ch)
                j += 1
                continue
            start, kind = open_at
            if kind in _DOUBLE_OPEN:
                closes = _DOUBLE_OPEN[kind]
                if ch in closes and (kind not in ('"', "''") or not text[pos - 1].isspace() or pos + 1 >= para.end):
                    found.append(Quoted(start, pos, True, carry_paras + 1))
                    open_at = None
                    carry_paras = 0
                j += 1
                continue
            # Single quotation: pick a closer that is not an apostrophe.
            if ch in _SINGLE_OPEN[kind] and _is_single_closer(text, pos):
                nxt = text[pos + 1:pos + 3]
                possessive = text[pos - 1] in "sS" and len(nxt) == 2 and nxt[0] == " " and nxt[1].islower()
                if possessive and _later_closer(text, marks, j + 1, para.end, _SINGLE_OPEN[kind]):
                    j += 1
                    continue
                found.append(Quoted(start, pos, False, carry_paras + 1))
                open_at = None
                carry_paras = 0
            j += 1
        k = j
        if open_at is not None:
            carry = (open_at[0], open_at[1], carry_paras + 1)
        pi += 1
    if carry is not None:
        found.append(Quoted(carry[0], paragraphs[-1].end, carry[1] not in _SINGLE_OPEN, carry[2]))
    found.sort(key=lambda q: q.open)
    return found


def _later_closer(text: str, marks: list[tuple[int, str]], j: int, end: int, closers: str) -> bool:
    """Is there a clean closer (not after "s" before a lower-case word) later in the paragraph?"""
    n = len(marks)
    end = min(end, marks[j - 1][0] + 400) if j > 0 else end  # bounded look-ahead
    while j < n and marks[j][0] < end:
        pos, ch = marks[j]
        if ch in closers and _is_single_closer(text, pos):
            nxt = text[pos + 1:pos + 3]
            if not (text[pos - 1] in "sS" and len(nxt) == 2 and nxt[0] == " " and nxt[1].islower()):
                return True
        if ch in "‘“\"" and _is_opener(text, pos):
            return False
        j += 1
    return False
