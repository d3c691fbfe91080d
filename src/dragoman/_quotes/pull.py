"""Pull quotes whose marks were lost: a paragraph that is a full sentence with no
closing punctuation, set between paragraphs of running text.

Pages often display a quotation in large type between paragraphs; text extraction
keeps the words and drops the marks and the full stop. Such a line is reported as
a direct quote with no speaker (the page does not say who spoke there).
"""
from __future__ import annotations

from spacy.tokens import Doc

from .._nlp import doc_text
from .marks import Segment
from .._lexicon import words

_MIN_WORDS = 12
_VOICE = words("voice_words")


def pull_quotes(doc: Doc, segs: list[Segment]) -> list[tuple[int, int]]:
    """Character ranges of unmarked pull-quote paragraphs."""
    text = doc_text(doc)
    out: list[tuple[int, int]] = []
    pos, n = 0, 0
    for line in text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        body = line.strip()
        if not body:
            continue
        n += 1
        if n <= 2 or body[-1] in ".!?:;,\"”’'»)]…" or body[0] in "-–—•*#>|":
            continue
        words = body.split()
        if len(words) < _MIN_WORDS:
            continue
        caps = sum(w[0].isupper() for w in words)
        if caps > 0.6 * len(words):
            continue  # a title
        if any(ch in body for ch in "“”\"«»"):
            continue
        s = start + (len(line) - len(line.lstrip()))
        span = doc.char_span(s, s + len(body), alignment_mode="expand")
        if span is None or not any(t.pos_ in ("VERB", "AUX") and t.dep_ == "ROOT" for t in span):
            continue
        # A voice of its own: a first or second person, or a modal judgement.
        if not any(t.lower_ in _VOICE or t.tag_ == "MD" for t in span):
            continue
        out.append((s, s + len(body)))
    return out
