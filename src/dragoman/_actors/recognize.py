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
"""
from __future__ import annotations

from spacy.tokens import Doc

from .._model import Span
from .dictionary import Dictionary, builtin_dictionary
from .groups import GroupsMixin
from .people import PeopleMixin
from .table import ActorTable
from .titles import POSSESSIVE

_SECTOR_NAMES = {"GOV": "government", "MIL": "military", "REB": "rebels",
                 "OPP": "opposition", "CVL": "civilians", "MED": "media", "JUD": "judiciary",
                 "LEG": "legislature", "COP": "police", "BUS": "business"}


class _Finder(PeopleMixin, GroupsMixin):
    """Recognition over one Doc: people, groups, states and organisations."""

    def states_and_orgs(self) -> None:
        """States and organisations named by the dictionary, where no one else is."""
        for m in self.names:
            e = m.entry
            if e.kind == "person" or not self.free(m.start, m.end):
                continue
            start = m.start
            last = self.doc[m.end - 1]
            if e.kind != "state" and m.end - m.start == 1 and last.pos_ == "ADJ" and \
                    self.words[m.start] == e.name and e.name[:1].isupper() and \
                    last.dep_ == "amod" and last.head.i >= m.end:
                continue  # "European markets": an adjective of a bloc, no actor

            modifier = last.dep_ in ("compound", "amod", "nmod") and last.head.i >= m.end or \
                (m.end < self.n and self.lower[m.end] in ("-", "–"))
            if start > 0 and self.lower[start - 1] == "the" and self.free(start - 1, start) \
                    and (e.category != "nat" or self.lower[m.end - 1].endswith("s")) and \
                    self.lower[m.start] != "the" and not modifier:
                start -= 1
            self.mention(self.name_rec(e), start, m.end)

    def leftovers(self) -> None:
        """spaCy ORG and NORP entities the dictionary does not know."""
        for ent in self.doc.ents:
            if ent.label_ not in ("ORG", "NORP") or not self.free(ent.start, ent.end):
                continue
            s, e = ent.start, ent.end
            if self.lower[s] == "the":
                s += 1
            while e > s and (self.lower[e - 1] in POSSESSIVE or not self.doc[e - 1].is_alpha
                             and not self.doc[e - 1].is_digit):
                e -= 1
            if s >= e or not self.words[s][:1].isupper():
                continue
            if any(k in self.place_tokens for k in range(s, e)):
                continue  # a capital used as a place ("talks in Niamey")
            for k in range(s, e):
                if self.words[k] in ("(", "[", ",") or self.doc[k].is_space:
                    e = k  # "Director General (South Asia": the parser ran on
                    break
                if "\n" in self.doc[k].text_with_ws:
                    e = k + 1  # an entity never runs over a line break
                    break
            if s >= e:
                continue
            text = self.doc[s:e].text
            if len(text) < 2 or self.lower[s] in self.d.title_words or \
                    self.d.role(text) is not None:
                continue
            if e - s == 1 and text.isupper() and (len(text) > 5 or ent.label_ != "ORG" or
                                                  (e < self.n and self.words[e] == ":")):
                continue  # a dateline or a shouted headline word
            person = self._person_by_word(self.lower[s]) if e - s == 1 else None
            if person is not None:
                self.mention(person, s, e)
                continue
            if ent.label_ == "NORP" and ent.root.dep_ in ("amod", "compound"):
                continue  # "the old Soviet empire": an adjective, not a group
            kind = "organisation" if ent.label_ == "ORG" else "group"
            r = self.rec(("ent", text.casefold()), text, kind, None)
            self.mention(r, ent.start if self.lower[ent.start] == "the" else s, e)

    def table(self) -> ActorTable:
        """The ActorTable: actors in order of first mention, mentions as character spans."""
        table = ActorTable()
        text = self.doc.text
        recs = [r for r in self.recs if r.spans]
        recs.sort(key=lambda r: min(s for s, _ in r.spans))
        for r in recs:
            if r.kind == "person" and r.code is None and r.title is None:
                pass
            actor = table.add(r.name, r.kind, r.code, r.title, country=r.country,
                              roles=r.roles)
            for s, e in sorted(set(r.spans)):
                a = self.doc[s].idx
                b = self.doc[e - 1].idx + len(self.doc[e - 1].text)
                table.add_mention(actor, Span(a, b, text[a:b]))
        return table



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
    f = _Finder(doc, dictionary or builtin_dictionary())
    f.people()
    f.groups()
    f.states_and_orgs()
    f.leftovers()
    f.nominal_orgs()
    f.nominal()
    return f.table()


def sector_name(sector: str) -> str:
    """A readable name for a sector code ("MIL" -> "military")."""
    return _SECTOR_NAMES.get(sector, sector.lower())


__all__ = ["find_actors", "sector_name"]
