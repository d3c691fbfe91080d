"""An analysis as HTML: the article with its quotes, speakers, events and actors marked.

In the spirit of spaCy's displaCy: one self-contained ``<div>`` with its own CSS, no
script, no external resource. Jupyter shows it for an :class:`~dragoman.Analysis` on its
own (``Analysis._repr_html_``); :func:`render` returns the same string to save or embed.

Every piece of article text, name and label is escaped, so an article that holds
markup (``<script>``, a quote mark that would close an attribute) shows as text.
"""
from __future__ import annotations

from dataclasses import dataclass
from html import escape

from ._model import Analysis, Event, Party

#: Draw order, outermost first: a quote holds the mentions and triggers inside it.
_LAYERS = ("quote", "cue", "speaker", "actor", "trigger")

_CSS = """
.dragoman{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;line-height:1.9;
  max-width:60em;color:#222}
.dragoman .dm-head{font-size:1.15em;font-weight:600;margin:0 0 .2em}
.dragoman .dm-meta{color:#666;font-size:.85em;margin:0 0 .8em}
.dragoman .dm-text{white-space:pre-wrap;margin:0 0 1em}
.dragoman mark{color:inherit;padding:0}
.dragoman .dm-quote{background:#fff4c2}
.dragoman .dm-cue{background:none;font-weight:600;text-decoration:underline}
.dragoman .dm-speaker{background:none;border-bottom:3px double #b8860b}
.dragoman .dm-actor{background:#dbeafe;border-radius:.25em;padding:0 .1em}
.dragoman .dm-trigger{border-radius:.25em;padding:0 .1em;font-weight:600}
.dragoman .dm-quad1{background:#d1fae5}.dragoman .dm-quad2{background:#a7f3d0}
.dragoman .dm-quad3{background:#fed7aa}.dragoman .dm-quad4{background:#fecaca}
.dragoman .dm-label{font-size:.65em;font-weight:700;text-transform:uppercase;
  vertical-align:.15em;margin:0 .25em 0 .15em;padding:0 .3em;border-radius:.25em;
  background:#eee;color:#333}
.dragoman table{border-collapse:collapse;font-size:.85em;margin:.3em 0 1em;line-height:1.4}
.dragoman th,.dragoman td{border-bottom:1px solid #ddd;padding:.2em .5em;text-align:left;
  vertical-align:top}
.dragoman h4{margin:.6em 0 .2em}
.dragoman .dm-warn{color:#9a3412}
"""


@dataclass(frozen=True)
class _Mark:
    start: int
    end: int
    layer: str
    css: str  # extra class
    title: str  # tooltip (escaped on output)
    label: str | None  # a tag after the span's end, like displaCy's entity labels


def _party(p: Party | None) -> str:
    if p is None:
        return "—"
    name = p.mention.text if p.mention else (p.actor or "?")
    return f"{name} ({p.code})" if p.code else name


def _flags(e: Event) -> str:
    return ", ".join(f for f, on in (("negated", e.negated),
                                     ("hypothetical", e.hypothetical)) if on)


def _marks(a: Analysis) -> list[_Mark]:
    """Every highlight whose offsets match the article text (others are left out,
    which can only happen for a record read back without its text)."""
    text = a.article.text
    marks: list[_Mark] = []

    def add(start: int, end: int, span_text: str, layer: str, css: str, title: str,
            label: str | None) -> None:
        if 0 <= start < end <= len(text) and text[start:end] == span_text:
            marks.append(_Mark(start, end, layer, css, title, label))

    for q in a.quotes:
        who = q.speaker.name if q.speaker and q.speaker.name else "no speaker"
        add(q.start, q.end, q.text, "quote", "", f"{q.id} {q.kind} quote — {who}", None)
        if q.cue:
            add(q.cue.start, q.cue.end, q.cue.text, "cue", "", f"cue of {q.id}", None)
        if q.speaker and q.speaker.mention:
            m = q.speaker.mention
            add(m.start, m.end, m.text, "speaker", "", f"speaker of {q.id}: {who}", None)
    for actor in a.actors:
        desc = ", ".join(x for x in (actor.kind, actor.code, actor.title) if x)
        for m in actor.mentions:
            add(m.start, m.end, m.text, "actor", "", f"{actor.id} {actor.name} ({desc})",
                actor.code or actor.kind)
    for e in a.events:
        flags = _flags(e)
        title = (f"{e.id} {e.type} (CAMEO {e.cameo}, Goldstein {e.goldstein}): "
                 f"{_party(e.source)} → {_party(e.target)}"
                 + (f"; {flags}" if flags else ""))
        label = ("no " if e.negated else "") + e.type + ("?" if e.hypothetical else "")
        quad = f" dm-quad{e.quad_class}" if e.quad_class in (1, 2, 3, 4) else ""
        add(e.trigger.start, e.trigger.end, e.trigger.text, "trigger", quad, title, label)
    return marks


def _highlighted(text: str, marks: list[_Mark]) -> str:
    """The text with the marks as nested ``<mark>`` elements.

    The text is cut at every mark's edge; a piece is wrapped in the marks covering it,
    outer layers first. A mark stays open across pieces while the marks outside it do,
    and is closed and reopened where marks cross; its label follows where it ends.
    """
    cuts = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks)})
    order = {layer: i for i, layer in enumerate(_LAYERS)}
    out: list[str] = []
    stack: list[_Mark] = []

    def close(upto: int, at: int) -> None:
        while len(stack) > upto:
            m = stack.pop()
            out.append("</mark>")
            if m.end == at and m.label:
                out.append(f'<span class="dm-label">{escape(m.label)}</span>')

    for a, b in zip(cuts, cuts[1:]):
        covering = sorted((m for m in marks if m.start <= a and b <= m.end),
                          key=lambda m: (order[m.layer], m.start, -m.end))
        keep = 0
        while keep < min(len(stack), len(covering)) and stack[keep] == covering[keep]:
            keep += 1
        close(keep, a)
        for m in covering[keep:]:
            out.append(f'<mark class="{escape(f"dm-{m.layer}{m.css}")}" '
                       f'title="{escape(m.title)}">')
            stack.append(m)
        out.append(escape(text[a:b]))
    close(0, len(text))
    return "".join(out)


def _table(caption: str, head: tuple[str, ...], rows: list[tuple[object, ...]]) -> str:
    if not rows:
        return ""
    cells = "".join("<tr>" + "".join(f"<td>{escape(str(c))}</td>" for c in row) + "</tr>"
                    for row in rows)
    header = "".join(f"<th>{escape(h)}</th>" for h in head)
    return f"<h4>{escape(caption)}</h4><table><tr>{header}</tr>{cells}</table>"


def render(analysis: Analysis) -> str:
    """The analysis as one self-contained HTML fragment (inline CSS, no script).

    The article text is shown with quotes, their cues and speakers, actor mentions
    (labelled with their codes) and event triggers (labelled with their PLOVER types)
    highlighted, hover text giving the details; tables of the quotes, events and actors
    follow.

    Args:
        analysis: what :func:`dragoman.analyze` returned.

    Returns:
        HTML, every piece of article text escaped.

    Example:
        >>> import dragoman
        >>> html = dragoman.render(dragoman.analyze("Chile <b>criticised</b> Peru."))
        >>> html.startswith('<div class="dragoman">')
        True
        >>> "&lt;b&gt;" in html and "<b>" not in html
        True
    """
    a = analysis
    art = a.article
    parts = [f'<div class="dragoman"><style>{_CSS}</style>']
    if art.title:
        parts.append(f'<p class="dm-head">{escape(art.title)}</p>')
    meta = [x for x in (art.source, art.published, art.url, f"id {art.id}") if x]
    parts.append(f'<p class="dm-meta">{escape(" · ".join(meta))}</p>')
    for w in a.warnings:
        parts.append(f'<p class="dm-warn">{escape(w)}</p>')
    parts.append(f'<div class="dm-text">{_highlighted(art.text, _marks(a))}</div>')
    parts.append(_table("Quotes", ("id", "kind", "speaker", "text"), [
        (q.id, q.kind, q.speaker.name if q.speaker and q.speaker.name else "—", q.text)
        for q in a.quotes]))
    parts.append(_table(
        "Events", ("id", "type", "CAMEO", "Goldstein", "source", "target", "date", "place",
                   "trigger", "flags"),
        [(e.id, e.type, e.cameo, e.goldstein, _party(e.source), _party(e.target),
          e.date or "—", e.location.name if e.location else "—", e.trigger.text,
          _flags(e) or "—") for e in a.events]))
    parts.append(_table("Actors", ("id", "name", "kind", "code", "title", "mentions"), [
        (x.id, x.name, x.kind, x.code or "—", x.title or "—", len(x.mentions))
        for x in a.actors]))
    parts.append(_table("Counts", ("number", "unit", "actor", "text"), [
        (c.number, c.unit, c.actor or "—", c.text) for c in a.counts]))
    parts.append("</div>")
    return "".join(parts)
