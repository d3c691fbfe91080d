"""The command line: every format and option, exit statuses, errors in place."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from dragoman import __version__
from dragoman._cli import main

TEXT = ("Foreign Minister Anna Berg said on Monday that the talks in Oslo had been useful. "
        "\u201cWe will meet again,\u201d she told reporters.\n")


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture()
def article(tmp_path: Path) -> Path:
    f = tmp_path / "talks.txt"
    f.write_text(TEXT, encoding="utf-8")
    return f


def test_version_and_help(runner: CliRunner) -> None:
    assert __version__ in runner.invoke(main, ["--version"]).output
    for args in (["-h"], ["analyze", "-h"]):
        r = runner.invoke(main, args)
        assert r.exit_code == 0 and "Usage:" in r.output
    assert "Example:" in runner.invoke(main, ["analyze", "--help"]).output


def test_jsonl_contract_fields(runner: CliRunner, article: Path) -> None:
    r = runner.invoke(main, ["analyze", str(article), "--format", "jsonl"])
    assert r.exit_code == 0, r.output
    [line] = r.stdout.splitlines()
    d = json.loads(line)
    assert d["schema"] == "dragoman/1"
    assert set(d) >= {"article", "actors", "quotes", "events", "counts"}
    assert set(d["article"]) >= {"id", "title", "published", "url", "source"}
    assert d["actors"] and d["quotes"]
    for actor in d["actors"]:
        for m in actor["mentions"]:
            assert TEXT[m["start"]:m["end"]] == m["text"]


def test_json_one_object_or_array(runner: CliRunner, article: Path, tmp_path: Path) -> None:
    r = runner.invoke(main, ["analyze", str(article), "--format", "json"])
    assert r.exit_code == 0 and isinstance(json.loads(r.stdout), dict)
    other = tmp_path / "other.txt"
    other.write_text("The envoy arrived in Cairo.")
    r = runner.invoke(main, ["analyze", str(article), str(other), "--format", "json"])
    assert r.exit_code == 0 and [type(x) for x in json.loads(r.stdout)] == [dict, dict]


def test_text_format(runner: CliRunner, article: Path) -> None:
    r = runner.invoke(main, ["analyze", str(article), "--format", "text"])
    assert r.exit_code == 0
    assert "talks.txt" in r.output and "Quotes" in r.output and "Events" in r.output


def test_published_fills_missing_date(runner: CliRunner, article: Path) -> None:
    r = runner.invoke(main, ["analyze", str(article), "--format", "jsonl",
                             "--published", "2022-01-14"])
    assert json.loads(r.stdout)["article"]["published"] == "2022-01-14"


def test_published_does_not_override_article_date(runner: CliRunner, tmp_path: Path) -> None:
    f = tmp_path / "a.jsonl"
    f.write_text(json.dumps({"text": "Talks began.", "published": "2020-02-02"}) + "\n")
    r = runner.invoke(main, ["analyze", str(f), "--format", "jsonl", "--published", "2022-01-14"])
    assert json.loads(r.stdout)["article"]["published"] == "2020-02-02"


def test_bad_published_is_usage_error(runner: CliRunner, article: Path) -> None:
    r = runner.invoke(main, ["analyze", str(article), "--published", "Monday"])
    assert r.exit_code == 2 and "ISO date" in r.output


def test_stdin(runner: CliRunner) -> None:
    r = runner.invoke(main, ["analyze", "-", "--format", "jsonl"], input=TEXT)
    assert r.exit_code == 0 and len(r.stdout.splitlines()) == 1
    r = runner.invoke(main, ["analyze", "--format", "jsonl"], input=TEXT)
    assert r.exit_code == 0 and len(r.stdout.splitlines()) == 1


def test_missing_path_is_usage_error(runner: CliRunner, tmp_path: Path) -> None:
    r = runner.invoke(main, ["analyze", str(tmp_path / "nope.txt")])
    assert r.exit_code == 2 and "nope.txt" in r.output and "no such file" in r.output


def test_unknown_model_is_usage_error(runner: CliRunner, article: Path) -> None:
    r = runner.invoke(main, ["analyze", str(article), "--model", "xx_no_such_model"])
    assert r.exit_code == 2 and "xx_no_such_model" in r.output


def test_unknown_format_is_usage_error(runner: CliRunner, article: Path) -> None:
    assert runner.invoke(main, ["analyze", str(article), "--format", "xml"]).exit_code == 2


def test_batch_reports_bad_articles_in_place(runner: CliRunner, tmp_path: Path) -> None:
    batch = tmp_path / "batch.jsonl"
    batch.write_text("\n".join([json.dumps({"id": "a", "text": "The envoy arrived."}),
                                "{oops", json.dumps({"id": "c", "title": "no text"}),
                                json.dumps({"id": "d", "text": "Talks ended."})]) + "\n")
    (tmp_path / "z.txt").write_bytes(b"\xff\xfe bad bytes \xff")
    r = runner.invoke(main, ["analyze", str(batch), str(tmp_path / "z.txt"),
                             "--format", "jsonl"])
    assert r.exit_code == 1
    lines = [json.loads(x) for x in r.stdout.splitlines()]
    assert [x["article"]["id"] for x in lines] == ["a", f"{batch}:2", "c", "d",
                                                   str(tmp_path / "z.txt")]
    assert ["error" in x for x in lines] == [False, True, True, False, True]
    assert "--encoding" in lines[4]["error"]
    assert "error:" in r.stderr


def test_encoding_option(runner: CliRunner, tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_bytes("Le ministre français a parlé.".encode("cp1252"))
    r = runner.invoke(main, ["analyze", str(f), "--format", "jsonl", "--encoding", "cp1252"])
    assert r.exit_code == 0 and "error" not in json.loads(r.stdout)


def test_non_english_warns_and_analyses(runner: CliRunner, tmp_path: Path) -> None:
    f = tmp_path / "de.txt"
    f.write_text("Die Außenminister trafen sich am Montag in Genf, um über die Lage in "
                 "der Ukraine zu sprechen. Es gab keine Einigung, sagte ein Diplomat.")
    r = runner.invoke(main, ["analyze", str(f), "--format", "jsonl"])
    d = json.loads(r.stdout)
    assert r.exit_code == 0 and "error" not in d
    assert any("English" in w for w in d["warnings"])


def test_actors_file_adds_actor(runner: CliRunner, tmp_path: Path) -> None:
    text = "Envoy Zorblat Quenn said the Frobian Council would meet again.\n"
    f = tmp_path / "a.txt"
    f.write_text(text)
    actors = tmp_path / "actors.csv"
    actors.write_text("name,code,kind,aliases\nFrobian Council,IGOFRB,organisation,"
                      "the Council\n")
    r = runner.invoke(main, ["analyze", str(f), "--format", "jsonl", "--actors", str(actors)])
    assert r.exit_code == 0, r.output
    codes = {a["name"]: a["code"] for a in json.loads(r.stdout)["actors"]}
    assert codes.get("Frobian Council") == "IGOFRB"


def test_malformed_actors_file_is_usage_error(runner: CliRunner, article: Path,
                                              tmp_path: Path) -> None:
    actors = tmp_path / "actors.csv"
    actors.write_text("name,code,kind\nSomebody,XXX\n")
    r = runner.invoke(main, ["analyze", str(article), "--actors", str(actors)])
    assert r.exit_code == 2 and "actors.csv" in r.output and ":2" in r.output
