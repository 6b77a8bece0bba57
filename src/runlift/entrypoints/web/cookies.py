"""The cookies of the pages: the page session and the CSRF value, and the CSRF check.

CSRF uses a double-submitted random value: a cookie the server sets (HttpOnly), echoed by every
form (field `csrf`) and by the pages' scripts (header X-CSRF-Token, read from the page's meta
tag); another site can neither read nor set it, and SameSite=Lax keeps the session cookie off
its requests anyway.

Shared by the pages and by the API, which also accepts a page session (the pages' scripts
log sets through it) but then, for every write, wants the CSRF value in X-CSRF-Token.
"""

from __future__ import annotations

import hmac
import secrets
from typing import ClassVar

from fastapi import Request
from fastapi.responses import Response

from runlift.services.errors import RunliftError

SESSION_COOKIE = "runlift_session"
CSRF_COOKIE = "runlift_csrf"
CSRF_HEADER = "x-csrf-token"
CSRF_FIELD = "csrf"
SESSION_NAME = "web session"
SESSION_SECONDS = 30 * 24 * 3600
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
_CSRF_LENGTH = 43  # secrets.token_urlsafe(32)


class CsrfRefused(RunliftError):
    """A form or write without the page's CSRF value: refused, nothing changed."""

    http_status: ClassVar[int] = 403

    def __init__(self) -> None:
        super().__init__(
            "the form is out of date or came from another site; reload the page and try again",
            "csrf",
            "csrf_refused",
        )


def _valid_csrf(value: str | None) -> bool:
    return value is not None and len(value) == _CSRF_LENGTH and value.isascii()


def csrf_value(request: Request) -> str:
    """The CSRF value of this browser: its cookie, or a new one `remember_csrf` will set."""
    known = request.cookies.get(CSRF_COOKIE)
    if _valid_csrf(known):
        assert known is not None
        return known
    fresh: str | None = getattr(request.state, "new_csrf", None)
    if fresh is None:
        fresh = secrets.token_urlsafe(32)
        request.state.new_csrf = fresh
    return fresh


def secure_cookies(request: Request) -> bool:
    """Cookies are Secure when the page came over TLS (directly or via the proxy in front)."""
    forwarded = request.headers.get("x-forwarded-proto", "")
    return request.url.scheme == "https" or forwarded.split(",")[0].strip() == "https"


def remember_csrf(request: Request, response: Response) -> None:
    """Set the CSRF cookie on `response` if this request made a new value."""
    fresh: str | None = getattr(request.state, "new_csrf", None)
    if fresh is not None:
        response.set_cookie(
            CSRF_COOKIE,
            fresh,
            httponly=True,
            samesite="lax",
            secure=secure_cookies(request),
            path="/",
        )


def check_csrf(request: Request, sent: str | None) -> None:
    """Refuse (403) unless `sent` equals this browser's CSRF cookie."""
    known = request.cookies.get(CSRF_COOKIE)
    if not (_valid_csrf(known) and sent is not None and sent.isascii()):
        raise CsrfRefused()
    assert known is not None
    if not hmac.compare_digest(known.encode(), sent.encode()):
        raise CsrfRefused()
