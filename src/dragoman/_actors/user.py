"""User actor files (``--actors FILE``): CSV or TSV rows that add or override entries.

The first line is a header naming the columns; ``name``, ``code`` and ``kind`` are
required, ``aliases`` (``|``-separated), ``country`` and ``title`` are optional::

    name,code,kind,aliases,country,title
    Jane Doe,FRAGOV,person,J. Doe|Doe,FRA,Ambassador to the UN
    Northern Front,SDNREB,group,NF,SDN,
    Ruritania,RUR,state,Ruritanian|Ruritanians,,
    peacekeeper,MIL,role,,,

A row's names replace whatever the built-in dictionary said they named. ``kind`` is
person, state, organisation, group, or role (then ``code`` is a sector such as MIL, and
``name`` the role word). Lines starting with ``#`` and blank lines are ignored.
"""
from __future__ import annotations

import csv
import re
from pathlib import Path

from .._errors import DictionaryError
from .dictionary import KINDS, SECTORS, Dictionary, add_entry, add_state, tokenize

COLUMNS = ("name", "code", "kind", "aliases", "country", "title")
REQUIRED = ("name", "code", "kind")
_CODE = re.compile(r"^[A-Z][A-Z0-9]{1,14}$")


def _fail(path: Path, line: int, what: str) -> DictionaryError:
    return DictionaryError(f"{path}:{line}: {what}")


def read_user_file(path: Path) -> list[tuple[int, dict[str, str]]]:
    """The rows of a user actor file, each with its line number.

    Raises:
        DictionaryError: the file is missing, not UTF-8, or malformed.
    """
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise DictionaryError(f"{path}: no such actor file") from None
    except UnicodeDecodeError as exc:
        raise DictionaryError(f"{path}: not UTF-8 text ({exc.reason} at byte "
                              f"{exc.start}); save it as UTF-8") from None
    except OSError as exc:
        raise DictionaryError(f"{path}: cannot read it ({exc.strerror})") from None
    lines = [(i, ln) for i, ln in enumerate(text.splitlines(), 1)
             if ln.strip() and not ln.lstrip().startswith("#")]
    if not lines:
        raise DictionaryError(f"{path}: empty actor file: expected a header line "
                              f"({','.join(COLUMNS)}) and rows")
    head_no, head = lines[0]
    delim = "\t" if "\t" in head or path.suffix.lower() in (".tsv", ".tab") else ","
    header = [h.strip().lower() for h in next(csv.reader([head], delimiter=delim))]
    unknown = [h for h in header if h not in COLUMNS]
    if unknown:
        raise _fail(path, head_no, f"unknown column {unknown[0]!r}: expected a header "
                    f"with columns from {', '.join(COLUMNS)}")
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise _fail(path, head_no, f"the header lacks the column {missing[0]!r} "
                    f"(required: {', '.join(REQUIRED)})")
    rows = []
    for line_no, line in lines[1:]:
        try:
            values = next(csv.reader([line], delimiter=delim, strict=True))
        except csv.Error:
            # rows are read a line each, so a quoted field cannot run onto the next line
            raise _fail(path, line_no, "a quoted field is not closed on its line: a "
                        "value may not span lines; put it on one line") from None
        if len(values) > len(header):
            raise _fail(path, line_no, f"{len(values)} fields where the header has "
                        f"{len(header)}; quote fields that contain {delim!r}")
        row = {h: v.strip() for h, v in zip(header, values + [""] * len(header))}
        _check(path, line_no, row)
        rows.append((line_no, row))
    return rows


def _check(path: Path, line: int, row: dict[str, str]) -> None:
    """Raise DictionaryError when a row's values are malformed."""
    for col in REQUIRED:
        if not row.get(col):
            raise _fail(path, line, f"empty {col!r}")
    kind = row["kind"].lower()
    if kind not in (*KINDS, "role"):
        raise _fail(path, line, f"kind {row['kind']!r} is not one of "
                    f"{', '.join(KINDS)}, role")
    code = row["code"]
    if kind == "role":
        if code.upper() not in SECTORS:
            raise _fail(path, line, f"a role's code must be a sector code such as GOV, "
                        f"MIL, REB; found {code!r}")
    elif not _CODE.match(code):
        raise _fail(path, line, f"code {code!r} is not an actor code: expected capital "
                    "letters and digits such as RUSGOV, NATO, UKR")
    elif kind == "state" and len(code) != 3:
        raise _fail(path, line, f"a state's code must be its ISO3 code; found {code!r}")
    country = row.get("country", "")
    if country and not re.match(r"^[A-Z]{3}$", country):
        raise _fail(path, line, f"country {country!r} is not an ISO3 code such as FRA")


def apply_user_file(d: Dictionary, path: Path) -> int:
    """Add the rows of a user file to a dictionary; returns how many rows were read."""
    rows = read_user_file(path)
    apply_rows(d, rows)
    return len(rows)


def apply_rows(d: Dictionary, rows: list[tuple[int, dict[str, str]]]) -> None:
    """Add checked rows (from :func:`read_user_file`) to a dictionary; call its
    ``finish()`` afterwards."""
    for _, row in rows:
        kind = row["kind"].lower()
        aliases = [a.strip() for a in row.get("aliases", "").split("|") if a.strip()]
        if kind == "role":
            for phrase in [row["name"], *aliases]:
                d.add_role(phrase, row["code"].upper(), "person")
        elif kind == "state":
            for phrase in [row["name"], *aliases]:
                key = phrase.casefold()
                if d.lookup(key):
                    d.names.pop(tuple(t.lower() for t in tokenize(phrase)), None)
            add_state(d, row["code"], row["name"], aliases)
        else:
            add_entry(d, row["name"], row["code"], kind, aliases, row.get("country") or None,
                      row.get("title") or None, replace=True)
