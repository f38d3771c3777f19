"""The Textual user interface (the only package that imports Textual).

- :mod:`reader.tui.app`: the app, which screen comes first, app-wide keys, the keymap;
- ``screens/``: the library, the reader (analysis, notes), the article list, help, errors, and
  the dialogs built on :class:`reader.tui.screens.dialog.Dialog`;
- ``widgets/``: the reading pane and its renderer, the side panels, the title and key bars;
- :mod:`reader.tui.theming`: reader themes as Textual themes, and remembering the choice;
- :mod:`reader.tui.keymap`: the user's ``[keymap]`` checked against the bindings;
- :mod:`reader.tui.palette`: command palette entries made from the bindings in force.

What the UI shows but can work out without Textual lives below it, in :mod:`reader.view` and
:mod:`reader.services`.
"""
