"""The speaker and pronoun resolver: resolve_mention on texts written for the project."""
from __future__ import annotations

import pytest

from dragoman._actors import find_actors
from dragoman._coref import Resolver, resolve_mention
from dragoman._nlp import load


@pytest.fixture(scope="module")
def nlp():
    return load()


def _token(doc, word, nth=0):
    hits = [t for t in doc if t.text == word]
    return hits[nth]


@pytest.mark.parametrize("text,word,nth,expected", [
    # "he" to the nearest man who is a subject
    ("Foreign Minister Sergei Orlov arrived in Geneva on Monday. He warned that talks "
     "could fail.", "He", 0, "Sergei Orlov"),
    # "she" skips the nearer man
    ("Ms Ana Ruiz met President Victor Hale in Madrid. She said the meeting was useful.",
     "She", 0, "Ana Ruiz"),
    ("President Victor Hale met Ms Ana Ruiz in Madrid. He said the meeting was useful.",
     "He", 0, "Victor Hale"),
    # a pronoun inside a quote sequence keeps the speaker of the sequence
    ("Envoy Karl Weiss spoke first. Then Paul Mertens arrived. Weiss said the talks were "
     "over. He added that nobody had expected it.", "He", 0, "Karl Weiss"),
    # gender learnt from the pronouns a name takes in its own sentence
    ("Nebiyu Tedla said he would travel to Nairobi. Later Amara Osei arrived and said her "
     "team was ready. He said the talks were over.", "He", 0, "Nebiyu Tedla"),
    # surnames and titled surnames resolve to the fullest name
    ("Deputy Minister Sergei Ryabkov led the delegation. Mr Ryabkov left early.",
     "Ryabkov", 1, "Sergei Ryabkov"),
])
def test_resolve_mention(nlp, text, word, nth, expected):
    doc = nlp(text)
    actors = find_actors(doc)
    actor = resolve_mention(doc, _token(doc, word, nth), actors)
    assert actor is not None and actor.name == expected


@pytest.mark.parametrize("text,word", [
    # nobody to refer to
    ("He said the talks had failed.", "He"),
    # "she" with only men before it, none of them known to be women: the fallback
    # never invents a woman
    ("Mr Karl Weiss spoke. She left.", "She"),
])
def test_unresolvable(nlp, text, word):
    doc = nlp(text)
    actor = resolve_mention(doc, _token(doc, word), find_actors(doc))
    assert actor is None


def test_resolve_span_and_nominal(nlp):
    text = ("UN special envoy Hanna Lind arrived in Tripoli on Friday. The envoy met both "
            "delegations.")
    doc = nlp(text)
    actors = find_actors(doc)
    envoy = [t for t in doc if t.text == "envoy"][1]
    span = doc[envoy.i - 1:envoy.i + 1]  # "The envoy"
    actor = resolve_mention(doc, span, actors)
    assert actor is not None and actor.name == "Hanna Lind"


def test_gender_from_titles_and_names(nlp):
    doc = nlp("Ms Kowalski and Mr Brandt met Wendy Archer and John Pike.")
    res = Resolver(doc, find_actors(doc))
    by_name = {a.name: res.gender_of(a) for a in res.actors.actors if a.kind == "person"}
    found = {surname: gender for name, gender in by_name.items()
             for surname in ("Kowalski", "Archer", "Brandt", "Pike") if surname in name}
    assert found == {"Kowalski": "f", "Archer": "f", "Brandt": "m", "Pike": "m"}


def test_resolver_is_passed_not_stored_on_the_doc(nlp):
    doc = nlp("Sergei Orlov arrived. He spoke.")
    actors = find_actors(doc)
    res = Resolver(doc, actors)
    assert resolve_mention(doc, _token(doc, "He"), actors, res).name == "Sergei Orlov"
    assert resolve_mention(doc, _token(doc, "He"), actors).name == "Sergei Orlov"
    assert "dragoman_resolver" not in doc.user_data


@pytest.mark.parametrize("text,first,last,expected", [
    # a nominal narrowed by its owner goes to the person named with that owner
    ("French President Marc Durand hosted Kenyan President Daniel Otieno in Paris. "
     "Otieno spoke first. The French leader spoke next.", "The", "leader", "Marc Durand"),
    # the one person named in the sentences before a bare title
    ("Army chief Omar Tahir rejected the proposal on Sunday. The general left early.",
     "The", "general", "Omar Tahir"),
])
def test_nominal_narrowed_or_alone(nlp, text, first, last, expected):
    doc = nlp(text)
    res = Resolver(doc, find_actors(doc))
    head = [t for t in doc if t.text == last][-1]
    m = res.resolve_nominal(head, [t for t in doc if t.text == first][-1].idx)
    assert m is not None and m.actor is not None
    assert res.fullest(m.actor)[1] == expected


def test_owner_mismatch_is_not_resolved(nlp):
    # "Latvia's foreign minister" is not the EU's foreign policy chief named before
    text = ("The EU's foreign policy chief, Petra Linde, said the measures were overdue. "
            "Latvia's foreign minister spoke next.")
    doc = nlp(text)
    res = Resolver(doc, find_actors(doc))
    minister = [t for t in doc if t.text == "minister"][-1]
    m = res.resolve_nominal(minister, minister.idx)
    assert m is None or "Linde" not in m.name
