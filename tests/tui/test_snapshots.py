"""SVG snapshots (pytest-textual-snapshot) of the reading pane and the help screen.

Regenerate after an intended visual change with ``pytest tests/tui --snapshot-update`` and
review the SVGs in ``tests/tui/__snapshots__/``. Nothing here depends on the clock: the
header has no clock and scrolling is not animated.
"""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot

from reader.tui.app import ReaderApp

SEED = Path(__file__).resolve().parents[2] / "sample_articles" / "aleppo-evacuation.txt"
KINDS = """# Every kind of block

A paragraph with **bold**, *italic*, `code`, a [link](https://example.org) and ~~strike~~. [b]not markup[/b]

## A second-level heading

> A block quote that is long enough to wrap onto a second line at eighty columns wide.

1. A numbered item
2. Another, with a nested list:
   - nested bullet

```
code block
\tindented with a tab
```

---

| Name | Role |
| --- | --- |
| Ali | driver |
"""


async def settle(pilot: Pilot) -> None:
    """Wait for the background parse and analysis, so highlights are always in the picture."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def test_reading_pane_seed_article(snap_compare) -> None:
    assert snap_compare(ReaderApp([str(SEED)]), terminal_size=(80, 24), run_before=settle)


def test_reading_pane_after_scrolling_and_cursor(snap_compare) -> None:
    assert snap_compare(ReaderApp([str(SEED)]), press=["space", "j", "right_curly_bracket"],
                        terminal_size=(80, 24), run_before=settle)


def test_reading_pane_block_kinds(snap_compare, tmp_path: Path) -> None:
    path = tmp_path / "kinds.md"
    path.write_text(KINDS, encoding="utf-8")
    assert snap_compare(ReaderApp([str(path)]), terminal_size=(80, 34), run_before=settle)


def test_help_screen(snap_compare) -> None:
    assert snap_compare(ReaderApp([str(SEED)]), press=["question_mark"], terminal_size=(80, 24), run_before=settle)
