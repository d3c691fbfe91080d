"""Constructions the coder reads beyond subject and object: visits by verbs of
movement, people named as a side, vows of force, mediators, "between X and Y" and
"each other". Each is written from the CAMEO and PLOVER definitions (042 visits,
045 mediation, 138 threats of force, dyads of compound and mutual acts)."""
from __future__ import annotations

from spacy.tokens import Token

from .._model import Party
from .context import Context, side_of
from .triggers import lexicon
from .._lexicon import words


# verbs of movement that are a visit (CAMEO 042) when an envoy or a government goes to a
# country: "the minister travelled to Sweden", "arrived in Peru"
MOVES = frozenset("travel fly arrive tour".split())
_VISITORS = frozenset(("", "GOV", "LEG", "DIP"))


def visit_sides(ctx: Context, tok: Token, source: Party | None,
                target: Party | None) -> tuple[Party, Party] | None:
    """The visitor and the visited country of a movement verb, or None when it is no
    visit (refugees arriving, troops travelling to the front, drones flying)."""
    if source is None or not source.code or source.code[3:6] not in _VISITORS:
        return None
    if source.actor is None or ctx.actors.get(source.actor) is None:
        return None
    if target is None or not target.code:
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in ("to", "in"):
                obj = next((g for g in c.children if g.dep_ == "pobj"), None)
                side = side_of(ctx, obj)
                if side is not None and side.code:
                    target = side
                    break
    if target is None or not target.code or target.code[:3] == source.code[:3]:
        return None
    return source, target


# people the parse names as a side without a country: they are the side, and no
# country named nearby stands in for them ("clashes between police and protesters")
_PEOPLE = words("people_sides")


def named_people(tok: Token | None) -> bool:
    return tok is not None and tok.pos_ == "NOUN" and tok.lemma_.lower() in _PEOPLE


VOWS = frozenset("vow pledge promise swear".split())
_RETALIATION = words("retaliation_nouns")


def vowed_force(verb: Token) -> str | None:
    """The CAMEO threat code of a vow to use force or coercion ("vowed to retaliate",
    "pledged to punish"; "promised a response"): 138 for force, 130 for other conflict;
    None otherwise."""
    act = next((c for c in verb.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)
    if act is None:
        # "promised a response", "vowed retaliation": a harm answered back
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        return "130" if obj is not None and obj.lemma_.lower() in _RETALIATION else None
    types = {e.type for e in lexicon().get(act.lemma_.lower(), []) if e.pos in ("V", "*") and not e.needs}
    if types & {"ASSAULT"}:
        return "138"
    if types & {"COERCE", "SANCTION", "MOBILIZE"}:
        return "130"
    return None


MEDIATING = frozenset("mediate broker facilitate".split())


def mediator_of(noun: Token) -> Token | None:
    """The mediator of "UN-mediated talks", "a Qatari-brokered deal", or None."""
    for c in noun.children:
        if c.dep_ == "amod" and c.lower_ in ("mediated", "brokered", "sponsored", "facilitated"):
            who = next((g for g in c.children if g.dep_ in ("npadvmod", "compound", "nmod")
                        and g.pos_ in ("PROPN", "NOUN", "ADJ")), None)
            if who is None:
                # "UN - mediated": the name is a compound of the noun just before the hyphen
                who = next((g for g in noun.children if g.dep_ in ("compound", "amod", "nmod", "npadvmod")
                            and g.i < c.i and g.pos_ in ("PROPN", "ADJ") and g.text[:1].isupper()), None)
            return who
    return None


def between(tok: Token | None) -> Token | None:
    """The first party of "between X and Y" on an event noun ("talks between X and Y")."""
    if tok is None:
        return None
    prep = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "between"), None)
    return next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None


def each_other(tok: Token | None) -> bool:
    """Whether a phrase is "each other" or "one another"."""
    return tok is not None and tok.lower_ in ("other", "another") and any(
        c.lower_ in ("each", "one") for c in tok.children)
