"""How much the actor layer costs against parsing, and against the first version.

Run from the repository root::

    .venv/bin/python benchmarks/actors_speed.py [FOLDER_OR_FILES ...] [--repeat 3]

Default input: the dev corpus in ../shared/corpus/dev (JSON files with ``text``) and the
seed article. Prints, over the same parsed Docs in one run:

- parse time (spaCy pipeline), the actor layer's time, and the first version's time
  (spaCy entities merged by name, ISO codes by pycountry: the state before issue 4);
- the ratio (parse + actors) / (parse + first version): analysis speed against the state
  before the issue (the target is at most 1.10);
- the one-off dictionary load time (once per process).
"""
from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import pycountry

from dragoman import _nlp as nlp_mod
from dragoman._actors import builtin_dictionary, find_actors
from dragoman._actors.table import ActorTable
from dragoman._model import Span

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "corpus"


def baseline_find_actors(doc):  # type: ignore[no-untyped-def]
    """The first actor stage (before issue 4): spaCy entities merged by name."""
    kinds = {"PERSON": "person", "GPE": "state", "NORP": "group", "ORG": "organisation"}
    table = ActorTable()
    by_name: dict[str, object] = {}
    for ent in doc.ents:
        kind = kinds.get(ent.label_)
        if kind is None:
            continue
        name = ent.text.strip()
        actor = by_name.get(name.casefold())
        if actor is None:
            code = None
            if kind == "state":
                try:
                    code = pycountry.countries.lookup(name).alpha_3
                except LookupError:
                    code = None
            actor = table.add(name, kind, code)
            by_name[name.casefold()] = actor
        table.add_mention(actor, Span(ent.start_char, ent.end_char, ent.text))  # type: ignore[arg-type]
    return table


def texts(paths: list[Path]) -> list[str]:
    """The article texts of .txt and .json files (or folders of them)."""
    out = []
    for p in paths:
        files = sorted(p.glob("*")) if p.is_dir() else [p]
        for f in files:
            if f.suffix == ".json":
                out.append(json.loads(f.read_text(encoding="utf-8"))["text"])
            elif f.suffix == ".txt":
                out.append(f.read_text(encoding="utf-8"))
    return out


def main() -> None:
    """Parse each article once per round and time both actor stages on it."""
    ap = argparse.ArgumentParser(description="actor layer speed")
    ap.add_argument("paths", nargs="*", type=Path,
                    default=[SHARED / "dev", SHARED / "seed"])
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    docs_text = texts(args.paths)
    if not docs_text:
        raise SystemExit("no .txt or .json articles found")
    nlp = nlp_mod.load()
    t = time.perf_counter()
    builtin_dictionary()
    load = time.perf_counter() - t
    parse = actors = base = 0.0
    words = 0
    for _ in range(args.repeat):
        for text in docs_text:
            t0 = time.perf_counter()
            doc = nlp(text)
            t1 = time.perf_counter()
            find_actors(doc)
            t2 = time.perf_counter()
            baseline_find_actors(doc)
            t3 = time.perf_counter()
            parse += t1 - t0
            actors += t2 - t1
            base += t3 - t2
            words += len(doc)
    n = len(docs_text) * args.repeat
    print(f"articles {len(docs_text)} x {args.repeat}, tokens {words}")
    print(f"parse            {parse / n * 1000:8.2f} ms/article")
    print(f"actors (now)     {actors / n * 1000:8.2f} ms/article "
          f"({actors / parse:.1%} of parse)")
    print(f"actors (before)  {base / n * 1000:8.2f} ms/article ({base / parse:.1%} of parse)")
    print(f"analysis ratio (parse + actors now) / (parse + actors before): "
          f"{(parse + actors) / (parse + base):.3f}")
    print(f"dictionary load  {load * 1000:8.1f} ms once per process")


if __name__ == "__main__":
    main()
