"""History: the log newest day first (each set editable and deletable by its athlete) and the
charts drawn on the server; a coach sees the same page read-only for one of their athletes."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, Path, Query, Request
from fastapi.responses import HTMLResponse, Response

from runlift.bootstrap import Core
from runlift.entrypoints.web.deps import CoreDep
from runlift.entrypoints.web.history_charts import history_charts
from runlift.entrypoints.web.pages.render import redirect, render
from runlift.entrypoints.web.pages.session import CSRF_FIELD, SignedIn, check_csrf
from runlift.services import corrections
from runlift.services.coaching import AthleteAccess, athlete_access
from runlift.services.errors import RunliftError
from runlift.services.history_page import edit_logged_set, history_page, logged_set
from runlift.services.ports import Account

router = APIRouter(include_in_schema=False)
SetId = Annotated[int, Path(ge=1, le=2**31 - 1)]
AthleteId = Annotated[int, Path(ge=1, le=2**62)]
PageNumber = Annotated[int, Query(ge=1, le=100_000)]
Csrf = Annotated[str, Form(alias=CSRF_FIELD)]
Field = Annotated[str, Form(max_length=40)]


def _context(
    core: Core, access: AthleteAccess, page: int, *, editable: bool, base: str
) -> dict[str, Any]:
    data = history_page(core.uow_factory(), core.library, access, core.today(), page)
    exercises = core.library.catalogue.exercises
    names = {
        row.exercise: exercises[row.exercise].name if row.exercise in exercises else row.exercise
        for day in data.days
        for row in day.rows
    }
    title = "History" if editable else f"History of {data.name}"
    return {
        "title": title,
        "data": data,
        "charts": history_charts(data),
        "names": names,
        "editable": editable,
        "base": base,
        "error": None,
        "error_set": None,
        "values": {},
    }


def _own(core: Core, account: Account) -> AthleteAccess:
    return athlete_access(core.uow_factory(), account, "me")


@router.get("/history", response_class=HTMLResponse)
def history(request: Request, core: CoreDep, account: SignedIn, page: PageNumber = 1) -> Response:
    """The runner's own log and charts; a coach-only account goes to the roster."""
    if account.athlete_id is None:
        return redirect(request, "/coach")
    context = _context(core, _own(core, account), page, editable=True, base="/history")
    return render(request, "history.html", context, account=account)


@router.get("/coach/athletes/{athlete_id}/history", response_class=HTMLResponse)
def coached_history(
    request: Request,
    core: CoreDep,
    account: SignedIn,
    athlete_id: AthleteId,
    page: PageNumber = 1,
) -> Response:
    """A coach's read-only view of one athlete's history (404 for anyone else's athlete)."""
    access = athlete_access(core.uow_factory(), account, str(athlete_id))
    if not access.as_coach:
        return redirect(request, "/history")
    base = f"/coach/athletes/{athlete_id}/history"
    context = _context(core, access, page, editable=False, base=base)
    return render(request, "history.html", context, account=account)


@router.post("/history/sets/{set_id}", response_class=HTMLResponse)
def edit(
    request: Request,
    core: CoreDep,
    account: SignedIn,
    set_id: SetId,
    csrf: Csrf = "",
    reps: Field = "",
    load: Field = "",
    seconds: Field = "",
    rir: Field = "",
    page: Annotated[int, Form(ge=1, le=100_000)] = 1,
) -> Response:
    """Correct one of the runner's sets (blank fields keep their value); back to the log."""
    check_csrf(request, csrf)
    access = _own(core, account)
    fields = {"reps": reps, "load": load, "seconds": seconds, "rir": rir}
    try:
        edit_logged_set(core.uow_factory(), core.library, access, set_id, fields, core.now())
    except RunliftError as exc:
        if exc.http_status == 404:
            raise
        context = _context(core, access, page, editable=True, base="/history")
        context.update(error=exc, error_set=set_id, values=fields)
        return render(
            request, "history.html", context, account=account, status_code=exc.http_status
        )
    return redirect(request, f"/history?page={page}#set-{set_id}")


@router.post("/history/sets/{set_id}/delete", response_class=HTMLResponse)
def delete(
    request: Request,
    core: CoreDep,
    account: SignedIn,
    set_id: SetId,
    csrf: Csrf = "",
    confirm: Annotated[str, Form(max_length=8)] = "",
    page: Annotated[int, Form(ge=1, le=100_000)] = 1,
) -> Response:
    """Ask first (which set, on which day); delete only when the answer says yes."""
    check_csrf(request, csrf)
    access = _own(core, account)
    if confirm != "yes":
        row = logged_set(core.uow_factory(), access, set_id)
        exercises = core.library.catalogue.exercises
        name = exercises[row.exercise].name if row.exercise in exercises else row.exercise
        context = {"title": "Delete this set?", "row": row, "name": name, "page": page}
        return render(request, "history_delete.html", context, account=account)
    corrections.delete_set(core.uow_factory(), access.name, set_id, core.now())
    return redirect(request, f"/history?page={page}&deleted=1#log")
