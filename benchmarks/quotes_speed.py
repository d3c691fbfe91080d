"""How much quote extraction adds to the spaCy parse.

Parses the 15 dev articles and the PolNeAR dev texts (from ../shared) once with
``nlp.pipe``, then times ``find_quotes`` over the parsed documents (the actor table,
which quotes need, is built beforehand and not counted). Prints the parse seconds,
the quote seconds and their ratio; the goal is a ratio under 0.15.

    .venv/bin/python benchmarks/quotes_speed.py [--limit N] [--repeat R]
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def texts(limit: int | None) -> list[str]:
    """The dev articles and PolNeAR dev texts, or the examples when ../shared is absent."""
    out: list[str] = []
    for p in sorted((SHARED / "corpus" / "dev").glob("*.json")):
        out.append(json.loads(p.read_text(encoding="utf-8"))["text"])
    for p in sorted((SHARED / "data" / "polnear" / "dev" / "text").glob("*.txt")):
        out.append(p.read_text(encoding="utf-8"))
    if not out:
        out = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples").glob("*.txt"))]
    return out[:limit] if limit else out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=None, help="only the first N texts")
    ap.add_argument("--repeat", type=int, default=3, help="time find_quotes R times, keep best")
    args = ap.parse_args()

    from dragoman.actors import find_actors
    from dragoman.nlp import load
    from dragoman.quotes import find_quotes

    docs_text = texts(args.limit)
    if not docs_text:
        print("no texts found", file=sys.stderr)
        return 1
    nlp = load()
    list(nlp.pipe(docs_text[:2]))  # warm up
    t0 = time.perf_counter()
    docs = list(nlp.pipe(docs_text, batch_size=32))
    parse_s = time.perf_counter() - t0
    tables = [find_actors(d) for d in docs]
    best = float("inf")
    n_quotes = 0
    for _ in range(max(1, args.repeat)):
        t0 = time.perf_counter()
        n_quotes = sum(len(find_quotes(d, t)) for d, t in zip(docs, tables))
        best = min(best, time.perf_counter() - t0)
    chars = sum(len(t) for t in docs_text)
    print(f"texts={len(docs)} chars={chars} quotes={n_quotes}")
    print(f"parse_seconds={parse_s:.2f} quote_seconds={best:.3f} ratio={best / parse_s:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
