"""Sentence classifiers trained by ``scripts/train_events.py`` (linear, TF-IDF features).

``quad`` gives a sentence's pentacode (0 statement, 1..4 quad class); ``type`` a PLOVER
type. The weights are plain arrays in ``data/events/classifier.npz``; features are
computed here exactly as scikit-learn's ``TfidfVectorizer`` computes them (word 1-2
grams, character 3-5 grams within words, sublinear tf, idf, l2 norm), so that running
the models needs numpy only.

The rules decide events; the quad model settles a sentence that the rules leave
without a factual event: when it is confident the sentence reports cooperation or
conflict, the sentence's main verb becomes an event of the type model's best type
within that quad class.
"""
from __future__ import annotations

import functools
import math
import re
from collections import Counter
from dataclasses import dataclass, replace
from importlib import resources
from typing import Any

import numpy as np
from spacy.tokens import Doc, Span as SpacySpan, Token

from .._lexicon import words
from .._model import Event
from .coder import code_sentence_event
from .modality import reading
from .ontology import quad_class
from .sentences import sentences

_TOKEN = re.compile(r"(?u)\b\w\w+\b")
_SPACES = re.compile(r"\s\s+")
#: decision margins over the runner-up above which the quad model fills a sentence
#: the rules left empty, chooses among the rules' events of a sentence, or replaces
#: them all (the defaults, chosen on the held-out folds of ``train_events.py``;
#: ``dragoman.Settings`` passes others)
FILL_MARGIN = 0.0
ARBITRATE_MARGIN = 0.5
REPLACE_MARGIN = 1.5
STATEMENT_MARGIN = 0.6


@dataclass
class _Model:
    word_terms: dict[str, int]
    word_idf: np.ndarray
    char_terms: dict[str, int]
    char_idf: np.ndarray
    coef: np.ndarray
    intercept: np.ndarray
    classes: list[str]

    def _vector(self, grams: list[str], terms: dict[str, int], idf: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        counts = Counter(terms[g] for g in grams if g in terms)
        if not counts:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
        idx = np.fromiter(counts.keys(), dtype=np.int64)
        tf = np.fromiter(counts.values(), dtype=np.float32)
        val = (1.0 + np.log(tf)) * idf[idx]
        norm = math.sqrt(float(val @ val)) or 1.0
        return idx, val / norm

    def scores(self, text: str) -> np.ndarray:
        """Decision values, one per class."""
        low = text.lower()
        toks = _TOKEN.findall(low)
        words = toks + [f"{a} {b}" for a, b in zip(toks, toks[1:])]
        chars: list[str] = []
        for w in _SPACES.sub(" ", low).split():
            w = f" {w} "
            for n in (3, 4, 5):
                if len(w) < n:
                    continue
                chars.extend(w[i:i + n] for i in range(len(w) - n + 1))
        wi, wv = self._vector(words, self.word_terms, self.word_idf)
        ci, cv = self._vector(chars, self.char_terms, self.char_idf)
        nw = len(self.word_terms)
        coef = self.coef
        out = self.intercept.copy()
        if len(wi):
            out += coef[:, wi].astype(np.float32) @ wv
        if len(ci):
            out += coef[:, nw + ci].astype(np.float32) @ cv
        return out

    def predict(self, text: str) -> tuple[str, float]:
        """(best class, margin over the runner-up)."""
        s = self.scores(text)
        order = np.argsort(s)[::-1]
        return self.classes[order[0]], float(s[order[0]] - s[order[1]])


@functools.lru_cache(maxsize=2)
def model(name: str) -> _Model:
    """The trained model ``quad`` or ``type``."""
    path = resources.files("dragoman") / "data" / "events" / "classifier.npz"
    with resources.as_file(path) as p, np.load(p) as z:
        def terms(key: str) -> dict[str, int]:
            return {str(t): i for i, t in enumerate(z[key].tolist())}
        return _Model(terms(f"{name}_tfidfvectorizer-1_terms"), z[f"{name}_tfidfvectorizer-1_idf"],
                      terms(f"{name}_tfidfvectorizer-2_terms"), z[f"{name}_tfidfvectorizer-2_idf"],
                      z[f"{name}_coef"].astype(np.float32), z[f"{name}_intercept"],
                      [str(c) for c in z[f"{name}_classes"].tolist()])


def sentence_quad(text: str) -> tuple[int, float]:
    """(pentacode 0..4, margin) of one sentence."""
    label, margin = model("quad").predict(text)
    return int(label), margin


def sentence_type(text: str, quad: int) -> str:
    """The PLOVER type the type model likes best among the types of ``quad``."""
    m = model("type")
    s = m.scores(text)
    best = max((i for i, c in enumerate(m.classes) if quad_class(c) == quad), key=lambda i: s[i])
    return m.classes[best]


_REPORT_VERBS = words("report_verbs")


def _attempted(doc: Doc, e: Event) -> bool:
    """Whether the rules read the event as unreal only because it was attempted or
    intended ("an attempt to kill X"), not denied, asked, conditional or to come."""
    if e.negated or not e.hypothetical:
        return False
    span = doc.char_span(e.trigger.start, e.trigger.end, alignment_mode="expand")
    return span is not None and reading(span.root) == (False, "intent")


def _main_verb(sent: SpacySpan) -> Token:
    """The sentence's root, or the clause it reports ("X was thwarted, police reported")."""
    root = sent.root
    if root.lemma_.lower() in _REPORT_VERBS:
        comp = next((c for c in root.children if c.dep_ in ("ccomp", "xcomp")), None)
        if comp is not None:
            return comp
    return root


def fill_sentences(doc: Doc, events: list[Event], ctx: Any, *, enabled: bool = True,
                   fill_margin: float | None = None,
                   arbitrate_margin: float | None = None, force: bool = False,
                   statement_margin: float | None = None,
                   replace_margin: float | None = None) -> list[Event]:
    """Let the quad model settle sentences: fill, and break ties.

    * A sentence the rules left without a factual event, which the model codes as
      cooperation or conflict with at least ``fill_margin``, gets an event on its main
      verb (of the type model's best type in that quad class).
    * Where the rules' factual events in a sentence disagree with a model verdict of
      at least ``arbitrate_margin``, the events of the model's quad class are kept
      and the others dropped as misreadings of ambiguous triggers ("aid" in
      "suspended aid"). When none agree, the verdict replaces them only at
      ``replace_margin`` or more: overruling every candidate the rules found takes
      more certainty than choosing among them (a statement verdict keeps them).
    * ``force`` (standalone sentences): a "statement" verdict of at least
      ``statement_margin`` drops the rules' factual events; where the rules found an
      event of the model's quad class but read it as only attempted or intended ("an
      attempt to kill X was foiled"), that event becomes factual (never a denied,
      conditional or future one); otherwise the filled event is factual even when its
      verb reads as modal.

    A margin left None is the module's default (``FILL_MARGIN`` ...).
    """
    if not enabled:
        return events

    fill_margin = FILL_MARGIN if fill_margin is None else fill_margin
    arbitrate_margin = ARBITRATE_MARGIN if arbitrate_margin is None else arbitrate_margin
    statement_margin = STATEMENT_MARGIN if statement_margin is None else statement_margin
    replace_margin = REPLACE_MARGIN if replace_margin is None else replace_margin
    by_sent: dict[tuple[int, int], list[Event]] = {}
    for e in events:
        by_sent.setdefault(e.sentence, []).append(e)
    out: list[Event] = []
    for sent in sentences(doc):
        key = (sent.start_char, sent.end_char)
        mine = by_sent.pop(key, [])
        fact = [e for e in mine if not (e.negated or e.hypothetical)]
        if len(sent) < 5:
            out.extend(mine)
            continue
        quad, margin = sentence_quad(sent.text)
        if fact and force and quad == 0 and margin >= statement_margin:
            # a confident "statement" verdict on a standalone sentence overrules the triggers
            mine = [e for e in mine if e.negated or e.hypothetical]
            fact = []
        if fact and quad != 0 and margin >= arbitrate_margin:
            agree = [e for e in fact if e.quad_class == quad]
            if (agree or margin >= replace_margin) and len(agree) != len(fact):
                drop = {id(e) for e in fact if e.quad_class != quad}
                mine = [e for e in mine if id(e) not in drop]
                fact = agree
        held = [e for e in mine if e.quad_class == quad and _attempted(doc, e)]
        if not fact and quad != 0 and margin >= fill_margin and force and held:
            # the rules found this event and read it as unreal; the model reads the
            # standalone sentence as reporting it ("an attempt to kill X was foiled")
            promoted = replace(held[0], negated=False, hypothetical=False)
            mine = [promoted if e is held[0] else e for e in mine]
        elif not fact and quad != 0 and margin >= fill_margin:
            filled = code_sentence_event(ctx, _main_verb(sent), sentence_type(sent.text, quad), 0)
            if filled is not None and (filled.negated or filled.hypothetical) and force:
                # the model read the sentence as reporting this event
                filled = replace(filled, negated=False, hypothetical=False)
            if filled is not None and not (filled.negated or filled.hypothetical):
                mine.append(filled)
        out.extend(mine)
    for rest in by_sent.values():
        out.extend(rest)
    out.sort(key=lambda e: e.trigger.start)
    return out
