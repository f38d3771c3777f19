"""Pure units: folding maps offsets back to the text, queries parse, names merge across articles."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from reader.services.fold import IDENTITY, FoldMap, fold, fold_map, parse_query
from reader.services.search_index import snippet
from reader.services.speakers import merge_names

# Text with the characters whose fold changes length (ß, æ, œ, a ligature, combining accents, a
# soft hyphen, ¼ whose fold has a non-letter inside) and case-sensitive ones (Σ/ς, İ), among any.
TRICKY = "ßẞæÆœŒﬁﬂ\u0301\u0308\u00adΣσςİı¼éE ss ae "
texts = st.text(st.one_of(st.characters(), st.sampled_from(TRICKY)), max_size=40)


@given(texts, texts)
def test_fold_works_character_by_character(a: str, b: str) -> None:
    assert fold(a + b) == fold(a) + fold(b)


@given(texts)
def test_fold_by_replacing_a_few_characters_is_folding_each_one(text: str) -> None:
    """``fold`` replaces a few distinct characters pass by pass: the same as translating each alone."""
    from reader.services.fold import _changes

    assert fold(text) == text.translate(_changes(text)).lower()


@given(texts)
def test_a_fold_map_kept_in_a_cache_comes_back_the_same(text: str) -> None:
    mapping = fold_map(text)
    assert FoldMap.from_json(json.loads(json.dumps(mapping.to_json()))) == mapping
    assert FoldMap.from_json({"not": "a map"}) is None and FoldMap.from_json([1, 2]) is None


@given(texts)
def test_a_texts_own_fold_map_fits_it(text: str) -> None:
    """The check made on a map read back from the cache passes for the text's own map."""
    assert fold_map(text).fits(text, fold(text))


def test_a_map_that_does_not_fit_its_text_is_refused() -> None:
    text = "Die Stra\u00dfe, cafe\u0301 und Gro\u00df"
    folded, mapping = fold(text), fold_map(text)
    shifted = FoldMap(tuple(n + 1 for n in mapping.starts), mapping.sizes, tuple(n + 1 for n in mapping.origins))
    assert not shifted.fits(text, folded)
    assert not mapping.fits(text, folded[:-1]) and not IDENTITY.fits(text, folded)
    assert not fold_map("\u00c6sir").fits(text, folded)
    assert not FoldMap((0,), (2,), (len(text),)).fits(text, folded)  # past the text's end


@given(texts)
def test_the_whole_folded_text_maps_to_a_span_with_the_same_fold(text: str) -> None:
    span = fold_map(text).to_source(0, len(fold(text)))
    assert span is not None and fold(text[span[0]:span[1]]) == fold(text)


@given(texts, st.data())
def test_a_match_maps_back_to_a_span_whose_fold_is_the_querys(text: str, data: st.DataObject) -> None:
    """For any text and a query taken from it (as words or a "phrase"), or any query, each match
    of each query word or phrase maps back to a span of the text whose fold equals the term's
    (a phrase's words with any space between); a match ending inside
    one character's fold ("stras" in "Straße") gets the whole character, whose fold begins
    with the word; a match starting inside one ("4" in "¼" = "1⁄4") is no match."""
    i = data.draw(st.integers(0, len(text)))
    j = data.draw(st.integers(i, len(text)))
    query = data.draw(st.one_of(st.just(text[i:j]), st.just(f'"{text[i:j]}"'), texts))
    folded, mapping = fold(text), fold_map(text)
    for term in parse_query(query):
        for match in term.pattern.finditer(folded):
            assert " ".join(match.group().split()) == term.text  # a phrase's words, any space between
            span = mapping.to_source(*match.span())
            if span is None:
                assert not mapping.is_boundary(match.start())
                continue
            got = " ".join(fold(text[span[0]:span[1]]).split())
            if mapping.is_boundary(match.end()):
                assert got == term.text
            else:
                assert got.startswith(term.text) and len(got) > len(term.text)


def test_fold_drops_case_and_accents_and_spells_out_double_letters() -> None:
    assert fold("Élysée CAFÉ São") == "elysee cafe sao"
    assert fold("Straße STRASSE ẞ") == "strasse strasse ss"
    assert fold("Æsir Œuvre ﬁnal Łódź Jørgensen ΟΔΟΣ") == "aesir oeuvre final lodz jorgensen οδοσ"
    assert fold("cafe\u0301 Stra\u00adße") == "cafe strasse"


def test_offsets_map_back_around_expanded_letters() -> None:
    text = "Die Straße, Œuvre und cafe\u0301."
    folded, mapping = fold(text), fold_map(text)
    for word, original in (("strasse", "Straße"), ("oeuvre", "Œuvre"), ("cafe", "cafe\u0301"), ("und", "und")):
        start = folded.index(word)
        span = mapping.to_source(start, start + len(word))
        assert span is not None and text[span[0]:span[1]] == original
    start = folded.index("stras")  # ends inside the fold of ß: the span takes the whole letter
    assert mapping.to_source(start, start + 5) == (text.index("Straße"), text.index("Straße") + 5)
    assert fold_map("plain ascii") is fold_map("café") is IDENTITY  # no map for texts that keep their length


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


def test_a_query_character_that_folds_to_a_space_splits_the_word_as_the_texts_fold_does() -> None:
    """'¯' and '´' fold to a space: "0¯´0" is the phrase "0 0", found where the text has it."""
    [term] = parse_query("0¯´0")
    assert term.text == "0 0"
    text = "Score 0¯´0 at half time"
    match = term.pattern.search(fold(text))
    assert match is not None
    assert fold_map(text).to_source(*match.span()) == (6, 10)
