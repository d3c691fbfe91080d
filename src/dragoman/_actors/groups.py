"""Groups: role words with the state or organisation they belong to, and nouns
that refer back to an organisation or group ("the alliance", "the group", "the allies",
"the rebels")."""
from __future__ import annotations

from .core import (DETERMINERS, FinderState, Rec, free, mention, name_rec, nest_bases,
                   people_recs, record, singular)
from .dictionary import Entry, country_of
from .match import Match
from .titles import POSSESSIVE, code_of
from .._lexicon import table, words

#: Role words that name an actor only with a state or organisation beside them.
NEEDS_BASE = words("roles_needing_base")

#: Lower-case nouns that refer back to an organisation named in the article.
ORG_NOMINALS = {k: set(v.split()) for k, v in table("org_nominals").items()}

def groups(st: FinderState) -> None:
    """Role words with their state or organisation: "Russian TV" -> RUSMED."""
    for m in st.roles:
        if not free(st, m.start, m.end) or \
                any(st.name_at[k] is not None for k in range(m.start, m.end)):
            continue
        _group(st, m)


def _group(st: FinderState, m: Match) -> None:
    """A group mention for role match ``m``: find its base, code and phrase."""
    role = m.entry
    lower, doc = st.lower, st.doc
    start = m.start
    base: Entry | None = None
    base_rec: Rec | None = None
    j = m.start - 1
    while j >= 0 and not doc[j + 1].is_sent_start:
        nm = st.name_at[j]
        if nm is not None and nm.entry.kind != "person" and base is None and \
                base_rec is None and free(st, nm.start, nm.end):
            base = nm.entry
            start = j = nm.start
            j -= 1
            continue
        c = st.claimed[j]
        if c is not None and base is None and base_rec is None and c.code and \
                (c.kind != "person" or role.sector and c.country) and \
                (lower[j + 1] in POSSESSIVE or j + 1 == start and c.kind != "person"):
            base_rec = c  # "the junta's foreign ministry", "junta officials"
            start = j = next(a for a, b in c.spans if a <= j < b)
            j -= 1
            continue
        t = doc[j]
        if lower[j] in POSSESSIVE and base is None and base_rec is None:
            start = j
            j -= 1
            continue
        inside = start <= t.head.i < m.end  # a modifier of this phrase
        if (t.pos_ in ("ADJ", "NUM") and t.text[:1].islower() or t.pos_ == "NUM" or
                lower[j] in DETERMINERS and t.pos_ in ("DET", "PRON", "NUM") or
                t.dep_ in ("compound", "amod") and inside and t.text.islower()) and \
                st.claimed[j] is None and \
                st.name_at[j] is None:
            start = j
            j -= 1
            if lower[j + 1] in DETERMINERS:
                break
            continue
        break
    if base is not None and role.sector and base.kind == "state":
        _coordinated(st, start, role)
    end = m.end
    if base is None and base_rec is None and end + 1 < st.n and \
            lower[end] in ("of", "for", "from", "at"):
        # "the government of Greenland", "a spokesman for NATO", "troops from Chad"
        nm = st.name_at[end + 1]
        if nm is None or nm.start != end + 1:
            k = end + 1 + (lower[end + 1] == "the")
            nm = st.name_at[k] if k < st.n else None
            nm = nm if nm is not None and nm.start == k else None
        if nm is not None and nm.entry.kind != "person" and nm.entry.category != "nat" \
                and \
                (role.sector or nm.entry.kind != "state") and \
                (nm.end >= st.n or lower[nm.end] not in POSSESSIVE) and \
                free(st, nm.start, nm.end):
            base, end = nm.entry, nm.end
    if base is None and base_rec is None and end + 1 < st.n and lower[end] == "in" \
            and role.sector and role.kind != "person":
        # "protesters in Nairobi", "the government in Kabul"
        pm = st.place_at.get(end + 1)
        if pm is not None and free(st, pm.start, pm.end):
            base, end = pm.entry, pm.end
    while start < m.start and lower[start] in POSSESSIVE:
        start += 1
    phrase = role.name
    definite = start < m.start and lower[start] == "the" or \
        (m.start > 0 and lower[m.start - 1] == "the")
    code: str | None
    if base is None and base_rec is None:
        if role.kind == "person":
            return  # "the minister": a nominal reference, resolved later
        if phrase in NEEDS_BASE or not role.sector:
            return
        last = doc[m.end - 1]
        if last.dep_ in ("amod", "compound", "nmod") and last.head.i >= m.end:
            return  # a modifier ("military exercises"), not a group
        if role.sector == "REB":  # "two armed groups", "some militants"
            definite = definite or start < m.start and (
                lower[start] in DETERMINERS or doc[start].pos_ == "NUM")
        code = _unmodified_code(st, role, definite, m.start)
        if code is None:
            return
    elif base_rec is not None:
        code = (base_rec.country + role.sector) if base_rec.country and role.sector \
            else base_rec.code
    else:
        assert base is not None
        code, _ = code_of(base, role.sector or None)
        if base.code and len(base.code) > 3 and base.kind != "state":
            code = base.code
    if base is not None and not role.sector:
        if base.kind == "state" and phrase in ("side", "sides"):
            mention(st, name_rec(st, base), start, end)  # "the Russian side" is Russia
            return
        if role.kind != "person" or base.code is None:
            return
        # "the UN's human rights chief", "Iran's chief": a person of that body
        code = base.code + "GOV" if base.kind == "state" and len(base.code) == 3 \
            else base.code
    head = singular(phrase.split()[-1])
    if role.kind == "person" and base is not None:
        # "the Australian prime minister": the one person of that code and title
        word = phrase.split()[-1]
        same = [(r, r.title.lower()) for r in people_recs(st)
                if r.code == code and r.title]
        fits = [r for r, title in same if phrase in title]
        if not fits and " " not in phrase:
            fits = [r for r, title in same if word in title]
        if len(fits) == 1:
            if mention(st, fits[0], start, end):
                nest_bases(st, start, end)
            return
        head = phrase
    text_start = start
    while text_start < m.start and lower[text_start] in DETERMINERS | {"'s", "’s"} or \
            (text_start < m.start and doc[text_start].pos_ == "NUM"):
        text_start += 1
    name = doc[text_start:end].text
    kind = "person" if role.kind == "person" else role.kind
    key: tuple[object, ...] = ("group", code, head)
    named = _named_after(st, end) if role.kind == "organisation" else None
    if named is not None:
        # "British company Harbin Logistics": the company is the named one
        key, name, end = ("group", code, named), doc[end:named].text, named
    r = record(st, key, name, kind, code)
    r.head = head
    r.country = code[:3] if code and code[:3] in st.d.states else None
    if base_rec is not None:
        _around(st, r, base_rec, start, end)
    elif mention(st, r, start, end) and base is not None and base.kind != "state":
        nest_bases(st, start, end)  # "NATO ministers": NATO is named too


def _around(st: FinderState, r: Rec, inner: Rec, start: int, end: int) -> None:
    """A mention of ``r`` around a mention of ``inner`` ("the junta's ministry")."""
    claimed = st.claimed
    if any(c is not None and c is not inner and c is not r for c in claimed[start:end]):
        return
    for k in range(start, end):
        if claimed[k] is None:
            claimed[k] = r
    r.spans.append((start, end))


def _named_after(st: FinderState, end: int) -> int | None:
    """The end of an ORG entity that starts right after token ``end``, or None."""
    if end >= st.n:
        return None
    t = st.doc[end]
    if t.ent_iob_ != "B" or t.ent_type_ not in ("ORG", "PERSON", "FAC"):
        return None
    e = end + 1
    while e < st.n and st.doc[e].ent_iob_ == "I":
        e += 1
    if any(st.name_at[k] is not None or st.claimed[k] is not None for k in range(end, e)):
        return None
    return e


def _coordinated(st: FinderState, start: int, role: Entry) -> None:
    """"Romanian and US troops": the first state's troops too (ROUMIL)."""
    j = start - 1
    while j >= 1 and st.lower[j] in ("and", "or", ","):
        nm = st.name_at[j - 1]
        if nm is None or nm.entry.kind != "state" or nm.entry.code is None or \
                not free(st, nm.start, nm.end):
            return
        code = nm.entry.code + (role.sector or "")
        head = singular(role.name.split()[-1])
        name = f"{st.doc[nm.start:nm.end].text} {role.name}"
        r = record(st, ("group", code, head), name, "group", code)
        r.head, r.country = head, nm.entry.code
        mention(st, r, nm.start, nm.end)
        j = nm.start - 1


def _unmodified_code(st: FinderState, role: Entry, definite: bool, at: int) -> str | None:
    """"the ministry", "the junta": the earlier group with that role, or the focal state."""
    head = singular(role.name.split()[-1])
    for r in reversed(st.recs):
        if r.head and r.head == head and r.code:
            return r.code
    if definite and role.sector == "REB":
        # "the rebels", "two armed groups": the armed group named last, else the
        # article's state's rebels
        named = [m.entry.code for m in st.names if m.start < at and m.entry.kind != "person"
                 and m.entry.code and m.entry.code.endswith("REB")]
        if named:
            return named[-1]
        return st.focal + "REB" if st.focal else None
    if definite and st.focal and role.kind == "organisation":
        return st.focal + (role.sector or "")
    return None


# ------------------------------------------------------------ nominal organisations
def nominal_orgs(st: FinderState) -> None:
    """"the alliance" -> NATO, "the bloc" -> the EU, when the article names it;
    "the group" -> the group named last; "the allies" -> NATO."""
    orgs = [r for r in st.recs if r.kind == "organisation" and r.spans and r.code
            and not country_of(r.code, st.d.states)]
    lower = st.lower
    for i in range(st.n):
        word = lower[i]
        if word == "allies" and free(st, i, i + 1):
            _allies(st, i)
            continue
        if i == 0 or lower[i - 1] != "the" or not free(st, i - 1, i + 1):
            continue
        if word == "group":
            _the_group(st, i)
            continue
        codes = ORG_NOMINALS.get(word)
        if codes is None:
            if word in ("global", "world") and i + 1 < st.n and lower[i + 1] == "body":
                fits = [r for r in orgs if r.code == "UN" and r.name == "UN"]
                if len(fits) == 1:
                    mention(st, fits[0], i - 1, i + 2)
            continue
        fits = [r for r in orgs if r.code in codes or word in r.name.lower()]
        fits.sort(key=lambda r: r.key[0] != "entry")  # the organisation itself first
        if len({r.code for r in fits}) == 1 and (i + 1 >= st.n or
                                                 st.doc[i].dep_ != "compound"):
            mention(st, fits[0], i - 1, i + 1)


def _allies(st: FinderState, i: int) -> None:
    """"the allies", "urged allies" -> NATO when the article names NATO; not
    "its allies", "US allies", "Western allies"."""
    nato = [r for r in st.recs if r.code == "NATO" and r.key[0] == "entry" and r.spans]
    if not nato:
        return
    start = i
    if i > 0:
        prev = st.doc[i - 1]
        if st.lower[i - 1] == "the":
            start = i - 1
        elif st.claimed[i - 1] is not None or st.name_at[i - 1] is not None or \
                st.lower[i - 1] in POSSESSIVE or \
                prev.pos_ in ("ADJ", "DET", "PRON", "PROPN", "NUM") or \
                prev.dep_ in ("poss", "compound", "amod"):
            return
    if i + 1 < st.n and st.doc[i].dep_ == "compound":
        return
    if free(st, start, i + 1):
        mention(st, nato[0], start, i + 1)


def _the_group(st: FinderState, i: int) -> None:
    """"the group" -> the armed group or organisation named last before it
    ("Hamas ... the group's conditions"); not "the group of seven"."""
    if i + 1 < st.n and st.lower[i + 1] == "of" or st.doc[i].dep_ == "compound":
        return
    best, best_at = None, -1
    for r in st.recs:
        if r.kind not in ("group", "organisation") or r.key[0] not in ("entry", "ent"):
            continue
        if r.code and (country_of(r.code, st.d.states) and len(r.code) == 3 or
                       r.code[3:] in ("GOV", "MIL", "MED", "COP", "JUD", "LEG") or
                       r.code == "WST"):
            continue  # a state, a ministry, a news agency: not "the group"
        at = max((a for a, _ in r.spans if a < i), default=-1)
        if at > best_at:
            best, best_at = r, at
    if best is not None:
        mention(st, best, i - 1, i + 1)
