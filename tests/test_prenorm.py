"""The pre-parse component: token and sentence fixes that never change the text."""
from __future__ import annotations

import pytest

from dragoman._actors import find_actors
from dragoman._nlp import load
from dragoman._prenorm import NAME, _dateline_end
from dragoman._quotes import find_quotes


@pytest.fixture(scope="module")
def nlp():
    return load()


def test_component_is_first(nlp):
    assert nlp.pipe_names[0] == NAME


@pytest.mark.parametrize("text", [
    'The talks ended on Friday."We will return," she said.',
    "«Nobody wants a war,» the envoy said.\nHe left.",
    "It rained.\n\nRebels seize border town\nThe army said it had withdrawn.",
])
def test_text_and_offsets_unchanged(nlp, text):
    doc = nlp(text)
    assert doc.text == text
    assert all(text[t.idx:t.idx + len(t.text)] == t.text for t in doc)


def test_glued_quote_mark_is_split(nlp):
    doc = nlp('The talks ended on Friday."We will return," she said.')
    assert '"We' not in [t.text for t in doc]
    assert [t.text for t in doc].count('"') == 2


def test_closing_mark_glued_to_a_dash_is_split(nlp):
    doc = nlp("“We will vote in November.”― Ana Ruiz, a nurse")
    assert [t.text for t in doc][:8] == ["“", "We", "will", "vote", "in", "November", ".", "”"]
    assert doc[8].text == "―"


def test_glued_quote_is_attributed(nlp):
    text = 'Minister Ana Vell met the rebels on Friday."We will return," she said.'
    doc = nlp(text)
    quotes = find_quotes(doc, find_actors(doc))
    assert [(q.text, q.speaker.name if q.speaker else None) for q in quotes] == \
        [("We will return", "Ana Vell")]


def test_apostrophe_is_not_split(nlp):
    doc = nlp("The 'Ninety' club and the party's chief met.")
    assert "'s" in [t.text for t in doc]


def _sentences(doc):
    return [s.text.strip() for s in doc.sents]


def test_headline_without_full_stop_is_its_own_sentence(nlp):
    doc = nlp("Rebels seize border town\nThe army said it had withdrawn from the town.")
    assert _sentences(doc)[0] == "Rebels seize border town"


def test_closing_mark_stays_with_its_sentence(nlp):
    doc = nlp("«We are ready.» The general left.")
    assert _sentences(doc)[0] == "«We are ready.»"


@pytest.mark.parametrize("text, rest", [
    ("SEOUL, March 3 (Wire) - The ministry said the drill was over.", "The ministry"),
    ("Harbin, Nov. 17 (Agency)--The ministry said the drill was over.", "The ministry"),
    ("OSLO: The ministry said the drill was over.", "The ministry"),
    ("NEW DELHI/ISLAMABAD - Troops exchanged fire overnight.", "Troops"),
    ("BUENA PARK, Calif. — The candidate promised a new plan.", "The candidate"),
])
def test_datelines(nlp, text, rest):
    end = _dateline_end(text, 0)
    assert end is not None and text[end:].startswith(rest)
    assert any(s.startswith(rest) for s in _sentences(nlp(text)))


@pytest.mark.parametrize("text", [
    "Foreign Minister Lund: we will not give in.",  # a name line, not a dateline
    "Later - much later - the ministry spoke.",
    "The ministry said the drill was over.",
])
def test_not_datelines(nlp, text):
    assert _dateline_end(text, 0) is None


def test_dateline_is_not_the_speaker(nlp):
    text = "TALLINN (Wire) - The defence ministry said the exercise would start on Monday."
    doc = nlp(text)
    quotes = find_quotes(doc, find_actors(doc))
    assert len(quotes) == 1
    assert quotes[0].text == "the exercise would start on Monday"
    assert "ministry" in quotes[0].speaker.name.lower()


@pytest.mark.parametrize("text, pieces", [
    ('The envoy said,“Look at what the floods did to the valley.”', ["said", ",", "“", "Look"]),
    ("The envoy replied:'Nobody here wants another winter of war.'", ["replied", ":", "'", "Nobody"]),
])
def test_quote_mark_glued_after_a_comma_is_split(nlp, text, pieces):
    doc = nlp(text)
    assert doc.text == text
    toks = [t.text for t in doc]
    i = toks.index(pieces[0])
    assert toks[i:i + len(pieces)] == pieces
    assert all(text[t.idx:t.idx + len(t.text)] == t.text for t in doc)


def test_apostrophe_after_a_comma_stays(nlp):
    doc = nlp("They played rock,'n'roll all night.")
    assert "'" not in [t.text for t in doc]


def test_quote_glued_after_a_comma_is_attributed(nlp):
    text = "The envoy said,“Look at what the floods did to the valley and its farms.”"
    doc = nlp(text)
    quotes = find_quotes(doc, find_actors(doc))
    assert len(quotes) == 1, [(q.text, q.kind) for q in quotes]
    q = quotes[0]
    assert q.kind == "direct" and q.text.startswith("Look at what")
    assert q.cue is not None and q.cue.text == "said"
    assert q.speaker is not None and q.speaker.mention is not None
    assert "envoy" in q.speaker.mention.text


@pytest.mark.parametrize("text", [
    "Aid arrived late.\n\nThe envoy said,“Look, nobody here wants another winter of war.”",
    'The talks ended on Friday."We will return," she said.',
])
def test_split_tokens_leave_a_valid_tree(nlp, text):
    """Every token reaches a root and every sentence has one (a split token whose
    pieces hung on its last piece once left the parser a broken tree)."""
    doc = nlp(text)
    for t in doc:
        cur, hops = t, 0
        while cur.head.i != cur.i and hops <= len(doc):
            cur, hops = cur.head, hops + 1
        assert hops <= len(doc), f"cycle through {t.text!r}"
        assert cur.dep_ == "ROOT" or cur.is_space, (t.text, cur.text, cur.dep_)
    for sent in doc.sents:
        assert sent.root is not None
