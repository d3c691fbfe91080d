"""Accuracy floors on annotated news, measured by the shared scorer (needs ../shared).

The floors are the issues' targets on the seed article, and a guard against
regressions on our own annotated examples (tests/gold).
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from .conftest import ROOT


def score(shared: Path, gold: Path) -> dict[str, float]:
    """The scorer's `score:` figures for one gold set."""
    cmd = f"{sys.executable} -m dragoman analyze --format jsonl"
    r = subprocess.run([sys.executable, str(shared / "eval" / "score.py"), "news",
                        "--gold", str(gold), "--cmd", cmd],
                       capture_output=True, text=True, cwd=ROOT, timeout=900)
    assert r.returncode == 0, r.stderr
    line = r.stdout.strip().splitlines()[-1]
    assert line.startswith("score:"), r.stdout
    return {k: float(v) for k, v in (kv.split("=") for kv in line.split()[1:])}


def test_seed_article(shared: Path) -> None:
    s = score(shared, shared / "corpus" / "seed")
    assert s["failed"] == 0
    assert s["attributed_f1"] >= 0.90, s
    assert s["event_full_f1"] >= 0.80, s
    assert s["trap_violations"] == 0, s
    assert s["date_acc"] == 1.0 and s["loc_acc"] == 1.0, s


def test_own_annotated_examples(shared: Path) -> None:
    s = score(shared, ROOT / "tests" / "gold")
    assert s["failed"] == 0
    assert s["attributed_f1"] >= 0.80, s
    assert s["event_type_f1"] >= 0.70, s
    assert s["event_full_f1"] >= 0.50, s
