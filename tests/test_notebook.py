"""What a notebook user does, in order: analyse an article, look at it, keep it as
JSON, and run the same analysis inside a spaCy pipeline of their own.

(Once the corpus store is merged, querying it into DataFrames joins this walk.)
"""
from __future__ import annotations

import json

import spacy

import dragoman

from .conftest import EXAMPLES


def test_notebook_walk() -> None:
    text = (EXAMPLES / "geneva-talks.txt").read_text(encoding="utf-8")
    analysis = dragoman.analyze(text, published="2022-01-10")
    speakers = {q.speaker.name for q in analysis.quotes if q.speaker and q.speaker.name}
    assert speakers and analysis.events and analysis.actors

    html = analysis._repr_html_()  # what Jupyter shows
    assert html == dragoman.render(analysis)
    assert html.count('<mark class="dm-quote"') >= len(analysis.quotes)
    assert all(f">{e.type}<" in html for e in analysis.events)
    for name in speakers:
        assert name.replace("'", "&#x27;") in html

    back = dragoman.Analysis.from_dict(json.loads(analysis.to_json()), text)
    assert back.to_dict() == analysis.to_dict()

    nlp = spacy.load(dragoman.default_model())  # the user's own pipeline
    nlp.add_pipe("dragoman", config={"published": "2022-01-10"})
    doc = nlp(text)
    assert doc._.dragoman.to_dict()["events"] == analysis.to_dict()["events"]
    assert [s.label_ for s in doc.spans["dragoman_events"]] == [e.type for e in analysis.events]
