"""One set logged at a time by a client that may retry, and the log read a page at a time."""

from __future__ import annotations

import datetime as dt

from runlift.domain.library import Library
from runlift.services.athletes import UowFactory, resolve_athlete
from runlift.services.catalogue import get_exercise
from runlift.services.errors import BadInput, Conflict
from runlift.services.logbook import log_session
from runlift.services.ports import StoredSet
from runlift.services.reports import HistoryRow, history_row
from runlift.services.training import SetEntry

MAX_PAGE = 500


def _same(stored: StoredSet, slug: str, day: dt.date, entry: SetEntry) -> bool:
    logged = stored.logged
    return (logged.exercise, stored.date, logged.reps, logged.load, logged.seconds, logged.rir) == (
        slug,
        day,
        entry.reps,
        entry.load,
        entry.seconds,
        entry.rir,
    )


def log_set_once(
    make_uow: UowFactory,
    library: Library,
    name: str,
    day: dt.date,
    entry: SetEntry,
    today: dt.date,
    now: dt.datetime,
) -> tuple[HistoryRow, bool]:
    """Record one set carrying a client id; the set as stored and whether this call stored it.

    A retry (the same client id, the same set) stores nothing and answers the stored set; the
    client id of another set is a Conflict, whatever was sent.
    """
    if not entry.client_id:
        raise BadInput("client_id", "give the id your device made for this set")
    slug = get_exercise(library, entry.exercise).slug
    recorded = log_session(make_uow, library, name, day, [entry], today, now).recorded[0]
    with make_uow() as uow:
        athlete = resolve_athlete(uow, name)
        stored = uow.sets.by_client_id(athlete.id, entry.client_id)
    if stored is None:  # deleted between the two transactions: as good as a conflict
        raise Conflict("this client id was used for a set since removed", "client_id")
    if not recorded and not _same(stored, slug, day, entry):
        raise Conflict("this client id was used for another set", "client_id")
    return history_row(stored), recorded


def set_page(
    make_uow: UowFactory, name: str, after: int | None, limit: int
) -> tuple[list[HistoryRow], int | None]:
    """Logged sets by id after `after`, at most `limit`; and the cursor of the next page."""
    if not 1 <= limit <= MAX_PAGE:
        raise BadInput("limit", f"give 1-{MAX_PAGE}")
    with make_uow() as uow:
        athlete = resolve_athlete(uow, name)
        stored = sorted(uow.sets.all(athlete.id), key=lambda s: s.id)
    rest = [s for s in stored if after is None or s.id > after]
    page = rest[:limit]
    more = len(rest) > limit
    return [history_row(s) for s in page], page[-1].id if more and page else None
