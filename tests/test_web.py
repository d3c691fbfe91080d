"""The dashboard's pages and JSON API, with FastAPI's test client."""
from __future__ import annotations

import re
import sqlite3
import warnings
from urllib.parse import quote

import pytest

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from dragoman import StoreError
from dragoman._web.app import create_app
from dragoman._web.queries import fts_query, parse_dyad

from .conftest import ATTR, HOSTILE_ID, IMG, SCRIPT

PAGES = ["/", "/events", "/network", "/quotes", "/actors", "/articles", "/docs"]


@pytest.fixture(scope="module")
def client(example_db):
    return TestClient(create_app(example_db))


@pytest.fixture(scope="module")
def hostile(hostile_db):
    return TestClient(create_app(hostile_db))


@pytest.mark.parametrize("path", PAGES)
def test_every_page_renders(client, path):
    r = client.get(path)
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].startswith("text/html")
    assert "script-src 'self'" in r.headers["content-security-policy"]
    assert "<h1" in r.text


def test_overview_api_lists_the_busiest_dyads(client):
    data = client.get("/api/overview").json()
    assert data["counts"]["articles"] >= 8 and data["counts"]["events"] > 0
    names = [d["dyad"] for d in data["dyads"]]
    assert "RUS–USA" in names
    ns = [d["n"] for d in data["dyads"]]
    assert ns == sorted(ns, reverse=True)


def test_series_points_link_to_their_evidence(client):
    data = client.get("/api/series", params={"dyad": ["usa-rus", "NATO–RUS"]}).json()
    assert set(data["series"]) == {"RUS–USA", "NATO–RUS"}
    points = data["series"]["RUS–USA"]
    assert points and sum(p["n"] for p in points) == sum(len(p["events"]) for p in points)
    ev = points[0]["events"][0]
    page = client.get(ev["evidence"].split("#")[0])
    assert page.status_code == 200 and f'id="{ev["event_id"]}"' in page.text
    weekly = client.get("/api/series", params={"dyad": "RUS-USA", "freq": "W"}).json()
    assert sum(p["n"] for p in weekly["series"]["RUS–USA"]) == sum(p["n"] for p in points)


@pytest.mark.parametrize("params, check", [
    ({"dyad": "RUS-USA"}, lambda e: {e["source_code"][:3], e["target_code"][:3]} == {"RUS", "USA"}),
    ({"actor": "NATO"}, lambda e: "NATO" in (e["source_code"], e["target_code"])),
    ({"quad": 3}, lambda e: e["quad_class"] == 3),
    ({"type": "CONSULT"}, lambda e: e["type"] == "CONSULT"),
    ({"start": "2022-01-12", "end": "2022-01-12"}, lambda e: e["day"] == "2022-01-12"),
])
def test_event_filters(client, params, check):
    data = client.get("/api/events", params=params).json()
    assert data["items"], params
    assert all(check(e) for e in data["items"])
    assert all(not e["negated"] and not e["hypothetical"] for e in data["items"])
    assert all(e["evidence"].startswith("/articles/") for e in data["items"])


def test_non_factual_events_only_when_asked(client):
    facts = client.get("/api/events", params={"limit": 200}).json()["total"]
    everything = client.get("/api/events", params={"limit": 200, "factual": "false"}).json()
    assert everything["total"] > facts
    assert any(e["negated"] or e["hypothetical"] for e in everything["items"])


def test_event_paging(client):
    first = client.get("/api/events", params={"limit": 5}).json()
    second = client.get("/api/events", params={"limit": 5, "offset": 5}).json()
    assert len(first["items"]) == 5 and first["total"] == second["total"] > 10
    key = lambda e: (e["article_id"], e["event_id"])  # noqa: E731
    assert not {key(e) for e in first["items"]} & {key(e) for e in second["items"]}


def test_events_page_filters_and_shows_the_sentence(client):
    r = client.get("/events", params={"dyad": "RUS-NATO", "quad": "3"})
    assert r.status_code == 200
    rows = re.findall(r"<tr class=\"[^\"]*\">(.*?)</tr>", r.text, flags=re.S)
    assert rows and all("NATO" in row and "RUS" in row for row in rows)
    assert "condemned" in r.text  # nato-ministers.html: the Kremlin's reply


def test_quote_search_by_text_and_speaker(client):
    data = client.get("/api/quotes", params={"speaker": "sherman"}).json()
    assert data["items"] and all("Sherman" in q["speaker_name"] for q in data["items"])
    data = client.get("/api/quotes", params={"q": "plans attack"}).json()
    assert [q["speaker_name"] for q in data["items"]] == ["Sergei Ryabkov"]
    data = client.get("/api/quotes", params={"q": "deliver", "speaker": "rutte"}).json()
    assert [q["speaker_name"] for q in data["items"]] == ["Mark Rutte"]
    assert client.get("/api/quotes", params={"q": "zzzqqq"}).json()["items"] == []


@pytest.mark.parametrize("q", ['"', "NEAR(", "a OR", "*", "col:x", "-", "()"])
def test_fts_syntax_in_a_query_is_harmless(client, q):
    r = client.get("/api/quotes", params={"q": q})
    assert r.status_code == 200


@pytest.mark.parametrize("text, expected", [
    ("talks", 'text : "talks"'), ("Sergei's talks", 'text : "Sergei" AND text : "s" AND text : "talks"'),
    ('" OR 1', 'text : "OR" AND text : "1"'), ("()*", ""),
])
def test_fts_query(text, expected):
    assert fts_query(text, "text") == expected


@pytest.mark.parametrize("value, expected", [("RUS-USA", "RUS–USA"), ("usa–rus", "RUS–USA"),
                                             ("NATO→RUS", "NATO–RUS")])
def test_parse_dyad(value, expected):
    assert parse_dyad(value) == expected


@pytest.mark.parametrize("value", ["RUS", "RUS-RUS", "R-U", "RUS-USA-UKR", "<b>-USA"])
def test_parse_dyad_rejects(value):
    with pytest.raises(ValueError, match="two different actor codes"):
        parse_dyad(value)


def test_actor_page_and_api(client):
    data = client.get("/api/actors/rus").json()
    names = {n["name"]: n for n in data["names"]}
    assert names["Sergei Ryabkov"]["title"]
    assert data["quotes"]["items"] and data["events"]["items"]
    assert all("RUS" in (e["source_code"] or "") + (e["target_code"] or "")
               for e in data["events"]["items"])
    page = client.get("/actors/RUS").text
    assert "Sergei Ryabkov" in page and "Deputy Foreign Minister" in page
    assert client.get("/actors").status_code == 200


def test_article_view_highlights_every_record(client, example_db):
    conn = sqlite3.connect(example_db)
    aid = "europe-week-of-diplomacy"
    if not conn.execute("SELECT 1 FROM articles WHERE id = ?", (aid,)).fetchone():
        aid = conn.execute("SELECT article_id FROM quotes LIMIT 1").fetchone()[0]
    data = client.get(f"/api/articles/{quote(aid, safe='')}").json()
    page = client.get(f"/articles/{quote(aid, safe='')}").text
    for rec in data["quotes"]:
        assert f'id="{rec["quote_id"]}"' in page
    for rec in data["events"]:
        assert f'id="{rec["event_id"]}"' in page
    assert page.count('class="hl-actor') + page.count(" hl-actor") > 0
    assert 'class="hl-quote' in page and "hl-speaker" in page and "hl-trigger" in page


@pytest.mark.parametrize("path, status", [
    ("/api/events?limit=201", 422), ("/api/events?limit=0", 422), ("/api/events?quad=5", 422),
    ("/api/events?start=2022-1-1", 422), ("/api/events?start=2022-02-30", 422),
    ("/api/events?dyad=RUS", 422), ("/api/events?actor=%3Cscript%3E", 422),
    ("/api/quotes?q=" + "x" * 201, 422), ("/api/series", 422),
    ("/api/series?" + "&".join(["dyad=RUS-USA"] * 11), 422), ("/api/series?dyad=a-b-c", 422),
    ("/api/actors/ZZZ", 404), ("/api/articles/nope", 404), ("/articles/nope", 404),
    ("/events?quad=9", 422), ("/events?start=2022-02-30", 422), ("/actors/NOPE", 404),
])
def test_bad_parameters_get_a_clear_4xx(client, path, status):
    r = client.get(path)
    assert r.status_code == status
    if path.startswith("/api"):
        assert r.json()["detail"]
    else:
        assert 'id="error-detail"' in r.text


def test_openapi_lists_the_api(client):
    spec = client.get("/openapi.json").json()
    assert {"/api/overview", "/api/series", "/api/events", "/api/network", "/api/quotes",
            "/api/actors", "/api/actors/{key}", "/api/articles",
            "/api/articles/{article_id}"} <= set(spec["paths"])
    limit = next(p for p in spec["paths"]["/api/events"]["get"]["parameters"]
                 if p["name"] == "limit")
    assert limit["schema"]["maximum"] == 200
    docs = client.get("/docs").text
    assert "/api/events" in docs and "cdn" not in docs.lower()


def test_plotly_is_served_locally(client):
    r = client.get("/static/plotly.min.js")
    assert r.status_code == 200 and len(r.content) > 1_000_000
    for path in PAGES:
        assert not re.search(r'src="https?://', client.get(path).text)


def test_network_api(client):
    data = client.get("/api/network").json()
    ids = {n["id"] for n in data["nodes"]}
    assert {"RUS", "USA", "NATO"} <= ids
    edge = next(e for e in data["edges"] if e["dyad"] == "RUS–USA")
    assert edge["n"] >= 1 and -10 <= edge["goldstein_mean"] <= 10
    assert all(e["source"] in ids and e["target"] in ids for e in data["edges"])
    assert len(client.get("/api/network?min_events=1000").json()["edges"]) == 0


def test_the_server_cannot_write(example_db, client):
    from dragoman import _evidence as evidence

    conn = evidence.connect(example_db)
    with pytest.raises(sqlite3.OperationalError):
        conn.execute("DELETE FROM articles")
    conn.close()


def test_a_missing_store_is_refused(tmp_path):
    with pytest.raises(StoreError, match="no such store"):
        create_app(tmp_path / "none.db")


# -- hostile content ---------------------------------------------------------------------

def _pages_of(client) -> list[str]:
    aid = quote(HOSTILE_ID, safe="")
    return PAGES + ["/actors/RUS", "/actors/UKR", f"/articles/{aid}", "/quotes?speaker=lavrov",
                    "/events?factual=false", "/articles?q=talks"]


def test_hostile_store_has_its_payloads(hostile_db):
    conn = sqlite3.connect(hostile_db)
    assert conn.execute("SELECT count(*) FROM quotes WHERE speaker_name LIKE '%<script>%'"
                        ).fetchone()[0] > 0
    assert conn.execute("SELECT count(*) FROM actors WHERE name LIKE '%onmouseover%'"
                        ).fetchone()[0] > 0


def test_no_payload_reaches_a_page_unescaped(hostile):
    for path in _pages_of(hostile):
        r = hostile.get(path)
        assert r.status_code == 200, (path, r.text[:300])
        body = r.text
        assert SCRIPT not in body and IMG not in body, path
        assert ' onmouseover="window' not in body and "<svg" not in body, path
        assert 'href="javascript:' not in body.lower(), path
        assert "javascript:" not in "".join(re.findall(r'(?:href|src)="([^"]*)"', body)), path
    article = hostile.get(_pages_of(hostile)[-4]).text
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in article
    assert "&#34; onmouseover=&#34;" in article


def test_hostile_json_is_returned_as_data(hostile):
    data = hostile.get(f"/api/articles/{quote(HOSTILE_ID, safe='')}").json()
    assert data["id"] == HOSTILE_ID and SCRIPT in data["title"]
    assert data["safe_url"] is None and data["url"].startswith("javascript:")
    q = hostile.get("/api/quotes", params={"speaker": "lavrov"}).json()
    assert q["items"] and SCRIPT in q["items"][0]["speaker_name"]


def test_a_result_is_computed_once_however_many_ask(example_db):
    import threading
    import time

    from dragoman import _evidence as evidence
    from dragoman._web import queries

    calls = []

    def compute():
        calls.append(1)
        time.sleep(0.2)
        return {"value": 42}

    results = []

    def ask():
        conn = evidence.connect(example_db)
        results.append(queries.cached(conn, "t", "single-flight", (), compute))
        conn.close()

    threads = [threading.Thread(target=ask) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(calls) == 1 and results == [{"value": 42}] * 8


def test_series_range_keeps_only_its_periods(client):
    everything = client.get("/api/series", params={"dyad": "RUS-USA"}).json()
    days = [p["period"] for p in everything["series"]["RUS–USA"]]
    assert len(days) >= 2
    ranged = client.get("/api/series", params={"dyad": "RUS-USA", "start": days[-1],
                                               "end": days[-1]}).json()
    assert [p["period"] for p in ranged["series"]["RUS–USA"]] == [days[-1]]
    page = client.get("/", params={"dyad": "RUS-USA", "start": days[-1]}).text
    assert f"start={days[-1]}" in page and f'value="{days[-1]}"' in page


def test_serve_listens_on_loopback_unless_told(example_db, monkeypatch):
    import uvicorn
    from click.testing import CliRunner

    from dragoman._cli import main

    calls = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: calls.append(kw))
    assert CliRunner().invoke(main, ["serve", "--db", str(example_db)]).exit_code == 0
    assert calls[-1]["host"] == "127.0.0.1" and calls[-1]["port"] == 8000
    CliRunner().invoke(main, ["serve", "--db", str(example_db), "--host", "0.0.0.0",
                              "--port", "9001"])
    assert calls[-1]["host"] == "0.0.0.0" and calls[-1]["port"] == 9001
    r = CliRunner().invoke(main, ["serve", "--db", str(example_db) + ".missing"])
    assert r.exit_code == 2 and "no such store" in r.output
