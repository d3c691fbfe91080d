"""Quote detection and attribution (first version)."""
from __future__ import annotations

from spacy.tokens import Doc

from .actors import ActorTable
from .model import Quote


def find_quotes(doc: Doc, actors: ActorTable) -> list[Quote]:
    """The quotes of a parsed article, with speakers resolved through ``actors``."""
    return []
