"""Ingest throughput against raw spaCy on the same texts, in one run.

Texts: the bundled examples and benchmarks/news, repeated ``--repeat`` times (each copy
made distinct by a numbered first line, so exact dedup lets it through; near-duplicate
matching is switched off for these timed runs, since every copy is a near-duplicate,
and its cost is timed on its own). Prints:

- raw spaCy ``nlp.pipe`` (one process, then ``n_process=2``) articles/s;
- dragoman's analysis alone (no store), then ``dragoman ingest`` into a fresh store:
  one process, then ``--workers 2``;
- ratios: ingest(1) / spaCy(1), and the 2-worker speed-up as a share of spaCy's;
- peak RSS of each process that analysed (psutil, sampled every 0.2 s);
- rows written per second, and the MinHash cost per article;
- CPU seconds per article of every process (spaCy's and the pool's workers included):
  what running in two processes adds to the work, a figure that the other jobs of a
  shared machine move less than the rates (cache and scheduling still show in it).

Run: ``.venv/bin/python benchmarks/ingest.py [--repeat 10] [--rounds 3]``. The model is
loaded before timing starts (and the worker pool warmed); each figure is the best of
``--rounds`` interleaved runs; figures on a shared machine still vary run to run.
"""
from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import resource
import tempfile
import threading
import time
from pathlib import Path

import psutil

from dragoman import _corpus as corpus, _dedup as dedup, _engines as engines
from dragoman import _nlp as nlp_mod
from dragoman._model import Article
from dragoman._readers import Failed, read_inputs
from dragoman._store import open_store

ROOT = Path(__file__).resolve().parent.parent
ROW_TABLES = ("articles", "article_sources", "actors", "mentions", "quotes", "events",
              "counts", "places", "corpus_events", "minhash", "lsh_bands")


def texts(repeat: int) -> list[Article]:
    base = [a for a in read_inputs([str(ROOT / "examples")]) if not isinstance(a, Failed)]
    base += [Article(p.stem, json.loads(p.read_text(encoding="utf-8"))["text"])
             for p in sorted((ROOT / "benchmarks" / "news").glob("*.json"))]
    return [Article(f"{a.id}-{r}", f"Copy {r}\n\n{a.text}", published="2024-01-15")
            for r in range(repeat) for a in base]


class PeakRSS:
    """Samples the RSS of this process and its children; keeps each one's peak."""

    def __init__(self) -> None:
        self.peaks: dict[int, int] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        me = psutil.Process()
        while not self._stop.is_set():
            for p in [me, *me.children(recursive=True)]:
                try:
                    rss = p.memory_info().rss
                except psutil.Error:
                    continue
                self.peaks[p.pid] = max(self.peaks.get(p.pid, 0), rss)
            time.sleep(0.2)

    def __enter__(self) -> PeakRSS:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def _cpu(usage: int) -> float:
    r = resource.getrusage(usage)
    return r.ru_utime + r.ru_stime


def _live_children_cpu() -> dict[int, float]:
    out = {}
    for p in psutil.Process().children(recursive=True):
        try:
            t = p.cpu_times()
        except psutil.Error:
            continue
        out[p.pid] = t.user + t.system
    return out


def spacy_rate(docs: list[str], n_process: int) -> tuple[float, float]:
    """(articles/s, CPU seconds of every process per article) of spaCy's ``nlp.pipe``."""
    nlp = nlp_mod.load()
    before = set(multiprocessing.active_children())
    cpu = _cpu(resource.RUSAGE_SELF) + _cpu(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    for _ in nlp.pipe(docs, batch_size=32, n_process=n_process):
        pass
    seconds = time.perf_counter() - start
    for p in set(multiprocessing.active_children()) - before:
        p.join()  # spaCy's workers, reaped so that their CPU time is counted
    cpu = _cpu(resource.RUSAGE_SELF) + _cpu(resource.RUSAGE_CHILDREN) - cpu
    return len(docs) / seconds, cpu / len(docs)


def ingest_rate(articles: list[Article], engine,
                batch_size: int) -> tuple[float, float, dict, float]:
    """(articles/s, rows/s, peak RSS by pid, CPU seconds of every process per article)."""
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(Path(tmp) / "bench.db")
        with PeakRSS() as rss:
            children = _live_children_cpu()
            cpu = _cpu(resource.RUSAGE_SELF)
            start = time.perf_counter()
            summary = corpus.ingest(store, iter(articles), engine=engine,
                                    batch_size=batch_size, near_duplicates=False)
            seconds = time.perf_counter() - start
            cpu = _cpu(resource.RUSAGE_SELF) - cpu + sum(
                t - children.get(pid, t) for pid, t in _live_children_cpu().items())
        rows = sum(store.count(t) for t in ROW_TABLES)
        store.close()
    assert summary.new == len(articles), summary.lines()
    return len(articles) / seconds, rows / seconds, rss.peaks, cpu / len(articles)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--repeat", type=int, default=10)
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--rounds", type=int, default=3, help="runs of each; the best counts")
    args = ap.parse_args()
    articles = texts(args.repeat)
    docs = [a.text for a in articles]
    chars = sum(map(len, docs))
    print(f"{len(articles)} articles, {chars / 1e6:.2f} M characters; "
          f"{os.cpu_count()} CPUs visible, load average {os.getloadavg()[0]:.1f}")

    local = engines.Local()  # loads the model before any timing
    pool = engines.Processes(2)
    for _ in range(2):  # warm both workers (model loaded once per process)
        pool.result(pool.submit(articles[:2]))
    spacy_rate(docs[:8], 1)
    inf = float("inf")
    cpu = {"s1": inf, "s2": inf, "i1": inf, "i2": inf}  # CPU s/article, lowest of the rounds

    def analysis_rate() -> float:
        start = time.perf_counter()
        for chunk in range(0, len(articles), args.batch_size):
            local.result(articles[chunk:chunk + args.batch_size])
        return len(articles) / (time.perf_counter() - start)

    # each figure is the best of --rounds runs, the runs interleaved, so that a burst
    # of load from other jobs on the machine does not favour one measurement
    s1 = s2 = a1 = i1 = i2 = rows1 = rows2 = 0.0
    peaks1: dict = {}
    peaks2: dict = {}
    for _ in range(args.rounds):
        rate, c = spacy_rate(docs, 1)
        s1, cpu["s1"] = max(s1, rate), min(cpu["s1"], c)
        rate, c = spacy_rate(docs, 2)
        s2, cpu["s2"] = max(s2, rate), min(cpu["s2"], c)
        a1 = max(a1, analysis_rate())
        rate, rows, peaks, c = ingest_rate(articles, local, args.batch_size)
        cpu["i1"] = min(cpu["i1"], c)
        if rate > i1:
            i1, rows1, peaks1 = rate, rows, peaks
        rate, rows, peaks, c = ingest_rate(articles, pool, args.batch_size)
        cpu["i2"] = min(cpu["i2"], c)
        if rate > i2:
            i2, rows2, peaks2 = rate, rows, peaks
    pool.close()

    me = os.getpid()
    # the pool's own helper (multiprocessing's resource tracker) holds no model: left out
    workers = {pid: rss for pid, rss in peaks2.items() if pid != me and rss > 100 * 2**20}
    dedup.signature(docs[0])  # imports datasketch before timing
    start = time.perf_counter()
    sigs = [dedup.signature(t) for t in docs[: len(docs) // args.repeat]]
    minhash_ms = (time.perf_counter() - start) * 1000 / max(1, len(sigs))

    print(f"spaCy nlp.pipe, 1 process:     {s1:7.1f} articles/s")
    print(f"spaCy nlp.pipe, n_process=2:   {s2:7.1f} articles/s  (speed-up {s2 / s1:.2f}x)")
    print(f"dragoman analysis alone (no store), 1 process: {a1:7.1f} articles/s")
    print(f"dragoman ingest, 1 process:    {i1:7.1f} articles/s  {rows1:8.0f} rows/s")
    print(f"dragoman ingest, --workers 2:  {i2:7.1f} articles/s  {rows2:8.0f} rows/s  "
          f"(speed-up {i2 / i1:.2f}x)")
    print(f"ratio ingest(1) / spaCy(1):                 {i1 / s1:.2f}  (target >= 0.75)")
    print(f"ratio ingest(1) / analysis alone(1):        {i1 / a1:.2f}  (the store's cost)")
    print(f"2-worker speed-up / spaCy n_process=2's:    {(i2 / i1) / (s2 / s1):.2f}  "
          f"(target >= 0.90)")
    ms = {k: v * 1000 for k, v in cpu.items()}
    print(f"CPU per article, every process counted (lowest of the rounds; other jobs "
          f"move it less than the rates): spaCy {ms['s1']:.1f} ms, n_process=2 {ms['s2']:.1f} "
          f"ms ({ms['s2'] / ms['s1'] - 1:+.0%}); ingest {ms['i1']:.1f} ms, --workers 2 "
          f"{ms['i2']:.1f} ms ({ms['i2'] / ms['i1'] - 1:+.0%})")
    print(f"peak RSS, 1 process: {peaks1.get(me, 0) / 2**20:.0f} MB "
          f"(ru_maxrss {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB)")
    print("peak RSS per worker (2 workers): " +
          ", ".join(f"{rss / 2**20:.0f} MB" for rss in sorted(workers.values())))
    print(f"MinHash signature: {minhash_ms:.2f} ms per article "
          f"({minhash_ms / 1000 * s1 * 100:.1f}% of one article's spaCy parse)")
    print(f"projected 1,000,000 articles: {1e6 / i1 / 3600:.1f} h on one core, "
          f"{1e6 / i2 / 3600:.1f} h with 2 workers (these texts' mean length "
          f"{chars / len(docs):.0f} characters)")


if __name__ == "__main__":
    main()
