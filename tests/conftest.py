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
    from dragoman._pipeline import analyze_items
    from dragoman._readers import read_inputs
    from dragoman._store import open_store

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
    """A store built from examples/ alone."""
    return build_store(tmp_path_factory.mktemp("store") / "examples.db", seed=False)


@pytest.fixture(scope="session")
def seed_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store built from examples/ and the seed article (skips when ../shared is absent)."""
    if not SEED.is_file():
        pytest.skip("the seed article (../shared/corpus/seed) is not here")
    return build_store(tmp_path_factory.mktemp("seed") / "seed.db")


#: Payloads planted in a hostile store: each sets window.__pwned if it ever runs.
SCRIPT = "<script>window.__pwned=1</script>"
ATTR = '" onmouseover="window.__pwned=1" data-x="'
IMG = '<img src=x onerror="window.__pwned=1">'
JS_URL = "javascript:window.__pwned=1"
HOSTILE_ID = 'evil/"><svg onload=window.__pwned=1>'


def build_hostile_store(db: Path) -> Path:
    """A store whose article-derived text is hostile: a real analysis of an article
    whose title, text and URL carry script and attribute-injection payloads, with the
    speaker names and actor names then overwritten by payloads too."""
    import json
    import sqlite3

    from dragoman import __version__
    from dragoman._pipeline import analyze_items
    from dragoman._readers import read_inputs
    from dragoman._store import open_store

    text = (f"Russian Foreign Minister Sergei Lavrov said on Monday that Moscow would "
            f"respond {SCRIPT} to any attack.\n\nNATO accused Russia of threatening "
            f"Ukraine {IMG} with its troops.\n\n\"We will not be intimidated {ATTR}\", "
            f"Ukraine's foreign minister said.")
    line = {"id": HOSTILE_ID, "title": f"Talks {SCRIPT}{ATTR}", "text": text,
            "published": "2022-01-20", "url": JS_URL, "source": f"Wire {IMG}"}
    jsonl = db.parent / "hostile.jsonl"
    jsonl.write_text(json.dumps(line) + "\n", encoding="utf-8")
    analyses = [a for a in analyze_items(read_inputs([str(jsonl)])) if hasattr(a, "article")]
    assert analyses and analyses[0].quotes and analyses[0].events
    with open_store(db) as store:
        store.write(analyses, analyzer_version=__version__)
    conn = sqlite3.connect(db)
    with conn:
        conn.execute("UPDATE quotes SET speaker_name = ?", (f"Lavrov {SCRIPT}{ATTR}",))
        conn.execute("DELETE FROM quotes_fts")
        conn.execute("INSERT INTO quotes_fts(rowid, text, speaker_name) "
                     "SELECT rowid, text, speaker_name FROM quotes")
        conn.execute("UPDATE actors SET name = name || ?, title = ? WHERE kind = 'person'",
                     (ATTR, IMG))
        conn.execute("UPDATE events SET trigger_text = trigger_text || ?", (SCRIPT,))
    conn.close()
    return db


@pytest.fixture(scope="session")
def hostile_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store full of script and attribute-injection payloads (see build_hostile_store)."""
    return build_hostile_store(tmp_path_factory.mktemp("hostile") / "hostile.db")
