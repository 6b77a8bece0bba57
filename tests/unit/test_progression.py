"""Table-driven tests for every progression rule of DESIGN section 5 (progression, deload, e1rm)."""

from __future__ import annotations

import math
from dataclasses import replace
from datetime import date, timedelta
from functools import cache

import pytest

from runlift.adapters.catalogue_loader import load_library
from runlift.domain.exercise import Catalogue, Exercise
from runlift.domain.progression import (
    Load,
    SessionResult,
    SetResult,
    Target,
    apply_deload,
    best_e1rm,
    best_reps_at,
    epley,
    loading_equipment,
    next_target,
)
from runlift.domain.vocab import Equipment, Units

KG, LB = Units.KG, Units.LB
DB, KB, BB = Equipment.DUMBBELL, Equipment.KETTLEBELL, Equipment.BARBELL


@cache
def catalogue() -> Catalogue:
    """The real catalogue, loaded once for the whole module."""
    return load_library().catalogue


def ex(slug: str) -> Exercise:
    return catalogue().get(slug)


def squat(load: float | None = 20.0, unit: Units = KG, rir: int = 2) -> Target:
    value = None if load is None else Load(load, unit)
    return Target("goblet-squat", "goblet-squat", 3, (8, 12), None, value, rir)


def pushup(reps: tuple[int, int] = (8, 15)) -> Target:
    return Target("push-up", "push-up", 3, reps, None, None, 2)


def plank(seconds: int = 45) -> Target:
    return Target("plank", "plank", 3, None, seconds, None, 2)


def session(
    target: Target, reps: int | None, rir: int | None = None, day: int = 0
) -> SessionResult:
    """A session where every set did the same reps at the target load."""
    one = SetResult(reps, target.load, None, rir)
    return SessionResult(date(2025, 1, 6) + timedelta(days=day), target, (one,) * target.sets)


def hold(target: Target, seconds: int, day: int = 0) -> SessionResult:
    one = SetResult(None, None, seconds, None)
    return SessionResult(date(2025, 1, 6) + timedelta(days=day), target, (one,) * target.sets)


def twice(target: Target, reps: int | None, rir: int | None = None) -> list[SessionResult]:
    return [session(target, reps, rir, 0), session(target, reps, rir, 3)]


LOADED = [
    ("top twice adds one dumbbell step", squat(), twice(squat(), 12, 2), DB, 22.0),
    ("top twice at RIR target-1 still progresses", squat(), twice(squat(), 12, 1), DB, 22.0),
    ("top once repeats", squat(), [session(squat(), 12, 2)], DB, 20.0),
    ("mid range repeats for more reps", squat(), twice(squat(), 10, 2), DB, 20.0),
    ("RIR 2 below target repeats", squat(), twice(squat(), 12, 0), DB, 20.0),
    (
        "RIR 2+ below on last only repeats",
        squat(),
        [*twice(squat(), 12, 2), session(squat(), 12, 0)],
        DB,
        20.0,
    ),
    ("one failed session repeats", squat(), [session(squat(), 7, 2)], DB, 20.0),
    ("two failed sessions reset 7.5% down", squat(), twice(squat(), 6, 2), DB, 18.0),
    ("reset on a barbell", squat(60), twice(squat(60), 5), BB, 55.0),
    ("reset never goes below zero", squat(2), twice(squat(2), 5), DB, 0.0),
    (
        "fail then top is not two failures",
        squat(),
        [session(squat(), 6), session(squat(), 12)],
        DB,
        20.0,
    ),
    ("kettlebell step is 4 kg", squat(16), twice(squat(16), 12), KB, 20.0),
    ("barbell step is 2.5 kg", squat(60), twice(squat(60), 12), BB, 62.5),
    ("dumbbell step is 5 lb", squat(50, LB), twice(squat(50, LB), 12), DB, 55.0),
    ("kettlebell step is 5 lb", squat(35, LB), twice(squat(35, LB), 12), KB, 40.0),
    ("barbell step is 5 lb", squat(135, LB), twice(squat(135, LB), 12), BB, 140.0),
    ("off-grid load rounds to a loadable step", squat(21), twice(squat(21), 12), DB, 22.0),
    ("no kit step falls back to plates", squat(40), twice(squat(40), 12), None, 42.5),
]


@pytest.mark.parametrize(
    ("name", "current", "history", "equipment", "expected"), LOADED, ids=[c[0] for c in LOADED]
)
def test_loaded_rules(
    name: str,
    current: Target,
    history: list[SessionResult],
    equipment: Equipment | None,
    expected: float,
) -> None:
    decision = next_target(history, current, ex("goblet-squat"), equipment=equipment)
    assert decision.target.load is not None
    assert decision.target.load.value == pytest.approx(expected)
    assert decision.target.load.unit is current.load.unit  # type: ignore[union-attr]
    assert decision.rule == "progression"
    assert decision.reason
    assert "\n" not in decision.reason
    assert decision.target.reps == current.reps


def test_sessions_at_an_older_load_do_not_count() -> None:
    history = [*twice(squat(20), 12), session(squat(22), 12, day=7)]
    decision = next_target(history, squat(22), ex("goblet-squat"), equipment=DB)
    assert decision.target.load == Load(22.0, KG)


def test_missed_sessions_are_skipped_not_stacked() -> None:
    empty = SessionResult(date(2025, 1, 8), squat(), ())
    history = [session(squat(), 12, day=0), empty, session(squat(), 12, day=30)]
    decision = next_target(history, squat(), ex("goblet-squat"), equipment=DB)
    assert decision.target.load == Load(22.0, KG)


def test_a_set_lifted_lighter_than_asked_earns_no_step() -> None:
    light = SetResult(12, Load(18, KG), None, 2)
    history = [SessionResult(date(2025, 1, d), squat(), (light,) * 3) for d in (6, 9)]
    assert next_target(history, squat(), ex("goblet-squat"), equipment=DB).target == squat()


def test_missing_sets_earn_no_step() -> None:
    short = [
        SessionResult(date(2025, 1, d), squat(), (SetResult(12, Load(20, KG)),)) for d in (6, 9)
    ]
    assert next_target(short, squat(), ex("goblet-squat"), equipment=DB).target == squat()


BODYWEIGHT = [
    (
        "reps at top once repeat",
        "push-up",
        pushup(),
        [session(pushup(), 15)],
        "push-up",
        (8, 15),
        None,
    ),
    ("reps below top repeat", "push-up", pushup(), twice(pushup(), 12), "push-up", (8, 15), None),
    (
        "reps at top twice -> harder",
        "push-up",
        pushup(),
        twice(pushup(), 15),
        "medicine-ball-push-up",
        (6, 10),
        None,
    ),
    (
        "two failures -> easier",
        "push-up",
        pushup(),
        twice(pushup(), 5),
        "incline-push-up",
        (8, 15),
        None,
    ),
    ("one failure repeats", "push-up", pushup(), [session(pushup(), 5)], "push-up", (8, 15), None),
    (
        "hold twice -> +5 s",
        "plank",
        plank(45),
        [hold(plank(45), 45), hold(plank(45), 50, 2)],
        "plank",
        None,
        50,
    ),
    ("hold once repeats", "plank", plank(45), [hold(plank(45), 45)], "plank", None, 45),
    (
        "hold at the cap -> harder",
        "plank",
        plank(60),
        [hold(plank(60), 60), hold(plank(60), 60, 2)],
        "two-point-plank",
        (6, 8),
        None,
    ),
    (
        "two short holds -> easier",
        "plank",
        plank(45),
        [hold(plank(45), 30), hold(plank(45), 20, 2)],
        "dead-bug",
        (8, 10),
        None,
    ),
]


@pytest.mark.parametrize(
    ("name", "slug", "current", "history", "variant", "reps", "seconds"),
    BODYWEIGHT,
    ids=[c[0] for c in BODYWEIGHT],
)
def test_bodyweight_rules(
    name: str,
    slug: str,
    current: Target,
    history: list[SessionResult],
    variant: str,
    reps: tuple[int, int] | None,
    seconds: int | None,
) -> None:
    decision = next_target(history, current, ex(slug), variants=catalogue().exercises)
    assert decision.rule == "progression"
    assert decision.target.variant == variant
    assert decision.target.exercise == current.exercise
    assert decision.target.reps == reps
    assert decision.target.seconds == seconds
    assert decision.target.load is None


def test_harder_follows_the_variants_the_runner_can_do() -> None:
    only = {"renegade-row-push-up": ex("renegade-row-push-up")}
    decision = next_target(twice(pushup(), 15), pushup(), ex("push-up"), variants=only)
    assert decision.target.variant == "renegade-row-push-up"


def test_no_harder_variant_slows_the_tempo_and_carries_it_in_the_target() -> None:
    decision = next_target(twice(pushup(), 15), pushup(), ex("push-up"), variants={})
    assert decision.target == replace(pushup(), tempo="3-1-1")
    assert "3 s down" in decision.reason


def test_new_variant_starts_its_own_history_conservatively() -> None:
    harder = Target("push-up", "medicine-ball-push-up", 3, (6, 10), None, None, 2)
    decision = next_target(twice(pushup(), 15), harder, ex("medicine-ball-push-up"))
    assert decision.target == Target("push-up", "medicine-ball-push-up", 3, (6, 10), None, None, 3)


FIRST = [
    (
        "test set 20 kg x 10 -> 16 kg",
        SetResult(10, Load(20, KG)),
        squat(None),
        "e1rm",
        Load(16, KG),
        3,
    ),
    (
        "test set in lb for a kg target",
        SetResult(10, Load(44, LB)),
        squat(10),
        "e1rm",
        Load(16, KG),
        3,
    ),
    (
        "test set over 10 reps is ignored",
        SetResult(15, Load(20, KG)),
        squat(None),
        "progression",
        None,
        3,
    ),
    ("no test set keeps the target at RIR 3", None, squat(20), "progression", Load(20, KG), 3),
    ("a higher RIR is kept", None, squat(20, rir=4), "progression", Load(20, KG), 4),
]


@pytest.mark.parametrize(
    ("name", "test_set", "current", "rule", "load", "rir"), FIRST, ids=[c[0] for c in FIRST]
)
def test_first_session(
    name: str, test_set: SetResult | None, current: Target, rule: str, load: Load | None, rir: int
) -> None:
    decision = next_target([], current, ex("goblet-squat"), equipment=DB, test_set=test_set)
    assert decision.rule == rule
    assert decision.target.rir == rir
    if load is None:
        assert decision.target.load is None
    else:
        assert decision.target.load is not None
        assert decision.target.load.unit is load.unit
        assert decision.target.load.value == pytest.approx(load.value)


def test_first_session_load_leaves_at_least_three_in_reserve() -> None:
    decision = next_target(
        [], squat(None), ex("goblet-squat"), equipment=DB, test_set=SetResult(5, Load(30, KG))
    )
    assert decision.target.load is not None
    e1rm = epley(30, 5)
    assert e1rm is not None
    reps_possible = 30 * (e1rm / decision.target.load.value - 1)
    assert reps_possible - 12 >= 3


DELOAD = [
    ("3 sets dumbbell", squat(20), DB, 2, 18.0),
    (
        "4 sets barbell",
        Target("back-squat", "back-squat", 4, (4, 6), None, Load(100, KG), 2),
        BB,
        2,
        85.0,
    ),
    ("1 set stays 1", Target("x", "x", 1, (8, 12), None, Load(20, KG), 2), DB, 1, 18.0),
    ("small load goes down a step", squat(2), DB, 2, 0.0),
    ("pounds", squat(50, LB), DB, 2, 45.0),
]


@pytest.mark.parametrize(
    ("name", "target", "equipment", "sets", "load"), DELOAD, ids=[c[0] for c in DELOAD]
)
def test_deload(name: str, target: Target, equipment: Equipment, sets: int, load: float) -> None:
    lighter = apply_deload(target, equipment)
    assert lighter.sets == sets
    assert lighter.load is not None
    assert lighter.load.value == pytest.approx(load)
    assert target.rir is not None
    assert lighter.rir == target.rir + 2
    assert (lighter.exercise, lighter.variant, lighter.reps) == (
        target.exercise,
        target.variant,
        target.reps,
    )


def test_deload_bodyweight_keeps_no_load() -> None:
    assert apply_deload(pushup()) == Target("push-up", "push-up", 2, (8, 15), None, None, 4)


@pytest.mark.parametrize(
    ("load", "reps", "expected"),
    [
        (100, 1, 100 * 31 / 30),
        (100, 5, 100 * 35 / 30),
        (100, 10, 100 * 40 / 30),
        (100, 0, None),
        (100, 11, None),
        (0, 5, 0.0),
    ],
)
def test_epley_range(load: float, reps: int, expected: float | None) -> None:
    assert epley(load, reps) == (None if expected is None else pytest.approx(expected))


def test_units_convert_and_round_trip() -> None:
    assert Load(1, KG).to(LB).value == pytest.approx(2.2046226218)
    assert Load(100, LB).to(KG).value == pytest.approx(45.359237)
    assert Load(22.5, KG).to(LB).to(KG).value == pytest.approx(22.5, abs=1e-12)
    assert Load(20, KG).to(KG) == Load(20, KG)


@pytest.mark.parametrize(
    ("value", "step", "down", "nearest"),
    [
        (21.0, 2.0, 20.0, 22.0),
        (22.4, 2.5, 20.0, 22.5),
        (23.0, 2.0, 22.0, 24.0),
        (7.9, 4.0, 4.0, 8.0),
        (0.3, 2.5, 0.0, 0.0),
        (22.5, 2.5, 22.5, 22.5),
    ],
)
def test_rounding_to_loadable_steps(value: float, step: float, down: float, nearest: float) -> None:
    assert Load(value, KG).round_down(step).value == pytest.approx(down)
    assert Load(value, KG).round_nearest(step).value == pytest.approx(nearest)


@pytest.mark.parametrize("bad", [-1.0, math.inf, math.nan])
def test_bad_loads_are_refused(bad: float) -> None:
    with pytest.raises(ValueError, match="a load must be a finite number"):
        Load(bad, KG)


def test_bad_targets_are_refused() -> None:
    with pytest.raises(ValueError, match="at least one set"):
        Target("x", "x", 0, (8, 12), None, None, 2)
    with pytest.raises(ValueError, match="bad rep range"):
        Target("x", "x", 3, (12, 8), None, None, 2)


def test_personal_records() -> None:
    sets = (SetResult(10, Load(20, KG)), SetResult(5, Load(30, KG)), SetResult(12, Load(50, LB)))
    history = [SessionResult(date(2025, 1, 6), squat(), sets)]
    best = best_e1rm(history, KG)
    assert best == Load(35.0, KG)
    assert best_reps_at(history, Load(20, KG)) == 10
    assert best_reps_at(history, Load(50, LB)) == 12
    assert best_reps_at(history, Load(22.68, KG), tolerance=0.01) == 12
    assert best_reps_at(history, Load(25, KG)) is None
    assert best_e1rm([], KG) is None


@pytest.mark.parametrize(
    ("kit", "expected"),
    [
        ({DB, Equipment.BENCH}, DB),
        ({KB}, KB),
        ({BB, DB}, BB),
        ({Equipment.MAT}, None),
        (set(), None),
    ],
)
def test_loading_equipment(kit: set[Equipment], expected: Equipment | None) -> None:
    assert loading_equipment(kit) == expected
