"""The trained event-sense filter: its weights, its features, and what it may drop.

The sentences are invented for these tests.
"""
from __future__ import annotations

import pytest

from dragoman import _nlp as nlp_mod
from dragoman._actors import find_actors
from dragoman._events import find_events, sense


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    return nlp_mod.load()


def run(nlp, text: str, on: bool):  # type: ignore[no-untyped-def]
    doc = nlp(text)
    return doc, find_events(doc, find_actors(doc), [], published="2021-06-02", use_sense=on,
                            use_classifier=False)[0]


def test_weights_ship() -> None:
    m = sense.model()
    assert m is not None and len(m.terms) == len(m.coef) > 100


def test_features_name_the_trigger_and_its_context(nlp) -> None:  # type: ignore[no-untyped-def]
    doc, evs = run(nlp, "Kenya imposed sanctions on Uganda.", False)
    e = next(e for e in evs if e.type == "SANCTION")
    span = doc.char_span(e.trigger.start, e.trigger.end, alignment_mode="expand")
    feats = sense.features(span.root, e)
    assert "type=SANCTION" in feats and any(f.startswith("lemma=") for f in feats)
    assert "tgt=coded" in feats and 0.0 <= sense.right(doc, e) <= 1.0


@pytest.mark.parametrize("text, etype", [
    ("Kenya imposed sanctions on Uganda.", "SANCTION"),
    ("Chile and Peru signed a trade agreement in Lima.", "AGREE"),
    ("Russian forces attacked Ukraine on Monday.", "ASSAULT"),
])
def test_events_with_both_sides_coded_are_kept(nlp, text: str, etype: str) -> None:
    _, evs = run(nlp, text, True)
    assert etype in {e.type for e in evs if not (e.negated or e.hypothetical)}


def test_the_filter_only_removes(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Police said the price of fuel rose sharply. Kenya's talks with Uganda stalled, "
            "and protesters attacked a bus in the capital.")
    _, off = run(nlp, text, False)
    _, on = run(nlp, text, True)
    assert off and {(e.type, e.trigger.start) for e in on} <= {(e.type, e.trigger.start) for e in off}
