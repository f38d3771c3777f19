"""The dialogs share one look through the Dialog base class: a centred box, the note editor wider."""

from __future__ import annotations

from textual.app import App
from textual.containers import Vertical

from reader.tui.screens.dialog import Dialog
from reader.tui.screens.note_editor import NoteEditor
from reader.tui.screens.tag_input import Confirm, RenameTag, TagInput

SIZE = (100, 30)


async def _box_of(dialog: Dialog[object]) -> tuple[int, int, int, str]:
    """(width, left margin, right margin, title style) of the dialog's box, shown over a bare app."""
    app: App[None] = App()
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(dialog)
        await pilot.pause()
        box = dialog.query_one(Vertical)
        region = box.region
        title = dialog.query_one(".dialog-title")
        return region.width, region.x, SIZE[0] - region.right, str(title.styles.text_style)


async def test_the_tag_rename_and_confirm_dialogs_share_the_dialog_box() -> None:
    for dialog in (TagInput("Tags", [], []), RenameTag(["a"]), Confirm("Remove it?")):
        width, left, right, title_style = await _box_of(dialog)
        assert width == 64 and abs(left - right) <= 1, type(dialog).__name__
        assert "bold" in title_style


async def test_the_note_editor_is_a_wider_dialog() -> None:
    width, left, right, title_style = await _box_of(NoteEditor("a passage", ""))
    assert width == 72 and abs(left - right) <= 1 and "bold" in title_style
