"""Who is signed in on the pages.

A page session is a bearer token of the store (named "web session") kept in an HttpOnly,
SameSite=Lax cookie; signing out revokes it, so every process forgets it at once. CSRF: see
cookies.py.
"""

from __future__ import annotations

from typing import Annotated
from urllib.parse import quote

from fastapi import Depends, Request
from fastapi.responses import Response

from runlift.bootstrap import Core
from runlift.entrypoints.web.cookies import (
    CSRF_COOKIE,
    CSRF_FIELD,
    CSRF_HEADER,
    SESSION_COOKIE,
    SESSION_NAME,
    SESSION_SECONDS,
    CsrfRefused,
    check_csrf,
    csrf_value,
    remember_csrf,
    secure_cookies,
)
from runlift.entrypoints.web.deps import CoreDep
from runlift.services.accounts import authenticate
from runlift.services.errors import Unauthorized
from runlift.services.ports import Account

__all__ = [
    "CSRF_COOKIE",
    "CSRF_FIELD",
    "CSRF_HEADER",
    "SESSION_COOKIE",
    "SESSION_NAME",
    "CsrfRefused",
    "MaybeAccount",
    "SignInNeeded",
    "SignedIn",
    "check_csrf",
    "csrf_value",
    "remember_csrf",
]


class SignInNeeded(Exception):
    """A page that needs an account was asked for without one: go to /signin, then back."""

    def __init__(self, back_to: str) -> None:
        super().__init__(back_to)
        self.back_to = back_to


def start_session(request: Request, response: Response, secret: str) -> None:
    """Keep a new page session's secret in the browser's cookie."""
    response.set_cookie(
        SESSION_COOKIE,
        secret,
        max_age=SESSION_SECONDS,
        httponly=True,
        samesite="lax",
        secure=secure_cookies(request),
        path="/",
    )


def end_session(response: Response) -> None:
    """Forget the page session in the browser."""
    response.delete_cookie(SESSION_COOKIE, path="/")


def session_account(core: Core, request: Request) -> Account | None:
    """The account of the page session cookie, or None (no cookie, or revoked, or disabled)."""
    secret = request.cookies.get(SESSION_COOKIE)
    if not secret:
        return None
    try:
        return authenticate(core.uow_factory(), secret, core.now())
    except Unauthorized:
        return None


def maybe_signed_in(request: Request, core: CoreDep) -> Account | None:
    """The signed-in account of a page, if any."""
    return session_account(core, request)


def back_to(request: Request) -> str:
    """Where to come back after signing in: this page's path and query, on this site."""
    path = request.url.path
    if request.url.query:
        path = f"{path}?{request.url.query}"
    return path


def signed_in(request: Request, core: CoreDep) -> Account:
    """The signed-in account of a page; without one the browser goes to /signin and back."""
    account = session_account(core, request)
    if account is None:
        raise SignInNeeded(back_to(request))
    return account


def sign_in_url(back: str) -> str:
    """The sign-in page that returns to `back` afterwards."""
    return f"/signin?next={quote(back, safe='/')}"


def safe_next(value: str | None) -> str:
    """A `next` target on this site only (a path), else the home page."""
    if not value or not value.startswith("/") or value.startswith("//") or "\\" in value:
        return "/"
    if any(ord(ch) < 32 for ch in value):
        return "/"
    return value


MaybeAccount = Annotated[Account | None, Depends(maybe_signed_in)]
SignedIn = Annotated[Account, Depends(signed_in)]
