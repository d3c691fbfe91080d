"""The SQLite store: schema, migrations, refusal of foreign files, writes, stable ids."""
from __future__ import annotations

import sqlite3

import pytest

from dragoman import StoreError
from dragoman._model import (Actor, Analysis, Article, Count, Event, Location, Party, Place,
                            Quote, Span, Speaker)
from dragoman._store import (MIGRATIONS, SCHEMA_VERSION, normalise, open_store,
                            text_hash_of)

TEXT = ('Ministers of Freedonia and Sylvania met in Vienna on Monday. '
        '"We will keep talking," the Freedonian minister said.')


def _at(text: str, word: str) -> Span:
    start = text.index(word)
    return Span.of(text, start, start + len(word))


def sample_analysis(article_id: str = "art-1", text: str = TEXT) -> Analysis:
    """A hand-built analysis of TEXT (no parser needed)."""
    article = Article(article_id, text, "Talks in Vienna", "2024-03-05",
                      "https://news.example/talks", "Example News")
    fre, syl = _at(text, "Freedonia"), _at(text, "Sylvania")
    speech = _at(text, '"We will keep talking,"')
    quote = Quote("q1", speech.start, speech.end, speech.text, "direct", _at(text, "said"),
                  Speaker("a1", "Freedonia", _at(text, "the Freedonian minister")))
    event = Event("e1", "CONSULT", "meet", "040", 1.0, 1, Party("a1", "FRE", fre),
                  Party("a2", "SYL", syl), "2024-03-04", Location("Vienna", "AUT", 48.2, 16.37),
                  False, False, _at(text, "met"), (0, text.index(".") + 1), None, "text")
    return Analysis(article,
                    [Actor("a1", "Freedonia", "state", "FRE", None, [fre], "FRE"),
                     Actor("a2", "Sylvania", "state", "SYL", None, [syl], "SYL")],
                    [quote], [event], [Count(2, "ministers", None, 0, 9, text[0:9])], [],
                    [Place("Vienna", "AUT", 48.2, 16.37, "city", [_at(text, "Vienna")])])


def test_schema_has_the_contract_columns():
    store = open_store(":memory:")
    contract = {
        "meta": ["key", "value"],
        "articles": ["id", "text_hash", "title", "published", "url", "source", "text",
                     "duplicate_of", "analyzer_version", "analyzed_at"],
        "article_sources": ["article_id", "url", "source", "path", "seen_at"],
        "actors": ["article_id", "actor_id", "name", "kind", "code", "title"],
        "mentions": ["article_id", "actor_id", "start", "end", "text"],
        "quotes": ["article_id", "quote_id", "start", "end", "text", "kind", "cue_start",
                   "cue_end", "cue_text", "speaker_actor", "speaker_name", "speaker_code",
                   "speaker_start", "speaker_end", "speaker_text"],
        "events": ["article_id", "event_id", "corpus_event_id", "type", "mode", "cameo",
                   "goldstein", "quad_class", "source_actor", "source_code", "source_start",
                   "source_end", "source_text", "target_actor", "target_code",
                   "target_start", "target_end", "target_text", "date", "date_basis",
                   "location_name", "location_country", "lat", "lon", "negated",
                   "hypothetical", "trigger_start", "trigger_end", "trigger_text",
                   "sentence_start", "sentence_end", "quote_id"],
        "corpus_events": ["id", "type", "cameo", "goldstein", "quad_class", "source_code",
                          "target_code", "date", "location_name", "location_country",
                          "num_articles", "num_sources", "num_mentions", "factual"],
        "counts": ["article_id", "number", "unit", "actor", "start", "end", "text"],
        "places": ["article_id", "name", "country", "lat", "lon", "kind"],
        "errors": ["id", "input", "error", "at"],
    }
    for table, columns in contract.items():
        have = [r[1] for r in store.conn.execute(f"PRAGMA table_info({table})")]
        assert have[:len(columns)] == columns or set(columns) <= set(have), table
    assert store.meta("schema_version") == str(SCHEMA_VERSION)
    assert store.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert max(MIGRATIONS) == SCHEMA_VERSION


def test_file_store_is_wal_and_reopens(tmp_path):
    db = tmp_path / "c.db"
    with open_store(db) as store:
        assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        store.write([sample_analysis()], analyzer_version="1.0")
    with open_store(db, readonly=True) as store:
        assert store.count("articles") == 1
        assert isinstance(store.conn.execute("SELECT * FROM articles").fetchone(),
                          sqlite3.Row)
        with pytest.raises(sqlite3.OperationalError):
            store.conn.execute("DELETE FROM articles")


def test_write_keeps_offsets_and_fts():
    store = open_store(":memory:")
    store.write([sample_analysis()], analyzer_version="1.0")
    c = store.conn
    text = c.execute("SELECT text FROM articles WHERE id='art-1'").fetchone()[0]
    q = c.execute("SELECT * FROM quotes").fetchone()
    assert text[q["start"]:q["end"]] == q["text"]
    assert q["speaker_code"] == "FRE" and q["cue_text"] == "said"
    e = c.execute("SELECT * FROM events").fetchone()
    assert text[e["source_start"]:e["source_end"]] == "Freedonia"
    assert text[e["sentence_start"]:e["sentence_end"]].endswith("on Monday.")
    assert e["location_country"] == "AUT" and e["negated"] == 0
    m = c.execute("SELECT * FROM mentions WHERE actor_id='a2'").fetchone()
    assert text[m["start"]:m["end"]] == "Sylvania"
    hits = c.execute("SELECT q.quote_id FROM quotes_fts f JOIN quotes q ON q.rowid = f.rowid "
                     "WHERE quotes_fts MATCH 'talking'").fetchall()
    assert [h[0] for h in hits] == ["q1"]
    assert c.execute("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH "
                     "'vienna'").fetchone()[0] == 1
    assert c.execute("SELECT count(*) FROM quotes_fts WHERE quotes_fts MATCH "
                     "'sanctions'").fetchone()[0] == 0


def test_rewriting_an_article_replaces_its_records():
    store = open_store(":memory:")
    store.write([sample_analysis()], analyzer_version="1.0")
    store.write([sample_analysis()], analyzer_version="1.1")
    for table in ("articles", "actors", "mentions", "quotes", "events", "counts", "places"):
        assert store.count(table) == (2 if table == "actors" else 1 if table != "mentions"
                                      else 2), table
    assert store.conn.execute("SELECT count(*) FROM quotes_fts").fetchone()[0] == 1
    version = store.conn.execute("SELECT analyzer_version FROM articles").fetchone()[0]
    assert version == "1.1"


def test_a_failing_batch_writes_nothing():
    store = open_store(":memory:")

    def batch():
        yield sample_analysis("ok-1")
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        store.write(batch(), analyzer_version="1.0")
    assert store.count("articles") == 0 and store.count("events") == 0


@pytest.mark.parametrize("content", [b"hello, this is not a database at all\n",
                                     b"SQLite format 3\x00" + b"\xff" * 200])
def test_refuses_foreign_or_corrupt_file(tmp_path, content):
    db = tmp_path / "x.db"
    db.write_bytes(content)
    with pytest.raises(StoreError, match="untouched"):
        open_store(db)
    assert db.read_bytes() == content


def test_refuses_another_programs_database(tmp_path):
    db = tmp_path / "other.db"
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE accounts(id INTEGER, balance REAL)")
    conn.commit()
    conn.close()
    before = db.read_bytes()
    with pytest.raises(StoreError, match="another program"):
        open_store(db)
    assert db.read_bytes() == before


def test_refuses_newer_schema_and_missing_readonly(tmp_path):
    db = tmp_path / "new.db"
    open_store(db).close()
    conn = sqlite3.connect(db)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="newer"):
        open_store(db)
    with pytest.raises(StoreError, match="no such store"):
        open_store(tmp_path / "missing.db", readonly=True)


def test_stable_ids_across_stores():
    rows = []
    for _ in range(2):
        store = open_store(":memory:")
        store.write([sample_analysis()], analyzer_version="1.0")
        rows.append(store.conn.execute(
            "SELECT article_id, event_id FROM events UNION ALL "
            "SELECT article_id, quote_id FROM quotes").fetchall())
    assert [tuple(r) for r in rows[0]] == [tuple(r) for r in rows[1]] == \
        [("art-1", "e1"), ("art-1", "q1")]


@pytest.mark.parametrize("a, b, same", [
    ("Talks  in\nVienna.", "talks in vienna.", True),
    ("Talks in Vienna.", "Talks in Geneva.", False),
    ("\ufb01nal text", "final text", True),  # NFKC: the fi ligature
])
def test_text_hash_normalises(a, b, same):
    assert (text_hash_of(a) == text_hash_of(b)) is same
    assert normalise(a) == normalise(a.upper()).casefold()


def test_refuses_a_store_with_a_damaged_schema_page(tmp_path):
    db = tmp_path / "damaged.db"
    with open_store(db) as store:
        store.write([sample_analysis()], analyzer_version="1.0")
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = bytearray(db.read_bytes())
    data[100:4096] = b"\xab" * (4096 - 100)  # the rest of page 1: the schema's root
    db.write_bytes(bytes(data))
    with pytest.raises(StoreError, match="untouched"):
        open_store(db)
    assert db.read_bytes() == bytes(data)
