"""The block rules' text-only scans (their ``prepare``, worked out while a long article's parent
waits) find what a plain scan of every paragraph finds: transcript labels, passed over by a look
at a paragraph's second character before the pattern is tried."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.analysis.engine import PIPELINE
from reader.analysis.reported import LABEL_RE, _labels

# Paragraph openings made of what a label holds and what ordinary prose opens with.
_PIECES = ["MS. ", "MR ", "DR.", "Q", "A", ":", ": ", "CALLOW", "O'NEILL", "-", "’", " ", "The", "said", "é", "É",
           "x", "Z", ".", "\n"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=8).map("".join), min_size=1, max_size=12))
def test_labels_are_every_paragraph_the_label_pattern_opens(paragraphs: list[str]) -> None:
    text = "\n\n".join(p + " we will." for p in paragraphs)
    run = PIPELINE.run(text)
    assert run.finder is not None
    plain = [(para, m.span()) for para in run.segments.paragraphs  # type: ignore[union-attr]
             if (m := LABEL_RE.match(text, para.start, para.end)) and m.group("name") not in ("Q", "A")]
    assert [(para, m.span()) for para, m in _labels(run.finder)] == plain


def test_preparing_the_blocks_stops_when_told_and_the_blocks_are_the_same() -> None:
    text = ("Ruth Callow spoke to the committee.\n\nMS. CALLOW: We will not support this bill.\n\nMR. DOYLE: Why not?"
            "\n\nMayor Says Harbour Bridge Will Reopen In Spring\n\nThe chair, Wendy Ortega, added:\n\n"
            "It is a decision we will appeal, and we expect to win.")
    whole = PIPELINE.run(text)
    run = PIPELINE.run(text)
    assert run.finder is not None and whole.finder is not None
    run.finder._prepared.clear()
    asked: list[int] = []
    run.finder.prepare_blocks(lambda: bool(asked.append(1)) or len(asked) > 1)  # (enough after the first)
    prepares = [rule.prepare for rule in run.finder.rules.blocks if rule.prepare is not None]
    assert len(prepares) >= 2 and list(run.finder._prepared) == prepares[:1]
    assert run.finder.blocks() == whole.finder.blocks() and whole.finder.blocks()  # (the rest worked out now)
