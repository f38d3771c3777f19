"""Quote rules and speaker resolution, on sentences written for these tests.

Covers straight, curly, British single and guillemet quotation marks; apostrophes that are not
quote marks; speakers before and after; split and multi-paragraph quotes; partial and scare quotes;
reported speech in its usual forms; pronoun, nominal, surname and appositive speaker resolution.
"""

from __future__ import annotations

import pytest

from reader.analysis import Quote, analyze


def quotes(text: str) -> list[Quote]:
    return analyze(text).quotes


def one(text: str, kind: str | None = None) -> Quote:
    found = [q for q in quotes(text) if kind is None or q.kind == kind]
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize("text", [
    'Coach Maria Duarte was blunt. "We were not good enough today," Duarte said.',
    "Coach Maria Duarte was blunt. “We were not good enough today,” Duarte said.",
    "Coach Maria Duarte was blunt. ‘We were not good enough today,’ Duarte said.",
    "Coach Maria Duarte was blunt. «We were not good enough today», Duarte said.",
    "Coach Maria Duarte was blunt. « We were not good enough today », Duarte said.",
    "Coach Maria Duarte was blunt. 'We were not good enough today,' Duarte said.",
    "Coach Maria Duarte was blunt. „We were not good enough today“, Duarte said.",
    "Coach Maria Duarte was blunt. “We were not good enough today,” said Duarte.",
    "Coach Maria Duarte was blunt. “We were not good enough today,” said Ms Duarte, whose side lost.",
])
def test_direct_quote_marks_and_speaker_after(text: str) -> None:
    q = one(text, "direct")
    assert q.text.startswith("We were not good enough today")
    assert q.speaker == "Maria Duarte"
    assert q.cue == "said" and text[q.cue_start:q.cue_end] == "said"


def test_speaker_before_with_colon() -> None:
    text = "Finance Minister Olu Adebayo told journalists: ‘The budget is balanced and it will stay balanced.’"
    q = one(text, "direct")
    assert q.speaker == "Olu Adebayo"
    assert q.text.startswith("The budget is balanced")


def test_apostrophes_are_not_quote_marks() -> None:
    text = ("The country’s rock ’n’ roll scene of the ’90s didn’t survive, and the players’ union "
            "said it wasn’t surprised. ‘It’s the end of an era,’ said union chief Dana Holt.")
    direct = [q for q in quotes(text) if q.kind == "direct"]
    assert [q.text for q in direct] == ["It’s the end of an era"]
    assert direct[0].speaker == "Dana Holt"


def test_split_quote_keeps_speaker() -> None:
    text = ("Inspector Raj Patel addressed the crowd. “We have made two arrests,” he said, “and we expect "
            "more before the weekend.”")
    direct = [q for q in quotes(text) if q.kind == "direct"]
    assert len(direct) == 2
    assert all(q.speaker == "Raj Patel" for q in direct)


def test_second_quote_after_attribution_keeps_speaker() -> None:
    text = ('Mayor Ines Carvalho spoke first. "The bridge is safe," she said. "We checked every bolt."')
    direct = [q for q in quotes(text) if q.kind == "direct"]
    assert [q.speaker for q in direct] == ["Ines Carvalho", "Ines Carvalho"]


def test_multi_paragraph_quote() -> None:
    text = ("Professor Hanna Lind described the find.\n\n"
            "“It was buried under two metres of ash and we almost missed it.\n\n"
            "“Then the drill hit bone, and everything changed,” Lind said.")
    found = [q for q in quotes(text) if q.kind == "direct"]
    assert [q.text for q in found] == ["It was buried under two metres of ash and we almost missed it.",
                                       "Then the drill hit bone, and everything changed"]
    assert {q.speaker for q in found} == {"Hanna Lind"}


def test_partial_quote_inside_writers_sentence() -> None:
    text = "Senator Ruth Abara called the bill “a gift to polluters” and promised to vote against it."
    q = one(text, "partial")
    assert q.text == "a gift to polluters"
    assert q.speaker == "Ruth Abara"


@pytest.mark.parametrize("text", [
    "The so-called “peace dividend” never arrived in Kelso.",
    "Residents call the tower block “Alcatraz” because of its narrow windows.",
    "He starred in “The Long Winter Road” in 1998.",
    "She told the story on “Mornings with Dana Holt” last week.",
    "The ferry is the last stop on “Route 66 by Sea” and nobody minds.",
    "Transcript of the debate:\n\n“(LAUGHTER AND APPLAUSE.)”\n\nThe moderator waited.",
])
def test_scare_quotes_and_titles_are_not_quotes(text: str) -> None:
    assert quotes(text) == []


def test_a_stage_direction_inside_a_transcript_is_no_quotation() -> None:
    text = ('Transcript of the debate:\n\n"HOLT: We will rebuild the harbour and —.\n\n"(CROSSTALK.)\n\n'
            '"HOLT: As I was saying, the harbour comes first."')
    assert all("CROSSTALK" not in q.text for q in quotes(text))


def test_headline_quote_is_direct() -> None:
    q = one("‘We will not back down’\n\nUnion leaders met on Monday.")
    assert q.kind == "direct" and q.text == "We will not back down"


@pytest.mark.parametrize("text, content, speaker", [
    ("Interior Minister Farid Zaman said on Tuesday that the border would reopen next month.",
     "the border would reopen next month", "Farid Zaman"),
    ("Rail operator Northline said the strike had cost it £4 million.",
     "the strike had cost it £4 million", "Northline"),
    ("Club chairman Peter Vance told reporters the manager would stay until the summer.",
     "the manager would stay until the summer", "Peter Vance"),
    ("Analyst Mei Tanaka warned investors that profits would fall again in the spring.",
     "profits would fall again in the spring", "Mei Tanaka"),
    ("Defence lawyer Grant Osei denied reports that his client had fled the country.",
     "his client had fled the country", "Grant Osei"),
    ("According to the Harbour Authority, the port handled a record 2.1 million containers.",
     "the port handled a record 2.1 million containers", "Harbour Authority"),
    ("The port handled a record 2.1 million containers, according to the Harbour Authority.",
     "The port handled a record 2.1 million containers", "Harbour Authority"),
    ("The factory will close in June, the Delmont Group said on Friday.",
     "The factory will close in June", "Delmont Group"),
    ("The factory will close in June, said Delmont Group spokeswoman Alice Brandt.",
     "The factory will close in June", "Alice Brandt"),
])
def test_reported_speech(text: str, content: str, speaker: str) -> None:
    q = one(text, "indirect")
    assert q.text == content
    assert q.speaker == speaker


def test_participle_continues_the_speaker() -> None:
    text = ("Economy Minister Lena Vogt said growth had slowed, adding that the government would cut "
            "taxes in the autumn.")
    found = [q for q in quotes(text) if q.kind == "indirect"]
    assert {q.speaker for q in found} == {"Lena Vogt"}
    assert any(q.text == "the government would cut taxes in the autumn" for q in found)


def test_pronoun_resolves_to_most_recent_person() -> None:
    text = ("Goalkeeper Sam Oduya made six saves. He said the team had defended well, and the coach "
            "agreed.")
    q = one(text, "indirect")
    assert q.speaker == "Sam Oduya"


def test_nominal_resolves_to_most_recent_fitting_organisation() -> None:
    text = ("The Ministry of Health published new figures on Monday. The ministry said that 40 "
            "hospitals were at full capacity.")
    assert one(text, "indirect").speaker == "Ministry of Health"


def test_monitor_and_agency_nominals() -> None:
    text = ("The Eastern Observatory for Civil Rights counted 30 deaths. The monitor said most of the "
            "victims were civilians. The Lowland Press Agency, citing police, said roads were closed. "
            "The agency said that ten people had been arrested.")
    speakers = [q.speaker for q in quotes(text) if q.kind == "indirect"]
    assert speakers[0] == "Eastern Observatory for Civil Rights"
    assert speakers[-1] == "Lowland Press Agency"


def test_appositive_subject_is_skipped_to_the_name() -> None:
    text = ("Nadia Kowal, who has run the shelter for ten years, said the money would run out by March.")
    q = one(text, "indirect")
    assert q.speaker == "Nadia Kowal"
    assert q.text == "the money would run out by March"


def test_unnamed_speakers_keep_their_noun_phrase() -> None:
    text = "Local officials said the water supply had been restored to most homes."
    q = one(text, "indirect")
    assert q.speaker == "Local officials"


def test_speaker_is_never_a_bare_pronoun() -> None:
    for q in quotes("“We are ready,” she said. They said the vote would go ahead. He warned that it would rain."):
        assert q.speaker is None or q.speaker.lower() not in {"she", "they", "he"}


def test_second_that_clause_stays_in_the_report_but_a_writers_clause_does_not() -> None:
    text = ("The Tarvik Institute said the trial had gone well, but that more patients were needed. "
            "The coach said the pitch was poor, and on this evidence nobody would disagree.")
    found = quotes(text)
    assert found[0].text == "the trial had gone well, but that more patients were needed"
    assert found[0].speaker == "Tarvik Institute"
    assert found[1].text == "the pitch was poor"


def test_paragraph_introduced_by_a_colon_is_a_block_quote() -> None:
    text = ("The Harbour Pilots Association said in a statement:\n\n"
            "Our members will not work unsafe shifts, and we have told the port so.\n\n"
            "The port did not reply.")
    q = one(text, "direct")
    assert q.text == "Our members will not work unsafe shifts, and we have told the port so."
    assert q.speaker == "Harbour Pilots Association"


def test_coordinated_second_report_verb_starts_a_new_report() -> None:
    text = "Dr Sunita Rao said the plan was credible but warned that growth forecasts looked weak."
    found = [(q.text, q.speaker) for q in quotes(text) if q.kind == "indirect"]
    assert found == [("the plan was credible", "Sunita Rao"), ("growth forecasts looked weak", "Sunita Rao")]


def test_report_ending_in_a_quoted_phrase_keeps_its_closing_mark() -> None:
    text = 'Chancellor Rachel Tembe told MPs that the country could not "borrow its way out of trouble".'
    q = one(text, "indirect")
    assert q.text == 'the country could not "borrow its way out of trouble"'
    assert one(text, "partial").speaker == "Rachel Tembe"


def test_the_company_refers_to_the_last_business_named() -> None:
    text = ("Pellham Pharmaceuticals is recalling 1.2 million bottles, the Food and Drug Administration said. "
            "The company said that no illnesses had been reported.")
    speakers = [q.speaker for q in quotes(text) if q.kind == "indirect"]
    assert speakers == ["Food and Drug Administration", "Pellham Pharmaceuticals"]


def test_us_style_attribution_with_abbreviated_titles() -> None:
    text = ('"This is not how a serious country funds its government," said Rep. Chip Roy of Texas. '
            '"We keep kicking the can down the road."')
    found = quotes(text)
    assert [q.kind for q in found] == ["direct", "direct"]
    assert {q.speaker for q in found} == {"Chip Roy"}


def test_subordinate_clause_keeps_its_own_subject() -> None:
    text = ("House Speaker Mike Johnson insisted the bill was the best available option, while hardliners "
            "in his party warned they would oppose any further extensions.")
    found = [(q.text, q.speaker) for q in quotes(text)]
    assert ("the bill was the best available option", "Mike Johnson") in found
    assert ("they would oppose any further extensions", "hardliners in his party") in found


def test_named_third_party_reported_inside_a_quotation() -> None:
    text = ("“The council leader, Graham Fitch, rang me at three in the morning and told me we had whatever "
            "we needed. I said we would manage,” the chief said.")
    inner = [q for q in quotes(text) if q.kind == "indirect"]
    assert [(q.text, q.speaker) for q in inner] == [("we had whatever we needed", "Graham Fitch")]


def test_coordinated_report_after_a_long_subject_phrase() -> None:
    text = ("The club's chairman at the time, Victor Hale, called me on a Sunday night and told me the money "
            "was there if we needed it.")
    found = [(q.text, q.speaker) for q in quotes(text) if q.kind == "indirect"]
    assert found == [("the money was there if we needed it", "Victor Hale")]


def test_trailing_attribution_with_an_object() -> None:
    text = "The rebels had burned two schools before leaving the town, the sources told the news agency."
    q = one(text, "indirect")
    assert q.text == "The rebels had burned two schools before leaving the town"
    assert q.speaker == "sources"


def test_quoted_block_after_a_colon_paragraph() -> None:
    text = ("In her letter, head teacher Joan Reyes wrote:\n\n"
            "“We cannot keep the school open with the staff we have, and parents deserve to know that now.”")
    q = one(text, "direct")
    assert q.speaker == "Joan Reyes"


@pytest.mark.parametrize("text, content, speaker", [
    # The time clause repeats what the article has already told: the writer's framing, cut.
    ("Fighting resumed in the port city on Tuesday and the ceasefire collapsed. The Coastal Broadcasting "
     "Corporation said shelling of the harbour district killed four people and injured dozens after fighting "
     "resumed and the ceasefire collapsed.",
     "shelling of the harbour district killed four people and injured dozens", "Coastal Broadcasting Corporation"),
    ("Fighting resumed in the port city on Tuesday. Shelling of the harbour district killed four people and "
     "injured dozens when fighting resumed, the Coastal Broadcasting Corporation said.",
     "Shelling of the harbour district killed four people and injured dozens", "Coastal Broadcasting Corporation"),
])
def test_writers_trailing_time_clause_is_cut(text: str, content: str, speaker: str) -> None:
    q = one(text, "indirect")
    assert (q.text, q.speaker) == (content, speaker)


@pytest.mark.parametrize("text, content", [
    # New information in the time clause: it is what was reported.
    ("Coastguard officials said the pier was closed for six hours after a tanker struck the breakwater.",
     "the pier was closed for six hours after a tanker struck the breakwater"),
    # Not a finite clause.
    ("The suspects fled the town. Police said the suspects had burned the warehouse before fleeing the town.",
     "the suspects had burned the warehouse before fleeing the town"),
    # A reason is the speaker's, even when its words were used before.
    ("Prices rose sharply in May. The central bank said exports had fallen by a tenth because prices rose sharply.",
     "exports had fallen by a tenth because prices rose sharply"),
    # Too little would be left of the report.
    ("Rates were cut in May. The bank said prices rose after rates were cut.", "prices rose after rates were cut"),
    # "... and was told" continues the main clause, not the time clause.
    ("The recall was announced in March. Linda Moss said she had called the firm twice before the recall was "
     "announced and was told to wait.",
     "she had called the firm twice before the recall was announced and was told to wait"),
    # A prospective claim keeps its time clause, whatever its tense.
    ("The delegations left Geneva on Friday. The minister said the talks would resume in the spring when the "
     "delegations returned to Geneva.",
     "the talks would resume in the spring when the delegations returned to Geneva"),
    # "when" opening a question, not a time clause.
    ("The bridge was reopened at noon. Residents said they had not been told when the bridge was reopened.",
     "they had not been told when the bridge was reopened"),
])
def test_reported_time_clause_stays(text: str, content: str) -> None:
    assert one(text, "indirect").text == content


@pytest.mark.parametrize("text, speaker", [
    ("Senator Joe Ruiz denied the story. He spoke after the Daily Courier quoted party officials as saying that "
     "he would resign.", "party officials"),
    # A place in the source's modifier is not the source.
    ("Senator Joe Ruiz denied the story. He spoke after the Daily Courier cited sources close to the rebels in "
     "Lyon as saying that he would resign.", "sources"),
    # No usable source after the verb: the one who cites it.
    ("Senator Joe Ruiz denied the story. He spoke after the Daily Courier quoted them as saying that he would "
     "resign.", "Daily Courier"),
])
def test_cited_as_saying_names_the_source(text: str, speaker: str) -> None:
    q = one(text, "indirect")
    assert (q.text, q.speaker, q.cue) == ("he would resign", speaker, "saying")


def test_partial_quote_in_a_cited_report_has_the_cited_source() -> None:
    text = ("Senator Joe Ruiz denied the story. He spoke after the Daily Courier quoted party officials as saying "
            "he had “lost the room”.")
    assert one(text, "partial").speaker == "party officials"
    assert one(text, "indirect").speaker == "party officials"


def test_quoting_someone_is_not_citing_a_source() -> None:
    text = "Senator Joe Ruiz denied the story. He quoted Lincoln at length and said that he would not resign."
    assert one(text, "indirect").speaker == "Joe Ruiz"


@pytest.mark.parametrize("subject, speaker", [
    ("Residents in Lyon", "Residents"),
    ("Sources on the ground in Lyon", "Sources"),
    ("Doctors at a hospital near Lyon", "Doctors"),
    # The place is the speaker, or names the body that speaks.
    ("Lyon", "Lyon"),
    ("The government in Kyiv", "Kyiv"),
    ("Police in Lyon", "Lyon"),
])
def test_a_place_where_the_speakers_are_is_not_the_speaker(subject: str, speaker: str) -> None:
    q = one(f"{subject} said the water had been cut off for two days.", "indirect")
    assert q.speaker == speaker


def test_generic_company_means_the_article_topic_not_the_last_company_named() -> None:
    text = ("Halvorsen Semiconductor cut its forecast on Thursday. Halvorsen said demand from carmakers was weak.\n\n"
            "The European regulator, which is reviewing Halvorsen's purchase of Vermeer Technologies, declined "
            "to comment.\n\n"
            "“We remain committed to the deal,” the company said in a statement.")
    assert one(text, "direct").speaker == "Halvorsen Semiconductor"


def test_generic_company_in_the_same_paragraph_is_the_one_just_named() -> None:
    text = ("Halvorsen Semiconductor cut its forecast on Thursday. Halvorsen said demand from carmakers was weak.\n\n"
            "Shares in rival Vermeer Technologies rose. “We see no impact on our orders,” the company said.")
    assert one(text, "direct").speaker == "Vermeer Technologies"


def test_said_followed_by_a_clause_is_not_a_trailing_attribution() -> None:
    q = one("One official, who asked not to be named, said the ministry had not been consulted.")
    assert q.kind == "indirect" and q.text == "the ministry had not been consulted"
    assert q.speaker == "official"


@pytest.mark.parametrize("subject, speaker", [
    ("A person familiar with the matter", "person"),
    ("People involved with the talks", "People"),
])
def test_with_inside_the_subject_does_not_cut_it(subject: str, speaker: str) -> None:
    q = one(f"{subject} said the review could be extended into next year.")
    assert q.text == "the review could be extended into next year" and q.speaker == speaker


@pytest.mark.parametrize("text, content", [
    ("Dr Ellen Marsh, an economist, warned the increases could push thousands into debt.",
     "the increases could push thousands into debt"),
    ("The head of the agency warned staff the cuts would be painful.", "the cuts would be painful"),
])
def test_a_noun_phrase_before_a_modal_is_the_clause_subject_not_the_object(text: str, content: str) -> None:
    assert one(text, "indirect").text == content


@pytest.mark.parametrize("descriptor", ["the 24-year-old", "the twenty-four-year-old"])
def test_a_person_described_by_age_is_the_one_last_named(descriptor: str) -> None:
    text = (f"Jamie Okoro struck in stoppage time. \"It's the best feeling,\" said {descriptor}, "
            "who joined in the summer.")
    assert one(text, "direct").speaker == "Jamie Okoro"


def test_a_hyphenated_title_is_a_speaker_and_refers_to_its_holder() -> None:
    q = one("The delegation was led by Sidi Ould Bakar, the secretary-general of the ministry. "
            "The secretary-general said the talks would resume in March.")
    assert q.speaker == "Sidi Ould Bakar" and q.text == "the talks would resume in March"


def test_but_with_the_same_subject_stays_in_the_report() -> None:
    q = one("Bakar said his country had never sought to exclude foreign crews, but could not allow stocks to collapse.")
    assert q.text.endswith("but could not allow stocks to collapse")
    q = one("Bakar said his country had never sought to exclude foreign crews, but the minister disagreed.")
    assert q.text == "his country had never sought to exclude foreign crews"


def test_a_police_rank_and_surname_is_the_full_name() -> None:
    q = one("PC Hannah Reid examined the lorry. PC Reid said: \"It would have given the driver a warning.\"")
    assert q.speaker == "Hannah Reid"


def test_an_apposition_naming_an_organisation_leaves_the_person_the_speaker() -> None:
    q = one("Neil Fairbrother, operations director of Halsall Aggregates, said the firm had fitted cameras.")
    assert q.speaker == "Neil Fairbrother"


def test_and_he_denied_that_is_a_second_report_by_the_same_speaker() -> None:
    found = quotes("Coach Ivan Novak said he would speak to the board this week, and he denied that he had "
                   "lost the dressing room. Goalkeeper Tom Reyes was injured.")
    assert [(q.text, q.speaker) for q in found] == [
        ("he would speak to the board this week", "Ivan Novak"),
        ("he had lost the dressing room", "Ivan Novak"),
    ]


def test_and_inside_a_relative_clause_does_not_cut_the_subject() -> None:
    text = ("Korvel Group bid for the firm. Pathwise, which is based in Leeds and employs about 900 people, "
            "said it would remain independent.")
    assert one(text).speaker == "Pathwise"


def test_it_after_a_nominal_speaker_is_that_speaker() -> None:
    text = ("Pathwise said it would remain independent. The Competition Review Office blocked the deal on Monday. "
            "The regulator said the merger would have cut choice. In its final report, it concluded that the "
            "remedies would not work.")
    found = {q.text: q.speaker for q in quotes(text)}
    assert found["the remedies would not work"] == "Competition Review Office"


def test_a_pronoun_opening_a_sentence_continues_the_previous_subject() -> None:
    text = ("The coroner, Julian Hartnell, recorded that Mr Daniel Okoro died in a collision. "
            "He said he would send a report to the council.")
    assert one(text, "indirect").speaker == "Julian Hartnell"


def test_a_possessor_is_not_the_subject_a_pronoun_continues() -> None:
    text = ("Gordon Haskell denied the charges. Haskell's lawyer, Robert Fenn, argued that his client was careless. "
            "He told jurors the case rested on paperwork.")
    found = {q.text: q.speaker for q in quotes(text)}
    assert found["the case rested on paperwork"] == "Robert Fenn"


def test_she_passes_over_a_man_named_more_recently() -> None:
    text = ("PC Hannah Reid gave evidence on Tuesday. A cyclist in Mr Daniel Okoro's position "
            "'would have been very difficult' to see in the mirrors, she said.")
    found = [q for q in quotes(text) if q.kind == "partial"]
    assert found and found[0].speaker == "Hannah Reid"


@pytest.mark.parametrize("text, content, speaker", [
    ("A cyclist was in a blind spot the driver could not have seen, an inquest has heard.",
     "A cyclist was in a blind spot the driver could not have seen", "inquest"),
    ("The court heard that the payments had been approved by other officials.",
     "the payments had been approved by other officials", "court"),
])
def test_what_a_court_or_inquest_heard_is_reported(text: str, content: str, speaker: str) -> None:
    q = one(text)
    assert (q.text, q.speaker) == (content, speaker)


def test_hearing_news_is_not_reporting_it() -> None:
    assert quotes("She heard the news on the radio and drove to the hospital at once.") == []


def test_according_to_a_role_then_a_name_is_the_name() -> None:
    q = one("According to the mayor's chief of staff, Elena Brandt, using reserves would only delay the problem.")
    assert (q.text, q.speaker) == ("using reserves would only delay the problem", "Elena Brandt")


def test_a_study_located_in_a_place_is_the_source_not_the_place() -> None:
    q = one("Teenagers who start school later sleep longer, according to a two-year trial in 24 schools in Ontario.")
    assert q.speaker != "Ontario" and "trial" in q.speaker


def test_a_report_ending_in_a_guillemet_phrase_keeps_its_closing_mark() -> None:
    q = one("The minister said the agreement was «fair to both peoples».", "indirect")
    assert q.text == "the agreement was «fair to both peoples»"


def test_a_relative_named_in_apposition_is_the_speaker_and_the_next_he() -> None:
    text = ("Margaret Ellwood, a surgeon, has died at 91. Her son, David, said she had died peacefully at home. "
            "\"She was fearless in the operating theatre,\" he said.")
    found = {q.text: q.speaker for q in quotes(text)}
    assert found["she had died peacefully at home"] == "David"
    assert found["She was fearless in the operating theatre"] == "David"


def test_she_continues_a_she_subject_past_a_man_named_in_between() -> None:
    text = ("Ngaire Tamsett has fixed typewriters since 1988, when she bought the business from her old boss, "
            "a Dutch émigré named Hendrik Vos, for what she calls ‘the price of a second-hand car’.\n\n"
            "‘Everyone told me I was mad,’ she says.")
    found = {q.text: q.speaker for q in quotes(text)}
    assert found["the price of a second-hand car"] == "Ngaire Tamsett"
    assert found["Everyone told me I was mad"] == "Ngaire Tamsett"


def test_the_previous_subject_beats_what_a_given_name_suggests() -> None:
    text = ("Councillor Jude Ferreira, who represents the ward, said residents had asked for better lighting.\n\n"
            "'People are frightened to go out after dark,' she said.")
    found = {q.text: q.speaker for q in quotes(text)}
    assert found["People are frightened to go out after dark"] == "Jude Ferreira"


def test_an_unnamed_officer_of_an_organisation_speaks_for_it() -> None:
    text = ("Cyclone Amara hit the coast on Monday.\n\nThe World Food Programme began distributing rations.\n\n"
            "The WFP's country director said the agency had enough food for three weeks.")
    assert one(text, "indirect").speaker == "World Food Programme"


def test_a_named_person_nearby_holds_the_role_of_a_team_modifier() -> None:
    text = ("Gareth Pryce's side climbed off the bottom.\n\nIt was not pretty, and Pryce didn't pretend otherwise. "
            "'We rode our luck for forty-five minutes,' the Ashcombe manager said.")
    assert one(text, "direct").speaker == "Gareth Pryce"


@pytest.mark.parametrize("text, content, speaker", [
    ("The storm hit on Sunday. The governor of Sofala province said on Monday that the toll would rise.",
     "the toll would rise", "governor"),
    ("Aid agencies warned that the flooding could lead to outbreaks of cholera.",
     "the flooding could lead to outbreaks of cholera", "Aid agencies"),
    ("The Brass Band Federation praised her. The federation added that it would name its prize after her.",
     "it would name its prize after her", "Brass Band Federation"),
])
def test_titles_of_places_plural_sources_and_organisation_nominals(text: str, content: str, speaker: str) -> None:
    q = one(text, "indirect")
    assert (q.text, q.speaker) == (content, speaker)


@pytest.mark.parametrize("text", [
    "Ngaire Tamsett was busy. 'Everyone told me I was mad,' she says, threading a new ribbon into the machine.",
    "Old friends recalled rehearsals that ran until midnight in the winter of 1984.",
    "Hilda Marrow was appointed MBE in 2004 for services to music, an honour she rarely mentioned.",
])
def test_participles_relative_clauses_and_reduced_relatives_are_not_reports(text: str) -> None:
    assert [q for q in quotes(text) if q.kind == "indirect"] == []


def test_hoping_to_is_an_intention_not_a_cue() -> None:
    text = ("Korvel Systems said it was disappointed, and added that the ruling “sends a chilling signal” "
            "to technology companies hoping to invest in Britain.")
    partial = one(text, "partial")
    assert partial.speaker == "Korvel Systems"
    reports = [q.text for q in quotes(text) if q.kind == "indirect"]
    assert reports[-1].endswith("hoping to invest in Britain")


@pytest.mark.parametrize("text, speaker", [
    ("Kendra Hollis, whose daughter is a sophomore at Linden Falls Senior High, said the policy was overdue.",
     "Kendra Hollis"),
    ("Board member Tom Garrity, who voted against the policy with fellow member Priya Nair, said it was rushed.",
     "Tom Garrity"),
])
def test_a_relative_clause_between_name_and_verb_does_not_supply_the_speaker(text: str, speaker: str) -> None:
    assert one(text, "indirect").speaker == speaker


def test_a_dateline_place_is_not_the_subject() -> None:
    q = one("TULSA, Okla. — A security guard testified Tuesday that he saw the owner drive away.")
    assert q.speaker == "security guard" and q.text == "he saw the owner drive away"


@pytest.mark.parametrize("text, content", [
    ("The presidency said the leaked paper was an early working document.",
     "the leaked paper was an early working document"),
    ("The defense argued that the fire was caused by faulty wiring.", "the fire was caused by faulty wiring"),
    ("Ruth Adair was cross-examined. She acknowledged, when questioned by the defense, that she had not "
     "tested the wiring.", "she had not tested the wiring"),
])
def test_plain_noun_phrase_subjects_and_parentheticals_before_that(text: str, content: str) -> None:
    assert one(text, "indirect").text == content


def test_pressed_on_whether_opens_the_sentence_before_its_subject() -> None:
    text = ("Manager Neil Hale spoke on Friday. Pressed on whether Tomás Vidal would be available, Hale smiled. "
            "\"You're asking me the same question twice,\" he said.")
    assert one(text, "direct").speaker == "Neil Hale"


def test_insisting_reports_a_bare_clause_and_told_a_newspaper_reports_nothing() -> None:
    found = [(x.text, x.speaker) for x in quotes("Neil Hale denied that Vidal would push Mensah out, insisting "
                                                 "the two could play together.")]
    assert found == [("Vidal would push Mensah out", "Neil Hale"), ("the two could play together", "Neil Hale")]
    assert quotes("Jorge Brandão told the Portuguese sports daily Jornal da Bola.") == []


def test_a_plural_noun_is_not_a_reporting_verb() -> None:
    assert quotes("The sharpest words came from the coalition, a group of 39 island and coastal states.") == []


def test_a_place_modifying_the_speaker_noun_is_not_the_speaker() -> None:
    q = one("A senior US official, speaking on condition of anonymity, said Washington would not commit new money.")
    assert q.speaker != "US" and "official" in q.speaker


def test_he_after_a_quoted_passage_goes_back_to_its_attribution() -> None:
    text = ("Manager Neil Hale faced the press on Friday. \"I'd like him to be,\" he said. \"But I've been in "
            "football long enough. Kwabena Mensah has been brilliant for us.\"\n\n"
            "He denied that the arrival of Vidal would push Mensah out.")
    found = {q.text: q.speaker for q in quotes(text)}
    assert found["the arrival of Vidal would push Mensah out"] == "Neil Hale"


@pytest.mark.parametrize("text, speaker", [
    ("John Carter met Susan Hale on Monday. She said the talks had gone well.", "Susan Hale"),
    ("Susan Hale met John Carter on Monday. He said the talks had gone well.", "John Carter"),
    ("Tom Hicks thanked Jane Fowler. She said the talks had gone well.", "Jane Fowler"),
    ("Mr Tom Hicks thanked Jane Fowler. He said the talks had gone well.", "Tom Hicks"),
])
def test_a_pronoun_takes_the_person_of_the_previous_sentence_whose_name_fits(text: str, speaker: str) -> None:
    assert one(text, "indirect").speaker == speaker


def test_according_to_a_source_then_a_subject_with_an_age_is_not_an_apposition() -> None:
    q = one("According to police, Smith, 45, was arrested at the scene.")
    assert q.speaker == "police" and q.text.startswith("Smith, 45")


def test_a_participle_inside_commas_before_that_is_a_parenthetical() -> None:
    q = one("Paula Grant said, citing new data, that inflation had peaked.")
    assert (q.text, q.speaker) == ("inflation had peaked", "Paula Grant")


def test_quoted_him_as_saying_is_the_man_named_before() -> None:
    text = "Paul Grant resigned on Friday. The Times quoted him as saying he was tired."
    assert one(text, "indirect").speaker == "Paul Grant"


@pytest.mark.parametrize(("text", "phrase"), [
    ("According to Rep. Chip Roy, the bill failed.", " Rep. Chip Roy"),
    ("According to the U.S. Navy, the ship sank.", " the U.S. Navy"),
    ("According to Dr. Ana Ruiz of the clinic. Then more.", " Dr. Ana Ruiz of the clinic"),
    ("According to officials in Kyiv (who spoke late), the line held.", " officials in Kyiv "),
    ("According to the U.S.", " the U.S."),
    ("According to the U.S. It was late.", " the U.S. It was late"),  # (initials never end it)
    ("According to sources” close to the talks", " sources"),
])
def test_clause_end_stops_at_the_phrase_end_not_at_an_abbreviation(text: str, phrase: str) -> None:
    from reader.analysis.quotes import clause_end

    start = len("According to")
    assert text[start:clause_end(text, start, len(text))] == phrase
