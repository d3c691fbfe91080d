"""What the dashboard shows, read from the store with parameterised SQL only.

Each function takes an open read-only connection and returns plain dicts and lists,
ready for the JSON API and the templates alike. Every record carries ``evidence``: the
dashboard path of the article and the anchor of the record in it.
"""
from __future__ import annotations

import math
import re
import sqlite3
import threading
from typing import Any
from urllib.parse import quote

import pandas as pd

from .. import _evidence as evidence, _trends as trends

#: Upper bounds the API enforces (also in the OpenAPI schema).
MAX_LIMIT = 200
MAX_QUERY = 200
MAX_DYADS = 10



def _page(conn: sqlite3.Connection, select: str, tables: str, where: list[str],
          args: list[Any], order: str, limit: int, offset: int) -> tuple[int, list[sqlite3.Row]]:
    """The count of the rows of ``tables`` matching every condition of ``where``, and
    one page of them (``select`` columns, in ``order``)."""
    cond = " AND ".join(where)
    total = conn.execute(f"SELECT count(*) FROM {tables} WHERE {cond}", args).fetchone()[0]
    rows = conn.execute(f"SELECT {select} FROM {tables} WHERE {cond} ORDER BY {order} "
                        "LIMIT ? OFFSET ?", [*args, limit, offset]).fetchall()
    return total, rows

def article_path(article_id: str, anchor: str | None = None) -> str:
    """The dashboard path of an article (and of a record in it)."""
    path = "/articles/" + quote(article_id, safe="")
    return f"{path}#{quote(anchor, safe='')}" if anchor else path


def _clean(value: object) -> object:
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


def _row(row: sqlite3.Row, drop: tuple[str, ...] = ()) -> dict:
    return {k: _clean(row[k]) for k in row.keys() if k not in drop}


# -- results cached per store state ----------------------------------------------------

_lock = threading.Condition()
_latest: dict[tuple, tuple[tuple, object]] = {}   # (db, name, args) -> (state, value)
_computing: set[tuple] = set()
_CACHE_SIZE = 256


def state(conn: sqlite3.Connection) -> tuple:
    """A key naming the store file and changing whenever an ingest adds or re-analyses
    an article (rows are replaced, never updated in place, so max rowids grow)."""
    return tuple(conn.execute(
        "SELECT (SELECT file FROM pragma_database_list WHERE name = 'main'), "
        "(SELECT max(rowid) FROM events), (SELECT max(rowid) FROM articles), "
        "(SELECT max(rowid) FROM quotes)").fetchone())


def cached(conn: sqlite3.Connection, db: str, name: str, args: tuple, compute):
    """``compute()`` for the store's current state, computed by one thread at a time.

    While one request recomputes a result after the store changed (an ingest is
    writing), the others get the previous result at once instead of all recomputing it:
    under write load the trend pages lag by one computation, never pile up. Results are
    shared: callers must not modify them.
    """
    key, now = (db, name, args), state(conn)
    with _lock:
        while True:
            hit = _latest.get(key)
            if hit is not None and (hit[0] == now or key in _computing):
                return hit[1]
            if key not in _computing:
                _computing.add(key)
                break
            _lock.wait(timeout=1.0)  # first computation of this key: wait for it
    try:
        value = compute()
    except BaseException:
        with _lock:
            _computing.discard(key)
            _lock.notify_all()
        raise
    with _lock:
        if len(_latest) >= _CACHE_SIZE:
            _latest.clear()
        _latest[key] = (now, value)
        _computing.discard(key)
        _lock.notify_all()
    return value


def events_frame(conn: sqlite3.Connection, db: str) -> pd.DataFrame:
    """All events with their article's date and outlet (cached until the store changes)."""
    return cached(conn, db, "events", (), lambda: evidence.load_events(conn))


# -- overview and series ---------------------------------------------------------------

def parse_dyad(value: str) -> str:
    """``RUS-USA``, ``usa–rus`` or ``USA→RUS`` as the unordered dyad name (``RUS–USA``).

    Raises:
        ValueError: not two actor codes joined by a dash.
    """
    parts = re.split(r"\s*(?:–|-|→|->)\s*", value.strip().upper())
    if len(parts) != 2 or not all(re.fullmatch(r"[A-Z]{2,12}", p) for p in parts) \
            or parts[0] == parts[1]:
        raise ValueError(f"dyad must be two different actor codes joined by a dash "
                         f"(e.g. RUS-USA), not {value!r}")
    return trends.dyad_name(parts[0], parts[1], ordered=False)


def overview(conn: sqlite3.Connection, db: str, top: int = 10) -> dict:
    """Store totals and the busiest unordered dyads with their tension and last alert."""
    return cached(conn, db, "overview", (top,), lambda: _overview(conn, db, top))


def _overview(conn: sqlite3.Connection, db: str, top: int) -> dict:
    counts = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]  # fixed names
              for t in ("articles", "events", "quotes", "actors")}
    df = events_frame(conn, db)
    dyads = []
    if len(df):
        ev = trends.dyad_events(df)
        if len(ev):
            alerts = cached(conn, db, "alerts", ("D",), lambda: _alerts(conn, db, "D"))
            last = alerts[alerts["alert"].notna()].groupby("dyad").tail(1).set_index("dyad")
            for name, d in sorted(ev.groupby("dyad"), key=lambda x: (-len(x[1]), x[0]))[:top]:
                alert = last.loc[name] if name in last.index else None
                dyads.append({
                    "dyad": name, "n": len(d),
                    "tension": trends.tension(d["goldstein"].sum(), len(d)),
                    "goldstein_mean": float(d["goldstein"].mean()),
                    "conflict_share": float((d["quad_class"] >= 3).mean()),
                    "first": d["day"].min().date().isoformat(),
                    "last": d["day"].max().date().isoformat(),
                    "alert": None if alert is None else {
                        "day": alert["period"].date().isoformat(), "alert": alert["alert"],
                        "z": float(alert["z"])},
                })
    return {"counts": counts, "dyads": dyads}


def series(conn: sqlite3.Connection, db: str, dyads: list[str], freq: str = "D",
           start: str | None = None, end: str | None = None) -> dict:
    """Tension series for the given unordered dyads, every point with its evidence;
    ``start``/``end`` (ISO dates) keep the periods in that range."""
    return cached(conn, db, "series", (tuple(dyads), freq, start, end),
                  lambda: _series(conn, db, dyads, freq, start, end))


def _series(conn: sqlite3.Connection, db: str, dyads: list[str], freq: str,
            start: str | None, end: str | None) -> dict:
    out: dict[str, list[dict]] = {d: [] for d in dyads}
    every = cached(conn, db, "alerts", (freq,), lambda: _alerts(conn, db, freq))
    if len(every):
        s = every
        s = s[s["dyad"].isin(dyads) & (s["n"] > 0)]
        if start:
            s = s[s["period"] >= pd.Timestamp(start)]
        if end:
            s = s[s["period"] <= pd.Timestamp(end)]
        for r in s.itertuples():
            out[r.dyad].append({
                "period": r.period.date().isoformat(), "n": int(r.n),
                "q1": int(r.q1), "q2": int(r.q2), "q3": int(r.q3), "q4": int(r.q4),
                "goldstein_sum": float(r.goldstein_sum),
                "goldstein_mean": _clean(float(r.goldstein_mean)),
                "conflict_share": _clean(float(r.conflict_share)),
                "n_sources": int(r.n_sources), "tension": _clean(float(r.tension)),
                "alert": r.alert, "z": _clean(float(r.z)),
                "events": [{"article_id": a, "event_id": e, "evidence": article_path(a, e)}
                           for a, e in r.events],
                "quotes": [{"article_id": a, "quote_id": q, "evidence": article_path(a, q)}
                           for a, q in r.quotes],
            })
    return {"freq": freq, "start": start, "end": end, "series": out}


def _alerts(conn: sqlite3.Connection, db: str, freq: str) -> pd.DataFrame:
    df = events_frame(conn, db)
    return trends.detect_changes(trends.dyad_series(df, freq=freq)) if len(df) else pd.DataFrame()


# -- events ------------------------------------------------------------------------------

def _codes_for(conn: sqlite3.Connection, key: str) -> list[str]:
    """Every stored actor code that belongs to actor ``key`` (``RUS``: RUS, RUSGOV...)."""
    return cached(conn, "", "codes", (key,), lambda: _codes(conn, key))  # state names the file


def _codes(conn: sqlite3.Connection, key: str) -> list[str]:
    codes = set()
    for (c,) in conn.execute("SELECT DISTINCT source_code FROM events UNION "
                             "SELECT DISTINCT target_code FROM events UNION "
                             "SELECT DISTINCT code FROM actors UNION "
                             "SELECT DISTINCT speaker_code FROM quotes"):
        if trends.actor_key(c) == key:
            codes.add(c)
    return sorted(codes)


def events(conn: sqlite3.Connection, *, actor: str | None = None, dyad: str | None = None,
           type_: str | None = None, quad: int | None = None, start: str | None = None,
           end: str | None = None, factual: bool = True, article: str | None = None,
           limit: int = 50, offset: int = 0) -> dict:
    """Events, newest first, with filters; each with its sentence and evidence path."""
    where: list[str] = ["a.duplicate_of IS NULL"]
    args: list[str | int] = []
    day = "COALESCE(NULLIF(e.date, ''), a.published)"
    if actor:
        codes = _codes_for(conn, actor) or [actor]
        marks = ",".join("?" * len(codes))
        where.append(f"(e.source_code IN ({marks}) OR e.target_code IN ({marks}))")
        args += codes + codes
    if dyad:
        a, b = dyad.split("–")
        ca, cb = _codes_for(conn, a) or [a], _codes_for(conn, b) or [b]
        ma, mb = ",".join("?" * len(ca)), ",".join("?" * len(cb))
        where.append(f"((e.source_code IN ({ma}) AND e.target_code IN ({mb})) OR "
                     f"(e.source_code IN ({mb}) AND e.target_code IN ({ma})))")
        args += ca + cb + cb + ca
    if type_:
        where.append("e.type = ?")
        args.append(type_)
    if quad:
        where.append("e.quad_class = ?")
        args.append(quad)
    if start:
        where.append(f"{day} >= ?")
        args.append(start)
    if end:
        where.append(f"{day} <= ?")
        args.append(end)
    if factual:
        where.append("COALESCE(e.negated, 0) = 0 AND COALESCE(e.hypothetical, 0) = 0")
    if article:
        where.append("e.article_id = ?")
        args.append(article)
    total, rows = _page(
        conn, f"e.*, {day} AS day, a.title, a.url, "
        "substr(a.text, e.sentence_start + 1, e.sentence_end - e.sentence_start) AS sentence",
        "events e JOIN articles a ON a.id = e.article_id", where, args,
        "day DESC, e.article_id, CAST(substr(e.event_id, 2) AS INTEGER)", limit, offset)
    items = []
    for r in rows:
        d = _row(r)
        d["evidence"] = article_path(r["article_id"], r["event_id"])
        d["safe_url"] = evidence.safe_url(r["url"])
        items.append(d)
    types = [t for (t,) in conn.execute("SELECT DISTINCT type FROM events WHERE type IS NOT NULL "
                                        "ORDER BY type")]
    return {"total": total, "limit": limit, "offset": offset, "items": items, "types": types}


# -- network -----------------------------------------------------------------------------

def network(conn: sqlite3.Connection, db: str, *, start: str | None = None,
            end: str | None = None, min_events: int = 1) -> dict:
    """Actors as nodes (on a circle, busiest first) and unordered dyads as edges, with the
    event count, mean Goldstein and counts per event type of each edge."""
    return cached(conn, db, "network", (start, end, min_events),
                  lambda: _network(conn, db, start, end, min_events))


def _network(conn: sqlite3.Connection, db: str, start: str | None, end: str | None,
             min_events: int) -> dict:
    df = events_frame(conn, db)
    nodes: list[dict] = []
    edges: list[dict] = []
    if len(df):
        ev = trends.dyad_events(df)
        if start:
            ev = ev[ev["day"] >= pd.Timestamp(start)]
        if end:
            ev = ev[ev["day"] <= pd.Timestamp(end)]
        for name, d in ev.groupby("dyad"):
            if len(d) < min_events:
                continue
            a, b = name.split("–")
            edges.append({"dyad": name, "source": a, "target": b, "n": len(d),
                          "goldstein_mean": float(d["goldstein"].mean()),
                          "tension": trends.tension(d["goldstein"].sum(), len(d)),
                          "types": {str(k): int(v) for k, v in d["type"].value_counts().items()},
                          "events": f"/events?dyad={quote(name)}"})
        degree: dict[str, int] = {}
        for e in edges:
            for k in (e["source"], e["target"]):
                degree[k] = degree.get(k, 0) + e["n"]
        ranked = sorted(degree, key=lambda k: (-degree[k], k))
        for i, k in enumerate(ranked):
            angle = 2 * math.pi * i / max(len(ranked), 1)
            nodes.append({"id": k, "events": degree[k], "x": round(math.cos(angle), 4),
                          "y": round(math.sin(angle), 4), "page": f"/actors/{quote(k)}"})
        edges.sort(key=lambda e: (-e["n"], e["dyad"]))
    return {"nodes": nodes, "edges": edges}


# -- quotes ------------------------------------------------------------------------------

def fts_query(text: str, column: str) -> str:
    """User words as an FTS5 query on one column: each word a quoted term (no FTS syntax
    reaches SQLite, so no input can make the query fail)."""
    words = re.findall(r"\w+", text)
    return " AND ".join(f'{column} : "{w}"' for w in words)


def quotes(conn: sqlite3.Connection, *, q: str | None = None, speaker: str | None = None,
           actor: str | None = None, article: str | None = None, limit: int = 50,
           offset: int = 0) -> dict:
    """Quotes matching words of the text and of the speaker's name (FTS5), newest first."""
    match = " AND ".join(m for m in (fts_query(q or "", "text"),
                                     fts_query(speaker or "", "speaker_name")) if m)
    where, args = ["a.duplicate_of IS NULL"], []
    if match:
        where.append("qt.rowid IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?)")
        args.append(match)
    elif q or speaker:  # only punctuation: nothing can match
        return {"total": 0, "limit": limit, "offset": offset, "items": []}
    if actor:
        codes = _codes_for(conn, actor) or [actor]
        where.append(f"qt.speaker_code IN ({','.join('?' * len(codes))})")
        args += codes
    if article:
        where.append("qt.article_id = ?")
        args.append(article)
    total, rows = _page(
        conn, "qt.*, a.title, a.url, a.published",
        "quotes qt JOIN articles a ON a.id = qt.article_id", where, args,
        "a.published DESC, qt.article_id, CAST(substr(qt.quote_id, 2) AS INTEGER)",
        limit, offset)
    items = []
    for r in rows:
        d = _row(r)
        d["evidence"] = article_path(r["article_id"], r["quote_id"])
        key = trends.actor_key(r["speaker_code"])
        d["speaker_page"] = f"/actors/{quote(key)}" if key else None
        d["safe_url"] = evidence.safe_url(r["url"])
        items.append(d)
    return {"total": total, "limit": limit, "offset": offset, "items": items}


# -- actors ------------------------------------------------------------------------------

def actors_index(conn: sqlite3.Connection) -> list[dict]:
    """Every actor key with the names stored under it and its number of mentions."""
    by: dict[str, dict] = {}
    for r in conn.execute("SELECT code, name, count(*) AS n FROM actors WHERE code IS NOT NULL "
                          "GROUP BY code, name ORDER BY n DESC"):
        key = trends.actor_key(r["code"])
        if key is None:
            continue
        a = by.setdefault(key, {"actor": key, "n": 0, "names": [], "page": f"/actors/{quote(key)}"})
        a["n"] += r["n"]
        if len(a["names"]) < 5:
            a["names"].append(r["name"])
    return sorted(by.values(), key=lambda a: (-a["n"], a["actor"]))


def actor(conn: sqlite3.Connection, key: str, limit: int = 50) -> dict | None:
    """One actor: the people and bodies stored under it with their titles, their quotes
    and the events where it is source or target. None when nothing is stored."""
    codes = _codes_for(conn, key)
    if not codes:
        return None
    marks = ",".join("?" * len(codes))
    names = [_row(r) for r in conn.execute(
        f"SELECT name, kind, code, title, count(DISTINCT article_id) AS articles FROM actors "
        f"WHERE code IN ({marks}) GROUP BY name, kind, code, title "
        f"ORDER BY articles DESC, name LIMIT ?", codes + [limit])]
    return {"actor": key, "codes": codes, "names": names,
            "quotes": quotes(conn, actor=key, limit=limit),
            "events": events(conn, actor=key, limit=limit, factual=False)}


# -- articles ----------------------------------------------------------------------------

def articles(conn: sqlite3.Connection, *, q: str | None = None, limit: int = 50,
             offset: int = 0) -> dict:
    """Stored articles, newest first, optionally matching words of title or text."""
    match = fts_query(q or "", "{title text}")
    where, args = ["1"], []
    if match:
        where.append("a.rowid IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)")
        args.append(match)
    elif q:
        return {"total": 0, "limit": limit, "offset": offset, "items": []}
    total, rows = _page(
        conn, "a.id, a.title, a.published, a.source, a.url, a.duplicate_of, "
        "(SELECT count(*) FROM events e WHERE e.article_id = a.id) AS events, "
        "(SELECT count(*) FROM quotes x WHERE x.article_id = a.id) AS quotes",
        "articles a", where, args, "a.published DESC, a.id", limit, offset)
    items = []
    for r in rows:
        d = _row(r)
        d["page"] = article_path(r["id"])
        d["safe_url"] = evidence.safe_url(r["url"])
        items.append(d)
    return {"total": total, "limit": limit, "offset": offset, "items": items}


def article(conn: sqlite3.Connection, article_id: str) -> dict | None:
    """One article with its text and every record on it; None when it is not stored."""
    row = conn.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()
    if row is None:
        return None
    out = _row(row, drop=("text_hash",))
    out["safe_url"] = evidence.safe_url(row["url"])
    actors_ = [_row(r) for r in conn.execute(
        "SELECT * FROM actors WHERE article_id = ? ORDER BY CAST(substr(actor_id, 2) AS INTEGER)",
        (article_id,))]
    mentions = _spans_by(conn, "mentions", "actor_id", article_id)
    for a in actors_:
        a["mentions"] = mentions.get(a["actor_id"], [])
        key = trends.actor_key(a["code"])
        a["page"] = f"/actors/{quote(key)}" if key else None
    out["actors"] = actors_
    out["quotes"] = [dict(_row(r), evidence=article_path(article_id, r["quote_id"]))
                     for r in conn.execute(
        "SELECT * FROM quotes WHERE article_id = ? ORDER BY start", (article_id,))]
    again = _spans_by(conn, "event_mentions", "event_id", article_id)
    out["events"] = [dict(_row(r), evidence=article_path(article_id, r["event_id"]),
                          mentions=again.get(r["event_id"], []))
                     for r in conn.execute(
        "SELECT * FROM events WHERE article_id = ? ORDER BY trigger_start", (article_id,))]
    return out


def _spans_by(conn: sqlite3.Connection, table: str, key: str,
              article_id: str) -> dict[str, list[dict]]:
    """The spans of an article's rows in ``table`` (actor mentions, event re-mentions)
    by the record they belong to (``key``), in text order."""
    out: dict[str, list[dict]] = {}
    for r in conn.execute(f"SELECT {key}, start, end, text FROM {table} WHERE article_id = ? "
                          "ORDER BY start", (article_id,)):
        out.setdefault(r[key], []).append({"start": r["start"], "end": r["end"], "text": r["text"]})
    return out
