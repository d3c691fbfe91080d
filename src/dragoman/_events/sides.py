"""Sides the parse leaves open: counterparts named nearby, both sides of a pair,
the side of an event referred back to, the target of a promised act, and the
parties coordinated with a side."""
from __future__ import annotations

from spacy.tokens import Doc, Span as SpacySpan, Token
from .._model import Party
from .._nlp import doc_text
from .roles import PLACE_EDGES, subject_of
from .sentences import sent_of
from .triggers import lexicon
from .context import Context, actor_code, side_of, token_at
from .._lexicon import table, words


DIRECTED = True  # directed events missing a target take the other country in the sentence


def line_subject(ctx: Context, tok: Token) -> Party | None:
    """A line glued to the line before by the parser (a headline above it): the actor
    that opens the trigger's line is its subject ("Talking at cross purposes / The
    West's response ... is to offer")."""
    sent = sent_of(tok)
    nl = [t for t in sent if t.i < tok.i and "\n" in t.text]
    if not nl or any(c.dep_ == "nsubjpass" for c in tok.children):
        return None
    before = [t for t in ctx.doc[sent.start:nl[-1].i] if not t.is_space]
    if not before or len(before) > 16 or before[-1].text in (".", "!", "?", ":", "”", '"'):
        return None  # a paragraph break, not a headline glued to the sentence
    first = nl[-1].i + 1
    for t in ctx.doc[first:min(tok.i, first + 5)]:
        hit = ctx.actors.at(t.idx, t.idx + len(t))
        if hit is not None:
            actor, mention = hit
            return Party(actor.id, actor_code(actor), mention)
    return None


def _is_subject(doc: Doc, start: int) -> bool:
    t = token_at(doc, start)
    if t is None:
        return False
    for _ in range(3):
        if t.dep_ in ("nsubj", "nsubjpass", "agent"):
            return True
        if t.dep_ not in ("compound", "poss", "amod", "case", "pobj", "prep"):
            return False
        t = t.head
    return False


def _is_place(doc: Doc, start: int) -> bool:
    root = token_at(doc, start)
    if root is None:
        return False
    while root.dep_ == "compound" or (root.dep_ == "amod" and root.head.lower_ in PLACE_EDGES):
        root = root.head  # "near the Libyan border": the border's country is a place
    if root.dep_ == "pobj" and root.head.lower_ in ("with", "of") and root.head.head.lower_ in PLACE_EDGES:
        return True  # "near the border with Ecuador": where, not with whom
    return root.dep_ == "pobj" and root.head.lower_ in ("in", "at", "near", "to")


def _is_partner(doc: Doc, start: int) -> bool:
    """The phrase at ``start`` is the object of "alongside" ("together with" X)."""
    root = _phrase_root(doc, start)
    return root is not None and root.dep_ == "pobj" and root.head.lower_ == "alongside"


def counterpart(ctx: Context, tok: Token, source: Party, mutual: bool = False) -> Party | None:
    """The other side of an event that names one side only: the nearest state,
    organisation or person of another country named in the same sentence, else in
    the sentence before. A side coordinated with ``source`` acts with it and is no
    counterpart, unless the event is ``mutual`` (a meeting, a deal: "X and Y met")."""
    sent = sent_of(tok)
    found = _counterpart_in(ctx, tok, source, sent, mutual)
    if found is None and sent.start > 0:
        prev = sent_of(ctx.doc[sent.start - 1])
        found = _counterpart_in(ctx, tok, source, prev, mutual)
    if found is None and sent.end < len(ctx.doc) and _is_headline(sent):
        # a headline's other side is named in the lead below it
        found = _counterpart_in(ctx, tok, source, sent_of(ctx.doc[sent.end]), mutual)
    return found


def _is_headline(sent: SpacySpan) -> bool:
    """A line without a full stop above the text: "Manila protests after ..."."""
    words = [t for t in sent if not t.is_space]
    return bool(words) and words[-1].text not in (".", "!", "?", '"', "”", "’") and "\n" in sent[-1].text_with_ws + (
        sent.doc[sent.end].text if sent.end < len(sent.doc) else "")


def _phrase_root(doc: Doc, start: int) -> Token | None:
    t = token_at(doc, start)
    while t is not None and t.dep_ in ("compound", "amod", "poss") and t.head is not t:
        t = t.head
    return t


def _counterpart_in(ctx: Context, tok: Token, source: Party, sent: SpacySpan,
                    mutual: bool = False) -> Party | None:
    best: tuple[int, Party] | None = None
    mine = (source.code or "")[:3]
    own = _phrase_root(ctx.doc, source.mention.start) if source.mention is not None and not mutual else None
    # "Kenya and Tanzania urged ...": a side coordinated with the source acts with it
    allies = {c.i for c in own.conjuncts} if own is not None else set()
    for m, a, code in ctx.mentions_in(sent.start_char, sent.end_char):
        if code[:3] == mine or a.kind not in ("state", "organisation", "person", "group"):
            continue
        if allies:
            root = _phrase_root(ctx.doc, m.start)
            if root is not None and root.i in allies:
                continue
        if _is_place(ctx.doc, m.start):
            continue  # "met in Malaysia": where, not with whom
        if _is_partner(ctx.doc, m.start):
            continue  # "struck the camps alongside Malian forces": a partner, no target
        if sent_of(tok).start_char == sent.start_char and \
                "\n" in doc_text(ctx.doc)[min(m.start, tok.idx):max(m.start, tok.idx)]:
            continue
        dist = abs(m.start - tok.idx) + (0 if _is_subject(ctx.doc, m.start) else 1000)
        if best is None or dist < best[0]:
            best = (dist, Party(a.id, code, m))
    return best[1] if best else None


INTENT_TARGET = frozenset(("AGREE", "REQUEST", "THREATEN", "REJECT"))


def xcomp_target(ctx: Context, verb: Token) -> Party | None:
    """The coded object of the act that ``verb`` agrees, asks or threatens to do."""
    act = next((c for c in verb.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)
    if act is None:
        return None
    for c in act.children:
        if c.dep_ in ("dobj", "dative") and c.pos_ in ("PROPN", "NOUN", "PRON"):
            side = side_of(ctx, c)
            if side is not None and side.code:
                return side
            subj, _ = subject_of(verb)
            mine = side_of(ctx, subj)
            if mine is not None and mine.code:
                # "stood ready to monitor the ceasefire": the parties of the ceasefire
                side = referred_event_side(ctx, c, mine)
                if side is not None:
                    return side
        if c.dep_ in ("prep", "dative") and c.lower_ in ("to", "with", "on", "against", "for"):
            obj = next((g for g in c.children if g.dep_ == "pobj"), None)
            side = side_of(ctx, obj)
            if side is not None and side.code:
                return side
    return None


_PAIRED = words("paired_side_nouns")


def pair_of_sides(ctx: Context, subj: Token | None, tok: Token) -> tuple[Party, Party] | None:
    """"both sides", "the two governments", "the ministers of both countries": the two
    countries of the latest event that had sides of two countries (within the last
    few sentences)."""
    def paired(t: Token | None) -> bool:
        return t is not None and t.pos_ == "NOUN" and t.lemma_.lower() in _PAIRED and any(
            c.lower_ in ("both", "two") and c.dep_ in ("det", "predet", "nummod", "quantmod")
            for c in t.children)

    if subj is not None and not paired(subj):
        # "foreign ministers of both countries", "the commanders of the two armies"
        of = next((c for c in subj.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        subj = next((g for g in of.children if g.dep_ == "pobj"), None) if of is not None else None
    if not paired(subj):
        return None
    for e, _ in reversed(ctx.placed[-20:]):
        if e.trigger.start >= tok.idx or tok.idx - e.trigger.start > 1200:
            continue
        if e.source is not None and e.target is not None and e.source.code and e.target.code \
                and e.source.code[:3] != e.target.code[:3]:
            return e.source, e.target
    return None


def is_state(ctx: Context, side: Party) -> bool:
    actor = ctx.actors.get(side.actor) if side.actor else None
    return bool(side.code) and ((side.code or "").endswith("GOV") or (actor is not None and actor.kind == "state"))


_REFERRING = frozenset("the this that these those".split())


def referred_event_side(ctx: Context, obj: Token | None, source: Party, typed: bool = True) -> Party | None:
    """"condemned the launch", "rejected the complaint": an event noun with "the" and no
    party of its own refers back to an earlier event; its side of another country than
    the reacting one is the target (the one who launched, complained, decided)."""
    if obj is None or obj.pos_ != "NOUN" or obj.ent_type_:
        return None
    if not any(c.dep_ == "det" and c.lower_ in _REFERRING for c in obj.children):
        return None
    if any(c.dep_ in ("poss", "prep", "amod", "compound") for c in obj.children if c.dep_ != "amod" or c.ent_type_):
        return None
    mine = (source.code or "")[:3]
    types = _REFERS.get(obj.lemma_.lower()) if typed else None
    if types is None and typed:
        entries = lexicon().get(obj.lemma_.lower(), [])
        types = frozenset(x.type for x in entries if x.pos in ("N", "*")) or None
    for e, _ in reversed(ctx.placed[-40:]):
        if e.trigger.start >= obj.idx or e.negated or e.hypothetical:
            continue
        if types is not None and e.type not in types:
            continue
        if types is not None and e.source is not None and (e.source.code or "")[:3] == mine:
            continue  # the reacting side's own act: look further back
        for side in (e.source, e.target):
            if side is not None and side.code and side.code[:3] != mine:
                return side
        if types is None:
            break
    if types is not None:
        return referred_event_side(ctx, obj, source, typed=False)
    return None


# what a noun referring back to an earlier event can refer to
_REFERS = {k: frozenset(v.split()) for k, v in table("event_referring_nouns").items()}


# heads whose complement is a commitment stated to others (CAMEO 03x); a plan, an
# intention or a decision ("plans to visit", "intends to negotiate") is no statement
# to anyone and stays a hypothetical event only
def conjoined(ctx: Context, tok: Token | None, side: Party | None, other: Party | None) -> list[Party]:
    """The coded parties coordinated with a side ("Japan, India and Brazil"), of other
    countries than the side and the other side already coded."""
    if tok is None or side is None or not side.code:
        return []
    seen = {(p.code or "")[:3] for p in (side, other) if p is not None and p.code}
    out = []
    for c in tok.conjuncts:
        p = side_of(ctx, c)
        if p is not None and p.code and p.code[:3] not in seen:
            seen.add(p.code[:3])
            out.append(p)
    return out
