"""The actor layer: who is named in an article, with codes.

``find_actors(doc)`` returns an :class:`ActorTable`: the actors of the article, each
with every mention, and a lookup from a character range to the actor named there.
Later stages (quotes, events) refer to actors only through this table.
"""
from __future__ import annotations

from spacy.tokens import Doc

from ..model import Actor, Span
from .table import ActorTable
from .recognize import find_actors

__all__ = ["Actor", "ActorTable", "Span", "find_actors", "Doc"]
