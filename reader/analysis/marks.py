"""Quotation marks paired into quoted spans, telling quote marks from apostrophes.

Double marks (straight or curly, or two apostrophes), guillemets and low-9 marks pair within a paragraph; a quotation
left open at a paragraph's end continues when the next paragraph opens with a mark of the same
family (the newspaper convention for quotes running over several paragraphs). Which mark closes an
open double quotation is decided by the named rules of ``CLOSERS`` (each with its own examples, run by
tests/analysis/test_analysis_marks.py): real copy mixes straight and curly marks. Single marks are
quote marks only at a word's edge: "country's", "don't" and "’90s" are apostrophes, and a closing
"s’ " followed by a lower-case word is taken as a plural possessive when a better closer exists.
"""

from __future__ import annotations

from dataclasses import dataclass

from reader import patterns
from reader.analysis.records import slot_maker
from reader.analysis.rules import Registry
from reader.analysis.segment import Segments

# Two apostrophes stand for a double quotation mark in some wire copy (''like this''). Written as a
# mark, then a second apostrophe only after an apostrophe (the same matches as ``''|["“”„«»‘’']``):
# a pattern that opens with a character class lets the regex engine skip to the next mark at C speed.
MARK_RE = patterns.compile(r"[\"“”„«»‘’'](?:(?<=')')?")
# What may stand right before an opening mark (no-break and thin spaces too: web copy puts them there).
_OPEN_BEFORE = set(" \t\n([{—–-/\"“‘'«„:\u00a0\u202f\u2009")
_DOUBLE_OPEN: dict[str, str | tuple[str, ...]] = {"“": "”", "„": "“”", "«": "»", '"': '"', "''": ("''",)}
_SINGLE_OPEN = {"‘": "’'", "'": "'’"}
CLOSERS = Registry("closers")  # which mark closes an open double quotation; any rule that answers yes


@dataclass(frozen=True, slots=True)
class MarkExample:
    """A text with one double quotation, and the words it must quote (``None``: no quotation there)."""

    text: str
    content: str | None


@CLOSERS.rule("same-family", examples=(
    MarkExample('He said "the vote is off" and left.', "the vote is off"),
    MarkExample("“We will appeal,” she said.", "We will appeal,"),
    MarkExample("''We will appeal,'' she said.", "We will appeal,"),
))
def same_family(text: str, start: int, pos: int, opener: str, ch: str, para_end: int) -> bool:
    """The closing mark of the opener's own family (a straight mark after a space only at the
    paragraph's end: '"a "b"' opens a second quotation there, it does not close the first)."""
    return ch in _DOUBLE_OPEN[opener] and (opener not in ('"', "''") or not text[pos - 1].isspace()
                                           or pos + 1 >= para_end)


@CLOSERS.rule("mixed-straight-curly", examples=(
    MarkExample('"Our budget is gone,” the mayor said. “We start again.”', "Our budget is gone,"),
    MarkExample('“Our budget is gone," the mayor said. "We start again."', "Our budget is gone,"),
    MarkExample('“Nobody told us about the "new" rules,” she said.', 'Nobody told us about the "new" rules,'),
    MarkExample('"MAYOR: The plan reads like an episode of “Grand Designs.” We will fix it.\n\nOK.', None),
))
def mixed_straight_curly(text: str, start: int, pos: int, opener: str, ch: str, para_end: int) -> bool:
    """A straight opener closed by a curly closer, or a curly opener by a straight mark, when the mark
    is shaped as a closer (after a word, not before one), no mark of its own style opened since (that
    one it closes: '"He called it “a show.” Then ...') and no closer of the opener's own family
    follows in the paragraph (so a straight pair nested in curly marks stays inside): copy edited in
    two tools mixes them, and waiting for the "right" mark runs the quotation over its attribution
    into the next one."""
    if (opener, ch) not in (('"', "”"), ("“", '"')) or text[pos - 1].isspace():
        return False
    nxt = text[pos + 1] if pos + 1 < len(text) else " "
    own, other = ('"', "“") if opener == '"' else ("”", '"')
    return not nxt.isalnum() and text.find(other, start + 1, pos) < 0 and text.find(own, pos + 1, para_end) < 0


@CLOSERS.rule("after-single-closer", examples=(
    MarkExample('"I never liked the word \'outreach,\' " he told the group.', "I never liked the word 'outreach,' "),
    MarkExample("“I never liked the word ‘outreach,’ ” he told the group.", "I never liked the word ‘outreach,’ "),
))
def after_single_closer(text: str, start: int, pos: int, opener: str, ch: str, para_end: int) -> bool:
    """A double closer set off by a space from the single quotation it ends ('... the word
    \'outreach,\' " he said'): typesetters put the space there so the marks do not run together."""
    if ch not in _DOUBLE_OPEN[opener] or pos < 2 or text[pos - 1] not in " \u00a0\u202f\u2009":
        return False
    nxt = text[pos + 1] if pos + 1 < len(text) else " "
    return text[pos - 2] in "'’" and not nxt.isalnum()


def closes(text: str, start: int, pos: int, opener: str, ch: str, para_end: int) -> bool:
    """Does the mark ``ch`` at ``pos`` close a double quotation opened by ``opener`` at ``start``?"""
    for rule in CLOSERS.rules:  # noqa: SIM110 (a plain loop: any() over a generator costs more than the rules)
        if rule.find(text, start, pos, opener, ch, para_end):
            return True
    return False


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


_quoted = slot_maker(Quoted)
"""``Quoted(open, close, double, paragraphs=1)`` about twice as fast (a long article has 10,000
quotations, rebuilt in the serial part of the parallel analysis too)."""


def quoted_from_rows(rows: list[tuple[int, int, bool, int]]) -> list[Quoted]:
    """The quoted spans :func:`quoted_rows` made into rows."""
    quoted = _quoted
    return [quoted(*row) for row in rows]


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
        if carry is None and (k >= n or marks[k][0] >= para.end):
            # No mark here and no quotation running on: go straight to the next mark's paragraph.
            if k >= n:
                break
            ahead = segments.paragraph_index(marks[k][0])
            if ahead > pi:
                pi = ahead
                continue
        while k < n and marks[k][0] < para.start:
            k += 1
        open_at: tuple[int, str] | None = None
        if carry is not None:
            if k < n and marks[k][0] == para.start and marks[k][1] == carry[1]:
                open_at = (carry[0], carry[1])
                k += 1
                carry_paras = carry[2]
            else:
                # The quotation was never closed: end it at the previous paragraph (the next
                # quotation of this paragraph is a one-paragraph quotation of its own).
                prev = paragraphs[pi - 1]
                found.append(_quoted(carry[0], prev.end, carry[1] not in _SINGLE_OPEN, carry[2]))
                carry_paras = 0
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
                if closes(text, start, pos, kind, ch, para.end):
                    found.append(_quoted(start, pos, True, carry_paras + 1))
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
                found.append(_quoted(start, pos, False, carry_paras + 1))
                open_at = None
                carry_paras = 0
            j += 1
        k = j
        if open_at is not None:
            carry = (open_at[0], open_at[1], carry_paras + 1)
        pi += 1
    if carry is not None:
        found.append(_quoted(carry[0], paragraphs[-1].end, carry[1] not in _SINGLE_OPEN, carry[2]))
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
