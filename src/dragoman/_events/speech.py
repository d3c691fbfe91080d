"""Events that speech makes: name-calling, orders in quotes, claims and their denial.

* "called the detention an authoritarian act", "labelled the ruling
  baseless": a description built on a word of blame is an ACCUSE by the speaker;
* an imperative in a quote ("Let the threats go") is a REQUEST by the speaker;
* "the army said Chilean troops had launched attacks": a speaker's report of
  another party's violence is an ACCUSE of that party, and when that party then
  rejects it ("no armed clashes", "rejected the accusations"), the reported violence
  is a claim, not a fact (hypothetical).
"""
from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Token

from .._model import Event, Quote
from .sentences import sentences_in
from .triggers import Trigger
from .._lexicon import words

DESCRIBE = words("naming_verbs")
BLAME = words("blame_words")
SAY = words("report_verbs")
REPORTS = words("statement_nouns")
CONFLICT = frozenset(("ASSAULT", "COERCE", "MOBILIZE"))


def descriptions(doc: Doc, taken: set[int]) -> list[Trigger]:
    """ACCUSE triggers: call / describe ... with a word of blame."""
    out = []
    for tok in doc:
        if tok.lemma_ not in DESCRIBE or tok.pos_ != "VERB" or tok.i in taken:
            continue
        words: list[Token] = []
        for c in tok.children:
            if c.dep_ in ("oprd", "xcomp", "attr", "acomp", "ccomp", "dobj"):
                words.extend(c.subtree)
            elif c.dep_ == "prep" and c.lower_ == "as":
                words.extend(c.subtree)
        if any(w.lemma_.lower() in BLAME or w.lower_ in BLAME for w in words):
            out.append(Trigger(tok, tok.idx, tok.idx + len(tok), "ACCUSE", "111"))
    return out


CHARGES = words("charge_nouns")
DISMISS = words("dismissal_words")


def dismissals(doc: Doc, taken: set[int]) -> list[Trigger]:
    """REJECT triggers: a speaker says that a charge is false ("said the accusations
    were politically motivated", "said the report rested on broad claims")."""
    out = []
    for tok in doc:
        if tok.lemma_ not in SAY or tok.pos_ != "VERB" or tok.i in taken:
            continue
        for clause in tok.children:
            if clause.dep_ != "ccomp":
                continue
            subj = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is None or subj.lemma_.lower() not in CHARGES:
                continue
            rest = [t for t in clause.subtree if not subj.left_edge.i <= t.i <= subj.right_edge.i]
            if any(t.lemma_.lower() in DISMISS or t.lower_ in DISMISS for t in rest) and \
                    not any(t.dep_ == "neg" for t in rest):
                out.append(Trigger(tok, tok.idx, tok.idx + len(tok), "REJECT", "120"))
                break
    return out


def imperatives(doc: Doc, quotes: list[Quote], taken: set[int]) -> list[Trigger]:
    """REQUEST triggers: a quoted sentence that opens with an order ("Let ...", "Stop ...")."""
    out = []
    for q in quotes:
        if q.speaker is None:
            continue
        span = doc.char_span(q.start, q.end, alignment_mode="contract")
        if span is None:
            continue
        for sent in sentences_in(span):
            root = sent.root
            if root.i in taken or root.tag_ != "VB" or root.pos_ != "VERB":
                continue
            if any(c.dep_ in ("nsubj", "aux", "nsubjpass") for c in root.children):
                continue
            first = next((t for t in sent if not t.is_punct), None)
            if first is not None and first.i == root.i:
                out.append(Trigger(root, root.idx, root.idx + len(root), "REQUEST", "100"))
    return out


def _speaker_verb(tok: Token) -> Token | None:
    """The speech verb whose reported clause holds ``tok``, if any."""
    t = tok
    for _ in range(6):
        if t.dep_ in ("ccomp", "parataxis") and t.head.lemma_ in SAY:
            return t.head
        if t.dep_ == "acl" and t.head.lemma_ in REPORTS:
            # "said in a statement that attacks had taken place"
            v = t.head
            for _ in range(3):
                v = v.head
                if v.lemma_ in SAY:
                    return v
        if t.dep_ == "ROOT":
            return None
        t = t.head
    return None


def reported_claims(doc: Doc, events: list[Event]) -> list[tuple[Event, Token]]:
    """Factual conflict events reported by a speaker: (event, speech verb or cue)."""
    out = []
    for e in events:
        if e.type not in CONFLICT or e.negated or e.hypothetical:
            continue
        span = doc.char_span(e.trigger.start, e.trigger.end, alignment_mode="expand")
        if span is None:
            continue
        verb = _speaker_verb(span.root)
        if verb is not None:
            out.append((e, verb))
    return out


def denials(events: list[Event]) -> Callable[[Event, str], bool]:
    """A test of whether party ``who`` (a country code) rejects, or denies as an event of
    the same type, an event later than it among ``events``: the latest such rejection
    and denial of each party are noted once, so each test is a lookup."""
    rejects: dict[str, int] = {}
    negated: dict[tuple[str, str], int] = {}
    for d in events:
        who = (d.source.code or "")[:3] if d.source is not None else ""
        if not who:
            continue
        if d.type == "REJECT" and not d.hypothetical:
            rejects[who] = max(rejects.get(who, -1), d.trigger.start)
        if d.negated:
            negated[(who, d.type)] = max(negated.get((who, d.type), -1), d.trigger.start)

    def denied(e: Event, who: str) -> bool:
        start = e.trigger.start
        return rejects.get(who, -1) > start or negated.get((who, e.type), -1) > start
    return denied
