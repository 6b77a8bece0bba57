"""One small log in the fake store, written through the ports, for report and transfer tests."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from fakes import FakeStore

import plan_samples
from runlift.domain.log import LoggedSet, PerformedSession
from runlift.domain.progression import Load, Target
from runlift.domain.training_load import RunEntry
from runlift.domain.vocab import Units
from runlift.services.ports import PlannedSessionRecord

ROOT = Path(__file__).resolve().parents[2]
ANA_PROFILE = (ROOT / "examples" / "ana-marathon.yaml").read_text(encoding="utf-8")
MONDAY = dt.date(2026, 11, 16)  # ISO week 2026-W47
THURSDAY = dt.date(2026, 11, 19)
NEXT_MONDAY = dt.date(2026, 11, 23)  # ISO week 2026-W48
NOW = dt.datetime(2026, 11, 24, 7, 0, tzinfo=dt.UTC)
KG, LB = Units.KG, Units.LB
SQUAT_TARGET = Target("goblet-squat", "goblet-squat", 3, (8, 12), None, Load(20.0, KG), 2)

# (day, exercise, set number, reps, load, seconds)
LOG: list[tuple[dt.date, str, int, int | None, Load | None, int | None]] = [
    (MONDAY, "goblet-squat", 1, 10, Load(20.0, KG), None),  # e1RM 26.7 kg
    (MONDAY, "goblet-squat", 2, 8, Load(24.0, KG), None),  # e1RM 30.4 kg: Monday's best
    (MONDAY, "push-up", 1, 12, None, None),
    (MONDAY, "side-plank", 1, None, None, 30),
    (THURSDAY, "goblet-squat", 1, 5, Load(30.0, KG), None),  # e1RM 35.0 kg
    (THURSDAY, "goblet-squat", 2, 3, Load(80.0, LB), None),  # e1RM 88 lb = 39.9 kg: the best
    (THURSDAY, "push-up", 1, 15, None, None),
    (NEXT_MONDAY, "goblet-squat", 1, 12, Load(20.0, KG), None),  # 12 reps: no e1RM
    (NEXT_MONDAY, "side-plank", 1, None, None, 45),
]


def ana_with_a_log() -> FakeStore:
    """A fake store holding Ana, plan version 1, the sessions and sets of LOG, and two runs."""
    store = FakeStore()
    with store() as uow:
        ana = uow.athletes.add("Ana", ANA_PROFILE, NOW - dt.timedelta(days=10))
        planned = [
            PlannedSessionRecord(
                MONDAY, 0, 1, False, "Strength A", plan_samples.session(MONDAY, "Strength A")
            ),
            PlannedSessionRecord(
                THURSDAY, 0, 1, False, "Strength B", plan_samples.session(THURSDAY, "Strength B")
            ),
        ]
        uow.plans.add(ana.id, MONDAY, ANA_PROFILE, plan_samples.plan_text(), planned, NOW)
        for index, day in enumerate((MONDAY, THURSDAY, NEXT_MONDAY)):
            started = dt.datetime.combine(day, dt.time(18, 0), tzinfo=dt.UTC)
            session = PerformedSession(
                day, started, started + dt.timedelta(minutes=40), 6, None, f"s-{index}"
            )
            session_id = uow.sessions.add(ana.id, session)
            for when, exercise, number, reps, load, seconds in LOG:
                if when == day:
                    target = SQUAT_TARGET if exercise == "goblet-squat" else None
                    logged = LoggedSet(exercise, number, reps, load, seconds, 2, target)
                    uow.sets.add(ana.id, session_id, day, logged, exercise, started)
        uow.runs.add(ana.id, RunEntry(MONDAY, 10_000.0, 3000, "easy"), "manual", None, NOW)
        uow.runs.add(ana.id, RunEntry(THURSDAY, 8000.0), "gpx", "gpx:abc:0", NOW)
        uow.commit()
    return store
