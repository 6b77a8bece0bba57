"""The day's planned session as a watch takes it: the session, its day and title, and names."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from runlift.domain.library import Library
from runlift.services import training
from runlift.services.athletes import UowFactory
from runlift.services.errors import BadInput


@dataclass(frozen=True, slots=True)
class WatchSession:
    """What a workout file is written from: the planned session (with its date and title) and
    each exercise's name by slug."""

    date: dt.date
    title: str
    session: dict[str, Any]
    names: dict[str, str]


def watch_session(
    make_uow: UowFactory, library: Library, name: str, day: dt.date, today: dt.date
) -> WatchSession:
    """The strength session planned on `day`; BadInput(`date`) naming the next one when none."""
    view = training.day_view(make_uow, library, name, day, today=today)
    if not view.sessions:
        upcoming = view.next_planned
        later = (
            f"next planned: {upcoming.date} ({upcoming.title})"
            if upcoming is not None
            else "no later session in the plan"
        )
        raise BadInput(
            "date",
            f"no strength session planned for {view.athlete} on {day}; {later}",
            "no_session",
        )
    record = view.sessions[0][0]
    session = record.session | {"date": record.date.isoformat(), "title": record.title}
    names = {exercise.slug: exercise.name for exercise in library.catalogue}
    return WatchSession(record.date, record.title, session, names)
