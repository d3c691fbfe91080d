"""A trained scorer of who did what to whom: the role of a noun phrase in an event.

The rules propose an event (trigger, type, sides); this model scores each noun phrase
of the trigger's sentence as the event's source (S), target (T), a party of a mutual
event (R) or none (O), from parse features: the dependency path from the trigger to
the phrase, voice, side of the trigger, the preposition that introduces it, the
phrase's actor kind and code, the trigger's lemma and type, and the event's modality.
It is a multinomial logistic regression trained by ``scripts/train_roles.py`` on the
ConfliBERT ``cameo_ner`` sentences (a fold held out for measurement); its weights are
plain arrays in ``data/events/roles.npz`` and running it needs numpy only.

It decides three things the rules leave open (``settle``): a side the rules left
empty is filled with the phrase the model is confident about; a side that names no
known actor and that the model reads as no party is dropped; and sides read the
other way round with confidence are swapped. A side the parse resolved to a coded
actor is never dropped.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass, replace
from importlib import resources
from typing import Any

import numpy as np
from spacy.tokens import Doc, Token

from .._model import Event, Party
from .roles import in_place_name, received_by_subject

#: the phrase heads that can be sides
ARG_DEPS = frozenset(("nsubj", "nsubjpass", "dobj", "pobj", "agent", "dative", "attr", "conj",
                      "appos", "npadvmod", "oprd", "ROOT"))
ARG_POS = frozenset(("NOUN", "PROPN", "PRON"))
# probability of the role above which an empty side is filled, and of "no party"
# above which an uncoded side is dropped (chosen on a check fold inside train; the
# defaults: ``dragoman.Settings`` passes others)
FILL = 0.55
DROP = 0.75
MAX_PATH = 4


def _path(trig: Token, arg: Token) -> str:
    """Dependency labels from the trigger up to the common head and down to the phrase."""
    up_t = [trig, *trig.ancestors]
    idx = {t.i: k for k, t in enumerate(up_t)}
    down = []
    t = arg
    while t.i not in idx:
        down.append(t.dep_)
        if t.head.i == t.i or len(down) > MAX_PATH:
            return "far"
        t = t.head
    ups = [u.dep_ for u in up_t[:idx[t.i]]]
    if len(ups) + len(down) > MAX_PATH:
        return "far"
    return "^".join(ups) + "|" + ">".join(reversed(down))


def _passive(trig: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in trig.children) or (
        trig.tag_ == "VBN" and trig.dep_ in ("acl", "amod"))


def features(trig: Token, arg: Token, etype: str, side: Party | None, kind: str | None,
             negated: bool = False, hypothetical: bool = False) -> list[str]:
    """The features of ``arg`` as a side of the event whose trigger is ``trig``."""
    path = _path(trig, arg)
    code = (side.code or "") if side is not None else ""
    prep = arg.head.lower_ if arg.dep_ == "pobj" else "-"
    pos = "before" if arg.i < trig.i else "after"
    passive = _passive(trig)
    dist = abs(arg.i - trig.i)
    lemma = trig.lemma_.lower()
    out = [
        f"path={path}", f"path_type={path}_{etype}", f"dep={arg.dep_}", f"prep={prep}",
        f"prep_type={prep}_{etype}", f"pos={pos}", f"voice={'pass' if passive else 'act'}",
        f"voice_pos={passive}_{pos}", f"voice_dep={passive}_{arg.dep_}", f"type={etype}",
        f"lemma={lemma}", f"lemma_pos={lemma}_{pos}", f"lemma_dep={lemma}_{arg.dep_}",
        f"tpos={trig.pos_}", f"apos={arg.pos_}", f"ent={arg.ent_type_ or '-'}",
        f"coded={bool(code)}", f"agent={code[3:6] or code[:3] if code else '-'}",
        f"kind={kind or '-'}", f"dist={min(dist, 8) if dist < 8 else 'far'}",
        f"mod={'neg' if negated else 'hyp' if hypothetical else 'fact'}",
        f"head_dep={arg.head.dep_}", f"subject_of_trigger={arg.head.i == trig.i and arg.dep_.startswith('nsubj')}",
    ]
    out.append(f"word={arg.lemma_.lower()}")
    out.append(f"word_pos={arg.lemma_.lower()}_{pos}")
    if arg.lower_ in ("it", "they", "he", "she", "we"):
        out.append("pronoun")
    if any(c.dep_ == "poss" for c in arg.children):
        out.append("has_owner")
    return out


def candidates(trig: Token) -> list[Token]:
    """Heads of noun phrases in the trigger's sentence within a short parse path."""
    out = []
    for t in trig.sent:
        if t.i == trig.i or t.pos_ not in ARG_POS or t.dep_ not in ARG_DEPS:
            continue
        if t.ent_type_ in ("DATE", "TIME", "CARDINAL", "PERCENT", "MONEY", "ORDINAL", "QUANTITY"):
            continue
        if _path(trig, t) != "far":
            out.append(t)
    return out


@dataclass
class _Model:
    terms: dict[str, int]
    coef: np.ndarray  # classes x features
    intercept: np.ndarray
    classes: list[str]

    def proba(self, feats: list[str]) -> dict[str, float]:
        idx = [self.terms[f] for f in feats if f in self.terms]
        z = self.intercept + (self.coef[:, idx].sum(axis=1) if idx else 0.0)
        z = z - z.max()
        p = np.exp(z)
        p /= p.sum()
        return {c: float(v) for c, v in zip(self.classes, p)}


@functools.lru_cache(maxsize=2)
def model(trial: str | None = None) -> _Model | None:
    """The trained role model, or None when no weights ship.

    ``trial``: the weights of a model under trial (``scripts/train_roles.py --check``)
    to use instead of the shipped ones.
    """
    path = resources.files("dragoman") / "data" / "events" / "roles.npz"
    if not trial and not path.is_file():
        return None
    with resources.as_file(path) as p, np.load(trial or p) as z:
        return _Model({str(t): i for i, t in enumerate(z["terms"].tolist())},
                      z["coef"].astype(np.float32), z["intercept"].astype(np.float32),
                      [str(c) for c in z["classes"].tolist()])


def _role_p(p: dict[str, float], role: str) -> float:
    return p.get(role, 0.0) + p.get("R", 0.0)


def settle(doc: Doc, events: list[Event], side_of: Any, kind_of: Any, *,
           fill: float = FILL, drop: float = DROP, weights: str | None = None) -> list[Event]:
    """The events with their sides settled by the role model (see the module's notes).

    Args:
        doc: the parsed article.
        events: the events the rules coded.
        side_of: ``Token -> Party | None``, the party a phrase names.
        kind_of: ``Party -> str | None``, the actor kind of a party.
        fill: probability of a role above which an empty side is filled.
        drop: probability of "no party" above which an uncoded side is dropped.
        weights: the weights of a model under trial; None: the shipped model.
    """
    m = model(weights)
    if m is None:
        return events
    out = []
    for e in events:
        span = doc.char_span(e.trigger.start, e.trigger.end, alignment_mode="expand")
        if span is None or e.negated or e.hypothetical:
            out.append(e)
            continue
        trig = span.root
        scored: dict[int, tuple[Token, Party | None, dict[str, float]]] = {}
        for t in candidates(trig):
            side = side_of(t)
            named = _token_of(doc, side)
            if named is not None and in_place_name(named):
                side = None  # "drills in the Gulf of Honduras": where, not with whom
            scored[t.i] = (t, side, m.proba(features(trig, t, e.type, side, kind_of(side))))
        e = _settle_event(doc, e, scored, trig, fill, drop)
        out.append(e)
    return out


def _token_of(doc: Doc, p: Party | None) -> Token | None:
    if p is None or p.mention is None:
        return None
    span = doc.char_span(p.mention.start, p.mention.end, alignment_mode="expand")
    return span.root if span is not None else None


def _settle_event(doc: Doc, e: Event, scored: dict[int, tuple[Token, Party | None, dict[str, float]]],
                  trig: Token | None = None, fill: float = FILL, drop: float = DROP) -> Event:
    src_t, tgt_t = _token_of(doc, e.source), _token_of(doc, e.target)
    src = scored.get(src_t.i) if src_t is not None else None
    tgt = scored.get(tgt_t.i) if tgt_t is not None else None
    source, target = e.source, e.target
    # swapped: each side reads as the other with confidence
    # ... unless the parse read a construction the model has no feature for: the subject
    # of "faced sanctions from X" undergoes them
    received = trig is not None and received_by_subject(trig)
    if src is not None and tgt is not None and src[2].get("T", 0) > fill and tgt[2].get("S", 0) > fill \
            and src[2].get("S", 0) < 0.2 and tgt[2].get("T", 0) < 0.2 and not received:
        source, target = target, source
        src, tgt = tgt, src
    # an uncoded side the model reads as no party
    if source is not None and not source.code and src is not None and src[2].get("O", 0) > drop:
        source, src = None, None
    if target is not None and not target.code and tgt is not None and tgt[2].get("O", 0) > drop:
        target, tgt = None, None
    taken = {x[0].i for x in (src, tgt) if x is not None}
    # a trigger whose clause has a subject of its own ("the attack, which killed ...")
    # takes no source from outside that clause: the subject names no actor, so the
    # source is unknown, not the subject of the clause above
    own = {t.i for t in trig.subtree} if trig is not None and any(
        c.dep_ == "nsubj" for c in trig.children) else None
    for role in ("S", "T"):
        if (source if role == "S" else target) is not None:
            continue
        best = max((x for i, x in scored.items() if i not in taken and x[1] is not None
                    and (role != "S" or own is None or i in own)),
                   key=lambda x: _role_p(x[2], role), default=None)
        if best is None or _role_p(best[2], role) < fill or best[2].get(role, 0) < best[2].get(
                "T" if role == "S" else "S", 0):
            continue
        other = target if role == "S" else source
        found = best[1]
        if found is None or (other is not None and other.code and found.code
                             and other.code[:3] == found.code[:3]):
            continue
        taken.add(best[0].i)
        if role == "S":
            source = best[1]
        else:
            target = best[1]
    if source is e.source and target is e.target:
        return e
    return replace(e, source=source, target=target)

