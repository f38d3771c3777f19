"""search, speakers, quotes, correct, notes, config: exact forms, --json shapes, one-line errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.store import Library

from .conftest import Run


def _error(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("reader: ") and "Traceback" not in err, err
    return lines[0]


def test_search_text_words_phrases_accents(run: Run, ids: tuple[str, str]) -> None:
    one, two = ids
    code, out, _ = run("search", "lavrov", "--json")
    assert code == 0
    results = json.loads(out)
    assert {r["id"] for r in results} == {one, two}
    for result in results:
        assert set(result) == {"id", "title", "source", "score", "matches"}
        for match in result["matches"]:
            assert match["in"] in ("text", "title", "note", "tag")
            if match["in"] == "text":
                assert {"start", "end", "snippet"} <= set(match)
    code, out, _ = run("search", '"not going to wait"', "--json")
    assert [r["id"] for r in json.loads(out)] == [one]
    code, out, _ = run("search", "CAFE", "--json")
    [hit] = json.loads(out)
    match = next(m for m in hit["matches"] if m["in"] == "text")
    assert "Café" in match["snippet"]
    code, out, _ = run("search", "Elysee")
    assert code == 0 and out.startswith(two)


def test_search_offsets_index_the_article_text(run: Run, ids: tuple[str, str], articles: tuple[Path, Path],
                                               db: Path) -> None:
    from reader.document import load

    code, out, _ = run("search", "ferries", "--json")
    [hit] = json.loads(out)
    text = load(str(articles[0])).text
    match = next(m for m in hit["matches"] if m["in"] == "text")
    assert text[match["start"]:match["end"]].lower() == "ferries"


def test_search_folds_ss_ae_oe_and_ligatures_with_offsets_into_the_text(run: Run, tmp_path: Path, db: Path) -> None:
    from reader.document import load

    one, two = tmp_path / "berlin.txt", tmp_path / "vienna.txt"
    one.write_text("Road works\n\nThe Gro\u00dfe Stra\u00dfe is shut, the \u00c6rztekammer said of the \ufb01nal plan.",
                   encoding="utf-8")
    two.write_text("Detour\n\nThe Strasse near the Oeuvre museum is open again.", encoding="utf-8")
    code, out, _ = run("add", str(one), str(two))
    first, second = out.split()
    texts = {first: load(str(one)).text, second: load(str(two)).text}
    for query, found in (("strasse", {first: "Straße", second: "Strasse"}), ("Straße", {first: "Straße", second: "Strasse"}),
                         ("grosse", {first: "Große"}), ("aerztekammer", {first: "Ærztekammer"}),
                         ("final", {first: "ﬁnal"}), ("œuvre", {second: "Oeuvre"})):
        code, out, _ = run("search", query, "--json")
        results = json.loads(out)
        assert code == 0 and {r["id"] for r in results} == set(found), query
        for result in results:
            [match] = [m for m in result["matches"] if m["in"] == "text"]
            assert texts[result["id"]][match["start"]:match["end"]] == found[result["id"]], query
            assert found[result["id"]] in match["snippet"]
    # The text cache keeps the offset map of the text whose fold is longer, and not of the other.
    from reader.services.texts import texts_file

    entries = texts_file(Library.open(db)).entries()
    assert entries[first]["fold_map"] and "fold_map" not in entries[second]


def test_a_text_cached_folded_the_old_way_is_folded_again(run: Run, tmp_path: Path, db: Path) -> None:
    from reader.services.cache_files import FORMAT
    from reader.services.texts import texts_file

    path = tmp_path / "berlin.txt"
    path.write_text("Road works\n\nThe Stra\u00dfe is shut.", encoding="utf-8")
    code, out, _ = run("add", str(path))
    assert run("search", "shut")[0] == 0  # cached, folded
    cache = texts_file(Library.open(db))
    entries = {aid: {k: v for k, v in entry.items() if k != "fold"} | {"folded": entry["text"].lower()}
               for aid, entry in cache.entries().items()}  # as an older reader left them: ß kept
    cache.path.write_text(json.dumps({"format": FORMAT, "entries": entries}), encoding="utf-8")
    assert [r["id"] for r in json.loads(run("search", "strasse", "--json")[1])] == [out.strip()]


def test_a_match_that_starts_inside_one_characters_fold_finds_nothing(run: Run, tmp_path: Path) -> None:
    """"¼" folds to "1⁄4" and "℅" to "c/o": a word found inside one character's fold is no match
    (no span of the text holds it), so it neither finds the article nor counts, in the text or the title."""
    path = tmp_path / "recipe.txt"
    path.write_text("Sugar \u00bc and more\n\nAdd \u00bc cup of sugar, c\u2105 the baker.", encoding="utf-8")
    assert run("add", str(path))[0] == 0
    from reader.document import load

    text = load(str(path)).text
    code, out, _ = run("search", "4", "--json")
    assert out.strip() in ("", "[]")  # nowhere a word: not in the title, not in the text
    code, out, _ = run("search", "o", "--json")
    [result] = json.loads(out)
    assert [(m["in"], text[m["start"]:m["end"]]) for m in result["matches"]] == [("text", "o")]  # of "of"
    code, out, _ = run("search", "cup", "--json")
    assert code == 0 and len(json.loads(out)) == 1


@pytest.mark.parametrize("damage", ["map lost", "map shifted", "folded cut", "map not a map"])
def test_a_damaged_fold_in_the_text_cache_is_made_again(run: Run, tmp_path: Path, db: Path, damage: str) -> None:
    """A cached fold whose map or folded text does not fit the text (a damaged cache file) is
    folded again: search offsets still index the article's text, never a wrong span."""
    from reader.services.cache_files import FORMAT
    from reader.services.texts import texts_file

    path = tmp_path / "berlin.txt"
    path.write_text("Road works\n\nThe Stra\u00dfe is shut, said Ulrich Gro\u00df.", encoding="utf-8")
    aid = run("add", str(path))[1].strip()
    assert run("search", "shut")[0] == 0  # cached, folded, with its map
    cache = texts_file(Library.open(db))
    entry = dict(cache.entries()[aid])
    if damage == "map lost":
        del entry["fold_map"]
    elif damage == "map shifted":
        entry["fold_map"] = [n + 1 for n in entry["fold_map"]]
    elif damage == "folded cut":
        entry["folded"] = entry["folded"][:-3]
    else:
        entry["fold_map"] = {"not": "a map"}
    cache.path.write_text(json.dumps({"format": FORMAT, "entries": {aid: entry}}), encoding="utf-8")
    code, out, _ = run("search", "gross", "--json")
    [match] = [m for m in json.loads(out)[0]["matches"] if m["in"] == "text"]
    from reader.document import load

    assert code == 0 and load(str(path)).text[match["start"]:match["end"]] == "Gro\u00df"


def test_search_finds_notes_and_tags_and_stays_current(run: Run, ids: tuple[str, str],
                                                       articles: tuple[Path, Path]) -> None:
    one, two = ids
    assert run("search", "zebra")[0] == 0 and run("search", "zebra")[1] == ""
    code, note_id, _ = run("note", "add", one, "--quote", "the talks had stalled", "--note", "zebra crossing")
    code, out, _ = run("search", "zebra", "--json")
    [hit] = json.loads(out)
    assert hit["id"] == one and hit["matches"][0] == {"in": "note", "snippet": "zebra crossing",
                                                      "start": hit["matches"][0]["start"],
                                                      "end": hit["matches"][0]["end"], "note": note_id.strip()}
    run("tag", two, "diplomacy")
    code, out, _ = run("search", "diplomacy", "--json")
    assert [r["id"] for r in json.loads(out)] == [two]
    code, out, _ = run("search", "lavrov", "--tag", "diplomacy", "--json")
    assert [r["id"] for r in json.loads(out)] == [two]
    articles[1].write_text("Ceasefire hopes fade\n\nA giraffe escaped.", encoding="utf-8")
    code, out, _ = run("search", "giraffe", "--json")
    assert [r["id"] for r in json.loads(out)] == [two]
    code, out, _ = run("search", "nobody moscow", "--json")
    assert json.loads(out) == []


def test_search_query_markup_stays_literal(run: Run, ids: tuple[str, str]) -> None:
    code, out, err = run("search", "[bold]x[/bold] <script>")
    assert code == 0 and out == "" and "nothing matches" in err
    code, _, err = run("search", '""')
    assert code == 2 and "no words" in _error(err)


def test_speakers_merged_across_articles(run: Run, ids: tuple[str, str]) -> None:
    code, out, _ = run("speakers", "--json")
    assert code == 0
    speakers = json.loads(out)
    lavrov = next(s for s in speakers if "Lavrov" in s["name"])
    assert set(lavrov) == {"name", "label", "aliases", "direct", "partial", "reported", "quotes", "articles"}
    assert lavrov["name"] == "Sergei Lavrov" and lavrov["articles"] == 2
    assert lavrov["quotes"] == lavrov["direct"] + lavrov["partial"] + lavrov["reported"] >= 4
    assert sum("Lavrov" in s["name"] for s in speakers) == 1
    code, text, _ = run("speakers")
    assert text.splitlines()[0].startswith("Sergei Lavrov: ")
    assert "2 articles" in text.splitlines()[0]


def test_speakers_of_a_tag(run: Run, ids: tuple[str, str]) -> None:
    run("tag", ids[0], "geneva")
    code, out, _ = run("speakers", "--tag", "geneva", "--json")
    lavrov = next(s for s in json.loads(out) if s["name"] == "Sergei Lavrov")
    assert lavrov["articles"] == 1


def test_quotes_of_a_speaker_by_any_of_its_names(run: Run, ids: tuple[str, str]) -> None:
    code, out, _ = run("quotes", "--speaker", "Lavrov", "--json")
    assert code == 0
    quotes = json.loads(out)
    assert quotes and {q["speaker"] for q in quotes} == {"Sergei Lavrov"}
    assert {q["article"] for q in quotes} == set(ids)
    assert set(quotes[0]) == {"speaker", "speaker_in_article", "kind", "text", "start", "end", "article", "title",
                              "source"}
    code, _, err = run("quotes", "--speaker", "Nobody Atall")
    assert code == 1 and "no quotes" in _error(err)
    code, out, _ = run("quotes")
    assert "[direct] Sergei Lavrov: " in out


def test_correct_speaker_survives_reanalysis_an_edit_and_reaches_quotes(run: Run, ids: tuple[str, str],
                                                                        articles: tuple[Path, Path]) -> None:
    one, _ = ids
    code, out, _ = run("correct", one, "--quote", "the ferries would keep running", "--speaker", "Harbour Office")
    assert code == 0 and len(out.strip()) == 12
    code, out, _ = run("quotes", "--speaker", "Harbour Office", "--json")
    assert [q["text"] for q in json.loads(out)][0].startswith("the ferries would keep running")
    # The article changes: a paragraph before the quote; the correction moves with its passage.
    articles[0].write_text(articles[0].read_text(encoding="utf-8").replace(
        "Café owners", "A new first paragraph arrived.\n\nCafé owners"), encoding="utf-8")
    code, out, _ = run("quotes", "--speaker", "Harbour Office", "--json")
    [quote] = json.loads(out)
    from reader.document import load

    assert load(str(articles[0])).text[quote["start"]:quote["end"]].startswith("the ferries")


def test_correct_not_a_quote_and_clear(run: Run, ids: tuple[str, str]) -> None:
    one, _ = ids
    code, out, _ = run("quotes", "--json")
    before = [q for q in json.loads(out) if q["article"] == one]
    target = next(q for q in before if "ferries would keep" in q["text"])
    assert run("correct", one, "--quote", "the ferries would keep running", "--not-a-quote")[0] == 0
    code, out, _ = run("quotes", "--json")
    after = [q for q in json.loads(out) if q["article"] == one]
    assert target["text"] not in [q["text"] for q in after] and len(after) == len(before) - 1
    assert run("correct", one, "--quote", "the talks had stalled", "--no-speaker")[0] == 0
    code, out, _ = run("quotes", "--json")
    stalled = next(q for q in json.loads(out) if "talks had stalled" in q["text"])
    assert stalled["speaker"] is None


def test_correct_json_shape_entity_and_remove(run: Run, ids: tuple[str, str], db: Path) -> None:
    one, _ = ids
    code, out, _ = run("correct", one, "--quote", "the talks had stalled", "--speaker", "[b]Lavrov[/b]", "--json")
    data = json.loads(out)
    assert data["speaker"] == "[b]Lavrov[/b]" and data["kind"] == "speaker" and data["original"] == "Sergei Lavrov"
    assert {"id", "article", "quote", "prefix", "suffix", "start", "end", "text_hash", "created"} <= set(data)
    code, out, _ = run("correct", one, "--entity", "Geneva", "--kind", "org", "--json")
    assert json.loads(out)["label"] == "ORG"
    assert run("correct", one, "--remove", data["id"])[0] == 0
    assert Library.open(db).get_article(one) is not None


def test_correct_usage_errors(run: Run, ids: tuple[str, str]) -> None:
    one, _ = ids
    for args in ([one], [one, "--quote", "x"], [one, "--speaker", "A"], [one, "--entity", "Geneva"],
                 [one, "--quote", "the talks", "--speaker", "  "], [one, "--entity", " ", "--not-an-entity"],
                 [one, "--entity", "", "--kind", "ORG"], [one, "--not-an-entity"],
                 [one, "--entity", "Lavrov", "--kind", "ORG", "--not-an-entity"],
                 [one, "--remove", "abc", "--entity", "Lavrov", "--not-an-entity"],
                 [one, "--remove", "abc", "--quote", "the talks", "--no-speaker"]):
        code, _, err = run("correct", *args)
        assert code == 2, args
        _error(err)
    code, _, err = run("correct", one, "--quote", "words not there", "--speaker", "A")
    assert code == 1 and "does not occur" in _error(err)
    code, _, err = run("correct", "nosuch", "--quote", "x", "--speaker", "A")
    assert code == 1
    _error(err)


def test_correct_entity_refuses_a_name_not_in_the_article_and_remove_still_works(
        run: Run, ids: tuple[str, str], db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A typo in --entity was kept silently and never matched; it is one line and exit 1, as --quote."""
    from reader.analysis import Analysis, Mention
    from reader.services import article_analysis
    from reader.store.corrections import Corrections

    one, _ = ids
    code, out, err = run("correct", one, "--entity", "Lavrow", "--kind", "ORG")
    assert code == 1 and out == ""
    assert _error(err) == "reader: the name 'Lavrow' does not occur in 'Talks stall in Geneva' " \
                          f"({db.parent / 'geneva.txt'})"
    assert run("correct", one, "--entity", "[b]Zorro[/b]", "--not-an-entity")[0] == 1
    assert Corrections(Library.open(db)).for_article(one, (db.parent / "geneva.txt").read_text()) == []
    # Any case, and a name across a line break in the text, is found as the correction is applied.
    assert run("correct", one, "--entity", "anna berg", "--kind", "PLACE")[0] == 0
    assert run("correct", one, "--entity", "Foreign\nMinister", "--not-an-entity")[0] == 0
    # A name the analysis found counts even if it is not written so in the text.
    found = Analysis(entities=[Mention("Lavrov", "PERSON", 0, 6, "S. V. Lavrov")])
    monkeypatch.setattr(article_analysis, "engine_analysis", lambda library, text, analyze=None: found)
    assert run("correct", one, "--entity", "s. v.  lavrov", "--kind", "ORG")[0] == 0
    # A correction stored before (a name not in the text) can still be removed.
    stale = Corrections(Library.open(db)).correct_entity(one, "Nobody Here", "ORG")
    code, out, _ = run("correct", one, "--remove", stale.id)
    assert code == 0 and out.strip() == stale.id


def test_notes_without_path_lists_every_note(run: Run, ids: tuple[str, str]) -> None:
    one, two = ids
    run("note", "add", one, "--quote", "the talks had stalled", "--note", "<b>bold</b> [red]x")
    run("note", "add", two, "--quote", "dead on arrival")
    code, out, _ = run("notes", "--json")
    notes = json.loads(out)
    assert {n["article"] for n in notes} == {one, two}
    assert {"id", "article", "quote", "note", "tags", "start", "end", "status", "title", "source"} <= set(notes[0])
    code, out, _ = run("notes")
    assert "<b>bold</b> [red]x" in out


def test_notes_lists_article_level_notes_in_text_and_json(run: Run, ids: tuple[str, str], db: Path) -> None:
    from reader.store.article_notes import ArticleNotes

    one, two = ids
    run("note", "add", one, "--quote", "the talks had stalled", "--note", "passage note", "--tag", "check")
    ArticleNotes(Library.open(db)).set(two, "Whole article: [b]read again[/b]")
    run("tag", two, "later")
    code, out, _ = run("notes", "--json")
    notes = json.loads(out)
    assert [(n["article"], n["article_level"]) for n in notes] == [(two, True), (one, False)]  # by title
    whole = notes[0]
    assert whole == {"id": f"article:{two}", "article": two, "quote": "", "prefix": "", "suffix": "",
                     "note": "Whole article: [b]read again[/b]", "tags": [], "start": 0, "end": 0,
                     "status": "anchored", "created": whole["created"], "updated": whole["updated"], "color": "",
                     "source": whole["source"], "title": "Ceasefire hopes fade", "article_level": True}
    assert whole["created"] and set(notes[1]) == set(whole)  # one shape for both kinds of note
    code, out, _ = run("notes")
    assert out.splitlines()[:2] == [f"article:{two}  article-level  Ceasefire hopes fade",
                                    "    Whole article: [b]read again[/b]"]
    # With PATH: that article's own note too; with --tag, article notes of articles with the tag.
    assert [n["article_level"] for n in json.loads(run("notes", two, "--json")[1])] == [True]
    assert json.loads(run("notes", one, "--json")[1])[0]["article_level"] is False
    assert [n["id"] for n in json.loads(run("notes", "--tag", "later", "--json")[1])] == [f"article:{two}"]
    assert [n["article"] for n in json.loads(run("notes", "--tag", "check", "--json")[1])] == [one]


def test_config_export_dir(run: Run, tmp_path: Path) -> None:
    target = tmp_path / "notes out"
    code, out, _ = run("config", "export_dir", str(target))
    assert code == 0 and out.strip() == str(target)
    code, out, _ = run("config", "export_dir")
    assert out.strip() == str(target)
    code, out, _ = run("config")
    assert out.strip() == f"export_dir  {target}"
    code, _, err = run("config", "colour")
    assert code == 2
    _error(err)


def test_a_surname_of_two_speakers_asks_for_the_full_name(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "two.txt"
    path.write_text("Two Lavrovs speak\n\nSergei Lavrov said the talks were over. Anna Lavrov said the talks "
                    "would go on.", encoding="utf-8")
    run("add", str(path))
    code, _, err = run("quotes", "--speaker", "Lavrov")
    assert code == 1 and "more than one speaker" in _error(err) and "give the full name" in err
    assert run("quotes", "--speaker", "Anna Lavrov")[0] == 0


def test_a_correction_survives_a_new_engine(run: Run, ids: tuple[str, str], monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from reader.services import analysis_cache

    one, _ = ids
    run("correct", one, "--quote", "the ferries would keep running", "--speaker", "Port Office")
    run("speakers")  # cached by this engine
    calls: list[str] = []
    real = analysis_cache._analyze_json

    def counting(text: str):  # type: ignore[no-untyped-def]
        calls.append(text)
        return real(text)

    monkeypatch.setattr(analysis_cache, "engine_version", lambda: "a-newer-engine")
    monkeypatch.setattr(analysis_cache, "_analyze_json", counting)
    code, out, _ = run("quotes", "--speaker", "Port Office", "--json")
    assert len(calls) == 2  # both articles analysed again by the "new" engine
    assert [q["text"] for q in json.loads(out)] == ["the ferries would keep running"]


def test_an_article_that_cannot_be_read_is_one_warning(run: Run, ids: tuple[str, str], articles: tuple[Path, Path],
                                                       db: Path) -> None:
    import shutil

    articles[1].unlink()
    shutil.rmtree(db.parent / "library.json.cache", ignore_errors=True)
    code, out, err = run("search", "lavrov", "--json")
    assert code == 0 and [r["id"] for r in json.loads(out)] == [ids[0]]
    assert err.count("\n") == 1 and "ceasefire.txt" in err and "title, notes and tags only" in err
    code, out, err = run("speakers", "--json")
    assert code == 0 and err.count("\n") == 1 and "its quotes are not counted" in err
    assert next(s for s in json.loads(out) if s["name"] == "Sergei Lavrov")["articles"] == 1
