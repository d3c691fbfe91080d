"""Finding the speaker phrase of a speech cue in the parse.

The subject of the cue when the parser found one; otherwise, in order: the
speaker a participle shares with the cue it hangs under ("adding that ..."), the
noun a relative clause modifies ("officials who said"), the passive agent, an
inverted speaker after a closing quote mark, a document before the cue ("a
statement from X says"), the noun phrase just before the cue, the nearest main
clause subject, and a name that opens the sentence.
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

from .cues import Cue
from .._lexicon import words

SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
_CLIMB = ("conj", "advcl", "xcomp", "pcomp", "prep", "acl", "ccomp", "dep", "parataxis",
          "dobj", "pobj")
#: Nouns that name a document rather than a speaker: "the statement said".
DOCUMENT_NOUNS = words("document_nouns")
_QUOTE_LEMMAS = ("quote", "cite")


def subject(tok: Token) -> Token | None:
    """The subject of ``tok`` (not an expletive "there"), or None. Of two subjects the
    parser hung on one verb ("“That, sadly,” he said": the quotation's first word and
    the speaker), one with no quote mark between it and the verb, then the nearer."""
    subjects = [c for c in tok.children
                if c.dep_ in SUBJECT_DEPS and c.tag_ != "EX" and c.lower_ != "there"
                and not c.is_punct]  # a closing quote mark the parser took for one
    if len(subjects) < 2:
        return subjects[0] if subjects else None
    doc = tok.doc

    def across_marks(c: Token) -> bool:
        lo, hi = sorted((c.i, tok.i))
        return any(t.is_quote for t in doc[lo + 1:hi])

    return min(subjects, key=lambda c: (across_marks(c), abs(c.i - tok.i)))


def _climb_subject(doc: Doc, tok: Token, cue_heads: set[int]) -> tuple[Token | None, int | None]:
    """The subject for a cue that has none of its own: climb conj, participles,
    relative clauses; stop at a cue on the way (its speaker is inherited)."""
    if tok.tag_ == "VBG" and tok.dep_ in ("advcl", "conj", "xcomp"):
        # "He said X, adding that Y": a participle inside reported content belongs
        # to the reporting cue, not to the content's subject.
        anc = tok.head
        for _ in range(4):
            if anc.dep_ == "ccomp" and anc.head.i in cue_heads:
                return None, anc.head.i
            if anc.head.i == anc.i or anc.dep_ not in ("conj", "xcomp", "advcl", "ccomp"):
                break
            anc = anc.head
    if tok.dep_ == "conj" and subject(tok) is None:
        # "He says X and says Y", "said Moscow had no plans to attack and accused Y":
        # the parser may hang the second cue on the first one's content; the cue over
        # it speaks both when it is the same verb, or when the second cue cannot be
        # coordinated with what it hangs on (a past tense joined to an infinitive)
        misjoined = tok.tag_ in ("VBD", "VBZ") and tok.head.tag_ != tok.tag_
        anc = tok.head
        for _ in range(6):
            if anc.dep_ == "ccomp" and anc.head.i in cue_heads and anc.head.i < tok.i and (
                    anc.head.lemma_ == tok.lemma_ or misjoined and anc.head.tag_ == tok.tag_):
                return None, anc.head.i
            if anc.head.i == anc.i:
                break
            anc = anc.head
    cur = tok
    for _ in range(5):
        if cur.dep_ == "relcl":
            return cur.head, None  # "officials who said": the modified noun
        if cur.dep_ not in _CLIMB or cur.head.i == cur.i:
            return None, None
        head = cur.head
        if head.i in cue_heads and cur.dep_ != "ccomp":
            return None, head.i
        if cur.dep_ == "ccomp":
            return None, None  # a clause reported by someone else: no subject
        subj = subject(head)
        if subj is not None and head.pos_ in ("VERB", "AUX"):
            return subj, None
        if cur.dep_ == "acl" and head.pos_ in ("NOUN", "PROPN", "PRON") \
                and head.lemma_.lower() not in DOCUMENT_NOUNS:
            return head, None  # "Mexico denouncing the raid"
        if cur.dep_ in ("dobj", "pobj") and head.pos_ not in ("VERB", "AUX", "ADP"):
            return None, None
        cur = head
    return None, None


def _asked_participle(doc: Doc, tok: Token, subj: Token | None, cue_heads: set[int]) -> bool:
    """"Asked whether X, the minister said", "Obi, asked if X, said": "asked" is a
    participle (a question put to the speaker of the next cue), whatever the parse."""
    if tok.tag_ == "VBN" and subj is None and tok.dep_ in ("advcl", "acl"):
        return True
    if tok.i == 0 or doc[tok.i - 1].text != "," or subj is not None and subj.i > tok.i:
        return False
    # set off by commas, a cue of its own after it: "Obi, asked if X, said Y"
    sent_end = tok.sent.end
    return any(i in cue_heads and doc[i - 1].text == "," for i in range(tok.i + 2, sent_end))


def _passive_speaker(tok: Token) -> Token | None:
    """"X was quoted as saying": X; "it was said by Y": Y."""
    for c in tok.children:
        if c.dep_ == "agent":
            for g in c.children:
                if g.dep_ == "pobj":
                    return g
    return None


def speaker_of(doc: Doc, cue: Cue, cue_heads: set[int]) -> tuple[Token | None, int | None]:
    """The head token of the speaker phrase of ``cue``, or the cue it inherits from."""
    tok = doc[cue.head]
    if cue.kind == "source":  # according to X
        to = doc[cue.tokens[-1]]
        obj = next((c for c in to.children if c.dep_ == "pobj"), None)
        if obj is None:
            obj = next((c for c in tok.children if c.dep_ == "pobj"), None)
        return obj, None
    if cue.kind == "noun":  # "his claim that", "X voiced doubts about Y"
        poss = next((c for c in tok.children if c.dep_ == "poss"), None)
        if poss is not None:
            return poss, None
        if tok.dep_ == "dobj" and tok.head.pos_ == "VERB":
            return subject(tok.head), None
        return None, None
    # "quoted X as saying": the speaker is X (or the passive subject).
    if tok.lemma_ == "say" and tok.head.lower_ == "as" and tok.head.head.lemma_ in _QUOTE_LEMMAS:
        q = tok.head.head
        obj = next((c for c in q.children if c.dep_ in ("dobj", "nsubjpass")), None)
        if obj is not None:
            return obj, None
    subj = subject(tok)
    if subj is not None and subj.pos_ == "NOUN" and subj.i + 1 < len(doc) \
            and doc[subj.i + 1].tag_ == "HYPH":
        # "said Tom Harlan matter-of-factly": the parser took the adverb's first word
        # for the head of the name before it
        prev = next((c for c in subj.children if c.dep_ == "compound" and c.i == subj.i - 1), None)
        if prev is not None:
            subj = prev
    if tok.lemma_.lower() == "ask" and _asked_participle(doc, tok, subj, cue_heads):
        # "Asked whether X, the minister said": the asker is unnamed, unless an agent
        # names them ("Asked by a reporter whether X, ...")
        return _passive_speaker(tok), None
    if subj is not None and subj.ent_type_ in ("DATE", "TIME") and not (
            subj.lower_ == "old" and subj.pos_ in ("ADJ", "NOUN")):  # "the 46-year-old"
        # "Iran on Wednesday denied": the parser took the day for the subject
        for i in range(subj.i - 1, max(0, subj.i - 6) - 1, -1):
            if "\n" in doc[i].text or "\n" in doc[i].whitespace_:
                subj = None  # never across a line (the parser's sentence may start late)
                break
            if doc[i].pos_ in ("PROPN", "NOUN") and doc[i].ent_type_ not in ("DATE", "TIME"):
                subj = doc[i]
                break
        else:
            subj = None
    if subj is not None and subj.lower_ in ("this", "these", "those", "what", "there") \
            and not any(c.dep_ in ("acl", "relcl", "prep") for c in subj.children):
        return None, None  # "this says a lot", but "those surveyed say" are people
    if subj is not None and subj.ent_type_ in ("DATE", "TIME") and subj.pos_ == "NOUN":
        return None, None  # "this morning saw ...": a time is nobody's voice
    if subj is not None and subj.text.isupper() and len(subj.text) > 2 \
            and (subj.i == 0 or "\n" in doc[subj.i - 1].text):
        # a dateline: "YANGON, MYANMAR — Myanmar's junta has slammed ..."
        app = next((c for c in subj.children if c.dep_ == "appos"), None) or next(
            (c for c in tok.children if c.dep_ in SUBJECT_DEPS and c.i > subj.i), None)
        if app is not None:  # or a second subject the parser hung on the cue
            return app, None
    if subj is None and tok.i > 0:
        prev = doc[tok.i - 1]
        if prev.ent_type_ in ("DATE", "TIME") and prev.dep_ == "pobj" and prev.head.i > 0:
            # "Iran on Wednesday denied": the word before the date phrase
            prev = doc[prev.head.i - 1]
        if prev.pos_ in ("PROPN", "NOUN") and prev.dep_ in ("pobj", "dobj", "conj", "appos") \
                and prev.tag_ != "NNS" and cue.kind == "verb" and tok.tag_ in ("VBD", "VBZ"):
            return prev, None  # mis-parse: "a day after Stoltenberg said that ..."
    if subj is not None:
        if subj.dep_ == "nsubjpass" and tok.lemma_ not in _QUOTE_LEMMAS:
            return _passive_speaker(tok), None
        if subj.tag_ in ("WP", "WDT") or subj.lower_ in ("who", "that", "which"):
            anc = tok
            for _ in range(4):  # "officials who said", "X, who also said"
                if anc.dep_ == "relcl":
                    return anc.head, None
                if anc.head.i == anc.i:
                    break
                anc = anc.head
            return None, None
        return subj, None
    found, inherit = _climb_subject(doc, tok, cue_heads)
    if found is None and inherit is None and tok.pos_ == "VERB":
        found = _inverted(doc, tok) or _document_before(doc, tok) or _left_neighbour(doc, tok) \
            or _nearest_subject(doc, tok) or _sentence_initial_name(doc, tok)
    return found, inherit


def _inverted(doc: Doc, tok: Token) -> Token | None:
    """“…,” added a senior official: the parser may take the speaker for an object.
    "Said Ellis: “…”" opening a sentence is inverted the same way."""
    j = tok.i - 1
    while j >= 0 and (doc[j].is_space or doc[j].is_punct and doc[j].text not in "”\"'’»"):
        j -= 1
    after_quote = j >= 0 and doc[j].text in "”\"'’»''"
    opening = tok.i == 0 or tok.is_sent_start or "\n" in doc[tok.i - 1].text_with_ws
    if not (after_quote or opening and tok.text[:1].isupper()):
        return None
    if after_quote:
        for c in tok.rights:
            if c.pos_ in ("PROPN", "NOUN") and c.dep_ in ("dobj", "attr", "npadvmod", "dative",
                                                         "nsubj", "oprd"):
                return c
    # a participle only before a name and a colon ("Continued Vance: “…”"), never
    # before a common noun ("Alleged abuses were ...")
    named = tok.tag_ == "VBN" and opening and tok.head.pos_ == "PROPN" \
        and tok.head.i + 1 < len(doc) and doc[tok.head.i + 1].text == ":"
    if tok.dep_ in ("amod", "compound") and (tok.tag_ in ("VBD", "VBZ", "VBP") or named) \
            and tok.head.i > tok.i and tok.head.pos_ in ("PROPN", "NOUN"):
        # “…,” tweeted Rubio spokesman Alex Conant / Said Ellis: the parser took the cue
        # for a modifier of the name after it; the speaker is the head of that name
        head = tok.head
        while head.dep_ in ("compound", "flat") and head.head.i > head.i:
            head = head.head
        return head
    return None


def _document_before(doc: Doc, tok: Token) -> Token | None:
    """"..., a statement from the government released on Monday says": the document."""
    for i in range(tok.i - 1, max(tok.sent.start, tok.i - 15) - 1, -1):
        t = doc[i]
        if t.lemma_.lower() in DOCUMENT_NOUNS and t.pos_ == "NOUN" and t.dep_ != "pobj":
            return t
    return None


def _sentence_initial_name(doc: Doc, tok: Token) -> Token | None:
    """"Priebus, in the wake of a new poll, told Fox News that ...": the name that
    opens the sentence, set off by a comma."""
    i = tok.sent.start
    while i < tok.i and (doc[i].is_space or doc[i].is_punct):
        i += 1
    j = i
    while j < tok.i and doc[j].pos_ == "PROPN":
        j += 1
    if j == i or j >= tok.i or doc[j].text != ",":
        return None
    return doc[j - 1]


def _left_neighbour(doc: Doc, tok: Token) -> Token | None:
    """"Gene Sperling, a top adviser, said": the noun phrase right before the cue."""
    j = tok.i - 1
    while j >= 0 and doc[j].pos_ in ("ADV", "AUX", "PART") and doc[j].tag_ != "POS":
        j -= 1
    if j >= 0 and doc[j].text == ",":
        j -= 1
    if j < 0 or doc[j].pos_ not in ("PROPN", "NOUN") or doc[j].tag_ == "NNS":
        return None
    t = doc[j]
    for _ in range(4):
        if t.dep_ in ("appos", "compound", "flat") and t.head.i < tok.i:
            t = t.head
        else:
            break
    if t.dep_ in ("pobj", "dobj") and t.head.i < tok.i and t.head.pos_ == "ADP":
        return None  # "in an interview with X said" is not X speaking
    return t


_NOT_SPEAKERS = frozenset("it there this that these those which what".split())


def _embedded(t: Token) -> bool:
    """Whether ``t`` sits in a reported or relative clause (not the main clause)."""
    cur = t
    for _ in range(8):
        if cur.dep_ in ("ccomp", "relcl", "acl", "csubj"):
            return True
        if cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


def _nearest_subject(doc: Doc, tok: Token) -> Token | None:
    """Last resort for a misparsed cue: the closest subject before it in its sentence
    ("Trump, later alleging - falsely - that X, said Y")."""
    start = tok.sent.start
    for i in range(tok.i - 1, max(start, tok.i - 25) - 1, -1):
        t = doc[i]
        if t.dep_ in ("nsubj",) and t.pos_ in ("PROPN", "NOUN", "PRON") \
                and t.tag_ not in ("WP", "WDT") and t.lower_ not in _NOT_SPEAKERS \
                and not _embedded(t):
            return t
    return None
