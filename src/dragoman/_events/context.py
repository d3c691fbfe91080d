"""What the event coder knows about one article: its actors, quotes, speakers and
the parties a phrase names."""
from __future__ import annotations

import bisect
from spacy.tokens import Doc, Token
from .. import _places as places
from .._actors import ActorTable
from .._coref import Resolver, resolve_mention
from .._model import Actor, Event, Party, Quote, Span
from .._nlp import doc_text
from .roles import FIRST_PERSON, np_bounds, party, subject_of
from .setting import Setting
from .._lexicon import words


RECIPROCAL = frozenset(("CONSULT", "COOPERATE", "AGREE"))


SPEECH = words("statement_verbs")


_REPORTING = SPEECH | words("stance_verbs")


NAMED = frozenset(("ORG", "GPE", "PERSON", "NORP", "LOC", "FAC", "WORK_OF_ART", "LAW", "EVENT"))


class Context:
    """What the event coder knows about one article."""

    def __init__(self, doc: Doc, actors: ActorTable, quotes: list[Quote], published: str | None,
                 resolver: Resolver):
        self.doc, self.actors, self.quotes, self.published = doc, actors, quotes, published
        self.resolver = resolver
        self.countries = {(actor_code(a) or "")[:3] for a in actors.actors} - {""}
        self.setting = Setting(doc, published, self.countries)
        self.placed: list[tuple[Event, bool]] = []  # events so far, placed by their sentence?
        self.dismissed: set[int] = set()  # trigger starts of reports called false
        # trigger start -> (more sources, more targets) coordinated with the coded ones
        # (whether the target is one of the coordinated sources: "X, Y and Z met")
        self.coordinated: dict[int, tuple[list[Party], list[Party], bool]] = {}
        # trigger starts of events done to each other ("accused each other"): coded both ways
        self.mutual: set[int] = set()
        # trigger start -> the mediator of the talks or deal ("UN-mediated talks")
        self.mediators: dict[int, Token] = {}
        # speech only: an attributed belief ("X fears that ...") is a thought, so its
        # holder neither does what its content reports nor tells it
        self._quotes = sorted((q for q in quotes if q.kind != "belief"), key=lambda q: q.start)
        self._quote_starts = [q.start for q in self._quotes]
        coded = [(m, a, actor_code(a)) for a in actors.actors for m in a.mentions]
        self._mentions = sorted(((m, a, c) for m, a, c in coded if c), key=lambda x: x[0].start)
        self._mention_starts = [m.start for m, _, _ in self._mentions]

    def quote_at(self, start: int) -> Quote | None:
        """The quote (speech, not a belief) whose span holds character ``start``."""
        i = bisect.bisect_right(self._quote_starts, start) - 1
        for q in self._quotes[max(0, i - 2):i + 1]:
            if q.start <= start < q.end:
                return q
        return None

    def mentions_in(self, start: int, end: int) -> list[tuple[Span, Actor, str]]:
        """(mention, actor, code) of the coded actors mentioned within ``[start, end)``."""
        lo = bisect.bisect_left(self._mention_starts, start)
        hi = bisect.bisect_left(self._mention_starts, end)
        return self._mentions[lo:hi]

    def resolve(self, tok: Token) -> tuple[Actor, Span] | None:
        """The actor a pronoun or a nominal ("the ministry") refers to."""
        # "the group said it had carried out the attack": a non-person reporter is what
        # "it" or "they" of its own reported clause stands for
        actor = self.speaker_of_clause(tok) if tok.lower_ in ("it", "they") else None
        if actor is not None and actor.kind == "person":
            actor = None
        if actor is None:
            actor = resolve_mention(self.doc, tok, self.actors, self.resolver)
        if actor is None:
            actor = self.speaker_of_clause(tok)
        if actor is None:
            return None
        return actor, Span(tok.idx, tok.idx + len(tok), tok.text)

    def speaker_of_clause(self, tok: Token) -> Actor | None:
        """"the mission said it stood ready": a third-person subject of a reported
        clause that the coreference layer left open is the reporter; so is the owner of
        that subject ("the group said its fighters attacked")."""
        if tok.lower_ in ("its", "their") and tok.dep_ == "poss" and tok.head.dep_ in ("nsubj", "nsubjpass"):
            clause = tok.head.head
        elif tok.lower_ not in ("it", "they", "he", "she") or tok.dep_ not in ("nsubj", "nsubjpass"):
            return None
        else:
            clause = tok.head
        if clause.dep_ != "ccomp" or clause.head.lemma_ not in _REPORTING:
            return None
        subj, _ = subject_of(clause.head)
        if subj is None or subj.pos_ == "PRON":
            return None
        s, e = subj.left_edge.idx, subj.idx + len(subj)
        hit = self.actors.at(s, e)
        return hit[0] if hit else None


def actor_code(actor: Actor) -> str | None:
    """An actor's code, falling back on its country or a country name."""
    return actor.code or actor.country or places.country_code(actor.name)


def speaker_party(ctx: Context, q: Quote) -> Party | None:
    sp = q.speaker
    if sp is None or sp.actor is None:
        return None
    actor = ctx.actors.get(sp.actor)
    if actor is None:
        return None
    return Party(actor.id, actor_code(actor), sp.mention or (actor.mentions[0] if actor.mentions else None))


def first_person_poss(tok: Token) -> bool:
    return any(c.dep_ == "poss" and c.lower_ in FIRST_PERSON for c in tok.children)


def token_at(doc: Doc, start: int) -> Token | None:
    """The token holding the character at ``start``."""
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


# people who act for the one who owns them ("its envoy", "Chile's negotiators")
AGENT_NOUNS = words("agent_nouns")


def side_of(ctx: Context, tok: Token | None) -> Party | None:
    """The party a phrase names; an agent noun or a named body with no code of its own
    ("its envoy", "the country's negotiators", "Russia's Baltic Fleet") stands for its
    owner."""
    if tok is None:
        return None
    found = party(tok, ctx.actors, ctx.resolve)
    if (found is None or not found.code) and tok.pos_ in ("NOUN", "PROPN"):
        titled = titled_earlier(ctx, tok)
        if titled is not None:
            return titled
    if (found is None or not found.code) and (tok.pos_ == "PROPN" or (
            tok.pos_ == "NOUN" and tok.lemma_.lower() in AGENT_NOUNS)):
        # "its envoy"; a named body with no code of its own: "Russia's Baltic Fleet"
        owner = next((c for c in tok.children if c.dep_ == "poss"), None)
        reporter = ctx.speaker_of_clause(owner) if owner is not None else None
        if owner is not None and reporter is not None and actor_code(reporter):
            # "the group said its fighters attacked": the reporter's own fighters
            return Party(reporter.id, actor_code(reporter),
                         found.mention if found is not None else Span(owner.idx, owner.idx + len(owner), owner.text))
        mine = party(owner, ctx.actors, ctx.resolve) if owner is not None else None
        if mine is not None and mine.code:
            return Party(mine.actor, mine.code, found.mention if found is not None else mine.mention)
    return found


_TITLE_SCAN = 400  # tokens back where a title is looked up


def titled_earlier(ctx: Context, tok: Token) -> Party | None:
    """A role noun named in full earlier ("the UN High Commissioner for Refugees", then
    "the High Commissioner"): the coded actor of the earlier phrase that holds the same
    title words. Only titles: capitalised words, or a person's or envoy's title noun."""
    doc = ctx.doc
    s, e = np_bounds(tok)
    words = [t for t in doc[s:e] if t.dep_ not in ("det", "poss", "punct", "case") and not t.is_punct]
    if not words or words[-1].i != tok.i or not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
        return None
    if not (all(t.text[:1].isupper() for t in words) or tok.lemma_.lower() in _TITLE_NOUNS):
        return None
    key = [t.lower_ for t in words]
    n = len(key)
    for i in range(words[0].i - n, max(-1, words[0].i - _TITLE_SCAN), -1):
        if [t.lower_ for t in doc[i:i + n]] != key:
            continue
        head = doc[i + n - 1]
        if head.sent.start == tok.sent.start and head.i >= tok.i:
            continue
        lo, hi = head.left_edge, head.right_edge
        for a, b in ((doc[np_bounds(head)[0]], head), (lo, hi)):
            hit = ctx.actors.at(a.idx, b.idx + len(b))
            if hit is not None and actor_code(hit[0]):
                mention = Span(doc[s].idx, doc[e - 1].idx + len(doc[e - 1]),
                               doc_text(doc)[doc[s].idx:doc[e - 1].idx + len(doc[e - 1])])
                return Party(hit[0].id, actor_code(hit[0]), mention)
        return None  # the latest such title names no coded actor
    return None


_TITLE_NOUNS = words("resolvable_titles")


def kind_of(ctx: Context, p: Party | None) -> str | None:
    actor = ctx.actors.get(p.actor) if p is not None and p.actor else None
    return actor.kind if actor is not None else None
