"""Properties of the progression engine that must hold for any history (DESIGN section 5)."""

from __future__ import annotations

import math
from datetime import date, timedelta
from functools import cache

from hypothesis import given
from hypothesis import strategies as st

from runlift.adapters.catalogue_loader import load_library
from runlift.domain.exercise import Exercise
from runlift.domain.progression import (
    RULES,
    Load,
    SessionResult,
    SetResult,
    Target,
    apply_deload,
    next_target,
)
from runlift.domain.vocab import Equipment, Units

EQUIPMENT = st.sampled_from([Equipment.DUMBBELL, Equipment.KETTLEBELL, Equipment.BARBELL, None])


@cache
def goblet() -> Exercise:
    """The real goblet squat, loaded once."""
    return load_library().catalogue.get("goblet-squat")


@st.composite
def targets(draw: st.DrawFn) -> Target:
    """A loaded target with any unit, load (on or off the grid), range, sets and RIR."""
    unit = draw(st.sampled_from(list(Units)))
    value = draw(st.floats(0, 300, allow_nan=False, allow_infinity=False))
    lo = draw(st.integers(1, 15))
    hi = draw(st.integers(lo, 20))
    sets = draw(st.integers(1, 6))
    rir = draw(st.integers(0, 5))
    return Target("goblet-squat", "goblet-squat", sets, (lo, hi), None, Load(value, unit), rir)


@st.composite
def sessions(draw: st.DrawFn, target: Target) -> SessionResult:
    """One session answering the target with any reps and RIR per set."""
    count = draw(st.integers(0, target.sets + 1))
    sets = tuple(
        SetResult(
            draw(st.integers(0, 25)),
            target.load,
            None,
            draw(st.none() | st.integers(0, 6)),
        )
        for _ in range(count)
    )
    return SessionResult(date(2025, 1, 6) + timedelta(days=draw(st.integers(0, 365))), target, sets)


@st.composite
def histories(draw: st.DrawFn) -> tuple[Target, list[SessionResult]]:
    """A current target and a history of sessions performed at it."""
    target = draw(targets())
    history = draw(st.lists(sessions(target), max_size=6))
    return target, history


def is_failed(session: SessionResult) -> bool:
    assert session.target.reps is not None
    return any((s.reps or 0) < session.target.reps[0] for s in session.sets)


@given(histories(), EQUIPMENT)
def test_load_never_rises_after_a_failed_session(
    case: tuple[Target, list[SessionResult]],
    equipment: Equipment | None,
) -> None:
    target, history = case
    assert target.reps is not None and target.load is not None
    bad = SetResult(target.reps[0] - 1, target.load, None, None)
    failed = SessionResult(date(2026, 1, 5), target, (bad,) * target.sets)
    decision = next_target([*history, failed], target, goblet(), equipment=equipment)
    assert decision.target.load is not None
    assert decision.target.load.value <= target.load.value


@given(histories(), EQUIPMENT)
def test_load_after_any_failed_last_session_does_not_rise(
    case: tuple[Target, list[SessionResult]], equipment: Equipment | None
) -> None:
    target, history = case
    performed = [s for s in history if s.sets]
    if performed and is_failed(performed[-1]):
        decision = next_target(history, target, goblet(), equipment=equipment)
        assert decision.target.load is not None and target.load is not None
        assert decision.target.load.value <= target.load.value


@given(histories(), EQUIPMENT)
def test_load_never_rises_by_more_than_one_step(
    case: tuple[Target, list[SessionResult]], equipment: Equipment | None
) -> None:
    target, history = case
    assert target.load is not None
    decision = next_target(history, target, goblet(), equipment=equipment)
    assert decision.target.load is not None
    step = RULES.step(equipment, target.load.unit)
    assert decision.target.load.unit is target.load.unit
    assert decision.target.load.value <= target.load.value + step + 1e-9
    assert decision.target.load.value >= 0


@given(histories(), EQUIPMENT)
def test_next_target_is_deterministic(
    case: tuple[Target, list[SessionResult]], equipment: Equipment | None
) -> None:
    target, history = case
    first = next_target(history, target, goblet(), equipment=equipment)
    again = next_target(list(history), target, goblet(), equipment=equipment)
    assert first == again


@given(targets(), EQUIPMENT)
def test_deload_is_lighter(target: Target, equipment: Equipment | None) -> None:
    lighter = apply_deload(target, equipment)
    assert lighter.load is not None and target.load is not None
    assert lighter.sets <= target.sets
    assert lighter.sets < target.sets or target.sets == 1
    assert lighter.sets >= 1
    assert lighter.load.value <= target.load.value
    assert lighter.load.value < target.load.value or target.load.value == 0
    assert lighter.load.value >= 0
    assert lighter.rir == target.rir + 2
    assert (lighter.exercise, lighter.variant) == (target.exercise, target.variant)


@given(st.floats(0, 1e6, allow_nan=False, allow_infinity=False), st.sampled_from(list(Units)))
def test_units_round_trip(value: float, unit: Units) -> None:
    other = Units.LB if unit is Units.KG else Units.KG
    back = Load(value, unit).to(other).to(unit)
    assert back.unit is unit
    assert math.isclose(back.value, value, rel_tol=1e-12, abs_tol=1e-12)
