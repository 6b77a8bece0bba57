"""Targets fitted to the plan, the kit and the session (runlift.domain.coach), issue 7 section 1:
state from the log, dose from the plan, range changes by Epley, deloads, RIR, variants."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from functools import cache

import pytest

from runlift.adapters.catalogue_loader import load_library
from runlift.domain.coach import ItemLog, Kit, PlannedItem, item_target, session_targets
from runlift.domain.exercise import Catalogue
from runlift.domain.progression import RULES, Load, SessionResult, SetResult, Target
from runlift.domain.vocab import Equipment, Units

KG = Units.KG
DB, KB, BB = Equipment.DUMBBELL, Equipment.KETTLEBELL, Equipment.BARBELL
GYM = Kit(frozenset({DB, KB, BB, Equipment.BENCH, Equipment.TOWEL}))


@cache
def catalogue() -> Catalogue:
    return load_library().catalogue


def planned(
    slug: str,
    reps: tuple[int, int] | None = (8, 12),
    seconds: int | None = None,
    kit: frozenset[Equipment] = frozenset({DB}),
    block: str = "main",
    **kw: object,
) -> PlannedItem:
    return replace(PlannedItem(slug, block, kit, 3, reps, seconds, 2), **kw)  # type: ignore[arg-type]


def session(
    target: Target,
    reps: int | None,
    load: float | None = None,
    day: int = 0,
    seconds: int | None = None,
    rir: int | None = 2,
) -> SessionResult:
    weight = target.load if load is None else Load(load, KG)
    one = SetResult(reps, weight, seconds, rir)
    return SessionResult(date(2026, 1, 5) + timedelta(days=day), target, (one,) * target.sets)


def target(
    slug: str,
    reps: tuple[int, int] | None = (8, 12),
    load: float | None = 20.0,
    rir: int | None = 2,
    **kw: object,
) -> Target:
    value = None if load is None else Load(load, KG)
    return replace(Target(slug, slug, 3, reps, None, value, rir), **kw)  # type: ignore[arg-type]


def decide(item: PlannedItem, *history: SessionResult, kit: Kit = GYM) -> Target:
    return item_target(item, ItemLog(tuple(history)), catalogue(), kit).target


# 1. A deload never costs progress -------------------------------------------------------------

DEADLIFT = target("deadlift", (4, 6), 104.0, sets=4)
DEADLIFT_DELOAD = replace(DEADLIFT, sets=2, load=Load(88, KG), rir=4, counts=False)


def test_the_104_kg_deadlift_comes_back_at_104_after_its_deload() -> None:
    normal = planned("deadlift", (4, 6), sets=4)
    before = [session(DEADLIFT, 5), session(DEADLIFT, 5, day=7)]
    deload = item_target(
        replace(normal, sets=2, counts=False, deload=True), ItemLog(tuple(before)), catalogue(), GYM
    )
    assert deload.rule == "deload"
    assert deload.target.load == Load(88, KG)
    assert deload.target.sets == 2
    assert not deload.target.counts
    after = decide(normal, *before, session(DEADLIFT_DELOAD, 5, day=14))
    assert (after.sets, after.load, after.rir) == (4, Load(104, KG), 2)
    assert after.counts


def test_the_first_week_after_a_deload_gets_the_step_earned_before_it() -> None:
    normal = planned("deadlift", (4, 6), sets=4)
    tops = [session(DEADLIFT, 6), session(DEADLIFT, 6, day=7)]
    result = item_target(
        normal, ItemLog((*tops, session(DEADLIFT_DELOAD, 6, day=14))), catalogue(), GYM
    )
    assert result.target.load == Load(106, KG)
    assert "later deload or taper sets do not count" in result.reason


# 2. Beating a target counts and progression state carries across plan changes ----------------


def test_a_35_s_side_plank_held_40_to_45_s_is_not_sent_back_to_the_plans_30_s() -> None:
    item = planned("side-plank", None, 30, frozenset(), "core")
    asked = Target("side-plank", "side-plank", 3, None, 35, None, None)
    held = SessionResult(
        date(2026, 1, 5), asked, tuple(SetResult(None, None, s) for s in (40, 45, 42))
    )
    result = item_target(item, ItemLog((held,)), catalogue(), GYM)
    assert result.target.seconds == 40
    assert result.target.rir is None
    assert "beat the target: held 40 s" in result.reason


def test_hold_time_load_and_tempo_carry_over_while_sets_and_range_follow_the_plan() -> None:
    last = target("goblet-squat", load=24.0, tempo="4-1-1", sets=4)
    now = planned("goblet-squat", sets=2)
    result = decide(now, session(last, 10))
    assert (result.sets, result.reps, result.load, result.tempo) == (
        2,
        (8, 12),
        Load(24, KG),
        "4-1-1",
    )


@pytest.mark.parametrize(
    ("plan_tempo", "earned", "expected"),
    [("3-0-3", None, "3-0-3"), ("3-0-3", "4-0-3", "4-0-3"), (None, "3-1-1", "3-1-1")],
)
def test_the_slower_of_the_plans_and_the_earned_tempo(
    plan_tempo: str | None, earned: str | None, expected: str
) -> None:
    last = target("calf-raise", (10, 15), 20.0, tempo=earned)
    assert (
        decide(planned("calf-raise", (10, 15), tempo=plan_tempo), session(last, 12)).tempo
        == expected
    )


# 3. A changed rep range carries an Epley estimate across --------------------------------------

RANGES = [
    # name, old range, old RIR, old load, new range, new RIR, kit, owned, expected
    ("ramp-in 8-12 RIR 3 to 4-6 RIR 2", (8, 12), 3, 20.0, (4, 6), 2, DB, (), 22.0),
    ("4-6 to a 3-5 build block", (4, 6), 2, 60.0, (3, 5), 2, BB, (), 60.0),
    ("back to 8-12 is lighter", (4, 6), 2, 30.0, (8, 12), 2, DB, (), 24.0),
    ("Achilles 15RM to 12RM", (15, 15), 0, 20.0, (12, 12), 0, DB, (), 20.0),
    ("Achilles 8RM to 6RM", (8, 8), 0, 30.0, (6, 6), 0, DB, (), 30.0),
    (
        "owned loads round down to one owned",
        (8, 12),
        3,
        8.0,
        (3, 3),
        2,
        DB,
        (4, 6, 8, 10, 12.5),
        10.0,
    ),
    (
        "owned loads never above the estimate",
        (8, 12),
        3,
        8.0,
        (4, 6),
        2,
        DB,
        (4, 6, 8, 10, 12.5),
        8.0,
    ),
]


@pytest.mark.parametrize(
    ("name", "old", "old_rir", "load", "new", "new_rir", "piece", "owned", "expected"),
    RANGES,
    ids=[c[0] for c in RANGES],
)
def test_a_new_range_converts_the_load_by_epley(
    name: str,
    old: tuple[int, int],
    old_rir: int,
    load: float,
    new: tuple[int, int],
    new_rir: int,
    piece: Equipment,
    owned: tuple[float, ...],
    expected: float,
) -> None:
    kit = Kit(GYM.equipment, {piece: owned} if owned else {})
    last = target("goblet-squat", old, load, old_rir)
    item = planned("goblet-squat", new, kit=frozenset({piece}), rir=new_rir)
    result = item_target(item, ItemLog((session(last, old[0]),)), catalogue(), kit)
    estimate = load * (1 + (old[1] + old_rir) / 30) / (1 + (new[1] + new_rir) / 30)
    assert result.target.load == Load(expected, KG)
    assert expected <= estimate + 1e-9
    assert result.target.reps == new
    assert result.rule == "e1rm"
    assert (
        f"new range: {new[0]}-{new[1]}" in result.reason or f"new range: {new[0]} " in result.reason
    )
    assert f"from {Load(load, KG)}" in result.reason


# 5 + deload: failures lighten by the rule; a deload after them does not stack a second cut ----


def test_a_deload_after_a_reset_is_one_cut_from_the_pre_reset_load() -> None:
    kit = Kit(GYM.equipment, {DB: (12, 14, 16, 18, 20, 22)})
    last = target("goblet-squat", load=20.0)
    failed = [session(last, 6), session(last, 5, day=3)]
    normal = item_target(planned("goblet-squat"), ItemLog(tuple(failed)), catalogue(), kit)
    assert normal.target.load == Load(18, KG)  # 18.5 -> the nearest pair owned
    deload = item_target(
        planned("goblet-squat", sets=2, counts=False, deload=True),
        ItemLog(tuple(failed)),
        catalogue(),
        kit,
    )
    assert deload.target.load == Load(18, KG)  # 20 - 15% = 17 -> 18 owned; never 18 - 15%
    assert deload.reason.startswith("deload week: 18 kg instead of 20 kg, 2 sets, RIR 4 (+2)")
    assert "next normal session: 18 kg after two failed sessions" in deload.reason
    assert "one cut from 20 kg, not two" in deload.reason


# 8. Deload sessions lighten every item the same way; RIR only where it means something -------

DELOAD_ITEMS = [
    # name, item, last target, expected (sets, reps, seconds, load, rir)
    (
        "loaded reps",
        planned("goblet-squat", sets=2),
        target("goblet-squat"),
        (2, (8, 12), None, 18.0, 4),
    ),
    (
        "bodyweight reps keep their dose",
        planned("push-up", (8, 15), kit=frozenset(), sets=2),
        target("push-up", (8, 15), None),
        (2, (8, 15), None, None, 4),
    ),
    (
        "holds keep their time",
        planned("side-plank", None, 30, frozenset(), "core", sets=2),
        Target("side-plank", "side-plank", 3, None, 40, None, None),
        (2, None, 40, None, None),
    ),
    (
        "jumps get no RIR",
        planned("broad-jump", (5, 8), kit=frozenset(), block="plyometric", sets=2, rir=None),
        target("broad-jump", (5, 8), None, None),
        (2, (5, 8), None, None, None),
    ),
]


@pytest.mark.parametrize(
    ("name", "item", "last", "expected"), DELOAD_ITEMS, ids=[c[0] for c in DELOAD_ITEMS]
)
def test_every_item_of_a_deload_session_is_lightened_alike(
    name: str,
    item: PlannedItem,
    last: Target,
    expected: tuple[int, tuple[int, int] | None, int | None, float | None, int | None],
) -> None:
    deload = replace(item, counts=False, deload=True)
    previous = session(last, last.reps[0] if last.reps else None, seconds=last.seconds)
    result = item_target(deload, ItemLog((previous,)), catalogue(), GYM)
    t = result.target
    load = None if t.load is None else t.load.value
    assert (t.sets, t.reps, t.seconds, load, t.rir) == expected
    assert result.rule == "deload"
    assert not t.counts
    assert ("RIR" in result.reason) == (t.rir is not None)
    assert "these sets do not count towards progression" in result.reason


RIR = [
    ("a loaded lift", planned("goblet-squat"), 2),
    ("plan states none: the default", planned("goblet-squat", rir=None), 2),
    ("a hold", planned("plank", None, 45, frozenset(), "core"), None),
    (
        "a jump in the plyometric block",
        planned("pogo-jump", (10, 15), kit=frozenset(), block="plyometric"),
        None,
    ),
    ("a jump anywhere", planned("jump-squat", (6, 10), kit=frozenset()), None),
    (
        "mobility in the core block",
        planned("scorpion", (4, 6), kit=frozenset(), block="core"),
        None,
    ),
    ("a warm-up move", planned("inchworm", (6, 8), kit=frozenset(), block="warmup"), None),
    ("bodyweight reps", planned("push-up", (8, 15), kit=frozenset()), 3),  # first session: RIR 3+
]


@pytest.mark.parametrize(("name", "item", "rir"), RIR, ids=[c[0] for c in RIR])
def test_rir_only_where_reps_in_reserve_mean_something(
    name: str, item: PlannedItem, rir: int | None
) -> None:
    if item.exercise == "goblet-squat":
        assert decide(item, session(target("goblet-squat"), 10)).rir == rir
    else:
        assert decide(item).rir == rir


def test_no_load_advice_on_bodyweight_moves() -> None:
    assert (
        item_target(
            planned("push-up", (8, 15), kit=frozenset()), ItemLog(), catalogue(), GYM
        ).loading
        is None
    )
    first = item_target(planned("goblet-squat"), ItemLog(), catalogue(), GYM)
    assert first.loading is DB
    assert first.target.load is None


# 6 + 7. Variants the runner can do, and never the same exercise twice in a session ----------

MINI_BAND = Kit(frozenset({Equipment.MINI_BAND, Equipment.TOWEL}))


def test_a_mini_band_runner_is_never_sent_to_a_goblet_squat() -> None:
    squat = target("air-squat", (12, 20), None)
    tops = [session(squat, 20), session(squat, 20, day=3)]
    result = decide(planned("air-squat", (12, 20), kit=frozenset()), *tops, kit=MINI_BAND)
    assert result.variant == "split-squat"
    assert catalogue().get(result.variant).doable_with(MINI_BAND.equipment)


def test_two_failed_bodyweight_sessions_step_back_to_a_doable_easier_variant() -> None:
    push = target("push-up", (8, 15), None)
    result = decide(
        planned("push-up", (8, 15), kit=frozenset()), session(push, 5), session(push, 4, day=3)
    )
    assert result.variant == "incline-push-up"


def test_a_variant_no_longer_doable_goes_back_to_the_planned_exercise() -> None:
    moved = replace(target("push-up", (6, 10), None), variant="medicine-ball-push-up")
    result = decide(planned("push-up", (8, 15), kit=frozenset()), session(moved, 8), kit=MINI_BAND)
    assert result.variant == "push-up"
    assert result.reps == (8, 15)


def test_a_variant_switch_never_duplicates_another_item_of_the_session() -> None:
    squat = target("air-squat", (12, 20), None)
    tops = ItemLog((session(squat, 20), session(squat, 20, day=3)))
    items = [
        (planned("air-squat", (12, 20), kit=frozenset()), tops),
        (planned("split-squat", (8, 12), kit=frozenset()), ItemLog()),
    ]
    first, second = session_targets(items, catalogue(), MINI_BAND)
    assert first.target.variant not in {"split-squat", "goblet-squat"}
    assert second.target.variant == "split-squat"
    assert len({first.target.variant, second.target.variant}) == 2


def test_a_carried_variant_that_another_item_now_plans_goes_back_to_its_own_slug() -> None:
    moved = replace(target("push-up", (6, 10), None), variant="incline-push-up")
    items = [
        (planned("push-up", (8, 15), kit=frozenset()), ItemLog((session(moved, 8),))),
        (planned("incline-push-up", (8, 15), kit=frozenset()), ItemLog()),
    ]
    first, second = session_targets(items, catalogue(), GYM)
    assert (first.target.variant, second.target.variant) == ("push-up", "incline-push-up")


def test_top_of_the_range_at_the_heaviest_owned_load_with_the_harder_variant_taken() -> None:
    kit = Kit(GYM.equipment, {DB: (8, 10, 12)})
    top = target("goblet-squat", load=12.0)
    log = ItemLog((session(top, 12), session(top, 12, day=3)))
    items = [
        (planned("goblet-squat"), log),
        (planned("bulgarian-split-squat", (6, 10)), ItemLog()),
        (planned("front-squat", (5, 8), kit=frozenset({BB})), ItemLog()),
        (planned("dumbbell-thruster", (8, 12)), ItemLog()),
        (planned("back-squat", (4, 8), kit=frozenset({BB})), ItemLog()),
    ]
    squat = session_targets(items, catalogue(), kit)[0].target
    assert (squat.variant, squat.reps, squat.load) == ("goblet-squat", (8, 14), Load(12, KG))


def test_more_reps_earned_at_the_heaviest_load_survive_the_plans_range() -> None:
    kit = Kit(GYM.equipment, {DB: (8, 10, 12)})
    extended = target("goblet-squat", (8, 14), 12.0)
    result = item_target(
        planned("goblet-squat"), ItemLog((session(extended, 10),)), catalogue(), kit
    )
    assert result.target.reps == (8, 14)
    assert result.target.load == Load(12, KG)


def test_taper_and_activation_sessions_never_hold_longer_than_planned() -> None:
    held = Target("side-plank", "side-plank", 3, None, 50, None, None)
    item = planned("side-plank", None, 30, frozenset(), "core", counts=False)
    result = item_target(item, ItemLog((session(held, None, seconds=50),)), catalogue(), GYM)
    assert result.target.seconds == 30
    assert "does not count towards progression" in result.reason


def test_every_load_is_one_the_runner_owns_in_their_units() -> None:
    kit = Kit(GYM.equipment, {KB: (16, 24, 32)}, Units.LB)
    last = target("goblet-squat", load=None)
    lifted = SessionResult(
        date(2026, 1, 5), replace(last, load=None), (SetResult(12, Load(20, KG), None, 2),) * 3
    )
    result = item_target(
        planned("goblet-squat", kit=frozenset({KB})), ItemLog((lifted,)), catalogue(), kit
    )
    assert result.target.load == Load(32, Units.LB)  # 20 kg = 44 lb -> the 32 lb bell, not above
    assert RULES.grid(KB, (16, 24, 32), Units.LB).contains(result.target.load)


# 9. `next` and `today` explain themselves truthfully -----------------------------------------

PUSH = target("push-up", (8, 15), None)
SIDE = Target("side-plank", "side-plank", 3, None, 40, None, None)
REASONS = [
    (
        "a hold's first session",
        planned("side-plank", None, 30, frozenset(), "core"),
        (),
        "progression",
        "first session: log every set",
    ),
    (
        "bodyweight reps, not at the top",
        planned("push-up", (8, 15), kit=frozenset()),
        (session(PUSH, 10),),
        "progression",
        "same dose: aim for the top of the range on every set",
    ),
    (
        "a hold done as asked",
        planned("side-plank", None, 30, frozenset(), "core"),
        (session(SIDE, None, seconds=40, rir=None),),
        "progression",
        "same hold: hold it on every set",
    ),
    (
        "RIR dropped on bodyweight reps",
        planned("push-up", (8, 15), kit=frozenset()),
        (session(PUSH, 12, rir=0),),
        "progression",
        "RIR fell 2+ below target: repeat it",
    ),
    (
        "a taper hold is the plan's, and says so",
        planned("side-plank", None, 30, frozenset(), "core", counts=False),
        (session(SIDE, None, seconds=40, rir=None),),
        "progression",
        "same hold: hold it on every set; 30 s in this lighter session (your hold: 40 s); "
        "this session does not count towards progression",
    ),
    (
        "a bodyweight deload",
        planned("push-up", (8, 15), kit=frozenset(), sets=2, counts=False, deload=True),
        (session(PUSH, 10),),
        "deload",
        "deload week: 2 sets, RIR 4 (+2); these sets do not count towards progression",
    ),
    (
        "a loaded deload",
        planned("goblet-squat", sets=2, counts=False, deload=True),
        (session(target("goblet-squat"), 10),),
        "deload",
        "deload week: 18 kg instead of 20 kg, 2 sets, RIR 4 (+2); these sets do not count "
        "towards progression; next normal session: 20 kg",
    ),
]


@pytest.mark.parametrize(
    ("name", "item", "history", "rule", "reason"), REASONS, ids=[c[0] for c in REASONS]
)
def test_reasons_are_true_of_the_numbers_shown(
    name: str, item: PlannedItem, history: tuple[SessionResult, ...], rule: str, reason: str
) -> None:
    decision = item_target(item, ItemLog(history), catalogue(), GYM)
    assert (decision.rule, decision.reason) == (rule, reason)


def test_a_test_set_only_sets_the_first_load_of_its_own_exercise() -> None:
    log = ItemLog(test_set=SetResult(10, Load(20, KG)))
    own = item_target(planned("goblet-squat"), log, catalogue(), GYM)
    assert own.target.load == Load(16, KG)
    assert own.rule == "e1rm"
    other = item_target(planned("goblet-squat"), log, catalogue(), GYM, "bulgarian-split-squat")
    assert other.target.load is None
