"""The app's screens: the library, the reader and its analysis, the picker, help, errors and dialogs."""
