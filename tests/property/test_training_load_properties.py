"""Properties of the run-spike flag that must hold for any running log (DESIGN section 5)."""

from __future__ import annotations

import datetime as dt
import random

from hypothesis import given
from hypothesis import strategies as st

from runlift.domain.training_load import RunEntry, StrengthEntry, run_spikes, weekly_summary

START = dt.date(2026, 1, 5)
RUNS = st.builds(
    RunEntry,
    date=st.integers(0, 120).map(lambda d: START + dt.timedelta(days=d)),
    distance_m=st.floats(100, 400_000, allow_nan=False, allow_infinity=False),
    duration_s=st.none() | st.integers(600, 36_000),
    type=st.none() | st.sampled_from(["easy", "long", "tempo"]),
)
LOGS = st.lists(RUNS, max_size=40)
HISTORY = START - dt.timedelta(days=30)  # 30 days of running before any generated run


def longest_before(runs: list[RunEntry], run: RunEntry) -> float | None:
    """The longest run of the 30 days before the run's day, by a plain scan."""
    window = [r.distance_m for r in runs if run.date - dt.timedelta(days=30) <= r.date < run.date]
    return max(window, default=None)


@given(LOGS)
def test_a_run_is_flagged_exactly_when_it_beats_the_window_longest_by_10_percent(
    runs: list[RunEntry],
) -> None:
    flagged = run_spikes(runs, HISTORY)
    for spike in flagged:
        longest = longest_before(runs, spike.run)
        assert longest is not None
        assert spike.longest.distance_m == longest
        assert spike.run.distance_m > 1.1 * longest
        assert spike.percent_over > 0
    expected = sum(
        1
        for r in runs
        if (longest := longest_before(runs, r)) is not None and r.distance_m > 1.1 * longest
    )
    assert len(flagged) == expected


@given(LOGS, RUNS)
def test_adding_a_shorter_run_never_flags_an_earlier_run(
    runs: list[RunEntry], added: RunEntry
) -> None:
    before = {(s.run, s.percent_over) for s in run_spikes(runs, HISTORY) if s.run.date < added.date}
    shorter = RunEntry(added.date, min([added.distance_m, *(r.distance_m for r in runs)]))
    after = {
        (s.run, s.percent_over)
        for s in run_spikes([*runs, shorter], HISTORY)
        if s.run.date < added.date
    }
    assert after <= before


@given(LOGS, st.randoms(use_true_random=False))
def test_spikes_and_weeks_do_not_depend_on_input_order(
    runs: list[RunEntry], shuffler: random.Random
) -> None:
    shuffled = list(runs)
    shuffler.shuffle(shuffled)
    strength = [StrengthEntry(r.date, 5, 30.0) for r in runs[::3]]
    assert run_spikes(shuffled) == run_spikes(runs)
    assert weekly_summary(shuffled, strength[::-1]) == weekly_summary(runs, strength)


@given(LOGS)
def test_weekly_totals_account_for_every_run_and_spike(runs: list[RunEntry]) -> None:
    weeks = weekly_summary(runs, [])
    assert sum(w.runs for w in weeks) == len(runs)
    assert sum(len(w.spikes) for w in weeks) == len(run_spikes(runs))
    assert all(w.monday.weekday() == 0 for w in weeks)


@given(LOGS)
def test_no_run_is_flagged_within_30_days_of_the_first(runs: list[RunEntry]) -> None:
    if runs:
        first = min(r.date for r in runs)
        assert all(s.run.date >= first + dt.timedelta(days=30) for s in run_spikes(runs))
