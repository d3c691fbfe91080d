"""The records that travel between stages, and their JSON form (CONTRACT.md).

Every record is a plain dataclass. ``Analysis.to_dict()`` gives exactly the
contract's JSON; ``Analysis.from_dict()`` reads it back.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

SCHEMA = "dragoman/1"

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)


@dataclass(frozen=True)
class Span:
    """Characters ``text[start:end]`` of the article."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}

    @classmethod
    def from_dict(cls, d: dict[str, Any] | None) -> Span | None:
        return None if d is None else cls(d["start"], d["end"], d["text"])

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Span:
        """The span of ``text`` from ``start`` to ``end``."""
        return cls(start, end, text[start:end])


@dataclass(frozen=True)
class Article:
    """One article as read: its text exactly as decoded, and what is known about it."""

    id: str
    text: str
    title: str | None = None
    published: str | None = None  # ISO date, YYYY-MM-DD
    url: str | None = None
    source: str | None = None
    text_in_output: bool = False  # HTML: the extracted text goes into the output
    path: str | None = None  # the file it was read from, when there was one

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"id": self.id, "title": self.title, "published": self.published,
                             "url": self.url, "source": self.source}
        if self.path:
            d["path"] = self.path
        if self.text_in_output:
            d["text"] = self.text
        return d


@dataclass
class Actor:
    """A person, state, organisation or group named in the article.

    ``kind`` is one of person, state, organisation, group. ``code`` is the actor
    code (``RUSGOV``, ``NATO``, ``UKR``) or None when unknown.
    """

    id: str
    name: str
    kind: str
    code: str | None = None
    title: str | None = None
    mentions: list[Span] = field(default_factory=list)
    country: str | None = None  # ISO3 of the state the actor belongs to, when known
    roles: list[str] = field(default_factory=list)  # extra roles ("OSCE chair")

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"id": self.id, "name": self.name, "kind": self.kind,
                             "code": self.code, "title": self.title,
                             "mentions": [m.to_dict() for m in self.mentions]}
        if self.country:
            d["country"] = self.country
        if self.roles:
            d["roles"] = list(self.roles)
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Actor:
        return cls(d["id"], d["name"], d["kind"], d.get("code"), d.get("title"),
                   [Span.from_dict(m) for m in d.get("mentions", [])],  # type: ignore[misc]
                   d.get("country"), list(d.get("roles", [])))


@dataclass(frozen=True)
class Speaker:
    """Who spoke: the actor, the fullest name, and the mention in the attribution."""

    actor: str | None
    name: str | None
    mention: Span | None

    def to_dict(self) -> dict[str, Any]:
        return {"actor": self.actor, "name": self.name,
                "mention": self.mention.to_dict() if self.mention else None}

    @classmethod
    def from_dict(cls, d: dict[str, Any] | None) -> Speaker | None:
        if d is None:
            return None
        return cls(d.get("actor"), d.get("name"), Span.from_dict(d.get("mention")))


@dataclass(frozen=True)
class Quote:
    """Reported speech: ``kind`` is direct, indirect or mixed."""

    id: str
    start: int
    end: int
    text: str
    kind: str
    cue: Span | None
    speaker: Speaker | None

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "start": self.start, "end": self.end, "text": self.text,
                "kind": self.kind, "cue": self.cue.to_dict() if self.cue else None,
                "speaker": self.speaker.to_dict() if self.speaker else None}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Quote:
        return cls(d["id"], d["start"], d["end"], d["text"], d["kind"],
                   Span.from_dict(d.get("cue")), Speaker.from_dict(d.get("speaker")))


@dataclass(frozen=True)
class Party:
    """One side of an event: the actor id, its code and the mention."""

    actor: str | None
    code: str | None
    mention: Span | None

    def to_dict(self) -> dict[str, Any]:
        return {"actor": self.actor, "code": self.code,
                "mention": self.mention.to_dict() if self.mention else None}

    @classmethod
    def from_dict(cls, d: dict[str, Any] | None) -> Party | None:
        if d is None:
            return None
        return cls(d.get("actor"), d.get("code"), Span.from_dict(d.get("mention")))


@dataclass(frozen=True)
class Location:
    """A resolved place."""

    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "country": self.country, "lat": self.lat, "lon": self.lon}

    @classmethod
    def from_dict(cls, d: dict[str, Any] | None) -> Location | None:
        if d is None:
            return None
        return cls(d["name"], d.get("country"), d.get("lat"), d.get("lon"))


@dataclass(frozen=True)
class Event:
    """Who did what to whom, when and where (PLOVER type, CAMEO code alongside)."""

    id: str
    type: str
    mode: str | None
    cameo: str
    goldstein: float
    quad_class: int
    source: Party | None
    target: Party | None
    date: str | None
    location: Location | None
    negated: bool
    hypothetical: bool
    trigger: Span
    sentence: tuple[int, int]
    quote: str | None = None
    # "text": the date comes from the sentence or its context; "published": the event
    # names no date and takes the article's; None when ``date`` is None
    date_basis: str | None = None
    # later re-mentions of this event in the article ("the talks", "Monday's meeting"),
    # in text order: more evidence of the one event, not events of their own
    mentions: tuple[Span, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "type": self.type, "mode": self.mode, "cameo": self.cameo,
                "goldstein": self.goldstein, "quad_class": self.quad_class,
                "source": self.source.to_dict() if self.source else None,
                "target": self.target.to_dict() if self.target else None,
                "date": self.date, "date_basis": self.date_basis,
                "location": self.location.to_dict() if self.location else None,
                "negated": self.negated, "hypothetical": self.hypothetical,
                "trigger": self.trigger.to_dict(),
                "mentions": [m.to_dict() for m in self.mentions],
                "sentence": {"start": self.sentence[0], "end": self.sentence[1]},
                "quote": self.quote}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Event:
        return cls(d["id"], d["type"], d.get("mode"), d["cameo"], d["goldstein"],
                   d["quad_class"], Party.from_dict(d.get("source")),
                   Party.from_dict(d.get("target")), d.get("date"),
                   Location.from_dict(d.get("location")), d["negated"], d["hypothetical"],
                   Span.from_dict(d["trigger"]),  # type: ignore[arg-type]
                   (d["sentence"]["start"], d["sentence"]["end"]), d.get("quote"),
                   d.get("date_basis"),
                   tuple(Span(m["start"], m["end"], m["text"]) for m in d.get("mentions", ())))


@dataclass(frozen=True)
class Place:
    """A place the article mentions, with every mention (where events happened is
    each event's ``location``)."""

    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    kind: str | None = None  # city, country, region, sea, border, site, ...
    mentions: list[Span] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "country": self.country, "lat": self.lat,
                "lon": self.lon, "kind": self.kind,
                "mentions": [m.to_dict() for m in self.mentions]}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Place:
        return cls(d["name"], d.get("country"), d.get("lat"), d.get("lon"), d.get("kind"),
                   [Span.from_dict(m) for m in d.get("mentions", [])])  # type: ignore[misc]


@dataclass(frozen=True)
class Count:
    """A number of people or things: "100,000 Russian troops"."""

    number: float | int
    unit: str
    actor: str | None
    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"number": self.number, "unit": self.unit, "actor": self.actor,
                "start": self.start, "end": self.end, "text": self.text}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Count:
        return cls(d["number"], d["unit"], d.get("actor"), d["start"], d["end"], d["text"])


@dataclass
class Analysis:
    """Everything dragoman found in one article."""

    article: Article
    actors: list[Actor] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    counts: list[Count] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "schema": SCHEMA,
            "article": self.article.to_dict(),
            "actors": [a.to_dict() for a in self.actors],
            "quotes": [q.to_dict() for q in self.quotes],
            "events": [e.to_dict() for e in self.events],
            "counts": [c.to_dict() for c in self.counts],
            "places": [p.to_dict() for p in self.places],
        }
        if self.warnings:
            d["warnings"] = list(self.warnings)
        return d

    def to_json(self, indent: int | None = None) -> str:
        """``to_dict()`` as JSON text (non-ASCII characters kept as they are).

        Example:
            >>> text = Analysis(Article("a1", "No news.")).to_json()
            >>> json.loads(text) == {"schema": "dragoman/1", "article": {
            ...     "id": "a1", "title": None, "published": None, "url": None, "source": None},
            ...     "actors": [], "quotes": [], "events": [], "counts": [], "places": []}
            True
        """
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    def _repr_html_(self) -> str:
        """How Jupyter shows an analysis: ``dragoman.render(self)``."""
        from ._html import render  # html imports this module

        return render(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any], text: str = "") -> Analysis:
        a = d["article"]
        article = Article(a["id"], a.get("text", text), a.get("title"), a.get("published"),
                          a.get("url"), a.get("source"), "text" in a, a.get("path"))
        return cls(article, [Actor.from_dict(x) for x in d.get("actors", [])],
                   [Quote.from_dict(x) for x in d.get("quotes", [])],
                   [Event.from_dict(x) for x in d.get("events", [])],
                   [Count.from_dict(x) for x in d.get("counts", [])],
                   list(d.get("warnings", [])),
                   [Place.from_dict(x) for x in d.get("places", [])])
