"""Event coding over the parse: triggers, sides, modality, dates, places, counts.

The sentences are written for these tests.
"""
from __future__ import annotations

import pytest

from dragoman import _nlp as nlp_mod
from dragoman._actors import find_actors
from dragoman._events import find_events
from dragoman._events.counts import parse_number
from dragoman._events.ontology import coding, quad_class
from dragoman._model import PLOVER_TYPES


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    return nlp_mod.load()


def code(nlp, text: str, published: str | None = "2022-01-14", classifier: bool = False):  # type: ignore[no-untyped-def]
    doc = nlp(text)
    return find_events(doc, find_actors(doc), [], published=published, use_classifier=classifier)[0]


def factual(events):  # type: ignore[no-untyped-def]
    return [e for e in events if not (e.negated or e.hypothetical)]


def test_ontology_covers_the_types() -> None:
    for t in PLOVER_TYPES:
        c = coding(t)
        assert c.quad_class in (1, 2, 3, 4) and -10 <= c.goldstein <= 10 and c.cameo.isdigit()
    assert quad_class("ASSAULT") == 4 and quad_class("CONSULT") == 1
    assert quad_class("SANCTION") == 3 and quad_class("CONCEDE") == 1  # the manual's quad table
    assert coding("ASSAULT", "186").mode == "assassinate"


@pytest.mark.parametrize("text, etype", [
    ("Japan and India held talks in Tokyo on Monday.", "CONSULT"),
    ("Brazil accused Argentina of hiding the report.", "ACCUSE"),
    ("Kenya rejected the proposal from Uganda.", "REJECT"),
    ("France imposed sanctions on Iran.", "SANCTION"),
    ("Norwegian troops attacked a convoy near Oslo.", "ASSAULT"),
    ("Chile and Peru signed a trade agreement.", "AGREE"),
    ("Egypt expelled two Israeli diplomats.", "SANCTION"),
    ("Germany welcomed the decision by Poland.", "SUPPORT"),
    ("The Mexican minister poured cold water on the plan from Canada.", "REJECT"),
])
def test_types(nlp, text: str, etype: str) -> None:
    assert etype in {e.type for e in factual(code(nlp, text))}


def test_sides_active_and_passive(nlp) -> None:  # type: ignore[no-untyped-def]
    e = next(e for e in code(nlp, "Brazil criticised Argentina.") if e.type == "ACCUSE")
    assert e.source.code[:3] == "BRA" and e.target.code[:3] == "ARG"
    e = next(e for e in code(nlp, "Argentina was criticised by Brazil.") if e.type == "ACCUSE")
    assert e.source.code[:3] == "BRA" and e.target.code[:3] == "ARG"


def test_talks_between(nlp) -> None:  # type: ignore[no-untyped-def]
    e = next(e for e in code(nlp, "The talks between Japan and India ended in Tokyo.") if e.type == "CONSULT")
    assert {e.source.code[:3], e.target.code[:3]} == {"JPN", "IND"}


@pytest.mark.parametrize("text", [
    "If Chile attacks Peru, the region will suffer.",
    "Could Chile attack Peru?",
    "Chile plans to attack Peru.",
    "Chile will attack Peru.",
])
def test_hypothetical(nlp, text: str) -> None:
    events = [e for e in code(nlp, text) if e.type == "ASSAULT"]
    assert events and all(e.hypothetical for e in events)


def test_negated(nlp) -> None:  # type: ignore[no-untyped-def]
    attacks = [e for e in code(nlp, "Chile did not attack Peru.") if e.type == "ASSAULT"]
    assert attacks and all(e.negated or e.hypothetical for e in attacks)


def test_threat_factual_invasion_hypothetical(nlp) -> None:  # type: ignore[no-untyped-def]
    events = code(nlp, "France repeated its threat of severe sanctions should Chile invade Peru.")
    assert any(e.type == "THREATEN" and not e.hypothetical for e in events)
    attacks = [e for e in events if e.type == "ASSAULT"]
    assert attacks and all(e.hypothetical for e in attacks)


def test_date_and_place(nlp) -> None:  # type: ignore[no-untyped-def]
    e = next(e for e in code(nlp, "Japan and India held talks in Geneva on Monday.") if e.type == "CONSULT")
    assert e.date == "2022-01-10"
    assert e.location is not None and e.location.name == "Geneva" and e.location.country == "CHE"


def test_no_date_without_a_day(nlp) -> None:  # type: ignore[no-untyped-def]
    e = next(e for e in code(nlp, "Japan and India held talks last week.") if e.type == "CONSULT")
    assert e.date is None


def test_counts(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("About 20,000 Chilean troops and 12 warships gathered for three days.")
    _, counts = find_events(doc, find_actors(doc), [], published=None, use_classifier=False)
    got = {(c.number, c.unit) for c in counts}
    assert (20000, "troops") in got and (12, "warships") in got
    assert not any(c.unit == "days" for c in counts)


@pytest.mark.parametrize("words, value", [
    (["100,000"], 100000), (["1.5", "million"], 1500000), (["two"], 2), (["many"], None),
])
def test_parse_number(words: list[str], value: float | None) -> None:
    assert parse_number(words) == value


def test_spans_and_ids(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Japan and India held talks in Geneva on Monday. Brazil criticised Argentina."
    events = code(nlp, text)
    assert len(events) >= 2  # the talks and the criticism
    assert [e.id for e in events] == [f"E{i + 1}" for i in range(len(events))]
    for e in events:
        assert text[e.trigger.start:e.trigger.end] == e.trigger.text
        assert e.sentence[0] <= e.trigger.start < e.sentence[1]
        for p in (e.source, e.target):
            if p is not None and p.mention is not None:
                assert text[p.mention.start:p.mention.end] == p.mention.text


def test_nothing_in_plain_statements(nlp) -> None:  # type: ignore[no-untyped-def]
    assert factual(code(nlp, "The weather in Lisbon was mild and sunny.")) == []


def test_classifier_settles_a_standalone_sentence(nlp) -> None:  # type: ignore[no-untyped-def]
    events = code(nlp, "Rebels shelled the northern town for hours, residents said.", classifier=True)
    assert any(e.quad_class == 4 for e in factual(events))


def test_stated_intention_is_an_event(nlp) -> None:  # type: ignore[no-untyped-def]
    events = code(nlp, "The Chilean president said on Friday that Chile would start talks with Peru.")
    assert any(e.type == "AGREE" and not e.hypothetical and e.source.code[:3] == "CHL" for e in events)
    talks = [e for e in events if e.type == "CONSULT"]
    assert talks and all(e.hypothetical for e in talks)


def test_conditional_warning_is_a_threat(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "If Peru moves its troops, the Chilean minister warned, there will be a response."
    events = code(nlp, text)
    e = next(e for e in events if e.type == "THREATEN")
    assert not e.hypothetical and e.target is not None and e.target.code[:3] == "PER"


def test_report_denied_by_the_other_side(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("The Chilean army said that Peruvian troops attacked a border post on Monday. "
            "Peru rejected the accusation.")
    events = code(nlp, text)
    assert any(e.type == "ACCUSE" and e.source.code[:3] == "CHL" for e in factual(events))
    attacks = [e for e in events if e.type == "ASSAULT"]
    assert attacks and all(e.hypothetical for e in attacks)


def test_event_mentioned_again_is_one_event(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Japan and India held talks in Geneva on Monday. The talks lasted six hours."
    assert len([e for e in factual(code(nlp, text)) if e.type == "CONSULT"]) == 1


def test_named_with_a_word_of_blame(nlp) -> None:  # type: ignore[no-untyped-def]
    events = code(nlp, "Brazil called the Argentine decision illegal.")
    assert any(e.type == "ACCUSE" and e.source.code[:3] == "BRA" for e in factual(events))
