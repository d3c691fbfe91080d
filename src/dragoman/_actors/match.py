"""Longest-match lookup of dictionary phrases over a Doc's tokens.

One dict lookup per token (its lower-cased text), then at most a few slices for the
phrase lengths that start with that token: linear in the article, whatever the size of
the dictionary.
"""
from __future__ import annotations

from dataclasses import dataclass

from .dictionary import Dictionary, Entry


@dataclass(frozen=True)
class Match:
    """Tokens ``[start, end)`` of the Doc name ``entries`` (best first)."""

    start: int
    end: int
    entries: tuple[Entry, ...]

    @property
    def entry(self) -> Entry:
        return self.entries[0]


def _case_ok(surface: tuple[str, ...], words: list[str]) -> bool:
    """Whether the text's case fits the dictionary form.

    A word the dictionary capitalises must not be all lower case in the text ("us" is
    not "US", "polish" is not "Polish"); an acronym of two or more capitals must be in
    capitals ("Us" at the start of a sentence is not "US").
    """
    for s, w in zip(surface, words):
        if s.islower() or not any(c.isalpha() for c in s):
            continue
        if w.islower():
            return False
        if s.isupper() and len(s) >= 2 and s.isalpha() and not w.isupper():
            return False
    return True


def find_names(lower: list[str], words: list[str], d: Dictionary) -> list[Match]:
    """Non-overlapping longest matches of the dictionary's names, left to right."""
    out: list[Match] = []
    n = len(lower)
    i = 0
    while i < n:
        hit = _longest(i, lower, words, d)
        if hit is not None:
            if lower[i] == "the" and hit.end - hit.start > 1:
                # "the UN Security Council": not "the UN" then "Security Council"
                nxt = _longest(i + 1, lower, words, d)
                if nxt is not None and nxt.end > hit.end:
                    hit = nxt
            out.append(hit)
            i = hit.end
            continue
        i += 1
    return out


def _longest(i: int, lower: list[str], words: list[str], d: Dictionary) -> Match | None:
    """The longest name starting at token ``i`` whose case fits, or None."""
    cand = d.name_lens.get(lower[i])
    if not cand:
        return None
    n = len(lower)
    for ln in cand:
        if i + ln > n:
            continue
        items = d.names.get(tuple(lower[i:i + ln]))
        if not items:
            continue
        ok = tuple(e for s, e in items if _case_ok(s, words[i:i + ln]))
        if ok:
            return Match(i, i + ln, ok)
    return None


def find_roles(lower: list[str], d: Dictionary) -> list[Match]:
    """Non-overlapping longest matches of role words, left to right."""
    out: list[Match] = []
    n = len(lower)
    i = 0
    roles, lens = d.roles, d.role_lens
    while i < n:
        cand = lens.get(lower[i])
        if cand:
            hit = None
            for ln in cand:
                if i + ln <= n:
                    e = roles.get(tuple(lower[i:i + ln]))
                    if e is not None:
                        hit = Match(i, i + ln, (e,))
                        break
            if hit is not None:
                out.append(hit)
                i = hit.end
                continue
        i += 1
    return out
