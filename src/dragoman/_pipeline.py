"""Runs the stages in order: parse, actors, quotes, events."""
from __future__ import annotations

import dataclasses
import itertools
import re
from collections import deque
from collections.abc import Iterable, Iterator

from spacy.tokens import Doc

from . import _nlp as nlp_mod
from ._actors import Dictionary, find_actors
from ._coref import Resolver
from ._errors import (AnalysisError, ArticleTimeout, ArticleTypeError, DragomanError,
                     SettingError, TooLongError)
from ._events import find_events, places_of
from ._limits import Expired, checkpoint, time_budget
from ._model import Analysis, Article
from ._quotes import find_quotes
from ._readers import Failed, article_from_text, check_date, content_id
from ._settings import UNSET, Settings, resolve

__all__ = ["analyze", "analyze_many", "analyze_items", "analyze_doc", "Settings"]
from ._lexicon import words

_WORD = re.compile(r"[^\W\d_]+")
_ENGLISH = words("english_function_words")


def english_share(text: str, sample: int = 4000) -> float | None:
    """Share of common English words among the first words, None if too few words."""
    words = _WORD.findall(text[:sample].lower())
    if len(words) < 8:
        return None
    return sum(w in _ENGLISH for w in words) / len(words)


def language_warnings(text: str) -> list[str]:
    """A warning when the text does not look English (it is analysed anyway)."""
    share = english_share(text)
    if share is not None and share < 0.08:
        return ["the text does not look like English; the English pipeline analysed it "
                "anyway and results may be poor"]
    return []


def analyze_doc(doc: Doc, article: Article, *, dictionary: Dictionary | None = None,
                settings: Settings | None = None) -> Analysis:
    """Run the extraction stages over an already parsed article.

    Args:
        doc: the article's text parsed by the pipeline.
        article: the article.
        dictionary: the actor dictionary (``dragoman._actors.load_dictionary``); the
            built-in one when None.
        settings: the event models' switches and margins; ``Settings.from_env()`` when
            None.
    """
    if settings is None:
        settings = Settings.from_env()
    actors = find_actors(doc, dictionary=dictionary)
    checkpoint()  # the time budget, where no signal can interrupt (other threads)
    # one resolver per article, shared: events see the speakers the quotes stage found
    resolver = Resolver(doc, actors)
    quotes = find_quotes(doc, actors, resolver=resolver)
    checkpoint()
    events, counts = find_events(doc, actors, quotes, published=article.published,
                                 resolver=resolver, settings=settings)
    return Analysis(article, actors.actors, quotes, events, counts,
                    language_warnings(article.text), places_of(doc, actors))


_SURROGATE = re.compile("[\ud800-\udfff]")
_LONE_CR = re.compile("\r(?!\n)")


def _as_article(item: Article | str, published: str | None, settings: Settings) -> Article:
    """An Article with the date filled in and its text made safe to parse.

    Lone surrogates (which no parser or UTF-8 output accepts; JSON escapes can make
    them) become U+FFFD and lone CR line ends become LF, one code point for one, so
    that offsets hold; the output then carries the text the offsets point into.

    Raises:
        ArticleTypeError: ``item`` is neither text nor an Article.
        DateError: the article's own date is not a usable ISO date.
        TooLongError: the text is longer than ``settings.max_chars``.
    """
    if isinstance(item, str):
        article = article_from_text(item)
    elif isinstance(item, Article) and isinstance(item.text, str):
        article = item
    else:
        raise ArticleTypeError(f"an article must be its text (a str) or a dragoman.Article "
                               f"with a str text, not {type(item).__name__}")
    if settings.max_chars and len(article.text) > settings.max_chars:
        raise TooLongError(f"{article.path or article.id}: the article is too long "
                           f"({len(article.text):,} characters; the limit is "
                           f"{settings.max_chars:,}); split it, or raise the limit with "
                           "--max-chars (max_chars= in Python)")
    if article.published:
        check_date(article.published, f"{article.id}")
    if published and not article.published:
        article = dataclasses.replace(article, published=published)
    text = article.text
    if _SURROGATE.search(text):
        text = _SURROGATE.sub("\ufffd", text)
    if "\r" in text:
        text = _LONE_CR.sub("\n", text)
    if text != article.text:
        article = dataclasses.replace(article, text=text, text_in_output=True)
    if _SURROGATE.search(article.id):
        article = dataclasses.replace(article, id=_SURROGATE.sub("\ufffd", article.id))
    return article


def analyze(text_or_article: Article | str, published: str | None = None, *,
            model: str | None = UNSET, dictionary: Dictionary | None = None,
            article_timeout: float | None = UNSET, max_chars: int | None = UNSET,
            settings: Settings | None = None) -> Analysis:
    """Analyse one article (an :class:`Article` or plain text).

    Args:
        text_or_article: the article, or its text.
        published: ISO date (YYYY-MM-DD) that relative dates are resolved against
            when the article has none.
        model: a spaCy pipeline name; the default English one when None.
        dictionary: the actor dictionary; the built-in one when None.
        article_timeout: seconds the article may take (None: no limit).
        max_chars: the longest text accepted (None: no limit).
        settings: how the analysis runs (:class:`Settings`); ``Settings.from_env()``
            when None. ``model``, ``article_timeout`` and ``max_chars``, when given,
            override it.

    Raises:
        ArticleTypeError: (a TypeError) ``text_or_article`` is not text or an Article.
        DateError: (a ValueError) ``published`` is not a usable ISO date.
        SettingError: (a ValueError) a setting's value is not one it takes.
        TooLongError: the text is longer than ``max_chars``.
        ArticleTimeout: the analysis took longer than ``article_timeout``.
        AnalysisError: the analysis failed (out of memory, a parser error).
    """
    return next(analyze_many([text_or_article], published, model=model,
                             dictionary=dictionary, article_timeout=article_timeout,
                             max_chars=max_chars, settings=settings))


def analyze_many(items: Iterable[Article | str], published: str | None = None, *,
                 model: str | None = UNSET, dictionary: Dictionary | None = None,
                 batch_size: int = UNSET, article_timeout: float | None = UNSET,
                 max_chars: int | None = UNSET, settings: Settings | None = None,
                 workers: int = 1) -> Iterator[Analysis]:
    """Analyse many articles in order, parsing them in batches with ``nlp.pipe``.

    ``workers`` above 1 analyses the batches in that many local processes (each
    loads the model once, which takes seconds: worth it for hundreds of articles);
    the analyses are the same, in the same order. The other arguments are those of
    :func:`analyze`; ``batch_size`` overrides ``settings.batch_size``.

    Raises the first article's error (see :func:`analyze`); :func:`analyze_items`
    instead reports each failure in its place and goes on.
    """
    published = check_date(published, "published")
    settings = resolve(settings, model=model, batch_size=batch_size,
                       article_timeout=article_timeout, max_chars=max_chars)
    workers = _check_workers(workers)
    if isinstance(items, (str, Article)) or items is None:
        raise ArticleTypeError("analyze_many takes an iterable of articles (texts or "
                               f"dragoman.Article), not {type(items).__name__}; use "
                               "analyze() for one")
    for result in _run(iter(items), published, dictionary, settings, workers,
                       read_failures=False):
        if isinstance(result, Failed):
            raise result.exc or AnalysisError(result.error)
        yield result


def analyze_items(items: Iterable[Article | Failed], published: str | None = None, *,
                  model: str | None = UNSET, dictionary: Dictionary | None = None,
                  batch_size: int = UNSET, article_timeout: float | None = UNSET,
                  max_chars: int | None = UNSET, settings: Settings | None = None,
                  workers: int = 1) -> Iterator[Analysis | Failed]:
    """Analyse a stream of read inputs in order, never stopping at a bad one.

    Inputs that could not be read pass through as they are; an article whose
    analysis fails (an error, too long, out of memory, out of time) becomes a
    :class:`Failed` record in its place. An id seen earlier in the stream adds a
    warning to the analysis. The arguments are those of :func:`analyze_many`.
    """
    published = check_date(published, "published")
    settings = resolve(settings, model=model, batch_size=batch_size,
                       article_timeout=article_timeout, max_chars=max_chars)
    workers = _check_workers(workers)
    yield from _warn_repeated_ids(_run(iter(items), published, dictionary, settings,
                                       workers, read_failures=True))


def analyze_stream(items: Iterable[Article | Failed | str], published: str | None,
                   dictionary: Dictionary | None,
                   settings: Settings) -> Iterator[Analysis | Failed]:
    """:func:`analyze_items` in this process, with checked arguments and without the
    warnings about repeated ids (what a worker runs over its share of a stream)."""
    return _analyze(iter(items), published, dictionary, settings, read_failures=True)


def _warn_repeated_ids(results: Iterable[Analysis | Failed]) -> Iterator[Analysis | Failed]:
    """The results, each analysis whose id came earlier with a warning saying so."""
    seen: set[str] = set()
    for result in results:
        if isinstance(result, Analysis):
            ident = result.article.id
            if ident in seen:
                result.warnings.append(f"another article in this batch has the id "
                                       f"{ident!r}; give each article its own id")
            seen.add(ident)
        yield result


def _check_workers(workers: object) -> int:
    if isinstance(workers, bool) or not isinstance(workers, int) or workers < 1:
        raise SettingError(f"workers must be a whole number of processes above 0, found "
                           f"{workers!r}")
    return workers


def _run(items: Iterator[Article | Failed | str], published: str | None,
         dictionary: Dictionary | None, settings: Settings, workers: int, *,
         read_failures: bool) -> Iterator[Analysis | Failed]:
    """In this process, or (``workers`` > 1) in local worker processes."""
    if workers == 1:
        return _analyze(items, published, dictionary, settings, read_failures=read_failures)
    return _analyze_in_processes(items, published, dictionary, settings, workers,
                                 read_failures=read_failures)


#: Batches in flight at once when analysing in worker processes.
WINDOW = 4


def _analyze_in_processes(items: Iterator[Article | Failed | str], published: str | None,
                          dictionary: Dictionary | None, settings: Settings,
                          workers: int, *, read_failures: bool
                          ) -> Iterator[Analysis | Failed]:
    """What :func:`_analyze` gives, the batches analysed by ``workers`` processes.

    Inputs are checked here (bad ones become Failed records in place, as in one
    process); the articles of each batch are shared among the workers (the engine of
    ``ingest --workers``), and the results come back in input order.
    """
    from . import _engines as engines

    engine = engines.Processes(workers, engines.Job(settings, published=published,
                                                    dictionary=dictionary))
    pending: deque[tuple[list[Article | Failed], object]] = deque()

    def drain(keep: int) -> Iterator[Analysis | Failed]:
        while len(pending) > keep:
            batch, handle = pending.popleft()
            results = iter(engine.result(handle))  # type: ignore[arg-type]
            for item in batch:
                yield item if isinstance(item, Failed) else next(results)

    try:
        while chunk := list(itertools.islice(items, settings.batch_size)):
            batch = [_checked(item, published, settings, read_failures) for item in chunk]
            pending.append((batch, engine.submit([x for x in batch
                                                  if isinstance(x, Article)])))
            yield from drain(WINDOW)
        yield from drain(0)
    finally:
        engine.close()


def _checked(item: Article | Failed | str, published: str | None, settings: Settings,
             read_failures: bool) -> Article | Failed:
    """The input as an Article ready to parse, or the Failed record it is or makes."""
    if isinstance(item, Failed):
        if not read_failures:
            raise ArticleTypeError("analyze_many takes texts or dragoman.Article, "
                                   "not a Failed record; use analyze_items")
        return item
    try:
        return _as_article(item, published, settings)
    except DragomanError as exc:
        ident = item.id if isinstance(item, Article) else \
            content_id(item) if isinstance(item, str) else "<article>"
        return Failed(ident, str(exc), exc)


def _failure(ident: str, exc: BaseException, settings: Settings, size: int) -> Failed:
    """The Failed record for an article whose analysis raised ``exc``."""
    if isinstance(exc, Expired):
        err: DragomanError = ArticleTimeout(
            f"{ident}: the analysis took longer than its time budget of "
            f"{settings.article_timeout:g} s ({size:,} characters) and was stopped; raise "
            "it with --article-timeout (article_timeout= in Python), or split the article")
    elif isinstance(exc, MemoryError):
        err = AnalysisError(f"{ident}: out of memory analysing the article ({size:,} "
                            "characters); split it, or lower --max-chars to refuse such "
                            "articles up front")
    elif isinstance(exc, DragomanError):
        err = exc
    else:
        err = AnalysisError(f"{ident}: analysis failed: {exc.__class__.__name__}: {exc}")
    if err is not exc:
        err.__cause__ = exc
    return Failed(ident, str(err), err)


def _analyze(items: Iterator[Article | Failed | str], published: str | None,
             dictionary: Dictionary | None, settings: Settings, *,
             read_failures: bool) -> Iterator[Analysis | Failed]:
    """The stages over every item in order, each failure a Failed record in its place.

    Short articles are parsed in batches; when a batch fails or runs out of time, its
    articles are parsed again one at a time, each within its own budget.
    """
    nlp = nlp_mod.load(settings.model)
    budget = settings.article_timeout
    batch_size = settings.batch_size
    pending: list[Article | Failed] = []

    def one(item: Article | Failed, doc: Doc | None) -> Analysis | Failed:
        if isinstance(item, Failed):
            return item
        try:
            with time_budget(budget):
                if doc is None:
                    doc = nlp_mod.parse(nlp, item.text)
                checkpoint()
                return analyze_doc(doc, item, dictionary=dictionary, settings=settings)
        except (Exception, MemoryError, Expired, RecursionError) as exc:
            return _failure(item.id, exc, settings, len(item.text))

    def flush() -> Iterator[Analysis | Failed]:
        articles = [x for x in pending if isinstance(x, Article)]
        docs: Iterator[Doc | None] = iter(())
        if len(articles) > 1:
            try:
                with time_budget(budget):
                    docs = iter(nlp_mod.parse_batch(nlp, [a.text for a in articles],
                                                    batch_size=batch_size))
            except (Exception, MemoryError, Expired):
                docs = iter(())
        for item in pending:
            yield one(item, None if isinstance(item, Failed) else next(docs, None))
        pending.clear()

    for item in items:
        article = _checked(item, published, settings, read_failures)
        if isinstance(article, Failed):
            pending.append(article)
            continue
        if len(article.text) > nlp_mod.CHUNK_CHARS:
            yield from flush()
            yield one(article, None)
        else:
            pending.append(article)
            if len(pending) >= batch_size:
                yield from flush()
    yield from flush()
