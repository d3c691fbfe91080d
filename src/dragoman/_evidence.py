"""Read-only access to a dragoman store for trends, briefings and the dashboard.

Opens the SQLite store (see the store schema: ``articles``, ``events``, ``quotes``,
``actors``, ``mentions``) read-only, loads events as a pandas frame for
:mod:`dragoman._trends`, and turns ``(article_id, event_id)`` or ``(article_id,
quote_id)`` pairs back into citable records: the article's id, title and URL and the
sentence the record came from. Every query is parameterised.
"""
from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from pathlib import Path

import pandas as pd

from ._errors import StoreError
from ._store import open_store

_SAFE_SCHEMES = ("http://", "https://")


def connect(path: str | Path) -> sqlite3.Connection:
    """Open the store at ``path`` read-only (rows as :class:`sqlite3.Row`).

    Raises:
        StoreError: the file is missing, corrupt, or not a dragoman store.
    """
    conn = open_store(path, readonly=True).conn
    conn.execute("PRAGMA busy_timeout = 30000")
    conn.execute("PRAGMA query_only = 1")
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    missing = {"articles", "events", "quotes", "actors", "mentions"} - names
    if missing:
        conn.close()
        raise StoreError(f"{path}: not a dragoman store (no table "
                         f"{', '.join(sorted(missing))}); build one with `dragoman ingest`")
    return conn


def load_events(conn: sqlite3.Connection, start: str | None = None,
                end: str | None = None) -> pd.DataFrame:
    """Events with their article's ``published`` date, ``outlet`` and ``title``.

    ``start``/``end`` (ISO dates, inclusive) filter on the event's date, or the
    article's when the event has none. Near-duplicate articles are left out, so a
    wire story copied by ten sites counts once.
    """
    sql = ("SELECT e.*, a.published AS published, COALESCE(a.source, a.id) AS outlet, "
           "a.title AS title FROM events e JOIN articles a ON a.id = e.article_id "
           "WHERE a.duplicate_of IS NULL")
    args: list[str] = []
    day = "COALESCE(NULLIF(e.date, ''), a.published)"
    if start:
        sql += f" AND {day} >= ?"
        args.append(start)
    if end:
        sql += f" AND {day} <= ?"
        args.append(end)
    return pd.read_sql_query(sql, conn, params=args)


def safe_url(url: object) -> str | None:
    """The URL when it is http(s), else None (``javascript:`` and the like never link)."""
    if isinstance(url, str) and url.strip().lower().startswith(_SAFE_SCHEMES):
        return url.strip()
    return None


def _sentence(text: str, start: int | None, end: int | None, around: tuple[int, int]) -> str:
    """The sentence ``text[start:end]``; without offsets, the line around ``around``."""
    if start is not None and end is not None and 0 <= start < end <= len(text):
        return text[start:end].strip()
    a, b = around
    lo = text.rfind("\n", 0, max(a, 0)) + 1
    hi = text.find("\n", b)
    return text[lo:hi if hi >= 0 else len(text)].strip()


def _joined(conn: sqlite3.Connection, table: str, id_column: str,
            pairs: Iterable[tuple[str, str]]) -> Iterator[sqlite3.Row]:
    """The rows of ``table`` (events or quotes) for ``(article_id, record id)`` pairs,
    each with its article's title, url, date and text, in the order given; pairs not
    stored are skipped."""
    sql = (f"SELECT r.*, a.title, a.url, a.published, a.text AS article_text FROM {table} r "
           f"JOIN articles a ON a.id = r.article_id WHERE r.article_id = ? AND r.{id_column} = ?")
    for pair in pairs:
        row = conn.execute(sql, pair).fetchone()
        if row is not None:
            yield row


def cite_events(conn: sqlite3.Connection,
                pairs: Iterable[tuple[str, str]]) -> list[dict]:
    """Citable records for ``(article_id, event_id)`` pairs, in the order given."""
    out = []
    for row in _joined(conn, "events", "event_id", pairs):
        rec = {k: row[k] for k in row.keys() if k != "article_text"}
        rec["sentence"] = _sentence(row["article_text"], row["sentence_start"],
                                    row["sentence_end"],
                                    (row["trigger_start"] or 0, row["trigger_end"] or 0))
        rec["safe_url"] = safe_url(row["url"])
        out.append(rec)
    return out


def cite_quotes(conn: sqlite3.Connection,
                pairs: Iterable[tuple[str, str]]) -> list[dict]:
    """Citable records for ``(article_id, quote_id)`` pairs: the quote, its speaker, and
    the sentence(s) holding it."""
    out = []
    for row in _joined(conn, "quotes", "quote_id", pairs):
        rec = {k: row[k] for k in row.keys() if k != "article_text"}
        lo = min(v for v in (row["start"], row["cue_start"], row["speaker_start"])
                 if v is not None)
        hi = max(v for v in (row["end"], row["cue_end"], row["speaker_end"]) if v is not None)
        rec["sentence"] = _sentence(row["article_text"], None, None, (lo, hi))
        rec["safe_url"] = safe_url(row["url"])
        out.append(rec)
    return out


def dyad_quotes(conn: sqlite3.Connection, start: str | None = None,
                end: str | None = None) -> pd.DataFrame:
    """Quotes in which one actor speaks about another: the speaker's code and the code
    of each actor mentioned inside the quote (``article_id, quote_id, speaker_code,
    mentioned_code, published``)."""
    sql = ("SELECT DISTINCT q.article_id, q.quote_id, q.speaker_code, ac.code AS mentioned_code, "
           "a.published FROM quotes q JOIN articles a ON a.id = q.article_id "
           "JOIN mentions m ON m.article_id = q.article_id AND m.start >= q.start "
           "AND m.end <= q.end JOIN actors ac ON ac.article_id = m.article_id "
           "AND ac.actor_id = m.actor_id WHERE q.speaker_code IS NOT NULL "
           "AND ac.code IS NOT NULL AND a.duplicate_of IS NULL")
    args: list[str] = []
    if start:
        sql += " AND a.published >= ?"
        args.append(start)
    if end:
        sql += " AND a.published <= ?"
        args.append(end)
    return pd.read_sql_query(sql, conn, params=args)
