"""``[reading] measure`` in config.toml: the longest line of text (issue 15, friction 7).

A good value is used; a bad one is one line naming the file and the key, and the default stays,
as for the keymap. Nothing here touches the real config folder (paths are under ``tmp_path``).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.services.config import DEFAULT_MEASURE, MEASURE_RANGE, load_reading


def _config(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_no_file_and_no_table_mean_the_default(tmp_path: Path) -> None:
    assert load_reading(tmp_path / "missing.toml").measure == DEFAULT_MEASURE == 100
    plain = load_reading(_config(tmp_path, '[keymap]\n"app.quit" = "ctrl+x"\n'))
    assert (plain.measure, plain.problems) == (DEFAULT_MEASURE, [])


@pytest.mark.parametrize("measure", [40, 64, 100, 200])
def test_a_measure_in_range_is_used(tmp_path: Path, measure: int) -> None:
    config = load_reading(_config(tmp_path, f"[reading]\nmeasure = {measure}\n"))
    assert (config.measure, config.problems) == (measure, [])


@pytest.mark.parametrize("value", ["39", "201", "0", "-80", "80.5", '"80"', "true", "[80]"])
def test_a_bad_measure_is_one_line_naming_the_file_and_key_and_the_default_stays(tmp_path: Path, value: str) -> None:
    path = _config(tmp_path, f"[reading]\nmeasure = {value}\n")
    config = load_reading(path)
    assert config.measure == DEFAULT_MEASURE
    assert len(config.problems) == 1
    problem = config.problems[0]
    assert problem.startswith(f"{path}: [reading] 'measure': ") and "\n" not in problem
    assert "40 to 200" in problem and "default 100 stays" in problem


def test_an_unknown_key_or_a_reading_that_is_not_a_table_is_named(tmp_path: Path) -> None:
    path = _config(tmp_path, "[reading]\nmesure = 80\nmeasure = 72\n")
    config = load_reading(path)
    assert config.measure == 72
    assert config.problems == [f"{path}: [reading] 'mesure': no such setting (the one setting is measure); ignored"]
    flat = load_reading(_config(tmp_path, "reading = 80\n"))
    assert flat.measure == DEFAULT_MEASURE and len(flat.problems) == 1 and "[reading]" in flat.problems[0]


def test_a_file_that_does_not_parse_gives_the_default_and_leaves_the_complaint_to_the_keymap(tmp_path: Path) -> None:
    from reader.services.config import load_keymap

    path = _config(tmp_path, "[reading\nmeasure = 80\n")
    assert (load_reading(path).measure, load_reading(path).problems) == (DEFAULT_MEASURE, [])
    assert len(load_keymap(path).problems) == 1  # said once, by the keymap loader, at start-up


@given(st.integers(min_value=-10**6, max_value=10**6))
def test_any_whole_number_is_either_used_or_refused_with_the_default(measure: int) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        config = load_reading(_config(Path(folder), f"[reading]\nmeasure = {measure}\n"))
    low, high = MEASURE_RANGE
    if low <= measure <= high:
        assert (config.measure, config.problems) == (measure, [])
    else:
        assert config.measure == DEFAULT_MEASURE and len(config.problems) == 1


def test_the_readme_example_is_a_good_reading_table(tmp_path: Path) -> None:
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    example = next(b.split("```", 1)[0] for b in readme.split("```toml\n")[1:] if "[reading]" in b)
    config = load_reading(_config(tmp_path, example))
    assert config.problems == [] and config.measure != DEFAULT_MEASURE
