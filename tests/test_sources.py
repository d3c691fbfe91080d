"""Feeds, web pages and WARC files, served by a local HTTP server on 127.0.0.1 only."""
from __future__ import annotations

import io
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from dragoman._model import Article
from dragoman._readers import Failed
from dragoman._sources import USER_AGENT, Fetcher, read_sources, read_warc

PAGE = """<html><head><title>{title}</title></head><body>
<nav>Home | World | Sport</nav>
<article><h1>{title}</h1><p>{body}</p></article>
<footer>Copyright the example outlet</footer></body></html>"""

PAGES = {
    "/a1.html": PAGE.format(title="Ministers meet on fishing",
                            body="The fisheries ministers of Iceland and Ireland met in "
                                 "Dublin on Monday to talk about quotas for the coming "
                                 "season, officials said after the meeting ended."),
    "/a2.html": PAGE.format(title="Border crossing reopens",
                            body="Lithuania reopened a border crossing with Latvia on "
                                 "Friday after repairs to the road had kept it shut for "
                                 "two weeks, the interior ministry said in a statement."),
    "/empty.html": "<html><body><nav>Home | World</nav></body></html>",
}

RSS = """<?xml version="1.0"?><rss version="2.0"><channel><title>Example Outlet</title>
<item><title>Ministers meet</title><link>{base}/a1.html</link>
<pubDate>Tue, 07 May 2024 10:00:00 GMT</pubDate></item>
<item><title>Gone</title><link>{base}/missing.html</link></item>
<item><title>Crossing</title><link>{base}/flaky.html</link></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">
<title>Atom Outlet</title><entry><title>Crossing</title><link href="{base}/a2.html"/>
<updated>2024-05-10T08:00:00Z</updated><id>x</id></entry></feed>"""


class Handler(BaseHTTPRequestHandler):
    hits: dict[str, int] = {}
    agents: list[str] = []

    def do_GET(self) -> None:  # noqa: N802 (the http.server API)
        Handler.hits[self.path] = Handler.hits.get(self.path, 0) + 1
        Handler.agents.append(self.headers.get("User-Agent", ""))
        base = f"http://127.0.0.1:{self.server.server_address[1]}"
        if self.path == "/feed.xml":
            self._send(200, RSS.format(base=base), "application/rss+xml")
        elif self.path == "/atom":
            self._send(200, ATOM.format(base=base), "application/atom+xml")
        elif self.path == "/flaky.html" and Handler.hits[self.path] == 1:
            self._send(503, "busy", "text/plain")
        elif self.path == "/flaky.html":
            self._send(200, PAGES["/a2.html"], "text/html; charset=utf-8")
        elif self.path == "/big.html":
            self._send(200, "<p>" + "word " * 50_000 + "</p>", "text/html")
        elif self.path in PAGES:
            self._send(200, PAGES[self.path], "text/html; charset=utf-8")
        else:
            self._send(404, "not found", "text/plain")

    def _send(self, status: int, body: str, ctype: str) -> None:
        data = body.encode()
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args) -> None:
        pass


@pytest.fixture()
def server():
    Handler.hits, Handler.agents = {}, []
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


FAST = Fetcher(timeout=5, retries=2, backoff=0.01)


def test_rss_feed_url_fetches_each_entry(server):
    items = list(read_sources([f"{server}/feed.xml"], fetcher=FAST))
    assert [type(i).__name__ for i in items] == ["Article", "Failed", "Article"]
    first, gone, retried = items
    assert first.url == f"{server}/a1.html" and "quotas" in first.text
    assert "Home | World" not in first.text  # the page's article, not its menu
    assert first.published == "2024-05-07" and first.source == "Example Outlet"
    assert "404" in gone.error and gone.id.endswith("/missing.html")
    assert "Lithuania" in retried.text and Handler.hits["/flaky.html"] == 2
    assert set(Handler.agents) == {USER_AGENT} and "dragoman" in USER_AGENT


def test_atom_feed_file(server, tmp_path):
    from .test_sources import ATOM as atom
    feed = tmp_path / "outlet.atom"
    feed.write_text(atom.format(base=server), encoding="utf-8")
    (article,) = read_sources([str(feed)], fetcher=FAST)
    assert isinstance(article, Article) and "border crossing" in article.text
    assert article.published == "2024-05-10" and article.source == "Atom Outlet"


@pytest.mark.parametrize("path, error", [
    ("/big.html", "limit"),
    ("/empty.html", "no article body"),
    ("/nowhere", "HTTP 404"),
])
def test_bad_pages_are_failures_that_name_the_url(server, path, error):
    (item,) = read_sources([server + path],
                           fetcher=Fetcher(timeout=5, max_bytes=100_000, retries=0))
    assert isinstance(item, Failed) and error in item.error and path in item.error


def test_single_page_url(server):
    (article,) = read_sources([f"{server}/a2.html"], fetcher=FAST)
    assert article.url == f"{server}/a2.html" and article.title == "Border crossing reopens"


def test_unreachable_server_fails_after_retries():
    item, = read_sources(["http://127.0.0.1:9/feed.xml"],
                         fetcher=Fetcher(timeout=1, retries=1, backoff=0.01))
    assert isinstance(item, Failed) and "after 2 tries" in item.error


def _warc(path, records):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=str(path).endswith(".gz"))
        for uri, ctype, status, body in records:
            headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(
                uri, "response", payload=io.BytesIO(body), http_headers=headers))
        writer.write_record(writer.create_warc_record(
            "https://crawl.example/a1", "request", payload=io.BytesIO(b"GET /a1 HTTP/1.1\r\n\r\n")))


@pytest.mark.parametrize("name", ["crawl.warc.gz", "crawl.warc"])
def test_warc_file_html_responses_are_articles(tmp_path, name):
    path = tmp_path / name
    _warc(path, [
        ("https://crawl.example/a1", "text/html; charset=utf-8", "200 OK",
         PAGES["/a1.html"].encode()),
        ("https://crawl.example/logo.png", "image/png", "200 OK", b"\x89PNG..."),
        ("https://crawl.example/moved", "text/html", "301 Moved", b"<p>moved</p>"),
        ("https://crawl.example/menu", "text/html", "200 OK", PAGES["/empty.html"].encode()),
        ("https://crawl.example/a2", "text/html", "200 OK", PAGES["/a2.html"].encode()),
    ])
    items = list(read_sources([str(tmp_path)]))
    assert [type(i).__name__ for i in items] == ["Article", "Failed", "Article"]
    assert items[0].url == "https://crawl.example/a1" and "Dublin" in items[0].text
    assert items[1].id.endswith("#https://crawl.example/menu")
    assert items[2].url == "https://crawl.example/a2"


def test_not_a_warc_file(tmp_path):
    path = tmp_path / "broken.warc"
    path.write_bytes(b"this is not a web archive\n" * 10)
    (item,) = read_warc(path)
    assert isinstance(item, Failed) and "not a readable WARC" in item.error


def test_ingest_of_a_feed_twice_adds_nothing(server, tmp_path):
    from click.testing import CliRunner

    from dragoman._cli import main

    db = tmp_path / "feed.db"
    runner = CliRunner()
    first = runner.invoke(main, ["ingest", f"{server}/atom", "--db", str(db)])
    assert first.exit_code == 0, first.output
    assert "new 1, duplicate 0" in first.output
    again = runner.invoke(main, ["ingest", f"{server}/atom", "--db", str(db)])
    assert "new 0, duplicate 1" in again.output


def test_count_inputs_for_the_progress_bar(tmp_path):
    from dragoman._sources import count_inputs

    (tmp_path / "a.txt").write_text("One article.")
    (tmp_path / "b.jsonl").write_text('{"text": "x"}\n\n{"text": "y"}\n')
    (tmp_path / "skip.png").write_bytes(b"\x89PNG")
    assert count_inputs([str(tmp_path)]) == 3
    assert count_inputs([str(tmp_path / "a.txt"), str(tmp_path / "b.jsonl")]) == 3
    assert count_inputs(["http://127.0.0.1:9/feed.xml"]) is None
    assert count_inputs(["-"]) is None
