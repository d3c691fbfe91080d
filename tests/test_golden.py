"""The bundled examples against their expected analyses (tests/golden/).

After a deliberate change in what dragoman finds, rewrite the golden files with
``UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_golden.py`` and review the diff.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from dragoman._model import Analysis
from dragoman._pipeline import analyze_items
from dragoman._readers import read_inputs

from .conftest import EXAMPLES

GOLDEN = Path(__file__).parent / "golden"
FILES = sorted(p for p in EXAMPLES.iterdir() if p.suffix in (".txt", ".html", ".jsonl"))


def analyses_of(path: Path) -> list[dict]:
    out = []
    for result in analyze_items(read_inputs([str(path)])):
        assert isinstance(result, Analysis), result
        d = result.to_dict()
        d["article"].pop("path", None)  # where the checkout lies is not part of the result
        out.append(d)
    return out


def test_enough_examples() -> None:
    assert len(FILES) >= 6
    assert {p.suffix for p in FILES} >= {".txt", ".html", ".jsonl"}


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_example_matches_golden(path: Path) -> None:
    got = analyses_of(path)
    golden = GOLDEN / (path.stem + ".json")
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(json.dumps(got, ensure_ascii=False, indent=1) + "\n",
                          encoding="utf-8")
    assert golden.exists(), f"no golden file {golden}: run with UPDATE_GOLDEN=1"
    expected = json.loads(golden.read_text(encoding="utf-8"))
    assert got == expected
