"""dragoman: who said what, who did what to whom, from news about diplomacy and security.

The public API::

    import dragoman
    analysis = dragoman.analyze("Russia and the US held talks in Geneva on Monday.",
                                published="2022-01-12")
    analysis.to_dict()   # CONTRACT.md's JSON

    store = dragoman.open_store("corpus.db")   # a store filled by `dragoman ingest`
    store.events(dyad="RUS-UKR", since="2022-01-01")   # a pandas DataFrame
"""
from __future__ import annotations

from .model import (Actor, Analysis, Article, Count, Event, Location, Party, Place, Quote,
                    Span, Speaker)
from .pipeline import analyze, analyze_many
from .store import open_store

__version__ = "0.1.0"

__all__ = ["Actor", "Analysis", "Article", "Count", "Event", "Location", "Party", "Place",
           "Quote", "Span", "Speaker",
           "analyze", "analyze_many", "open_store", "__version__"]
