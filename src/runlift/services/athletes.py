"""Athlete use cases: store a runner with their plan, find them again, re-plan on change."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from functools import lru_cache

from runlift.domain.athlete import Profile
from runlift.domain.builder import build_plan
from runlift.domain.library import Library
from runlift.domain.log import LogError, check_name, check_text
from runlift.domain.plan import Plan
from runlift.services.change_log import record_change
from runlift.services.errors import BadInput, Conflict, Damaged, NotFound
from runlift.services.plan_document import dumps, plan_to_dict, session_to_dict
from runlift.services.ports import (
    AthleteRecord,
    EditKind,
    PlannedSessionRecord,
    PlanRecord,
    UnitOfWork,
)
from runlift.services.profile import check_dates, next_monday, to_profile
from runlift.services.profile_text import ProfileFileError, ProfileIn, parse_profile_text
from runlift.services.suggest import closest

UowFactory = Callable[[], UnitOfWork]


def profile_from_text(text: str, source: str = "profile") -> Profile:
    """Validate a stored or given profile text (storable, then a valid profile)."""
    return _profile(text, source)


@lru_cache(maxsize=256)  # every request reads the athlete's profile; the text decides it all
def _profile(text: str, source: str) -> Profile:
    try:
        check_text(source, text)
        profile = to_profile(parse_profile_text(text, source))
        check_name("name", profile.name)
    except (ProfileFileError, LogError) as exc:
        raise BadInput.from_error(exc) from exc
    return profile


def checked_name(name: str) -> str:
    """A name given for an athlete, refused unless every database can store it."""
    try:
        check_name("name", name)
    except LogError as exc:
        raise BadInput.from_error(exc) from exc
    return name


def _sessions(plan: Plan) -> list[PlannedSessionRecord]:
    records = []
    for week in plan.weeks:
        for position, session in enumerate(week.sessions):
            records.append(
                PlannedSessionRecord(
                    session.date,
                    position,
                    week.number,
                    week.deload,
                    session.title,
                    session_to_dict(session),
                )
            )
    return records


def store_plan(
    uow: UnitOfWork, athlete_id: int, plan: Plan, profile_text: str, now: dt.datetime
) -> PlanRecord:
    """Store a built plan as the athlete's next version, with its planned sessions."""
    return uow.plans.add(
        athlete_id, plan.start, profile_text, dumps(plan_to_dict(plan)), _sessions(plan), now
    )


def create_athlete(
    make_uow: UowFactory,
    library: Library,
    text: str,
    source: str,
    start: dt.date | None,
    today: dt.date,
    now: dt.datetime,
    name: str | None = None,
) -> tuple[AthleteRecord, PlanRecord]:
    """Store a new athlete and their first plan, in one transaction (`source` names the text)."""
    profile = profile_from_text(text, source)
    begin = start or next_monday(today)
    check_dates(profile, begin, today)
    plan = build_plan(profile, library.catalogue, begin)
    athlete_name = checked_name(name or profile.name)
    with make_uow() as uow:
        existing = find_athlete(uow, athlete_name)
        if existing is not None:
            raise Conflict(f"{existing.name!r} exists", "athlete", "athlete_exists")
        athlete = uow.athletes.add(athlete_name, text, now)
        record = store_plan(uow, athlete.id, plan, text, now)
        uow.commit()
    return athlete, record


def update_athlete(
    make_uow: UowFactory,
    library: Library,
    name: str,
    text: str,
    source: str,
    start: dt.date | None,
    today: dt.date,
    now: dt.datetime,
    *,
    by: int | None = None,
) -> tuple[AthleteRecord, PlanRecord]:
    """A changed profile gets a new plan version; the log is untouched. Made by account `by`,
    it is logged in the changes log in the same transaction."""
    profile = profile_from_text(text, source)
    with make_uow() as uow:
        athlete = resolve_athlete(uow, name)
        previous = uow.plans.latest(athlete.id)
        begin = start or _replan_start(previous, today)
        check_dates(profile, begin, today)
        plan = build_plan(profile, library.catalogue, begin)
        uow.athletes.update_profile(athlete.id, text, now)
        record = store_plan(uow, athlete.id, plan, text, now)
        summary = f"profile changed; plan version {record.version} from {begin.isoformat()}"
        record_change(uow, athlete.id, by, EditKind.PROFILE, summary, now)
        uow.commit()
    return AthleteRecord(athlete.id, athlete.name, text), record


def _replan_start(previous: PlanRecord | None, today: dt.date) -> dt.date:
    """A re-plan keeps a started plan's start, else today; a first plan starts next Monday."""
    if previous is None:
        return next_monday(today)
    return previous.start if previous.start <= today else today


def profile_document(make_uow: UowFactory, name: str) -> ProfileIn:
    """The athlete's stored profile, as its file's fields; NotFound while none was given."""
    with make_uow() as uow:
        athlete = resolve_athlete(uow, name)
    if not athlete.profile_yaml.strip():
        raise NotFound("profile", athlete.name, [], field="profile")
    try:
        return parse_profile_text(athlete.profile_yaml, "profile")
    except ProfileFileError as exc:
        raise Damaged("athletes", athlete.id, str(exc)) from exc


def _latest_plan(uow: UnitOfWork, name: str) -> PlanRecord:
    athlete = resolve_athlete(uow, name)
    record = uow.plans.latest(athlete.id)
    if record is None:
        raise NotFound("plan", athlete.name, [], field="plan")
    return record


def latest_plan(make_uow: UowFactory, name: str) -> PlanRecord:
    """The athlete's current plan version as stored; NotFound before a profile was given."""
    with make_uow() as uow:
        return _latest_plan(uow, name)


def current_plan(make_uow: UowFactory, library: Library, name: str) -> Plan:
    """The current plan as domain objects, rebuilt from the profile and start it was made from."""
    record = latest_plan(make_uow, name)
    profile = profile_from_text(record.profile_yaml, "profile")
    return build_plan(profile, library.catalogue, record.start)


def find_athlete(uow: UnitOfWork, name: str) -> AthleteRecord | None:
    """The athlete of that name, whatever its case ('ana' finds 'Ana'); names are unique so."""
    exact = uow.athletes.get(name)
    if exact is not None:
        return exact
    wanted = name.strip().casefold()
    return next((a for a in uow.athletes.all() if a.name.casefold() == wanted), None)


def resolve_athlete(uow: UnitOfWork, name: str) -> AthleteRecord:
    """The named athlete, whatever the case; NotFound with the closest names otherwise."""
    athlete = find_athlete(uow, name)
    if athlete is None:
        near = closest(name, [a.name for a in uow.athletes.all()])
        raise NotFound("athlete", name, near, field="athlete")
    return athlete


def only_athlete(make_uow: UowFactory) -> str:
    """The name of the only stored athlete (an interface's convenience when none is named)."""
    with make_uow() as uow:
        everyone = uow.athletes.all()
    if not everyone:
        raise BadInput("athlete", "none stored yet", "no_athlete")
    if len(everyone) > 1:
        names = ", ".join(a.name for a in everyone)
        raise BadInput("athlete", f"several athletes ({names})", "several_athletes")
    return everyone[0].name


def get_athlete(make_uow: UowFactory, name: str) -> AthleteRecord:
    """The athlete of that name, whatever its case; NotFound with the closest names otherwise."""
    with make_uow() as uow:
        return resolve_athlete(uow, name)


def athlete_names(make_uow: UowFactory) -> list[str]:
    """The stored athletes' names, as stored."""
    with make_uow() as uow:
        return [a.name for a in uow.athletes.all()]


def list_athletes(make_uow: UowFactory) -> list[tuple[AthleteRecord, PlanRecord | None]]:
    """Every athlete with their current plan version."""
    with make_uow() as uow:
        return [(a, uow.plans.latest(a.id)) for a in uow.athletes.all()]


def profile_summary(record: AthleteRecord) -> str:
    """One line about an athlete, for listings."""
    profile = profile_from_text(record.profile_yaml)
    race = profile.dated_race
    goal = f"{race.distance.value.replace('_', ' ')} on {race.date}" if race else "no race"
    buffer = io.StringIO()
    buffer.write(f"{record.name}: {profile.level.value}, {goal}, ")
    buffer.write(
        f"{profile.strength.sessions_per_week} x {profile.strength.minutes_per_session} min"
    )
    return buffer.getvalue()
