"""Recognising actors in a parsed article: people, states, organisations and groups.

``find_actors(doc)`` combines dictionary phrase matches (states, nationality words,
capitals and seats of power, organisations, known people, role words) with spaCy's
PERSON/ORG/NORP entities:

1. people, with the titles before or beside their names (``titles.py``), merged within
   the article ("Ms Sherman", "Sherman" -> "Wendy Sherman");
2. groups: role words with the state or organisation they belong to ("100,000 Russian
   troops" -> RUSMIL, "Peru's foreign ministry" -> PERGOV, "the Russian side" -> RUS);
3. states and organisations by any of their names ("Washington", "the Kremlin",
   "the Alliance");
4. nominal references to a person by role ("the minister") when only one person fits.

Every actor-denoting phrase becomes a mention in the :class:`ActorTable`.

Each step is a function over one :class:`~.core.FinderState` (the Doc, the dictionary,
the matches by token, the records and the token claims), run in the order of
:data:`STEPS`; a step sees the actors that the steps before it found and claims only
free tokens.
"""
from __future__ import annotations

from spacy.tokens import Doc

from .._model import Span
from .core import FinderState, free, mention, name_rec, new_state, record
from .dictionary import Dictionary
from .groups import groups, nominal_orgs
from .load import builtin_dictionary
from .people import nominal, people, person_by_word
from .table import ActorTable
from .titles import POSSESSIVE

_SECTOR_NAMES = {"GOV": "government", "MIL": "military", "REB": "rebels",
                 "OPP": "opposition", "CVL": "civilians", "MED": "media", "JUD": "judiciary",
                 "LEG": "legislature", "COP": "police", "BUS": "business"}


def states_and_orgs(st: FinderState) -> None:
    """States and organisations named by the dictionary, where no one else is."""
    lower = st.lower
    for m in st.names:
        e = m.entry
        if e.kind == "person" or not free(st, m.start, m.end):
            continue
        start = m.start
        last = st.doc[m.end - 1]
        if e.kind != "state" and m.end - m.start == 1 and last.pos_ == "ADJ" and \
                st.words[m.start] == e.name and e.name[:1].isupper() and \
                last.dep_ == "amod" and last.head.i >= m.end:
            continue  # "European markets": an adjective of a bloc, no actor

        modifier = last.dep_ in ("compound", "amod", "nmod") and last.head.i >= m.end or \
            (m.end < st.n and lower[m.end] in ("-", "–"))
        if start > 0 and lower[start - 1] == "the" and free(st, start - 1, start) \
                and (e.category != "nat" or lower[m.end - 1].endswith("s")) and \
                lower[m.start] != "the" and not modifier:
            start -= 1
        mention(st, name_rec(st, e), start, m.end)


def leftovers(st: FinderState) -> None:
    """spaCy ORG and NORP entities the dictionary does not know."""
    doc, lower, words = st.doc, st.lower, st.words
    for ent in doc.ents:
        if ent.label_ not in ("ORG", "NORP") or not free(st, ent.start, ent.end):
            continue
        s, e = ent.start, ent.end
        if lower[s] == "the":
            s += 1
        while e > s and (lower[e - 1] in POSSESSIVE or not doc[e - 1].is_alpha
                         and not doc[e - 1].is_digit):
            e -= 1
        if s >= e or not words[s][:1].isupper():
            continue
        if any(k in st.place_tokens for k in range(s, e)):
            continue  # a capital used as a place ("talks in Niamey")
        for k in range(s, e):
            if words[k] in ("(", "[", ",") or doc[k].is_space:
                e = k  # "Director General (South Asia": the parser ran on
                break
            if "\n" in doc[k].text_with_ws:
                e = k + 1  # an entity never runs over a line break
                break
        if s >= e:
            continue
        text = doc[s:e].text
        if len(text) < 2 or lower[s] in st.d.title_words or st.d.role(text) is not None:
            continue
        if e - s == 1 and text.isupper() and (len(text) > 5 or ent.label_ != "ORG" or
                                              (e < st.n and words[e] == ":")):
            continue  # a dateline or a shouted headline word
        person = person_by_word(st, lower[s]) if e - s == 1 else None
        if person is not None:
            mention(st, person, s, e)
            continue
        if ent.label_ == "NORP" and ent.root.dep_ in ("amod", "compound"):
            continue  # "the old Soviet empire": an adjective, not a group
        kind = "organisation" if ent.label_ == "ORG" else "group"
        r = record(st, ("ent", text.casefold()), text, kind, None)
        mention(st, r, ent.start if lower[ent.start] == "the" else s, e)


def actor_table(st: FinderState) -> ActorTable:
    """The ActorTable: actors in order of first mention, mentions as character spans."""
    table = ActorTable()
    doc = st.doc
    text = doc.text
    recs = [r for r in st.recs if r.spans]
    recs.sort(key=lambda r: min(s for s, _ in r.spans))
    for r in recs:
        actor = table.add(r.name, r.kind, r.code, r.title, country=r.country,
                          roles=r.roles)
        for s, e in sorted(set(r.spans)):
            a = doc[s].idx
            b = doc[e - 1].idx + len(doc[e - 1].text)
            table.add_mention(actor, Span(a, b, text[a:b]))
    return table


#: The recognition steps, in order: each sees what the steps before it found.
STEPS = (people, groups, states_and_orgs, leftovers, nominal_orgs, nominal)


def find_actors(doc: Doc, *, dictionary: Dictionary | None = None) -> ActorTable:
    """The actors of a parsed article, each with all its mentions.

    Args:
        doc: the article parsed by the spaCy pipeline (entities, parse, sentences).
        dictionary: the actor dictionary (see :func:`load_dictionary`); None for the
            built-in one, loaded once per process.

    Returns:
        An :class:`ActorTable` whose ``at(start, end)`` finds the actor named in a
        character range.
    """
    st = new_state(doc, dictionary or builtin_dictionary())
    for step in STEPS:
        step(st)
    return actor_table(st)


def sector_name(sector: str) -> str:
    """A readable name for a sector code ("MIL" -> "military")."""
    return _SECTOR_NAMES.get(sector, sector.lower())


__all__ = ["find_actors", "sector_name"]
