"""The server-rendered pages: phone first, forms that work without JavaScript, enhanced by
small scripts of our own (gym mode, the offline outbox). Every page router is listed here."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.responses import FileResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles

from runlift.entrypoints.web.pages import (
    accounts,
    coach,
    coaches,
    exercises,
    history,
    onboarding,
    plan,
    today,
)
from runlift.entrypoints.web.pages.render import STATIC, redirect
from runlift.entrypoints.web.pages.session import SignInNeeded, sign_in_url

PAGE_ROUTERS = (
    accounts.router,
    today.router,
    onboarding.router,
    plan.router,
    history.router,
    exercises.router,
    coach.router,
    coaches.router,
)


def _to_sign_in(request: Request, exc: Exception) -> RedirectResponse:
    assert isinstance(exc, SignInNeeded)
    return redirect(request, sign_in_url(exc.back_to))


def install_pages(app: FastAPI) -> None:
    """Add the pages, their static files and the service worker (served from the root so that
    it may look after every page)."""
    for router in PAGE_ROUTERS:
        app.include_router(router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/sw.js", include_in_schema=False)
    def service_worker() -> FileResponse:
        """The offline service worker; never cached by HTTP so a new version is seen at once."""
        headers = {"Cache-Control": "no-cache", "Service-Worker-Allowed": "/"}
        return FileResponse(STATIC / "sw.js", media_type="text/javascript", headers=headers)

    app.add_exception_handler(SignInNeeded, _to_sign_in)
