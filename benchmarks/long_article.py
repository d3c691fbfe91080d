"""Cost per character of each stage on one long article, and peak memory.

The article is news-like text made by concatenating the bundled examples and the
held-out news texts (many quotes, cues and names) until it reaches each size. Each
size runs in a fresh process, so that its peak memory (resident set) is its own.
A stage that is linear in article length keeps its microseconds per character flat
from size to size. Run::

    .venv/bin/python benchmarks/long_article.py                  # 10k and 100k
    .venv/bin/python benchmarks/long_article.py --sizes 10000,100000,1000000
"""
from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def news_text(size: int) -> str:
    """About ``size`` characters of concatenated news, paragraphs kept apart."""
    from dragoman._readers import Failed, read_inputs

    texts = [a.text for a in read_inputs([str(ROOT / "examples")])
             if not isinstance(a, Failed)]
    texts += [json.loads(p.read_text(encoding="utf-8"))["text"]
              for p in sorted((ROOT / "benchmarks" / "news").glob("*.json"))]
    parts, n = [], 0
    while n < size:
        for t in texts:
            parts.append(t.strip())
            n += len(parts[-1]) + 2
            if n >= size:
                break
    return "\n\n".join(parts)[:size]


def run_one(size: int) -> dict[str, float]:
    """Time the stages on one article of ``size`` characters (in this process)."""
    from dragoman import _nlp as nlp_mod
    from dragoman._actors import find_actors
    from dragoman._coref import Resolver
    from dragoman._events import find_events
    from dragoman._quotes import find_quotes

    nlp = nlp_mod.load()
    warm = nlp("Foreign Minister Ana Vell said on Monday the talks in Geneva would resume.")
    warm_actors = find_actors(warm)  # load the dictionaries and tables before timing
    find_events(warm, warm_actors, find_quotes(warm, warm_actors), published="2024-01-15")
    text = news_text(size)
    t0 = time.perf_counter()
    doc, _ = next(nlp_mod.pipe(nlp, [(text, None)]))
    t1 = time.perf_counter()
    actors = find_actors(doc)
    t2 = time.perf_counter()
    resolver = Resolver(doc, actors)
    quotes = find_quotes(doc, actors, resolver=resolver)
    t3 = time.perf_counter()
    find_events(doc, actors, quotes, published="2024-01-15", resolver=resolver)
    t4 = time.perf_counter()
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {"chars": len(text), "quotes": len(quotes), "parse": t1 - t0, "actors": t2 - t1,
            "quotes_speakers": t3 - t2, "events": t4 - t3, "peak_mb": peak_kb / 1024}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="10000,100000",
                    help="comma-separated article sizes in characters")
    ap.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        print(json.dumps(run_one(args.child)))
        return
    stages = ("parse", "actors", "quotes_speakers", "events")
    print(f"{'chars':>9} {'quotes':>6} " + " ".join(f"{s + ' us/ch':>20}" for s in stages)
          + f" {'quotes/parse':>12} {'peak MB':>8}")
    for size in (int(s) for s in args.sizes.split(",")):
        out = subprocess.run([sys.executable, __file__, "--child", str(size)],
                             capture_output=True, text=True, check=True)
        r = json.loads(out.stdout.strip().splitlines()[-1])
        per = {s: 1e6 * r[s] / r["chars"] for s in stages}
        print(f"{r['chars']:>9} {r['quotes']:>6} " + " ".join(f"{per[s]:>20.2f}" for s in stages)
              + f" {r['quotes_speakers'] / r['parse']:>12.3f} {r['peak_mb']:>8.0f}")


if __name__ == "__main__":
    main()
