"""Writing output: UTF-8 whatever the locale, one whole record at a time, and the
signals that end a batch (for the commands of cli.py)."""
from __future__ import annotations

import io
import json
import os
import signal
import sys


def emit(text: str, *, err: bool = False) -> None:
    """Write ``text`` as UTF-8, whatever the locale, in one piece.

    Anything that cannot be encoded (a lone surrogate) becomes "?"; Ctrl-C and SIGTERM
    are held back during the write, so that a line is never cut in half.
    """
    stream = sys.stderr if err else sys.stdout
    data = text.encode("utf-8", "replace")
    block = {signal.SIGINT, signal.SIGTERM}
    masked = hasattr(signal, "pthread_sigmask")
    if masked:
        signal.pthread_sigmask(signal.SIG_BLOCK, block)
    try:
        buffer = getattr(stream, "buffer", None)
        if buffer is not None:
            stream.flush()
            buffer.write(data)
            buffer.flush()
        else:
            stream.write(data.decode("utf-8"))
            stream.flush()
    finally:
        if masked:
            signal.pthread_sigmask(signal.SIG_UNBLOCK, block)


#: Characters that str.splitlines() takes for line ends but JSON leaves raw with
#: ensure_ascii=False: escaped, so that a reader splitting lines gets whole records.
_LINE_BREAKS = str.maketrans({"\x85": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"})


def to_json(obj: object, indent: int | None = None) -> str:
    """JSON text of ``obj``, UTF-8 characters kept, line separators escaped."""
    return json.dumps(obj, ensure_ascii=False, indent=indent).translate(_LINE_BREAKS)


class Utf8Console:
    """What rich renders for: standard output's terminal and size, but UTF-8 always
    (rendering is captured and written with :func:`emit`)."""

    encoding = "utf-8"

    def __init__(self, stream: object) -> None:
        self._stream = stream

    def isatty(self) -> bool:
        return bool(getattr(self._stream, "isatty", lambda: False)())

    def fileno(self) -> int:
        return self._stream.fileno()  # type: ignore[attr-defined]

    def write(self, text: str) -> int:
        emit(text)
        return len(text)

    def flush(self) -> None:
        pass


class Terminated(BaseException):
    """SIGTERM, raised where the batch is, so that it ends like Ctrl-C."""


def terminate(signum: int, frame: object) -> None:
    raise Terminated()


def quiet_broken_pipe() -> None:
    """The reader of our output has gone (``| head -1``): stop without a word."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError, io.UnsupportedOperation):
        pass
