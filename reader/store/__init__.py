"""The library store (core, no Textual): articles, notes, tags and settings in one TinyDB file.

- :mod:`reader.store.library`: :class:`Library`, the API the CLI and the app use;
- :mod:`reader.store.storage`: the atomic, locked, cached TinyDB storage;
- :mod:`reader.store.schema`: file shape, schema version and migrations;
- :mod:`reader.store.anchoring`: W3C selectors and re-anchoring notes in changed text;
- :mod:`reader.store.models`: the immutable records handed out (:class:`ArticleRecord`, :class:`Note`);
- :mod:`reader.store.tags`: tag normalisation.
"""

from typing import TYPE_CHECKING, Any

from reader.store.anchoring import Anchor, Selector, Status, describe, find_quote, locate, reanchor
from reader.store.models import ArticleRecord, Note
from reader.store.paths import default_db_path
from reader.store.tags import normalize_tag, normalize_tags

if TYPE_CHECKING:
    from reader.store.library import Library, RemovedArticle, article_id, text_hash
    from reader.store.schema import SCHEMA_VERSION, LibraryFileError
    from reader.store.storage import AtomicJSONStorage

# The library itself (TinyDB, the file lock, orjson) loads on first use, so that importing the
# records and anchoring (as the app does at start-up) stays cheap.
_LAZY = {
    "Library": "reader.store.library", "RemovedArticle": "reader.store.library",
    "article_id": "reader.store.library", "text_hash": "reader.store.library",
    "SCHEMA_VERSION": "reader.store.schema", "LibraryFileError": "reader.store.schema",
    "AtomicJSONStorage": "reader.store.storage",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(module), name)


__all__ = [
    "SCHEMA_VERSION",
    "Anchor",
    "ArticleRecord",
    "AtomicJSONStorage",
    "Library",
    "LibraryFileError",
    "Note",
    "RemovedArticle",
    "Selector",
    "Status",
    "article_id",
    "default_db_path",
    "describe",
    "find_quote",
    "locate",
    "normalize_tag",
    "normalize_tags",
    "reanchor",
    "text_hash",
]
