"""Resolving speakers and pronouns to the people and bodies an article names.

No coreference package works offline, so this is a small rule-based resolver:

- **names**: "Ryabkov", "Mr Ryabkov" resolve to the fullest name the article gives
  ("Sergei Ryabkov"), a surname misspelt by one letter (two in a long surname with
  the same first name) to the one person it can be,
  and a title named by an appositive ("the bloc's envoy, Mara Lindholm,") to her;
- **pronouns**: he / she / it / they go to the nearest compatible earlier mention,
  compatible by gender (titles such as Mr / Ms / spokeswoman and the pronouns
  after a name are firm; a first name is only a soft hint) and by kind (a person, a
  body, a group; never a place the tables took for a person), scored by recency,
  grammatical role (subjects are preferred) and salience (earlier speakers are
  preferred, so a run of quotes keeps its speaker); a person whose own clause has an
  object pronoun of that gender ("Vell told her") is not its antecedent;
- **nominals**: "the minister", "the envoy" go to the person so titled, ranked by
  speaker history, role and recency; "his spokesperson" to the spokesperson named
  next, never to "him"; "the two leaders" to the last two people named; "the
  country" to the latest state (or the state of an actor named by its adjective
  only: "Malian soldiers"), "the armed group" to the
  group that just acted; "the French leader" to the latest person named with that owner (and
  "Estonia's foreign minister" never to someone named without it), a bare title to
  the one person named just before; "the ministry" to the latest body whose name
  contains the word (and its modifiers: "the foreign ministry"); "the statement" to
  whoever issued that statement before, else the latest speaker;
- **they / it** with no actor to go to: the main-clause subject of the right number
  in this or the previous sentence.

``resolve_mention(doc, token_or_span, actors)`` is the public entry point; the
quote stage uses :class:`Resolver` directly to also learn the speakers it finds.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span as SpacySpan, Token

from ._actors import ActorTable, builtin_dictionary
from ._model import Actor
from ._nlp import doc_text
from ._coref_words import (  # noqa: F401  (the word lists are part of this module's API)
    FEMALE_TITLES, MALE_TITLES, FEMALE_NAMES, MALE_NAMES, PERSON_NOUNS,
    BODY_NOUNS, STATE_NOUNS, GROUP_NOUNS, DOCUMENT_NOUNS, PRONOUNS,
    _TITLE_WORDS, _HE, _SHE, _IT, _THEY, _name_tokens, _one_edit, _looks_like_name)
from ._lexicon import words

_PLACE_PREPS = words("place_or_direction_prepositions")
_INITIALS_WINDOW = 20_000  # characters searched back for what an acronym stands for
_FALLBACK_SENTS = 40  # sentences counted back for the most mentioned person
_WINDOW = 6  # sentences searched back for a pronoun's antecedent
_SCAN = 200  # mentions searched back at most (a paragraph without full stops is one sentence)
_GENDER_MATCH = 1.0  # a candidate known to agree in gender over one of unknown gender
_BOUND_OTHER = 5.0  # a subject whose own clause has an object pronoun of that gender


@dataclass
class Mention:
    """A mention the resolver can point back to."""

    start: int
    end: int
    actor: Actor | None
    name: str
    cls: str  # person | body | group
    gender: str  # m | f | ? (persons only)
    subject: bool
    speaker: bool = False
    soft: bool = False  # the gender rests on the first name alone (names cross genders)


def _qualifiers(head: Token) -> list[str]:
    """Stems of the proper words that narrow a nominal down: "Estonia's foreign
    minister" -> ["esto"], "the Russian envoy" -> ["russ"]."""
    out = []
    for c in head.children:
        # the owner ("Estonia's", "Russian"); not the portfolio ("Libya envoy")
        owner = c.dep_ in ("poss", "amod") or c.dep_ == "compound" and c.ent_type_ == "NORP"
        if owner and c.i < head.i and (
                c.pos_ == "PROPN" or c.ent_type_ in ("NORP", "GPE")) and (
                    len(c.text) >= 4 or len(c.text) >= 2 and c.text.isupper()):
            out.append(c.text.lower()[:4])  # "the EU's top diplomat": "eu"
    return out


def _proper_words(name: str) -> list[str]:
    """The words of a name that are no title ("Spokesperson Mina Orlov" -> mina, orlov)."""
    return [w for w in _name_tokens(name) if w not in PERSON_NOUNS and w[:1].isalpha()]


def _edits(a: str, b: str) -> int:
    """Edit distance of two words (a swap of neighbouring letters counts one)."""
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] != b[j - 1]))
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        prev2, prev = prev, cur
    return prev[-1]


def _class_of(actor: Actor) -> str:
    if actor.kind == "person":
        return "person"
    if actor.kind == "group":
        return "group"
    return "body"


class Resolver:
    """Resolves mentions in one parsed article against its actor table."""

    def __init__(self, doc: Doc, actors: ActorTable) -> None:
        self.doc = doc
        self.actors = actors
        self.text = doc_text(doc)
        self._sents = list(doc.sents)
        self._sent_starts = [s.start_char for s in self._sents]
        self._gender: dict[str, str] = {}
        self.mentions: list[Mention] = []
        self._soft: set[str] = set()
        self._personal: dict[str, bool] = {}
        # name words built once: actor id -> words, and word -> actors named with it
        self._tokens: dict[str, list[str]] = {}
        self._named: dict[str, list[Actor]] = {}
        self._by_initial: dict[str, list[Actor]] = {}  # persons by surname initial
        for actor in actors.actors:
            words = _name_tokens(actor.name)
            self._tokens[actor.id] = words
            for w in dict.fromkeys(words):
                self._named.setdefault(w, []).append(actor)
            if actor.kind == "person" and len(words) >= 2 and words[-1]:
                self._by_initial.setdefault(words[-1][0], []).append(actor)
        for actor in actors.actors:
            cls = _class_of(actor)
            if cls != "person" and self._looks_personal(actor):
                cls = "person"
            elif cls == "person" and self._place_like(actor):
                cls = "place"  # "talks in Qorvan": a town the tables took for a name
            self._personal[actor.id] = cls == "person"
            for m in actor.mentions:
                self.mentions.append(Mention(m.start, m.end, actor, actor.name, cls,
                                             self.gender_of(actor) if cls == "person" else "?",
                                             self._is_subject(m.start, m.end),
                                             soft=actor.id in self._soft))
        self.mentions.sort(key=lambda m: m.start)
        self._starts = [m.start for m in self.mentions]
        self._by_title = self._titles_named()

    def _titles_named(self) -> dict[str, Actor]:
        """Actors known only by a title ("the bloc's special envoy") that an appositive
        names ("..., former minister Lea Varn,"): title id -> the named person."""
        out: dict[str, Actor] = {}
        for actor in self.actors.actors:
            words = _name_tokens(actor.name)
            if not words or words[-1] not in PERSON_NOUNS:
                continue
            for m in actor.mentions:
                if not self.text.startswith(",", m.end):
                    continue
                j = bisect.bisect_left(self._starts, m.end)
                while j < len(self.mentions) and self.mentions[j].start < m.end + 80:
                    o = self.mentions[j]
                    j += 1
                    between = self.text[m.end:o.start]
                    if any(ch in between for ch in ".;\n()"):
                        break
                    oname = _name_tokens(o.name)
                    if o.actor is not None and o.actor is not actor and oname \
                            and oname[-1] not in PERSON_NOUNS and (
                                o.cls == "person" or _looks_like_name(o.name)):
                        out[actor.id] = o.actor
                        break
                if actor.id in out:
                    break
        return out

    # ------------------------------------------------------------ facts about actors
    def _looks_personal(self, actor: Actor) -> bool:
        """A person the actor table did not call one: the parser's PERSON entity on
        most of its mentions (never a state: a capital tagged PERSON is still a place)."""
        if actor.kind == "state":
            return False
        votes = 0
        for m in actor.mentions[:3]:
            span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is not None and any(t.ent_type_ == "PERSON" for t in span):
                votes += 1
        return votes > 0 and 2 * votes >= min(3, len(actor.mentions))

    def _place_like(self, actor: Actor) -> bool:
        """A "person" with no title named only after a preposition of place ("in X",
        "near X"): a place, never the antecedent of "he" or "she"."""
        if actor.title or not actor.mentions:
            return False
        for m in actor.mentions[:4]:
            span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None or len(span) == 0:
                return False
            root = span.root
            if root.dep_ != "pobj" or root.head.lower_ not in _PLACE_PREPS:
                return False
        return True

    def _is_subject(self, start: int, end: int) -> bool:
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None or len(span) == 0:
            return False
        root = span.root
        if root.dep_ == "conj" and root.head.dep_ in ("nsubj", "nsubjpass"):
            return True  # "the army and the RSF agreed": both are subjects
        return root.dep_ in ("nsubj", "nsubjpass")

    def sentence_of(self, char: int) -> int:
        """Index of the sentence holding character ``char``."""
        return max(0, bisect.bisect_right(self._sent_starts, char) - 1)

    def gender_of(self, actor: Actor) -> str:
        """'m', 'f' or '?' from titles before its mentions and its first name."""
        if actor.id in self._gender:
            return self._gender[actor.id]
        g = "?"
        toks = _name_tokens(actor.name)
        if toks and toks[0] in FEMALE_NAMES:
            g = "f"
        elif toks and toks[0] in MALE_NAMES:
            g = "m"
        titled = False
        text = self.text
        for m in actor.mentions:
            before = text[max(0, m.start - 40):m.start].lower().replace(".", " ").split()
            words = before[-1:] + m.text.lower().replace(".", " ").split()[:1]
            if any(w in FEMALE_TITLES for w in words):
                g = "f"
                titled = True
                break
            if any(w in MALE_TITLES for w in words):
                g = "m"
                titled = True
                break
        if not titled:
            evidence = self._pronoun_evidence(actor)
            if evidence != "?":
                g = evidence  # "Karen Avetian ... he said": the text knows better
            elif g != "?":
                self._soft.add(actor.id)
        self._gender[actor.id] = g
        return g

    def _pronoun_evidence(self, actor: Actor) -> str:
        """Gender from the pronouns after the actor's mentions in the same sentence
        ("Tedla said he ..."), when they all agree; an object ("told him") is someone
        else, so only subjects, "his" and reflexives count."""
        he = she = 0
        for m in actor.mentions[:6]:
            after = self.text[m.end:m.end + 120].lower()
            end = re.search(r"[.!?\n]", after)  # the rest of its own sentence only
            words = re.findall(r"[a-z]+", after if end is None else after[:end.start()])
            # "him" and "her" may be someone else ("Garza told him"): never evidence
            he += sum(w in _HE and w != "him" for w in words)
            she += sum(w in _SHE and w != "her" for w in words)
        if he and not she:
            return "m"
        if she and not he:
            return "f"
        return "?"

    def is_person(self, actor: Actor) -> bool:
        """A person by the actor table or by the parser's PERSON entity."""
        return self._personal.get(actor.id, actor.kind == "person")

    def fullest(self, actor: Actor) -> tuple[Actor, str]:
        """The actor giving the fullest name for ``actor`` ("Ryabkov" -> "Sergei Ryabkov")."""
        actor = self._by_title.get(actor.id, actor)
        toks = self._tokens.get(actor.id) or _name_tokens(actor.name)
        if not toks:
            return actor, actor.name
        last = toks[-1]
        best, best_len = actor, len(toks)
        personal = self.is_person(actor)
        for other in self._named.get(last, ()):
            if other is actor or personal and not self.is_person(other):
                continue
            o = self._tokens[other.id]
            if len(o) <= best_len:
                continue
            if o[-1] == last or (len(toks) == 1 and last in o):
                best, best_len = other, len(o)
        if best is actor and personal and len(last) >= 5:
            best = self._misspelt(actor, toks) or actor
        return best, best.name

    def _misspelt(self, actor: Actor, toks: list[str]) -> Actor | None:
        """The person a misspelt surname stands for ("Blinkin" for a "Tony Blinkan"
        named before): one letter changed, added or dropped in a surname of five or
        more letters, with the same first name when both give one."""
        last = toks[-1]
        found = None
        for other in self._by_initial.get(last[0], ()):
            o = self._tokens[other.id]
            if other is actor or len(o) < 2 or o[-1] == last or abs(len(o[-1]) - len(last)) > 1:
                continue
            if len(toks) > 1 and toks[0] != o[0]:
                continue
            if _one_edit(o[-1], last) or len(toks) > 1 and min(len(last), len(o[-1])) >= 7 \
                    and _edits(o[-1], last) <= 2:
                # one letter off; or two in a longer surname given with the same
                # first name ("Petra Halverson" for "Petra Halvorsen")
                if found is not None and found is not other:
                    return None  # two people it could be: no guess
                found = other
        return found

    def by_name(self, words: list[str]) -> Actor | None:
        """The person actor whose name ends with (or, for one word, holds) ``words``."""
        words = [w.lower() for w in words if w.lower() not in MALE_TITLES | FEMALE_TITLES]
        if not words:
            return None
        best = None
        for a in self._named.get(words[-1], ()):
            o = self._tokens[a.id]
            if o and (o[-len(words):] == words or (len(words) == 1 and words[0] in o)):
                if best is None or (self.is_person(a), len(o)) > (
                        self.is_person(best), len(self._tokens[best.id])):
                    best = a
        return best

    # ------------------------------------------------------------ learning
    def note(self, start: int, end: int, actor: Actor | None, name: str, cls: str,
             gender: str = "?", *, speaker: bool = True) -> None:
        """Record a resolved mention (a quote's speaker) so later pronouns can find it."""
        if actor is not None and cls == "person":
            gender = self.gender_of(actor)
        m = Mention(start, end, actor, name, cls, gender, True, speaker,
                    soft=actor is not None and actor.id in self._soft)
        i = bisect.bisect_left(self._starts, start)
        self.mentions.insert(i, m)
        self._starts.insert(i, start)

    def latest_speaker(self, start: int, classes: set[str], within: int = 2) -> Mention | None:
        """The latest speaker of one of ``classes`` in this or the ``within`` sentences
        before character ``start``."""
        here = self.sentence_of(start)
        i = bisect.bisect_left(self._starts, start) - 1
        while i >= 0:
            m = self.mentions[i]
            i -= 1
            if here - self.sentence_of(m.start) > within:
                return None
            if m.speaker and m.cls in classes and m.end <= start:
                return m
        return None

    # ------------------------------------------------------------ resolving
    def resolve_pronoun(self, word: str, start: int) -> Mention | None:
        """The antecedent of the pronoun ``word`` at character ``start``."""
        w = word.lower()
        if w in _HE:
            want, gender = {"person"}, "m"
        elif w in _SHE:
            want, gender = {"person"}, "f"
        elif w in _IT:
            want, gender = {"body"}, "?"
        elif w in _THEY:
            want, gender = {"group", "body"}, "?"
        else:
            return None
        here = self.sentence_of(start)
        best, best_score = None, float("-inf")
        i = bisect.bisect_left(self._starts, start) - 1
        seen = 0
        bound: set[str] = set()  # actors seen binding an object pronoun of this gender
        while i >= 0 and seen < 80:
            m = self.mentions[i]
            i -= 1
            seen += 1
            if m.end > start:
                continue
            dist = here - self.sentence_of(m.start)
            if dist > _WINDOW:
                break
            if m.cls not in want:
                continue
            penalty = 0.0
            if gender != "?" and m.gender not in (gender, "?"):
                if not m.soft:
                    continue
                penalty = 1.0  # a first name that is usually of the other gender
            score = -1.5 * dist + (2.0 if m.subject else 0.0) + (1.0 if m.speaker else 0.0)
            score -= penalty
            if gender != "?" and m.gender != gender and (
                    m.actor is not None and m.actor.id in bound or self._binds_other(m, gender)):
                score -= _BOUND_OTHER  # "Domi told her ...": "her" is not Domi
                if m.actor is not None:
                    bound.add(m.actor.id)  # nor is Domi's earlier mention
            score += _GENDER_MATCH if gender != "?" and m.gender == gender else 0.0
            if score > best_score:
                best, best_score = m, score
        if best is None and w in _THEY | _IT:
            best = self._subject_phrase(start, plural=w in _THEY)
        if best is None and want == {"person"}:
            # Fall back on the most mentioned compatible person before this point.
            counts: dict[str, tuple[int, Mention]] = {}
            first = self._sent_starts[max(0, here - _FALLBACK_SENTS)]
            for m in self.mentions[bisect.bisect_left(self._starts, first):]:
                if m.start >= start:
                    break
                if m.cls == "person" and m.actor is not None and m.gender in (gender, "?"):
                    n, _ = counts.get(m.actor.id, (0, m))
                    counts[m.actor.id] = (n + 1, m)
            if counts:
                best = max(counts.values(), key=lambda x: x[0])[1]
        return best

    def _binds_other(self, m: Mention, gender: str) -> bool:
        """Whether mention ``m`` is the subject of a verb with an object pronoun of
        ``gender`` ("Domi told her", "Udo thanked him"): that pronoun is someone else,
        so ``m`` is, most likely, not of that gender."""
        if not m.subject:
            return False
        span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or len(span) == 0 or span.root.dep_ != "nsubj":
            return False
        obj = "her" if gender == "f" else "him"
        verb = span.root.head
        return any(c.lower_ == obj and c.dep_ in ("dobj", "dative", "iobj")
                   for c in verb.children)

    def _issuer(self, head: Token, noun: str) -> Mention | None:
        """"Amnesty International published a report ... The report said": the subject
        of the verb that issued an earlier document of the same kind (three sentences
        back at most)."""
        doc = self.doc
        here = self.sentence_of(head.idx)
        for i in range(head.i - 1, -1, -1):
            t = doc[i]
            if here - self.sentence_of(t.idx) > 3:
                break
            if t.lemma_.lower() != noun or t.dep_ != "dobj" or t.head.pos_ != "VERB":
                continue
            subj = next((c for c in t.head.children if c.dep_ == "nsubj"), None)
            if subj is None or subj.lower_ in PRONOUNS or subj.pos_ not in ("PROPN", "NOUN"):
                return None
            joint = self._joint_issuers(subj)
            if joint is not None:
                return joint
            hit = self.actors.at(subj.idx, subj.idx + len(subj))
            if hit is not None:
                actor, span = hit
                cls = "person" if self.is_person(actor) else _class_of(actor)
                return Mention(span.start, span.end, actor, actor.name, cls,
                               self.gender_of(actor) if cls == "person" else "?", True)
            lo = subj.left_edge.i
            while lo < subj.i and doc[lo].dep_ in ("det", "punct"):
                lo += 1
            sp = doc[lo:subj.i + 1]
            return Mention(sp.start_char, sp.end_char, None, sp.text, "body", "?", True)
        return None

    def pair(self, start: int, state: bool) -> Mention | None:
        """"The two leaders said", "both countries said": the last two people (or
        states) named in this or the two sentences before, as one speaker."""
        here = self.sentence_of(start)
        i = bisect.bisect_left(self._starts, start) - 1
        found: list[Mention] = []
        while i >= 0 and len(found) < 2:
            m = self.mentions[i]
            i -= 1
            if here - self.sentence_of(m.start) > 2:
                break
            if m.actor is None or m.end > start or any(f.actor is m.actor for f in found):
                continue
            if (m.actor.kind == "state") if state else m.cls == "person":
                found.append(m)
        if len(found) < 2:
            return None
        first, second = found[1], found[0]
        if first.actor is None or second.actor is None:
            return None
        name = f"{self.fullest(first.actor)[1]} and {self.fullest(second.actor)[1]}"
        return Mention(first.start, second.end, None, name, "group", "?", True)

    def _joint_issuers(self, subj: Token) -> Mention | None:
        """"Japan and South Korea issued a joint statement": every issuer by its fullest
        name ("Japan and South Korea"), or None for a single one."""
        heads = [subj] + [c for c in subj.subtree if c.dep_ == "conj" and c.pos_ in ("PROPN", "NOUN")]
        if len(heads) < 2:
            return None
        names = []
        for h in heads:
            hit = self.actors.at(h.idx, h.idx + len(h))
            names.append(self.fullest(hit[0])[1] if hit is not None else h.text)
        names = list(dict.fromkeys(names))
        if len(names) < 2:
            return None
        lo, hi = subj.left_edge, subj.right_edge
        return Mention(lo.idx, hi.idx + len(hi), None,
                       ", ".join(names[:-1]) + " and " + names[-1], "body", "?", True)

    def _subject_phrase(self, start: int, plural: bool) -> Mention | None:
        """"The rebels accused the army ... They said": the latest main-clause subject of
        the right number in this or the previous sentence, when no actor fits."""
        here = self.sentence_of(start)
        sents = self._sents
        for k in range(here, max(-1, here - 2), -1):
            if k >= len(sents):
                continue
            for t in reversed(list(sents[k])):
                if t.idx >= start or t.dep_ != "nsubj" or t.head.dep_ not in ("ROOT", "conj"):
                    continue
                if t.pos_ != "NOUN" or (t.tag_ == "NNS") != plural:
                    continue
                if not plural and t.lemma_.lower() not in BODY_NOUNS:
                    continue
                lo = t.left_edge.i
                while lo < t.i and self.doc[lo].dep_ in ("det", "punct"):
                    lo += 1
                span = self.doc[lo:t.i + 1]
                return Mention(span.start_char, span.end_char, None, span.text,
                               "group" if plural else "body", "?", True)
        return None

    def resolve_nominal(self, head: Token, start: int) -> Mention | None:
        """"the minister" -> the latest person so titled; "the ministry" -> the latest
        body named with that word; "the statement" -> the latest speaker."""
        noun = head.lemma_.lower()
        here = self.sentence_of(start)
        text = self.text
        if noun in DOCUMENT_NOUNS:
            issuer = self._issuer(head, noun)
            if issuer is not None:
                return issuer
        if noun in STATE_NOUNS or noun in GROUP_NOUNS:
            return self._latest_of_kind(start, noun)
        if noun in PERSON_NOUNS and any(c.dep_ == "poss" and c.lower_ in PRONOUNS
                                        for c in head.children):
            # "his spokesperson said ..." is not "he": the person so titled named in the
            # next sentences ("Spokesperson Lea Varn added ..."), else nobody known
            return self._named_after(start, noun, here, 2, [])
        quals = _qualifiers(head)
        kinds = [c.lower_ for c in head.children if c.dep_ in ("amod", "compound")
                 and c.i < head.i and c.pos_ in ("ADJ", "NOUN") and not c.ent_type_]
        i = bisect.bisect_left(self._starts, start) - 1
        fallback = qualified = None
        titled: tuple[float, Mention] | None = None
        lone: Mention | None = None  # the only person of the last sentences
        lone_many = False  # more than one person there: no lone one
        floor = max(0, i - _SCAN)
        while i >= floor:
            m = self.mentions[i]
            i -= 1
            if m.end > start:
                continue
            if here - self.sentence_of(m.start) > 12:
                break
            if quals and not self._qualified(m, quals):
                continue  # "Estonia's foreign minister" is not the EU's foreign policy chief
            if quals and qualified is None and noun in PERSON_NOUNS and m.cls == "person":
                qualified = m  # "the French leader": the latest French person
            if noun in DOCUMENT_NOUNS:
                if m.speaker:
                    return m
                continue
            if noun in PERSON_NOUNS and m.cls == "person":
                context = text[max(0, m.start - 60):m.end + 60].lower()
                if noun in context:
                    # titled candidates are ranked, not taken latest-first: a minister
                    # who has been speaking outranks one just named in passing
                    dist = here - self.sentence_of(m.start)
                    score = 2.0 * m.speaker + 1.0 * m.subject - 0.3 * dist
                    if titled is None or score > titled[0]:
                        titled = (score, m)
                    continue
                if fallback is None and m.speaker and here - self.sentence_of(m.start) <= 3:
                    fallback = m
                if not lone_many and here - self.sentence_of(m.start) <= 2 and (
                        lone is None or lone.actor is not None and m.actor is not lone.actor):
                    if lone is None:
                        lone = m
                    else:
                        lone, lone_many = None, True
            elif noun in BODY_NOUNS and m.cls != "person":
                if kinds and not all(k in (m.name + " " + text[m.start:m.end]).lower()
                                     for k in kinds):
                    continue  # "the foreign ministry" is not the defence ministry
                if noun in m.name.lower() or noun in text[m.start:m.end].lower():
                    return m  # "the agency": "the International Atomic Energy Agency"
                if m.actor is not None and noun in text[max(0, m.start - 30):m.start].lower(
                        ).split()[-2:]:
                    return m  # "run by Dutch firm Nordlicht Shipping" ... "the company"
                after = re.match(r"\s+(\w+)", text[m.end:m.end + 40])
                if m.actor is not None and after and after.group(1).lower() in (
                        noun, noun + "s"):
                    # "the African Union Commission" ... "the commission"
                    return Mention(m.start, m.end + after.end(), m.actor,
                                   text[m.start:m.end + after.end()], m.cls, m.gender,
                                   m.subject, m.speaker)
        if titled is not None:
            return titled[1]
        if fallback is None and qualified is not None:
            fallback = qualified
        if fallback is None and lone is not None and head.tag_ == "NN" \
                and lone.actor is not None:
            # "Sudan's army chief Abdel Fattah al-Burhan ... the general said": the one
            # person named in the last sentences
            fallback = lone
        if fallback is None and noun in PERSON_NOUNS and here < 3:
            # A lede names the title first and the person later ("The bloc's envoy has
            # cautioned ... the bloc's envoy Mara Lindholm added ...").
            return self._named_after(start, noun, here, 8, quals)
        return fallback

    def _named_after(self, start: int, noun: str, here: int, window: int,
                     quals: list[str]) -> Mention | None:
        """The first person named after ``start`` (within ``window`` sentences) with the
        title ``noun`` just before the name."""
        text = self.text
        j = bisect.bisect_right(self._starts, start)
        while j < len(self.mentions):
            m = self.mentions[j]
            j += 1
            if self.sentence_of(m.start) - here > window:
                break
            if m.cls == "person" and noun in text[max(0, m.start - 40):m.end].lower() \
                    and _proper_words(m.name) and (not quals or self._qualified(m, quals)):
                return m  # "Spokesperson Mina Orlov", not a person known by the title alone
        return self._titled_name_after(start, noun, here, window)

    def _titled_name_after(self, start: int, noun: str, here: int, window: int
                           ) -> Mention | None:
        """The title ``noun`` followed by a proper name the actor table does not know,
        in the next ``window`` sentences ("... Spokesperson Mina Orlov added")."""
        doc = self.doc
        last = min(len(self._sents), here + window + 1)
        if here >= last:
            return None
        first = doc.char_span(start, start + 1, alignment_mode="expand")
        lo = first.end if first is not None else self._sents[here].start
        for i in range(lo, self._sents[last - 1].end):
            t = doc[i]
            if t.lower_ != noun and t.lemma_.lower() != noun:
                continue
            j = i + 1
            while j < len(doc) and j - i <= 4 and doc[j].pos_ == "PROPN" \
                    and doc[j].text[:1].isupper():
                j += 1
            if j - i >= 3:  # a first name and a surname at least
                span = doc[i + 1:j]
                return Mention(span.start_char, span.end_char, None, span.text, "person",
                               "?", True)
        return None

    def _latest_of_kind(self, start: int, noun: str) -> Mention | None:
        """"the country" -> the latest state named; "the armed group" -> the latest group
        or organisation that was a subject (a speaker or an agent), within a few
        sentences."""
        here = self.sentence_of(start)
        want_state = noun in STATE_NOUNS
        i = bisect.bisect_left(self._starts, start) - 1
        owned: Mention | None = None  # the latest actor of a known state, for want of one
        body: Mention | None = None  # the latest organisation, for want of a group
        while i >= 0:
            m = self.mentions[i]
            i -= 1
            if here - self.sentence_of(m.start) > (12 if want_state else 3):
                break
            if m.actor is None or m.end > start:
                continue
            if want_state and m.actor.kind == "state":
                return m
            if want_state and owned is None and m.actor.country \
                    and here - self.sentence_of(m.start) <= 3:
                owned = m
            if not want_state and m.actor.kind in ("group", "organisation") \
                    and m.cls != "person" and (m.subject or m.speaker):
                if m.actor.kind == "group" or noun in ("organisation", "organization"):
                    return m
                if body is None:
                    body = m  # "the armed group": a group before an organisation
        if body is not None:
            return body
        if owned is not None and owned.actor is not None:
            # "Ethiopian troops crossed ... the country's ministry": the state named by
            # the adjective only (no actor of its own), by its name in the dictionary
            state = builtin_dictionary().states.get(owned.actor.country or "")
            if state is not None:
                return Mention(owned.start, owned.end, None, state.name, "body", "?",
                               owned.subject)
        return None

    def _qualified(self, m: Mention, quals: list[str]) -> bool:
        """Whether the words around mention ``m`` (or its actor's other mentions) carry
        one of the qualifiers of a nominal ("Russian", "Estonia's")."""
        spans = [(m.start, m.end)] + ([(x.start, x.end) for x in m.actor.mentions[:4]]
                                      if m.actor is not None else [])
        for s, e in spans:
            context = self._phrase_text(s, e).lower()
            if any(q in context if len(q) >= 4 else re.search(rf"\b{re.escape(q)}\b", context)
                   for q in quals):
                return True  # a short acronym ("eu") as a word, never inside one
        return False

    def _phrase_text(self, start: int, end: int) -> str:
        """The noun phrase around a mention with its titles and appositives ("Kenyan
        President William Ruto", "Maria Zakharova, the spokeswoman for Russia's ...")."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None or len(span) == 0:
            return self.text[start:end]
        root = span.root
        lo, hi = min(root.left_edge.i, span.start), max(root.i + 1, span.end)
        for c in root.rights:
            if c.dep_ in ("appos", "prep"):
                hi = max(hi, c.right_edge.i + 1)
        return self.doc[lo:hi].text

    def by_initials(self, acronym: str, before: int) -> Mention | None:
        """"FO" -> the latest "Foreign Office" mentioned before ``before``."""
        want = acronym.upper()
        i = bisect.bisect_left(self._starts, before) - 1
        stop = bisect.bisect_left(self._starts, before - _INITIALS_WINDOW)
        while i >= stop:
            m = self.mentions[i]
            i -= 1
            words = [w for w in m.name.replace("’s", "").replace("'s", "").split()
                     if w[:1].isupper()]
            if len(words) == len(want) and "".join(w[0] for w in words) == want:
                return m
        # Not an actor: the capitalised words themselves ("the Foreign Office ... the FO")
        pattern = r"\b" + r"(?:\s+(?:of|for|and|the)){0,2}\s+".join(
            ch + r"[\w’'-]+" for ch in want) + r"\b"
        lo = max(0, before - _INITIALS_WINDOW)  # a window, not the whole article each time
        found = [x for x in re.finditer(pattern, self.text[lo:before])]
        if found:
            hit = found[-1]
            return Mention(lo + hit.start(), lo + hit.end(), None, hit.group(0), "body", "?",
                           False)
        return None


def resolve_mention(doc: Doc, token_or_span: Token | SpacySpan, actors: ActorTable,
                    resolver: Resolver | None = None) -> Actor | None:
    """The actor a mention refers to: a pronoun, a nominal or a (partial) name.

    Args:
        doc: the parsed article.
        token_or_span: the mention ("he", "the minister", "Mr Ryabkov").
        actors: the article's actor table.
        resolver: the article's resolver, built once per article by the pipeline
            and shared by quotes and events (a fresh one, without the speaker history
            of the quotes stage, when None).

    Returns:
        The actor, with the fullest name the article gives, or None.
    """
    if resolver is None:
        resolver = Resolver(doc, actors)
    if isinstance(token_or_span, Token):
        span = doc[token_or_span.i:token_or_span.i + 1]
    else:
        span = token_or_span
    head = span.root
    start, end = span.start_char, span.end_char
    if head.lower_ in PRONOUNS and len(span) <= 2:
        m = resolver.resolve_pronoun(head.lower_, start)
        return resolver.fullest(m.actor)[0] if m and m.actor else None
    hit = actors.at(head.idx, head.idx + len(head))
    if hit is not None:
        return resolver.fullest(hit[0])[0]
    if head.pos_ == "PROPN":
        words = [t.text for t in span if t.pos_ == "PROPN"]
        a = resolver.by_name(words)
        if a is not None:
            return resolver.fullest(a)[0]
    if head.pos_ == "NOUN":
        m = resolver.resolve_nominal(head, start)
        if m is not None and m.actor is not None:
            return resolver.fullest(m.actor)[0]
    hit = actors.at(start, end)
    return resolver.fullest(hit[0])[0] if hit else None
