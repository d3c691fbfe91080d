"""The short variant of benchmarks/load.py: a few seconds of concurrent clients on
loopback while an ingest writes to the same store; no request may fail."""
from __future__ import annotations

import importlib.util

from .conftest import ROOT


def test_short_load_has_no_failed_requests(example_db, capsys):
    spec = importlib.util.spec_from_file_location("load", ROOT / "benchmarks" / "load.py")
    load = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(load)
    rc = load.main(["--db", str(example_db), "--clients", "10", "--duration", "3",
                    "--articles", "2"])
    out = capsys.readouterr().out
    assert "failed=0" in out and "ingest of 2 articles alongside: exit 0" in out, out
    assert rc == 0
    requests = int(out.split("requests=")[1].split()[0])
    assert requests >= 10
    all_line = next(line for line in out.splitlines() if line.startswith("all "))
    p50, p95, p99 = (float(x) for x in all_line.split()[2:5])
    assert 0 < p50 <= p95 <= p99
