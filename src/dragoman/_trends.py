"""Trends over stored events: series per actor and per dyad, a tension index, alerts.

Pure pandas functions over a DataFrame with the store's ``events`` columns (see
``STORE_SCHEMA``): at least ``article_id, event_id, goldstein, quad_class, source_code,
target_code, date, negated, hypothetical``; optionally ``published`` (the article's
date, used when an event has none), ``outlet`` (the article's source, for counting
sources) and ``quote_id``. Nothing here touches the database; :mod:`dragoman._evidence`
loads the frames.

The tension index of a group of events (one dyad, one day or week) is

    tension = -(sum of Goldstein scores) / (n + K)        K = 1

so it lives on the Goldstein scale turned round: positive is hostile (threats, attacks,
accusations), negative is cooperative (meetings, agreements, aid); one event of -10
gives 5.0, ten give 9.1. K shrinks small samples towards 0, so a lone event moves the
index less than a sustained run. docs/trends.md explains the choice.

Every row of a series carries ``events`` (``[(article_id, event_id), ...]``) and
``quotes`` (``[(article_id, quote_id), ...]``): the evidence behind that point.
"""
from __future__ import annotations

import csv
import functools
import re
from importlib import resources

import numpy as np
import pandas as pd

#: Shrinkage constant of the tension index (events of weight 0 added to every group).
K = 1.0
#: Frequencies the series accept: daily and weekly (weeks start on Monday).
FREQS = {"D": "D", "W": "W-SUN", "day": "D", "week": "W-SUN"}
REQUIRED = ("article_id", "event_id", "goldstein", "quad_class", "source_code",
            "target_code", "date", "negated", "hypothetical")
_CODE = re.compile(r"[A-Z][A-Z0-9]{1,14}")
SERIES_COLUMNS = ["n", "q1", "q2", "q3", "q4", "goldstein_sum", "goldstein_mean",
                  "conflict_share", "n_sources", "tension", "events", "quotes"]


@functools.cache
def _states() -> frozenset[str]:
    base = resources.files("dragoman") / "data" / "actors" / "states.tsv"
    with base.open(encoding="utf-8") as f:
        return frozenset(r["code"] for r in csv.DictReader(f, delimiter="\t"))


def actor_key(code: object) -> str | None:
    """The actor a code belongs to in trends: the state for state codes, else the code.

    ``RUSGOV``, ``RUSMIL`` and ``RUS`` are all ``RUS``; ``NATO``, ``EU``, ``UN`` and
    other organisation codes stay whole. Empty or missing codes, and strings that are
    not codes (letters and digits, 2 to 15), give None.

    >>> actor_key("USAGOV"), actor_key("NATO"), actor_key(None)
    ('USA', 'NATO', None)
    """
    if not isinstance(code, str) or not _CODE.fullmatch(code.strip().upper()):
        return None  # not an actor code (empty, or text that is no code at all)
    code = code.strip().upper()
    return code[:3] if len(code) >= 3 and code[:3] in _states() else code


def dyad_name(a: str, b: str, *, ordered: bool) -> str:
    """``USA→RUS`` for an ordered dyad, ``RUS–USA`` (sorted) for an unordered one."""
    if ordered:
        return f"{a}→{b}"
    a, b = sorted((a, b))
    return f"{a}–{b}"


def tension(goldstein_sum: float, n: int, k: float = K) -> float:
    """The tension index of ``n`` events whose Goldstein scores sum to ``goldstein_sum``."""
    return float(-goldstein_sum / (n + k)) if n else float("nan")


def prepare(events: pd.DataFrame, *, factual_only: bool = True) -> pd.DataFrame:
    """Check the columns, keep factual events, and add ``day``, ``src``, ``tgt``, ``outlet``.

    Args:
        events: rows of the store's ``events`` table (plus optional ``published``,
            ``outlet``).
        factual_only: drop negated and hypothetical events (the default: a threat that
            was denied or a meeting that might happen is not a fact about the dyad).

    Raises:
        ValueError: a required column is missing.
    """
    missing = [c for c in REQUIRED if c not in events.columns]
    if missing:
        raise ValueError(f"events frame lacks column(s) {', '.join(missing)}; "
                         "it needs the store's events columns")
    df = events.copy()
    if factual_only:
        df = df[(df["negated"].fillna(0).astype(int) == 0)
                & (df["hypothetical"].fillna(0).astype(int) == 0)]
    date = df["date"]
    if "published" in df.columns:
        date = date.where(date.notna() & (date.astype(str) != ""), df["published"])
    df["day"] = pd.to_datetime(date, errors="coerce", format="ISO8601").dt.normalize()
    df = df[df["day"].notna() & df["goldstein"].notna()]
    df["src"] = df["source_code"].map(actor_key)
    df["tgt"] = df["target_code"].map(actor_key)
    outlet = df["outlet"] if "outlet" in df.columns else pd.Series(None, index=df.index)
    df["outlet"] = outlet.where(outlet.notna(), df["article_id"])
    if "quote_id" not in df.columns:
        df["quote_id"] = None
    df["quad_class"] = pd.to_numeric(df["quad_class"], errors="coerce")
    df["goldstein"] = df["goldstein"].astype(float)
    return df


def _aggregate(df: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """One row per group of ``keys``: counts by quad class, Goldstein, tension, evidence."""
    if df.empty:
        return pd.DataFrame(columns=keys + SERIES_COLUMNS)
    g = df.groupby(keys, sort=True)
    out = g.agg(n=("event_id", "size"), goldstein_sum=("goldstein", "sum"),
                goldstein_mean=("goldstein", "mean"), n_sources=("outlet", "nunique"))
    for q in (1, 2, 3, 4):
        out[f"q{q}"] = g["quad_class"].apply(lambda s, q=q: int((s == q).sum()))
    out["conflict_share"] = (out["q3"] + out["q4"]) / out["n"]
    out["tension"] = -out["goldstein_sum"] / (out["n"] + K)
    out["events"] = g.apply(lambda x: list(zip(x["article_id"], x["event_id"])),
                            include_groups=False)
    out["quotes"] = g.apply(
        lambda x: sorted({(a, q) for a, q in zip(x["article_id"], x["quote_id"])
                          if isinstance(q, str) and q}), include_groups=False)
    return out.reset_index()[keys + SERIES_COLUMNS]


def _period(df: pd.DataFrame, freq: str) -> pd.Series:
    try:
        rule = FREQS[freq]
    except KeyError:
        raise ValueError(f"freq must be one of {sorted(FREQS)}, not {freq!r}") from None
    if rule == "D":
        return df["day"]
    return df["day"].dt.to_period(rule).dt.start_time


def dyad_events(events: pd.DataFrame, *, ordered: bool = False,
                factual_only: bool = True, actors: list[str] | None = None) -> pd.DataFrame:
    """Prepared events that have a source and target of different actors, with ``dyad``.

    Args:
        ordered: keep who did what to whom (``USA→RUS`` differs from ``RUS→USA``).
        actors: keep only dyads whose both sides are among these actor keys.
    """
    df = prepare(events, factual_only=factual_only)
    df = df[df["src"].notna() & df["tgt"].notna() & (df["src"] != df["tgt"])]
    if actors:
        wanted = {actor_key(a) for a in actors}
        df = df[df["src"].isin(wanted) & df["tgt"].isin(wanted)]
    df = df.copy()
    df["dyad"] = [dyad_name(a, b, ordered=ordered) for a, b in zip(df["src"], df["tgt"])]
    return df


def dyad_series(events: pd.DataFrame, *, freq: str = "D", ordered: bool = False,
                factual_only: bool = True, actors: list[str] | None = None,
                fill: bool = False) -> pd.DataFrame:
    """Per dyad and period: counts by quad class, Goldstein sum/mean, conflict share,
    number of sources, tension, and the events and quotes behind each point.

    Args:
        freq: ``"D"`` (daily) or ``"W"`` (weekly, periods start on Monday).
        ordered: ordered dyads (``USA→RUS``) instead of unordered ones (``RUS–USA``).
        actors: keep only dyads between these actors (keys such as ``USA``, ``NATO``).
        fill: add the periods with no events between a dyad's first and last period
            (``n`` 0, tension NaN), so a series is regular for plotting or baselines.

    Returns:
        Columns ``dyad, period`` and :data:`SERIES_COLUMNS`, sorted by dyad and period.
    """
    df = dyad_events(events, ordered=ordered, factual_only=factual_only, actors=actors)
    df["period"] = _period(df, freq)
    out = _aggregate(df, ["dyad", "period"])
    return _fill(out, "dyad", freq) if fill else out


def actor_series(events: pd.DataFrame, *, freq: str = "D", factual_only: bool = True,
                 actors: list[str] | None = None, fill: bool = False) -> pd.DataFrame:
    """Per actor and period, the same columns as :func:`dyad_series`, over the events
    where the actor is the source or the target (once when it is both)."""
    df = prepare(events, factual_only=factual_only)
    df["period"] = _period(df, freq)
    as_src = df[df["src"].notna()].assign(actor=lambda x: x["src"])
    as_tgt = df[df["tgt"].notna() & (df["tgt"] != df["src"])].assign(actor=lambda x: x["tgt"])
    both = pd.concat([as_src, as_tgt], ignore_index=True)
    if actors:
        both = both[both["actor"].isin({actor_key(a) for a in actors})]
    out = _aggregate(both, ["actor", "period"])
    return _fill(out, "actor", freq) if fill else out


def _fill(series: pd.DataFrame, key: str, freq: str) -> pd.DataFrame:
    if series.empty:
        return series
    step = "D" if FREQS[freq] == "D" else "7D"
    parts = []
    for name, s in series.groupby(key, sort=True):
        idx = pd.date_range(s["period"].min(), s["period"].max(), freq=step)
        s = s.set_index("period").reindex(idx)
        s.index.name = "period"
        s[key] = name
        for c in ("n", "q1", "q2", "q3", "q4", "n_sources"):
            s[c] = s[c].fillna(0).astype(int)
        s["goldstein_sum"] = s["goldstein_sum"].fillna(0.0)
        for c in ("events", "quotes"):
            s[c] = [v if isinstance(v, list) else [] for v in s[c]]
        parts.append(s.reset_index())
    return pd.concat(parts, ignore_index=True)[[key, "period"] + SERIES_COLUMNS]


def detect_changes(series: pd.DataFrame, *, key: str = "dyad", window: int = 28,
                   min_periods: int = 3, threshold: float = 2.5,
                   min_sigma: float = 1.0) -> pd.DataFrame:
    """Flag points whose tension left the dyad's (or actor's) usual range.

    For each point, the baseline is the mean and standard deviation of the tension over
    the ``window`` periods before it (points with no events do not count; at least
    ``min_periods`` must have some). ``z = (tension - mean) / max(std, min_sigma)``; the
    floor keeps a quiet series from flagging a move of less than ``min_sigma`` points.
    ``alert`` is ``"worse"`` when ``z >= threshold``, ``"better"`` when
    ``z <= -threshold``, else None.

    Args:
        series: the output of :func:`dyad_series` or :func:`actor_series`; filled or not
            (it is filled here so that ``window`` counts periods, not events).
        key: ``"dyad"`` or ``"actor"``.

    Returns:
        The filled series with ``baseline_mean``, ``baseline_std``, ``z`` and ``alert``.
    """
    if series.empty:
        return series.assign(baseline_mean=[], baseline_std=[], z=[], alert=[])
    periods = series["period"].sort_values().unique()
    weekly = len(periods) > 1 and (pd.Series(periods).diff().dropna() >= pd.Timedelta(days=7)).all()
    filled = _fill(series, key, "W" if weekly else "D")
    parts = []
    for _, s in filled.groupby(key, sort=True):
        s = s.sort_values("period").copy()
        past = s["tension"].shift(1).rolling(window, min_periods=min_periods)
        s["baseline_mean"] = past.mean()
        s["baseline_std"] = past.std(ddof=0)
        s["z"] = (s["tension"] - s["baseline_mean"]) / np.maximum(
            s["baseline_std"].fillna(0.0), min_sigma)
        s["alert"] = [("worse" if z >= threshold else "better" if z <= -threshold else None)
                      if pd.notna(z) else None for z in s["z"]]
        parts.append(s)
    return pd.concat(parts, ignore_index=True)


def compare_windows(events: pd.DataFrame, start: str, end: str, *, ordered: bool = False,
                    actors: list[str] | None = None, factual_only: bool = True,
                    min_change: float = 0.5) -> pd.DataFrame:
    """Better or worse: each dyad's tension in ``[start, end]`` against the period before.

    The comparison period is the same number of days just before ``start``. When a dyad
    had no events then, its events in the window are split at the midpoint between its
    first and last day, and the later days are compared with the earlier ones (``basis``
    says which; ``now_tension`` and ``before_tension`` are then those of the two parts). ``direction`` is ``"worse"`` when tension rose
    by at least ``min_change``, ``"better"`` when it fell by that much, ``"steady"``
    otherwise, and ``"new"`` when there is nothing to compare with.

    Returns:
        One row per dyad with events in the window, busiest first: ``dyad, n, tension,
        before_n, before_tension, change, direction, basis, events`` (the window's events
        as ``(article_id, event_id)``), ``quotes``.
    """
    df = dyad_events(events, ordered=ordered, factual_only=factual_only, actors=actors)
    t0, t1 = pd.Timestamp(start), pd.Timestamp(end)
    if t1 < t0:
        raise ValueError(f"the window ends ({end}) before it starts ({start})")
    span = t1 - t0 + pd.Timedelta(days=1)
    now = df[(df["day"] >= t0) & (df["day"] <= t1)]
    before = df[(df["day"] >= t0 - span) & (df["day"] < t0)]
    rows = []
    for dyad, d in now.groupby("dyad", sort=True):
        b = before[before["dyad"] == dyad]
        basis = "previous period"
        if b.empty:
            # nothing before: the dyad's later days against its earlier days
            mid = d["day"].min() + (d["day"].max() - d["day"].min()) / 2
            first, second = d[d["day"] <= mid], d[d["day"] > mid]
            if not first.empty and not second.empty:
                b, cur, basis = first, second, "later days vs earlier days"
            else:
                cur, basis = d, "none"
        else:
            cur = d
        level = tension(cur["goldstein"].sum(), len(cur))
        prior = tension(b["goldstein"].sum(), len(b)) if basis != "none" else float("nan")
        change = level - prior if basis != "none" else float("nan")
        direction = ("new" if basis == "none" else "worse" if change >= min_change
                     else "better" if change <= -min_change else "steady")
        rows.append({
            "dyad": dyad, "n": len(d), "tension": tension(d["goldstein"].sum(), len(d)),
            "before_n": len(b) if basis != "none" else 0,
            "before_tension": prior, "now_tension": level, "change": change,
            "direction": direction, "basis": basis,
            "events": list(zip(d["article_id"], d["event_id"])),
            "quotes": sorted({(a, q) for a, q in zip(d["article_id"], d["quote_id"])
                              if isinstance(q, str) and q}),
        })
    out = pd.DataFrame(rows, columns=["dyad", "n", "tension", "before_n", "before_tension",
                                      "now_tension", "change", "direction", "basis",
                                      "events", "quotes"])
    return out.sort_values(["n", "dyad"], ascending=[False, True], ignore_index=True)
