"""Errors dragoman raises, each with a message that says what was expected and the fix.

    DragomanError              every error of ours
    ├── InputError             a file, line or field cannot be read as an article
    │   ├── EncodingError      bytes that are not text in the expected encoding
    │   ├── EmptyInputError    nothing to analyse (empty file, HTML with no body)
    │   └── TooLongError       an article longer than the size limit (--max-chars)
    ├── SettingError           a bad argument or option value (also a ValueError)
    │   └── DateError          a date that is not YYYY-MM-DD in a usable range (also an InputError)
    ├── ArticleTypeError       an article that is neither text nor an Article (also a TypeError)
    ├── AnalysisError          one article's analysis failed (memory, parser)
    │   └── ArticleTimeout     one article took longer than its time budget
    ├── DictionaryError        a user actor file (--actors) has a malformed row
    ├── ModelError             the spaCy pipeline cannot be loaded
    └── StoreError             a corpus store cannot be opened or written
"""
from __future__ import annotations


class DragomanError(Exception):
    """Base of every dragoman error."""


class InputError(DragomanError):
    """An input cannot be read as an article."""


class EncodingError(InputError):
    """The bytes are not valid text in the encoding asked for."""


class EmptyInputError(InputError):
    """The input holds no text to analyse."""


class TooLongError(InputError):
    """The article is longer than the size limit."""


class SettingError(DragomanError, ValueError):
    """An argument or option has a value dragoman cannot use (a date, a limit)."""


class DateError(InputError, SettingError):
    """A publication date that is not an ISO day dates can be resolved against."""


class ArticleTypeError(DragomanError, TypeError):
    """What was given as an article is neither a str nor an Article."""


class AnalysisError(DragomanError):
    """One article could not be analysed (out of memory, a parser error)."""


class ArticleTimeout(AnalysisError):
    """One article took longer than its time budget (``article_timeout``)."""


class DictionaryError(DragomanError):
    """A user actor file has a malformed row."""


class ModelError(DragomanError):
    """The spaCy pipeline cannot be loaded."""


class StoreError(DragomanError):
    """A corpus store cannot be opened (corrupt, foreign, newer) or written."""
