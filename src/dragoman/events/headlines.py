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

import numpy
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


def _pieces(doc: Doc) -> list[tuple[list[tuple[int, int]], tuple[int, int]]]:
    """Per glued sentence: the token ranges [start, end) of its glued lines (each with
    its newline) and the range of the rest of the sentence."""
    out = []
    for sent in doc.sents:
        cut, lines = sent.start, []
        for tok in sent:
            if not (tok.is_space and "\n" in tok.text) or tok.i + 1 >= sent.end:
                continue
            words = [t for t in doc[cut:tok.i] if not t.is_space]
            if not words or len(words) > MAX_LINE or words[-1].text[-1] in _ENDS:
                continue
            if not any(t.pos_ in ("VERB", "NOUN", "AUX") for t in words):
                continue
            lines.append((cut, tok.i + 1))
            cut = tok.i + 1
        if lines:
            out.append((lines, (cut, sent.end)))
    return out


def split_glued_lines(doc: Doc) -> bool:
    """Parse glued headlines apart from their sentence; True if the Doc changed.

    Only the short lines are parsed again (without the entity recogniser: the
    entities stay); the rest of the sentence keeps its parse, its words that hung on
    a line hanging on its own root instead."""
    pieces = _pieces(doc)
    if not pieces:
        return False
    nlp = _pipeline(doc)
    if nlp is None:
        return False
    text = doc.text
    lines = [r for ls, _ in pieces for r in ls]
    disable = [n for n in ("ner",) if n in nlp.pipe_names]
    subs = nlp.pipe((text[doc[a].idx:doc[b - 1].idx + len(doc[b - 1])] for a, b in lines),
                    disable=disable)
    arr = doc.to_array(_ATTRS)
    ok: set[tuple[int, int]] = set()
    for (a, b), sub in zip(lines, subs):
        if len(sub) != b - a or any(s.text != t.text for s, t in zip(sub, doc[a:b])):
            continue
        arr[a:b] = sub.to_array(_ATTRS)
        ok.add((a, b))
    if not ok:
        return False
    root_dep, dep_dep = doc.vocab.strings.add("ROOT"), doc.vocab.strings.add("dep")
    for ls, (a, b) in pieces:
        if not any(r in ok for r in ls) or a >= b:
            continue
        loose = [t for t in doc[a:b] if not a <= t.head.i < b or t.head.i == t.i]
        root = next((t for t in loose if t.dep_ == "ROOT"), None) or \
            next((t for t in loose if t.pos_ in ("VERB", "AUX")), None) or loose[0]
        for t in loose:
            head, dep = (t.i, root_dep) if t.i == root.i else (root.i, dep_dep if t.dep_ == "ROOT" else doc.vocab.strings.add(t.dep_))
            arr[t.i, 0] = numpy.uint64((head - t.i) % (1 << 64))
            arr[t.i, 1] = dep
    doc.from_array(_ATTRS, arr)
    return True
