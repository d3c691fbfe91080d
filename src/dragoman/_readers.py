"""Reading articles: text, HTML and JSON Lines files, folders, standard input.

``read_inputs(paths)`` yields, in input order, an :class:`Article` for each article
and a :class:`Failed` record for each one that cannot be read, so that one bad input
never stops a batch: nothing a file holds (bytes, JSON, nesting, size) raises past
the reader.
"""
from __future__ import annotations

import codecs
import datetime as dt
import hashlib
import json
import os
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from ._errors import (DateError, EmptyInputError, EncodingError, InputError, SettingError,
                     TooLongError)
from ._model import Article

TEXT_EXTENSIONS = (".txt",)
HTML_EXTENSIONS = (".html", ".htm")
JSONL_EXTENSIONS = (".jsonl",)
EXTENSIONS = TEXT_EXTENSIONS + HTML_EXTENSIONS + JSONL_EXTENSIONS
#: An HTML page whose extracted body has fewer words holds no article.
MIN_HTML_WORDS = 5
#: Articles longer than this many characters are refused unless the limit is raised
#: (``--max-chars``): memory grows with the length of one article.
DEFAULT_MAX_CHARS = 6_000_000
#: UTF-8 needs at most 4 bytes a character: a file larger than this many bytes a
#: character of the limit is refused without being read.
MAX_BYTES_PER_CHAR = 4
#: Dates are resolved up to a year and a week either side of the publication date.
MIN_YEAR, MAX_YEAR = dt.MINYEAR + 1, dt.MAXYEAR - 1


@dataclass(frozen=True)
class Failed:
    """An input that could not be read or analysed: where it was and what went wrong.

    ``exc`` is the error itself, when there was one (it is not compared).
    """

    id: str
    error: str
    exc: Exception | None = field(default=None, compare=False, repr=False)


def content_id(text: str) -> str:
    """A stable id for an article without one: a hash of its text."""
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def display_path(path: str | os.PathLike[str]) -> str:
    """A path as printable text: bytes that are not UTF-8 shown as ``\\xe9`` escapes.

    Undecodable file-name bytes arrive as lone surrogates (PEP 383), which no UTF-8
    output accepts.
    """
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def printable(text: str) -> str:
    """``text`` with lone surrogates replaced by U+FFFD, so that it encodes as UTF-8."""
    return _SURROGATE.sub("\ufffd", text)


_SURROGATE = re.compile("[\ud800-\udfff]")
_ISO_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[T ][0-9:.+\-Z]*)?\Z")


def check_date(value: Any, where: str) -> str | None:
    """An ISO date (YYYY-MM-DD, or a timestamp that starts with one) from ``value``.

    Raises:
        DateError: (a ValueError) naming ``where``, when ``value`` is not such a date
            or its year is outside the years relative dates can be resolved in.
    """
    if value is None or value == "":
        return None
    day = None
    if isinstance(value, str) and _ISO_DAY.match(value.strip()):
        try:
            day = dt.date.fromisoformat(value.strip()[:10])
        except ValueError:
            day = None
    if day is None:
        raise DateError(f"{where}: 'published' must be an ISO date such as 2022-01-14, "
                        f"found {printable(repr(value)[:80])}")
    if not MIN_YEAR <= day.year <= MAX_YEAR:
        raise DateError(f"{where}: the year of 'published' ({day.year}) must be between "
                        f"{MIN_YEAR} and {MAX_YEAR}, so that relative dates can be "
                        "resolved against it")
    return day.isoformat()


def check_encoding(encoding: str) -> str:
    """The codec name to decode with (``utf-8-sig`` for UTF-8, so a BOM is dropped).

    Raises:
        SettingError: the encoding is unknown to Python.
    """
    try:
        codecs.lookup(encoding)
    except (LookupError, ValueError, TypeError):
        raise SettingError(f"unknown encoding {encoding!r}: give a Python codec name "
                           "such as utf-8, cp1252, latin-1 or utf-16") from None
    if codecs.lookup(encoding).name in ("utf-8", "utf-8-sig"):
        return "utf-8-sig"
    return encoding


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


def unix_newlines(text: str) -> str:
    """CRLF and lone CR line endings as LF, as Python's text mode reads them."""
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


def decode(data: bytes, where: str, encoding: str = "utf-8") -> str:
    """Bytes to text: BOM dropped; binary data and bad bytes refused with the fix."""
    codec = check_encoding(encoding)
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as exc:
        if b"\x00" in data[:8192]:
            raise InputError(f"{where}: looks like a binary file (it contains NUL bytes), "
                             "not text; give a .txt, .html or .jsonl article, or, for "
                             "UTF-16 or UTF-32 text, name it with --encoding utf-16") from None
        raise EncodingError(f"{where}: not valid {encoding} text (byte {exc.start}: "
                            f"{data[exc.start:exc.start + 1]!r}); if the file is in another "
                            "encoding, name it with --encoding, e.g. --encoding cp1252") from None
    # NUL characters are checked after decoding, so that UTF-16 text can be read
    if "\x00" in text[:8192]:
        raise InputError(f"{where}: looks like a binary file (it contains NUL characters), "
                         "not text; give a .txt, .html or .jsonl article, or name its "
                         "encoding with --encoding (e.g. utf-16)")
    if not text.strip():
        raise EmptyInputError(f"{where}: the file is empty; there is no text to analyse")
    return text


def html_article(html: str, where: str, path: str | None = None) -> Article:
    """The article in an HTML page: its body text, title, date and site name."""
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                          include_tables=False)
    except RecursionError:  # markup nested tens of thousands deep
        doc = None
    text = (getattr(doc, "text", None) or "") if doc is not None else ""
    if len(text.split()) < MIN_HTML_WORDS:  # a menu or a caption is no article
        raise EmptyInputError(f"{where}: no article body found in this HTML page; "
                              "give the page of a single article, or its text as .txt")
    published = None
    try:
        published = check_date(getattr(doc, "date", None), where)
    except InputError:
        published = None
    return article_from_text(printable(text), title=getattr(doc, "title", None) or None,
                             published=published, url=getattr(doc, "url", None) or None,
                             source=getattr(doc, "sitename", None) or None,
                             text_in_output=True, path=path)


def _field(value: Any) -> str | None:
    """A metadata field as text (None stays None)."""
    if value is None:
        return None
    return printable(value if isinstance(value, str) else json.dumps(value)[:200])


def _load_json(line: str, where: str) -> Any:
    """``json.loads`` that raises only InputError, whatever the line holds."""
    try:
        return json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(f"{where}: not valid JSON ({exc.msg}, column {exc.colno}); "
                         "each line must be one JSON object such as "
                         '{"text": "..."}') from None
    except RecursionError:
        raise InputError(f"{where}: not usable JSON (nested too deeply); each line must "
                         'be one JSON object such as {"text": "..."}') from None
    except ValueError as exc:  # e.g. an integer of more than 4,300 digits
        raise InputError(f"{where}: not usable JSON ({exc}); each line must be one JSON "
                         'object such as {"text": "..."}') from None


def jsonl_article(line: str, where: str) -> Article:
    """One JSON Lines record (CONTRACT.md) as an Article."""
    obj = _load_json(line, where)
    if not isinstance(obj, dict):
        raise InputError(f"{where}: expected a JSON object with a 'text' field, "
                         f"found a {type(obj).__name__}")
    text = obj.get("text")
    if not isinstance(text, str):
        raise InputError(f"{where}: the object has no 'text' string; add the article's "
                         "text as \"text\": \"...\"")
    if not text.strip():
        raise EmptyInputError(f"{where}: 'text' is empty; there is nothing to analyse")
    return article_from_text(text, id=_field(obj.get("id")) or None,
                             published=check_date(obj.get("published"), where),
                             title=_field(obj.get("title")), url=_field(obj.get("url")),
                             source=_field(obj.get("source")))


def _jsonl_id(line: str, where: str) -> str:
    """The id a bad JSON Lines record reports: its own when readable, else where it is."""
    try:
        obj = _load_json(line, where)
    except InputError:
        return where
    if isinstance(obj, dict) and obj.get("id") not in (None, ""):
        return _field(obj["id"]) or where
    return where


def read_jsonl(text: str, name: str) -> Iterator[Article | Failed]:
    """Each non-blank line of a JSON Lines text, as an Article or a Failed.

    Records end at "\\n" only (a CR before it is dropped): U+2028, U+2029 and U+0085
    may appear raw inside JSON strings and do not end a record.
    """
    for number, line in enumerate(text.split("\n"), start=1):
        line = line.removesuffix("\r")
        if not line.strip():
            continue
        where = f"{name}:{number}"
        try:
            yield jsonl_article(line, f"{name} line {number}")
        except InputError as exc:
            yield Failed(_jsonl_id(line, where), str(exc))


def _too_long(where: str, size: int, max_chars: int, unit: str) -> TooLongError:
    return TooLongError(f"{where}: the article is too long ({size:,} {unit}; the limit is "
                        f"{max_chars:,} characters); split it, or raise the limit with "
                        "--max-chars (max_chars= in Python)")


def read_file(path: Path, *, encoding: str = "utf-8",
              max_chars: int | None = DEFAULT_MAX_CHARS) -> Iterator[Article | Failed]:
    """The articles of one file, by its extension."""
    name = display_path(path)
    ext = path.suffix.lower()
    if ext not in EXTENSIONS:
        yield Failed(name, f"{name}: unknown extension {ext or '(none)'!r}; dragoman reads "
                           f"{', '.join(EXTENSIONS)} files (rename it, or pipe it: "
                           f"dragoman analyze - < {name})")
        return
    try:
        size = path.stat().st_size
        if max_chars and ext not in JSONL_EXTENSIONS and size > max_chars * MAX_BYTES_PER_CHAR:
            raise _too_long(name, size, max_chars, "bytes")
        text = decode(path.read_bytes(), name, encoding)
        if ext in JSONL_EXTENSIONS:
            yield from read_jsonl(text, name)
        elif ext in HTML_EXTENSIONS:
            yield html_article(text, name, name)
        else:
            read = unix_newlines(text)
            yield article_from_text(read, title=headline(read), path=name,
                                    text_in_output=read != text)
    except InputError as exc:
        yield Failed(name, str(exc))
    except OSError as exc:
        yield Failed(name, f"{name}: cannot be read ({exc.strerror or exc}); check that "
                           "it exists and that you may read it")
    except MemoryError:
        yield Failed(name, f"{name}: too large to read into memory; split it")


def files_in(directory: Path) -> list[Path | Failed]:
    """The readable files under ``directory``, recursively, sorted by path.

    A subfolder that cannot be listed is a Failed record in its place.
    """
    found: list[Path | Failed] = []

    def unreadable(exc: OSError) -> None:
        where = display_path(exc.filename or directory)
        found.append(Failed(where, f"{where}: folder cannot be read ({exc.strerror or exc}); "
                                   "check that you may list it"))

    for root, dirs, files in os.walk(directory, onerror=unreadable):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found += [Path(root) / f for f in files
                  if not f.startswith(".") and Path(f).suffix.lower() in EXTENSIONS]
    return sorted(found, key=lambda f: os.fsencode(f) if isinstance(f, Path)
                  else os.fsencode(f.id))


def read_stream(stream: IO[bytes] | None, *, encoding: str = "utf-8",
                name: str = "<stdin>",
                max_chars: int | None = DEFAULT_MAX_CHARS) -> Iterator[Article | Failed]:
    """An article (or, if it looks like JSON Lines, articles) from a byte stream."""
    try:
        if stream is None:
            raise InputError(f"{name}: standard input is closed; give a file, or pipe "
                             "an article into dragoman")
        limit = max_chars * MAX_BYTES_PER_CHAR if max_chars else -1
        data = stream.read(limit + 1) if limit > 0 else stream.read()
        if limit > 0 and len(data) > limit:
            raise _too_long(name, len(data), max_chars or 0, "bytes or more")
        text = decode(data, name, encoding)
    except InputError as exc:
        yield Failed(name, str(exc))
        return
    except OSError as exc:
        yield Failed(name, f"{name}: cannot be read ({exc.strerror or exc})")
        return
    lines = [line for line in text.split("\n") if line.strip()]
    if all(line.lstrip().startswith("{") for line in lines):
        yield from read_jsonl(text, name)
    else:
        read = unix_newlines(text)
        yield article_from_text(read, text_in_output=read != text)


def check_paths(paths: Iterable[str]) -> None:
    """Refuse, before reading anything, a path that does not exist."""
    for p in paths:
        if p != "-" and not os.path.lexists(p):
            raise InputError(f"{display_path(p)}: no such file or directory; give a .txt, "
                             ".html or .jsonl file, a folder of them, or - for standard input")


def _stdin() -> IO[bytes] | None:
    """Standard input's bytes, or None when it is closed (``<&-``)."""
    stream = sys.stdin
    return getattr(stream, "buffer", None) if stream is not None else None


def read_inputs(paths: Iterable[str], *, encoding: str = "utf-8",
                stdin: IO[bytes] | None = None,
                max_chars: int | None = DEFAULT_MAX_CHARS) -> Iterator[Article | Failed]:
    """Every article of ``paths`` in order; ``-`` (or no path) reads standard input.

    Raises:
        InputError: a path does not exist (a usage error: nothing is read).
        SettingError: the encoding is unknown.
    """
    paths = list(paths) or ["-"]
    check_paths(paths)
    check_encoding(encoding)
    for p in paths:
        if p == "-":
            yield from read_stream(stdin or _stdin(), encoding=encoding, max_chars=max_chars)
        elif os.path.isdir(p):
            for f in files_in(Path(p)):
                if isinstance(f, Failed):
                    yield f
                else:
                    yield from read_file(f, encoding=encoding, max_chars=max_chars)
        else:
            yield from read_file(Path(p), encoding=encoding, max_chars=max_chars)
