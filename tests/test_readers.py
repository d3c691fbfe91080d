"""Readers: every input kind, and every bad input with a clear error."""
from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from dragoman import InputError, SettingError
from dragoman._model import Article
from dragoman._readers import (Failed, check_date, content_id, files_in, headline,
                              read_inputs, read_stream)

ARTICLE = "Talks resume\n\nThe two ministers met in Oslo on Friday, officials said.\n"
HTML = ("<html><head><title>Envoys meet | Paper</title>"
        '<meta property="og:site_name" content="Paper">'
        '<meta property="article:published_time" content="2023-05-02T08:00:00Z"></head>'
        "<body><nav>Home | World</nav><article><h1>Envoys meet</h1>"
        "<p>The envoys of both countries met in Oslo on Friday to discuss the border "
        "dispute, and agreed to meet again within a month, officials said.</p>"
        "<p>Neither side commented on the details of the talks afterwards.</p>"
        "</article><footer>All rights reserved</footer></body></html>")


def read(*paths: Path | str, **kw: object) -> list[Article | Failed]:
    return list(read_inputs([str(p) for p in paths], **kw))  # type: ignore[arg-type]


def test_txt_is_read_unchanged_with_headline_and_hash_id(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text(ARTICLE, encoding="utf-8")
    [a] = read(f)
    assert isinstance(a, Article)
    assert a.text == ARTICLE
    assert a.title == "Talks resume"
    assert a.id == content_id(ARTICLE) and len(a.id) == 16
    assert a.path == str(f)


def test_bom_is_dropped(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_bytes(b"\xef\xbb\xbf" + ARTICLE.encode())
    [a] = read(f)
    assert isinstance(a, Article) and a.text == ARTICLE


def test_same_text_same_id(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "b.txt").write_text(ARTICLE)
    a, b = read(tmp_path)
    assert isinstance(a, Article) and isinstance(b, Article) and a.id == b.id


@pytest.mark.parametrize("text, expected", [
    ("Headline here\n\nBody.", "Headline here"),
    ("A sentence that ends.\n\nBody.", None),
    ("No blank line\nBody.", None),
    ("One line only", None),
])
def test_headline(text: str, expected: str | None) -> None:
    assert headline(text) == expected


def test_html_article(tmp_path: Path) -> None:
    f = tmp_path / "page.html"
    f.write_text(HTML)
    [a] = read(f)
    assert isinstance(a, Article)
    assert "met in Oslo on Friday" in a.text and "All rights reserved" not in a.text
    assert a.title == "Envoys meet"
    assert a.published == "2023-05-02"
    assert a.source == "Paper"
    assert a.text_in_output and a.to_dict()["text"] == a.text


def test_html_without_body(tmp_path: Path) -> None:
    f = tmp_path / "empty.htm"
    f.write_text("<html><head><title>x</title></head><body><nav>Home</nav></body></html>")
    [r] = read(f)
    assert isinstance(r, Failed) and "no article body" in r.error and str(f) in r.error


def test_jsonl_articles_and_bad_lines(tmp_path: Path) -> None:
    f = tmp_path / "batch.jsonl"
    f.write_text("\n".join([
        json.dumps({"id": "one", "text": "First text.", "published": "2022-01-14",
                    "title": "T", "url": "http://example.org/1", "source": "S"}),
        "{not json",
        json.dumps({"id": "three", "title": "no text"}),
        "",
        json.dumps({"text": "Fifth text."}),
        json.dumps(["a", "list"]),
        json.dumps({"id": "bad-date", "text": "x", "published": "14/01/2022"}),
    ]) + "\n")
    r = read(f)
    assert [type(x).__name__ for x in r] == ["Article", "Failed", "Failed", "Article",
                                             "Failed", "Failed"]
    one = r[0]
    assert isinstance(one, Article)
    assert (one.id, one.published, one.title, one.url, one.source) == \
        ("one", "2022-01-14", "T", "http://example.org/1", "S")
    assert isinstance(r[1], Failed) and "line 2" in r[1].error and "not valid JSON" in r[1].error
    assert isinstance(r[2], Failed) and r[2].id == "three" and "line 3" in r[2].error \
        and "'text'" in r[2].error
    assert isinstance(r[3], Article) and r[3].id == content_id("Fifth text.")
    assert isinstance(r[4], Failed) and "line 6" in r[4].error
    assert isinstance(r[5], Failed) and r[5].id == "bad-date" and "ISO date" in r[5].error


def test_directory_recursive_sorted_by_extension(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text("Zed.")
    (tmp_path / "a.txt").write_text("Ay.")
    (tmp_path / "notes.md").write_text("ignored")
    (tmp_path / ".hidden.txt").write_text("ignored")
    assert [p.name for p in files_in(tmp_path)] == ["a.txt", "z.txt"]
    assert [a.text for a in read(tmp_path) if isinstance(a, Article)] == ["Ay.", "Zed."]


def test_empty_file(tmp_path: Path) -> None:
    f = tmp_path / "empty.txt"
    f.write_text("  \n")
    [r] = read(f)
    assert isinstance(r, Failed) and "empty" in r.error and str(f) in r.error


def test_binary_file(tmp_path: Path) -> None:
    f = tmp_path / "image.txt"
    f.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    [r] = read(f)
    assert isinstance(r, Failed) and "binary" in r.error


def test_invalid_utf8_names_file_and_offers_encoding(tmp_path: Path) -> None:
    f = tmp_path / "latin.txt"
    f.write_bytes("Le ministre a déclaré.".encode("latin-1"))
    [r] = read(f)
    assert isinstance(r, Failed)
    assert str(f) in r.error and "--encoding" in r.error
    [a] = read(f, encoding="latin-1")
    assert isinstance(a, Article) and a.text == "Le ministre a déclaré."


def test_unknown_encoding_is_refused_before_reading(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text("x")
    with pytest.raises(SettingError, match="unknown encoding 'klingon'"):
        read(f, encoding="klingon")


def test_unknown_extension(tmp_path: Path) -> None:
    f = tmp_path / "article.docx"
    f.write_text("text")
    [r] = read(f)
    assert isinstance(r, Failed) and ".docx" in r.error and ".jsonl" in r.error


def test_missing_path_is_refused_before_reading(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read(tmp_path / "a.txt", tmp_path / "missing.txt")


def test_stdin_text_and_jsonl() -> None:
    [a] = read_stream(io.BytesIO(ARTICLE.encode()))
    assert isinstance(a, Article) and a.text == ARTICLE
    lines = b'{"id": "x", "text": "One."}\n{"text": "Two."}\n'
    got = list(read_stream(io.BytesIO(lines)))
    assert [x.text for x in got if isinstance(x, Article)] == ["One.", "Two."]
    [e] = read_stream(io.BytesIO(b""))
    assert isinstance(e, Failed) and e.id == "<stdin>"


@pytest.mark.parametrize("value, expected", [
    (None, None), ("", None), ("2022-01-14", "2022-01-14"),
    ("2022-01-14T10:00:00Z", "2022-01-14")])
def test_check_date(value: str | None, expected: str | None) -> None:
    assert check_date(value, "x") == expected


@pytest.mark.parametrize("value", ["14 January", "2022-13-01", 20220114])
def test_check_date_refuses(value: object) -> None:
    with pytest.raises(InputError, match="ISO date"):
        check_date(value, "--published")
