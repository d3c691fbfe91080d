"""The corpus store: one SQLite file (WAL mode) holding articles and their analyses.

The tables and columns follow the store contract (STORE_SCHEMA.md, schema v2): every
record keeps its article id and character offsets into ``articles.text``. Migrations
are functions registered with :func:`migration`, applied in order on open; the schema
version is kept in ``PRAGMA user_version`` and in ``meta``.

    store = open_store("corpus.db")
    with store.transaction():
        store.write_analysis(analysis, analyzer_version="0.1.0")
    store.conn.execute("SELECT count(*) FROM events").fetchone()
"""
from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import os
import re
import sqlite3
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from ._errors import StoreError
from ._model import Analysis, Article

if TYPE_CHECKING:
    import pandas as pd

#: The schema version this code writes; stores with a higher one are refused.
SCHEMA_VERSION = 2
#: Marks a dragoman store in the SQLite header (PRAGMA application_id): "DRAG".
APPLICATION_ID = 0x44524147
SQLITE_MAGIC = b"SQLite format 3\x00"

Migration = Callable[[sqlite3.Connection], None]
MIGRATIONS: dict[int, Migration] = {}


def migration(version: int) -> Callable[[Migration], Migration]:
    """Register ``fn`` as the migration that brings a store to ``version``."""
    def register(fn: Migration) -> Migration:
        if version in MIGRATIONS:
            raise ValueError(f"two migrations for schema version {version}")
        MIGRATIONS[version] = fn
        return fn
    return register


@migration(1)
def _v1(conn: sqlite3.Connection) -> None:
    """The contract's tables, the dedup and merge helpers, FTS5 indexes."""
    _script(conn, """
    CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT);
    CREATE TABLE articles(id TEXT PRIMARY KEY, text_hash TEXT NOT NULL, title TEXT,
        published TEXT, url TEXT, source TEXT, text TEXT NOT NULL, duplicate_of TEXT,
        analyzer_version TEXT, analyzed_at TEXT, path TEXT, ingested_at TEXT,
        warnings TEXT);
    CREATE INDEX articles_hash ON articles(text_hash);
    CREATE INDEX articles_dup ON articles(duplicate_of);
    CREATE INDEX articles_version ON articles(analyzer_version);
    CREATE TABLE article_sources(article_id TEXT, url TEXT, source TEXT, path TEXT,
        seen_at TEXT, copy_id TEXT);
    CREATE UNIQUE INDEX article_sources_unique ON article_sources(
        article_id, ifnull(url, ''), ifnull(source, ''), ifnull(path, ''));
    CREATE TABLE actors(article_id TEXT, actor_id TEXT, name TEXT, kind TEXT, code TEXT,
        title TEXT, country TEXT, PRIMARY KEY(article_id, actor_id));
    CREATE INDEX actors_code ON actors(code);
    CREATE TABLE mentions(article_id TEXT, actor_id TEXT, start INTEGER, end INTEGER,
        text TEXT);
    CREATE INDEX mentions_article ON mentions(article_id);
    CREATE TABLE quotes(article_id TEXT, quote_id TEXT, start INTEGER, end INTEGER,
        text TEXT, kind TEXT, cue_start INTEGER, cue_end INTEGER, cue_text TEXT,
        speaker_actor TEXT, speaker_name TEXT, speaker_code TEXT,
        speaker_start INTEGER, speaker_end INTEGER, speaker_text TEXT,
        PRIMARY KEY(article_id, quote_id));
    CREATE TABLE events(article_id TEXT, event_id TEXT, corpus_event_id TEXT,
        type TEXT, mode TEXT, cameo TEXT, goldstein REAL, quad_class INTEGER,
        source_actor TEXT, source_code TEXT, source_start INTEGER, source_end INTEGER,
        source_text TEXT,
        target_actor TEXT, target_code TEXT, target_start INTEGER, target_end INTEGER,
        target_text TEXT,
        date TEXT, date_basis TEXT,
        location_name TEXT, location_country TEXT, lat REAL, lon REAL,
        negated INTEGER, hypothetical INTEGER,
        trigger_start INTEGER, trigger_end INTEGER, trigger_text TEXT,
        sentence_start INTEGER, sentence_end INTEGER, quote_id TEXT,
        PRIMARY KEY(article_id, event_id));
    CREATE INDEX events_corpus ON events(corpus_event_id);
    CREATE INDEX events_key ON events(type, source_code, target_code, date);
    CREATE TABLE corpus_events(id TEXT PRIMARY KEY, type TEXT, cameo TEXT, goldstein REAL,
        quad_class INTEGER, source_code TEXT, target_code TEXT, date TEXT,
        location_name TEXT, location_country TEXT,
        num_articles INTEGER, num_sources INTEGER, num_mentions INTEGER,
        factual INTEGER, date_basis TEXT, mode TEXT, dyad_key TEXT,
        first_article TEXT, first_event TEXT);
    CREATE INDEX corpus_events_key ON corpus_events(type, dyad_key, factual, date);
    CREATE TABLE counts(article_id TEXT, number REAL, unit TEXT, actor TEXT,
        start INTEGER, end INTEGER, text TEXT);
    CREATE INDEX counts_article ON counts(article_id);
    CREATE TABLE places(article_id TEXT, name TEXT, country TEXT, lat REAL, lon REAL,
        kind TEXT);
    CREATE INDEX places_article ON places(article_id);
    CREATE TABLE errors(id INTEGER PRIMARY KEY, input TEXT, error TEXT, at TEXT);
    CREATE UNIQUE INDEX errors_unique ON errors(input, error);
    -- near-duplicate detection: one row per LSH band of an article's MinHash
    CREATE TABLE minhash(article_id TEXT PRIMARY KEY, signature BLOB);
    CREATE TABLE lsh_bands(key BLOB, article_id TEXT);
    CREATE INDEX lsh_bands_key ON lsh_bands(key);
    CREATE VIRTUAL TABLE quotes_fts USING fts5(text, speaker_name);
    CREATE VIRTUAL TABLE articles_fts USING fts5(title, text);
    """)


@migration(2)
def _v2(conn: sqlite3.Connection) -> None:
    """Re-mentions of an event ("the talks" after talks): more evidence of that event."""
    _script(conn, """
    CREATE TABLE event_mentions(article_id TEXT, event_id TEXT, start INTEGER, end INTEGER,
        text TEXT);
    CREATE INDEX event_mentions_event ON event_mentions(article_id, event_id);
    """)


def _script(conn: sqlite3.Connection, sql: str) -> None:
    """Run ``;``-separated statements inside the current transaction (``executescript``
    would commit it first)."""
    for statement in sql.split(";"):
        body = "\n".join(line for line in statement.splitlines()
                         if not line.strip().startswith("--"))
        if body.strip():
            conn.execute(body)


class Store:
    """An open store. ``conn`` is the sqlite3 connection (rows are ``sqlite3.Row``)."""

    def __init__(self, conn: sqlite3.Connection, path: str, readonly: bool) -> None:
        self.conn = conn
        self.path = path
        self.readonly = readonly

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: everything in it is committed together or not at all."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    # -- writing -------------------------------------------------------------------

    def write(self, analyses: Iterable[Analysis], *, analyzer_version: str,
              text_hashes: dict[str, str] | None = None) -> int:
        """Write analyses in one transaction; returns how many were written.

        An article already stored under the same id has its records replaced.
        """
        n = 0
        with self.transaction():
            for analysis in analyses:
                text_hash = (text_hashes or {}).get(analysis.article.id) \
                    or text_hash_of(analysis.article.text)
                self.write_analysis(analysis, analyzer_version=analyzer_version,
                                    text_hash=text_hash)
                n += 1
        return n

    def write_article(self, article: Article, *, text_hash: str,
                      duplicate_of: str | None = None) -> None:
        """Insert (or update the metadata of) one article row and its FTS entry."""
        c = self.conn
        row = c.execute("SELECT rowid FROM articles WHERE id = ?", (article.id,)).fetchone()
        values = (article.title, article.published, article.url, article.source,
                  article.text, text_hash, duplicate_of, article.path)
        if row is None:
            cur = c.execute(
                "INSERT INTO articles(title, published, url, source, text, text_hash, "
                "duplicate_of, path, id, ingested_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
                (*values, article.id, now()))
            c.execute("INSERT INTO articles_fts(rowid, title, text) VALUES (?,?,?)",
                      (cur.lastrowid, article.title or "", article.text))
        else:
            c.execute("UPDATE articles SET title=?, published=?, url=?, source=?, text=?, "
                      "text_hash=?, duplicate_of=?, path=? WHERE id=?", (*values, article.id))
            c.execute("DELETE FROM articles_fts WHERE rowid = ?", (row[0],))
            c.execute("INSERT INTO articles_fts(rowid, title, text) VALUES (?,?,?)",
                      (row[0], article.title or "", article.text))

    def add_source(self, article_id: str, article: Article, copy_id: str | None = None) -> bool:
        """Record that ``article`` (a copy or the original) carried ``article_id``'s text;
        False when that source was already known."""
        cur = self.conn.execute(
            "INSERT OR IGNORE INTO article_sources(article_id, url, source, path, seen_at, "
            "copy_id) VALUES (?,?,?,?,?,?)",
            (article_id, article.url, article.source, article.path, now(), copy_id))
        return cur.rowcount > 0

    def add_error(self, input_id: str, error: str) -> None:
        """Record an input that could not be read or analysed (once)."""
        self.conn.execute("INSERT OR IGNORE INTO errors(input, error, at) VALUES (?,?,?)",
                          (input_id, error, now()))

    def delete_records(self, article_id: str) -> list[str]:
        """Remove an article's analysis records; returns the corpus events it touched."""
        c = self.conn
        touched = [r[0] for r in c.execute(
            "SELECT DISTINCT corpus_event_id FROM events WHERE article_id = ? AND "
            "corpus_event_id IS NOT NULL", (article_id,))]
        c.execute("DELETE FROM quotes_fts WHERE rowid IN "
                  "(SELECT rowid FROM quotes WHERE article_id = ?)", (article_id,))
        for table in ("actors", "mentions", "quotes", "events", "event_mentions", "counts",
                      "places"):
            c.execute(f"DELETE FROM {table} WHERE article_id = ?", (article_id,))
        return touched

    def write_analysis(self, analysis: Analysis, *, analyzer_version: str,
                       text_hash: str | None = None) -> None:
        """Write one article and all its records (inside the caller's transaction)."""
        a = analysis.article
        c = self.conn
        self.write_article(a, text_hash=text_hash or text_hash_of(a.text))
        self.delete_records(a.id)
        c.execute("UPDATE articles SET analyzer_version=?, analyzed_at=?, warnings=? "
                  "WHERE id=?", (analyzer_version, now(),
                                 "\n".join(analysis.warnings) or None, a.id))
        c.executemany("INSERT INTO actors VALUES (?,?,?,?,?,?,?)",
                      [(a.id, x.id, x.name, x.kind, x.code, x.title, x.country)
                       for x in analysis.actors])
        c.executemany("INSERT INTO mentions VALUES (?,?,?,?,?)",
                      [(a.id, x.id, m.start, m.end, m.text)
                       for x in analysis.actors for m in x.mentions])
        for q in analysis.quotes:
            sp = q.speaker
            cur = c.execute(
                "INSERT INTO quotes VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (a.id, q.id, q.start, q.end, q.text, q.kind,
                 *_span(q.cue), sp.actor if sp else None, sp.name if sp else None,
                 _code(analysis, sp.actor if sp else None),
                 *_span(sp.mention if sp else None)))
            c.execute("INSERT INTO quotes_fts(rowid, text, speaker_name) VALUES (?,?,?)",
                      (cur.lastrowid, q.text, sp.name if sp and sp.name else ""))
        c.executemany(
            "INSERT INTO events VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,"
            "?,?,?,?,?,?)",
            [(a.id, e.id, None, e.type, e.mode, e.cameo, e.goldstein, e.quad_class,
              *_party(e.source), *_party(e.target), e.date, e.date_basis,
              *_location(e.location), int(e.negated), int(e.hypothetical),
              e.trigger.start, e.trigger.end, e.trigger.text,
              e.sentence[0], e.sentence[1], e.quote) for e in analysis.events])
        c.executemany("INSERT INTO event_mentions VALUES (?,?,?,?,?)",
                      [(a.id, e.id, m.start, m.end, m.text)
                       for e in analysis.events for m in e.mentions])
        c.executemany("INSERT INTO counts VALUES (?,?,?,?,?,?,?)",
                      [(a.id, x.number, x.unit, x.actor, x.start, x.end, x.text)
                       for x in analysis.counts])
        c.executemany("INSERT INTO places VALUES (?,?,?,?,?,?)",
                      [(a.id, p.name, p.country, p.lat, p.lon, p.kind)
                       for p in analysis.places])

    # -- reading -------------------------------------------------------------------

    def meta(self, key: str) -> str | None:
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def count(self, table: str) -> int:
        return self.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]

    def events(self, **filters: object):  # -> pandas.DataFrame
        """Corpus events with their evidence, as a DataFrame (see ``query.events``)."""
        from . import _query as query
        return query.events(self, **filters)

    def quotes(self, **filters: object):
        """Quotes with speakers and evidence, as a DataFrame (see ``query.quotes``)."""
        from . import _query as query
        return query.quotes(self, **filters)

    def actors(self, **filters: object):
        """Actors with article and mention counts, as a DataFrame (see ``query.actors``)."""
        from . import _query as query
        return query.actors(self, **filters)

    def trend(self, *, by: Literal["dyad", "actor"] = "dyad",
              freq: Literal["D", "W", "day", "week"] = "D", ordered: bool = False,
              actors: list[str] | str | None = None, fill: bool = False,
              alerts: bool = False, actor: str | None = None, dyad: str | None = None,
              type: str | Sequence[str] = (), quad_class: int | Sequence[int] = (),
              since: str | None = None, until: str | None = None,
              search: str | None = None,
              include_hypothetical: bool = False) -> pd.DataFrame:
        """The trend series of the stored events, as a DataFrame: per dyad (or actor)
        and day (or week), the events by quad class, the Goldstein sum and mean, the
        conflict share, the number of sources, the tension index (docs/trends.md) and
        the evidence behind each point.

        The events are the articles' records (copies of a stored article left out),
        filtered as by ``dragoman events``: ``actor``, ``dyad``, ``type``,
        ``quad_class``, ``since``/``until`` (the event's date, else the article's),
        ``search`` (FTS5 over article text), factual only unless
        ``include_hypothetical``.

        Args:
            by: ``"dyad"`` (unordered pairs such as ``RUS–UKR``) or ``"actor"``.
            freq: ``"D"`` (days) or ``"W"`` (weeks starting on Monday).
            ordered: ordered dyads (``USA→RUS`` apart from ``RUS→USA``).
            actors: keep only dyads between these actors, or only these actors
                (codes such as ``USA``, ``NATO``; a list or ``"USA,RUS"``).
            fill: add the empty periods between a series' first and last.
            alerts: add ``baseline_mean``, ``baseline_std``, ``z`` and ``alert``
                (``"worse"``/``"better"``: tension left its usual range).

        Returns:
            Columns ``dyad`` (or ``actor``), ``period``, ``n``, ``q1``..``q4``,
            ``goldstein_sum``, ``goldstein_mean``, ``conflict_share``, ``n_sources``,
            ``tension``, ``events`` (``[(article_id, event_id), ...]``) and ``quotes``.

        Raises:
            DragomanError: an unknown ``by`` or ``freq``, or a bad filter value.

        Example::

            store.trend(dyad="RUS-UKR", freq="W", since="2022-01-01")
        """
        from . import _query as query
        return query.trend(self, by=by, freq=freq, ordered=ordered, actors=actors,
                           fill=fill, alerts=alerts, actor=actor, dyad=dyad, type=type,
                           quad_class=quad_class, since=since, until=until, search=search,
                           include_hypothetical=include_hypothetical)


def _span(span) -> tuple:
    return (span.start, span.end, span.text) if span else (None, None, None)


def _party(p) -> tuple:
    return (p.actor if p else None, p.code if p else None, *_span(p.mention if p else None))


def _location(loc) -> tuple:
    return (loc.name, loc.country, loc.lat, loc.lon) if loc else (None, None, None, None)


def _code(analysis: Analysis, actor_id: str | None) -> str | None:
    for actor in analysis.actors:
        if actor.id == actor_id:
            return actor.code
    return None


def now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


_SPACE = re.compile(r"\s+")


def normalise(text: str) -> str:
    """The text as compared for exact duplicates: NFKC, case-folded, spaces collapsed."""
    return _SPACE.sub(" ", unicodedata.normalize("NFKC", text)).strip().casefold()


def text_hash_of(text: str) -> str:
    """SHA-1 of the normalised text: equal for copies that differ only in spacing or case."""
    return hashlib.sha1(normalise(text).encode("utf-8", "surrogatepass")).hexdigest()


@dataclass(frozen=True)
class _Probe:
    """What the header and tables of an existing file say about it."""

    is_sqlite: bool
    empty: bool


def _probe(path: Path) -> _Probe:
    size = path.stat().st_size
    if size == 0:
        return _Probe(True, True)
    with path.open("rb") as f:
        head = f.read(len(SQLITE_MAGIC))
    return _Probe(head == SQLITE_MAGIC, False)


def _refuse(path: str, why: str) -> StoreError:
    return StoreError(f"{path}: {why}; it was left untouched. Give --db a new file name "
                      "(it is created) or an existing dragoman store")


def open_store(path: str | os.PathLike[str], *, readonly: bool = False) -> Store:
    """Open (creating and migrating it when needed) the store at ``path``.

    Args:
        path: the SQLite file; ``":memory:"`` for a throwaway store.
        readonly: open with ``mode=ro`` (never creates or migrates).

    Raises:
        StoreError: the file is not SQLite, is corrupt, belongs to another program, or
            was written by a newer dragoman.
    """
    name = str(path)
    memory = name == ":memory:"
    p = Path(name)
    if not memory:
        if p.is_dir():
            raise _refuse(name, "is a folder, not a database file")
        if p.exists():
            probe = _probe(p)
            if not probe.is_sqlite:
                raise _refuse(name, "is not a dragoman store (not an SQLite database)")
        elif readonly:
            raise StoreError(f"{name}: no such store; create it with `dragoman ingest "
                             f"... --db {name}`")
    try:
        if readonly:
            from urllib.parse import quote

            conn = sqlite3.connect(f"file:{quote(str(p.resolve()))}?mode=ro", uri=True,
                                   isolation_level=None, check_same_thread=False)
        else:
            conn = sqlite3.connect(name, isolation_level=None, check_same_thread=False)
        conn.row_factory = sqlite3.Row
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        # reading the schema (and, for a store, its meta table) finds a damaged header or
        # schema page; a full integrity check would read every page of a big store
        tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        if tables and app_id == APPLICATION_ID:
            conn.execute("SELECT count(*) FROM meta").fetchone()
    except sqlite3.DatabaseError as exc:
        with contextlib.suppress(Exception):
            conn.close()
        raise _refuse(name, f"cannot be read as a database ({exc})") from None
    if tables and app_id != APPLICATION_ID:
        conn.close()
        raise _refuse(name, "is an SQLite database of another program (no dragoman "
                            "application id)")
    if version > SCHEMA_VERSION:
        conn.close()
        raise _refuse(name, f"has schema version {version}, newer than this dragoman "
                            f"reads ({SCHEMA_VERSION}); upgrade dragoman")
    store = Store(conn, name, readonly)
    if readonly:
        if version < SCHEMA_VERSION:
            conn.close()
            raise StoreError(f"{name}: schema version {version} is older than "
                             f"{SCHEMA_VERSION}; open it once for writing to migrate it")
        return store
    if not memory:
        conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    conn.execute("PRAGMA busy_timeout=30000")
    _migrate(store, version)
    return store


def _migrate(store: Store, version: int) -> None:
    """Apply the registered migrations above ``version``, each in its own transaction."""
    from . import __version__

    for target in sorted(v for v in MIGRATIONS if v > version):
        with store.transaction() as conn:
            MIGRATIONS[target](conn)
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            conn.execute(f"PRAGMA user_version = {target}")
            conn.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)",
                         (str(target),))
            conn.execute("INSERT OR IGNORE INTO meta VALUES ('created_by', ?)",
                         (f"dragoman {__version__}",))
            conn.execute("INSERT OR IGNORE INTO meta VALUES ('created_at', ?)", (now(),))
