"""The state of actor recognition over one Doc: records, mentions and token claims."""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc

from .dictionary import Dictionary, Entry
from .disambiguate import filter_names, focal_state
from .match import Match, find_names, find_roles
from .titles import TitleReader
from .._lexicon import words


DETERMINERS = words("actor_determiners")

@dataclass
class Rec:
    """An actor being assembled: its name, code and mention token ranges."""

    key: object
    name: str
    kind: str
    code: str | None
    title: str | None = None
    country: str | None = None
    roles: list[str] = field(default_factory=list)
    spans: list[tuple[int, int]] = field(default_factory=list)
    name_tokens: tuple[str, ...] = ()
    head: str = ""


class FinderBase:
    """The state of recognition over one Doc."""

    def __init__(self, doc: Doc, d: Dictionary) -> None:
        self.doc = doc
        self.d = d
        self.n = len(doc)
        self.lower = [t.lower_ for t in doc]
        self.words = [t.text for t in doc]
        raw = find_names(self.lower, self.words, d)
        names = filter_names(doc, raw, self.lower)
        self.names = names
        kept = {(m.start, m.end) for m in names}
        places = [m for m in raw if (m.start, m.end) not in kept and
                  m.entry.kind == "state" and m.entry.category == "capital"]
        #: capitals dropped as places ("in Nairobi"), by first token
        self.place_at = {m.start: m for m in places}
        self.place_tokens = {i for m in places for i in range(m.start, m.end)}
        self.name_at: list[Match | None] = [None] * self.n
        for m in names:
            for i in range(m.start, m.end):
                self.name_at[i] = m
        self.role_at: list[Match | None] = [None] * self.n
        for m in find_roles(self.lower, d):
            for i in range(m.start, m.end):
                self.role_at[i] = m
        self.titles = TitleReader(doc, d, self.name_at, self.role_at)
        self.claimed: list[Rec | None] = [None] * self.n
        self.recs: list[Rec] = []
        self.by_key: dict[object, Rec] = {}
        self.focal = focal_state(names)

    # ------------------------------------------------------------ records
    def rec(self, key: object, name: str, kind: str, code: str | None) -> Rec:
        """The record under ``key``, made on first use."""
        r = self.by_key.get(key)
        if r is None:
            r = Rec(key, name, kind, code)
            self.by_key[key] = r
            self.recs.append(r)
        return r

    def mention(self, r: Rec, start: int, end: int) -> bool:
        """Give tokens ``[start, end)`` to ``r`` unless another actor holds one of them."""
        if start >= end or any(c is not None and c is not r for c in self.claimed[start:end]):
            return False
        for i in range(start, end):
            self.claimed[i] = r
        r.spans.append((start, end))
        return True

    def nest_bases(self, start: int, end: int) -> None:
        """Nested mentions of the states and organisations named inside a title or group
        phrase ("Russian" in "Russian Deputy Foreign Minister Sergei Ryabkov")."""
        i = start
        while i < end:
            m = self.name_at[i]
            if m is None or m.entry.kind == "person" or m.end > end:
                i += 1
                continue
            r = self.name_rec(m.entry)
            if (m.start, m.end) not in r.spans:
                r.spans.append((m.start, m.end))
            i = m.end

    def name_rec(self, e: Entry) -> Rec:
        """The actor record of a state or organisation entry."""
        if e.kind == "state":
            r = self.rec(("state", e.code), e.name, "state", e.code)
            r.country = e.code
        else:
            r = self.rec(("entry", e.name, e.code), e.name, e.kind, e.code)
            r.country = e.country
            r.title = r.title or e.title
        return r

    def free(self, start: int, end: int) -> bool:
        """Whether no actor holds any of tokens ``[start, end)``."""
        return all(c is None for c in self.claimed[start:end])

    # ------------------------------------------------------------ people

def singular(word: str) -> str:
    """"troops" -> "troop", "ministries" -> "ministry" (enough for role heads)."""
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word
