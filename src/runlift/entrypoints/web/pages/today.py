"""Gym mode: the day's session one exercise at a time, on a phone, with or without a connection.

Without JavaScript every set is a POST form that logs it and comes back here (303); with
JavaScript the page logs through the offline outbox (static/outbox.js) and the JSON API.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, Response

from runlift.domain.loads import Load
from runlift.domain.vocab import Units
from runlift.entrypoints.text.training import load_hint, target_text
from runlift.entrypoints.web.deps import CoreDep
from runlift.entrypoints.web.pages.render import redirect, render
from runlift.entrypoints.web.pages.session import CSRF_FIELD, SignedIn, check_csrf
from runlift.services import corrections, gym, set_log
from runlift.services.coaching import AthleteAccess, athlete_access
from runlift.services.errors import BadInput
from runlift.services.guided import client_id
from runlift.services.ports import Account
from runlift.services.training import SetEntry

router = APIRouter(include_in_schema=False)
Text = Annotated[str, Form(max_length=120)]
Csrf = Annotated[str, Form(alias=CSRF_FIELD)]
ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
RPE_SCALE = tuple(range(1, 11))


def parse_day(value: str | None, today: dt.date) -> dt.date:
    """The `date` a page was given (YYYY-MM-DD), today when none; a bad one is a 422 page."""
    if value is None or value == "":
        return today
    if not ISO_DAY.fullmatch(value):
        raise BadInput("date", f"{value[:40]!r} is not a day; write it as YYYY-MM-DD")
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise BadInput("date", f"{value!r} is not a day of the calendar") from None


def _number(field: str, value: str, high: int) -> int | None:
    """A whole number from a form field ('' is none), within 0..high."""
    if value.strip() == "":
        return None
    try:
        number = int(value.strip())
    except ValueError:
        raise BadInput(field, f"{value[:20]!r} is not a whole number") from None
    if not 0 <= number <= high:
        raise BadInput(field, f"{number} is out of range; accepted: 0-{high}")
    return number


def _load(value: str, unit: str) -> Load | None:
    """A load from the form's field and the athlete's unit ('' is none)."""
    if value.strip() == "":
        return None
    try:
        amount = float(value.strip().replace(",", "."))
    except ValueError:
        raise BadInput("load", f"{value[:20]!r} is not a load") from None
    if not 0 <= amount <= 10_000:
        raise BadInput("load", f"{amount:g} is out of range; accepted: 0-10000")
    if unit not in ("kg", "lb"):
        raise BadInput("unit", "the unit is kg or lb")
    return Load(amount, Units(unit))


def _own(core: CoreDep, account: Account) -> AthleteAccess:
    """The signed-in runner's own athlete (a coach-only account has none: 404)."""
    return athlete_access(core.uow_factory(), account, "me")


def day_link(day: dt.date, today: dt.date, anchor: str = "") -> str:
    """The gym page of a day (plain /today for today)."""
    base = "/today" if day == today else f"/today?date={day.isoformat()}"
    return base + (f"#{anchor}" if anchor else "")


@router.get("/today", response_class=HTMLResponse)
def today_page(
    request: Request, account: SignedIn, core: CoreDep, date: str | None = None
) -> Response:
    """The day's session in gym mode; a rest day says when the next session is."""
    today = core.today()
    day = parse_day(date, today)
    if account.athlete_id is None:
        return redirect(request, "/coach")
    athlete = _own(core, account)
    try:
        gym_day = gym.gym_day(core.uow_factory(), core.library, athlete.name, day, today)
    except gym.NoPlanYet:
        return redirect(request, "/onboarding")
    context = {
        "title": "Today" if day == today else f"{day:%a} {day.day} {day:%b}",
        "day": gym_day,
        "today": today,
        "is_today": day == today,
        "previous_day": day - dt.timedelta(days=1),
        "next_day": day + dt.timedelta(days=1),
        "target_text": target_text,
        "load_hint": load_hint,
        "rpe_scale": RPE_SCALE,
        "units": gym_day.units.value,
    }
    return render(request, "today.html", context, account=account)


@router.post("/today/sets")
def log_set_form(
    request: Request,
    account: SignedIn,
    core: CoreDep,
    csrf: Csrf = "",
    date: Text = "",
    exercise: Text = "",
    set_number: Text = "1",
    reps: Text = "",
    load: Text = "",
    unit: Text = "kg",
    seconds: Text = "",
    rir: Text = "",
) -> Response:
    """Log one set from the form (no JavaScript needed), then back to the exercise (303)."""
    check_csrf(request, csrf)
    day = parse_day(date or None, core.today())
    number = _number("set_number", set_number, 100) or 1
    entry = SetEntry(
        exercise=exercise,
        reps=_number("reps", reps, 10_000),
        load=_load(load, unit),
        seconds=_number("seconds", seconds, 86_400),
        rir=_number("rir", rir, 100),
        client_id=client_id(day, exercise, number),
        set_number=number,
    )
    athlete = _own(core, account)
    set_log.log_set_once(
        core.uow_factory(), core.library, athlete.name, day, entry, core.today(), core.now()
    )
    return redirect(request, day_link(day, core.today(), f"ex-{exercise}"))


@router.post("/today/undo")
def undo_form(
    request: Request, account: SignedIn, core: CoreDep, csrf: Csrf = "", date: Text = ""
) -> Response:
    """Take back the last change to the log, then back to the day."""
    check_csrf(request, csrf)
    day = parse_day(date or None, core.today())
    corrections.undo(core.uow_factory(), _own(core, account).name, core.now())
    return redirect(request, day_link(day, core.today()))


@router.post("/today/finish")
def finish_form(
    request: Request,
    account: SignedIn,
    core: CoreDep,
    csrf: Csrf = "",
    date: Text = "",
    srpe: Text = "",
    notes: Annotated[str, Form(max_length=2000)] = "",
) -> Response:
    """Give the session its RPE and note, then show the summary."""
    check_csrf(request, csrf)
    today = core.today()
    day = parse_day(date or None, today)
    effort = _number("srpe", srpe, 10)
    if effort == 0:
        raise BadInput("srpe", "session RPE is 1 (very easy) to 10 (maximal)")
    ended = core.now() if day == today else None
    name = _own(core, account).name
    gym.finish_session(core.uow_factory(), name, day, effort, notes.strip() or None, ended)
    return redirect(request, f"/today/summary?date={day.isoformat()}")


@router.get("/today/summary", response_class=HTMLResponse)
def summary_page(
    request: Request, account: SignedIn, core: CoreDep, date: str | None = None
) -> Response:
    """What the session added up to, with any new personal records."""
    day = parse_day(date, core.today())
    name = _own(core, account).name
    done = gym.summary(core.uow_factory(), core.library, name, day)
    context = {
        "title": "Session summary",
        "summary": done,
        "back": day_link(day, core.today()),
    }
    return render(request, "today_summary.html", context, account=account)
