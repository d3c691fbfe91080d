"""Quote detection and attribution: who said what.

``find_quotes(doc, actors)`` reads the pipeline's single parse of an article and
returns :class:`dragoman._model.Quote` records: direct quotes in any quote-mark style
(split, multi-sentence, multi-paragraph, colon- or dash-introduced, continued, pull
quotes), indirect and mixed reported speech, each with its cue and its speaker
resolved to an actor and the fullest name the article gives.

Modules:
    marks     pairing quote marks into segments (characters only)
    cues      the cue lexicon (``data/cues.tsv``) matched on lemmas
    who       the speaker phrase of a cue in the parse
    attrib    the reported content of a cue
    speakers  speaker phrase -> Speaker (through :mod:`dragoman._coref`)
    pull      pull quotes whose marks were lost
    find      putting it together
"""
from __future__ import annotations

from .find import find_quotes

__all__ = ["find_quotes"]
