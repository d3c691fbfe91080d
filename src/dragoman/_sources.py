"""Where ingest reads from: what `analyze` reads, plus web pages, RSS/Atom feeds and WARC
files.

- a path or folder of .txt/.html/.jsonl files, or ``-``: as ``readers.read_inputs``;
- an ``http(s)://`` URL: a feed (each entry's page is fetched and its article
  extracted) or a single article page;
- a ``.rss``/``.atom``/``.xml`` file: a feed whose entries' pages are fetched;
- a ``.warc``/``.warc.gz`` file (a news crawl): each HTML response is an article.

Fetching is polite and bounded: a clear User-Agent, a timeout, a size limit and a few
retries with back-off for temporary failures (connection errors, 429, 5xx). An input
that cannot be fetched or holds no article becomes a ``Failed`` record; the rest goes on.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import os
import re
import time
import urllib.error
import urllib.request
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from . import __version__
from ._errors import InputError
from ._model import Article
from ._readers import EXTENSIONS, Failed, check_paths, html_article, read_inputs

FEED_EXTENSIONS = (".rss", ".atom", ".xml")
WARC_EXTENSIONS = (".warc", ".warc.gz")
USER_AGENT = (f"dragoman/{__version__} (news analysis for research; "
              "+https://pypi.org/project/dragoman/)")
RETRY_STATUS = frozenset({429, 500, 502, 503, 504})


@dataclass(frozen=True)
class Fetcher:
    """HTTP GET with a timeout, a size limit and retries."""

    timeout: float = 20.0
    max_bytes: int = 10_000_000
    retries: int = 3
    backoff: float = 0.5  # seconds before the first retry; doubled each time
    user_agent: str = USER_AGENT

    def get(self, url: str) -> tuple[bytes, str]:
        """The body and content type of ``url``.

        Raises:
            InputError: not http(s), too large, a client error, or still failing after
                the retries; the message names the URL.
        """
        if not re.match(r"https?://", url, re.I):
            raise InputError(f"{url}: only http:// and https:// URLs are fetched")
        delay = self.backoff
        for attempt in range(self.retries + 1):
            try:
                return self._get_once(url)
            except urllib.error.HTTPError as exc:
                if exc.code not in RETRY_STATUS or attempt == self.retries:
                    raise InputError(f"{url}: the server answered HTTP {exc.code} "
                                     f"({exc.reason})") from None
            except (urllib.error.URLError, TimeoutError, ConnectionError) as exc:
                if attempt == self.retries:
                    reason = getattr(exc, "reason", exc)
                    raise InputError(f"{url}: cannot be fetched ({reason}) after "
                                     f"{self.retries + 1} tries") from None
            time.sleep(delay)
            delay *= 2
        raise AssertionError("unreachable")

    def _get_once(self, url: str) -> tuple[bytes, str]:
        request = urllib.request.Request(url, headers={"User-Agent": self.user_agent,
                                                       "Accept-Encoding": "identity"})
        with urllib.request.urlopen(request, timeout=self.timeout) as response:
            length = response.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > self.max_bytes:
                raise InputError(f"{url}: {int(length)} bytes, more than the limit of "
                                 f"{self.max_bytes}")
            body = response.read(self.max_bytes + 1)
            if len(body) > self.max_bytes:
                raise InputError(f"{url}: more than the limit of {self.max_bytes} bytes")
            return body, response.headers.get("Content-Type", "")


def _text(data: bytes, content_type: str = "") -> str:
    """Decode a web page: its declared charset, else UTF-8, else cp1252 (never fails)."""
    m = re.search(r"charset=([\w-]+)", content_type or "", re.I) or \
        re.search(rb"<meta[^>]+charset=[\"']?([\w-]+)", data[:4096], re.I)
    charset = m.group(1) if m else "utf-8"
    if isinstance(charset, bytes):
        charset = charset.decode("ascii", "replace")
    for enc in (charset, "utf-8", "cp1252"):
        try:
            return data.decode(enc)
        except (UnicodeDecodeError, LookupError):
            continue
    return data.decode("utf-8", "replace")


def looks_like_feed(data: bytes, content_type: str = "") -> bool:
    head = data[:2048].lstrip().lower()
    return any(t in content_type.lower() for t in ("rss", "atom", "/xml")) or \
        head.startswith(b"<?xml") and (b"<rss" in head or b"<feed" in head) or \
        head.startswith((b"<rss", b"<feed"))


def _entry_date(entry) -> str | None:
    for key in ("published_parsed", "updated_parsed"):
        value = entry.get(key)
        if value:
            return dt.date(*value[:3]).isoformat()
    return None


def read_feed(data: bytes, where: str, fetcher: Fetcher) -> Iterator[Article | Failed]:
    """Each entry of an RSS/Atom feed: its page fetched and its article extracted."""
    import feedparser

    feed = feedparser.parse(data)
    if feed.bozo and not feed.entries:
        yield Failed(where, f"{where}: not a readable RSS or Atom feed "
                            f"({feed.get('bozo_exception', 'no entries')})")
        return
    outlet = feed.feed.get("title") or None
    for n, entry in enumerate(feed.entries, start=1):
        link = entry.get("link")
        if not link:
            yield Failed(f"{where}#{n}", f"{where}: entry {n} has no link to an article")
            continue
        try:
            body, ctype = fetcher.get(link)
            article = html_article(_text(body, ctype), link)
        except InputError as exc:
            yield Failed(link, str(exc))
            continue
        yield dataclasses.replace(
            article, url=link, title=article.title or entry.get("title") or None,
            published=article.published or _entry_date(entry),
            source=article.source or outlet)


def read_url(url: str, fetcher: Fetcher) -> Iterator[Article | Failed]:
    """A feed URL (its entries) or an article page."""
    try:
        body, ctype = fetcher.get(url)
        if looks_like_feed(body, ctype):
            yield from read_feed(body, url, fetcher)
            return
        article = html_article(_text(body, ctype), url)
        yield dataclasses.replace(article, url=url)
    except InputError as exc:
        yield Failed(url, str(exc))


def read_warc(path: Path) -> Iterator[Article | Failed]:
    """The articles of a WARC file: each HTML ``response`` record with status 200."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    name = str(path)
    try:
        with path.open("rb") as fh:
            head = fh.read(2)
            fh.seek(0)
            if head == b"\x1f\x8b":
                import gzip
                with gzip.open(fh) as unzipped:
                    head = unzipped.read(5)
                fh.seek(0)
            else:
                head = fh.read(5)
                fh.seek(0)
            if head != b"WARC/":
                raise ValueError("it does not start with a WARC/1.x record header")
            for record in ArchiveIterator(fh):
                if record.rec_type != "response" or record.http_headers is None:
                    continue
                uri = record.rec_headers.get_header("WARC-Target-URI") or ""
                status = record.http_headers.get_statuscode()
                ctype = record.http_headers.get_header("Content-Type") or ""
                if status != "200" or "html" not in ctype.lower():
                    continue
                where = f"{name}#{uri}"
                try:
                    html = _text(record.content_stream().read(), ctype)
                    article = html_article(html, where, name)
                except InputError as exc:
                    yield Failed(where, str(exc))
                    continue
                yield dataclasses.replace(article, url=uri or article.url)
    except (ArchiveLoadFailed, OSError, EOFError, ValueError) as exc:
        yield Failed(name, f"{name}: not a readable WARC file ({exc}); give a .warc or "
                           ".warc.gz file from a web crawl")


def _kind(path: str) -> str:
    lower = path.lower()
    if lower.endswith(WARC_EXTENSIONS):
        return "warc"
    if lower.endswith(FEED_EXTENSIONS):
        return "feed"
    return "file"


def _files(folder: Path) -> list[Path]:
    found = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found += [Path(root) / f for f in files if not f.startswith(".") and
                  (f.lower().endswith(EXTENSIONS + FEED_EXTENSIONS + WARC_EXTENSIONS))]
    return sorted(found)


def read_sources(paths: Iterable[str], *, encoding: str = "utf-8", timeout: float = 20.0,
                 fetcher: Fetcher | None = None) -> Iterator[Article | Failed]:
    """Every article of ``paths`` (files, folders, ``-``, URLs, feeds, WARC files).

    Raises:
        InputError: a path does not exist (nothing is read).
    """
    paths = list(paths) or ["-"]
    check_paths(p for p in paths if not re.match(r"https?://", p, re.I))
    return _read_all(paths, encoding, fetcher or Fetcher(timeout=timeout))


def _read_all(paths: list[str], encoding: str,
              fetcher: Fetcher) -> Iterator[Article | Failed]:
    for p in paths:
        if re.match(r"https?://", p, re.I):
            yield from read_url(p, fetcher)
        elif p != "-" and os.path.isdir(p):
            for f in _files(Path(p)):
                yield from _read_path(f, encoding, fetcher)
        elif p == "-":
            yield from read_inputs([p], encoding=encoding)
        else:
            yield from _read_path(Path(p), encoding, fetcher)


def _read_path(path: Path, encoding: str, fetcher: Fetcher) -> Iterator[Article | Failed]:
    kind = _kind(str(path))
    if kind == "warc":
        yield from read_warc(path)
    elif kind == "feed":
        try:
            data = path.read_bytes()
        except OSError as exc:
            yield Failed(str(path), f"{path}: cannot be read ({exc.strerror or exc})")
            return
        yield from read_feed(data, str(path), fetcher)
    else:
        yield from read_inputs([str(path)], encoding=encoding)


def count_inputs(paths: Iterable[str]) -> int | None:
    """How many articles ``paths`` hold, for a progress bar's ETA; None when unknown
    (standard input, URLs, feeds, WARC files) or the files cannot be read."""
    total = 0
    for p in list(paths) or ["-"]:
        if p == "-" or re.match(r"https?://", p, re.I):
            return None
        files = _files(Path(p)) if os.path.isdir(p) else [Path(p)]
        for f in files:
            kind = _kind(str(f))
            if kind != "file":
                return None
            if f.suffix.lower() == ".jsonl":
                try:
                    with f.open("rb") as fh:
                        total += sum(1 for line in fh if line.strip())
                except OSError:
                    return None
            else:
                total += 1
    return total
