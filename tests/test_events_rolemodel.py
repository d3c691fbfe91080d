"""The trained role model: its weights, its features, and what it may change.

The sentences are invented for these tests.
"""
from __future__ import annotations

import pytest

from dragoman import _nlp as nlp_mod
from dragoman._actors import find_actors
from dragoman._events import find_events, rolemodel


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    return nlp_mod.load()


def run(nlp, text: str, roles: bool):  # type: ignore[no-untyped-def]
    doc = nlp(text)
    return find_events(doc, find_actors(doc), [], published="2021-06-02", use_roles=roles)[0]


def test_weights_ship_with_four_roles() -> None:
    m = rolemodel.model()
    assert m is not None and sorted(m.classes) == ["O", "R", "S", "T"]
    assert m.coef.shape == (4, len(m.terms))


def test_path_and_voice_features(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("The rebels were attacked by Kenyan troops.")
    trig = doc[3]
    assert trig.lemma_ == "attack"
    agent = next(t for t in doc if t.lower_ == "troops")
    feats = rolemodel.features(trig, agent, "ASSAULT", None, None)
    assert "voice=pass" in feats and "prep=by" in feats
    assert any(f.startswith("path=") and f != "path=far" for f in feats)
    assert agent in rolemodel.candidates(trig)


def test_passive_agent_scores_as_source(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("The rebels were attacked by Kenyan troops.")
    trig = doc[3]
    agent = next(t for t in doc if t.lower_ == "troops")
    victims = next(t for t in doc if t.lower_ == "rebels")
    m = rolemodel.model()
    p_agent = m.proba(rolemodel.features(trig, agent, "ASSAULT", None, None))
    p_victims = m.proba(rolemodel.features(trig, victims, "ASSAULT", None, None))
    assert p_agent["S"] > p_agent["T"] and p_victims["T"] + p_victims["R"] > p_victims["S"]


@pytest.mark.parametrize("text", [
    "Kenya accused Uganda of arming the rebels.",
    "Chile imposed sanctions on Peru.",
    "Troops from Sudan attacked Chad.",
])
def test_coded_sides_are_never_dropped(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    plain = [e for e in run(nlp, text, False) if not (e.negated or e.hypothetical)]
    settled = [e for e in run(nlp, text, True) if not (e.negated or e.hypothetical)]
    assert plain and len(plain) == len(settled)
    for a, b in zip(plain, settled):
        coded = {p.code[:3] for p in (a.source, a.target) if p is not None and p.code}
        assert coded <= {p.code[:3] for p in (b.source, b.target) if p is not None and p.code}
