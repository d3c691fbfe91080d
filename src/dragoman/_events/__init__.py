"""Events: who did what to whom, when and where (PLOVER, CAMEO alongside).

``find_events`` reads one parsed article. Rules propose: triggers from the lexicon
(``triggers.py``) and from speech (``speech.py``), sides from the parse (``roles.py``,
``sides.py``), each trigger coded by ``coder.py`` with its modality (``modality.py``),
date and place (``setting.py``); statements make events of their own
(``statements.py``), and so do speech acts in quotes with no event word
(``quoted.py``); passes over the article's events (``passes.py``) skip topics, add
re-mentions to the event they repeat, expand compound sides into pairs and assign ids.
Trained models decide: the sentence classifiers (``classifier.py``) settle standalone
sentences, and the role model (``rolemodel.py``) settles sides the rules leave open.
What the coder knows about the article is a ``context.Context``.
"""
from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from spacy.tokens import Doc

from .. import _dates as dates, _places as places
from .._actors import ActorTable
from .._coref import Resolver
from .._model import Count, Event, Place, Quote, Span
from .._nlp import doc_text
from . import classifier, quoted, rolemodel, sense, speech
from .coder import code_event, code_sentence_event
from .context import Context, actor_code, kind_of, side_of
from .counts import find_counts
from .passes import (FIGHTING, EventsByType, add_mention, decided_measures, fighting_sides,
                     is_topic, keep, mentioned_again, number, pairs)
from .sentences import sentences
from .sides import counterpart
from .statements import claims, conditional_warnings, intent_event, own_warnings
from .triggers import find_triggers

if TYPE_CHECKING:
    from .._settings import Settings

__all__ = ["find_events", "places_of", "code_sentence_event"]


def places_of(doc: Doc, actors: ActorTable) -> list[Place]:
    """Every place the article mentions (``Analysis.places``), namesakes settled by
    the countries of the article's actors."""
    return places.find_places(doc, {(actor_code(a) or "")[:3] for a in actors.actors} - {""})


def find_events(doc: Doc, actors: ActorTable, quotes: list[Quote], *,
                published: str | None = None, resolver: Resolver | None = None,
                use_classifier: bool | None = None,
                use_roles: bool | None = None,
                use_sense: bool | None = None,
                settings: Settings | None = None) -> tuple[list[Event], list[Count]]:
    """The events and counts of a parsed article.

    Args:
        doc: the article parsed by spaCy.
        actors: the actor table of the article.
        quotes: the article's quotes (their speakers are the sources of what they say).
        published: ISO date that relative dates are resolved against.
        resolver: the article's speaker resolver, the one the quotes stage used
            (a fresh one when None).
        use_classifier: let the sentence classifier code sentences the rules leave
            without an event (off: rules alone). None: as ``settings`` says.
        use_roles: let the trained role model settle the sides (``rolemodel.py``).
            None: as ``settings`` says.
        use_sense: let the trained sense filter drop factual events read in another
            sense (``sense.py``). None: as ``settings`` says.
        settings: the switches, margins and trial weights of the trained models
            (``dragoman.Settings``); the defaults (all on) when None. The environment
            is not read here.

    Returns:
        The events in text order (ids E1, E2, ...) and the counts.
    """
    if settings is None:
        from .._settings import Settings
        settings = Settings()
    if use_classifier is None:
        use_classifier = settings.event_classifier
    if use_roles is None:
        use_roles = settings.event_roles
    if use_sense is None:
        use_sense = settings.event_sense
    ctx = Context(doc, actors, quotes, published, resolver or Resolver(doc, actors))
    events: list[Event] = []
    triggers = find_triggers(doc)
    trig_at = {t.token.i for t in triggers}
    dismissals = speech.dismissals(doc, trig_at)
    # calling a report biased rejects its framing, not each act it reports: such a
    # rejection does not turn the acts the report tells of into claims (see claims)
    ctx.dismissed = {t.start for t in dismissals}
    triggers = sorted(triggers + speech.descriptions(doc, trig_at) + dismissals
                      + speech.imperatives(doc, quotes, trig_at), key=lambda t: t.start)
    trig_at = {t.token.i for t in triggers}
    verbal = {t.token.i for t in triggers if t.token.pos_ == "VERB"}
    seen_types: set[str] = set()
    unnamed: list[Event] = []  # fighting with no named side
    for trig, aim in conditional_warnings(doc, trig_at):
        e = code_event(ctx, trig, len(events) + 1)
        if e is not None and aim is not None:
            e = replace(e, target=side_of(ctx, aim) or e.target, hypothetical=False)
        if e is not None and keep(e):
            events.append(e)
            trig_at.add(trig.token.i)
    for trig, aim in own_warnings(ctx, trig_at):
        e = code_event(ctx, trig, len(events) + 1)
        if e is None or e.negated or e.hypothetical:
            continue
        if aim is not None:
            side = side_of(ctx, aim)
            if side is not None and side.code and e.source is not None and \
                    (side.code or "")[:3] != (e.source.code or "")[:3]:
                e = replace(e, target=side)
        if e.target is not None and e.source is not None and e.target.code and \
                e.target.code[:3] == (e.source.code or "")[:3]:
            e = replace(e, target=counterpart(ctx, trig.token, e.source))
        if keep(e):
            events.append(e)
            trig_at.add(trig.token.i)

    def day_of(expr: str) -> str | None:
        return dates.resolve(expr, published)

    def days_of(ptype: str) -> set[str | None]:
        return {e.date for e in events if e.type == ptype and e.date_basis == "text"}

    by_type = EventsByType()
    for trig in triggers:
        if is_topic(trig.token, verbal, trig_at):
            continue
        if trig.type in seen_types and mentioned_again(trig.token, trig.type, day_of, days_of):
            add_mention(events, trig.type, Span.of(doc_text(doc), trig.start, trig.end), by_type)
            continue
        seen_types.add(trig.type)
        e = code_event(ctx, trig, len(events) + 1)
        # in an article an event needs a named side; a standalone sentence or headline
        # (under 80 tokens) is about its event even when its parties go unnamed
        if e is not None and len(doc) >= 80 and not keep(e) and e.type == "ASSAULT" and \
                trig.token.lemma_.lower() in FIGHTING and not (e.negated or e.hypothetical):
            unnamed.append(e)
            continue
        if e is not None and (keep(e) or len(doc) < 80):
            events.append(e)
            if e.hypothetical:
                intent = intent_event(ctx, e, trig.token, len(events) + 1, trig_at)
                if intent is not None:
                    events.append(intent)
    # speech acts stated in quotes with no event word ("they will pay a price")
    events.extend(quoted.quoted_acts(ctx, trig_at, len(events) + 1))
    events = pairs(ctx, events)
    events = fighting_sides(events, unnamed)
    events = decided_measures(ctx, events)
    events = claims(ctx, events)
    # The quad model was trained on standalone sentences and settles those; on
    # articles it lowered event F1 on the dev set, so there the rules decide alone.
    single = sum(1 for s in sentences(doc) if len(s) > 2) <= 1
    if use_sense:
        events = sense.filter_events(doc, events, standalone=single, keep=settings.sense_keep,
                                     weights=settings.sense_model)
    events = classifier.fill_sentences(doc, events, ctx, enabled=use_classifier and single,
                                       force=True, fill_margin=settings.fill_margin,
                                       arbitrate_margin=settings.arbitrate_margin,
                                       replace_margin=settings.replace_margin,
                                       statement_margin=settings.statement_margin)
    if use_roles:
        events = rolemodel.settle(doc, events, lambda t: side_of(ctx, t), lambda p: kind_of(ctx, p),
                                  fill=settings.roles_fill, drop=settings.roles_drop,
                                  weights=settings.roles_model)
    return number(events), find_counts(doc, actors)
