"""`dragoman ingest` as a user runs it: summary, refusal of a foreign file, kill -9."""
from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from click.testing import CliRunner

from dragoman._cli import main

from .corpus_articles import RECORDS, many, write_jsonl

DRAGOMAN = str(Path(sys.executable).parent / "dragoman")

# what must be equal between a clean run and a killed-and-rerun one (no timestamps)
SNAPSHOT = {
    "articles": "SELECT id, text_hash, duplicate_of, analyzer_version FROM articles",
    "article_sources": "SELECT article_id, url, source, path, copy_id FROM article_sources",
    "events": "SELECT * FROM events",
    "quotes": "SELECT * FROM quotes",
    "actors": "SELECT * FROM actors",
    "mentions": "SELECT * FROM mentions",
    "corpus_events": "SELECT * FROM corpus_events",
    "errors": "SELECT input, error FROM errors",
    "fts": "SELECT rowid, text FROM quotes_fts",
}


def snapshot(db: Path) -> dict[str, list[tuple]]:
    conn = sqlite3.connect(db)
    out = {name: sorted(map(tuple, conn.execute(sql)), key=repr)
           for name, sql in SNAPSHOT.items()}
    conn.close()
    return out


def test_ingest_prints_a_summary_and_reingest_adds_nothing(tmp_path):
    data = write_jsonl(tmp_path / "news.jsonl", RECORDS)
    db = tmp_path / "c.db"
    runner = CliRunner()
    first = runner.invoke(main, ["ingest", str(data), "--db", str(db)])
    assert first.exit_code == 0, first.output
    assert "new 3, duplicate 0, near-duplicate 1, failed 0" in first.output
    second = runner.invoke(main, ["ingest", str(data), "--db", str(db)])
    assert "new 0, duplicate 4, near-duplicate 0, failed 0" in second.output


def test_ingest_refuses_a_file_that_is_not_a_store(tmp_path):
    notes = tmp_path / "notes.db"
    notes.write_text("my notes, not a database\n")
    result = CliRunner().invoke(main, ["ingest", str(tmp_path), "--db", str(notes)])
    assert result.exit_code == 2
    assert "not a dragoman store" in result.output and "untouched" in result.output
    assert notes.read_text() == "my notes, not a database\n"


def test_kill_9_mid_ingest_then_rerun_equals_a_clean_run(tmp_path):
    data = write_jsonl(tmp_path / "many.jsonl", many(24) + RECORDS)
    clean, killed = tmp_path / "clean.db", tmp_path / "killed.db"
    cmd = [DRAGOMAN, "ingest", str(data), "--batch-size", "1"]
    subprocess.run(cmd + ["--db", str(clean)], check=True, capture_output=True, timeout=300)

    proc = subprocess.Popen(cmd + ["--db", str(killed)], stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, start_new_session=True)
    stored = 0
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline and proc.poll() is None:
        if killed.exists():
            try:
                conn = sqlite3.connect(f"file:{killed}?mode=ro", uri=True)
                stored = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
                conn.close()
            except sqlite3.OperationalError:
                stored = 0
            if stored >= 4:
                break
        time.sleep(0.05)
    assert proc.poll() is None, "the ingest ended before it could be killed"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    partial = snapshot(killed)["articles"]
    assert 4 <= len(partial) < len(snapshot(clean)["articles"])

    subprocess.run(cmd + ["--db", str(killed)], check=True, capture_output=True, timeout=300)
    assert snapshot(killed) == snapshot(clean)


def test_reanalyze_all_rewrites_the_same_rows(tmp_path):
    data = write_jsonl(tmp_path / "news.jsonl", RECORDS)
    db = tmp_path / "c.db"
    runner = CliRunner()
    assert runner.invoke(main, ["ingest", str(data), "--db", str(db)]).exit_code == 0
    before = snapshot(db)
    result = runner.invoke(main, ["reanalyze", "--db", str(db), "--all"])
    assert result.exit_code == 0, result.output
    assert "read 3 articles" in result.output  # the near-duplicate copy is not re-run
    after = snapshot(db)
    # quotes get new rowids when rewritten; the FTS index follows them
    fts_before, fts_after = before.pop("fts"), after.pop("fts")
    assert sorted(t for _, t in fts_after) == sorted(t for _, t in fts_before)
    assert after == before and after["events"]
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*) FROM quotes q JOIN quotes_fts f ON f.rowid = q.rowid "
                        "AND f.text = q.text").fetchone()[0] == len(fts_after) > 0
    conn.close()
    nothing = runner.invoke(main, ["reanalyze", "--db", str(db)])
    assert "read 0 articles" in nothing.output
