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
