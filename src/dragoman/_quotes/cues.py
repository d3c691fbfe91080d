"""The speech-cue lexicon (``data/cues.tsv``) and cue matching on lemmas."""
from __future__ import annotations

import dataclasses
import functools
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Doc, Token

from .._lexicon import words

CUES_PATH = Path(__file__).resolve().parent.parent / "data" / "cues.tsv"
#: Cue verbs and nouns counted on PolNeAR train by ``scripts/train_cues.py``.
LEARNED_PATH = Path(__file__).resolve().parent.parent / "data" / "quotes" / "learned_cues.tsv"
PRECISION_PATH = Path(__file__).resolve().parent.parent / "data" / "quotes" / "belief_precision.tsv"


@dataclass(frozen=True)
class Lexicon:
    """Speech verbs, multi-word cues, source phrases and statement frames."""

    verbs: dict[str, str]  # lemma -> force (strong|weak)
    phrases: dict[str, dict[str, str]]  # head lemma -> {particle or object lemma: force}
    sources: frozenset[str]  # "according to": head lemma of the source phrase
    frames: frozenset[str]  # nouns of "in a statement", "in an interview"
    beliefs: dict[str, str] = dataclasses.field(default_factory=dict)
    # lemma -> content it takes: clause (a that-clause or infinitive only) or object
    # (also a noun phrase: "backs the plan")
    nouns: frozenset[str] = frozenset()  # noun cues: "the claim that", "criticism of"
    objects: frozenset[str] = frozenset()  # speech verbs whose noun object is content
    # speech verbs and the preposition that introduces what they are about, whose
    # object is content ("speak about": "spoke about the deal")
    topics: frozenset[str] = frozenset()


@functools.lru_cache(maxsize=2)
def load_lexicon(path: str | None = None) -> Lexicon:
    """Read the cue lexicon (cached)."""
    verbs: dict[str, str] = {}
    phrases: dict[str, dict[str, str]] = {}
    sources: set[str] = set()
    frames: set[str] = set()
    beliefs: dict[str, str] = {}
    for line in Path(path or CUES_PATH).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        pattern, kind = parts[0].strip().lower(), parts[1].strip()
        force = parts[2].strip() if len(parts) > 2 else "weak"
        words = pattern.split()
        if kind == "verb":
            verbs[words[0]] = force
        elif kind == "phrase":
            phrases.setdefault(words[0], {})[words[-1]] = force
        elif kind == "source":
            sources.add("accord" if words[0] == "according" else words[0])
        elif kind == "frame":
            frames.add(words[-1])
        elif kind == "belief":
            beliefs[words[0]] = force if force in ("clause", "object", "raising") else "clause"
    nouns: set[str] = set()
    objects: set[str] = set()
    topics: set[str] = set()
    if path is None:
        for kind, lemma in _learned():
            if kind == "verb" and lemma not in verbs and lemma not in phrases:
                beliefs.setdefault(lemma, "object")
            elif kind == "noun":
                nouns.add(lemma)
            elif kind == "object" and lemma in verbs:
                objects.add(lemma)
            elif kind == "topic" and lemma.split()[0] in verbs:
                topics.add(lemma)
    return Lexicon(verbs, phrases, frozenset(sources), frozenset(frames), beliefs,
                   frozenset(nouns), frozenset(objects), frozenset(topics))


@functools.lru_cache(maxsize=1)
def belief_precision() -> dict[str, tuple[int, int]]:
    """Per belief cue lemma, (attributions on gold, attributions) on PolNeAR train
    (``scripts/train_belief_filter.py``); empty when the table is absent."""
    if not PRECISION_PATH.is_file():
        return {}
    out = {}
    for line in PRECISION_PATH.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            lemma, right, seen = line.split("\t")[:3]
            out[lemma] = (int(right), int(seen))
    return out


def _learned() -> list[tuple[str, str]]:
    """(kind, lemma) rows of the learned cue table (none when it is absent)."""
    if not LEARNED_PATH.is_file():
        return []
    rows = []
    for line in LEARNED_PATH.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            kind, lemma = line.split("\t")[:2]
            rows.append((kind, lemma))
    return rows


@dataclass
class Cue:
    """A speech cue in the parse: its head token, the tokens it spans, its force."""

    head: int
    tokens: list[int]
    force: str
    kind: str  # verb | phrase | source | noun
    belief: str | None = None  # a thought, not speech: the content it takes
    # (clause | object | raising: the whole clause, holder unnamed: "X seems to Y",
    # "X is expected to Y" | stance: a verb of judgement with only an object,
    # "condemned the strike" | finding: the clause a survey reports, "in the poll, X
    # leads")

    def char_range(self, doc: Doc) -> tuple[int, int]:
        toks = [doc[i] for i in self.tokens]
        return min(t.idx for t in toks), max(t.idx + len(t) for t in toks)




#: Verbs that are speech cues alone ("he continued: ...") but aspectual before an
#: infinitive.
_ASPECTUAL = frozenset({"continue"})


def _lemma(tok: Token) -> str:
    return tok.lemma_.lower()


#: Prepositions that bring the content of a noun cue: "criticism of X", "doubts about Y".
NOUN_PREPS = frozenset({"of", "about", "over", "on", "for"})


def noun_content_head(tok: Token) -> Token | None:
    """What a noun cue reports: its that-clause ("the claim that X") or the object of
    a preposition right after it ("criticism of X"); None when it has neither."""
    for c in tok.children:
        if c.i < tok.i:
            continue
        if c.dep_ == "ccomp" or c.dep_ == "acl" and any(
                g.dep_ == "mark" and g.lower_ == "that" for g in c.children):
            return c
        if c.dep_ == "prep" and c.i == tok.i + 1 and c.lower_ in NOUN_PREPS:
            return next((g for g in c.children if g.dep_ in ("pobj", "pcomp")), None)
    return None


#: Nouns of a study or a survey: "in the latest poll, X leads" reports its finding.
_FINDINGS = words("finding_nouns")


def _finding(tok: Token) -> Token | None:
    """"In the latest poll, X leads": the survey noun of an "in" phrase that hangs on
    a clause, or None."""
    if tok.lower_ != "in" or tok.dep_ != "prep" or tok.head.pos_ not in ("VERB", "AUX"):
        return None
    obj = next((c for c in tok.children if c.dep_ == "pobj"), None)
    if obj is None or obj.lemma_.lower() not in _FINDINGS or obj.pos_ != "NOUN":
        return None
    return obj


def find_cues(doc: Doc, lex: Lexicon) -> list[Cue]:
    """The speech cues of ``doc`` in order: verbs, multi-word cues, "according to"."""
    cues: list[Cue] = []
    findings: list[Cue] = []
    for tok in doc:
        lemma = _lemma(tok)
        if _finding(tok) is not None:
            findings.append(Cue(tok.i, [tok.i], "weak", "source", "finding"))
            continue
        if lemma in lex.sources and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
            cues.append(Cue(tok.i, [tok.i, tok.i + 1], "strong", "source"))
            continue
        if tok.pos_ == "NOUN" and lemma in lex.nouns:
            if noun_content_head(tok) is not None:
                cues.append(Cue(tok.i, [tok.i], "weak", "noun", "noun"))
            continue
        if tok.pos_ not in ("VERB", "AUX") or tok.tag_ == "MD":
            continue
        if tok.pos_ == "AUX" and lemma not in lex.verbs:
            continue
        phrase = lex.phrases.get(lemma)
        if phrase:
            hit = next((c for c in tok.children if _lemma(c) in phrase
                        and c.dep_ in ("prep", "prt", "dobj", "dative", "advmod")), None)
            if hit is not None:
                force = phrase[_lemma(hit)]
                if lemma in lex.verbs and lex.verbs[lemma] == "strong":
                    force = "strong"
                cues.append(Cue(tok.i, sorted([tok.i, hit.i]), force, "phrase"))
                continue
        verb_force = lex.verbs.get(lemma)
        if lemma in _ASPECTUAL and any(c.dep_ == "xcomp" for c in tok.children):
            continue  # "continued to shell the town": not a speech verb here
        if verb_force is None:
            if lemma in lex.beliefs and tok.pos_ in ("VERB", "AUX"):
                takes = lex.beliefs[lemma]
                if tok.tag_ == "VBN" and any(c.dep_ == "nsubjpass" for c in tok.children) \
                        and not any(c.dep_ == "agent" for c in tok.children):
                    takes = "raising"  # "the vote is expected to ...": nobody named
                cues.append(Cue(tok.i, [tok.i], "weak", "verb", takes))
            continue
        force = verb_force
        if force == "weak" and any(
                c.dep_ == "prep" and c.lower_ == "in" and any(
                    _lemma(g) in lex.frames for g in c.children) for c in tok.children):
            force = "strong"  # "accused X in a statement"
        cues.append(Cue(tok.i, [tok.i], force, "verb"))
    if findings:
        # a clause reported by a cue of its own ("in the poll, 40% said ...") is that
        # cue's: the survey is then only where it was said
        heads = {c.head for c in cues}
        cues += [f for f in findings if doc[f.head].head.i not in heads]
        cues.sort(key=lambda c: c.head)
    return cues
