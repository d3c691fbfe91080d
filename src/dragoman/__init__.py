"""dragoman: who said what, who did what to whom, from news about diplomacy and security.

The public API is what ``__all__`` names (tests/test_public_api.py pins it)::

    >>> import dragoman
    >>> analysis = dragoman.analyze("Japan and India held talks in Geneva on Monday.",
    ...                             published="2022-01-12")
    >>> [(e.type, e.date, e.location.name) for e in analysis.events]
    [('CONSULT', '2022-01-10', 'Geneva')]
    >>> sorted(a.code for a in analysis.actors)
    ['IND', 'JPN']
    >>> analysis.to_dict()["schema"]    # CONTRACT.md's JSON
    'dragoman/1'

Many articles, parsed in batches; inputs that fail to read or analyse become
:class:`Failed` records in place (``analyze_items``)::

    >>> [len(a.events) for a in dragoman.analyze_many(["Chile criticised Peru.", "Hello."])]
    [1, 0]
    >>> results = list(dragoman.analyze_items([dragoman.Failed("bad.txt", "empty file"),
    ...                                        dragoman.Article("a2", "Chile criticised Peru.")]))
    >>> [type(r).__name__ for r in results]
    ['Failed', 'Analysis']

How the analysis runs (the model, batch size, limits, the trained event models on or
off and their margins) is one :class:`Settings`, passed as ``settings=``; without it,
``Settings.from_env()`` reads ``DRAGOMAN_*`` variables when called::

    >>> rules_only = dragoman.Settings(event_classifier=False, event_roles=False,
    ...                                event_sense=False)
    >>> [e.type for e in dragoman.analyze("Chile criticised Peru.", settings=rules_only).events]
    ['ACCUSE']

``analyze_many(texts, workers=2)`` analyses in two local processes, results in order.

In a notebook an :class:`Analysis` shows itself as HTML; ``dragoman.render(analysis)``
returns that HTML. In a spaCy pipeline of your own: ``nlp.add_pipe("dragoman")``
(the analysis is ``doc._.dragoman``; docs/python.md).

The modules whose names start with an underscore are the implementation: what they
hold may change between versions; what ``__all__`` names is the API.

A corpus of articles goes into a store (``dragoman ingest``) and comes back as pandas
DataFrames::

    store = dragoman.open_store("corpus.db")
    store.events(dyad="RUS-UKR", since="2022-01-01")
"""
from __future__ import annotations

from ._actors import Dictionary, load_dictionary
from ._errors import (AnalysisError, ArticleTimeout, ArticleTypeError, DateError,
                      DictionaryError, DragomanError, EmptyInputError, EncodingError,
                      InputError, ModelError, SettingError, StoreError, TooLongError)
from ._html import render
from ._model import (Actor, Analysis, Article, Count, Event, Location, Party, Place, Quote,
                     Span, Speaker)
from ._nlp import default_model
from ._pipeline import analyze, analyze_items, analyze_many
from ._readers import Failed
from ._settings import Settings
from ._store import Store, open_store
from . import _component  # noqa: E402,F401  registers the spaCy factories

__version__ = "0.1.0"

__all__ = [
    "analyze", "analyze_many", "analyze_items", "render", "Settings",
    "Article", "Analysis", "Actor", "Quote", "Event", "Party", "Location", "Place",
    "Count", "Span", "Speaker", "Failed",
    "load_dictionary", "Dictionary", "open_store", "Store", "default_model",
    "DragomanError", "InputError", "EncodingError", "EmptyInputError", "TooLongError",
    "SettingError", "DateError", "ArticleTypeError", "AnalysisError", "ArticleTimeout",
    "DictionaryError", "ModelError", "StoreError",
    "__version__",
]
