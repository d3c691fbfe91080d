"""Lines the parser glued to the next sentence (a headline above the first paragraph).

The statistical parser does not break sentences at a newline, so a headline without
a full stop becomes part of the first sentence and its verb hangs off that sentence's
("Manila protests ... \\n\\n The Philippines lodged a protest": "protests" a noun).
Each such line and the rest of its sentence are parsed again apart, with the same
pipeline, and their parse (heads, labels, tags, lemmas) is written back into the
article's Doc, so that both read as sentences of their own. Only lines of up to
``MAX_LINE`` tokens that do not end a sentence are split; a piece whose tokens do
not line up with the article's is left as it was.
"""
from __future__ import annotations

from spacy.attrs import DEP, HEAD, LEMMA, POS, TAG
from spacy.tokens import Doc

MAX_LINE = 20
_ENDS = frozenset(".!?:;\"”’'")
_ATTRS = [HEAD, DEP, TAG, POS, LEMMA]


def _pipeline(doc: Doc):  # type: ignore[no-untyped-def]
    from .. import nlp as nlp_mod

    try:
        nlp = nlp_mod.load()
    except Exception:  # no default pipeline: leave the parse alone
        return None
    return nlp if nlp.vocab is doc.vocab else None


def _pieces(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges [start, end) to parse apart: glued lines and what follows them."""
    out: list[tuple[int, int]] = []
    for sent in doc.sents:
        cut = sent.start
        for tok in sent:
            if not (tok.is_space and "\n" in tok.text) or tok.i + 1 >= sent.end:
                continue
            words = [t for t in doc[cut:tok.i] if not t.is_space]
            if not words or len(words) > MAX_LINE or words[-1].text[-1] in _ENDS:
                continue
            if not any(t.pos_ in ("VERB", "NOUN", "AUX") for t in words):
                continue
            out.append((cut, tok.i + 1))
            cut = tok.i + 1
        if cut != sent.start:
            out.append((cut, sent.end))
    return out


def split_glued_lines(doc: Doc) -> bool:
    """Parse glued headlines apart from their sentence; True if the Doc changed."""
    pieces = _pieces(doc)
    if not pieces:
        return False
    nlp = _pipeline(doc)
    if nlp is None:
        return False
    text = doc.text
    arr = doc.to_array(_ATTRS)
    changed = False
    for (a, b), sub in zip(pieces, nlp.pipe(
            text[doc[a].idx:doc[b - 1].idx + len(doc[b - 1]) + len(doc[b - 1].whitespace_)]
            for a, b in pieces)):
        if len(sub) != b - a or any(s.text != t.text for s, t in zip(sub, doc[a:b])):
            continue
        arr[a:b] = sub.to_array(_ATTRS)
        changed = True
    if changed:
        doc.from_array(_ATTRS, arr)
    return changed
