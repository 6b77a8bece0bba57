"""Plan use cases: profile file in, plan out."""

from __future__ import annotations

import datetime as dt

from runlift.domain.builder import build_plan
from runlift.domain.library import Library
from runlift.domain.periodize import MAX_WEEKS
from runlift.domain.plan import Plan
from runlift.services.athletes import profile_from_text
from runlift.services.errors import BadInput
from runlift.services.profile import check_dates, next_monday

DEFAULT_WEEKS = 12


def create_plan(
    library: Library,
    profile_text: str,
    source: str,
    today: dt.date,
    start: dt.date | None = None,
    weeks: int | None = None,
) -> Plan:
    """Validate the profile and dates, then build the plan (weeks caps a race plan's length).

    `source` names the profile (a file name, an upload) in error messages.
    """
    profile = profile_from_text(profile_text, source)
    begin = start or next_monday(today)
    if weeks is not None and not 1 <= weeks <= MAX_WEEKS:
        raise BadInput("weeks", f"{weeks} is out of range; accepted: 1-{MAX_WEEKS}")
    check_dates(profile, begin, today)
    plan = build_plan(profile, library.catalogue, begin, weeks or DEFAULT_WEEKS)
    if weeks is not None and profile.dated_race is not None:
        plan = Plan(
            plan.athlete, plan.start, plan.race, plan.weeks[:weeks], plan.protein, plan.notes
        )
    return plan
