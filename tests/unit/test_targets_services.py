"""Issue 7 section 1 through the services: what `today`, `next` and the log answer on a
hand-made plan, for the cases a coach reported."""

from __future__ import annotations

import datetime as dt

import pytest
import training_plans as plans
from fakes import FakeStore
from training_plans import item, sets, thursday, tuesday

from runlift.adapters.catalogue_loader import load_library
from runlift.domain.library import Library
from runlift.domain.log import LoggedSet
from runlift.domain.progression import Decision, Load, Target
from runlift.domain.vocab import Units
from runlift.entrypoints.text import training as render_training
from runlift.services import training

KG = Units.KG
DEADLIFT = item("deadlift", kit=["dumbbell"], sets=4, reps=(4, 6), intensity="RIR 2-3 (~80%)")
PLANK = item("side-plank", "core", reps=None, seconds=30, intensity="steady hold")
JUMP = item("broad-jump", "plyometric", reps=(5, 8), intensity="quick, springy contacts")
PUSH = item("push-up", reps=(8, 15))
TUESDAY = [JUMP, DEADLIFT, PLANK, PUSH]


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library()


def decision(store: FakeStore, library: Library, slug: str, day: dt.date) -> Decision:
    """The decision the day view shows for one exercise."""
    view = training.day_view(store, library, "Tess", day)
    found = [
        it.decision
        for _record, items in view.sessions
        for it in items
        if it.item["exercise"] == slug and it.decision is not None
    ]
    assert len(found) == 1, (slug, day)
    return found[0]


@pytest.mark.parametrize("flag", [True, False], ids=["plan with the flag", "plan stored before"])
def test_a_deadlift_at_104_kg_comes_back_at_104_kg_after_the_deload(
    library: Library, flag: bool
) -> None:
    store = plans.store(plans.profile(), plans.weekly({1: TUESDAY}, flag=flag))
    for week in (1, 2, 3):
        plans.log(store, library, tuesday(week), sets("deadlift", 5, 104, 2, count=4))
    deload = training.next_for(store, library, "Tess", "deadlift", tuesday(3))
    assert deload.rule == "deload"
    assert (deload.target.sets, deload.target.load) == (2, Load(88, KG))
    plans.log(store, library, tuesday(4), sets("deadlift", 5, 88, 4, count=2))
    stored = [s.logged.target for _, s in store.data.sets if s.date == tuesday(4)]
    assert stored
    assert all(t is not None and not t.counts for t in stored)
    after = training.next_for(store, library, "Tess", "deadlift", tuesday(4))
    assert render_training.target_text(after.target) == "4 x 4-6 @ 104 kg, RIR 2"
    assert after == decision(store, library, "deadlift", tuesday(5))


def test_sets_stored_in_a_deload_week_before_the_flag_existed_do_not_count(
    library: Library,
) -> None:
    store = plans.store(plans.profile(), plans.weekly({1: TUESDAY}))
    for week in (1, 2):
        plans.log(store, library, tuesday(week), sets("deadlift", 5, 104, 2, count=4))
    plans.log(store, library, tuesday(4), sets("deadlift", 5, 88, 4, count=2))
    # As an older runlift stored them: the deload target without a `counts` flag.
    for index, (owner, stored) in enumerate(store.data.sets):
        if stored.date == tuesday(4) and stored.logged.target is not None:
            old = stored.logged.target
            target = Target(old.exercise, old.variant, old.sets, old.reps, None, old.load, 4)
            logged = LoggedSet("deadlift", stored.logged.set_number, 5, Load(88, KG), target=target)
            store.data.sets[index] = (
                owner,
                type(stored)(stored.id, stored.session_id, stored.date, stored.variant, logged),
            )
    assert decision(store, library, "deadlift", tuesday(5)).target.load == Load(104, KG)


def test_a_35_s_side_plank_held_40_to_45_s_is_never_sent_back_to_30_s(library: Library) -> None:
    store = plans.store(plans.profile(), plans.weekly({1: TUESDAY}))
    plans.log(store, library, tuesday(1), sets("side-plank", None, seconds=35))
    assert decision(store, library, "side-plank", tuesday(2)).target.seconds == 35
    held = [training.SetEntry("side-plank", None, None, s) for s in (40, 45, 42)]
    plans.log(store, library, tuesday(2), held)
    after = decision(store, library, "side-plank", tuesday(3))
    assert after.target.seconds == 40
    assert after.rule == "progression"
    assert "new prescription" not in after.reason
    assert render_training.target_text(after.target, True) == "3 x 40 s per side"


def test_no_rir_and_no_load_advice_where_they_mean_nothing(library: Library) -> None:
    store = plans.store(plans.profile(), plans.weekly({1: TUESDAY}))
    view = training.day_view(store, library, "Tess", tuesday(1))
    text = render_training.day_text(view, library.catalogue)
    assert "Broad jump: 3 x 5-8, rest 90 s" in text
    assert "Side plank: 3 x 30 s, rest 90 s" in text
    assert "Push-up: 3 x 8-15, RIR 3, rest 90 s" in text
    assert "Deadlift: 4 x 4-6, RIR 3, rest 90 s" in text
    assert text.count("first time:") == 1  # the deadlift's dumbbells, nothing for bodyweight
    assert "first time: pick a dumbbell load that leaves about 3 reps in reserve" in text


def test_a_new_phase_range_carries_an_estimated_load(library: Library) -> None:
    ramp = {1: [item("goblet-squat", kit=["dumbbell"], reps=(8, 12), intensity="RIR 3")]}
    heavy = {1: [item("goblet-squat", kit=["dumbbell"], reps=(4, 6), intensity="RIR 2-3")]}
    store = plans.store(plans.profile(), plans.weekly(ramp, phases={3: heavy}))
    plans.log(store, library, tuesday(1), sets("goblet-squat", 10, 20, 3))
    plans.log(store, library, tuesday(2), sets("goblet-squat", 10, 20, 3))
    shown = decision(store, library, "goblet-squat", tuesday(3))
    assert shown.target.reps == (4, 6)
    assert shown.target.load == Load(22, KG)
    assert shown.rule == "e1rm"
    assert "new range: 4-6 at RIR 2, 22 kg estimated from 20 kg x 8-12 at RIR 3" in shown.reason


def test_owned_loads_in_pounds_decide_every_target(library: Library) -> None:
    profile = plans.profile(("kettlebell",), "lb", {"kettlebell": [18, 26, 35]})
    bells = {1: [item("goblet-squat", kit=["kettlebell"], reps=(8, 12))]}
    store = plans.store(profile, plans.weekly(bells))
    top = sets("goblet-squat", 12, 26, 2, unit=Units.LB)
    plans.log(store, library, tuesday(1), top)
    plans.log(store, library, tuesday(2), top)
    assert decision(store, library, "goblet-squat", tuesday(3)).target.load == Load(35, Units.LB)
    deload = decision(store, library, "goblet-squat", tuesday(4))
    assert deload.target.load == Load(26, Units.LB)  # 35 - 15% = 29.75 -> the 26 lb bell


NEXT_DAYS = [
    # name, logged on, today, expected day next answers for
    ("planned today, nothing logged: today", None, tuesday(2), tuesday(2)),
    ("planned today and logged: the next planned day", tuesday(2), tuesday(2), tuesday(3)),
    (
        "between sessions, the last one done: the next planned day",
        tuesday(2),
        thursday(2),
        tuesday(3),
    ),
    ("Tuesday missed: offered again on Thursday, today", None, thursday(2), thursday(2)),
    ("after the plan: today", None, tuesday(12), tuesday(12)),
    (
        "after the plan, logged today: tomorrow",
        tuesday(12),
        tuesday(12),
        tuesday(12) + dt.timedelta(1),
    ),
]


@pytest.mark.parametrize(
    ("name", "logged", "today", "expected"), NEXT_DAYS, ids=[c[0] for c in NEXT_DAYS]
)
def test_next_answers_for_the_exercises_next_planned_day(
    library: Library, name: str, logged: dt.date | None, today: dt.date, expected: dt.date
) -> None:
    store = plans.store(plans.profile(), plans.weekly({1: TUESDAY}))
    if logged is not None:
        plans.log(store, library, logged, sets("deadlift", 5, 60, 2, count=4))
    assert training.next_date(store, library, "Tess", "deadlift", today) == expected
    answer = training.next_for(store, library, "Tess", "deadlift", today)
    if expected.weekday() == 1 and expected <= tuesday(8):
        assert answer == decision(store, library, "deadlift", expected)


def test_a_session_moved_a_day_keeps_its_weeks_dose(library: Library) -> None:
    store = plans.store(plans.profile(), plans.weekly({1: TUESDAY}))
    plans.log(
        store, library, tuesday(3) + dt.timedelta(days=1), sets("deadlift", 5, 60, 2, count=4)
    )
    stored = [s.logged.target for _, s in store.data.sets]
    assert all(t is not None and t.counts and t.sets == 4 for t in stored)
