"""Reading an attribution off the parse: who (the speaker phrase) and what (content).

Works on the pipeline's dependency parse only; nothing is re-parsed.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from .cues import Cue

_SUBJ = ("nsubj", "nsubjpass", "csubj")
_CLIMB = ("conj", "advcl", "xcomp", "pcomp", "prep", "acl", "ccomp", "dep", "parataxis")
#: Nouns that name a document rather than a speaker: "the statement said".
DOCUMENT_NOUNS = frozenset(
    "statement release report post tweet letter communique communiqué note readout "
    "transcript document memo announcement message text website account page "
    "interview speech declaration filing notice bulletin broadcast article".split())
_QUOTE_LEMMAS = ("quote", "cite")


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


def _trim_chars(text: str, s: int, e: int) -> tuple[int, int]:
    """Shrink past white space, commas, dashes and a leading "that"."""
    while s < e and text[s] in " \t\n,;:—–-":
        s += 1
    while e > s and text[e - 1] in " \t\n,;:—–-":
        e -= 1
    for lead in ("that ", "That "):
        if text.startswith(lead, s) and e - s > len(lead) + 3:
            s += len(lead)
    return s, e


def _subject(tok: Token) -> Token | None:
    for c in tok.children:
        if c.dep_ in _SUBJ and c.tag_ != "EX" and c.lower_ != "there":
            return c
    return None


def _climb_subject(doc: Doc, tok: Token, cue_heads: set[int]) -> tuple[Token | None, int | None]:
    """The subject for a cue that has none of its own: climb conj, participles,
    relative clauses; stop at a cue on the way (its speaker is inherited)."""
    cur = tok
    for _ in range(5):
        if cur.dep_ == "relcl":
            return cur.head, None  # "officials who said": the modified noun
        if cur.dep_ not in _CLIMB or cur.head is cur:
            return None, None
        head = cur.head
        if head.i in cue_heads and cur.dep_ != "ccomp":
            return None, head.i
        if cur.dep_ == "ccomp":
            return None, None  # a clause reported by someone else: no subject
        subj = _subject(head)
        if subj is not None and head.pos_ in ("VERB", "AUX"):
            return subj, None
        if cur.dep_ == "acl" and head.pos_ in ("NOUN", "PROPN", "PRON"):
            return head, None  # "Mexico denouncing the raid"
        cur = head
    return None, None


def _passive_speaker(tok: Token) -> Token | None:
    """"X was quoted as saying": X; "it was said by Y": Y."""
    for c in tok.children:
        if c.dep_ == "agent":
            for g in c.children:
                if g.dep_ == "pobj":
                    return g
    return None


def speaker_of(doc: Doc, cue: Cue, cue_heads: set[int]) -> tuple[Token | None, int | None]:
    """The head token of the speaker phrase of ``cue``, or the cue it inherits from."""
    tok = doc[cue.head]
    if cue.kind == "source":  # according to X
        to = doc[cue.tokens[-1]]
        obj = next((c for c in to.children if c.dep_ == "pobj"), None)
        if obj is None:
            obj = next((c for c in tok.children if c.dep_ == "pobj"), None)
        return obj, None
    # "quoted X as saying": the speaker is X (or the passive subject).
    if tok.lemma_ == "say" and tok.head.lower_ == "as" and tok.head.head.lemma_ in _QUOTE_LEMMAS:
        q = tok.head.head
        obj = next((c for c in q.children if c.dep_ in ("dobj", "nsubjpass")), None)
        if obj is not None:
            return obj, None
    subj = _subject(tok)
    if subj is not None:
        if subj.dep_ == "nsubjpass" and tok.lemma_ not in _QUOTE_LEMMAS:
            return _passive_speaker(tok), None
        if subj.tag_ in ("WP", "WDT") and tok.dep_ == "relcl":
            return tok.head, None
        return subj, None
    return _climb_subject(doc, tok, cue_heads)


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


def content_of(doc: Doc, cue: Cue, nested: set[int]) -> tuple[int, int] | None:
    """The reported content of ``cue`` as a character range, or None.

    The content is the cue's clausal complement ("said (that) ..."), the clause an
    "according to X" phrase hangs on, or the clause a parenthetical cue interrupts
    ("the plan, he said, is dead"). Nested cues (a participle "adding that ...",
    a second speech verb) and their subtrees are cut off.
    """
    tok = doc[cue.head]
    text = doc.text
    own = set(cue.tokens)
    if cue.kind == "source":
        head = tok.head if tok.dep_ != "ROOT" else tok
        if head is tok:
            return None
        skip = {i for i in range(tok.left_edge.i, tok.right_edge.i + 1)} | nested
        return _clause_minus(doc, head, skip)
    comp = next((c for c in tok.children if c.dep_ in ("ccomp",) and c.i not in own), None)
    if comp is None and tok.dep_ == "parataxis":
        skip = {i for i in range(tok.left_edge.i, tok.right_edge.i + 1)} | nested
        return _clause_minus(doc, tok.head, skip)
    if comp is None:
        return None
    cut = {n for n in nested if n != cue.head}
    # The speaker phrase must not be inside the content: "X, he said, Y".
    span = _span_without(doc, comp, cut)
    if span is None:
        return None
    s, e = _trim_chars(text, *span)
    if e - s < 3:
        return None
    return s, e


def _clause_minus(doc: Doc, head: Token, skip: set[int]) -> tuple[int, int] | None:
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
    if len(runs) > 1 and head.i in best:
        # "the plan, he said, is dead": join the parts on both sides of the cue
        first, last = runs[0][0], runs[-1][-1]
        best = [first, last]
    s = doc[best[0]].idx
    e = doc[best[-1]].idx + len(doc[best[-1]])
    s, e = _trim_chars(doc.text, s, e)
    while e > s and doc.text[e - 1] in ".!?":
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


def find_attributions(doc: Doc, cues: list[Cue]) -> list[Attribution]:
    """Speaker and content for every cue."""
    heads = {c.head for c in cues}
    # Cues that have their own content are cut out of the content of others.
    prelim = {c.head: content_of(doc, c, set()) for c in cues}
    nested = {h for h, span in prelim.items() if span is not None}
    nested |= {c.head for c in cues if doc[c.head].tag_ == "VBG"
               and doc[c.head].dep_ in ("advcl", "conj", "xcomp")}
    nested |= {c.head for c in cues if doc[c.head].dep_ == "conj"}
    out = []
    for c in cues:
        spk, inherit = speaker_of(doc, c, heads)
        content = content_of(doc, c, nested - {c.head}) if prelim[c.head] else None
        content = _clip_to_paragraph(doc.text, doc[c.head].idx, content)
        out.append(Attribution(c, spk.i if spk is not None else None, content, inherit))
    return out
