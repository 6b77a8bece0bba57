"""The demo runner `make run` opens the web app with: an account, a plan that started three
weeks ago, and those weeks trained and run, so every page has something true to show.

The log is made by the same engine a runner meets: each past session is done as the plan's
targets say on that day (the top of the rep range, the target load and RIR), one session is
missed and the last set of one lift falls short, so the progression, the misses and the
charts are the product's own answers, not canned numbers.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from runlift.domain.library import Library
from runlift.domain.loads import Load
from runlift.domain.periodize import monday_of
from runlift.domain.targets import Target
from runlift.domain.training_load import RunEntry
from runlift.domain.vocab import Units
from runlift.services import accounts, athletes, guided, running, training
from runlift.services.accounts import Hasher
from runlift.services.coaching import athlete_access
from runlift.services.ports import Role, UnitOfWork

UowFactory = Callable[[], UnitOfWork]

DEMO_EMAIL = "demo@runlift.example"
DEMO_PASSWORD = "demo-runner-2026"  # printed by `make run`: the demo account guards nothing
WEEKS_TRAINED = 3
RACE_IN_WEEKS = 14
# Kilometres and minutes of the demo's usual runs, by weekday (Monday = 0).
RUNS = {
    1: (9.0, 50, "intervals"),
    3: (8.0, 45, "easy"),
    5: (7.0, 40, "easy"),
    6: (16.0, 95, "long"),
}
LONG_RUN_GROWTH_KM = 2.0
FIRST_LOAD = Load(10, Units.KG)
MISSED_SESSION = 4  # the fifth planned session of the demo is skipped, as real weeks go


@dataclass(frozen=True, slots=True)
class DemoSeed:
    """How to sign in as the demo runner, and what this call stored (nothing if it existed)."""

    email: str
    password: str
    created: bool
    sessions: int = 0
    sets: int = 0
    runs: int = 0


def demo_profile(today: dt.date) -> str:
    """The demo runner's profile file: a half marathon RACE_IN_WEEKS weeks out, 2 x 40 min
    a week with dumbbells at home, a runner's knee history."""
    race = monday_of(today) + dt.timedelta(weeks=RACE_IN_WEEKS, days=6)
    return (
        "name: Demo runner\n"
        "level: intermediate\n"
        "style: performance\n"
        "units: kg\n"
        "body_mass: 62\n"
        f"race: {{distance: half_marathon, date: {race.isoformat()}}}\n"
        "strength: {sessions_per_week: 2, minutes_per_session: 40, preferred_days: [mon, thu]}\n"
        "equipment: [dumbbell, bench, resistance_band, mini_band, foam_roller]\n"
        "weights: {dumbbell: [4, 6, 8, 10, 12.5, 15, 17.5, 20]}\n"
        "runs: {tue: intervals, thu: easy, sat: easy, sun: long}\n"
        "injuries: [runners_knee]\n"
    )


def _entries(
    day: dt.date, targets: list[training.ItemTarget], short: bool
) -> list[training.SetEntry]:
    """Every set of a session as prescribed; with `short`, the first lift's last set falls two
    reps short (a real session, not a perfect one)."""
    entries: list[training.SetEntry] = []
    first_lift = True
    for item in targets:
        if item.decision is None:
            continue
        target: Target = item.decision.target
        load = target.load
        if load is None and item.decision.loading is not None:
            load = FIRST_LOAD  # a first session with a loaded lift: the runner picks a weight
        for number in range(1, target.sets + 1):
            result = guided.prescribed(target, load)
            reps = result.reps
            if short and first_lift and reps is not None and number == target.sets:
                reps = max(1, reps - 2)
            entries.append(
                training.SetEntry(
                    exercise=target.variant,
                    reps=reps,
                    load=result.load,
                    seconds=result.seconds,
                    rir=result.rir,
                    client_id=guided.client_id(day, target.variant, number),
                    set_number=number,
                )
            )
        if target.reps is not None:
            first_lift = False
    return entries


def _run_on(day: dt.date, start: dt.date) -> RunEntry | None:
    usual = RUNS.get(day.weekday())
    if usual is None:
        return None
    km, minutes, kind = usual
    if kind == "long":
        week = (day - start).days // 7
        km += LONG_RUN_GROWTH_KM * week
        minutes += int(LONG_RUN_GROWTH_KM * week * 6)
    return RunEntry(day, km * 1000, minutes * 60, kind)


def seed_demo(
    make_uow: UowFactory,
    library: Library,
    today: dt.date,
    now: dt.datetime,
    hasher: Hasher | None = None,
) -> DemoSeed:
    """Create the demo runner with three weeks of training behind them; if the account exists
    already it is left as it is (a second `make run` keeps what was logged)."""
    with make_uow() as uow:
        if uow.accounts.by_email(DEMO_EMAIL) is not None:
            return DemoSeed(DEMO_EMAIL, DEMO_PASSWORD, created=False)
    account = accounts.sign_up(
        make_uow, DEMO_EMAIL, DEMO_PASSWORD, "Demo runner", Role.ATHLETE, now, hasher
    )
    name = athlete_access(make_uow, account, "me").name
    start = monday_of(today) - dt.timedelta(weeks=WEEKS_TRAINED)
    athletes.update_athlete(
        make_uow, library, name, demo_profile(today), "demo profile", start, today, now,
        by=account.id,
    )  # fmt: skip
    sessions = sets = runs = planned = 0
    day = start
    while day < today:
        view = training.day_view(make_uow, library, name, day, today)
        for _record, targets in view.sessions:
            planned += 1
            if planned - 1 == MISSED_SESSION:
                continue
            entries = _entries(day, targets, short=planned % 3 == 0)
            if entries:
                training.log_sets(make_uow, library, name, day, entries, today, now)
                guided.stamp_session(make_uow, name, day, srpe=6 + planned % 2)
                sessions += 1
                sets += len(entries)
        run = _run_on(day, start)
        if run is not None:
            running.add_run(make_uow, name, run, f"demo-run-{day.isoformat()}", today, now)
            runs += 1
        day += dt.timedelta(days=1)
    return DemoSeed(DEMO_EMAIL, DEMO_PASSWORD, True, sessions, sets, runs)
