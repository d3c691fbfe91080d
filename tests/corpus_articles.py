"""Articles written for the corpus tests (invented reports; no real outlet's wording)."""
from __future__ import annotations

import json
from pathlib import Path

WIRE = ("Norway's foreign minister met his Chilean counterpart in Oslo on Tuesday to "
        "discuss fishing rights and a new research station in Antarctica.\n\n"
        "The two ministers agreed to set up a joint working group, a spokesman for the "
        "Norwegian government said. The talks lasted three hours and ended with a lunch "
        "at the royal palace, according to officials from both sides.")

# the same wire story as a second outlet ran it: a byline, one word changed, a sentence cut
WIRE_COPY = ("By staff reporters\n\n"
             "Norway's foreign minister met his Chilean counterpart in Oslo on Tuesday to "
             "discuss fishing rights and a new research station in Antarctica.\n\n"
             "The two ministers agreed to set up a joint working group, a spokesman for the "
             "Norwegian government said. The talks lasted three hours, according to "
             "officials from both sides.")

# another outlet's own wording of the same meeting
OTHER_OUTLET = ("Chile and Norway held talks in Oslo on Tuesday.\n\n"
                "Diplomats from Santiago said the meeting focused on cooperation in polar "
                "science. Neither side gave details of any agreement.")

# a second meeting of the same pair, two days later, in the same city
SECOND_MEETING = ("Norway's foreign minister met his Chilean counterpart in Oslo again on "
                  "Thursday, two days after their first round of talks.\n\n"
                  "This time the ministers discussed salmon exports and port fees.")

RECORDS = [
    {"id": "wire-1", "published": "2024-05-08", "source": "Northern Wire",
     "url": "https://northern.example/a1", "text": WIRE},
    {"id": "copy-1", "published": "2024-05-08", "source": "Coastal Times",
     "url": "https://coastal.example/norway-chile", "text": WIRE_COPY},
    {"id": "outlet-2", "published": "2024-05-08", "source": "Harbour Daily",
     "url": "https://harbour.example/story", "text": OTHER_OUTLET},
    {"id": "second-3", "published": "2024-05-10", "source": "Harbour Daily",
     "url": "https://harbour.example/again", "text": SECOND_MEETING},
]

_COUNTRIES = ["Peru", "Kenya", "Finland", "Vietnam", "Morocco", "Canada", "Egypt",
              "Poland", "Brazil", "Japan", "Ghana", "Austria", "Mexico", "India"]
_TOPICS = ["grain shipments", "border crossings", "fishing quotas", "rail links",
           "student visas", "water sharing", "debt relief", "power lines", "vaccine stocks",
           "air routes", "mining permits", "flood defences"]
_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def many(n: int) -> list[dict]:
    """``n`` short, distinct articles (each pair of countries, topic and day differs)."""
    out = []
    for i in range(n):
        a = _COUNTRIES[i % len(_COUNTRIES)]
        b = _COUNTRIES[(i * 5 + 3) % len(_COUNTRIES)]
        if a == b:
            b = _COUNTRIES[(i + 1) % len(_COUNTRIES)]
        topic = _TOPICS[(i * 7) % len(_TOPICS)]
        day = _DAYS[i % len(_DAYS)]
        text = (f"Officials from {a} and {b} met on {day} to talk about {topic}. "
                f"A spokesman for {a} said {i + 2} proposals were on the table. "
                f"{b} accused its neighbour of delaying item {i * 3 + 1} for months.")
        out.append({"id": f"n{i:03d}", "published": f"2024-0{1 + i % 9}-1{i % 10}",
                    "source": f"Outlet {i % 4}", "text": text})
    return out


def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path
