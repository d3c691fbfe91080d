"""Held-out figures on ../shared/data (skipped when absent): quick sanity levels."""
from __future__ import annotations

import random
from pathlib import Path

from dragoman._events.classifier import sentence_quad


def test_quad_model_on_a_held_out_sample(shared: Path) -> None:
    rows = []
    for line in (shared / "data/conflibert/cameo_class/train.tsv").read_text(encoding="utf-8").splitlines():
        if "\t" in line:
            s, lab = line.rsplit("\t", 1)
            rows.append((s, int(lab)))
    random.Random(13).shuffle(rows)  # the training script's seed: the first 20% were held out
    val = rows[:int(len(rows) * 0.2)][:120]
    acc = sum(sentence_quad(s)[0] == lab for s, lab in val) / len(val)
    assert acc > 0.75
