"""Recording what was done: sets, or whole session files once only, each change journaled."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass, replace

from runlift.domain.exercise import Exercise
from runlift.domain.library import Library
from runlift.domain.log import (
    LogError,
    LoggedSet,
    PerformedSession,
    check_client_id,
    check_date,
)
from runlift.services.athletes import UowFactory, resolve_athlete
from runlift.services.catalogue import get_exercise
from runlift.services.errors import BadInput
from runlift.services.ports import AthleteRecord, ChangeKind, LogChange, SetRow, UnitOfWork
from runlift.services.training import SetEntry, athlete_kit, planned_sessions, targets_on


@dataclass(frozen=True, slots=True)
class SessionLogged:
    """What logging sets did: whether each was stored, and whether the session was known already.

    `already_recorded` is True when a whole session (a session file) had been recorded before,
    under its own id or, without one, under the same content: then nothing was stored.
    """

    recorded: list[bool]
    already_recorded: bool = False


AUTO_KEY_PREFIX = "auto:"


def year_before(today: dt.date) -> dt.date:
    """The same day a year earlier (28 February for 29 February)."""
    try:
        return today.replace(year=today.year - 1)
    except ValueError:
        return today.replace(year=today.year - 1, day=28)


def check_amounts(entry: SetEntry, exercise: Exercise) -> None:
    """A set of a rep exercise counts reps or seconds, not both; an id is never blank."""
    done_for_reps = exercise.default.reps is not None and exercise.default.seconds is None
    if done_for_reps and entry.reps is not None and entry.seconds is not None:
        raise BadInput(
            "seconds", f"{exercise.slug} is done for reps; give reps or seconds, not both"
        )
    try:
        check_client_id("id", entry.client_id)
    except LogError as exc:
        raise BadInput.from_error(exc) from exc


def check_recent(day: dt.date, today: dt.date) -> None:
    """Sets logged one by one are this year's training; an older date is most likely a typo.

    History from further back comes in as an import, which has no such limit.
    """
    if day < year_before(today):
        raise BadInput(
            "date",
            f"{day} is more than a year before {today}",
            "date_too_old",
        )


def session_key(day: dt.date, entries: list[SetEntry], slugs: list[str]) -> str:
    """A session's client id made from its content (date and sets, in order): same file, same key.

    Sets that look alike stay distinct entries of the list, so they are all stored.
    """
    canonical = [
        day.isoformat(),
        [
            [
                slug,
                e.reps,
                None if e.load is None else [e.load.value, e.load.unit.value],
                e.seconds,
                e.rir,
                e.test,
                e.set_number,
                e.client_id,
            ]
            for e, slug in zip(entries, slugs, strict=True)
        ],
    ]
    text = json.dumps(canonical, separators=(",", ":"), ensure_ascii=False)
    return AUTO_KEY_PREFIX + hashlib.sha256(text.encode("utf-8")).hexdigest()


def log_session(
    make_uow: UowFactory,
    library: Library,
    name: str,
    day: dt.date,
    entries: list[SetEntry],
    today: dt.date,
    now: dt.datetime,
    session: PerformedSession | None = None,
) -> SessionLogged:
    """Record sets, or a whole performed session, in one transaction, journaled for undo.

    A session carrying a client id (else one derived from its date and sets) that is stored
    already, even by a concurrent call, records nothing and says so. Every set is checked before
    the transaction opens, and the transaction costs a fixed number of statements per exercise,
    never per set, so a long session file holds the store only briefly.
    """
    try:
        check_date(day, today)
    except LogError as exc:
        raise BadInput.from_error(exc) from exc
    check_recent(day, today)
    exercises = [get_exercise(library, entry.exercise) for entry in entries]
    checked = [
        _checked(entry, exercise) for entry, exercise in zip(entries, exercises, strict=True)
    ]
    if session is not None and session.client_id is None:
        key = session_key(day, entries, [e.slug for e in exercises])
        session = replace(session, client_id=key)
    with make_uow() as uow:
        athlete = resolve_athlete(uow, name)
        uow.athletes.lock(athlete.id)  # concurrent loggers of one day find one session
        created: int | None = None
        if session is not None:
            created = uow.sessions.add_new(athlete.id, session)
            if created is None:
                return SessionLogged([False] * len(entries), already_recorded=True)
            session_id = created
        else:
            known = uow.sessions.id_on(athlete.id, day)
            if known is None:
                known = created = uow.sessions.add(athlete.id, PerformedSession(date=day))
            session_id = known
        highest = {} if created is not None else uow.sets.highest_numbers(session_id)
        new_ids = _add_sets(
            uow, library, athlete, session_id, day, checked, exercises, highest, now
        )
        added = [(i, e.slug) for i, e in zip(new_ids, exercises, strict=True) if i is not None]
        if created is not None or added:
            change = LogChange(
                ChangeKind.SESSION_LOGGED if session is not None else ChangeKind.SETS_LOGGED,
                day,
                tuple(dict.fromkeys(slug for _, slug in added)),
                added_sets=tuple(set_id for set_id, _ in added),
                added_sessions=() if created is None else (created,),
            )
            uow.journal.add(athlete.id, change, now)
        uow.commit()
    return SessionLogged([i is not None for i in new_ids])


@dataclass(frozen=True, slots=True)
class _Checked:
    """A set checked before any write: stored as `logged` with its number and target filled in."""

    logged: LoggedSet
    numbered: bool
    test: bool


def _checked(entry: SetEntry, exercise: Exercise) -> _Checked:
    """The entry as a set of `exercise`, or BadInput: what the store would refuse, refused first."""
    check_amounts(entry, exercise)
    try:
        logged = LoggedSet(
            exercise=exercise.slug,
            set_number=entry.set_number or 1,
            reps=entry.reps,
            load=entry.load,
            seconds=entry.seconds,
            rir=entry.rir,
            client_id=entry.client_id,
        )
    except LogError as exc:
        raise BadInput.from_error(exc) from exc
    return _Checked(logged, bool(entry.set_number), entry.test)


def _add_sets(
    uow: UnitOfWork,
    library: Library,
    athlete: AthleteRecord,
    session_id: int,
    day: dt.date,
    checked: list[_Checked],
    exercises: list[Exercise],
    highest: dict[str, int],
    now: dt.datetime,
) -> list[int | None]:
    """Store the new sets with their targets in one statement; each one's new id, None if its
    client id was known (stored before, or earlier in the same list)."""
    trained = [e for c, e in zip(checked, exercises, strict=True) if not c.test]
    kit = athlete_kit(athlete)
    targets = targets_on(
        uow, library, athlete.id, kit, trained, day, planned_sessions(uow, athlete.id, library)
    )
    ids = [c.logged.client_id for c in checked if c.logged.client_id is not None]
    known = uow.sets.known_client_ids(athlete.id, ids) if ids else set()
    rows: list[SetRow] = []
    stored: list[bool] = []
    for one, exercise in zip(checked, exercises, strict=True):
        client_id = one.logged.client_id
        if client_id is not None and client_id in known:
            stored.append(False)
            continue
        if client_id is not None:
            known.add(client_id)
        number = one.logged.set_number if one.numbered else highest.get(exercise.slug, 0) + 1
        highest[exercise.slug] = max(highest.get(exercise.slug, 0), number)
        decision = None if one.test else targets[exercise.slug]
        target = decision.target if decision is not None else None
        logged = replace(one.logged, set_number=number, target=target)
        variant = target.variant if target else exercise.slug
        rows.append(SetRow(session_id, day, variant, logged, now))
        stored.append(True)
    new_ids = iter(uow.sets.add_many(athlete.id, rows))
    return [next(new_ids) if was_stored else None for was_stored in stored]


def log_session_document(
    make_uow: UowFactory,
    library: Library,
    name: str,
    text: str,
    source: str,
    today: dt.date,
    now: dt.datetime,
) -> SessionLogged:
    """Record a whole session sent as a JSON document, once: see `log_session`."""
    from runlift.services.session_document import parse_session_document, session_entries

    session, entries = session_entries(parse_session_document(text, source))
    return log_session(make_uow, library, name, session.date, entries, today, now, session)
