"""Recognising actors in a parsed article (first version: spaCy entities)."""
from __future__ import annotations

import pycountry
from spacy.tokens import Doc

from ..model import Span
from .table import ActorTable

_KINDS = {"PERSON": "person", "GPE": "state", "NORP": "group", "ORG": "organisation"}


def _country_code(name: str) -> str | None:
    try:
        return pycountry.countries.lookup(name).alpha_3
    except LookupError:
        return None


def find_actors(doc: Doc) -> ActorTable:
    """Actors from the pipeline's named entities, merged by name."""
    table = ActorTable()
    by_name: dict[str, object] = {}
    for ent in doc.ents:
        kind = _KINDS.get(ent.label_)
        if kind is None:
            continue
        name = ent.text.strip()
        actor = by_name.get(name.casefold())
        if actor is None:
            code = _country_code(name) if kind == "state" else None
            actor = table.add(name, kind, code)
            by_name[name.casefold()] = actor
        table.add_mention(actor, Span(ent.start_char, ent.end_char, ent.text))  # type: ignore[arg-type]
    return table
