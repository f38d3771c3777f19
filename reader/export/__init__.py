"""Export notes and highlights to markdown and JSON (core: never imports Textual)."""

from reader.export.files import export_file_name, slugify, write_export, written_by_reader
from reader.export.json_export import articles_from_json, render_json
from reader.export.markdown_export import render_markdown
from reader.export.model import ExportArticle, ExportNote

__all__ = [
    "ExportArticle",
    "ExportNote",
    "articles_from_json",
    "export_file_name",
    "render_json",
    "render_markdown",
    "slugify",
    "write_export",
    "written_by_reader",
]
