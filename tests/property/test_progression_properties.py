"""Properties of the progression engine that must hold for any history (DESIGN section 5)."""

from __future__ import annotations

import math
from dataclasses import replace
from datetime import date, timedelta
from functools import cache

from hypothesis import given, settings
from hypothesis import strategies as st

from runlift.adapters.catalogue_loader import load_library
from runlift.domain.coach import ItemLog, Kit, PlannedItem, item_target
from runlift.domain.exercise import Catalogue, Exercise
from runlift.domain.loads import LoadGrid, heavier
from runlift.domain.progression import (
    RULES,
    Load,
    SessionResult,
    SetResult,
    Target,
    apply_deload,
    next_target,
)
from runlift.domain.vocab import Category, Equipment, Pattern, Units

EQUIPMENT = st.sampled_from([Equipment.DUMBBELL, Equipment.KETTLEBELL, Equipment.BARBELL, None])


@cache
def catalogue() -> Catalogue:
    """The real catalogue, loaded once."""
    return load_library().catalogue


def goblet() -> Exercise:
    """The real goblet squat."""
    return catalogue().get("goblet-squat")


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
    assert target.reps is not None
    assert target.load is not None
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
        assert decision.target.load is not None
        assert target.load is not None
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
    assert lighter.load is not None
    assert target.load is not None
    assert lighter.sets <= target.sets
    assert lighter.sets < target.sets or target.sets == 1
    assert lighter.sets >= 1
    assert lighter.load.value <= target.load.value
    assert lighter.load.value < target.load.value or target.load.value == 0
    assert lighter.load.value >= 0
    assert target.rir is not None
    assert lighter.rir == target.rir + 2
    assert (lighter.exercise, lighter.variant) == (target.exercise, target.variant)


@given(st.floats(0, 1e6, allow_nan=False, allow_infinity=False), st.sampled_from(list(Units)))
def test_units_round_trip(value: float, unit: Units) -> None:
    other = Units.LB if unit is Units.KG else Units.KG
    back = Load(value, unit).to(other).to(unit)
    assert back.unit is unit
    assert math.isclose(back.value, value, rel_tol=1e-12, abs_tol=1e-12)


# Issue 7 section 1: properties over random kits, plans and training logs ----------------------

PIECES = st.sampled_from([Equipment.DUMBBELL, Equipment.KETTLEBELL, Equipment.BARBELL])
SLUG_BY_PIECE = {
    Equipment.DUMBBELL: "goblet-squat",
    Equipment.KETTLEBELL: "goblet-squat",
    Equipment.BARBELL: "deadlift",
}


@st.composite
def kits(draw: st.DrawFn) -> tuple[Kit, Equipment]:
    """A runner's kit: one loading piece, either unit, with or without a list of loads owned."""
    piece = draw(PIECES)
    unit = draw(st.sampled_from(list(Units)))
    owned: tuple[float, ...] = ()
    if draw(st.booleans()):
        halves = draw(st.lists(st.integers(4, 120), min_size=1, max_size=6, unique=True))
        owned = tuple(sorted(h / 2 for h in halves))
    equipment = frozenset({piece, Equipment.BENCH, Equipment.TOWEL})
    return Kit(equipment, {piece: owned} if owned else {}, unit), piece


@st.composite
def plan_items(draw: st.DrawFn, piece: Equipment) -> PlannedItem:
    """A loaded main-lift item with any range, sets and plan RIR."""
    low = draw(st.integers(3, 10))
    high = draw(st.integers(low, 15))
    return PlannedItem(
        SLUG_BY_PIECE[piece],
        "main",
        frozenset({piece}),
        draw(st.integers(2, 5)),
        (low, high),
        None,
        draw(st.integers(1, 3)),
    )


def deload_of(item: PlannedItem) -> PlannedItem:
    return replace(item, sets=max(1, round(item.sets * 0.55)), counts=False, deload=True)


@st.composite
def performances(
    draw: st.DrawFn, target: Target, grid: LoadGrid, unit: Units
) -> tuple[SetResult, ...]:
    """What a runner might do with a target: fail, mid-range, top, beat it, or choose a load."""
    assert target.reps is not None
    low, high = target.reps
    chosen = grid.down(Load(draw(st.floats(0, 150)), unit))
    base = chosen if target.load is None else target.load
    kind = draw(st.sampled_from(["fail", "mid", "top", "beat", "more reps", "few sets"]))
    load = base
    if kind == "beat":
        load = grid.above(base) or base
    reps = {"fail": low - 1, "mid": (low + high) // 2, "top": high, "beat": high}.get(
        kind, high + 3
    )
    count = target.sets if kind != "few sets" else max(1, target.sets - 1)
    rir = draw(st.none() | st.integers(0, 5))
    return tuple(SetResult(max(0, reps), load, None, rir) for _ in range(count))


def loadable(target: Target, kit: Kit, piece: Equipment) -> bool:
    load = target.load
    return load is None or (load.value >= 0 and kit.grid(piece).contains(load))


@settings(max_examples=150, deadline=None)
@given(st.data())
def test_a_simulated_block_keeps_every_gain_and_every_load_loadable(data: st.DataObject) -> None:
    """Train 10 weeks with random deload weeks and random performances, through `item_target`.

    Every target is a load the runner can make; after any deload the next normal target is at
    least the one that would have followed the last normal session; beating a target never
    gives a lower next target.
    """
    kit, piece = data.draw(kits())
    grid = kit.grid(piece)
    normal = data.draw(plan_items(piece))
    deloads = data.draw(st.sets(st.integers(2, 9), max_size=3))
    library = catalogue()
    history: list[SessionResult] = []
    pending: Target | None = None  # the normal target due before the last deload
    for week in range(10):
        item = deload_of(normal) if week in deloads else normal
        log = ItemLog(tuple(history))
        target = item_target(item, log, library, kit).target
        assert loadable(target, kit, piece), target
        if week in deloads:
            would_be = item_target(normal, log, library, kit).target
            pending = would_be if pending is None else pending
            assert not target.counts
            if target.load is not None and would_be.load is not None:
                assert not heavier(target.load, would_be.load)
        elif pending is not None:
            assert target.variant == pending.variant
            if target.load is not None and pending.load is not None:
                assert not heavier(pending.load, target.load)
            pending = None
        if data.draw(st.booleans()) or target.counts:
            sets = data.draw(performances(target, grid, kit.units))
            history.append(SessionResult(date(2026, 1, 5) + timedelta(days=7 * week), target, sets))


@given(histories(), EQUIPMENT, st.integers(0, 3), st.none() | st.integers(0, 3))
def test_beating_a_target_never_lowers_the_next_one(
    case: tuple[Target, list[SessionResult]],
    equipment: Equipment | None,
    steps_up: int,
    extra_rir: int | None,
) -> None:
    target, history = case
    assert target.load is not None
    assert target.reps is not None
    grid = RULES.grid(equipment)
    current = replace(target, load=grid.down(target.load))
    lifted = current.load
    assert lifted is not None
    for _ in range(steps_up):
        lifted = grid.above(lifted) or lifted
    rir = None if extra_rir is None else (current.rir or 0) + extra_rir
    beat = SetResult(target.reps[0] + steps_up, lifted, None, rir)
    session = SessionResult(date(2027, 1, 4), current, (beat,) * current.sets)
    decision = next_target([*history, session], current, goblet(), grid=grid)
    assert decision.target.load is not None
    assert not heavier(current.load, decision.target.load) if current.load else True
    assert not heavier(grid.down(lifted), decision.target.load)
    assert grid.contains(decision.target.load)


@given(histories(), EQUIPMENT, st.lists(st.floats(0.5, 100), min_size=1, max_size=5))
def test_every_engine_target_is_loadable(
    case: tuple[Target, list[SessionResult]], equipment: Equipment | None, owned: list[float]
) -> None:
    target, history = case
    assert target.load is not None
    grid = RULES.grid(equipment, owned, target.load.unit)
    current = replace(target, load=grid.down(target.load))
    decision = next_target(history, current, goblet(), grid=grid)
    load = decision.target.load
    assert load is None or (load.value >= 0 and grid.contains(load))
    deload = apply_deload(decision.target, grid=grid)
    assert deload.load is None or grid.contains(deload.load)


NO_RIR_BLOCKS = ["warmup", "plyometric", "cooldown", "foam_roll"]


@given(
    st.sampled_from(sorted(catalogue().exercises)),
    st.sampled_from(["main", "core", *NO_RIR_BLOCKS]),
    st.none() | st.integers(0, 4),
)
def test_rir_is_none_exactly_for_holds_jumps_and_mobility(
    slug: str, block: str, plan_rir: int | None
) -> None:
    exercise = catalogue().get(slug)
    dose = exercise.default
    item = PlannedItem(slug, block, frozenset(), dose.sets, dose.reps, dose.seconds, plan_rir)
    kit = Kit(frozenset(Equipment))
    rir = item_target(item, ItemLog(), catalogue(), kit).target.rir
    hold = dose.reps is None
    jump = exercise.category is Category.PLYOMETRIC or Pattern.JUMP in exercise.patterns
    mobility = exercise.category in {
        Category.MOBILITY,
        Category.STRETCH,
        Category.FOAM_ROLL,
        Category.WARMUP,
    }
    assert (rir is None) == (hold or jump or mobility or block in NO_RIR_BLOCKS)
