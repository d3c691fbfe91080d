"""Modality of each event: conditions, questions, denials, negations, plans, hopes.

The sentences are invented for these tests. Each case names a word of a trigger, the
PLOVER type, and whether that event must be factual, or must be found and coded as not
factual (negated or hypothetical). ``DROPPED`` lists the cases where the event may also
go uncoded (the act is the topic of another event: "called for talks" is a REQUEST).
"""
from __future__ import annotations

import pytest

from dragoman import _nlp as nlp_mod
from dragoman._actors import find_actors
from dragoman._events import find_events


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    return nlp_mod.load()


def code(nlp, text: str):  # type: ignore[no-untyped-def]
    doc = nlp(text)
    return find_events(doc, find_actors(doc), [], published="2021-06-02", use_classifier=False)[0]


def _is_factual(e) -> bool:  # type: ignore[no-untyped-def]
    return not (e.negated or e.hypothetical)


def _at(events, word: str, etype: str):  # type: ignore[no-untyped-def]
    return [e for e in events if word.lower() in e.trigger.text.lower() and e.type == etype]


CASES = [
    # conditionals
    ("If Chile attacks Bolivia, Peru would send troops to the border.", "attack", "ASSAULT", False),
    ("In case of an invasion of Ghana, Togo would close its embassy.", "invasion", "ASSAULT", False),
    ("Kenya will not negotiate with Uganda unless Uganda withdraws its troops.", "negotiate", "CONSULT", False),
    ("Kenya will not negotiate with Uganda unless Uganda withdraws its troops.", "negotiate", "REJECT", True),
    ("Kenya will not negotiate with Uganda unless Uganda withdraws its troops.", "withdraw", "RETREAT", False),
    ("Should Peru expel the Chilean ambassador, Chile would respond in kind.", "expel", "SANCTION", False),
    ("Were Norway to impose sanctions on Sweden, trade would collapse.", "sanction", "SANCTION", False),
    ("In the event that Ghana invades Togo, Nigeria would intervene.", "invade", "ASSAULT", False),
    ("Peru threatened to cut ties with Chile if the border was closed.", "threaten", "THREATEN", True),
    # questions
    ("Will Russia invade Ukraine this winter?", "invade", "ASSAULT", False),
    ("Analysts debated whether Kenya would attack Somalia.", "attack", "ASSAULT", False),
    ("Is Ghana preparing to deploy troops to the border with Togo?", "deploy", "MOBILIZE", False),
    # denials
    ("Chile denied that it had attacked Bolivian soldiers.", "attack", "ASSAULT", False),
    ("Peru rejected claims that it had expelled Chilean diplomats.", "expel", "SANCTION", False),
    ("The Kenyan government dismissed reports that its forces had shelled Somali villages.", "shell", "ASSAULT", False),
    ("Chile denied that it had attacked Bolivian soldiers.", "denied", "REJECT", True),
    # negations
    ("The Peruvian president did not meet his Chilean counterpart.", "meet", "CONSULT", False),
    ("Kenya has yet to sign the agreement with Uganda.", "sign", "AGREE", False),
    ("No talks were held between Ghana and Togo.", "talks", "CONSULT", False),
    ("Sweden refused to send troops to Norway.", "send", "MOBILIZE", False),
    ("Sweden refused to send troops to Norway.", "refused", "REJECT", True),
    ("Chile failed to reach an agreement with Bolivia.", "agreement", "AGREE", False),
    # plans, the future, intentions
    ("Peru plans to hold talks with Chile next month.", "talks", "CONSULT", False),
    ("The Kenyan president is expected to meet Ugandan officials in Nairobi.", "meet", "CONSULT", False),
    ("The Ghanaian minister is due to visit Togo on Friday.", "visit", "CONSULT", False),
    ("The Norwegian foreign minister will travel to Sweden next week.", "travel", "CONSULT", False),
    ("Chile aims to sign a trade agreement with Bolivia.", "sign", "AGREE", False),
    ("The European Union threatened to impose sanctions on Belarus.", "threaten", "THREATEN", True),
    ("The European Union threatened to impose sanctions on Belarus.", "sanction", "SANCTION", False),
    # reported speech of possible events
    ("Peru warned that Chile could attack its border posts.", "attack", "ASSAULT", False),
    ("Kenyan officials said Somali militants may launch attacks on Nairobi.", "launch", "ASSAULT", False),
    ("Togo said Ghanaian forces might invade the border region.", "invade", "ASSAULT", False),
    # hopes and calls
    ("Chile called for talks with Bolivia.", "call", "REQUEST", True),
    ("Chile called for talks with Bolivia.", "talks", "CONSULT", False),
    ("Peru hopes to reach a deal with Chile.", "deal", "AGREE", False),
    ("The United Nations urged Kenya to withdraw its troops from Somalia.", "withdraw", "RETREAT", False),
    # more phrasings: reports rejected, things weighed, scheduled, declined, in the event of
    ("Chile dismissed as false reports that its troops had attacked Bolivian villages.", "attack", "ASSAULT", False),
    ("Norway rejected allegations that it had sanctioned Swedish firms.", "sanction", "SANCTION", False),
    ("Peru is considering sanctions against Chile.", "sanction", "SANCTION", False),
    ("The two leaders are scheduled to meet in Lima on Friday.", "meet", "CONSULT", False),
    ("A meeting between Chile and Peru is planned for May.", "meeting", "CONSULT", False),
    ("Kenya declined to sign the deal with Uganda.", "sign", "AGREE", False),
    ("Ghana said it would retaliate in the event of an attack by Togo.", "attack", "ASSAULT", False),
    ("Had Chile signed the deal, Peru would have agreed.", "sign", "AGREE", False),
    ("Kenya never signed the agreement with Uganda.", "sign", "AGREE", False),
    # recommendations and plans of others: advised, recommended, proposed, ought to
    ("Experts advised Norway to expel Swedish diplomats.", "expel", "SANCTION", False),
    ("Analysts recommended that Kenya negotiate with Somalia.", "negotiate", "CONSULT", False),
    ("Chile's president recommended talks with Bolivia.", "talks", "CONSULT", False),
    ("The opposition proposed that Peru cut ties with Chile.", "cut", "SANCTION", False),
    ("The Kenyan foreign minister said Kenya ought to negotiate with Uganda.", "negotiate", "CONSULT", False),
    ("Peru said it plans to visit Chile next month.", "visit", "CONSULT", False),
    # the purpose of a planned act is planned; of a done act, done
    ("The Peruvian president plans to visit Lima to meet Chilean officials.", "meet", "CONSULT", False),
    ("Chile's foreign minister flew to Lima to meet Peruvian officials.", "meet", "CONSULT", True),
    # refusals stated now are factual REJECTs ("cannot", "could not", "won't")
    ("Chile cannot meet Bolivia's demands.", "meet", "REJECT", True),
    ("Chile could not meet Bolivia's demands.", "meet", "REJECT", True),
    ("Peru won't accept Chile's proposal.", "accept", "REJECT", True),
    ("Peru said it could not accept the proposal from Chile.", "accept", "REJECT", True),
    # ... but not forecast by others, nor the outcome of a condition
    ("Analysts expect that Chile will not accept the deal with Peru.", "accept", "REJECT", False),
    ("If Bolivia attacks, Chile will not negotiate with Bolivia.", "negotiate", "REJECT", False),
    # prospects: possible, likely, warned of, open to
    ("Officials warned of a possible attack on Kenyan bases by Somali militants.", "attack", "ASSAULT", False),
    ("Talks between Peru and Ecuador are likely next month.", "talks", "CONSULT", False),
    ("Uganda said it is open to talks with Kenya.", "talks", "CONSULT", False),
    ("Armenia pressed Azerbaijan to release the prisoners.", "release", "RETREAT", False),
    # plain facts stay factual
    ("Peru welcomed reports that Chile had signed the agreement.", "sign", "AGREE", True),
    ("Reports said Chile attacked Bolivian villages.", "attack", "ASSAULT", True),
    ("Norway imposed sanctions on Sweden, and trade collapsed.", "sanction", "SANCTION", True),
    ("Chile attacked Bolivian border posts on Monday.", "attack", "ASSAULT", True),
    ("Peru expelled two Chilean diplomats.", "expel", "SANCTION", True),
]


@pytest.mark.parametrize("text, word, etype, is_factual", CASES)
def test_modality(nlp, text: str, word: str, etype: str, is_factual: bool) -> None:  # type: ignore[no-untyped-def]
    events = _at(code(nlp, text), word, etype)
    if is_factual:
        assert events and any(_is_factual(e) for e in events), events
    else:
        assert events or (text, word) in DROPPED, "the event must be found, as not factual"
        assert not any(_is_factual(e) for e in events), events


# not-factual cases whose event may go uncoded: a refused act (the REJECT is coded),
# talks that are the topic of a call (the REQUEST is coded)
DROPPED = {
    ("Kenya will not negotiate with Uganda unless Uganda withdraws its troops.", "negotiate"),
    ("Sweden refused to send troops to Norway.", "send"),
    ("Chile called for talks with Bolivia.", "talks"),
}
