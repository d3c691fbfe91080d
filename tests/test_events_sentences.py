"""The sentence index of the events stage answers as a walk over every sentence would."""
from __future__ import annotations

import random

import spacy

import dragoman
from dragoman._events.sentences import sentences, sentences_in


def test_sentences_in_matches_a_full_walk() -> None:
    nlp = spacy.load(dragoman.default_model())
    doc = nlp("Talks ended. The two envoys met again on Monday. Nothing was agreed. "
              "Both sides said they would return. " * 8)
    assert len(sentences(doc)) >= 30
    rng = random.Random(7)
    spans = [doc[a:b] for a, b in ((rng.randrange(len(doc)), 0) for _ in range(300))
             for b in [rng.randrange(a, len(doc) + 1)]] + [doc[0:0], doc[:], doc[-1:]]
    for span in spans:
        want = [(s.start, s.end) for s in sentences(doc)
                if s.end > span.start and s.start < span.end]
        assert [(s.start, s.end) for s in sentences_in(span)] == want
