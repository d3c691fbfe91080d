"""Sides through owners and aims, places named after a country, the breadth of the
MOBILIZE, CONCEDE and THREATEN readings, and where a place may come from.

The sentences are invented for these tests.
"""
from __future__ import annotations

import pytest

from dragoman import _nlp as nlp_mod
from dragoman._actors import find_actors
from dragoman._events import find_events
from dragoman._quotes import find_quotes


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    return nlp_mod.load()


def code(nlp, text: str):  # type: ignore[no-untyped-def]
    doc = nlp(text)
    actors = find_actors(doc)
    return find_events(doc, actors, find_quotes(doc, actors), published="2023-03-08",
                       use_classifier=False)[0]


def first(events, etype: str):  # type: ignore[no-untyped-def]
    found = [e for e in events if e.type == etype and not (e.negated or e.hypothetical)]
    assert found, f"no factual {etype} in {[(e.type, e.trigger.text) for e in events]}"
    return found[0]


def cc(side) -> str | None:  # type: ignore[no-untyped-def]
    return (side.code or "")[:3] if side is not None and side.code else None


def test_named_body_stands_for_its_owner(nlp) -> None:  # type: ignore[no-untyped-def]
    e = first(code(nlp, "Brazil's Southern Fleet began a naval exercise near Uruguay on Monday."),
              "MOBILIZE")
    assert cc(e.source) == "BRA"


@pytest.mark.parametrize("text, etype, src, tgt", [
    ("Peru promised food aid to Bolivia after the floods.", "AGREE", "PER", "BOL"),
    ("Armenia fired dozens of drones at Azerbaijan overnight.", "ASSAULT", "ARM", "AZE"),
])
def test_the_objects_aim_is_the_target(nlp, text: str, etype: str, src: str, tgt: str) -> None:  # type: ignore[no-untyped-def]
    e = first(code(nlp, text), etype)
    assert (cc(e.source), cc(e.target)) == (src, tgt)


def test_country_in_a_sea_name_is_no_counterpart(nlp) -> None:  # type: ignore[no-untyped-def]
    e = first(code(nlp, "Greece held naval drills in the Sea of Crete on Tuesday, the navy said."),
              "MOBILIZE")
    assert cc(e.source) == "GRC"
    events = code(nlp, "Chile held naval drills in the Gulf of Honduras on Tuesday.")
    assert cc(first(events, "MOBILIZE").target) != "HND"


@pytest.mark.parametrize("text, etype", [
    ("Poland moved tanks toward the Belarusian border on Tuesday.", "MOBILIZE"),
    ("Spain dispatched two frigates to the Strait of Gibraltar.", "MOBILIZE"),
    ("Japan sent a destroyer to the East China Sea.", "MOBILIZE"),
    ("Turkey began joint military manoeuvres with Azerbaijan.", "MOBILIZE"),
    ("Romania's river flotilla began a four-day exercise near Moldova on Sunday.", "MOBILIZE"),
    ("Serbia conducted an exercise with Belarusian paratroopers last month.", "COOPERATE"),
    ("Turkey drills warships around Cyprus", "MOBILIZE"),
    ("Nepal eased emergency measures in the capital on Friday.", "CONCEDE"),
    ("Nigeria relaxed the curfew in Kano on Friday.", "CONCEDE"),
    ("Canada eased sanctions on Venezuela on Monday.", "RETREAT"),
    ("Bhutan has established diplomatic ties with Kenya.", "SUPPORT"),
    ("Georgia handed back two Russian soldiers on Friday.", "RETREAT"),
    ("Belarus promised a response to the expulsions.", "THREATEN"),
    ("Chile vowed retaliation after the raid.", "THREATEN"),
])
def test_lexicon_breadth(nlp, text: str, etype: str) -> None:  # type: ignore[no-untyped-def]
    first(code(nlp, text), etype)


@pytest.mark.parametrize("text, verb, etype", [
    ("Poland moved its embassy to a new building.", "move", "MOBILIZE"),
    ("Peru promised a decision on the tariffs by June.", "promise", "THREATEN"),
    ("The committee eased its rules on attendance.", "ease", "CONCEDE"),
    ("Doctors urged Kenyans to exercise more often.", "exercise", "MOBILIZE"),
    ("Chevron drilled three new oil wells off Angola.", "drill", "MOBILIZE"),
])
def test_lexicon_breadth_needs_its_context(nlp, text: str, verb: str, etype: str) -> None:  # type: ignore[no-untyped-def]
    assert any(t.lemma_ == verb and t.pos_ == "VERB" for t in nlp(text))  # the verb is read as one
    assert not [e for e in code(nlp, text) if e.type == etype]


def test_promise_of_aid_stays_a_commitment(nlp) -> None:  # type: ignore[no-untyped-def]
    e = first(code(nlp, "Peru promised food aid to Bolivia after the floods."), "AGREE")
    assert e.type == "AGREE"


def test_quoted_swift_answer_is_a_threat(nlp) -> None:  # type: ignore[no-untyped-def]
    events = code(nlp, 'Chile accused Peru of moving troops to the border on Monday. "If they cross '
                       'the line again, the answer will be swift," Chilean Defence Minister Maya '
                       'Fernández told reporters.')
    e = first(events, "THREATEN")
    assert cc(e.source) == "CHL" and cc(e.target) == "PER" and e.quote is not None


def test_no_place_from_a_later_paragraph(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Chile and Peru agreed on Monday to reopen their border crossings.\n\n"
            "Separately, Bolivian officials met in La Paz to discuss the harvest.")
    e = first(code(nlp, text), "AGREE")
    assert e.location is None or "Paz" not in (e.location.name or "")


def test_reporters_own_fighters(nlp) -> None:  # type: ignore[no-untyped-def]
    events = code(nlp, "Government troops shelled rebel positions in Mali on Monday. Boko Haram said "
                       "its fighters had attacked a Nigerian base.")
    attacks = [e for e in events if e.type == "ASSAULT" and "attacked" in e.trigger.text]
    assert attacks and cc(attacks[0].source) == "NGA" and attacks[0].source.actor is not None
    assert attacks[0].source.mention is not None and "fighters" in attacks[0].source.mention.text


def test_partner_is_no_target(nlp) -> None:  # type: ignore[no-untyped-def]
    e = first(code(nlp, "French jets struck rebel camps in Niger alongside Nigerien troops."), "ASSAULT")
    assert cc(e.source) == "FRA" and cc(e.target) != "NER"


@pytest.mark.parametrize("text", [
    "Frontex said it had increased patrols along the Danube.",
    "Hungary put its army on high alert on Sunday.",
])
def test_light_verbs_of_force_carry_the_source(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    e = first(code(nlp, text), "MOBILIZE")
    assert e.source is not None and e.source.code


def test_coordinated_source_is_no_target(nlp) -> None:  # type: ignore[no-untyped-def]
    events = code(nlp, "Kenya and Tanzania condemned the raid on the border post on Monday.")
    found = [e for e in events if e.type == "ACCUSE"]
    assert found, [(e.type, e.trigger.text) for e in events]
    pairs = {(cc(e.source), cc(e.target)) for e in found}
    assert ("KEN", "TZA") not in pairs and ("TZA", "KEN") not in pairs
    assert {"KEN", "TZA"} <= {cc(e.source) for e in found}


def test_reporters_place_is_not_where(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Niger's army and the rebels fought near the town of Agadez on Thursday, officials in "
            "Niamey said.")
    e = first(code(nlp, text), "ASSAULT")
    assert e.location is None or "Niamey" not in (e.location.name or "")
    # the reporter's place still counts where the reporter is what the event is about
    visit = first(code(nlp, "Officials in Niamey said the Malian president visited Niamey on Monday."),
                  "CONSULT")
    assert visit.location is not None and visit.location.name == "Niamey"


def test_border_named_by_a_nationality_is_a_place(nlp) -> None:  # type: ignore[no-untyped-def]
    events = code(nlp, "Chad's army shelled rebel positions near the Libyan border on Saturday.")
    e = first(events, "ASSAULT")
    assert cc(e.source) == "TCD" and cc(e.target) != "LBY"


def test_warning_of_harm_by_no_one_named_is_a_threat(nlp) -> None:  # type: ignore[no-untyped-def]
    e = first(code(nlp, "Hamas warned on Monday that Israeli settlers would be targeted."), "THREATEN")
    assert e.source is not None and e.source.code
    assert not [e for e in code(nlp, "Chile warned that prices would be raised.") if e.type == "THREATEN"]


@pytest.mark.parametrize("text", [
    "Armenian and Azerbaijani troops exchanged fire along the border overnight.",
    "Indian and Pakistani soldiers traded fire in Kashmir on Tuesday.",
])
def test_exchanged_fire_is_an_attack(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    e = first(code(nlp, text), "ASSAULT")
    assert e.source is not None and e.source.code


def test_reported_it_is_the_reporting_body(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Kenyan troops patrolled the border on Saturday. The Ugandan army said on Sunday it had "
            "shelled rebel camps in Congo.")
    e = first(code(nlp, text), "ASSAULT")
    assert cc(e.source) == "UGA"


def test_officials_of_both_countries_are_the_pair(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Peru and Chile held talks on fishing rights in Lima on Friday. Foreign ministers of both "
            "countries met again on Monday. The commanders of the two navies spoke by telephone on "
            "Tuesday.")
    events = [e for e in code(nlp, text) if e.type == "CONSULT"]
    later = [e for e in events if e.trigger.text in ("met", "spoke")]
    assert len(later) == 2, [(e.trigger.text, cc(e.source), cc(e.target)) for e in events]
    for e in later:
        assert {cc(e.source), cc(e.target)} == {"PER", "CHL"}
