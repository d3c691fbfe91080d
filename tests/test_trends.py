"""Trends on synthetic event frames whose answer is known."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from dragoman import _trends as trends

START = pd.Timestamp("2022-01-01")


def _event(i: int, day: int, src: str, tgt: str, g: float, **kw) -> dict:
    quad = 1 if g >= 3 else 2 if g >= 0 else 3 if g > -5 else 4
    row = {"article_id": f"a{day}", "event_id": f"E{i}", "goldstein": g, "quad_class": quad,
           "source_code": src, "target_code": tgt,
           "date": (START + pd.Timedelta(days=day)).date().isoformat(),
           "negated": 0, "hypothetical": 0, "quote_id": None, "outlet": f"outlet{day % 3}"}
    row.update(kw)
    return row


def synthetic(seed: int = 7) -> pd.DataFrame:
    """60 days: USA-RUS worsens from day 45, NATO-RUS improves from day 45, RUS-UKR is
    flat with noise throughout."""
    rng = np.random.default_rng(seed)
    rows, i = [], 0
    for day in range(60):
        late = day >= 45
        for src, tgt, g in (("USAGOV", "RUSGOV", -8.0 if late else 3.0),
                            ("NATO", "RUSMIL", 4.0 if late else -6.0),
                            ("RUSGOV", "UKRGOV", float(rng.normal(0.0, 1.0)))):
            i += 1
            rows.append(_event(i, day, src, tgt, g))
    return pd.DataFrame(rows)


@pytest.mark.parametrize("code, key", [("USAGOV", "USA"), ("RUSMIL", "RUS"), ("UKR", "UKR"),
                                       ("NATO", "NATO"), ("EU", "EU"), ("IGOAFR", "IGOAFR"),
                                       ("", None), (None, None), (float("nan"), None),
                                       ("<script>", None), ("R", None), ("rusgov", "RUS")])
def test_actor_key(code, key):
    assert trends.actor_key(code) == key


@pytest.mark.parametrize("g_sum, n, expected", [(-10.0, 1, 5.0), (-100.0, 10, 100 / 11),
                                                (8.0, 3, -2.0), (0.0, 4, 0.0)])
def test_tension_formula(g_sum, n, expected):
    assert trends.tension(g_sum, n) == pytest.approx(expected)


def test_tension_of_no_events_is_nan():
    assert np.isnan(trends.tension(0.0, 0))


def test_dyad_series_counts_and_evidence():
    df = pd.DataFrame([
        _event(1, 0, "USAGOV", "RUSGOV", 1.0, quote_id="Q1"),
        _event(2, 0, "RUSGOV", "USAGOV", -4.0, quad_class=3),
        _event(3, 0, "RUSMIL", "UKRMIL", -10.0),
        _event(4, 0, "USAGOV", "RUSGOV", -5.0, negated=1),        # not a fact: dropped
        _event(5, 0, "USAGOV", "RUSGOV", -5.0, hypothetical=1),   # not a fact: dropped
        _event(6, 0, "USAGOV", "USAMIL", -5.0),                   # one actor: no dyad
    ])
    s = trends.dyad_series(df)
    assert list(s["dyad"]) == ["RUS–UKR", "RUS–USA"]
    usa = s.set_index("dyad").loc["RUS–USA"]
    assert usa["n"] == 2 and usa["q1"] == 0 and usa["q2"] == 1 and usa["q3"] == 1
    assert usa["goldstein_sum"] == pytest.approx(-3.0)
    assert usa["goldstein_mean"] == pytest.approx(-1.5)
    assert usa["conflict_share"] == pytest.approx(0.5)
    assert usa["tension"] == pytest.approx(1.0)
    assert sorted(usa["events"]) == [("a0", "E1"), ("a0", "E2")]
    assert usa["quotes"] == [("a0", "Q1")]
    ordered = trends.dyad_series(df, ordered=True)
    assert set(ordered["dyad"]) == {"USA→RUS", "RUS→USA", "RUS→UKR"}
    everything = trends.dyad_series(df, factual_only=False)
    assert everything.set_index("dyad").loc["RUS–USA", "n"] == 4


def test_event_without_date_takes_the_article_date():
    row = _event(1, 0, "USAGOV", "RUSGOV", 2.0, date=None, published="2022-03-04")
    s = trends.dyad_series(pd.DataFrame([row]))
    assert s["period"].iloc[0] == pd.Timestamp("2022-03-04")


def test_missing_column_is_a_clear_error():
    with pytest.raises(ValueError, match="goldstein"):
        trends.dyad_series(pd.DataFrame([{"article_id": "a", "event_id": "E1"}]))


def test_weekly_series_sums_days_and_counts_sources():
    s = trends.dyad_series(synthetic(), freq="W", actors=["USA", "RUS"])
    assert set(s["dyad"]) == {"RUS–USA"}
    assert s["n"].sum() == 60
    first = s.iloc[0]
    assert first["period"].day_name() == "Monday"
    assert first["n_sources"] == min(3, first["n"])


def test_actor_series_counts_both_sides():
    s = trends.actor_series(synthetic(), actors=["RUS"])
    assert set(s["actor"]) == {"RUS"} and (s["n"] == 3).all()


def test_changes_flag_the_worsening_and_improving_dyads_not_the_flat_one():
    alerts = trends.detect_changes(trends.dyad_series(synthetic()))
    flagged = alerts[alerts["alert"].notna()]
    by_dyad = flagged.groupby("dyad")["alert"].agg(set).to_dict()
    assert by_dyad == {"RUS–USA": {"worse"}, "NATO–RUS": {"better"}}
    first = flagged.groupby("dyad")["period"].min()
    assert (first == START + pd.Timedelta(days=45)).all()
    flat = alerts[alerts["dyad"] == "RUS–UKR"]
    assert flat["z"].notna().sum() > 50 and flat["alert"].isna().all()


@pytest.mark.parametrize("seed", range(5))
def test_flat_noise_never_alerts(seed):
    df = synthetic(seed)
    df = df[df["source_code"] == "RUSGOV"]
    assert trends.detect_changes(trends.dyad_series(df))["alert"].isna().all()


def test_compare_windows_says_better_or_worse():
    cmp = trends.compare_windows(synthetic(), "2022-02-15", "2022-03-01").set_index("dyad")
    assert cmp.loc["RUS–USA", "direction"] == "worse"
    assert cmp.loc["NATO–RUS", "direction"] == "better"
    assert cmp.loc["RUS–UKR", "direction"] == "steady"
    assert cmp.loc["RUS–USA", "basis"] == "previous period"
    assert cmp.loc["RUS–USA", "change"] > 5
    assert len(cmp.loc["RUS–USA", "events"]) == cmp.loc["RUS–USA", "n"] == 15


def test_compare_windows_splits_the_dyads_days_when_nothing_came_before():
    df = pd.DataFrame([_event(1, 3, "USAGOV", "RUSGOV", 4.0),
                       _event(2, 4, "USAGOV", "RUSGOV", -7.0),
                       _event(3, 9, "NATO", "RUSGOV", -2.0)])
    cmp = trends.compare_windows(df, "2022-01-01", "2022-01-10").set_index("dyad")
    assert cmp.loc["RUS–USA", "basis"] == "later days vs earlier days"
    assert cmp.loc["RUS–USA", "direction"] == "worse"
    assert cmp.loc["NATO–RUS", "direction"] == "new"


def test_compare_windows_rejects_a_reversed_window():
    with pytest.raises(ValueError, match="before it starts"):
        trends.compare_windows(synthetic(), "2022-02-01", "2022-01-01")
