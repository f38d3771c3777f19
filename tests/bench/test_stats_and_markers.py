"""Pure helpers of the harness: median, screen normalisation, marker choice, result parsing."""

from __future__ import annotations

import pytest

from benchmarks.saving import store_figures
from benchmarks.stats import Measured, median
from benchmarks.terminal import normalise_screen, pick_markers
from benchmarks.throughput import rate_from_result


def test_median_of_odd_and_even_counts() -> None:
    assert median([5.0, 1.0, 3.0]) == 3.0
    assert median([4.0, 1.0, 3.0, 2.0]) == 2.5
    assert median([7.0]) == 7.0


def test_median_of_nothing_is_an_error() -> None:
    with pytest.raises(ValueError):
        median([])


def test_measured_value_is_the_median_or_none_with_a_reason() -> None:
    assert Measured([3.0, 1.0, 2.0]).value == 2.0
    missing = Measured.missing("not built yet")
    assert missing.value is None and missing.note == "not built yet"


def test_normalise_screen_joins_lines_and_collapses_spaces() -> None:
    assert normalise_screen(["  Over   360", "militants  lay  "]) == "Over 360 militants lay"


def test_markers_skip_headings_titles_and_markup_and_the_end_marker_is_unique() -> None:
    source = "# Big title here\n\nNews / Syria\n\nA short title line\n\n" \
             "The **bold** word and the first plain words of a paragraph long enough to be body text.\n\n" \
             "the first plain words again\n\nClosing line ends the story.\n"
    first, last = pick_markers(source)
    assert first == "word and the"
    assert last == "line ends the"


def test_short_articles_fall_back_to_any_line_that_is_not_a_heading() -> None:
    assert pick_markers("# Title words here\n\nJust three words\n\nand then an end\n")[0] == "Just three words"


def test_end_marker_falls_back_to_an_earlier_unique_run() -> None:
    source = "Alpha beta gamma delta.\n\nUnique closing words here\n\nrepeat this line\n\nrepeat this line\n"
    assert pick_markers(source)[1] == "closing words here"


def test_markers_of_the_seed_article_are_plain_text(tmp_path) -> None:
    from benchmarks.suite import SEED

    first, last = pick_markers(SEED.read_text(encoding="utf-8"))
    assert first.split() and last.split()
    assert all(word.isalnum() for word in (first + " " + last).split())


def test_no_markers_in_text_without_plain_words() -> None:
    with pytest.raises(ValueError):
        pick_markers("# a b c\n\n**x** *y* `z`\n")


def test_rate_from_analysis_results() -> None:
    assert rate_from_result({"words_per_second": 250000}) == 250000.0
    assert rate_from_result({"words": 1000, "seconds": 0.5}) == 2000.0
    assert rate_from_result({"words": 1000, "seconds": 0}) is None
    assert rate_from_result({"something": 1}) is None
    # with this harness's own word count, the engine's time is what counts
    assert rate_from_result({"words": 1000, "seconds": 0.5, "words_per_second": 2000}, words=900) == 1800.0
    assert rate_from_result({"words_per_second": 2000}, words=900) == 2000.0


def test_store_results_in_every_accepted_shape() -> None:
    theirs = store_figures({"api_save_ms": {1000: 1.5, 10000: 2.5}, "cli_save_ms": {1000: 300.0},
                            "sqlite_insert_fsync_ms": 0.9, "goal_api_save_10000_under_30ms": True})
    assert theirs[("in_app", 1000)].value == 1.5
    assert theirs[("in_app", 10000)].value == 2.5
    assert theirs[("process", 1000)].value == 300.0
    assert theirs[("process", 10000)].value is None
    assert "cli_save_ms" in theirs[("process", 10000)].note
    nested = store_figures({"in_app_ms": {"10000": 2.0}, "process_ms": {1000: 310}})
    assert nested[("in_app", 10000)].value == 2.0 and nested[("process", 1000)].value == 310.0
    flat = store_figures({"in_app_ms_1000": 1.0, "api_save_ms_10000": 2.0})
    assert flat[("in_app", 1000)].value == 1.0 and flat[("in_app", 10000)].value == 2.0
    assert store_figures(None)[("in_app", 1000)].value is None
