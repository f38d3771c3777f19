"""The resolver's indexes give what plain lists gave: remembered speakers (``History``) in the order and with
the answers of one sorted list, what a partial resolver hands on, and the mentions inside a span."""

from __future__ import annotations

from bisect import bisect_left, insort

from hypothesis import given
from hypothesis import strategies as st

import reader.analysis.speakers as speakers
from reader.analysis.speakers import History

_ENTRY = st.tuples(st.integers(0, 400), st.sampled_from(["Ann Lee", "the agency", "Orbis"]),
                   st.sampled_from(["lee", "agency", "orbis"]))


@given(st.lists(_ENTRY, max_size=40), st.lists(_ENTRY, max_size=300), st.lists(st.integers(-1, 402), max_size=30),
       st.integers(1, 20))
def test_history_is_one_sorted_list(first: list, added: list, asked: list, count: int) -> None:
    """Blocks of three entries (split at six), so that a few hundred entries cross many blocks."""
    saved, speakers._BLOCK = speakers._BLOCK, 3
    try:
        flat = sorted(first)
        history = History(first)
        for entry in added:
            insort(flat, entry)
            history.add(entry)
            assert history == flat and list(history) == flat and len(history) == len(flat)
        for pos in asked:
            i = bisect_left(flat, (pos,))
            assert history.before(pos, count) == flat[max(0, i - count):i][::-1]
        assert History(history) == history and history != [*flat, (999, "x", "x")]
    finally:
        speakers._BLOCK = saved


def test_history_splits_its_blocks(monkeypatch) -> None:
    """Many entries in the middle: blocks split, and the order and answers stay those of one list."""
    monkeypatch.setattr(speakers, "_BLOCK", 4)
    flat: list[tuple[int, str, str]] = []
    history = History()
    for n in range(200):
        entry = ((n * 37) % 101, "Ann Lee", "lee")
        insort(flat, entry)
        history.add(entry)
    assert list(history) == flat
    assert len(history._blocks) > 10
    for pos in range(-1, 103):
        i = bisect_left(flat, (pos,))
        assert history.before(pos, 9) == flat[max(0, i - 9):i][::-1]


def test_a_partial_resolver_hands_on_exactly_the_speakers_it_remembered() -> None:
    """What a partial resolver learned (its speakers remembered since :meth:`partial`, noted as they
    come) is the difference of its history from the one at the fork, duplicates included."""
    from collections import Counter

    from reader.analysis.speakers import Resolver

    resolver = Resolver("x" * 500, [], [])
    for pos in (10, 50, 50, 120):
        resolver.remember(pos, "Ann Lee", "lee")
    at_fork = Counter(resolver.history)
    resolver.partial(100)
    for pos, name in ((300, "Orbis"), (50, "Ann Lee"), (130, "the agency"), (300, "Orbis"), (5, "Ann Lee")):
        resolver.remember(pos, name, name.split()[-1].lower())
    noted = resolver.learned().history
    assert noted == [(5, "Ann Lee", "lee"), (50, "Ann Lee", "lee"), (130, "the agency", "agency"),
                     (300, "Orbis", "orbis"), (300, "Orbis", "orbis")]
    # the same as the difference of its history from the one at the fork
    assert sorted((Counter(resolver.history) - at_fork).elements()) == noted


@given(st.lists(st.tuples(st.integers(0, 60), st.integers(1, 6)), max_size=12),
       st.lists(st.tuples(st.integers(-2, 70), st.integers(0, 30)), max_size=20))
def test_mentions_in_a_span_are_those_inside_it(spans: list, asked: list) -> None:
    """Mentions inside ``[start, end)``, whether the mentions overlap (read one by one) or not (one
    slice found by bisection): those that start in the span and end by its end."""
    from reader.analysis.model import Mention
    from reader.analysis.speakers import Resolver

    mentions = sorted((Mention("x", "PERSON", a, a + n, f"P{a}") for a, n in spans), key=lambda m: m.start)
    resolver = Resolver("x" * 100, mentions, [])
    for start, length in asked:
        end = start + length
        expected = [m for m in mentions if start <= m.start and m.end <= end and m.start < end]
        assert resolver.mentions_in(start, end) == expected
