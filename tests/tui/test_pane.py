"""The reading pane's API for later features: overlays, gutter marks, cursor messages, growth."""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual import on
from textual.app import App, ComposeResult

from reader.document import MarkdownParser, parse_markdown
from reader.document.model import Article
from reader.tui.widgets.reading_pane import ReadingPane
from tests.tui.generate import large_markdown, paragraph

SIZE = (60, 12)


class PaneApp(App[None]):
    """Just a reading pane, recording the cursor messages it sends."""

    def __init__(self, article: Article) -> None:
        super().__init__()
        self.article = article
        self.moves: list[tuple[int, int]] = []

    def compose(self) -> ComposeResult:
        yield ReadingPane(self.article)

    @on(ReadingPane.CursorMoved)
    def _moved(self, event: ReadingPane.CursorMoved) -> None:
        self.moves.append((event.block, event.offset))


def article(paragraphs: int = 30) -> Article:
    return parse_markdown("\n\n".join(f"Para {i}: {paragraph(i, 40)}" for i in range(paragraphs)))


def cell_styles(pane: ReadingPane, y: int) -> list[tuple[str, Style | None]]:
    return [(segment.text, segment.style) for segment in pane.render_line(y)]


def text_at(pane: ReadingPane, y: int) -> str:
    return "".join(segment.text for segment in pane.render_line(y))


async def test_overlay_styles_the_span_and_clearing_restores_it() -> None:
    doc = article()
    app = PaneApp(doc)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        pane = app.query_one(ReadingPane)
        first = doc.blocks[0]
        lines_before = pane._lines[0]
        plain = cell_styles(pane, 0)
        pane.set_overlay("entities", [(first.start, first.start + 4, Style(bgcolor="red"))])
        await pilot.pause()
        styled = cell_styles(pane, 0)
        assert any(text == "Para" and style is not None and style.bgcolor is not None
                   and style.bgcolor.name == "red" for text, style in styled)
        assert pane._lines[0] is lines_before  # overlays never re-wrap
        pane.clear_overlay("entities")
        await pilot.pause()
        assert cell_styles(pane, 0) == plain


async def test_later_layers_win_and_component_class_styles_resolve() -> None:
    doc = article()
    app = PaneApp(doc)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        pane = app.query_one(ReadingPane)
        start = doc.blocks[0].start
        pane.set_overlay("selection", [(start, start + 4, Style(bgcolor="blue"))])
        pane.set_overlay("entities", [(start, start + 4, Style(bgcolor="red"))])
        await pilot.pause()
        para = next(style for text, style in cell_styles(pane, 0) if text == "Para")
        assert para is not None and para.bgcolor is not None and para.bgcolor.name == "blue"
        pane.set_overlay("search", [(start, start + 4, "reading-pane--search-current")])
        assert pane.overlay_spans("search")[0][2] == pane.get_component_rich_style(
            "reading-pane--search-current", partial=True)


async def test_gutter_marks_show_left_of_the_block() -> None:
    doc = article()
    app = PaneApp(doc)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        pane = app.query_one(ReadingPane)
        pane.set_gutter_marks({1: "✎"})
        await pilot.pause()
        rows = [text_at(pane, y) for y in range(SIZE[1])]
        marked = [row for row in rows if row[1:3].strip()]
        assert len(marked) == 1 and marked[0][1] == "✎" and "Para 1:" in marked[0]
        pane.set_gutter_marks({1: Text.assemble(("!", "red"), ("ab", "blue"))})  # cropped to two cells
        await pilot.pause()
        marked = [segments for y in range(SIZE[1]) if (segments := cell_styles(pane, y))[1][0].strip()]
        assert len(marked) == 1
        assert [(text, style.color.name) for text, style in marked[0][1:3]] == [("!", "red"), ("a", "blue")]
        pane.set_gutter_marks({})
        await pilot.pause()
        assert not any(text_at(pane, y)[1:3].strip() for y in range(SIZE[1]))


async def test_gutter_layers_share_the_gutter_notes_first() -> None:
    app = PaneApp(article())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        pane = app.query_one(ReadingPane)
        pane.set_gutter_marks({0: "“", 1: "»"}, layer="quotes")
        pane.set_gutter_marks({1: "✎"}, layer="notes")
        await pilot.pause()
        marked = sorted(row[1:3] for y in range(SIZE[1]) if (row := text_at(pane, y))[1:3].strip())
        assert marked == ["“ ", "✎»"]
        pane.set_gutter_marks({}, layer="notes")  # clearing one layer keeps the other's marks
        await pilot.pause()
        marked = sorted(row[1:3] for y in range(SIZE[1]) if (row := text_at(pane, y))[1:3].strip())
        assert marked == ["» ", "“ "]
        assert pane.gutter_marks("quotes").keys() == {0, 1} and pane.gutter_marks("notes") == {}


async def test_cursor_moved_message_and_properties() -> None:
    doc = article()
    app = PaneApp(doc)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        pane = app.query_one(ReadingPane)
        pane.focus()
        await pilot.press("right_curly_bracket")
        await pilot.pause()
        assert pane.cursor_block == 1 and pane.cursor_offset == doc.blocks[1].start
        assert app.moves[-1] == (1, doc.blocks[1].start)
        pane.move_cursor(20)
        await pilot.pause()
        assert app.moves[-1] == (20, doc.blocks[20].start)
        visible = "".join(text_at(pane, y) for y in range(SIZE[1]))
        assert "Para 20:" in visible  # moving the cursor scrolled it into view


async def test_growing_the_article_keeps_the_reading_position() -> None:
    parser = MarkdownParser(large_markdown(300_000))
    parser.parse_next()
    app = PaneApp(parser.article())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        pane = app.query_one(ReadingPane)
        pane.focus()
        await pilot.press("space", "space", "j")
        before = [text_at(pane, y) for y in range(SIZE[1])]
        offset = pane.top_offset
        pane.extend_article(parser.parse_all())
        await pilot.pause()
        assert pane.top_offset == offset
        assert [text_at(pane, y) for y in range(SIZE[1])] == before
        await pilot.press("G")
        assert "The final line of the generated report." in text_at(pane, SIZE[1] - 1)


async def test_empty_article_renders_blank() -> None:
    app = PaneApp(Article(title="", text="", blocks=[]))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        pane = app.query_one(ReadingPane)
        pane.focus()
        await pilot.press("G", "g", "j", "right_curly_bracket")
        assert text_at(pane, 0).strip() == ""
        assert pane.progress == 100


async def test_end_pressed_while_parsing_follows_the_article_to_its_end() -> None:
    parser = MarkdownParser(large_markdown(300_000))
    parser.parse_next()
    partial = parser.article()
    assert not partial.complete
    app = PaneApp(partial)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        pane = app.query_one(ReadingPane)
        pane.focus()
        await pilot.press("G")
        pane.extend_article(parser.parse_all())
        await pilot.pause()
        assert "The final line of the generated report." in text_at(pane, SIZE[1] - 1)
        assert pane.progress == 100


async def test_tables_align_their_columns_when_they_fit() -> None:
    doc = parse_markdown("| Name | Role |\n| --- | --- |\n| Ali | driver |\n| 中文名字 | x |\n")
    app = PaneApp(doc)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        pane = app.query_one(ReadingPane)
        rows = [text_at(pane, y)[4:].rstrip() for y in range(4)]
        assert rows == ["Name     │ Role", "─────────┼───────", "Ali      │ driver", "中文名字 │ x"]


async def test_scrolling_is_continuous_after_jumps_into_estimated_regions() -> None:
    """Jump anywhere (as a scrollbar drag does), then j/k/space/b move by exactly a line or page."""
    import random

    doc = MarkdownParser(large_markdown(400_000)).parse_all()
    app = PaneApp(doc)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        pane = app.query_one(ReadingPane)
        pane.focus()
        rng = random.Random(7)
        height = SIZE[1]
        for _ in range(20):
            pane.scroll_to(y=rng.randrange(pane.virtual_size.height), animate=False)
            await pilot.pause()
            # Column 0 is the cursor bar, which may follow the scroll; the text may not move.
            before = [text_at(pane, y)[1:] for y in range(height)]
            key = rng.choice(["j", "k", "space", "b"])
            await pilot.press(key)
            after = [text_at(pane, y)[1:] for y in range(height)]
            if before == after:
                continue  # at the very top or bottom
            if key == "j":
                assert after[:-1] == before[1:]
            elif key == "k":
                assert after[1:] == before[:-1]
            elif key == "space":
                assert after[0] == before[-1]
            else:
                assert after[-1] == before[0]


async def test_line_at_and_visible_range_map_rows_to_text() -> None:
    doc = article()
    app = PaneApp(doc)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        pane = app.query_one(ReadingPane)
        start, end = pane.line_at(0)
        assert start == 0 and doc.text[start:end] in text_at(pane, 0)
        first, last = pane.visible_range()
        assert first == 0 and doc.text[last - 5:last] in "".join(text_at(pane, y) for y in range(SIZE[1]))
        assert pane.line_at(10_000) is None
