"""A readable terminal rendering of analyses (rich).

Article text goes in as :class:`rich.text.Text`, never as a str, which rich would read
as markup: ``[/bold]`` in a quote must print as it is.
"""
from __future__ import annotations

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from ._model import Analysis, Event


def _party(p: object) -> str:
    if p is None:
        return "—"
    mention = getattr(p, "mention", None)
    code = getattr(p, "code", None) or "?"
    return f"{mention.text} ({code})" if mention else code


def _event_flags(e: Event) -> str:
    flags = []
    if e.negated:
        flags.append("negated")
    if e.hypothetical:
        flags.append("hypothetical")
    return ", ".join(flags)


def render(analysis: Analysis) -> Panel:
    """One article as a panel: its actors, quotes with speakers, events and counts."""
    art = analysis.article
    head = Text(art.title or art.path or art.id, style="bold")
    if art.path and art.title:
        head.append(f"  {art.path}", style="dim")
    if art.published:
        head.append(f"  {art.published}", style="dim")
    parts: list[object] = [head]
    for w in analysis.warnings:
        parts.append(Text(f"warning: {w}", style="yellow"))
    if analysis.actors:
        parts.append(Text("Actors: ", style="bold").append(
            "; ".join(f"{a.name} ({a.code or a.kind})" for a in analysis.actors)))
    quotes = Table(title="Quotes", show_lines=False, expand=True, title_justify="left")
    quotes.add_column("speaker", style="cyan", ratio=1)
    quotes.add_column("kind", style="dim", no_wrap=True)
    quotes.add_column("quote", ratio=4)
    for q in analysis.quotes:
        who = q.speaker.name if q.speaker and q.speaker.name else "(unattributed)"
        if q.speaker and q.speaker.mention and q.speaker.mention.text != who:
            who += f' ("{q.speaker.mention.text}")'
        quotes.add_row(Text(who), Text(q.kind), Text(q.text))
    parts.append(quotes if analysis.quotes else Text("Quotes: none found", style="dim"))
    if analysis.events:
        events = Table(title="Events", expand=True, title_justify="left")
        for col in ("type", "source", "target", "trigger", "date", "place", "flags"):
            events.add_column(col)
        for e in analysis.events:
            cells = (e.type, _party(e.source), _party(e.target), e.trigger.text,
                     e.date or "", e.location.name if e.location else "", _event_flags(e))
            events.add_row(*(Text(c) for c in cells))
        parts.append(events)
    else:
        parts.append(Text("Events: none found", style="dim"))
    if analysis.counts:
        parts.append(Text("Counts: ", style="bold").append(
            "; ".join(c.text for c in analysis.counts)))
    return Panel(Group(*parts), expand=True)  # type: ignore[arg-type]


def print_analysis(console: Console, analysis: Analysis) -> None:
    """Print one article's rendering."""
    console.print(render(analysis))


def print_failure(console: Console, ident: str, error: str) -> None:
    """Print one article that could not be analysed."""
    console.print(Panel(Text(error, style="red"), title=Text(f"{ident}: not analysed")))
