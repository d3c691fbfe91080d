"""One trigger coded as one event: its sides, modality, re-coding (a refusal, a
state's protest, a missile aimed at no one), date and place."""
from __future__ import annotations

from spacy.tokens import Span as SpacySpan, Token
from .._model import Event, Location, Party, Span
from .._nlp import doc_text
from .modality import reading
from .ontology import coding
from .roles import FIRST_PERSON, NOUN_TARGET_PREPS, TARGET_PREPS, aimed_at, noun_roles, verb_roles
from .sentences import sent_of
from .triggers import Trigger
from .context import Context, NAMED, RECIPROCAL, SPEECH, first_person_poss, side_of, speaker_party
from .constructions import (MEDIATING, MOVES, VOWS, between, each_other, mediator_of, named_people,
                            visit_sides, vowed_force)
from .sides import DIRECTED, INTENT_TARGET, conjoined, counterpart, is_state, line_subject, pair_of_sides, referred_event_side, xcomp_target
from .._lexicon import words


_REFUSABLE = frozenset(("AGREE", "SUPPORT", "CONSULT", "COOPERATE", "CONCEDE", "AID", "RETREAT"))


_ACCEPT = words("acceptance_verbs")


# modals of a refusal: "will not", "cannot", "could not", "won't"
REFUSING = frozenset("will would wo ca can could 'll shall".split())


def _negated_verb(tok: Token) -> bool:
    """A negated verb that is a refusal: "would not meet", "did not agree"; not a
    plain report that something did not happen ("did not meet his counterpart")."""
    if not any(c.dep_ == "neg" for c in tok.children):
        return False
    if any(c.dep_ == "aux" and c.lemma_ == "have" for c in tok.children):
        return False  # "had not agreed to any presence": a denial of a past act, no refusal
    return tok.lemma_.lower() in _ACCEPT or any(
        c.dep_ == "aux" and c.lower_ in REFUSING for c in tok.children)


def _stated_refusal(tok: Token) -> bool:
    """Whether a refusal ("will not accept", "cannot meet their demands") is stated as
    the clause's own stance: in a main clause, or in what its speaker says ("said it
    could not accept"), and not the outcome of an "if" clause ("if X attacks, Y will
    not negotiate": a warning, not a refusal)."""
    if any(c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in ("if", "once") for g in c.children)
           for c in tok.children):
        return False
    t = tok
    while t.dep_ == "conj" and t.head.i != t.i:
        t = t.head
    if t.dep_ == "ROOT":
        return True
    if t.dep_ in ("ccomp", "parataxis") and t.head.lemma_ in SPEECH:
        return reading(t.head) == (False, None)
    return False


def _same_event_place(ctx: Context, ptype: str, source: Party | None,
                      target: Party | None) -> Location | None:
    """The place an earlier event of the same type between the same countries was
    given in its own sentence (the talks "in Geneva", later "the talks")."""
    mine = {(p.code or "")[:3] for p in (source, target) if p is not None and p.code}
    for e, strong in reversed(ctx.placed[-60:]):
        if e.type != ptype or not strong or e.location is None:
            continue
        theirs = {(p.code or "")[:3] for p in (e.source, e.target) if p is not None and p.code}
        if (mine == theirs) if len(mine) > 1 else (mine & theirs):
            return e.location
    return None


_ANCHORS = {"visit": "CONSULT", "talks": "CONSULT", "meeting": "CONSULT", "summit": "CONSULT",
            "trip": "CONSULT", "session": "CONSULT"}


def _anchor_place(ctx: Context, sent: SpacySpan) -> Location | None:
    """"used the trip to ...": a sentence that refers back to an earlier
    event ("the visit") happens where that event did."""
    for t in sent:
        ptype = _ANCHORS.get(t.lower_)
        if ptype is None or not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in t.children):
            continue
        for e, strong in reversed(ctx.placed[-60:]):
            if e.type == ptype and strong and e.location is not None and e.trigger.start < t.idx:
                return e.location
    return None


_WEAPONS = words("projectile_nouns")


_AIMS = frozenset("at on against toward towards upon".split())


def _weapon_test(verb: Token, target: Token | None) -> bool:
    """Whether ``verb`` fires or launches a missile at no one ("into the sea")."""
    if verb.lemma_ not in ("fire", "launch", "test"):
        return False
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None or obj.lower_ not in _WEAPONS:
        return False
    if target is not None and target.i != obj.i:
        return False
    return not any(c.dep_ == "prep" and (c.lower_ in _AIMS or (c.lower_ == "into" and any(
        g.dep_ == "pobj" and g.ent_type_ in ("GPE", "NORP") for g in c.subtree))) and any(
        g.dep_ == "pobj" and g.ent_type_ not in ("DATE", "TIME") for g in c.children)
        for c in list(verb.children) + list(obj.children))


def _state_protest(ctx: Context, tok: Token, subj: Token | None, source: Party | None) -> bool:
    """Whether a protest is a government's: its subject is a government ("the Foreign
    Ministry protested") or a state or capital named as such ("Manila protests"), not
    people of a country ("Palestinian prisoners rioted", "Young Algerians protested")."""
    if subj is None or source is None or subj.head.i != tok.i or tok.lemma_.lower() != "protest":
        return False
    if not (subj.dep_ == "nsubj" or (tok.dep_ == "ROOT" and tok.pos_ == "NOUN")):
        return False
    if (source.code or "").endswith("GOV"):
        return True
    return subj.pos_ == "PROPN" and subj.ent_type_ == "GPE" and is_state(ctx, source)


_ASKING = frozenset("ask expect".split())


def _no_request(tok: Token) -> bool:
    """"Asked whether talks would resume, he said ...", "is expected to question the
    minister": a question put to someone or a forecast, not a request (CAMEO 10x needs
    someone asking someone else for something)."""
    if tok.lemma_.lower() not in _ASKING or tok.pos_ != "VERB":
        return False
    passive = any(c.dep_ == "auxpass" for c in tok.children) or (tok.tag_ == "VBN" and not any(
        c.dep_ in ("nsubj", "aux") for c in tok.children))
    if passive and not any(c.dep_ == "agent" for c in tok.children):
        return True  # someone is asked or expected, by no one named
    return any(c.dep_ in ("ccomp", "advcl") and any(
        g.dep_ == "mark" and g.lower_ in ("whether", "if") for g in c.children) for c in tok.children)


def code_event(ctx: Context, trig: Trigger, n: int) -> Event | None:
    tok = trig.token
    if trig.type == "REQUEST" and _no_request(tok):
        return None
    if tok.ent_type_ in NAMED and tok.ent_iob_ != "O" and trig.type != "ASSAULT":
        return None
    if tok.ent_type_ in ("DATE", "TIME"):
        return None  # "before March": a month, no march
    if trig.cameo == "036" and tok.pos_ == "VERB" and not any(c.dep_ in ("dobj", "nsubjpass") for c in tok.children):
        return None  # "talks resumed": the talks are the event, coded on their own
    if tok.dep_ == "compound" and tok.head.pos_ in ("NOUN", "PROPN"):
        return None  # "ceasefire violations", "peace talks": the head says what happened
    if tok.pos_ in ("VERB", "AUX"):
        src_t, tgt_t = verb_roles(tok)
    else:
        src_t, tgt_t = noun_roles(tok, trig.type in RECIPROCAL)
    text = doc_text(ctx.doc)
    # a side across a line break belongs to another sentence (headlines glued by the parser)
    if src_t is not None and "\n" in text[min(src_t.idx, tok.idx):max(src_t.idx, tok.idx)]:
        src_t = None
    if tgt_t is not None and "\n" in text[min(tgt_t.idx, tok.idx):max(tgt_t.idx, tok.idx)]:
        tgt_t = None
    glued = src_t is None and line_subject(ctx, tok)
    if tgt_t is None and src_t is not None and trig.type in RECIPROCAL:
        tgt_t = next((c for c in src_t.children if c.dep_ == "conj"), None)
    if trig.type in RECIPROCAL and tok.pos_ == "VERB" and src_t is None:
        patient = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
        if patient is not None and not (side_of(ctx, patient) or Party(None, None, None)).code:
            return None  # "before its goals were met", "a deal was signed": no parties
    own_broker = mediator_of(tok) if tok.pos_ == "NOUN" else None
    aim_broker = mediator_of(tgt_t) if tgt_t is not None else None
    if own_broker is not None:
        ctx.mediators[trig.start] = own_broker
    elif aim_broker is not None:
        # "signed a Qatari-brokered deal": the broker is no party to the deal
        ctx.mediators[trig.start] = aim_broker
        tgt_t = None
    if tok.lemma_.lower() in MEDIATING:
        # "mediated talks between X and Y": the mediator's events are with each party
        tgt_t = between(tgt_t) or tgt_t
    mutual = each_other(tgt_t)
    if mutual and src_t is not None:
        # "India and Pakistan accused each other": one event each way
        tgt_t = next((c for c in src_t.conjuncts), None)
        if tgt_t is not None:
            ctx.mutual.add(trig.start)
    source, target = side_of(ctx, src_t), side_of(ctx, tgt_t)
    if trig.type in RECIPROCAL and src_t is not None and (target is None or not target.code):
        # "Norway, Finland and Sweden signed a pact": the parties are the coordinated subjects
        mate = next((c for c in src_t.conjuncts if (side_of(ctx, c) or Party(None, None, None)).code), None)
        if mate is not None:
            tgt_t, target = mate, side_of(ctx, mate)
    pair = pair_of_sides(ctx, src_t, tok) if (source is None or not source.code) else None
    if pair is not None:
        source, target = pair  # "both sides agreed", "the two governments traded warnings"
        tgt_t = None
    if tgt_t is not None and (target is None or not target.code) and tgt_t.pos_ == "NOUN":
        # "rejected the group's conditions": whose conditions
        owner = next((c for c in tgt_t.children if c.dep_ == "poss"), None)
        side = side_of(ctx, owner)
        if side is not None and side.code:
            target = side
    if tgt_t is not None and (target is None or not target.code) and tgt_t.dep_ == "dobj" \
            and tok.pos_ == "VERB":
        # "sent aid to Bolivia", "fired dozens of drones at Israel": the object names
        # what was done; the side it was done to stands after a preposition
        aim = aimed_at(tok, TARGET_PREPS) or aimed_at(tgt_t, NOUN_TARGET_PREPS)
        side = side_of(ctx, aim)
        if side is not None and side.code and (source is None or side.actor != source.actor):
            target = side
    if (target is None or not target.code) and tok.pos_ == "VERB" and trig.type in INTENT_TARGET:
        # "agreed to send air defence systems to Ukraine": the one the promised act is for
        target = xcomp_target(ctx, tok) or target
    if glued:
        source = glued
    q = ctx.quote_at(trig.start)
    if q is not None:
        # the speaker does what "I" or "we" do in the quote, and what a verb without
        # a subject orders or offers; "threats" named in a quote are not the speaker's
        first = src_t is not None and src_t.lower_ in FIRST_PERSON
        # ... but not what the speaker reports that people suffered ("were killed")
        passive = tok.pos_ == "VERB" and any(c.dep_ == "nsubjpass" for c in tok.children) \
            and trig.type in ("ASSAULT", "COERCE")
        if first or (source is None and not passive and (tok.pos_ == "VERB" or first_person_poss(tok))):
            source = speaker_party(ctx, q) or source
        elif passive and source is None and (target is None or not target.code):
            # "Pakistan said two civilians were killed": the speaker's people suffered it,
            # at the hands of the other side named nearby
            spk = speaker_party(ctx, q)
            if spk is not None and spk.code:
                target = Party(spk.actor, spk.code[:3], target.mention if target else None)
                source = counterpart(ctx, tok, target)
    if source is not None and target is not None and source.actor and source.actor == target.actor:
        target = None
    parse_sides = [(p.mention.start, p.mention.end) for p in (source, target) if p and p.mention]
    if trig.type in RECIPROCAL:
        if source is not None and source.code and (target is None or not target.code):
            target = counterpart(ctx, tok, source, mutual=True) or target
        elif target is not None and target.code and (source is None or not source.code):
            source = counterpart(ctx, tok, target, mutual=True)
    elif source is not None and source.code and (target is None or not target.code) and DIRECTED:
        # "condemned the launch", "welcomed the deal": the side of the event referred back
        # to; else "Mexico denounced the raid": the raid's country, named in the sentence
        target = referred_event_side(ctx, tgt_t, source) or (
            None if named_people(tgt_t) else counterpart(ctx, tok, source)) or target
    elif target is not None and target.code and (source is None or not source.code) and DIRECTED \
            and tok.pos_ == "NOUN":
        # "the raid on its consulate in Lima": by someone of the other country
        source = counterpart(ctx, tok, target) or source
    if trig.type == "CONSULT" and tok.pos_ == "VERB" and tok.lemma_.lower() in MOVES:
        visit = visit_sides(ctx, tok, source, target)
        if visit is None:
            return None
        source, target = visit
    negated, why = reading(tok)
    hypothetical = why is not None
    ptype, cameo = trig.type, trig.cameo
    if ptype == "AGREE" and tok.pos_ == "VERB" and tok.lemma_.lower() in VOWS:
        force = vowed_force(tok)
        if force is not None:
            ptype, cameo = "THREATEN", force  # "vowed to retaliate": a threat, no promise
    if ptype == "PROTEST" and _state_protest(ctx, tok, src_t, source):
        ptype, cameo = "ACCUSE", "114"  # "Manila protests": a government's protest is a complaint
    if ptype == "ASSAULT" and tok.pos_ == "VERB" and _weapon_test(tok, tgt_t):
        # "fired a missile into the sea": a show of force, aimed at no one
        ptype, cameo, target = "MOBILIZE", "150", None
    if negated and ptype in _REFUSABLE and tok.pos_ == "VERB" and _negated_verb(tok):
        # "did not agree", "would not meet their demands": a refusal
        ptype, cameo, negated = "REJECT", "120", False
        if why == "future" and source is not None and source.code and _stated_refusal(tok):
            # "Chile cannot accept the proposal": the refusal is stated now, not forecast
            why, hypothetical = None, False
    c = coding(ptype, cameo)
    sent = sent_of(tok)
    location = ctx.setting.place(tok, tgt_t, parse_sides)
    strong = location is not None and not ctx.setting.weak
    if not strong:
        location = (_same_event_place(ctx, ptype, source, target) or _anchor_place(ctx, sent_of(tok))
                    or location)
    if pair is None and not glued:
        joint = src_t is not None and tgt_t is not None and tgt_t in src_t.conjuncts
        ctx.coordinated[trig.start] = (conjoined(ctx, src_t, source, target),
                                       [] if joint else conjoined(ctx, tgt_t, target, source), joint)
    date, basis = ctx.setting.dated(tok)
    event = Event(
        id=f"E{n}", type=c.type, mode=c.mode, cameo=c.cameo, goldstein=c.goldstein,
        quad_class=c.quad_class, source=source, target=target,
        date=date, date_basis=basis, location=location,
        negated=negated, hypothetical=hypothetical,
        trigger=Span(trig.start, trig.end, doc_text(ctx.doc)[trig.start:trig.end]),
        sentence=(sent.start_char, sent.end_char), quote=q.id if q else None)
    ctx.placed.append((event, strong))
    return event


def code_sentence_event(ctx: Context, verb: Token, ptype: str, n: int) -> Event | None:
    """An event of type ``ptype`` on a sentence's main verb (for the classifier)."""
    c = coding(ptype)
    return code_event(ctx, Trigger(verb, verb.idx, verb.idx + len(verb), c.type, c.cameo), n)
