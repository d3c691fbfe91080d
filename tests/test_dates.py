"""Dates resolved against the publication date."""
from __future__ import annotations

import pytest

from dragoman._dates import resolve

PUB = "2022-01-14"  # a Friday


@pytest.mark.parametrize("expr, expected", [
    ("on Monday", "2022-01-10"),
    ("Wednesday's", "2022-01-12"),
    ("Wednesday’s", "2022-01-12"),
    ("on Friday", "2022-01-14"),
    ("last Friday", "2022-01-07"),
    ("next Tuesday", "2022-01-18"),
    ("yesterday", "2022-01-13"),
    ("today", "2022-01-14"),
    ("on 12 January", "2022-01-12"),
    ("January 12", "2022-01-12"),
    ("Jan. 11", "2022-01-11"),
    ("12th of January 2021", "2021-01-12"),
    ("on 28 December", "2021-12-28"),  # a January article's December is last year's
    ("2021-11-30", "2021-11-30"),
])
def test_days(expr: str, expected: str) -> None:
    assert resolve(expr, PUB) == expected


@pytest.mark.parametrize("expr", [
    "last week", "earlier this month", "in 2016", "the day before", "recently", "", "February",
])
def test_no_single_day_gives_none(expr: str) -> None:
    assert resolve(expr, PUB) is None


def test_relative_needs_a_publication_date() -> None:
    assert resolve("on Monday", None) is None
    assert resolve("on 12 January 2022", None) == "2022-01-12"


def test_bad_dates() -> None:
    assert resolve("31 February", PUB) is None
    assert resolve("on Monday", "not a date") is None
