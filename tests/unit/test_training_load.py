"""Load monitoring: sRPE x minutes, run-spike flags (Frandsen 2025) and weekly summaries."""

from __future__ import annotations

import datetime as dt

import pytest

from runlift.domain.log import LogError
from runlift.domain.training_load import (
    RunEntry,
    StrengthEntry,
    check_run,
    parse_distance,
    run_spikes,
    session_load,
    weekly_summary,
)

D = dt.date(2026, 11, 2)  # a Monday, ISO week 2026-W45


def day(offset: int) -> dt.date:
    return D + dt.timedelta(days=offset)


HISTORY = day(-30)  # a log with 30 days of running behind the runs of a test


def run(offset: int, km: float, minutes: float | None = None) -> RunEntry:
    duration = None if minutes is None else round(minutes * 60)
    return RunEntry(day(offset), km * 1000, duration)


# Session load ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("srpe", "minutes", "expected"),
    [(7, 40, 280), (0, 60, 0), (10, 0, 0), (5, 32.5, 162), (3, 45.5, 136), (6, 37.25, 224)],
)
def test_session_load_is_rating_times_minutes(srpe: int, minutes: float, expected: int) -> None:
    assert session_load(srpe, minutes) == expected


@pytest.mark.parametrize(
    ("srpe", "minutes", "field"),
    [(11, 30, "srpe"), (-1, 30, "srpe"), (5, -1, "minutes"), (5, float("nan"), "minutes")],
)
def test_session_load_refuses_impossible_values(srpe: int, minutes: float, field: str) -> None:
    with pytest.raises(LogError) as caught:
        session_load(srpe, minutes)
    assert caught.value.field == field


# Distances and plausibility -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "metres"),
    [
        ("12.5km", 12_500.0),
        ("12.5 km", 12_500.0),
        ("8mi", 8 * 1609.344),
        ("12500m", 12_500.0),
        ("0.4KM", 400.0),
        ("1mi", 1609.344),
    ],
)
def test_distances_parse_with_their_unit(text: str, metres: float) -> None:
    assert parse_distance(text) == pytest.approx(metres)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("12", "unknown unit"),
        ("12 furlongs", "unknown unit"),
        ("km", "unknown unit"),
        ("-5km", "positive"),
        ("0km", "positive"),
        ("nanmi", "positive"),
        ("infkm", "positive"),
    ],
)
def test_bad_distances_are_refused_naming_the_field(text: str, message: str) -> None:
    with pytest.raises(LogError) as caught:
        parse_distance(text)
    assert caught.value.field == "distance"
    assert message in str(caught.value)


@pytest.mark.parametrize(
    ("entry", "field"),
    [
        (run(0, 0.05), "distance"),
        (run(0, 401), "distance"),
        (run(0, 42.2, 5), "duration"),  # 7 s/km
        (run(0, 5, 400), "duration"),  # 80 min/km
        (RunEntry(D, 5000, 0), "duration"),
        (RunEntry(D, 5000, -60), "duration"),
    ],
)
def test_implausible_runs_are_refused(entry: RunEntry, field: str) -> None:
    with pytest.raises(LogError) as caught:
        check_run(entry)
    assert caught.value.field == field


@pytest.mark.parametrize(
    "entry",
    [run(0, 0.1), run(0, 400), run(0, 10, 55), run(0, 0.1, 0.2), run(0, 160, 30 * 60), run(0, 5)],
)
def test_plausible_runs_pass(entry: RunEntry) -> None:
    check_run(entry)


# Run spikes (Frandsen 2025) -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("runs", "flagged"),
    [
        pytest.param([run(0, 10)], [], id="a first run has no history to spike against"),
        pytest.param([run(0, 10), run(7, 11)], [], id="exactly 10% longer is not flagged"),
        pytest.param([run(0, 10), run(7, 11.01)], [(7, 10.1)], id="just over 10% is flagged"),
        pytest.param([run(0, 10), run(30, 13)], [(30, 30.0)], id="30 days before still counts"),
        pytest.param([run(0, 10), run(31, 30)], [], id="31 days before is outside the window"),
        pytest.param(
            [run(0, 5), run(0, 20)], [], id="runs on the same day do not judge each other"
        ),
        pytest.param(
            [run(0, 16), run(10, 8), run(20, 17)],
            [],
            id="the longest of the window counts, not the latest",
        ),
        pytest.param(
            [run(0, 10), run(5, 12), run(10, 14)],
            [(5, 20.0), (10, 16.7)],
            id="a flagged run becomes the new longest",
        ),
        pytest.param([run(20, 21), run(0, 10)], [(20, 110.0)], id="input order does not matter"),
    ],
)
def test_run_spikes(runs: list[RunEntry], flagged: list[tuple[int, float]]) -> None:
    found = run_spikes(runs, HISTORY)
    assert [(s.run.date, s.percent_over) for s in found] == [(day(o), p) for o, p in flagged]
    assert all(s.rule == "run-spike" for s in found)


@pytest.mark.parametrize(
    ("km", "band"),
    [(11.5, "10-30%"), (13, "10-30%"), (13.5, "30-100%"), (20, "30-100%"), (20.5, ">100%")],
)
def test_spikes_fall_in_frandsens_bands(km: float, band: str) -> None:
    (spike,) = run_spikes([run(0, 10), run(3, km)], HISTORY)
    assert spike.band == band
    assert spike.longest == run(0, 10)


def test_no_spike_is_raised_before_30_days_of_running_are_logged() -> None:
    runs = [run(0, 10), run(5, 12), run(29, 14), run(30, 16)]
    assert [s.run for s in run_spikes(runs)] == [run(30, 16)]
    assert run_spikes(runs, history_start=day(1)) == []
    assert [s.run for s in run_spikes(runs, history_start=day(-1))] == [run(29, 14), run(30, 16)]
    weeks = weekly_summary(runs, [])
    assert [s.run for w in weeks for s in w.spikes] == [run(30, 16)]


# Weekly summary -------------------------------------------------------------------------------


def test_weeks_sum_running_and_strength_and_carry_their_spikes() -> None:
    runs = [run(0, 10, 55), run(2, 6), run(9, 14), run(13, 8)]
    strength = [
        StrengthEntry(day(1), 7, 40),
        StrengthEntry(day(3), None, 40),
        StrengthEntry(day(8), 6, 30.5),
        StrengthEntry(day(10), 5, None),
    ]
    weeks = weekly_summary(runs, strength, history_start=HISTORY)
    assert [(w.week, w.monday) for w in weeks] == [("2026-W45", D), ("2026-W46", day(7))]
    first, second = weeks
    assert (first.run_km, first.runs, first.strength_sessions) == (16.0, 2, 2)
    assert (first.strength_load, first.strength_unrated, first.spikes) == (280, 1, ())
    assert (second.run_km, second.runs, second.strength_sessions) == (22.0, 2, 2)
    assert (second.strength_load, second.strength_unrated) == (183, 1)
    assert [(s.run, s.percent_over, s.band) for s in second.spikes] == [
        (run(9, 14), 40.0, "30-100%")
    ]


def test_the_span_includes_empty_weeks_and_history_before_it_still_counts() -> None:
    runs = [run(-10, 10), run(15, 12)]
    weeks = weekly_summary(runs, [], first=day(7), last=day(27), history_start=HISTORY)
    assert [w.week for w in weeks] == ["2026-W46", "2026-W47", "2026-W48"]
    assert [w.runs for w in weeks] == [0, 1, 0]
    assert [s.longest for s in weeks[1].spikes] == [run(-10, 10)]


@pytest.mark.parametrize(
    ("first", "last", "weeks"),
    [(None, None, 0), (D, D, 1), (day(3), day(20), 3), (day(20), day(3), 0)],
)
def test_an_empty_log_gives_the_asked_span(
    first: dt.date | None, last: dt.date | None, weeks: int
) -> None:
    found = weekly_summary([], [], first, last)
    assert len(found) == weeks
    assert all((w.runs, w.run_km, w.strength_sessions, w.spikes) == (0, 0, 0, ()) for w in found)


def test_iso_weeks_cross_the_year() -> None:
    weeks = weekly_summary([RunEntry(dt.date(2026, 12, 31), 5000)], [], last=dt.date(2027, 1, 4))
    assert [w.week for w in weeks] == ["2026-W53", "2027-W01"]
