"""Document model and loaders (core: never imports Textual)."""

from reader.document.loader import ARTICLE_SUFFIXES, is_url, load, open_article, source_name
from reader.document.markdown import MarkdownParser, parse_markdown
from reader.document.model import Article, Block, BlockKind, Inline, InlineKind, TextBuilder
from reader.document.plaintext import parse_text

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
