"""Pre-parse normalisation that keeps every character offset.

A spaCy component that runs right after the tokenizer, before the tagger and the
parser, and changes only token boundaries and sentence starts, never the text, so
that ``doc.text`` is still the article exactly as read:

- a quote mark glued to the word it opens (``Friday."We``, ``«Nobody``) becomes a
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
_MONTH = (r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?")
#: A dateline at the start of a paragraph: a place in capitals (or capitalised
#: words), optionally a date and an outlet in brackets, then a dash or a colon.
_DATELINE = re.compile(
    r"(?P<place>[A-Z][A-Za-z'’.-]*(?:[ /,]+[A-Z][A-Za-z'’.-]*){0,4})"
    r"(?:,? " + _MONTH + r" \d{1,2}(?:,? \d{4})?)?"
    r"(?: ?\([^()\n]{1,60}\))?"
    r"(?P<sep>\s*(?:--|—|–)\s*|\s+-\s+|:\s+)")


def _glued_quote(text: str) -> int:
    """Length of the quote mark that opens ``text`` glued to a word, or 0."""
    if len(text) < 2 or text[0] not in _OPENING:
        return 0
    rest = text[1:]
    if text[0] in "'‘" and not rest[0].isupper():
        return 0  # "'s", "'90s": an apostrophe, not a quote mark
    return 1 if rest[0].isalnum() else 0


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
    if capitals < 0.8 * len(letters) and not has_extra:
        return None  # "Later - ...": only a place in capitals, a date or an outlet
    return m.end()


@Language.component(NAME)
def prenorm(doc: Doc) -> Doc:
    """Split glued quote marks and set sentence starts (see the module docstring)."""
    glued = [t for t in doc if _glued_quote(t.text)]
    if glued:
        with doc.retokenize() as retok:
            for t in glued:
                retok.split(t, [t.text[0], t.text[1:]], heads=[(t, 1), (t, 1)])
    text = doc.text
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
