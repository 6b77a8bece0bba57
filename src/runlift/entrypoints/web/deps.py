"""What routes get from FastAPI: the core, its store, the signed-in caller, an athlete they
may act on. Route modules declare these as parameters and stay a few lines each."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from runlift.bootstrap import Core, UowFactory
from runlift.entrypoints.web.cookies import CSRF_HEADER, SAFE_METHODS, SESSION_COOKIE, check_csrf
from runlift.services.accounts import authenticate
from runlift.services.coaching import AthleteAccess, athlete_access
from runlift.services.errors import Hidden, Unauthorized
from runlift.services.ports import Account

__all__ = [
    "AthleteAccess",
    "AthleteDep",
    "Caller",
    "CoreDep",
    "OwnAthleteDep",
    "UowDep",
    "athlete_for",
    "get_caller",
    "get_core",
    "get_uow",
    "own_athlete",
]

_bearer = HTTPBearer(auto_error=False, description="A token from POST /api/v1/auth/token.")


def get_core(request: Request) -> Core:
    """The application core the factory built (one per process)."""
    core: Core = request.app.state.core
    return core


CoreDep = Annotated[Core, Depends(get_core)]


def get_uow(core: CoreDep) -> UowFactory:
    """The maker of units of work over the core's store."""
    return core.uow_factory()


UowDep = Annotated[UowFactory, Depends(get_uow)]


def get_caller(
    request: Request,
    core: CoreDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> Account:
    """The account of the bearer token; 401 without one, or with a bad or revoked one.

    Without a bearer token a page session cookie signs the pages' scripts in; their writes
    must then carry the CSRF value in X-CSRF-Token (403 otherwise).
    """
    if credentials is None:
        session = request.cookies.get(SESSION_COOKIE)
        if not session:
            raise Unauthorized()
        account = authenticate(core.uow_factory(), session, core.now())
        if request.method not in SAFE_METHODS:
            check_csrf(request, request.headers.get(CSRF_HEADER))
        return account
    if credentials.scheme.lower() != "bearer":
        raise Unauthorized()
    return authenticate(core.uow_factory(), credentials.credentials, core.now())


Caller = Annotated[Account, Depends(get_caller)]


def athlete_for(athlete_id: str, caller: Caller, core: CoreDep) -> AthleteAccess:
    """The athlete of the path's `{athlete_id}` ('me' or an id) if the caller may act on them:
    their own, or one who accepted them as coach and has not revoked; anything else is 404."""
    return athlete_access(core.uow_factory(), caller, athlete_id)


AthleteDep = Annotated[AthleteAccess, Depends(athlete_for)]


def own_athlete(athlete: AthleteDep) -> AthleteAccess:
    """The caller's own athlete: writes to a log are the athlete's alone, so a coach gets 404."""
    if athlete.as_coach:
        raise Hidden("athlete", "only the athlete writes to their log", "athlete_id")
    return athlete


OwnAthleteDep = Annotated[AthleteAccess, Depends(own_athlete)]
