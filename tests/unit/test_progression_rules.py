"""Table-driven tests of the engine rules issue 7 section 1 adds: deloads never cost progress,
beating a target counts, failures lighten by the rule, loads the runner can make, variants."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from functools import cache

import pytest

from runlift.adapters.catalogue_loader import load_library
from runlift.domain.exercise import Catalogue, Exercise
from runlift.domain.loads import LoadGrid
from runlift.domain.progression import (
    RULES,
    Load,
    SessionResult,
    SetResult,
    Target,
    next_target,
)
from runlift.domain.vocab import Equipment, Units

KG, LB = Units.KG, Units.LB
DB, KB, BB = Equipment.DUMBBELL, Equipment.KETTLEBELL, Equipment.BARBELL


@cache
def catalogue() -> Catalogue:
    return load_library().catalogue


def ex(slug: str) -> Exercise:
    return catalogue().get(slug)


def goblet(load: float | None = 20.0, reps: tuple[int, int] = (8, 12), **kw: object) -> Target:
    value = None if load is None else Load(load, KG)
    return replace(Target("goblet-squat", "goblet-squat", 3, reps, None, value, 2), **kw)  # type: ignore[arg-type]


def plank(seconds: int = 35) -> Target:
    return Target("side-plank", "side-plank", 3, None, seconds, None, None)


def done(
    target: Target,
    reps: int | None,
    load: float | None = None,
    rir: int | None = 2,
    day: int = 0,
    count: int | None = None,
    seconds: int | None = None,
) -> SessionResult:
    """A session of identical sets; load None means the target's load."""
    weight = target.load if load is None else Load(load, KG)
    one = SetResult(reps, weight, seconds, rir)
    sets = (one,) * (target.sets if count is None else count)
    return SessionResult(date(2026, 1, 5) + timedelta(days=day), target, sets)


def mixed(target: Target, sets: list[SetResult], day: int = 0) -> SessionResult:
    return SessionResult(date(2026, 1, 5) + timedelta(days=day), target, tuple(sets))


DELOAD = replace(goblet(17.0), sets=2, rir=4, counts=False)

DELOADS = [
    (
        "a deload between two tops does not break the streak",
        [done(goblet(), 12), done(DELOAD, 12, day=3), done(goblet(), 12, day=7)],
        22.0,
    ),
    (
        "the deload load never becomes the working load",
        [done(goblet(), 10), done(DELOAD, 12, day=7)],
        20.0,
    ),
    (
        "failed deload sets are no failure",
        [done(goblet(), 6), done(DELOAD, 6, day=7)],
        20.0,
    ),
    (
        "top before the deload still earns the step",
        [*(done(goblet(), 12, day=d) for d in (0, 3)), done(DELOAD, 8, day=7)],
        22.0,
    ),
]


@pytest.mark.parametrize(("name", "history", "expected"), DELOADS, ids=[c[0] for c in DELOADS])
def test_sets_that_do_not_count_never_move_the_target(
    name: str, history: list[SessionResult], expected: float
) -> None:
    decision = next_target(history, goblet(), ex("goblet-squat"), equipment=DB)
    assert decision.target.load == Load(expected, KG)
    assert decision.target.counts


BEATS = [
    ("more load on every set", goblet(), [done(goblet(), 10, 24)], 24.0, (8, 12)),
    ("more load, reps above the top count as top", goblet(), [done(goblet(), 14, 24)], 24.0, None),
    (
        "more load twice at the top earns a step from there",
        goblet(24),
        [done(goblet(), 12, 24), done(goblet(24), 12, day=3)],
        26.0,
        None,
    ),
    ("RIR not entered still counts", goblet(), [done(goblet(), 10, 24, rir=None)], 24.0, None),
    ("an off-grid load counts to the step below", goblet(), [done(goblet(), 10, 23)], 22.0, None),
    ("RIR below target is not a beat", goblet(), [done(goblet(), 10, 24, rir=1)], 20.0, None),
    (
        "heavier on some sets only is not a beat",
        goblet(),
        [
            mixed(
                goblet(),
                [SetResult(10, Load(24, KG), None, 2)] * 2 + [SetResult(10, Load(20, KG), None, 2)],
            )
        ],
        20.0,
        None,
    ),
    (
        "fewer sets than asked is not a beat",
        goblet(),
        [done(goblet(), 10, 24, count=2)],
        20.0,
        None,
    ),
    ("below the range is not a beat", goblet(), [done(goblet(), 7, 24)], 20.0, None),
    (
        "a beaten target is never lowered by a later same-load session",
        goblet(24),
        [done(goblet(), 10, 24), done(goblet(24), 9, day=3)],
        24.0,
        None,
    ),
]


@pytest.mark.parametrize(
    ("name", "current", "history", "expected", "reps"), BEATS, ids=[c[0] for c in BEATS]
)
def test_beating_a_target_counts(
    name: str,
    current: Target,
    history: list[SessionResult],
    expected: float,
    reps: tuple[int, int] | None,
) -> None:
    decision = next_target(history, current, ex("goblet-squat"), equipment=DB)
    assert decision.target.load == Load(expected, KG)
    assert decision.target.reps == (reps or current.reps)
    if expected == 24.0 and len(history) == 1:
        assert decision.reason.startswith("beat the target: 24 kg on every set")


HOLDS = [
    ("longer on every set: the shortest hold", [40, 45, 42], 40),
    ("as asked: the same hold", [35, 35, 35], 35),
    ("one short hold: repeat", [40, 30, 45], 35),
]


@pytest.mark.parametrize(("name", "held", "expected"), HOLDS, ids=[c[0] for c in HOLDS])
def test_a_longer_hold_counts(name: str, held: list[int], expected: int) -> None:
    session = mixed(plank(), [SetResult(None, None, s, None) for s in held])
    decision = next_target([session], plank(), ex("side-plank"))
    assert decision.target.seconds == expected
    assert decision.target.rir is None


RESETS = [
    ("dumbbells: 18.5 to the nearest 18", goblet(20), DB, None, 18.0),
    ("barbell: 92.5", goblet(100), BB, None, 92.5),
    ("kettlebell: 14.8 is nearest 16, so one bell down", goblet(16), KB, None, 12.0),
    ("owned kettlebells", goblet(16), KB, (8, 12, 16), 12.0),
    (
        "owned dumbbells: 11.6 -> the 10s, one below 12.5",
        goblet(12.5),
        DB,
        (4, 6, 8, 10, 12.5),
        10.0,
    ),
]


@pytest.mark.parametrize(
    ("name", "current", "equipment", "owned", "expected"), RESETS, ids=[c[0] for c in RESETS]
)
def test_two_failures_take_about_7_5_percent_to_a_real_load(
    name: str,
    current: Target,
    equipment: Equipment,
    owned: tuple[float, ...] | None,
    expected: float,
) -> None:
    grid = RULES.grid(equipment, owned or ())
    history = [done(current, 5), done(current, 6, day=3)]
    decision = next_target(history, current, ex("goblet-squat"), grid=grid)
    assert decision.target.load == Load(expected, KG)
    assert "two failed sessions" in decision.reason


def test_two_failures_at_the_lightest_load_owned_step_back_to_an_easier_variant() -> None:
    grid = RULES.grid(KB, (8, 12, 16))
    history = [done(goblet(8), 5), done(goblet(8), 6, day=3)]
    doable = {"air-squat": ex("air-squat")}
    decision = next_target(history, goblet(8), ex("goblet-squat"), doable, grid=grid)
    assert decision.target.variant == "air-squat"
    assert next_target(history, goblet(8), ex("goblet-squat"), {}, grid=grid).target == goblet(8)


OWNED_DB = (4, 6, 8, 10, 12.5)
TOP = [
    (
        "heaviest owned: the harder variant the kit allows",
        goblet(12.5),
        {"bulgarian-split-squat"},
        frozenset(),
        ("bulgarian-split-squat", (6, 10), None, None),
    ),
    (
        "no harder variant: two more reps at the top",
        goblet(12.5),
        set(),
        frozenset(),
        ("goblet-squat", (8, 14), Load(12.5, KG), None),
    ),
    (
        "the harder variant is already in the session: more reps",
        goblet(12.5),
        {"bulgarian-split-squat"},
        frozenset({"bulgarian-split-squat"}),
        ("goblet-squat", (8, 14), Load(12.5, KG), None),
    ),
    (
        "reps capped at 15",
        goblet(12.5, reps=(8, 14)),
        set(),
        frozenset(),
        ("goblet-squat", (8, 15), Load(12.5, KG), None),
    ),
    (
        "at 15 reps: a slower tempo",
        goblet(12.5, reps=(8, 15)),
        set(),
        frozenset(),
        ("goblet-squat", (8, 15), Load(12.5, KG), "3-1-1"),
    ),
    (
        "slower again",
        goblet(12.5, reps=(8, 15), tempo="3-1-1"),
        set(),
        frozenset(),
        ("goblet-squat", (8, 15), Load(12.5, KG), "4-1-1"),
    ),
    (
        "below the heaviest: the next load owned",
        goblet(10),
        {"bulgarian-split-squat"},
        frozenset(),
        ("goblet-squat", (8, 12), Load(12.5, KG), None),
    ),
]


@pytest.mark.parametrize(
    ("name", "current", "variants", "taken", "expected"), TOP, ids=[c[0] for c in TOP]
)
def test_top_of_the_range_with_the_loads_owned(
    name: str,
    current: Target,
    variants: set[str],
    taken: frozenset[str],
    expected: tuple[str, tuple[int, int], Load | None, str | None],
) -> None:
    grid = RULES.grid(DB, OWNED_DB)
    assert current.reps is not None
    history = [done(current, current.reps[1]), done(current, current.reps[1], day=3)]
    doable = {slug: ex(slug) for slug in variants}
    decision = next_target(history, current, ex("goblet-squat"), doable, grid=grid, taken=taken)
    t = decision.target
    assert (t.variant, t.reps, t.load, t.tempo) == expected
    assert t.load is None or grid.contains(t.load)


def test_the_slowest_tempo_at_the_heaviest_load_keeps_the_target() -> None:
    current = goblet(12.5, reps=(8, 15), tempo="5-1-1")
    history = [done(current, 15), done(current, 15, day=3)]
    decision = next_target(history, current, ex("goblet-squat"), {}, grid=RULES.grid(DB, OWNED_DB))
    assert decision.target == current
    assert "slowest tempo" in decision.reason


def test_a_session_at_a_new_tempo_starts_a_new_streak() -> None:
    slow = goblet(reps=(8, 15), tempo="3-1-1")
    history = [done(goblet(reps=(8, 15)), 15), done(slow, 15, day=3)]
    assert next_target(history, slow, ex("goblet-squat"), equipment=DB).target == slow


@pytest.mark.parametrize(
    ("test_set", "owned", "expected"),
    [
        (SetResult(10, Load(20, KG)), (4, 6, 8, 10, 12.5), Load(12.5, KG)),  # 17.8 -> 12.5 owned
        (SetResult(10, Load(10, KG)), (12, 16), Load(12, KG)),  # 8.9 -> the lightest owned
        (SetResult(10, Load(20, KG)), (), Load(16, KG)),
    ],
)
def test_the_first_session_estimate_is_a_load_owned(
    test_set: SetResult, owned: tuple[float, ...], expected: Load
) -> None:
    grid = RULES.grid(DB, owned)
    decision = next_target([], goblet(None), ex("goblet-squat"), grid=grid, test_set=test_set)
    assert decision.target.load == expected
    if owned == (12, 16):
        assert "the lightest you own" in decision.reason


def test_holds_have_no_rir_and_keep_none() -> None:
    decision = next_target([], plank(), ex("side-plank"))
    assert decision.target.rir is None
    assert decision.reason == "first session: log every set"
    held = [done(plank(), None, rir=0, seconds=35), done(plank(), None, rir=0, seconds=35, day=3)]
    decision = next_target(held, plank(), ex("side-plank"))
    assert decision.target.seconds == 40  # an RIR typed on a hold never blocks progress
    assert decision.target.rir is None


def test_switching_to_a_hold_variant_drops_the_rir() -> None:
    twopoint = Target("bird-dog", "bird-dog", 3, (6, 10), None, None, 2)
    history = [done(twopoint, 10), done(twopoint, 10, day=3)]
    plankish = {"two-point-plank": ex("two-point-plank")}
    decision = next_target(history, twopoint, ex("bird-dog"), plankish)
    assert decision.target.variant == "two-point-plank"
    assert decision.target.rir == 2
    hold = Target("dead-bug", "dead-bug", 3, (8, 10), None, None, 2)
    history = [done(hold, 10), done(hold, 10, day=3)]
    decision = next_target(history, hold, ex("dead-bug"), {"plank": ex("plank")})
    assert decision.target.variant == "plank"
    assert (decision.target.reps, decision.target.seconds, decision.target.rir) == (None, 45, None)


def test_owned_grid_in_pounds_answers_in_pounds() -> None:
    grid = LoadGrid.of((5.0, 5.0), (15, 20, 25, 30), LB)
    current = replace(goblet(None), load=Load(20, LB))
    history = [done(current, 12), done(current, 12, day=3)]
    decision = next_target(history, current, ex("goblet-squat"), grid=grid)
    assert decision.target.load == Load(25, LB)
