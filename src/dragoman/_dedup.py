"""Near-duplicate articles: MinHash signatures of word 3-grams, banded for LSH lookup.

A syndicated wire copy with a changed headline, a dropped sentence or an added
byline shares most of its word 3-grams with the original. Each article's MinHash
(``NUM_PERM`` permutations) is cut into ``BANDS`` bands of ``ROWS`` values; two articles
that share a band are candidates, kept when their estimated Jaccard similarity is at
least ``THRESHOLD``. Band keys live in the store (``lsh_bands``), so lookups stay
cheap however many articles the store holds and survive restarts.
"""
from __future__ import annotations

import hashlib
import re

import numpy as np

from ._store import normalise

NUM_PERM = 120
BANDS = 20
ROWS = 6
#: Estimated Jaccard similarity of 3-gram sets at or above which two texts are copies.
THRESHOLD = 0.7
#: Texts with fewer shingles are matched only exactly (too short to judge).
MIN_SHINGLES = 12
SEED = 1

_WORD = re.compile(r"\w+")


def shingles(text: str) -> set[bytes]:
    """The word 3-grams of the normalised text."""
    words = _WORD.findall(normalise(text))
    return {" ".join(words[i:i + 3]).encode() for i in range(len(words) - 2)}


def signature(text: str) -> np.ndarray | None:
    """The MinHash signature (uint64 array), or None for a text too short to compare."""
    from datasketch import MinHash

    grams = shingles(text)
    if len(grams) < MIN_SHINGLES:
        return None
    m = MinHash(num_perm=NUM_PERM, seed=SEED)
    m.update_batch(list(grams))
    return m.hashvalues.astype(np.uint64)


def band_keys(sig: np.ndarray) -> list[bytes]:
    """One key per band: the band number and its values, hashed to 12 bytes."""
    return [hashlib.blake2b(bytes([b]) + sig[b * ROWS:(b + 1) * ROWS].tobytes(),
                            digest_size=12).digest() for b in range(BANDS)]


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of two signatures."""
    return float(np.count_nonzero(a == b)) / len(a)


def to_blob(sig: np.ndarray) -> bytes:
    return sig.astype("<u8").tobytes()


def from_blob(blob: bytes) -> np.ndarray:
    return np.frombuffer(blob, dtype="<u8")
