"""article_to_dict / article_from_dict: a fetched article stored and reopened offline, unchanged."""

from __future__ import annotations

import json

import orjson
import pytest

from reader.document import parse_markdown
from reader.document.html import parse_html
from reader.document.serialize import article_from_dict, article_to_dict
from reader.errors import ReaderError
from tests.web.conftest import NEWS_PAGES, fixture_html


@pytest.mark.parametrize("name", [*NEWS_PAGES, "hostile"])
def test_round_trip_through_json_is_identical(name: str) -> None:
    article = parse_html(fixture_html(name), source=f"https://news.example/{name}")
    stored = orjson.dumps(article_to_dict(article))
    assert article_from_dict(orjson.loads(stored)) == article
    assert article_from_dict(json.loads(json.dumps(article_to_dict(article)))) == article


def test_round_trip_keeps_every_block_attribute() -> None:
    source = "# Title\n\n> quoted\n\n1. one\n   - nested\n\n```py\ncode\n```\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n---\n\n" \
             "Some **bold** and [a link](https://example.test).\n"
    article = parse_markdown(source, path="/notes/x.md")
    assert article_from_dict(article_to_dict(article)) == article


@pytest.mark.parametrize("damage", [
    lambda d: d.pop("text"),
    lambda d: d.update(version=99),
    lambda d: d["blocks"][0].update(end=10**9),
    lambda d: d["blocks"][0].update(kind="sidebar"),
    lambda d: d["blocks"][1].update(inlines=[["bold", 0, 10**9]]),
    lambda d: d.update(text=d["text"] + "\x1b[31m"),
    lambda d: d.update(blocks="nope"),
])
def test_damaged_data_is_one_clear_error(damage) -> None:
    data = article_to_dict(parse_html(fixture_html("harbour")))
    damage(data)
    with pytest.raises(ReaderError, match=r"^stored article is damaged \("):
        article_from_dict(data)


def test_metadata_read_back_is_cleaned() -> None:
    data = article_to_dict(parse_html(fixture_html("reef")))
    data["metadata"]["author"] = "Evil\x1b]0;title\x07 Name"
    data["title"] = "A\u202etitle"
    article = article_from_dict(data)
    assert article.metadata["author"] == "Evil Name"
    assert article.title == "Atitle"
