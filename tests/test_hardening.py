"""Hardening: no input stops a batch, hangs it or exhausts memory (issue 13).

Each test holds one defect found by trying dragoman as a hostile or careless user
would; each failed before its fix. Subprocess tests run the real command, where
locale, signals and closed streams behave as they do for a user.
"""
from __future__ import annotations

import json
import os
import resource
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

import dragoman
from dragoman import _nlp as nlp_mod
from dragoman import _pipeline as pipeline
from dragoman._cli import main
from dragoman import (AnalysisError, ArticleTimeout, DateError, DragomanError,
                             TooLongError)
from dragoman._model import Analysis, Article
from dragoman._pipeline import analyze_items
from dragoman._readers import Failed, read_inputs

ROOT = Path(__file__).resolve().parent.parent
DRAGOMAN = [sys.executable, "-m", "dragoman"]
GOOD = "Foreign Minister Anna Berg said on Monday that the talks in Oslo had been useful.\n"
GOOD2 = "\u201cWe will meet again,\u201d the envoy told reporters in Vienna.\n"


def jsonl(*objs: object) -> str:
    return "".join((o if isinstance(o, str) else json.dumps(o)) + "\n" for o in objs)


def run_cli(*args: str, input: str | bytes | None = None) -> tuple[int, list[dict], str]:
    r = CliRunner().invoke(main, ["analyze", *args], input=input)
    lines = [json.loads(x) for x in r.stdout.splitlines()] if "--format" in args and \
        args[args.index("--format") + 1] == "jsonl" else []
    return r.exit_code, lines, r.stderr


def ids(lines: list[dict]) -> list[str]:
    return [x["article"]["id"] for x in lines]


def run_process(args: list[str], **kw: object) -> subprocess.CompletedProcess:
    env = {**os.environ, **kw.pop("env", {})}  # type: ignore[dict-item]
    return subprocess.run(DRAGOMAN + ["analyze", *args], capture_output=True, env=env, timeout=300,
                          **kw)  # type: ignore[call-overload]


# 1, 2: JSON Lines lines that used to raise past the reader and stop the run

@pytest.mark.parametrize("bad, message", [
    ('{"id": 1, "n": ' + "9" * 5000 + ', "text": "x"}', "digits"),
    ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
    ('{"text": ' + "[" * 100_000 + "]" * 100_000 + "}", "nested too deeply"),
])
def test_unparsable_json_line_is_an_error_record_in_place(tmp_path: Path, bad: str,
                                                          message: str) -> None:
    f = tmp_path / "batch.jsonl"
    f.write_text(jsonl({"id": "a", "text": GOOD}, bad, {"id": "c", "text": GOOD2}))
    code, lines, _ = run_cli(str(f), "--format", "jsonl")
    assert code == 1
    assert ids(lines) == ["a", f"{f}:2", "c"]
    assert "error" not in lines[0] and "error" not in lines[2]
    assert message in lines[1]["error"] and "line 2" in lines[1]["error"]


# 3: a lone surrogate escape in a JSON Lines text

def test_lone_surrogate_in_jsonl_text_is_analysed(tmp_path: Path) -> None:
    f = tmp_path / "s.jsonl"
    f.write_text('{"id": "s\\udc80", "text": "Talks \\ud800 resumed in Oslo, officials said."}\n'
                 + jsonl({"id": "b", "text": GOOD}))
    r = CliRunner().invoke(main, ["analyze", str(f), "--format", "jsonl"])
    assert r.exit_code == 0, r.output
    r.stdout_bytes.decode("utf-8")  # strict: valid UTF-8
    first, second = (json.loads(x) for x in r.stdout.splitlines())
    assert first["article"]["text"] == "Talks \ufffd resumed in Oslo, officials said."
    assert first["article"]["id"] == "s\ufffd" and second["article"]["id"] == "b"


# 4: file names that are not UTF-8, and a stdout that is not UTF-8

@pytest.mark.skipif(sys.platform != "linux", reason="needs byte file names")
def test_undecodable_file_name_gives_valid_utf8(tmp_path: Path) -> None:
    d = os.fsencode(tmp_path)
    with open(os.path.join(d, b"caf\xe9.txt"), "wb") as fh:
        fh.write(GOOD.encode())
    with open(os.path.join(d, b"bad\xff.txt"), "wb") as fh:
        fh.write(b"\xff\xfe\x00\x01 not text")
    env = {"LC_ALL": "C", "LANG": "C", "PYTHONIOENCODING": "ascii:strict",
           "PYTHONUTF8": "0"}
    r = run_process([str(tmp_path), "--format", "jsonl"], env=env)
    assert r.returncode == 1, r.stderr
    out = r.stdout.decode("utf-8")  # strict: raises on invalid UTF-8
    records = [json.loads(x) for x in out.splitlines()]
    assert len(records) == 2
    assert records[1]["article"]["path"].endswith("caf\\xe9.txt")
    assert "bad\\xff.txt" in records[0]["article"]["id"] and "error" in records[0]
    r.stderr.decode("utf-8")


def test_non_ascii_output_with_strict_ascii_stdout(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text("Talks in Z\u00fcrich\n\n\u201cWe won\u2019t accept this,\u201d said the "
                 "minister. " + GOOD, encoding="utf-8")
    r = run_process([str(f), "--format", "text"],
                    env={"PYTHONIOENCODING": "ascii:strict", "LC_ALL": "C"})
    assert r.returncode == 0, r.stderr
    out = r.stdout.decode("utf-8")
    assert "Talks in Z\u00fcrich" in out and "won\u2019t accept" in out


# 5: --format text must not read article text as markup

def test_text_format_prints_markup_literally(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        "The envoy said: \u201cThis [/bold] is [red]final[/red].\u201d\n")
    (tmp_path / "b.txt").write_text("Zorblat Quenn arrived in Cairo on Monday.\n")
    r = CliRunner().invoke(main, ["analyze", str(tmp_path), "--format", "text"])
    assert r.exit_code == 0, r.output
    assert "[/bold]" in r.stdout and "[red]final[/red]" in r.stdout
    assert "b.txt" in r.stdout  # the next article is printed too


def test_text_format_failure_with_markup_in_its_name(tmp_path: Path) -> None:
    f = tmp_path / "[red]x.txt"
    f.write_text("")
    r = CliRunner().invoke(main, ["analyze", str(f), "--format", "text"])
    assert r.exit_code == 1 and "[red]x.txt" in r.stdout and "empty" in r.stdout


# 6: size: a per-article limit, memory errors in place, bounded parse memory

def test_too_long_article_is_refused_in_place(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(GOOD * 20)
    (tmp_path / "b.txt").write_text(GOOD)
    code, lines, _ = run_cli(str(tmp_path), "--format", "jsonl", "--max-chars", "500")
    assert code == 1 and len(lines) == 2
    assert "too long" in lines[0]["error"] and "--max-chars" in lines[0]["error"]
    assert "error" not in lines[1]
    code, lines, _ = run_cli(str(tmp_path), "--format", "jsonl", "--max-chars", "0")
    assert code == 0 and not any("error" in x for x in lines)


def test_too_long_in_the_library() -> None:
    with pytest.raises(TooLongError, match="max_chars"):
        dragoman.analyze(GOOD * 10, max_chars=100)
    assert dragoman.analyze(GOOD * 10, max_chars=None).actors


def test_memory_error_is_that_articles_error(monkeypatch: pytest.MonkeyPatch) -> None:
    real = nlp_mod.make_doc

    def greedy(nlp: object, text: str) -> object:
        if "Vienna" in text:
            raise MemoryError()
        return real(nlp, text)  # type: ignore[arg-type]

    monkeypatch.setattr(nlp_mod, "make_doc", greedy)
    items = [Article("a", GOOD), Article("b", GOOD2), Article("c", GOOD)]
    out = list(analyze_items(items))
    assert [type(x).__name__ for x in out] == ["Analysis", "Failed", "Analysis"]
    assert isinstance(out[1], Failed) and "out of memory" in out[1].error
    with pytest.raises(AnalysisError, match="out of memory"):
        dragoman.analyze(GOOD2)


def test_parser_error_is_that_articles_error(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(nlp: object, text: str) -> object:
        raise ValueError("[E000] the parser broke")

    monkeypatch.setattr(nlp_mod, "make_doc", broken)
    out = list(analyze_items([Article("a", GOOD), Article("b", GOOD2)]))
    assert [x.id for x in out if isinstance(x, Failed)] == ["a", "b"]
    assert all("the parser broke" in x.error for x in out if isinstance(x, Failed))


def test_parse_long_parses_one_piece_at_a_time(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_batches(*args: object, **kw: object) -> object:
        raise AssertionError("parse_long must not batch its pieces with nlp.pipe")

    nlp = nlp_mod.load()
    monkeypatch.setattr(type(nlp), "pipe", no_batches)
    monkeypatch.setattr(nlp_mod, "CHUNK_CHARS", 2_000)
    text = ("Officials met in Geneva on Monday. " * 60 + "\n") * 4
    doc = nlp_mod.parse_long(nlp, text)
    assert doc.text == text and len(list(doc.sents)) >= 240


def test_ten_megabyte_single_line_is_refused_clearly(tmp_path: Path) -> None:
    """Figures printed, not asserted: the refusal's time and the peak memory."""
    f = tmp_path / "huge.txt"
    f.write_text("The envoys talked and talked " * (10_000_000 // 29 + 1))
    start = time.perf_counter()
    r = run_process([str(f), "--format", "jsonl"])
    took = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"\n10 MB single line: exit {r.returncode}, {took:.1f} s, "
          f"peak RSS of the largest child so far {peak:.0f} MB")
    [record] = [json.loads(x) for x in r.stdout.splitlines()]
    assert r.returncode == 1 and "too long" in record["error"]
    assert "--max-chars" in record["error"] and "huge.txt" in record["error"]


# 7: closed standard input

def test_closed_stdin_is_an_error_record() -> None:
    r = subprocess.run(["bash", "-c", " ".join(DRAGOMAN) + " analyze --format jsonl <&-"],
                       capture_output=True, timeout=300, text=True)
    assert r.returncode == 1, r.stderr
    assert "Traceback" not in r.stderr
    [record] = [json.loads(x) for x in r.stdout.splitlines()]
    assert record["article"]["id"] == "<stdin>" and "closed" in record["error"]


# 8: records end at "\n" only

def test_jsonl_records_end_at_newline_only(tmp_path: Path) -> None:
    f = tmp_path / "u.jsonl"
    texts = [f"The envoy{sep} arrived in Oslo on Monday." for sep in "\u2028\u2029\x85"]
    f.write_text(jsonl(*({"id": str(i), "text": t} for i, t in enumerate(texts))).replace(
        "\\u2028", "\u2028").replace("\\u2029", "\u2029").replace("\\u0085", "\x85"))
    assert "\u2028" in f.read_text()  # raw, not escaped
    got = list(read_inputs([str(f)]))
    assert [a.text for a in got if isinstance(a, Article)] == texts
    code, lines, _ = run_cli(str(f), "--format", "jsonl")
    assert code == 0 and ids(lines) == ["0", "1", "2"]


def test_jsonl_line_numbers_count_newlines_only(tmp_path: Path) -> None:
    f = tmp_path / "n.jsonl"
    f.write_text('{"text": "a\u2028b c"}\n{broken\n')
    [_, bad] = read_inputs([str(f)])
    assert isinstance(bad, Failed) and bad.id == f"{f}:2" and "line 2" in bad.error


# 9: publication dates, in the command line and in the library

@pytest.mark.parametrize("value", ["9999-12-31", "0001-01-01", "2022-01-01garbage",
                                   "14 January 2022", "2022-02-30"])
def test_unusable_published_is_a_usage_error(tmp_path: Path, value: str) -> None:
    f = tmp_path / "a.txt"
    f.write_text(GOOD)
    r = CliRunner().invoke(main, ["analyze", str(f), "--published", value])
    assert r.exit_code == 2 and "--published" in r.output


@pytest.mark.parametrize("value", ["14 January 2022", "9999-12-31", "0001-01-01",
                                   "2022-01-01garbage", "2022/01/14"])
def test_unusable_published_in_the_library(value: str) -> None:
    with pytest.raises(DateError, match="published") as info:
        dragoman.analyze(GOOD, published=value)
    assert isinstance(info.value, ValueError)


def test_usable_published_extremes_resolve() -> None:
    for day in ("9998-12-31", "0002-01-01"):
        a = dragoman.analyze("The talks took place yesterday and will resume tomorrow "
                             "in Geneva.", published=day)
        assert a.article.published == day


def test_analyze_none_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="str"):
        dragoman.analyze(None)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="iterable"):
        list(dragoman.analyze_many(GOOD))  # type: ignore[arg-type]


# 10: --encoding utf-16

@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-32"])
def test_utf16_files_are_read(tmp_path: Path, encoding: str) -> None:
    f = tmp_path / "a.txt"
    f.write_bytes(GOOD.encode(encoding))
    [a] = read_inputs([str(f)], encoding=encoding)
    assert isinstance(a, Article) and a.text.lstrip("\ufeff") == GOOD
    [b] = read_inputs([str(f)])
    assert isinstance(b, Failed) and "--encoding" in b.error


def test_unknown_encoding_is_a_usage_error(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text(GOOD)
    r = CliRunner().invoke(main, ["analyze", str(f), str(f), "--encoding", "klingon"])
    assert r.exit_code == 2 and "unknown encoding 'klingon'" in r.output


def test_messages_name_the_encoding_asked_for(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_bytes(b"caf\xe9 au lait")
    [r] = read_inputs([str(f)])
    assert isinstance(r, Failed) and "utf-8-sig" not in r.error and "utf-8" in r.error


def test_json_error_message_reads_well(tmp_path: Path) -> None:
    f = tmp_path / "a.jsonl"
    f.write_text('{"text": "unterminated\n')
    [r] = read_inputs([str(f)])
    assert isinstance(r, Failed) and "at at" not in r.error and "column" in r.error


# 11: runs of quote marks (quadratic in spaCy's tokenizer)

def test_long_runs_without_spaces_are_tokenized_in_pieces() -> None:
    nlp = nlp_mod.load()
    text = "He said " + "\u201c" * 5000 + " then " + "x" * 2500 + " end."
    doc = nlp_mod.make_doc(nlp, text)
    assert doc.text == text
    assert max(len(t.text) for t in doc) <= nlp_mod.MAX_WORD_CHARS


def test_sixteen_thousand_opening_quote_marks_within_budget() -> None:
    start = time.perf_counter()
    a = dragoman.analyze("The envoy said " + "\u201c" * 16_000 + " nothing.",
                         article_timeout=60)
    print(f"\n16,000 opening quote marks: {time.perf_counter() - start:.1f} s")
    assert a.article.text.count("\u201c") == 16_000


def test_long_sentences_are_bounded_and_offsets_kept() -> None:
    text = " ".join(f"word{i}" for i in range(3000)) + "."
    doc = nlp_mod.parse(nlp_mod.load(), text)
    assert doc.text == text
    longest = max(len(s) for s in doc.sents)
    assert 0 < longest <= nlp_mod.MAX_SENTENCE_TOKENS


def test_ordinary_sentences_are_left_to_the_parser() -> None:
    text = "The minister said the talks in Geneva had been useful. " * 40
    doc = nlp_mod.make_doc(nlp_mod.load(), text)
    assert not any(t.is_sent_start for t in doc[1:])


# 12: unreadable input, one way everywhere

def test_unreadable_subfolder_is_an_error_record(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a.txt").write_text(GOOD)
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "b.txt").write_text(GOOD2)
    (tmp_path / "z.txt").write_text(GOOD2)
    real = os.scandir

    def scandir(path: object = ".") -> object:
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "scandir", scandir)
    got = list(read_inputs([str(tmp_path)]))
    assert [type(x).__name__ for x in got] == ["Article", "Failed", "Article"]
    assert isinstance(got[1], Failed) and "locked" in got[1].error \
        and "Permission denied" in got[1].error


def test_unreadable_file_named_on_command_line_is_in_place(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    a, locked = tmp_path / "a.txt", tmp_path / "locked.txt"
    a.write_text(GOOD)
    locked.write_text(GOOD2)
    real_read, real_access = Path.read_bytes, os.access

    def read_bytes(self: Path) -> bytes:
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return real_read(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    monkeypatch.setattr(os, "access", lambda p, mode, **kw: "locked" not in str(p)
                        and real_access(p, mode, **kw))
    code, lines, _ = run_cli(str(locked), str(a), "--format", "jsonl")
    assert code == 1 and ids(lines)[0] == str(locked)
    assert "cannot be read" in lines[0]["error"] and "error" not in lines[1]


# 13: CR line endings

@pytest.mark.parametrize("newline", ["\r", "\r\n"])
def test_cr_line_endings_read_like_lf(tmp_path: Path, newline: str) -> None:
    body = ("Envoys meet again\n\n\u201cWe will meet again,\u201d the envoy said.\n"
            "\u201cNothing is agreed,\u201d the minister said.\n")
    f = tmp_path / "a.txt"
    f.write_bytes(body.replace("\n", newline).encode())
    code, [d], _ = run_cli(str(f), "--format", "jsonl")
    lf = tmp_path / "lf.txt"
    lf.write_text(body)
    _, [e], _ = run_cli(str(lf), "--format", "jsonl")
    assert code == 0 and d["article"]["title"] == "Envoys meet again"
    assert [q["text"] for q in d["quotes"]] == [q["text"] for q in e["quotes"]]
    assert d["quotes"] and not any(q["text"].endswith("\r") for q in d["quotes"])
    assert d["article"]["text"] == body  # the text the offsets point into


def test_lone_cr_in_the_library_keeps_offsets() -> None:
    text = "\u201cWe will meet again,\u201d the envoy said.\r\u201cNo,\u201d the minister said."
    a = dragoman.analyze(text)
    assert a.article.text == text.replace("\r", "\n")
    assert len(a.quotes) == 2
    assert all(a.article.text[q.start:q.end] == q.text for q in a.quotes)


# minor: duplicate ids

def test_duplicate_ids_warn(tmp_path: Path) -> None:
    f = tmp_path / "d.jsonl"
    f.write_text(jsonl({"id": "x", "text": GOOD}, {"id": "x", "text": GOOD2},
                       {"id": "y", "text": GOOD}))
    code, lines, err = run_cli(str(f), "--format", "jsonl")
    assert code == 0
    assert [any("same" in w or "id 'x'" in w for w in x.get("warnings", []))
            for x in lines] == [False, True, False]
    assert "warning: x:" in err


# the time budget, in the library and the command line

def _slow_quotes(monkeypatch: pytest.MonkeyPatch, marker: str, seconds: float) -> None:
    real = pipeline.find_quotes

    def slow(doc, actors, **kw):  # type: ignore[no-untyped-def]
        if marker in doc.text:
            deadline = time.monotonic() + seconds
            while time.monotonic() < deadline:  # busy, as a superlinear stage is
                sum(range(1000))
        return real(doc, actors, **kw)

    monkeypatch.setattr(pipeline, "find_quotes", slow)


def test_time_budget_turns_a_hang_into_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    _slow_quotes(monkeypatch, "Vienna", 30)
    start = time.perf_counter()
    out = list(analyze_items([Article("a", GOOD), Article("b", GOOD2), Article("c", GOOD)],
                             article_timeout=1.5))
    assert time.perf_counter() - start < 25
    assert [type(x).__name__ for x in out] == ["Analysis", "Failed", "Analysis"]
    assert isinstance(out[1], Failed) and "time budget of 1.5 s" in out[1].error
    assert "--article-timeout" in out[1].error
    with pytest.raises(ArticleTimeout):
        dragoman.analyze(GOOD2, article_timeout=1)


def test_time_budget_in_the_command(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _slow_quotes(monkeypatch, "Vienna", 30)
    (tmp_path / "a.txt").write_text(GOOD2)
    (tmp_path / "b.txt").write_text(GOOD)
    code, lines, err = run_cli(str(tmp_path), "--format", "jsonl", "--article-timeout", "1")
    assert code == 1 and "time budget" in lines[0]["error"] and "error" not in lines[1]


def test_time_budget_in_a_thread(monkeypatch: pytest.MonkeyPatch) -> None:
    _slow_quotes(monkeypatch, "Vienna", 3)
    out: list[object] = []
    t = threading.Thread(target=lambda: out.extend(
        analyze_items([Article("b", GOOD2), Article("c", GOOD)], article_timeout=1)))
    t.start()
    t.join(60)
    assert [type(x).__name__ for x in out] == ["Failed", "Analysis"]


@pytest.mark.parametrize("value", [-1, "10", True])
def test_bad_limits_are_refused(value: object) -> None:
    with pytest.raises(ValueError):
        dragoman.analyze(GOOD, article_timeout=value)  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        dragoman.analyze(GOOD, max_chars=value)  # type: ignore[arg-type]


# signals: every printed line complete, a final message, 130 / 143

def _many_articles(tmp_path: Path, n: int = 400, size: int = 30) -> Path:
    f = tmp_path / "many.jsonl"
    f.write_text(jsonl(*({"id": str(i), "text": GOOD * size + GOOD2 * size}
                         for i in range(n))))
    return f


@pytest.mark.parametrize("sig, status", [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_signal_ends_batch_cleanly(tmp_path: Path, sig: int, status: int) -> None:
    f = _many_articles(tmp_path, 400, 3)
    proc = subprocess.Popen(DRAGOMAN + ["analyze", str(f), "--format", "jsonl"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None
    first = proc.stdout.readline()
    proc.send_signal(sig)
    rest, err = proc.communicate(timeout=120)
    lines = (first + rest).decode("utf-8").splitlines()
    assert proc.returncode == status, err
    assert lines and all(json.loads(x)["article"]["id"] for x in lines)
    assert (first + rest).endswith(b"\n")
    assert f"after {len(lines)} article" in err.decode() and b"Traceback" not in err


def test_head_ends_quietly(tmp_path: Path) -> None:
    f = _many_articles(tmp_path, 60, 1)
    r = subprocess.run(["bash", "-c", f"{' '.join(DRAGOMAN)} analyze {f} --format jsonl "
                        "| head -1"], capture_output=True, timeout=300, text=True)
    assert len(r.stdout.splitlines()) == 1 and json.loads(r.stdout)["article"]["id"] == "0"
    assert r.stderr == ""


# thread safety holds

def test_four_threads_give_the_sequential_results() -> None:
    texts = [GOOD, GOOD2, GOOD + GOOD2, "Russian troops moved to the border on Monday.",
             "NATO ministers met in Brussels.", GOOD2 + GOOD]
    sequential = [dragoman.analyze(t, published="2022-01-14").to_dict() for t in texts]
    results: dict[int, list[dict]] = {}

    def work(k: int) -> None:
        results[k] = [dragoman.analyze(t, published="2022-01-14").to_dict() for t in texts]

    threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert len(results) == 4 and all(r == sequential for r in results.values())
    assert any(d["quotes"] for d in sequential)


def test_batch_goes_on_after_every_kind_of_bad_input(tmp_path: Path) -> None:
    (tmp_path / "1.jsonl").write_text(jsonl({"text": GOOD}, "[" * 5000, {"text": GOOD2}))
    (tmp_path / "2.txt").write_bytes(b"\x1f\x8b\x08\x00gzip")
    (tmp_path / "3.txt").write_text("   ")
    (tmp_path / "4.html").write_text("<div>" * 20_000 + "deep" + "</div>" * 20_000)
    (tmp_path / "5.txt").write_text(GOOD)
    code, lines, _ = run_cli(str(tmp_path), "--format", "jsonl", "--article-timeout", "60")
    assert code == 1
    assert ["error" in x for x in lines] == [False, True, False, True, True, True, False]
    assert isinstance(lines[0], dict) and all(isinstance(x, dict) for x in lines)
    assert all(isinstance(r, (Analysis, Failed)) for r in
               analyze_items(read_inputs([str(tmp_path)])))


def test_output_lines_survive_splitlines(tmp_path: Path) -> None:
    f = tmp_path / "sep.jsonl"
    # the lone CR puts the text into the output, with its line separators
    f.write_text(json.dumps({"id": "x\u2028y", "text": "Talks\r resumed\u2028in\x85Oslo "
                             "\u2029on Monday."}, ensure_ascii=False) + "\n")
    r = CliRunner().invoke(main, ["analyze", str(f), "--format", "jsonl"])
    [line] = r.stdout.splitlines()
    d = json.loads(line)
    assert d["article"]["id"] == "x\u2028y" and "\x85" in d["article"]["text"]
