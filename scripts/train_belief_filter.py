"""Learn how often each belief cue's attributions hold up (``data/quotes/belief_precision.tsv``).

The cue lexicons (hand-written and learned, see ``scripts/train_cues.py``) make every
thought, judgement and stance verb a belief cue. Some of them report something most
of the time ("believes that ..."), others mostly not ("sees the crowd", "supports
the bill"). This script runs the quote stage over the PolNeAR *train* articles with
the belief filter off, and counts, per cue lemma, the belief attributions it yields
and how many of them lie (half or more) on a gold attribution's content. At run time
a belief whose cue lemma holds up in under ``BELIEF_KEEP`` of its train attributions
(smoothed: (right + 1) / (all + 2), lemmas seen at least ``MIN_SEEN`` times) is
dropped (``dragoman/_quotes/find.py``). Only lemmas and counts ship. The threshold
was chosen on PolNeAR dev; the test split was never used.

Usage: python scripts/train_belief_filter.py [--data ../shared/data]
"""
from __future__ import annotations

import argparse
import bisect
import collections
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "scripts"))
from dragoman import _nlp  # noqa: E402
from dragoman._actors import find_actors  # noqa: E402
from dragoman._quotes import find as quote_finder  # noqa: E402
from train_cues import articles, cue_segments  # noqa: E402

OUT = ROOT / "src" / "dragoman" / "data" / "quotes" / "belief_precision.tsv"
HEADER = """\
# belief_precision: per belief cue lemma, the belief attributions the quote stage
#   made on PolNeAR train with the belief filter off, and how many lay (half or
#   more) on a gold attribution's content. Written by scripts/train_belief_filter.py.
#   Used by dragoman/_quotes/find.py (beliefs of weak cues are dropped).
# Source: counted on PolNeAR v1.0.0 train (networkdynamics/PolNeAR, annotations
#   for research); only lemmas and counts ship. Generated, do not edit.
# Columns: lemma, on gold, all.
"""


def _covered(span: tuple[int, int], golds: list[tuple[int, int]], starts: list[int]) -> int:
    """Characters of ``span`` inside the gold spans (sorted by start)."""
    s, e = span
    n = 0
    for gs, ge in golds[:bisect.bisect_left(starts, e)]:
        n += max(0, min(e, ge) - max(s, gs))
    return n


def count(split: str) -> tuple[collections.Counter, collections.Counter]:
    """(all, on gold) belief attributions per cue lemma."""
    pairs = articles(split)
    texts = [text for text, _ in pairs]
    golds = [sorted(cue_segments(ann, "Content")) for _, ann in pairs]
    nlp = _nlp.load()
    quote_finder.BELIEF_KEEP = 0.0  # the filter off: count every belief
    seen: collections.Counter = collections.Counter()
    right: collections.Counter = collections.Counter()
    for doc, gold in zip(nlp.pipe(texts), golds):
        starts = [s for s, _ in gold]
        for q in quote_finder.find_quotes(doc, find_actors(doc)):
            if q.kind != "belief" or q.cue is None:
                continue
            cue = doc.char_span(q.cue.start, q.cue.end, alignment_mode="expand")
            if cue is None or cue.root.pos_ not in ("VERB", "NOUN"):
                continue  # a construction ("in the poll, X leads"), not a cue word
            lemma = cue.root.lemma_.lower()
            seen[lemma] += 1
            right[lemma] += _covered((q.start, q.end), gold, starts) >= 0.5 * (q.end - q.start)
    return seen, right


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=str(ROOT.parent / "shared" / "data"))
    args = ap.parse_args()
    seen, right = count(os.path.join(args.data, "polnear", "train"))
    rows = sorted(seen, key=lambda k: (-seen[k], k))
    with open(OUT, "w", encoding="utf-8") as f:
        f.write(HEADER)
        for lemma in rows:
            if lemma.replace("-", "").isalpha():
                f.write(f"{lemma}\t{right[lemma]}\t{seen[lemma]}\n")
    print(f"wrote {OUT.relative_to(ROOT)}: {len(rows)} lemmas, "
          f"{sum(right.values())} of {sum(seen.values())} beliefs on gold")


if __name__ == "__main__":
    main()
