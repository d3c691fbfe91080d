"""An article's text as HTML with its quotes, speakers, cues, event triggers and actor
mentions marked, every piece of text escaped.

The text is cut at every span boundary; each piece is wrapped in one ``<span>`` whose
classes name the kinds of span covering it, so overlapping spans need no nesting. An
empty anchor (``id="Q1"``, ``id="E3"``) marks where each quote and event starts, so that
``/articles/ID#E3`` lands on the evidence.
"""
from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape


@dataclass(frozen=True)
class Span:
    """A marked range of the text: ``kind`` is quote, speaker, cue, trigger or actor."""

    start: int
    end: int
    kind: str
    label: str
    anchor: str | None = None


def spans_of(article: dict) -> list[Span]:
    """The spans to mark in an article as :func:`dragoman._web.queries.article` returns it."""
    out: list[Span] = []
    for q in article["quotes"]:
        who = q["speaker_name"] or "unattributed"
        out.append(Span(q["start"], q["end"], "quote", f"{q['quote_id']} quote by {who}",
                        q["quote_id"]))
        if q["cue_start"] is not None:
            out.append(Span(q["cue_start"], q["cue_end"], "cue", f"cue of {q['quote_id']}"))
        if q["speaker_start"] is not None:
            out.append(Span(q["speaker_start"], q["speaker_end"], "speaker",
                            f"speaker of {q['quote_id']}: {who}"))
    for e in article["events"]:
        if e["trigger_start"] is not None:
            flags = " (negated)" if e["negated"] else " (hypothetical)" if e["hypothetical"] else ""
            out.append(Span(e["trigger_start"], e["trigger_end"], "trigger",
                            f"{e['event_id']} {e['type']} {e['source_code'] or '?'} → "
                            f"{e['target_code'] or '?'}, Goldstein {e['goldstein']}{flags}",
                            e["event_id"]))
        for m in e.get("mentions", []):
            out.append(Span(m["start"], m["end"], "trigger",
                            f"{e['event_id']} {e['type']} mentioned again"))
    for a in article["actors"]:
        for m in a["mentions"]:
            out.append(Span(m["start"], m["end"], "actor",
                            f"{a['actor_id']} {a['name']} ({a['code'] or 'no code'})"))
    n = len(article["text"])
    return [s for s in out if s.start is not None and s.end is not None
            and 0 <= s.start < s.end <= n]


def highlight(text: str, spans: list[Span]) -> Markup:
    """``text`` as escaped HTML with ``spans`` marked (see the module docstring)."""
    cuts = sorted({0, len(text), *(s.start for s in spans), *(s.end for s in spans)})
    opening: dict[int, list[Span]] = {}
    closing: dict[int, list[Span]] = {}
    for s in spans:
        opening.setdefault(s.start, []).append(s)
        closing.setdefault(s.end, []).append(s)
    active: dict[Span, int] = {}  # a sweep over the cuts: linear in text and spans
    parts: list[str] = []
    for lo, hi in zip(cuts, cuts[1:]):
        for s in closing.get(lo, []):
            if active.get(s, 0) > 1:
                active[s] -= 1
            else:
                active.pop(s, None)
        for s in opening.get(lo, []):
            active[s] = active.get(s, 0) + 1
            if s.anchor:
                parts.append(f'<a class="anchor" id="{escape(s.anchor)}"></a>')
        piece = escape(text[lo:hi])
        if not active:
            parts.append(str(piece))
            continue
        kinds = sorted({s.kind for s in active})
        title = "; ".join(dict.fromkeys(s.label for s in active))
        parts.append(f'<span class="{" ".join("hl-" + k for k in kinds)}" '
                     f'title="{escape(title)}">{piece}</span>')
    return Markup("".join(parts))
