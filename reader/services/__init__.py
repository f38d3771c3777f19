"""Services shared by the CLI and the app, above the store, export and analysis layers."""
