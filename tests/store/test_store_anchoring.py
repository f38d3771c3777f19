"""Finding a note's passage again after the article's text changed."""

from __future__ import annotations

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from reader.store.anchoring import (
    CONTEXT,
    Selector,
    Status,
    describe,
    find_all,
    find_quote,
    locate,
)

TEXT = (
    "The minister said on Monday that the budget would balance by next spring. "
    "Critics in parliament disagreed, saying the figures did not add up. "
    "The treasury declined to comment, but a spokesman said the budget was sound and fair."
)


def span(text: str, quote: str, nth: int = 0) -> tuple[int, int]:
    start = find_all(text, quote)[nth]
    return start, start + len(quote)


def test_describe_records_quote_context_and_offsets() -> None:
    start, end = span(TEXT, "Critics in parliament disagreed")
    sel = describe(TEXT, start, end)
    assert sel.quote == "Critics in parliament disagreed"
    assert sel.prefix == TEXT[start - CONTEXT:start] and len(sel.prefix) == CONTEXT
    assert sel.suffix == TEXT[end:end + CONTEXT]
    assert (sel.start, sel.end) == (start, end)
    assert Selector.from_w3c(sel.to_w3c()) == sel
    assert [s["type"] for s in sel.to_w3c()] == ["TextQuoteSelector", "TextPositionSelector"]


def test_describe_at_the_edges_has_short_context() -> None:
    sel = describe(TEXT, 0, 12)
    assert sel.prefix == "" and sel.quote == "The minister"
    end = len(TEXT)
    assert describe(TEXT, end - 4, end).suffix == ""


@pytest.mark.parametrize(("start", "end"), [(5, 5), (-1, 3), (3, 2), (0, len(TEXT) + 1)])
def test_describe_refuses_empty_or_outside_ranges(start: int, end: int) -> None:
    with pytest.raises(ValueError):
        describe(TEXT, start, end)


def test_unchanged_text_is_anchored_in_place() -> None:
    sel = describe(TEXT, *span(TEXT, "the figures"))
    anchor = locate(sel, TEXT)
    assert (anchor.status, anchor.start, anchor.end) == (Status.ANCHORED, sel.start, sel.end)


def test_insertion_before_moves_the_note() -> None:
    sel = describe(TEXT, *span(TEXT, "the figures did not add up"))
    new = "BREAKING. " + TEXT
    anchor = locate(sel, new)
    assert anchor.status is Status.MOVED
    assert (anchor.start, anchor.end) == (sel.start + 10, sel.end + 10)


def test_insertion_after_keeps_the_note_anchored() -> None:
    sel = describe(TEXT, *span(TEXT, "balance by next spring"))
    anchor = locate(sel, TEXT + " More to follow.")
    assert (anchor.status, anchor.start) == (Status.ANCHORED, sel.start)


def test_repeated_quote_follows_its_context() -> None:
    # "the budget" occurs twice; the note is on the second one.
    sel = describe(TEXT, *span(TEXT, "the budget", nth=1))
    new = TEXT.replace("Critics in parliament", "Many critics in the national parliament")
    anchor = locate(sel, new)
    assert anchor.status is Status.MOVED
    assert anchor.start == find_all(new, "the budget")[1]


def test_repeated_quote_follows_its_context_when_sentences_swap() -> None:
    first = "The mayor of the northern city told reporters that the decision was final. "
    second = "Asked about the protests, the union leader replied that the decision was final. "
    text = first + second
    sel = describe(text, *span(text, "the decision was final", nth=1))  # the union leader's words
    new = second.replace("the protests", "protests") + first + "Extra words pad the end to keep offsets apart."
    anchor = locate(sel, new)
    assert anchor.status is Status.MOVED
    assert (anchor.start, anchor.end) == span(new, "the decision was final", nth=0)


def test_edit_inside_the_quote_is_fuzzy() -> None:
    quote = "Critics in parliament disagreed, saying the figures did not add up"
    sel = describe(TEXT, *span(TEXT, quote))
    new = TEXT.replace("did not add up", "simply did not add up")
    anchor = locate(sel, new)
    assert anchor.status is Status.FUZZY
    assert new[anchor.start:anchor.end].startswith("Critics in parliament")
    assert new[anchor.start:anchor.end].endswith("add up")


def test_small_typo_fix_inside_quote_is_fuzzy_with_context() -> None:
    text = TEXT.replace("spokesman", "spokesmn")
    sel = describe(text, *span(text, "a spokesmn said the budget"))
    anchor = locate(sel, TEXT)
    assert anchor.status is Status.FUZZY
    assert TEXT[anchor.start:anchor.end] == "a spokesman said the budget"


def test_deleted_passage_is_orphaned_but_keeps_its_offsets() -> None:
    quote = "Critics in parliament disagreed, saying the figures did not add up. "
    sel = describe(TEXT, *span(TEXT, quote))
    new = TEXT.replace(quote, "")
    anchor = locate(sel, new)
    assert anchor.status is Status.ORPHANED
    assert anchor.start == sel.start


def test_rewritten_article_orphans_the_note() -> None:
    sel = describe(TEXT, *span(TEXT, "declined to comment"))
    anchor = locate(sel, "A completely different story about football results and the weather.")
    assert anchor.status is Status.ORPHANED


def test_find_quote_tolerates_line_breaks_in_a_typed_quote() -> None:
    assert find_quote(TEXT, "the figures did not") == span(TEXT, "the figures did not")
    start, end = find_quote("one two\nthree four", "two three") or (0, 0)
    assert (start, end) == (4, 13)
    assert find_quote(TEXT, "not in the text") is None
    assert find_quote(TEXT, "   ") is None


words = st.lists(st.sampled_from(["the", "minister", "said", "budget", "critics", "audit", "fine", "no", "a"]),
                 min_size=8, max_size=60).map(" ".join)
insert_text = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1, max_size=40)


@settings(max_examples=80, deadline=None)
@given(text=words, data=st.data())
def test_unchanged_text_is_always_anchored(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    sel = describe(text, start, end)
    anchor = locate(sel, text)
    assert (anchor.status, anchor.start, anchor.end) == (Status.ANCHORED, start, end)


@settings(max_examples=80, deadline=None)
@given(text=words, inserted=insert_text, data=st.data())
def test_insertions_outside_the_quote_keep_the_exact_quote(text: str, inserted: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    sel = describe(text, start, end)
    at = data.draw(st.sampled_from([p for p in range(len(text) + 1) if p <= start or p >= end]))
    new = text[:at] + inserted + text[at:]
    true_start = start + len(inserted) if at <= start else start
    anchor = locate(sel, new)
    assert anchor.status in (Status.ANCHORED, Status.MOVED)
    assert new[anchor.start:anchor.end] == sel.quote
    # In repetitive text several occurrences may fit; a unique one is found exactly, and if the
    # true place still has its whole recorded context, so does the place chosen.
    if len(find_all(new, sel.quote)) == 1:
        assert anchor.start == true_start

    def fits(pos: int) -> bool:
        return (new[max(0, pos - len(sel.prefix)):pos] == sel.prefix
                and new[pos + len(sel.quote):pos + len(sel.quote) + len(sel.suffix)] == sel.suffix)

    if fits(true_start):
        assert fits(anchor.start)


@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_unique_quote_is_found_after_insertions_and_deletions_elsewhere(data: st.DataObject) -> None:
    sentences = TEXT.split(". ")
    index = data.draw(st.integers(0, len(sentences) - 1))
    quote = sentences[index]
    assume(len(find_all(TEXT, quote)) == 1)
    sel = describe(TEXT, *span(TEXT, quote))
    others = [s for i, s in enumerate(sentences) if i != index]
    kept = data.draw(st.lists(st.sampled_from(others), max_size=len(others), unique=True))
    pieces = kept + [quote]
    new = ". ".join(data.draw(st.permutations(pieces)))
    anchor = locate(sel, new)
    assert anchor.status in (Status.ANCHORED, Status.MOVED)
    assert (anchor.start, anchor.end) == span(new, quote)


@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_single_character_edit_inside_a_long_quote_stays_close(data: st.DataObject) -> None:
    quote = "Critics in parliament disagreed, saying the figures did not add up"
    start, end = span(TEXT, quote)
    sel = describe(TEXT, start, end)
    at = data.draw(st.integers(start + 1, end - 2))
    replacement = data.draw(st.sampled_from(["", "x", "XY"]))
    new = TEXT[:at] + replacement + TEXT[at + 1:]
    assume(new != TEXT)
    anchor = locate(sel, new)
    assert anchor.status is Status.FUZZY
    assert abs(anchor.start - start) <= 2
    assert abs(anchor.end - (end + len(replacement) - 1)) <= 2


def test_long_quote_with_an_insertion_inside_is_fuzzy_with_exact_ends() -> None:
    paragraph = TEXT + " " + (
        "Officials in the northern provinces reported heavy snow overnight. "
        "Schools stayed closed while crews cleared the roads near the border. "
        "A farmer said his cattle had survived, though the barn roof had not. "
        "Power returned to most homes by noon, the utility company announced. "
        "Forecasters expect milder weather after the weekend, with rain in the south."
    )
    quote = "Schools stayed closed while crews cleared the roads near the border. A farmer said his cattle"
    start = paragraph.index(quote)
    sel = describe(paragraph, start, start + len(quote))
    assert len(sel.quote) > 64
    cut = paragraph.index("A farmer")
    new = "Preface. " + paragraph[:cut] + "An inserted remark follows here. " + paragraph[cut:]
    anchor = locate(sel, new)
    assert anchor.status is Status.FUZZY
    assert new[anchor.start:anchor.end].startswith("Schools stayed closed")
    assert new[anchor.start:anchor.end].endswith("said his cattle")


def test_a_common_phrase_elsewhere_does_not_steal_an_edited_passage() -> None:
    text = ("Yesterday the minister said the talks had failed and walked out of the room in anger. "
            "Later, in a separate interview about farming subsidies, the minister said little. "
            "Economists were unimpressed by the plan. Then the minister said nothing more at all.")
    sel = describe(text, *span(text, "the minister said the talks had failed"))
    new = text.replace("the minister said the talks had failed", "the minister said that the talks had failed")
    anchor = locate(sel, new)
    assert anchor.status is Status.FUZZY
    assert new[anchor.start:anchor.end] == "the minister said that the talks had failed"
    short = describe(text, *span(text, "the minister said"))  # the first of three
    edited = text.replace("Yesterday the minister said", "Yesterday the minister had said", 1)
    moved = locate(short, edited)
    assert moved.status is Status.FUZZY
    assert edited[moved.start:moved.end] == "the minister had said"
