"""Titles around a person's name: "Russian Deputy Foreign Minister Sergei Ryabkov".

A title is read in segments split at "and": each segment may name a state or an
organisation (its *base*: "Russian", "Russia's", "the Alliance's", "OSCE") and a role
("Deputy Foreign Minister", "Secretary General", "Chairman"). The first segment with a
role gives the person's code and title; the others become extra roles ("OSCE Chairman").

Titles are read off the recognition state (:class:`~.core.FinderState`): its tokens and
the dictionary name and role matches covering each token.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .core import FinderState, base_at
from .dictionary import HONORIFICS, Entry

POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
JOINERS = frozenset({"and", "&", "of", "-"})
BOUNDARY = frozenset({",", ".", ";", ":", ")", "(", "–", "—", "\"", "“", "”", "?", "!"})


@dataclass
class Segment:
    """One part of a title: its base (state or organisation), role and text."""

    base: Entry | None
    sector: str | None
    title: str | None
    text: str
    has_role: bool
    person_title: bool = False


@dataclass
class Title:
    """A parsed title: tokens ``[start, end)``, the code it gives, and its parts."""

    start: int
    end: int
    code: str | None
    country: str | None
    title: str | None
    roles: list[str] = field(default_factory=list)
    person_role: bool = False
    names_person: bool = True  # False: "British company X" names an organisation


# ------------------------------------------------------------ token classes
def _titleish(st: FinderState, i: int) -> bool:
    """Whether token ``i`` may be part of a title (a title word, honorific or role)."""
    t = st.lower[i]
    return (t in st.d.title_words or t in HONORIFICS or st.role_at[i] is not None)


# ------------------------------------------------------------ walking
def walk_left(st: FinderState, end: int) -> int:
    """The first token of the title ending just before token ``end``."""
    doc, lower = st.doc, st.lower
    j = end - 1
    start = end
    while j >= 0:
        if doc[j + 1].is_sent_start:
            break  # token j belongs to the sentence before
        m = base_at(st, j)
        if m is not None:
            start = j = m.start
            j -= 1
            continue
        t = lower[j]
        if _titleish(st, j) or t in POSSESSIVE or t in JOINERS:
            start = j
            j -= 1
            continue
        if t in ("the", "a", "an") and start < end:
            start = j
            if t == "the" and j > 0 and lower[j - 1] == "of" and \
                    not doc[j].is_sent_start:
                j -= 1  # "the head of the World Health Organization"
                continue
            break
        break
    # a title never starts with a joiner or a possessive
    while start < end and (lower[start] in POSSESSIVE or lower[start] in JOINERS):
        start += 1
    return start


def walk_right(st: FinderState, start: int) -> int:
    """The end of an appositive title starting at token ``start`` (or ``start``)."""
    doc, lower = st.doc, st.lower
    i = start
    n = st.n
    while i < n:
        if i > start and doc[i].is_sent_start:
            break
        m = base_at(st, i)
        if m is not None:
            i = m.end
            continue
        t = lower[i]
        if _titleish(st, i) or t in POSSESSIVE or t in JOINERS or \
                t in ("the", "a", "an", "its", "his", "her", "their") or \
                (doc[i].pos_ == "ADJ" and doc[i].text.islower()):
            i += 1
            continue
        break
    while i > start and lower[i - 1] in JOINERS | {"the", "a", "an"}:
        i -= 1
    return i


# ------------------------------------------------------------ parsing
def segments(st: FinderState, start: int, end: int) -> list[Segment]:
    """The title tokens ``[start, end)`` split at "and" into segments."""
    segs: list[Segment] = []
    cut = start
    for i in range(start, end + 1):
        if i == end or st.lower[i] in ("and", "&"):
            if i > cut:
                segs.append(_segment(st, cut, i))
            cut = i + 1
    return segs


def _segment(st: FinderState, start: int, end: int) -> Segment:
    """One segment of a title: its base, role sector and title text."""
    doc = st.doc
    base: Entry | None = None
    sector: str | None = None
    has_role = False
    person_title = False
    title_start = None
    i = start
    while i < end:
        m = base_at(st, i)
        if m is not None and m.end <= end:
            if base is None:
                base = m.entry
            i = m.end
            continue
        r = st.role_at[i]
        t = st.lower[i]
        if r is not None and r.end <= end:
            has_role = True
            person_title = person_title or r.entry.kind == "person"
            # "defence ministry spokeswoman": the specific sector beats GOV
            if r.entry.sector and (sector is None or sector == "GOV"):
                sector = r.entry.sector
            if title_start is None:
                title_start = i
            i = r.end
            continue
        if t in st.d.title_words and t not in HONORIFICS and title_start is None and \
                t not in ("the", "of", "-") and t not in POSSESSIVE:
            title_start = i
        i += 1
    title = None
    if title_start is not None:
        skip = set()
        for k in range(title_start, end):
            m = base_at(st, k)
            if m is not None or st.lower[k] in POSSESSIVE:
                skip.add(k)
        keep = [k for k in range(title_start, end) if k not in skip]
        while keep and st.lower[keep[-1]] in ("of", "the", "and", "-"):
            keep.pop()
        title = "".join(doc[k].text_with_ws for k in keep).strip() or None
    return Segment(base, sector, title, doc[start:end].text, has_role, person_title)


def read_title(st: FinderState, start: int, end: int) -> Title | None:
    """The title of tokens ``[start, end)``, or None when they hold no role."""
    segs = segments(st, start, end)
    main = next((s for s in segs if s.has_role or (s.base and s.title)), None)
    if main is None:
        base = next((s.base for s in segs if s.base), None)
        if base is None:
            return None
        code = base.code
        return Title(start, end, code, base.country, None)
    code, country = code_of(main.base, main.sector, person=True)
    roles = []
    for s in segs:
        if s is main or not s.has_role:
            continue
        roles.append(s.text.replace("’s", "").replace("'s", "").strip())
    return Title(start, end, code, country, main.title, roles, True,
                 main.person_title or not main.has_role)


def code_of(base: Entry | None, sector: str | None, *,
            person: bool = False) -> tuple[str | None, str | None]:
    """The code a base and a sector give: (RUS, GOV) -> RUSGOV, (NATO, GOV) -> NATO."""
    if base is None or base.code is None:
        return None, None
    code = base.code
    if base.kind == "state" and len(code) == 3:
        if sector is None and person:
            sector = "GOV"
        return code + (sector or ""), base.country
    return code, base.country
