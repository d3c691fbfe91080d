"""People: names, titles before and beside them, merging, and "the minister"."""
from __future__ import annotations

from .core import (FinderState, Rec, base_at, free, mention, nest_bases, people_recs,
                   record)
from .dictionary import HONORIFICS, Entry
from .titles import POSSESSIVE, Title, read_title, walk_left, walk_right
from .._lexicon import words

#: Singular person roles that may refer back to a named person ("the minister").
NOMINAL = words("person_role_nominals")


def person_spans(st: FinderState) -> list[tuple[int, int, Entry | None]]:
    """Name token ranges of people, with their dictionary entry when known."""
    spans: list[tuple[int, int, Entry | None]] = []
    used = [False] * st.n
    for m in st.names:
        if m.entry.kind == "person":
            spans.append((m.start, m.end, m.entry))
            for i in range(m.start, m.end):
                used[i] = True
    for ent in st.doc.ents:
        if ent.label_ != "PERSON" or any(used[ent.start:ent.end]) or \
                all(i in st.place_tokens for i in range(ent.start, ent.end)):
            continue
        s, e = _clean_person(st, ent.start, ent.end)
        if s >= e:
            continue
        spans.append((s, e, _person_entry(st, s, e)))
        for i in range(s, e):
            used[i] = True
    # "Mr Ryabkov" where the parser saw no PERSON
    for i, w in enumerate(st.lower[:-1]):
        if w in HONORIFICS and not used[i + 1] and st.words[i + 1][:1].isupper():
            e = i + 1
            while e < st.n and st.words[e][:1].isupper() and \
                    st.doc[e].pos_ == "PROPN" and not used[e]:
                e += 1
            if e > i + 1:
                spans.append((i + 1, e, _person_entry(st, i + 1, e)))
                for k in range(i + 1, e):
                    used[k] = True
    # a known person's surname alone ("Lavrov said"), whatever the parser saw
    for i, t in enumerate(st.doc):
        if used[i] or st.name_at[i] is not None or not t.text[:1].isupper() or \
                t.text.isupper() or (t.pos_ != "PROPN" and t.is_stop):
            continue
        cands = st.d.surnames.get(st.lower[i], [])
        if len(cands) == 1:
            spans.append((i, i + 1, cands[0]))
            used[i] = True
    spans.sort(key=lambda x: x[0])
    return spans


def _clean_person(st: FinderState, s: int, e: int) -> tuple[int, int]:
    """Trim titles, honorifics and bases off a PERSON entity; (s, s) to drop it."""
    lower = st.lower
    while s < e and (lower[s] in HONORIFICS or lower[s] in st.d.title_words
                     or lower[s] in POSSESSIVE or lower[s] == "the"
                     or st.role_at[s] is not None or base_at(st, s) is not None):
        m = base_at(st, s)
        s = m.end if m is not None else s + 1
    while e > s and (lower[e - 1] in POSSESSIVE or not st.doc[e - 1].is_alpha
                     and lower[e - 1] not in ("-", ".")):
        e -= 1
    if s >= e:
        return s, s
    toks = st.words[s:e]
    if not toks[0][:1].isupper():
        return s, s
    if all(t.isupper() and len(t) > 1 for t in toks if t.isalpha()) and \
            len(toks) == 1:
        return s, s  # a shouted headline word ("PAUL:")
    if any(base_at(st, i) is not None for i in range(s, e)):
        return s, s
    return s, e


def _person_entry(st: FinderState, s: int, e: int) -> Entry | None:
    """The dictionary person named by tokens ``[s, e)`` (a unique family name too)."""
    key = tuple(st.lower[s:e])
    for _, entry in st.d.names.get(key, []):
        if entry.kind == "person":
            return entry
    if e - s == 1:
        cands = st.d.surnames.get(key[0], [])
        if len(cands) == 1:
            return cands[0]
    return None


def people(st: FinderState) -> None:
    """Person actors with titles, merged by name within the article."""
    singles: list[tuple[int, int, Entry | None]] = []
    full: list[Rec] = []
    for s, e, entry in person_spans(st):
        toks = tuple(st.words[s:e])
        low = tuple(st.lower[s:e])
        if len(toks) == 1:
            singles.append((s, e, entry))
            continue
        r = _find_person(low, entry, full)
        if r is None:
            r = record(st, ("person", low), st.doc[s:e].text, "person", None)
            r.name_tokens = low
            full.append(r)
        elif len(low) > len(r.name_tokens):
            r.name, r.name_tokens = st.doc[s:e].text, low
        _person_mention(st, r, s, e, entry)
    for s, e, entry in singles:
        low = (st.lower[s],)
        r = _find_person(low, entry, full)
        if r is None:
            r = record(st, ("person", low), st.words[s], "person", None)
            r.name_tokens = low
            full.append(r)
        _person_mention(st, r, s, e, entry)


def _find_person(low: tuple[str, ...], entry: Entry | None, full: list[Rec]) -> Rec | None:
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


def _person_mention(st: FinderState, r: Rec, s: int, e: int, entry: Entry | None) -> None:
    """Record a name mention of ``r`` with its title (before or beside it)."""
    start = walk_left(st, s)
    title = read_title(st, start, s) if start < s else None
    if title is None:
        start = s
        if s > 0 and st.lower[s - 1] in HONORIFICS:
            start = s - 1
    if not mention(st, r, start, e):
        if not mention(st, r, s, e):
            return
    elif start < s:
        nest_bases(st, start, s)
    if title is None:
        title = _appositive(st, r, s, e)
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


def _appositive(st: FinderState, r: Rec, s: int, e: int) -> Title | None:
    """A title set off by commas: "X, Finland's foreign minister," or "..., X"."""
    lower = st.lower
    if e < st.n - 1 and lower[e] == ",":
        end = walk_right(st, e + 1)
        if end > e + 1 and (end == st.n or lower[end] in (",", ".", ";", ")", "–")
                            or st.doc[end].is_sent_start):
            t = read_title(st, e + 1, end)
            if t is not None and t.person_role:
                a = e + 2 if lower[e + 1] in ("the", "a", "an") else e + 1
                if mention(st, r, a, end):
                    nest_bases(st, a, end)
                return t
    if s >= 2 and lower[s - 1] == ",":
        start = walk_left(st, s - 1)
        if start < s - 1:
            t = read_title(st, start, s - 1)
            if t is not None and t.person_role:
                if mention(st, r, start, s - 1):
                    nest_bases(st, start, s - 1)
                return t
    return None


def person_by_word(st: FinderState, word: str) -> Rec | None:
    """The only person whose name has ``word``, or None."""
    fits = [r for r in people_recs(st) if word in r.name_tokens]
    return fits[0] if len(fits) == 1 else None


def nominal(st: FinderState) -> None:
    """"the minister" -> the one person whose title has that role."""
    people = people_recs(st)
    for m in st.roles:
        if m.entry.name not in NOMINAL or not free(st, m.start, m.end):
            continue
        if m.start == 0 or st.lower[m.start - 1] != "the":
            continue
        word = m.entry.name.split()[-1]
        fits = [r for r in people if r.title and word in r.title.lower()]
        if len(fits) == 1:
            mention(st, fits[0], m.start - 1, m.end)
