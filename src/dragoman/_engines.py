"""Where the analysis of a batch runs: here, in local processes, or on a Dask cluster.

Every engine has ``submit(articles) -> handle`` and ``result(handle) -> list`` (one
``Analysis`` or ``Failed`` per article, in order) and ``parallel`` (whether several
batches may be in flight). Only the ingesting process writes to the store: engines
return plain records.

Each worker process loads the spaCy model once (``nlp.load`` caches it), warms every
table the stages build lazily (the city gazetteer alone takes seconds), and analyses
every batch inside ``nlp.memory_zone()``, so the strings that new words add to the
vocabulary are freed after the batch and memory stays flat over an endless stream.
"""
from __future__ import annotations

import concurrent.futures as cf
import contextlib
import multiprocessing
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol, TypeVar

from ._actors import Dictionary
from ._model import Analysis, Article
from ._readers import Failed
from ._settings import Settings

T = TypeVar("T")
Result = list[Analysis | Failed]


@dataclass(frozen=True)
class Job:
    """What a worker needs to analyse like the calling process does.

    Attributes:
        settings: how the analysis runs, resolved by the caller (a worker does not
            read its own environment).
        actors_file: a user actor file, loaded once per worker.
        published: the date for articles that have none.
        dictionary: an actor dictionary object (``analyze_many(dictionary=...)``),
            sent once to each local worker; takes the place of ``actors_file``.
    """

    settings: Settings = field(default_factory=Settings)
    actors_file: str | None = None
    published: str | None = None
    dictionary: Dictionary | None = None


class Engine(Protocol):
    """What ``ingest``, ``reanalyze`` and ``analyze_many(workers=)`` need of an engine."""

    parallel: bool

    def submit(self, articles: list[Article]) -> Any: ...

    def result(self, handle: Any) -> Result: ...

    def close(self) -> None: ...


#: Texts analysed once, outside any memory zone, before the first batch: together they
#: reach every lazily built table (places and the city gazetteer, dates, quotes, the
#: trigger lexicon, the sentence classifiers, the role and sense models).
_WARM = (
    Article("warm-up-1", "\u201cWe will keep talking,\u201d the foreign minister of "
            "France said in Geneva on Monday. Troops of two states clashed near the "
            "border, and 12 soldiers were killed. Officials of both "
            "countries met again on Tuesday and signed an accord."),
    Article("warm-up-2", "Officials of two states met on Monday and said they would "
            "keep talking."),  # one sentence of 5 tokens or more: the classifiers
)
#: The dictionaries this process loaded, by actor file (each built once).
_dictionaries: dict[str | None, Dictionary] = {}


def _prepare(job: Job) -> None:
    """Load the model and dictionary and warm every lazily built table, outside any
    memory zone, so that those tables hold their strings for good and the first batch
    costs what the others do."""
    analyse_batch(list(_WARM), job, zone=False)


def _dictionary(job: Job) -> Dictionary:
    if job.dictionary is not None:
        return job.dictionary
    if job.actors_file not in _dictionaries:
        from ._actors import load_dictionary

        _dictionaries[job.actors_file] = load_dictionary(job.actors_file)
    return _dictionaries[job.actors_file]


def analyse_batch(articles: Sequence[Article], job: Job, zone: bool = True) -> Result:
    """Analyse a batch (in this process) inside a spaCy memory zone."""
    from . import _nlp as nlp_mod
    from ._pipeline import analyze_stream

    nlp = nlp_mod.load(job.settings.model)
    ctx: contextlib.AbstractContextManager[Any] = nlp.memory_zone() \
        if zone and hasattr(nlp, "memory_zone") else contextlib.nullcontext()
    with ctx:
        # repeated ids are the caller's to report: it sees the whole stream
        return list(analyze_stream(list(articles), job.published, _dictionary(job),
                                   job.settings))


class Local:
    """Analyse in this process, one batch at a time."""

    parallel = False

    def __init__(self, job: Job | None = None) -> None:
        self.job = job or Job(Settings.from_env())
        _prepare(self.job)

    def submit(self, articles: list[Article]) -> list[Article]:
        return articles

    def result(self, handle: list[Article]) -> Result:
        return analyse_batch(handle, self.job) if handle else []

    def close(self) -> None:
        pass


_job: Job | None = None
#: Articles per Dask task: small enough to spread a batch over many workers.
DASK_CHUNK = 8


def split(items: list[T], parts: int) -> list[list[T]]:
    """``items`` in at most ``parts`` contiguous, nearly equal, non-empty chunks."""
    size = max(1, -(-len(items) // max(1, parts)))
    return [items[i:i + size] for i in range(0, len(items), size)]


def _init_worker(job: Job) -> None:
    global _job
    _job = job
    _prepare(job)


def _work(articles: list[Article]) -> Result:
    assert _job is not None
    return analyse_batch(articles, _job)


class Processes:
    """Analyse in ``workers`` local processes (spawned; each loads the model once).

    A program that uses it must start from ``if __name__ == "__main__":`` (spawned
    processes import the main module); a notebook needs nothing.
    """

    parallel = True

    def __init__(self, workers: int, job: Job | None = None) -> None:
        self.job = job or Job(Settings.from_env())
        self.workers = workers
        self.pool = cf.ProcessPoolExecutor(
            max_workers=workers, mp_context=multiprocessing.get_context("spawn"),
            initializer=_init_worker, initargs=(self.job,))

    def submit(self, articles: list[Article]) -> list[cf.Future[Result]]:
        # a batch is shared among the workers, so that every batch keeps them all busy
        return [self.pool.submit(_work, chunk) for chunk in split(articles, self.workers)]

    def result(self, handle: list[cf.Future[Result]]) -> Result:
        return [r for future in handle for r in future.result()]

    def close(self) -> None:
        self.pool.shutdown(cancel_futures=True)


def _dask_work(articles: list[Article], job: Job) -> Result:
    """Runs on a Dask worker: the model is loaded on its first batch and kept."""
    from . import _nlp as nlp_mod

    name = job.settings.model or nlp_mod.default_model()
    if name not in _dask_ready:
        _prepare(job)
        _dask_ready.add(name)
    return analyse_batch(articles, job)


_dask_ready: set[str] = set()


class Dask:
    """Analyse on a dask.distributed cluster; results come back to the ingesting process."""

    parallel = True

    def __init__(self, scheduler: str, job: Job | None = None) -> None:
        try:
            from distributed import Client
        except ImportError:
            from ._errors import DragomanError
            raise DragomanError("--scheduler needs dask.distributed: pip install "
                                "'dragoman[cluster]'") from None
        self.job = job or Job(Settings.from_env())
        self.client = Client(scheduler, timeout=30)

    def submit(self, articles: list[Article]) -> list[Any]:
        chunks = split(articles, max(1, -(-len(articles) // DASK_CHUNK)))
        return [self.client.submit(_dask_work, chunk, self.job, pure=False)
                for chunk in chunks]

    def result(self, handle: list[Any]) -> Result:
        return [r for future in handle for r in future.result()]

    def close(self) -> None:
        self.client.close()


def make(workers: int = 1, scheduler: str | None = None,
         job: Job | None = None) -> Engine:
    """The engine for these options."""
    if scheduler:
        return Dask(scheduler, job)
    if workers > 1:
        return Processes(workers, job)
    return Local(job)
