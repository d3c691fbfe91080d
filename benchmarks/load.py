"""Bounded load test of the dashboard's API on loopback, while an ingest writes.

Starts `dragoman serve` on 127.0.0.1 over a copy of a store, runs CLIENTS concurrent
clients for DURATION seconds against a mix of API endpoints and pages, and at the same
time runs `dragoman ingest` of generated articles into the same store. Prints the
request count, the failures (any non-2xx answer or transport error) and p50/p95/p99
latency per endpoint; exits 1 when any request failed.

    .venv/bin/python benchmarks/load.py                       # 200 clients, 30 s, ingest
    .venv/bin/python benchmarks/load.py --clients 20 --duration 3 --articles 3

Without --db it first builds a store from examples/ (a minute of analysis). Only
127.0.0.1 is ever contacted.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"

#: (name, path) requested in turn by each client; {article} is a stored article's path.
MIX = [
    ("events", "/api/events?limit=50"),
    ("events-dyad", "/api/events?dyad=RUS-USA&limit=20"),
    ("quotes-search", "/api/quotes?q=talks"),
    ("quotes-speaker", "/api/quotes?speaker=minister"),
    ("overview", "/api/overview"),
    ("series", "/api/series?dyad=RUS-USA&dyad=NATO-RUS"),
    ("network", "/api/network"),
    ("articles", "/api/articles?limit=20"),
    ("article", "{article}"),
    ("page-events", "/events"),
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _sentences() -> list[str]:
    """Sentences of the bundled examples, to compose new articles from."""
    texts = [p.read_text(encoding="utf-8") for p in EXAMPLES.glob("*.txt")]
    texts += [json.loads(line)["text"] for line in
              (EXAMPLES / "briefs.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    out = []
    for t in texts:
        for para in t.split("\n"):
            out += [s.strip() + "." for s in para.split(". ") if len(s.split()) > 6]
    return out


def write_articles(path: Path, n: int, seed: int = 1) -> Path:
    """``n`` distinct articles (each six example sentences in a new order) as JSON Lines."""
    rng = random.Random(seed)
    pool = _sentences()
    with path.open("w", encoding="utf-8") as f:
        for i in range(n):
            text = " ".join(rng.sample(pool, 6))
            day = f"2022-02-{1 + i % 28:02d}"
            f.write(json.dumps({"id": f"load-{seed}-{i}", "title": f"Load article {i}",
                                "published": day, "text": text}) + "\n")
    return path


def build_store(db: Path) -> None:
    """A store from examples/ (undated articles take 2022-01-14)."""
    subprocess.run([sys.executable, "-m", "dragoman", "ingest", str(EXAMPLES), "--db", str(db),
                    "--published", "2022-01-14"], check=True, stdout=subprocess.DEVNULL)


def _percentile(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    v = sorted(values)
    k = max(0, min(len(v) - 1, round(p / 100 * (len(v) - 1))))
    return v[k]


async def _get(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, host: str,
               path: str) -> int:
    """One HTTP/1.1 GET on a kept-alive connection; returns the status (the body is read
    whole). A bare client: httpx would cost more CPU than the server under test."""
    writer.write(f"GET {path} HTTP/1.1\r\nHost: {host}\r\nAccept: */*\r\n\r\n".encode())
    await writer.drain()
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    headers = {k.strip().lower(): v.strip() for k, v in
               (line.split(":", 1) for line in lines[1:] if ":" in line)}
    if "content-length" in headers:
        await reader.readexactly(int(headers["content-length"]))
    elif headers.get("transfer-encoding") == "chunked":
        while True:
            size = int((await reader.readuntil(b"\r\n")).strip(), 16)
            await reader.readexactly(size + 2)
            if size == 0:
                break
    return status


async def _client(port: int, paths: list[tuple[str, str]], stop: float,
                  results: dict[str, list[float]], failures: list[str], offset: int) -> None:
    host = f"127.0.0.1:{port}"
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    i = offset
    try:
        while time.monotonic() < stop:
            name, path = paths[i % len(paths)]
            i += 1
            t0 = time.perf_counter()
            try:
                status = await asyncio.wait_for(_get(reader, writer, host, path), 120)
                ok, why = status == 200, f"{path}: HTTP {status}"
            except (OSError, asyncio.IncompleteReadError, asyncio.TimeoutError,
                    ValueError) as exc:
                ok, why = False, f"{path}: {type(exc).__name__}: {exc}"
                writer.close()
                reader, writer = await asyncio.open_connection("127.0.0.1", port)
            results.setdefault(name, []).append(time.perf_counter() - t0)
            if not ok:
                failures.append(why)
    finally:
        writer.close()


async def _load(base: str, clients: int, duration: float) -> tuple[dict, list[str], float]:
    async with httpx.AsyncClient(base_url=base, timeout=60) as http:
        items = (await http.get("/api/articles?limit=5")).json()["items"]
    article = items[0]["page"] if items else "/articles"
    paths = [(n, p.replace("{article}", "/api" + article)) for n, p in MIX]
    results: dict[str, list[float]] = {}
    failures: list[str] = []
    t0 = time.monotonic()
    stop = t0 + duration
    port = int(base.rsplit(":", 1)[1])
    await asyncio.gather(*(_client(port, paths, stop, results, failures, k)
                           for k in range(clients)))
    return results, failures, time.monotonic() - t0


def _stored(base: str) -> int:
    """The number of articles the server sees now (read straight from the store)."""
    return httpx.get(base + "/api/articles?limit=1", timeout=120).json()["total"]


def _wait_up(base: str, proc: subprocess.Popen, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"the server exited: {proc.stderr.read().decode()[-2000:]}")
        try:
            if httpx.get(base + "/api/overview", timeout=5).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    raise SystemExit("the server did not start")


def run(db: Path | None, clients: int, duration: float, articles: int) -> int:
    """Run the load test; returns the number of failed requests."""
    work = Path(tempfile.mkdtemp(prefix="dragoman-load-"))
    try:
        store = work / "store.db"
        if db is None:
            print("building a store from examples/ ...", flush=True)
            build_store(store)
        else:
            shutil.copy(db, store)
        port = _free_port()
        base = f"http://127.0.0.1:{port}"
        env = dict(os.environ, PYTHONUNBUFFERED="1")
        server = subprocess.Popen([sys.executable, "-m", "dragoman", "serve", "--db", str(store),
                                   "--host", "127.0.0.1", "--port", str(port)],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
        ingest = None
        try:
            _wait_up(base, server)
            if articles:
                feed = write_articles(work / "load.jsonl", articles)
                ingest = subprocess.Popen([sys.executable, "-m", "dragoman", "ingest", str(feed),
                                           "--db", str(store)], stdout=subprocess.DEVNULL,
                                          stderr=subprocess.PIPE, env=env)
            before = _stored(base)
            results, failures, wall = asyncio.run(_load(base, clients, duration))
            during = _stored(base)
            still = ingest is not None and ingest.poll() is None
            ingest_rc = ingest.wait(timeout=900) if ingest else None
        finally:
            server.terminate()
            server.wait(timeout=30)
            if ingest and ingest.poll() is None:
                ingest.terminate()
        total = sum(len(v) for v in results.values())
        every = [x for v in results.values() for x in v]
        print(f"load: {clients} clients for {duration:g} s on 127.0.0.1 "
              f"(ingest of {articles} articles alongside: "
              f"{'none' if ingest is None else 'exit ' + str(ingest_rc)})")
        print(f"requests={total} failed={len(failures)} throughput={total / wall:.1f}/s")
        print(f"stored articles: {before} before the load, {during} at its end"
              + (" (the ingest was still writing)" if still else ""))
        print(f"{'endpoint':16} {'n':>6} {'p50_ms':>8} {'p95_ms':>8} {'p99_ms':>8}")
        for name, _ in MIX:
            v = results.get(name, [])
            print(f"{name:16} {len(v):6d} {1000 * _percentile(v, 50):8.1f} "
                  f"{1000 * _percentile(v, 95):8.1f} {1000 * _percentile(v, 99):8.1f}")
        print(f"{'all':16} {total:6d} {1000 * _percentile(every, 50):8.1f} "
              f"{1000 * _percentile(every, 95):8.1f} {1000 * _percentile(every, 99):8.1f}")
        for why in failures[:10]:
            print("failed:", why)
        if ingest is not None and ingest_rc != 0:
            print("ingest failed:", ingest.stderr.read().decode()[-2000:])
            return len(failures) + 1
        return len(failures)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--db", type=Path, help="a store to copy (default: build one from examples/)")
    ap.add_argument("--clients", type=int, default=200)
    ap.add_argument("--duration", type=float, default=30.0, help="seconds")
    ap.add_argument("--articles", type=int, default=200,
                    help="articles to ingest while the load runs (0: reads only)")
    args = ap.parse_args(argv)
    return 1 if run(args.db, args.clients, args.duration, args.articles) else 0


if __name__ == "__main__":
    sys.exit(main())
