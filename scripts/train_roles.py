"""Train the role model (``events/rolemodel.py``) from the ConfliBERT ``cameo_ner`` sentences.

The sentences are split as ``scripts/train_events.py`` splits them (same seed, same
share): the model learns from the training part only; the held-out part is the fold
that ``score.py roles`` measures. Each training sentence is analysed by the rules;
for every factual event, each noun phrase of its sentence within a short parse path of
the trigger is an example labelled S, T, R (the gold span it lies on) or O (none).

Usage: python scripts/train_roles.py [--data ../shared/data]
"""
from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import classification_report

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
from dragoman import _nlp as nlp  # noqa: E402
from dragoman._actors import find_actors  # noqa: E402
from dragoman._events import find_events  # noqa: E402
from dragoman._events.rolemodel import candidates, features  # noqa: E402
from dragoman._events.roles import np_bounds, party  # noqa: E402

OUT = ROOT / "src/dragoman/data/events/roles.npz"
SEED = 13  # as scripts/train_events.py
VAL_SHARE = 0.2


def split(items: list, share: float = VAL_SHARE) -> tuple[list, list]:
    items = list(items)
    random.Random(SEED).shuffle(items)
    n = int(len(items) * share)
    return items[n:], items[:n]


def read_block(block: str) -> tuple[str, list[tuple[str, int, int]]]:
    """One CoNLL sentence as (text, [(role, start, end)]), tokens joined by spaces."""
    text, spans, cur = "", [], None
    for line in block.splitlines():
        parts = line.split()
        if len(parts) < 2:
            continue
        word, tag = parts[0], parts[-1]
        start = len(text) + (1 if text else 0)
        text = f"{text} {word}" if text else word
        end = len(text)
        if tag.startswith("B-") or (tag.startswith("I-") and (cur is None or cur[0] != tag[2:])):
            if cur:
                spans.append(tuple(cur))
            cur = [tag[2:], start, end]
        elif tag.startswith("I-") and cur:
            cur[2] = end
        else:
            if cur:
                spans.append(tuple(cur))
            cur = None
    if cur:
        spans.append(tuple(cur))
    return text, spans


def near(a: tuple[int, int], b: tuple[int, int]) -> bool:
    ov = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    return ov >= 0.5 * min(a[1] - a[0], b[1] - b[0]) and ov > 0


def examples(blocks: list[str]) -> tuple[list[dict], list[str]]:
    pipe = nlp.load()
    xs, ys = [], []
    sents = [read_block(b) for b in blocks]
    for (text, gold), doc in zip(sents, pipe.pipe([t for t, _ in sents], batch_size=64)):
        actors = find_actors(doc)
        events, _ = find_events(doc, actors, [], use_classifier=True, use_roles=False)
        for e in events:
            if e.negated or e.hypothetical:
                continue
            span = doc.char_span(e.trigger.start, e.trigger.end, alignment_mode="expand")
            if span is None:
                continue
            trig = span.root
            for t in candidates(trig):
                side = party(t, actors)
                actor = actors.get(side.actor) if side is not None and side.actor else None
                s, en = np_bounds(t)
                rng = (doc[s].idx, doc[en - 1].idx + len(doc[en - 1]))
                role = next((r for r, gs, ge in gold if near(rng, (gs, ge))), "O")
                xs.append({f: 1 for f in features(trig, t, e.type, side, actor.kind if actor else None)})
                ys.append(role)
    return xs, ys


def save(path: Path, vec: DictVectorizer, clf: LogisticRegression) -> None:
    np.savez_compressed(path, terms=np.array(vec.feature_names_), coef=clf.coef_.astype(np.float16),
                        intercept=clf.intercept_.astype(np.float32), classes=np.array(clf.classes_))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared/data")
    ap.add_argument("--check", type=Path, help="also write the check fold (CoNLL) and a model "
                    "trained without it (.npz) here, to choose thresholds on")
    args = ap.parse_args()
    t0 = time.time()
    blocks = (args.data / "conflibert/cameo_ner/train.txt").read_text(encoding="utf-8").strip().split("\n\n")
    train, _ = split(blocks)  # the held-out part is never read here
    fit_part, check_part = split(train, 0.2)  # a check fold inside train, for the report
    xs, ys = examples(fit_part)
    cx, cy = examples(check_part)
    vec = DictVectorizer()
    clf = LogisticRegression(C=0.5, max_iter=2000, class_weight=None)
    clf.fit(vec.fit_transform(xs), ys)
    print(f"examples: fit={len(ys)} check={len(cy)}")
    print(classification_report(cy, clf.predict(vec.transform(cx)), digits=3, zero_division=0))
    if args.check:
        args.check.mkdir(parents=True, exist_ok=True)
        (args.check / "roles_check.txt").write_text("\n\n".join(check_part) + "\n", encoding="utf-8")
        save(args.check / "roles_check.npz", vec, clf)
    # the shipped model learns from the whole training part
    xs, ys = xs + cx, ys + cy
    vec = DictVectorizer()
    clf.fit(vec.fit_transform(xs), ys)
    save(OUT, vec, clf)
    print(f"wrote {OUT} ({OUT.stat().st_size / 1e3:.0f} kB) in {time.time() - t0:.1f} s")


if __name__ == "__main__":
    main()
