"""Document model and loaders (core: never imports Textual).

The markdown parser (markdown-it-py) loads on first use, so opening a plain-text article does
not pay for it.
"""

from typing import TYPE_CHECKING, Any

from reader.document.loader import ARTICLE_SUFFIXES, is_url, load, open_article, source_name
from reader.document.model import Article, Block, BlockKind, Inline, InlineKind, TextBuilder
from reader.document.plaintext import parse_text

if TYPE_CHECKING:
    from reader.document.markdown import MarkdownParser, parse_markdown

__all__ = [
    "ARTICLE_SUFFIXES",
    "Article",
    "Block",
    "BlockKind",
    "Inline",
    "InlineKind",
    "MarkdownParser",
    "TextBuilder",
    "is_url",
    "load",
    "open_article",
    "parse_markdown",
    "parse_text",
    "source_name",
]


def __getattr__(name: str) -> Any:
    if name in ("MarkdownParser", "parse_markdown"):
        from reader.document import markdown

        return getattr(markdown, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
