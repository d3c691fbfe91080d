"""dragoman as a spaCy pipeline component, for users who already have a pipeline.

    import spacy
    nlp = spacy.load("en_core_web_sm")
    nlp.add_pipe("dragoman")              # after the parser and the entity recogniser
    doc = nlp("Chile criticised Peru on Monday, the minister said.")
    doc._.dragoman                        # the Analysis, as dragoman.analyze gives it
    doc.spans["dragoman_events"]          # spaCy Spans; span._.dragoman is the record

The factory is registered under the ``spacy_factories`` entry point, so ``add_pipe``
finds it in any process where dragoman is installed, without an import.

Span groups (each span's label and ``span._.dragoman`` record):

    dragoman_actors    every mention of an actor; label: its code (else its kind); Actor
    dragoman_quotes    the quoted text; label: direct, indirect or mixed; Quote
    dragoman_speakers  the mention of each quote's speaker; label: the quote's id; Quote
    dragoman_events    each event's trigger; label: the PLOVER type; Event

Adding the component also puts dragoman's pre-parse fixes (glued quote marks, sentence
starts at line breaks and datelines) first in the pipeline, as ``dragoman_prenorm``, so
the component gives the same results as ``dragoman.analyze``.

``span.id_`` is the record's id (A1, Q1, E1). The analysis is kept on the Doc in its
JSON form, so a Doc that went through the component still serialises.
"""
from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from ._actors import Dictionary, load_dictionary
from ._errors import ModelError
from ._model import Actor, Analysis, Article, Event, Quote
from ._pipeline import analyze_doc
from ._prenorm import add_to as add_prenorm
from ._readers import check_date, content_id

#: The span groups the component fills, by record kind.
GROUPS = ("dragoman_actors", "dragoman_quotes", "dragoman_speakers", "dragoman_events")

#: Where the analysis is kept on the Doc: its JSON form, so that the Doc still
#: serialises (``doc.to_bytes``, ``DocBin``, ``nlp.pipe(n_process=2)``).
_KEY = "dragoman_analysis"


#: The last analysis read back, with the stored dict it came from: reading the spans of
#: one Doc asks for its analysis once per span.
_last: tuple[dict[str, Any], Analysis] | None = None


def _analysis(doc: Doc) -> Analysis | None:
    global _last
    d = doc.user_data.get(_KEY)
    if d is None:
        return None
    if _last is None or _last[0] is not d:
        _last = (d, Analysis.from_dict(d, doc.text))
    return _last[1]


def _record(span: SpacySpan) -> Actor | Quote | Event | None:
    """The record a span of ours stands for, found by its id (A1, Q1, E1)."""
    a = span.doc._.dragoman
    if a is None or not span.id_:
        return None
    records: list[Actor | Quote | Event] = [*a.actors, *a.quotes, *a.events]
    return next((r for r in records if r.id == span.id_), None)


def _register_extensions() -> None:
    if not Doc.has_extension("dragoman"):
        Doc.set_extension("dragoman", getter=_analysis)
    if not SpacySpan.has_extension("dragoman"):
        SpacySpan.set_extension("dragoman", getter=_record)


class DragomanComponent:
    """Runs dragoman's stages over a parsed Doc and stores what they found on it."""

    def __init__(self, name: str = "dragoman", *, actors: str | None = None,
                 published: str | None = None) -> None:
        self.name = name
        self.published = check_date(published, "published")
        self.dictionary: Dictionary = load_dictionary(actors)
        _register_extensions()

    def __call__(self, doc: Doc) -> Doc:
        if len(doc) and not (doc.has_annotation("DEP") and doc.has_annotation("LEMMA")):
            raise ModelError(
                "the dragoman component needs a dependency parse and lemmas: add it "
                "after the parser, lemmatizer and ner of an English pipeline "
                "(nlp.add_pipe(\"dragoman\", last=True))")
        article = Article(content_id(doc.text), doc.text, published=self.published)
        before = set(doc.user_data)
        analysis = analyze_doc(doc, article, dictionary=self.dictionary)
        # the stages' caches (indexes, sets) would make the Doc unserialisable
        for key in set(doc.user_data) - before:
            del doc.user_data[key]
        doc.user_data[_KEY] = analysis.to_dict()
        _add_spans(doc, analysis)
        return doc


def _span(doc: Doc, start: int, end: int, label: str, record_id: str) -> SpacySpan | None:
    """The token span covering characters ``start:end`` (widened to whole tokens)."""
    return doc.char_span(start, end, label=label, alignment_mode="expand",
                         span_id=record_id)


def _add_spans(doc: Doc, a: Analysis) -> None:
    groups: dict[str, list[SpacySpan | None]] = {g: [] for g in GROUPS}
    for actor in a.actors:
        groups["dragoman_actors"] += [
            _span(doc, m.start, m.end, actor.code or actor.kind, actor.id)
            for m in actor.mentions]
    for q in a.quotes:
        groups["dragoman_quotes"].append(_span(doc, q.start, q.end, q.kind, q.id))
        if q.speaker and q.speaker.mention:
            m = q.speaker.mention
            groups["dragoman_speakers"].append(_span(doc, m.start, m.end, q.id, q.id))
    for e in a.events:
        groups["dragoman_events"].append(
            _span(doc, e.trigger.start, e.trigger.end, e.type, e.id))
    for name, spans in groups.items():
        doc.spans[name] = [s for s in spans if s is not None]


@Language.factory(
    "dragoman",
    default_config={"actors": None, "published": None},
    requires=["token.dep", "token.lemma", "doc.ents", "doc.sents"],
    assigns=["doc._.dragoman", "doc.spans", "span._.dragoman"],
)
def make_dragoman(nlp: Language, name: str, actors: str | None,
                  published: str | None) -> DragomanComponent:
    """The ``dragoman`` factory: ``nlp.add_pipe("dragoman", config={...})``.

    Args:
        nlp: the pipeline (English, with a parser and an entity recogniser).
        name: the component's name in the pipeline.
        actors: a CSV or TSV of actors that adds to the built-in dictionary
            (docs/actors.md); None for the built-in dictionary alone.
        published: the ISO date (YYYY-MM-DD) relative dates are resolved against.

    Example:
        >>> import spacy, dragoman
        >>> nlp = spacy.load(dragoman.default_model())
        >>> _ = nlp.add_pipe("dragoman", config={"published": "2022-01-12"})
        >>> doc = nlp("Japan and India held talks in Geneva on Monday.")
        >>> [(s.text, s.label_) for s in doc.spans["dragoman_events"]]
        [('talks', 'CONSULT')]
        >>> doc.spans["dragoman_events"][0]._.dragoman.date
        '2022-01-10'
        >>> nlp.pipe_names[0]     # dragoman's pre-parse fixes, added with it
        'dragoman_prenorm'
    """
    add_prenorm(nlp)
    return DragomanComponent(name, actors=actors, published=published)
