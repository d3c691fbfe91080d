"""Events that statements make: stated commitments and demands, warnings, and
reported violence as accusations."""
from __future__ import annotations

from dataclasses import replace
from spacy.tokens import Doc, Token
from .._model import Event, Party, Span
from .._nlp import doc_text
from . import speech
from .modality import reading
from .ontology import coding
from .roles import subject_of
from .sentences import sent_of
from .triggers import Trigger, lexicon
from .context import Context, SPEECH, side_of, speaker_party
from .coder import REFUSING
from .._lexicon import words


_INTENT_HEADS = words("commitment_words")


_WILL = frozenset(("will", "would", "'ll", "wo", "shall"))


_MUST = frozenset(("must", "should"))


_PLANNING = words("planning_verbs")


def _planned(tok: Token) -> bool:
    """Whether the act is what someone plans, intends or decides ("plans to visit")."""
    t = tok
    for _ in range(3):
        if t.dep_ != "xcomp":
            return False
        if t.head.lemma_.lower() in _PLANNING:
            return True
        t = t.head
    return False


def _own_statement(ctx: Context, speech: Token, tok: Token, source: Party | None) -> bool:
    """Whether the one who speaks is the one whose act is stated: its own country, or
    a pronoun ("it would respond") standing for the speaker."""
    subj, _ = subject_of(speech)
    if subj is None:
        return True  # "was quoted as saying": the source is the speaker
    said = side_of(ctx, subj)
    if said is not None and said.code and source is not None and source.code:
        return said.code[:3] == source.code[:3]
    actor = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return actor is not None and actor.pos_ == "PRON"


def intent_event(ctx: Context, e: Event, tok: Token, n: int, triggers: set[int]) -> Event | None:
    """A stated intention or demand as an event of its own (CAMEO's convention).

    "said it would start talks" is AGREE; "said it will impose sanctions" THREATEN;
    "said it could not accept" REJECT; "said Sudan must return the helicopter" a
    REQUEST by the speaker of the one who must act. Only intentions someone states (a
    speech verb above the clause, or willing / ready / vowed to); not plans, decisions
    or forecasts by others ("plans to visit", "a diplomat said Y would close ...").
    """
    if e.negated:
        return None
    holder = tok.head if tok.dep_ == "dobj" and tok.head.pos_ == "VERB" else tok
    modals = _WILL | _MUST | (REFUSING if e.type == "REJECT" else frozenset())
    aux = next((c for c in holder.children if c.dep_ in ("aux", "auxpass") and c.lower_ in modals), None)
    t, speech, head_word = tok, None, None
    for _ in range(5):
        if t.dep_ == "xcomp" and t.head.lemma_.lower() in _INTENT_HEADS and head_word is None:
            head_word = t.head
        if t.dep_ in ("ccomp", "xcomp", "conj") and t.head.lemma_ in SPEECH:
            speech = t.head
            break
        if t.dep_ == "ROOT":
            break
        t = t.head
    cue = aux if aux is not None else head_word
    if cue is None or (speech is None and head_word is None):
        return None
    if _planned(tok):
        return None  # "said it plans to visit": a plan, no commitment
    if (speech is not None and speech.i in triggers) or (head_word is not None and head_word.i in triggers):
        return None
    source, target = e.source, e.target
    if cue.lower_ in _MUST:
        if speech is None:
            return None
        subj, _ = subject_of(speech)
        source, target = (side_of(ctx, subj), e.source)
        ptype = "REQUEST"
    elif speech is not None and not _own_statement(ctx, speech, tok, source):
        return None  # "a diplomat said Chile would close its border": a forecast, no commitment
    elif e.type in ("REJECT", "REQUEST"):
        ptype = e.type  # "would not accept", "would continue to urge"
    elif e.type == "AGREE" and speech is not None and cue.lower_ in _WILL:
        ptype = e.type  # "said the fighters would respect the truce": a stated commitment
    elif e.type in ("THREATEN", "AGREE", "ACCUSE", "SUPPORT"):
        return None
    else:
        ptype = "THREATEN" if e.quad_class in (3, 4) else "AGREE"
    if source is None:
        return None
    c = coding(ptype, "138" if e.type == "ASSAULT" and ptype == "THREATEN" else None)
    negated, why = reading(speech if speech is not None else cue)
    lo, hi = min(cue.idx, tok.idx), max(cue.idx + len(cue), tok.idx + len(tok))
    return replace(e, id=f"E{n}", type=c.type, mode=c.mode, cameo=c.cameo, goldstein=c.goldstein,
                   quad_class=c.quad_class, source=source, target=target, negated=negated,
                   hypothetical=why is not None, trigger=Span(lo, hi, doc_text(ctx.doc)[lo:hi]))


_WARN = frozenset("warn caution".split())


def conditional_warnings(doc: Doc, taken: set[int]) -> list[tuple[Trigger, Token | None]]:
    """Warnings of what will happen if someone acts ("If NATO tries to contain
    Russia, he warned, there will be counter-containment"): THREATEN events, aimed at
    the subject of the condition."""
    out = []
    for tok in doc:
        if tok.lemma_ not in _WARN or tok.pos_ != "VERB" or tok.i in taken:
            continue
        sent = sent_of(tok)
        cond = next((t for t in sent if t.dep_ == "mark" and t.lower_ in ("if", "unless")), None)
        will = next((t for t in sent if t.dep_ == "aux" and t.lower_ in ("will", "'ll")), None)
        if cond is None or will is None:
            continue
        subj = next((c for c in cond.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        out.append((Trigger(tok, tok.idx, tok.idx + len(tok), "THREATEN", "130"), subj))
    return out


_WARN_MODALS = words("warning_modals")
_HARMS = frozenset(("ASSAULT", "COERCE", "SANCTION"))


def own_warnings(ctx: Context, taken: set[int]) -> list[tuple[Trigger, Token | None]]:
    """Warnings of what the warner's own side will do ("warned that it would respond",
    "warned that Iran could cut its cooperation", "warned that an attack would
    trigger American commitments"): THREATEN events by the warner. A warning of what
    may merely happen ("warned that the risk of war was greater") is no threat: the
    warned clause needs a modal and the warner's own country as its subject or named
    in it, or a harm done by no one named ("warned that ships would be targeted"). The target is the subject of a condition in the clause, if any."""
    out = []
    for tok in ctx.doc:
        if tok.lemma_ not in _WARN or tok.pos_ != "VERB" or tok.i in taken:
            continue
        clause = next((c for c in tok.children if c.dep_ == "ccomp"), None)
        if clause is None or clause.lemma_ == "be":
            continue
        if not any(c.dep_ == "aux" and c.lower_ in _WARN_MODALS for c in clause.children):
            continue
        subj, _ = subject_of(tok)
        warner = side_of(ctx, subj)
        if warner is None or not warner.code:
            continue
        mine = warner.code[:3]
        csubj = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        own = csubj is not None and ((side_of(ctx, csubj) or warner).code or "")[:3] == mine \
            if csubj is not None and csubj.pos_ in ("PRON", "PROPN") else False
        if not own:
            lo, hi = clause.left_edge.idx, clause.right_edge.idx + len(clause.right_edge)
            own = any(code[:3] == mine for _, _, code in ctx.mentions_in(lo, hi))
        if not own and csubj is not None and csubj.dep_ == "nsubjpass" and \
                not any(c.dep_ == "agent" for c in clause.children):
            # "warned that ships would be targeted": a harm with no doer named, the
            # warner's own to inflict
            own = bool({e.type for e in lexicon().get(clause.lemma_.lower(), []) if not e.needs}
                       & _HARMS)
        if not own:
            continue
        cond = next((t for t in clause.subtree if t.dep_ == "mark" and t.lower_ in ("if", "unless")), None)
        aim = next((c for c in cond.head.children if c.dep_ in ("nsubj", "nsubjpass")), None) \
            if cond is not None else None
        out.append((Trigger(tok, tok.idx, tok.idx + len(tok), "THREATEN", "130"), aim))
    return out


def claims(ctx: Context, events: list[Event]) -> list[Event]:
    """Reports of another party's violence: an ACCUSE by the reporter; once that party
    rejects or denies it, every act of violence in the report is a claim (hypothetical)."""
    out = list(events)
    reports: dict[int, list[Event]] = {}
    accused: dict[int, set[str]] = {}
    for e, verb in speech.reported_claims(ctx.doc, events):
        reports.setdefault(verb.i, []).append(e)
        subj, _ = subject_of(verb)
        teller = side_of(ctx, subj)
        if teller is None or not teller.code:
            q = ctx.quote_at(e.trigger.start)
            teller = speaker_party(ctx, q) if q is not None else teller
        if teller is None or not teller.code or e.source is None or not e.source.code:
            continue
        if teller.code[:3] == e.source.code[:3]:
            continue
        if verb.i in accused:
            accused[verb.i].add(e.source.code[:3])
            continue  # one accusation per report
        accused[verb.i] = {e.source.code[:3]}
        c = coding("ACCUSE", "112")
        out.append(replace(e, id="E0", type=c.type, mode=c.mode, cameo=c.cameo,
                           goldstein=c.goldstein, quad_class=c.quad_class, source=teller,
                           target=e.source, trigger=Span(verb.idx, verb.idx + len(verb), verb.text),
                           mentions=()))  # the report's own act: the re-mentions are e's
    denied = speech.denials([e for e in events if e.trigger.start not in ctx.dismissed])
    at = {id(e): i for i, e in enumerate(events)}  # out starts as events
    for vi, evs in reports.items():
        if any(denied(evs[0], who) for who in accused.get(vi, ())):
            for e in evs:
                out[at[id(e)]] = replace(e, hypothetical=True)
    out.sort(key=lambda x: x.trigger.start)
    return out
