"""Whatever the week (planned sessions, runs, logs, moves, today), the real week keeps the rules."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from runlift.domain.athlete import Profile, Race, StrengthPrefs
from runlift.domain.builder import run_calendar
from runlift.domain.real_week import (
    Adjustment,
    Facts,
    LoggedRun,
    Slot,
    Status,
    hard_refusal,
    real_calendar,
    real_week,
)
from runlift.domain.vocab import Day, Level, RaceDistance, RunType

MON = date(2026, 11, 16)
DAYS = [MON + timedelta(days=i) for i in range(7)]
STANDING = frozenset({Status.PLANNED, Status.MOVED, Status.OFFERED})

days = st.sampled_from(DAYS)
run_types = st.sampled_from(list(RunType))


@st.composite
def weeks(draw: st.DrawFn) -> Facts:
    """A random week: profile runs and race, planned sessions, logs, runs and moves."""
    runs = draw(st.dictionaries(st.sampled_from(list(Day)), run_types, max_size=7))
    race = None
    if draw(st.booleans()):
        distance = draw(st.sampled_from([d for d in RaceDistance if d is not RaceDistance.NONE]))
        race = Race(distance, MON + timedelta(days=draw(st.integers(-3, 16))))
    profile = Profile(Level.INTERMEDIATE, StrengthPrefs(3, 40), frozenset(), runs, race=race)
    strength_days = draw(st.lists(days, unique=True, max_size=4))
    slots = [Slot(d, f"S{d.day}", True, draw(st.booleans())) for d in strength_days]
    slots += [Slot(d, f"R{d.day}", False, False) for d in draw(st.lists(days, max_size=2))]
    slots.sort(key=lambda s: s.date)
    moves: dict[date, Adjustment] = {}
    for d in draw(st.lists(st.sampled_from(strength_days), unique=True)) if strength_days else []:
        new = draw(st.one_of(st.none(), days))
        warning = draw(st.one_of(st.none(), st.just("moved anyway")))
        moves[d] = Adjustment(d, new, warning if new is not None else None)
    logged = frozenset(draw(st.lists(days, max_size=4)))
    logged_runs = tuple(
        LoggedRun(d, t) for d, t in draw(st.lists(st.tuples(days, st.none() | run_types)))
    )
    today = draw(st.sampled_from([*DAYS, MON + timedelta(days=7)]))
    return Facts(MON, today, tuple(slots), moves, logged, logged_runs, profile)


@settings(max_examples=300, deadline=None)
@given(weeks())
def test_no_session_lands_on_a_refused_day_unless_moved_anyway_and_none_twice(
    facts: Facts,
) -> None:
    outcomes = real_week(facts)
    assert len(outcomes) == len(facts.slots)
    calendar = real_calendar(facts.monday, run_calendar(facts.profile), facts.runs)
    standing = [o for o in outcomes if o.slot.strength and o.on is not None]
    assert len({o.on for o in standing}) == len(standing), "two strength sessions on one day"
    for outcome in outcomes:
        assert (outcome.on is None) == (outcome.status in (Status.SKIPPED, Status.DROPPED))
        assert outcome.on is None or outcome.on in DAYS
        if outcome.status not in STANDING or not outcome.slot.strength:
            continue
        assert outcome.on is not None
        assert outcome.on >= facts.today
        if outcome.warning is None:
            reason = hard_refusal(outcome.on, outcome.slot, calendar, facts.profile)
            assert reason is None, (outcome, reason)
        else:
            adjustment = facts.adjustments[outcome.slot.date]
            assert outcome.on == adjustment.new
        if outcome.status is Status.OFFERED:  # after the day it was missed on
            moved = facts.adjustments.get(outcome.slot.date)
            missed = moved.new if moved is not None and moved.new else outcome.slot.date
            assert outcome.on > missed
