"""Services shared by the CLI and the app: library-wide work built on the store, the analysis
and the documents (never on Textual, never on the CLI)."""
