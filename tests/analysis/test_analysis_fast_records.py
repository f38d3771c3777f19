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
def test_a_quote_made_fast_is_the_quote(text, kind, start, end, speaker, cue, cue_start, cue_end) -> None:
    """Quotes made by giving them their ``__dict__`` are equal, hashed alike, frozen, and written to
    JSON field by field in the same order as the class's own."""
    import orjson

    from reader.analysis.model import Quote
    from reader.analysis.quotes import _quote

    fast, made = _quote(text, kind, start, end, speaker, cue, cue_start, cue_end), \
        Quote(text, kind, start, end, speaker, cue, cue_start, cue_end)
    assert fast == made and hash(fast) == hash(made) and type(fast) is Quote
    assert orjson.dumps(fast) == orjson.dumps(made) and vars(fast) == vars(made)
    assert _quote(text, kind, start, end, speaker) == Quote(text, kind, start, end, speaker)
    with pytest.raises(dataclasses.FrozenInstanceError):
        fast.start = 1  # type: ignore[misc]


def test_the_dict_maker_is_in_use_for_quotes_and_refuses_what_it_cannot_make() -> None:
    """A field added to Quote changes its maker with it; slotted, checked or factory-defaulted
    classes are made by their own ``__init__``."""
    from reader.analysis.model import Quote
    from reader.analysis.quotes import _quote
    from reader.analysis.records import dict_maker

    assert _quote is not Quote

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
