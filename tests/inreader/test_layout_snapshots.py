"""SVG snapshots of the reader at the extremes of terminal width (issue 15, friction 7).

At 60 and 80 columns the sources panel lies over the text (beside it, at 60 columns, the text was
18 cells wide); at 200 columns the text keeps its measure, ``[reading] measure`` in config.toml,
and is centred (it sat flush left beside ~95 empty columns). Regenerate with
``pytest tests/inreader --snapshot-update`` after an intended change, and look at the diff.
"""

from __future__ import annotations

import pytest

from reader.tui.app import ReaderApp
from tests.inreader.helpers import SEED, wait_for_analysis
from tests.tui.helpers import write_config


@pytest.mark.parametrize("width", [60, 80])
def test_sources_panel_over_the_text(snap_compare, width: int) -> None:
    assert snap_compare(ReaderApp([str(SEED)]), terminal_size=(width, 24), run_before=wait_for_analysis,
                        press=["s"])


def test_text_centred_at_200_columns_default_measure(snap_compare) -> None:
    assert snap_compare(ReaderApp([str(SEED)]), terminal_size=(200, 24), run_before=wait_for_analysis)


def test_text_centred_at_200_columns_measure_72(snap_compare) -> None:
    write_config("[reading]\nmeasure = 72\n")  # in the test's own config folder (tests/conftest.py)
    assert snap_compare(ReaderApp([str(SEED)]), terminal_size=(200, 24), run_before=wait_for_analysis)
