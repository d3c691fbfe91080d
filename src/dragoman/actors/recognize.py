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

from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc

from ..model import Span
from .dictionary import HONORIFICS, Dictionary, Entry, builtin_dictionary, country_of
from .disambiguate import filter_names, focal_state
from .match import Match, find_names, find_roles
from .table import ActorTable
from .titles import POSSESSIVE, TitleReader

#: Role words that name an actor only with a state or organisation beside them.
NEEDS_BASE = frozenset({
    "people", "state", "nation", "side", "sides", "head", "chief", "deputy", "public",
    "business", "businesses", "press", "force", "leader", "leaders", "chair", "official",
    "officials", "counterpart", "counterparts", "interlocutors", "companies", "firms",
    "citizens", "residents", "villagers", "refugees", "migrants", "court", "courts",
    "general", "generals", "commander", "commanders", "spokesperson", "spokesman",
    "spokeswoman", "delegation", "leadership", "media", "forces", "fighters", "soldier",
    "rebel", "militant", "activist", "journalist", "journalists", "judge", "lawmaker",
    "senator", "prosecutor", "diplomat", "ambassador", "envoy", "negotiator", "minister",
    "secretary general", "secretary-general", "chairman", "chairwoman", "chairperson",
    "director general", "director-general", "commissioner", "special representative",
    "high representative", "consulate", "embassy", "administration", "authority",
    "president", "vice president", "prime minister", "premier", "king", "queen"})

#: Singular person roles that may refer back to a named person ("the minister").
NOMINAL = frozenset({"minister", "president", "prime minister", "foreign minister",
                     "defence minister", "defense minister", "secretary general",
                     "secretary-general", "chancellor", "premier", "king", "queen",
                     "ambassador", "envoy", "negotiator", "spokesman", "spokeswoman",
                     "spokesperson", "diplomat", "general", "commander", "secretary",
                     "foreign secretary", "secretary of state", "emir", "crown prince"})

#: Lower-case nouns that refer back to an organisation named in the article.
ORG_NOMINALS = {"alliance": {"NATO", "CSTO"}, "bloc": {"EU", "ASEAN", "AU", "ECOWAS", "GCC",
                                                     "BRICS", "SCO", "OAS", "ARL"},
                "union": {"EU", "AU"}, "agency": {"IAEA", "WHO"}, "organisation": set(),
                "organization": set(), "court": {"ICC", "ICJ"}, "fund": {"IMF"},
                "council": set(), "league": {"ARL"}, "commission": set()}

DETERMINERS = frozenset({"the", "a", "an", "its", "his", "her", "their", "our", "this",
                         "that", "these", "those", "some", "many", "several", "two",
                         "both", "all", "other"})

_SECTOR_NAMES = {"GOV": "government", "MIL": "military", "REB": "rebels",
                 "OPP": "opposition", "CVL": "civilians", "MED": "media", "JUD": "judiciary",
                 "LEG": "legislature", "COP": "police", "BUS": "business"}


@dataclass
class _Rec:
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


class _Finder:
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
        self.place_tokens = {i for m in raw if m not in names and m.entry.kind == "state"
                             and m.entry.category == "capital"
                             for i in range(m.start, m.end)}
        self.name_at: list[Match | None] = [None] * self.n
        for m in names:
            for i in range(m.start, m.end):
                self.name_at[i] = m
        self.role_at: list[Match | None] = [None] * self.n
        for m in find_roles(self.lower, d):
            for i in range(m.start, m.end):
                self.role_at[i] = m
        self.titles = TitleReader(doc, d, self.name_at, self.role_at)
        self.claimed: list[_Rec | None] = [None] * self.n
        self.recs: list[_Rec] = []
        self.by_key: dict[object, _Rec] = {}
        self.focal = focal_state(names)

    # ------------------------------------------------------------ records
    def rec(self, key: object, name: str, kind: str, code: str | None) -> _Rec:
        r = self.by_key.get(key)
        if r is None:
            r = _Rec(key, name, kind, code)
            self.by_key[key] = r
            self.recs.append(r)
        return r

    def mention(self, r: _Rec, start: int, end: int) -> bool:
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

    def name_rec(self, e: Entry) -> _Rec:
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
        return all(c is None for c in self.claimed[start:end])

    # ------------------------------------------------------------ people
    def person_spans(self) -> list[tuple[int, int, Entry | None]]:
        """Name token ranges of people, with their dictionary entry when known."""
        spans: list[tuple[int, int, Entry | None]] = []
        used = [False] * self.n
        for m in self.names:
            if m.entry.kind == "person":
                spans.append((m.start, m.end, m.entry))
                for i in range(m.start, m.end):
                    used[i] = True
        for ent in self.doc.ents:
            if ent.label_ != "PERSON" or any(used[ent.start:ent.end]) or \
                    all(i in self.place_tokens for i in range(ent.start, ent.end)):
                continue
            s, e = self._clean_person(ent.start, ent.end)
            if s >= e:
                continue
            spans.append((s, e, self._person_entry(s, e)))
            for i in range(s, e):
                used[i] = True
        # "Mr Ryabkov" where the parser saw no PERSON
        for i, t in enumerate(self.lower[:-1]):
            if t in HONORIFICS and not used[i + 1] and self.words[i + 1][:1].isupper():
                e = i + 1
                while e < self.n and self.words[e][:1].isupper() and \
                        self.doc[e].pos_ == "PROPN" and not used[e]:
                    e += 1
                if e > i + 1:
                    spans.append((i + 1, e, self._person_entry(i + 1, e)))
                    for k in range(i + 1, e):
                        used[k] = True
        # a known person's surname alone ("Lavrov said"), whatever the parser saw
        for i, t in enumerate(self.doc):
            if used[i] or self.name_at[i] is not None or t.pos_ != "PROPN" or \
                    not t.text[:1].isupper() or t.text.isupper():
                continue
            cands = self.d.surnames.get(self.lower[i], [])
            if len(cands) == 1:
                spans.append((i, i + 1, cands[0]))
                used[i] = True
        spans.sort(key=lambda x: x[0])
        return spans

    def _clean_person(self, s: int, e: int) -> tuple[int, int]:
        """Trim titles, honorifics and bases off a PERSON entity; (s, s) to drop it."""
        while s < e and (self.lower[s] in HONORIFICS or self.lower[s] in self.d.title_words
                         or self.lower[s] in POSSESSIVE or self.lower[s] == "the"
                         or self.role_at[s] is not None
                         or (self.name_at[s] is not None
                             and self.name_at[s].entry.kind != "person")):
            m = self.name_at[s]
            s = m.end if m is not None and m.entry.kind != "person" else s + 1
        while e > s and (self.lower[e - 1] in POSSESSIVE or not self.doc[e - 1].is_alpha
                         and self.lower[e - 1] not in ("-", ".")):
            e -= 1
        if s >= e:
            return s, s
        toks = self.words[s:e]
        if not toks[0][:1].isupper():
            return s, s
        if all(t.isupper() and len(t) > 1 for t in toks if t.isalpha()) and \
                len(toks) == 1:
            return s, s  # a shouted headline word ("PAUL:")
        if any(self.name_at[i] is not None and self.name_at[i].entry.kind != "person"
               for i in range(s, e)):
            return s, s
        return s, e

    def _person_entry(self, s: int, e: int) -> Entry | None:
        key = tuple(self.lower[s:e])
        for _, entry in self.d.names.get(key, []):
            if entry.kind == "person":
                return entry
        if e - s == 1:
            cands = self.d.surnames.get(key[0], [])
            if len(cands) == 1:
                return cands[0]
        return None

    def people(self) -> None:
        """Person actors with titles, merged by name within the article."""
        singles: list[tuple[int, int, Entry | None]] = []
        full: list[_Rec] = []
        for s, e, entry in self.person_spans():
            toks = tuple(self.words[s:e])
            low = tuple(self.lower[s:e])
            if len(toks) == 1:
                singles.append((s, e, entry))
                continue
            r = self._find_person(low, entry, full)
            if r is None:
                r = self.rec(("person", low), " ".join(toks), "person", None)
                r.name_tokens = low
                full.append(r)
            elif len(low) > len(r.name_tokens):
                r.name, r.name_tokens = self.doc[s:e].text, low
            self._person_mention(r, s, e, entry)
        for s, e, entry in singles:
            low = (self.lower[s],)
            r = self._find_person(low, entry, full)
            if r is None:
                r = self.rec(("person", low), self.words[s], "person", None)
                r.name_tokens = low
                full.append(r)
            self._person_mention(r, s, e, entry)

    def _find_person(self, low: tuple[str, ...], entry: Entry | None,
                     full: list[_Rec]) -> _Rec | None:
        for r in reversed(full):
            rt = r.name_tokens
            if rt == low or (entry is not None and r.key == ("entry", entry)):
                return r
            if len(low) == 1 and (low[0] == rt[-1] or low[0] == rt[0]):
                return r
            if len(low) >= 2 and len(rt) >= 2 and low[-1] == rt[-1] and \
                    (low[0] == rt[0] or set(low) <= set(rt) or set(rt) <= set(low)):
                return r
        return None

    def _person_mention(self, r: _Rec, s: int, e: int, entry: Entry | None) -> None:
        start = self.titles.walk_left(s)
        title = self.titles.read(start, s) if start < s else None
        if title is None:
            start = s
            if s > 0 and self.lower[s - 1] in HONORIFICS:
                start = s - 1
        if not self.mention(r, start, e):
            if not self.mention(r, s, e):
                return
        elif start < s:
            self.nest_bases(start, s)
        if title is None:
            title = self._appositive(r, s, e)
        if title is not None and title.person_role:
            if r.code is None or r.title is None:
                r.code = title.code or r.code
                r.country = title.country or r.country
                r.title = title.title
            for role in title.roles:
                if role not in r.roles:
                    r.roles.append(role)
        elif title is not None and r.code is None and entry is None:
            r.code, r.country = title.code, title.country
        if entry is not None:
            if r.code is None:
                r.code, r.country = entry.code, entry.country
            if r.title is None:
                r.title = entry.title

    def _appositive(self, r: _Rec, s: int, e: int):  # type: ignore[no-untyped-def]
        """A title set off by commas: "X, Finland's foreign minister," or "..., X"."""
        lower = self.lower
        if e < self.n - 1 and lower[e] == ",":
            end = self.titles.walk_right(e + 1)
            if end > e + 1 and (end == self.n or lower[end] in (",", ".", ";", ")", "–")
                                or self.doc[end].is_sent_start):
                t = self.titles.read(e + 1, end)
                if t is not None and t.person_role:
                    a = e + 2 if lower[e + 1] in ("the", "a", "an") else e + 1
                    if self.mention(r, a, end):
                        self.nest_bases(a, end)
                    return t
        if s >= 2 and lower[s - 1] == ",":
            start = self.titles.walk_left(s - 1)
            if start < s - 1:
                t = self.titles.read(start, s - 1)
                if t is not None and t.person_role:
                    if self.mention(r, start, s - 1):
                        self.nest_bases(start, s - 1)
                    return t
        return None

    # ------------------------------------------------------------ groups
    def groups(self) -> None:
        """Role words with their state or organisation: "Russian TV" -> RUSMED."""
        i = 0
        while i < self.n:
            m = self.role_at[i]
            if m is None or m.start != i:
                i += 1
                continue
            i = m.end
            if not self.free(m.start, m.end) or \
                    any(self.name_at[k] is not None for k in range(m.start, m.end)):
                continue
            self._group(m)

    def _group(self, m: Match) -> None:
        role = m.entry
        lower = self.lower
        start, base, base_rec = m.start, None, None
        j = m.start - 1
        while j >= 0 and not self.doc[j + 1].is_sent_start:
            nm = self.name_at[j]
            if nm is not None and nm.entry.kind != "person" and base is None and \
                    base_rec is None and self.free(nm.start, nm.end):
                base = nm.entry
                start = j = nm.start
                j -= 1
                continue
            c = self.claimed[j]
            if c is not None and c.kind != "person" and base is None and base_rec is None \
                    and j + 1 < len(lower) and lower[j + 1] in POSSESSIVE:
                base_rec = c
                start = j = c.spans[-1][0]
                j -= 1
                continue
            t = self.doc[j]
            if lower[j] in POSSESSIVE and base is None and base_rec is None:
                start = j
                j -= 1
                continue
            if (t.pos_ in ("ADJ", "NUM") and t.text[:1].islower() or t.pos_ == "NUM" or
                    lower[j] in DETERMINERS and t.pos_ in ("DET", "PRON", "NUM")) and \
                    self.claimed[j] is None and \
                    self.name_at[j] is None:
                start = j
                j -= 1
                if lower[j + 1] in DETERMINERS:
                    break
                continue
            break
        if base is not None and role.sector and base.kind == "state":
            self._coordinated(start, role)
        end = m.end
        if base is None and base_rec is None and end + 1 < self.n and lower[end] == "of" \
                and role.sector:
            k = end + 1 + (lower[end + 1] == "the")
            nm = self.name_at[k] if k < self.n else None
            if nm is not None and nm.entry.kind == "state" and nm.start == k:
                base, end = nm.entry, nm.end
        while start < m.start and lower[start] in POSSESSIVE:
            start += 1
        phrase = role.name
        definite = start < m.start and lower[start] == "the" or \
            (m.start > 0 and lower[m.start - 1] == "the")
        if base is None and base_rec is None:
            if role.kind == "person":
                return  # "the minister": a nominal reference, resolved later
            if phrase in NEEDS_BASE or not role.sector:
                return
            last = self.doc[m.end - 1]
            if last.dep_ in ("amod", "compound", "nmod") and last.head.i >= m.end:
                return  # a modifier ("military exercises"), not a group
            code = self._unmodified_code(role, definite)
            if code is None:
                return
        elif base_rec is not None:
            code = (base_rec.country + role.sector) if base_rec.country and role.sector \
                else base_rec.code
        else:
            code, _ = self.titles.code_of(base, role.sector or None)
            if base.code and len(base.code) > 3 and base.kind != "state":
                code = base.code
        if base is not None and not role.sector:
            if base.kind == "state" and phrase in ("side", "sides"):
                r = self.name_rec(base)  # "the Russian side" is Russia
                self.mention(r, start, end)
            return
        head = _singular(phrase.split()[-1])
        if role.kind == "person" and base is not None:
            # "the Australian prime minister": the one person of that code and title
            word = phrase.split()[-1]
            same = [r for r in self.recs if r.kind == "person" and r.key[0] == "person"
                    and r.code == code and r.title]
            fits = [r for r in same if phrase in r.title.lower()]
            if not fits and " " not in phrase:
                fits = [r for r in same if word in r.title.lower()]
            if len(fits) == 1:
                if self.mention(fits[0], start, end):
                    self.nest_bases(start, end)
                return
            head = phrase
        text_start = start
        while text_start < m.start and lower[text_start] in DETERMINERS | {"'s", "’s"} or \
                (text_start < m.start and self.doc[text_start].pos_ == "NUM"):
            text_start += 1
        name = self.doc[text_start:end].text
        kind = "person" if role.kind == "person" else role.kind
        r = self.rec(("group", code, head), name, kind, code)
        r.head = head
        r.country = code[:3] if code and code[:3] in self.d.states else None
        self.mention(r, start, end)

    def _coordinated(self, start: int, role: Entry) -> None:
        """"Romanian and US troops": the first state's troops too (ROUMIL)."""
        j = start - 1
        while j >= 1 and self.lower[j] in ("and", "or", ","):
            nm = self.name_at[j - 1]
            if nm is None or nm.entry.kind != "state" or not self.free(nm.start, nm.end):
                return
            code = nm.entry.code + (role.sector or "")
            head = _singular(role.name.split()[-1])
            name = f"{self.doc[nm.start:nm.end].text} {role.name}"
            r = self.rec(("group", code, head), name, "group", code)
            r.head, r.country = head, nm.entry.code
            self.mention(r, nm.start, nm.end)
            j = nm.start - 1

    def _unmodified_code(self, role: Entry, definite: bool) -> str | None:
        """"the ministry", "the junta": the earlier group with that role, or the focal state."""
        head = _singular(role.name.split()[-1])
        for r in reversed(self.recs):
            if r.head and r.head == head and r.code:
                return r.code
        if definite and self.focal and role.kind == "organisation":
            return self.focal + (role.sector or "")
        return None

    # ------------------------------------------------------------ states and organisations
    def states_and_orgs(self) -> None:
        for m in self.names:
            e = m.entry
            if e.kind == "person" or not self.free(m.start, m.end):
                continue
            start = m.start
            last = self.doc[m.end - 1]
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
            for k in range(s, e):
                if self.words[k] in ("(", "[", ","):
                    e = k  # "Director General (South Asia": the parser ran on
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

    def _person_by_word(self, word: str) -> _Rec | None:
        fits = [r for r in self.recs if r.kind == "person" and r.key[0] == "person"
                and word in r.name_tokens]
        return fits[0] if len(fits) == 1 else None

    def nominal_orgs(self) -> None:
        """"the alliance" -> NATO, "the bloc" -> the EU, when the article names it."""
        orgs = [r for r in self.recs if r.kind == "organisation" and r.spans and r.code
                and not country_of(r.code, self.d.states)]
        for i in range(1, self.n):
            if self.lower[i - 1] != "the" or not self.free(i - 1, i + 1):
                continue
            word = self.lower[i]
            codes = ORG_NOMINALS.get(word)
            if codes is None:
                if word in ("global", "world") and i + 1 < self.n and \
                        self.lower[i + 1] == "body":
                    fits = [r for r in orgs if r.code == "UN" and r.name == "UN"]
                    if len(fits) == 1:
                        self.mention(fits[0], i - 1, i + 2)
                continue
            fits = [r for r in orgs if r.code in codes or word in r.name.lower()]
            fits.sort(key=lambda r: r.key[0] != "entry")  # the organisation itself first
            if len({r.code for r in fits}) == 1 and (i + 1 >= self.n or
                                                     self.doc[i].dep_ != "compound"):
                self.mention(fits[0], i - 1, i + 1)

    def nominal(self) -> None:
        """"the minister" -> the one person whose title has that role."""
        people = [r for r in self.recs if r.kind == "person" and r.key[0] == "person"]
        i = 0
        while i < self.n:
            m = self.role_at[i]
            if m is None or m.start != i:
                i += 1
                continue
            i = m.end
            if m.entry.name not in NOMINAL or not self.free(m.start, m.end):
                continue
            if m.start == 0 or self.lower[m.start - 1] != "the":
                continue
            word = m.entry.name.split()[-1]
            fits = [r for r in people if r.title and word in r.title.lower()]
            if len(fits) == 1:
                self.mention(fits[0], m.start - 1, m.end)

    # ------------------------------------------------------------ output
    def table(self) -> ActorTable:
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


def _singular(word: str) -> str:
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def sector_name(sector: str) -> str:
    """A readable name for a sector code ("MIL" -> "military")."""
    return _SECTOR_NAMES.get(sector, sector.lower())


__all__ = ["find_actors", "sector_name", "Counter"]
