"""The actor layer: who is named in an article, with codes.

``find_actors(doc)`` returns an :class:`ActorTable`: the actors of the article, each
with every mention, and a lookup from a character range to the actor named there.
Later stages (quotes, events) refer to actors only through this table.

``load_dictionary(extra)`` gives the built-in actor dictionary extended by a user
file (``--actors FILE``); pass it as ``find_actors(doc, dictionary=...)``.

Modules, each importing only those listed before it (no cycles): ``dictionary`` (the
data structure), ``user`` (parsing and checking a user file), ``load`` (the built-in
dictionary once per process; a user file applied to a copy), ``table`` (the output),
``match`` and ``disambiguate`` (dictionary matches over tokens), ``core`` (the
recognition state and its operations), ``titles``, ``people``, ``groups``,
``recognize`` (the steps, plain functions over the state).
"""
from __future__ import annotations

from spacy.tokens import Doc

from .._model import Actor, Span
from .dictionary import Dictionary, Entry
from .load import builtin_dictionary, load_dictionary
from .recognize import find_actors
from .table import ActorTable

__all__ = ["Actor", "ActorTable", "Dictionary", "Doc", "Entry", "Span", "builtin_dictionary",
           "find_actors", "load_dictionary"]
