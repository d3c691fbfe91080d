"""A trained event-sense filter: does this trigger, in this context, report an event
of the class the rules gave it?

The rules find triggers by lemma; many lemmas have senses that are no event ("a
state of calm", "the price of oil fell"). This model scores a factual event the
rules coded from parse features: the trigger's lemma, part of speech, dependency and
head, the words around it in the parse, its type and CAMEO code, whether its sides
name known actors, and modality cues. It is a logistic regression trained by
``scripts/train_sense.py`` on ConfliBERT ``cameo_class`` sentences and PLOVER gold
records (minus the held-out folds): an event is right when its quad class is the
sentence's. Weights are plain arrays in ``data/events/sense.npz``; numpy only.

``filter_events`` drops a factual event the model finds wrong with confidence; it
never touches negated or hypothetical events, events with both sides coded, nor a
verb that states a clause ("denied that ...": the construction makes it an event).
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources

import numpy as np
from spacy.tokens import Doc, Token

from .._model import Event

#: probability of "right" under which a factual event is dropped (chosen on a check
#: fold inside train; the default: ``dragoman.Settings`` passes another)
KEEP = 0.6


def features(trig: Token, e: Event) -> list[str]:
    """The features of the event ``e`` whose trigger token is ``trig``."""
    lemma = trig.lemma_.lower()
    out = [f"lemma={lemma}", f"type={e.type}", f"cameo={e.cameo}", f"lemma_type={lemma}_{e.type}",
           f"pos={trig.pos_}", f"dep={trig.dep_}", f"lemma_dep={lemma}_{trig.dep_}",
           f"head={trig.head.lemma_.lower()}", f"quad={e.quad_class}",
           f"src={'coded' if e.source and e.source.code else 'named' if e.source else 'none'}",
           f"tgt={'coded' if e.target and e.target.code else 'named' if e.target else 'none'}",
           f"quoted={e.quote is not None}"]
    for c in trig.children:
        if c.dep_ in ("punct", "det", "cc"):
            continue
        out.append(f"child={c.dep_}_{c.lemma_.lower()}")
        out.append(f"lemma_child={lemma}_{c.lemma_.lower()}")
    if trig.dep_ == "compound" or any(c.dep_ == "compound" for c in trig.children):
        out.append("compound")
    return out


@dataclass
class _Model:
    terms: dict[str, int]
    coef: np.ndarray
    intercept: float

    def right(self, feats: list[str]) -> float:
        idx = [self.terms[f] for f in feats if f in self.terms]
        z = self.intercept + (float(self.coef[idx].sum()) if idx else 0.0)
        return 1.0 / (1.0 + np.exp(-z))


@functools.lru_cache(maxsize=2)
def model(trial: str | None = None) -> _Model | None:
    """The trained sense model, or None when no weights ship; ``trial``: the weights
    of a model under trial (``scripts/train_sense.py --check``) instead."""
    path = resources.files("dragoman") / "data" / "events" / "sense.npz"
    if not trial and not path.is_file():
        return None
    with resources.as_file(path) as p, np.load(trial or p) as z:
        return _Model({str(t): i for i, t in enumerate(z["terms"].tolist())},
                      z["coef"].astype(np.float32), float(z["intercept"]))


def right(doc: Doc, e: Event, weights: str | None = None) -> float | None:
    """The model's probability that ``e`` is a right reading, None without a model."""
    m = model(weights)
    span = doc.char_span(e.trigger.start, e.trigger.end, alignment_mode="expand")
    if m is None or span is None:
        return None
    return m.right(features(span.root, e))


def filter_events(doc: Doc, events: list[Event], *, standalone: bool = False,
                  keep: float = KEEP, weights: str | None = None) -> list[Event]:
    """The events without the factual ones the model reads as another sense.

    ``standalone``: the text is one sentence (a headline, a record), which is about
    an event: its last factual event stays. ``keep``: the probability of a right
    reading under which an event is dropped; ``weights``: a model under trial.
    """
    out = []
    facts = [e for e in events if not (e.negated or e.hypothetical)]
    for e in events:
        if e.negated or e.hypothetical or (e.source is not None and e.source.code
                                          and e.target is not None and e.target.code):
            out.append(e)
            continue
        span = doc.char_span(e.trigger.start, e.trigger.end, alignment_mode="expand")
        if span is not None and any(c.dep_ == "ccomp" for c in span.root.children):
            out.append(e)  # "denied that it had ...": a statement with its content, no lemma sense
            continue
        p = right(doc, e, weights)
        if p is None or p >= keep:
            out.append(e)
    if standalone and facts and not any(not (e.negated or e.hypothetical) for e in out):
        best = max(facts, key=lambda e: right(doc, e, weights) or 0.0)
        out = sorted([*out, best], key=lambda e: e.trigger.start)
    return out
