"""Cues learned from PolNeAR train (``scripts/train_cues.py``): the table loads, its
verbs become belief cues with noun-phrase content, and a learned thought never takes
quoted words away from the speech cue that governs them. Sentences invented here."""
from __future__ import annotations

import pytest

from dragoman._actors import find_actors
from dragoman._nlp import load
from dragoman._quotes import find_quotes
from dragoman._quotes.cues import LEARNED_PATH, _learned, belief_precision, load_lexicon


@pytest.fixture(scope="module")
def nlp():
    return load()


def test_learned_table_loads_as_belief_cues():
    rows = _learned()
    assert LEARNED_PATH.is_file() and rows
    lex = load_lexicon()
    verbs = [lemma for kind, lemma in rows if kind == "verb"]
    assert verbs
    assert all(lex.beliefs.get(v) == "object" or v in lex.verbs for v in verbs)
    # a lexicon read from another path is that table alone: the learned verbs are
    # what the default one adds
    from dragoman._quotes.cues import CUES_PATH
    added = set(lex.beliefs) - set(load_lexicon(str(CUES_PATH)).beliefs)
    assert added and added <= set(verbs)


def test_learned_verb_reports_its_object(nlp):
    assert "cite" in load_lexicon().beliefs
    text = "The governor cited the falling cost of grain in her budget speech."
    doc = nlp(text)
    quotes = find_quotes(doc, find_actors(doc))
    assert quotes, "the learned cue 'cite' found nothing"
    q = quotes[0]
    assert q.kind == "belief"
    assert "the falling cost of grain" in q.text
    assert q.speaker is not None and q.speaker.mention is not None
    assert "governor" in q.speaker.mention.text


def test_governing_speech_cue_keeps_its_quote(nlp):
    assert "discuss" in load_lexicon().beliefs
    text = ("The two envoys discussed what a senior aide called “a narrow opening that "
            "may not last the winter” in Oslo on Monday.")
    doc = nlp(text)
    quotes = find_quotes(doc, find_actors(doc))
    speech = [q for q in quotes if q.kind != "belief"]
    assert speech, [(q.text, q.kind) for q in quotes]
    q = speech[0]
    assert q.kind == "direct", (q.text, q.kind)
    assert q.text.startswith("a narrow opening")
    assert q.cue is not None and q.cue.text == "called"


def test_learned_noun_cue_reports_its_clause(nlp):
    lex = load_lexicon()
    assert "criticism" in lex.nouns
    text = "The mayor's criticism of the new parking fees surprised the council."
    doc = nlp(text)
    quotes = [q for q in find_quotes(doc, find_actors(doc)) if q.cue and q.cue.text == "criticism"]
    assert quotes, "the learned noun cue 'criticism' found nothing"
    q = quotes[0]
    assert q.kind == "belief" and q.text == "the new parking fees"
    assert q.speaker is not None and q.speaker.mention is not None
    assert "mayor" in q.speaker.mention.text


@pytest.mark.parametrize("text, cue, speaker", [
    ("“We will never sign this treaty, not in a hundred years,” an angry Okonjo retorted.",
     "retorted", "Okonjo"),
    ("“Open the border crossings before the winter comes,” the protesters chanted on Sunday.",
     "chanted", "protesters"),
])
def test_speech_tag_after_quotation(nlp, text, cue, speaker):
    doc = nlp(text)
    quotes = [q for q in find_quotes(doc, find_actors(doc)) if q.kind == "direct"]
    assert quotes
    q = quotes[0]
    assert q.cue is not None and q.cue.text == cue
    assert q.speaker is not None and q.speaker.mention is not None
    assert speaker in q.speaker.mention.text


def test_no_speech_tag_inside_a_sentence(nlp):
    text = "The lawyers had “no case at all, not even a weak one,” the ruling came today."
    doc = nlp(text)
    quotes = find_quotes(doc, find_actors(doc))
    assert all(q.cue is None or q.cue.text != "came" for q in quotes), \
        [(q.text, q.cue) for q in quotes]


def test_subject_inside_the_quotation_is_not_the_speaker(nlp):
    """“Safety, …,” said Grimm: the parser may take the quotation's first word for the
    subject of the cue after it; the speaker is the noun phrase after the cue."""
    text = "“Safety for the whole country, for everybody,” said Okafor, a farmer from Jos."
    doc = nlp(text)
    quotes = [q for q in find_quotes(doc, find_actors(doc)) if q.kind == "direct"]
    assert quotes
    q = quotes[0]
    assert q.speaker is not None and q.speaker.mention is not None
    assert "Okafor" in q.speaker.mention.text
    assert not q.start <= q.speaker.mention.start < q.end


@pytest.mark.parametrize("text", [
    "In a call with reporters, Col. Ana Ruiz said, “I mean, a raid is a combat operation.”",
    "In a call with reporters, Col. Ana Ruiz said, ''I mean, a raid is a combat operation.''",
])
def test_phrase_before_a_speaker_stays_out_of_the_quotation(nlp, text):
    """", X said, “…”": the sentence-initial phrase belongs to reported content only
    when no quotation follows the cue (then the quotation is the content)."""
    doc = nlp(text)
    quotes = find_quotes(doc, find_actors(doc))
    assert len(quotes) == 1, [(q.text, q.kind) for q in quotes]
    assert quotes[0].kind == "direct" and quotes[0].text.startswith("I mean")


def test_clause_in_a_survey_reports_its_finding(nlp):
    text = "In the latest survey, the governor leads her rival by ten points."
    doc = nlp(text)
    quotes = find_quotes(doc, find_actors(doc))
    assert len(quotes) == 1, [(q.text, q.kind) for q in quotes]
    q = quotes[0]
    assert q.kind == "belief" and q.text == "the governor leads her rival by ten points"
    assert q.speaker is not None and q.speaker.mention is not None
    assert "survey" in q.speaker.mention.text


@pytest.mark.parametrize("text", [
    "In the survey, most farmers said they wanted lower taxes on fuel.",  # the cue's own
    "In the morning, the governor left for the coast.",  # not a survey
])
def test_no_finding_without_a_survey_of_its_own(nlp, text):
    doc = nlp(text)
    quotes = find_quotes(doc, find_actors(doc))
    assert all(q.kind != "belief" for q in quotes), [(q.text, q.kind) for q in quotes]
    if "said" in text:
        assert quotes and quotes[0].kind == "indirect"


def test_speech_verb_with_a_noun_object_reports_it_as_belief(nlp):
    assert "announce" in load_lexicon().objects
    text = "The ministry announced new sanctions on the three largest banks."
    doc = nlp(text)
    quotes = find_quotes(doc, find_actors(doc))
    assert len(quotes) == 1, [(q.text, q.kind) for q in quotes]
    q = quotes[0]
    assert q.kind == "belief" and q.text == "new sanctions on the three largest banks"
    assert q.speaker is not None and q.speaker.mention is not None
    assert "ministry" in q.speaker.mention.text


def test_speech_verb_after_a_quotation_stays_speech(nlp):
    text = "“We will not retreat from the border, not one step,” the minister announced."
    doc = nlp(text)
    quotes = find_quotes(doc, find_actors(doc))
    assert len(quotes) == 1 and quotes[0].kind == "direct"
    assert quotes[0].cue is not None and quotes[0].cue.text == "announced"


def test_belief_precision_table_loads():
    table = belief_precision()
    assert len(table) > 50
    assert all(0 <= right <= seen for right, seen in table.values())


@pytest.mark.parametrize("counts,keep,kept", [
    ({"believe": (1, 20)}, 0.65, False),   # a cue that seldom reports: dropped
    ({"believe": (19, 20)}, 0.65, True),   # one that holds up: kept
    ({"believe": (0, 3)}, 0.65, True),     # seen too seldom to judge: kept
    ({"believe": (1, 20)}, 0.0, True),     # the filter off
])
def test_weak_belief_cues_are_dropped(nlp, monkeypatch, counts, keep, kept):
    from dragoman._quotes import find as finder
    monkeypatch.setattr(finder, "belief_precision", lambda: counts)
    monkeypatch.setattr(finder, "BELIEF_KEEP", keep)
    doc = nlp("Officials in Lagos believe the new port fees will hurt farmers.")
    beliefs = [q for q in find_quotes(doc, find_actors(doc)) if q.kind == "belief"]
    assert bool(beliefs) == kept


@pytest.mark.parametrize("text, topic, cue, content, speaker", [
    ("Senator Vell spoke about the new water tariffs for an hour.",
     "speak about", "spoke about", "the new water tariffs", "Vell"),
    ("The central bank warned of a long and costly winter for exporters.",
     "warn of", "warned", "a long and costly winter for exporters", "bank"),
])
def test_learned_topic_of_a_speech_verb(nlp, text, topic, cue, content, speaker):
    # a speech verb with no clause and no object reports what it was about (a belief,
    # like an object: no words of the speaker are given)
    assert topic in load_lexicon().topics
    doc = nlp(text)
    quotes = find_quotes(doc, find_actors(doc))
    assert [(q.cue.text if q.cue else None, q.text, q.kind) for q in quotes] == [
        (cue, content, "belief")]
    assert speaker in quotes[0].speaker.name


def test_topic_gives_way_to_a_quotation(nlp):
    # the quotation is what was said; the topic is not reported as well
    text = "Senator Vell spoke about the tariffs: “They will ruin the valley.”"
    doc = nlp(text)
    quotes = find_quotes(doc, find_actors(doc))
    assert [(q.kind, q.text) for q in quotes] == [("direct", "They will ruin the valley.")]
