"""People: names, titles before and beside them, merging, and "the minister"."""
from __future__ import annotations

from .core import FinderBase, Rec
from .dictionary import HONORIFICS, Entry
from .titles import POSSESSIVE, Title
from .._lexicon import words

#: Singular person roles that may refer back to a named person ("the minister").
NOMINAL = words("person_role_nominals")


class PeopleMixin(FinderBase):
    """Finding people (mixed into the finder)."""

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
            if used[i] or self.name_at[i] is not None or not t.text[:1].isupper() or \
                    t.text.isupper() or (t.pos_ != "PROPN" and t.is_stop):
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
        """The dictionary person named by tokens ``[s, e)`` (a unique family name too)."""
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
        full: list[Rec] = []
        for s, e, entry in self.person_spans():
            toks = tuple(self.words[s:e])
            low = tuple(self.lower[s:e])
            if len(toks) == 1:
                singles.append((s, e, entry))
                continue
            r = self._find_person(low, entry, full)
            if r is None:
                r = self.rec(("person", low), self.doc[s:e].text, "person", None)
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
                     full: list[Rec]) -> Rec | None:
        """The person already found whose name fits ``low`` ("Sherman" -> Wendy Sherman)."""
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

    def _person_mention(self, r: Rec, s: int, e: int, entry: Entry | None) -> None:
        """Record a name mention of ``r`` with its title (before or beside it)."""
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
        if title is not None and title.person_role and not title.names_person and \
                entry is None:
            r.kind = "organisation"  # "British company Furadino Shipping"
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

    def _appositive(self, r: Rec, s: int, e: int) -> Title | None:
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
    def _person_by_word(self, word: str) -> Rec | None:
        """The only person whose name has ``word``, or None."""
        fits = [r for r in self.recs if r.kind == "person" and r.key[0] == "person"
                and word in r.name_tokens]
        return fits[0] if len(fits) == 1 else None

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