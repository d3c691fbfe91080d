"""PLOVER gold records: how often the coder gives the record's type.

Each record's sentence is analysed alone; the prediction is the type of its main
event: a factual one before others, then one that is not the report itself ("...,
officials said"), then the trigger highest in the parse. Older labels are mapped as the PLOVER manual says (DEMAND -> REQUEST,
DISAPPROVE and INVESTIGATE -> ACCUSE, FIGHT -> ASSAULT).

Usage: python benchmarks/plover_accuracy.py [--fold /tmp/dragoman_folds/plover_val.json]
       [--no-classifier]
Without --fold, all records are used (the type model saw 80% of them in training).
"""
from __future__ import annotations

import argparse
import collections
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from dragoman import _nlp as nlp  # noqa: E402
from dragoman._actors import find_actors  # noqa: E402
from dragoman._events import find_events  # noqa: E402
from dragoman._events.ontology import OLD_LABELS  # noqa: E402
from dragoman._settings import Settings  # noqa: E402


REPORTING = frozenset("say tell report announce state claim add".split())


def predict(doc, events: list) -> str | None:
    """The type of the main event: factual first, then the trigger highest in the parse."""
    if not events:
        return None

    def depth(e) -> int:
        span = doc.char_span(e.trigger.start, e.trigger.end, alignment_mode="expand")
        return len(list(span.root.ancestors)) if span is not None else 99

    def reporting(e) -> bool:
        # "X attacked Y, officials said": the report's own accusation is not the main event
        span = doc.char_span(e.trigger.start, e.trigger.end, alignment_mode="expand")
        return span is not None and span.root.lemma_ in REPORTING

    return min(events, key=lambda e: (e.negated or e.hypothetical, reporting(e), depth(e))).type


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--fold", type=Path)
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared/data/plover/PLOVER_GSR_CAMEO.txt")
    ap.add_argument("--no-classifier", action="store_true")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()
    if args.fold:
        recs = [(t, lab) for t, lab in json.loads(args.fold.read_text(encoding="utf-8"))]
    else:
        recs = [(r["text"], OLD_LABELS.get(r["event"], r["event"]))
                for r in json.loads(args.data.read_text(encoding="utf-8"))
                if r.get("text") and r.get("event") != "DOCUMENT"]
    pipe = nlp.load()
    settings = Settings.from_env()
    ok, miss = 0, collections.Counter()
    for doc, (text, gold) in zip(pipe.pipe(t for t, _ in recs), recs):
        events, _ = find_events(doc, find_actors(doc), [], published=None,
                                use_classifier=not args.no_classifier,
                                settings=settings)  # DRAGOMAN_* variables apply
        got = predict(doc, events)
        ok += got == gold
        if got != gold:
            miss[(gold, got)] += 1
            if args.verbose:
                print(f"{gold}->{got}: {text[:150]}")
    print("most common confusions:", ", ".join(f"{g}->{p}:{n}" for (g, p), n in miss.most_common(8)))
    print(f"records={len(recs)} classifier={'off' if args.no_classifier else 'on'} "
          f"type_accuracy={ok / max(1, len(recs)):.3f}")


if __name__ == "__main__":
    main()
