"""How an analysis runs: one frozen dataclass, passed to ``analyze*``.

Nothing here reads the environment when it is imported. ``Settings()`` holds the
built-in defaults; ``Settings.from_env()`` starts from the ``DRAGOMAN_*`` environment
variables as they are when it is called (the command line and ``analyze*`` without
``settings=`` use it), so a shell can still switch a model off::

    DRAGOMAN_EVENT_CLASSIFIER=0 dragoman analyze examples/

Every value is checked when a Settings is made: a bad one raises
:class:`~dragoman.SettingError` naming the field (or the variable) and what it takes.
"""
from __future__ import annotations

import dataclasses
import math
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any, ClassVar

from ._errors import SettingError
from ._events import classifier as _classifier, rolemodel as _rolemodel, sense as _sense
from ._limits import check_budget
from ._readers import DEFAULT_MAX_CHARS

#: Every environment variable ``from_env`` reads is this prefix and a field's name in
#: capitals: ``event_classifier`` is ``DRAGOMAN_EVENT_CLASSIFIER``.
ENV_PREFIX = "DRAGOMAN_"
_TRUE = frozenset(("1", "true", "yes", "on"))
_FALSE = frozenset(("0", "false", "no", "off"))


@dataclasses.dataclass(frozen=True)
class Settings:
    """How an analysis runs: the model, batches, limits and the trained event models.

    Pass one to :func:`analyze`, :func:`analyze_many` or :func:`analyze_items`
    (``settings=``). ``Settings()`` holds the built-in defaults; :meth:`from_env`
    reads ``DRAGOMAN_<FIELD>`` environment variables over them, when it is called
    (``analyze*`` without ``settings=`` use ``Settings.from_env()``). Values are
    checked: a bad one raises :class:`SettingError`.

    Attributes:
        model: the spaCy pipeline (an installed package name); the default English
            one when None.
        batch_size: articles parsed together by ``nlp.pipe``.
        article_timeout: seconds one article may take, parse included (None or 0: no
            limit); an article over it fails with :class:`ArticleTimeout`.
        max_chars: the longest article accepted, in characters (None or 0: no limit);
            a longer one fails with :class:`TooLongError`.
        event_classifier: let the sentence classifier settle a standalone sentence
            the rules leave without an event (off: the rules alone).
        event_roles: let the trained role model settle the sides of events.
        event_sense: let the trained sense filter drop factual events whose trigger
            is read in another sense.
        fill_margin: the classifier's margin over the runner-up above which it fills
            a sentence the rules left empty.
        arbitrate_margin: the classifier's margin above which it chooses among the
            rules' events of a sentence (those of its class stay).
        replace_margin: the margin above which it replaces them all when none is of
            its class.
        statement_margin: the margin of a "statement" verdict above which a
            standalone sentence's factual events are dropped.
        roles_fill: the role model's probability above which an empty side is filled.
        roles_drop: its probability of "no party" above which an uncoded side is
            dropped.
        sense_keep: the sense filter's probability of "right" under which a factual
            event is dropped.
        roles_model: weights (``.npz``) to use instead of the shipped role model
            (``scripts/train_roles.py --check`` writes them); None: the shipped one.
        sense_model: the same for the sense filter (``scripts/train_sense.py``).

    Example:

        >>> import dragoman
        >>> rules_only = dragoman.Settings(event_classifier=False, event_roles=False,
        ...                                event_sense=False)
        >>> [e.type for e in dragoman.analyze("Chile criticised Peru.",
        ...                                   settings=rules_only).events]
        ['ACCUSE']
        >>> rules_only.replace(batch_size=8).batch_size
        8
        >>> dragoman.Settings.from_env({"DRAGOMAN_EVENT_ROLES": "0"}).event_roles
        False
        >>> dragoman.Settings(batch_size=0)
        Traceback (most recent call last):
        ...
        dragoman._errors.SettingError: batch_size must be a whole number above 0, found 0
    """

    model: str | None = None
    batch_size: int = 32
    article_timeout: float | None = None
    max_chars: int | None = DEFAULT_MAX_CHARS
    event_classifier: bool = True
    event_roles: bool = True
    event_sense: bool = True
    # the trained models' defaults are kept where the models are (chosen when trained)
    fill_margin: float = _classifier.FILL_MARGIN
    arbitrate_margin: float = _classifier.ARBITRATE_MARGIN
    replace_margin: float = _classifier.REPLACE_MARGIN
    statement_margin: float = _classifier.STATEMENT_MARGIN
    roles_fill: float = _rolemodel.FILL
    roles_drop: float = _rolemodel.DROP
    sense_keep: float = _sense.KEEP
    roles_model: str | None = None
    sense_model: str | None = None

    #: fields that are probabilities (0 to 1) and margins (0 or more)
    _PROBABILITIES: ClassVar[tuple[str, ...]] = ("roles_fill", "roles_drop", "sense_keep")
    _MARGINS: ClassVar[tuple[str, ...]] = ("fill_margin", "arbitrate_margin",
                                           "replace_margin", "statement_margin")
    _SWITCHES: ClassVar[tuple[str, ...]] = ("event_classifier", "event_roles", "event_sense")

    def __post_init__(self) -> None:
        set_ = object.__setattr__
        if self.model is not None and (not isinstance(self.model, str)
                                       or not self.model.strip()):
            raise SettingError(f"model must be the name of an installed spaCy pipeline "
                               f"(or None: the default one), found {self.model!r}")
        bs = self.batch_size
        if isinstance(bs, bool) or not isinstance(bs, int) or bs < 1:
            raise SettingError(f"batch_size must be a whole number above 0, found {bs!r}")
        set_(self, "article_timeout", check_budget(self.article_timeout))
        mc = self.max_chars
        if mc is not None and (isinstance(mc, bool) or not isinstance(mc, int) or mc < 0):
            raise SettingError(f"max_chars must be a whole number of characters (0 or "
                               f"None: no limit), found {mc!r}")
        set_(self, "max_chars", mc or None)
        for name in self._SWITCHES:
            if not isinstance(getattr(self, name), bool):
                raise SettingError(f"{name} must be True or False, found "
                                   f"{getattr(self, name)!r}")
        for name in self._MARGINS + self._PROBABILITIES:
            value = getattr(self, name)
            top = 1.0 if name in self._PROBABILITIES else math.inf
            if isinstance(value, bool) or not isinstance(value, (int, float)) \
                    or not 0.0 <= value <= top or math.isnan(value):
                what = "a probability from 0 to 1" if top == 1.0 else \
                    "a finite number, 0 or more"
                raise SettingError(f"{name} must be {what}, found {value!r}")
            if math.isinf(value):
                raise SettingError(f"{name} must be a finite number, 0 or more, found "
                                   f"{value!r}")
            set_(self, name, float(value))
        for name in ("roles_model", "sense_model"):
            value = getattr(self, name)
            if value is None:
                continue
            if not isinstance(value, (str, os.PathLike)):
                raise SettingError(f"{name} must be the path of an .npz file of weights "
                                   f"(or None: the shipped model), found {value!r}")
            if not Path(value).is_file():
                raise SettingError(f"{name}: no such file: {os.fspath(value)}")
            set_(self, name, os.fspath(value))

    def replace(self, **changes: Any) -> Settings:
        """A copy with ``changes`` (checked like the constructor's arguments).

        Raises:
            SettingError: a name that is no field, or a bad value.
        """
        unknown = sorted(set(changes) - {f.name for f in dataclasses.fields(self)})
        if unknown:
            raise SettingError(f"unknown setting(s) {', '.join(unknown)}; the settings "
                               f"are {', '.join(f.name for f in dataclasses.fields(self))}")
        return dataclasses.replace(self, **changes)

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None,
                 **overrides: Any) -> Settings:
        """The defaults, with each ``DRAGOMAN_<FIELD>`` variable set in ``environ``
        (``os.environ`` as it is now when None) over them, then ``overrides``.

        Switches take 1/0, true/false, yes/no or on/off; optional values take
        ``none`` (or an empty value: the default) and ``max_chars``/``article_timeout``
        take 0 for no limit.

        Raises:
            SettingError: a variable's value is not what its field takes (the message
                names the variable).
        """
        env = os.environ if environ is None else environ
        values: dict[str, Any] = {}
        for f in dataclasses.fields(cls):
            var = ENV_PREFIX + f.name.upper()
            raw = env.get(var)
            if raw is None or not raw.strip():
                continue
            values[f.name] = value = _parse(var, f.name, raw.strip())
            try:
                cls(**{f.name: value})
            except SettingError as exc:
                raise SettingError(f"{var}: {exc}") from None
        base = cls(**values)
        return base.replace(**overrides) if overrides else base


def _parse(var: str, name: str, raw: str) -> Any:
    """The value of environment variable ``var`` (field ``name``) read from text."""
    low = raw.lower()
    if name in Settings._SWITCHES:
        if low in _TRUE:
            return True
        if low in _FALSE:
            return False
        raise SettingError(f"{var} must be 1 or 0 (true/false, yes/no, on/off), found {raw!r}")
    if name in ("model", "roles_model", "sense_model"):
        return None if low == "none" else raw
    if name in ("article_timeout", "max_chars") and low == "none":
        return None
    try:
        if name in ("batch_size", "max_chars"):
            return int(raw.replace("_", ""))
        return float(raw)
    except ValueError:
        kind = "a whole number" if name in ("batch_size", "max_chars") else "a number"
        raise SettingError(f"{var} must be {kind}, found {raw!r}") from None


def resolve(settings: Settings | None, **given: Any) -> Settings:
    """``settings`` (``Settings.from_env()`` when None) with the keyword arguments a
    caller passed explicitly (those not :data:`UNSET`) over it."""
    if settings is not None and not isinstance(settings, Settings):
        raise SettingError(f"settings must be a dragoman.Settings, not "
                           f"{type(settings).__name__}")
    base = Settings.from_env() if settings is None else settings
    changes = {k: v for k, v in given.items() if v is not UNSET}
    return base.replace(**changes) if changes else base


class _Unset:
    """The default of ``analyze*`` keyword arguments that ``settings`` also holds: the
    value then comes from the settings."""

    _instance: ClassVar[_Unset | None] = None

    def __new__(cls) -> _Unset:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "<from settings>"

    def __reduce__(self) -> str:
        return "UNSET"


#: The default of a keyword argument that, left out, comes from ``settings``.
UNSET: Any = _Unset()
