"""Peak memory and time of `dragoman analyze` on one long single-line article.

Prints figures (never asserted): each size runs in a fresh process, so that its peak
resident memory is its own.

    .venv/bin/python benchmarks/memory.py 1000000 10000000
    .venv/bin/python benchmarks/memory.py --max-chars 0 10000000   # no size limit
"""
from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PARAGRAPH = ("The foreign minister said on Monday that the talks in Geneva had been "
             "\u201cuseful but difficult\u201d, while 100,000 troops remained near the "
             "border. NATO officials warned of consequences, and the envoy told reporters "
             "that sanctions would follow. ")


def run(chars: int, extra: list[str]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        f = Path(tmp) / "long.txt"
        f.write_text((PARAGRAPH * (chars // len(PARAGRAPH) + 1))[:chars])  # one line
        cmd = [sys.executable, "-c", "import resource, sys\n"
               "from dragoman._cli import main\n"
               "try:\n    main()\nfinally:\n"
               "    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
               "    print(f'peak {peak}', file=sys.stderr)",
               "analyze", str(f), "--format", "jsonl", *extra]
        start = time.perf_counter()
        r = subprocess.run(cmd, capture_output=True, text=True)
        took = time.perf_counter() - start
    peak_kb = int(r.stderr.rsplit("peak ", 1)[1]) if "peak " in r.stderr else \
        resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    line = r.stdout.splitlines()[0] if r.stdout else "{}"
    d = json.loads(line)
    outcome = f"refused: {d['error'][:90]}" if "error" in d else \
        f"analysed: {len(d['actors'])} actors, {len(d['quotes'])} quotes, " \
        f"{len(d['events'])} events"
    print(f"{chars:>11,} chars  exit {r.returncode}  {took:7.1f} s  "
          f"peak RSS {peak_kb / 1024:7.0f} MB  {outcome}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("sizes", nargs="+", type=int)
    ap.add_argument("--max-chars", default=None)
    args = ap.parse_args()
    extra = ["--max-chars", args.max_chars] if args.max_chars is not None else []
    for size in args.sizes:
        run(size, extra)


if __name__ == "__main__":
    main()
