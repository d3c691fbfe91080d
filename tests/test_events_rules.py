"""Rules added for events that generalise beyond the dev articles.

The sentences are invented for these tests.
"""
from __future__ import annotations

import pytest

from dragoman import _nlp as nlp_mod
from dragoman._actors import find_actors
from dragoman._events import find_events


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    return nlp_mod.load()


def code(nlp, text: str, published: str | None = "2021-06-02"):  # type: ignore[no-untyped-def]
    doc = nlp(text)
    return find_events(doc, find_actors(doc), [], published=published, use_classifier=False)[0]


def factual(events):  # type: ignore[no-untyped-def]
    return [e for e in events if not (e.negated or e.hypothetical)]


def sides(e):  # type: ignore[no-untyped-def]
    return ((e.source.code or "")[:3] if e.source else None, (e.target.code or "")[:3] if e.target else None)


@pytest.mark.parametrize("text, source", [
    ("The Chilean foreign ministry warned that it would respond to the tariffs from Peru.", "CHL"),
    ("Kenya's minister warned that Kenya could close the border if Uganda raised its fees.", "KEN"),
    ("The Norwegian envoy warned that an incursion into Finland would trigger Norwegian commitments.", "NOR"),
])
def test_warning_of_own_action_is_a_threat(nlp, text: str, source: str) -> None:
    threats = [e for e in factual(code(nlp, text)) if e.type == "THREATEN"]
    assert threats and sides(threats[0])[0] == source


@pytest.mark.parametrize("text", [
    "The Polish minister warned that the risk of war was greater than ever.",
    "Brazil warned that prices could rise across the region.",
])
def test_warning_of_what_may_happen_is_no_threat(nlp, text: str) -> None:
    assert not [e for e in factual(code(nlp, text)) if e.type == "THREATEN"]


@pytest.mark.parametrize("text, etype", [
    ("Diplomats in Lima said there was still room for an agreement between Chile and Bolivia.", "AGREE"),
    ("Officials see little scope for talks between Ghana and Togo.", "CONSULT"),
])
def test_room_for_an_event_is_not_the_event(nlp, text: str, etype: str) -> None:
    assert etype not in {e.type for e in factual(code(nlp, text))}


@pytest.mark.parametrize("text, etype", [
    ("Peru agreed to send medical teams to Bolivia after a meeting between Peru and Bolivia in Lima.", "CONSULT"),
    ("Ghana pledged to open its border with Togo following talks between Ghana and Togo.", "CONSULT"),
])
def test_event_before_a_plan_is_factual(nlp, text: str, etype: str) -> None:
    assert etype in {e.type for e in factual(code(nlp, text))}


@pytest.mark.parametrize("text", [
    "The Chilean president said Chile would not sign until its demands were met.",
    "Sweden said the fighting would go on before the conditions were met.",
])
def test_met_conditions_are_no_meeting(nlp, text: str) -> None:
    assert "CONSULT" not in {e.type for e in factual(code(nlp, text))}


@pytest.mark.parametrize("text, target", [
    ("The Chilean president rejected the Bolivian government's conditions on Monday.", "BOL"),
    ("Kenya condemned Uganda's decision to close the border.", "UGA"),
])
def test_object_owner_is_the_target(nlp, text: str, target: str) -> None:
    evs = [e for e in factual(code(nlp, text)) if e.type in ("REJECT", "ACCUSE")]
    assert evs and sides(evs[0])[1] == target


@pytest.mark.parametrize("text, target", [
    ("The Nordic ministers of Norway agreed on Monday to send more engineers to Estonia.", "EST"),
    ("Spain promised to deliver grain to Morocco.", "MAR"),
])
def test_target_of_the_promised_act(nlp, text: str, target: str) -> None:
    evs = [e for e in factual(code(nlp, text)) if e.type == "AGREE"]
    assert evs and sides(evs[0])[1] == target


@pytest.mark.parametrize("text, etype, source", [
    ("Chile denies arming rebels as Peru meets in Lima\n\nChile on Monday denied it.", "REJECT", "CHL"),
    ("Kenyan negotiators end long day of talks with Uganda in Nairobi\n\nThe envoys met for hours on Friday.",
     "CONSULT", "KEN"),
])
def test_glued_headline_events(nlp, text: str, etype: str, source: str) -> None:
    head = text.split("\n")[0]
    evs = [e for e in factual(code(nlp, text)) if e.type == etype and e.trigger.end <= len(head)]
    assert evs and sides(evs[0])[0] == source


@pytest.mark.parametrize("text", [
    "Bolivia denied that it had armed the rebels.",
    "The Chilean government denied sending troops across the border with Peru.",
])
def test_denial_is_a_rejection_and_the_denied_act_is_not_a_fact(nlp, text: str) -> None:
    evs = factual(code(nlp, text))
    assert "REJECT" in {e.type for e in evs} and not {"ASSAULT", "MOBILIZE"} & {e.type for e in evs}


def test_group_actors_are_counterparts(nlp) -> None:  # type: ignore[no-untyped-def]
    evs = [e for e in factual(code(nlp, "Kenyan and Ugandan diplomats met in Nairobi on Monday."))
           if e.type == "CONSULT"]
    assert evs and {sides(evs[0])[0], sides(evs[0])[1]} == {"KEN", "UGA"}


@pytest.mark.parametrize("text, etype, source", [
    ("Lima protests after Bolivian troops cross border\n\nPeru lodged a complaint with Bolivia on Monday.",
     "ACCUSE", "PER"),
])
def test_headline_protest_by_a_state_is_a_complaint(nlp, text: str, etype: str, source: str) -> None:
    head = text.split("\n")[0]
    evs = [e for e in factual(code(nlp, text)) if e.trigger.end <= len(head)]
    assert evs and evs[0].type == etype and sides(evs[0])[0] == source


@pytest.mark.parametrize("text, etype", [
    ("Bolivian police used tear gas against Peruvian protesters near the border.", "ASSAULT"),
    ("Turkish navy ships blocked a Greek supply convoy near the island.", "COERCE"),
    ("The Chilean government said it stood by its ally Peru.", "SUPPORT"),
    ("The Kenyan mission said it stood ready to monitor the truce with Uganda.", "AGREE"),
])
def test_trigger_senses(nlp, text: str, etype: str) -> None:
    assert etype in {e.type for e in factual(code(nlp, text))}


def test_preposition_above_the_trigger_is_not_its_particle(nlp) -> None:  # type: ignore[no-untyped-def]
    evs = code(nlp, "Chile will be a friend to Peru by standing with its people, the Chilean minister said.")
    assert "SUPPORT" not in {e.type for e in factual(evs) if e.trigger.text.startswith("stand")}


@pytest.mark.parametrize("text, etype", [
    ("Iran fired a ballistic missile into the sea off its coast on Monday.", "MOBILIZE"),
    ("Iran fired a missile at a Saudi tanker on Monday.", "ASSAULT"),
])
def test_missile_aimed_at_no_one_is_a_show_of_force(nlp, text: str, etype: str) -> None:
    types = {e.type for e in factual(code(nlp, text))}
    assert etype in types and types & {"MOBILIZE", "ASSAULT"} == {etype}


def test_the_event_referred_back_to_gives_the_target(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Iran fired a missile at a tanker on Monday. Oman's military said the tanker was damaged. "
            "The foreign ministry of Kuwait condemned the launch.")
    evs = [e for e in factual(code(nlp, text)) if e.type == "ACCUSE"]
    assert evs and sides(evs[-1]) == ("KWT", "IRN")


@pytest.mark.parametrize("text, etype", [
    ("The Chilean government said it still saw room for an agreement with Bolivia.", "AGREE"),
    ("Officials in Accra see hope for talks between Ghana and Togo.", "CONSULT"),
])
def test_room_or_hope_for_an_event_is_not_the_event(nlp, text: str, etype: str) -> None:
    assert etype not in {e.type for e in factual(code(nlp, text))}


def test_pronoun_of_a_reported_clause_is_the_reporter(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Ghana and Togo signed a truce in Lome on Monday after weeks of fighting along the border. "
            "The mission of the African Union welcomed the truce between Ghana and Togo. "
            "In a statement, the African Union said it stood ready to monitor the truce.")
    evs = [e for e in factual(code(nlp, text)) if e.type == "AGREE" and e.trigger.text.startswith("stood")]
    assert evs and sides(evs[0])[0] == "AU"


@pytest.mark.parametrize("later, etype", [
    ("Both sides agreed to meet again in March.", "AGREE"),
    ("The two governments traded warnings over the border.", "THREATEN"),
])
def test_both_sides_are_the_two_countries_just_named(nlp, later: str, etype: str) -> None:
    text = f"Kenyan and Ugandan diplomats met in Nairobi on Monday for six hours. {later}"
    evs = [e for e in factual(code(nlp, text)) if e.type == etype]
    assert evs and set(sides(evs[0])) == {"KEN", "UGA"}


def test_preposition_with_a_denied_object_is_no_participant(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Kenyan and Ugandan diplomats met in Nairobi on Monday. "
            "For now the two sides are talking past each other, with no guarantee of progress.")
    evs = [e for e in factual(code(nlp, text)) if e.trigger.text.startswith("talking")]
    assert not evs


@pytest.mark.parametrize("text", [
    "Peru accused Chile of spying. The Chilean minister said the accusations were politically motivated.",
    "Kenya filed a complaint against Uganda. Uganda's foreign ministry said the complaint was baseless.",
])
def test_calling_a_charge_false_is_a_rejection(nlp, text: str) -> None:
    evs = [e for e in factual(code(nlp, text)) if e.type == "REJECT"]
    assert evs


def test_a_charge_called_true_is_no_rejection(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Peru accused Chile of spying. The Bolivian minister said the accusations were serious."
    assert "REJECT" not in {e.type for e in factual(code(nlp, text))}


@pytest.mark.parametrize("text", [
    "According to a Kenyan official who asked not to be named, Kenya and Uganda met in Kampala.",
    "A Ghanaian diplomat, who asked for anonymity, said Ghana had met Togo.",
])
def test_asking_not_to_be_named_is_no_request(nlp, text: str) -> None:
    assert "REQUEST" not in {e.type for e in factual(code(nlp, text))}


@pytest.mark.parametrize("text, etype", [
    ("The Chilean minister said Chile would not end the war before its goals were met.", "REJECT"),
    ("A spokesman for the Bolivian government said Bolivia would respect the truce with Peru.", "AGREE"),
])
def test_stated_refusals_and_commitments(nlp, text: str, etype: str) -> None:
    assert etype in {e.type for e in factual(code(nlp, text))}


def test_travel_to_a_summit_carries_the_traveller(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Hours later the Kenyan president left for a summit with Uganda in Kampala."
    evs = [e for e in factual(code(nlp, text)) if e.type == "CONSULT"]
    assert evs and sides(evs[0])[0] == "KEN"


def test_what_troops_are_instructed_to_do_is_not_done(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Kenya instructed the army to honour the truce with Uganda."
    assert "AGREE" not in {e.type for e in factual(code(nlp, text)) if e.trigger.text.startswith("respect")}


@pytest.mark.parametrize("text, agree", [
    ("Canada agreed on Monday to impose new sanctions on Iran.", False),
    ("The Norwegian parliament voted to impose sanctions on Russia.", False),
    ("Chile agreed with Peru to impose sanctions on Bolivia.", True),
])
def test_decision_to_impose_a_measure_is_the_measure(nlp, text: str, agree: bool) -> None:
    types = {e.type for e in factual(code(nlp, text))}
    if agree:
        assert "AGREE" in types
    else:
        assert "SANCTION" in types and "AGREE" not in types


def test_undated_event_far_from_any_day_takes_the_published_day(nlp) -> None:  # type: ignore[no-untyped-def]
    # the lead's day is not guessed for an event three sentences on; the event takes
    # the publication day, and says so
    text = ("Kenya and Uganda held talks in Nairobi on Monday. The talks lasted six hours. "
            "Officials described the mood as calm. Reporters waited outside. "
            "Later the Kenyan minister accused Uganda of stalling.")
    evs = [e for e in factual(code(nlp, text, published="2021-06-02")) if e.type == "ACCUSE"]
    assert evs and (evs[0].date, evs[0].date_basis) == ("2021-06-02", "published")
    talks = [e for e in factual(code(nlp, text, published="2021-06-02")) if e.type == "CONSULT"]
    assert talks and (talks[0].date, talks[0].date_basis) == ("2021-05-31", "text")
    evs = [e for e in factual(code(nlp, text, published=None)) if e.type == "ACCUSE"]
    assert evs and (evs[0].date, evs[0].date_basis) == (None, None)


def test_last_week_still_gives_no_date(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Kenya and Uganda held talks in Nairobi on Monday. The talks lasted six hours. "
            "Officials described the mood as calm. Reporters waited outside. "
            "Last week the Kenyan minister accused Uganda of stalling.")
    evs = [e for e in factual(code(nlp, text, published="2021-06-02")) if e.type == "ACCUSE"]
    assert evs and (evs[0].date, evs[0].date_basis) == (None, None)


@pytest.mark.parametrize("text, place", [
    ("Representatives of Mali and Niger signed a truce in Niamey on Thursday.", "Niamey"),
    ("Delegates of Chad and Sudan signed a truce in Ndjamena on Thursday.", "Ndjamena"),
])
def test_a_city_after_in_is_the_place_whatever_its_entity_label(nlp, text: str, place: str) -> None:
    evs = [e for e in factual(code(nlp, text)) if e.type == "AGREE"]
    assert evs and evs[0].location is not None and evs[0].location.name.replace("'", "") in (place, "N'Djamena".replace("'", ""))


def test_time_span_parsed_as_subject_gives_way_to_the_actor(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Chile on Monday rejected the plan, hours before the council of the African Union met in "
            "Addis Ababa.")
    evs = [e for e in factual(code(nlp, text)) if e.type == "CONSULT"]
    assert not evs or sides(evs[0])[0] == "AU"


def test_pronoun_in_a_denied_clause_is_the_denier(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Chile's foreign ministry on Monday denied that it had sent troops to Peru."
    evs = [e for e in code(nlp, text) if e.trigger.text == "sent"]
    assert not evs or (sides(evs[0])[0] == "CHL" and not (evs[0].negated is False and evs[0].hypothetical is False))


def test_phrase_with_two_actors_gives_the_first_and_the_other_as_counterpart(nlp) -> None:  # type: ignore[no-untyped-def]
    evs = [e for e in factual(code(nlp, "Kenyan and Ugandan diplomats met for six hours in Nairobi on Monday."))
           if e.type == "CONSULT"]
    assert evs and {sides(evs[0])[0], sides(evs[0])[1]} == {"KEN", "UGA"}


@pytest.mark.parametrize("text, target", [
    ("Peru lodged a complaint against Chile on Monday. The Chilean foreign ministry rejected the complaint.",
     "PER"),
    ("Kenya and Uganda signed a truce in Nairobi on Monday. Norway attacked a ship near Oslo. "
     "The African Union welcomed the truce.", "KEN"),
])
def test_referred_event_of_the_fitting_type(nlp, text: str, target: str) -> None:
    evs = [e for e in factual(code(nlp, text)) if e.type in ("REJECT", "SUPPORT")]
    assert evs and sides(evs[-1])[1] == target


def test_headline_takes_its_other_side_from_the_lead(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Lima protests after border incident\n\n"
            "Peru lodged a diplomatic protest with Chile on Tuesday after the incident.")
    evs = [e for e in factual(code(nlp, text)) if e.trigger.end <= text.index("\n")]
    assert not evs or sides(evs[0])[1] in (None, "CHL")


def test_unnamed_fighting_takes_the_sides_of_fighting_nearby(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Kenyan troops attacked Ugandan positions near the border on Monday, officials said. "
            "Local radio said that heavy fighting lasted for hours "
            "and that residents fled to the nearest town before dawn on Tuesday morning. The mayor said the "
            "town was calm again. Schools reopened on Wednesday and shops reopened on Thursday, the mayor "
            "added in a statement to the local press. Farmers in the valley said they hoped that the rains "
            "would hold off until the crops were brought in.")
    evs = [e for e in factual(code(nlp, text)) if e.type == "ASSAULT" and e.trigger.text == "fighting"]
    assert evs and set(sides(evs[0])) == {"KEN", "UGA"}


def test_unnamed_fighting_alone_in_an_article_is_no_event(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Local radio said that the fighting lasted for hours and that residents fled to the nearest "
            "town before dawn on Tuesday morning. The mayor said the town was calm again. Schools "
            "reopened on Wednesday and shops reopened on Thursday, the mayor added in a statement. "
            "Officials expect the harvest to begin next week, weather permitting, and farmers in the "
            "valley said they hoped that the rains would hold off until the crops were brought in.")
    assert not [e for e in factual(code(nlp, text)) if e.trigger.text == "fighting"]


@pytest.mark.parametrize("text, etype", [
    ("Palestinian prisoners rioted on Monday at a jail in northern Israel.", "PROTEST"),
    ("Young Algerians protested in Algiers on Sunday.", "PROTEST"),
    ("Bolivian leaders said they would boycott all contact with Chile.", "THREATEN"),
])
def test_people_protesting_are_no_government_complaint(nlp, text: str, etype: str) -> None:
    types = {e.type for e in code(nlp, text)}
    assert etype in types or etype == "THREATEN" and "ACCUSE" not in types


def test_passive_act_reported_by_a_speaker_is_not_the_speakers(nlp) -> None:  # type: ignore[no-untyped-def]
    from dragoman._quotes import find_quotes
    text = ("Kenya accused Uganda of shelling the border on Monday. "
            "Kenya's army said three farmers were killed in the shelling near Busia.")
    doc = nlp(text)
    actors = find_actors(doc)
    evs = find_events(doc, actors, find_quotes(doc, actors), published="2021-06-02", use_classifier=False)[0]
    killed = [e for e in evs if e.trigger.text == "killed"]
    assert killed and all(sides(e)[0] != "KEN" for e in killed)


def test_passive_grant_in_a_quote_stays_the_speakers(nlp) -> None:  # type: ignore[no-untyped-def]
    from dragoman._quotes import find_quotes
    text = "Chile's foreign minister said on Monday that Bolivian refugees were granted asylum."
    doc = nlp(text)
    actors = find_actors(doc)
    evs = find_events(doc, actors, find_quotes(doc, actors), published="2021-06-02", use_classifier=False)[0]
    granted = [e for e in evs if "granted" in e.trigger.text and not e.hypothetical]
    assert granted and sides(granted[0])[0] == "CHL"


@pytest.mark.parametrize("text", [
    "Ghana cannot meet the demands of Togo on the border.",
    "Kenya could not meet the conditions set by Uganda.",
    "Kenya said it could not accept the offer from Uganda.",
    "Chile will not accept the proposal from Peru.",
])
def test_modal_refusals_are_rejections(nlp, text: str) -> None:
    # "cannot" and "could not" are refusals as much as "will not" (_WILL was once
    # redefined further down, and these lost their REJECT)
    rejects = [e for e in code(nlp, text) if e.type == "REJECT"]
    assert rejects and not rejects[0].negated


@pytest.mark.parametrize("text, etype", [
    ("Chile plans to visit Bolivia next month.", "CONSULT"),
    ("Peru ought to negotiate with Ecuador, the envoy said.", "CONSULT"),
    ("The Kenyan minister intends to meet his Ugandan counterpart.", "CONSULT"),
    ("A diplomat said that if Kenyan troops crossed the river, Uganda would close its border.", "SANCTION"),
])
def test_plans_and_recommendations_are_no_facts(nlp, text: str, etype: str) -> None:
    evs = code(nlp, text)
    # the planned act is found, as hypothetical, and nothing becomes a fact
    assert any(e.type == etype and e.hypothetical for e in evs)
    assert not factual(evs)


@pytest.mark.parametrize("text", [
    "Baghdad had not agreed to any Kenyan military presence on its soil.",
    "Kenya has not agreed to the deal with Uganda.",
])
def test_denied_past_agreement_is_no_refusal(nlp, text: str) -> None:
    evs = code(nlp, text)
    assert any(e.type == "AGREE" and e.negated for e in evs)
    assert "REJECT" not in {e.type for e in evs}


@pytest.mark.parametrize("text, asks", [
    ("Asked whether Kenya would meet rebel leaders, the Ugandan envoy said nothing was decided.", False),
    ("The Kenyan parliament is expected to question the government about the border.", False),
    ("Uganda was asked by Kenya to hand over the suspects.", True),
    ("Kenya asked Uganda to withdraw its troops.", True),
])
def test_questions_and_forecasts_are_no_requests(nlp, text: str, asks: bool) -> None:
    assert ("REQUEST" in {e.type for e in factual(code(nlp, text))}) is asks


def test_a_warning_is_coded_once(nlp) -> None:  # type: ignore[no-untyped-def]
    threats = [e for e in factual(code(nlp, "Kenya warned it would impose sanctions on Uganda."))
               if e.type == "THREATEN"]
    assert len(threats) == 1


@pytest.mark.parametrize("text, etype, pairs", [
    ("Japan, India and Brazil held talks with the EU in Geneva.", "CONSULT",
     {("JPN", "EU"), ("IND", "EU"), ("BRA", "EU")}),
    ("Kenya, Uganda and Tanzania held talks in Arusha.", "CONSULT",
     {("KEN", "UGA"), ("KEN", "TZA"), ("UGA", "TZA")}),
    ("Russia attacked Ukraine and Georgia.", "ASSAULT", {("RUS", "UKR"), ("RUS", "GEO")}),
    ("France and Germany imposed sanctions on Iran.", "SANCTION", {("FRA", "IRN"), ("DEU", "IRN")}),
    ("Kenya and Uganda signed a trade deal.", "AGREE", {("KEN", "UGA")}),
])
def test_one_event_per_pair(nlp, text: str, etype: str, pairs: set) -> None:
    evs = [e for e in factual(code(nlp, text)) if e.type == etype]
    assert {sides(e) for e in evs} == pairs and len(evs) == len(pairs)
    assert len({e.id for e in evs}) == len(evs)


def test_a_dated_re_mention_is_the_same_event(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Kenya and Uganda held talks in Nairobi on Monday. Monday's meeting ended without a "
            "deal, and Kenya accused Uganda of stalling.")
    evs = factual(code(nlp, text))
    assert [e.type for e in evs if e.type == "CONSULT"] == ["CONSULT"]
    assert "AGREE" not in {e.type for e in evs} and "ACCUSE" in {e.type for e in evs}


def test_a_new_meeting_with_its_own_party_is_a_new_event(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Kenya and Uganda held talks in Nairobi on Monday. Kenya's meeting with Tanzania "
            "followed on Tuesday.")
    assert {sides(e) for e in factual(code(nlp, text)) if e.type == "CONSULT"} == {("KEN", "UGA"), ("KEN", "TZA")}


@pytest.mark.parametrize("text, etype, place", [
    ("Kenya's defence minister landed in Kampala on Monday as Kenyan troops clashed with "
     "rebels near Busia.", "ASSAULT", "Busia"),
    ("Russian forces attacked Ukraine on Monday.", "ASSAULT", "Ukraine"),
    ("Israeli jets struck Syria overnight.", "ASSAULT", "Syria"),
    ("Kenya and Uganda held talks, which took place in Arusha.", "CONSULT", "Arusha"),
])
def test_place_of_the_triggers_own_clause_and_attacked_territory(nlp, text: str, etype: str, place: str) -> None:
    evs = [e for e in factual(code(nlp, text)) if e.type == etype]
    assert evs and evs[0].location is not None and evs[0].location.name == place


@pytest.mark.parametrize("text, etype", [
    ("The President of Estonia met the Latvian prime minister on Monday.", "CONSULT"),
    ("The Organization for Security and Cooperation in Europe condemned Russia.", "ACCUSE"),
])
def test_no_place_from_a_title_or_an_organisation_name(nlp, text: str, etype: str) -> None:
    evs = [e for e in factual(code(nlp, text)) if e.type == etype]
    assert evs and evs[0].location is None


def test_a_meeting_of_another_day_is_a_new_event(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Kenya and Uganda held talks in Nairobi on Monday. After Wednesday's meeting with "
            "Uganda, Kenya accused Uganda of stalling.")
    assert len([e for e in factual(code(nlp, text)) if e.type == "CONSULT"]) == 2


@pytest.mark.parametrize("text, source", [
    ("Syria said it would close its border with Iraq if Iraqi troops crossed the river.", "SYR"),
    ("Kenya said it will impose sanctions on Uganda if the fees rise.", "KEN"),
])
def test_a_conditional_threat_by_the_actor_itself_is_a_threat(nlp, text: str, source: str) -> None:
    threats = [e for e in factual(code(nlp, text)) if e.type == "THREATEN"]
    assert threats and sides(threats[0])[0] == source


@pytest.mark.parametrize("text, etype, pair", [
    ("Chile recalled its ambassador on Monday. Its envoy later accused Peru of spying.", "ACCUSE", ("CHL", "PER")),
    ("Kenya said its troops had attacked Somalia.", "ASSAULT", ("KEN", "SOM")),
])
def test_an_agent_noun_stands_for_its_owner(nlp, text: str, etype: str, pair: tuple) -> None:
    evs = [e for e in factual(code(nlp, text)) if e.type == etype]
    assert evs and sides(evs[0]) == pair


@pytest.mark.parametrize("text, source, target", [
    ("The Norwegian foreign minister travelled to Sweden last week.", "NOR", "SWE"),
    ("The Chilean president arrived in Peru on Monday.", "CHL", "PER"),
])
def test_an_envoy_going_to_a_country_is_a_visit(nlp, text: str, source: str, target: str) -> None:
    visits = [e for e in factual(code(nlp, text)) if e.type == "CONSULT"]
    assert visits and sides(visits[0]) == (source, target)


@pytest.mark.parametrize("text", [
    "Ukrainian refugees arrived in Poland on Monday.",
    "Troops travelled to the front line near Kharkiv.",
])
def test_movement_of_people_or_troops_is_no_visit(nlp, text: str) -> None:
    assert not [e for e in code(nlp, text) if e.type == "CONSULT"]


def test_a_title_named_in_full_earlier_is_its_actor(nlp) -> None:  # type: ignore[no-untyped-def]
    evs = code(nlp, "The UN Special Rapporteur on Myanmar met Thai officials in Bangkok. "
                    "The Special Rapporteur later criticised Myanmar's military.")
    accuse = [e for e in evs if e.type == "ACCUSE"]
    assert accuse and sides(accuse[0]) == ("UN", "MMR")


@pytest.mark.parametrize("text, source, target", [
    ("Sanctions were imposed on Iran by the European Union.", "EU", "IRN"),
    ("Talks were held between Serbia and Kosovo on Monday.", "SRB", "KSV"),
])
def test_sides_on_the_verb_that_carries_an_event_noun(nlp, text: str, source: str, target: str) -> None:
    evs = [e for e in factual(code(nlp, text)) if e.type in ("SANCTION", "CONSULT")]
    assert evs and sides(evs[0]) == (source, target)


def test_an_unnamed_side_stays_unknown(nlp) -> None:  # type: ignore[no-untyped-def]
    # the relative clause's subject is the attack: not the condemning country, and the
    # country whose border is the place is no counterpart of the condemnation
    evs = code(nlp, "Peru condemned the attack, which killed three soldiers near the border with Ecuador.")
    killed = [e for e in evs if e.type == "ASSAULT"]
    assert killed and killed[0].source is None
    condemned = [e for e in evs if e.type == "ACCUSE"]
    assert condemned and sides(condemned[0]) == ("PER", None)


def test_a_mediator_has_an_event_with_each_party(nlp) -> None:  # type: ignore[no-untyped-def]
    evs = [e for e in factual(code(nlp, "Qatar mediated talks between Israel and Egypt.")) if e.cameo == "045"]
    assert {sides(e) for e in evs} == {("QAT", "ISR"), ("QAT", "EGY")}


def test_each_other_is_coded_both_ways(nlp) -> None:  # type: ignore[no-untyped-def]
    evs = [e for e in factual(code(nlp, "India and Pakistan accused each other of violating the ceasefire."))
           if e.type == "ACCUSE"]
    assert {sides(e) for e in evs} == {("IND", "PAK"), ("PAK", "IND")}


def test_clashes_between_two_sides_on_the_verb(nlp) -> None:  # type: ignore[no-untyped-def]
    evs = [e for e in factual(code(nlp, "Clashes broke out between Armenia and Azerbaijan on Monday."))
           if e.type == "ASSAULT"]
    assert evs and sides(evs[0]) == ("ARM", "AZE")


def test_people_named_as_a_side_are_not_replaced_by_a_country_nearby(nlp) -> None:  # type: ignore[no-untyped-def]
    evs = code(nlp, "The Chilean president landed in Lima as clashes broke out between "
                    "Peruvian police and protesters in Cusco.")
    clashes = [e for e in factual(evs) if e.type == "ASSAULT"]
    assert clashes and sides(clashes[0])[0] == "PER" and sides(clashes[0])[1] != "CHL"
    assert clashes[0].location is not None and clashes[0].location.name == "Cusco"


@pytest.mark.parametrize("text, place", [
    ("The UN Special Rapporteur on Myanmar met Thai officials in Bangkok.", "Bangkok"),
    ("Chile's envoy to Sudan met Sudanese officials in Khartoum.", "Khartoum"),
    ("The President of Estonia met the Latvian prime minister in Riga.", "Riga"),
])
def test_a_place_in_a_title_is_not_where_the_event_happened(nlp, text: str, place: str) -> None:
    evs = [e for e in factual(code(nlp, text)) if e.type == "CONSULT"]
    assert evs and evs[0].location is not None and evs[0].location.name == place


def test_a_place_in_an_organisations_name_is_no_place(nlp) -> None:  # type: ignore[no-untyped-def]
    evs = [e for e in code(nlp, "The Organization for Security and Co-operation in Europe criticised Serbia.")
           if e.type == "ACCUSE"]
    assert evs and (evs[0].location is None or evs[0].location.name != "Europe")


@pytest.mark.parametrize("text, parties, mediator", [
    ("The UN-mediated talks between Sudan and South Sudan opened in Juba.", {"SDN", "SSD"}, "UN"),
    ("Turkey and Russia signed a Qatari-brokered deal.", {"TUR", "RUS"}, "QAT"),
])
def test_a_mediator_is_no_party_but_has_its_own_events(nlp, text: str, parties: set, mediator: str) -> None:
    evs = factual(code(nlp, text))
    main = [e for e in evs if e.cameo != "045"]
    assert main and set(sides(main[0])) == parties
    mediations = [e for e in evs if e.cameo == "045"]
    assert {sides(e) for e in mediations} == {(mediator, p) for p in parties}


def test_talks_resuming_are_the_talks_alone(nlp) -> None:  # type: ignore[no-untyped-def]
    evs = factual(code(nlp, "Talks between Israel and Egypt resumed in Cairo."))
    assert [e.type for e in evs] == ["CONSULT"]


def test_a_vow_to_use_force_is_a_threat(nlp) -> None:  # type: ignore[no-untyped-def]
    evs = [e for e in factual(code(nlp, "Kenya vowed to retaliate against Somalia.")) if e.type == "THREATEN"]
    assert evs and sides(evs[0]) == ("KEN", "SOM") and evs[0].cameo == "138"


@pytest.mark.parametrize("text, pair", [
    ("Kenya was accused of attacking Somali villages.", ("KEN", "SOM")),
    ("Ghana's foreign minister is set to meet his Togolese counterpart on Friday.", ("GHA", "TGO")),
])
def test_passive_subject_of_the_verb_above_does_this_act(nlp, text: str, pair: tuple) -> None:
    evs = [e for e in code(nlp, text) if e.type in ("ASSAULT", "CONSULT")]
    assert evs and sides(evs[0]) == pair


def test_a_month_is_no_march(nlp) -> None:  # type: ignore[no-untyped-def]
    assert not [e for e in code(nlp, "The border will not reopen before March, Chilean officials said.")
                if e.type == "PROTEST"]


@pytest.mark.parametrize("text, etype, pair", [
    ("Iran launched a wave of missiles at Israel.", "ASSAULT", ("IRN", "ISR")),
    ("Hezbollah fired rockets into northern Israel.", "ASSAULT", ("LBN", "ISR")),
    ("Kenya sent troops to Somalia on Monday.", "MOBILIZE", ("KEN", "SOM")),
])
def test_force_verbs_with_their_context_one_level_deeper(nlp, text: str, etype: str, pair: tuple) -> None:
    evs = [e for e in factual(code(nlp, text)) if e.type == etype]
    assert evs and sides(evs[0]) == pair


def test_what_someone_is_pressed_to_do_is_not_done(nlp) -> None:  # type: ignore[no-untyped-def]
    evs = code(nlp, "Armenia pressed Azerbaijan to release the prisoners.")
    assert any(e.type == "REQUEST" and not e.hypothetical for e in evs)
    released = [e for e in evs if e.type == "RETREAT"]
    assert released and all(e.hypothetical for e in released)


@pytest.mark.parametrize("text, etype, pair", [
    ("Ghana faced sanctions from ECOWAS.", "SANCTION", ("ECO", "GHA")),
    ("Kenya received military aid from the United States.", "AID", ("USA", "KEN")),
    ("Peru has faced criticism from Chile over the border.", "ACCUSE", ("CHL", "PER")),
])
def test_the_subject_of_faced_or_received_undergoes_the_event(nlp, text: str, etype: str, pair: tuple) -> None:
    evs = [e for e in factual(code(nlp, text)) if e.type == etype]
    assert evs and sides(evs[0]) == pair
