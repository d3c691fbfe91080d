"""Errors dragoman raises, each with a message that says what was expected and the fix.

    DragomanError            every error of ours
    ├── InputError           a file, line or field cannot be read as an article
    │   ├── EncodingError    bytes that are not text in the expected encoding
    │   └── EmptyInputError  nothing to analyse (empty file, HTML with no body)
    ├── DictionaryError      a user actor file (--actors) has a malformed row
    ├── ModelError           the spaCy pipeline cannot be loaded
    └── StoreError           a corpus store cannot be opened or written
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


class DictionaryError(DragomanError):
    """A user actor file has a malformed row."""


class ModelError(DragomanError):
    """The spaCy pipeline cannot be loaded."""


class StoreError(DragomanError):
    """A corpus store cannot be opened (corrupt, foreign, newer) or written."""
