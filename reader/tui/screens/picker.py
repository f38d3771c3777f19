"""Pick an article from a list (a folder given on the command line, or nothing at all).

Each row shows the article's title and file name. Titles are read in a worker thread, so a
large folder lists at once and fills in its titles as they come. The library issue replaces
this screen later.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from reader.document import Article, open_article
from reader.sanitize import clean_line
from reader.tui.messages import OpenArticle
from reader.tui.widgets.chrome import KeyBar, TitleBar

EMPTY_MESSAGE = "No articles to show. Open one with: reader PATH (a file, a folder, a URL or - for stdin)."


def display_name(source: str) -> str:
    """The file name of a path; URLs and "-" as they are."""
    if source == "-" or "://" in source:
        return clean_line(source)
    return clean_line(Path(source).name)  # a file name can hold escapes too


def peek_title(source: str) -> str:
    """The article's title, reading as little as possible; "" when it cannot be read."""
    if source == "-":
        return ""  # standard input can be read only once: keep it for opening
    try:
        result = open_article(source)
        if not isinstance(result, Article):  # a markdown parser: the title needs the first chunk
            result.parse_next()
            result = result.article()
        return clean_line(result.title)
    except Exception:  # a bad file shows its name only; opening it says what is wrong
        return ""


def option_label(title: str, source: str) -> Text:
    """A list row: the title, then the file name dimmed (plain text, never markup)."""
    name = display_name(source)
    if not title or title == name:
        return Text(name)
    return Text.assemble((title, "bold"), "  ", (name, "dim"))


class ArticleList(OptionList):
    """The option list of articles, with Enter described for the footer and help."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("enter", "select", "Open", key_display="Enter", id="list.open")]


class PickerScreen(Screen[None]):
    """A list of articles; Enter opens one in the reader; Escape goes back if it was opened over a screen."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "back", "Back", id="picker.back")]
    DEFAULT_CSS = """
    PickerScreen #empty { padding: 2 4; color: $text-muted; }
    PickerScreen #articles { height: 1fr; border: none; }
    """

    def __init__(self, sources: list[str], *, can_go_back: bool = False) -> None:
        super().__init__()
        self.sources = list(sources)
        self.can_go_back = can_go_back

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Back only when there is somewhere to go back to."""
        return self.can_go_back if action == "back" else True

    def action_back(self) -> None:
        """Back to the screen the folder was opened from."""
        if self.can_go_back:
            self.dismiss()

    def compose(self) -> ComposeResult:
        """The header, the list (or the empty-state message) and the footer."""
        yield TitleBar()
        if self.sources:
            yield ArticleList(*[Option(Text(display_name(s)), id=str(i)) for i, s in enumerate(self.sources)],
                             id="articles")
        else:
            yield Static(EMPTY_MESSAGE, id="empty", markup=False)
        yield KeyBar()

    def on_mount(self) -> None:
        """Title the screen and start reading titles."""
        self.title = "Articles"
        self.sub_title = f"{len(self.sources)} article{'s' if len(self.sources) != 1 else ''}"
        if self.sources:
            self.query_one(OptionList).focus()
            self._read_titles()

    @work(thread=True, exclusive=True, group="titles", exit_on_error=False)
    def _read_titles(self) -> None:
        worker = get_current_worker()
        for index, source in enumerate(self.sources):
            if worker.is_cancelled:
                return
            title = peek_title(source)
            if title:
                self.app.call_from_thread(self._set_title, index, title)

    def _set_title(self, index: int, title: str) -> None:
        option_list = self.query_one(OptionList)
        option_list.replace_option_prompt(str(index), option_label(title, self.sources[index]))

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._open(event.option_index)

    def _open(self, index: int) -> None:
        self.post_message(OpenArticle(self.sources[index], can_go_back=True))
