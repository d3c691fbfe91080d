"""Where the analysis of a batch runs: here, in local processes, or on a Dask cluster.

Every engine has ``submit(articles) -> handle`` and ``result(handle) -> list`` (one
``Analysis`` or ``Failed`` per article, in order) and ``parallel`` (whether several
batches may be in flight). Only the ingesting process writes to the store: engines
return plain records.

Each worker process loads the spaCy model once (``nlp.load`` caches it) and analyses
every batch inside ``nlp.memory_zone()``, so the strings that new words add to the
vocabulary are freed after the batch and memory stays flat over an endless stream.
"""
from __future__ import annotations

import concurrent.futures as cf
import multiprocessing
from collections.abc import Sequence
from dataclasses import dataclass

from ._model import Analysis, Article
from ._readers import Failed


@dataclass(frozen=True)
class Settings:
    """What a worker needs to analyse like the ingesting process does."""

    model: str | None = None
    actors_file: str | None = None
    published: str | None = None


_WARM = "Officials of two states met on Monday and said they would keep talking."


def _prepare(settings: Settings) -> None:
    """Load the model and dictionary and run one text, outside any memory zone, so the
    lazily built tables hold their strings for good."""
    analyse_batch([Article("warm-up", _WARM)], settings, zone=False)


def analyse_batch(articles: Sequence[Article], settings: Settings,
                  zone: bool = True) -> list[Analysis | Failed]:
    """Analyse a batch (in this process) inside a spaCy memory zone."""
    import contextlib

    from . import _nlp as nlp_mod
    from ._actors import load_dictionary
    from ._pipeline import analyze_items

    nlp = nlp_mod.load(settings.model)
    dictionary = load_dictionary(settings.actors_file)
    ctx = nlp.memory_zone() if zone and hasattr(nlp, "memory_zone") else \
        contextlib.nullcontext()
    with ctx:
        return list(analyze_items(list(articles), settings.published, model=settings.model,
                                  dictionary=dictionary))


class Local:
    """Analyse in this process, one batch at a time."""

    parallel = False

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings()
        _prepare(self.settings)

    def submit(self, articles: list[Article]) -> list[Article]:
        return articles

    def result(self, handle: list[Article]) -> list[Analysis | Failed]:
        return analyse_batch(handle, self.settings) if handle else []

    def close(self) -> None:
        pass


_settings: Settings | None = None
#: Articles per Dask task: small enough to spread a batch over many workers.
DASK_CHUNK = 8


def split(items: list, parts: int) -> list[list]:
    """``items`` in at most ``parts`` contiguous, nearly equal, non-empty chunks."""
    size = max(1, -(-len(items) // max(1, parts)))
    return [items[i:i + size] for i in range(0, len(items), size)]


def _init_worker(settings: Settings) -> None:
    global _settings
    _settings = settings
    _prepare(settings)


def _work(articles: list[Article]) -> list[Analysis | Failed]:
    assert _settings is not None
    return analyse_batch(articles, _settings)


class Processes:
    """Analyse in ``workers`` local processes (spawned; each loads the model once)."""

    parallel = True

    def __init__(self, workers: int, settings: Settings | None = None) -> None:
        self.settings = settings or Settings()
        self.workers = workers
        self.pool = cf.ProcessPoolExecutor(
            max_workers=workers, mp_context=multiprocessing.get_context("spawn"),
            initializer=_init_worker, initargs=(self.settings,))

    def submit(self, articles: list[Article]) -> list[cf.Future]:
        # a batch is shared among the workers, so that every batch keeps them all busy
        return [self.pool.submit(_work, chunk) for chunk in split(articles, self.workers)]

    def result(self, handle: list[cf.Future]) -> list[Analysis | Failed]:
        return [r for future in handle for r in future.result()]

    def close(self) -> None:
        self.pool.shutdown(cancel_futures=True)


def _dask_work(articles: list[Article], settings: Settings) -> list[Analysis | Failed]:
    """Runs on a Dask worker: the model is loaded on its first batch and kept."""
    from . import _nlp as nlp_mod

    name = settings.model or nlp_mod.default_model()
    if name not in _dask_ready:
        _prepare(settings)
        _dask_ready.add(name)
    return analyse_batch(articles, settings)


_dask_ready: set[str] = set()


class Dask:
    """Analyse on a dask.distributed cluster; results come back to the ingesting process."""

    parallel = True

    def __init__(self, scheduler: str, settings: Settings | None = None) -> None:
        try:
            from distributed import Client
        except ImportError:
            from ._errors import DragomanError
            raise DragomanError("--scheduler needs dask.distributed: pip install "
                                "'dragoman[cluster]'") from None
        self.settings = settings or Settings()
        self.client = Client(scheduler, timeout=30)

    def submit(self, articles: list[Article]):
        chunks = split(articles, max(1, -(-len(articles) // DASK_CHUNK)))
        return [self.client.submit(_dask_work, chunk, self.settings, pure=False)
                for chunk in chunks]

    def result(self, handle) -> list[Analysis | Failed]:
        return [r for future in handle for r in future.result()]

    def close(self) -> None:
        self.client.close()


def make(workers: int = 1, scheduler: str | None = None,
         settings: Settings | None = None):
    """The engine for these options."""
    if scheduler:
        return Dask(scheduler, settings)
    if workers > 1:
        return Processes(workers, settings)
    return Local(settings)
