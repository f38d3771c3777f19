"""The type of the ``run`` fixture (tests/conftest.py): ``run(*args)`` runs ``reader --db DB ARGS...``
in-process and gives (exit code, stdout, stderr)."""

from __future__ import annotations

from collections.abc import Callable

Run = Callable[..., tuple[int, str, str]]
