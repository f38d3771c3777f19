"""The Textual application: which screen to show, app-wide keys, the theme.

One source opens straight in the reader; several (a folder) show the article list; none
shows the library. Every article opened is added to the library (``db``: the --db file, or
None for the default one); a web page the library keeps opens offline from its stored copy.
Opening never raises into Textual: a :class:`ReaderError` (or any loader failure) becomes a
one-line error screen or notification.
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, ClassVar

from textual.binding import Binding, BindingType

from reader.document import Article, is_url
from reader.errors import ReaderError
from reader.services.config import load_keymap, load_reading
from reader.services.loading import Preloaded, open_for_reading
from reader.tui.hangup import CHECK_SECONDS, HangupWatch, TerminalGuard
from reader.tui.keymap import check_against_bindings, checked_keymap, keys_display
from reader.tui.library_service import LibraryService
from reader.tui.messages import OpenArticle
from reader.tui.palette import BindingCommands
from reader.tui.screens.notes_reader import NotesReaderScreen
from reader.tui.theming import ThemedApp

if TYPE_CHECKING:
    from textual.screen import Screen

    from reader.store import ArticleRecord, Library

class ReaderApp(ThemedApp):
    """The terminal article reader."""

    TITLE = "reader"
    CSS = """
    /* Notes are a background tint (the theme's note colour) and the gutter's ✎, never an
       underline: organisations are underlined. */
    ReadingPane > .reading-pane--note { text-style: none; background: $reader-note-background; }
    """
    COMMANDS = ThemedApp.COMMANDS | {BindingCommands}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("question_mark", "help", "Help", key_display="?", id="app.help"),
        Binding("o", "open_dialog", "Open", show=False, id="app.open"),
        Binding("q", "quit", "Quit", id="app.quit"),
        Binding("ctrl+q", "quit", "Quit", show=False, priority=True, id="app.quit_anywhere"),
    ]

    def __init__(self, sources: list[str], db: str | None = None, theme_name: str | None = None,
                 preloaded: Preloaded | None = None) -> None:
        super().__init__(theme_name=theme_name, db=db)
        keymap = load_keymap()
        self.keymap_path = keymap.path
        self.user_keymap, self._keymap_problems = checked_keymap(keymap)
        """The user's key overrides from config.toml (binding id -> keys), and what was wrong with it."""
        self.set_keymap(self.user_keymap)
        reading = load_reading(keymap.path)
        self.measure = reading.measure
        """The longest line of text in cells (``[reading] measure``); a wider terminal centres the text."""
        self._reading_problems = reading.problems
        self.sources = list(sources)
        self.db = db
        self.library = LibraryService(db)
        self.theme_name = theme_name
        # Standard input must be read before Textual takes over the terminal, and only once.
        # Articles the command line already opened (and stdin, read here): source -> loaded or error.
        self._preloaded: Preloaded = dict(preloaded or {})
        if "-" in self.sources:
            try:
                self._preloaded["-"] = open_for_reading("-")
            except ReaderError as exc:
                self._preloaded["-"] = exc

    def on_mount(self) -> None:
        """Report keymap and settings problems; leave cleanly if the terminal goes away (see :mod:`reader.tui.hangup`)."""
        for problem in self._keymap_problems:
            self.notify(problem, title="Keymap", severity="error", timeout=10, markup=False)
        for problem in self._reading_problems:
            self.notify(problem, title="Settings", severity="error", timeout=10, markup=False)
        if self.user_keymap:
            self.call_after_refresh(self._check_keymap_ids)
        if self.is_headless:
            return
        guard = TerminalGuard.current()
        if guard is not None:  # the command line guards the whole process: leave through exit first
            guard.attach(self.exit, asyncio.get_running_loop())
            return
        watch = HangupWatch(self.exit)
        if watch.watching:
            watch.install_signal(asyncio.get_running_loop())
            self.set_interval(CHECK_SECONDS, watch.check, name="terminal hangup check")

    def _check_keymap_ids(self) -> None:
        """Drop and name the keymap entries that match no binding or take a key another binding
        keeps (after the first paint: it imports every screen)."""
        kept, problems = check_against_bindings(self.user_keymap, self.keymap_path)
        for problem in problems:
            self.notify(problem, title="Keymap", severity="error", timeout=10, markup=False)
        if kept != self.user_keymap:
            self.user_keymap = kept
            self.set_keymap(kept)

    def get_default_screen(self) -> Screen[object]:
        """The first screen, shown as the app's bottom screen rather than pushed over an empty one.

        One source opens straight in the reader (or an error screen saying why it cannot), none
        shows the library, several the article list. Not composing and laying out Textual's
        blank default screen first takes about 20 ms off the first paint.
        """
        if len(self.sources) == 1:
            try:
                return self._reader_screen(self.sources[0], can_go_back=False)
            except ReaderError as exc:
                from reader.tui.screens.error import ErrorScreen

                return ErrorScreen(str(exc), can_go_back=False)
        if not self.sources:
            from reader.tui.screens.library import LibraryScreen  # screens load when first shown

            return LibraryScreen(self.library)
        from reader.tui.screens.picker import PickerScreen

        return PickerScreen(self.sources)

    def on_open_article(self, message: OpenArticle) -> None:
        """A screen asked to open an article."""
        self.open_source(message.source, can_go_back=message.can_go_back, at=message.at)

    def open_source(self, source: str, *, can_go_back: bool, at: int | None = None) -> None:
        """Open ``source`` in a reader screen over the current one, or say why it cannot be opened.

        ``at``: an offset into the text to show (a search match, a note, a quote) instead of
        the saved reading position."""
        try:
            screen = self._reader_screen(source, can_go_back=can_go_back)
            screen.start_at = at
        except ReaderError as exc:
            self.notify(str(exc), title="Cannot open", severity="error", markup=False)
            return
        self.push_screen(screen)

    def action_open_dialog(self) -> None:
        """Ask for a file, folder or URL and open it over the current screen."""
        from reader.tui.screens.open_dialog import OpenDialog

        if isinstance(self.screen, OpenDialog):
            return

        def chosen(value: str | None) -> None:
            if value:
                self.open_typed(value)

        self.push_screen(OpenDialog(), chosen)

    def open_typed(self, value: str) -> None:
        """Open what was typed in the open dialog: a folder lists its articles, else one article."""
        from reader.document.sources import collect_sources

        try:
            sources = collect_sources([value])
        except ReaderError as exc:
            self.notify(str(exc), title="Cannot open", severity="error", markup=False)
            return
        if len(sources) == 1:
            self.open_source(sources[0], can_go_back=True)
            return
        from reader.tui.screens.picker import PickerScreen

        self.push_screen(PickerScreen(sources, can_go_back=True))

    def _reader_screen(self, source: str, *, can_go_back: bool) -> NotesReaderScreen:
        """A reader screen on ``source`` (preloaded, the library's stored copy, or read now)."""
        loaded = self._preloaded.pop(source, None) or self._stored_copy(source) or open_for_reading(source)
        if isinstance(loaded, ReaderError):
            raise loaded
        article, parser = loaded
        return NotesReaderScreen(article, parser, can_go_back=can_go_back, service=self.library)

    def _stored_copy(self, source: str) -> tuple[Article, None] | None:
        """The library's copy of a web page (opens offline, keeps note anchors), if it has one."""
        if not is_url(source):
            return None
        from reader.store import article_id

        library = self.library.open()
        try:
            record = library.get_article(article_id(source)) if library is not None else None
            if library is not None and record is not None and record.fulltext == "pending":
                return self._fetch_pending(library, record)
            stored = library.stored_article(article_id(source)) if library is not None else None
        except ReaderError:
            return None
        return (stored, None) if stored is not None else None

    def _fetch_pending(self, library: Library, record: ArticleRecord) -> tuple[Article, None] | None:
        """A feed item kept as its summary: fetch its page now (the ``feed_fulltext`` setting ``open``)."""
        from reader.services.feeds import open_pending

        article, message = open_pending(library, record)
        if message:
            self.notify(message, title="Feed summary", severity="warning", markup=False)
        return (article, None) if article is not None else None

    def save_setting(self, key: str, value: str) -> None:
        """Save a setting through the library the app already has open (not a second copy)."""
        library = self.library.open()
        if library is None:
            raise ReaderError(self.library.error or "the library is not available")
        library.set_setting(key, value)

    def action_help(self) -> None:
        """Show every key that works here."""
        from reader.tui.screens.help import HelpScreen, binding_rows

        if isinstance(self.screen, HelpScreen):
            return
        rows = binding_rows(self.screen.active_bindings, self.get_key_display)
        marks = None
        if isinstance(self.screen, NotesReaderScreen):  # the reader shows marks; explain them
            from reader.tui.widgets.legend import legend

            marks = legend()
        self.push_screen(HelpScreen(rows, close_keys=keys_display(self, "help.close", "Escape, ? or q"),
                                    marks=marks))
