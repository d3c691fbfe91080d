"""The state of actor recognition over one Doc, and the few operations on it.

Recognition is a pipeline of plain functions (``people.py``, ``groups.py``,
``recognize.py``) over one explicit :class:`FinderState`: no class hierarchy, no
attributes shared behind ``self``. The state holds what is fixed once the Doc is
read (tokens, dictionary matches by token, the focal state) and what recognition
builds up (the actor records and which record claims each token).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc

from .dictionary import Dictionary, Entry
from .disambiguate import filter_names, focal_state
from .match import Match, find_names, find_roles
from .._lexicon import words


DETERMINERS = words("actor_determiners")

@dataclass
class Rec:
    """An actor being assembled: its name, code and mention token ranges.

    ``key`` identifies the actor within the article; its first item says where it came
    from: ``"person"`` (a name), ``"state"`` and ``"entry"`` (the dictionary),
    ``"group"`` (a role word with its base) or ``"ent"`` (a spaCy entity).
    """

    key: tuple[object, ...]
    name: str
    kind: str
    code: str | None
    title: str | None = None
    country: str | None = None
    roles: list[str] = field(default_factory=list)
    spans: list[tuple[int, int]] = field(default_factory=list)
    name_tokens: tuple[str, ...] = ()
    head: str = ""


@dataclass
class FinderState:
    """Everything actor recognition knows about one Doc.

    Read-only once made (:func:`new_state`): ``doc``, ``d`` (the dictionary), the
    tokens (``lower``, ``words``; ``n`` of them), the dictionary names kept in context
    (``names``), the role words (``roles``), the name and role match covering each
    token (``name_at``, ``role_at``), capitals used as places (``place_at``,
    ``place_tokens``) and the article's ``focal`` state.

    Built up by recognition: ``recs`` (the actor records, in order of creation),
    ``by_key`` (the same, by key) and ``claimed`` (the record holding each token: a
    token belongs to at most one actor's mention, apart from nested bases).
    """

    doc: Doc
    d: Dictionary
    lower: list[str]
    words: list[str]
    names: list[Match]
    roles: list[Match]
    name_at: list[Match | None]
    role_at: list[Match | None]
    place_at: dict[int, Match]
    place_tokens: set[int]
    focal: str | None
    claimed: list[Rec | None]
    n: int = 0
    recs: list[Rec] = field(default_factory=list)
    by_key: dict[object, Rec] = field(default_factory=dict)


def new_state(doc: Doc, d: Dictionary) -> FinderState:
    """The recognition state of a parsed Doc: its dictionary matches, no actors yet."""
    n = len(doc)
    lower = [t.lower_ for t in doc]
    words = [t.text for t in doc]
    raw = find_names(lower, words, d)
    names = filter_names(doc, raw, lower)
    kept = {(m.start, m.end) for m in names}
    places = [m for m in raw if (m.start, m.end) not in kept and
              m.entry.kind == "state" and m.entry.category == "capital"]
    name_at: list[Match | None] = [None] * n
    for m in names:
        for i in range(m.start, m.end):
            name_at[i] = m
    roles = find_roles(lower, d)
    role_at: list[Match | None] = [None] * n
    for m in roles:
        for i in range(m.start, m.end):
            role_at[i] = m
    return FinderState(
        doc=doc, d=d, lower=lower, words=words, names=names, roles=roles, name_at=name_at,
        role_at=role_at,
        # capitals dropped as places ("in Nairobi"), by first token
        place_at={m.start: m for m in places},
        place_tokens={i for m in places for i in range(m.start, m.end)},
        focal=focal_state(names), claimed=[None] * n, n=n)


def record(st: FinderState, key: tuple[object, ...], name: str, kind: str,
           code: str | None) -> Rec:
    """The record under ``key``, made on first use."""
    r = st.by_key.get(key)
    if r is None:
        r = Rec(key, name, kind, code)
        st.by_key[key] = r
        st.recs.append(r)
    return r


def mention(st: FinderState, r: Rec, start: int, end: int) -> bool:
    """Give tokens ``[start, end)`` to ``r`` unless another actor holds one of them."""
    claimed = st.claimed
    if start >= end or any(c is not None and c is not r for c in claimed[start:end]):
        return False
    for i in range(start, end):
        claimed[i] = r
    r.spans.append((start, end))
    return True


def free(st: FinderState, start: int, end: int) -> bool:
    """Whether no actor holds any of tokens ``[start, end)``."""
    return all(c is None for c in st.claimed[start:end])


def name_rec(st: FinderState, e: Entry) -> Rec:
    """The actor record of a state or organisation entry."""
    if e.kind == "state":
        r = record(st, ("state", e.code), e.name, "state", e.code)
        r.country = e.code
    else:
        r = record(st, ("entry", e.name, e.code), e.name, e.kind, e.code)
        r.country = e.country
        r.title = r.title or e.title
    return r


def base_at(st: FinderState, i: int) -> Match | None:
    """The state or organisation name covering token ``i`` (a title's or group's
    base), or None."""
    m = st.name_at[i]
    return m if m is not None and m.entry.kind != "person" else None


def nest_bases(st: FinderState, start: int, end: int) -> None:
    """Nested mentions of the states and organisations named inside a title or group
    phrase ("Russian" in "Russian Deputy Foreign Minister Sergei Ryabkov")."""
    i = start
    while i < end:
        m = st.name_at[i]
        if m is None or m.entry.kind == "person" or m.end > end:
            i += 1
            continue
        r = name_rec(st, m.entry)
        if (m.start, m.end) not in r.spans:
            r.spans.append((m.start, m.end))
        i = m.end


def people_recs(st: FinderState) -> list[Rec]:
    """The records of people found by name (not by role), in order."""
    return [r for r in st.recs if r.kind == "person" and r.key[0] == "person"]


def singular(word: str) -> str:
    """"troops" -> "troop", "ministries" -> "ministry" (enough for role heads)."""
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word
