"""PLOVER types with their CAMEO codes, Goldstein scores and quad classes.

The table (``data/events/plover.json``) is written by ``scripts/build_event_tables.py``
from the PLOVER project's CAMEO-to-PLOVER conversion table.
"""
from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from importlib import resources
from typing import Any


@dataclass(frozen=True)
class Coding:
    """The CAMEO side of one PLOVER event."""

    type: str
    mode: str | None
    cameo: str
    goldstein: float
    quad_class: int


@functools.lru_cache(maxsize=1)
def table() -> dict[str, Any]:
    """The ontology table as read from the package data."""
    path = resources.files("dragoman") / "data" / "events" / "plover.json"
    return json.loads(path.read_text(encoding="utf-8"))


def coding(ptype: str, cameo: str | None = None) -> Coding:
    """The coding of a PLOVER type, refined by a CAMEO code when it fits the type.

    Args:
        ptype: one of the 16 PLOVER types.
        cameo: a CAMEO code suggested by the trigger; ignored when the conversion
            table gives it another PLOVER type.
    """
    t = table()
    info = t["types"][ptype]
    rec = t["cameo"].get(cameo or "")
    if rec and cameo:
        mode = rec.get("mode")
        return Coding(ptype, mode, cameo, float(rec["goldstein"]), int(info["quad_class"]))
    return Coding(ptype, None, info["cameo"], float(info["goldstein"]), int(info["quad_class"]))


def quad_class(ptype: str) -> int:
    """The quad class (1..4) of a PLOVER type."""
    return int(table()["types"][ptype]["quad_class"])


#: Older PLOVER labels (as in the PLOVER gold records) and what the manual folds them into.
OLD_LABELS = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE",
              "FIGHT": "ASSAULT"}
