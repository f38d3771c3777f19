"""The records the analysis builds by filling their slots directly (for speed) are the very records
their classes' ``__init__`` would make: equal, hashed alike, frozen, and no field left unset."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.analysis.marks import Quoted, _quoted
from reader.analysis.segment import Span, _span


@given(st.integers(0, 10**7), st.integers(0, 10**7))
def test_a_span_made_fast_is_the_span(start: int, end: int) -> None:
    fast, made = _span(start, end), Span(start, end)
    assert fast == made and hash(fast) == hash(made) and type(fast) is Span
    with pytest.raises(dataclasses.FrozenInstanceError):
        fast.start = 1  # type: ignore[misc]


@given(st.integers(0, 10**7), st.integers(0, 10**7), st.booleans(), st.integers(1, 50))
def test_a_quoted_span_made_fast_is_the_quoted_span(open_: int, close: int, double: bool, paragraphs: int) -> None:
    fast, made = _quoted(open_, close, double, paragraphs), Quoted(open_, close, double, paragraphs)
    assert fast == made and hash(fast) == hash(made) and type(fast) is Quoted


def test_the_fast_builders_fill_every_field() -> None:
    """A field added to Span or Quoted must be filled by its fast builder too: this fails until it is."""
    assert [f.name for f in dataclasses.fields(Span)] == ["start", "end"]
    assert [f.name for f in dataclasses.fields(Quoted)] == ["open", "close", "double", "paragraphs"]
    assert not hasattr(Span, "__post_init__") and not hasattr(Quoted, "__post_init__")


def test_the_fast_builders_are_in_use_for_the_slotted_records() -> None:
    assert _span is not Span and _quoted is not Quoted


def test_a_record_the_maker_cannot_fill_is_made_by_its_own_class() -> None:
    """No slots, a ``__post_init__`` or a default factory: the class's own ``__init__`` is used."""
    from reader.analysis.records import slot_maker

    @dataclasses.dataclass(frozen=True)
    class Plain:
        a: int

    @dataclasses.dataclass(frozen=True, slots=True)
    class Checked:
        a: int

        def __post_init__(self) -> None:
            if self.a < 0:
                raise ValueError("negative")

    @dataclasses.dataclass(slots=True)
    class Listing:
        items: list[int] = dataclasses.field(default_factory=list)

    assert slot_maker(Plain) is Plain and slot_maker(Checked) is Checked and slot_maker(Listing) is Listing


def test_the_maker_takes_the_defaults_of_the_fields() -> None:
    assert _quoted(3, 9, False) == Quoted(3, 9, False) and _quoted(3, 9, False).paragraphs == 1


@given(st.text(max_size=20), st.sampled_from(["direct", "partial", "indirect"]), st.integers(0, 10**7),
       st.integers(0, 10**7), st.none() | st.text(max_size=10), st.text(max_size=8), st.integers(-1, 10**7),
       st.integers(-1, 10**7))
def test_a_quote_made_fast_is_the_quote(text: str, kind: str, start: int, end: int, speaker: str | None, cue: str,
                                        cue_start: int, cue_end: int) -> None:
    import orjson

    from reader.analysis.model import Quote
    from reader.analysis.quotes import _quote

    fast = _quote(text, kind, start, end, speaker, cue, cue_start, cue_end)
    made = Quote(text, kind, start, end, speaker, cue, cue_start, cue_end)
    assert fast == made and hash(fast) == hash(made) and type(fast) is Quote and repr(fast) == repr(made)
    assert list(vars(fast).items()) == list(vars(made).items()) and orjson.dumps(fast) == orjson.dumps(made)
    assert _quote(text, kind, start, end, speaker) == Quote(text, kind, start, end, speaker)  # (the defaults)
    with pytest.raises(dataclasses.FrozenInstanceError):
        fast.text = "x"  # type: ignore[misc]


def test_the_quote_maker_is_in_use_and_fills_every_field() -> None:
    """A field added to Quote must be filled by its fast builder too: this fails until it is."""
    from reader.analysis.model import Quote
    from reader.analysis.quotes import _quote

    assert _quote is not Quote
    assert [f.name for f in dataclasses.fields(Quote)] == ["text", "kind", "start", "end", "speaker", "cue",
                                                          "cue_start", "cue_end"]
    assert not hasattr(Quote, "__post_init__")


def test_a_record_the_dict_maker_cannot_fill_is_made_by_its_own_class() -> None:
    """Slots, a ``__post_init__`` or a default factory: the class's own ``__init__`` is used."""
    from reader.analysis.records import dict_maker

    @dataclasses.dataclass(frozen=True, slots=True)
    class Slotted:
        a: int

    @dataclasses.dataclass(frozen=True)
    class Checked:
        a: int

        def __post_init__(self) -> None:
            if self.a < 0:
                raise ValueError("negative")

    @dataclasses.dataclass
    class Listing:
        items: list[int] = dataclasses.field(default_factory=list)

    assert dict_maker(Slotted) is Slotted and dict_maker(Checked) is Checked and dict_maker(Listing) is Listing


def test_a_mention_made_fast_is_the_mention() -> None:
    """Mentions made by giving them their ``__dict__`` are the class's own: equal, hashed, frozen,
    written by orjson alike; a field added to Mention fails here until its maker fills it."""
    import orjson

    from reader.analysis.entities import _mention
    from reader.analysis.model import Mention

    fast, made = _mention("Ann Lee", "PERSON", 3, 10, "Ann Lee"), Mention("Ann Lee", "PERSON", 3, 10, "Ann Lee")
    assert _mention is not Mention and type(fast) is Mention
    assert fast == made and hash(fast) == hash(made) and orjson.dumps(fast) == orjson.dumps(made)
    assert [f.name for f in dataclasses.fields(Mention)] == ["text", "label", "start", "end", "entity"]
    with pytest.raises(dataclasses.FrozenInstanceError):
        fast.start = 1  # type: ignore[misc]
