"""Loading actor dictionaries: the built-in one once per process, a user file on a copy.

``builtin_dictionary()`` reads ``dragoman/data/actors/*.tsv`` (made by
``scripts/build_actors.py``) the first time it is called and returns the same
:class:`~.dictionary.Dictionary` afterwards. ``load_dictionary(path)`` checks a user
file (:mod:`dragoman._actors.user`), then applies its rows to a copy of the built-in
dictionary, which stays as it was: a user file costs a copy, not a rebuild.
"""
from __future__ import annotations

import csv
import functools
import io
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from .dictionary import Dictionary, add_entry, add_state
from .user import apply_rows, read_user_file

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable


def builtin_path() -> Traversable:
    """The folder of the built-in dictionary files."""
    return resources.files("dragoman") / "data" / "actors"


def _split(value: str) -> list[str]:
    """The values of a ``|``-separated cell."""
    return [v.strip() for v in value.split("|") if v.strip()]


def _rows(path: Traversable) -> Iterator[dict[str, str]]:
    """The rows of a built-in TSV file, by column name."""
    with io.TextIOWrapper(path.open("rb"), encoding="utf-8", newline="") as fh:
        yield from csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)


def _read_builtin() -> Dictionary:
    """Read the built-in TSV files into a new (unfinished) dictionary."""
    d = Dictionary()
    base = builtin_path()
    for r in _rows(base / "states.tsv"):
        add_state(d, r["code"], r["name"], _split(r["names"]), _split(r["nationality"]),
                  _split(r["capitals"]), _split(r["metonyms"]))
    for r in _rows(base / "entries.tsv"):
        add_entry(d, r["name"], r["code"], r["kind"], _split(r["aliases"]),
                  r["country"] or None, r["title"] or None)
    for r in _rows(base / "roles.tsv"):
        d.add_role(r["phrase"], r["sector"], r["kind"], core=r["source"] != "phoenix")
    return d


@functools.lru_cache(maxsize=1)
def builtin_dictionary() -> Dictionary:
    """The built-in dictionary, loaded once per process."""
    return _read_builtin().finish()


def load_dictionary(extra: str | Path | None = None) -> Dictionary:
    """The built-in dictionary, extended (or overridden) by a user file.

    Args:
        extra: a CSV or TSV file of actors (see ``docs/actors.md``), or None for the
            built-in dictionary alone.

    Returns:
        The dictionary to pass to :func:`dragoman._actors.find_actors`.

    Raises:
        DictionaryError: the file cannot be read or has a malformed row (the message
            gives the file, the line and what is wrong).
    """
    if extra is None:
        return builtin_dictionary()
    rows = read_user_file(Path(extra))  # a malformed file fails before any copying
    d = builtin_dictionary().copy()
    apply_rows(d, rows)
    return d.finish()
