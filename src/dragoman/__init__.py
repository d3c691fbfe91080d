"""dragoman: who said what, who did what to whom, from news about diplomacy and security.

The public API::

    import dragoman
    analysis = dragoman.analyze("Russia and the US held talks in Geneva on Monday.",
                                published="2022-01-12")
    analysis.to_dict()   # CONTRACT.md's JSON
"""
from __future__ import annotations

from .model import (Actor, Analysis, Article, Count, Event, Location, Party, Place, Quote,
                    Span, Speaker)
from .pipeline import analyze, analyze_many

__version__ = "0.1.0"

__all__ = ["Actor", "Analysis", "Article", "Count", "Event", "Location", "Party", "Place",
           "Quote", "Span", "Speaker",
           "analyze", "analyze_many", "__version__"]
