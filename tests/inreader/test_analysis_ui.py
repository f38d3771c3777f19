"""Pilot tests: the analysis in the reader (highlights, toggles, jumps, panel, status, worker)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from rich.segment import Segment
from rich.style import Style
from textual.color import Color
from textual.filter import Monochrome

from reader.analysis import Analysis, analyze
from reader.document import load
from reader.tui.app import ReaderApp
from reader.tui.screens.analysis_view import ANALYSIS_BINDINGS, AnalysisScreen
from reader.tui.screens.reader_screen import ReaderScreen
from reader.tui.widgets.analysis_style import QUOTE_MARKS, role_styles
from reader.tui.widgets.reading_pane import ReadingPane
from reader.view.analysis_nav import ENTITY_ROLES, QUOTE_TITLES, AnalysisIndex
from tests.inreader.helpers import SEED, wait_for_analysis
from tests.textual_private import line_filters
from tests.tui.generate import large_markdown
from tests.tui.helpers import pane_lines, screen_lines

SIZE = (100, 30)


@pytest.fixture(scope="module")
def seed_analysis() -> tuple[str, Analysis]:
    """The seed article's text and what ``analyze`` finds in it (the reference for the UI)."""
    text = load(str(SEED)).text
    return text, analyze(text)


def screen(app: ReaderApp) -> ReaderScreen:
    current = app.screen
    assert isinstance(current, ReaderScreen)
    return current


def pane(app: ReaderApp) -> ReadingPane:
    return screen(app).reading_pane


def status(app: ReaderApp) -> str:
    return screen(app).analysis_status.message.plain


def gutter_marks_shown(app: ReaderApp) -> set[str]:
    """The gutter marks on the visible pane lines."""
    reading = pane(app)
    lines = ["".join(seg.text for seg in reading.render_line(y))
             for y in range(reading.scrollable_content_region.height)]
    return {line[1:3].strip() for line in lines} - {""}


def segments_for(app: ReaderApp, needle: str) -> list[Segment]:
    """The rendered segments of the first visible pane line holding ``needle``."""
    reading = pane(app)
    for y in range(reading.scrollable_content_region.height):
        strip = reading.render_line(y)
        if needle in "".join(segment.text for segment in strip):
            return list(strip)
    raise AssertionError(f"{needle!r} is not on screen")


def style_of(segments: list[Segment], needle: str) -> Style:
    """The style of the segment that holds ``needle`` (highlights cut lines at their edges)."""
    for segment in segments:
        if needle in segment.text:
            return segment.style or Style()
    raise AssertionError(f"no segment holds {needle!r}: {[s.text for s in segments]}")


@pytest.fixture
def gate(monkeypatch: pytest.MonkeyPatch) -> Iterator[threading.Event]:
    """Hold every analysis worker until the test sets the event (then the real analysis runs)."""
    release = threading.Event()
    started = threading.Event()

    def held(text: str) -> Analysis:
        started.set()
        release.wait(timeout=60)
        return analyze(text)

    monkeypatch.setattr(AnalysisScreen, "analyze_text", staticmethod(held))
    release.started = started  # type: ignore[attr-defined]
    yield release
    release.set()


async def test_highlights_appear_after_analysis_with_theme_styles(seed_analysis) -> None:
    text, analysis = seed_analysis
    app = ReaderApp([str(SEED)])
    async with app.run_test(size=SIZE) as pilot:
        await wait_for_analysis(pilot)
        reading = pane(app)
        shown = [m for m in analysis.entities if m.label in ENTITY_ROLES]
        assert [(s, e) for s, e, _ in reading.overlay_spans("entities")] == [(m.start, m.end) for m in shown]
        quoted = reading.overlay_spans("quotes")
        covered = {offset for s, e, _ in quoted for offset in range(s, e)}
        for quote in analysis.quotes:  # every character of every quote is covered
            assert set(range(quote.start, quote.end)) <= covered
        styles = role_styles({**app.get_theme_variable_defaults(), **app.current_theme.variables})
        place = next(m for m in shown if m.label == "PLACE" and m.text == "Aleppo")
        segment_style = style_of(segments_for(app, "Bustan al-Qasr neighbourhood, in Aleppo"), "Aleppo")
        assert segment_style.color == styles["place"].color and segment_style.italic
        assert place.text == text[place.start:place.end]
        # A gutter mark shows on the paragraph of the first quote.
        first = analysis.quotes[0]
        mark = QUOTE_MARKS[first.kind]
        words = text[first.start:first.start + 30].split()[0]
        line = next(line for line in screen_lines(app) if words in line)
        assert line[1:3].strip().startswith(mark)


async def test_analysis_does_not_move_the_reading_position(gate) -> None:
    app = ReaderApp([str(SEED)])
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert screen(app).analysis_running
        await pilot.press("space", "j")
        before_lines, before_top = pane_lines(app), pane(app).top_offset
        gate.set()
        await wait_for_analysis(pilot)
        assert screen(app).analysis_index is not None
        assert pane(app).top_offset == before_top
        assert pane_lines(app) == before_lines  # restyled, never re-flowed or scrolled


async def test_toggles_by_key_and_command_palette(seed_analysis) -> None:
    app = ReaderApp([str(SEED)])
    async with app.run_test(size=SIZE) as pilot:
        await wait_for_analysis(pilot)
        reading = pane(app)
        entities = reading.overlay_spans("entities")
        assert entities and reading.overlay_spans("quotes") and gutter_marks_shown(app)
        await pilot.press("e")
        assert reading.overlay_spans("entities") == [] and reading.overlay_spans("quotes")
        await pilot.press("quotation_mark")
        assert reading.overlay_spans("quotes") == []
        assert gutter_marks_shown(app) == set()
        await pilot.press("e", "quotation_mark")
        assert len(reading.overlay_spans("entities")) == len(entities)
        # The same toggle from the command palette.
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"toggle name")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert reading.overlay_spans("entities") == []


async def test_every_key_has_a_description_and_is_in_help() -> None:
    app = ReaderApp([str(SEED)])
    async with app.run_test(size=SIZE) as pilot:
        await wait_for_analysis(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        help_text = "\n".join(screen_lines(app))
        for binding in ANALYSIS_BINDINGS:
            assert binding.description and binding.description in help_text


async def test_quote_jumps_land_on_each_quote_and_describe_it(seed_analysis) -> None:
    text, analysis = seed_analysis
    app = ReaderApp([str(SEED)])
    async with app.run_test(size=SIZE) as pilot:
        await wait_for_analysis(pilot)
        for quote in analysis.quotes[:4]:
            await pilot.press("right_square_bracket")
            assert screen(app).focus_item == quote
            block = pane(app).article.block_at(quote.start)
            assert pane(app).cursor_block == block
            word = text[quote.start:quote.end].split()[0]
            assert any(word in line for line in pane_lines(app))
            expected = f"Quote ({QUOTE_TITLES[quote.kind]}) - {quote.speaker or 'unknown speaker'}"
            assert status(app).startswith(expected)
            if quote.cue:
                assert status(app).endswith(f" - {quote.cue}")
        await pilot.press("left_square_bracket")
        assert screen(app).focus_item == analysis.quotes[2]


async def test_name_jumps_and_person_status(seed_analysis) -> None:
    _, analysis = seed_analysis
    shown = [m for m in analysis.entities if m.label in ENTITY_ROLES]
    app = ReaderApp([str(SEED)])
    async with app.run_test(size=SIZE) as pilot:
        await wait_for_analysis(pilot)
        await pilot.press("greater_than_sign", "greater_than_sign")
        assert screen(app).focus_item == shown[1]
        await pilot.press("less_than_sign")
        assert screen(app).focus_item == shown[0]
        person = next(m for m in shown if m.label == "PERSON")
        while screen(app).focus_item != person:
            await pilot.press("greater_than_sign")
        count = len([m for m in shown if m.entity == person.entity])
        assert status(app) == f"Person - {person.entity} - {count} mention{'s' * (count != 1)}"
        # The focused name is drawn reversed, on screen.
        assert any(person.text in line for line in pane_lines(app))
        assert style_of(segments_for(app, person.text), person.text).reverse


async def test_sources_panel_counts_match_the_analysis(seed_analysis) -> None:
    _, analysis = seed_analysis
    app = ReaderApp([str(SEED)])
    async with app.run_test(size=SIZE) as pilot:
        await wait_for_analysis(pilot)
        await pilot.press("s")
        panel = screen(app).sources_panel
        assert panel.is_open and panel.option_list.has_focus
        options = panel.option_list
        rows = [(options.get_option_at_index(i).prompt, panel.target_at(i)) for i in range(options.option_count)]
        speaker_rows = [(prompt, t) for prompt, t in rows if t is not None and t.kind == "speaker"]
        assert [t.name for _, t in speaker_rows] == [name for name, _ in analysis.speakers()]
        for (prompt, _), (_, counts) in zip(speaker_rows, analysis.speakers(), strict=True):
            cells = prompt.plain[-9:].split()
            assert cells == [str(counts.get(kind, 0) or "·") for kind in ("direct", "partial", "indirect")]
        for role in ("person", "organisation", "place"):
            entity_rows = [(prompt, t) for prompt, t in rows if t is not None and t.kind == role]
            expected = {name: len(group.mentions) for name, group in analysis.groups.items()
                        if ENTITY_ROLES.get(group.label) == role}
            assert {t.name: int(prompt.plain.split()[-1]) for prompt, t in entity_rows} == expected
            counts = [int(prompt.plain.split()[-1]) for prompt, _ in entity_rows]
            assert counts == sorted(counts, reverse=True)  # most mentioned first
        await pilot.press("escape")
        assert not panel.is_open and pane(app).has_focus


async def test_panel_enter_next_previous_and_narrowing(seed_analysis) -> None:
    _, analysis = seed_analysis
    name = analysis.speakers()[0][0]  # the most quoted speaker
    index = AnalysisIndex(analysis)
    occurrences = [(i.start, i.end) for i in index.occurrences(index.describe_target(analysis.quotes_by(name)[0]))]
    app = ReaderApp([str(SEED)])
    async with app.run_test(size=SIZE) as pilot:
        await wait_for_analysis(pilot)
        await pilot.press("s")
        panel = screen(app).sources_panel
        assert panel.selected is not None and panel.selected.name == name
        await pilot.press("enter")
        focus = screen(app).focus_item
        assert focus is not None and (focus.start, focus.end) == occurrences[0]
        await pilot.press("full_stop", "full_stop")
        focus = screen(app).focus_item
        assert focus is not None and (focus.start, focus.end) == occurrences[2]
        await pilot.press("comma")
        focus = screen(app).focus_item
        assert focus is not None and (focus.start, focus.end) == occurrences[1]
        # Narrow: only this speaker's quotes (and mentions) stay highlighted.
        await pilot.press("f")
        quoted = {(s, e) for s, e, _ in pane(app).overlay_spans("quotes")}
        theirs = analysis.quotes_by(name)
        assert all(any(q.start <= s and e <= q.end for q in theirs) for s, e in quoted)
        assert all(m.entity == name for m in screen(app).analysis_index.mentions)  # type: ignore[union-attr]
        assert status(app).startswith(f"only: {name}")
        await pilot.press("right_square_bracket")
        assert screen(app).focus_item in theirs  # quote jumps follow the narrowing
        await pilot.press("f")
        assert len(pane(app).overlay_spans("entities")) == len(
            [m for m in analysis.entities if m.label in ENTITY_ROLES])


async def test_large_article_scrolls_while_analysis_runs(gate, tmp_path: Path) -> None:
    big = tmp_path / "big.md"
    big.write_text(large_markdown(3_000_000), encoding="utf-8")
    app = ReaderApp([str(big)])
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        parsing = [w for w in app.workers if w.group == "parse"]
        if parsing:  # an empty list would wait for every worker, the held analysis too (60 s)
            await app.workers.wait_for_complete(parsing)
        await pilot.pause()
        assert pane(app).article.complete
        assert gate.started.wait(timeout=30)  # type: ignore[attr-defined]
        assert screen(app).analysis_running
        first = pane_lines(app)
        tops = []
        for _ in range(5):
            await pilot.press("space")
            tops.append(pane(app).top_offset)
        assert tops == sorted(tops) and tops[0] < tops[-1]
        assert pane_lines(app) != first
        await pilot.press("G")
        assert pane(app).progress == 100
        await pilot.press("g")
        assert pane_lines(app) == first
        assert screen(app).analysis_running  # all of that happened while the worker was held
        await pilot.press("space", "space")
        top = pane(app).top_offset
        gate.set()
        await wait_for_analysis(pilot)
        assert screen(app).analysis_index is not None
        assert pane(app).top_offset == top
        assert len(pane(app).overlay_spans("quotes")) > 0


async def test_busy_status_when_analysis_takes_a_while(gate, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(AnalysisScreen, "busy_delay", 0.0)  # "a while" without a clock
    app = ReaderApp([str(SEED)])
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert status(app) == "analysing…"
        gate.set()
        await wait_for_analysis(pilot)
        assert status(app) != "analysing…"


async def test_leaving_an_article_cancels_and_ignores_its_analysis(gate, tmp_path: Path) -> None:
    other = tmp_path / "other.txt"
    other.write_text("Maria Lopez said the bridge would reopen in March.\n", encoding="utf-8")
    folder_sources = [str(SEED), str(other)]
    app = ReaderApp(folder_sources)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("enter")  # open the seed from the list
        await pilot.pause()
        first = screen(app)
        assert gate.started.wait(timeout=30)  # type: ignore[attr-defined]
        workers = [w for w in app.workers if w.group == "analysis"]
        await pilot.press("escape")  # back to the list: the seed's worker is cancelled
        await pilot.pause()
        assert all(w.is_cancelled for w in workers)
        await pilot.press("down", "enter")
        await pilot.pause()
        second = screen(app)
        assert second is not first
        gate.set()
        await wait_for_analysis(pilot)
        index = second.analysis_index
        assert index is not None
        assert all(q.end <= len(other.read_text(encoding="utf-8")) for q in index.all_quotes)
        assert first.analysis_index is None  # the stale result was never used


async def test_theme_switch_repaints_highlights() -> None:
    app = ReaderApp([str(SEED)])
    async with app.run_test(size=SIZE) as pilot:
        await wait_for_analysis(pilot)
        before = pane(app).overlay_spans("entities")[0][2]
        app.theme = "reader-light"
        await pilot.pause()
        await pilot.pause()
        after = pane(app).overlay_spans("entities")[0][2]
        light = role_styles({**app.get_theme_variable_defaults(), **app.current_theme.variables})
        assert after != before and after in light.values()


async def test_no_color_keeps_every_distinction(seed_analysis, monkeypatch: pytest.MonkeyPatch) -> None:
    _, analysis = seed_analysis
    monkeypatch.setenv("NO_COLOR", "1")
    app = ReaderApp([str(SEED)])
    async with app.run_test(size=SIZE) as pilot:
        await wait_for_analysis(pilot)
        assert app.no_color and any(isinstance(f, Monochrome) for f in line_filters(app))
        monochrome = Monochrome()
        attributes: dict[str, set[tuple[bool, bool, bool]]] = {}
        for start, end, style in pane(app).overlay_spans("entities"):
            mention = next(m for m in analysis.entities if m.start == start and m.end == end)
            grey = monochrome.apply([Segment("x", style)], Color(0, 0, 0))[0].style
            assert grey is not None
            attributes.setdefault(ENTITY_ROLES[mention.label], set()).add(
                (bool(grey.bold), bool(grey.underline), bool(grey.italic)))
        # Each kind has one look, and the three looks differ, without any colour.
        assert all(len(looks) == 1 for looks in attributes.values())
        assert len({next(iter(looks)) for looks in attributes.values()}) == 3
        marks = gutter_marks_shown(app)
        assert marks and marks <= {a + b for a in QUOTE_MARKS.values() for b in ["", *QUOTE_MARKS.values()]}


async def test_with_the_real_start_delay_analysis_and_library_still_arrive(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from reader.tui.screens.notes_reader import NotesReaderScreen

    monkeypatch.setattr(AnalysisScreen, "start_delay", 0.1)
    monkeypatch.setattr(NotesReaderScreen, "attach_delay", 0.1)
    app = ReaderApp([str(SEED)], db=str(tmp_path / "lib.json"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, NotesReaderScreen)
        await pilot.pause(0.3)
        await wait_for_analysis(pilot)
        assert screen.analysis_index is not None and screen.record is not None
