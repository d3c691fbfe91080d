"""Places from the offline gazetteer, namesakes settled by the article's countries."""
from __future__ import annotations

from dragoman.places import country_code, resolve


def test_geneva_switzerland_by_population() -> None:
    loc = resolve("Geneva")
    assert loc.country == "CHE" and abs(loc.lat - 46.2) < 0.1 and abs(loc.lon - 6.15) < 0.1


def test_namesake_of_an_article_country_wins() -> None:
    assert resolve("Geneva", ["USA"]).country == "USA"
    assert resolve("Tripoli", ["LBN"]).country == "LBN"
    assert resolve("Tripoli").country == "LBY"


def test_countries_have_no_point() -> None:
    loc = resolve("Switzerland")
    assert loc.country == "CHE" and loc.lat is None
    assert resolve("the United States").country == "USA"


def test_unknown_places_keep_their_name() -> None:
    loc = resolve("the Red Sea")
    assert loc.name == "Red Sea" and loc.country is None


def test_country_code() -> None:
    assert country_code("Russia") == "RUS"
    assert country_code("the UK") == "GBR"
    assert country_code("Narnia") is None
