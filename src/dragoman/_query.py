"""Questions to a store: corpus events, quotes and actors, filtered, with their evidence.

Each ``*_rows`` function returns plain dicts (what the CLI prints); ``events``,
``quotes`` and ``actors`` return the same as a pandas DataFrame. Every row carries
its evidence: the article id, its URL and the sentence (or quote) offsets.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ._errors import DragomanError
from ._merge import SYMMETRIC
from ._readers import check_date


@dataclass
class Filters:
    """What the query commands filter on (every field optional)."""

    actor: str | None = None  # an actor code (RUS, RUSGOV, NATO) or part of a name
    dyad: str | None = None  # SOURCE-TARGET codes, e.g. RUS-UKR
    type: tuple[str, ...] = ()  # PLOVER types
    quad_class: tuple[int, ...] = ()
    since: str | None = None  # first date, inclusive
    until: str | None = None  # last date, inclusive
    speaker: str | None = None  # quotes: part of the speaker's name, or a code
    search: str | None = None  # FTS5 query over article text (events) or quotes
    include_hypothetical: bool = False  # include negated and hypothetical events
    mentions: bool = False  # events: one row per article record, not per corpus event
    limit: int | None = None

    @classmethod
    def of(cls, **kwargs: Any) -> Filters:
        unknown = set(kwargs) - set(cls.__dataclass_fields__)
        if unknown:
            raise DragomanError(f"unknown filter(s): {', '.join(sorted(unknown))}; use "
                                f"{', '.join(cls.__dataclass_fields__)}")
        f = cls(**kwargs)
        if isinstance(f.type, str):
            f.type = (f.type,)
        if isinstance(f.quad_class, int):
            f.quad_class = (f.quad_class,)
        f.type = tuple(t.upper() for t in f.type)
        f.since = check_date(f.since, "since")
        f.until = check_date(f.until, "until")
        return f


class _Where:
    """WHERE clauses and their parameters."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.params: list[Any] = []

    def add(self, sql: str, *params: Any) -> None:
        self.parts.append(sql)
        self.params.extend(params)

    def sql(self) -> str:
        return (" WHERE " + " AND ".join(self.parts)) if self.parts else ""


def _code_like(column: str, code: str) -> tuple[str, list[str]]:
    return f"({column} = ? OR {column} LIKE ?)", [code.upper(), code.upper() + "%"]


def _dyad(where: _Where, dyad: str, src: str, tgt: str, type_col: str) -> None:
    try:
        a, b = (x.strip().upper() for x in dyad.split("-"))
    except ValueError:
        raise DragomanError(f"--dyad: expected SOURCE-TARGET codes such as RUS-UKR, "
                            f"found {dyad!r}") from None
    sym = ",".join(f"'{t}'" for t in sorted(SYMMETRIC))
    where.add(f"(({src} LIKE ? AND {tgt} LIKE ?) OR ({type_col} IN ({sym}) AND "
              f"{src} LIKE ? AND {tgt} LIKE ?))", a + "%", b + "%", b + "%", a + "%")


def _common(where: _Where, f: Filters, *, src: str, tgt: str, date: str,
            type_col: str, factual: str) -> None:
    if f.actor:
        s_sql, s_p = _code_like(src, f.actor)
        t_sql, t_p = _code_like(tgt, f.actor)
        where.add(f"({s_sql} OR {t_sql})", *s_p, *t_p)
    if f.dyad:
        _dyad(where, f.dyad, src, tgt, type_col)
    if f.type:
        where.add(f"{type_col} IN ({','.join('?' * len(f.type))})", *f.type)
    if f.quad_class:
        where.add(f"{type_col.split('.')[0]}.quad_class IN ({','.join('?' * len(f.quad_class))})", *f.quad_class)
    _period(where, f, date)
    if not f.include_hypothetical:
        where.add(factual)


def _period(where: _Where, f: Filters, date: str, search: str | None = None) -> None:
    """The since/until filters on column ``date``, and ``search`` (a condition with one
    placeholder for the full-text query) when the filters hold one."""
    if f.since:
        where.add(f"{date} >= ?", f.since)
    if f.until:
        where.add(f"{date} <= ?", f.until)
    if search and f.search:
        where.add(search, f.search)


def _limit(f: Filters) -> str:
    return f" LIMIT {int(f.limit)}" if f.limit else ""


class Rows(list):
    """Result rows (dicts) that know their column names, even when there are none."""

    columns: list[str] = []


def _rows(store, sql: str, params: list[Any]) -> Rows:
    import sqlite3

    try:
        cur = store.conn.execute(sql, params)
        out = Rows(dict(r) for r in cur)
        out.columns = [d[0] for d in cur.description]
        return out
    except sqlite3.OperationalError as exc:
        if "fts5" in str(exc) or "MATCH" in sql and "syntax" in str(exc):
            raise DragomanError(f"--search: not a valid full-text query ({exc}); quote "
                                "phrases, e.g. '\"peace talks\"'") from None
        raise


_SENTENCE = "substr(a.text, e.sentence_start + 1, e.sentence_end - e.sentence_start)"


def event_rows(store: Any, f: Filters) -> Rows:
    """Corpus events (or, with ``mentions``, article-level records) matching ``f``."""
    where = _Where()
    if f.mentions:
        _common(where, f, src="e.source_code", tgt="e.target_code", date="e.date",
                type_col="e.type", factual="e.negated = 0 AND e.hypothetical = 0")
        if f.search:
            where.add("a.rowid IN (SELECT rowid FROM articles_fts WHERE articles_fts "
                      "MATCH ?)", f.search)
        sql = ("SELECT e.date, e.type, e.mode, e.cameo, e.goldstein, e.quad_class, "
               "e.source_code, e.source_text, e.target_code, e.target_text, "
               "e.location_name, e.location_country, e.negated, e.hypothetical, "
               "e.corpus_event_id, c.num_articles, c.num_sources, e.article_id, e.event_id, "
               "a.url, a.source, e.sentence_start, e.sentence_end, "
               f"{_SENTENCE} AS sentence FROM events e JOIN articles a ON a.id = e.article_id "
               f"LEFT JOIN corpus_events c ON c.id = e.corpus_event_id{where.sql()} "
               f"ORDER BY e.date IS NULL, e.date, e.article_id, e.rowid{_limit(f)}")
        return _rows(store, sql, where.params)
    _common(where, f, src="c.source_code", tgt="c.target_code", date="c.date",
            type_col="c.type", factual="c.factual = 1")
    if f.search:
        where.add("c.id IN (SELECT e2.corpus_event_id FROM events e2 JOIN articles a2 "
                  "ON a2.id = e2.article_id WHERE a2.rowid IN (SELECT rowid FROM "
                  "articles_fts WHERE articles_fts MATCH ?))", f.search)
    sql = ("WITH firsts AS (SELECT corpus_event_id AS ce, min(rowid) AS rid FROM events "
           "WHERE corpus_event_id IS NOT NULL GROUP BY corpus_event_id) "
           "SELECT c.id AS corpus_event_id, c.date, c.type, c.mode, c.cameo, c.goldstein, "
           "c.quad_class, c.source_code, c.target_code, c.location_name, "
           "c.location_country, c.num_articles, c.num_sources, c.num_mentions, c.factual, "
           "e.article_id, e.event_id, a.url, a.source, e.sentence_start, e.sentence_end, "
           f"{_SENTENCE} AS sentence FROM corpus_events c JOIN firsts f ON f.ce = c.id "
           "JOIN events e ON e.rowid = f.rid JOIN articles a ON a.id = e.article_id"
           f"{where.sql()} ORDER BY c.date IS NULL, c.date, c.id{_limit(f)}")
    return _rows(store, sql, where.params)


def quote_rows(store: Any, f: Filters) -> Rows:
    """Quotes matching ``f`` (actor and speaker: the speaker's code or name)."""
    where = _Where()
    for value in (f.actor, f.speaker):
        if value:
            code_sql, code_p = _code_like("q.speaker_code", value)
            where.add(f"({code_sql} OR q.speaker_name LIKE ?)", *code_p, f"%{value}%")
    _period(where, f, "a.published", search="q.rowid IN (SELECT rowid FROM quotes_fts "
            "WHERE quotes_fts MATCH ?)")
    sql = ("SELECT a.published, q.speaker_name, q.speaker_code, q.kind, q.text, "
           "q.cue_text, q.article_id, q.quote_id, a.url, a.source, q.start, q.end "
           f"FROM quotes q JOIN articles a ON a.id = q.article_id{where.sql()} "
           f"ORDER BY a.published, q.article_id, q.start{_limit(f)}")
    return _rows(store, sql, where.params)


def actor_rows(store: Any, f: Filters) -> Rows:
    """Actors by code (or name when uncoded): articles, mentions, events, quotes."""
    where = _Where()
    if f.actor:
        code_sql, code_p = _code_like("x.code", f.actor)
        where.add(f"({code_sql} OR x.name LIKE ?)", *code_p, f"%{f.actor}%")
    _period(where, f, "a.published", search="a.rowid IN (SELECT rowid FROM articles_fts "
            "WHERE articles_fts MATCH ?)")
    sql = ("SELECT coalesce(x.code, '') AS code, min(x.name) AS name, min(x.kind) AS kind, "
           "count(DISTINCT x.article_id) AS articles, "
           "(SELECT count(*) FROM mentions m JOIN actors y ON y.article_id = m.article_id "
           " AND y.actor_id = m.actor_id WHERE coalesce(y.code, y.name) = "
           " coalesce(x.code, x.name)) AS mentions, "
           "(SELECT count(*) FROM quotes q WHERE q.speaker_code = x.code OR "
           " (x.code IS NULL AND q.speaker_name = x.name)) AS quotes, "
           "min(x.article_id) AS article_id, min(a.url) AS url "
           f"FROM actors x JOIN articles a ON a.id = x.article_id{where.sql()} "
           "GROUP BY coalesce(x.code, x.name) ORDER BY articles DESC, code, name"
           f"{_limit(f)}")
    return _rows(store, sql, where.params)


def _frame(rows: Rows):
    import pandas as pd

    return pd.DataFrame.from_records(rows, columns=rows.columns)


def events(store, **filters: Any):
    """Corpus events as a DataFrame; keyword filters as in :class:`Filters`."""
    return _frame(event_rows(store, Filters.of(**filters)))


def quotes(store, **filters: Any):
    """Quotes as a DataFrame; keyword filters as in :class:`Filters`."""
    return _frame(quote_rows(store, Filters.of(**filters)))


def actors(store, **filters: Any):
    """Actors as a DataFrame; keyword filters as in :class:`Filters`."""
    return _frame(actor_rows(store, Filters.of(**filters)))


#: What a trend series is per: a dyad of actors, or one actor.
TREND_BY = ("dyad", "actor")


def trend(store: Any, *, by: str = "dyad", freq: str = "D", ordered: bool = False,
          actors: list[str] | str | None = None, fill: bool = False, alerts: bool = False,
          **filters: Any) -> Any:
    """The trend series of the events matching ``filters`` (see :class:`Filters`), as
    a DataFrame: one row per dyad (or actor) and period (see ``Store.trend``)."""
    import pandas as pd

    from . import _trends as trends

    if by not in TREND_BY:
        raise DragomanError(f"by must be one of {', '.join(TREND_BY)}, not {by!r}")
    if freq not in trends.FREQS:
        raise DragomanError(f"freq must be one of {', '.join(sorted(trends.FREQS))}, "
                            f"not {freq!r}")
    f = Filters.of(**filters)
    if f.mentions or f.speaker or f.limit:
        raise DragomanError("trend takes the event filters actor, dyad, type, quad_class, "
                            "since, until, search and include_hypothetical")
    if isinstance(actors, str):
        actors = [a.strip() for a in actors.split(",") if a.strip()]
    where = _Where()
    day = "COALESCE(NULLIF(e.date, ''), a.published)"
    where.add("a.duplicate_of IS NULL")  # a copied wire story counts once
    _common(where, f, src="e.source_code", tgt="e.target_code", date=day,
            type_col="e.type", factual="e.negated = 0 AND e.hypothetical = 0")
    if f.search:
        where.add("a.rowid IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)",
                  f.search)
    sql = ("SELECT e.*, a.published AS published, COALESCE(a.source, a.id) AS outlet "
           f"FROM events e JOIN articles a ON a.id = e.article_id{where.sql()} "
           "ORDER BY e.article_id, e.rowid")
    rows = _rows(store, sql, where.params)
    events = pd.DataFrame.from_records(rows, columns=rows.columns)
    factual_only = not f.include_hypothetical
    if by == "dyad":
        series = trends.dyad_series(events, freq=freq, ordered=ordered, actors=actors,
                                    factual_only=factual_only, fill=fill)
    else:
        series = trends.actor_series(events, freq=freq, actors=actors,
                                     factual_only=factual_only, fill=fill)
    if alerts:
        series = trends.detect_changes(series, key=by)
    return series.reset_index(drop=True)
