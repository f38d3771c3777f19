"""Shapes of real wire copy, on sentences written for these tests: two apostrophes as quotation
marks, a quotation the writer's sentence runs on from, names the entity stage does not know."""

from __future__ import annotations

from reader.analysis import analyze


def test_two_apostrophes_are_a_double_quotation_mark() -> None:
    text = ("''The ferry will run all winter,'' said Maura Quigley, the harbour master. ''We have the crews "
            "for it.''")
    quotes = [q for q in analyze(text).quotes if q.kind == "direct"]
    assert [q.text for q in quotes] == ["The ferry will run all winter", "We have the crews for it."]
    assert {q.speaker for q in quotes} == {"Maura Quigley"}


def test_two_apostrophes_open_a_sentence() -> None:
    text = ("The ferry carries 400 cars a day. Half of them come from the mainland. ''If the ferry stops, the "
            "island stops,'' Maura Quigley told me.")
    quotes = analyze(text).quotes
    assert [(q.kind, q.text) for q in quotes] == [("direct", "If the ferry stops, the island stops")]
    assert quotes[0].speaker == "Maura Quigley"


def test_a_quotation_the_sentence_runs_on_from_is_partial() -> None:
    text = "Oskar Lind said “I admire the engineering” of the new bridge but not its cost."
    q = next(q for q in analyze(text).quotes if "admire" in q.text)
    assert q.kind == "partial" and q.text == "I admire the engineering"


def test_quotation_followed_by_its_speaker_stays_direct() -> None:
    text = "“We did not set out to build a bridge,” chief engineer Oskar Lind told the audience."
    q = analyze(text).quotes[0]
    assert q.kind == "direct" and q.speaker == "Oskar Lind"


def test_a_quotation_after_a_partial_one_keeps_its_speaker() -> None:
    text = ("The repairs are “far behind schedule,” says Noor Haddad, who chairs the residents’ group. “We were "
            "promised a finished roof by June.”")
    direct = [q for q in analyze(text).quotes if q.kind == "direct"]
    assert direct and direct[0].speaker == "Noor Haddad"


def test_a_title_that_is_also_a_surname() -> None:
    text = ("Walter King runs the ferry. “We sail at dawn, whatever the weather,” Mr. King added.")
    q = next(q for q in analyze(text).quotes if q.kind == "direct")
    assert q.speaker == "Walter King"


def test_she_goes_to_the_nearest_woman_named_not_the_sentence_before() -> None:
    text = ("Ana Ruiz runs the night shift on the ward.\n\nTomas Brandt, who leads the ward, showed us round. "
            "“We are full every night,” she joked.")
    q = next(q for q in analyze(text).quotes if q.kind == "direct")
    assert q.speaker == "Ana Ruiz"


def test_he_after_a_paragraph_that_introduces_a_new_man() -> None:
    text = ("Mayor Lena Hart opened the bridge on Monday. She said it would halve journeys.\n\n"
            "The work was led by engineer Tomas Brandt, who joined the council in 2019.\n\n"
            "“We finished three months early,” he said.")
    q = next(q for q in analyze(text).quotes if q.kind == "direct")
    assert q.speaker == "Tomas Brandt"


def test_a_transcript_without_names_gives_no_quotations() -> None:
    text = "We spoke to the chief.\n\nQ: What was your first call-out?\n\nA: A chip-pan fire above a launderette."
    assert analyze(text).quotes == []


def test_a_bare_verb_form_after_and_is_a_noun_not_a_second_report() -> None:
    text = "The harbour master says the company broke federal and state law by mooring there."
    quotes = analyze(text).quotes
    assert [q.text for q in quotes] == ["the company broke federal and state law by mooring there"]


def test_a_capitalised_conjunction_opening_the_sentence_is_not_part_of_the_speaker() -> None:
    for text, speaker in [("While the harbour master said the ferry would sail, the port stayed shut.", "harbour master"),
                          ("But critics say the new timetable will fail.", "critics")]:
        quotes = analyze(text).quotes
        assert quotes and quotes[0].speaker == speaker, quotes
