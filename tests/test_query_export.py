"""Querying a store (Python and CLI) and exporting it (Parquet, CSV, JSONL, GDELT)."""
from __future__ import annotations

import csv
import io
import json

import pandas as pd
import pyarrow.dataset as ds
import pytest
from click.testing import CliRunner

import dragoman
from dragoman import _corpus as corpus, _engines as engines
from dragoman._cli import main
from dragoman import DragomanError
from dragoman._export import GDELT_COLUMNS
from dragoman._readers import read_inputs
from dragoman._store import open_store

from .corpus_articles import RECORDS, write_jsonl

HYPOTHETICAL = {"id": "maybe-4", "published": "2024-05-12", "source": "Harbour Daily",
                "text": "Peru may impose sanctions on Bolivia next month if the dispute "
                        "over the lake is not settled, a minister warned."}


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    folder = tmp_path_factory.mktemp("q")
    path = write_jsonl(folder / "in.jsonl", RECORDS + [HYPOTHETICAL])
    store = open_store(folder / "c.db")
    corpus.ingest(store, read_inputs([str(path)]), engine=engines.Local())
    store.close()
    return folder / "c.db"


def test_open_store_is_exported_and_events_filter(db):
    store = dragoman.open_store(db, readonly=True)
    everything = store.events(include_hypothetical=True)
    factual = store.events()
    assert len(factual) > 0 and len(everything) >= len(factual)
    assert set(factual["factual"]) == {1}
    consult = store.events(dyad="CHL-NOR", type="CONSULT")  # mutual: either order
    consult = consult[consult["location_country"] == "NOR"]
    assert list(consult["date"]) == ["2024-05-07", "2024-05-09"]
    assert list(consult["num_sources"]) == [3, 1]
    row = consult.iloc[0]
    text = store.conn.execute("SELECT text FROM articles WHERE id = ?",
                              (row["article_id"],)).fetchone()[0]
    assert text[row["sentence_start"]:row["sentence_end"]] == row["sentence"]
    later = store.events(since="2024-05-08", until="2024-05-31", type="CONSULT")
    assert list(later["date"]) == ["2024-05-09"]
    assert len(store.events(actor="ZZZ")) == 0
    assert len(store.events(quad_class=4, dyad="NOR-CHL")) == 0
    mentions = store.events(dyad="NOR-CHL", type="CONSULT", mentions=True)
    assert len(mentions) > len(consult)
    assert len(store.events(search="salmon", type="CONSULT")) == 1


def test_hypothetical_events_only_on_request(db):
    store = open_store(db, readonly=True)
    hyp = store.events(include_hypothetical=True, actor="PER", type="SANCTION")
    assert len(hyp) == 1 and list(hyp["factual"]) == [0]
    assert len(store.events(actor="PER", type="SANCTION")) == 0


def _stored_events(store, *, factual: bool = True) -> pd.DataFrame:
    """The article-level events of stored originals with both sides' actor keys."""
    from dragoman._trends import actor_key

    df = pd.read_sql_query(
        "SELECT e.article_id, e.event_id, e.type, e.goldstein, e.source_code, "
        "e.target_code, coalesce(e.date, a.published) AS day, e.negated, e.hypothetical "
        "FROM events e JOIN articles a ON a.id = e.article_id "
        "WHERE a.duplicate_of IS NULL", store.conn)
    if factual:
        df = df[(df["negated"] == 0) & (df["hypothetical"] == 0)]
    df["src"] = df["source_code"].map(actor_key)
    df["tgt"] = df["target_code"].map(actor_key)
    return df[df["src"].notna() & df["tgt"].notna() & (df["src"] != df["tgt"])]


def test_trend_frame_follows_the_stored_events(db):
    store = dragoman.open_store(db, readonly=True)
    stored = _stored_events(store)
    daily = store.trend()
    assert list(daily.columns[:2]) == ["dyad", "period"] and len(daily) >= 2
    assert set(daily["dyad"]) == {"CHL–NOR"}  # the hypothetical Peru story is left out
    for row in daily.itertuples():
        day = stored[stored["day"] == row.period.date().isoformat()]
        assert row.n == len(day) > 0
        assert row.goldstein_sum == pytest.approx(day["goldstein"].sum())
        assert row.tension == pytest.approx(-row.goldstein_sum / (row.n + 1))
        assert sorted(row.events) == sorted(zip(day["article_id"], day["event_id"]))
    assert "copy-1" not in {a for evs in daily["events"] for a, _ in evs}  # copies once
    weekly = store.trend(freq="W")
    assert len(weekly) == 1 and weekly["n"].iloc[0] == daily["n"].sum()
    assert weekly["period"].iloc[0] == pd.Timestamp("2024-05-06")  # weeks start Monday
    later = store.trend(since="2024-05-08")
    assert list(later["period"]) == [p for p in daily["period"] if p >= pd.Timestamp("2024-05-08")]
    assert store.trend(until="2024-05-01").empty


def test_trend_filters_and_options(db):
    store = dragoman.open_store(db, readonly=True)
    salmon = store.trend(search="salmon")  # only the second meeting's article says it
    assert {a for evs in salmon["events"] for a, _ in evs} == {"second-3"}
    consult = store.trend(dyad="NOR-CHL", type="CONSULT")
    assert consult["n"].sum() == len(_stored_events(store).query("type == 'CONSULT'"))
    assert store.trend(quad_class=4).empty and store.trend(actor="ZZZ").empty
    ordered = store.trend(ordered=True)
    assert set(ordered["dyad"]) <= {"CHL→NOR", "NOR→CHL"}
    assert ordered["n"].sum() == store.trend()["n"].sum()
    actors = store.trend(by="actor", actors="NOR")
    assert set(actors["actor"]) == {"NOR"} and list(actors.columns[:2]) == ["actor", "period"]
    every = _stored_events(store, factual=False)
    maybe = every[(every["negated"] == 1) | (every["hypothetical"] == 1)]
    assert len(maybe) > 0  # the written hypothetical story gives one
    both = store.trend(include_hypothetical=True)
    assert both["n"].sum() == store.trend()["n"].sum() + len(maybe)
    filled = store.trend(fill=True, alerts=True)
    assert {"baseline_mean", "z", "alert"} <= set(filled.columns)
    assert (filled["period"].diff().dropna() == pd.Timedelta(days=1)).all()
    for bad in ({"by": "country"}, {"freq": "M"}, {"since": "8 May 2024"},
                {"dyad": "NORCHL"}):
        with pytest.raises(DragomanError):
            store.trend(**bad)


def test_quotes_and_actors_frames(db):
    store = open_store(db, readonly=True)
    quotes = store.quotes()
    assert "speaker_name" in quotes.columns and "url" in quotes.columns
    assert len(store.quotes(search="nonexistentword")) == 0
    actors = store.actors(actor="NOR")
    assert len(actors) >= 1 and all(c.startswith("NOR") for c in actors["code"])
    with pytest.raises(DragomanError, match="unknown filter"):
        store.events(colour="red")


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "json", "table"])
def test_events_command_formats(db, fmt):
    result = CliRunner().invoke(main, ["events", "--db", str(db), "--dyad", "NOR-CHL",
                                       "--type", "CONSULT", "--format", fmt])
    assert result.exit_code == 0, result.output
    if fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(result.output)))
        assert {r["date"] for r in rows} == {"2024-05-07", "2024-05-09"}
    elif fmt == "jsonl":
        rows = [json.loads(line) for line in result.output.splitlines()]
        assert max(r["num_articles"] for r in rows) == 3 and all(r["url"] for r in rows)
    elif fmt == "json":
        assert {r["date"] for r in json.loads(result.output)} == {"2024-05-07", "2024-05-09"}
    else:
        assert "2024-05-07" in result.output and "CONSULT" in result.output


def test_query_commands_refuse_a_missing_store(tmp_path):
    result = CliRunner().invoke(main, ["quotes", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 2 and "no such store" in result.output


def test_parquet_export_reads_back_and_matches(db, tmp_path):
    out = tmp_path / "pq"
    result = CliRunner().invoke(main, ["export", "--db", str(db), "--format", "parquet",
                                       "--out", str(out)])
    assert result.exit_code == 0, result.output
    store = open_store(db, readonly=True)
    ce = ds.dataset(out / "corpus_events", format="parquet",
                    partitioning="hive").to_table().to_pandas()
    assert len(ce) == store.count("corpus_events")
    months = {p.name for p in (out / "corpus_events").iterdir()}
    assert "month=2024-05" in months
    events = pd.read_parquet(out / "events")
    assert len(events) == store.count("events")
    db_ids = {r[0] for r in store.conn.execute("SELECT id FROM corpus_events")}
    assert set(ce["id"]) == db_ids
    assert set(events["corpus_event_id"]) == db_ids


@pytest.mark.parametrize("fmt, name", [("csv", "quotes.csv"), ("jsonl", "quotes.jsonl")])
def test_csv_and_jsonl_export(db, tmp_path, fmt, name):
    CliRunner().invoke(main, ["export", "--db", str(db), "--format", fmt,
                              "--out", str(tmp_path)])
    frame = pd.read_csv(tmp_path / name) if fmt == "csv" else \
        pd.read_json(tmp_path / name, lines=True)
    assert len(frame) == open_store(db, readonly=True).count("quotes") > 0


def test_gdelt_export_has_gdelt_columns_and_counts(db, tmp_path):
    out = tmp_path / "events.tsv"
    result = CliRunner().invoke(main, ["export", "--db", str(db), "--format", "gdelt",
                                       "--out", str(out)])
    assert result.exit_code == 0, result.output
    frame = pd.read_csv(out, sep="\t", header=None, names=GDELT_COLUMNS,
                        dtype={"EventCode": str, "EventRootCode": str, "SQLDATE": str})
    store = open_store(db, readonly=True)
    assert len(GDELT_COLUMNS) == 61
    assert len(frame) == store.conn.execute(
        "SELECT count(*) FROM corpus_events WHERE factual = 1").fetchone()[0]
    meeting = frame[(frame["SQLDATE"] == "20240507") & (frame["EventRootCode"] == "04")
                    & (frame["ActionGeo_CountryCode"] == "NOR")]
    assert len(meeting) >= 1
    first = meeting.iloc[0]
    assert (first["NumArticles"], first["NumSources"]) == (3, 3)
    assert first["QuadClass"] == 1 and first["SOURCEURL"].startswith("https://")
    assert {first["Actor1CountryCode"], first["Actor2CountryCode"]} == {"NOR", "CHL"}
    assert frame["GLOBALEVENTID"].is_unique
