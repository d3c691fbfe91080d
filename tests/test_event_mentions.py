"""One event, one record: a re-mention of an event the article has already coded ("the
talks", "Monday's meeting") is more evidence of that event, not a new one: in the
records, their JSON, the store and the dashboard's article page.

The sentences are written for these tests.
"""
from __future__ import annotations

import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

import dragoman
from dragoman._events.passes import add_mention
from dragoman._model import Analysis, Article, Event, Party, Span
from dragoman._store import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION, open_store
from dragoman._web import queries
from dragoman._web.highlight import spans_of

# over 80 tokens: an article, where an event needs a named side
TALKS = ("Norway and Chile held talks in Oslo on Monday. The two delegations spent most of "
         "the day on fishing quotas and on a planned research station in the far south. "
         "Officials on both sides said the atmosphere had been friendly, though neither "
         "government published an agenda beforehand. Boats from both countries have worked "
         "the same southern waters for decades, and their crews have long asked for clearer "
         "rules. The talks ended without a deal, and a second round is expected in the spring.")

OTHER_TALKS = TALKS.replace("The talks ended without a deal",
                            "Chile later held talks with Japan in Tokyo")

THREE_SIDES = ("Kenya, Uganda and Tanzania held talks in Arusha on Tuesday. Their ministers "
               "spent hours on a shared railway plan and on customs rules at the lake ports, "
               "aides said, though no document was signed by the evening. The talks will "
               "resume next month, according to a statement released by the host government "
               "late in the day, which gave no further detail.")


def _second(text: str, word: str) -> Span:
    start = text.index(word, text.index(word) + 1)
    return Span.of(text, start, start + len(word))


def _consults(text: str) -> list[Event]:
    return [e for e in dragoman.analyze(text, published="2024-05-08").events
            if e.type == "CONSULT"]


def test_the_talks_again_are_evidence_of_the_first_talks() -> None:
    consults = _consults(TALKS)
    assert len(consults) == 1
    (e,) = consults
    assert e.trigger.text == "talks" and e.trigger.start == TALKS.index("talks")
    assert e.mentions == (_second(TALKS, "talks"),)
    assert e.mentions[0].text == TALKS[e.mentions[0].start:e.mentions[0].end] == "talks"


def test_talks_with_a_party_of_their_own_are_a_new_event() -> None:
    consults = _consults(OTHER_TALKS)
    assert len(consults) == 2
    assert [e.trigger.start for e in consults] == [OTHER_TALKS.index("talks"),
                                                   _second(OTHER_TALKS, "talks").start]
    assert all(e.mentions == () for e in consults)


def test_every_pair_keeps_the_re_mentions() -> None:
    consults = _consults(THREE_SIDES)
    assert len(consults) == 3  # one per pair of the three
    assert {e.trigger.start for e in consults} == {THREE_SIDES.index("talks")}
    assert all(e.mentions == (_second(THREE_SIDES, "talks"),) for e in consults)


def _event(ptype: str, start: int, text: str = TALKS) -> Event:
    return Event("E1", ptype, None, "040", 1.0, 1, Party("A1", "NOR", Span.of(text, 0, 6)),
                 Party("A2", "CHL", Span.of(text, 11, 16)), "2024-05-06", None, False, False,
                 Span.of(text, start, start + 5), (0, text.index(".") + 1), None, "text")


def test_a_re_mention_goes_to_the_latest_earlier_event_of_its_type() -> None:
    again = _second(TALKS, "talks")
    events = [_event("CONSULT", 22), _event("CONSULT", 100), _event("ACCUSE", 150),
              _event("CONSULT", again.end + 10)]
    add_mention(events, "CONSULT", again)
    assert [e.mentions for e in events] == [(), (again,), (), ()]
    add_mention(events, "CONSULT", replace(again, start=again.start + 1))
    assert len(events[1].mentions) == 2 and events[1].mentions[0] == again  # text order


def test_a_re_mention_of_no_coded_event_is_dropped() -> None:
    events = [_event("ACCUSE", 22)]
    add_mention(events, "CONSULT", _second(TALKS, "talks"))
    assert events == [_event("ACCUSE", 22)]


def _analysis(article_id: str = "talks-1") -> Analysis:
    again = _second(TALKS, "talks")
    event = replace(_event("CONSULT", TALKS.index("talks")), mentions=(again,))
    return Analysis(Article(article_id, TALKS, published="2024-05-08"), events=[event])


def test_json_round_trip_keeps_the_re_mentions() -> None:
    d = _analysis().to_dict()
    again = _second(TALKS, "talks")
    assert d["events"][0]["mentions"] == [{"start": again.start, "end": again.end,
                                           "text": "talks"}]
    back = Analysis.from_dict(d, TALKS)
    assert back.events == _analysis().events
    assert back.to_dict() == d


def test_json_without_mentions_still_loads() -> None:
    d = _analysis().to_dict()
    del d["events"][0]["mentions"]
    (e,) = Analysis.from_dict(d, TALKS).events
    assert e.mentions == ()
    assert Analysis(Article("x", "No news.")).to_dict()["events"] == []
    assert replace(_event("CONSULT", 22)).to_dict()["mentions"] == []


def _rows(store) -> list[tuple]:  # type: ignore[no-untyped-def]
    return [tuple(r) for r in store.conn.execute(
        "SELECT article_id, event_id, start, end, text FROM event_mentions ORDER BY rowid")]


def test_store_writes_and_replaces_the_re_mentions() -> None:
    store = open_store(":memory:")
    store.write([_analysis()], analyzer_version="1.0")
    again = _second(TALKS, "talks")
    assert _rows(store) == [("talks-1", "E1", again.start, again.end, "talks")]
    text = store.conn.execute("SELECT text FROM articles").fetchone()[0]
    assert text[again.start:again.end] == "talks"
    store.write([_analysis()], analyzer_version="1.1")  # re-analysed: replaced, not added
    assert len(_rows(store)) == 1
    bare = _analysis()
    bare.events = [replace(bare.events[0], mentions=())]
    store.write([bare], analyzer_version="1.2")
    assert _rows(store) == []
    with store.transaction():
        store.write_analysis(_analysis(), analyzer_version="1.3")
        store.delete_records("talks-1")
    assert _rows(store) == []


def test_article_page_marks_the_re_mentions(tmp_path: Path) -> None:
    db = tmp_path / "talks.db"
    with open_store(db) as store:
        store.write([_analysis()], analyzer_version="1.0")
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    page = queries.article(conn, "talks-1")
    conn.close()
    assert page is not None
    again = _second(TALKS, "talks")
    (e,) = page["events"]
    assert e["mentions"] == [{"start": again.start, "end": again.end, "text": "talks"}]
    marked = [s for s in spans_of(page) if s.kind == "trigger"]
    assert [(s.start, s.anchor) for s in marked] == [(TALKS.index("talks"), "E1"),
                                                     (again.start, None)]
    assert "mentioned again" in marked[1].label


def _v1_store(db: Path) -> None:
    """A store as schema version 1 left it, with one article and one event."""
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("BEGIN")
    MIGRATIONS[1](conn)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute("PRAGMA user_version = 1")
    conn.execute("INSERT INTO meta VALUES ('schema_version', '1')")
    conn.execute("INSERT INTO articles(id, text_hash, text) VALUES ('old-1', 'h1', ?)",
                 (TALKS,))
    conn.execute("INSERT INTO events(article_id, event_id, type, trigger_text) "
                 "VALUES ('old-1', 'E1', 'CONSULT', 'talks')")
    conn.execute("COMMIT")
    conn.close()


def test_a_v1_store_is_migrated_in_place(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    _v1_store(db)
    assert SCHEMA_VERSION == 2
    with open_store(db) as store:
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == 2
        assert store.meta("schema_version") == "2"
        columns = [r[1] for r in store.conn.execute("PRAGMA table_info(event_mentions)")]
        assert columns == ["article_id", "event_id", "start", "end", "text"]
        index = store.conn.execute("PRAGMA index_list(event_mentions)").fetchall()
        assert [tuple(r[2] for r in store.conn.execute(f"PRAGMA index_info({i[1]})"))
                for i in index] == [("article_id", "event_id")]
        assert tuple(store.conn.execute(
            "SELECT article_id, event_id, type, trigger_text FROM events").fetchone()) == \
            ("old-1", "E1", "CONSULT", "talks")
        assert store.conn.execute("SELECT text FROM articles").fetchone()[0] == TALKS
        store.write([_analysis()], analyzer_version="2.0")
        assert len(_rows(store)) == 1
    with open_store(db, readonly=True) as store:  # now current: readable read-only
        assert store.count("event_mentions") == 1 and store.count("events") == 2


@pytest.mark.parametrize("text", [
    "Norway and Chile held talks in Oslo on Monday, officials said.",
    "Norway and Chile held talks in Oslo on Monday. Chile then met Japan.",
])
def test_no_re_mention_no_mentions(text: str) -> None:
    assert all(e.mentions == () for e in dragoman.analyze(text, published="2024-05-08").events)
