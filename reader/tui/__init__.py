"""The Textual user interface, built on the core packages (the only place Textual is imported)."""
