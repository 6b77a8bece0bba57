"""The plan page: the weeks as a calendar (this week first), each session's exercises and why,
moving a session to another day of its week, and the plan as a calendar file."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, Response

from runlift.bootstrap import Core
from runlift.domain.exercise import Catalogue
from runlift.entrypoints.web.deps import CoreDep
from runlift.entrypoints.web.pages.render import redirect, render
from runlift.entrypoints.web.pages.session import CSRF_FIELD, SignedIn, check_csrf
from runlift.services import athletes
from runlift.services.coaching import athlete_access
from runlift.services.errors import NotFound, RunliftError
from runlift.services.plan_calendar import PlanCalendar, plan_calendar
from runlift.services.ports import Account
from runlift.services.real_week import move_session

router = APIRouter(include_in_schema=False)
DayText = Annotated[str, Form(max_length=10)]
ICS = "text/calendar"
NEAR_WEEKS = 2  # coming weeks shown in full; farther ones link to each session's own page
PHASES = {
    "base": "Base",
    "build": "Build",
    "peak": "Peak",
    "taper": "Taper",
    "race": "Race week",
    "recovery": "Recovery",
    "general": "General",
}
RUNS = {
    "easy": "Easy run",
    "long": "Long run",
    "intervals": "Intervals",
    "tempo": "Tempo run",
    "hills": "Hills",
    "race": "Race",
    "cross": "Cross-training",
}
BLOCKS = {
    "warmup": "Warm-up",
    "foam_roll": "Foam rolling",
    "main": "Main lifts",
    "plyometric": "Jumps",
    "core": "Core",
    "circuit": "Circuit",
    "cooldown": "Cool-down",
}
RACES = {
    "5k": "5 km",
    "10k": "10 km",
    "half_marathon": "Half marathon",
    "marathon": "Marathon",
    "ultra": "Ultra",
}
STATUSES = {"done": "done", "skipped": "skipped", "dropped": "missed", "offered": "offered"}
LABELS = {"phase": PHASES, "run": RUNS, "block": BLOCKS, "race": RACES, "status": STATUSES}


def _date(text: str | None) -> dt.date | None:
    """A YYYY-MM-DD value from a form or link, None when it is none."""
    try:
        return dt.date.fromisoformat(text) if text else None
    except ValueError:
        return None


def _names(calendar: PlanCalendar, catalogue: Catalogue) -> dict[str, str]:
    """Display names of the exercises the plan holds."""
    slugs = {
        item.exercise
        for week in calendar.weeks
        for day in week.days
        for session in day.sessions
        for block in session.session.blocks
        for item in block.items
    }
    return {slug: catalogue.get(slug).name if slug in catalogue else slug for slug in slugs}


def _near(calendar: PlanCalendar) -> set[int]:
    """The weeks shown in full on the plan page: this one and the next few (others link)."""
    coming = [w.number for w in calendar.weeks if w.when != "past"]
    return set(coming[: NEAR_WEEKS + 1])


def _page(
    request: Request,
    account: Account,
    core: Core,
    notice: dict[str, Any] | None = None,
    status_code: int = 200,
) -> Response:
    """The plan page, with what a move did (or why it was refused) on top."""
    athlete = athlete_access(core.uow_factory(), account, "me")
    calendar = plan_calendar(core.uow_factory(), core.library, athlete.name, core.today())
    if calendar is None:
        return redirect(request, "/onboarding")
    current = calendar.current
    if notice is not None and notice["kind"] == "moved":
        notice["warning"] = next(
            (
                s.warning
                for w in calendar.weeks
                for d in w.days
                for s in d.sessions
                if s.on == notice["to"] and s.warning
            ),
            None,
        )
    context = {
        "title": "Plan",
        "calendar": calendar,
        "current": current,
        "coming": [w for w in calendar.weeks if w.when != "past" and w is not current],
        "past": [w for w in calendar.weeks if w.when == "past"],
        "near": _near(calendar),
        "names": _names(calendar, core.library.catalogue),
        "labels": LABELS,
        "notice": notice,
    }
    return render(request, "plan.html", context, account=account, status_code=status_code)


@router.get("/plan", response_class=HTMLResponse)
def plan_page(
    request: Request,
    account: SignedIn,
    core: CoreDep,
    moved: str | None = None,
    to: str | None = None,
) -> Response:
    """The plan's weeks; after a move, what moved where (and the warning it was moved past)."""
    notice = None
    moved_from, moved_to = _date(moved), _date(to)
    if moved_from is not None and moved_to is not None:
        notice = {"kind": "moved", "moved_from": moved_from, "to": moved_to}
    return _page(request, account, core, notice)


@router.get("/plan/session", response_class=HTMLResponse)
def session_page(request: Request, account: SignedIn, core: CoreDep, date: str = "") -> Response:
    """The sessions standing on one day of the plan, open: exercises, why, and the move form."""
    athlete = athlete_access(core.uow_factory(), account, "me")
    calendar = plan_calendar(core.uow_factory(), core.library, athlete.name, core.today())
    if calendar is None:
        return redirect(request, "/onboarding")
    day = _date(date[:10])
    found = [
        (week, plan_day)
        for week in calendar.weeks
        for plan_day in week.days
        if plan_day.date == day and plan_day.sessions
    ]
    if not found:
        raise NotFound("session", date[:10], [], field="date")
    week, plan_day = found[0]
    context = {
        "title": "Session",
        "calendar": calendar,
        "week": week,
        "day": plan_day.date,
        "sessions": plan_day.sessions,
        "names": _names(calendar, core.library.catalogue),
        "labels": LABELS,
    }
    return render(request, "plan_session.html", context, account=account)


@router.post("/plan/move", response_class=HTMLResponse)
def move(
    request: Request,
    account: SignedIn,
    core: CoreDep,
    date: DayText = "",
    to: DayText = "",
    anyway: Annotated[str, Form(max_length=5)] = "",
    csrf: Annotated[str, Form(alias=CSRF_FIELD)] = "",
) -> Response:
    """Move a session within its week, re-checked by the spacing rules (the API's move)."""
    check_csrf(request, csrf)
    athlete = athlete_access(core.uow_factory(), account, "me")
    day, target = _date(date), _date(to)
    refused: dict[str, Any] = {
        "kind": "refused",
        "date": date,
        "to": to,
        "moved_from": day,
        "to_day": target,
        "can_force": False,
    }
    if day is None or target is None:
        refused["message"] = "choose a day to move the session to"
        return _page(request, account, core, refused, 422)
    try:
        moved = move_session(
            core.uow_factory(), core.library, athlete.name, day, target,
            anyway=anyway == "1", today=core.today(), now=core.now(), by=account.id,
        )  # fmt: skip
    except RunliftError as exc:
        refused |= {"message": exc.message, "can_force": exc.code == "spacing"}
        return _page(request, account, core, refused, exc.http_status)
    back = f"/plan?moved={moved.moved_from.isoformat()}&to={moved.to.isoformat()}"
    return redirect(request, back)


@router.get("/plan.ics")
def plan_ics(account: SignedIn, core: CoreDep) -> Response:
    """The plan as a calendar file to import (the API's ?format=ics), as a download."""
    from runlift.adapters.ics_export import plan_to_ics  # icalendar only when asked for

    athlete = athlete_access(core.uow_factory(), account, "me")
    found = athletes.current_plan(core.uow_factory(), core.library, athlete.name)
    headers = {
        "Content-Disposition": 'attachment; filename="runlift-plan.ics"',
        "Cache-Control": "no-store",
    }
    return Response(plan_to_ics(found, core.library.catalogue), media_type=ICS, headers=headers)
