"""Progress of a long ingest: a rich bar on a terminal, plain log lines otherwise."""
from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from ._corpus import Summary


@contextmanager
def reporter(label: str, *, total: int | None = None,
             every: float = 10.0) -> Iterator[Callable[[Summary], None]]:
    """A callback for ``ingest(on_progress=...)`` that shows articles/s and (with a
    known ``total``) the ETA."""
    if sys.stderr.isatty():
        from rich.console import Console
        from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TextColumn,
                                   TimeElapsedColumn, TimeRemainingColumn)

        columns = [TextColumn(label), BarColumn(), MofNCompleteColumn(),
                   TextColumn("{task.fields[rate]:.1f} articles/s"), TimeElapsedColumn(),
                   TimeRemainingColumn()]
        with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
            task = bar.add_task(label, total=total, rate=0.0)

            def update(s: Summary) -> None:
                bar.update(task, completed=s.read,
                           rate=s.read / s.seconds if s.seconds else 0.0)
            yield update
        return
    last = [0.0]

    def log(s: Summary) -> None:
        now = time.monotonic()
        if now - last[0] >= every:
            last[0] = now
            rate = s.read / s.seconds if s.seconds else 0.0
            of = f"/{total}" if total else ""
            print(f"{label}: {s.read}{of} articles, {rate:.1f}/s, new {s.new}, "
                  f"duplicate {s.duplicate + s.near_duplicate}, failed {s.failed}",
                  file=sys.stderr, flush=True)
    yield log
