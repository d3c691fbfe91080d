"""Cross-article events: article-level event records merged into corpus events.

The rule (docs/corpus.md explains it with examples). Two event records are one
real-world event when they have

- the same PLOVER type and the same factuality (factual, or negated/hypothetical);
- the same dyad: the same source and target parties, a party being the country of an
  actor code (``RUSGOV`` and ``RUSMIL`` are both ``RUS``) or the organisation's code
  (``NATO``); for CONSULT and COOPERATE, which are mutual, in either order;
- dates that agree: equal when both come from the text; within ``WINDOW_DAYS`` when one
  was taken from the publication date (a report names no day). Where the analyser
  gives no ``date_basis``, a date equal to the article's publication date counts as
  taken from it, any other as stated in the text;
- compatible places: the same country, or no place on one side.

A record joins the matching corpus event with the closest date (ties: the smallest
id); otherwise it starts a new one whose id is a hash of its article and event ids,
so the same input ingested in the same order gives the same ids.
"""
from __future__ import annotations

import datetime as dt
import functools
import hashlib
import sqlite3
from collections import Counter
from collections.abc import Iterable
from urllib.parse import urlparse

#: How far apart (days) two reports' dates may be when one date is the publication date.
WINDOW_DAYS = 2
#: Types whose two sides act together: the dyad is compared in either order.
SYMMETRIC = frozenset({"CONSULT", "COOPERATE"})


def party(code: str | None) -> str:
    """The side of a dyad a code names: its country (``RUSGOV`` -> ``RUS``) or, for an
    organisation (``NATO``, ``EU``), the whole code."""
    if not code:
        return ""
    return code[:3] if _is_country(code[:3]) else code


@functools.lru_cache(maxsize=4096)
def _is_country(code: str) -> bool:
    import pycountry

    return len(code) == 3 and pycountry.countries.get(alpha_3=code) is not None


def dyad_key(type_: str, source: str | None, target: str | None) -> str:
    a, b = party(source), party(target)
    if type_ in SYMMETRIC:
        a, b = sorted((a, b))
    return f"{a}|{b}"


def corpus_event_id(article_id: str, event_id: str) -> str:
    return "ce-" + hashlib.sha1(f"{article_id}\x00{event_id}".encode()).hexdigest()[:16]


def _days(a: str, b: str) -> int:
    return abs((dt.date.fromisoformat(a) - dt.date.fromisoformat(b)).days)


def _shift(date: str, days: int) -> str:
    return (dt.date.fromisoformat(date) + dt.timedelta(days=days)).isoformat()


def date_basis(date: str | None, basis: str | None, published: str | None) -> str | None:
    """The event's date basis; inferred from the publication date when not given."""
    if basis or not date:
        return basis
    return "published" if date == published else "text"


def dates_agree(d1: str, basis1: str | None, d2: str, basis2: str | None,
                window: int = WINDOW_DAYS) -> bool:
    """Equal dates when both come from the text, else within ``window`` days."""
    if basis1 == "text" and basis2 == "text":
        return d1 == d2
    return _days(d1, d2) <= window


def places_agree(country1: str | None, country2: str | None) -> bool:
    return country1 is None or country2 is None or country1 == country2


def assign(conn: sqlite3.Connection, article_ids: Iterable[str],
           window: int = WINDOW_DAYS) -> set[str]:
    """Attach the unassigned events of these articles to corpus events; returns the ids
    of the corpus events touched (their counts need :func:`refresh`)."""
    touched: set[str] = set()
    for article_id in article_ids:
        rows = conn.execute(
            "SELECT e.rowid, e.*, a.published FROM events e JOIN articles a "
            "ON a.id = e.article_id WHERE e.article_id = ? AND e.corpus_event_id IS NULL "
            "ORDER BY e.rowid", (article_id,)).fetchall()
        for e in rows:
            basis = date_basis(e["date"], e["date_basis"], e["published"])
            factual = int(not e["negated"] and not e["hypothetical"])
            key = dyad_key(e["type"], e["source_code"], e["target_code"])
            chosen = None
            if e["date"]:
                candidates = conn.execute(
                    "SELECT id, date, date_basis, location_country FROM corpus_events "
                    "WHERE type = ? AND dyad_key = ? AND factual = ? AND date BETWEEN ? AND ?",
                    (e["type"], key, factual, _shift(e["date"], -window),
                     _shift(e["date"], window))).fetchall()
                fits = [c for c in candidates
                        if dates_agree(c["date"], c["date_basis"], e["date"], basis, window)
                        and places_agree(c["location_country"], e["location_country"])]
                if fits:
                    chosen = min(fits, key=lambda c: (_days(c["date"], e["date"]), c["id"]))["id"]
            if chosen is None:
                chosen = corpus_event_id(article_id, e["event_id"])
                conn.execute(
                    "INSERT OR IGNORE INTO corpus_events(id, type, cameo, goldstein, "
                    "quad_class, source_code, target_code, date, location_name, "
                    "location_country, num_articles, num_sources, num_mentions, factual, "
                    "date_basis, mode, dyad_key, first_article, first_event) "
                    "VALUES (?,?,?,?,?,?,?,?,?,?,0,0,0,?,?,?,?,?,?)",
                    (chosen, e["type"], e["cameo"], e["goldstein"], e["quad_class"],
                     e["source_code"], e["target_code"], e["date"], e["location_name"],
                     e["location_country"], factual, basis, e["mode"], key,
                     article_id, e["event_id"]))
            conn.execute("UPDATE events SET corpus_event_id = ? WHERE rowid = ?",
                         (chosen, e["rowid"]))
            touched.add(chosen)
    return touched


def source_key(source: str | None, url: str | None, path: str | None,
               article_id: str) -> str:
    """Who published a copy: its outlet name, else its web host, else its file, else the
    article itself."""
    if source:
        return "s:" + source.strip().casefold()
    if url:
        host = urlparse(url).hostname
        if host:
            return "h:" + host.removeprefix("www.")
    if path:
        return "p:" + path
    return "a:" + article_id


def refresh(conn: sqlite3.Connection, ids: Iterable[str]) -> None:
    """Recompute the counts, date, place and code of corpus events from their members;
    a corpus event left with no member is deleted.

    Each row of ``article_sources`` is one place an article's text was seen (the
    article itself, an exact copy, a near-duplicate copy): ``num_articles`` counts them
    over the member articles, ``num_mentions`` counts each record once per such copy of
    its article, ``num_sources`` counts their distinct outlets.
    """
    for ce in sorted(set(ids)):
        members = conn.execute(
            "SELECT e.*, a.published FROM events e JOIN articles a ON a.id = e.article_id "
            "WHERE e.corpus_event_id = ? ORDER BY e.rowid", (ce,)).fetchall()
        if not members:
            conn.execute("DELETE FROM corpus_events WHERE id = ?", (ce,))
            continue
        articles = sorted({m["article_id"] for m in members})
        marks = ",".join("?" * len(articles))
        seen = conn.execute(f"SELECT article_id, source, url, path FROM article_sources "
                            f"WHERE article_id IN ({marks})", articles).fetchall()
        copies = Counter(s["article_id"] for s in seen)
        sources = {source_key(s["source"], s["url"], s["path"], s["article_id"])
                   for s in seen}
        num_articles = sum(max(1, copies[a]) for a in articles)
        mentions = sum(max(1, copies[m["article_id"]]) for m in members)
        # the date the text states wins over a publication date; the commonest, then earliest
        bases = [(m["date"], date_basis(m["date"], m["date_basis"], m["published"]))
                 for m in members if m["date"]]
        dated = [b for b in bases if b[1] == "text"] or bases
        date, basis = (None, None)
        if dated:
            tally = Counter(dated)
            date, basis = min(tally, key=lambda k: (-tally[k], k[0]))
        placed = [m for m in members if m["location_country"] or m["location_name"]]
        place = (placed[0]["location_name"], placed[0]["location_country"]) if placed \
            else (None, None)
        cameo = Counter(m["cameo"] for m in members).most_common(1)[0][0]
        first = next(m for m in members if m["cameo"] == cameo)
        conn.execute(
            "UPDATE corpus_events SET num_articles=?, num_sources=?, num_mentions=?, "
            "date=?, date_basis=?, location_name=?, location_country=?, cameo=?, "
            "goldstein=?, quad_class=? WHERE id=?",
            (num_articles, max(1, len(sources)), mentions, date, basis, *place,
             cameo, first["goldstein"], first["quad_class"], ce))


def for_copies(conn: sqlite3.Connection, article_ids: Iterable[str]) -> set[str]:
    """The corpus events of these (canonical) articles: a new copy changes their counts."""
    ids = sorted(set(article_ids))
    if not ids:
        return set()
    marks = ",".join("?" * len(ids))
    return {r[0] for r in conn.execute(
        f"SELECT DISTINCT corpus_event_id FROM events WHERE article_id IN ({marks}) "
        f"AND corpus_event_id IS NOT NULL", ids)}
