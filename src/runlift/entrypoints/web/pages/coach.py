"""The coach's pages: the roster with invitations, and one athlete's weeks, log, notes and
changes. Anything that is not the caller's athlete does not exist (404)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, Response

from runlift.entrypoints.web.deps import CoreDep
from runlift.entrypoints.web.pages.render import redirect, render
from runlift.entrypoints.web.pages.session import CSRF_FIELD, SignedIn, check_csrf
from runlift.services import coach_view, coaching, roster
from runlift.services.errors import BadInput, Hidden, RunliftError
from runlift.services.ports import Account

router = APIRouter(include_in_schema=False)
Csrf = Annotated[str, Form(alias=CSRF_FIELD)]
NOTE_FORM_CHARS = 4000


def _coach_only(account: Account) -> None:
    if not account.is_coach:
        raise Hidden("coach", "no coach account here", "account")


@router.get("/coach", response_class=HTMLResponse)
def roster_page(request: Request, account: SignedIn, core: CoreDep) -> Response:
    """The roster: each athlete's race, sessions done of planned, last session and flags."""
    _coach_only(account)
    rows = roster.roster(core.uow_factory(), core.library, account, core.today())
    context = {"title": "Coach", "rows": rows, "window_days": roster.WINDOW_DAYS}
    return render(request, "coach.html", context, account=account)


@router.post("/coach/invitations", response_class=HTMLResponse)
def invite(request: Request, account: SignedIn, core: CoreDep, csrf: Csrf = "") -> Response:
    """A new one-use code, shown once: only its digest is kept."""
    check_csrf(request, csrf)
    code = coaching.create_invitation(core.uow_factory(), account, core.now())
    context = {"title": "Invitation", "code": code, "days": coaching.INVITATION_LIFETIME.days}
    return render(request, "coach_invitation.html", context, account=account, status_code=201)


def _overview_page(
    request: Request,
    account: SignedIn,
    core: CoreDep,
    athlete_id: str,
    *,
    error: RunliftError | None = None,
    values: dict[str, str] | None = None,
) -> Response:
    overview = coach_view.athlete_overview(
        core.uow_factory(), core.library, account, athlete_id, core.today()
    )
    context = {
        "title": overview.name,
        "athlete": overview,
        "today": core.today(),
        "error": error,
        "values": values or {"date": core.today().isoformat()},
    }
    status = error.http_status if error is not None else 200
    return render(request, "coach_athlete.html", context, account=account, status_code=status)


@router.get("/coach/athletes/{athlete_id}", response_class=HTMLResponse)
def athlete_page(request: Request, account: SignedIn, core: CoreDep, athlete_id: str) -> Response:
    """An athlete under this coach: this week and next, the recent log, notes and changes."""
    return _overview_page(request, account, core, athlete_id)


@router.post("/coach/athletes/{athlete_id}/notes", response_class=HTMLResponse)
def add_note(
    request: Request,
    account: SignedIn,
    core: CoreDep,
    athlete_id: str,
    date: Annotated[str, Form(max_length=40)] = "",
    text: Annotated[str, Form(max_length=NOTE_FORM_CHARS)] = "",
    csrf: Csrf = "",
) -> Response:
    """Leave a note on the athlete's session of a day, then back to the athlete."""
    check_csrf(request, csrf)
    try:
        day = _day(date)
        coach_view.add_coach_note(
            core.uow_factory(), account, athlete_id, day, text,
            today=core.today(), now=core.now(),
        )  # fmt: skip
    except RunliftError as exc:
        if isinstance(exc, Hidden):
            raise
        values = {"date": date, "text": text}
        return _overview_page(request, account, core, athlete_id, error=exc, values=values)
    return redirect(request, f"/coach/athletes/{athlete_id}#notes")


def _day(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError as exc:
        raise BadInput("date", "give the session's day as YYYY-MM-DD") from exc
