"""Property: any sequence of logs, edits, deletes and undos leaves exactly the surviving changes.

The reference model is a dict of set id -> (exercise, reps, load, rir) with a stack of its past
states: a change pushes the state before it, an undo pops it back.
"""

from __future__ import annotations

import datetime as dt

import training_plans as plans
from fakes import FakeStore
from hypothesis import given, settings
from hypothesis import strategies as st

from runlift.adapters.catalogue_loader import load_library
from runlift.domain.progression import Load
from runlift.domain.vocab import Units
from runlift.services import corrections, training
from runlift.services.errors import NothingToUndo
from runlift.services.training import SetEntry

LIBRARY = load_library()
LUNGE = "forward-lunge"
NOW = dt.datetime(2026, 1, 20, 8, 0, tzinfo=dt.UTC)
DAYS = [plans.tuesday(1), plans.thursday(1), plans.tuesday(2)]
PLAN = plans.weekly({1: [plans.item(LUNGE, kit=["dumbbell"], reps=(4, 6))]}, weeks=3)

Row = tuple[str, int | None, Load | None, int | None]
Model = dict[int, Row]

ops = st.lists(
    st.one_of(
        st.tuples(st.just("log"), st.sampled_from(DAYS), st.integers(1, 3), st.integers(0, 12)),
        st.tuples(st.just("edit"), st.integers(0, 20), st.integers(0, 12), st.integers(0, 4)),
        st.tuples(st.just("delete"), st.integers(0, 20)),
        st.tuples(st.just("delete_session"), st.sampled_from(DAYS)),
        st.tuples(st.just("undo")),
    ),
    max_size=25,
)


def _stored(store: FakeStore) -> Model:
    return {
        s.id: (s.logged.exercise, s.logged.reps, s.logged.load, s.logged.rir)
        for _, s in store.data.sets
    }


def _pick(model: Model, index: int) -> int | None:
    ids = sorted(model)
    return ids[index % len(ids)] if ids else None


@settings(max_examples=60, deadline=None)
@given(ops)
def test_the_store_equals_replaying_the_changes_that_were_not_undone(
    steps: list[tuple[object, ...]],
) -> None:
    store = plans.store(plans.profile(), PLAN)
    model: Model = {}
    history: list[Model] = []
    for step in steps:
        before = dict(model)
        match step:
            case ("log", dt.date() as day, int(count), int(reps)):
                entries = [SetEntry(LUNGE, reps, Load(16, Units.KG), rir=2)] * count
                training.log_sets(store, LIBRARY, "Tess", day, entries, day, NOW)
                known = set(model)
                model = _stored(store)  # new ids are the store's; check the rest is unchanged
                assert {k: v for k, v in model.items() if k in known} == before
                assert len(model) == len(before) + count
            case ("edit", int(index), int(reps), int(rir)):
                set_id = _pick(model, index)
                if set_id is None:
                    continue
                corrections.edit_set(store, LIBRARY, "Tess", set_id, reps=reps, rir=rir, now=NOW)
                exercise, old_reps, load, old_rir = model[set_id]
                model[set_id] = (exercise, reps, load, rir)
                if (reps, rir) == (old_reps, old_rir):
                    continue  # no change, nothing journaled
            case ("delete", int(index)):
                set_id = _pick(model, index)
                if set_id is None:
                    continue
                corrections.delete_set(store, "Tess", set_id, NOW)
                del model[set_id]
            case ("delete_session", dt.date() as day):
                on_day = {s.id for _, s in store.data.sets if s.date == day}
                if not any(s.date == day for _, s in store.data.sessions.values()):
                    continue
                corrections.delete_session(store, "Tess", day, NOW)
                model = {k: v for k, v in model.items() if k not in on_day}
            case ("undo",):
                if not history:
                    try:
                        corrections.undo(store, "Tess", NOW)
                    except NothingToUndo:
                        continue
                    raise AssertionError("undo with no change left must refuse")
                corrections.undo(store, "Tess", NOW)
                model = history.pop()
                assert _stored(store) == model
                continue
        history.append(before)
        assert _stored(store) == model
    assert len(store.data.journal) - sum(undone for _, _, undone in store.data.journal) == len(
        history
    )
