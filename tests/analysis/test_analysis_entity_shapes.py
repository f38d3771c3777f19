"""Name shapes without cues: people need positive evidence, and names ending in ordinary nouns,
compass words, country abbreviations and saints' names are organisations or places.

Every sentence is invented for these tests; none comes from a gold article."""

from __future__ import annotations

import pytest

from reader.analysis import analyze


def labels(text: str) -> dict[str, str]:
    """surface -> label for every mention."""
    return {m.text: m.label for m in analyze(text).entities}


@pytest.mark.parametrize("text, surface", [
    ("Shares of Dunmore Textiles fell 4% on Monday after the warning.", "Dunmore Textiles"),
    ("Orders at Tamsin Electronics doubled in the quarter.", "Tamsin Electronics"),
    ("Corvell Supply said demand was steady across the region.", "Corvell Supply"),
    ("Growers sell their grapes to Holloway Vineyards each autumn.", "Holloway Vineyards"),
    ("Milk from the farm goes to Brackley Cooperative for bottling.", "Brackley Cooperative"),
    ("The study, published in Marine Ecology Letters, found that reefs recovered.", "Marine Ecology Letters"),
    ("She finished second on the Harlow Tour last season.", "Harlow Tour"),
    ("A survey by Pellham Review found readers were split.", "Pellham Review"),
    ("Fenwick Roasters opened a second shop in the spring.", "Fenwick Roasters"),
])
def test_names_ending_in_common_nouns_are_organisations(text: str, surface: str) -> None:
    assert labels(text).get(surface) == "ORG"


@pytest.mark.parametrize("text, surface", [
    ("The final was played at Kestrel Arena in front of 9,000 fans.", "Kestrel Arena"),
    ("The conference was held at the Rowan Centre last week.", "Rowan Centre"),
    ("Fans gathered outside Dorrell Stadium before kick-off.", "Dorrell Stadium"),
    ("The march ended at Calder Square shortly after noon.", "Calder Square"),
])
def test_names_ending_in_venue_nouns_are_places(text: str, surface: str) -> None:
    assert labels(text).get(surface) == "PLACE"


def test_two_complete_names_joined_by_and_stay_apart() -> None:
    found = labels("Readers of Consumer Reports and Pellham Review were surveyed.")
    assert found.get("Consumer Reports") == "ORG"
    assert found.get("Pellham Review") == "ORG"


@pytest.mark.parametrize("text, surface", [
    ("Margaret Ellison said the plan would fail.", "Margaret Ellison"),
    ("Derek Fallowfield told the inquiry he had not seen the letter.", "Derek Fallowfield"),
    ("Lena Hartigan of Hartigan Supply said sales were strong.", "Lena Hartigan"),
    ("Victor Osei's company said it would appeal.", "Victor Osei"),
    ("Talks were led by Ingrid Solberg and a small team.", "Ingrid Solberg"),
    ("Club chairman Peter Stone said the ground would be sold.", "Peter Stone"),
    ("The report was written by Amara Okafor, 41, a former nurse.", "Amara Okafor"),
])
def test_people_with_given_names_or_cues_stay_people(text: str, surface: str) -> None:
    assert labels(text).get(surface) == "PERSON"


def test_a_surname_shared_with_a_company_still_refers_to_the_person() -> None:
    text = "Lena Hartigan founded Hartigan Supply in 2004. Hartigan said the firm would hire."
    found = {(m.text, m.start): m for m in analyze(text).entities}
    later = found[("Hartigan", text.rindex("Hartigan said"))]
    assert later.label == "PERSON"
    assert later.entity == "Lena Hartigan"
    assert labels(text).get("Hartigan Supply") == "ORG"


@pytest.mark.parametrize("text, surface", [
    ("Patients were moved to St Agnes's Hospital overnight.", "St Agnes's Hospital"),
    ("Patients were moved to St. Bride's Hospital on Tuesday.", "St. Bride's Hospital"),
    ("Volunteers at the Children's Trust packed the parcels.", "Children's Trust"),
])
def test_saints_and_possessives_stay_inside_organisation_names(text: str, surface: str) -> None:
    assert labels(text).get(surface) == "ORG"


@pytest.mark.parametrize("text, surface", [
    ("The team flew home to Varnholt after the match.", "Varnholt"),
    ("Supporters travelled from Ardmore by coach.", "Ardmore"),
    ("Flood defences at Kingsbury were raised by a metre.", "Kingsbury"),
])
def test_single_words_with_place_name_endings_are_places(text: str, surface: str) -> None:
    assert labels(text).get(surface) == "PLACE"


def test_a_place_name_ending_does_not_override_the_club_it_shortens() -> None:
    text = "Ashbury Rovers won again. Ashbury have now won five in a row."
    found = {(m.text, m.start): m.label for m in analyze(text).entities}
    assert found[("Ashbury", text.index("Ashbury have"))] == "ORG"


@pytest.mark.parametrize("text, surface", [
    ("Exports from the UK rose by a tenth.", "UK"),
    ("Officials in the UAE said the flights would resume.", "UAE"),
    ("The US officials declined to comment.", "US"),
    ("Trade with NZ has doubled since the deal.", "NZ"),
])
def test_country_abbreviations_are_places(text: str, surface: str) -> None:
    assert labels(text).get(surface) == "PLACE"


@pytest.mark.parametrize("text, surface", [
    ("Rain is forecast across the North East this weekend.", "North East"),
    ("House prices in the South West rose fastest.", "South West"),
    ("Schools in North Tarrow will close early.", "North Tarrow"),
])
def test_compass_names_are_regions(text: str, surface: str) -> None:
    assert labels(text).get(surface) == "PLACE"


def test_compass_surname_of_a_person_stays_a_person() -> None:
    assert labels("Midfielder Jordan West scored the winner.").get("Jordan West") == "PERSON"


def test_an_organisation_noun_before_a_given_name_does_not_make_it_an_organisation() -> None:
    assert labels("The charity Helen Bright founded has closed.").get("Helen Bright") == "PERSON"


def test_a_speaker_named_after_a_place_is_not_a_person() -> None:
    text = "Tram services stopped in Kelvport on Monday. Transit Kelvport said the line would reopen."
    assert labels(text).get("Transit Kelvport") == "ORG"


def test_a_lone_given_name_as_speaker_is_a_person() -> None:
    text = "A man who gave his name only as Gareth said the queue was the worst he had seen."
    assert labels(text).get("Gareth") == "PERSON"


@pytest.mark.parametrize("text, surface", [
    ("Outside Dunmere Central on Monday, commuters waited for buses.", "Dunmere Central"),
    ("The route ends from Wrexham to Brindlestowe along the coast.", "Brindlestowe"),
])
def test_stations_and_route_ends_are_places(text: str, surface: str) -> None:
    assert labels(text).get(surface) == "PLACE"


@pytest.mark.parametrize("text, surface", [
    ("The Calder Quartet played to a packed room.", "Calder Quartet"),
    ("Tickets for the Harlow Festival of Music sold out.", "Harlow Festival of Music"),
    ("Kettering Cables said profits rose.", "Kettering Cables"),
])
def test_ensembles_events_and_product_makers_are_organisations(text: str, surface: str) -> None:
    assert labels(text).get(surface) == "ORG"


@pytest.mark.parametrize("surface", ["Owen Mills", "Clara Fields", "Martin Cross", "Nadia Power", "Hugo Green"])
def test_a_given_name_before_a_surname_that_is_also_a_noun_is_a_person(surface: str) -> None:
    assert labels(f"The plan was criticised by {surface} on Tuesday.").get(surface) == "PERSON"


def test_two_people_joined_by_and_stay_two_people() -> None:
    found = labels("The plan was criticised by Owen Mills and Clara Fields.")
    assert found.get("Owen Mills") == "PERSON"
    assert found.get("Clara Fields") == "PERSON"


def test_a_given_name_after_the_is_a_venue_not_a_person() -> None:
    assert labels("The recital was held at the Edwin Hall last night.").get("Edwin Hall") == "PLACE"


@pytest.mark.parametrize("text, surface", [
    ("The delegation travelled to Kessa on Monday.", "Kessa"),
    ("Hundreds of families fled to Marruk overnight.", "Marruk"),
    ("The new ferry route to Tolvi opens in spring.", "Tolvi"),
])
def test_a_destination_after_a_travel_word_is_a_place(text: str, surface: str) -> None:
    assert labels(text).get(surface) == "PLACE"


def test_a_person_after_to_without_travel_stays_unlabelled_or_a_person() -> None:
    text = "Elena Varga said the prize would go to charity. The award was given to Varga."
    assert labels(text).get("Varga") == "PERSON"
