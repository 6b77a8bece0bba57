"""Importing Strong and Hevy history over the fake store: mapping, units, checks, idempotence."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from fakes import FakeStore

import plan_samples
from json_schema_check import errors
from runlift import schemas
from runlift.adapters.catalogue_loader import load_library
from runlift.adapters.log_csv import HEVY, STRONG, read_log_csv, write_strong_csv
from runlift.domain.foreign_log import ForeignSet, load_in, rir_from_rpe, rpe_from_rir
from runlift.domain.library import Library
from runlift.domain.progression import Load
from runlift.domain.vocab import Units
from runlift.entrypoints.shapes.log_import import log_import_shape
from runlift.services import training
from runlift.services.errors import BadInput, NotFound
from runlift.services.exercise_names import (
    COMMON_NAMES,
    SKIP,
    closest_exercises,
    match_name,
    parse_aliases,
)
from runlift.services.export_log import export_log
from runlift.services.import_log import (
    ImportResult,
    UnknownExercises,
    client_id,
    import_log,
    plan_import,
)
from runlift.services.ports import PlannedSessionRecord

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "log_import"
KG, LB = Units.KG, Units.LB
TODAY = dt.date(2026, 5, 4)
NOW = dt.datetime(2026, 5, 4, 8, 0, tzinfo=dt.UTC)
LIBRARY = load_library()


def profile(name: str, units: Units) -> str:
    return (
        f"name: {name}\nlevel: intermediate\nunits: {units.value}\n"
        "strength: {sessions_per_week: 2, minutes_per_session: 40}\n"
        "equipment: [dumbbell, barbell, bench]\nruns: {sat: long}\n"
    )


def new_store(*athletes: tuple[str, Units]) -> FakeStore:
    store = FakeStore()
    with store() as uow:
        for name, units in athletes:
            uow.athletes.add(name, profile(name, units), NOW)
        uow.commit()
    return store


def rows(name: str, app: str = STRONG) -> list[ForeignSet]:
    return read_log_csv((FIXTURES / name).read_bytes(), app)


def stored(store: FakeStore, name: str = "Kim") -> list[tuple[object, ...]]:
    """(day, slug, set number, reps, load, seconds, rir) of every stored set."""
    with store() as uow:
        athlete = uow.athletes.get(name)
        assert athlete is not None
        sets = uow.sets.all(athlete.id)
    return [
        (
            s.date,
            s.logged.exercise,
            s.logged.set_number,
            s.logged.reps,
            s.logged.load,
            s.logged.seconds,
            s.logged.rir,
        )
        for s in sets
    ]


def run(
    store: FakeStore,
    data: list[ForeignSet],
    app: str = STRONG,
    skip_unknown: bool = True,
    aliases: dict[str, str] | None = None,
    file_units: Units | None = None,
    name: str = "Kim",
) -> ImportResult:
    return import_log(
        store,
        LIBRARY,
        name,
        data,
        app,
        skip_unknown=skip_unknown,
        today=TODAY,
        now=NOW,
        aliases=aliases,
        file_units=file_units,
    )


# Mapping ------------------------------------------------------------------------------------


def test_every_built_in_name_maps_to_an_active_catalogue_exercise() -> None:
    catalogue = LIBRARY.catalogue
    for key, slug in COMMON_NAMES.items():
        assert slug in catalogue.exercises, key
        assert match_name(catalogue, key, {}) == (slug, "built-in")


@pytest.mark.parametrize(
    ("name", "slug", "how"),
    [
        ("Squat (Barbell)", "back-squat", "built-in"),
        ("Romanian Deadlift (Dumbbell)", "romanian-deadlift", "built-in"),
        ("Calf Raise (Standing)", "calf-raise", "built-in"),
        ("Single Leg Deadlift", "single-leg-romanian-deadlift", "built-in"),
        ("Deadlift (Dumbbell)", "deadlift", "catalogue"),  # 'dumbbell deadlift' is an alias
        ("Goblet Squat (Dumbbell)", "goblet-squat", "catalogue"),
        ("pull up", "pull-up", "catalogue"),
        ("Glute Bridge (Barbell)", "glute-bridge", "kit"),
        ("Lunge (Barbell)", None, "unknown"),  # the catalogue's lunge takes no barbell
        ("Squat (Smith Machine)", None, "unknown"),  # not an air squat
        ("Leg Extension (Machine)", None, "unknown"),
    ],
)
def test_names_map_through_the_table_the_catalogue_and_the_kit(
    name: str, slug: str | None, how: str
) -> None:
    assert match_name(LIBRARY.catalogue, name, {}) == (slug, how)


def test_unknown_names_come_with_the_closest_exercises() -> None:
    near = closest_exercises(LIBRARY.catalogue, "Squat (Dumbbell)")
    assert ("goblet-squat", "Goblet squat") in near
    assert 1 <= len(near) <= 3


def test_a_mapping_to_no_exercise_is_refused_with_the_closest() -> None:
    with pytest.raises(BadInput) as caught:
        plan_import(LIBRARY, rows("strong-kg.csv"), STRONG, KG, TODAY, {"Plank": "plonk"})
    assert caught.value.field == "aliases"
    assert "'Plank' -> 'plonk'" in caught.value.message
    assert "plank" in caught.value.message


# Unknown names --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fixture", "app", "unknown"),
    [
        ("strong-kg.csv", STRONG, {"Leg Extension (Machine)": 3}),
        ("strong-lb.csv", STRONG, {"Seated Leg Curl (Machine)": 1}),
        ("hevy.csv", HEVY, {"Lying Leg Curl (Machine)": 1, "Treadmill": 1}),
    ],
)
def test_unknown_names_are_listed_once_and_block_the_whole_import(
    fixture: str, app: str, unknown: dict[str, int]
) -> None:
    store = new_store(("Kim", KG))
    with pytest.raises(UnknownExercises) as caught:
        run(store, rows(fixture, app), app, skip_unknown=False)
    error = caught.value
    assert error.field == "exercise"
    assert error.code == "unknown_exercises"
    assert {m.name: m.sets for m in error.unknown} == unknown
    assert all(m.slug is None and m.how == "unknown" for m in error.unknown)
    assert "nothing imported" in error.message
    assert error.message.count(next(iter(unknown))) == 1
    assert stored(store) == []
    assert store.commits == 1


def test_every_name_mapped_imports_everything() -> None:
    store = new_store(("Kim", KG))
    result = run(
        store,
        rows("strong-kg.csv"),
        skip_unknown=False,
        aliases={"leg extension (machine)": "split squat"},
    )
    assert (result.imported, result.skipped, result.warmups) == (17, 0, 1)
    given = next(m for m in result.names if m.name == "Leg Extension (Machine)")
    assert (given.slug, given.how, given.sets) == ("split-squat", "given", 3)


def test_a_name_mapped_to_skip_is_left_out_on_purpose() -> None:
    store = new_store(("Kim", KG))
    result = run(
        store, rows("strong-kg.csv"), skip_unknown=False, aliases={"Leg Extension (Machine)": SKIP}
    )
    assert (result.imported, result.skipped) == (14, 3)
    assert "leg-extension" not in {row[1] for row in stored(store)}


# Storing ------------------------------------------------------------------------------------


def test_a_strong_file_imports_once_into_one_session_per_day() -> None:
    store = new_store(("Kim", KG))
    first = run(store, rows("strong-kg.csv"))
    assert (first.imported, first.already, first.skipped, first.warmups, first.days) == (
        14,
        0,
        3,
        1,
        3,
    )
    assert first.assumed_units is KG  # the classic layout does not say
    commits = store.commits
    again = run(store, rows("strong-kg.csv"))
    assert (again.imported, again.already, again.days) == (0, 14, 0)
    assert store.commits == commits  # nothing new, nothing written
    log = stored(store)
    assert len(log) == 14
    assert log[:3] == [
        (dt.date(2025, 3, 4), "back-squat", 1, 5, Load(80.0, KG), None, 3),
        (dt.date(2025, 3, 4), "back-squat", 2, 5, Load(80.0, KG), None, 2),
        (dt.date(2025, 3, 4), "back-squat", 3, 4, Load(80.0, KG), None, 0),
    ]
    assert (dt.date(2025, 3, 4), "plank", 1, None, None, 60, None) in log
    assert (dt.date(2025, 3, 6), "push-up", 2, 12, None, None, None) in log
    with store() as uow:
        sessions = uow.sessions.all(1)
        sets = uow.sets.all(1)
    assert [s.session.notes for s in sessions] == [
        "Strong: Legs A",
        "Strong: Upper + core",
        "Strong: Legs B",
    ]
    assert all(s.logged.target is None and s.variant == s.logged.exercise for s in sets)
    assert all(s.logged.client_id and len(s.logged.client_id) <= 120 for s in sets)


def test_pounds_become_kilograms_to_a_tenth_and_bodyweight_stays_unloaded() -> None:
    store = new_store(("Kim", KG))
    result = run(store, rows("strong-lb.csv"))
    assert (result.imported, result.skipped, result.assumed_units) == (9, 1, None)
    log = stored(store)
    loads = [(row[1], row[4]) for row in log]
    assert loads[:3] == [
        ("deadlift", Load(102.1, KG)),
        ("deadlift", Load(105.5, KG)),
        ("deadlift", Load(105.5, KG)),
    ]
    assert ("goblet-squat", Load(15.9, KG)) in loads
    assert ("hip-thrust", Load(61.2, KG)) in loads
    assert ("glute-bridge", None) in loads
    assert (dt.date(2024, 11, 12), "plank", 1, None, None, 75, None) in log


def test_kilograms_become_pounds_for_an_athlete_in_pounds() -> None:
    store = new_store(("Kim", LB))
    run(store, rows("hevy.csv", HEVY), HEVY)
    loads = {(row[1], row[4]) for row in stored(store)}
    assert ("back-squat", Load(154.3, LB)) in loads
    assert ("dumbbell-bench-press", Load(49.6, LB)) in loads
    assert ("pull-up", None) in loads


def test_weights_without_a_unit_are_read_in_the_unit_given_for_the_file() -> None:
    store = new_store(("Kim", KG))
    result = run(store, rows("strong-kg.csv"), file_units=LB)
    assert result.assumed_units is LB
    assert stored(store)[0][4] == Load(36.3, KG)  # 80 lb


def test_a_hevy_file_leaves_warm_ups_out_and_reads_rpe_as_rir() -> None:
    store = new_store(("Kim", KG))
    result = run(store, rows("hevy.csv", HEVY), HEVY)
    assert (result.imported, result.warmups, result.skipped, result.days) == (9, 1, 2, 2)
    squats = [row for row in stored(store) if row[1] == "back-squat"]
    assert [(row[3], row[6]) for row in squats] == [(6, 3), (6, 2), (5, 0)]
    pull_ups = [row[6] for row in stored(store) if row[1] == "pull-up"]
    assert pull_ups == [1, 1]  # RPE 8.5 and 9: never more in reserve than the app said


def test_imports_join_sets_logged_that_day_and_number_after_them() -> None:
    store = new_store(("Kim", KG))
    day = dt.date(2025, 3, 4)
    entry = training.SetEntry("back-squat", 5, Load(70.0, KG), test=True)
    training.log_sets(store, LIBRARY, "Kim", day, [entry], day, NOW)  # logged on the day
    run(store, rows("strong-kg.csv"))
    with store() as uow:
        sessions = uow.sessions.all(1)
    assert len([s for s in sessions if s.session.date == day]) == 1
    squats = [row[2] for row in stored(store) if row[1] == "back-squat" and row[0] == day]
    assert squats == [1, 2, 3, 4]


def test_the_same_workout_exported_again_with_more_history_adds_only_the_new_sets() -> None:
    store = new_store(("Kim", KG))
    everything = rows("strong-kg.csv")
    first_day = [r for r in everything if r.started.day == 4]
    assert run(store, first_day).imported == 7
    result = run(store, everything)
    assert (result.imported, result.already) == (7, 7)


# Checks -------------------------------------------------------------------------------------

MARCH = dt.datetime(2025, 3, 4, 7, 0)


@pytest.mark.parametrize(
    ("row", "field", "words"),
    [
        (
            ForeignSet(7, MARCH, "L", "Plank", "1", reps=10),
            "seconds",
            "row 7 (Plank): Plank is a hold",
        ),
        (ForeignSet(7, MARCH, "L", "Push Up", "1", seconds=40), "reps", "is done for reps"),
        (ForeignSet(7, MARCH, "L", "Push Up", "1"), "reps", "no reps"),
        (ForeignSet(7, MARCH, "L", "Push Up", "1", reps=900), "reps", "row 7 (Push Up): 900"),
        (ForeignSet(7, MARCH, "L", "Plank", "1", seconds=9000), "seconds", "out of range"),
        (
            ForeignSet(7, MARCH, "L", "Squat (Barbell)", "1", weight=900.0, unit=KG, reps=1),
            "load",
            "not plausible",
        ),
        (ForeignSet(7, MARCH, "L", "Push Up", "1", reps=5, rpe=11.0), "rpe", "out of range"),
        (
            ForeignSet(7, dt.datetime(1999, 12, 31), "L", "Push Up", "1", reps=5),
            "date",
            "row 7: 1999-12-31 is before 2000-01-01",
        ),
        (
            ForeignSet(7, dt.datetime(2026, 5, 9), "L", "Push Up", "1", reps=5),
            "date",
            "in the future",
        ),
    ],
)
def test_a_set_the_exercise_cannot_hold_is_refused_and_nothing_is_stored(
    row: ForeignSet, field: str, words: str
) -> None:
    store = new_store(("Kim", KG))
    good = ForeignSet(2, MARCH, "L", "Push Up", "1", reps=5)
    with pytest.raises(BadInput) as caught:
        run(store, [good, row])
    assert caught.value.field == field
    assert words in caught.value.message
    assert stored(store) == []


def test_an_unknown_athlete_is_not_found() -> None:
    with pytest.raises(NotFound):
        run(new_store(("Kim", KG)), rows("strong-kg.csv"), name="Kip")


def test_client_ids_are_stable_short_and_tell_repeated_labels_apart() -> None:
    one = ForeignSet(2, MARCH, "L", "x" * 500, "12")
    assert client_id(STRONG, one) == client_id(STRONG, one)
    assert len(client_id(HEVY, one)) <= 120
    assert client_id(STRONG, one).startswith("strong:20250304T070000:")
    assert client_id(STRONG, one) != client_id(
        STRONG, ForeignSet(2, MARCH, "L", "x" * 500, "12", 2)
    )


def test_effort_and_load_conversions() -> None:
    assert [rir_from_rpe(r) for r in (None, 10.0, 9.5, 8.0, 7.5, 0.0)] == [None, 0, 0, 2, 2, 10]
    assert [rpe_from_rir(r) for r in (None, 0, 2, 10)] == [None, 10.0, 8.0, 0.0]
    assert load_in(None, KG, KG) is None
    assert load_in(0.0, LB, KG) is None
    assert load_in(22.25, KG, KG) == Load(22.25, KG)
    assert load_in(225.0, LB, KG) == Load(102.1, KG)
    assert load_in(100.0, KG, LB) == Load(220.5, LB)


# Export -------------------------------------------------------------------------------------


def test_the_log_exports_in_the_athletes_units_with_the_planned_title_and_rpe() -> None:
    store = new_store(("Kim", KG))
    day = dt.date(2026, 4, 20)
    with store() as uow:
        content = plan_samples.session(day, "Strength A")
        planned = [PlannedSessionRecord(day, 0, 1, False, "Strength A", content)]
        uow.plans.add(1, day, profile("Kim", KG), '{"weeks": []}', planned, NOW)
        uow.commit()
    entries = [
        training.SetEntry("goblet-squat", 10, Load(50.0, LB), rir=2),
        training.SetEntry("goblet-squat", 8, Load(24.0, KG)),
        training.SetEntry("side-plank", None, seconds=40),
    ]
    training.log_sets(store, LIBRARY, "Kim", day, entries, TODAY, NOW)
    export = export_log(store, LIBRARY, "Kim")
    assert export.units is KG
    assert [
        (s.workout, s.exercise, s.order, s.weight, s.unit, s.reps, s.seconds, s.rpe)
        for s in export.sets
    ] == [
        ("Strength A", "Goblet squat", "1", 22.7, KG, 10, None, 8.0),
        ("Strength A", "Goblet squat", "2", 24.0, KG, 8, None, None),
        ("Strength A", "Side plank", "1", None, None, None, 40, None),
    ]
    assert export.sets[0].started == dt.datetime(2026, 4, 20)


def test_export_then_import_into_another_athlete_gives_the_same_sets() -> None:
    store = new_store(("Kim", KG), ("Lou", KG))
    for fixture, app in (("strong-kg.csv", STRONG), ("strong-lb.csv", STRONG), ("hevy.csv", HEVY)):
        run(store, rows(fixture, app), app)
    text = write_strong_csv(export_log(store, LIBRARY, "Kim").sets)
    result = run(store, read_log_csv(text.encode(), STRONG), skip_unknown=False, name="Lou")
    assert result.skipped == 0
    assert result.imported == len(stored(store))
    assert stored(store, "Lou") == stored(store)
    assert run(store, read_log_csv(text.encode(), STRONG), name="Lou").imported == 0


def test_a_library_is_accepted_where_the_catalogue_is_needed() -> None:
    library: Library = LIBRARY
    plan = plan_import(library, rows("strong-kg.csv"), STRONG, KG, TODAY)
    assert len(plan.sets) == 14
    assert [m.name for m in plan.unknown] == ["Leg Extension (Machine)"]


def test_an_import_result_fits_the_public_log_import_shape() -> None:
    result = run(new_store(("Kim", KG)), rows("hevy.csv", HEVY), HEVY)
    shape = log_import_shape(result)
    document = json.loads(schemas.dumps(shape))
    assert errors(document, schemas.LogImport.model_json_schema()) == []
    assert schemas.SHAPES["log-import"] is schemas.LogImport
    treadmill = next(n for n in document["names"] if n["name"] == "Treadmill")
    assert treadmill["exercise"] is None
    assert treadmill["how"] == "unknown"


def test_aliases_are_name_equals_slug_and_an_empty_slug_skips() -> None:
    given = ["Squat (Smith Machine) = back-squat", "Leg Press=", "A=B=split-squat"]
    assert parse_aliases(given, "map") == {
        "Squat (Smith Machine)": "back-squat",
        "Leg Press": SKIP,
        "A=B": "split-squat",
    }
    for bad in ("Leg Press", "=back-squat", " =x"):
        with pytest.raises(BadInput) as refused:
            parse_aliases([bad], "--map")
        assert refused.value.field == "--map"
