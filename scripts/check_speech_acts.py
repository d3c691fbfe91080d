"""Can the shared data teach a speech-act classifier for quotes? (It cannot, yet.)

Quotes of the NGEC synthetic stories (../shared/data/ngec) labelled with their story's
PLOVER type when that type is a speech act (THREATEN, REQUEST, REJECT, ACCUSE, AGREE),
NONE otherwise; a linear TF-IDF model scored by 5-fold cross-validation. Measured on
2 Dec 2026: macro F1 0.185, the speech-act classes 0.02 to 0.13 (a story's type says
little about any one of its quotes), so the quoted speech acts are coded by rules
(``dragoman/_events/quoted.py``) until data labelled per quote exists.

Usage: python scripts/check_speech_acts.py [--data ../shared/data]
"""
from __future__ import annotations

import argparse
import csv
import re
from pathlib import Path

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics import classification_report
from sklearn.model_selection import cross_val_predict
from sklearn.svm import LinearSVC

ROOT = Path(__file__).resolve().parents[1]
ACTS = frozenset(("THREATEN", "REQUEST", "REJECT", "ACCUSE", "AGREE"))
QUOTE = re.compile(r'["“]([^"“”\n]{25,300})["”]')


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared/data")
    args = ap.parse_args()
    texts, labels = [], []
    with (args.data / "ngec/synthetic_events.csv").open(encoding="utf-8") as f:
        for r in csv.DictReader(f):
            for q in QUOTE.findall(r.get("text") or ""):
                texts.append(q)
                labels.append(r["label"] if r.get("label") in ACTS else "NONE")
    x = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=2).fit_transform(texts)
    pred = cross_val_predict(LinearSVC(C=0.5, class_weight="balanced"), x, labels, cv=5)
    print(f"quotes={len(texts)}")
    print(classification_report(labels, pred, digits=3))


if __name__ == "__main__":
    main()
