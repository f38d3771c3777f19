"""Headless subcommands, one module each, imported only when used (see reader.cli)."""
