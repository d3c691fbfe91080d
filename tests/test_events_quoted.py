"""Speech acts stated in quotes without an event word (``_events/quoted.py``).

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
    return find_events(doc, actors, find_quotes(doc, actors), published="2021-06-02",
                       use_classifier=False)[0]


def sides(e):  # type: ignore[no-untyped-def]
    return ((e.source.code or "")[:3] if e.source else None, (e.target.code or "")[:3] if e.target else None)


@pytest.mark.parametrize("text, etype, pair", [
    ('"They will pay a heavy price for this," Kenya\'s foreign minister said of Uganda.',
     "THREATEN", ("KEN", "UGA")),
    ('"Our answer will come, and it will be felt," the Iranian foreign ministry spokesman said '
     'after the Israeli strike.', "THREATEN", ("IRN", "ISR")),
    ('"Uganda must withdraw its troops from the border," Kenya\'s foreign minister said.',
     "REQUEST", ("KEN", "UGA")),
    ('"This is plain interference by Ethiopia in our internal affairs," the Somali president said.',
     "ACCUSE", ("SOM", "ETH")),
    ('"Any talks with Peru are out of the question," the Chilean president said.',
     "REJECT", ("CHL", "PER")),
])
def test_speech_act_in_a_quote(nlp, text: str, etype: str, pair: tuple) -> None:
    evs = [e for e in code(nlp, text) if e.type == etype and not (e.negated or e.hypothetical)]
    assert evs and sides(evs[0]) == pair and evs[0].quote is not None


@pytest.mark.parametrize("text", [
    '"The weather will be felt across the region," the Chilean minister said.',
    '"We will continue to work for peace," the Chilean president said.',
    '"Will they pay a price for this?" the Chilean president said of Peru.',
])
def test_no_speech_act_without_its_construction(nlp, text: str) -> None:
    evs = [e for e in code(nlp, text) if e.type in ("THREATEN", "REQUEST", "ACCUSE", "REJECT")
           and not (e.negated or e.hypothetical)]
    assert not evs


def test_talks_out_of_the_question_are_no_talks(nlp) -> None:  # type: ignore[no-untyped-def]
    evs = code(nlp, '"Any talks with Peru are out of the question," the Chilean president said.')
    talks = [e for e in evs if e.type == "CONSULT"]
    assert talks and all(e.negated for e in talks)


def test_a_belief_holder_does_not_do_what_the_belief_reports(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Chile's president believes the newly signed accord with Peru will hold."
    doc = nlp(text)
    actors = find_actors(doc)
    quotes = find_quotes(doc, actors)
    assert [q.kind for q in quotes] == ["belief"]
    signed = [e for e in find_events(doc, actors, quotes, published="2021-06-02", use_classifier=False)[0]
              if e.trigger.text == "signed"]
    assert signed and all(e.source is None or e.source.code != "CHLGOV" for e in signed)
