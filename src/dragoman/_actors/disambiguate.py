"""Dropping dictionary matches that the context shows are not actors.

- A capital used as a place ("talks in Vienna") is not the state.
- A state name inside a person's name ("Michael Jordan", "Mr Jordan") is the person.
- "Georgia" with US cues around it (Atlanta, a governor, a US senator) is the US state.
"""
from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc, Span

from .dictionary import HONORIFICS
from .match import Match
from .._lexicon import words

#: Prepositions before a place: a capital after them is where, not who.
LOCATIVE = words("locative_words")

#: Words near "Georgia" that point to the US state.
US_STATE_CUES = words("georgia_us_state_cues")
#: Words near "Georgia" that point to the country.
COUNTRY_CUES = words("georgia_country_cues")


def _entity_at(doc: Doc, i: int) -> Span | None:
    """The entity holding token ``i``, found from the token's IOB tags (a scan of
    ``doc.ents`` per match would make long articles quadratic)."""
    if doc[i].ent_iob_ not in ("B", "I"):
        return None
    lo = i
    while lo > 0 and doc[lo].ent_iob_ == "I":
        lo -= 1
    hi = i + 1
    while hi < len(doc) and doc[hi].ent_iob_ == "I":
        hi += 1
    return Span(doc, lo, hi, label=doc[i].ent_type_)


def _person_inside(doc: Doc, m: Match, lower: list[str]) -> bool:
    """Whether a state name is part of a person's name here."""
    if m.start > 0 and lower[m.start - 1] in HONORIFICS:
        return True
    for i in range(m.start, m.end):  # the first PERSON entity over the match
        ent = _entity_at(doc, i)
        if ent is None or ent.label_ != "PERSON":
            continue
        if ent.end - ent.start <= m.end - m.start:
            return False
        # a capitalised name word right beside the state name, inside the entity
        for k in (m.start - 1, m.end):
            if ent.start <= k < ent.end:
                w = doc[k].text
                if w[:1].isupper() and doc[k].is_alpha and lower[k] not in ("'s", "’s"):
                    return True
        return False
    return False


def _georgia_is_us(doc: Doc, m: Match, lower: list[str]) -> bool:
    """Whether "Georgia" here is the US state (more US cues than country cues)."""
    sent = doc[m.start].sent
    words = {t.lower_ for t in sent}
    lo, hi = max(0, m.start - 40), min(len(doc), m.end + 40)
    near = set(lower[lo:hi]) | words
    us = len(near & US_STATE_CUES)
    country = len(near & COUNTRY_CUES)
    if "state of georgia" in sent.text.lower() or "georgia state" in sent.text.lower():
        return True
    return us > country


def filter_names(doc: Doc, matches: list[Match], lower: list[str]) -> list[Match]:
    """The matches that name actors in this context."""
    out = []
    for m in matches:
        e = m.entry
        if e.category == "capital" and m.start > 0 and lower[m.start - 1] in LOCATIVE:
            continue
        if e.category == "capital" and m.start > 0 and doc[m.start - 1].ent_type_ == "GPE" \
                and doc[m.start - 1].ent_iob_ != "B":
            continue  # part of a longer place name
        if e.category == "capital" and m.end < len(doc) and doc[m.end].pos_ == "PROPN" \
                and doc[m.end].text[:1].isupper():
            continue  # part of a longer name ("the Vienna Convention")
        if e.category == "nat" and doc[m.start].pos_ == "VERB":
            continue  # "Polish the silver"
        if e.kind == "state" and _person_inside(doc, m, lower):
            continue
        if e.kind == "state" and e.code == "GEO" and e.category == "name" and \
                _georgia_is_us(doc, m, lower):
            continue
        out.append(m)
    return out


def focal_state(matches: list[Match]) -> str | None:
    """The state an article is mostly about: named most often (the first named counts
    three times), and at least twice."""
    states = [m.entry.code for m in matches if m.entry.kind == "state" and m.entry.code]
    counts = Counter(states)
    if states:
        counts[states[0]] += 2  # the dateline or the lead names the article's state
    top = counts.most_common(2)
    if not top or top[0][1] < 4 or (len(top) > 1 and top[1][1] == top[0][1]):
        return None
    return top[0][0]
