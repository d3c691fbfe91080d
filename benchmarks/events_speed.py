"""How much the event layer costs against the spaCy parse.

Run from the repository root::

    .venv/bin/python benchmarks/events_speed.py [FILES ...] [--repeat 3]

Default input: the dev corpus and the seed article (JSON files with ``text``). Parses
every article once, then times the actor and quote stages (inputs) and ``find_events``
over the same Docs. Prints the parse time, the event time, their ratio (the target is
below 0.25), and the one-off load time of the gazetteer, lexicon and classifier.
"""
from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from dragoman import nlp as nlp_mod
from dragoman.actors import find_actors
from dragoman.events import find_events
from dragoman.quotes import find_quotes

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "corpus"


def load_texts(paths: list[Path]) -> list[tuple[str, str | None]]:
    out = []
    for p in paths:
        if p.suffix == ".json":
            d = json.loads(p.read_text(encoding="utf-8"))
            out.append((d["text"], d.get("published")))
        else:
            out.append((p.read_text(encoding="utf-8"), None))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="*", type=Path)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    files = args.files or sorted((SHARED / "dev").glob("*.json")) + sorted((SHARED / "seed").glob("*.json"))
    texts = load_texts(files)
    nlp = nlp_mod.load()

    t0 = time.perf_counter()
    doc0 = nlp("Russia and Ukraine held talks in Geneva on Monday.")
    find_events(doc0, find_actors(doc0), [], published="2022-01-14")
    load = time.perf_counter() - t0

    parse = events = 0.0
    n_events = 0
    for _ in range(args.repeat):
        t = time.perf_counter()
        docs = list(nlp.pipe([t for t, _ in texts]))
        parse += time.perf_counter() - t
        inputs = []
        for doc in docs:
            actors = find_actors(doc)
            inputs.append((doc, actors, find_quotes(doc, actors)))
        t = time.perf_counter()
        for (doc, actors, quotes), (_, published) in zip(inputs, texts):
            evs, _counts = find_events(doc, actors, quotes, published=published)
            n_events += len(evs)
        events += time.perf_counter() - t
    words = sum(len(t.split()) for t, _ in texts)
    print(f"articles={len(texts)} words={words} repeat={args.repeat} events={n_events // args.repeat}")
    print(f"parse={parse / args.repeat:.3f}s events={events / args.repeat:.3f}s "
          f"first-call load={load:.2f}s")
    print(f"ratio events/parse={events / parse:.3f} (target < 0.25)")


if __name__ == "__main__":
    main()
