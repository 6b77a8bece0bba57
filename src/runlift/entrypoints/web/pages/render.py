"""Rendering pages: one Jinja2 environment (autoescape on), the context every page shares.

Templates live in the package (entrypoints/web/templates) and escape everything by default;
the context is what page tests read from Starlette's TestClient (`response.context`).
"""

from __future__ import annotations

import contextlib
import functools
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse, RedirectResponse
from fastapi.templating import Jinja2Templates

from runlift.entrypoints.web.pages.session import csrf_value, remember_csrf, session_account
from runlift.services.errors import RunliftError
from runlift.services.ports import Account

WEB = Path(__file__).resolve().parent.parent
TEMPLATES = WEB / "templates"
STATIC = WEB / "static"
NO_STORE = {"Cache-Control": "no-store"}


@functools.cache
def templates() -> Jinja2Templates:
    """The pages' templates, loaded once per process on first use."""
    found = Jinja2Templates(directory=str(TEMPLATES))
    found.env.autoescape = True
    found.env.trim_blocks = True
    found.env.lstrip_blocks = True
    return found


def render(
    request: Request,
    template: str,
    context: dict[str, Any],
    *,
    account: Account | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    """A page: `template` with `context`, the signed-in account, the nav and the CSRF value."""
    shared: dict[str, Any] = {
        "account": account,
        "csrf": csrf_value(request),
        "path": request.url.path,
    }
    response = templates().TemplateResponse(
        request, template, {**shared, **context}, status_code=status_code, headers=NO_STORE
    )
    remember_csrf(request, response)
    return response


def redirect(request: Request, to: str) -> RedirectResponse:
    """See other: after a form, go to `to` (a GET), keeping the CSRF cookie if it is new."""
    response = RedirectResponse(to, status_code=303)
    remember_csrf(request, response)
    return response


def error_page(request: Request, status: int, message: str) -> HTMLResponse:
    """An error as a page a person can read, with the status the API would give (and the
    signed-in runner's own navigation, when the cookie still signs someone in)."""
    account = None
    if status < 500:
        with contextlib.suppress(RunliftError):  # the store may be why this page is shown
            account = session_account(request.app.state.core, request)
    return render(
        request,
        "error.html",
        {"status": status, "message": message, "title": "Something is not right"},
        account=account,
        status_code=status,
    )
