"""The actor dictionary: phrases that name actors, and role words with sector codes.

This module is the data structure only (and the operations that add to it); reading
files is elsewhere: :mod:`dragoman._actors.load` builds the built-in dictionary from
``dragoman/data/actors/*.tsv`` (made by ``scripts/build_actors.py``) once per process,
and applies a user file (``--actors FILE``, parsed by :mod:`dragoman._actors.user`) to
a copy of it.

Phrases are keyed by their lower-cased spaCy tokens, so that recognition is one dict
lookup per token (no regular expressions over the dictionary).
"""
from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from .._lexicon import words

#: Sector codes that may follow an ISO3 code in an actor code.
SECTORS = frozenset({"GOV", "MIL", "REB", "OPP", "CVL", "MED", "BUS", "JUD", "LEG", "COP",
                     "SPY", "CRM", "EDU", "HLH", "LAB", "REF", "AGR", "REL", "NGO", "ENV",
                     "UAF", "IGO"})
KINDS = ("person", "state", "organisation", "group")

_SIMPLE = re.compile(r"^[^\W\d_]+(?: [^\W\d_]+)*$")


@dataclass(frozen=True)
class Entry:
    """One dictionary entry: what a phrase names.

    Attributes:
        name: the display name ("Russia", "NATO", "Sergei Lavrov").
        code: the actor code, or None when unknown.
        kind: person, state, organisation or group.
        category: how the phrase names it: ``name``, ``nat`` (nationality word),
            ``capital``, ``metonym``, ``org``, ``person`` or ``role``.
        country: ISO3 of the actor's state, when it has one.
        title: the title of a person's best-known office.
        sector: for role words, the sector code ("GOV", "MIL"; "" for none).
    """

    name: str
    code: str | None
    kind: str
    category: str
    country: str | None = None
    title: str | None = None
    sector: str | None = None


@dataclass
class Dictionary:
    """Phrases naming actors and role words, keyed by lower-cased token tuples.

    ``names`` maps a key to ``[(surface tokens, entry)]``: the surface form keeps the
    case the dictionary wrote it in, which recognition checks ("US" is not "us").
    ``roles`` maps a key to role entries (``category == "role"``).

    :meth:`copy` gives a dictionary to add to without changing this one.
    """

    names: dict[tuple[str, ...], list[tuple[tuple[str, ...], Entry]]] = field(
        default_factory=dict)
    roles: dict[tuple[str, ...], Entry] = field(default_factory=dict)
    name_lens: dict[str, tuple[int, ...]] = field(default_factory=dict)
    role_lens: dict[str, tuple[int, ...]] = field(default_factory=dict)
    states: dict[str, Entry] = field(default_factory=dict)
    surnames: dict[str, list[Entry]] = field(default_factory=dict)
    title_words: frozenset[str] = frozenset()
    core_title_words: set[str] = field(default_factory=set)

    def add_name(self, phrase: str, entry: Entry, *, replace: bool = False) -> None:
        """Let ``phrase`` name ``entry`` (``replace``: drop what it named before)."""
        toks = tokenize(phrase)
        if not toks:
            return
        key = tuple(t.lower() for t in toks)
        # lists in names and surnames are replaced, not changed: copy() shares them
        items = self.names.get(key, [])
        if replace:
            items = []
            the = ("the", *key)
            if key[0] != "the" and the in self.names:
                # "the White House" follows a user's "White House"
                self.names[the] = [(("the", *toks), entry)]
        elif any(s == toks and e == entry for s, e in items):
            return
        self.names[key] = [*items, (toks, entry)]
        if entry.kind == "person" and len(toks) >= 2 and entry.title and \
                phrase == entry.name and key[0] not in _NOT_GIVEN_NAMES:
            # family names: the last word, or the first in East Asian names ("Xi")
            fams = [key[-1]]
            if entry.country in _FAMILY_FIRST:
                fams.append(key[0])
            for fam in fams:
                if len(fam) < 3 or fam in _COMMON_WORDS:
                    continue
                bucket = self.surnames.get(fam, [])
                if entry not in bucket:
                    self.surnames[fam] = [*bucket, entry]

    def add_role(self, phrase: str, sector: str, kind: str, *, core: bool = True) -> None:
        """Let ``phrase`` be a role word of ``sector`` (a person title or a collective).

        ``core`` role words (hand-written, or the user's) also lend their words to the
        title vocabulary that a title before a name is read with.
        """
        toks = tokenize(phrase.lower())
        if toks:
            self.roles[tuple(toks)] = Entry(phrase.lower(), None, kind, "role",
                                            sector=sector)
            if core and kind == "person":
                self.core_title_words.update(toks)

    def lookup(self, phrase: str) -> list[Entry]:
        """The entries a phrase names (case-insensitive), for tests and tools."""
        key = tuple(t.lower() for t in tokenize(phrase))
        return [e for _, e in self.names.get(key, [])]

    def role(self, phrase: str) -> Entry | None:
        """The role entry of a phrase ("foreign minister"), or None."""
        return self.roles.get(tuple(t.lower() for t in tokenize(phrase)))

    def copy(self) -> Dictionary:
        """A copy that can be added to without changing this dictionary.

        The tables are copied; their lists and entries are shared, as adding replaces
        a list instead of changing it.
        """
        return Dictionary(
            names=dict(self.names), roles=dict(self.roles), name_lens=dict(self.name_lens),
            role_lens=dict(self.role_lens), states=dict(self.states),
            surnames=dict(self.surnames), title_words=self.title_words,
            core_title_words=set(self.core_title_words))

    def finish(self) -> Dictionary:
        """Index first tokens by phrase length (call after adding)."""
        self.name_lens = _lens(self.names)
        self.role_lens = _lens(self.roles)
        self.title_words = frozenset(self.core_title_words | _EXTRA_TITLE_WORDS)
        return self


_EXTRA_TITLE_WORDS = words("title_words")

#: States whose people put the family name first ("Xi Jinping", "Hun Sen").
_FAMILY_FIRST = frozenset({"CHN", "TWN", "KOR", "PRK", "KHM", "VNM", "HUN", "MNG"})
#: Words that open a name but are no given name ("King Abdullah").
_NOT_GIVEN_NAMES = words("not_given_names")
#: Family names that are also everyday words: never looked up alone.
_COMMON_WORDS = words("ambiguous_family_names")

HONORIFICS = words("honorifics")


def _lens(table: Mapping[tuple[str, ...], object]) -> dict[str, tuple[int, ...]]:
    lens: dict[str, set[int]] = {}
    for key in table:
        lens.setdefault(key[0], set()).add(len(key))
    return {k: tuple(sorted(v, reverse=True)) for k, v in lens.items()}


@functools.lru_cache(maxsize=1)
def _tokenizer() -> Any:  # spacy.tokenizer.Tokenizer (compiled, no stub)
    import spacy

    return spacy.blank("en").tokenizer


def tokenize(phrase: str) -> tuple[str, ...]:
    """The phrase as spaCy's English tokenizer splits it (fast path for plain words)."""
    phrase = " ".join(phrase.split())
    if not phrase:
        return ()
    if _SIMPLE.match(phrase):
        return tuple(phrase.split(" "))
    return tuple(t.text for t in _tokenizer()(phrase) if not t.is_space)


def add_state(d: Dictionary, code: str, name: str, names: Iterable[str] = (),
              nationality: Iterable[str] = (), capitals: Iterable[str] = (),
              metonyms: Iterable[str] = ()) -> None:
    """Add a state with its names, nationality words, capitals and metonyms."""
    entry = d.states.get(code)
    if entry is None:
        entry = Entry(name, code, "state", "name", country=code)
        d.states[code] = entry
    d.add_name(name, entry)
    for n in names:
        d.add_name(n, entry)
    for n in nationality:
        d.add_name(n, Entry(entry.name, code, "state", "nat", country=code))
    for n in capitals:
        d.add_name(n, Entry(entry.name, code, "state", "capital", country=code))
    for n in metonyms:
        d.add_name(n, Entry(entry.name, code, "state", "metonym", country=code))


def country_of(code: str | None, states: dict[str, Entry]) -> str | None:
    """The ISO3 prefix of an actor code when it is a state's ("RUSGOV" -> "RUS")."""
    if code and len(code) >= 3 and code[:3] in states and (len(code) == 3 or
                                                         code[3:6] in SECTORS):
        return code[:3]
    return None


def add_entry(d: Dictionary, name: str, code: str | None, kind: str,
              aliases: Iterable[str] = (), country: str | None = None,
              title: str | None = None, *, replace: bool = False) -> Entry:
    """Add a person, organisation or group entry under its name and aliases."""
    category = {"person": "person", "group": "org", "organisation": "org"}.get(kind, "name")
    if category == "org" and code and country_of(code, d.states) and len(code) > 3:
        category = "metonym"
    entry = Entry(name, code or None, kind, category,
                  country=country or country_of(code, d.states), title=title or None)
    for phrase in [name, *aliases]:
        d.add_name(phrase, entry, replace=replace)
    return entry
