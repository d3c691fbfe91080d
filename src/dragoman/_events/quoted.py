"""Speech acts stated in a quote without an event word (CAMEO 10, 11, 12, 13).

A speaker's own words can threaten, demand, refuse or accuse with no verb of the
lexicon: "They will pay a heavy price", "Our response will come", "Kenya must leave
the border", "This is plain interference by Uganda". These constructions are read
from the CAMEO and PLOVER definitions of the acts:

* THREATEN (130): a future consequence for another party ("will pay a price", "will
  regret", "will face consequences", "will not go unanswered", "will be felt"), the
  speaker's own answer to come ("we will respond", "our answer will come", "the
  response will be swift"), or "will not hesitate to";
* REQUEST (100, a demand): another party "must" act;
* REJECT (120): something "out of the question";
* ACCUSE (112): a word of blame ("interference", "aggression") owned by another party.

The source is the quote's speaker; the target the party the act is aimed at (the
subject told what it must do or what it will suffer, the owner of the blamed act),
else another country named in the quote's sentence. A sentence that already holds a
trigger is left to the rules; a question is no act.
"""
from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span as SpacySpan, Token

from .._model import Event, Party, Quote
from .coder import code_event
from .context import Context, side_of, speaker_party
from .ontology import coding
from .roles import FIRST_PERSON
from .sides import counterpart
from .speech import BLAME
from .sentences import sentences_in
from .triggers import Trigger
from .._lexicon import words

_FUTURE = frozenset("will 'll shall wo would".split())
_CONSEQUENCES = frozenset("consequence consequences price".split())
_ANSWERS = frozenset("answer response reply retaliation".split())
_RESPOND = frozenset("respond answer react reply".split())
_UNANSWERED = frozenset("unanswered unpunished".split())
_OWNED_BLAME = BLAME & words("owned_blame_nouns")


def _future(v: Token) -> bool:
    return any(c.dep_ in ("aux", "auxpass") and c.lower_ in _FUTURE for c in v.children)


def _subject(v: Token) -> Token | None:
    return next((c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def _first_person(t: Token | None) -> bool:
    if t is None:
        return False
    return t.lower_ in FIRST_PERSON or any(c.dep_ == "poss" and c.lower_ in FIRST_PERSON for c in t.children)


def _act(v: Token) -> tuple[str, Token | None] | None:
    """(type, the token whose party is the target, if any) of a quoted clause, or None."""
    subj = _subject(v)
    lemma = v.lemma_.lower()
    objs = [c for c in v.children if c.dep_ in ("dobj", "attr")]
    if _future(v):
        if lemma == "pay" and any(o.lemma_.lower() in _CONSEQUENCES for o in objs) and not _first_person(subj):
            return "THREATEN", subj
        if lemma in ("regret", "face") and not _first_person(subj) and (
                lemma == "regret" or any(o.lemma_.lower() in _CONSEQUENCES for o in objs)):
            return "THREATEN", subj
        if lemma in _RESPOND and _first_person(subj):
            return "THREATEN", None
        if lemma == "come" and subj is not None and subj.lemma_.lower() in _ANSWERS and _first_person(subj):
            return "THREATEN", None
        if lemma == "be" and subj is not None and subj.lemma_.lower() in _ANSWERS and any(
                c.dep_ == "acomp" for c in v.children) and not any(c.dep_ == "neg" for c in v.children):
            return "THREATEN", None  # "the answer will be swift", "our response would be decisive"
        if lemma == "feel" and subj is not None and subj.dep_ == "nsubjpass" and subj.lower_ == "it":
            return "THREATEN", None  # "it will be felt"
        if lemma == "go" and any(c.dep_ in ("acomp", "oprd") and c.lower_ in _UNANSWERED for c in v.children):
            return "THREATEN", None
        if lemma == "hesitate" and any(c.dep_ == "neg" for c in v.children) and _first_person(subj):
            return "THREATEN", None
    if any(c.dep_ == "aux" and c.lower_ == "must" for c in v.children) and subj is not None \
            and not _first_person(subj) and subj.pos_ in ("PROPN", "PRON", "NOUN") and not any(
            c.dep_ == "neg" for c in v.children) and lemma != "be":
        return "REQUEST", subj
    if lemma == "be" and any(c.dep_ == "prep" and c.lower_ == "out" and any(
            g.lower_ == "of" and any(h.lower_ == "question" for h in g.subtree) for g in c.children)
            for c in v.children):
        return "REJECT", subj
    return None


def _owned_blame(sent: SpacySpan) -> list[tuple[Token, Token]]:
    """(blame noun, its owner): "Uganda's interference", "aggression by Kenya"."""
    out = []
    for t in sent:
        if t.pos_ != "NOUN" or t.lemma_.lower() not in _OWNED_BLAME:
            continue
        owner = next((c for c in t.children if c.dep_ == "poss" and c.lower_ not in FIRST_PERSON), None)
        if owner is None:
            prep = next((c for c in t.children if c.dep_ == "prep" and c.lower_ in ("of", "by")), None)
            owner = next((g for g in prep.children if g.dep_ == "pobj"), None) if prep is not None else None
        if owner is not None:
            out.append((t, owner))
    return out


def quoted_acts(ctx: Context, taken: set[int], n: int) -> list[Event]:
    """The speech acts of the article's quotes that no trigger codes (see the module)."""
    out: list[Event] = []
    for q in ctx.quotes:
        if q.speaker is None or q.kind == "belief":
            continue
        speaker = speaker_party(ctx, q)
        if speaker is None or not speaker.code:
            continue
        span = ctx.doc.char_span(q.start, q.end, alignment_mode="contract")
        if span is None:
            continue
        for sent in sentences_in(span):
            inside = sent[max(span.start, sent.start) - sent.start:min(span.end, sent.end) - sent.start]
            if "?" in inside.text or sent.text.rstrip().rstrip("\"'”’").endswith("?"):
                continue  # a question is no act
            coded = any(t.i in taken for t in inside)
            for tok, ptype, aim in _acts_of(inside):
                if coded and ptype != "REJECT":
                    break  # the rules code this sentence ("out of the question" refuses its event)
                e = _event(ctx, q, speaker, tok, ptype, aim, n + len(out))
                if e is not None:
                    out.append(e)
                    break
    return out


def _acts_of(sent: SpacySpan) -> list[tuple[Token, str, Token | None]]:
    acts = []
    for v in sent:
        if v.pos_ in ("VERB", "AUX"):
            found = _act(v)
            if found is not None:
                acts.append((v, found[0], found[1]))
    for noun, owner in _owned_blame(sent):
        acts.append((noun, "ACCUSE", owner))
    return acts


def _event(ctx: Context, q: Quote, speaker: Party, tok: Token, ptype: str, aim: Token | None,
           n: int) -> Event | None:
    c = coding(ptype, "112" if ptype == "ACCUSE" else None)
    e = code_event(ctx, Trigger(tok, tok.idx, tok.idx + len(tok), c.type, c.cameo), n)
    if e is None or e.negated and ptype != "THREATEN":
        return None
    mine = (speaker.code or "")[:3]
    target = side_of(ctx, aim) if aim is not None else None
    if target is None or not target.code or target.code[:3] == mine:
        target = _other_in(ctx, tok, mine) or counterpart(ctx, tok, speaker)
    if target is not None and target.code and target.code[:3] == mine:
        target = None
    if target is None:
        return None  # an act aimed at no one named: not coded
    # the act is the statement itself: made now, whatever its verb's tense
    return replace(e, type=c.type, mode=c.mode, cameo=c.cameo, goldstein=c.goldstein,
                   quad_class=c.quad_class, source=speaker, target=target,
                   negated=False, hypothetical=False, quote=q.id)


def _other_in(ctx: Context, tok: Token, mine: str) -> Party | None:
    """The first coded party of another country named in the trigger's sentence."""
    sent = tok.sent
    for m, a, code in ctx.mentions_in(sent.start_char, sent.end_char):
        if code[:3] != mine:
            return Party(a.id, code, m)
    return None
