"""Who may do what, generated from the app's route table so a new route cannot be left out.

Every route by {anonymous, athlete A, athlete B, coach of A, coach not of A, revoked coach of A}:
anonymous gets 401 on every route that needs a caller; on A's routes, A and (for reads, the
profile, moves and notes) A's coach get an answer (2xx, or 409/422 for a refused value),
everyone else 404, exactly like an athlete that does not exist.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute

from api_server import PROFILE, Server, User, new_address, sign_up, with_plan
from runlift.entrypoints.web.app import ROUTERS
from runlift.entrypoints.web.deps import get_caller

ACTORS = ("anonymous", "athlete", "other_athlete", "coach", "stranger_coach", "revoked_coach")
ALLOWED = {200, 201, 204, 409, 422}
COACH_WRITES = {
    ("PUT", "/athletes/{athlete_id}/profile"),
    ("POST", "/athletes/{athlete_id}/moves"),
    ("POST", "/athletes/{athlete_id}/skips"),
    ("POST", "/athletes/{athlete_id}/notes"),
}
TODAY = dt.date.today().isoformat()
BODIES: dict[tuple[str, str], dict[str, Any]] = {
    ("PUT", "/athletes/{athlete_id}/profile"): PROFILE,
    ("POST", "/athletes/{athlete_id}/moves"): {"date": "2027-01-04", "to": "2027-01-05"},
    ("POST", "/athletes/{athlete_id}/sets"): {"exercise": "push-up", "date": TODAY, "reps": 10},
    ("PATCH", "/athletes/{athlete_id}/sets/{set_id}"): {"reps": 9},
    ("POST", "/athletes/{athlete_id}/runs"): {"date": TODAY, "distance_km": 5, "minutes": 30},
    ("POST", "/athletes/{athlete_id}/runs/import"): {},  # not multipart: 422 for the athlete
    ("POST", "/athletes/{athlete_id}/undo"): {},
    ("PATCH", "/athletes/{athlete_id}/sessions/{date}"): {"srpe": 6, "notes": "Felt strong"},
    ("POST", "/athletes/{athlete_id}/import"): {},  # not a document: 422 (A's log is not empty)
    ("POST", "/athletes/{athlete_id}/notes"): {"date": "2027-01-05", "text": "Easy on the hops"},
    ("POST", "/athletes/{athlete_id}/skips"): {"date": "2027-01-13"},
    ("POST", "/athletes/{athlete_id}/import-log"): {},  # not multipart: 422 for the athlete
}
WITH_CLIENT_ID = ("/sets", "/runs")
QUERIES: dict[tuple[str, str], dict[str, str]] = {
    ("PUT", "/athletes/{athlete_id}/profile"): {"start": "2027-01-04"},
    ("GET", "/athletes/{athlete_id}/watch"): {"date": "2027-01-11"},
    ("POST", "/athletes/{athlete_id}/import-log"): {"from": "strong"},
}


def _needs_caller(dependant: Dependant) -> bool:
    return any(d.call is get_caller or _needs_caller(d) for d in dependant.dependencies)


@dataclass(frozen=True)
class Route:
    method: str
    path: str
    private: bool

    def __str__(self) -> str:
        return f"{self.method} {self.path}"


def _routes() -> list[Route]:
    found = []
    for router in ROUTERS:
        for route in router.routes:
            assert isinstance(route, APIRoute)
            for method in sorted(route.methods or ()):
                found.append(Route(method, route.path, _needs_caller(route.dependant)))
    return found


ROUTES = _routes()
ATHLETE_ROUTES = [r for r in ROUTES if "{athlete_id}" in r.path]


@dataclass
class Cast:
    """A's world: A with a plan and a set, B, A's coach, a stranger coach, a revoked coach."""

    server: Server
    users: dict[str, User]

    def client(self) -> httpx.Client:
        return httpx.Client(
            base_url=f"{self.server.base_url}/api/v1",
            headers={"X-Forwarded-For": new_address()},
            timeout=30,
        )

    def new_set(self) -> int:
        body = BODIES[("POST", "/athletes/{athlete_id}/sets")] | {"client_id": str(uuid.uuid4())}
        with self.client() as http:
            posted = http.post(
                "/athletes/me/sets", json=body, headers=self.users["athlete"].headers
            )
        assert posted.status_code == 201, posted.text
        number: int = posted.json()["id"]
        return number

    def new_run(self) -> int:
        body = BODIES[("POST", "/athletes/{athlete_id}/runs")] | {"client_id": str(uuid.uuid4())}
        with self.client() as http:
            posted = http.post(
                "/athletes/me/runs", json=body, headers=self.users["athlete"].headers
            )
        assert posted.status_code == 201, posted.text
        number: int = posted.json()["id"]
        return number


def _coach_of(http: httpx.Client, athlete: User, coach: User) -> None:
    code = http.post("/coach/invitations", headers=coach.headers).json()["code"]
    accepted = http.post("/athletes/me/coaches", json={"code": code}, headers=athlete.headers)
    assert accepted.status_code == 201, accepted.text


@pytest.fixture(scope="module")
def cast(server: Server) -> Cast:
    """The six actors, once per backend."""
    with httpx.Client(
        base_url=f"{server.base_url}/api/v1", headers={"X-Forwarded-For": new_address()}
    ) as http:
        users = {
            "athlete": sign_up(http, "athlete", "Ana"),
            "other_athlete": sign_up(http, "athlete", "Ben"),
            "coach": sign_up(http, "coach", "Cleo"),
            "stranger_coach": sign_up(http, "coach", "Dora"),
            "revoked_coach": sign_up(http, "coach", "Ezra"),
        }
        with_plan(http, users["athlete"])
        _coach_of(http, users["athlete"], users["coach"])
        _coach_of(http, users["athlete"], users["revoked_coach"])
        revoked = users["revoked_coach"].account_id
        gone = http.delete(f"/athletes/me/coaches/{revoked}", headers=users["athlete"].headers)
        assert gone.status_code == 204
    return Cast(server, users)


def _expected(route: Route, actor: str) -> set[int] | None:
    """The statuses `actor` may get on `route`; None: anything but 401 and 5xx."""
    if actor == "anonymous":
        return {401} if route.private else None
    if "{athlete_id}" not in route.path:
        return None
    if actor == "athlete":
        return ALLOWED
    if actor == "coach" and (route.method == "GET" or (route.method, route.path) in COACH_WRITES):
        return ALLOWED
    return {404}


def _call(cast: Cast, route: Route, actor: str) -> httpx.Response:
    athlete = cast.users["athlete"]
    path = route.path.replace("{athlete_id}", str(athlete.athlete_id))
    if "{set_id}" in path:
        path = path.replace("{set_id}", str(cast.new_set()))
    if "{run_id}" in path:
        path = path.replace("{run_id}", str(cast.new_run()))
    if path.endswith("/undo"):
        cast.new_set()  # something to undo, whatever ran before
    if "{date}" in path:
        cast.new_set()  # a session on that day, whatever ran before
        path = path.replace("{date}", TODAY)
    path = path.replace("{exercise}", "push-up")
    path = re.sub(r"\{[a-z_]+\}", "1", path)
    key = (route.method, route.path)
    body = BODIES.get(key)
    if body is not None and route.method == "POST" and key[1].endswith(WITH_CLIENT_ID):
        body = body | {"client_id": str(uuid.uuid4())}
    headers = cast.users[actor].headers if actor != "anonymous" else {}
    with cast.client() as http:
        return http.request(route.method, path, json=body, params=QUERIES.get(key), headers=headers)


def test_every_route_with_a_body_has_a_sample_one() -> None:
    for route in ATHLETE_ROUTES:
        if route.method in {"POST", "PUT", "PATCH"}:
            assert (route.method, route.path) in BODIES, f"give {route} a body in BODIES"


CASES = [
    pytest.param(route, actor, id=f"{route}-{actor}")
    for route in ROUTES
    for actor in (ACTORS if route in ATHLETE_ROUTES else ACTORS[:1])
]


@pytest.mark.parametrize(("route", "actor"), CASES)
def test_who_may_call_each_route(cast: Cast, route: Route, actor: str) -> None:
    answer = _call(cast, route, actor)
    expected = _expected(route, actor)
    assert answer.status_code < 500, answer.text
    if expected is None:
        assert answer.status_code != 401, answer.text
    else:
        assert answer.status_code in expected, (route, actor, answer.text)
    if answer.status_code == 404 and expected == {404}:
        assert answer.json()["error"]["code"] == "not_found"
