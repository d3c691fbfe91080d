"""ActorTable lookups, and find_actors on generated text (hypothesis)."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dragoman import _nlp as nlp_mod
from dragoman._actors import ActorTable, find_actors
from dragoman._model import Span


def test_at_prefers_largest_overlap_then_innermost():
    text = "Wendy Sherman, Washington's negotiator"
    t = ActorTable()
    person = t.add("Wendy Sherman", "person", "USAGOV")
    state = t.add("United States", "state", "USA")
    t.add_mention(person, Span.of(text, 15, 38))
    t.add_mention(state, Span.of(text, 15, 25))
    assert t.at(15, 25)[0] is state
    assert t.at(15, 38)[0] is person
    assert t.at(0, 5) is None
    assert t.people() == [person]
    assert t.by_code("USA") == [state]
    assert t.by_name("wendy sherman") is person


def test_add_mention_ignores_duplicates():
    t = ActorTable()
    a = t.add("Russia", "state", "RUS", roles=["x"])
    t.add_mention(a, Span(0, 6, "Russia"))
    t.add_mention(a, Span(0, 6, "Russia"))
    assert len(a.mentions) == 1 and a.roles == ["x"]


@given(st.lists(st.tuples(st.integers(0, 200), st.integers(1, 20)), max_size=30))
def test_at_finds_each_disjoint_mention(spans):
    t = ActorTable()
    taken: list[tuple[int, int]] = []
    for start, length in spans:
        end = start + length
        if any(not (end <= s or e <= start) for s, e in taken):
            continue
        taken.append((start, end))
        a = t.add(f"a{start}", "group")
        t.add_mention(a, Span(start, end, "x" * length))
    assert len(t.actors) == len(taken)
    for a in t.actors:
        m = a.mentions[0]
        assert t.at(m.start, m.end) == (a, m)


@pytest.fixture(scope="module")
def nlp():
    return nlp_mod.load()


WORDS = ["Russia", "Russian", "the", "Kremlin", "Mr", "Ms", "Foreign", "Minister", "Sergei",
         "Lavrov", "and", "'s", ",", ".", "troops", "said", "Nato", "the Alliance", "Georgia",
         "Jordan", "US", "us", "President", "of", "Ukraine", "government", "rebels", "in",
         "Moscow", "Jane", "Doe", "minister", "the West", "side", "100,000", "—", "(", ")"]


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(WORDS), max_size=40))
def test_find_actors_on_generated_text(nlp, words):
    text = " ".join(words)
    table = find_actors(nlp(text))
    spans = []
    for a in table.actors:
        assert a.kind in ("person", "state", "organisation", "group")
        assert a.mentions
        for m in a.mentions:
            assert text[m.start:m.end] == m.text and m.start < m.end
            spans.append((m.start, m.end))
            hit = table.at(m.start, m.end)
            assert hit is not None
    spans = sorted(set(spans))
    for i, (s1, e1) in enumerate(spans):
        for s2, e2 in spans[i + 1:]:
            assert e1 <= s2 or e2 <= s1 or (s1 <= s2 and e2 <= e1) or \
                (s2 <= s1 and e1 <= e2)
