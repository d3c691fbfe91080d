"""When and where an event happened: its sentence first, then its paragraph.

The date is a date phrase attached to the event's clause, else the nearest in its
sentence; failing that, the day one of the two sentences before gives (the story goes
on about the same day), then one of the three after (a lead's day is often given
later: "announced it on Friday"). Only phrases that name a day count (see
``dates.resolve``): "last week" gives no date.

The place is a place named after in/at/near ... in the event's sentence, the place an
attack or occupation is aimed at ("annexed Crimea"), or the country where a domestic
event is reported ("Peru has faced protests"); failing that, the last place named
(after in/at ...) in the three sentences before, the paragraph's or the article's
dateline, or a place named in the three sentences after.
"""
from __future__ import annotations

import bisect

from spacy.tokens import Doc, Span as SpacySpan, Token

from .. import _dates as dates, _places as places
from .._model import Location
from .._nlp import doc_text
from .sentences import ents_of, sent_of, sentences
from .._lexicon import words

PLACE_PREPS = words("place_prepositions")
PLACE_ENTS = frozenset(("GPE", "LOC", "FAC"))
AREA_NOUNS = words("area_nouns")
SEIZED = words("seizure_words")
SEEN_VERBS = words("place_experiencer_verbs")
# events whose object is where they happen: "annexed Crimea", "visit Honiara"
AIMED = words("aimed_words")


def _entity_after(doc: Doc, lo: int, hi: int) -> SpacySpan | None:
    """The first entity that starts among tokens [lo, hi), read off the tokens' entity
    tags (never a pass over all of ``doc.ents``: long articles have thousands)."""
    for t in doc[lo:min(hi, len(doc))]:
        if t.ent_iob_ == "B":
            end = t.i + 1
            while end < len(doc) and doc[end].ent_iob_ == "I":
                end += 1
            return doc[t.i:end]
    return None


def _area(ent: SpacySpan) -> str:
    """The place's name, with the area noun it names ("Noushera sector") and the
    places coordinated with it ("Tigray and Afar")."""
    head = ent.root.head
    name = ent.text
    if ent.root.dep_ == "compound" and head.lower_ in AREA_NOUNS and head.i == ent.end:
        name = f"{ent.text} {head.text}"
    doc = ent.doc
    window = doc[ent.end:min(len(doc), ent.end + 6)]
    if len(window) and window[0].lower_ == "and" or any(t.lower_ == "and" for t in window[:2]):
        nxt = _entity_after(doc, ent.end + 1, ent.end + 6)
        if nxt is not None and nxt[0].ent_type_ not in ("PERSON", "ORG", "NORP", "DATE", "CARDINAL"):
            name += f" and {nxt.text}"  # "Tigray and (neighbouring region) Afar"
    return name


# titles whose complement names what the office is for, not where anything happens
TITLES = words("office_titles")


def _in_a_name(prep: Token) -> bool:
    """Whether a preposition belongs to a title or an organisation's name ("President of
    Estonia", "Organization for Security and Co-operation in Europe"), not a place."""
    owner = prep.head
    while owner.dep_ in ("conj", "pobj") and owner.head.i != owner.i and owner.head.pos_ in ("PROPN", "NOUN", "ADP"):
        if owner.dep_ == "pobj" and owner.head.lower_ in ("in", "at", "near"):
            break
        owner = owner.head
    if owner.pos_ == "PROPN" and owner.ent_type_ in ("ORG", "PERSON", "") and owner.ent_type_ not in PLACE_ENTS:
        return owner.ent_type_ == "ORG" or (owner.lemma_.lower() in TITLES and prep.lower_ in ("of", "on", "to", "for"))
    return owner.lemma_.lower() in TITLES and prep.lower_ in ("of", "on", "to", "for")


# clause links that start another event's clause (a report's ccomp and a plan's xcomp
# share their place with the verb above them)
_OTHER_CLAUSE = frozenset(("advcl", "conj", "parataxis", "relcl", "csubj"))


_REPORT_VERBS = words("report_verbs")


def _reporters_place(place: Token) -> bool:
    """A place that locates the subject of a verb of saying ("officials in Bamako
    said", "the ministry in Moscow announced"): the source of a report, not where
    anything reported happened."""
    prep = place.head
    noun = prep.head if prep.dep_ == "prep" and prep.lower_ in ("in", "at") else None
    return noun is not None and noun.dep_ == "nsubj" and noun.head.lemma_.lower() in _REPORT_VERBS


def own_clause(trig: Token, place: Token) -> bool:
    """Whether a place named at ``place`` belongs to the clause of the trigger: the
    parse path between them crosses no link to another clause (a clause that says
    what happened before, while or besides), except a relative clause on the trigger
    itself ("talks, which were held in Geneva")."""
    above = {t.i for t in (trig, *trig.ancestors)}
    t = place
    while t.i not in above:
        if t.dep_ in _OTHER_CLAUSE and t.pos_ in ("VERB", "AUX") and not (
                t.dep_ == "relcl" and t.head.i == trig.i):
            return False
        if t.head.i == t.i:
            return False
        t = t.head
    top = t
    t = trig
    while t.i != top.i:
        if t.dep_ in _OTHER_CLAUSE and t.pos_ in ("VERB", "AUX"):
            return False
        t = t.head
    return True


class Setting:
    """Dates and places of one article, indexed by sentence and paragraph."""

    def __init__(self, doc: Doc, published: str | None, countries: set[str]):
        self.doc, self.published, self.countries = doc, published, countries
        self.sents = sentences(doc)
        self._starts = [s.start for s in self.sents]
        text = doc_text(doc)
        para, self.para = 0, []
        prev_end = 0
        for s in self.sents:
            if "\n" in text[prev_end:s.start_char]:
                para += 1
            self.para.append(para)
            prev_end = s.start_char + len(s.text.rstrip())
        self._date_cache: dict[int, str | None] = {}
        self._place_cache: dict[int, list[SpacySpan]] = {}
        self.weak = False

    def headline(self, k: int) -> bool:
        """Sentence ``k`` is a line of its own with no full stop (a headline)."""
        alone = (k == 0 or self.para[k - 1] != self.para[k]) and \
            (k + 1 >= len(self.sents) or self.para[k + 1] != self.para[k])
        words = [t for t in self.sents[k] if not t.is_space]
        return alone and bool(words) and words[-1].text not in (".", "!", "?")

    def index(self, tok: Token) -> int:
        return bisect.bisect_right(self._starts, tok.i) - 1

    # ------------------------------------------------------------------ dates

    def _sentence_date(self, k: int) -> str | None:
        if k not in self._date_cache:
            found = None
            for e in ents_of(self.sents[k]):
                if e.label_ in ("DATE", "TIME"):
                    found = dates.resolve(e.text, self.published)
                    if found:
                        break
            self._date_cache[k] = found
        return self._date_cache[k]

    def date(self, trig: Token) -> str | None:
        """The day of the event whose trigger is ``trig``, or None."""
        sent = sent_of(trig)
        ents = [e for e in ents_of(sent) if e.label_ in ("DATE", "TIME")]
        if ents:
            anc = {trig.i} | {a.i for a in trig.ancestors}

            def rank(e: SpacySpan) -> tuple[int, int]:
                root = e.root
                attached = root.head.i in anc or (root.head.dep_ == "prep" and root.head.head.i in anc)
                return (0 if attached else 1, abs(root.i - trig.i))

            for e in sorted(ents, key=rank):
                d = dates.resolve(e.text, self.published)
                if d:
                    return d
            return None
        k = self.index(trig)
        for j in range(k - 1, max(-1, k - 3), -1):
            d = self._sentence_date(j)
            if d:
                return d
        # the story's day is often given a sentence or two later ("it said so on
        # Friday")
        for j in range(k + 1, min(len(self.sents), k + 4)):
            d = self._sentence_date(j)
            if d:
                return d
        # no day near the event: None, never the lead's day as a guess
        return None

    def dated(self, trig: Token) -> tuple[str | None, str | None]:
        """(date, basis) of the event whose trigger is ``trig``: the day the text gives
        ("text"), else the publication day ("published", the convention of GDELT and
        POLECAT), else (None, None)."""
        day = self.date(trig)
        if day:
            return day, "text"
        if any(e.label_ == "DATE" for e in ents_of(sent_of(trig))):
            return None, None  # "last week", "in March": a time of its own, but no day
        pub = dates.parse_iso(self.published)
        return (pub.isoformat(), "published") if pub else (None, None)

    # ----------------------------------------------------------------- places

    def _resolve(self, name: str) -> Location:
        return places.resolve(name, self.countries)

    def place(self, trig: Token, target: Token | None, sides: list[tuple[int, int]]) -> Location | None:
        """The place of the event whose trigger is ``trig``, or None.

        ``self.weak`` tells afterwards whether it came from the sentence (False) or
        from the sentences around it (True).
        """
        self.weak = False
        sent = sent_of(trig)
        if target is not None and target.pos_ == "PROPN" and trig.lemma_ in AIMED:
            ent = next((e for e in ents_of(sent) if e.start <= target.i < e.end), None)
            name = ent.text if ent is not None else target.text
            loc = self._resolve(name)
            if ent is not None and ent.label_ in PLACE_ENTS or loc.country or trig.lemma_ in SEIZED:
                return loc
        cands = []
        for e in self._places(sent):
            inside = any(a < e.end_char and e.start_char < b for a, b in sides)
            if inside and (any(min(b, e.end_char) - max(a, e.start_char) > (b - a) / 2 for a, b in sides)
                           or e.root.head.head.pos_ == "PROPN"):
                # a side of the event ("attacked Ukraine") or part of its name ("the
                # Organization for Security in Europe"), not where: "its embassy in Tehran" is
                continue
            anc = {a.i for a in e.root.ancestors}
            # a place of the trigger's own clause first ("landed in Ankara as clashes
            # broke out": Ankara is the landing's place, the clashes' only failing all else)
            cands.append((0 if own_clause(trig, e.root) else 1, 0 if trig.i in anc else 1,
                          abs(e.root.i - trig.i), _area(e)))
        if cands:
            return self._resolve(min(cands)[3])
        verb = trig.head if trig.dep_ == "dobj" else None
        if verb is not None and verb.lemma_ in SEEN_VERBS:
            subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if subj is not None and subj.ent_type_ == "GPE":
                ent = next((e for e in ents_of(sent) if e.start <= subj.i < e.end), None)
                if ent is not None:
                    return self._resolve(ent.text)
        self.weak = True
        k = self.index(trig)
        # the paragraph's dateline, else the article's
        line = self.dateline(self.para[k]) or self.dateline(0)
        for j in range(k - 1, max(-1, k - 4), -1):
            prev = self._places(self.sents[j])
            if prev:
                return self._resolve(_area(prev[-1]))
        if line:
            return self._resolve(line)
        for j in range(k + 1, min(len(self.sents), k + 4)):
            if self.para[j] != self.para[k] and not self.headline(k):
                break  # a place in a later paragraph is another story's, unless it is a headline's lead
            nxt = self._places(self.sents[j])
            if nxt:
                return self._resolve(_area(nxt[0]))
        return None

    def _places(self, sent: SpacySpan) -> list[SpacySpan]:
        """Places a sentence names as where something is: after in/at/near..., as
        what is visited, or a proper noun after in/at that is no organisation."""
        key = sent.start
        if key in self._place_cache:
            return self._place_cache[key]
        out = []
        for e in ents_of(sent):
            if e.label_ in ("DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"):
                continue
            root = e.root
            while root.dep_ in ("appos", "conj") and root.head.pos_ in ("NOUN", "PROPN"):
                root = root.head  # "the region Puntland", "Chaprar, Harpal and Bhimber"
            head = root.head
            if root.dep_ == "compound" and head.lower_ in AREA_NOUNS:
                root, head = head, head.head
            visited = root.dep_ == "dobj" and head.lemma_ in AIMED
            if e.label_ not in PLACE_ENTS and not (
                    e.label_ not in ("ORG", "PERSON", "NORP") and head.lower_ in ("in", "at")) and not (
                    visited and self._resolve(e.text).country) and not (
                    # a city the tagger took for an organisation: "signed in Niamey"
                    e.label_ in ("ORG", "PERSON") and head.lower_ == "in" and len(e) == 1 and e.root.dep_ == "pobj"
                    and self._resolve(e.text).lat is not None):
                continue
            if _reporters_place(root):
                continue  # "officials in Bamako said": where the report comes from
            if head.dep_ == "prep" or head.pos_ == "ADP" or head.dep_ == "conj" and head.pos_ == "ADP":
                if _in_a_name(head):
                    continue  # "the Special Rapporteur on Myanmar", "the envoy to Sudan"
                if head.lower_ == "to" and head.head.lemma_ in AIMED:
                    pass  # "a visit to Estonia"
                elif head.lower_ not in PLACE_PREPS and not (
                        head.lower_ == "of" and head.head.lower_ in AREA_NOUNS):
                    continue
            elif root.dep_ == "dobj" and head.lemma_ in AIMED:
                pass  # "who is visiting Athens"
            elif e.root.dep_ != "compound":
                continue
            out.append(e)
        for t in sent:
            # unlabelled proper names after in/at: "in Chaprar, Harpal and Bhimber sectors"
            if t.pos_ == "PROPN" and t.ent_iob_ == "O" and t.dep_ in ("pobj", "compound") and (
                    t.head.lower_ in ("in", "at", "near") or (t.dep_ == "compound" and t.head.dep_ == "pobj"
                                                           and t.head.head.lower_ in ("in", "at", "near"))):
                if any(e.start <= t.i < e.end for e in out):
                    continue
                lo = t.i
                while lo > sent.start and self.doc[lo - 1].pos_ in ("PROPN", "PUNCT", "CCONJ") and \
                        self.doc[lo - 1].lower_ not in ("in", "at", "the"):
                    lo -= 1
                hi = t.i + 1
                while hi < sent.end and self.doc[hi].pos_ in ("PROPN", "CCONJ", "PUNCT", "NOUN") and \
                        self.doc[hi].text not in (".", ";", "(", ")") and hi - t.i < 6:
                    hi += 1
                    if self.doc[hi - 1].pos_ == "NOUN":
                        break
                while hi > lo + 1 and self.doc[hi - 1].pos_ in ("PUNCT", "CCONJ"):
                    hi -= 1
                out.append(self.doc[lo:hi])
                break
        self._place_cache[key] = out
        return out

    def dateline(self, para: int) -> str | None:
        """The place a paragraph opens with as a dateline ("ISLAMABAD:", "YANGON, MYANMAR —")."""
        k = bisect.bisect_left(self.para, para)  # paragraph numbers never go down
        sent = self.sents[k]
        for e in ents_of(sent):
            if e.start - sent.start > 2:
                break
            if e.label_ in PLACE_ENTS:
                nxt = self.doc[e.end] if e.end < len(self.doc) else None
                if nxt is not None and nxt.text in (":", "—", "–", "-", ",", "("):
                    return e.text
        return None
