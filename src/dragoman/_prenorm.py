"""Pre-parse normalisation that keeps every character offset.

A spaCy component that runs right after the tokenizer, before the tagger and the
parser, and changes only token boundaries and sentence starts, never the text, so
that ``doc.text`` is still the article exactly as read:

- a quote mark or a dash glued to the word it opens (``Friday."We``, ``«Nobody``,
  ``--The``, ``said,“Look``), or a closing mark glued to a dash (``”―``), becomes a
  token of its own, so that quote marks pair and the word keeps its part of speech;
- a paragraph (a line break) always starts a sentence, so that a headline or a
  paragraph without a full stop is not parsed into the next one;
- a closing quote mark after a full stop never starts a sentence: it closes the
  quotation before it;
- a dateline (``SEOUL, March 3 (Wire) -``, ``Harbin, Nov. 17 (Agency)--``,
  ``OSLO:``) is a sentence of its own, so it never becomes a speaker or part of the
  reported content.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

NAME = "dragoman_prenorm"

_OPENING = "\"“«„‘'"
_ALL_MARKS = "\"“”«»„‘’'"
_DASHES = ("--", "—", "–")
_MONTH = (r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?")
#: A dateline at the start of a paragraph: a place in capitals (or capitalised
#: words), optionally a date and an outlet in brackets, then a dash or a colon.
_DATELINE = re.compile(
    r"(?P<place>[A-Z][A-Za-z'’.-]*(?:[ /,]+[A-Z][A-Za-z'’.-]*){0,4})"
    r"(?:,? " + _MONTH + r" \d{1,2}(?:,? \d{4})?)?"
    r"(?: ?\([^()\n]{1,60}\))?"
    r"(?P<sep>\s*(?:--|—|–)\s*|\s+-\s+|:\s+)")


def _glued_prefix(text: str) -> int:
    """Length of the quote mark or dash that opens ``text`` glued to a word
    (``"We``, ``--The``), or 0."""
    for dash in _DASHES:
        if text.startswith(dash) and len(text) > len(dash) and text[len(dash)].isalpha():
            return len(dash)
    if len(text) < 2 or text[0] not in _OPENING:
        return 0
    rest = text[1:]
    if text[0] in "'‘" and not rest[0].isupper():
        return 0  # "'s", "'90s": an apostrophe, not a quote mark
    return 1 if rest[0].isalnum() else 0


def _closing_dash(text: str) -> int:
    """Length of a closing quote mark glued to the dash after it (``”―``: a quotation
    signed "― Name"), or 0."""
    if len(text) >= 2 and text[0] in "”\"»’" and text[1:].startswith(("―", *_DASHES)):
        return 1
    return 0


#: A quote mark glued after a punctuation mark inside one token: ``said,“Look``.
_GLUED_INSIDE = re.compile(r"(?<=\w)[,;:!?.](?P<mark>[\"“«„‘'])(?=\w)")


def _glued_inside(text: str) -> list[int]:
    """Offsets inside the token ``text`` where it must be cut so that a punctuation
    mark and the quote mark glued after it stand alone (``said,“Look`` -> ``said`` ``,``
    ``“`` ``Look``); none for an apostrophe (``'s``) or a lower-case word after ``'``."""
    cuts: list[int] = []
    for m in _GLUED_INSIDE.finditer(text):
        mark = m.start("mark")
        if text[mark] in "'‘" and not text[mark + 1].isupper():
            continue
        cuts += [m.start(), mark, mark + 1]
    return cuts


def _dateline_end(text: str, start: int) -> int | None:
    """Character offset where the dateline opening a paragraph at ``start`` ends."""
    m = _DATELINE.match(text, start, min(len(text), start + 120))
    if m is None:
        return None
    place = m.group("place")
    letters = [ch for ch in place if ch.isalpha()]
    capitals = sum(ch.isupper() for ch in letters)
    has_extra = m.end("place") != m.start("sep")  # a date or an outlet
    if m.group("sep").strip() == ":" and not has_extra and capitals < 0.8 * len(letters):
        return None  # "Foreign Minister Lund: ..." is a name line, not a dateline
    first = place.split()[0].strip(",/") if place.split() else ""
    shouting = len(first) >= 3 and first.isupper()  # "BUENA PARK, Calif. —"
    if capitals < 0.8 * len(letters) and not has_extra and not shouting:
        return None  # "Later - ...": only a place in capitals, a date or an outlet
    return m.end()


def _paragraph_starts(text: str) -> list[int]:
    """Offsets of the first character of every line."""
    out, pos = [0], text.find("\n")
    while pos >= 0:
        out.append(pos + 1)
        pos = text.find("\n", pos + 1)
    return out


def _token_at(doc: Doc, char: int) -> int | None:
    """Index of the token holding character ``char`` (binary search on offsets)."""
    lo, hi = 0, len(doc) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        t = doc[mid]
        if char < t.idx:
            hi = mid - 1
        elif char >= t.idx + len(t.text):
            lo = mid + 1
        else:
            return mid
    return None


@Language.component(NAME)
def prenorm(doc: Doc) -> Doc:
    """Split glued quote marks and set sentence starts (see the module docstring)."""
    text = doc.text
    # where each token must be cut: after a glued quote mark or dash, and at the end
    # of a dateline that the tokenizer left inside a token ("(Agency)--The")
    cuts: dict[int, set[int]] = {}
    for t in doc:
        n = _glued_prefix(t.text) or _closing_dash(t.text)
        if n:
            cuts.setdefault(t.i, set()).add(n)
        inside = _glued_inside(t.text)
        if inside:
            cuts.setdefault(t.i, set()).update(inside)
    for start in _paragraph_starts(text):
        end = _dateline_end(text, start)
        if end is None:
            continue
        i = _token_at(doc, end)
        if i is not None and doc[i].idx < end < doc[i].idx + len(doc[i].text):
            cuts.setdefault(i, set()).add(end - doc[i].idx)
    if cuts:
        with doc.retokenize() as retok:
            for i, offsets in cuts.items():
                t = doc[i]
                bounds = [0, *sorted(offsets), len(t.text)]
                orths = [t.text[a:b] for a, b in zip(bounds, bounds[1:])]
                retok.split(t, orths, heads=[(t, k) for k in range(len(orths))])
    line_start = True
    starts: set[int] = set()
    for t in doc:
        if t.is_space:
            line_start = line_start or "\n" in t.text
            continue
        if line_start:
            starts.add(t.i)
            end = _dateline_end(text, t.idx)
            if end is not None:
                nxt = next((x for x in doc[t.i:] if x.idx >= end and not x.is_space), None)
                if nxt is not None and "\n" not in text[t.idx:nxt.idx]:
                    starts.add(nxt.i)
        line_start = "\n" in t.whitespace_
    for t in doc:
        if t.i == 0:
            continue
        if t.i in starts:
            t.is_sent_start = True
        else:
            prev = doc[t.i - 1]
            if t.text in _ALL_MARKS and prev.text in (".", "!", "?", ",") \
                    and not prev.whitespace_ and (t.text in "”»’" or t.whitespace_
                                                  or t.i == len(doc) - 1):
                t.is_sent_start = False
    return doc


def add_to(nlp: Language) -> None:
    """Put the component first in ``nlp`` (once)."""
    if NAME not in nlp.pipe_names:
        nlp.add_pipe(NAME, first=True)
