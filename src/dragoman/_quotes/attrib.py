"""Reading an attribution off the parse: who (the speaker phrase) and what (content).

Works on the pipeline's dependency parse only; nothing is re-parsed.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from .._nlp import doc_text
from .cues import Cue, noun_content_head
from .who import DOCUMENT_NOUNS, SUBJECT_DEPS, speaker_of, subject
from .._lexicon import table, words

_AUDIENCE = words("audience_nouns")


@dataclass
class Attribution:
    """One cue with what the parse says about its speaker and its content.

    ``speaker`` is the head token of the speaker phrase (None when the text names
    none), ``content`` the character range of the reported content (None when
    the cue has no content clause: "spoke of", "described X as").
    """

    cue: Cue
    speaker: int | None
    content: tuple[int, int] | None
    inherited: int | None = None  # the cue whose speaker a participle inherits
    objective: bool = False  # content is the object of a directive cue ("urged X to Y")
    mention: int | None = None  # the attribution's own word for the speaker ("who")


_DATELINE = re.compile(r"[A-Z][A-Z .,'’-]{1,40}?(?:\s*\([^)\n]{0,80}\))?(?:\s*[-—–:]\s+|(?<=\))\s+)")


def _trim_chars(text: str, s: int, e: int) -> tuple[int, int]:
    """Shrink past white space, commas and dashes. A leading "that" stays: attribution
    corpora (PolNeAR) count the complementiser as part of the reported content."""
    while s < e and text[s] in " \t\n,;:—–-":
        s += 1
    while e > s and text[e - 1] in " \t\n,;:—–-":
        e -= 1
    for tail in (" and", " but", " or", ",", " and,"):
        if text.endswith(tail, s, e) and e - s > len(tail) + 3:
            e -= len(tail)  # "said X and accused Y": the coordinator is not content
            while e > s and text[e - 1] in " \t\n,;:—–-":
                e -= 1
    if s == 0 or text[s - 1] == "\n":
        m = _DATELINE.match(text, s, e)
        if m:
            s = m.end()  # "GENEVA (Reuters) - ", "BANGKOK: "
    return s, e


def _span_without(doc: Doc, root: Token, skip: set[int]) -> tuple[int, int] | None:
    """Character range of ``root``'s subtree, cut before the first skipped token
    that follows the root (a nested cue), and after the last one before it."""
    lo, hi = root.left_edge.i, root.right_edge.i
    for i in sorted(skip):
        if lo <= i <= hi:
            if i > root.i:
                hi = min(hi, i - 1)
            elif i < root.i:
                lo = max(lo, i + 1)
    if hi < lo:
        return None
    return doc[lo].idx, doc[hi].idx + len(doc[hi])


def content_of(doc: Doc, cue: Cue, nested: set[int] | list[int]) -> tuple[int, int] | None:
    """The reported content of ``cue`` as a character range, or None.

    The content is the cue's clausal complement ("said (that) ..."), the clause an
    "according to X" phrase hangs on, or the clause a parenthetical cue interrupts
    ("the plan, he said, is dead"). Nested cues (a participle "adding that ...",
    a second speech verb) and their subtrees are cut off.
    """
    tok = doc[cue.head]
    text = doc_text(doc)
    own = set(cue.tokens)
    if cue.kind == "source":
        return _around(doc, tok)
    if cue.kind == "noun":
        head = noun_content_head(tok)
        if head is None:
            return None
        return _content_chars(doc, head.left_edge.idx, head.right_edge.i)
    comp = _complement(doc, tok, own)
    if comp is None:
        comp = _frame_clause(tok)
        if comp is None and tok.i in doc.user_data.get("dragoman_strong_cues", ()):
            comp = _misattached_clause(tok)
    if comp is None and tok.dep_ == "parataxis" and _opens_quotation(text, tok.idx + len(tok)):
        return None  # "X said, ''…''": the quotation is the content (paired elsewhere)
    if comp is None and tok.dep_ == "parataxis":
        # "On Friday, X said, there was fighting": the sentence around the
        # parenthetical cue (the parser often splits it oddly).
        sent = tok.sent
        head = tok.head
        join = any(c.dep_ in SUBJECT_DEPS and c.i < tok.i for c in head.children)
        subj = subject(tok)
        if not join and subj is not None and subj.left_edge.i > sent.start + 2 \
                and doc[subj.left_edge.i - 1].text == "," \
                and not any(ch in text[sent.start_char:sent.end_char] for ch in "“”\"«»"):
            join = True  # "After the ruling, Hebert said, most laws were safe"
        lo = sent.start if join else tok.right_edge.i + 1
        hi = sent.end - 1
        if join and tok.left_edge.i > lo and _words_in(doc, tok.right_edge.i + 1, sent.end) == 0:
            # "Talks will resume, the envoy said, amid fighting": the cue and what
            # hangs on it close the sentence; the content is what comes before
            hi = tok.left_edge.i - 1
        if lo > hi:
            return None
        s, e = _trim_chars(text, doc[lo].idx, doc[hi].idx + len(doc[hi]))
        while e > s and text[e - 1] in ".!?":
            e -= 1
        return (s, e) if e - s >= 3 else None
    if cue.belief == "raising":
        return _raised_content(doc, tok)
    if comp is None:
        if cue.belief:
            return _belief_content(doc, tok, cue.belief)
        return _object_content(doc, tok) or _judgement_content(doc, tok) or (
            _stance_content(doc, tok) if _stance(tok) else None)
    if comp.i in nested_all(doc, comp):
        return None
    # only the nested cues inside the complement matter (never a scan of them all:
    # a long article has thousands)
    lo, hi = comp.left_edge.i, comp.right_edge.i
    order = nested if isinstance(nested, list) else sorted(nested)
    inside = order[bisect.bisect_left(order, lo):bisect.bisect_right(order, hi)]
    cut = {n for n in inside if n != cue.head} | _foreign_conjuncts(comp) \
        | _aside_reports(doc, comp)
    span = _span_without(doc, comp, cut)
    if span is None:
        return None
    span = _split_clause(doc, tok, comp, span, cut)
    s, e = _trim_chars(text, *span)
    obj = next((c for c in tok.children if c.dep_ == "dobj" and tok.i < c.i < comp.i), None)
    if obj is not None and obj.pos_ == "NOUN" and obj.lemma_ not in _AUDIENCE \
            and not any(m.dep_ == "mark" for m in comp.children):
        s = obj.left_edge.idx  # "cautioned a deal ... remains months away"
    first = _first_of_split(doc, tok, comp)
    if first is not None and first.left_edge.idx < s:
        s = first.left_edge.idx  # "said she intends X, so she will Y": one clause
    rest = _rest_of_split(tok, comp)
    if rest is not None:  # "say they do | n't know": the parser cut one clause in two
        more = _span_without(doc, rest, cut)
        if more is not None:
            e = max(e, _trim_chars(text, *more)[1])
    lead = _parenthetical_lead(doc, tok, comp)
    if lead is not None and not any(ch in text[s:e] for ch in "“”\"«»") \
            and not _opens_quotation(text, tok.idx + len(tok)):
        s = lead  # "At times last year, people close to him said, the mention ..."
    if e - s < 3:
        return None
    return s, e


def _opens_quotation(text: str, pos: int) -> bool:
    """Whether a quotation opens right after ``pos`` (past a comma or a colon)."""
    rest = text[pos:pos + 6].lstrip(" ,:\u00a0")
    return rest[:1] in ("“", '"', "«", "„", "‘") or rest.startswith("''") or (
        rest[:1] == "'" and rest[1:2].isupper())


def _split_clause(doc: Doc, tok: Token, comp: Token, span: tuple[int, int],
                  cut: set[int]) -> tuple[int, int]:
    """"told X that she was sad there had been no winners": the parser may split one
    clause into two complements of the cue; the second, right after the first with
    nothing between, is part of the same content."""
    if span[1] != comp.right_edge.idx + len(comp.right_edge):
        return span  # the content was cut short on purpose
    for c in tok.children:
        if c.dep_ == "ccomp" and c.i > comp.i and c.left_edge.i == comp.right_edge.i + 1 \
                and not doc[c.left_edge.i].is_punct \
                and c.i not in doc.user_data.get("dragoman_cue_heads", ()) \
                and not any(m.dep_ == "mark" for m in c.children) \
                and not any(i in cut for i in range(c.left_edge.i, c.right_edge.i + 1)) \
                and _same_paragraph(doc, comp, c):
            return span[0], c.right_edge.idx + len(c.right_edge)
    return span


def _parenthetical_lead(doc: Doc, tok: Token, comp: Token) -> int | None:
    """", X said, ..." after a sentence-initial phrase: the phrase belongs to the
    reported content ("After the ruling, Hebert said, most laws were safe")."""
    if comp.i < tok.i or tok.i + 1 >= len(doc) or doc[tok.i + 1].text != ",":
        return None
    subj = subject(tok)
    if subj is None or subj.left_edge.i < 2 or doc[subj.left_edge.i - 1].text != ",":
        return None
    sent = tok.sent
    first = sent.start
    while first < subj.left_edge.i and (doc[first].is_space or doc[first].is_punct):
        first += 1
    if first >= subj.left_edge.i - 1 or "\n" in doc_text(doc)[doc[first].idx:tok.idx]:
        return None
    return doc[first].idx


#: Directive and commissive cues whose content is their object or infinitive:
#: "called for X", "urged X to Y", "vowed to Y", "asked whether Y".
_DIRECTIVES = {k: tuple(v.split()) for k, v in table("directive_cues").items()}


def _object_content(doc: Doc, tok: Token) -> tuple[int, int] | None:
    """Content of a directive cue: from its object to the end of its infinitive."""
    preps = _DIRECTIVES.get(tok.lemma_.lower())
    if preps is None:
        return None
    parts: list[Token] = []
    for c in tok.children:
        if c.i < tok.i:
            continue
        if c.dep_ == "dobj" and tok.lemma_.lower() not in ("call", "appeal", "argue"):
            parts.append(c)
        elif c.dep_ in ("xcomp", "ccomp") and (c.i > tok.i):
            parts.append(c)
        elif c.dep_ == "prep" and c.lower_ in preps:
            parts.extend(g for g in c.children if g.dep_ in ("pobj", "pcomp"))
    if not parts:
        return None
    lemma = tok.lemma_.lower()
    if any(t.lemma_ in ("name", "identify") for p in parts for t in p.subtree) and any(
            t.dep_ == "neg" for p in parts for t in p.subtree):
        return None  # "who asked not to be named": anonymity, not a request reported
    if lemma in ("ask", "urge", "press", "plead") and not any(
            p.dep_ in ("xcomp", "ccomp") or p.head.dep_ == "prep" for p in parts):
        return None  # "asked Trump on Wednesday": no content
    lo = min(p.left_edge.i for p in parts)
    hi = max(p.right_edge.i for p in parts)
    s, e = _trim_chars(doc_text(doc), doc[lo].idx, doc[hi].idx + len(doc[hi]))
    while e > s and doc_text(doc)[e - 1] in ".!?":
        e -= 1
    return (s, e) if _words_in(doc, lo, hi + 1) >= 2 else None


def _raised_content(doc: Doc, tok: Token) -> tuple[int, int] | None:
    """"The deal seems to be collapsing", "turnout is expected to fall": a perception
    or expectation nobody is named for; the content is the whole clause."""
    subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.lower_ in ("it", "there") or subj.tag_ in ("WP", "WDT"):
        return None  # "it seems that ...": the that-clause alone is for a later rule
    pred = [c for c in tok.children if c.i > tok.i and (
        c.dep_ in ("xcomp", "acomp", "attr", "oprd") or c.dep_ == "prep" and c.lower_ == "as")]
    if not pred:
        return None
    return _content_chars(doc, subj.left_edge.idx, max(c.right_edge.i for c in pred))


def _content_chars(doc: Doc, start: int, hi: int) -> tuple[int, int] | None:
    """Characters from ``start`` to the end of token ``hi``, trimmed, without the
    sentence's closing punctuation; None when under three characters are left."""
    text = doc_text(doc)
    s, e = _trim_chars(text, start, doc[hi].idx + len(doc[hi]))
    while e > s and text[e - 1] in ".!?":
        e -= 1
    return (s, e) if e - s >= 3 else None


def _belief_content(doc: Doc, tok: Token, takes: str) -> tuple[int, int] | None:
    """Content of a belief cue with no clausal complement: its infinitive ("hopes to
    win the seat", "expects the bank to cut rates") or, for a verb of stance, its
    object ("backs the plan", "sees the deal as a trap")."""
    parts = [c for c in tok.children if c.i > tok.i and c.dep_ == "xcomp"]
    if parts:
        parts += [c for c in tok.children if c.dep_ == "dobj" and c.i < parts[0].i]
    elif takes == "object" or any(c.dep_ == "prep" and c.lower_ == "as" for c in tok.children):
        obj = [c for c in tok.children if c.i > tok.i and c.dep_ in ("dobj", "oprd")
               and c.pos_ in ("NOUN", "PROPN", "NUM") and c.lemma_.lower() not in _AUDIENCE
               and c.lemma_.lower() not in DOCUMENT_NOUNS]  # "published a statement"
        if obj:
            parts = obj + [c for c in tok.children if c.i > obj[0].i and c.dep_ == "prep"
                           and c.lower_ == "as"]
    if not parts:
        return None
    lo = min(p.left_edge.i for p in parts)
    hi = max(p.right_edge.i for p in parts)
    text = doc_text(doc)
    s, e = _trim_chars(text, doc[lo].idx, doc[hi].idx + len(doc[hi]))
    while e > s and text[e - 1] in ".!?":
        e -= 1
    return (s, e) if e - s >= 3 else None


#: Speech verbs of judgement whose object, when they report no clause, is the stance
#: taken ("praised the deal", "condemned the strike"): a belief, as "backs the plan".
_STANCES = words("stance_object_verbs")
_STANCE_PREPS = frozenset("for of as over".split())  # "accused X of Y", "praised X for Y"


def _stance(tok: Token) -> bool:
    return tok.lemma_.lower() in _STANCES and tok.pos_ == "VERB"


def _stance_content(doc: Doc, tok: Token) -> tuple[int, int] | None:
    """The object of a verb of judgement with what it is judged for or of ("accused
    the rebels of shelling the town", "praised the mediators for their patience")."""
    obj = next((c for c in tok.children if c.dep_ == "dobj" and c.i > tok.i
                and c.pos_ in ("NOUN", "PROPN", "PRON")), None)
    if obj is None or obj.lemma_.lower() in _AUDIENCE and obj.pos_ == "NOUN":
        return None
    parts = [obj] + [c for c in tok.children if c.i > obj.i and c.dep_ == "prep"
                     and c.lower_ in _STANCE_PREPS]
    if len(parts) == 1:  # the parser may hang the charge on the accused ("X of Y")
        parts += [c for c in obj.children if c.i > obj.i and c.dep_ == "prep"
                  and c.lower_ in ("of", "for")]
    if len(parts) == 1 and tok.lemma_.lower() in ("accuse", "blame"):
        return None  # "accused the mayor": of nothing said
    hi = max(p.right_edge.i for p in parts)
    heads = doc.user_data.get("dragoman_cue_heads", ())
    for i in range(obj.i + 1, hi + 1):
        if i in heads and doc[i].left_edge.i > obj.i:
            hi = doc[i].left_edge.i - 1  # "... after he said X": a report of its own
            break
    text = doc_text(doc)
    s, e = _trim_chars(text, obj.left_edge.idx, doc[hi].idx + len(doc[hi]))
    while e > s and text[e - 1] in ".!?":
        e -= 1
    return (s, e) if e - s >= 3 else None


#: Cues whose content is their object and what is said of it: "described X as Y",
#: "called X a Y" ("": the predicate the parser hangs on the verb). PolNeAR keeps the
#: object in the content. Accusations ("accused X of Y") are stances (beliefs, see
#: _STANCES), and so is a label with no quoted words ("called the vote a farce"):
#: news annotation does not count them as speech when nothing is quoted, and measured
#: on held-out news as speech they cost more than they bring. A quoted label ("called
#: the vote “a farce”") is speech with a quoted part.
_JUDGEMENTS = {"describe": ("as",), "call": ("",), "dub": ("",), "brand": ("", "as"),
               "label": ("", "as"), "term": ("",)}
_LABELS = frozenset(k for k, v in _JUDGEMENTS.items() if "" in v)


def _judgement_content(doc: Doc, tok: Token) -> tuple[int, int] | None:
    """Content of a cue of judgement: its object with the charge or the label."""
    preps = _JUDGEMENTS.get(tok.lemma_.lower())
    if preps is None:
        return None
    obj = next((c for c in tok.children if c.dep_ == "dobj" and c.i > tok.i), None)
    if obj is None or obj.lemma_.lower() in _AUDIENCE and obj.pos_ == "NOUN":
        return None
    said = [c for c in tok.children if c.i > obj.i and (
        c.dep_ == "prep" and c.lower_ in preps or "" in preps and c.dep_ in ("oprd", "xcomp", "ccomp"))]
    if not said:  # the parser may hang the charge on the accused ("X of Y")
        said = [c for c in obj.children if c.dep_ == "prep" and c.lower_ in preps
                and c.i > obj.i]
    if not said:
        return None
    return _content_chars(doc, obj.left_edge.idx, max(c.right_edge.i for c in said))


def _words_in(doc: Doc, lo: int, hi: int) -> int:
    return sum(1 for t in doc[lo:hi] if not t.is_punct and not t.is_space)


def _around(doc: Doc, tok: Token) -> tuple[int, int] | None:
    """"X, according to Y, Z": the sentence around the source phrase."""
    sent = tok.sent
    text = doc_text(doc)
    start, end = sent.start, sent.end
    while start < tok.i and "\n" in text[doc[start].idx:tok.idx]:
        start += 1  # the paragraph of the cue only
    while end > tok.i + 1 and "\n" in text[tok.idx:doc[end - 1].idx]:
        end -= 1
    lo, hi = tok.left_edge.i, tok.right_edge.i
    left, right = _words_in(doc, start, lo), _words_in(doc, hi + 1, end)
    if left >= 1 and right >= 2:
        a, b = start, end - 1
    elif left >= right:
        a, b = start, lo - 1
    else:
        a, b = hi + 1, end - 1
    if b < a or not any(t.pos_ in ("VERB", "AUX") for t in doc[a:b + 1] if not lo <= t.i <= hi):
        return None
    s, e = _trim_chars(text, doc[a].idx, doc[b].idx + len(doc[b]))
    while e > s and text[e - 1] in ".!?":
        e -= 1
    return (s, e) if e - s >= 3 else None


def _same_paragraph(doc: Doc, a: Token, b: Token) -> bool:
    lo, hi = sorted((a.idx, b.idx))
    return "\n" not in doc_text(doc)[lo:hi]


def _complement(doc: Doc, tok: Token, own: set[int]) -> Token | None:
    """The clausal complement of a cue: after it, "that"-marked, in its paragraph,
    and not itself a cue, preferred in that order."""
    heads = doc.user_data.get("dragoman_cue_heads", ())
    comps = [c for c in tok.children if c.dep_ == "ccomp" and c.i not in own
             and _same_paragraph(doc, tok, c)]
    if not comps:
        return None

    def rank(c: Token) -> tuple[bool, bool, bool]:
        marked = any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
        return (c.i not in heads, c.i > tok.i, marked)

    return max(comps, key=rank)


def _first_of_split(doc: Doc, tok: Token, comp: Token) -> Token | None:
    """An earlier complement of the same cue in the same sentence, when the parser
    split one reported clause in two ("said she intends to win, so she will have ..."
    gives "said" two complements): the content then starts with the first."""
    earlier = [c for c in tok.children if c.dep_ == "ccomp" and tok.i < c.i < comp.i
               and c.sent.start == comp.sent.start]
    return min(earlier, key=lambda c: c.i) if earlier else None


def _rest_of_split(tok: Token, comp: Token) -> Token | None:
    """The later complement of the same cue that goes on right where ``comp`` ends,
    when ``comp`` is an auxiliary the parser took for a verb of its own ("say they
    do | n't yet know ...": one clause cut in two), or None."""
    if comp.lemma_ not in ("do", "be", "have") or any(
            c.dep_ in ("dobj", "attr", "acomp", "ccomp", "xcomp", "prep") for c in comp.children):
        return None
    return next((c for c in tok.children if c.dep_ == "ccomp" and c.i > comp.i
                 and c.left_edge.i == comp.right_edge.i + 1), None)


def _foreign_conjuncts(comp: Token) -> set[int]:
    """Conjuncts of a content clause that belong to the reporting clause instead:
    a second "that" clause (reported separately) or a verb in another tense with no
    subject ("said it wants X and offered Y")."""
    cut = set()
    chain = [comp] + [x for x in comp.children if x.dep_ == "xcomp"]
    for c in (g for x in chain for g in x.children):
        if c.i > comp.i and c.dep_ in ("npadvmod", "appos", "dep") and c.pos_ == "NOUN" \
                and c.left_edge.i > 0 and c.doc[c.left_edge.i - 1].text == "," and any(
                    d.dep_ == "det" and d.lower_ in ("a", "an") for d in c.children):
            cut.add(c.left_edge.i - 1)  # "..., a claim the opposition rejected": the
            continue  # reporter's comment on the whole clause
        if c.i < comp.i or c.pos_ not in ("VERB", "AUX"):
            continue
        if c.dep_ == "advcl" and _context_clause(c):
            prev = c.left_edge.i - 1
            if prev >= 0 and c.doc[prev].text in (",", "—", "–"):
                cut.add(prev)
            continue
        if c.dep_ != "conj":
            continue
        has_subj = any(g.dep_ in SUBJECT_DEPS for g in c.children)
        tense_shift = not has_subj and comp.tag_ in ("VBZ", "VBP") and c.tag_ == "VBD"
        if tense_shift or _context_clause(c):
            cc = [g.i for g in c.head.children if g.dep_ in ("cc", "punct") and c.head.i < g.i < c.i]
            cut.add(min(cc) if cc else c.left_edge.i)
    return cut


def _aside_reports(doc: Doc, comp: Token) -> set[int]:
    """"said the cuts would hurt farmers, whom the minister praised on Monday": a
    relative clause set off by a comma after the content's verb, whose own verb is an
    active cue, is the reporter's aside (an attribution of its own): cut at its comma.
    A passive one ("the levy, which was proposed by X") describes the noun."""
    heads = doc.user_data.get("dragoman_cue_heads", ())
    cut = set()
    for t in comp.subtree:
        if t.dep_ == "relcl" and t.i in heads and t.left_edge.i > comp.i \
                and doc[t.left_edge.i - 1].text == "," \
                and not any(c.dep_ == "auxpass" for c in t.children):
            cut.add(t.left_edge.i - 1)
    return cut


def _context_clause(c: Token) -> bool:
    """"..., just as troops arrived" / "..., while ...": the reporter's context."""
    if c.dep_ != "advcl":
        return False
    first = c.doc[c.left_edge.i].lower_
    marks = {g.lower_ for g in c.children if g.dep_ == "mark"}
    return first in ("just", "even") or bool(marks & {"as", "while", "whereas"})


def nested_all(doc: Doc, comp: Token) -> set[int]:
    """Set with ``comp`` in it when the complement is itself a speech cue's verb
    ("X said that Y, the statement said"): the outer cue then has no content."""
    strong = doc.user_data.get("dragoman_strong_cues", ())
    if comp.i in strong and any(c.dep_ == "ccomp" for c in comp.children) and any(
            c.dep_ in SUBJECT_DEPS for c in comp.children):
        return {comp.i}
    return set()


def _marked_that(v: Token) -> bool:
    return v.pos_ in ("VERB", "AUX") and any(
        m.dep_ == "mark" and m.lower_ == "that" for m in v.children)


_CONTENT_NOUNS = words("content_nouns")


def _misattached_clause(tok: Token) -> Token | None:
    """"told the audience at his fundraiser for veterans that ...": a that-clause the
    parser hung on a noun after the cue (within its objects and prepositions)."""
    stack = [c for c in tok.children if c.dep_ in ("dobj", "prep", "dative") and c.i > tok.i]
    seen = 0
    while stack and seen < 30:
        t = stack.pop()
        seen += 1
        if t.dep_ in ("relcl", "acl") and _marked_that(t):
            if t.head.lemma_.lower() in _CONTENT_NOUNS:
                return None  # "no guarantee that ...": the noun's own clause
            return t
        stack.extend(c for c in t.children if c.dep_ in ("prep", "pobj", "relcl", "acl", "dobj"))
    return None


def _frame_clause(tok: Token) -> Token | None:
    """"said in a statement that ...": the that-clause hangs on the frame noun."""
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "in":
            for n in c.children:
                for v in n.children:
                    if v.dep_ in ("acl", "relcl", "ccomp") and any(
                            m.dep_ == "mark" and m.lower_ == "that" for m in v.children):
                        return v
    return None


def _clause_minus(doc: Doc, head: Token, skip: set[int], *, join: bool = True
                  ) -> tuple[int, int] | None:
    """The subtree of ``head`` without the tokens of ``skip`` (a contiguous part)."""
    lo, hi = head.left_edge.i, head.right_edge.i
    toks = [i for i in range(lo, hi + 1) if i not in skip]
    if not toks:
        return None
    # Keep the longest contiguous run that contains the head.
    runs: list[list[int]] = [[toks[0]]]
    for i in toks[1:]:
        if i == runs[-1][-1] + 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    runs = [r for r in runs if any(not doc[i].is_punct and not doc[i].is_space for i in r)]
    if not runs:
        return None
    best = max(runs, key=lambda r: (head.i in r, len(r)))
    if join and len(runs) > 1 and head.i in best:
        # "the plan, he said, is dead": join the parts on both sides of the cue
        first, last = runs[0][0], runs[-1][-1]
        best = [first, last]
    s = doc[best[0]].idx
    e = doc[best[-1]].idx + len(doc[best[-1]])
    s, e = _trim_chars(doc_text(doc), s, e)
    while e > s and doc_text(doc)[e - 1] in ".!?":
        e -= 1
    return (s, e) if e - s >= 3 else None


def _clip_to_paragraph(text: str, pos: int, span: tuple[int, int] | None
                       ) -> tuple[int, int] | None:
    """A content never leaves the paragraph of its cue."""
    if span is None:
        return None
    ps = text.rfind("\n", 0, pos) + 1
    pe = text.find("\n", pos)
    pe = len(text) if pe < 0 else pe
    s, e = max(span[0], ps), min(span[1], pe)
    s, e = _trim_chars(text, s, e) if e > s else (s, e)
    return (s, e) if e - s >= 3 else None


def find_attributions(doc: Doc, cues: list[Cue], objects: frozenset[str] = frozenset(),
                      topics: frozenset[str] = frozenset()) -> list[Attribution]:
    """Speaker and content for every cue; a speech verb in ``objects`` with no
    content of its own reports its noun object as a belief ("announced new sanctions"),
    one with a preposition of ``topics`` what it is about ("spoke about the deal")."""
    # a directive's object is the one it directs, a label verb's ("called a meeting")
    # is no report; "described X" with no "as" reports X
    objects = objects - _DIRECTIVES.keys() - _LABELS - {"quote"}
    heads = {c.head for c in cues}
    doc.user_data["dragoman_cue_heads"] = heads
    doc.user_data["dragoman_strong_cues"] = {c.head for c in cues if c.force == "strong"}
    # Cues that have their own content are cut out of the content of others.
    prelim = {c.head: content_of(doc, c, set()) for c in cues}
    # Only cues without a subject of their own ("adding that", "and warned that")
    # are cut: "X reported that Y said Z" reports Y's words as part of X's.
    # A belief inside reported speech ("accused X of backing Y") stays in it.
    speech = {c.head for c in cues if not c.belief}
    nested = {h for h, span in prelim.items() if span is not None and subject(doc[h]) is None}
    nested |= {c.head for c in cues if doc[c.head].tag_ == "VBG"
               and doc[c.head].dep_ in ("advcl", "conj", "xcomp")}
    nested |= {c.head for c in cues if doc[c.head].dep_ == "conj"}
    # ... and only those with something to report ("began calling local groups" is
    # no report, so the clause it stands in goes on)
    nested &= speech & {h for h, span in prelim.items() if span is not None}
    # an infinitive ("did not go far enough to demand action") is part of the content
    # it stands in, not a report of its own
    infinitives = {c.head for c in cues if doc[c.head].tag_ == "VB" and any(
        g.dep_ == "aux" and g.lower_ == "to" for g in doc[c.head].children)
        and doc[c.head].head.i not in heads}
    nested -= infinitives
    nested |= {c.head for c in cues if _trailing_participle(doc, c, objects)
               and (prelim[c.head] is not None or c.kind == "verb"
                    and _belief_content(doc, doc[c.head], "object") is not None)}
    nested_order = sorted(nested)  # content_of skips the cue itself
    out = []
    for c in cues:
        if c.kind == "verb" and any(g.dep_ == "neg" for g in doc[c.head].children) and any(
                g.dep_ == "mark" and g.lower_ in ("whether", "if")
                for comp in doc[c.head].children if comp.dep_ == "ccomp" for g in comp.children):
            continue  # "has not said whether ...": nothing was said
        content = content_of(doc, c, nested_order) if prelim[c.head] else None
        if content is None and c.kind == "verb" and not c.belief \
                and doc[c.head].lemma_.lower() in objects:
            # "announced new sanctions": what was announced, no words reported
            content = _belief_content(doc, doc[c.head], "object")
            if content is not None and any(ch in doc_text(doc)[content[0]:content[1]]
                                           for ch in "“”\"«»"):
                content = None  # "announced the decision: “…”": the quotation says it
            if content is not None:
                c = replace(c, belief="object")
        if content is None and c.kind in ("verb", "phrase") and not c.belief:
            # "said yes", "spoke about the deal": the gist, no words of the speaker's
            content = (_pro_form(doc, doc[c.head]) if c.kind == "verb" else None) \
                or _topic_content(doc, doc[c.head], topics)
            if content is not None:
                c = replace(c, belief="object")
        if content is not None and not c.belief and _stance(doc[c.head]) \
                and _complement(doc, doc[c.head], set(c.tokens)) is None:
            c = replace(c, belief="stance")  # "condemned the strike": a stance, no speech
        if content is not None and not c.belief and c.kind == "verb" \
                and doc[c.head].lemma_.lower() in _LABELS \
                and _complement(doc, doc[c.head], set(c.tokens)) is None:
            if any(ch in doc_text(doc)[content[0]:content[1]] for ch in "“”\"«»"):
                content = None  # "called the vote “a farce”": the quoted words are the quote
            else:
                c = replace(c, belief="stance")  # "called the vote a farce": a label
        spk, inherit = speaker_of(doc, c, heads) if c.belief != "raising" else (None, None)
        content = _clip_to_paragraph(doc_text(doc), doc[c.head].idx, content)
        spk_i = spk.i if spk is not None else None
        if spk_i is None and inherit is None and content is not None \
                and doc[c.head].idx - 120 < content[1] <= doc[c.head].idx:
            cut = _speaker_after_quote(doc, doc[c.head], content)
            if cut is not None:
                content, who = cut
                spk_i = who.i
        if content is not None and c.kind != "source":
            content = _extend_modal_conjunct(doc, doc[c.head], content)
            content = _extend_left_conjunct(doc, doc[c.head], content, heads)
        objective = content is not None and _complement(doc, doc[c.head], set(c.tokens)) is None \
            and doc[c.head].lemma_.lower() in _DIRECTIVES \
            and _object_content(doc, doc[c.head]) is not None
        own = subject(doc[c.head])
        rel = own.i if own is not None and spk_i is not None and own.i != spk_i \
            and own.lower_ in ("who", "that", "which") else None
        out.append(Attribution(c, spk_i, content, inherit, objective, rel))
    if infinitives:
        out = _drop_inside(doc, out, infinitives)
    # the lookups above are for this pass only (a set cannot go into doc.to_bytes())
    doc.user_data.pop("dragoman_cue_heads", None)
    doc.user_data.pop("dragoman_strong_cues", None)
    return out


def _pro_form(doc: Doc, tok: Token) -> tuple[int, int] | None:
    """What "say" reports when a word stands for the whole answer: "said yes", "said
    otherwise", "say the same of X"; None otherwise (a content is three characters at
    least, so "said no" and "said so" are left out)."""
    if tok.lemma_.lower() not in ("say", "answer", "reply"):
        return None
    for c in tok.children:
        if c.i <= tok.i:
            continue
        if c.dep_ == "intj" and c.lower_ == "yes" \
                or c.dep_ == "advmod" and c.lower_ == "otherwise" and c.i == tok.i + 1 \
                or c.dep_ == "dobj" and c.lower_ == "same":
            return _content_chars(doc, c.left_edge.idx, c.right_edge.i)
    return None


def _topic_content(doc: Doc, tok: Token, topics: frozenset[str]) -> tuple[int, int] | None:
    """What a speech verb with no clause and no object is about ("spoke about the
    new budget", "warned of a long winter"), when its preposition is one of
    ``topics`` for it; None when a quotation stands in the sentence (the quotation
    is then what was said)."""
    if not topics or any(c.dep_ in ("ccomp", "xcomp", "dobj") and c.i > tok.i
                         for c in tok.children):
        return None
    lemma = tok.lemma_.lower()
    prep = next((c for c in tok.children if c.dep_ == "prep" and c.i > tok.i
                 and f"{lemma} {c.lower_}" in topics), None)
    obj = next((g for g in prep.children if g.dep_ == "pobj"), None) if prep else None
    if obj is None or obj.pos_ not in ("NOUN", "PROPN"):
        return None
    text = doc_text(doc)
    if any(ch in text[tok.sent.start_char:tok.sent.end_char] for ch in "“”\"«»"):
        return None
    return _content_chars(doc, obj.left_edge.idx, obj.right_edge.i)


def _trailing_participle(doc: Doc, cue: Cue, objects: frozenset[str]) -> bool:
    """"said the rules were unfair, citing the complaints of farmers": a participle
    set off by a comma, with no subject of its own, whose verb reports (a belief or
    a speech verb that takes its object as content). It is the speaker's own act,
    not part of what the outer cue reports."""
    tok = doc[cue.head]
    if cue.kind != "verb" or tok.tag_ != "VBG" or tok.dep_ not in ("advcl", "conj", "xcomp"):
        return False
    if tok.i == 0 or doc[tok.i - 1].text != "," or subject(tok) is not None:
        return False
    return bool(cue.belief) or tok.lemma_.lower() in objects


def _drop_inside(doc: Doc, attrs: list[Attribution], heads: set[int]) -> list[Attribution]:
    """``attrs`` without those whose cue is in ``heads`` and stands inside the content of
    another attribution (by bisection over contents sorted by start, with the furthest
    end reached so far: no scan of them all)."""
    spans = sorted(a.content for a in attrs if a.content is not None and a.cue.head not in heads)
    starts = [s for s, _ in spans]
    reach: list[int] = []
    for _, e in spans:
        reach.append(max(e, reach[-1]) if reach else e)

    def inside(pos: int) -> bool:
        j = bisect.bisect_right(starts, pos) - 1
        return j >= 0 and reach[j] > pos

    return [a for a in attrs if a.cue.head not in heads or not inside(doc[a.cue.head].idx)]


def _speaker_after_quote(doc: Doc, tok: Token, content: tuple[int, int]
                         ) -> tuple[tuple[int, int], Token] | None:
    """“…,” Gene Sperling, a top adviser, said: the parser may put the speaker inside
    the quoted clause; cut the content at the closing mark, the name is the speaker."""
    text = doc_text(doc)
    span = doc.char_span(content[0], content[1], alignment_mode="expand")
    if span is None:
        return None
    closing = [t for t in span if t.text in ("”", '"', "''", "»") and t.i < tok.i]
    if not closing:
        return None
    q = closing[-1]
    names = [t for t in doc[q.i + 1:tok.i] if t.pos_ == "PROPN"]
    if not names:
        return None
    who = names[0]
    for _ in range(4):
        if who.dep_ in ("compound", "flat") and who.head.i < tok.i and who.head.pos_ == "PROPN":
            who = who.head
        else:
            break
    s, e = _trim_chars(text, content[0], q.idx)
    return ((s, e), who) if e - s >= 3 else None


_LEFT_JOIN = re.compile(r"[,;]?\s*(?:but|and|yet|while)\s*$|[,;—–-]\s*$")


def _extend_left_conjunct(doc: Doc, tok: Token, content: tuple[int, int],
                          cue_heads: set[int]) -> tuple[int, int]:
    """"Troops have left, but the fighting goes on, the minister said": a cue after its
    content reports the whole sentence, not only the last conjunct the parser gave
    it (when no other cue stands in the sentence before)."""
    if content[1] > tok.idx:
        return content
    text = doc_text(doc)
    sent = tok.sent
    start = sent.start_char
    para = text.rfind("\n", 0, content[0]) + 1
    start = max(start, para)
    before = text[start:content[0]]
    if not before.strip() or not _LEFT_JOIN.search(before):
        return content
    if any(ch in before for ch in "“”\"«»") or any(
            h in cue_heads for h in range(sent.start, tok.i) if doc[h].idx < content[0]):
        return content
    lead = len(before) - len(before.lstrip())
    return start + lead, content[1]


def _extend_modal_conjunct(doc: Doc, tok: Token, content: tuple[int, int]
                           ) -> tuple[int, int]:
    """"said it was X and would Y", "told X that A but that B": a modal or that-marked
    conjunct the parser hung on the cue is reported speech too."""
    for c in tok.children:
        if c.dep_ != "conj" or c.idx < content[1] or any(
                g.dep_ in SUBJECT_DEPS for g in c.children) and not _marked_that(c):
            continue
        if any(g.dep_ == "aux" and g.tag_ == "MD" for g in c.children) or _marked_that(c):
            end = c.right_edge.idx + len(c.right_edge)
            span = _clip_to_paragraph(doc_text(doc), tok.idx, (content[0], end))
            if span is not None:
                s, e = span
                while e > s and doc_text(doc)[e - 1] in ".!?":
                    e -= 1
                return s, e
    return content


#: Words that open a paragraph with a colon without naming a speaker.
_NOT_LABELS = words("not_speaker_labels")


def label_attributions(doc: Doc, cue_heads: set[int]) -> list[Attribution]:
    """Transcripts and headline attributions: a paragraph that opens with a bare
    speaker label and a colon ("Q: ...", "Mara Lindholm: ...", "Senator Vell: the
    vote is lost") reports the rest of the paragraph. A dateline in capitals
    ("OSLO: ...") is no label."""
    text = doc_text(doc)
    out = []
    for t in doc:
        if t.is_space or not (t.i == 0 or "\n" in doc[t.i - 1].text
                              or "\n" in doc[t.i - 1].whitespace_):
            continue
        j = t.i
        while j < len(doc) and j - t.i < 5 and doc[j].text != ":" and not doc[j].is_space:
            j += 1
        if j >= len(doc) or doc[j].text != ":" or j == t.i:
            continue
        label = doc[t.i:j]
        words = [x.text for x in label]
        letter = len(words) == 1 and len(words[0]) == 1 and words[0].isupper()
        if not letter and (not all(x.pos_ in ("PROPN", "NOUN") and x.text[:1].isupper()
                                   for x in label)
                           or label[-1].pos_ == "NOUN" and label[-1].lower_ in _NOT_LABELS
                           or (len(words) == 1 and words[0].isupper())):
            continue  # not a name (or a dateline in capitals, or "Update:")
        if any(x.ent_type_ in ("GPE", "LOC", "FAC") for x in label):
            continue  # "Harbin: ...": a dateline in mixed case
        end = text.find("\n", doc[j].idx)
        end = len(text) if end < 0 else end
        s, e = _trim_chars(text, doc[j].idx + 1, end)
        if text[s:s + 1] in "“\"«‘'" or len(text[s:e].split()) < 4:
            continue  # a quotation is paired by its marks; too short to be a statement
        if any(i in cue_heads for i in range(t.i, j)):
            continue
        out.append(Attribution(Cue(j, [j], "strong", "verb"), j - 1, (s, e)))
    return out
