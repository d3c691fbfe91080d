"""Modality of one event: negated, or hypothetical (conditional, asked, planned, claimed).

Decided on the event's own clause, not the sentence: in "the threat of massive
consequences should Russia invade Ukraine" the threat is factual and the invasion
hypothetical.
"""
from __future__ import annotations

from spacy.tokens import Token
from .sentences import sent_of
from .._lexicon import words

MODALS = words("modal_words")
CONDITIONS = frozenset("if unless whether once lest".split())
# verbs and nouns whose complement is not (yet) an event: plans, aims, requests, claims
PLANS = words("plan_verbs")
# adjectives that make an event noun a prospect, not a fact: "a possible attack"
PROSPECTIVE = words("prospective_adjectives")
# predicates of an event that has not happened: "talks are likely", "a deal is possible"
PROSPECT_PREDICATES = words("prospect_predicates")
# verbs of pressure whose object is to act ("pressed X to release"): the act is asked for
PRESSED = frozenset("press pressure push lobby".split())
# what is weighed or sought as a direct object is not (yet) done: "considering sanctions"
OBJ_PLANS = words("plan_verbs_with_object")
# "reports that X attacked", "allegations that X sanctioned": rejected, it is denied;
# alleged, it is a claim
REPORT_NOUNS = words("report_nouns")
ALLEGED = REPORT_NOUNS - {"report", "suggestion"}  # the report nouns that allege
REJECTORS = words("rejection_verbs")
VIEWS = words("view_nouns")
PREVENT = words("prevention_verbs")
CLAIMS = frozenset("allege claim accuse".split())
NEG_WORDS = frozenset("not n't never no neither nor".split())
NO_ONE = frozenset("no-one nobody none noone".split())
AFTER = frozenset("after following since during amid".split())
DENY = frozenset("deny refute dismiss".split())
# verbs whose complement did not happen: "failed to reach", "neglected to sign"
FAIL = frozenset("fail neglect".split())
# "in the event that X invades", "in case of an invasion": a condition
CASE_NOUNS = frozenset("event case".split())
# "were X to invade", "had X invaded", "should X invade": an inverted condition
INVERTED = frozenset("were had should".split())


def _forms(words: frozenset[str]) -> frozenset[str]:
    """Inflected forms of base words, for lemmas the tagger gets wrong ("hopes" -> "hop")."""
    out = set(words)
    for w in words:
        stem = w[:-1] if w.endswith("e") else w
        out |= {w + "s", w + "es", w + "d", w + "ed", stem + "ing"}
        if w.endswith("y"):
            out |= {w[:-1] + "ies", w[:-1] + "ied"}
    return frozenset(out)


_PLAN_FORMS = _forms(PLANS)


def _in(t: Token, words: frozenset[str], forms: frozenset[str]) -> bool:
    return t.lemma_.lower() in words or t.lower_ in forms


def _inverted_condition(v: Token) -> bool:
    """"Were Norway to impose ...", "had Peru signed ...": an inverted conditional clause."""
    for w in (v, *[c for c in v.children if c.dep_ in ("aux", "auxpass")]):
        if w.lower_ in INVERTED and any(c.dep_ in ("nsubj", "nsubjpass") and c.i > w.i
                                          for c in (v.children if w is not v else w.children)):
            left = v.left_edge
            if w.i == left.i or (w.i > 0 and v.doc[w.i - 1].is_punct) or w.i == v.sent.start:
                return True
    return False
_CLAUSE_UP = frozenset(("xcomp", "acl", "conj", "aux", "auxpass", "pcomp", "pobj", "prep", "dobj",
                        "acomp", "attr", "compound", "amod", "nmod", "appos", "npadvmod"))


def _purpose(clause: Token) -> bool:
    """Whether an adverbial clause says what for ("waiting for X to offer"), not when."""
    return any((c.dep_ == "aux" and c.lower_ == "to") or (c.dep_ == "mark" and c.lower_ in ("for", "so"))
               for c in clause.children) and not any(
        c.dep_ in ("advmod", "mark") and c.lower_ in ("when", "while", "after", "before", "as", "since")
        for c in clause.children)


def _bare_purpose(clause: Token) -> bool:
    """A purpose infinitive with no subject of its own ("to meet officials")."""
    return clause.pos_ == "VERB" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children)


def _inverted(verb: Token, aux: Token) -> bool:
    """Whether ``aux`` comes before the subject of ``verb`` ("should Russia invade")."""
    subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i > aux.i]
    return bool(subj)


def _verbal_head(tok: Token) -> Token:
    """The verb that governs a noun trigger (the trigger itself when it is a verb)."""
    t = tok
    for _ in range(4):
        if t.pos_ in ("VERB", "AUX") or t.dep_ == "ROOT":
            return t
        t = t.head
    return t


def _negated_token(t: Token) -> bool:
    for c in t.children:
        if c.dep_ == "neg" or (c.dep_ in ("det", "advmod") and c.lower_ in NEG_WORDS):
            return True
        if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in NO_ONE:
            return True
    return False


def modality(tok: Token) -> tuple[bool, bool]:
    """(negated, hypothetical) of the event whose trigger is ``tok``."""
    negated, why = reading(tok)
    return negated, why is not None


def reading(tok: Token) -> tuple[bool, str | None]:
    """(negated, why hypothetical) of the event whose trigger is ``tok``.

    ``why`` is None for a factual reading, else one of "question", "condition",
    "future" (will, would, may ...), "intent" (what someone plans, wants, agrees,
    threatens or asks to do), "claim" (what someone is accused of).
    """
    negated = False
    why: str | None = None
    sent = sent_of(tok)
    if sent.text.rstrip().rstrip("\"'”’)").endswith("?"):
        why = "question"
    if _negated_token(tok) or (tok.dep_ == "pobj" and tok.head.lower_ == "without"):
        negated = True  # "ended without a deal": no deal
    if tok.pos_ == "NOUN" and any(c.dep_ == "amod" and c.lower_ in PROSPECTIVE for c in tok.children):
        why = why or "future"  # "a possible attack on", "the planned talks"
    if tok.dep_ == "pobj" and tok.head.lower_ in ("of", "about") and tok.head.head.lemma_ in ("warn", "fear", "caution"):
        why = why or "future"  # "warned of an attack": not (yet) one
    if tok.dep_ in ("nsubj", "nsubjpass") and tok.pos_ in ("NOUN", "PROPN") and tok.head.lemma_ == "be" and any(
            c.dep_ in ("acomp", "attr") and c.lower_ in PROSPECT_PREDICATES for c in tok.head.children):
        why = why or "future"  # "talks are likely next month"
    if tok.dep_ in ("nsubj", "nsubjpass") and tok.pos_ in ("NOUN", "PROPN"):
        # "the meeting was not a success", "an agreement is going to be difficult"
        head = tok.head
        if _negated_token(head) and head.lemma_ == "be":
            negated = True
        if head.lemma_ == "be" and any(c.dep_ == "prep" and c.lower_ == "out" and any(
                g.lower_ == "question" for g in c.subtree) for c in head.children):
            negated = True  # "talks are out of the question"
        if any(c.dep_ == "aux" and c.lower_ in MODALS for c in head.children) or (
                head.lemma_ == "go" and any(c.dep_ == "xcomp" for c in head.children)):
            why = why or "future"
    verb = _verbal_head(tok)
    if verb is not tok and _negated_token(verb) and tok.dep_ in ("dobj", "nsubjpass", "attr"):
        negated = True
    # walk up the clause chain: modals, conditions, plans, denials
    t, steps, via_conj = tok, 0, False
    while steps < 8:
        steps += 1
        for c in t.children:
            if c.dep_ == "prep" and c.lower_ in ("in", "to") and any(
                    g.dep_ == "pobj" and g.lemma_ in VIEWS for g in c.children):
                why = why or "claim"  # "in the Kremlin's world view Russia is threatened"
            if via_conj and c.lower_ == "should" and _inverted(t, c):
                continue  # "should Russia invade": a condition on that clause alone
            if c.dep_ in ("aux", "auxpass") and c.lower_ in MODALS and t.lemma_ not in ("like", "love"):
                why = why or "future"
            if c.dep_ == "mark" and c.lower_ in CONDITIONS:
                why = "condition" if why in (None, "future") else why
        if t.dep_ == "advcl" and t.i > t.head.i and any(
                c.dep_ == "aux" and c.lower_ == "should" and c.i < t.i for c in t.children):
            why = "condition"
        if t.dep_ in ("advcl", "ROOT") and (_inverted_condition(t) or (
                t.head.dep_ in ("advcl", "ROOT") and t.head is not t and t.head.i < t.i
                and t.dep_ == "advcl" and _inverted_condition(t.head))):
            why = "condition" if why in (None, "future") else why
        if t.dep_ in ("ROOT",):
            break
        head = t.head
        if t.dep_ in ("relcl", "acl", "ccomp", "prep") and head.lemma_.lower() in CASE_NOUNS and (
                head.head.lower_ == "in" or (head.dep_ == "ROOT" and head.i > 0
                                             and head.doc[head.i - 2:head.i].text.lower().startswith("in"))):
            why = "condition" if why in (None, "future") else why  # "in the event that X invades"
        if t.dep_ in ("acl", "ccomp", "prep") and head.lemma_.lower() in REPORT_NOUNS and t.i > head.i:
            gov = head.head.head if head.dep_ == "pobj" else head.head
            if gov.lemma_.lower() in REJECTORS and head.dep_ in ("dobj", "pobj", "nsubjpass"):
                negated = True  # "rejected allegations that it had ...", "denied reports of"
            elif head.lemma_.lower() in ALLEGED:
                why = why or "claim"
        if t is tok and t.dep_ == "dobj" and head.lemma_.lower() in OBJ_PLANS and tok.pos_ == "NOUN":
            why = why or "intent"  # "considering sanctions", "sought talks"
        if t is tok and t.dep_ == "nsubjpass" and _in(head, PLANS, _PLAN_FORMS):
            why = why or "intent"  # "a meeting is planned", "talks are scheduled"
        if t.dep_ == "xcomp" and (_in(head, FAIL, _forms(FAIL)) or any(
                c.dep_ == "advmod" and c.lower_ == "yet" for c in head.children)):
            negated = True  # "failed to reach", "has yet to sign"
        if t.dep_ == "prep" and t.lower_ == "for" and any(
                c.dep_ == "dobj" and c.lemma_.lower() in PLANS for c in head.children):
            why = why or "intent"  # "saw room for an agreement", "sees hope for talks"
        if t is not tok and t.dep_ == "prep" and t.lower_ in AFTER:
            break  # "agreed to send systems after a meeting": the meeting took place
        if t is tok and t.dep_ == "dobj" and head.lemma_.lower() in PREVENT:
            why = why or "intent"  # "preventing an incursion": it has not happened
        if t.dep_ == "dobj" and head.dep_ == "acl" and _negated_token(head.head.head):
            negated = True
        if t.dep_ == "prep" and t.lower_ == "to" and head.lower_ == "open" and head.pos_ == "ADJ":
            why = why or "intent"  # "open to talks": willing, no talks yet
        if t.dep_ == "xcomp" and head.lemma_.lower() in PRESSED and any(
                c.dep_ == "dobj" for c in head.children):
            why = why or "intent"  # "pressed Azerbaijan to release": asked, not done
        plan = _in(head, PLANS, _PLAN_FORMS)
        if plan and ((t is not tok and t.dep_ in ("pobj", "dobj", "prep"))
                     or t.dep_ in ("xcomp", "pcomp", "acl", "ccomp")
                     or (t.dep_ == "advcl" and _purpose(t))):
            why = why or ("claim" if head.lemma_.lower() in CLAIMS else "intent")
        if head.lemma_.lower() in DENY and t.dep_ in ("ccomp", "dobj", "xcomp"):
            negated = True
        if t.dep_ in ("advcl", "ccomp", "relcl", "csubj", "parataxis") and t is not tok:
            break
        if t.dep_ == "advcl" and t is tok and _purpose(t) and _bare_purpose(t) and steps == 1:
            # "plans to visit Lima to meet officials": the purpose of a planned act is
            # planned too; of a done act ("flew to Lima to meet ...") it stays factual
            up_neg, up_why = reading(head) if head.i != tok.i else (False, None)
            if up_why is not None and up_why != "question":
                why = why or up_why
            break
        if t.dep_ in ("advcl", "ccomp", "relcl", "parataxis") and t is tok:
            # the trigger heads its own clause: its marks were read above
            break
        if t.dep_ not in _CLAUSE_UP and t is not tok:
            break
        if t.dep_ == "conj" and t.tag_ == "VBD" and head.tag_ == "VB":
            break  # "had no plans to attack and accused ...": a clause of its own
        via_conj = t.dep_ == "conj"
        if t.dep_ in ("xcomp", "acomp", "acl") and _negated_token(head):
            negated = True  # "not ready to agree", "did not try to meet"
        t = head
    return negated, why
