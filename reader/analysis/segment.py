"""Paragraphs and sentences as offset ranges, found in one linear pass each.

Paragraphs are separated by a blank line (the document model's ``"\\n\\n"``). A sentence ends at
``.``, ``!`` or ``?`` (with any closing quotes or brackets) followed by space and a capital, digit
or opening quote (two apostrophes too), unless the full stop ends a known abbreviation or an initial ("Mr.", "U.S.", "J.").
"""

from __future__ import annotations

from array import array
from bisect import bisect_right
from dataclasses import dataclass

from reader import patterns
from reader.analysis.lexicon import ABBREVIATIONS
from reader.analysis.records import slot_maker

MAX_SENTENCE = 800
_PARA_RE = patterns.compile(r"[^\n]+(?:\n(?!\s*\n)[^\n]*)*")
# (two apostrophes open a quotation in some wire copy: "... components. ''If you ...")
# ("[.!?][.!?]*", not "[.!?]+": a pattern opening with a character class, not a repeat of one, lets
# the regex engine skip to the next end mark at C speed instead of trying every offset.)
_END_RE = patterns.compile(r"[.!?][.!?]*[\"”’'»)\]]*(?=\s+(?:''|[\"“‘„'(\[]|« ?)?[A-Z0-9])")
_LAST_WORD_RE = patterns.compile(r"([A-Za-z][A-Za-z.]*)$")


@dataclass(frozen=True, slots=True)
class Span:
    """A range ``[start, end)`` of the text."""

    start: int
    end: int


_span = slot_maker(Span)
"""``Span(start, end)`` about twice as fast (some 60,000 paragraphs and sentences in a long article)."""


class Segments:
    """Paragraph and sentence ranges of a text, with fast lookups by offset."""

    def __init__(self, text: str, sentences: bool = True) -> None:
        """Paragraphs and sentences; with ``sentences=False`` paragraphs only, the sentences to come
        from :meth:`split_sentences` or :meth:`add_sentence_rows` (another process's split)."""
        self.text = text
        self.paragraphs: list[Span] = []
        self.sentences: list[Span] = []
        paragraphs, span = self.paragraphs, _span
        for para in _PARA_RE.finditer(text):
            start, end = para.start(), para.end()
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            if start >= end:
                continue
            paragraphs.append(span(start, end))
        if sentences:
            self._split_all()
        self._para_starts = [p.start for p in self.paragraphs]
        self._sent_starts = [s.start for s in self.sentences]

    def split_sentences(self) -> None:
        """The sentences of a ``Segments(text, sentences=False)``, as the full constructor finds them."""
        self.sentences = []
        self._split_all()
        self._sent_starts = [s.start for s in self.sentences]

    def sentence_rows(self) -> array[int]:
        """The sentences as one flat array of offsets (start, end, start, end, ...), to send to another
        process: far faster to pickle (and load) than the spans, or a list of the numbers."""
        return array("q", [offset for s in self.sentences for offset in (s.start, s.end)])

    def add_sentence_rows(self, rows: array[int]) -> None:
        """Take the sentences :meth:`sentence_rows` gave for this same text."""
        span = _span
        offsets = iter(rows.tolist())
        self.sentences = [span(start, end) for start, end in zip(offsets, offsets, strict=True)]
        self._sent_starts = rows[::2].tolist()

    def _add_sentence(self, start: int, end: int) -> None:
        """Record a sentence, cut into pieces of at most MAX_SENTENCE characters at spaces.

        Real sentences are far shorter; the cap keeps every per-sentence scan bounded, so
        analysis stays linear even on text without punctuation.
        """
        text = self.text
        while end - start > MAX_SENTENCE:
            cut = text.rfind(" ", start + MAX_SENTENCE // 2, start + MAX_SENTENCE)
            if cut <= start:
                cut = start + MAX_SENTENCE
            self.sentences.append(_span(start, cut))
            start = cut
            while start < end and text[start].isspace():
                start += 1
        if end > start:
            self.sentences.append(_span(start, end))

    def _split_all(self) -> None:
        """Every paragraph's sentences, from one scan of the whole text for sentence ends.

        Paragraphs are separated, and trimmed, by white space, which no end mark includes, so each
        end falls in one paragraph, the very ends a scan of that paragraph alone finds: except one
        that ends the paragraph (the scan alone cannot see the capital after it), which is skipped
        here too (the paragraph's end ends that sentence all the same). One loop over the ends
        (a for loop, not a ``next()`` call per end), moving on to the next paragraph as they pass
        its end.
        """
        paragraphs = self.paragraphs
        if not paragraphs:
            return
        text = self.text
        sentences = self.sentences
        add, span, add_long = sentences.append, _span, self._add_sentence
        abbreviations, last_word = ABBREVIATIONS, _LAST_WORD_RE.search
        p = 0
        end = paragraphs[0].end
        begin = paragraphs[0].start
        for match in _END_RE.finditer(text):
            mark, stop = match.span()
            if mark >= end:  # the ends of the paragraphs before this one's end their last sentences
                while True:
                    if begin < end:
                        add_long(begin, end)
                    p += 1
                    para = paragraphs[p]
                    begin, end = para.start, para.end
                    if mark < end:
                        break
            if stop >= end:
                continue
            if text[mark] == ".":
                word = last_word(text, mark - 12 if mark - 12 > begin else begin, mark)
                if word:
                    token = word.group(1).lower()
                    if token in abbreviations or len(token) == 1 or (len(token) <= 3 and "." in token):
                        continue
            if stop - begin > MAX_SENTENCE:
                add_long(begin, stop)
            else:
                add(span(begin, stop))
            begin = stop
            while begin < end and text[begin].isspace():
                begin += 1
        while True:
            if begin < end:
                add_long(begin, end)
            p += 1
            if p == len(paragraphs):
                break
            para = paragraphs[p]
            begin, end = para.start, para.end

    def paragraph_index(self, offset: int) -> int:
        """Index of the paragraph containing (or preceding) ``offset``; -1 before the first."""
        return bisect_right(self._para_starts, offset) - 1

    def sentence_index(self, offset: int) -> int:
        """Index of the sentence containing (or preceding) ``offset``; -1 before the first."""
        return bisect_right(self._sent_starts, offset) - 1

    def paragraph_at(self, offset: int) -> Span | None:
        """The paragraph containing ``offset``, or None."""
        i = self.paragraph_index(offset)
        if i < 0 or offset > self.paragraphs[i].end:
            return None
        return self.paragraphs[i]

    def sentence_at(self, offset: int) -> Span | None:
        """The sentence containing ``offset``, or None."""
        i = self.sentence_index(offset)
        if i < 0 or offset > self.sentences[i].end:
            return None
        return self.sentences[i]
