"""Relative and partial dates resolved against the publication date.

"on Monday", "Wednesday's meeting", "yesterday", "on 12 January", "Jan. 11" become
ISO days. Expressions that name a week or a month ("last week", "earlier this
month") or nothing datable give None: a day is never guessed.
"""
from __future__ import annotations

import datetime as dt
import re
from ._lexicon import table

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = {m: i + 1 for i, m in enumerate(
    "january february march april may june july august september october november december".split())}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9

_MONTH = r"(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?"
_DAY_MONTH = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?:,?\s+(\d{{4}}))?\b", re.I)
_MONTH_DAY = re.compile(rf"\b{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(\d{{4}}))?", re.I)
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_WEEKDAY = re.compile(r"\b(last\s+|this\s+|next\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.I)
_RELATIVE = {k: int(v) for k, v in table("relative_days").items()}


def parse_iso(value: str | None) -> dt.date | None:
    """A date from ``YYYY-MM-DD`` (or a longer ISO timestamp), None otherwise."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _safe(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _with_year(month: int, day: int, year: str | None, ref: dt.date | None) -> dt.date | None:
    if year:
        return _safe(int(year), month, day)
    if ref is None:
        return None
    d = _safe(ref.year, month, day)
    if d is not None and (d - ref).days > 62:
        # "on 28 December" in a January article is last year's
        d = _safe(ref.year - 1, month, day)
    return d


def resolve(expr: str, published: str | dt.date | None) -> str | None:
    """The ISO day that ``expr`` names, or None when it names no single day.

    Args:
        expr: a date expression as written ("on Monday", "Wednesday's", "12 January").
        published: the publication date that relative expressions refer to.

    Returns:
        ``YYYY-MM-DD`` or None.
    """
    ref = published if isinstance(published, dt.date) else parse_iso(published)
    low = expr.lower().strip()
    m = _ISO.search(low)
    if m:
        d = _safe(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        return d.isoformat() if d else None
    m = _DAY_MONTH.search(low)
    if m:
        d = _with_year(MONTHS[m.group(2).rstrip(".")], int(m.group(1)), m.group(3), ref)
        return d.isoformat() if d else None
    m = _MONTH_DAY.search(low)
    if m:
        d = _with_year(MONTHS[m.group(1).rstrip(".")], int(m.group(2)), m.group(3), ref)
        return d.isoformat() if d else None
    if ref is None:
        return None
    for phrase, delta in sorted(_RELATIVE.items(), key=lambda kv: -len(kv[0])):
        if re.search(rf"\b{phrase}\b", low):
            return (ref + dt.timedelta(days=delta)).isoformat()
    m = _WEEKDAY.search(low)
    if m:
        which, day = (m.group(1) or "").strip(), WEEKDAYS.index(m.group(2))
        back = (ref.weekday() - day) % 7
        if which == "next":
            ahead = (day - ref.weekday()) % 7 or 7
            return (ref + dt.timedelta(days=ahead)).isoformat()
        if which == "last" and back == 0:
            back = 7
        return (ref - dt.timedelta(days=back)).isoformat()
    return None
