"""The per-article time budget: a pathological article becomes an error, not a hang.

In the main thread the budget is a real-time timer (``SIGALRM``) that interrupts the
article wherever it is, parse included; in other threads, where signals cannot be
delivered, it is checked between the stages (:func:`checkpoint`).
"""
from __future__ import annotations

import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

from ._errors import SettingError


#: The command line's default budget of one article, in seconds: far above what an
#: article takes (a 1 MB article takes about a minute), so only a hang reaches it.
DEFAULT_ARTICLE_TIMEOUT = 600.0


class Expired(BaseException):
    """Raised inside an article's analysis when its time is up.

    A BaseException, so that no ``except Exception`` in a stage can swallow it; the
    pipeline turns it into :class:`dragoman.ArticleTimeout`.
    """


_local = threading.local()


def check_budget(seconds: object, where: str = "article_timeout") -> float | None:
    """A time budget in seconds (None or 0: no budget); a clear error otherwise."""
    if seconds is None or seconds == 0:
        return None
    if isinstance(seconds, bool) or not isinstance(seconds, (int, float)) \
            or not 0 < seconds < 1e9:
        raise SettingError(f"{where} must be a number of seconds above 0 (0 or None: no "
                           f"limit), found {seconds!r}")
    return float(seconds)


def _can_signal() -> bool:
    return (hasattr(signal, "setitimer")
            and threading.current_thread() is threading.main_thread())


@contextmanager
def time_budget(seconds: float | None) -> Iterator[None]:
    """Raise :class:`Expired` in the block when it runs longer than ``seconds``."""
    if not seconds:
        yield
        return
    previous = getattr(_local, "deadline", None)
    _local.deadline = time.monotonic() + seconds
    if not _can_signal():
        try:
            yield
        finally:
            _local.deadline = previous
        return

    def expire(signum: int, frame: object) -> None:
        raise Expired()

    old = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)
        _local.deadline = previous


def checkpoint() -> None:
    """Raise :class:`Expired` when the current article's budget is spent."""
    deadline = getattr(_local, "deadline", None)
    if deadline is not None and time.monotonic() > deadline:
        raise Expired()
