"""The pipeline and the Python API: any text analyses, and every span points home."""
from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import dragoman
from dragoman._model import Analysis, Article
from dragoman._nlp import CHUNK_CHARS, split_points
from dragoman._pipeline import analyze_items, english_share
from dragoman._readers import Failed

QUOTE_MARKS = "\"'\u201c\u201d\u2018\u2019\u00ab\u00bb\u201e\u201a"


def spans_of(d: dict) -> list[dict]:
    """Every span object in an analysis dict."""
    out = []
    for a in d["actors"]:
        out += a["mentions"]
    for q in d["quotes"]:
        out.append(q)
        if q["cue"]:
            out.append(q["cue"])
        if q["speaker"] and q["speaker"]["mention"]:
            out.append(q["speaker"]["mention"])
    for e in d["events"]:
        out.append(e["trigger"])
        for side in ("source", "target"):
            if e[side] and e[side]["mention"]:
                out.append(e[side]["mention"])
    out += d["counts"]
    return out


def check_spans(text: str, analysis: Analysis) -> None:
    d = analysis.to_dict()
    json.dumps(d)
    for s in spans_of(d):
        assert 0 <= s["start"] <= s["end"] <= len(text)
        assert text[s["start"]:s["end"]] == s["text"]


def test_analyze_text_and_article() -> None:
    text = "The foreign ministers of France and Germany met in Paris on Tuesday."
    a = dragoman.analyze(text, published="2023-03-03")
    assert a.article.published == "2023-03-03" and a.article.text == text
    b = dragoman.analyze(Article("x1", text))
    assert b.article.id == "x1"
    assert a.actors and a.events  # check_spans below has spans to check
    check_spans(text, a)


def test_round_trip() -> None:
    text = ("\u201cWe will not accept this,\u201d said Foreign Minister Anna Berg of Norway. "
            "Russian troops moved closer to the border on Monday.")
    a = dragoman.analyze(text, published="2022-01-14")
    d = a.to_dict()
    assert Analysis.from_dict(d, text).to_dict() == d


def test_failed_items_pass_through_in_order() -> None:
    items = [Article("a", "One sentence here."), Failed("b", "bad"), Article("c", "Two.")]
    out = list(analyze_items(items))
    assert [type(x).__name__ for x in out] == ["Analysis", "Failed", "Analysis"]
    assert [x.article.id if isinstance(x, Analysis) else x.id for x in out] == ["a", "b", "c"]


def test_english_share() -> None:
    assert english_share("short") is None
    assert english_share("The minister said that the talks were over and that he was "
                         "not happy with the result of the meeting.") > 0.3
    assert english_share("Der Minister sagte, dass die Gespräche beendet seien und er "
                         "mit dem Ergebnis nicht zufrieden sei.") < 0.08


def test_split_points_cut_after_newlines() -> None:
    text = ("word " * 30 + "\n") * 2000
    cuts = split_points(text)
    assert cuts and all(text[c - 1] == "\n" for c in cuts)
    assert all(b - a <= CHUNK_CHARS for a, b in zip([0, *cuts], [*cuts, len(text)]))


def test_long_article_keeps_offsets() -> None:
    para = ("Officials said the \u201ctalks\u201d in Vienna would resume on Monday, "
            "and Russian troops stayed near the border.\n")
    text = para * (CHUNK_CHARS // len(para) + 40)
    a = dragoman.analyze(text)
    check_spans(text, a)
    assert a.actors


@pytest.mark.slow
def test_five_megabyte_article() -> None:
    para = ("The envoy said on Monday that the talks in Geneva had been \u201cuseful\u201d, "
            "while 100,000 troops remained near the border. He warned of consequences.\n")
    text = para * (5_000_000 // len(para) + 1)
    assert len(text) >= 5_000_000
    a = dragoman.analyze(text)
    assert a.article.text == text
    check_spans(text, a)


text_strategy = st.text(
    alphabet=st.one_of(st.characters(), st.sampled_from(QUOTE_MARKS + "\n\r\t\x00\x0b\u2028 .,:;-")),
    max_size=400)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text_strategy)
def test_any_text_analyses(text: str) -> None:
    a = dragoman.analyze(text)
    assert len(a.article.text) == len(text)  # offsets hold even where text was cleaned
    check_spans(a.article.text, a)


def test_lone_surrogates_are_replaced_in_place() -> None:
    a = dragoman.analyze("Talks \ud800 resumed in Oslo.")
    assert a.article.text == "Talks \ufffd resumed in Oslo."
    assert a.to_dict()["article"]["text"] == a.article.text
    json.dumps(a.to_dict(), ensure_ascii=False).encode("utf-8")


@settings(max_examples=15, deadline=None)
@given(st.text(alphabet=st.sampled_from(QUOTE_MARKS + "ab ."), min_size=1000, max_size=3000))
def test_long_lines_of_quote_marks(text: str) -> None:
    a = dragoman.analyze(text)
    check_spans(a.article.text, a)
