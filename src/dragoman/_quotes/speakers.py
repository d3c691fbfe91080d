"""From the speaker phrase in the parse to a Speaker record (actor, fullest name,
mention), through the resolver for pronouns, nominals and partial names."""
from __future__ import annotations

from spacy.tokens import Doc, Token

from .._nlp import doc_text
from .._actors import ActorTable
from .._coref import (BODY_NOUNS, DOCUMENT_NOUNS, GROUP_NOUNS, PERSON_NOUNS, PRONOUNS,
                     STATE_NOUNS, Resolver, FEMALE_TITLES, MALE_TITLES)
from .._model import Actor, Span, Speaker
from .attrib import Attribution

_KEEP_RIGHT = ("of", "for", "at", "in")
_FIRST_PERSON = frozenset("i we me us".split())
_SPOKES = frozenset("spokesman spokeswoman spokesperson".split())


def phrase_range(head: Token) -> tuple[int, int]:
    """Token range [lo, hi] of the noun phrase headed by ``head``, without
    appositives, relative clauses, what follows a comma, and never across a line."""
    lo = head.i
    for c in sorted(head.lefts, key=lambda t: -t.i):
        if c.tag_ == "HYPH":
            continue  # "the 46-year-old"
        if c.dep_ in ("punct", "appos", "cc", "conj", "prep", "advmod", "mark"):
            break
        lo = c.left_edge.i
    doc = head.doc
    while lo < head.i and doc[lo].tag_ in ("VBD", "VBZ", "VBP") \
            and doc[lo].dep_ in ("amod", "compound"):
        lo += 1  # “…,” tweeted Rubio spokesman X: the cue the parser hung on the name
    for t in doc[lo:head.i]:  # "KYIV, UKRAINE — Ukraine's army": not across a dash
        if t.text in ("―", "—", "–", "--"):
            lo = t.i + 1
    while lo < head.i and any("\n" in t.text or t.whitespace_.count("\n")
                              for t in doc[lo:head.i]):
        lo += 1
    hi = head.i
    for c in head.rights:
        if c.dep_ == "prep" and c.i == hi + 1 and (c.lower_ in _KEEP_RIGHT or c.lower_ == "on" and not any(
                g.ent_type_ in ("DATE", "TIME") for g in c.subtree)):
            hi = c.right_edge.i  # "officials on both sides", not "officials on Monday"
        elif c.dep_ in ("compound", "flat", "case") and c.i == hi + 1 and not (
                c.i + 1 < len(doc) and doc[c.i + 1].tag_ == "HYPH"):
            hi = c.i  # (never the first word of "matter-of-factly")
        elif head.pos_ == "NOUN" and c.i == hi + 1 and (
                c.dep_ == "acl" and c.tag_ == "VBN" or c.dep_ == "amod" and c.pos_ == "ADJ") \
                and c.right_edge.i - c.i <= 8 and not any(t.is_punct for t in c.subtree):
            hi = c.right_edge.i  # "officials familiar with the talks", "two officials
            # briefed on the talks"
        else:
            break
    return lo, hi


def _clean_name(text: str) -> str:
    t = text.strip(" ,.;:\n\t")
    for det in ("the ", "The "):
        if t.startswith(det):
            t = t[len(det):]
    return t


def _tidy(name: str) -> str:
    """A name without the sentence's full stop ("Ahmed Nur." -> "Ahmed Nur"), keeping
    abbreviations ("Jr.")."""
    name = name.strip().rstrip(",;:")
    last = name.split()[-1] if name.split() else ""
    if last.endswith(".") and len(last) > 3 and last.count(".") == 1:
        name = name[:-1]
    return name


def _body_name(actor_name: str, phrase: str) -> str:
    """The name of a body speaker: the actor's name, unless the attribution calls it by
    another name ("the White House", "Washington", "the Kremlin" for a state), which is
    then the name the article gives the speaker."""
    phrase = _clean_name(phrase)
    words = [w for w in phrase.replace("’s", "").replace("'s", "").split()
             if w[:1].isalnum()]
    if not words:
        return actor_name
    own = actor_name.lower().replace("’s", "").replace("'s", "").split()
    if words[-1].lower() in own:
        return actor_name if len(own) >= len(words) else phrase
    return phrase


def _cls(head: Token, actor: Actor | None) -> str:
    if head.pos_ == "NOUN" and head.lemma_.lower() in PERSON_NOUNS and head.tag_ == "NN":
        return "person"  # "Orban's chief of staff, Gergely Gulyas" (whatever the table says)
    if actor is not None:
        return {"person": "person", "group": "group"}.get(actor.kind, "body")
    if head.lower_ in ("he", "she") or head.lemma_.lower() in PERSON_NOUNS:
        return "person" if head.tag_ not in ("NNS", "NNPS") else "group"
    if head.tag_ in ("NNS", "NNPS") or head.lower_ == "they":
        return "group"
    if head.ent_type_ == "PERSON" or head.pos_ == "PROPN" and any(
            c.dep_ in ("compound", "amod") and c.lemma_.lower() in PERSON_NOUNS
            for c in head.children):
        return "person"  # a name the actor table does not know ("aide Ana Vell")
    return "body"


def _document_source(head: Token) -> Token | None:
    """"a statement from the government", "the statement signed by X": the source."""
    owners = [c for c in head.children if c.dep_ in ("poss", "compound", "nmod")
              and c.lower_ not in PRONOUNS and c.pos_ == "PROPN"]
    if owners:
        return owners[-1]  # "USNI News' timeline", "the Central Command release"
    for c in head.subtree:
        if c.head.i != head.i and not (c.head.dep_ in ("acl", "relcl") and c.head.head.i == head.i):
            continue  # "the communique issued at the end of the summit": not the summit's
        if c.dep_ in ("prep", "agent") and c.lower_ in ("from", "by", "of"):
            obj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if obj is not None and obj.lemma_.lower() not in DOCUMENT_NOUNS:
                return obj
    if head.dep_ == "dobj" and head.head.pos_ == "VERB":
        # "the paper ran a piece that argued ...", "she posted a reply saying ...":
        # whoever put the document out
        subj = next((c for c in head.head.children if c.dep_ == "nsubj"), None)
        if subj is not None and subj.lemma_.lower() not in DOCUMENT_NOUNS:
            return subj
    return None


def _appositive(doc: Doc, head: Token, lo: int, hi: int, actors: ActorTable,
                resolver: Resolver) -> tuple[Actor | None, str] | None:
    """The proper-name appositive of a speaker phrase ("The trade minister, Oskar
    Vendt,"): its actor and fullest name, or None."""
    text = doc_text(doc)
    appositives = [c for c in head.children if c.dep_ == "appos"] + [
        g for c in head.children if c.dep_ == "prep" and lo <= c.i <= hi + 1
        for p in c.children for g in p.children if g.dep_ == "appos"]
    for c in appositives:
        if c.left_edge.i > 0 and doc[c.left_edge.i - 1].text == "(":
            continue  # "Rep. Ana Vell (D-Ore.)": a party and state tag, not a name
        if c.dep_ == "appos" and c.pos_ == "PROPN":
            h2 = actors.at(c.idx, c.idx + len(c))
            if h2 is not None:
                return resolver.fullest(h2[0])
            a_lo, a_hi = phrase_range(c)
            return None, _clean_name(text[doc[a_lo].idx:doc[a_hi].idx + len(doc[a_hi])])
    return None


def _one(doc: Doc, head: Token, actors: ActorTable, resolver: Resolver,
         depth: int = 0) -> tuple[Actor | None, str | None, tuple[int, int]]:
    """(actor, name, token range of the mention) for one speaker head."""
    lo, hi = phrase_range(head)
    text = doc_text(doc)
    rng = (lo, hi)
    low = head.lower_
    if low in PRONOUNS:
        m = resolver.resolve_pronoun(low, head.idx)
        if m is None:
            return None, None, (head.i, head.i)
        if m.actor is not None:
            a, name = resolver.fullest(m.actor)
            if m.cls != "person" and not resolver.is_person(a):
                name = _body_name(name, text[m.start:m.end])
            return a, name, (head.i, head.i)
        return None, m.name, (head.i, head.i)
    if low in _FIRST_PERSON:
        return None, None, (head.i, head.i)
    kinds = [c.lower_ for c in head.children if c.dep_ == "compound"]
    if head.lemma_.lower() in _SPOKES and any(c.dep_ == "det" and c.lower_ in ("a", "an")
                                              for c in head.children) \
            and not any(c.dep_ in ("prep", "appos", "poss") for c in head.children) \
            and all(k in BODY_NOUNS for k in kinds):
        # "The rebels said ... 'X,' a spokesman said": the body that just spoke ("a
        # ministry spokesperson": a ministry)
        m = resolver.latest_speaker(head.idx, {"body", "group"})
        if m is not None and kinds and not all(
                k in (text[m.start:m.end] + " " + m.name).lower() for k in kinds):
            m = None
        if m is not None:
            owner = resolver.fullest(m.actor)[1] if m.actor is not None else m.name
            if m.actor is not None and not resolver.is_person(m.actor):
                owner = _body_name(owner, text[m.start:m.end])
            return m.actor, f"{_clean_name(owner)} {head.lower_}", rng
    lemma = head.lemma_.lower()
    kids = {c.lower_ for c in head.children if c.dep_ in ("nummod", "det", "predet")}
    if head.tag_ == "NNS" and (lemma in PERSON_NOUNS or lemma in STATE_NOUNS) and (
            "both" in kids or {"the", "two"} <= kids):  # never "two officials said"
        m = resolver.pair(head.idx, lemma in STATE_NOUNS)  # "the two leaders said"
        if m is not None:
            return None, m.name, rng
    poss = next((c for c in head.children if c.dep_ == "poss" and c.pos_ == "NOUN"
                 and c.lemma_.lower() in STATE_NOUNS | GROUP_NOUNS), None)
    if poss is not None and head.text.islower() and (
            lemma in BODY_NOUNS or lemma in PERSON_NOUNS) \
            and not any(c.dep_ == "appos" for c in head.children):
        # "the country's foreign ministry": the ministry of the state named before
        m = resolver.resolve_nominal(poss, poss.idx)
        rest = text[poss.idx + len(poss):doc[hi].idx + len(doc[hi])].lstrip("’'s ")
        if m is not None and m.actor is not None:
            a, name = resolver.fullest(m.actor)
            return a, f"{_body_name(name, text[m.start:m.end])}’s {rest}", rng
        if m is not None and lemma in BODY_NOUNS:
            return None, f"{m.name}’s {rest}", rng  # a state named by its adjective only
    if lemma in DOCUMENT_NOUNS and depth == 0 and head.pos_ == "NOUN":
        src = _document_source(head)
        if src is not None:
            src_actor, src_name, _ = _one(doc, src, actors, resolver, depth + 1)
            others = [c for c in src.subtree if c.dep_ == "conj" and c.pos_ in ("PROPN", "NOUN")]
            issuers = [src_name] + [_one(doc, c, actors, resolver, depth + 1)[1] for c in others]
            joint = [n for n in dict.fromkeys(issuers) if n]
            if len(joint) > 1:  # "a joint statement by Egypt, Qatar and the US": all
                return None, ", ".join(joint[:-1]) + " and " + joint[-1], rng
            return src_actor, src_name, rng
    at_head = actors.at(head.idx, head.idx + len(head))
    if head.text.isupper() and head.text.isalpha() and 2 <= len(head.text) <= 5 \
            and (at_head is None or at_head[0].name == head.text):
        m = resolver.by_initials(head.text, head.idx)  # "FO" -> "Foreign Office"
        if m is not None:
            if m.actor is not None:
                a, name = resolver.fullest(m.actor)
                return a, name, rng
            return None, m.name, rng
    hit = actors.at(head.idx, head.idx + len(head))
    if head.pos_ == "NOUN":  # "The EU's foreign policy chief, Petra Linde,": the name
        named = _appositive(doc, head, lo, hi, actors, resolver)
        if named is not None:
            return named[0], named[1], rng
    if hit is not None and not resolver.is_person(hit[0]) and head.pos_ == "PROPN":
        better = resolver.by_name([head.text])
        if better is not None and resolver.is_person(better):
            hit = (better, hit[1])
    indefinite = any(c.dep_ in ("det", "nummod") and c.lower_ not in ("the", "this", "that")
                     for c in head.children)
    if hit is not None and hit[0].name.split()[-1].lower() in PERSON_NOUNS and not indefinite:
        # an actor named only by a title ("Libya envoy"): the person it stands for
        m = resolver.resolve_nominal(head, head.idx) \
            if head.lemma_.lower() in PERSON_NOUNS else None
        if m is not None and m.actor is not None and m.actor is not hit[0]:
            a, name = resolver.fullest(m.actor)
            return a, name, rng
    if hit is not None and head.text.islower() and lemma in BODY_NOUNS and not any(
            t.pos_ == "PROPN" and not t.text.islower() for t in doc[lo:hi + 1]) and any(
            c.dep_ in ("amod", "compound") and c.i < head.i for c in head.children):
        # "the foreign ministry": the body so described, whatever the table linked
        m = resolver.resolve_nominal(head, head.idx)
        if m is not None and m.actor is not None and m.actor is not hit[0]:
            a, name = resolver.fullest(m.actor)
            return a, _body_name(name, text[m.start:m.end]), rng
    if hit is not None:
        a, name = resolver.fullest(hit[0])
        if resolver.is_person(a):
            phrase = _clean_name(text[doc[lo].idx:doc[hi].idx + len(doc[hi])])
            if _clean_name(name) in phrase and len(phrase) > len(name) and any(
                    w.lower() in PERSON_NOUNS for w in name.split()):
                # a person known by a title the table cut short: "A spokesperson for
                # the UN High Commissioner for Refugees"
                name = phrase
            return a, name, rng
        if head.pos_ == "PROPN" or head.ent_type_:
            return a, _body_name(name, text[doc[lo].idx:doc[hi].idx + len(doc[hi])]), rng
        if lemma in BODY_NOUNS and hit[1].start <= head.idx and any(
                c.dep_ == "det" and c.lower_ in ("the", "this") for c in head.children) \
                and not any(c.dep_ in ("amod", "compound", "poss") for c in head.children):
            return a, name, rng  # "The agency said": the body the table linked it to
    named = _appositive(doc, head, lo, hi, actors, resolver)
    if named is not None:
        return named[0], named[1], rng
    if hit is not None and hit[1].start <= doc[lo].idx and head.idx + len(head) <= hit[1].end \
            and any(t.pos_ == "PROPN" or t.ent_type_ for t in doc[lo:hi + 1]):
        # a body the actor table names with this very phrase ("Ukraine's army")
        a, name = resolver.fullest(hit[0])
        return a, _body_name(name, text[doc[lo].idx:doc[hi].idx + len(doc[hi])]), rng
    if head.pos_ == "PROPN":
        words = [t.text for t in doc[lo:hi + 1] if t.pos_ == "PROPN"
                 and t.lower_ not in MALE_TITLES | FEMALE_TITLES]
        named_as = resolver.by_name(words[-1:]) if words else None
        if named_as is not None and resolver.is_person(named_as):
            a, name = resolver.fullest(named_as)
            return a, name, rng
    phrase = _clean_name(text[doc[lo].idx:doc[hi].idx + len(doc[hi])])
    titled = [t.i for t in doc[lo:head.i] if t.pos_ == "NOUN" and t.lemma_.lower() in PERSON_NOUNS]
    if head.pos_ == "PROPN" and titled and all(t.pos_ == "PROPN" for t in doc[titled[-1] + 1:hi + 1]):
        # "presidential aide Ana Vell": the name after the title
        phrase = _clean_name(doc[titled[-1] + 1:hi + 1].text)
    elif head.ent_type_ == "PERSON" and head.pos_ == "PROPN":
        # "presidential aide Ana Vell": the person's name, not the title before it
        e_lo = head.i
        while e_lo > lo and doc[e_lo].ent_iob_ == "I":
            e_lo -= 1  # the entity's first token (found without scanning doc.ents)
        e_hi = head.i
        while e_hi + 1 < len(doc) and doc[e_hi + 1].ent_iob_ == "I":
            e_hi += 1
        phrase = _clean_name(doc[e_lo:e_hi + 1].text)
    determined = any(c.dep_ in ("det", "poss") and c.lower_ in ("the", "this", "that", "his", "her",
                                                                 "its", "their")
                     for c in head.children)
    only_noun = not any(t.pos_ == "PROPN" or t.ent_type_ for t in doc[lo:hi + 1])
    if determined and only_noun and (lemma in PERSON_NOUNS or lemma in BODY_NOUNS
                                     or lemma in DOCUMENT_NOUNS or lemma in STATE_NOUNS
                                     or lemma in GROUP_NOUNS) and head.tag_ != "NNS":
        m = resolver.resolve_nominal(head, head.idx)
        if m is not None:
            if m.actor is not None:
                a, name = resolver.fullest(m.actor)
                if m.cls != "person" and not resolver.is_person(a):
                    name = _body_name(name, text[m.start:m.end])
                return a, name, rng
            return None, m.name, rng
        poss = next((c for c in head.children if c.dep_ == "poss" and c.lower_ in PRONOUNS), None)
        if poss is not None and lemma in PERSON_NOUNS:
            # "his spokesperson", named nowhere near: the possessor's spokesperson
            p = resolver.resolve_pronoun(poss.lower_, poss.idx)
            if p is not None and p.actor is not None:
                a, name = resolver.fullest(p.actor)
                if not resolver.is_person(a):
                    name = _body_name(name, text[p.start:p.end])
                return a, f"{name}’s {text[poss.idx + len(poss):doc[hi].idx + len(doc[hi])].strip()}", rng
    return None, phrase or None, rng


def resolve_speaker(doc: Doc, attr: Attribution, actors: ActorTable,
                    resolver: Resolver) -> Speaker | None:
    """The Speaker of an attribution (None when the text names no speaker)."""
    if attr.speaker is None:
        return None
    head = doc[attr.speaker]
    heads = [head]
    stack = [head]
    while stack:  # "A and B said": every conjunct (also one hung on an appositive)
        t = stack.pop()
        for c in t.children:
            if c.dep_ == "conj" and c.pos_ in ("PROPN", "NOUN"):
                heads.append(c)
                stack.append(c)
            elif c.dep_ == "appos" and t.i == head.i:
                stack.append(c)
    heads.sort(key=lambda t: t.i)
    found = [_one(doc, h, actors, resolver) for h in heads]
    if len(found) > 1 and any(f[0] is not None for f in found):
        # "Polish Foreign Minister and OSCE Chairman Zbigniew Rau": one person
        found = [f for f in found if f[0] is not None] + [
            (None, None, f[2]) for f in found if f[0] is None]
    lo = min(r[0] for _, _, r in found)
    hi = max(r[1] for _, _, r in found)
    s, e = doc[lo].idx, doc[hi].idx + len(doc[hi])
    if attr.mention is not None:  # "officials who said": the mention is "who"
        s, e = doc[attr.mention].idx, doc[attr.mention].idx + len(doc[attr.mention])
    mention = Span(s, e, doc_text(doc)[s:e])
    names = [n for _, n, _ in found if n]
    actor = found[0][0]
    names = [_tidy(n) for n in names]
    name = " and ".join(dict.fromkeys(names)) if names else None
    if name is not None:  # an unresolved pronoun teaches later pronouns nothing
        # a belief holder is a mention, not a speaker whose quotes run on
        resolver.note(s, e, actor if len(found) == 1 else None, name,
                      _cls(head, actor), speaker=not attr.cue.belief)
    return Speaker(actor.id if actor is not None else None, name, mention)
