"""Passes over the coded events of an article: topics skipped, re-mentions added to the
event they repeat, one event per pair, unnamed fighting, decided measures; ids assigned
once, last."""
from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import replace

from spacy.tokens import Token

from .._model import Event, Party, Span
from .context import Context, RECIPROCAL, side_of
from .ontology import coding
from .._lexicon import words


def pairs(ctx: Context, events: list[Event]) -> list[Event]:
    """One event per pair (CAMEO codes compound actors as dyads): "Japan, India and
    Brazil held talks with the EU" is three CONSULT events with the EU; "Kenya, Uganda
    and Tanzania held talks" one per pair of the three; "attacked Chad and Niger" one
    per target; "X and Y accused each other" one each way. Each copy keeps the trigger,
    date and place."""
    out = []
    mediated: set[int] = set()
    for e in events:
        out.append(e)
        broker = ctx.mediators.get(e.trigger.start)
        if broker is not None and e.trigger.start not in mediated:
            # "UN-mediated talks between X and Y": the mediator's own event with each party
            mediated.add(e.trigger.start)
            out.extend(_mediations(ctx, e, broker, events))
        if e.trigger.start in ctx.mutual and e.source is not None and e.target is not None \
                and e.source.code and e.target.code and e.source.code[:3] != e.target.code[:3]:
            out.append(replace(e, source=e.target, target=e.source))
            continue
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


def _mediations(ctx: Context, e: Event, broker: Token, events: list[Event]) -> list[Event]:
    """CONSULT (045, mediate) events by the mediator with each party of the event and
    of its pair copies coded from the same trigger."""
    side = side_of(ctx, broker)
    if side is None or not side.code:
        return []
    c = coding("CONSULT", "045")
    mine = side.code[:3]
    parties: dict[str, Party] = {}
    for x in [e] + [y for y in events if y.trigger.start == e.trigger.start]:
        for p in (x.source, x.target):
            if p is not None and p.code and p.code[:3] != mine:
                parties.setdefault(p.code[:3], p)
    return [replace(e, type=c.type, mode=c.mode, cameo=c.cameo, goldstein=c.goldstein,
                    quad_class=c.quad_class, source=side, target=p) for p in parties.values()]


def is_topic(tok: Token, verbal: set[int], anchors: set[int] | frozenset[int] = frozenset()) -> bool:
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


def mentioned_again(tok: Token, ptype: str = "", day_of: Callable[[str], str | None] | None = None,
                    days_of: Callable[[str], set[str | None]] | None = None) -> bool:
    """"the talks", "the visit" with no participants of their own, after an event of
    the same type: the earlier event mentioned again, not a new one. A threat or an
    accusation "of" something says something new. ``days_of(ptype)``: the days of the
    article's events of that type (asked only for a dated possessive)."""
    if tok.pos_ not in ("NOUN", "PROPN"):
        return False
    if ptype in _SAYING and any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):
        return False
    # "Monday's meeting" is the earlier meeting only when that was on the same day
    dated = [c for c in tok.children if c.dep_ == "poss" and _names_a_time(c)
             and day_of is not None and days_of is not None
             and day_of(c.text) in days_of(ptype)]
    if not dated and not any(c.dep_ == "det" and c.lower_ in ("the", "this", "these", "that", "those")
                             for c in tok.children):
        return False
    return not any((c.dep_ == "poss" and c not in dated) or (c.dep_ == "prep" and c.lower_ in _PARTICIPANT_PREPS)
                   for c in tok.children)


_TIME_WORDS = words("time_words")


class EventsByType:
    """The trigger starts of a growing list of events, by type and in order, so that
    the latest event of a type before a point is a bisection, not a scan (an article of
    a million characters has tens of thousands of events)."""

    def __init__(self) -> None:
        self._seen = 0
        self._starts: dict[str, list[tuple[int, int]]] = {}

    def latest_before(self, events: list[Event], ptype: str, pos: int) -> int | None:
        """Index in ``events`` of the latest event of type ``ptype`` whose trigger starts
        before ``pos`` (events are only ever appended, or replaced in place)."""
        for i in range(self._seen, len(events)):
            bisect.insort(self._starts.setdefault(events[i].type, []),
                          (events[i].trigger.start, i))
        self._seen = len(events)
        starts = self._starts.get(ptype, [])
        j = bisect.bisect_left(starts, (pos, -1)) - 1
        if j < 0:
            return None
        # of two events on one trigger, the first made
        return starts[bisect.bisect_left(starts, (starts[j][0], -1))][1]


def add_mention(events: list[Event], ptype: str, span: Span,
                index: EventsByType | None = None) -> None:
    """One event, one record: the re-mention ``span`` becomes evidence of the event it
    repeats, the latest coded event of type ``ptype`` before it (in place). With none
    coded (the earlier trigger made no event) the re-mention is dropped. Pass the same
    ``index`` for every re-mention of one list of events."""
    i = (index or EventsByType()).latest_before(events, ptype, span.start)
    if i is not None:
        events[i] = replace(events[i], mentions=(*events[i].mentions, span))


def _names_a_time(tok: Token) -> bool:
    """"Monday's meeting", "last week's talks": a possessive that says when, not who."""
    return tok.ent_type_ in ("DATE", "TIME") or tok.lemma_.lower() in _TIME_WORDS


FIGHTING = words("fighting_words")


def fighting_sides(events: list[Event], unnamed: list[Event]) -> list[Event]:
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
    return out


_DECIDE = frozenset("agree decide vote".split())


_MEASURES = frozenset(("SANCTION",))


def decided_measures(ctx: Context, events: list[Event]) -> list[Event]:
    """"The EU agreed to impose new sanctions on X": a body's decision to impose a
    measure of its own (no partner: not "agreed with Y") is the measure itself, coded
    once: the sanction is factual, and the decision is no separate AGREE."""
    by_start = sorted({e.trigger.start: i for i, e in enumerate(events)}.items())
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
        inside = by_start[bisect.bisect_left(by_start, (lo, -1)):
                          bisect.bisect_left(by_start, (hi, -1))]
        hits = [j for _, j in inside if events[j].type in _MEASURES
                and events[j].hypothetical and not events[j].negated]
        if not hits:
            continue
        for j in hits:
            own = events[j].date_basis == "text" or e.date_basis != "text"
            out[j] = replace(events[j], hypothetical=False, date=events[j].date if own else e.date,
                             date_basis=events[j].date_basis if own else e.date_basis)
        drop.add(i)
    return [x for k, x in enumerate(out) if k not in drop]


def keep(e: Event) -> bool:
    """An event is kept when some side names a known actor (a bare noun is no event)."""
    return any(p is not None and (p.code or p.actor) for p in (e.source, e.target))


def number(events: list[Event]) -> list[Event]:
    """The events in text order with their ids, E1, E2, ... (assigned here only)."""
    ordered = sorted(events, key=lambda e: e.trigger.start)
    return [replace(e, id=f"E{i + 1}") for i, e in enumerate(ordered)]
