"""dragoman's vocabulary: the word lists its rules use, read from data files.

Every list lives once, in ``dragoman/data/lexicon/<name>.txt``: one entry per line
(an entry may hold spaces: "prime minister"); a line starting with ``#`` is a
comment; blank lines are skipped. A table (``<name>.tsv``) maps an entry to a value
after a tab (no tab: an empty value). Each file opens with a comment saying what the
list is for and where its words come from. Lists are read once per process.

>>> "say" in words("report_verbs")
True
>>> table("country_aliases")["burma"]
'MMR'
"""
from __future__ import annotations

import functools
from importlib import resources
from pathlib import Path

__all__ = ["words", "ordered", "table", "names", "lexicon_dir"]


def lexicon_dir() -> Path:
    """The folder holding the lexicon files."""
    return Path(str(resources.files("dragoman") / "data" / "lexicon"))


def _lines(name: str, suffix: str) -> list[str]:
    """The entries of ``<name><suffix>``, comments and blank lines dropped."""
    path = lexicon_dir() / f"{name}{suffix}"
    if not path.is_file():
        raise KeyError(f"no lexicon list named {name!r} ({path} is missing)")
    out = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.rstrip("\n")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        out.append(line.strip() if suffix == ".txt" else line.rstrip(" \r"))
    return out


@functools.cache
def ordered(name: str) -> tuple[str, ...]:
    """The entries of list ``name`` in file order."""
    return tuple(_lines(name, ".txt"))


@functools.cache
def words(name: str) -> frozenset[str]:
    """The entries of list ``name`` as a set."""
    return frozenset(ordered(name))


@functools.cache
def _table(name: str) -> tuple[tuple[str, str], ...]:
    rows = []
    for line in _lines(name, ".tsv"):
        key, _, value = line.partition("\t")  # no tab: an empty value
        rows.append((key.strip(), value.strip()))
    return tuple(rows)


def table(name: str) -> dict[str, str]:
    """Table ``name`` as ``{entry: value}`` in file order (a fresh dict each call)."""
    return dict(_table(name))


def names() -> list[str]:
    """The names of all lists and tables, sorted."""
    return sorted(p.stem for p in lexicon_dir().iterdir() if p.suffix in (".txt", ".tsv"))
