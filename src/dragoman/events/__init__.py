"""Events: who did what to whom, when and where (PLOVER, CAMEO alongside).

``find_events`` reads one parsed article: triggers from the lexicon (verbs, event
nouns, idioms) and from speech (``speech.py``), source and target from the parse
(``roles.py``), modality per event (``modality.py``), the date and place from the
event's sentence and its neighbours (``setting.py``), and the quote the event was said
in. Stated intentions become events of their own, as CAMEO codes them. A small trained
classifier (``classifier.py``) settles standalone sentences.
"""
from __future__ import annotations

import bisect
import os
from dataclasses import replace

from spacy.tokens import Doc, Span as SpacySpan, Token

from .. import places
from ..actors import ActorTable
from ..coref import Resolver, resolve_mention
from ..model import Actor, Count, Event, Location, Party, Place, Quote, Span
from . import classifier, rolemodel, speech
from .counts import find_counts
from .modality import reading
from .ontology import coding
from .roles import FIRST_PERSON, noun_roles, party, subject_of, verb_roles
from ..nlp import doc_text
from .sentences import sent_of, sentences
from .setting import Setting
from .triggers import Trigger, find_triggers, lexicon

__all__ = ["find_events", "places_of"]


def places_of(doc: Doc, actors: ActorTable) -> list[Place]:
    """Every place the article mentions (``Analysis.places``), namesakes settled by
    the countries of the article's actors."""
    return places.find_places(doc, {(actor_code(a) or "")[:3] for a in actors.actors} - {""})

RECIPROCAL = frozenset(("CONSULT", "COOPERATE", "AGREE"))
DIRECTED = True  # directed events missing a target take the other country in the sentence
_REFUSABLE = frozenset(("AGREE", "SUPPORT", "CONSULT", "COOPERATE", "CONCEDE", "AID", "RETREAT"))
_SPEECH = frozenset("say announce tell declare state add confirm insist pledge promise vow "
                    "warn signal indicate reiterate".split())
_REPORTING = _SPEECH | frozenset("deny admit acknowledge claim argue complain believe "
                                  "assert maintain report".split())
_NAMED = frozenset(("ORG", "GPE", "PERSON", "NORP", "LOC", "FAC", "WORK_OF_ART", "LAW", "EVENT"))


class _Context:
    """What the event coder knows about one article."""

    def __init__(self, doc: Doc, actors: ActorTable, quotes: list[Quote], published: str | None,
                 resolver: Resolver):
        self.doc, self.actors, self.quotes, self.published = doc, actors, quotes, published
        self.resolver = resolver
        self.countries = {(actor_code(a) or "")[:3] for a in actors.actors} - {""}
        self.setting = Setting(doc, published, self.countries)
        self.placed: list[tuple[Event, bool]] = []  # events so far, placed by their sentence?
        self.dismissed: set[int] = set()  # trigger starts of reports called false
        # trigger start -> (more sources, more targets) coordinated with the coded ones
        # (whether the target is one of the coordinated sources: "X, Y and Z met")
        self.coordinated: dict[int, tuple[list[Party], list[Party], bool]] = {}
        self._quotes = sorted(quotes, key=lambda q: q.start)
        self._quote_starts = [q.start for q in self._quotes]
        coded = [(m, a, actor_code(a)) for a in actors.actors for m in a.mentions]
        self._mentions = sorted(((m, a, c) for m, a, c in coded if c), key=lambda x: x[0].start)
        self._mention_starts = [m.start for m, _, _ in self._mentions]

    def quote_at(self, start: int) -> Quote | None:
        """The quote whose span holds character ``start``."""
        i = bisect.bisect_right(self._quote_starts, start) - 1
        for q in self._quotes[max(0, i - 2):i + 1]:
            if q.start <= start < q.end:
                return q
        return None

    def mentions_in(self, start: int, end: int) -> list[tuple[Span, Actor, str]]:
        """(mention, actor, code) of the coded actors mentioned within ``[start, end)``."""
        lo = bisect.bisect_left(self._mention_starts, start)
        hi = bisect.bisect_left(self._mention_starts, end)
        return self._mentions[lo:hi]

    def resolve(self, tok: Token) -> tuple[Actor, Span] | None:
        """The actor a pronoun or a nominal ("the ministry") refers to."""
        actor = resolve_mention(self.doc, tok, self.actors, self.resolver)
        if actor is None:
            actor = self._speaker_of_clause(tok)
        if actor is None:
            return None
        return actor, Span(tok.idx, tok.idx + len(tok), tok.text)

    def _speaker_of_clause(self, tok: Token) -> Actor | None:
        """"the mission said it stood ready": a third-person subject of a reported
        clause that the coreference layer left open is the reporter."""
        if tok.lower_ not in ("it", "they", "he", "she") or tok.dep_ not in ("nsubj", "nsubjpass"):
            return None
        clause = tok.head
        if clause.dep_ != "ccomp" or clause.head.lemma_ not in _REPORTING:
            return None
        subj, _ = subject_of(clause.head)
        if subj is None or subj.pos_ == "PRON":
            return None
        s, e = subj.left_edge.idx, subj.idx + len(subj)
        hit = self.actors.at(s, e)
        return hit[0] if hit else None


def actor_code(actor: Actor) -> str | None:
    """An actor's code, falling back on its country or a country name."""
    return actor.code or actor.country or places.country_code(actor.name)


def _speaker_party(ctx: _Context, q: Quote) -> Party | None:
    sp = q.speaker
    if sp is None or sp.actor is None:
        return None
    actor = ctx.actors.get(sp.actor)
    if actor is None:
        return None
    return Party(actor.id, actor_code(actor), sp.mention or (actor.mentions[0] if actor.mentions else None))


def _line_subject(ctx: _Context, tok: Token) -> Party | None:
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


def _first_person_poss(tok: Token) -> bool:
    return any(c.dep_ == "poss" and c.lower_ in FIRST_PERSON for c in tok.children)


_ACCEPT = frozenset("agree accept support endorse approve back recognise recognize cooperate "
                    "concede comply yield compromise negotiate".split())
# modals of a refusal: "will not", "cannot", "could not", "won't"
_REFUSING = frozenset("will would wo ca can could 'll shall".split())


def _negated_verb(tok: Token) -> bool:
    """A negated verb that is a refusal: "would not meet", "did not agree"; not a
    plain report that something did not happen ("did not meet his counterpart")."""
    if not any(c.dep_ == "neg" for c in tok.children):
        return False
    if any(c.dep_ == "aux" and c.lemma_ == "have" for c in tok.children):
        return False  # "had not agreed to any presence": a denial of a past act, no refusal
    return tok.lemma_.lower() in _ACCEPT or any(
        c.dep_ == "aux" and c.lower_ in _REFUSING for c in tok.children)


def _same_event_place(ctx: _Context, ptype: str, source: Party | None,
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


def _anchor_place(ctx: _Context, sent: SpacySpan) -> Location | None:
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


def _token_at(doc: Doc, start: int) -> Token | None:
    """The token holding the character at ``start``."""
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _is_subject(doc: Doc, start: int) -> bool:
    t = _token_at(doc, start)
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
    root = _token_at(doc, start)
    if root is None:
        return False
    while root.dep_ == "compound":
        root = root.head
    return root.dep_ == "pobj" and root.head.lower_ in ("in", "at", "near", "to")


def _counterpart(ctx: _Context, tok: Token, source: Party) -> Party | None:
    """The other side of an event that names one side only: the nearest state,
    organisation or person of another country named in the same sentence, else in
    the sentence before."""
    sent = sent_of(tok)
    found = _counterpart_in(ctx, tok, source, sent)
    if found is None and sent.start > 0:
        prev = sent_of(ctx.doc[sent.start - 1])
        found = _counterpart_in(ctx, tok, source, prev)
    if found is None and sent.end < len(ctx.doc) and _is_headline(sent):
        # a headline's other side is named in the lead below it
        found = _counterpart_in(ctx, tok, source, sent_of(ctx.doc[sent.end]))
    return found


def _is_headline(sent: SpacySpan) -> bool:
    """A line without a full stop above the text: "Manila protests after ..."."""
    words = [t for t in sent if not t.is_space]
    return bool(words) and words[-1].text not in (".", "!", "?", '"', "”", "’") and "\n" in sent[-1].text_with_ws + (
        sent.doc[sent.end].text if sent.end < len(sent.doc) else "")


def _counterpart_in(ctx: _Context, tok: Token, source: Party, sent: SpacySpan) -> Party | None:
    best: tuple[int, Party] | None = None
    mine = (source.code or "")[:3]
    for m, a, code in ctx.mentions_in(sent.start_char, sent.end_char):
        if code[:3] == mine or a.kind not in ("state", "organisation", "person", "group"):
            continue
        if _is_place(ctx.doc, m.start):
            continue  # "met in Malaysia": where, not with whom
        if sent_of(tok).start_char == sent.start_char and \
                "\n" in doc_text(ctx.doc)[min(m.start, tok.idx):max(m.start, tok.idx)]:
            continue
        dist = abs(m.start - tok.idx) + (0 if _is_subject(ctx.doc, m.start) else 1000)
        if best is None or dist < best[0]:
            best = (dist, Party(a.id, code, m))
    return best[1] if best else None


_INTENT_TARGET = frozenset(("AGREE", "REQUEST", "THREATEN", "REJECT"))


def _xcomp_target(ctx: _Context, verb: Token) -> Party | None:
    """The coded object of the act that ``verb`` agrees, asks or threatens to do."""
    act = next((c for c in verb.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)
    if act is None:
        return None
    for c in act.children:
        if c.dep_ in ("dobj", "dative") and c.pos_ in ("PROPN", "NOUN", "PRON"):
            side = _side(ctx, c)
            if side is not None and side.code:
                return side
            subj, _ = subject_of(verb)
            mine = _side(ctx, subj)
            if mine is not None and mine.code:
                # "stood ready to monitor the ceasefire": the parties of the ceasefire
                side = _referred_event_side(ctx, c, mine)
                if side is not None:
                    return side
        if c.dep_ in ("prep", "dative") and c.lower_ in ("to", "with", "on", "against", "for"):
            obj = next((g for g in c.children if g.dep_ == "pobj"), None)
            side = _side(ctx, obj)
            if side is not None and side.code:
                return side
    return None


_PAIRED = frozenset("side government country nation leader party delegation capital "
                    "neighbour neighbor rival foe adversary minister".split())


def _pair(ctx: _Context, subj: Token | None, tok: Token) -> tuple[Party, Party] | None:
    """"both sides", "the two governments": the two countries of the latest event
    that had sides of two countries (within the last few sentences)."""
    if subj is None or subj.pos_ != "NOUN" or subj.lemma_.lower() not in _PAIRED:
        return None
    if not any((c.lower_ in ("both", "two") and c.dep_ in ("det", "predet", "nummod", "quantmod"))
               for c in subj.children):
        return None
    for e, _ in reversed(ctx.placed[-20:]):
        if e.trigger.start >= tok.idx or tok.idx - e.trigger.start > 1200:
            continue
        if e.source is not None and e.target is not None and e.source.code and e.target.code \
                and e.source.code[:3] != e.target.code[:3]:
            return e.source, e.target
    return None


_WEAPONS = frozenset("missile missiles rocket rockets projectile projectiles".split())
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
    return not any(c.dep_ == "prep" and c.lower_ in _AIMS and any(
        g.dep_ == "pobj" and g.ent_type_ not in ("DATE", "TIME") for g in c.children)
        for c in list(verb.children) + list(obj.children))


def _state_protest(ctx: _Context, tok: Token, subj: Token | None, source: Party | None) -> bool:
    """Whether a protest is a government's: its subject is a government ("the Foreign
    Ministry protested") or a state or capital named as such ("Manila protests"), not
    people of a country ("Palestinian prisoners rioted", "Young Algerians protested")."""
    if subj is None or source is None or subj.head.i != tok.i or tok.lemma_.lower() != "protest":
        return False
    if not (subj.dep_ == "nsubj" or (tok.dep_ == "ROOT" and tok.pos_ == "NOUN")):
        return False
    if (source.code or "").endswith("GOV"):
        return True
    return subj.pos_ == "PROPN" and subj.ent_type_ == "GPE" and _is_state(ctx, source)


def _is_state(ctx: _Context, side: Party) -> bool:
    actor = ctx.actors.get(side.actor) if side.actor else None
    return bool(side.code) and (side.code.endswith("GOV") or (actor is not None and actor.kind == "state"))


_REFERRING = frozenset("the this that these those".split())


def _referred_event_side(ctx: _Context, obj: Token | None, source: Party, typed: bool = True) -> Party | None:
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
        return _referred_event_side(ctx, obj, source, typed=False)
    return None


# what a noun referring back to an earlier event can refer to
_REFERS = {
    "decision": frozenset(("AGREE", "SANCTION", "REJECT", "COERCE", "MOBILIZE", "RETREAT")),
    "move": frozenset(("AGREE", "SANCTION", "REJECT", "COERCE", "MOBILIZE", "RETREAT", "ASSAULT")),
    "launch": frozenset(("ASSAULT", "MOBILIZE")),
    "test": frozenset(("MOBILIZE", "ASSAULT")),
    "complaint": frozenset(("ACCUSE", "PROTEST")),
    "accusation": frozenset(("ACCUSE",)),
    "allegation": frozenset(("ACCUSE",)),
    "charge": frozenset(("ACCUSE",)),
    "criticism": frozenset(("ACCUSE",)),
    "deal": frozenset(("AGREE",)),
    "truce": frozenset(("AGREE",)),
    "ceasefire": frozenset(("AGREE",)),
    "resolution": frozenset(("AGREE", "REQUEST", "SANCTION")),
}


def _side(ctx: _Context, tok: Token | None) -> Party | None:
    return party(tok, ctx.actors, ctx.resolve) if tok is not None else None


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


def _code_event(ctx: _Context, trig: Trigger, n: int) -> Event | None:
    tok = trig.token
    if trig.type == "REQUEST" and _no_request(tok):
        return None
    if tok.ent_type_ in _NAMED and tok.ent_iob_ != "O" and trig.type != "ASSAULT":
        return None
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
    glued = src_t is None and _line_subject(ctx, tok)
    if tgt_t is None and src_t is not None and trig.type in RECIPROCAL:
        tgt_t = next((c for c in src_t.children if c.dep_ == "conj"), None)
    if trig.type in RECIPROCAL and tok.pos_ == "VERB" and src_t is None:
        passive = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
        if passive is not None and not (_side(ctx, passive) or Party(None, None, None)).code:
            return None  # "before its goals were met", "a deal was signed": no parties
    source, target = _side(ctx, src_t), _side(ctx, tgt_t)
    if trig.type in RECIPROCAL and src_t is not None and (target is None or not target.code):
        # "Norway, Finland and Sweden signed a pact": the parties are the coordinated subjects
        mate = next((c for c in src_t.conjuncts if (_side(ctx, c) or Party(None, None, None)).code), None)
        if mate is not None:
            tgt_t, target = mate, _side(ctx, mate)
    pair = _pair(ctx, src_t, tok) if (source is None or not source.code) else None
    if pair is not None:
        source, target = pair  # "both sides agreed", "the two governments traded warnings"
        tgt_t = None
    if tgt_t is not None and (target is None or not target.code) and tgt_t.pos_ == "NOUN":
        # "rejected the group's conditions": whose conditions
        owner = next((c for c in tgt_t.children if c.dep_ == "poss"), None)
        side = _side(ctx, owner)
        if side is not None and side.code:
            target = side
    if (target is None or not target.code) and tok.pos_ == "VERB" and trig.type in _INTENT_TARGET:
        # "agreed to send air defence systems to Ukraine": the one the promised act is for
        target = _xcomp_target(ctx, tok) or target
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
        if first or (source is None and not passive and (tok.pos_ == "VERB" or _first_person_poss(tok))):
            source = _speaker_party(ctx, q) or source
        elif passive and source is None and (target is None or not target.code):
            # "Pakistan said two civilians were killed": the speaker's people suffered it,
            # at the hands of the other side named nearby
            spk = _speaker_party(ctx, q)
            if spk is not None and spk.code:
                target = Party(spk.actor, spk.code[:3], target.mention if target else None)
                source = _counterpart(ctx, tok, target)
    if source is not None and target is not None and source.actor and source.actor == target.actor:
        target = None
    parse_sides = [(p.mention.start, p.mention.end) for p in (source, target) if p and p.mention]
    if trig.type in RECIPROCAL:
        if source is not None and source.code and (target is None or not target.code):
            target = _counterpart(ctx, tok, source) or target
        elif target is not None and target.code and (source is None or not source.code):
            source = _counterpart(ctx, tok, target)
    elif source is not None and source.code and (target is None or not target.code) and DIRECTED:
        # "condemned the launch", "welcomed the deal": the side of the event referred back
        # to; else "Mexico denounced the raid": the raid's country, named in the sentence
        target = _referred_event_side(ctx, tgt_t, source) or _counterpart(ctx, tok, source) or target
    elif target is not None and target.code and (source is None or not source.code) and DIRECTED \
            and tok.pos_ == "NOUN":
        # "the raid on its consulate in Lima": by someone of the other country
        source = _counterpart(ctx, tok, target) or source
    negated, why = reading(tok)
    hypothetical = why is not None
    ptype, cameo = trig.type, trig.cameo
    if ptype == "PROTEST" and _state_protest(ctx, tok, src_t, source):
        ptype, cameo = "ACCUSE", "114"  # "Manila protests": a government's protest is a complaint
    if ptype == "ASSAULT" and tok.pos_ == "VERB" and _weapon_test(tok, tgt_t):
        # "fired a missile into the sea": a show of force, aimed at no one
        ptype, cameo, target = "MOBILIZE", "150", None
    if negated and ptype in _REFUSABLE and tok.pos_ == "VERB" and _negated_verb(tok):
        # "did not agree", "would not meet their demands": a refusal
        ptype, cameo, negated = "REJECT", "120", False
    c = coding(ptype, cameo)
    sent = sent_of(tok)
    location = ctx.setting.place(tok, tgt_t, parse_sides)
    strong = location is not None and not ctx.setting.weak
    if not strong:
        location = (_same_event_place(ctx, ptype, source, target) or _anchor_place(ctx, sent_of(tok))
                    or location)
    if pair is None and not glued:
        joint = src_t is not None and tgt_t is not None and tgt_t in src_t.conjuncts
        ctx.coordinated[trig.start] = (_conjoined(ctx, src_t, source, target),
                                       [] if joint else _conjoined(ctx, tgt_t, target, source), joint)
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


# heads whose complement is a commitment stated to others (CAMEO 03x); a plan, an
# intention or a decision ("plans to visit", "intends to negotiate") is no statement
# to anyone and stays a hypothetical event only
def _conjoined(ctx: _Context, tok: Token | None, side: Party | None, other: Party | None) -> list[Party]:
    """The coded parties coordinated with a side ("Japan, India and Brazil"), of other
    countries than the side and the other side already coded."""
    if tok is None or side is None or not side.code:
        return []
    seen = {(p.code or "")[:3] for p in (side, other) if p is not None and p.code}
    out = []
    for c in tok.conjuncts:
        p = _side(ctx, c)
        if p is not None and p.code and p.code[:3] not in seen:
            seen.add(p.code[:3])
            out.append(p)
    return out


def _pairs(ctx: _Context, events: list[Event]) -> list[Event]:
    """One event per pair (CAMEO codes compound actors as dyads): "Japan, India and
    Brazil held talks with the EU" is three CONSULT events with the EU; "Kenya, Uganda
    and Tanzania held talks" one per pair of the three; "attacked Chad and Niger" one
    per target. Each copy keeps the trigger, date and place."""
    out = []
    for e in events:
        out.append(e)
        more_src, more_tgt, joint = ctx.coordinated.get(e.trigger.start, ([], [], False))
        if not (more_src or more_tgt) or e.source is None or e.target is None:
            continue
        sources, targets = [e.source, *more_src], [e.target, *more_tgt]
        seen = {((e.source.code or "")[:3], (e.target.code or "")[:3])}
        if joint:
            # "Kenya, Uganda and Tanzania met": the target is one of the coordinated
            group = [e.source, e.target, *more_src]
            dyads = [(a, b) for i, a in enumerate(group) for b in group[i + 1:]]
        else:
            dyads = [(a, b) for a in sources for b in targets]
        for a, b in dyads:
            key = ((a.code or "")[:3], (b.code or "")[:3])
            if key[0] == key[1] or key in seen or key[::-1] in seen and e.type in RECIPROCAL:
                continue
            seen.add(key)
            out.append(replace(e, source=a, target=b))
    return out


_INTENT_HEADS = frozenset("willing ready prepared vow pledge promise swear commit".split())
_WILL = frozenset(("will", "would", "'ll", "wo", "shall"))
_MUST = frozenset(("must", "should"))


_PLANNING = frozenset("plan intend decide determine prepare aim hope expect want consider "
                      "ought need".split())


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


def _own_statement(ctx: _Context, speech: Token, tok: Token, source: Party | None) -> bool:
    """Whether the one who speaks is the one whose act is stated: its own country, or
    a pronoun ("it would respond") standing for the speaker."""
    subj, _ = subject_of(speech)
    if subj is None:
        return True  # "was quoted as saying": the source is the speaker
    said = _side(ctx, subj)
    if said is not None and said.code and source is not None and source.code:
        return said.code[:3] == source.code[:3]
    actor = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return actor is not None and actor.pos_ == "PRON"


def intent_event(ctx: _Context, e: Event, tok: Token, n: int, triggers: set[int]) -> Event | None:
    """A stated intention or demand as an event of its own (CAMEO's convention).

    "said it would start talks" is AGREE; "said it will impose sanctions" THREATEN;
    "said it could not accept" REJECT; "said Sudan must return the helicopter" a
    REQUEST by the speaker of the one who must act. Only intentions someone states (a
    speech verb above the clause, or willing / ready / vowed to); not plans, decisions
    or conditions ("plans to visit", "if X crossed, Y would close").
    """
    if e.negated:
        return None
    holder = tok.head if tok.dep_ == "dobj" and tok.head.pos_ == "VERB" else tok
    modals = _WILL | _MUST | (_REFUSING if e.type == "REJECT" else frozenset())
    aux = next((c for c in holder.children if c.dep_ in ("aux", "auxpass") and c.lower_ in modals), None)
    t, speech, head_word = tok, None, None
    for _ in range(5):
        if t.dep_ == "xcomp" and t.head.lemma_.lower() in _INTENT_HEADS and head_word is None:
            head_word = t.head
        if t.dep_ in ("ccomp", "xcomp", "conj") and t.head.lemma_ in _SPEECH:
            speech = t.head
            break
        if t.dep_ == "ROOT":
            break
        t = t.head
    cue = aux if aux is not None else head_word
    if cue is None or (speech is None and head_word is None):
        return None
    if reading(tok)[1] == "condition" or _planned(tok):
        return None  # "if X crossed, Y would close ...", "said it plans to visit": not commitments
    if (speech is not None and speech.i in triggers) or (head_word is not None and head_word.i in triggers):
        return None
    source, target = e.source, e.target
    if cue.lower_ in _MUST:
        if speech is None:
            return None
        subj, _ = subject_of(speech)
        source, target = (_side(ctx, subj), e.source)
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


def code_sentence_event(ctx: _Context, verb: Token, ptype: str, n: int) -> Event | None:
    """An event of type ``ptype`` on a sentence's main verb (for the classifier)."""
    c = coding(ptype)
    return _code_event(ctx, Trigger(verb, verb.idx, verb.idx + len(verb), c.type, c.cameo), n)


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


_WARN_MODALS = frozenset("will would could might may 'll wo ca can".split())


def own_warnings(ctx: _Context, taken: set[int]) -> list[tuple[Trigger, Token | None]]:
    """Warnings of what the warner's own side will do ("warned that it would respond",
    "warned that Iran could cut its cooperation", "warned that an attack would
    trigger American commitments"): THREATEN events by the warner. A warning of what
    may merely happen ("warned that the risk of war was greater") is no threat: the
    warned clause needs a modal and the warner's own country as its subject or named
    in it. The target is the subject of a condition in the clause, if any."""
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
        warner = _side(ctx, subj)
        if warner is None or not warner.code:
            continue
        mine = warner.code[:3]
        csubj = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        own = csubj is not None and ((_side(ctx, csubj) or warner).code or "")[:3] == mine \
            if csubj is not None and csubj.pos_ in ("PRON", "PROPN") else False
        if not own:
            lo, hi = clause.left_edge.idx, clause.right_edge.idx + len(clause.right_edge)
            own = any(code[:3] == mine for _, _, code in ctx.mentions_in(lo, hi))
        if not own:
            continue
        cond = next((t for t in clause.subtree if t.dep_ == "mark" and t.lower_ in ("if", "unless")), None)
        aim = next((c for c in cond.head.children if c.dep_ in ("nsubj", "nsubjpass")), None) \
            if cond is not None else None
        out.append((Trigger(tok, tok.idx, tok.idx + len(tok), "THREATEN", "130"), aim))
    return out


def _is_topic(tok: Token, verbal: set[int], anchors: set[int] = frozenset()) -> bool:
    """A noun event that is what a verbal event is about ("condemned the attack",
    "discussed the deployment") is its topic, not an event of its own."""
    if tok.pos_ not in ("NOUN", "PROPN"):
        return False
    if any(c.dep_ == "prep" and c.lower_ == "between" for c in tok.children):
        return False  # "criticised the agreement between X and Y": the agreement stands
    if tok.dep_ == "pobj" and tok.head.lower_ == "for" and tok.head.head.i in anchors:
        return True  # "sent the ambassador home for consultations": a purpose
    t = tok
    for _ in range(3):
        if t.dep_ not in ("dobj", "pobj", "prep", "nsubjpass", "conj"):
            return False
        if t.dep_ == "prep" and t.lower_ in _TIME_PREPS:
            return False  # "cut relations after the raid on its consulate": an event before
        t = t.head
        if t.i in verbal:
            return True
    return False


_TIME_PREPS = frozenset("after before following since during amid until".split())
_SAYING = frozenset(("THREATEN", "ACCUSE", "REQUEST", "REJECT"))
_PARTICIPANT_PREPS = frozenset("between with against by from to".split())


def _mentioned_again(tok: Token, ptype: str = "") -> bool:
    """"the talks", "the visit" with no participants of their own, after an event of
    the same type: the earlier event mentioned again, not a new one. A threat or an
    accusation "of" something says something new."""
    if tok.pos_ not in ("NOUN", "PROPN"):
        return False
    if ptype in _SAYING and any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):
        return False
    if not any(c.dep_ == "det" and c.lower_ in ("the", "this", "these", "that", "those") for c in tok.children):
        return False
    return not any(c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ in _PARTICIPANT_PREPS)
                   for c in tok.children)


_FIGHTING = frozenset("fighting fight clash clashes battle battles hostilities combat skirmish "
                      "skirmishes".split())


def _fighting_sides(events: list[Event], unnamed: list[Event]) -> list[Event]:
    """"as fighting raged", "there was further fighting": fighting with no side named
    is between the sides of the nearest fighting the article names (within about
    three sentences, before or after); with none near, it is no event."""
    named = [e for e in events if e.type == "ASSAULT" and not (e.negated or e.hypothetical)
             and e.source is not None and e.target is not None and e.source.code and e.target.code]
    out = list(events)
    for u in unnamed:
        near = [(abs(e.trigger.start - u.trigger.start), e) for e in named
                if abs(e.trigger.start - u.trigger.start) < 600]
        if near:
            best = min(near, key=lambda x: x[0])[1]
            out.append(replace(u, source=best.source, target=best.target))
    out.sort(key=lambda x: x.trigger.start)
    return [replace(x, id=f"E{i + 1}") for i, x in enumerate(out)]


_DECIDE = frozenset("agree decide vote".split())
_MEASURES = frozenset(("SANCTION",))


def _decided_measures(ctx: _Context, events: list[Event]) -> list[Event]:
    """"The EU agreed to impose new sanctions on X": a body's decision to impose a
    measure of its own (no partner: not "agreed with Y") is the measure itself, coded
    once: the sanction is factual, and the decision is no separate AGREE."""
    by_start = {e.trigger.start: i for i, e in enumerate(events)}
    drop: set[int] = set()
    out = list(events)
    for i, e in enumerate(events):
        if e.type != "AGREE" or e.negated or e.hypothetical:
            continue
        span = ctx.doc.char_span(e.trigger.start, e.trigger.end, alignment_mode="expand")
        if span is None:
            continue
        verb = span.root
        if verb.lemma_ not in _DECIDE or verb.pos_ != "VERB" or any(
                c.dep_ == "prep" and c.lower_ == "with" for c in verb.children):
            continue
        act = next((c for c in verb.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)
        if act is None or any(c.dep_ == "neg" for c in act.children):
            continue
        lo, hi = act.idx, act.right_edge.idx + len(act.right_edge)
        hits = [j for start, j in by_start.items() if lo <= start < hi and events[j].type in _MEASURES
                and events[j].hypothetical and not events[j].negated]
        if not hits:
            continue
        for j in hits:
            own = events[j].date_basis == "text" or e.date_basis != "text"
            out[j] = replace(events[j], hypothetical=False, date=events[j].date if own else e.date,
                             date_basis=events[j].date_basis if own else e.date_basis)
        drop.add(i)
    return [x for k, x in enumerate(out) if k not in drop]


def _keep(e: Event) -> bool:
    """An event is kept when some side names a known actor (a bare noun is no event)."""
    return any(p is not None and (p.code or p.actor) for p in (e.source, e.target))


def _claims(ctx: _Context, events: list[Event]) -> list[Event]:
    """Reports of another party's violence: an ACCUSE by the reporter; once that party
    rejects or denies it, every act of violence in the report is a claim (hypothetical)."""
    out = list(events)
    reports: dict[int, list[Event]] = {}
    accused: dict[int, set[str]] = {}
    for e, verb in speech.reported_claims(ctx.doc, events):
        reports.setdefault(verb.i, []).append(e)
        subj, _ = subject_of(verb)
        teller = _side(ctx, subj)
        if teller is None or not teller.code:
            q = ctx.quote_at(e.trigger.start)
            teller = _speaker_party(ctx, q) if q is not None else teller
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
                           target=e.source, trigger=Span(verb.idx, verb.idx + len(verb), verb.text)))
    deniers = [e for e in events if e.trigger.start not in ctx.dismissed]
    for vi, evs in reports.items():
        if any(speech.denied(evs[0], deniers, who) for who in accused.get(vi, ())):
            for e in evs:
                out[out.index(e)] = replace(e, hypothetical=True)
    out.sort(key=lambda x: x.trigger.start)
    return [replace(x, id=f"E{i + 1}") for i, x in enumerate(out)]


def find_events(doc: Doc, actors: ActorTable, quotes: list[Quote], *,
                published: str | None = None, resolver: Resolver | None = None,
                use_classifier: bool | None = None,
                use_roles: bool | None = None) -> tuple[list[Event], list[Count]]:
    """The events and counts of a parsed article.

    Args:
        doc: the article parsed by spaCy.
        actors: the actor table of the article.
        quotes: the article's quotes (their speakers are the sources of what they say).
        published: ISO date that relative dates are resolved against.
        resolver: the article's speaker resolver, the one the quotes stage used
            (a fresh one when None).
        use_classifier: let the sentence classifier code sentences the rules leave
            without an event (off: rules alone). None: on unless the environment
            sets ``DRAGOMAN_EVENT_CLASSIFIER=0``.
        use_roles: let the trained role model settle the sides (``rolemodel.py``).
            None: on unless the environment sets ``DRAGOMAN_EVENT_ROLES=0``.

    Returns:
        The events in text order (ids E1, E2, ...) and the counts.
    """
    if use_classifier is None:
        use_classifier = os.environ.get("DRAGOMAN_EVENT_CLASSIFIER", "1") != "0"
    if use_roles is None:
        use_roles = os.environ.get("DRAGOMAN_EVENT_ROLES", "1") != "0"
    ctx = _Context(doc, actors, quotes, published, resolver or Resolver(doc, actors))
    events: list[Event] = []
    triggers = find_triggers(doc)
    trig_at = {t.token.i for t in triggers}
    dismissals = speech.dismissals(doc, trig_at)
    # calling a report biased rejects its framing, not each act it reports: such a
    # rejection does not turn the acts the report tells of into claims (see _claims)
    ctx.dismissed = {t.start for t in dismissals}
    triggers = sorted(triggers + speech.descriptions(doc, trig_at) + dismissals
                      + speech.imperatives(doc, quotes, trig_at), key=lambda t: t.start)
    trig_at = {t.token.i for t in triggers}
    verbal = {t.token.i for t in triggers if t.token.pos_ == "VERB"}
    seen_types: set[str] = set()
    unnamed: list[Event] = []  # fighting with no named side
    for trig, aim in conditional_warnings(doc, trig_at):
        e = _code_event(ctx, trig, len(events) + 1)
        if e is not None and aim is not None:
            e = replace(e, target=_side(ctx, aim) or e.target, hypothetical=False)
        if e is not None and _keep(e):
            events.append(e)
            trig_at.add(trig.token.i)
    for trig, aim in own_warnings(ctx, trig_at):
        e = _code_event(ctx, trig, len(events) + 1)
        if e is None or e.negated or e.hypothetical:
            continue
        if aim is not None:
            side = _side(ctx, aim)
            if side is not None and side.code and e.source is not None and \
                    (side.code or "")[:3] != (e.source.code or "")[:3]:
                e = replace(e, target=side)
        if e.target is not None and e.source is not None and e.target.code and \
                e.target.code[:3] == (e.source.code or "")[:3]:
            e = replace(e, target=_counterpart(ctx, trig.token, e.source))
        if _keep(e):
            events.append(e)
            trig_at.add(trig.token.i)
    for trig in triggers:
        if _is_topic(trig.token, verbal, trig_at):
            continue
        if trig.type in seen_types and _mentioned_again(trig.token, trig.type):
            continue
        seen_types.add(trig.type)
        e = _code_event(ctx, trig, len(events) + 1)
        # in an article an event needs a named side; a standalone sentence or headline
        # (under 80 tokens) is about its event even when its parties go unnamed
        if e is not None and len(doc) >= 80 and not _keep(e) and e.type == "ASSAULT" and \
                trig.token.lemma_.lower() in _FIGHTING and not (e.negated or e.hypothetical):
            unnamed.append(e)
            continue
        if e is not None and (_keep(e) or len(doc) < 80):
            events.append(e)
            if e.hypothetical:
                intent = intent_event(ctx, e, trig.token, len(events) + 1, trig_at)
                if intent is not None:
                    events.append(intent)
    events = _pairs(ctx, events)
    events = _fighting_sides(events, unnamed)
    events = _decided_measures(ctx, events)
    events = _claims(ctx, events)
    # The quad model was trained on standalone sentences and settles those; on
    # articles it lowered event F1 on the dev set, so there the rules decide alone.
    single = sum(1 for s in sentences(doc) if len(s) > 2) <= 1
    events = classifier.fill_sentences(doc, events, ctx, enabled=use_classifier and single,
                                       force=True)
    if use_roles:
        events = rolemodel.settle(doc, events, lambda t: _side(ctx, t), lambda p: _kind(ctx, p))
    return events, find_counts(doc, actors)


def _kind(ctx: _Context, p: Party | None) -> str | None:
    actor = ctx.actors.get(p.actor) if p is not None and p.actor else None
    return actor.kind if actor is not None else None
