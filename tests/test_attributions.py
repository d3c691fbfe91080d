"""Attributions beyond speech: beliefs (kind "belief"), accusations and descriptions
whose content is an object, and the PolNeAR span conventions. Sentences written for
the project, with cases that must yield nothing."""
from __future__ import annotations

import pytest

from dragoman._actors import find_actors
from dragoman._nlp import load
from dragoman._quotes import find_quotes


@pytest.fixture(scope="module")
def nlp():
    return load()


def quotes_of(nlp, text):
    doc = nlp(text)
    return find_quotes(doc, find_actors(doc))


@pytest.mark.parametrize("text, content, holder", [
    # a thought: a that-clause or a bare clause
    ("Many analysts believe that the ceasefire will not hold.",
     "that the ceasefire will not hold", "analysts"),
    ("The governor thinks the levee can be repaired by spring.",
     "the levee can be repaired by spring", "governor"),
    # an expectation with an infinitive, and with an object and an infinitive
    ("The minister hopes to sign the fishing accord in May.",
     "to sign the fishing accord in May", "minister"),
    ("Traders expect the central bank to cut rates again.",
     "the central bank to cut rates again", "Traders"),
    # a stance: the object is the content
    ("The farmers' union opposes the new import quotas.",
     "the new import quotas", "union"),
    # a perception
    ("Residents fear the river will flood the lower town again.",
     "the river will flood the lower town again", "Residents"),
])
def test_beliefs(nlp, text, content, holder):
    quotes = quotes_of(nlp, text)
    beliefs = [q for q in quotes if q.kind == "belief"]
    assert len(beliefs) == 1, [(q.text, q.kind) for q in quotes]
    q = beliefs[0]
    assert q.text == content
    assert q.text == text[q.start:q.end]
    assert q.speaker is not None and holder.lower() in q.speaker.name.lower()


@pytest.mark.parametrize("text", [
    # the verb, but no content it reports
    "The rebels believe in a federal state.",
    "The committee found a room for the hearing.",
    "They want more.",
    # neither speech nor belief
    "The convoy reached the border at dawn.",
])
def test_no_belief(nlp, text):
    assert [q for q in quotes_of(nlp, text) if q.kind == "belief"] == []


def test_belief_does_not_take_a_quotation(nlp):
    text = "“We are ready,” the general said. Analysts think otherwise."
    quotes = quotes_of(nlp, text)
    assert [(q.kind, q.speaker.name if q.speaker else None) for q in quotes] == \
        [("direct", "general")]


def test_belief_inside_speech_is_part_of_it(nlp):
    text = "The envoy said he believes the talks will resume next week."
    quotes = quotes_of(nlp, text)
    assert [(q.kind, q.text) for q in quotes] == \
        [("indirect", "he believes the talks will resume next week")]


@pytest.mark.parametrize("text, content, speaker", [
    # a description keeps what it describes
    ("The auditor described the accounts as incomplete and late.",
     "the accounts as incomplete and late", "auditor"),
    ("The envoy described the offer as a first step.", "the offer as a first step", "envoy"),
])
def test_object_content(nlp, text, content, speaker):
    quotes = [q for q in quotes_of(nlp, text) if q.kind != "belief"]
    assert [q.text for q in quotes] == [content]
    assert quotes[0].kind == "indirect"
    assert speaker.lower() in quotes[0].speaker.name.lower()


@pytest.mark.parametrize("text", [
    "The opposition accused the mayor.",          # no charge
    # an accusation with nothing quoted is not counted as reported speech (it is a
    # stance, a belief: see test_stance_of_a_verb_of_judgement)
    "The opposition accused the mayor of hiding the audit.",
    "The council described the route.",           # no "as"
    "The party called a meeting for Monday.",     # not a label
])
def test_no_object_content(nlp, text):
    assert [q for q in quotes_of(nlp, text) if q.kind != "belief"] == []


def test_description_without_a_judgement_reports_what_is_described(nlp):
    # "described X" with no "as": what was described, no words given (a belief)
    text = "The governor described the new tax on grain in a long speech."
    quotes = quotes_of(nlp, text)
    assert [(q.text, q.kind) for q in quotes] == [("the new tax on grain", "belief")]
    assert "governor" in quotes[0].speaker.name


def test_leading_that_is_kept(nlp):
    text = "The ministry said that the border would reopen on Friday."
    quotes = quotes_of(nlp, text)
    assert [q.text for q in quotes] == ["that the border would reopen on Friday"]


@pytest.mark.parametrize("text, expected", [
    # a transcript: labels and colons open the paragraphs
    ("Q: You left the camp in 2019. What happened next?\nA: I walked for three days "
     "and reached the border alone.",
     [("You left the camp in 2019. What happened next?", "Q"),
      ("I walked for three days and reached the border alone.", "A")]),
    # a name and a colon before a statement without quote marks
    ("Lindholm: the vote is lost and we must start again.",
     [("the vote is lost and we must start again.", "Lindholm")]),
])
def test_label_lines(nlp, text, expected):
    quotes = quotes_of(nlp, text)
    assert [(q.text, q.speaker.name if q.speaker else None) for q in quotes] == expected


@pytest.mark.parametrize("text", [
    "OSLO: The drill was over by noon.",          # a dateline, not a speaker
    "Lindholm: no.",                              # too short to be a statement
    "The plan has three parts: money, arms and time.",
])
def test_no_label_line(nlp, text):
    assert quotes_of(nlp, text) == []


def test_place_and_colon_is_a_dateline(nlp):
    text = "Nairobi: For the third day running, the court heard the defence."
    assert quotes_of(nlp, text) == []


@pytest.mark.parametrize("text, content, speaker", [
    # a cue after its content reports the whole sentence, not its last conjunct
    ("Troops have left the city, but the fighting goes on, the minister said.",
     "Troops have left the city, but the fighting goes on", "minister"),
    ("Prices rose and wages fell, the bank said.", "Prices rose and wages fell", "bank"),
])
def test_cue_after_coordinated_content(nlp, text, content, speaker):
    quotes = quotes_of(nlp, text)
    assert [q.text for q in quotes] == [content]
    assert speaker in quotes[0].speaker.name


def test_two_reports_in_one_sentence_stay_apart(nlp):
    text = "The army said the rebels had fled, but the rebels said they still held the bridge."
    quotes = quotes_of(nlp, text)
    assert [(q.text, q.speaker.name) for q in quotes] == [
        ("the rebels had fled", "army"), ("they still held the bridge", "rebels")]


@pytest.mark.parametrize("text, content", [
    ("The ceasefire seems to be collapsing.", "The ceasefire seems to be collapsing"),
    ("Turnout is expected to fall sharply this year.",
     "Turnout is expected to fall sharply this year"),
])
def test_perception_without_holder(nlp, monkeypatch, text, content):
    # the construction itself, whatever the learned belief filter keeps of it
    from dragoman._quotes import find as finder
    monkeypatch.setattr(finder, "BELIEF_KEEP", 0.0)
    quotes = quotes_of(nlp, text)
    assert [(q.kind, q.text, q.speaker) for q in quotes] == [("belief", content, None)]


@pytest.mark.parametrize("text", [
    "She appeared on television on Monday.",
    "It seems late.",
])
def test_no_perception(nlp, text):
    assert quotes_of(nlp, text) == []


@pytest.mark.parametrize("text, content, kind", [
    # a short lead-in of the clause's own words before the quoted part: mixed, with
    # the lead-in (PolNeAR keeps the "that" and the subject or object)
    ("Senator Ana Pell said that “the bill is dead on arrival.”",
     "that “the bill is dead on arrival.”", "mixed"),
    ("Mayor Ruth Obi said the council “will not bow to threats.”",
     "the council “will not bow to threats.”", "mixed"),
    # nothing of its own before the marks: direct
    ("“We are ready,” said Colonel Ivo Marek.", "We are ready", "direct"),
])
def test_quoted_clause_with_lead_in(nlp, text, content, kind):
    quotes = quotes_of(nlp, text)
    assert [(q.text, q.kind) for q in quotes] == [(content, kind)]


def test_parenthetical_cue_closing_the_sentence(nlp):
    # the cue and an adjunct of its own end the sentence: the content stops before them
    text = "Border crossings will reopen on Monday, the interior minister said, amid heavy rain."
    quotes = quotes_of(nlp, text)
    assert [q.text for q in quotes] == ["Border crossings will reopen on Monday"]


@pytest.mark.parametrize("text, question", [
    ("Asked whether the port would reopen, the governor said repairs would take a month.",
     "whether the port would reopen"),
    ("Governor Ruth Obi, asked if the port would reopen, said repairs would take a month.",
     "if the port would reopen"),
])
def test_question_put_to_the_speaker_has_no_speaker(nlp, text, question):
    # whoever asked is not named: the question is not the answerer's
    found = {q.text: q.speaker.name if q.speaker else None for q in quotes_of(nlp, text)}
    assert found[question] is None
    assert found["repairs would take a month"] is not None


@pytest.mark.parametrize("text, second, speaker", [
    # the second cue hung on the first one's content: the same speaker, not the
    # content's subject
    ("The governor said the new levees have protected the town and said that the state "
     "did not need federal money.", "that the state did not need federal money", "governor"),
    ("Mayor Ruth Obi says the budget will cover the repairs and says taxes will not rise.",
     "taxes will not rise", "Ruth Obi"),
])
def test_second_cue_of_the_same_speaker(nlp, text, second, speaker):
    found = {q.text: q.speaker.name if q.speaker else None for q in quotes_of(nlp, text)}
    assert found[second] is not None and speaker in found[second]


def test_infinitive_cue_stays_in_the_content(nlp):
    # "to demand" inside reported speech is part of it, not a report of its own
    text = "Minister Ruth Obi said the accord did not go far enough to demand cuts from the big emitters."
    assert [q.text for q in quotes_of(nlp, text)] == [
        "the accord did not go far enough to demand cuts from the big emitters"]


def test_reporters_comment_after_the_content_is_cut(nlp):
    # "..., a claim X rejected": an indefinite noun phrase after a comma comments on the
    # whole reported clause; it is the reporter's, not the speaker's
    text = "The governor told lawmakers that the dam was safe, a view the engineers disputed."
    assert [q.text for q in quotes_of(nlp, text)] == ["that the dam was safe"]


@pytest.mark.parametrize("text, content, holder", [
    # a verb of judgement with only an object: a stance (a belief), its object with
    # what it is judged for or of
    ("The foreign ministry condemned the shelling of the border post.",
     "the shelling of the border post", "ministry"),
    ("Lagos accused the rebels of blocking the aid corridor.",
     "the rebels of blocking the aid corridor", "Lagos"),
])
def test_stance_of_a_verb_of_judgement(nlp, text, content, holder):
    quotes = quotes_of(nlp, text)
    assert [(q.text, q.kind) for q in quotes] == [(content, "belief")]
    assert holder in quotes[0].speaker.name


def test_stance_leaves_quoted_words_a_quote_and_stops_at_a_report(nlp):
    # the quoted word in the object is a quote of its own (the stance reports no
    # words), and the stance's object stops before a report inside it
    text = ("The junta slammed the envoy for his “reckless” remarks after he said the "
            "army had burned villages.")
    found = {q.text: q.kind for q in quotes_of(nlp, text)}
    assert found.get("the envoy for his “reckless” remarks") == "belief"
    assert found.get("reckless") == "direct"
    assert found.get("the army had burned villages") == "indirect"


def test_past_tense_cue_misjoined_to_an_infinitive_keeps_the_speaker(nlp):
    # "said X had no plans to attack and accused Y": "accused" is the speaker's, not
    # the plans'
    text = ("Minister Ruth Obi said the army had no plans to advance and accused the rebels "
            "of stalling the talks.")
    found = {q.text: q.speaker.name if q.speaker else None for q in quotes_of(nlp, text)}
    assert found["the rebels of stalling the talks"] == "Ruth Obi"


def test_clause_split_by_the_parser_is_one_content(nlp):
    text = ("Mayor Ruth Obi told the Daily Ledger that she was disappointed there had not been "
            "more volunteers.")
    assert [q.text for q in quotes_of(nlp, text)] == [
        "that she was disappointed there had not been more volunteers"]


def test_quoted_words_in_a_belief_inside_speech_belong_to_the_speech(nlp):
    text = 'Minister Ruth Obi said Lagos wanted "a fair deal" with its neighbours.'
    quotes = quotes_of(nlp, text)
    assert [(q.text, q.kind) for q in quotes] == [
        ('Lagos wanted "a fair deal" with its neighbours', "mixed")]


def test_a_cue_verb_with_nothing_to_report_does_not_cut_the_content(nlp):
    # "calling local groups" is phoning, not a report: the clause goes on past it
    text = ('The senator said he began calling local groups and making an effort to '
            '"help get eyes up," a reference to drones.')
    found = [q for q in quotes_of(nlp, text) if "began" in q.text]
    assert found and "making an effort" in found[0].text and found[0].speaker is not None


def test_a_reported_clause_split_in_two_by_the_parser_is_one_content(nlp):
    # the parser gives "said" two complements: "he hopes ..." and "so he will ..."
    text = ('The mayor said he hopes to visit every district, so he will have enough '
            'support to pass the budget.')
    found = [q for q in quotes_of(nlp, text) if "so he will" in q.text]
    assert found and found[0].text.startswith("he hopes")


@pytest.mark.parametrize("text, outer, participle, content", [
    # ", citing X" / ", noting X" after reported speech: the speaker's own act, an
    # attribution of its own, not part of what "said" reports
    ("Ramos said the new tax rules were unfair, citing the complaints of small farmers.",
     "the new tax rules were unfair", "citing", "the complaints of small farmers"),
    ("The envoy said the border was calm, noting the return of traders to the market.",
     "the border was calm", "noting", "the return of traders to the market"),
])
def test_trailing_participle_is_cut_from_the_content(nlp, text, outer, participle, content):
    quotes = quotes_of(nlp, text)
    by_cue = {q.cue.text if q.cue else None: q for q in quotes}
    assert by_cue["said"].text == outer
    assert by_cue[participle].text == content
    assert by_cue[participle].speaker is not None


def test_reporters_aside_with_a_cue_of_its_own_is_cut(nlp):
    # ", who said ..." after the content: another report, not part of this one
    text = "Aides say the plan hurts farmers, who said on Monday that they would protest."
    found = {q.text: q.speaker.name if q.speaker else None for q in quotes_of(nlp, text)}
    assert found.get("the plan hurts farmers") == "Aides"
    assert "that they would protest" in found


def test_speaker_after_a_non_breaking_space(nlp):
    # a closing quote mark, a no-break space, then the inverted cue and speaker
    text = ("“Nobody should be surprised that the bridge is closed; the audit said so,”"
            "\u00a0added Hale.")
    quotes = quotes_of(nlp, text)
    assert [q.speaker.name if q.speaker else None for q in quotes] == ["Hale"]


def test_title_set_off_by_commas_is_no_quote(nlp):
    # a title after the noun it names, the comma inside the marks (American style)
    text = ('Milo Grant, a host of the quiz program, "Pick a Door," who later joined the '
            'city council, said the mayor was fair.')
    assert [q.text for q in quotes_of(nlp, text) if q.kind != "belief"] == [
        "the mayor was fair"]


def test_clause_cut_at_an_auxiliary_by_the_parser_is_one_content(nlp):
    # the parser may take "do" of "don’t" for a verb of its own and hang the rest of the
    # clause on the cue as a second complement
    text = "Polls show tenants say they don’t yet know enough about the levy to decide."
    found = [q.text for q in quotes_of(nlp, text) if q.cue and q.cue.text == "say"]
    assert found == ["they don’t yet know enough about the levy to decide"]


@pytest.mark.parametrize("text, content, holder", [
    # a word that stands for the whole answer is what was said (the gist, as a belief)
    ("In the survey, 46 percent of farmers said yes.", "yes", "46 percent of farmers"),
    ("Most Republicans say the same of the governor.", "the same of the governor",
     "Republicans"),
])
def test_pro_form_after_say(nlp, text, content, holder):
    quotes = quotes_of(nlp, text)
    assert [(q.text, q.kind) for q in quotes] == [(content, "belief")]
    assert holder in quotes[0].speaker.name


def test_so_after_say_is_no_content(nlp):
    # "said so many things": "so" modifies what follows, it is not the answer
    assert quotes_of(nlp, "He said so many things in the debate.") == []


@pytest.mark.parametrize("text, content, speaker", [
    # the participle's speaker is that of the verb it hangs on, even when that verb is
    # a cue with nothing to report of its own
    ("Ortiz distanced herself from the coalition by saying she would vote against the "
     "budget.", "she would vote against the budget", "Ortiz"),
    ("The campaign issued a statement saying the vote was rigged.", "the vote was rigged",
     "campaign"),
])
def test_participle_takes_the_speaker_of_a_cue_that_reports_nothing(nlp, text, content,
                                                                     speaker):
    found = {q.text: q.speaker.name if q.speaker else None for q in quotes_of(nlp, text)}
    assert speaker in (found.get(content) or "")


def test_question_put_by_a_named_asker(nlp):
    # "Asked by X whether ...": the question is X's; with no agent the asker is unnamed
    named = "Asked by Ortiz whether the plan would work, Hale said it was too early to tell."
    unnamed = "Asked whether the plan would work, Hale said it was too early to tell."
    q1 = [q for q in quotes_of(nlp, named) if q.cue and q.cue.text == "Asked"]
    q2 = [q for q in quotes_of(nlp, unnamed) if q.cue and q.cue.text == "Asked"]
    assert q1 and q1[0].speaker is not None and q1[0].speaker.name == "Ortiz"
    assert q2 and q2[0].speaker is None


def test_speaker_is_never_inherited_from_inside_the_quotation(nlp):
    # the parser may hang the cue on a cue inside the quotation; that cue's subject is
    # a word of the quote, not its speaker
    text = ("Ruiz did not seem moved by the verdict, telling the press, “Plenty of farmers "
            "said the levy was unfair.”")
    quotes = [q for q in quotes_of(nlp, text) if q.kind == "direct"]
    assert quotes and all(q.speaker is None or "farmers" not in q.speaker.name for q in quotes)


@pytest.mark.parametrize("text, speaker", [
    # a demonstrative with a modifier names people ("those surveyed"); alone it does not
    ("Those who oppose the dam say the river will suffer.", "Those"),
    ("Those near the governor concede that a second term looks doubtful.", "Those"),
])
def test_modified_demonstrative_is_a_speaker(nlp, text, speaker):
    quotes = [q for q in quotes_of(nlp, text) if q.kind != "belief"]
    assert quotes and quotes[0].speaker is not None
    assert quotes[0].speaker.mention.text.startswith(speaker)


def test_bare_demonstrative_is_no_speaker(nlp):
    assert quotes_of(nlp, "This says a lot about the campaign.") == []
