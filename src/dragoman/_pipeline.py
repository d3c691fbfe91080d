"""Runs the stages in order: parse, actors, quotes, events."""
from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Iterator

from spacy.tokens import Doc

from . import _nlp as nlp_mod
from ._actors import Dictionary, find_actors
from ._coref import Resolver
from ._errors import (AnalysisError, ArticleTimeout, ArticleTypeError, DragomanError,
                     SettingError, TooLongError)
from ._events import find_events, places_of
from ._limits import Expired, check_budget, checkpoint, time_budget
from ._model import Analysis, Article
from ._quotes import find_quotes
from ._readers import (DEFAULT_MAX_CHARS, Failed, article_from_text, check_date,
                      content_id)
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


def analyze_doc(doc: Doc, article: Article, *,
                dictionary: Dictionary | None = None) -> Analysis:
    """Run the extraction stages over an already parsed article.

    Args:
        doc: the article's text parsed by the pipeline.
        article: the article.
        dictionary: the actor dictionary (``dragoman._actors.load_dictionary``); the
            built-in one when None.
    """
    actors = find_actors(doc, dictionary=dictionary)
    checkpoint()  # the time budget, where no signal can interrupt (other threads)
    # one resolver per article, shared: events see the speakers the quotes stage found
    resolver = Resolver(doc, actors)
    quotes = find_quotes(doc, actors, resolver=resolver)
    checkpoint()
    events, counts = find_events(doc, actors, quotes, published=article.published,
                                 resolver=resolver)
    return Analysis(article, actors.actors, quotes, events, counts,
                    language_warnings(article.text), places_of(doc, actors))


_SURROGATE = re.compile("[\ud800-\udfff]")
_LONE_CR = re.compile("\r(?!\n)")


@dataclasses.dataclass(frozen=True)
class Settings:
    """Per-article limits.

    Attributes:
        article_timeout: seconds one article may take, parse included (None: no limit);
            an article over it fails with :class:`ArticleTimeout`.
        max_chars: the longest article accepted, in characters (None: no limit); a
            longer one fails with :class:`TooLongError`.
    """

    article_timeout: float | None = None
    max_chars: int | None = DEFAULT_MAX_CHARS

    def __post_init__(self) -> None:
        object.__setattr__(self, "article_timeout", check_budget(self.article_timeout))
        mc = self.max_chars
        if mc is not None and (isinstance(mc, bool) or not isinstance(mc, int) or mc < 1):
            raise SettingError(f"max_chars must be a whole number of characters above 0 "
                               f"(or None: no limit), found {mc!r}")


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
            model: str | None = None, dictionary: Dictionary | None = None,
            article_timeout: float | None = None,
            max_chars: int | None = DEFAULT_MAX_CHARS) -> Analysis:
    """Analyse one article (an :class:`Article` or plain text).

    Args:
        text_or_article: the article, or its text.
        published: ISO date (YYYY-MM-DD) that relative dates are resolved against
            when the article has none.
        model: a spaCy pipeline name; the default English one when None.
        dictionary: the actor dictionary; the built-in one when None.
        article_timeout: seconds the article may take (None: no limit).
        max_chars: the longest text accepted (None: no limit).

    Raises:
        ArticleTypeError: (a TypeError) ``text_or_article`` is not text or an Article.
        DateError: (a ValueError) ``published`` is not a usable ISO date.
        TooLongError: the text is longer than ``max_chars``.
        ArticleTimeout: the analysis took longer than ``article_timeout``.
        AnalysisError: the analysis failed (out of memory, a parser error).
    """
    return next(analyze_many([text_or_article], published, model=model,
                             dictionary=dictionary, article_timeout=article_timeout,
                             max_chars=max_chars))


def analyze_many(items: Iterable[Article | str], published: str | None = None, *,
                 model: str | None = None, dictionary: Dictionary | None = None,
                 batch_size: int = 32, article_timeout: float | None = None,
                 max_chars: int | None = DEFAULT_MAX_CHARS) -> Iterator[Analysis]:
    """Analyse many articles in order, parsing them in batches with ``nlp.pipe``.

    Raises the first article's error (see :func:`analyze`); :func:`analyze_items`
    instead reports each failure in its place and goes on.
    """
    published = check_date(published, "published")
    settings = Settings(article_timeout, max_chars)
    if isinstance(items, (str, Article)) or items is None:
        raise ArticleTypeError("analyze_many takes an iterable of articles (texts or "
                               f"dragoman.Article), not {type(items).__name__}; use "
                               "analyze() for one")
    for result in _analyze(iter(items), published, model, dictionary, batch_size, settings,
                           read_failures=False):
        if isinstance(result, Failed):
            raise result.exc or AnalysisError(result.error)
        yield result


def analyze_items(items: Iterable[Article | Failed], published: str | None = None, *,
                  model: str | None = None, dictionary: Dictionary | None = None,
                  batch_size: int = 32, article_timeout: float | None = None,
                  max_chars: int | None = DEFAULT_MAX_CHARS) -> Iterator[Analysis | Failed]:
    """Analyse a stream of read inputs in order, never stopping at a bad one.

    Inputs that could not be read pass through as they are; an article whose
    analysis fails (an error, too long, out of memory, out of time) becomes a
    :class:`Failed` record in its place. An id seen earlier in the batch adds a
    warning to the analysis.
    """
    published = check_date(published, "published")
    settings = Settings(article_timeout, max_chars)
    seen: set[str] = set()
    for result in _analyze(iter(items), published, model, dictionary, batch_size, settings,
                           read_failures=True):
        if isinstance(result, Analysis):
            ident = result.article.id
            if ident in seen:
                result.warnings.append(f"another article in this batch has the id "
                                       f"{ident!r}; give each article its own id")
            seen.add(ident)
        yield result


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
             model: str | None, dictionary: Dictionary | None, batch_size: int,
             settings: Settings, *, read_failures: bool) -> Iterator[Analysis | Failed]:
    """The stages over every item in order, each failure a Failed record in its place.

    Short articles are parsed in batches; when a batch fails or runs out of time, its
    articles are parsed again one at a time, each within its own budget.
    """
    nlp = nlp_mod.load(model)
    budget = settings.article_timeout
    pending: list[Article | Failed] = []

    def one(item: Article | Failed, doc: Doc | None) -> Analysis | Failed:
        if isinstance(item, Failed):
            return item
        try:
            with time_budget(budget):
                if doc is None:
                    doc = nlp_mod.parse(nlp, item.text)
                checkpoint()
                return analyze_doc(doc, item, dictionary=dictionary)
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
        if isinstance(item, Failed):
            if not read_failures:
                raise ArticleTypeError("analyze_many takes texts or dragoman.Article, "
                                       "not a Failed record; use analyze_items")
            pending.append(item)
            continue
        try:
            article = _as_article(item, published, settings)
        except DragomanError as exc:
            ident = item.id if isinstance(item, Article) else \
                content_id(item) if isinstance(item, str) else "<article>"
            pending.append(Failed(ident, str(exc), exc))
            continue
        if len(article.text) > nlp_mod.CHUNK_CHARS:
            yield from flush()
            yield one(article, None)
        else:
            pending.append(article)
            if len(pending) >= batch_size:
                yield from flush()
    yield from flush()
