"""The table, the goals, the JSON and the SVG chart."""

from __future__ import annotations

import json
import xml.dom.minidom

from benchmarks.report import Goal, Row, format_ratio, format_table, format_value, render_svg, write_json
from benchmarks.stats import Measured

RATIO_GOAL = Goal("ratio_at_most", 0.5, "<= 0.5x")
VALUE_GOAL = Goal("value_at_most", 0.5, "< 0.5 s")
RATE_GOAL = Goal("value_at_least", 200_000, ">= 200,000 w/s")


def _row(mine: Measured, theirs: Measured, goal: Goal | None = None, unit: str = "s") -> Row:
    return Row("first paint, seed", unit, mine, "frogmouth", theirs, goal)


def test_ratio_is_reader_over_reference_and_goals_judge_it() -> None:
    row = _row(Measured([0.3, 0.4, 0.5]), Measured([1.0, 1.0, 1.0]), RATIO_GOAL)
    assert row.ratio == 0.4
    assert row.met is True
    assert _row(Measured([0.6]), Measured([1.0]), RATIO_GOAL).met is False


def test_value_goals_both_ways() -> None:
    assert _row(Measured([0.4]), Measured(), VALUE_GOAL).met is True
    assert _row(Measured([0.7]), Measured(), VALUE_GOAL).met is False
    assert _row(Measured([250_000.0]), Measured(), RATE_GOAL, "words/s").met is True
    assert _row(Measured([150_000.0]), Measured(), RATE_GOAL, "words/s").met is False


def test_missing_figures_make_no_ratio_and_no_verdict() -> None:
    row = _row(Measured.missing("not built yet"), Measured([1.0]), RATIO_GOAL)
    assert row.ratio is None and row.met is None
    assert _row(Measured([0.1]), Measured.missing("x"), RATIO_GOAL).met is None


def test_table_has_the_columns_and_footnotes_for_missing_figures() -> None:
    rows = [
        _row(Measured([0.2]), Measured([1.0]), RATIO_GOAL),
        _row(Measured.missing("reader: timed out after 30 s"), Measured([1.0]), RATIO_GOAL),
        _row(Measured([0.9]), Measured([1.0]), RATIO_GOAL),
    ]
    table = format_table(rows).splitlines()
    assert [c.strip() for c in table[0].strip("|").split("|")] == ["metric", "reader", "reference", "ratio",
                                                                   "goal", "met?"]
    assert "0.200 s" in table[2] and "0.200x" in table[2] and table[2].rstrip(" |").endswith("yes")
    assert "n/a [1]" in table[3] and table[3].rstrip(" |").endswith("n/a")
    assert table[4].rstrip(" |").endswith("NO")
    assert table[-1] == "[1] reader: timed out after 30 s"
    assert len({len(line) for line in table[:5]}) == 1  # aligned columns


def test_values_and_ratios_are_formatted_with_units() -> None:
    assert format_value(0.1234, "s") == "0.123 s"
    assert format_value(38.04, "s") == "38.0 s"
    assert format_value(1.234, "ms") == "1.23 ms"
    assert format_value(691.9, "MiB") == "692 MiB"
    assert format_value(250000.4, "words/s") == "250,000 w/s"
    assert format_value(None, "s") == "n/a"
    assert format_ratio(1.375) == "1.38x"
    assert format_ratio(0.0123) == "0.0123x"
    assert format_ratio(None) == "n/a"


def test_json_holds_every_row_and_the_metadata(tmp_path) -> None:
    rows = [_row(Measured([0.2, 0.3]), Measured([1.0]), RATIO_GOAL)]
    data = json.loads(write_json(tmp_path / "r" / "latest.json", rows, {"duration_s": 1.0}).read_text())
    assert data["duration_s"] == 1.0
    assert data["rows"][0]["reader"] == 0.25 and data["rows"][0]["reader_runs"] == [0.2, 0.3]
    assert data["rows"][0]["met"] is True


def test_svg_is_well_formed_and_escapes_text() -> None:
    rows = [Row("a <b> & c", "s", Measured([0.2]), "x&y", Measured.missing("n/a")),
            _row(Measured([0.2]), Measured([1.0]), RATIO_GOAL)]
    svg = render_svg(rows, "title <1>")
    document = xml.dom.minidom.parseString(svg)
    assert document.documentElement.tagName == "svg"
    assert len(document.getElementsByTagName("rect")) >= 4
    assert "a &lt;b&gt; &amp; c" in svg


def test_a_reference_that_timed_out_bounds_the_ratio() -> None:
    slow = Measured.missing("frogmouth: timed out after 90 s", at_least=90.0)
    row = Row("first paint, 3 MB", "s", Measured([1.8]), "frogmouth", slow,
              Goal("ratio_at_most", 0.05, "<= 0.05x"))
    assert row.ratio is None
    assert row.ratio_bound == 0.02
    assert row.met is True  # 1.8 s against more than 90 s is at least 50x faster
    line = format_table([row]).splitlines()[2]
    assert "> 90.0 s [1]" in line and "< 0.0200x" in line
    assert "&gt; 90.0 s" in render_svg([row], "t")
    too_slow = Row("first paint, 3 MB", "s", Measured([9.0]), "frogmouth", slow,
                   Goal("ratio_at_most", 0.05, "<= 0.05x"))
    assert too_slow.met is None  # 9 s against "more than 90 s" cannot be judged
