"""Source and target of an event from the parse.

Verbs: the subject (or the passive agent) is the source, the object (or the passive
subject, or the object of with/against/on/at/to) the target. Event nouns: the
possessor or an actor adjective ("Russian invasion") is the source, "with"/"against"
objects the target, "between X and Y" gives both sides, and otherwise the subject of
the verb that governs the noun ("held talks") is the source.
"""
from __future__ import annotations

import functools
from collections.abc import Callable

from spacy.tokens import Token

from .._actors import ActorTable
from .. import _places as places
from .._model import Actor, Party, Span
from .._nlp import doc_text
from .sentences import sent_of
from .._lexicon import words

SUBJ = ("nsubj", "nsubjpass", "csubj")
# verbs that carry an event noun ("held talks"), and prepositions that place an event
# in time beside the speaker's own action ("spoke after the meeting")
LIGHT = words("light_verbs")
HARM_NOUNS = words("harm_nouns")
TIME_PREPS = frozenset("after during following before ahead since at".split())
TARGET_PREPS = words("verb_target_prepositions")
NOUN_TARGET_PREPS = words("noun_target_prepositions")
PRONOUNS = words("argument_pronouns")
FIRST_PERSON = frozenset("i we us our my me".split())


def _code(actor: Actor) -> str | None:
    return actor.code or actor.country or places.country_code(actor.name)


NOMINALS = True  # resolve "the ministry", "the junta" through the coreference layer
Resolver = Callable[[Token], "tuple[Actor, Span] | None"]


def np_bounds(tok: Token) -> tuple[int, int]:
    """Token range [start, end) of the compact noun phrase headed by ``tok``."""
    start = tok.left_edge.i
    end = tok.i + 1
    for c in tok.rights:
        if c.dep_ in ("compound", "flat", "nummod") or (c.dep_ == "case" and c.i == end):
            end = c.i + 1
        else:
            break
    if tok.doc[start].dep_ in ("punct", "cc", "prep"):
        start = min(start + 1, tok.i)
    return start, end


def _subtree_bounds(tok: Token, limit: int = 14) -> tuple[int, int]:
    """The phrase with its modifiers, without clauses hanging on it ("which rejected ...")."""
    s, e = tok.left_edge.i, tok.i + 1
    for c in tok.rights:
        if c.dep_ in ("relcl", "acl", "advcl", "ccomp", "punct", "cc", "conj", "appos"):
            break
        if c.dep_ == "prep" and c.lower_ in ("in", "at", "near", "inside", "outside", "across"):
            break  # where, not who
        e = c.right_edge.i + 1
    return s, min(e, max(tok.i + 1, s + limit))


def party(tok: Token, actors: ActorTable, resolve: Resolver | None = None) -> Party | None:
    """The party that the noun phrase headed by ``tok`` names, or None.

    The actor is looked up first in the compact phrase, then in its whole subtree
    ("the members of the Andean Community"); pronouns go through ``resolve``. A
    phrase that names no known actor still yields a party without code, so that its
    mention can be checked.
    """
    doc = tok.doc
    if tok.pos_ in ("VERB", "AUX", "ADP", "PUNCT", "SCONJ", "CCONJ", "NUM"):
        return None
    if tok.ent_type_ in ("DATE", "TIME", "CARDINAL", "PERCENT", "MONEY", "ORDINAL", "QUANTITY"):
        return None
    if tok.lower_ in PRONOUNS and tok.pos_ == "PRON":
        hit = resolve(tok) if resolve else None
        if hit:
            actor, _ = hit
            return Party(actor.id, _code(actor), Span(tok.idx, tok.idx + len(tok), tok.text))
        return None
    if tok.is_upper and len(tok) > 2 and tok.i - sent_of(tok).start < 3:
        # a dateline read as the subject: "YANGON, MYANMAR — Myanmar's junta has ..."
        app = _child(tok, ("appos",))
        if app is None:
            return None
        tok = app
    s, e = np_bounds(tok)
    found = actors.at(doc[s].idx, doc[e - 1].idx + len(doc[e - 1]))
    if found is None:
        s2, e2 = _subtree_bounds(tok)
        found = actors.at(doc[s2].idx, doc[e2 - 1].idx + len(doc[e2 - 1]))
    if found is None:
        # "American and Russian diplomats": the phrase holds several actors; the first
        for t in doc[s:e]:
            if t.pos_ in ("PROPN", "ADJ", "NOUN") and t.i != tok.i:
                found = actors.at(t.idx, t.idx + len(t))
                if found is not None:
                    break
    if found:
        actor, mention = found
        return Party(actor.id, _code(actor), mention)
    if tok.pos_ not in ("NOUN", "PROPN"):
        return None
    if NOMINALS and resolve is not None and tok.pos_ == "NOUN" and any(c.lower_ == "the" for c in tok.children) \
            and tok.lemma_.lower() not in _event_nouns():
        # an event noun ("the attack", "which killed" on it) names no one: never resolved
        hit = resolve(tok)  # "the ministry", "the junta"
        if hit:
            actor, _ = hit
            return Party(actor.id, _code(actor), Span(doc[s].idx, doc[e - 1].idx + len(doc[e - 1]),
                                                      doc_text(doc)[doc[s].idx:doc[e - 1].idx + len(doc[e - 1])]))
    return Party(None, None, Span(doc[s].idx, doc[e - 1].idx + len(doc[e - 1]),
                                  doc_text(doc)[doc[s].idx:doc[e - 1].idx + len(doc[e - 1])]))


@functools.lru_cache(maxsize=1)
def _event_nouns() -> frozenset[str]:
    """Nouns of the trigger lexicon: they name events, never parties."""
    from .triggers import lexicon
    return frozenset(lemma for lemma, rows in lexicon().items() if any(r.pos in ("N", "*") for r in rows))


def _child(tok: Token, deps: tuple[str, ...]) -> Token | None:
    return next((c for c in tok.children if c.dep_ in deps), None)


def _prep_obj(tok: Token, preps: frozenset[str]) -> Token | None:
    for c in tok.children:
        if c.dep_ in ("prep", "dative") and c.lower_ in preps:
            obj = _child(c, ("pobj",))
            if obj is not None:
                return obj
        if c.dep_ == "dative" and c.pos_ in ("PROPN", "NOUN", "PRON"):
            return c
    return None


# nouns of a place named after a country: "the border with Ecuador", "the Gulf of Aden"
PLACE_EDGES = words("place_edge_nouns")


def in_place_name(tok: Token) -> bool:
    """``tok`` names the country a place is named after ("the Gulf of Finland", "the
    coast of Chile", "near the Libyan border"): a place, no party."""
    root = tok
    while root.dep_ == "compound":
        root = root.head
    if root.dep_ == "amod" and root.head.lower_ in PLACE_EDGES:
        # "near the Libyan border": the border where something happened
        edge = root.head
        return edge.dep_ == "pobj" and edge.head.lower_ in ("in", "at", "near", "along", "across", "on")
    return root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lower_ in PLACE_EDGES


def aimed_at(tok: Token, preps: frozenset[str]) -> Token | None:
    """The object of a preposition of aim under ``tok`` ("to Bolivia", "at Israel"), or
    None; a dative object counts too."""
    return _prep_obj(tok, preps)


def subject_of(verb: Token) -> tuple[Token | None, bool]:
    """(subject, is_agent): the logical subject of a verb, climbing through
    xcomp, conj and relative clauses; ``is_agent`` False for a passive subject."""
    t = verb
    for _ in range(5):
        agent = _child(t, ("agent",))
        if agent is not None:
            obj = _child(agent, ("pobj",))
            if obj is not None:
                return obj, True
        subj = _child(t, ("nsubj", "csubj"))
        if subj is not None and t.dep_ == "relcl" and subj.lower_ in ("which", "who", "that"):
            return t.head, True  # "a statement from X which rejected ..."
        if subj is not None:
            return subj, True
        subj = _child(t, ("nsubjpass",))
        if subj is not None:
            return subj, False
        if t.dep_ == "relcl":
            return t.head, True
        if t.dep_ == "acl" and t.tag_ != "VBN":
            # "its choice to cut relations", "Mexico announced a decision to ..."
            noun = t.head
            poss = _child(noun, ("poss",))
            if poss is not None:
                return poss, True
            if noun.dep_ in ("dobj", "attr") and noun.head.pos_ in ("VERB", "AUX"):
                t = noun.head
                continue
            return noun, True
        if t.dep_ in ("xcomp", "conj", "advcl", "pcomp") and t.head is not t:
            should = next((c for c in t.head.children if c.lower_ == "should" and c.dep_ == "aux"), None)
            if t.dep_ == "conj" and should is not None:
                # "X's response, should Russia invade Ukraine, is to offer": X's, not Russia
                before = [c for c in t.head.children if c.dep_ == "nsubj" and c.i < should.i]
                return (before[0], True) if before else (None, True)
            t = t.head
            if t.pos_ not in ("VERB", "AUX"):
                # "ready to agree": climb to the verb that the adjective belongs to
                t = t.head if t.dep_ in ("acomp", "amod", "prep", "attr") else t
            continue
        break
    return None, True


def verb_roles(verb: Token) -> tuple[Token | None, Token | None]:
    """(source head, target head) of a verb trigger."""
    passive = _child(verb, ("nsubjpass",))
    if passive is not None:
        # "X was attacked (by Y)"
        agent = _child(verb, ("agent",))
        return (_child(agent, ("pobj",)) if agent is not None else None), passive
    subj, active = subject_of(verb)
    if subj is not None and subj.ent_type_ in ("TIME", "DATE") and subj.pos_ == "NOUN":
        # "hours before the board met": the parser's subject is the time span
        rel = next((c for c in subj.children if c.dep_ == "prep" and c.lower_ in ("before", "after")), None)
        inner = _child(rel, ("pobj",)) if rel is not None else None
        if inner is not None:
            subj = inner
    obj = _child(verb, ("dobj",))
    between = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "between"), None)
    if between is not None and (subj is None or subj.dep_ == "expl" or obj is None):
        first = _child(between, ("pobj",))
        if first is not None:
            if subj is None or subj.dep_ == "expl":
                return first, _child(first, ("conj",))
            return subj, first
    if not active and subj is not None and subj.head.i != verb.i:
        # "Kenya was accused of attacking", "the minister is set to meet": the passive
        # subject of a verb above is the doer of this one
        active = True
    if not active and subj is not None:
        # passive: "X was attacked (by Y)"
        agent = _child(verb, ("agent",))
        src = _child(agent, ("pobj",)) if agent is not None else None
        return src, subj
    if obj is None:
        obj = _prep_obj(verb, TARGET_PREPS)
    if obj is not None and obj.dep_ == "dobj" and obj.lower_ in ("way",):
        obj = _prep_obj(verb, TARGET_PREPS)
    if obj is None:
        # "expects Peru to follow suit", "urged that Iran stop"
        comp = _child(verb, ("xcomp", "ccomp"))
        if comp is not None:
            obj = _child(comp, ("nsubj",))
    return subj, obj


def noun_roles(noun: Token, reciprocal: bool = True) -> tuple[Token | None, Token | None]:
    """(source head, target head) of an event noun. ``reciprocal``: a meeting or deal,
    whose participants may be the speaker of the clause it dates ("spoke after the
    meeting"); an attack's is not ("severed ties after the storming")."""
    src = tgt = None
    for c in noun.children:
        if c.dep_ == "poss" and c.ent_type_ not in ("DATE", "TIME"):
            src = c
        elif c.dep_ == "prep" and c.lower_ == "between":
            obj = _child(c, ("pobj",))
            if obj is not None:
                src = obj
                tgt = _child(obj, ("conj",))
        elif c.dep_ == "prep" and c.lower_ == "by":
            src = _child(c, ("pobj",)) or src
    carrier = noun.head if noun.dep_ in ("nsubjpass", "dobj", "nsubj") and noun.head.pos_ in ("VERB", "AUX") \
        else None
    if carrier is not None and src is None:
        # "sanctions were imposed on Iran by the EU", "talks were held between X and Y"
        agent = _child(carrier, ("agent",))
        if agent is not None and noun.dep_ == "nsubjpass":
            src = _child(agent, ("pobj",))
        between = next((c for c in carrier.children if c.dep_ == "prep" and c.lower_ == "between"), None)
        first = _child(between, ("pobj",)) if between is not None else None
        if src is None and tgt is None and first is not None:
            src, tgt = first, _child(first, ("conj",))
        if tgt is None and noun.dep_ == "nsubjpass" and carrier.lemma_ in LIGHT:
            tgt = _prep_obj(carrier, NOUN_TARGET_PREPS)
    if src is None:
        # a headline parsed as a noun phrase: "Manila protests", "Rival factions sign ceasefire"
        src = next((c for c in noun.children if c.dep_ == "nsubj"), None)
    if src is None:
        for c in noun.children:
            if c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE", "ORG"):
                src = c
                break
    if tgt is None:
        tgt = _prep_obj(noun, NOUN_TARGET_PREPS)
    if tgt is None:
        # "a litany of grievances about X", "a meeting at NATO"
        of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        inner = _child(of, ("pobj",)) if of is not None else None
        if inner is not None:
            tgt = _prep_obj(inner, NOUN_TARGET_PREPS)
        at = _prep_obj(noun, frozenset(("at",)))
        if tgt is None and at is not None and at.ent_type_ == "ORG":
            tgt = at
    if tgt is not None and tgt.dep_ == "pobj" and tgt.pos_ == "NOUN":
        owner = _child(tgt, ("poss",))
        tgt = owner if owner is not None and owner.pos_ == "PROPN" or (owner is not None and owner.ent_type_) else tgt
    of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    obj = _child(of, ("pobj",)) if of is not None else None
    if obj is not None and noun.lemma_.lower() in HARM_NOUNS:
        if tgt is None or src is not None:
            tgt = obj  # "the execution of a cleric", "the invasion of Ukraine"
    elif src is None and obj is not None and obj.ent_type_ in ("ORG", "GPE", "NORP"):
        src = obj
    if src is None:
        # the subject of the verb that governs the noun: "held talks", "levelled
        # accusations", "spoke after the meeting" (not "spoke of threats")
        t, via = noun, ""
        for _ in range(5):
            if t.dep_ in ("nsubj", "nsubjpass", "ROOT"):
                break
            if t.dep_ == "prep":
                via = t.lower_
            t = t.head
            should = next((c for c in t.children if c.lower_ == "should" and c.dep_ == "aux"), None)
            if t.pos_ in ("VERB", "AUX") and t.lemma_ not in LIGHT and should is None and (
                    via not in TIME_PREPS or not reciprocal):
                break
            if t.pos_ in ("VERB", "AUX"):
                if should is not None:
                    # a condition ("should Russia invade"): its subject is not the noun's
                    before = [c for c in t.children if c.dep_ == "nsubj" and c.i < should.i]
                    if before:
                        src = before[0]
                        break
                    continue
                s, active = subject_of(t)
                if s is not None and s is not noun and active:
                    src = s
                    break
    received = _received(noun)
    if received is not None:
        # "faced sanctions from ECOWAS", "received aid from the US", "came under attack
        # from militants": the subject is the one the event is done to
        subj, giver = received
        poss = _child(noun, ("poss",))
        return (poss if poss is not None and src is poss else giver), subj
    if tgt is None and src is not None:
        tgt = _child(src, ("conj",))
    return src, tgt


def received_by_subject(noun: Token) -> bool:
    """Whether an event noun is what its verb's subject faces, receives or suffers."""
    return _received(noun) is not None


# verbs whose subject undergoes the event noun they carry
RECEIVING = frozenset("face suffer receive endure sustain experience weather".split())


def _received(noun: Token) -> tuple[Token, Token | None] | None:
    """(the one who undergoes, the one who does) when the noun is what its verb's subject
    faces, receives or suffers, or comes under; None otherwise."""
    verb = None
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() in RECEIVING:
        verb = noun.head
    elif noun.dep_ == "pobj" and noun.head.lower_ == "under" and noun.head.head.lemma_ == "come":
        verb = noun.head.head
    if verb is None:
        return None
    subj, active = subject_of(verb)
    if subj is None or not active or subj.pos_ not in ("PROPN", "NOUN", "PRON"):
        return None
    giver = _prep_obj(noun, frozenset(("from", "by"))) or _prep_obj(verb, frozenset(("from", "by")))
    return subj, giver
