"""Briefings: "better or worse, and why", per dyad, with every claim cited.

:func:`build_brief` reads a store (read-only), compares each dyad's tension in the
window with the period before (see :func:`dragoman._trends.compare_windows`), and picks
the events and quotes that drove the change, each with its article and sentence.
:func:`to_markdown` and :func:`to_html` render it; the HTML is one self-contained file
(charts are PNG data URIs, no scripts).
"""
from __future__ import annotations

import base64
import io
import math
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pandas as pd

from . import _evidence as evidence, _trends as trends
from ._errors import DragomanError

#: Events and quotes cited per dyad and side (the rest are counted).
TOP = 5


class BriefError(DragomanError):
    """A briefing cannot be made from the arguments given."""


@dataclass
class DyadBrief:
    """One dyad's change in the window and the evidence behind it."""

    dyad: str
    n: int
    tension: float
    now_tension: float
    before_tension: float | None
    change: float | None
    direction: str
    basis: str
    hostile: list[dict] = field(default_factory=list)
    cooperative: list[dict] = field(default_factory=list)
    quotes: list[dict] = field(default_factory=list)
    more_hostile: int = 0
    more_cooperative: int = 0
    more_quotes: int = 0


@dataclass
class Brief:
    """A briefing over ``[start, end]``."""

    start: str
    end: str
    actors: list[str] | None
    dyads: list[DyadBrief]
    alerts: list[dict]
    n_events: int
    n_articles: int
    verdict: str
    charts: dict[str, bytes] = field(default_factory=dict)


def _num(x: float | int | None) -> float | None:
    return None if x is None or (isinstance(x, float) and math.isnan(x)) else float(x)


def _check_day(value: str, name: str) -> str:
    try:
        return date.fromisoformat(value).isoformat()
    except (TypeError, ValueError):
        raise BriefError(f"{name} must be a date as YYYY-MM-DD, not {value!r}") from None


def build_brief(db: str | Path, start: str, end: str, actors: list[str] | None = None,
                *, charts: bool = True) -> Brief:
    """Build the briefing for ``[start, end]`` from the store at ``db``.

    Args:
        actors: only dyads between these actors (``USA``, ``RUS``, ``NATO``...);
            all dyads when None.
        charts: draw the PNG charts (matplotlib).

    Raises:
        BriefError: a malformed date or a window that ends before it starts.
        StoreError: the store cannot be read.
    """
    start, end = _check_day(start, "--from"), _check_day(end, "--to")
    if end < start:
        raise BriefError(f"--to {end} is before --from {start}")
    span = pd.Timestamp(end) - pd.Timestamp(start) + pd.Timedelta(days=1)
    before_start = (pd.Timestamp(start) - span).date().isoformat()
    conn = evidence.connect(db)
    try:
        events = evidence.load_events(conn, before_start, end)
        cmp = trends.compare_windows(events, start, end, actors=actors)
        cited = {pair for pairs in cmp["events"] for pair in pairs}
        dq = evidence.dyad_quotes(conn, start, end)
        wanted = {trends.actor_key(a) for a in actors} if actors else None
        quotes_by_dyad: dict[str, list[tuple[str, str]]] = {}
        for r in dq.itertuples():
            a, b = trends.actor_key(r.speaker_code), trends.actor_key(r.mentioned_code)
            if a and b and a != b and (not wanted or {a, b} <= wanted):
                quotes_by_dyad.setdefault(trends.dyad_name(a, b, ordered=False), []).append(
                    (r.article_id, r.quote_id))
        dyads = [_dyad_brief(conn, row, quotes_by_dyad.get(row.dyad, []))
                 for row in cmp.itertuples()]
        daily = trends.dyad_series(events, actors=actors) if len(events) else None
        alerts = []
        if daily is not None and len(daily):
            flagged = trends.detect_changes(daily)
            flagged = flagged[flagged["alert"].notna()
                              & (flagged["period"] >= pd.Timestamp(start))]
            alerts = [{"dyad": r.dyad, "day": r.period.date().isoformat(), "alert": r.alert,
                       "tension": r.tension, "baseline": r.baseline_mean, "z": r.z}
                      for r in flagged.itertuples()]
        brief = Brief(start=start, end=end, actors=actors, dyads=dyads, alerts=alerts,
                      n_events=len(cited), n_articles=len({a for a, _ in cited}),
                      verdict=_verdict(dyads))
        if charts and dyads:
            brief.charts = _charts(brief, daily)
        return brief
    finally:
        conn.close()


def _dyad_brief(conn, row, quote_pairs: list[tuple[str, str]]) -> DyadBrief:
    cited = evidence.cite_events(conn, row.events)
    hostile = sorted((e for e in cited if (e["goldstein"] or 0) < 0),
                     key=lambda e: (e["goldstein"], e["date"] or ""))
    coop = sorted((e for e in cited if (e["goldstein"] or 0) >= 0),
                  key=lambda e: (-e["goldstein"], e["date"] or ""))
    pairs = list(dict.fromkeys(list(row.quotes) + quote_pairs))
    quotes = evidence.cite_quotes(conn, pairs)
    return DyadBrief(
        dyad=row.dyad, n=row.n, tension=row.tension, now_tension=row.now_tension,
        before_tension=_num(row.before_tension), change=_num(row.change),
        direction=row.direction, basis=row.basis,
        hostile=hostile[:TOP], cooperative=coop[:TOP], quotes=quotes[:TOP],
        more_hostile=max(0, len(hostile) - TOP), more_cooperative=max(0, len(coop) - TOP),
        more_quotes=max(0, len(quotes) - TOP))


def _verdict(dyads: list[DyadBrief]) -> str:
    """One line: how many dyads got worse, better, stayed steady, or are new."""
    if not dyads:
        return "No events between the actors asked for in this window."
    counts = {d: sum(x.direction == d for x in dyads) for d in ("worse", "better", "steady", "new")}
    worse = [x.dyad for x in dyads if x.direction == "worse"]
    better = [x.dyad for x in dyads if x.direction == "better"]
    parts = []
    if worse:
        parts.append(f"worse for {', '.join(worse)}")
    if better:
        parts.append(f"better for {', '.join(better)}")
    if counts["steady"]:
        parts.append(f"steady for {counts['steady']} dyad(s)")
    if counts["new"]:
        parts.append(f"{counts['new']} dyad(s) with nothing earlier to compare with")
    text = "; ".join(parts)
    return text[:1].upper() + text[1:] + "."


def _charts(brief: Brief, daily: pd.DataFrame | None) -> dict[str, bytes]:
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    out: dict[str, bytes] = {}
    names = [d.dyad for d in brief.dyads]
    fig, ax = plt.subplots(figsize=(7, 0.5 + 0.45 * len(names)))
    now = [d.now_tension for d in brief.dyads]
    before = [d.before_tension if d.before_tension is not None else float("nan")
              for d in brief.dyads]
    y = range(len(names))
    ax.barh([i + 0.2 for i in y], before, height=0.4, color="#9aa5b1", label="before")
    ax.barh([i - 0.2 for i in y], now, height=0.4,
            color=["#c0392b" if v > 0 else "#27ae60" for v in now], label="now")
    ax.set_yticks(list(y), names)
    ax.invert_yaxis()
    ax.axvline(0, color="#333", lw=0.8)
    ax.set_xlabel("tension (positive = hostile, negative = cooperative)")
    from matplotlib.patches import Patch
    ax.legend(handles=[Patch(color="#9aa5b1", label="before"),
                       Patch(color="#c0392b", label="now, hostile"),
                       Patch(color="#27ae60", label="now, cooperative")],
              loc="best", fontsize=8)
    fig.tight_layout()
    out["tension"] = _png(fig)
    if daily is not None and len(daily):
        top = names[:6]
        fig, ax = plt.subplots(figsize=(7, 3))
        for name in top:
            s = daily[daily["dyad"] == name]
            ax.plot(s["period"], s["tension"], marker="o", label=name)
        ax.axvline(pd.Timestamp(brief.start), color="#888", ls="--", lw=0.8)
        ax.axhline(0, color="#333", lw=0.8)
        ax.set_ylabel("daily tension")
        ax.legend(fontsize=8, ncol=3)
        import matplotlib.dates as mdates
        days = max(1, (daily["period"].max() - daily["period"].min()).days)
        ax.xaxis.set_major_locator(mdates.DayLocator(interval=max(1, days // 7)))
        ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y-%m-%d"))
        fig.autofmt_xdate()
        fig.tight_layout()
        out["daily"] = _png(fig)
    return out


def _png(fig) -> bytes:
    import matplotlib.pyplot as plt

    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=110)
    plt.close(fig)
    return buf.getvalue()


def _fmt(x: float | None) -> str:
    return "n/a" if x is None or (isinstance(x, float) and math.isnan(x)) else f"{x:+.1f}"


def _md_escape(text: object) -> str:
    """Article text inside Markdown: no raw HTML, no accidental links or emphasis."""
    s = str(text or "")
    for ch in "\\`*_[]<>|#":
        s = s.replace(ch, "\\" + ch)
    return " ".join(s.split())


def _md_cite(rec: dict) -> str:
    title = _md_escape(rec.get("title") or rec["article_id"])
    url = rec.get("safe_url")
    link = f"[{title}](<{url.replace('>', '%3E')}>)" if url else title
    return f"{link} (article `{rec['article_id'].replace('`', '')}`)"


def to_markdown(brief: Brief, chart_files: dict[str, str] | None = None) -> str:
    """The briefing as Markdown; ``chart_files`` maps chart names to image paths."""
    lines = [f"# Briefing {brief.start} to {brief.end}", ""]
    if brief.actors:
        lines.append(f"Actors: {', '.join(brief.actors)}.")
    lines += [f"{brief.n_events} events from {brief.n_articles} articles in the window.", "",
              f"**Better or worse?** {brief.verdict}", "",
              "Tension = -(sum of Goldstein scores)/(events + 1): positive is hostile, "
              "negative cooperative (docs/trends.md).", ""]
    for name, path in (chart_files or {}).items():
        lines += [f"![{name}]({path})", ""]
    for d in brief.dyads:
        lines += [f"## {d.dyad}: {d.direction}", "",
                  f"Tension {_fmt(d.now_tension)} against {_fmt(d.before_tension)} "
                  f"({d.basis}; change {_fmt(d.change)}); {d.n} event(s).", ""]
        for label, recs, more in (("Hostile events", d.hostile, d.more_hostile),
                                  ("Cooperative events", d.cooperative, d.more_cooperative)):
            if not recs:
                continue
            lines += [f"### {label}", ""]
            for e in recs:
                lines.append(
                    f"- **{_md_escape(e['source_code'])} → {_md_escape(e['target_code'])} "
                    f"{_md_escape(e['type'])}** (CAMEO {_md_escape(e['cameo'])}, Goldstein "
                    f"{_fmt(e['goldstein'])}, {e['date'] or 'undated'}; event "
                    f"{_md_escape(e['event_id'])}): “{_md_escape(e['sentence'])}” "
                    f"— {_md_cite(e)}")
            if more:
                lines.append(f"- and {more} more")
            lines.append("")
        if d.quotes:
            lines += ["### Quotes", ""]
            for q in d.quotes:
                lines.append(f"- **{_md_escape(q['speaker_name'] or 'unattributed')}** "
                             f"({_md_escape(q['speaker_code'] or '?')}; quote "
                             f"{_md_escape(q['quote_id'])}): “{_md_escape(q['text'])}” "
                             f"— sentence: “{_md_escape(q['sentence'])}” — {_md_cite(q)}")
            if d.more_quotes:
                lines.append(f"- and {d.more_quotes} more")
            lines.append("")
    if brief.alerts:
        lines += ["## Alerts (tension beyond its trailing 28-day range)", ""]
        for a in brief.alerts:
            lines.append(f"- {a['day']} {a['dyad']}: {a['alert']} (tension "
                         f"{_fmt(a['tension'])}, baseline {_fmt(a['baseline'])})")
        lines.append("")
    return "\n".join(lines)


def to_html(brief: Brief) -> str:
    """The briefing as one self-contained HTML page (escaped; charts as data URIs)."""
    from ._web.templating import environment

    images = {k: "data:image/png;base64," + base64.b64encode(v).decode("ascii")
              for k, v in brief.charts.items()}
    return environment().get_template("brief.html").render(brief=brief, images=images,
                                                           fmt=_fmt)


def write_brief(brief: Brief, out: str | Path) -> dict[str, Path]:
    """Write ``brief.md`` (with chart PNGs beside it) and ``brief.html`` into ``out``."""
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    files: dict[str, Path] = {}
    chart_files = {}
    for name, data in brief.charts.items():
        p = folder / f"brief-{name}.png"
        p.write_bytes(data)
        chart_files[name] = p.name
        files[name] = p
    files["md"] = folder / "brief.md"
    files["md"].write_text(to_markdown(brief, chart_files), encoding="utf-8")
    files["html"] = folder / "brief.html"
    files["html"].write_text(to_html(brief), encoding="utf-8")
    return files
