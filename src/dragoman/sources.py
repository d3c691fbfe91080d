"""Where ingest reads from: files and folders (as `analyze`), RSS/Atom feeds and WARC files."""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from .model import Article
from .readers import Failed, read_inputs


def read_sources(paths: Iterable[str], *, encoding: str = "utf-8",
                 timeout: float = 20.0) -> Iterator[Article | Failed]:
    """Every article of ``paths``, in order."""
    yield from read_inputs(paths, encoding=encoding)
