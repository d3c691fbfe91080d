"""Event triggers: verbs, event nouns, light verbs and idioms from a lexicon.

The lexicon (``data/events/triggers.tsv``) maps a lemma and part of speech to a PLOVER
type and CAMEO code; a row may need one of some lemmas among the trigger's children or
grandchildren ("pour ... water", "break ... ties") and may be excluded by others.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources

from spacy.tokens import Doc, Token


@dataclass(frozen=True)
class Entry:
    """One lexicon row."""

    lemma: str
    pos: str  # V, N or *
    type: str
    cameo: str
    needs: frozenset[str]
    excludes: frozenset[str]


@dataclass(frozen=True)
class Trigger:
    """A trigger found in the parse."""

    token: Token
    start: int  # characters of the trigger phrase
    end: int
    type: str
    cameo: str


@functools.lru_cache(maxsize=1)
def lexicon() -> dict[str, list[Entry]]:
    """The trigger lexicon by lemma."""
    path = resources.files("dragoman") / "data" / "events" / "triggers.tsv"
    out: dict[str, list[Entry]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t") + ["", ""]
        needs = frozenset(w for w in cols[4].split(",") if w)
        excl = frozenset(w for w in cols[5].split(",") if w)
        e = Entry(cols[0], cols[1], cols[2], cols[3], needs, excl)
        out.setdefault(e.lemma, []).append(e)
    # rows that need a context word go first: they are the more specific reading
    for entries in out.values():
        entries.sort(key=lambda e: not e.needs)
    return out


_VERB = {"VERB", "AUX"}
_NOUN = {"NOUN", "PROPN"}


def _near(tok: Token) -> list[Token]:
    """Children, grandchildren and the head of a token (the context of a trigger); the
    object of a quantity ("dozens of drones") counts as a grandchild."""
    out = []
    for c in tok.children:
        out.append(c)
        out.extend(c.children)
        for g in c.children:
            if g.dep_ == "prep" and g.lower_ == "of" and c.dep_ in ("dobj", "nsubjpass", "pobj"):
                out.extend(g.children)  # "fired dozens of drones", "a wave of missiles"
    out.append(tok.head)
    out.append(tok.head.head)
    return out


def _no_object(prep: Token) -> bool:
    """"with no guarantee": a preposition whose object is denied is no participant."""
    return prep.pos_ == "ADP" and any(
        g.dep_ == "pobj" and any(d.dep_ == "det" and d.lower_ == "no" for d in g.children)
        for g in prep.children)


def _lemma(tok: Token) -> str:
    lem = tok.lemma_.lower()
    low = tok.lower_
    if tok.pos_ in _NOUN and low.endswith("s") and low[:-1] == lem:
        return lem
    return lem


def match(tok: Token) -> Trigger | None:
    """The trigger this token starts, if any."""
    lex = lexicon()
    pos = "V" if tok.pos_ in _VERB else "N" if tok.pos_ in _NOUN else None
    if pos is None:
        return None
    cands = lex.get(_lemma(tok))
    if not cands and tok.lower_ != _lemma(tok):
        cands = lex.get(tok.lower_)
    if not cands:
        return None
    context: list[Token] | None = None
    for e in cands:
        if e.pos != "*" and e.pos != pos:
            continue
        if e.needs or e.excludes:
            if context is None:
                context = _near(tok)
            lemmas = {t.lemma_.lower() for t in context} | {t.lower_ for t in context}
            if e.excludes and lemmas & e.excludes:
                continue
            if e.needs:
                # a needed preposition belongs to the trigger ("stood by its ally"), not
                # above it ("by standing with them")
                hit = next((t for t in context if (t.lemma_.lower() in e.needs or t.lower_ in e.needs)
                            and not (t.pos_ == "ADP" and t.i < tok.i and tok.head.i == t.i)
                            and not _no_object(t)), None)
                if hit is None:
                    continue
                lo, hi = min(tok.i, hit.i), max(tok.i, hit.i)
                if hi - lo <= 4 and (hit is tok.head or hit.dep_ in ("prt", "amod", "compound")):
                    doc = tok.doc
                    return Trigger(tok, doc[lo].idx, doc[hi].idx + len(doc[hi]), e.type, e.cameo)
                return Trigger(tok, tok.idx, tok.idx + len(tok), e.type, e.cameo)
        return Trigger(tok, tok.idx, tok.idx + len(tok), e.type, e.cameo)
    return None


def find_triggers(doc: Doc) -> list[Trigger]:
    """All triggers of a parsed document, in text order."""
    lex = lexicon()
    out = []
    for tok in doc:
        if tok.lemma_.lower() in lex or tok.lower_ in lex:
            trig = match(tok)
            if trig is not None:
                out.append(trig)
    return out
