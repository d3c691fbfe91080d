"""Train the sentence classifiers that back the event rules, from ../shared/data.

Two linear models over TF-IDF features (word 1-2 grams and character 3-5 grams):

* ``quad``: the sentence's pentacode (0 statement, 1..4 quad class), trained on the
  ConfliBERT ``cameo_class`` sentences minus a held-out validation fold, plus the
  PLOVER gold records (their quad class);
* ``type``: the PLOVER type of an event sentence, trained on the NGEC synthetic
  stories (first paragraph) and PLOVER gold records minus a held-out fold.

The held-out folds are written to --folds (for ``score.py pentacode`` / ``roles``),
with the ConfliBERT ``cameo_ner`` fold alongside. Weights are stored as plain arrays
(``data/events/classifier.npz``), no pickles.

Usage: python scripts/train_events.py [--data ../shared/data] [--folds /tmp/dragoman_folds]
"""
from __future__ import annotations

import argparse
import csv
import json
import random
import sys
import time
from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics import accuracy_score, f1_score
from sklearn.pipeline import make_union
from sklearn.svm import LinearSVC

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
from dragoman._events.ontology import OLD_LABELS, quad_class  # noqa: E402

OUT = ROOT / "src/dragoman/data/events/classifier.npz"
SEED = 13
VAL_SHARE = 0.2


def split(items: list, share: float = VAL_SHARE) -> tuple[list, list]:
    """(train, validation): a seeded shuffle, the first ``share`` held out."""
    items = list(items)
    random.Random(SEED).shuffle(items)
    n = int(len(items) * share)
    return items[n:], items[:n]


def read_pentacode(path: Path) -> list[tuple[str, int]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if "\t" in line:
            s, lab = line.rsplit("\t", 1)
            if lab.strip().isdigit():
                rows.append((s, int(lab)))
    return rows


def read_plover(path: Path) -> list[tuple[str, str]]:
    recs = json.loads(path.read_text(encoding="utf-8"))
    out = []
    for r in recs:
        t = OLD_LABELS.get(r.get("event", ""), r.get("event", ""))
        if r.get("text") and t not in ("DOCUMENT", ""):
            out.append((r["text"], t))
    return out


def read_ngec(path: Path) -> list[tuple[str, str]]:
    out = []
    with path.open(encoding="utf-8") as f:
        for r in csv.DictReader(f):
            text = (r.get("text") or "").strip().split("\n")[0]
            if text and r.get("label"):
                out.append((text, r["label"]))
    return out


def vectorizer(max_word: int, max_char: int):
    return make_union(
        TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, max_features=max_word, dtype=np.float32),
        TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True, min_df=2,
                        max_features=max_char, dtype=np.float32))


def fit(texts: list[str], labels: list, c: float, max_word: int = 20000, max_char: int = 40000):
    vec = vectorizer(max_word, max_char)
    x = vec.fit_transform(texts)
    clf = LinearSVC(C=c, random_state=0)
    clf.fit(x, labels)
    return vec, clf


def export(prefix: str, vec, clf, store: dict) -> None:
    """Vocabulary, idf and weights as arrays under ``prefix``."""
    for name, v in vec.transformer_list:
        vocab = sorted(v.vocabulary_.items(), key=lambda kv: kv[1])
        store[f"{prefix}_{name}_terms"] = np.array([t for t, _ in vocab])
        store[f"{prefix}_{name}_idf"] = v.idf_.astype(np.float32)
    store[f"{prefix}_coef"] = clf.coef_.astype(np.float16)
    store[f"{prefix}_intercept"] = clf.intercept_.astype(np.float32)
    store[f"{prefix}_classes"] = np.array([str(c) for c in clf.classes_])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared/data")
    ap.add_argument("--folds", type=Path, default=Path("/tmp/dragoman_folds"))
    args = ap.parse_args()
    t0 = time.time()
    args.folds.mkdir(parents=True, exist_ok=True)

    penta = read_pentacode(args.data / "conflibert/cameo_class/train.tsv")
    p_train, p_val = split(penta)
    (args.folds / "pentacode_val.tsv").write_text(
        "".join(f"{s}\t{lab}\n" for s, lab in p_val), encoding="utf-8")
    ner = (args.data / "conflibert/cameo_ner/train.txt").read_text(encoding="utf-8").strip().split("\n\n")
    _, n_val = split(ner)
    (args.folds / "roles_val.txt").write_text("\n\n".join(n_val) + "\n", encoding="utf-8")

    plover = read_plover(args.data / "plover/PLOVER_GSR_CAMEO.txt")
    pl_train, pl_val = split(plover)
    (args.folds / "plover_val.json").write_text(json.dumps(pl_val), encoding="utf-8")
    ngec = read_ngec(args.data / "ngec/synthetic_events.csv")

    # quad class of the sentence
    texts = [s for s, _ in p_train] + [s for s, _ in pl_train]
    labels = [lab for _, lab in p_train] + [quad_class(t) for _, t in pl_train]
    vec, clf = fit(texts, labels, c=1.0)
    pred = clf.predict(vec.transform([s for s, _ in p_val]))
    gold = [lab for _, lab in p_val]
    print(f"quad: train={len(texts)} val={len(p_val)} macro_f1={f1_score(gold, pred, average='macro'):.3f} "
          f"accuracy={accuracy_score(gold, pred):.3f}")
    store: dict[str, np.ndarray] = {}
    export("quad", vec, clf, store)

    # PLOVER type of an event sentence
    texts = [s for s, _ in ngec] + [s for s, _ in pl_train]
    labels = [t for _, t in ngec] + [t for _, t in pl_train]
    vec, clf = fit(texts, labels, c=0.5, max_word=15000, max_char=25000)
    pred = clf.predict(vec.transform([s for s, _ in pl_val]))
    print(f"type: train={len(texts)} plover_val={len(pl_val)} "
          f"accuracy={accuracy_score([t for _, t in pl_val], pred):.3f}")
    export("type", vec, clf, store)

    np.savez_compressed(OUT, **store)
    print(f"wrote {OUT} ({OUT.stat().st_size / 1e6:.2f} MB) and folds in {args.folds} "
          f"in {time.time() - t0:.1f} s")


if __name__ == "__main__":
    main()
