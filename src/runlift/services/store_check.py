"""The store check: rows no command could use (an old import, SQL behind runlift's back), found
and, when asked, repaired in one transaction: dropped, cleared or re-built, each step reported."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from runlift.domain.builder import build_plan
from runlift.domain.library import Library
from runlift.domain.log import LoggedSet, PerformedSession
from runlift.domain.progression import Load
from runlift.domain.target_codec import target_from_json
from runlift.domain.training_load import RunEntry, check_run
from runlift.domain.vocab import Units
from runlift.services.athletes import UowFactory, profile_from_text, store_plan
from runlift.services.errors import BadInput
from runlift.services.plan_document import dumps, plan_to_dict
from runlift.services.ports import RawRow, UnitOfWork
from runlift.services.profile import check_dates
from runlift.services.stored_plans import plan_problem, session_problem

# What --repair does with each kind of damaged row.
DROP_PLANNED = "drop the planned session and re-plan from the profile if it is in the current plan"
REBUILD_PLAN = "re-build the plan document from that version's profile"
CLEAR_TARGET = "clear the set's target"
DROP_SET = "delete the set"
DROP_RUN = "delete the run"
FIX_SESSION = "clear the session's impossible values"


@dataclass(frozen=True, slots=True)
class Problem:
    """One row a command could not use: whose, where, what is wrong, what a repair does."""

    athlete: str
    table: str
    row_id: int
    problem: str
    repair: str


@dataclass(frozen=True, slots=True)
class StoreCheck:
    """What the check found and, when repairing, what it did (one line per step)."""

    problems: list[Problem]
    repaired: list[str] = field(default_factory=list)


def _failure(check: Callable[..., object], *args: Any) -> str | None:
    """The problem a check raises, as one line; None when it passes."""
    try:
        check(*args)
    except (ValueError, KeyError, TypeError, IndexError, AttributeError) as exc:
        return str(exc).split("\n", 1)[0] or type(exc).__name__
    return None


def _session_json(text: object) -> object:
    return json.loads(str(text), parse_constant=_no_constant)


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number JSON allows")


def _planned(library: Library, values: dict[str, Any]) -> str | None:
    try:
        data = _session_json(values["session_json"])
    except ValueError:
        return "not JSON"
    return session_problem(library, data)


def _set_values(library: Library, values: dict[str, Any]) -> None:
    for key in ("exercise", "variant"):
        if values[key] not in library.catalogue.exercises:
            raise ValueError(f"{key}: unknown exercise {values[key]!r}")
    unit = values.get("load_unit")
    LoggedSet(
        exercise=values["exercise"],
        set_number=values["set_number"],
        reps=values["reps"],
        load=None if unit is None else Load(float(values["load_value"]), Units(unit)),
        seconds=values["seconds"],
        rir=values["rir"],
        client_id=values.get("client_id"),
    )


def _session_values(values: dict[str, Any]) -> None:
    PerformedSession(
        date=values["date"],
        started_at=values.get("started_at"),
        ended_at=values.get("ended_at"),
        srpe=values["srpe"],
        notes=values.get("notes"),
        client_id=values.get("client_id"),
    )


def _run_values(values: dict[str, Any]) -> None:
    check_run(RunEntry(values["date"], values["distance_m"], values.get("duration_s")))


def _problems(uow: UnitOfWork, library: Library) -> list[Problem]:
    names = {a.id: a.name for a in uow.athletes.all()}

    def problem(row: RawRow, what: str | None, repair: str) -> list[Problem]:
        return (
            []
            if what is None
            else [Problem(names[row.athlete_id], row.table, row.id, what, repair)]
        )

    found: list[Problem] = []
    for row in uow.audit.rows("plans"):
        found += problem(row, plan_problem(library, str(row.values["plan_json"])), REBUILD_PLAN)
    for row in uow.audit.rows("planned_sessions"):
        found += problem(row, _planned(library, row.values), DROP_PLANNED)
    for row in uow.audit.rows("performed_sessions"):
        found += problem(row, _failure(_session_values, row.values), FIX_SESSION)
    for row in uow.audit.rows("set_logs"):
        bad = _failure(_set_values, library, row.values)
        if bad is not None:
            found += problem(row, bad, DROP_SET)
            continue
        target = _failure(target_from_json, row.values["target_json"])
        found += problem(row, None if target is None else f"target: {target}", CLEAR_TARGET)
    for row in uow.audit.rows("runs"):
        found += problem(row, _failure(_run_values, row.values), DROP_RUN)
    return found


def check_store(make_uow: UowFactory, library: Library) -> StoreCheck:
    """Every stored row a command could not use; nothing is changed."""
    with make_uow() as uow:
        return StoreCheck(_problems(uow, library))


def repair_store(make_uow: UowFactory, library: Library, now: dt.datetime) -> StoreCheck:
    """Check, then repair what can be repaired safely, all in one transaction; says what it did."""
    with make_uow() as uow:
        uow.athletes.lock_all()
        problems = _problems(uow, library)
        done = _repair(uow, library, problems, now)
        uow.commit()
    return StoreCheck(problems, done)


def _repair(
    uow: UnitOfWork, library: Library, problems: list[Problem], now: dt.datetime
) -> list[str]:
    done: list[str] = []
    plans = {r.id: r for r in uow.audit.rows("plans")}
    planned = {r.id: r for r in uow.audit.rows("planned_sessions")}
    replan: dict[str, int] = {}
    for p in problems:
        where = f"{p.athlete}: {p.table} {p.row_id}"
        if p.repair == DROP_PLANNED:
            uow.audit.delete(p.table, [p.row_id])
            done.append(f"{where}: dropped the planned session")
            replan[p.athlete] = planned[p.row_id].athlete_id
        elif p.repair == REBUILD_PLAN:
            done.append(f"{where}: {_rebuild(uow, library, plans[p.row_id])}")
        elif p.repair == CLEAR_TARGET:
            uow.audit.update(p.table, p.row_id, {"target_json": None})
            done.append(f"{where}: cleared the target")
        elif p.repair in (DROP_SET, DROP_RUN):
            uow.audit.delete(p.table, [p.row_id])
            done.append(f"{where}: deleted")
        elif p.repair == FIX_SESSION:
            done.append(f"{where}: {_fix_session(uow, p.row_id)}")
    for name, athlete_id in sorted(replan.items()):
        done.append(f"{name}: {_replan(uow, library, athlete_id, planned, now)}")
    return done


def _rebuild(uow: UnitOfWork, library: Library, row: RawRow) -> str:
    """Re-build a plan version's document from its own profile and start, in place."""
    try:
        profile = profile_from_text(str(row.values["profile_yaml"]))
        plan = build_plan(profile, library.catalogue, row.values["start"])
    except (BadInput, ValueError) as exc:
        return f"not repaired: its profile cannot be used ({exc})"
    uow.audit.update("plans", row.id, {"plan_json": dumps(plan_to_dict(plan))})
    return "re-built the plan document from its profile"


def _replan(
    uow: UnitOfWork,
    library: Library,
    athlete_id: int,
    dropped: dict[int, RawRow],
    now: dt.datetime,
) -> str:
    """A new plan version from the athlete's profile when the current one lost sessions."""
    latest = next(a for a in uow.athletes.all() if a.id == athlete_id)
    current = uow.plans.latest(athlete_id)
    if current is None or not any(r.values["plan_id"] == current.id for r in dropped.values()):
        return "the current plan is whole; no new version"
    try:
        profile = profile_from_text(latest.profile_yaml)
        check_dates(profile, current.start, now.date())
        plan = build_plan(profile, library.catalogue, current.start)
    except (BadInput, ValueError) as exc:
        return f"no new plan version: the profile cannot be used ({exc})"
    record = store_plan(uow, athlete_id, plan, latest.profile_yaml, now)
    return f"plan version {record.version} re-built from the profile from {record.start}"


def _fix_session(uow: UnitOfWork, session_id: int) -> str:
    """Clear what no session holds: sRPE out of range, an end before the start, NUL, bad ids."""
    row = next(r for r in uow.audit.rows("performed_sessions") if r.id == session_id)
    v = row.values
    changes: dict[str, Any] = {}
    day = v["date"]
    if _failure(PerformedSession, day, None, None, v["srpe"]):
        changes["srpe"] = None
    if _failure(PerformedSession, day, v["started_at"], v["ended_at"]):
        changes["ended_at"] = None
    if _failure(PerformedSession, day, None, None, None, v["notes"]):
        changes["notes"] = str(v["notes"]).replace("\x00", "")
    if _failure(PerformedSession, day, None, None, None, None, v["client_id"]):
        changes["client_id"] = None
    if not changes:
        return "not repaired"
    uow.audit.update("performed_sessions", session_id, changes)
    return f"cleared {', '.join(sorted(changes))}"
