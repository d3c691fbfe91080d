"""Ingesting articles into a store: deduplicate, analyse, write, merge events.

``ingest(store, items)`` reads a stream of articles (and unreadable inputs) in
batches. Each batch is deduplicated (exact text hash, then MinHash near-duplicates)
against the store and the batches before it; the new articles are analysed (in this
process, in local worker processes, or on a Dask cluster: see ``engines``), and
everything the batch brings (articles, records, sources, copies, errors, merged
corpus events) is written in ONE transaction, in input order. A crash loses at most
the batches not yet committed, and a re-run finds the committed ones as duplicates of
themselves: nothing lost, nothing doubled.
"""
from __future__ import annotations

import dataclasses
import itertools
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

import numpy as np

from . import __version__, _dedup as dedup, _merge as merge
from ._model import Analysis, Article
from ._readers import Failed
from ._store import Store, text_hash_of

#: Written on every analysis; ``reanalyze`` re-runs articles with an older one.
ANALYZER_VERSION = __version__


@dataclass
class Summary:
    """What an ingest did."""

    read: int = 0
    new: int = 0
    duplicate: int = 0
    near_duplicate: int = 0
    failed: int = 0
    quotes: int = 0
    events: int = 0
    corpus_events: int = 0
    seconds: float = 0.0
    errors: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        rate = self.read / self.seconds if self.seconds else 0.0
        return [f"read {self.read} articles in {self.seconds:.1f} s ({rate:.1f}/s)",
                f"new {self.new}, duplicate {self.duplicate}, near-duplicate "
                f"{self.near_duplicate}, failed {self.failed}",
                f"quotes {self.quotes}, events {self.events} "
                f"(corpus events now {self.corpus_events})"]


@dataclass
class _Item:
    """One input of a batch and what deduplication decided for it."""

    article: Article | None
    failed: Failed | None = None
    text_hash: str = ""
    status: str = "new"  # new, duplicate, near_duplicate, failed
    canonical: str | None = None  # the stored article it copies
    signature: np.ndarray | None = None
    analysis: Analysis | None = None


class Deduper:
    """Finds stored (or pending, earlier in this run) copies of an article."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.hashes: dict[str, str] = {}  # pending: text hash -> article id
        self.ids: set[str] = set()  # pending article ids
        self.bands: dict[bytes, list[str]] = {}
        self.signatures: dict[str, np.ndarray] = {}

    def exact(self, text_hash: str) -> str | None:
        if text_hash in self.hashes:
            return self.hashes[text_hash]
        row = self.conn.execute("SELECT id, duplicate_of FROM articles WHERE text_hash = ? "
                                "ORDER BY rowid LIMIT 1", (text_hash,)).fetchone()
        return (row["duplicate_of"] or row["id"]) if row else None

    def near(self, sig: np.ndarray) -> str | None:
        best: tuple[float, str] | None = None
        candidates: set[str] = set()
        for key in dedup.band_keys(sig):
            candidates.update(self.bands.get(key, ()))
            candidates.update(r[0] for r in self.conn.execute(
                "SELECT article_id FROM lsh_bands WHERE key = ?", (key,)))
        for cand in sorted(candidates):
            other = self.signatures.get(cand)
            if other is None:
                row = self.conn.execute("SELECT signature FROM minhash WHERE article_id = ?",
                                        (cand,)).fetchone()
                if row is None:
                    continue
                other = dedup.from_blob(row[0])
            score = dedup.similarity(sig, other)
            if score >= dedup.THRESHOLD and (best is None or score > best[0]):
                best = (score, cand)
        return best[1] if best else None

    def free_id(self, article: Article, text_hash: str) -> str:
        """The article's id, or (when another text holds it) the id with a hash suffix."""
        ident = article.id
        taken = ident in self.ids or self.conn.execute(
            "SELECT 1 FROM articles WHERE id = ?", (ident,)).fetchone()
        return f"{ident}~{text_hash[:8]}" if taken else ident

    def add(self, article_id: str, text_hash: str, sig: np.ndarray | None) -> None:
        self.hashes[text_hash] = article_id
        self.ids.add(article_id)
        if sig is not None:
            self.signatures[article_id] = sig
            for key in dedup.band_keys(sig):
                self.bands.setdefault(key, []).append(article_id)

    def forget(self, items: Iterable[_Item]) -> None:
        """Drop a written batch from the pending index (the store answers for it now)."""
        for it in items:
            if it.status in ("new", "near_duplicate", "failed") and it.article is not None:
                self.hashes.pop(it.text_hash, None)
                self.ids.discard(it.article.id)
                self.signatures.pop(it.article.id, None)
        self.bands = {k: [i for i in v if i in self.ids] for k, v in self.bands.items()}
        self.bands = {k: v for k, v in self.bands.items() if v}


def classify(deduper: Deduper, batch: list[Article | Failed],
             near_duplicates: bool = True) -> list[_Item]:
    """Decide, for each input of a batch, whether it is new, a copy or a failure."""
    items = []
    for x in batch:
        if isinstance(x, Failed):
            items.append(_Item(None, failed=x, status="failed"))
            continue
        it = _Item(x, text_hash=text_hash_of(x.text))
        canonical = deduper.exact(it.text_hash)
        if canonical:
            it.status, it.canonical = "duplicate", canonical
        else:
            it.signature = dedup.signature(x.text) if near_duplicates else None
            near = deduper.near(it.signature) if it.signature is not None else None
            if near:
                it.status, it.canonical = "near_duplicate", near
                it.article = dataclasses.replace(x, id=deduper.free_id(x, it.text_hash))
                deduper.hashes[it.text_hash] = near
            else:
                it.article = dataclasses.replace(x, id=deduper.free_id(x, it.text_hash))
                deduper.add(it.article.id, it.text_hash, it.signature)
        items.append(it)
    return items


def write_batch(store: Store, items: list[_Item], summary: Summary,
                analyzer_version: str = ANALYZER_VERSION) -> None:
    """Write one classified, analysed batch in one transaction."""
    with store.transaction() as conn:
        new_ids: list[str] = []
        copied: set[str] = set()
        for it in items:
            if it.status == "failed" and it.failed is not None:
                store.add_error(it.failed.id, it.failed.error)
                summary.failed += 1
                summary.errors.append(it.failed.error)
            elif it.status == "new" and it.analysis is not None and it.article is not None:
                analysis = dataclasses.replace(it.analysis, article=it.article)
                store.write_analysis(analysis, analyzer_version=analyzer_version,
                                     text_hash=it.text_hash)
                store.add_source(it.article.id, it.article)
                if it.signature is not None:
                    conn.execute("INSERT OR REPLACE INTO minhash VALUES (?, ?)",
                                 (it.article.id, dedup.to_blob(it.signature)))
                    conn.execute("DELETE FROM lsh_bands WHERE article_id = ?",
                                 (it.article.id,))
                    conn.executemany("INSERT INTO lsh_bands VALUES (?, ?)",
                                     [(k, it.article.id)
                                      for k in dedup.band_keys(it.signature)])
                new_ids.append(it.article.id)
                summary.new += 1
                summary.quotes += len(analysis.quotes)
                summary.events += len(analysis.events)
            elif it.status in ("duplicate", "near_duplicate") and it.article is not None \
                    and it.canonical is not None:
                stored = conn.execute("SELECT 1 FROM articles WHERE id = ?",
                                      (it.canonical,)).fetchone()
                if stored is None:  # its original failed analysis: report, store nothing
                    store.add_error(it.article.id, f"{it.article.id}: a copy of "
                                    f"{it.canonical}, which could not be analysed")
                    summary.failed += 1
                    continue
                if it.status == "near_duplicate":
                    store.write_article(it.article, text_hash=it.text_hash,
                                        duplicate_of=it.canonical)
                    summary.near_duplicate += 1
                else:
                    summary.duplicate += 1
                if store.add_source(it.canonical, it.article, copy_id=it.article.id):
                    copied.add(it.canonical)
        touched = merge.assign(conn, new_ids) | merge.for_copies(conn, copied)
        merge.refresh(conn, touched)


def batches(iterable: Iterable, size: int) -> Iterator[list]:
    it = iter(iterable)
    while chunk := list(itertools.islice(it, size)):
        yield chunk


def ingest(store: Store, items: Iterable[Article | Failed], *, engine=None,
           batch_size: int = 32, window: int = 4, near_duplicates: bool = True,
           on_progress: Callable[[Summary], None] | None = None) -> Summary:
    """Ingest a stream of read inputs into ``store``.

    Args:
        store: an open, writable store.
        items: articles and unreadable inputs (``readers.read_inputs`` gives them).
        engine: what analyses the new articles (``engines.Local`` when None).
        batch_size: articles per batch (and per transaction).
        window: batches in flight at once on a parallel engine.
        near_duplicates: look for near-duplicates (MinHash); exact copies always are.
        on_progress: called with the running summary after each batch is written.
    """
    import time

    from ._engines import Local

    engine = engine or Local()
    summary = Summary()
    start = time.perf_counter()
    deduper = Deduper(store.conn)
    pending: list[tuple[list[_Item], object]] = []

    def drain(keep: int) -> None:
        while len(pending) > keep:
            items, handle = pending.pop(0)
            results = engine.result(handle)
            for it, res in zip([i for i in items if i.status == "new"], results):
                if isinstance(res, Failed):
                    assert it.article is not None  # a new item always has its article
                    it.status, it.failed = "failed", Failed(it.article.id, res.error)
                else:
                    it.analysis = res
            write_batch(store, items, summary)
            deduper.forget(items)
            summary.seconds = time.perf_counter() - start
            if on_progress:
                on_progress(summary)

    for batch in batches(items, batch_size):
        classified = classify(deduper, batch, near_duplicates)
        summary.read += sum(1 for it in classified)
        handle = engine.submit([it.article for it in classified if it.status == "new"])
        pending.append((classified, handle))
        drain(window if engine.parallel else 0)
    drain(0)
    summary.corpus_events = store.count("corpus_events")
    summary.seconds = time.perf_counter() - start
    return summary


def stale_articles(store: Store, analyzer_version: str = ANALYZER_VERSION,
                   everything: bool = False) -> Iterator[Article]:
    """Stored canonical articles analysed by an older analyser (or all, ``everything``);
    ids are listed first, each text read only when its turn comes."""
    from packaging.version import InvalidVersion, Version

    def older(v: str | None) -> bool:
        if everything or v is None:
            return True
        try:
            return Version(v) < Version(analyzer_version)
        except InvalidVersion:
            return v != analyzer_version

    ids = [r[0] for r in store.conn.execute(
        "SELECT id, analyzer_version FROM articles WHERE duplicate_of IS NULL "
        "ORDER BY rowid").fetchall() if older(r[1])]
    for ident in ids:
        r = store.conn.execute("SELECT id, text, title, published, url, source, path "
                               "FROM articles WHERE id = ?", (ident,)).fetchone()
        if r is not None:
            yield Article(r["id"], r["text"], r["title"], r["published"], r["url"],
                          r["source"], False, r["path"])


def _rewrite(store: Store, batch: list[Article], results: list, summary: Summary) -> None:
    """Replace a re-analysed batch's records and re-merge its events (one transaction)."""
    with store.transaction() as conn:
        touched: set[str] = set()
        done = []
        for article, res in zip(batch, results):
            summary.read += 1
            if isinstance(res, Failed):
                store.add_error(article.id, res.error)
                summary.failed += 1
                summary.errors.append(res.error)
                continue
            touched |= set(store.delete_records(article.id))
            store.write_analysis(dataclasses.replace(res, article=article),
                                 analyzer_version=ANALYZER_VERSION,
                                 text_hash=text_hash_of(article.text))
            done.append(article.id)
            summary.new += 1
            summary.quotes += len(res.quotes)
            summary.events += len(res.events)
        merge.refresh(conn, touched)
        merge.refresh(conn, merge.assign(conn, done))


def reanalyze(store: Store, *, engine=None, batch_size: int = 32, window: int = 4,
              everything: bool = False,
              on_progress: Callable[[Summary], None] | None = None) -> Summary:
    """Re-run the analyser over stored articles whose analyser version is older.

    Each batch's old records are replaced and its events re-merged in one transaction,
    in store order; a parallel engine analyses up to ``window`` batches ahead.
    """
    import time

    from ._engines import Local

    engine = engine or Local()
    summary = Summary()
    start = time.perf_counter()
    pending: list[tuple[list[Article], object]] = []

    def drain(keep: int) -> None:
        while len(pending) > keep:
            batch, handle = pending.pop(0)
            _rewrite(store, batch, engine.result(handle), summary)
            summary.seconds = time.perf_counter() - start
            if on_progress:
                on_progress(summary)

    for batch in batches(stale_articles(store, everything=everything), batch_size):
        pending.append((batch, engine.submit(batch)))
        drain(window if engine.parallel else 0)
    drain(0)
    summary.corpus_events = store.count("corpus_events")
    summary.seconds = time.perf_counter() - start
    return summary
