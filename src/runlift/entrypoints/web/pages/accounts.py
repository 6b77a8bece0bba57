"""The door: home, sign up, sign in, sign out. Forms work without JavaScript."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from runlift.entrypoints.web.deps import CoreDep, UowDep
from runlift.entrypoints.web.pages.render import redirect, render
from runlift.entrypoints.web.pages.session import (
    CSRF_FIELD,
    SESSION_COOKIE,
    SESSION_NAME,
    MaybeAccount,
    check_csrf,
    end_session,
    safe_next,
    start_session,
)
from runlift.services import accounts
from runlift.services.errors import RunliftError
from runlift.services.ports import Account

router = APIRouter(include_in_schema=False)
Text = Annotated[str, Form(max_length=1024)]
ROLES = (("athlete", "I run and train"), ("coach", "I coach runners"), ("both", "Both"))


def home_of(account: Account) -> str:
    """Where an account starts: a coach-only account at the roster, a runner at today."""
    return "/coach" if account.athlete_id is None else "/today"


@router.get("/", response_class=HTMLResponse)
def home(request: Request, account: MaybeAccount) -> Response:
    """Signed in: on to training (or the roster); otherwise what runlift is, and the doors."""
    if account is not None:
        return redirect(request, home_of(account))
    return render(request, "home.html", {"title": "runlift"})


@router.get("/signup", response_class=HTMLResponse)
def sign_up_form(request: Request, account: MaybeAccount) -> Response:
    """The sign-up form."""
    return render(
        request,
        "signup.html",
        {"title": "Sign up", "roles": ROLES, "values": {"role": "athlete"}, "error": None},
        account=account,
    )


@router.post("/signup", response_class=HTMLResponse)
def sign_up(
    request: Request,
    core: CoreDep,
    uow: UowDep,
    email: Text = "",
    password: Text = "",
    name: Text = "",
    role: Text = "athlete",
    csrf: Annotated[str, Form(alias=CSRF_FIELD)] = "",
) -> Response:
    """Open an account and sign in; a runner goes on to the profile questions."""
    check_csrf(request, csrf)
    values = {"email": email, "name": name, "role": role}
    try:
        account = accounts.sign_up(uow, email, password, name, role, core.now())
        secret = accounts.issue_token(
            uow, email, password, core.now(), SESSION_NAME, address=_address(request)
        )
    except RunliftError as exc:
        context = {"title": "Sign up", "roles": ROLES, "values": values, "error": exc}
        return render(request, "signup.html", context, status_code=exc.http_status)
    target = "/onboarding" if account.athlete_id is not None else "/coach"
    response = redirect(request, target)
    start_session(request, response, secret)
    return response


@router.get("/signin", response_class=HTMLResponse)
def sign_in_form(request: Request, account: MaybeAccount, next: str = "/") -> Response:
    """The sign-in form (signed in already: straight on)."""
    if account is not None:
        return redirect(request, safe_next(next) if next != "/" else home_of(account))
    context: dict[str, object] = {
        "title": "Sign in",
        "next": safe_next(next),
        "values": {},
        "error": None,
    }
    return render(request, "signin.html", context)


@router.post("/signin", response_class=HTMLResponse)
def sign_in(
    request: Request,
    core: CoreDep,
    uow: UowDep,
    email: Text = "",
    password: Text = "",
    next: Text = "/",
    csrf: Annotated[str, Form(alias=CSRF_FIELD)] = "",
) -> Response:
    """Check the e-mail and password (rate-limited like the API) and start a page session."""
    check_csrf(request, csrf)
    try:
        secret = accounts.issue_token(
            uow, email, password, core.now(), SESSION_NAME, address=_address(request)
        )
        account = accounts.authenticate(uow, secret, core.now())
    except RunliftError as exc:
        context: dict[str, object] = {
            "title": "Sign in",
            "next": safe_next(next),
            "values": {"email": email},
        }
        return render(
            request, "signin.html", {**context, "error": exc}, status_code=exc.http_status
        )
    target = safe_next(next)
    response = redirect(request, home_of(account) if target == "/" else target)
    start_session(request, response, secret)
    return response


@router.post("/signout")
def sign_out(
    request: Request,
    core: CoreDep,
    uow: UowDep,
    csrf: Annotated[str, Form(alias=CSRF_FIELD)] = "",
) -> RedirectResponse:
    """Revoke the page session (every process forgets it at once) and drop the cookie."""
    check_csrf(request, csrf)
    accounts.revoke_secret(uow, request.cookies.get(SESSION_COOKIE, ""), core.now())
    response = redirect(request, "/signin")
    end_session(response)
    return response


def _address(request: Request) -> str | None:
    return request.client.host if request.client else None
