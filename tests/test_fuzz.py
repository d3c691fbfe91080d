"""Property tests (hypothesis): arbitrary input in, valid records out.

A short budget runs in CI; ``scripts/fuzz.py`` runs the same properties longer (and
with atheris when it is installed). Each property: nothing raises past the function,
every record is well formed, and every span's text is the article's slice.
"""
from __future__ import annotations

import datetime as dt
import json
import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import dragoman
from dragoman._dates import resolve
from dragoman._model import Analysis, Article
from dragoman._quotes.marks import find_segments
from dragoman._readers import Failed, read_inputs, read_jsonl, read_stream

QUOTE_MARKS = "\"'\u201c\u201d\u2018\u2019\u00ab\u00bb\u201e\u201a\u2039\u203a\u300c\u300d"
#: Examples a property: 40 in CI; scripts/fuzz.py sets DRAGOMAN_FUZZ_EXAMPLES higher.
FEW = settings(max_examples=int(os.environ.get("DRAGOMAN_FUZZ_EXAMPLES", "40")), deadline=None,
               suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                      HealthCheck.function_scoped_fixture])

NAMES = ["Anna Berg", "Sergei Ryabkov", "Wendy Sherman", "the minister", "he", "she",
         "they", "the ministry", "Ms Berg", "NATO", "Russia", "the spokesperson"]
CUES = ["said", "told reporters", "added", "warned", "according to", "insisted",
        "said in a statement", "denied"]
WORDS = ["talks", "troops", "border", "Geneva", "on Monday", "sanctions", "the deal",
         "will", "not", "accept", "that", "yesterday", "12 January", "and", ","]


def spans(d: dict) -> list[dict]:
    """Every span object of an analysis dict."""
    out = [m for a in d["actors"] for m in a["mentions"]]
    for q in d["quotes"]:
        out.append(q)
        out += [q["cue"]] if q["cue"] else []
        if q["speaker"] and q["speaker"]["mention"]:
            out.append(q["speaker"]["mention"])
    for e in d["events"]:
        out += [e["trigger"]]
        out += [e[s]["mention"] for s in ("source", "target") if e[s] and e[s]["mention"]]
    return out + d["counts"]


def check(analysis: Analysis) -> dict:
    """The analysis as its JSON, with every span pointing into its text."""
    d = analysis.to_dict()
    json.dumps(d, ensure_ascii=False).encode("utf-8")  # strict: valid UTF-8
    text = analysis.article.text
    for s in spans(d):
        assert 0 <= s["start"] <= s["end"] <= len(text)
        assert text[s["start"]:s["end"]] == s["text"]
    for q in d["quotes"]:
        assert q["kind"] in ("direct", "indirect", "mixed", "belief")
    return d


# readers

@FEW
@given(st.binary(max_size=600), st.sampled_from([".txt", ".jsonl", ".html"]),
       st.sampled_from(["utf-8", "cp1252", "utf-16"]))
def test_any_bytes_read_as_records(tmp_path_factory, data: bytes, ext: str,
                                   encoding: str) -> None:
    f = tmp_path_factory.mktemp("fuzz") / f"input{ext}"
    f.write_bytes(data)
    got = list(read_inputs([str(f)], encoding=encoding))
    assert got and all(isinstance(x, (Article, Failed)) for x in got)
    for x in got:
        if isinstance(x, Failed):
            assert x.error.startswith(str(f)) and x.error.encode("utf-8")
    got = list(read_stream(_Bytes(data), encoding=encoding))
    assert got and all(isinstance(x, (Article, Failed)) for x in got)


class _Bytes:
    def __init__(self, data: bytes) -> None:
        self.data = data

    def read(self, n: int = -1) -> bytes:
        return self.data if n < 0 else self.data[:n]


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30),
    lambda kids: st.lists(kids, max_size=4) | st.dictionaries(st.text(max_size=8), kids,
                                                              max_size=4),
    max_leaves=12)


@FEW
@given(st.lists(st.one_of(
    st.fixed_dictionaries({"text": st.text(max_size=80)},
                          optional={"id": json_values, "published": json_values,
                                    "title": json_values, "url": json_values}),
    json_values, st.text(max_size=60)), min_size=1, max_size=8))
def test_any_json_lines_give_one_record_a_line(lines: list[object]) -> None:
    raw = [x if isinstance(x, str) else json.dumps(x) for x in lines]
    raw = [r.replace("\n", " ").replace("\r", " ") for r in raw]
    text = "\n".join(raw)
    got = list(read_jsonl(text, "f.jsonl"))
    assert len(got) == sum(1 for r in raw if r.strip())
    for x in got:
        if isinstance(x, Article):
            assert isinstance(x.text, str) and x.text.strip()
            assert x.published is None or len(x.published) == 10
        else:
            assert "f.jsonl line" in x.error and x.id.encode("utf-8")


# quote pairing

@FEW
@given(st.text(alphabet=st.one_of(st.sampled_from(QUOTE_MARKS + "\n\n ."),
                                  st.characters()), max_size=500))
def test_quote_pairing_keeps_within_the_text(text: str) -> None:
    for seg in find_segments(text):
        assert 0 <= seg.start <= seg.end <= len(text)
        assert seg.open_mark < seg.start or seg.open_mark == -1
        assert seg.close_mark == -1 or seg.end <= seg.close_mark < len(text)


# speaker resolution, through the whole pipeline

sentence = st.builds(
    lambda who, cue, words, mark, order: (
        f"{mark[0]}{' '.join(words)},{mark[1]} {who} {cue}." if order
        else f"{who} {cue} {' '.join(words)}."),
    st.sampled_from(NAMES), st.sampled_from(CUES),
    st.lists(st.sampled_from(WORDS), min_size=1, max_size=8),
    st.sampled_from([("\u201c", "\u201d"), ('"', '"'), ("'", "'"), ("\u00ab", "\u00bb"),
                     ("\u201c", ""), ("", "\u201d"), ("\u201d", "\u201c")]),
    st.booleans())


@FEW
@given(st.lists(sentence, min_size=1, max_size=6),
       st.sampled_from([" ", "\n", "\n\n", "\r\n", "\r"]))
def test_speakers_resolve_to_spans_of_the_text(sentences: list[str], sep: str) -> None:
    text = sep.join(sentences)
    d = check(dragoman.analyze(text, published="2022-01-14"))
    actors = {a["id"] for a in d["actors"]}
    for q in d["quotes"]:
        if q["speaker"] and q["speaker"]["actor"]:
            assert q["speaker"]["actor"] in actors


@FEW
@given(st.text(alphabet=st.one_of(st.characters(), st.sampled_from(
    QUOTE_MARKS + "\n\r\t\x00\u2028\u202e\u200b\ufeff .,:;-")), max_size=300))
def test_any_text_gives_valid_records(text: str) -> None:
    check(dragoman.analyze(text))


# date resolution

@FEW
@given(st.text(max_size=60) | st.builds(" ".join, st.lists(st.sampled_from(
    ["on", "last", "next", "Monday", "Friday's", "yesterday", "tomorrow", "12", "31",
     "January", "Feb.", "Dec", "2022", "0000", "9999", "of", "this", "week", "1st"]),
    max_size=5)),
    st.dates(min_value=dt.date(2, 1, 1), max_value=dt.date(9998, 12, 31)))
def test_dates_resolve_to_a_day_or_none(expr: str, published: dt.date) -> None:
    for ref in (published, published.isoformat(), None):
        day = resolve(expr, ref)
        assert day is None or dt.date.fromisoformat(day).isoformat() == day
