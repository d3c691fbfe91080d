"""Counts: "100,000 Russian troops" -> 100000, troops, RUSMIL."""
from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from .._actors import ActorTable
from .._model import Count
from .._nlp import doc_text
from .._lexicon import words

WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty".split())}
WORDS.update({"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
              "eighty": 80, "ninety": 90, "dozen": 12})
SCALE = {"hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000,
         "m": 1_000_000, "bn": 1_000_000_000, "k": 1000}
SKIP_UNITS = words("count_skip_units")
MILITARY = words("military_count_nouns")


def parse_number(words: list[str]) -> float | int | None:
    """The value of number words as written ("100,000", "1.5 million", "two")."""
    value: float | None = None
    for w in words:
        low = w.lower().replace(",", "")
        if low in SCALE and value is not None:
            value *= SCALE[low]
        elif re.fullmatch(r"\d+(\.\d+)?", low):
            value = float(low)
        elif low in WORDS:
            value = float(WORDS[low])
        else:
            return None
    if value is None:
        return None
    return int(value) if value == int(value) else value


def _count_at(tok: Token, actors: ActorTable) -> Count | None:
    head = tok.head
    if head.pos_ not in ("NOUN", "PROPN") or head.lower_ in SKIP_UNITS or head.ent_type_ in ("DATE", "TIME", "MONEY", "PERCENT"):
        return None
    if tok.ent_type_ in ("DATE", "TIME", "MONEY", "PERCENT", "ORDINAL"):
        return None
    parts = [c for c in tok.lefts if c.dep_ in ("compound", "quantmod") and c.like_num] + [tok]
    parts += [c for c in tok.rights if c.dep_ in ("compound", "quantmod") and c.lower_ in SCALE]
    parts.sort(key=lambda t: t.i)
    number = parse_number([t.text for t in parts])
    if number is None:
        return None
    doc = tok.doc
    start, end = parts[0].idx, head.idx + len(head)
    if end <= start:
        return None
    code = None
    found = actors.at(start, end)
    if found:
        actor, _ = found
        code = actor.code or actor.country
        if code and len(code) == 3 and head.lower_ in MILITARY:
            code += "MIL"
    return Count(number, head.lower_, code, start, end, doc_text(doc)[start:end])


def find_counts(doc: Doc, actors: ActorTable) -> list[Count]:
    """Counts of people and things (not of time, money or distance)."""
    out = []
    for tok in doc:
        if tok.dep_ == "nummod" and tok.like_num:
            c = _count_at(tok, actors)
            if c is not None:
                out.append(c)
    return out
