"""The shared scorer runs over our output without failures (needs ../shared)."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from .conftest import ROOT


def test_scorer_on_seed(shared: Path) -> None:
    cmd = f"{sys.executable} -m dragoman.cli analyze --format jsonl"
    r = subprocess.run([sys.executable, str(shared / "eval" / "score.py"), "news",
                        "--gold", str(shared / "corpus" / "seed"), "--cmd", cmd],
                       capture_output=True, text=True, cwd=ROOT, timeout=600)
    assert r.returncode == 0, r.stderr
    score = r.stdout.strip().splitlines()[-1]
    assert score.startswith("score:") and "failed=0" in score
    figures = dict(kv.split("=") for kv in score.split()[1:])
    assert float(figures["quote_f1"]) > 0.5, score
