"""Reading articles: text, HTML and JSON Lines files, folders, standard input.

``read_inputs(paths)`` yields, in input order, an :class:`Article` for each article
and a :class:`Failed` record for each one that cannot be read, so that one bad input
never stops a batch.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from .errors import EmptyInputError, EncodingError, InputError
from .model import Article

TEXT_EXTENSIONS = (".txt",)
HTML_EXTENSIONS = (".html", ".htm")
JSONL_EXTENSIONS = (".jsonl",)
EXTENSIONS = TEXT_EXTENSIONS + HTML_EXTENSIONS + JSONL_EXTENSIONS
#: An HTML page whose extracted body has fewer words holds no article.
MIN_HTML_WORDS = 5


@dataclass(frozen=True)
class Failed:
    """An input that could not be read: where it was and what went wrong."""

    id: str
    error: str


def content_id(text: str) -> str:
    """A stable id for an article without one: a hash of its text."""
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def check_date(value: Any, where: str) -> str | None:
    """An ISO date (YYYY-MM-DD) from ``value``; a clear error naming ``where`` otherwise."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip()[:10]).isoformat()
        except ValueError:
            pass
    raise InputError(f"{where}: 'published' must be an ISO date such as 2022-01-14, "
                     f"found {value!r}")


def article_from_text(text: str, *, id: str | None = None, title: str | None = None,
                      published: str | None = None, url: str | None = None,
                      source: str | None = None, text_in_output: bool = False,
                      path: str | None = None) -> Article:
    """An Article for ``text``, with a content-hash id unless one is given."""
    return Article(id or content_id(text), text, title, published, url, source,
                   text_in_output, path)


def headline(text: str) -> str | None:
    """The first line of a plain-text article when it reads as a headline.

    A headline is short, does not end a sentence, and is followed by a blank line.
    """
    lines = text.lstrip("\ufeff").split("\n", 2)
    if len(lines) < 3 or lines[1].strip():
        return None
    first = lines[0].strip()
    if 0 < len(first) <= 160 and first[-1] not in ".!?:;,\"”’":
        return first
    return None


def decode(data: bytes, where: str, encoding: str = "utf-8") -> str:
    """Bytes to text: BOM dropped; binary data and bad bytes refused with the fix."""
    if b"\x00" in data[:8192]:
        raise InputError(f"{where}: looks like a binary file (it contains NUL bytes), "
                         "not text; give a .txt, .html or .jsonl article")
    if encoding.replace("-", "").lower() in ("utf8", "utf8sig"):
        encoding = "utf-8-sig"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise EncodingError(f"{where}: not valid {encoding} text (byte {exc.start}: "
                            f"{data[exc.start:exc.start + 1]!r}); if the file is in another "
                            "encoding, name it with --encoding, e.g. --encoding cp1252") from None
    except LookupError:
        raise EncodingError(f"unknown encoding {encoding!r}: give a Python codec name "
                            "such as utf-8, cp1252 or latin-1") from None
    if not text.strip():
        raise EmptyInputError(f"{where}: the file is empty; there is no text to analyse")
    return text


def html_article(html: str, where: str, path: str | None = None) -> Article:
    """The article in an HTML page: its body text, title, date and site name."""
    import trafilatura

    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                      include_tables=False)
    text = (getattr(doc, "text", None) or "") if doc is not None else ""
    if len(text.split()) < MIN_HTML_WORDS:  # a menu or a caption is no article
        raise EmptyInputError(f"{where}: no article body found in this HTML page; "
                              "give the page of a single article, or its text as .txt")
    published = None
    try:
        published = check_date(getattr(doc, "date", None), where)
    except InputError:
        published = None
    return article_from_text(text, title=getattr(doc, "title", None) or None,
                             published=published, url=getattr(doc, "url", None) or None,
                             source=getattr(doc, "sitename", None) or None,
                             text_in_output=True, path=path)


def jsonl_article(line: str, where: str) -> Article:
    """One JSON Lines record (CONTRACT.md) as an Article."""
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(f"{where}: not valid JSON ({exc.msg} at column {exc.colno}); "
                         "each line must be one JSON object such as "
                         '{"text": "..."}') from None
    if not isinstance(obj, dict):
        raise InputError(f"{where}: expected a JSON object with a 'text' field, "
                         f"found a {type(obj).__name__}")
    text = obj.get("text")
    if not isinstance(text, str):
        raise InputError(f"{where}: the object has no 'text' string; add the article's "
                         "text as \"text\": \"...\"")
    if not text.strip():
        raise EmptyInputError(f"{where}: 'text' is empty; there is nothing to analyse")
    meta = {}
    for key in ("title", "url", "source"):
        value = obj.get(key)
        meta[key] = str(value) if value is not None else None
    ident = obj.get("id")
    return article_from_text(text, id=str(ident) if ident not in (None, "") else None,
                             published=check_date(obj.get("published"), where), **meta)


def _jsonl_id(line: str, where: str) -> str:
    """The id a bad JSON Lines record reports: its own when readable, else where it is."""
    try:
        obj = json.loads(line)
        if isinstance(obj, dict) and obj.get("id") not in (None, ""):
            return str(obj["id"])
    except json.JSONDecodeError:
        pass
    return where


def read_jsonl(text: str, name: str) -> Iterator[Article | Failed]:
    """Each non-blank line of a JSON Lines text, as an Article or a Failed."""
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{name}:{number}"
        try:
            yield jsonl_article(line, f"{name} line {number}")
        except InputError as exc:
            yield Failed(_jsonl_id(line, where), str(exc))


def read_file(path: Path, *, encoding: str = "utf-8") -> Iterator[Article | Failed]:
    """The articles of one file, by its extension."""
    name = str(path)
    ext = path.suffix.lower()
    if ext not in EXTENSIONS:
        yield Failed(name, f"{name}: unknown extension {ext or '(none)'!r}; dragoman reads "
                           f"{', '.join(EXTENSIONS)} files (rename it, or pipe it: "
                           f"dragoman analyze - < {name})")
        return
    try:
        text = decode(path.read_bytes(), name, encoding)
        if ext in JSONL_EXTENSIONS:
            yield from read_jsonl(text, name)
        elif ext in HTML_EXTENSIONS:
            yield html_article(text, name, name)
        else:
            yield article_from_text(text, title=headline(text), path=name)
    except InputError as exc:
        yield Failed(name, str(exc))
    except OSError as exc:
        yield Failed(name, f"{name}: cannot be read ({exc.strerror or exc})")


def files_in(directory: Path) -> list[Path]:
    """The readable files under ``directory``, recursively, sorted by path."""
    found = []
    for root, dirs, files in os.walk(directory):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found += [Path(root) / f for f in files
                  if not f.startswith(".") and Path(f).suffix.lower() in EXTENSIONS]
    return sorted(found)


def read_stream(stream: IO[bytes], *, encoding: str = "utf-8",
                name: str = "<stdin>") -> Iterator[Article | Failed]:
    """An article (or, if it looks like JSON Lines, articles) from a byte stream."""
    try:
        text = decode(stream.read(), name, encoding)
    except InputError as exc:
        yield Failed(name, str(exc))
        return
    first = text.lstrip()[:1]
    if first == "{" and all(line.lstrip().startswith("{")
                            for line in text.splitlines() if line.strip()):
        yield from read_jsonl(text, name)
    else:
        yield article_from_text(text)


def check_paths(paths: Iterable[str]) -> None:
    """Refuse, before reading anything, a path that does not exist."""
    for p in paths:
        if p != "-" and not os.path.exists(p):
            raise InputError(f"{p}: no such file or directory; give a .txt, .html or "
                             ".jsonl file, a folder of them, or - for standard input")


def read_inputs(paths: Iterable[str], *, encoding: str = "utf-8",
                stdin: IO[bytes] | None = None) -> Iterator[Article | Failed]:
    """Every article of ``paths`` in order; ``-`` (or no path) reads standard input.

    Raises:
        InputError: a path does not exist (a usage error: nothing is read).
    """
    paths = list(paths) or ["-"]
    check_paths(paths)
    for p in paths:
        if p == "-":
            yield from read_stream(stdin or sys.stdin.buffer, encoding=encoding)
        elif os.path.isdir(p):
            for f in files_in(Path(p)):
                yield from read_file(f, encoding=encoding)
        else:
            yield from read_file(Path(p), encoding=encoding)
