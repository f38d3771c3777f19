"""The reading pane settles (lays out around the top line, re-anchors it, moves the cursor)
once per change of what is shown, not once per scroll event, action and render."""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult

from reader.document import MarkdownParser
from reader.document.model import Article
from reader.tui.widgets.reading_pane import ReadingPane
from tests.tui.generate import large_markdown

SIZE = (60, 12)


class PaneApp(App[None]):
    """Just a reading pane."""

    def __init__(self, article: Article) -> None:
        super().__init__()
        self.article = article

    def compose(self) -> ComposeResult:
        yield ReadingPane(self.article)


@pytest.fixture(scope="module")
def big() -> Article:
    return MarkdownParser(large_markdown(300_000)).parse_all()


@pytest.fixture
def settles(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Every real settle, recorded as the virtual line at the top when it ran."""
    seen: list[int] = []
    settle = ReadingPane._settle

    def counting(self: ReadingPane) -> None:
        seen.append(round(self.scroll_y))
        settle(self)

    monkeypatch.setattr(ReadingPane, "_settle", counting)
    return seen


def text_at(pane: ReadingPane, y: int) -> str:
    return "".join(segment.text for segment in pane.render_line(y))


async def test_each_key_press_settles_once(big: Article, settles: list[int]) -> None:
    app = PaneApp(big)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        pane = app.query_one(ReadingPane)
        pane.focus()
        settles.clear()
        keys = ["j"] * 20 + ["space"] * 10
        tops = []
        for key in keys:
            await pilot.press(key)
            tops.append(round(pane.scroll_y))
        # Going down from the top, everything above is already exact: no re-anchoring, so
        # one settle per press (the old code settled 3-4 times: watcher, action, each render).
        assert len(settles) == len(keys)
        assert settles == tops
        assert tops == sorted(tops) and len(set(tops)) == len(tops)


async def test_a_press_that_moves_nothing_settles_nothing(big: Article, settles: list[int]) -> None:
    app = PaneApp(big)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        pane = app.query_one(ReadingPane)
        pane.focus()
        settles.clear()
        await pilot.press("k", "b", "g")  # already at the top
        assert settles == []
        assert pane.top_offset == 0


async def test_refined_estimates_above_still_re_anchor(big: Article, settles: list[int]) -> None:
    """After a jump into estimated text, scrolling up lays out blocks above the top; the text
    shown must not move (so that settle must still run when heights were refined)."""
    app = PaneApp(big)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        pane = app.query_one(ReadingPane)
        pane.focus()
        pane.scroll_to(y=pane.virtual_size.height // 2, animate=False)
        await pilot.pause()
        for _ in range(15):
            before = [text_at(pane, y)[1:] for y in range(SIZE[1])]
            await pilot.press("b")
            after = [text_at(pane, y)[1:] for y in range(SIZE[1])]
            assert after[-1] == before[0]
        assert len(settles) >= 15


async def test_resize_and_end_still_settle(big: Article, settles: list[int]) -> None:
    app = PaneApp(big)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        pane = app.query_one(ReadingPane)
        pane.focus()
        await pilot.press(*["space"] * 5)
        offset = pane.top_offset
        settles.clear()
        await pilot.resize_terminal(SIZE[0], SIZE[1] + 6)  # taller: more to lay out below
        await pilot.pause()
        assert settles  # the view height changed
        assert pane.top_offset == offset
        await pilot.press("G")
        assert "The final line of the generated report." in text_at(pane, SIZE[1] + 5)
        assert pane.progress == 100
