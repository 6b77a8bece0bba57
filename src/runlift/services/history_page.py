"""What the history page shows: the log a page of training days at a time, and the series its
charts draw (e1RM per lift, reps or holds for bodyweight moves, weekly volume, sessions done
against planned, running km beside strength load). Shared by the athlete's page and the coach's
read-only view, so both see the same numbers."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from runlift.domain.library import Library
from runlift.domain.loads import Load
from runlift.domain.targets import epley
from runlift.domain.training_load import WeekLoad
from runlift.domain.vocab import Units
from runlift.services.athletes import UowFactory, profile_from_text, resolve_athlete
from runlift.services.coaching import AthleteAccess
from runlift.services.corrections import edit_set
from runlift.services.errors import BadInput, NotFound
from runlift.services.ports import StoredSet
from runlift.services.reports import HistoryRow, WeekVolume, history_row, weekly_volume
from runlift.services.running import weekly_load

DAYS_PER_PAGE = 7
CHART_WEEKS = 12
MAX_SERIES = 6


@dataclass(frozen=True, slots=True)
class LogDay:
    """One training day of the log: its sets in the order done, the session's RPE and note, and
    the notes left on it since (by the athlete, or by a coach: `by_coach`)."""

    date: dt.date
    rows: tuple[HistoryRow, ...]
    srpe: int | None
    note: str | None
    comments: tuple[tuple[str, bool], ...] = ()


@dataclass(frozen=True, slots=True)
class Series:
    """One exercise's best per training day: e1RM (in units), most reps, or longest hold (s)."""

    exercise: str
    name: str
    measure: str  # "e1rm", "reps" or "seconds"
    points: tuple[tuple[dt.date, float], ...]


@dataclass(frozen=True, slots=True)
class WeekSessions:
    """Strength sessions planned in a week (the current plan) and sessions done in it."""

    monday: dt.date
    planned: int
    done: int


@dataclass(frozen=True, slots=True)
class HistoryPage:
    """Everything the history page shows for one athlete."""

    access: AthleteAccess
    name: str
    units: Units
    total_sets: int
    days: tuple[LogDay, ...]
    page: int
    pages: int
    e1rm: tuple[Series, ...]
    bodyweight: tuple[Series, ...]
    volume: tuple[WeekVolume, ...]
    sessions: tuple[WeekSessions, ...]
    load: tuple[WeekLoad, ...]


def first_monday(today: dt.date, weeks: int) -> dt.date:
    """The Monday `weeks - 1` weeks before this week's Monday: the charts' first week."""
    return today - dt.timedelta(days=today.weekday(), weeks=weeks - 1)


def _units(profile_yaml: str) -> Units:
    return profile_from_text(profile_yaml).units if profile_yaml.strip() else Units.KG


def history_page(
    make_uow: UowFactory,
    library: Library,
    access: AthleteAccess,
    today: dt.date,
    page: int = 1,
    weeks: int = CHART_WEEKS,
) -> HistoryPage:
    """The log, newest day first, `page` of it (clamped to the pages there are), and the charts'
    series over the last `weeks` weeks (progress charts over the whole log)."""
    since = first_monday(today, weeks)
    with make_uow() as uow:
        athlete = resolve_athlete(uow, access.name)
        units = _units(athlete.profile_yaml)
        stored = uow.sets.all(athlete.id)
        sessions = {s.session.date: s.session for s in uow.sessions.all(athlete.id)}
        plan = uow.plans.latest(athlete.id)
        planned = [r.date for r in uow.plans.sessions(plan.id)] if plan else []
        account = uow.accounts.get(access.account_id)
        notes = uow.notes.of_athlete(athlete.id)
    by_day: dict[dt.date, list[StoredSet]] = defaultdict(list)
    for one in sorted(stored, key=lambda s: (s.date, s.id)):
        by_day[one.date].append(one)
    dates = sorted(by_day, reverse=True)
    pages = max(1, -(-len(dates) // DAYS_PER_PAGE))
    page = min(max(page, 1), pages)
    shown = dates[(page - 1) * DAYS_PER_PAGE : page * DAYS_PER_PAGE]
    comments: dict[dt.date, list[tuple[str, bool]]] = defaultdict(list)
    for note in sorted(notes, key=lambda n: (n.created_at, n.id)):
        comments[note.date].append((note.text, note.account_id != access.account_id))
    days = tuple(
        LogDay(
            day,
            tuple(history_row(s) for s in by_day[day]),
            sessions[day].srpe if day in sessions else None,
            sessions[day].notes if day in sessions else None,
            tuple(comments.get(day, ())),
        )
        for day in shown
    )
    e1rm, bodyweight = progress_series(library, stored, units)
    return HistoryPage(
        access=access,
        name=account.name if account is not None and account.name else athlete.name,
        units=units,
        total_sets=len(stored),
        days=days,
        page=page,
        pages=pages,
        e1rm=e1rm,
        bodyweight=bodyweight,
        volume=tuple(weekly_volume(make_uow, library, access.name, since)),
        sessions=sessions_per_week(planned, list(sessions), since, today),
        load=tuple(weekly_load(make_uow, access.name, since, today).weeks),
    )


def progress_series(
    library: Library, stored: list[StoredSet], units: Units
) -> tuple[tuple[Series, ...], tuple[Series, ...]]:
    """Per exercise, the best of each day: e1RM for loaded lifts (Epley, 10 reps or fewer, in
    the athlete's units); the most reps or the longest hold for bodyweight moves. The exercises
    trained on the most days come first, at most MAX_SERIES of each kind."""
    lifts: dict[str, dict[dt.date, float]] = defaultdict(dict)
    reps: dict[str, dict[dt.date, float]] = defaultdict(dict)
    holds: dict[str, dict[dt.date, float]] = defaultdict(dict)
    loaded: set[str] = set()
    for one in stored:
        logged = one.logged
        if logged.load is not None and logged.load.value > 0:
            loaded.add(logged.exercise)
            if logged.reps is not None:
                estimate = epley(logged.load.to(units).value, logged.reps)
                if estimate is not None:
                    _keep_best(lifts[logged.exercise], one.date, estimate)
        elif logged.seconds is not None:
            _keep_best(holds[logged.exercise], one.date, float(logged.seconds))
        elif logged.reps is not None:
            _keep_best(reps[logged.exercise], one.date, float(logged.reps))
    e1rm = _ranked(library, lifts, "e1rm")
    moves = {k: v for k, v in reps.items() if k not in loaded}
    held = {k: v for k, v in holds.items() if k not in loaded}
    bodyweight = sorted(
        _ranked(library, moves, "reps", MAX_SERIES * 2) + _ranked(library, held, "seconds"),
        key=lambda s: (-len(s.points), s.name),
    )
    return e1rm, tuple(bodyweight[:MAX_SERIES])


def _keep_best(best: dict[dt.date, float], day: dt.date, value: float) -> None:
    if value > best.get(day, -1.0):
        best[day] = value


def _ranked(
    library: Library, found: dict[str, dict[dt.date, float]], measure: str, limit: int = MAX_SERIES
) -> tuple[Series, ...]:
    catalogue = library.catalogue.exercises
    series = [
        Series(
            slug,
            catalogue[slug].name if slug in catalogue else slug,
            measure,
            tuple(sorted(points.items())),
        )
        for slug, points in found.items()
        if points
    ]
    series.sort(key=lambda s: (-len(s.points), s.name))
    return tuple(series[:limit])


def sessions_per_week(
    planned: list[dt.date], done: list[dt.date], since: dt.date, today: dt.date
) -> tuple[WeekSessions, ...]:
    """Planned and done strength sessions per week from `since` to this week (empty when the
    athlete has neither)."""
    if not planned and not done:
        return ()
    weeks: list[WeekSessions] = []
    monday = since
    while monday <= today:
        sunday = monday + dt.timedelta(days=6)
        weeks.append(
            WeekSessions(
                monday,
                sum(1 for d in planned if monday <= d <= sunday),
                len({d for d in done if monday <= d <= sunday}),
            )
        )
        monday += dt.timedelta(weeks=1)
    return tuple(weeks)


def _whole(field: str, text: str) -> int | None:
    cleaned = text.strip()
    if not cleaned:
        return None
    if not cleaned.isascii() or not cleaned.isdigit() or len(cleaned) > 6:
        raise BadInput(field, f"{cleaned[:20]!r} is not a whole number of 0 or more")
    return int(cleaned)


def _load_value(text: str) -> float | None:
    cleaned = text.strip().replace(",", ".")
    if not cleaned:
        return None
    try:
        value = float(cleaned)
    except ValueError:
        raise BadInput("load", f"{cleaned[:20]!r} is not a number") from None
    if not 0 <= value <= 10_000 or value != value:
        raise BadInput("load", "give a load from 0 to 10000")
    return value


def edit_logged_set(
    make_uow: UowFactory,
    library: Library,
    access: AthleteAccess,
    set_id: int,
    fields: dict[str, str],
    now: dt.datetime,
) -> StoredSet:
    """Correct a set from the history form (blank fields keep their value; the load is in the
    athlete's units), through the same correction the API's PATCH makes."""
    reps = _whole("reps", fields.get("reps", ""))
    seconds = _whole("seconds", fields.get("seconds", ""))
    rir = _whole("rir", fields.get("rir", ""))
    value = _load_value(fields.get("load", ""))
    load = None
    if value is not None:
        with make_uow() as uow:
            units = _units(resolve_athlete(uow, access.name).profile_yaml)
        load = Load(value, units)
    return edit_set(
        make_uow, library, access.name, set_id,
        reps=reps, load=load, seconds=seconds, rir=rir, now=now,
    )  # fmt: skip


def logged_set(make_uow: UowFactory, access: AthleteAccess, set_id: int) -> HistoryRow:
    """One of the athlete's sets, to show before deleting it; NotFound for any other id."""
    with make_uow() as uow:
        athlete = resolve_athlete(uow, access.name)
        stored = uow.sets.get(athlete.id, set_id)
    if stored is None:
        raise NotFound("set", str(set_id), [], field="id")
    return history_row(stored)
