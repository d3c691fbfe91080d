"""ActorTable: the actors of one article and a lookup by character range."""
from __future__ import annotations

import bisect

from .._model import Actor, Span


class ActorTable:
    """The actors of one article.

    Mentions of different actors may nest (the state "Russian" inside the person's
    mention "Russian Deputy Foreign Minister Sergei Ryabkov") but never cross;
    ``at(start, end)`` finds the actor whose mention overlaps a character range most,
    and on a tie the innermost (shortest) mention.
    """

    def __init__(self) -> None:
        self.actors: list[Actor] = []
        self._by_id: dict[str, Actor] = {}
        self._starts: list[int] = []
        self._mentions: list[tuple[int, int, str]] = []  # sorted (start, end, actor id)

    def add(self, name: str, kind: str, code: str | None = None, title: str | None = None,
            *, country: str | None = None, roles: list[str] | None = None) -> Actor:
        """Add a new actor (no mentions yet) and return it."""
        actor = Actor(f"A{len(self.actors) + 1}", name, kind, code, title, [], country,
                      list(roles or []))
        self.actors.append(actor)
        self._by_id[actor.id] = actor
        return actor

    def add_mention(self, actor: Actor, mention: Span) -> None:
        """Record that ``mention`` names ``actor`` (ignored when already known)."""
        item = (mention.start, mention.end, actor.id)
        i = bisect.bisect_left(self._mentions, item)
        if i < len(self._mentions) and self._mentions[i] == item:
            return
        bisect.insort_right(actor.mentions, mention, key=lambda m: m.start)
        self._mentions.insert(i, item)
        self._starts.insert(i, mention.start)

    def get(self, actor_id: str | None) -> Actor | None:
        """The actor with this id."""
        return self._by_id.get(actor_id) if actor_id else None

    def at(self, start: int, end: int) -> tuple[Actor, Span] | None:
        """The actor (and its mention) overlapping ``[start, end)`` most, or None."""
        best, best_ov = None, 0
        i = bisect.bisect_right(self._starts, end)
        for s, e, aid in self._mentions[max(0, i - 64):i]:
            ov = min(e, end) - max(s, start)
            if ov > best_ov or (ov == best_ov and ov > 0 and best is not None
                                and e - s < best[1] - best[0]):
                best, best_ov = (s, e, aid), ov
        if best is None:
            return None
        actor = self._by_id[best[2]]
        j = bisect.bisect_left(actor.mentions, best[0], key=lambda m: m.start)
        mention = next(m for m in actor.mentions[j:] if m.end == best[1])
        return actor, mention

    def people(self) -> list[Actor]:
        """The actors that are people, in order."""
        return [a for a in self.actors if a.kind == "person"]

    def by_code(self, code: str) -> list[Actor]:
        """The actors with this code, in order."""
        return [a for a in self.actors if a.code == code]

    def by_name(self, name: str) -> Actor | None:
        """The actor with this name (case-insensitive), or None."""
        key = name.casefold()
        return next((a for a in self.actors if a.name.casefold() == key), None)

    def used(self, ids: set[str]) -> list[Actor]:
        """The actors, in order (kept for completeness: every actor is output)."""
        return [a for a in self.actors if a.id in ids]
