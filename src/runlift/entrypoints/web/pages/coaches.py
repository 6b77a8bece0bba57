"""The athlete's side of consent: accept a coach's code, see and revoke coaches, and read who
changed what in my training."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Path, Request
from fastapi.responses import HTMLResponse, Response

from runlift.entrypoints.web.deps import CoreDep
from runlift.entrypoints.web.pages.render import redirect, render
from runlift.entrypoints.web.pages.session import CSRF_FIELD, SignedIn, check_csrf
from runlift.services import coach_view, coaching
from runlift.services.errors import Hidden, RunliftError
from runlift.services.ports import Account

router = APIRouter(include_in_schema=False)
Csrf = Annotated[str, Form(alias=CSRF_FIELD)]


def _page(
    request: Request,
    account: Account,
    core: CoreDep,
    *,
    error: RunliftError | None = None,
    notice: str | None = None,
) -> Response:
    mine = coach_view.my_coaches(core.uow_factory(), account)
    context = {"title": "My coaches", "mine": mine, "error": error, "notice": notice}
    status = error.http_status if error is not None else 200
    return render(request, "coaches.html", context, account=account, status_code=status)


@router.get("/coaches", response_class=HTMLResponse)
def coaches_page(
    request: Request, account: SignedIn, core: CoreDep, done: str | None = None
) -> Response:
    """My coaches, the form for a code, and my changes log."""
    notice = {"accepted": "Coach added.", "revoked": "Coach removed."}.get(done or "")
    return _page(request, account, core, notice=notice)


@router.post("/coaches", response_class=HTMLResponse)
def accept(
    request: Request,
    account: SignedIn,
    core: CoreDep,
    code: Annotated[str, Form(max_length=coaching.MAX_CODE)] = "",
    csrf: Csrf = "",
) -> Response:
    """Accept a coach's invitation code: from now on they see and adjust my training."""
    check_csrf(request, csrf)
    try:
        coaching.accept_invitation(core.uow_factory(), account, code.strip(), core.now())
    except RunliftError as exc:
        if isinstance(exc, Hidden) and exc.field != "code":
            raise
        return _page(request, account, core, error=exc)
    return redirect(request, "/coaches?done=accepted")


@router.post("/coaches/{coach_id}/revoke", response_class=HTMLResponse)
def revoke(
    request: Request,
    account: SignedIn,
    core: CoreDep,
    coach_id: Annotated[int, Path(ge=1, le=2**31 - 1)],
    csrf: Csrf = "",
) -> Response:
    """Withdraw a coach's access at once."""
    check_csrf(request, csrf)
    coaching.revoke_coach(core.uow_factory(), account, coach_id, core.now())
    return redirect(request, "/coaches?done=revoked")
