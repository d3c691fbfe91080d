"""Sentences and their entities, indexed once per Doc.

``Token.sent`` and ``Span.ents`` walk the whole Doc on each call; on a long article
that makes event coding quadratic. These helpers index the sentences and entities once
(cached in ``doc.user_data``) and answer by bisection.
"""
from __future__ import annotations

import bisect

from spacy.tokens import Doc, Span, Token

_KEY = "dragoman_event_sentences"


class _Index:
    def __init__(self, doc: Doc):
        self.sents = list(doc.sents)
        self.starts = [s.start for s in self.sents]
        ents = list(doc.ents)
        self.ents: dict[int, list[Span]] = {s.start: [] for s in self.sents}
        for e in ents:
            k = bisect.bisect_right(self.starts, e.start) - 1
            if k >= 0:
                self.ents[self.starts[k]].append(e)


def _index(doc: Doc) -> _Index:
    idx = doc.user_data.get(_KEY)
    if idx is None or len(idx.sents) == 0 and len(doc):
        idx = _Index(doc)
        doc.user_data[_KEY] = idx
    return idx


def sentences(doc: Doc) -> list[Span]:
    """The sentences of ``doc``."""
    return _index(doc).sents


def sent_of(tok: Token) -> Span:
    """The sentence of a token (as ``tok.sent``, without walking the Doc)."""
    idx = _index(tok.doc)
    k = bisect.bisect_right(idx.starts, tok.i) - 1
    return idx.sents[max(k, 0)]


def ents_of(sent: Span) -> list[Span]:
    """The entities of a sentence of the Doc (as ``sent.ents``)."""
    idx = _index(sent.doc)
    got = idx.ents.get(sent.start)
    return got if got is not None else list(sent.ents)




def sentences_in(span: Span) -> list[Span]:
    """The sentences that overlap ``span`` (whole sentences, as ``Span.sents`` gives)."""
    idx = _index(span.doc)
    lo = max(bisect.bisect_right(idx.starts, span.start) - 1, 0)
    hi = bisect.bisect_left(idx.starts, span.end)
    return [s for s in idx.sents[lo:hi] if s.end > span.start and s.start < span.end]
