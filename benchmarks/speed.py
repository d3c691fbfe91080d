"""Time each stage of the pipeline against the spaCy parse of the same texts.

Prints seconds per stage and each stage's time as a share of the parse time, over
the bundled examples plus, when ../shared is beside the repository, the annotated
news corpus and PolNeAR dev texts. Run: ``.venv/bin/python benchmarks/speed.py``.
"""
from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from dragoman import _nlp as nlp_mod
from dragoman._actors import find_actors
from dragoman._events import find_events
from dragoman._quotes import find_quotes
from dragoman._readers import Failed, read_inputs

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def corpus(limit: int) -> list[str]:
    """Texts to time: examples, annotated news (gold JSON), PolNeAR dev (when present)."""
    paths = [ROOT / "examples", SHARED / "data" / "polnear" / "dev" / "text"]
    texts = [a.text for a in read_inputs([str(p) for p in paths if p.exists()])
             if not isinstance(a, Failed)]
    for gold in (ROOT / "benchmarks" / "news", SHARED / "corpus"):
        texts += [json.loads(p.read_text(encoding="utf-8"))["text"]
                  for p in sorted(gold.rglob("*.json"))]
    return texts[:limit]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--limit", type=int, default=500, help="at most this many articles")
    ap.add_argument("--repeat", type=int, default=2, help="runs; the fastest counts")
    args = ap.parse_args()
    nlp = nlp_mod.load()
    texts = corpus(args.limit)
    chars = sum(len(t) for t in texts)
    best: dict[str, float] = {}
    for _ in range(args.repeat):
        t = {"parse": 0.0, "actors": 0.0, "quotes": 0.0, "events": 0.0}
        start = time.perf_counter()
        docs = list(nlp.pipe(texts, batch_size=32))
        t["parse"] = time.perf_counter() - start
        for doc in docs:
            s0 = time.perf_counter()
            actors = find_actors(doc)
            s1 = time.perf_counter()
            quotes = find_quotes(doc, actors)
            s2 = time.perf_counter()
            find_events(doc, actors, quotes, published="2022-01-14")
            s3 = time.perf_counter()
            t["actors"] += s1 - s0
            t["quotes"] += s2 - s1
            t["events"] += s3 - s2
        for k, v in t.items():
            best[k] = min(best.get(k, v), v)
    print(f"articles={len(texts)} characters={chars}")
    for k, v in best.items():
        print(f"{k:7s} {v:8.3f} s  {v / best['parse']:6.1%} of parse")
    total = sum(best.values())
    print(f"total   {total:8.3f} s  {chars / total:,.0f} characters/s")
    print(f"speed: actors_ratio={best['actors'] / best['parse']:.3f} "
          f"quotes_ratio={best['quotes'] / best['parse']:.3f} "
          f"events_ratio={best['events'] / best['parse']:.3f} chars_per_s={chars / total:.0f}")


if __name__ == "__main__":
    main()
