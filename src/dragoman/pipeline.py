"""Runs the stages in order: parse, actors, quotes, events."""
from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Iterator

from spacy.tokens import Doc

from . import nlp as nlp_mod
from .actors import Dictionary, find_actors
from .coref import Resolver
from .events import find_events, places_of
from .model import Analysis, Article
from .quotes import find_quotes
from .readers import Failed, article_from_text

_WORD = re.compile(r"[^\W\d_]+")
_ENGLISH = frozenset(
    "the of and to is that for on it with as was be by at said are from has have not "
    "this but or were its which he she they his their will would been who".split())


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
        dictionary: the actor dictionary (``dragoman.actors.load_dictionary``); the
            built-in one when None.
    """
    actors = find_actors(doc, dictionary=dictionary)
    # one resolver per article, shared: events see the speakers the quotes stage found
    resolver = Resolver(doc, actors)
    quotes = find_quotes(doc, actors, resolver=resolver)
    events, counts = find_events(doc, actors, quotes, published=article.published,
                                 resolver=resolver)
    return Analysis(article, actors.actors, quotes, events, counts,
                    language_warnings(article.text), places_of(doc, actors))


_SURROGATE = re.compile("[\ud800-\udfff]")


def _as_article(item: Article | str, published: str | None) -> Article:
    """An Article with the date filled in, and lone surrogates (which no parser or
    UTF-8 output accepts; JSON escapes can make them) replaced by U+FFFD, one code
    point for one, so that offsets hold."""
    article = item if isinstance(item, Article) else article_from_text(item)
    if published and not article.published:
        article = dataclasses.replace(article, published=published)
    if _SURROGATE.search(article.text):
        article = dataclasses.replace(article, text=_SURROGATE.sub("\ufffd", article.text),
                                      text_in_output=True)
    return article


def analyze(text_or_article: Article | str, published: str | None = None, *,
            model: str | None = None, dictionary: Dictionary | None = None) -> Analysis:
    """Analyse one article (an :class:`Article` or plain text).

    Args:
        text_or_article: the article, or its text.
        published: ISO date that relative dates are resolved against when the
            article has none.
        model: a spaCy pipeline name; the default English one when None.
        dictionary: the actor dictionary; the built-in one when None.
    """
    return next(analyze_many([text_or_article], published, model=model,
                             dictionary=dictionary))


def analyze_many(items: Iterable[Article | str], published: str | None = None, *,
                 model: str | None = None, dictionary: Dictionary | None = None,
                 batch_size: int = 32) -> Iterator[Analysis]:
    """Analyse many articles in order, parsing them in batches with ``nlp.pipe``."""
    nlp = nlp_mod.load(model)
    articles = (_as_article(i, published) for i in items)
    for doc, article in nlp_mod.pipe(nlp, ((a.text, a) for a in articles),
                                     batch_size=batch_size):
        yield analyze_doc(doc, article, dictionary=dictionary)


def analyze_items(items: Iterable[Article | Failed], published: str | None = None, *,
                  model: str | None = None, dictionary: Dictionary | None = None,
                  batch_size: int = 32) -> Iterator[Analysis | Failed]:
    """Analyse a stream of read inputs in order, never stopping at a bad one.

    Inputs that could not be read pass through as they are; an article whose
    analysis raises becomes a :class:`Failed` record in its place.
    """
    nlp = nlp_mod.load(model)

    def pairs() -> Iterator[tuple[str, Article | Failed]]:
        for item in items:
            yield ("", item) if isinstance(item, Failed) else \
                (item.text, _as_article(item, published))

    for doc, item in nlp_mod.pipe(nlp, pairs(), batch_size=batch_size):
        if isinstance(item, Failed):
            yield item
            continue
        try:
            yield analyze_doc(doc, item, dictionary=dictionary)
        except Exception as exc:  # one article's failure must not stop the batch
            yield Failed(item.id, f"analysis failed: {exc.__class__.__name__}: {exc}")
