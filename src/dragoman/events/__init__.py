"""Events: who did what to whom, when and where (PLOVER, CAMEO alongside)."""
from __future__ import annotations

from spacy.tokens import Doc

from ..actors import ActorTable
from ..model import Count, Event, Quote


def find_events(doc: Doc, actors: ActorTable, quotes: list[Quote], *,
                published: str | None = None) -> tuple[list[Event], list[Count]]:
    """The events and counts of a parsed article (not built yet: none)."""
    return [], []
