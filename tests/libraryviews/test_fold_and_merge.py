"""Pure units: folding keeps offsets, queries parse, names merge across articles."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from reader.services.fold import fold, parse_query
from reader.services.search_index import snippet
from reader.services.speakers import merge_names


@given(st.text())
def test_fold_keeps_every_offset(text: str) -> None:
    assert len(fold(text)) == len(text)


def test_fold_drops_case_and_accents() -> None:
    assert fold("Élysée CAFÉ São") == "elysee cafe sao"


def test_query_words_phrases_and_punctuation() -> None:
    terms = parse_query('Lavrov "foreign  Minister" café, ""')
    assert [(t.text, t.phrase) for t in terms] == [("lavrov", False), ("foreign minister", True), ("cafe", False)]
    assert terms[1].pattern.search("the foreign\nminister said")
    assert not terms[0].pattern.search("glavrov")


@given(st.text(min_size=1), st.integers(0, 50), st.integers(0, 50))
def test_snippet_is_one_line(text: str, a: int, b: int) -> None:
    start, end = sorted((min(a, len(text)), min(b, len(text))))
    assert "\n" not in snippet(text, start, end)


def test_names_merge_across_articles() -> None:
    merged = merge_names({
        "Lavrov": ("PERSON", 3), "Sergei Lavrov": ("PERSON", 5),
        "Russian Foreign Minister Sergei Lavrov": ("PERSON", 1), "Sergey Lavrov": ("PERSON", 1),
        "Mr Lavrov": ("PERSON", 1),
    })
    assert set(merged.values()) == {"Sergei Lavrov"}


def test_a_bare_surname_of_two_people_stays_apart() -> None:
    merged = merge_names({"Anna Smith": ("PERSON", 1), "John Smith": ("PERSON", 2), "Smith": ("PERSON", 1)})
    assert merged == {"Anna Smith": "Anna Smith", "John Smith": "John Smith", "Smith": "Smith"}


def test_groups_merge_only_when_the_same_words() -> None:
    merged = merge_names({"Russian officials": ("", 2), "Ukrainian officials": ("", 1), "officials": ("", 1),
                          "russian officials": ("", 1)})
    assert merged["russian officials"] == merged["Russian officials"]
    assert merged["Ukrainian officials"] == "Ukrainian officials"
    assert merged["officials"] == "officials"


def test_one_letter_spellings_merge_but_kinds_do_not() -> None:
    merged = merge_names({"Zelensky": ("PERSON", 1), "Zelenskyy": ("PERSON", 1), "Volodymyr Zelensky": ("PERSON", 1)})
    assert set(merged.values()) == {"Volodymyr Zelensky"}
    apart = merge_names({"Jordan": ("PLACE", 1), "Michael Jordan": ("PERSON", 1)})
    assert apart["Jordan"] == "Jordan"
