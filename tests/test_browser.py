"""The dashboard in a real browser: Playwright driving Debian's Chromium.

Each page is loaded from a live server over a store built from examples/, filters and
links are clicked, what is shown is checked, and a screenshot of each page is saved
under screenshots/ (git-ignored). Skips only when chromium is absent and CI is unset.
"""
from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from pathlib import Path
from urllib.parse import quote

import pytest

from .conftest import HOSTILE_ID, ROOT

SHOTS = ROOT / "screenshots"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")

if not CHROMIUM and not os.environ.get("CI"):
    pytest.skip("chromium is not installed (apt-get install chromium)", allow_module_level=True)

sync_api = pytest.importorskip("playwright.sync_api")


def _serve(db: Path) -> tuple[str, object, threading.Thread]:
    import uvicorn

    from dragoman._web.app import create_app

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port,
                                           log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert time.monotonic() < deadline, "the server did not start"
        time.sleep(0.05)
    return f"http://127.0.0.1:{port}", server, thread


@pytest.fixture(scope="module")
def base(example_db):
    url, server, thread = _serve(example_db)
    yield url
    server.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def hostile_base(hostile_db):
    url, server, thread = _serve(hostile_db)
    yield url
    server.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def browser():
    assert CHROMIUM, "CI is set but chromium is not installed (apt-get install chromium)"
    SHOTS.mkdir(exist_ok=True)
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        yield b
        b.close()


@pytest.fixture
def page(browser, base):
    """A page that records console errors, failed requests and any request that
    leaves the server (there must be none: the dashboard works offline)."""
    context = browser.new_context(viewport={"width": 1280, "height": 860})
    pg = context.new_page()
    pg.problems = []
    pg.on("pageerror", lambda e: pg.problems.append(f"page error: {e}"))
    pg.on("console", lambda m: m.type == "error" and pg.problems.append(f"console: {m.text}"))
    pg.on("dialog", lambda d: (pg.problems.append(f"dialog: {d.message}"), d.dismiss()))
    pg.on("request", lambda r: r.url.startswith(("http://127.0.0.1:", "data:"))
          or pg.problems.append(f"external request: {r.url}"))
    yield pg
    context.close()


def _shot(pg, name: str) -> None:
    pg.screenshot(path=str(SHOTS / f"{name}.png"), full_page=False)


def _drawn(pg, chart: str) -> None:
    pg.wait_for_selector(f"#{chart}[data-drawn]", timeout=30_000)


def test_overview_draws_tension_and_selects_dyads(page, base):
    page.goto(base + "/")
    _drawn(page, "tension-chart")
    checked = page.locator("#dyad-form input[name=dyad]:checked")
    n = checked.count()
    assert n >= 2
    assert page.locator("#tension-chart .scatterlayer .trace").count() == n
    _shot(page, "overview")
    first = checked.first.get_attribute("value")
    checked.first.uncheck()
    page.select_option("select[name=freq]", "W")
    page.click("#dyad-form button[type=submit]")
    _drawn(page, "tension-chart")
    assert "freq=W" in page.url and page.locator("#tension-chart .scatterlayer .trace").count() == n - 1
    legend = page.locator("#tension-chart .legendtext").all_inner_texts()
    assert first not in legend and len(legend) == n - 1
    page.click("#dyads tbody tr:first-child a")
    assert "/events?dyad=" in page.url and page.locator("#events tbody tr").count() > 0
    assert page.problems == []


def test_event_filters_and_evidence_link(page, base):
    page.goto(base + "/events")
    _drawn(page, "timeline-chart")
    _shot(page, "events")
    total = int(page.locator("#event-count b").inner_text())
    page.fill("input[name=dyad]", "RUS-NATO")
    page.select_option("select[name=quad]", "3")
    page.click("#event-filters button[type=submit]")
    _drawn(page, "timeline-chart")
    rows = page.locator("#events tbody tr")
    shown = int(page.locator("#event-count b").inner_text())
    assert 0 < shown < total and rows.count() == shown
    for text in rows.all_inner_texts():
        assert "NATO" in text and "RUS" in text
    _shot(page, "events-filtered")
    link = rows.first.locator("a.evidence")
    href = link.get_attribute("href")
    link.click()
    page.wait_for_load_state()
    anchor = href.split("#")[1]
    assert page.url.endswith("#" + anchor)
    target = page.locator(f"[id='{anchor}'] + span")
    assert "hl-trigger" in target.get_attribute("class")
    assert target.evaluate("e => getComputedStyle(e).outlineStyle") != "none"
    _shot(page, "article-evidence")
    assert page.problems == []


def test_network_and_actor_page(page, base):
    page.goto(base + "/network")
    _drawn(page, "network-chart")
    assert page.locator("#network-chart .scatterlayer .trace").count() > 3
    _shot(page, "network")
    page.click("#edges a[href='/actors/NATO']")
    assert page.locator("h1").inner_text() == "NATO"
    assert "Mark Rutte" in page.locator("#names").inner_text()
    _shot(page, "actor-nato")
    page.goto(base + "/actors/RUS")
    assert "Sergei Ryabkov" in page.locator("#names").inner_text()
    assert page.locator("#actor-events tbody tr").count() > 3
    _shot(page, "actor-rus")
    assert page.problems == []


def test_quote_search_and_article_view(page, base):
    page.goto(base + "/quotes")
    everything = int(page.locator("#quote-count b").inner_text())
    page.fill("input[name=speaker]", "Sherman")
    page.click("#quote-search button[type=submit]")
    found = page.locator("blockquote.quote")
    assert 0 < found.count() < everything
    for text in found.locator("a.speaker").all_inner_texts():
        assert "Sherman" in text
    _shot(page, "quotes")
    found.first.locator("a.evidence").click()
    page.wait_for_load_state()
    assert page.locator("#article-text .hl-quote").count() > 0
    assert page.locator("#article-text .hl-speaker").count() > 0
    assert page.locator("#article-events li").count() == page.locator(
        "#article-text a.anchor[id^='E']").count()
    _shot(page, "article")
    page.goto(base + "/articles")
    assert page.locator("#articles tbody tr").count() >= 8
    page.goto(base + "/docs")
    assert "/api/events" in page.locator("main").inner_text()
    assert page.problems == []


def test_bad_parameters_show_an_error_page(page, base):
    page.goto(base + "/events?start=2022-02-30")
    assert "not a calendar date" in page.locator("#error-detail").inner_text()


def test_hostile_store_runs_no_payload(browser, hostile_base):
    context = browser.new_context(viewport={"width": 1280, "height": 860})
    pg = context.new_page()
    dialogs = []
    pg.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    aid = quote(HOSTILE_ID, safe="")
    for path in ["/", "/events?factual=false", "/network", "/quotes?speaker=lavrov",
                 "/actors/RUS", "/actors", "/articles", f"/articles/{aid}"]:
        pg.goto(hostile_base + path)
        pg.wait_for_load_state("networkidle")
        # an injected attribute handler would run on these events
        pg.evaluate("""document.querySelectorAll('main *').forEach(e => {
            for (const t of ['mouseover', 'mouseenter', 'focus', 'click'])
                if (t !== 'click' || e.tagName !== 'A') e.dispatchEvent(new Event(t)); })""")
        assert pg.evaluate("window.__pwned") is None, path
        assert pg.locator("main script, main img, main svg[onload]").count() == 0, path
    assert "<script>" in pg.locator("#article-title").inner_text()
    _shot(pg, "hostile-article")
    assert dialogs == []
    context.close()
