"""Who said what across the library: the speakers screen (``S``) and one speaker's quotes.

Speakers are merged across articles (:mod:`reader.services.speakers`), each with its direct,
partial and reported quotes and the number of articles; ``f`` narrows to a tag. Articles not
analysed yet are analysed in the background on every core, with progress on screen, while the
app stays responsive. Enter lists the speaker's quotes with their articles; Enter on a quote
opens the article at it. Names and quotes are article text: shown as plain text only.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Static
from textual.worker import get_current_worker

from reader.errors import ReaderError
from reader.sanitize import clean_line
from reader.tui.messages import OpenArticle
from reader.tui.widgets.chrome import KeyBar, TitleBar
from reader.tui.widgets.virtual_list import VirtualList

if TYPE_CHECKING:
    from reader.services.speakers import LibraryQuote, Speaker
    from reader.tui.library_service import LibraryService

KIND_LABELS = {"direct": "direct", "partial": "partial", "indirect": "reported"}
PROGRESS_EVERY = 0.2
"""Seconds between progress updates from the analysing worker."""


def speaker_line(speaker: Speaker) -> str:
    """"8 direct · 2 partial · 3 reported · 4 articles"."""
    parts = [f"{speaker.counts[k]} {label}" for k, label in KIND_LABELS.items() if speaker.counts[k]]
    articles = len(speaker.articles)
    parts.append(f"{articles} article{'s' if articles != 1 else ''}")
    return " · ".join(parts)


class SpeakersScreen(Screen[None]):
    """Every speaker across the library or a tag (see the module docstring)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back", id="speakers.back"),
        Binding("f", "filter_tag", "Tag", tooltip="Only the speakers of articles with a tag", id="speakers.filter"),
    ]
    DEFAULT_CSS = """
    SpeakersScreen #speakers-message { padding: 0 1; color: $text-muted; height: auto; }
    """

    def __init__(self, service: LibraryService, tag: str | None = None) -> None:
        super().__init__()
        self.service = service
        self.tag = tag
        self.speakers: list[Speaker] = []
        self.quotes: list[LibraryQuote] = []
        self.loaded = False

    def compose(self) -> ComposeResult:
        """Header, the list, a message line (progress), the footer."""
        yield TitleBar()
        yield VirtualList(self._render_row, id="speakers-list")
        yield Static("", id="speakers-message", markup=False)
        yield KeyBar()

    @property
    def list(self) -> VirtualList:
        """The list of speakers."""
        return self.query_one(VirtualList)

    def on_mount(self) -> None:
        """Load (and if need be analyse) in a worker."""
        self.title = "Speakers"
        self.list.focus()
        self.reload()

    def reload(self) -> None:
        """Read the speakers again for the current tag."""
        self.loaded = False
        self.sub_title = "#" + self.tag if self.tag else "whole library"
        self._load(self.tag)

    @work(thread=True, exclusive=True, group="speakers", exit_on_error=False)
    def _load(self, tag: str | None) -> None:
        from reader.services.speakers import library_quotes_of

        worker = get_current_worker()
        library = self.service.open()
        if library is None:
            self.app.call_from_thread(self._message, self.service.error or "the library is not available")
            return
        last = [0.0]

        def progress(done: int, total: int) -> None:
            now = time.monotonic()
            if done < total and now - last[0] < PROGRESS_EVERY:
                return
            last[0] = now
            if done < total:
                self.app.call_from_thread(self._message, f"Analysing {done}/{total} articles…")

        try:
            records = library.articles(tag=tag, sort="title")
            quotes, speakers = library_quotes_of(library, records, progress=progress,
                                                 cancelled=lambda: worker.is_cancelled, with_quotes=False)
        except ReaderError as exc:
            self.app.call_from_thread(self._message, str(exc))
            return
        if worker.is_cancelled:
            return
        self.app.call_from_thread(self._fill, quotes, list(speakers.values()))

    def _fill(self, quotes: list[LibraryQuote], speakers: list[Speaker]) -> None:
        if not self.is_attached:
            return
        self.quotes, self.speakers = quotes, speakers
        self.list.set_count(len(speakers))
        self._message("" if speakers else "No quotes found in these articles.")
        count = len(speakers)
        where = "#" + self.tag if self.tag else "whole library"
        self.sub_title = f"{count} speaker{'s' if count != 1 else ''} · {where}"
        self.loaded = True

    def _message(self, text: str) -> None:
        if self.is_attached:
            self.query_one("#speakers-message", Static).update(Text(text))

    def _render_row(self, index: int, width: int) -> Text:
        speaker = self.speakers[index]
        text = Text(no_wrap=True)
        text.append(f"{clean_line(speaker.name)[:40]:<40}  ", style="bold")
        text.append(speaker_line(speaker))
        also = sorted(speaker.aliases - {speaker.name}, key=str.casefold)
        if also:
            text.append("  also: " + ", ".join(clean_line(a) for a in also), style="dim")
        return text

    @on(VirtualList.Selected, "#speakers-list")
    def _chosen(self, event: VirtualList.Selected) -> None:
        self._open_quotes(self.speakers[event.index].name, self.tag)

    @work(thread=True, exclusive=True, group="speaker-quotes", exit_on_error=False)
    def _open_quotes(self, name: str, tag: str | None) -> None:
        """The speaker's quotes (from the cache: no analysis runs again), then their screen."""
        from reader.services.speakers import library_quotes_of

        library = self.service.library
        if library is None:
            return
        try:
            quotes, _ = library_quotes_of(library, library.articles(tag=tag, sort="title"), only=name)
        except ReaderError as exc:
            self.app.call_from_thread(self._message, str(exc))
            return
        self.app.call_from_thread(self._show_quotes, name, quotes)

    def _show_quotes(self, name: str, quotes: list[LibraryQuote]) -> None:
        if self.is_current:
            self.app.push_screen(QuotesScreen(name, quotes))

    def action_filter_tag(self) -> None:
        """Only the speakers of articles with a tag (empty: the whole library)."""
        from reader.tui.screens.tag_input import TagInput

        def chosen(tags: tuple[str, ...] | None) -> None:
            if tags is None:
                return
            self.tag = tags[0] if tags else None
            self.reload()

        library = self.service.library
        known = library.all_tags() if library is not None else {}
        self.app.push_screen(TagInput("Speakers of articles tagged", (self.tag,) if self.tag else (), known,
                                      hint="One tag · empty: the whole library"), chosen)

    def action_back(self) -> None:
        """Back to the library."""
        self.dismiss()


class QuotesScreen(Screen[None]):
    """One speaker's quotes across articles; Enter opens the article at the quote."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "back", "Back", id="quotes.back")]

    def __init__(self, name: str, quotes: list[LibraryQuote]) -> None:
        super().__init__()
        self.speaker = name
        self.quotes = quotes
        self.loaded = True

    def compose(self) -> ComposeResult:
        """Header, the list, the footer."""
        yield TitleBar()
        yield VirtualList(self._render_row, id="quotes-list")
        yield KeyBar()

    def on_mount(self) -> None:
        """Show the quotes."""
        self.title = clean_line(self.speaker)
        articles = len({q.article for q in self.quotes})
        self.sub_title = (f"{len(self.quotes)} quote{'s' if len(self.quotes) != 1 else ''} in "
                          f"{articles} article{'s' if articles != 1 else ''}")
        quotes = self.query_one(VirtualList)
        quotes.set_count(len(self.quotes))
        quotes.focus()

    def _render_row(self, index: int, width: int) -> Text:
        quote = self.quotes[index]
        text = Text(no_wrap=True)
        text.append(f"{clean_line(quote.title)[:30]:<30}  ", style="bold")
        text.append(f"[{KIND_LABELS.get(quote.kind, quote.kind)}] ", style="dim")
        text.append(" ".join(clean_line(quote.text).split()))
        return text

    @on(VirtualList.Selected, "#quotes-list")
    def _open(self, event: VirtualList.Selected) -> None:
        quote = self.quotes[event.index]
        self.post_message(OpenArticle(quote.source, can_go_back=True, at=quote.start))

    def action_back(self) -> None:
        """Back to the speakers."""
        self.dismiss()
