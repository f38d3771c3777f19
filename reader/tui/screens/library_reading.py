"""Library work while reading: the cached, corrected analysis; correcting a speaker (``c``) or
a name's kind (``E``); copying a quote (``y``); highlighting without a note (``h``); the
article's own note (``A``).

A mixin of :class:`~reader.tui.screens.notes_reader.NotesReaderScreen`, kept apart so that
screen stays about notes. Every store call runs in a thread worker; every text shown is plain.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.binding import Binding

from reader.analysis import Analysis, Mention, Quote
from reader.errors import ReaderError
from reader.sanitize import clean_line

if TYPE_CHECKING:
    from reader.document import Article

READING_BINDINGS: list[Binding] = [
    Binding("c", "correct_speaker", "Correct the speaker", show=False, id="reader.correct_speaker",
            tooltip="Set or clear the speaker of the quote at the cursor, or mark it not a quote"),
    Binding("E", "correct_entity", "Fix the name's kind", show=False, id="reader.correct_entity",
            tooltip="Say what the highlighted name at the cursor is (person, organisation, place...), or no name"),
    Binding("y", "copy", "Copy quote", show=False, id="reader.copy",
            tooltip="Copy the quote (or selection) with its speaker, title and source as markdown (OSC 52)"),
    Binding("h", "highlight", "Highlight", show=False, id="reader.highlight",
            tooltip="Highlight the selection (or sentence) without a note; again for the next colour"),
    Binding("A", "article_note", "Article note", show=False, id="reader.article_note",
            tooltip="Write a note on the whole article"),
]
KIND_WORDS = {"PERSON": "a person", "ORG": "an organisation", "PLACE": "a place",
              "NORP": "a nationality or group", "NONE": "not a name"}
"""How a corrected kind is said in a message."""
OSC52_HINT = "sent to the terminal's clipboard with OSC 52; some terminals (or tmux without set-clipboard) ignore it"


def copy_markdown(text: str, speaker: str | None, title: str, source: str) -> str:
    """A quote as markdown: block quote, then ``— Speaker, *Title* (source)``."""
    lines = [f"> {line}" if line.strip() else ">" for line in " ".join(text.split()).splitlines() or [""]]
    credit = ", ".join(part for part in (clean_line(speaker) if speaker else "", f"*{clean_line(title)}*") if part)
    if source and source != "-":
        credit += f" ({clean_line(source)})"
    return "\n".join([*lines, ">", f"> — {credit}"]) + "\n"


class LibraryReadingActions:
    """Actions of the reader screen that use the library beyond notes (see the module docstring)."""

    def analysis_for(self: Any, article: Article) -> Analysis:
        """The analysis shown: the library's cached one with the user's corrections laid over it."""
        from reader.tui.screens.analysis_view import _analyze

        patched = self.analyze_text is not _analyze  # tests hold or replace the engine
        library = self.service.open() if self.service is not None else None
        if library is None or article.source in ("", "-"):
            return self.analyze_text(article.text)
        from reader.services.article_analysis import corrected, engine_analysis
        from reader.store import article_id

        try:
            result = self.analyze_text(article.text) if patched else engine_analysis(library, article.text)
            return corrected(library, article_id(article.source), article.text, result)
        except ReaderError:
            return self.analyze_text(article.text) if not patched else result

    # -- correcting ------------------------------------------------------------------------

    def _quote_here(self: Any) -> Quote | None:
        """The quote jumped to, else the first quote in the cursor's paragraph."""
        item = self.current_item()
        if isinstance(item, Quote) or self.analysis_index is None:
            return item if isinstance(item, Quote) else None
        blocks = self.pane.article.blocks
        if not blocks:
            return None
        block = blocks[self.pane.cursor_block]
        return next((q for q in self.analysis_index.quotes if q.start < max(block.end, block.start + 1)
                     and q.end > block.start), None)

    def action_correct_speaker(self: Any) -> None:
        """Set or clear the speaker of the quote at the cursor, or mark it not a quote."""
        record = self._need_record()
        if record is None:
            return
        quote = self._quote_here()
        if quote is None:
            self.notify(f"Put the cursor on a quote first ({self._keys('reader.next_quote', ']')} goes to the next one).",
                        severity="warning", markup=False)
            return
        text = self.pane.article.text

        def save(answer: tuple[str, str | None] | None) -> None:
            if answer is None:
                return
            what, name = answer

            def change(lib: Any) -> Any:
                from reader.store.corrections import Corrections

                return Corrections(lib).correct_quote(record.id, text, quote.start, quote.end, speaker=name,
                                                      not_a_quote=what == "not_a_quote", original=quote.speaker)

            self._store_call(change, self._corrected)

        from reader.tui.screens.speaker_editor import SpeakerEditor

        self.app.push_screen(SpeakerEditor(quote.text, quote.speaker), save)

    def _corrected(self: Any, correction: Any) -> None:
        if correction.kind == "not_a_quote":
            message = "Marked as not a quote."
        elif correction.speaker:
            message = f"Speaker set to {correction.speaker}."
        else:
            message = "Speaker cleared."
        self.notify(message, markup=False)
        self.focus_item = None
        self.start_analysis(self.pane.article)  # cached: only the corrections are laid over it again

    def _keys(self: Any, binding_id: str, default: str) -> str:
        """The keys of ``binding_id`` as a hint names them (the user's, if remapped in config.toml)."""
        from reader.tui.keymap import keys_display

        return keys_display(self.app, binding_id, default)

    def _mention_here(self: Any) -> Mention | None:
        """The name jumped to, else the first highlighted name in the sentence cursor (when shown)
        or in the cursor's paragraph."""
        item = self.focus_item  # not current_item(): with nothing jumped to, that is the paragraph's
        if isinstance(item, Mention) or self.analysis_index is None:  # first item, not the sentence's
            return item if isinstance(item, Mention) else None
        start, end = self._cursor_span()
        return next((m for m in self.analysis_index.mentions if m.start < end and m.end > start), None)

    def _cursor_span(self: Any) -> tuple[int, int]:
        """The sentence at the cursor when the sentence cursor shows, else the cursor's paragraph."""
        sentence = self.cursor.sentence() if self._show_cursor else None
        if sentence is not None:
            return sentence
        blocks = self.pane.article.blocks
        if not blocks:
            return 0, 0
        block = blocks[self.pane.cursor_block]
        return block.start, max(block.end, block.start + 1)

    def action_correct_entity(self: Any) -> None:
        """Say what the name at the cursor is (a small picker of kinds); every view shows it at once.

        A name made a nationality or "not a name" is no longer highlighted: ``E`` in its
        paragraph finds it through the correction, to change it again or remove the correction.
        """
        from reader.store.corrections import ENTITY_KIND, Corrections
        from reader.tui.screens.entity_kind import RESET, EntityKindPicker
        from reader.view.analysis_nav import ENTITY_ROLES

        record = self._need_record()
        if record is None:
            return
        if self.analysis_index is None:
            self.notify("The names are still being found; try again in a moment.", severity="warning", markup=False)
            return
        mention = self._mention_here()
        start, end = self._cursor_span()
        here = self.pane.article.text[start:end].casefold()

        def ask(corrections: list[Any]) -> None:
            fixes = {c.entity.casefold(): c for c in corrections if c.kind == ENTITY_KIND}
            if mention is not None:
                name, label = mention.entity, mention.label
                fix = fixes.get(name.casefold()) or fixes.get(mention.text.casefold())
            else:
                fix = next((c for c in fixes.values() if c.label not in ENTITY_ROLES and c.entity.casefold() in here),
                           None)
                if fix is None:
                    self.notify(f"Put the cursor on a highlighted name first "
                                f"({self._keys('reader.next_mention', '>')} goes to the next one).",
                                severity="warning", markup=False)
                    return
                name, label = fix.entity, fix.label

            def save(answer: str | None) -> None:
                if answer is None:
                    return
                if answer == RESET:
                    if fix is not None:
                        self._store_call(lambda lib: Corrections(lib).remove(fix.id),
                                         lambda _gone: self._entity_corrected(name, None))
                    return
                self._store_call(lambda lib: Corrections(lib).correct_entity(record.id, name, answer),
                                 lambda saved: self._entity_corrected(name, saved.label))

            self.app.push_screen(EntityKindPicker(name, label, corrected=fix is not None), save)

        self._store_call(lambda lib: Corrections(lib).for_article(record.id), ask)

    def _entity_corrected(self: Any, name: str, label: str | None) -> None:
        kind = KIND_WORDS.get(label or "", "")
        self.notify(f"{name}: {kind} everywhere in this article." if kind else
                    f"{name}: back to what the analysis found.", markup=False)
        self.focus_item = None
        self.start_analysis(self.pane.article)  # cached: only the corrections are laid over it again

    # -- copying ---------------------------------------------------------------------------

    def action_copy(self: Any) -> None:
        """Copy the selection, else the quote at the cursor, with speaker, title and source (OSC 52)."""
        passage = self.cursor.passage() if self.cursor.selecting else None
        quote = self._quote_here()
        text = self.pane.article.text
        if passage is not None:
            start, end = passage
            speaker = None
            if self.analysis_index is not None:
                from reader.services.exports import speaker_for

                speaker = speaker_for(start, end, self.analysis_index.analysis.quotes)
        elif quote is not None:
            start, end, speaker = quote.start, quote.end, quote.speaker
        else:
            self.notify(f"Nothing to copy: select a passage ({self._keys('reader.select', 'v')}) or go to a quote "
                        f"({self._keys('reader.next_quote', ']')}).", severity="warning", markup=False)
            return
        self.app.copy_to_clipboard(copy_markdown(text[start:end], speaker, self.article.title, self.article.source))
        self.notify(f"Copied ({OSC52_HINT}).", markup=False)

    # -- highlights and the article's note ---------------------------------------------------

    def action_highlight(self: Any) -> None:
        """Highlight the selection (or the sentence at the cursor) without a note; on a highlight
        already there, the next colour (yellow, green, blue, pink)."""
        from reader.store.models import HIGHLIGHT_COLORS

        target = self._passage_to_mark()
        if target is None:
            return
        record, start, end = target
        same = next((n for n in self.notes if (n.start, n.end) == (start, end) and not n.note), None)
        if same is not None and not self.cursor.selecting:
            color = HIGHLIGHT_COLORS[(HIGHLIGHT_COLORS.index(same.color) + 1) % len(HIGHLIGHT_COLORS)
                                     if same.color in HIGHLIGHT_COLORS else 0]
            self._store_call(lambda lib: lib.update_note(same.id, color=color), self._highlighted)
            return
        text = self.pane.article.text
        self._store_call(lambda lib: lib.add_note(record.id, start, end, text, note="", color=HIGHLIGHT_COLORS[0]),
                         self._highlighted)

    def _highlighted(self: Any, note: Any) -> None:
        self.cursor.clear()
        self._paint_selection()
        self._show_notes([*(n for n in self.notes if n.id != note.id), note], keep=note.id)
        self.notify(f"Highlighted ({note.color or 'note style'}); {self._keys('reader.highlight', 'h')} again for "
                    "the next colour.", markup=False)

    def action_article_note(self: Any) -> None:
        """Write (or edit) the note on the whole article."""
        record = self._need_record()
        if record is None:
            return
        from reader.store.article_notes import ArticleNotes

        def edit(current: str) -> None:
            def save(written: str | None) -> None:
                if written is not None:
                    self._store_call(lambda lib: ArticleNotes(lib).set(record.id, written),
                                     lambda saved: self.notify("Article note saved." if saved else
                                                               "Article note removed.", markup=False))

            from reader.tui.screens.note_editor import NoteEditor

            self.app.push_screen(NoteEditor(record.title, current, title="Note on the article"), save)

        self._store_call(lambda lib: ArticleNotes(lib).get(record.id), edit)
