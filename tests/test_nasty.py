"""The committed corpus of nasty inputs (tests/nasty/, written by scripts/make_nasty.py):
each gives its record (an analysis or a clear error) within the time budget, in order,
and the batch goes on."""
from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from dragoman._cli import main

NASTY = Path(__file__).parent / "nasty"
BUDGET = "60"


def expected_ids(folder: Path) -> int:
    n = 0
    for f in sorted(folder.iterdir()):
        if f.suffix == ".jsonl":
            n += sum(1 for line in f.read_bytes().split(b"\n") if line.strip())
        else:
            n += 1
    return n


def analyse(*paths: str, budget: str = BUDGET) -> tuple[int, list[dict], float]:
    start = time.perf_counter()
    r = CliRunner().invoke(main, ["analyze", *paths, "--format", "jsonl",
                                  "--article-timeout", budget])
    took = time.perf_counter() - start
    r.stdout_bytes.decode("utf-8")  # strict: valid UTF-8
    return r.exit_code, [json.loads(x) for x in r.stdout.splitlines()], took


def test_corpus_is_there() -> None:
    assert len(list(NASTY.iterdir())) >= 30


def test_every_nasty_input_gives_its_record() -> None:
    code, records, took = analyse(str(NASTY))
    print(f"\nnasty corpus: {len(records)} records from {len(list(NASTY.iterdir()))} "
          f"files in {took:.1f} s")
    assert code == 1  # some inputs are refused, none stops the batch
    assert len(records) == expected_ids(NASTY)
    for d in records:
        assert ("error" in d) != ("schema" in d)
        if "error" in d:
            assert d["error"] and d["article"]["id"] and "Traceback" not in d["error"]
            assert "time budget" not in d["error"]  # nothing pathological hangs
    by_id = {d["article"]["id"]: d for d in records}
    assert "digits" in by_id[f"{NASTY / 'nasty.jsonl'}:2"]["error"]
    assert "nested too deeply" in by_id[f"{NASTY / 'nasty.jsonl'}:3"]["error"]
    assert "year of 'published'" in by_id["year9999"]["error"]
    assert "--encoding" in by_id[str(NASTY / "invalid-utf8.txt")]["error"]
    assert "binary" in by_id[str(NASTY / "gzip.txt")]["error"]
    analysed = [d for d in records if "schema" in d]
    assert len(analysed) >= 25


def test_links_that_loop_or_dangle(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("The envoy arrived in Oslo on Monday.")
    os.symlink(tmp_path / "loop.txt", tmp_path / "loop.txt")
    os.symlink(tmp_path / "missing.txt", tmp_path / "dangling.txt")
    os.symlink(tmp_path, tmp_path / "self")
    code, records, _ = analyse(str(tmp_path), str(tmp_path / "dangling.txt"))
    assert code == 1
    assert [("error" in d) for d in records][:1] == [False]
    assert sum("error" in d for d in records) >= 3
    assert all("cannot be read" in d["error"] for d in records if "error" in d)


def test_html_nested_a_hundred_thousand_deep(tmp_path: Path) -> None:
    f = tmp_path / "bomb.html"
    f.write_text("<html><body>" + "<div>" * 100_000 + "<p>The envoy said the talks "
                 "would resume on Monday in Geneva.</p>" + "</div>" * 100_000)
    code, [d], took = analyse(str(f))
    print(f"\nHTML nested 100,000 deep: {took:.1f} s")
    assert ("error" in d and "bomb.html" in d["error"]) or d["schema"]


@pytest.mark.slow
def test_one_megabyte_paragraph(tmp_path: Path) -> None:
    f = tmp_path / "para.txt"
    words = "the envoy said talks with Russia would resume near the border and".split()
    f.write_text(" ".join(words[i % len(words)] for i in range(180_000)))
    # a megabyte is twenty long articles: its budget is theirs, not one article's
    # (the time is printed, not asserted: machines here are shared and noisy)
    code, [d], took = analyse(str(f), budget="1200")
    print(f"\n1 MB paragraph: {took:.1f} s")
    assert code == 0 and d["schema"], d.get("error")
    assert len(d["quotes"]) > 1000 and d["actors"][0]["code"] == "RUS"
