"""Measure the coach's roster on SQLite: a coach with 60 athletes, each with a marathon plan,
four weeks of logged sessions (sets against targets) and eight weeks of runs.

Prints the median time of `roster.roster` (wall clock and this process's CPU time, which a busy
machine inflates less) and the SQL statements it runs, in all and per athlete.
"""

from __future__ import annotations

import datetime as dt
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from sqlalchemy import event

from runlift.adapters.catalogue_loader import load_library
from runlift.adapters.db.engine import make_engine, upgrade
from runlift.adapters.db.uow import SqlUnitOfWork
from runlift.domain.log import LoggedSet, PerformedSession
from runlift.domain.progression import Load, Target
from runlift.domain.training_load import RunEntry
from runlift.domain.vocab import Units
from runlift.services import athletes, coaching, roster
from runlift.services.ports import Account, Role, UnitOfWork

ROOT = Path(__file__).resolve().parents[1]
PROFILE = (ROOT / "examples" / "ana-marathon.yaml").read_text()
ATHLETES = 60
RUNS = 11
TODAY = dt.date(2026, 12, 1)
START = dt.date(2026, 11, 2)
NOW = dt.datetime(2026, 10, 30, 7, 0, tzinfo=dt.UTC)
LIFTS = ("goblet-squat", "romanian-deadlift", "step-up", "push-up", "glute-bridge", "calf-raise")


def _athlete(make_uow: Any, library: Any, coach: Account, number: int) -> None:
    with make_uow() as uow:
        account = uow.accounts.add(
            f"a{number}@example.com", f"Runner {number}", "x", Role.ATHLETE, NOW
        )
        record = uow.athletes.add(f"acct-{account.id}", "", NOW)
        uow.accounts.set_athlete(account.id, record.id)
        uow.commit()
    athletes.update_athlete(make_uow, library, record.name, PROFILE, "p", START, START, NOW)
    code = coaching.create_invitation(make_uow, coach, NOW)
    with make_uow() as uow:
        me = uow.accounts.get(account.id)
    assert me is not None
    coaching.accept_invitation(make_uow, me, code, NOW)
    with make_uow() as uow:
        _log(uow, record.id, number)
        uow.commit()


def _log(uow: UnitOfWork, athlete_id: int, number: int) -> None:
    for week in range(4):
        for weekday in (1, 3):
            day = START + dt.timedelta(days=7 * week + weekday)
            if (number + week + weekday) % 5 == 0:
                continue  # a missed session now and then
            session_id = uow.sessions.add(athlete_id, PerformedSession(day, srpe=6))
            for lift in LIFTS:
                target = Target(lift, lift, 3, (8, 10), None, Load(20, Units.KG), 2)
                for n in range(1, 4):
                    reps = 7 if (number % 7 == 0 and n == 3) else 9
                    logged = LoggedSet(lift, n, reps, Load(20, Units.KG), rir=2, target=target)
                    uow.sets.add(athlete_id, session_id, day, logged, lift, NOW)
    for week in range(8):
        for weekday in (1, 3, 6):
            day = TODAY - dt.timedelta(days=7 * (8 - week) - weekday)
            km = 14 if (weekday == 6 and week == 7 and number % 4 == 0) else RUNS
            uow.runs.add(athlete_id, RunEntry(day, km * 1000.0, 3600, "easy"), "manual", None, NOW)


def main() -> None:
    library = load_library()
    with tempfile.TemporaryDirectory() as folder:
        engine = make_engine(f"sqlite:///{Path(folder) / 'roster.db'}")
        upgrade(engine)

        def make_uow() -> SqlUnitOfWork:
            return SqlUnitOfWork(engine)

        with make_uow() as uow:
            coach = uow.accounts.add("coach@example.com", "Cleo", "x", Role.COACH, NOW)
            uow.commit()
        for number in range(ATHLETES):
            _athlete(make_uow, library, coach, number)
        statements = [0]

        def count(*_: object) -> None:
            statements[0] += 1

        event.listen(engine, "before_cursor_execute", count)
        rows = roster.roster(make_uow, library, coach, TODAY)
        queries = statements[0]
        samples, cpu = [], []
        for _ in range(7):
            began, began_cpu = time.perf_counter(), time.process_time()
            roster.roster(make_uow, library, coach, TODAY)
            samples.append((time.perf_counter() - began) * 1000)
            cpu.append((time.process_time() - began_cpu) * 1000)
        event.remove(engine, "before_cursor_execute", count)
        engine.dispose()
    flagged = sum(1 for r in rows if r.flags)
    print(f"roster of {len(rows)} athletes ({flagged} flagged) on SQLite:")
    wall, used = statistics.median(samples), statistics.median(cpu)
    print(f"  median {wall:.0f} ms ({used:.0f} ms of CPU), {queries} SQL statements")
    print(f"  = {wall / len(rows):.1f} ms and {queries / len(rows):.1f} statements per athlete")


if __name__ == "__main__":
    main()
