"""Pairing quote marks into quoted segments, on characters alone.

Every typographic style is read: curly double quotes (“ ”), straight double quotes
used both ways ("), guillemets (« »), low-high quotes („ “ and „ ”), and single
quotes (‘ ’ and straight ') when they are not apostrophes. Pairing never crosses a
paragraph break, except in the newspaper convention for a quotation that runs on:
a paragraph that ends inside a quote continues into the next when that paragraph
opens with a quote mark, or when its first mark closes the quote. An opening mark
that is never closed runs to the end of its paragraph; a stray closing mark is
ignored. Nothing here can raise on odd input.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass

# Marks that can only open, only close, or do either depending on their neighbours.
_DOUBLE = '“”«»„"'
_OPEN_SINGLE = "‘‚"
_CLOSE_SINGLE = "’"
_AMBIG_SINGLE = "'"
_BEFORE_OPEN = " \t\n([{—–-/:;,"
QUOTE_MARKS = frozenset(_DOUBLE + _OPEN_SINGLE + _CLOSE_SINGLE + _AMBIG_SINGLE + "‹›")

#: A quoted segment that runs over more than this many paragraphs is not trusted.
MAX_PARAGRAPHS = 6


@dataclass(frozen=True)
class Segment:
    """Text between a pair of quote marks, within one paragraph.

    ``start``/``end`` are the characters inside the marks (trimmed of white space);
    ``open_mark``/``close_mark`` the positions of the marks themselves (``close_mark``
    is -1 when the paragraph ended before any closing mark). ``run`` numbers the
    quotation a segment belongs to: segments of a quotation that runs over several
    paragraphs share it.
    """

    start: int
    end: int
    open_mark: int
    close_mark: int
    run: int


def _opens(text: str, i: int) -> bool:
    """Whether an ambiguous mark at ``i`` opens: after a space or start, before a word."""
    before = text[i - 1] if i > 0 else "\n"
    w = 2 if text.startswith("''", i) else 1
    after = text[i + w] if i + w < len(text) else "\n"
    return (before in _BEFORE_OPEN or before in "“«„") and not after.isspace()


def _single_opens(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else "\n"
    after = text[i + 1] if i + 1 < len(text) else "\n"
    return (before in _BEFORE_OPEN or before in _DOUBLE) and after.isalnum()


def _single_closes(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else "\n"
    after = text[i + 1] if i + 1 < len(text) else "\n"
    if before.isspace():
        return False
    return not after.isalnum()


def _paragraph_bounds(text: str) -> list[tuple[int, int]]:
    bounds, start = [], 0
    while True:
        j = text.find("\n", start)
        if j < 0:
            bounds.append((start, len(text)))
            return bounds
        bounds.append((start, j))
        start = j + 1


def _double_marks(text: str, s: int, e: int) -> list[int]:
    """Positions of the double quote marks of text[s:e]; two apostrophes ('') used
    as a double quote count as one mark at the first of them."""
    out = []
    i = s
    while i < e:
        ch = text[i]
        if ch in _DOUBLE:
            out.append(i)
        elif ch == "'" and i + 1 < e and text[i + 1] == "'":
            out.append(i)
            i += 1
        i += 1
    return out


def mark_width(text: str, i: int) -> int:
    """Characters taken by the mark at ``i`` (2 for '')."""
    return 2 if text.startswith("''", i) else 1


def _trimmed(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def _lead(text: str, ps: int, pe: int) -> int:
    """First non-blank character of a paragraph."""
    i = ps
    while i < pe and text[i].isspace():
        i += 1
    return i


def _can_open(text: str, i: int) -> bool:
    ch = text[i]
    if ch in "“«„":
        return True
    return _opens(text, i)  # " ” and '' open only before a word, after a space


def _closes(text: str, i: int, open_char: str) -> bool:
    """Whether the mark at ``i`` closes a quote opened with ``open_char``."""
    ch = text[i]
    if ch in "”»" or ch == '"' or ch == "'":
        return True
    if ch == "“":
        return open_char == "„" or not _opens(text, i)
    return False  # « „ open


def find_segments(text: str) -> list[Segment]:
    """The quoted segments of ``text`` in order (double quotes, then single quotes
    outside them)."""
    paras = _paragraph_bounds(text)
    segments: list[Segment] = []
    run = 0
    open_at = -1  # the open mark's position while a quote is open, else -1
    open_char = ""
    seg_start = 0
    run_paras = 0
    reopened = -1
    for p, (ps, pe) in enumerate(paras):
        marks = _double_marks(text, ps, pe)
        k = 0
        if open_at >= 0:  # a quotation running on from an earlier paragraph
            lead = _lead(text, ps, pe)
            if marks and marks[0] == lead and _can_open(text, lead):
                seg_start, reopened, k = lead + mark_width(text, lead), lead, 1
            else:
                seg_start, reopened = lead, -1
        for pos in marks[k:]:
            if open_at < 0:
                if _can_open(text, pos):
                    open_at, open_char, reopened = pos, text[pos], pos
                    seg_start = pos + mark_width(text, pos)
                    run_paras = 0
                    run += 1
                continue  # else a stray closing mark
            s, e = _trimmed(text, seg_start, pos)
            if _closes(text, pos, open_char):
                if e > s:
                    segments.append(Segment(s, e, reopened, pos, run))
                open_at = -1
            else:  # a second opening mark: the first was never closed
                if e > s:
                    segments.append(Segment(s, e, reopened, -1, run))
                open_at, open_char, reopened = pos, text[pos], pos
                seg_start = pos + mark_width(text, pos)
                run_paras = 0
                run += 1
        if open_at < 0:
            continue
        s, e = _trimmed(text, seg_start, pe)
        if e > s:
            segments.append(Segment(s, e, reopened, -1, run))
        q = p + 1
        while q < len(paras) and not text[paras[q][0]:paras[q][1]].strip():
            q += 1
        carry = False
        if q < len(paras) and run_paras < MAX_PARAGRAPHS:
            nxt = _double_marks(text, *paras[q])
            if nxt:
                first = nxt[0]
                lead = _lead(text, *paras[q])
                carry = (first == lead and _can_open(text, first)) or \
                    _closes(text, first, open_char) and not _opens(text, first)
        if carry:
            run_paras += 1
        else:
            open_at = -1
    segments.extend(_single_segments(text, paras, segments))
    segments.sort(key=lambda g: g.start)
    return segments


def _single_segments(text: str, paras: list[tuple[int, int]],
                     doubles: list[Segment]) -> list[Segment]:
    """Single-quoted segments outside double quotes, within one paragraph."""
    if "‘" not in text and "'" not in text and "‚" not in text:
        return []
    starts = [d.open_mark for d in doubles]
    out: list[Segment] = []
    run = 10_000_000

    def inside_double(i: int) -> bool:
        j = bisect.bisect_right(starts, i) - 1
        if j < 0:
            return False
        d = doubles[j]
        return d.open_mark <= i <= (d.close_mark if d.close_mark >= 0 else d.end)

    for ps, pe in paras:
        i = ps
        while i < pe:
            ch = text[i]
            if text.startswith("''", i):
                i += 2
                continue
            if ch in "‘‚'" and _single_opens(text, i) and not inside_double(i):
                j = i + 1
                while j < pe:
                    if text.startswith("''", j):
                        j = pe  # a double mark: no single-quoted segment here
                        break
                    if text[j] in "’'" and _single_closes(text, j):
                        break
                    j += 1
                if j < pe:
                    s, e = _trimmed(text, i + 1, j)
                    if e > s:
                        run += 1
                        out.append(Segment(s, e, i, j, run))
                    i = j + 1
                    continue
            i += 1
    return out
