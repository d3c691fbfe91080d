"""The spaCy component: nlp.add_pipe("dragoman") on a fresh pipeline."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest
import spacy
from spacy.tokens import DocBin

import dragoman
from dragoman import _nlp as nlp_mod
from dragoman import InputError, ModelError

TEXT = ("Japan and India held talks in Geneva on Monday. "
        "\u201cWe agreed on a great deal,\u201d the Japanese foreign minister said.")


@pytest.fixture(scope="module")
def pipeline() -> spacy.language.Language:
    nlp = spacy.load(nlp_mod.default_model())  # a fresh pipeline, not dragoman's own
    nlp.add_pipe("dragoman", config={"published": "2022-01-12"})
    return nlp


def test_found_through_the_entry_point() -> None:
    """A process that never imports dragoman still finds the factory."""
    code = (
        "import json, spacy\n"
        f"nlp = spacy.load({nlp_mod.default_model()!r})\n"
        "nlp.add_pipe('dragoman')\n"
        "doc = nlp('Chile criticised Peru on Monday.')\n"
        "print(json.dumps([(s.text, s.label_) for s in doc.spans['dragoman_events']]))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert json.loads(out) == [["criticised", "ACCUSE"]]


def test_same_analysis_as_analyze(pipeline) -> None:  # type: ignore[no-untyped-def]
    doc = pipeline(TEXT)
    assert pipeline.pipe_names[-1] == "dragoman"
    expected = dragoman.analyze(TEXT, published="2022-01-12")
    assert expected.events and expected.quotes
    assert doc._.dragoman.to_dict() == expected.to_dict()


@pytest.mark.parametrize("group, expected", [
    ("dragoman_actors", [("Japan", "JPN"), ("India", "IND"),
                         ("the Japanese foreign minister", "JPNGOV")]),
    ("dragoman_quotes", [("We agreed on a great deal", "direct")]),
    ("dragoman_speakers", [("the Japanese foreign minister", "Q1")]),
    ("dragoman_events", [("talks", "CONSULT"), ("agreed", "AGREE")]),
])
def test_span_groups(pipeline, group: str, expected: list[tuple[str, str]]) -> None:  # type: ignore[no-untyped-def]
    doc = pipeline(TEXT)
    assert [(s.text, s.label_) for s in doc.spans[group]] == expected


def test_span_records(pipeline) -> None:  # type: ignore[no-untyped-def]
    doc = pipeline(TEXT)
    spans = [s for g in ("dragoman_actors", "dragoman_quotes", "dragoman_events")
             for s in doc.spans[g]]
    assert spans
    for s in spans:
        record = s._.dragoman
        assert record is not None and record.id == s.id_
    event = doc.spans["dragoman_events"][0]._.dragoman
    assert isinstance(event, dragoman.Event) and event.date == "2022-01-10"
    speaker = doc.spans["dragoman_speakers"][0]
    assert isinstance(speaker._.dragoman, dragoman.Quote)
    assert speaker._.dragoman.speaker.mention.text == speaker.text


def test_nothing_found_leaves_empty_groups(pipeline) -> None:  # type: ignore[no-untyped-def]
    for text in ("", "The harvest was good. Rain fell."):
        doc = pipeline(text)
        assert doc._.dragoman is not None and doc._.dragoman.events == []
        assert all(len(doc.spans[g]) == 0 for g in ("dragoman_actors", "dragoman_quotes",
                                                     "dragoman_speakers", "dragoman_events"))


def test_docs_still_serialise(pipeline) -> None:  # type: ignore[no-untyped-def]
    docs = list(pipeline.pipe([TEXT, "Chile criticised Peru."]))
    back = list(DocBin(docs=docs, store_user_data=True).get_docs(pipeline.vocab))
    assert [d._.dragoman.to_dict() for d in back] == [d._.dragoman.to_dict() for d in docs]
    assert back[0].spans["dragoman_events"][0]._.dragoman.type == "CONSULT"


def test_actor_file(tmp_path) -> None:  # type: ignore[no-untyped-def]
    actors = tmp_path / "actors.csv"
    actors.write_text("name,code,kind\nOrdo Veritas,OVRREB,group\n", encoding="utf-8")
    nlp = spacy.load(nlp_mod.default_model())
    nlp.add_pipe("dragoman", config={"actors": str(actors)})
    doc = nlp("Ordo Veritas attacked Chile on Monday.")
    assert ("Ordo Veritas", "OVRREB") in [(s.text, s.label_) for s in doc.spans["dragoman_actors"]]


def test_needs_a_parse() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("dragoman")
    with pytest.raises(ModelError, match="dependency parse"):
        nlp("Chile criticised Peru.")


def test_bad_published_is_refused() -> None:
    nlp = spacy.blank("en")
    with pytest.raises(InputError, match="ISO date"):
        nlp.add_pipe("dragoman", config={"published": "14 January 2022"})
