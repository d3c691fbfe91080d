"""Train the event-sense filter (``events/sense.py``).

Examples are the factual events the rules code (sense filter off) in the ConfliBERT
``cameo_class`` training sentences and the PLOVER gold records, both split as
``scripts/train_events.py`` splits them (same seed, same share) so that the held-out
folds stay unseen. An event is right (1) when its quad class is the sentence's label
(for PLOVER records: the quad class of the record's type), else wrong (0).

Usage: python scripts/train_sense.py [--data ../shared/data] [--check DIR]
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import classification_report

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "scripts"))
from train_events import read_pentacode, read_plover, split  # noqa: E402
from dragoman import _nlp as nlp  # noqa: E402
from dragoman._actors import find_actors  # noqa: E402
from dragoman._events import find_events  # noqa: E402
from dragoman._events.ontology import quad_class  # noqa: E402
from dragoman._events.sense import features  # noqa: E402

OUT = ROOT / "src/dragoman/data/events/sense.npz"


def examples(items: list[tuple[str, int]]) -> tuple[list[dict], list[int]]:
    pipe = nlp.load()
    xs, ys = [], []
    for (text, label), doc in zip(items, pipe.pipe([t for t, _ in items], batch_size=64)):
        events, _ = find_events(doc, find_actors(doc), [], use_classifier=False, use_roles=False,
                                use_sense=False)
        for e in events:
            if e.negated or e.hypothetical:
                continue
            span = doc.char_span(e.trigger.start, e.trigger.end, alignment_mode="expand")
            if span is None:
                continue
            xs.append({f: 1 for f in features(span.root, e)})
            ys.append(int(e.quad_class == label))
    return xs, ys


def save(path: Path, vec: DictVectorizer, clf: LogisticRegression) -> None:
    np.savez_compressed(path, terms=np.array(vec.feature_names_), coef=clf.coef_[0].astype(np.float16),
                        intercept=np.float32(clf.intercept_[0]))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared/data")
    ap.add_argument("--check", type=Path, help="also write a check fold (pentacode TSV) and a "
                    "model trained without it (.npz) here, to choose the threshold on")
    args = ap.parse_args()
    t0 = time.time()
    penta, _ = split(read_pentacode(args.data / "conflibert/cameo_class/train.tsv"))
    plover, _ = split(read_plover(args.data / "plover/PLOVER_GSR_CAMEO.txt"))
    items = penta + [(t, quad_class(ty)) for t, ty in plover]
    fit_part, check_part = split(items, 0.2)
    xs, ys = examples(fit_part)
    cx, cy = examples(check_part)
    vec = DictVectorizer()
    clf = LogisticRegression(C=0.5, max_iter=2000)
    clf.fit(vec.fit_transform(xs), ys)
    print(f"examples: fit={len(ys)} (right {sum(ys)}) check={len(cy)} (right {sum(cy)})")
    print(classification_report(cy, clf.predict(vec.transform(cx)), digits=3, zero_division=0))
    if args.check:
        args.check.mkdir(parents=True, exist_ok=True)
        (args.check / "pentacode_check.tsv").write_text(
            "".join(f"{s}\t{lab}\n" for s, lab in check_part), encoding="utf-8")
        save(args.check / "sense_check.npz", vec, clf)
    vec = DictVectorizer()
    clf.fit(vec.fit_transform(xs + cx), ys + cy)
    save(OUT, vec, clf)
    print(f"wrote {OUT} ({OUT.stat().st_size / 1e3:.0f} kB) in {time.time() - t0:.1f} s")


if __name__ == "__main__":
    main()
