"""dragoman brief over a store built from examples/ and the seed article."""
from __future__ import annotations

import re
import sqlite3

import pytest
from click.testing import CliRunner

from dragoman import _brief as brief
from dragoman._cli import main

WINDOW = ("2022-01-01", "2022-01-31")


@pytest.fixture(scope="module")
def seed_brief(seed_db):
    return brief.build_brief(seed_db, *WINDOW, ["USA", "RUS", "NATO", "UKR"])


def test_brief_names_the_three_dyads_with_cited_events_and_quotes(seed_brief):
    by = {d.dyad: d for d in seed_brief.dyads}
    assert {"RUS–USA", "NATO–RUS", "RUS–UKR"} <= set(by)
    for name in ("RUS–USA", "NATO–RUS", "RUS–UKR"):
        events = by[name].hostile + by[name].cooperative
        assert events, name
        for e in events:
            assert e["article_id"] and e["title"] and e["sentence"]
            assert {e["source_code"][:3], e["target_code"][:3]} <= {"USA", "RUS", "NAT", "UKR"}
    for name in ("RUS–USA", "NATO–RUS"):
        assert by[name].quotes, name
        for q in by[name].quotes:
            assert q["text"] in q["sentence"] or q["text"][:20] in q["sentence"]
    assert by["NATO–RUS"].hostile[0]["goldstein"] < 0


def test_cited_sentence_is_the_article_text_at_the_offsets(seed_brief, seed_db):
    conn = sqlite3.connect(seed_db)
    e = next(d for d in seed_brief.dyads if d.dyad == "NATO–RUS").hostile[0]
    text, = conn.execute("SELECT text FROM articles WHERE id = ?", (e["article_id"],)).fetchone()
    assert text[e["sentence_start"]:e["sentence_end"]].strip() == e["sentence"]
    assert e["trigger_text"] in e["sentence"]


def test_markdown_and_html_cite_each_dyad(seed_brief, tmp_path):
    files = brief.write_brief(seed_brief, tmp_path)
    md = files["md"].read_text(encoding="utf-8")
    html = files["html"].read_text(encoding="utf-8")
    for name in ("RUS–USA", "NATO–RUS", "RUS–UKR"):
        assert f"## {name}: " in md
        assert f"<h2>{name}: " in html
    assert "Sergei Ryabkov" in md and "Wendy Sherman" in md
    assert seed_brief.verdict[0].isupper() and "RUS" in seed_brief.verdict
    assert "(article `europe-week-of-diplomacy`)" in md
    assert "<script" not in html
    assert re.search(r'src="data:image/png;base64,[A-Za-z0-9+/=]{200,}"', html)
    assert files["tension"].read_bytes()[:4] == b"\x89PNG"


def test_empty_window_says_so(example_db):
    b = brief.build_brief(example_db, "1999-01-01", "1999-01-31", charts=False)
    assert b.dyads == [] and "No events" in b.verdict
    assert "No events" in brief.to_markdown(b)


@pytest.mark.parametrize("args, message", [
    (["--from", "2022-02-30", "--to", "2022-03-01"], "--from must be a date"),
    (["--from", "2022-03-01", "--to", "2022-02-01"], "is before --from"),
])
def test_cli_rejects_bad_windows(example_db, args, message):
    r = CliRunner().invoke(main, ["brief", "--db", str(example_db), *args])
    assert r.exit_code == 2 and message in r.output


def test_cli_rejects_a_missing_store(tmp_path):
    r = CliRunner().invoke(main, ["brief", "--db", str(tmp_path / "none.db"),
                                  "--from", "2022-01-01", "--to", "2022-01-02"])
    assert r.exit_code == 2 and "no such store" in r.output


def test_cli_prints_markdown_and_writes_files(example_db, tmp_path):
    r = CliRunner().invoke(main, ["brief", "--db", str(example_db), "--from", WINDOW[0],
                                  "--to", WINDOW[1], "--actors", "usa,rus"])
    assert r.exit_code == 0, r.output
    assert "## RUS–USA: " in r.output and "## NATO–RUS" not in r.output
    r = CliRunner().invoke(main, ["brief", "--db", str(example_db), "--from", WINDOW[0],
                                  "--to", WINDOW[1], "--out", str(tmp_path / "b")])
    assert r.exit_code == 0 and (tmp_path / "b" / "brief.html").is_file()
