"""Ingesting into a store: dedup, idempotence, errors, merged events, re-analysis."""
from __future__ import annotations

import pytest

from dragoman import _corpus as corpus, _engines as engines, _merge as merge
from dragoman._readers import Failed, read_inputs
from dragoman._store import open_store

from .corpus_articles import OTHER_OUTLET, RECORDS, WIRE, many, write_jsonl


@pytest.fixture(scope="module")
def engine():
    return engines.Local()


def ingest_records(store, tmp_path, records, engine, name="in.jsonl", batch_size=2):
    path = write_jsonl(tmp_path / name, records)
    return corpus.ingest(store, read_inputs([str(path)]), engine=engine,
                         batch_size=batch_size)


def rows(store, sql):
    return [tuple(r) for r in store.conn.execute(sql)]


def test_reingesting_adds_nothing(tmp_path, engine):
    store = open_store(tmp_path / "c.db")
    first = ingest_records(store, tmp_path, RECORDS, engine)
    assert (first.new, first.near_duplicate, first.duplicate) == (3, 1, 0)
    assert first.events > 0 and first.quotes > 0
    tables = ("articles", "article_sources", "events", "quotes", "actors", "mentions",
              "corpus_events", "errors", "lsh_bands")
    before = {t: store.count(t) for t in tables}
    again = ingest_records(store, tmp_path, RECORDS, engine)
    assert (again.new, again.near_duplicate, again.duplicate) == (0, 0, 4)
    assert {t: store.count(t) for t in tables} == before


def test_exact_copy_from_another_source_is_a_source_not_an_article(tmp_path, engine):
    store = open_store(":memory:")
    copy = {"id": "elsewhere", "source": "Second Paper", "url": "https://second.example/x",
            "text": "  " + WIRE.replace("\n\n", "\n") + "\n"}  # spacing differs only
    summary = ingest_records(store, tmp_path, [RECORDS[0], copy], engine)
    assert (summary.new, summary.duplicate) == (1, 1)
    assert store.count("articles") == 1
    assert rows(store, "SELECT article_id, source, copy_id FROM article_sources "
                       "ORDER BY source") == [("wire-1", "Northern Wire", None),
                                              ("wire-1", "Second Paper", "elsewhere")]
    counts = rows(store, "SELECT DISTINCT num_articles, num_sources, num_mentions "
                         "FROM corpus_events")
    assert counts == [(2, 2, 2)]  # each event: the article and its exact copy


def test_near_duplicate_is_linked_not_analysed_twice(tmp_path, engine):
    store = open_store(":memory:")
    ingest_records(store, tmp_path, RECORDS[:2], engine)
    assert rows(store, "SELECT id, duplicate_of FROM articles ORDER BY id") == \
        [("copy-1", "wire-1"), ("wire-1", None)]
    assert rows(store, "SELECT DISTINCT article_id FROM events") == [("wire-1",)]
    urls = rows(store, "SELECT url FROM article_sources WHERE article_id = 'wire-1' "
                       "ORDER BY url")
    assert urls == [("https://coastal.example/norway-chile",), ("https://northern.example/a1",)]


def test_one_meeting_in_several_reports_is_one_corpus_event(tmp_path, engine):
    store = open_store(":memory:")
    ingest_records(store, tmp_path, RECORDS, engine)
    consult = store.conn.execute(
        "SELECT * FROM corpus_events WHERE type = 'CONSULT' ORDER BY date").fetchall()
    first, second = consult[0], consult[-1]
    # the wire story, its copy and another outlet's wording: one meeting on Tuesday
    assert first["date"] == "2024-05-07" and first["location_country"] == "NOR"
    assert (first["num_articles"], first["num_sources"]) == (3, 3)
    members = rows(store, f"SELECT DISTINCT article_id FROM events WHERE corpus_event_id = "
                          f"'{first['id']}' ORDER BY article_id")
    assert members == [("outlet-2",), ("wire-1",)]
    # the meeting two days later is another event, however alike the wording
    assert second["date"] == "2024-05-09" and second["id"] != first["id"]
    assert second["num_articles"] == 1
    # every record keeps its own evidence
    for e in store.conn.execute("SELECT e.*, a.text FROM events e JOIN articles a "
                                "ON a.id = e.article_id WHERE corpus_event_id = ?",
                                (first["id"],)):
        assert e["text"][e["trigger_start"]:e["trigger_end"]] == e["trigger_text"]
        assert e["sentence_start"] <= e["trigger_start"] < e["sentence_end"]


def test_corpus_event_ids_are_stable(tmp_path, engine):
    ids = []
    for n in range(2):
        store = open_store(tmp_path / f"s{n}.db")
        ingest_records(store, tmp_path, RECORDS, engine, batch_size=3)
        ids.append(rows(store, "SELECT article_id, event_id, corpus_event_id FROM events "
                               "ORDER BY article_id, event_id"))
    assert ids[0] and ids[0] == ids[1]


@pytest.mark.parametrize("d1, b1, d2, b2, agree", [
    ("2024-05-07", "text", "2024-05-07", "text", True),
    ("2024-05-07", "text", "2024-05-09", "text", False),
    ("2024-05-07", "text", "2024-05-09", "published", True),
    ("2024-05-07", "published", "2024-05-11", "published", False),
])
def test_dates_agree(d1, b1, d2, b2, agree):
    assert merge.dates_agree(d1, b1, d2, b2, window=2) is agree


@pytest.mark.parametrize("type_, source, target, same_as", [
    ("CONSULT", "NORGOV", "CHL", ("CONSULT", "CHLGOV", "NOR")),
    ("COOPERATE", "NATO", "UKRMIL", ("COOPERATE", "UKR", "NATO")),
])
def test_dyad_key_symmetric_and_by_country(type_, source, target, same_as):
    assert merge.dyad_key(type_, source, target) == merge.dyad_key(*same_as)


def test_dyad_key_directed_types_keep_their_order():
    assert merge.dyad_key("ACCUSE", "RUS", "UKR") != merge.dyad_key("ACCUSE", "UKR", "RUS")
    assert merge.party("EU") == "EU" and merge.party("RUSGOV") == "RUS"


def test_places_agree():
    assert merge.places_agree("NOR", None) and merge.places_agree("NOR", "NOR")
    assert not merge.places_agree("NOR", "CHL")


def test_bad_input_is_an_error_row_and_the_rest_goes_on(tmp_path, engine):
    store = open_store(":memory:")
    path = tmp_path / "mixed.jsonl"
    path.write_text('{"id": "good", "text": ' + repr(OTHER_OUTLET).replace("'", '"') + '}\n'
                    '{"id": "bad", "title": "no text here"}\n'
                    'not json at all\n', encoding="utf-8")
    for _ in range(2):  # twice: the errors are not recorded twice
        summary = corpus.ingest(store, read_inputs([str(path)]), engine=engine)
    assert summary.failed == 2
    assert rows(store, "SELECT id FROM articles") == [("good",)]
    errors = [r[0] for r in rows(store, "SELECT input FROM errors ORDER BY id")]
    assert errors == ["bad", f"{path}:3"]


def test_same_id_with_another_text_gets_a_suffix(tmp_path, engine):
    store = open_store(":memory:")
    records = [{"id": "x", "text": WIRE}, {"id": "x", "text": OTHER_OUTLET}]
    ingest_records(store, tmp_path, records, engine)
    ids = [r[0] for r in rows(store, "SELECT id FROM articles ORDER BY rowid")]
    assert ids[0] == "x" and ids[1].startswith("x~") and len(ids) == 2


def test_analysis_failure_of_one_article_is_recorded(tmp_path):
    class Flaky(engines.Local):
        def result(self, handle):
            out = super().result(handle)
            return [Failed(a.id, "analysis failed: boom") if a.id == "n001" else r
                    for a, r in zip(handle, out)]

    store = open_store(":memory:")
    summary = ingest_records(store, tmp_path, many(3), Flaky())
    assert (summary.new, summary.failed) == (2, 1)
    assert rows(store, "SELECT input, error FROM errors") == [("n001",
                                                              "analysis failed: boom")]


def test_reanalyze_runs_only_older_versions(tmp_path, engine):
    store = open_store(":memory:")
    ingest_records(store, tmp_path, RECORDS, engine)
    before = rows(store, "SELECT article_id, event_id, type, corpus_event_id FROM events "
                         "ORDER BY 1, 2")
    store.conn.execute("UPDATE articles SET analyzer_version = '0.0.1' WHERE id = 'outlet-2'")
    summary = corpus.reanalyze(store, engine=engine)
    assert summary.read == 1 and summary.new == 1
    assert rows(store, "SELECT DISTINCT analyzer_version FROM articles "
                       "WHERE duplicate_of IS NULL") == [(corpus.ANALYZER_VERSION,)]
    after = rows(store, "SELECT article_id, event_id, type, corpus_event_id FROM events "
                        "ORDER BY 1, 2")
    assert after == before
    nothing = corpus.reanalyze(store, engine=engine)
    assert nothing.read == 0
