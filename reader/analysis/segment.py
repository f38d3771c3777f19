"""Paragraphs and sentences as offset ranges, found in one linear pass each.

Paragraphs are separated by a blank line (the document model's ``"\\n\\n"``). A sentence ends at
``.``, ``!`` or ``?`` (with any closing quotes or brackets) followed by space and a capital, digit
or opening quote (two apostrophes too), unless the full stop ends a known abbreviation or an initial ("Mr.", "U.S.", "J.").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from reader.analysis.lexicon import ABBREVIATIONS

MAX_SENTENCE = 800
_PARA_RE = re.compile(r"[^\n]+(?:\n(?!\s*\n)[^\n]*)*")
# (two apostrophes open a quotation in some wire copy: "... components. ''If you ...")
_END_RE = re.compile(r"[.!?]+[\"”’'»)\]]*(?=\s+(?:''|[\"“‘„'(\[]|« ?)?[A-Z0-9])")
_LAST_WORD_RE = re.compile(r"([A-Za-z][A-Za-z.]*)$")


@dataclass(frozen=True, slots=True)
class Span:
    """A range ``[start, end)`` of the text."""

    start: int
    end: int


class Segments:
    """Paragraph and sentence ranges of a text, with fast lookups by offset."""

    def __init__(self, text: str, sentences: bool = True) -> None:
        """Paragraphs and sentences; with ``sentences=False`` paragraphs only, the sentences to come
        from :meth:`split_sentences` or :meth:`add_sentence_rows` (another process's split)."""
        self.text = text
        self.paragraphs: list[Span] = []
        self.sentences: list[Span] = []
        for para in _PARA_RE.finditer(text):
            start, end = para.start(), para.end()
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            if start >= end:
                continue
            self.paragraphs.append(Span(start, end))
        if sentences:
            self._split_all()
        self._para_starts = [p.start for p in self.paragraphs]
        self._sent_starts = [s.start for s in self.sentences]

    def split_sentences(self) -> None:
        """The sentences of a ``Segments(text, sentences=False)``, as the full constructor finds them."""
        self.sentences = []
        self._split_all()
        self._sent_starts = [s.start for s in self.sentences]

    def sentence_rows(self) -> list[int]:
        """The sentences as one flat list of offsets (start, end, start, end, ...), to send to another
        process: some sixty times faster to pickle than the spans."""
        return [offset for s in self.sentences for offset in (s.start, s.end)]

    def add_sentence_rows(self, rows: list[int]) -> None:
        """Take the sentences :meth:`sentence_rows` gave for this same text."""
        self.sentences = [Span(rows[i], rows[i + 1]) for i in range(0, len(rows), 2)]
        self._sent_starts = rows[::2]

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
            self.sentences.append(Span(start, cut))
            start = cut
            while start < end and text[start].isspace():
                start += 1
        if end > start:
            self.sentences.append(Span(start, end))

    def _split_all(self) -> None:
        """Every paragraph's sentences, from one scan of the whole text for sentence ends.

        Paragraphs are separated, and trimmed, by white space, which no end mark includes, so each
        end falls in one paragraph, the very ends a scan of that paragraph alone finds: except one
        that ends the paragraph (the scan alone cannot see the capital after it), which is skipped
        here too (the paragraph's end ends that sentence all the same).
        """
        text = self.text
        sentences = self.sentences
        ends = _END_RE.finditer(text)
        match = next(ends, None)
        for para in self.paragraphs:
            start, end = para.start, para.end
            begin = start
            while match is not None and match.start() < end:
                mark, stop = match.span()
                match = next(ends, None)
                if stop >= end:
                    continue
                if text[mark] == ".":
                    word = _LAST_WORD_RE.search(text, max(begin, mark - 12), mark)
                    if word:
                        token = word.group(1).lower()
                        if token in ABBREVIATIONS or len(token) == 1 or (len(token) <= 3 and "." in token):
                            continue
                if stop - begin > MAX_SENTENCE:
                    self._add_sentence(begin, stop)
                else:
                    sentences.append(Span(begin, stop))
                begin = stop
                while begin < end and text[begin].isspace():
                    begin += 1
            if begin < end:
                self._add_sentence(begin, end)

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
