"""Shared fixtures: paths to the examples and to ../shared (skipped when absent)."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SHARED = ROOT.parent / "shared"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "slow: takes minutes (a 5 MB article)")


@pytest.fixture(scope="session")
def shared() -> Path:
    """The shared data folder beside the repository; the test skips without it."""
    if not (SHARED / "data").is_dir():
        pytest.skip("../shared/data is not here")
    return SHARED


SEED = SHARED / "corpus" / "seed" / "europe-week-of-diplomacy.gold.json"


def build_store(db: Path, *, seed: bool = True) -> Path:
    """A store at ``db`` holding the analyses of examples/ (undated ones published
    2022-01-14) and, when ../shared is here and ``seed`` is set, the seed article."""
    import json

    from dragoman import __version__
    from dragoman.pipeline import analyze_items
    from dragoman.readers import read_inputs
    from dragoman.store import open_store

    paths = [str(EXAMPLES)]
    if seed and SEED.is_file():
        gold = json.loads(SEED.read_text(encoding="utf-8"))
        line = {"id": "europe-week-of-diplomacy", "text": gold["text"], "title": gold["title"],
                "published": gold["published"], "url": gold.get("url"),
                "source": gold.get("outlet")}
        jsonl = db.parent / "seed.jsonl"
        jsonl.write_text(json.dumps(line) + "\n", encoding="utf-8")
        paths.append(str(jsonl))
    analyses = [a for a in analyze_items(read_inputs(paths), "2022-01-14")
                if hasattr(a, "article")]
    with open_store(db) as store:
        store.write(analyses, analyzer_version=__version__)
    return db


@pytest.fixture(scope="session")
def example_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store built from examples/ and, when ../shared is here, the seed article."""
    return build_store(tmp_path_factory.mktemp("store") / "examples.db")
