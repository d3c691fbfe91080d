"""Places from the offline gazetteer, namesakes settled by the article's countries."""
from __future__ import annotations

import pytest

from dragoman._places import country_code, find_places, lookup, resolve


def test_geneva_switzerland_by_population() -> None:
    loc = resolve("Geneva")
    assert loc.country == "CHE" and abs(loc.lat - 46.2) < 0.1 and abs(loc.lon - 6.15) < 0.1


def test_namesake_of_an_article_country_wins() -> None:
    assert resolve("Tripoli", ["LBN"]).country == "LBN"
    assert resolve("Tripoli").country == "LBY"
    assert resolve("Hyderabad", ["PAK"]).country == "PAK"
    assert resolve("Hyderabad").country == "IND"


def test_small_namesake_at_home_does_not_beat_a_great_city_abroad() -> None:
    # an article naming the US and Israel that mentions Geneva means the Swiss city
    assert resolve("Geneva", ["USA", "ISR"]).country == "CHE"


@pytest.mark.parametrize("name, kind, country", [
    ("the Red Sea", "sea", None),
    ("Strait of Hormuz", "strait", None),
    ("the Taiwan Strait", "strait", None),
    ("Crimea", "region", "UKR"),
    ("the Line of Control", "border", None),
    ("Africa", "continent", None),
    ("Kenya", "country", "KEN"),
    ("Nairobi", "city", "KEN"),
    ("Narnia", None, None),
])
def test_kinds_of_places(name: str, kind: str | None, country: str | None) -> None:
    loc, found = lookup(name)
    assert (found, loc.country) == (kind, country)


def test_places_mentioned_in_an_article() -> None:
    from dragoman import _nlp as nlp
    text = ("Kenya said on Monday that its navy had entered the Red Sea. Talks in Nairobi "
            "followed, and envoys later flew from Nairobi to Addis Ababa.")
    got = {p.name: p for p in find_places(nlp.load()(text), ["KEN", "ETH"])}
    assert got["Nairobi"].kind == "city" and got["Nairobi"].country == "KEN"
    assert len(got["Nairobi"].mentions) == 2
    assert all(text[m.start:m.end] == "Nairobi" for m in got["Nairobi"].mentions)
    assert got["Red Sea"].kind == "sea"
    assert got["Addis Ababa"].country == "ETH"
    assert "Kenya" not in got  # the country that speaks is an actor here, not a place


def test_countries_have_no_point() -> None:
    loc = resolve("Switzerland")
    assert loc.country == "CHE" and loc.lat is None
    assert resolve("the United States").country == "USA"


def test_unknown_places_keep_their_name() -> None:
    loc = resolve("the Sea of Narnia")
    assert loc.name == "Sea of Narnia" and loc.country is None


def test_country_code() -> None:
    assert country_code("Russia") == "RUS"
    assert country_code("the UK") == "GBR"
    assert country_code("Narnia") is None


def test_coordinated_places_are_one_location() -> None:
    import dragoman
    a = dragoman.analyze("Fighting spread across the Amhara region and Afar last week.",
                         published="2024-01-10")
    assert [e.location.name for e in a.events if e.location] == ["Amhara region and Afar"]
