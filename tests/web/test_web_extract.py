"""parse_html on realistic news pages: every article paragraph kept, the clutter dropped."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from reader.document import BlockKind, InlineKind, load
from reader.document.html import parse_html
from reader.errors import ReaderError
from tests.web.conftest import FIXTURES, fixture_html


@dataclass(frozen=True)
class Expected:
    """What one fixture page must give."""

    title: str
    metadata: dict[str, str]
    kept: tuple[str, ...]  # sentences of the article, each must appear in the text
    dropped: tuple[str, ...]  # clutter, none may appear
    headings: tuple[tuple[int, str], ...] = ()
    quotes: tuple[str, ...] = ()
    items: tuple[tuple[int, str, str], ...] = ()  # (depth, marker, text)
    extra_kinds: frozenset[BlockKind] = field(default_factory=frozenset)


PAGES = {
    "harbour": Expected(
        title="Harbour council approves flood wall after two-year fight",
        metadata={"author": "Miriam Okafor", "site": "Northbay Courier", "published": "2024-03-12",
                  "url": "https://northbay-courier.example/local/2024/03/12/harbour-flood-wall"},
        kept=(
            "Northbay's harbour council voted seven to two on Tuesday night to build a concrete flood wall",
            "is expected to cost £18.6 million and take three years to complete.",
            "Councillor Dev Patel, who chairs the harbour committee, said the decision had been the hardest",
            "Their secretary, Agnes Thorne, told the meeting that at least forty families depended",
            "The council has promised three changes to the original design in response:",
            "Ms Thorne said the association would study the revised plans",
            "A final design will be published in June, followed by a six-week public consultation.",
            "The Environment Agency, which is paying for two thirds of the project, must also sign off the scheme.",
        ),
        dropped=("cookies", "Accept all", "Subscribe today", "Share on Twitter", "Email this story",
                 "Related stories", "Storm floods quayside", "SeaDog77", "Typical council", "kitchen flooded",
                 "All rights reserved", "Privacy policy", "Sign up for our free", "dataLayer", "Weather"),
        headings=((1, "Harbour council approves flood wall after two-year fight"),
                  (2, "Fishermen fear loss of access"), (2, "What happens next")),
        quotes=('"We have watched the water come over that quay four winters out of the last five. '
                'Doing nothing was never an option."',),
        items=((1, "•", "two new gated openings at the slipways"),
               (1, "•", "a floating pontoon next to the fish market"),
               (1, "•", "free parking for licensed boat owners during construction")),
    ),
    "budget": Expected(
        title="Treasury unveils spending plan with cuts to regional transport",
        metadata={"author": "Tomasz Wierzbicki", "site": "The National Ledger", "published": "2024-10-30",
                  "url": "https://national-ledger.example/economy/spending-plan-2024"},
        kept=(
            "The Treasury on Wednesday set out a five-year spending plan that trims the regional transport budget",
            'The chancellor, Helena Marsh, told parliament that the plan would "restore order to the public '
            'finances" without raising income tax.',
            "The main changes announced were:",
            "Economists at the Institute for Fiscal Studies said the figures relied on optimistic growth forecasts.",
            "Mayors in the north and the midlands condemned the transport cuts.",
            'stuck on trains built in the 1980s for another decade".',
        ),
        dropped=("privacy matters", "842 partners", "I agree", "Log in", "Advertisement",
                 "Subscribe to continue reading", "Cancel anytime", "Subscribe now", "Tweet this",
                 "LinkedIn", "WhatsApp", "Most read", "Celebrity chef", "Ten signs your cat",
                 "Ledger Media Group", "Cookie settings"),
        headings=((2, "Regions react"),),
        items=((1, "1.", "A freeze on new regional rail projects until 2027."),
               (1, "2.", "An extra £4 billion a year for hospitals."),
               (1, "3.", "A two per cent rise in the defence budget.")),
        extra_kinds=frozenset({BlockKind.TABLE}),
    ),
    "reef": Expected(
        title="Coral reefs recover faster than expected in protected zones",
        metadata={"author": "Lena Hoffmann", "site": "Ocean Weekly", "published": "2023-08-21"},
        kept=(
            "Coral cover on reefs inside marine protected areas recovered almost twice as fast",
            "published on Monday in the journal Marine Ecology Letters.",
            "The researchers surveyed 214 reefs across the western Pacific between 2020 and 2023",
            "Each site was visited once a year by a team of at least two divers.",
            "The core of the recovery model is a single line:",
            "Dr Sione Fifita, the study's lead author, said the results showed",
            "Some marine biologists warned that the survey period was too short",
        ),
        dropped=("Shop", "Search", "This site uses cookies", "Find out more", "Share this article",
                 "Pinterest", "You might also like", "Whale song", "reef-safe sunscreen", "Sponsored",
                 "42 Comments", "what about the ones outside", "difference was obvious", "Advertise with us",
                 "science correspondent"),
        headings=((1, "Coral reefs recover faster than expected in protected zones"),
                  (3, "How the survey worked")),
        quotes=('"Protection doesn\'t stop the ocean warming, but it buys the corals time," she said.',),
        items=((1, "•", "photographing a fifty-metre transect line"),
               (2, "◦", "at a depth of five metres"),
               (2, "◦", "and again at ten metres"),
               (1, "•", "counting fish species within two metres of the line"),
               (1, "•", "recording water temperature with a logger left on the reef")),
        extra_kinds=frozenset({BlockKind.CODE}),
    ),
    "interview": Expected(
        title='"I never wanted to be a politician": an interview with Mayor Ruth Adeyemi',
        metadata={"author": "Paul Whitcombe", "site": "Riverside Review", "published": "2022-11-05"},
        kept=(
            "Ruth Adeyemi was a primary school headteacher for nineteen years",
            "where a child's drawing of the town hall is pinned above her desk.",
            "She says she was persuaded to stand by parents at her school",
            "Her first budget reopened the centre three days a week, paid for by renting out the ground floor",
            "The harder fight, she admits, has been over buses.",
            'she said she was "open to any model that gets a bus to Hollow Lane more than twice a day".',
            "Pressed for a single change she would make if she had the powers, she did not hesitate.",
            "Adeyemi will face re-election in May 2026. She has not yet said whether she will stand again.",
        ),
        dropped=("Front page", "Donate", "optional cookies", "No thanks", "Share this:",
                 "Click to share", "Youth centre saved", "Hollow Lane residents petition",
                 "5 thoughts", "best mayor we've had", "potholes", "Leave a Reply", "Post Comment",
                 "powered by volunteers"),
        headings=((1, '"I never wanted to be a politician": an interview with Mayor Ruth Adeyemi'),
                  (2, "From the classroom to the council chamber"), (3, "The bus question"),
                  (2, "What she would change")),
        quotes=('"I never wanted to be a politician. I wanted the youth centre to stay open, and nobody else '
                'seemed able to do it."',
                '"In the end it was simpler to run for the job than to keep writing letters to the person '
                'who had it."',
                '"Give towns the bus money directly. We know where people need to go."'),
    ),
}


@pytest.fixture(scope="module", params=sorted(PAGES))
def page(request: pytest.FixtureRequest) -> tuple[str, Expected, object]:
    name = request.param
    return name, PAGES[name], parse_html(fixture_html(name), source=f"/saved/{name}.html")


def test_every_article_sentence_is_kept(page) -> None:
    _, expected, article = page
    for sentence in expected.kept:
        assert sentence in article.text, sentence


def test_the_clutter_is_dropped(page) -> None:
    _, expected, article = page
    for clutter in expected.dropped:
        assert clutter not in article.text, clutter


def test_title_and_metadata(page) -> None:
    _, expected, article = page
    assert article.title == expected.title
    assert article.metadata == expected.metadata
    assert article.format == "html"


def test_headings_quotes_and_list_items_have_their_kinds(page) -> None:
    _, expected, article = page
    headings = [(b.level, article.block_text(b)) for b in article.blocks if b.kind is BlockKind.HEADING]
    assert headings == list(expected.headings)
    quotes = [article.block_text(b) for b in article.blocks if b.kind is BlockKind.BLOCKQUOTE]
    assert quotes == list(expected.quotes)
    assert all(b.quote == 1 for b in article.blocks if b.kind is BlockKind.BLOCKQUOTE)
    items = [(b.depth, b.marker, article.block_text(b)) for b in article.blocks if b.kind is BlockKind.LIST_ITEM]
    assert items == list(expected.items)
    kinds = {b.kind for b in article.blocks}
    assert expected.extra_kinds <= kinds


def test_blocks_tile_the_text(page) -> None:
    """Blocks are in order, separated by exactly one blank line, and inlines stay inside them."""
    _, _, article = page
    position = 0
    for index, block in enumerate(article.blocks):
        if index:
            assert article.text[position:block.start] == "\n\n"
        assert block.start <= block.end
        assert "\n\n" not in article.block_text(block)
        for inline in block.inlines:
            assert block.start <= inline.start < inline.end <= block.end
        position = block.end
    assert position == len(article.text)


def test_inline_bold_italic_and_links() -> None:
    article = parse_html(fixture_html("harbour"))
    styled = {(i.kind, article.text[i.start:i.end], i.href) for b in article.blocks for i in b.inlines}
    assert (InlineKind.BOLD, "£18.6 million", None) in styled
    assert (InlineKind.ITALIC, "at least forty families", None) in styled
    assert (InlineKind.LINK, "planning papers", "https://northbay-council.example/papers/flood-wall.pdf") in styled


def test_table_rows_cells_and_header() -> None:
    article = parse_html(fixture_html("budget"))
    table = next(b for b in article.blocks if b.kind is BlockKind.TABLE)
    rows = article.block_text(table).split("\n")
    assert "Department | 2024 | 2029" in rows
    assert "Regional transport | 12 | 9.5" in rows
    assert table.header_rows == rows.index("Department | 2024 | 2029") + 1


def test_code_block_keeps_its_text() -> None:
    article = parse_html(fixture_html("reef"))
    code = [article.block_text(b) for b in article.blocks if b.kind is BlockKind.CODE]
    assert code == ["recovery_rate = (cover_2023 - cover_2020) / years_elapsed"]


def test_parsing_is_deterministic() -> None:
    first = parse_html(fixture_html("interview"), source="x")
    second = parse_html(fixture_html("interview"), source="x")
    assert first == second


def test_load_opens_a_saved_page(tmp_path) -> None:
    path = tmp_path / "saved-page.html"
    path.write_text(fixture_html("harbour"), encoding="utf-8")
    article = load(str(path))
    assert article.source == str(path)
    assert article.format == "html"
    assert article.title == PAGES["harbour"].title
    assert PAGES["harbour"].kept[0] in article.text


def test_load_opens_an_htm_fixture_straight_from_disk() -> None:
    article = load(str(FIXTURES / "reef.html"))
    assert article.metadata["site"] == "Ocean Weekly"


# -- hostile pages ---------------------------------------------------------------------------

CONTROL = [chr(c) for c in (*range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0))] + [
    "\u202e", "\u202c", "\u200b"]


def _all_strings(article) -> list[str]:
    return [article.text, article.title, *article.metadata.values(),
            *(i.href or "" for b in article.blocks for i in b.inlines)]


def test_hostile_page_comes_out_inert() -> None:
    article = parse_html(fixture_html("hostile"), source="/saved/hostile.html")
    for value in _all_strings(article):
        assert not any(c in value for c in CONTROL), repr(value)
    for injected in ("INJECTED", "alert(", "document.cookie", "NOSCRIPT", "IFRAME CONTENT", "background:"):
        assert injected not in article.text
    # escape sequences go whole, the words they wrapped stay
    assert "customers would go elsewhere if the fees rose" in article.text
    assert "had already lost four stalls this year." in article.text
    assert "the councillanif said" in article.text
    assert article.metadata["author"] == "Sam Red Writer"


def test_markup_looking_text_is_kept_as_plain_text() -> None:
    article = parse_html(fixture_html("hostile"))
    phrase = "[bold]BOYCOTT[/bold] and [link=https://evil.example]click here[/link]"
    start = article.text.index(phrase)
    block = article.blocks[article.block_at(start)]
    assert block.inlines == []


def test_only_http_and_mailto_links_keep_their_target() -> None:
    article = parse_html(fixture_html("hostile"))
    links = {article.text[i.start:i.end]: i.href for b in article.blocks for i in b.inlines
             if i.kind is InlineKind.LINK}
    assert links == {"published report": "https://council.example/fees.pdf"}
    assert "pay for road repairs and a new park-and-ride service" in article.text


def test_escapes_in_the_page_title_are_removed_when_it_is_the_only_title() -> None:
    html = ("<html><head><title>Row &#27;]0;pwned&#7;over &#27;[1mfees&#27;[0m</title></head>"
            "<body><p>Short.</p></body></html>")
    article = parse_html(html)
    assert article.title == "Row over fees"


# -- fallback and failures -------------------------------------------------------------------

def test_page_trafilatura_cannot_read_falls_back_to_the_page_text() -> None:
    html = "<html><head><title>Tiny</title></head><body><nav>Menu</nav><p>Hi <b>there</b>.</p></body></html>"
    article = parse_html(html, fallback_title="tiny page")
    assert "Hi there." in article.text
    assert "Menu" not in article.text
    assert article.title == "Tiny"


def test_fallback_walk_builds_the_same_block_kinds() -> None:
    from reader.document.html import _fallback_walk

    html = ("<html><body><nav>Skip me</nav><main><h2>Head</h2><div>Loose <b>bold</b><br>line"
            "<ul><li>one<ol><li>sub</li></ol>after</li></ul>tail</div><blockquote><p>Quoted</p></blockquote>"
            "<pre>  a\n    b</pre><table><thead><tr><th>A</th><th>B</th></tr></thead>"
            "<tr><td>1</td><td><a href='/x'>x</a></td></tr></table><hr><p>End</p></main></body></html>")
    walker = _fallback_walk(html, "https://example.test/dir/")
    assert walker is not None
    builder = walker.builder
    text = builder.text()
    got = [(b.kind, b.level, b.depth, b.quote, b.marker, text[b.start:b.end]) for b in builder.blocks]
    assert got == [
        (BlockKind.HEADING, 2, 0, 0, "", "Head"),
        (BlockKind.PARAGRAPH, 0, 0, 0, "", "Loose bold\nline"),
        (BlockKind.LIST_ITEM, 0, 1, 0, "•", "one"),
        (BlockKind.LIST_ITEM, 0, 2, 0, "1.", "sub"),
        (BlockKind.LIST_ITEM, 0, 1, 0, "", "after"),
        (BlockKind.PARAGRAPH, 0, 0, 0, "", "tail"),
        (BlockKind.BLOCKQUOTE, 0, 0, 1, "", "Quoted"),
        (BlockKind.CODE, 0, 0, 0, "", "  a\n    b"),
        (BlockKind.TABLE, 0, 0, 0, "", "A | B\n1 | x"),
        (BlockKind.RULE, 0, 0, 0, "", ""),
        (BlockKind.PARAGRAPH, 0, 0, 0, "", "End"),
    ]
    table = builder.blocks[8]
    assert table.header_rows == 1
    assert [(i.kind, i.href) for i in table.inlines] == [(InlineKind.LINK, "https://example.test/x")]


@pytest.mark.parametrize("html", [
    "",
    "   \n  ",
    "<html><body><script>only()</script></body></html>",
    "<html><body><img src=\"photo.jpg\"><form><input></form></body></html>",
    "\x00\x01\x02",
])
def test_a_page_with_no_text_is_one_clear_error(html: str) -> None:
    with pytest.raises(ReaderError) as info:
        parse_html(html, source="/saved/empty.html")
    assert str(info.value).startswith("/saved/empty.html: ")
    assert "\n" not in str(info.value)


def test_malformed_html_still_gives_its_text() -> None:
    html = "<p>Unclosed <b>bold <i>and italic<p>Second paragraph</div></span><td>cell"
    article = parse_html(html)
    assert "Unclosed bold and italic" in article.text
    assert "Second paragraph" in article.text


def test_trafilatura_is_imported_lazily() -> None:
    import subprocess
    import sys

    code = "import reader.document, sys; print('trafilatura' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_a_book_length_page_is_walked_directly() -> None:
    from reader.document.html import LARGE_PAGE_BLOCKS

    paragraphs = "".join(f"<p>Paragraph number {n} of a very long serialised novel.</p>\n"
                         for n in range(LARGE_PAGE_BLOCKS + 1))
    html = ("<html><head><title>A Long Novel</title><meta name='author' content='Anna Writer'></head><body>"
            f"<nav>Chapters Index</nav><article><h1>A Long Novel</h1>{paragraphs}</article>"
            "<footer>Footer links</footer></body></html>")
    article = parse_html(html)
    assert article.title == "A Long Novel"
    assert article.metadata["author"] == "Anna Writer"
    assert len(article.blocks) == LARGE_PAGE_BLOCKS + 2
    assert f"Paragraph number {LARGE_PAGE_BLOCKS} of a very long serialised novel." in article.text
    assert "Chapters" not in article.text and "Footer" not in article.text


def test_a_canonical_link_that_is_not_http_is_not_kept() -> None:
    html = fixture_html("harbour").replace(
        'href="https://northbay-courier.example/local/2024/03/12/harbour-flood-wall"', 'href="javascript:alert(1)"')
    article = parse_html(html)
    assert "url" not in article.metadata


@pytest.mark.parametrize(("href", "base", "expected"), [
    ("https://a.example/x", "", "https://a.example/x"),
    ("/x?y=1", "https://a.example/dir/page", "https://a.example/x?y=1"),
    ("x", "https://a.example/dir/page", "https://a.example/dir/x"),
    ("mailto:desk@a.example", "", "mailto:desk@a.example"),
    ("/relative/without/base", "", None),
    ("#section", "https://a.example/", None),
    ("JavaScript:alert(1)", "https://a.example/", None),
    ("  javascript:alert(1)", "", None),
    ("data:text/html,<script>x</script>", "", None),
    ("vbscript:msgbox", "", None),
    ("file:///etc/passwd", "", None),
    ("https://a.example/\x1b]8;;evil\x07x", "", "https://a.example/x"),
    ("http://[bad", "", None),
])
def test_safe_href(href: str, base: str, expected: str | None) -> None:
    from reader.document.web_walk import safe_href

    assert safe_href(href, base) == expected


def test_a_layout_table_is_walked_as_paragraphs_not_one_giant_row() -> None:
    from reader.document.html import _fallback_walk

    html = ("<html><body><table><tr><td><h1>Old site</h1><p>First paragraph.</p></td>"
            "<td><p>Second <b>column</b>.</p><table><tr><th>K</th><th>V</th></tr><tr><td>a</td><td>1</td></tr>"
            "</table></td></tr></table></body></html>")
    walker = _fallback_walk(html, "")
    assert walker is not None
    text = walker.builder.text()
    got = [(b.kind, text[b.start:b.end]) for b in walker.builder.blocks]
    assert got == [(BlockKind.HEADING, "Old site"), (BlockKind.PARAGRAPH, "First paragraph."),
                   (BlockKind.PARAGRAPH, "Second column."), (BlockKind.TABLE, "K | V\na | 1")]
