"""Learn attribution cue verbs and nouns from PolNeAR train (``data/quotes/learned_cues.tsv``).

PolNeAR annotates every attribution of an article: speech, but also thoughts,
judgements and stances ("blasted the plan", "defended his record", "the fear that
..."). The hand lexicon (``data/cues.tsv``) covers speech and a few beliefs; this
script counts, over the PolNeAR *train* articles parsed by the pipeline's own model,
how often each verb lemma with an object or a complement, and each noun lemma with a
clause or an "of/about/over" phrase, heads a gold cue, against how often it occurs so; and each speech verb of the hand lexicon with a noun object
and no clause ("announced new sanctions"), or with a preposition and no object
("spoke about the deal", "warned of a crisis"), whose object is the gold content.
Lemmas that head a cue at least ``--min-cues`` times and in at least ``--ratio`` of
their occurrences are written out as belief cues (the news scorer leaves beliefs out;
PolNeAR's "all attributions" counts them). Lemmas already in the hand lexicon are
left out. Thresholds were chosen on PolNeAR dev (never on its test split).

Usage: python scripts/train_cues.py [--data ../shared/data] [--min-cues 4] [--ratio 0.4]
"""
from __future__ import annotations

import argparse
import bisect
import collections
import glob
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
from dragoman import _nlp  # noqa: E402
from dragoman._quotes.cues import load_lexicon  # noqa: E402
from dragoman._lexicon import words  # noqa: E402

OUT = ROOT / "src" / "dragoman" / "data" / "quotes" / "learned_cues.tsv"
_VERB_ARGS = ("dobj", "ccomp", "xcomp")
_NOUN_PREPS = ("of", "about", "over", "on", "for")


def cue_segments(ann: str, role: str = "Cue") -> list[tuple[int, int]]:
    """Character ranges of the ``role`` spans (Cue, Content) of the attributions in a
    brat .ann file."""
    spans: dict[str, list[tuple[int, int]]] = {}
    cue_ids: set[str] = set()
    for line in open(ann, encoding="utf-8"):
        parts = line.rstrip("\n").split("\t")
        if len(parts) >= 2 and parts[0].startswith("T"):
            head = parts[1].split()
            segs = []
            for piece in " ".join(head[1:]).split(";"):
                s, e = piece.split()
                segs.append((int(s), int(e)))
            spans[parts[0]] = segs
        elif parts[0].startswith("E"):
            for arg in parts[1].split():
                kind, tid = arg.split(":")
                if kind == role:
                    cue_ids.add(tid)
    return sorted(seg for t in cue_ids if t in spans for seg in spans[t])


def object_only(tok):  # type: ignore[no-untyped-def]
    """The noun object of a verb whose only content could be that object ("announced
    new sanctions"): a noun object after it, no clause; else None."""
    if tok.pos_ != "VERB":
        return None
    if any(c.dep_ in ("ccomp", "xcomp") and c.i > tok.i for c in tok.children):
        return None
    return next((c for c in tok.children if c.dep_ == "dobj" and c.i > tok.i
                 and c.pos_ in ("NOUN", "PROPN")), None)


#: Prepositions that introduce what a speech verb is about ("spoke about the deal",
#: "responded to the charge", "warned of a crisis").
TOPIC_PREPS = ("about", "of", "on", "over", "to", "for", "against")


def topic_of(tok):  # type: ignore[no-untyped-def]
    """(preposition, its object) when a verb's only content could be what it is
    about ("spoke about the deal"): no clause, no noun object; else None."""
    if tok.pos_ != "VERB" or any(c.dep_ in ("ccomp", "xcomp", "dobj") and c.i > tok.i
                                 for c in tok.children):
        return None
    for c in tok.children:
        if c.dep_ == "prep" and c.i > tok.i and c.lower_ in TOPIC_PREPS:
            obj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if obj is not None and obj.pos_ in ("NOUN", "PROPN"):
                return c.lower_, obj
    return None


def inside(segs: list[tuple[int, int]], starts: list[int], pos: int) -> bool:
    j = bisect.bisect_right(starts, pos) - 1
    return j >= 0 and segs[j][0] <= pos < segs[j][1]


def candidate(tok) -> str | None:  # type: ignore[no-untyped-def]
    """"verb:LEMMA" or "noun:LEMMA" when the token could head a cue with content."""
    deps = {c.dep_ for c in tok.children if c.i > tok.i}
    if tok.pos_ == "VERB" and deps & set(_VERB_ARGS):
        return "verb:" + tok.lemma_.lower()
    if tok.pos_ == "NOUN" and ("acl" in deps and any(
            c.dep_ == "mark" and c.lower_ == "that" for k in tok.children if k.dep_ == "acl"
            for c in k.children) or "ccomp" in deps or any(
            c.dep_ == "prep" and c.lower_ in _NOUN_PREPS and c.i == tok.i + 1
            for c in tok.children)):
        return "noun:" + tok.lemma_.lower()
    return None


def articles(split: str) -> list[tuple[str, str]]:
    """(text, .ann path of its first annotator) of every annotated article of a split."""
    out = []
    for path in sorted(glob.glob(os.path.join(split, "text", "*.txt"))):
        name = os.path.basename(path)[:-4]
        anns = sorted(glob.glob(os.path.join(split, "attributions", name + "_*.ann")))
        if anns:
            out.append((open(path, encoding="utf-8").read(), anns[0]))
    return out


def count(split: str) -> tuple[collections.Counter, collections.Counter]:
    """(occurrences, occurrences inside a gold cue) per candidate key."""
    texts, cues = [], []
    for text, ann in articles(split):
        texts.append(text)
        cues.append((cue_segments(ann), sorted(cue_segments(ann, "Content"))))
    nlp = _nlp.load()
    total: collections.Counter = collections.Counter()
    hit: collections.Counter = collections.Counter()
    for doc, (segs, content) in zip(nlp.pipe(texts, disable=["ner"]), cues):
        starts = [s for s, _ in segs]
        cstarts = [s for s, _ in content]
        for tok in doc:
            key = candidate(tok)
            if key is not None:
                total[key] += 1
                hit[key] += inside(segs, starts, tok.idx)
            obj = object_only(tok)
            if obj is not None:  # the object itself must be reported content
                key = "object:" + tok.lemma_.lower()
                total[key] += 1
                hit[key] += inside(segs, starts, tok.idx) and inside(content, cstarts, obj.idx)
            topic = topic_of(tok)
            if topic is not None:  # "responded to the charge": the charge is the content
                key = f"topic:{tok.lemma_.lower()} {topic[0]}"
                total[key] += 1
                hit[key] += inside(segs, starts, tok.idx) and inside(
                    content, cstarts, topic[1].idx)
    return total, hit


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=str(ROOT.parent / "shared" / "data"))
    ap.add_argument("--min-cues", type=int, default=4)
    ap.add_argument("--ratio", type=float, default=0.4)
    ap.add_argument("--counts", help="a JSON file to cache the counts in")
    args = ap.parse_args()
    if args.counts and os.path.exists(args.counts):
        raw = json.load(open(args.counts))
        total, hit = collections.Counter(raw["total"]), collections.Counter(raw["hit"])
    else:
        total, hit = count(os.path.join(args.data, "polnear", "train"))
        if args.counts:
            json.dump({"total": total, "hit": hit}, open(args.counts, "w"))
    lex = load_lexicon(str(ROOT / "src" / "dragoman" / "data" / "cues.tsv"))
    known = set(lex.verbs) | set(lex.beliefs) | set(lex.phrases) | words("stance_object_verbs")
    rows = []
    for key, n in total.items():
        kind, lemma = key.split(":", 1)
        if not lemma.replace(" ", "").isalpha() or kind == "verb" and lemma in known:
            continue
        if kind == "object" and (lemma not in lex.verbs or lemma in words("stance_object_verbs")):
            continue  # only speech verbs; their noun objects become belief content
        if kind == "topic" and lemma.split()[0] not in lex.verbs:
            continue  # only speech verbs: what they are about becomes belief content
        if hit[key] >= args.min_cues and hit[key] >= args.ratio * n:
            rows.append((kind, lemma, hit[key], n))
    rows.sort(key=lambda r: (r[0], r[1]))
    with open(OUT, "w", encoding="utf-8") as f:
        f.write("# learned_cues: attribution cues learned from PolNeAR train by\n"
                "#   scripts/train_cues.py: verb lemmas (with an object or a complement) and\n"
                "#   noun lemmas (with a clause or an of/about/over/on/for phrase) that head a\n"
                "#   gold cue, and speech verbs of data/cues.tsv whose noun object (no clause)\n"
                "#   lies inside the gold content (kind object), and speech verbs with a\n"
                "#   preposition whose object (no clause, no noun object) lies inside it (kind\n"
                "#   topic: \"respond to\", \"speak about\"), each at least\n"
                f"#   {args.min_cues} times and in at least {args.ratio:.0%} of their occurrences.\n"
                "#   Used by dragoman/_quotes/cues.py (belief cues).\n"
                "# Source: counted on PolNeAR v1.0.0 train (networkdynamics/PolNeAR, annotations\n"
                "#   for research); only lemmas and counts ship. Generated, do not edit.\n"
                "# Columns: kind, lemma, times a cue, occurrences.\n")
        for kind, lemma, h, n in rows:
            f.write(f"{kind}\t{lemma}\t{h}\t{n}\n")
    print(f"{sum(r[0] == 'verb' for r in rows)} verbs, {sum(r[0] == 'noun' for r in rows)} nouns, "
          f"{sum(r[0] == 'object' for r in rows)} speech verbs with noun objects, "
          f"{sum(r[0] == 'topic' for r in rows)} with topics -> {OUT}")


if __name__ == "__main__":
    main()
