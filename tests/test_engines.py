"""Parallel and distributed analysis: local processes, a real Dask cluster on loopback,
and a memory zone that keeps a worker's string store flat."""
from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from dragoman import _engines as engines, _nlp as nlp
from dragoman._model import Article

from .corpus_articles import RECORDS, many, write_jsonl
from .test_ingest_cli import snapshot

BIN = Path(sys.executable).parent


def test_strings_of_new_words_are_freed_after_each_batch():
    engine = engines.Local()
    strings = nlp.load().vocab.strings
    before = len(strings)
    for n in range(3):
        words = " ".join(f"Zorblat{n}x{i}" for i in range(40))
        out = engine.result(engine.submit([Article(f"z{n}", f"Officials said {words}.")]))
        assert len(out) == 1 and out[0].article.id == f"z{n}"
    assert len(strings) == before


def _run(args: list[str], db: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(BIN / "dragoman"), "ingest", *args, "--db", str(db)],
                          capture_output=True, text=True, timeout=300)


def test_two_workers_write_what_one_process_writes(tmp_path):
    data = write_jsonl(tmp_path / "in.jsonl", many(6) + RECORDS)
    one, two = tmp_path / "one.db", tmp_path / "two.db"
    assert _run([str(data), "--batch-size", "2"], one).returncode == 0
    result = _run([str(data), "--batch-size", "2", "--workers", "2"], two)
    assert result.returncode == 0, result.stderr
    assert "new 9, duplicate 0, near-duplicate 1" in result.stdout
    assert snapshot(two) == snapshot(one)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.skipif(shutil.which("dask", path=str(BIN)) is None,
                    reason="dask.distributed is not installed")
def test_dask_cluster_on_loopback_writes_what_one_process_writes(tmp_path):
    data = write_jsonl(tmp_path / "in.jsonl", RECORDS)
    local, dask_db = tmp_path / "local.db", tmp_path / "dask.db"
    assert _run([str(data), "--batch-size", "2"], local).returncode == 0
    address = f"tcp://127.0.0.1:{_free_port()}"
    procs = [subprocess.Popen([str(BIN / "dask"), "scheduler", "--host", "127.0.0.1",
                               "--port", address.rsplit(":", 1)[1], "--no-dashboard"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              cwd=tmp_path)]
    try:
        time.sleep(2)
        procs.append(subprocess.Popen(
            [str(BIN / "dask"), "worker", address, "--host", "127.0.0.1", "--nworkers", "2",
             "--nthreads", "1", "--no-dashboard", "--memory-limit", "1.5GB"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=tmp_path))
        result = _run([str(data), "--batch-size", "2", "--scheduler", address], dask_db)
        assert result.returncode == 0, result.stderr
        assert "new 3, duplicate 0, near-duplicate 1" in result.stdout
        assert snapshot(dask_db) == snapshot(local)
    finally:
        for p in reversed(procs):
            p.terminate()
        for p in procs:
            try:
                p.wait(timeout=20)
            except subprocess.TimeoutExpired:
                p.kill()


@pytest.mark.parametrize("n, parts, sizes", [
    (10, 2, [5, 5]), (9, 2, [5, 4]), (1, 4, [1]), (0, 2, []), (7, 3, [3, 3, 1]),
])
def test_split_keeps_order_and_everything(n, parts, sizes):
    chunks = engines.split(list(range(n)), parts)
    assert [len(c) for c in chunks] == sizes
    assert [x for c in chunks for x in c] == list(range(n))


def test_a_worker_warms_every_lazy_table_before_its_first_batch():
    # in a fresh process: what the stages build on first use is built by the warm-up,
    # so a worker's first batch costs what the others do
    code = ("from dragoman import _engines as engines, _places as places\n"
            "from dragoman._events import classifier, rolemodel, sense, triggers\n"
            "from dragoman._quotes import cues\n"
            "engines.Local()\n"
            "tables = [places._cities, places._areas, places._capitals, triggers.lexicon,\n"
            "          classifier.model, rolemodel.model, sense.model, cues.load_lexicon]\n"
            "print([f.__name__ for f in tables if f.cache_info().currsize == 0])\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         timeout=300)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"
