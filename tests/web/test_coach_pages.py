"""The coach pages and the athlete's side of consent: the roster and invitations, an athlete under
a coach, notes, revoking; 404 for anything not the caller's, CSRF refusals that change nothing,
and hostile names and notes shown only escaped."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from fastapi.testclient import TestClient

from runlift.services import roster
from web_helpers import PASSWORD, page_csrf, sign_up_on_page

HOSTILE = '<script>alert("x")</script>'
PROFILE: dict[str, object] = {
    "name": "Runner",
    "level": "intermediate",
    "race": {"distance": "half_marathon", "date": "2027-03-14"},
    "strength": {"sessions_per_week": 2, "minutes_per_session": 30},
    "equipment": ["dumbbell"],
    "runs": {"tue": "easy", "thu": "intervals", "sun": "long"},
}


def context(response: Any) -> dict[str, Any]:
    found = response.context
    assert isinstance(found, dict)
    return found


def sign_in_as(web: TestClient, email: str) -> None:
    """Leave the current page session and sign in as `email`."""
    web.cookies.clear()
    form = {"email": email, "password": PASSWORD, "csrf": page_csrf(web, "/signin")}
    assert web.post("/signin", data=form).status_code == 303


def api_write(web: TestClient, method: str, path: str, **kw: Any) -> Any:
    """A JSON API write with the page session, as the pages' script sends it."""
    headers = {"X-CSRF-Token": web.cookies["runlift_csrf"]}
    response = web.request(method, f"/api/v1{path}", headers=headers, **kw)
    assert response.status_code in (200, 201), response.text
    return response.json()


def invite(web: TestClient) -> str:
    response = web.post("/coach/invitations", data={"csrf": page_csrf(web, "/coach")})
    assert response.status_code == 201
    code = context(response)["code"]
    assert isinstance(code, str)
    assert code in response.text
    return code


def accept(web: TestClient, code: str) -> None:
    response = web.post("/coaches", data={"code": code, "csrf": page_csrf(web, "/coaches")})
    assert response.status_code == 303
    assert response.headers["location"] == "/coaches?done=accepted"


def athlete_id(web: TestClient) -> int:
    me = web.get("/api/v1/me").json()
    value = me["athlete_id"]
    assert isinstance(value, int)
    return value


@pytest.fixture
def coached(web: TestClient) -> tuple[str, str, int]:
    """A coach and a hostile-named athlete who accepted them, with a plan and one logged set;
    signed in as the coach. The coach's e-mail, the athlete's, and the athlete's id."""
    coach = sign_up_on_page(web, role="coach", name="Cleo")
    code = invite(web)
    web.cookies.clear()
    runner = sign_up_on_page(web, name=HOSTILE)
    accept(web, code)
    api_write(web, "PUT", "/athletes/me/profile", json=PROFILE, params={"start": "2026-11-30"})
    one_set = {"client_id": "s-1", "exercise": "goblet-squat", "date": "2026-12-01", "reps": 9}
    api_write(web, "POST", "/athletes/me/sets", json=one_set | {"rir": 2})
    own_id = athlete_id(web)
    sign_in_as(web, coach)
    return coach, runner, own_id


def test_a_coach_invites_and_sees_the_athlete_who_accepted(
    web: TestClient, coached: tuple[str, str, int]
) -> None:
    _, _, ana_id = coached
    page = web.get("/coach")
    assert page.status_code == 200
    [row] = context(page)["rows"]
    assert (row.athlete_id, row.name) == (ana_id, HOSTILE)
    assert row.next_race == roster.NextRace("half marathon", dt.date(2027, 3, 14))
    assert row.last_session == dt.date(2026, 12, 1)
    assert HOSTILE not in page.text
    assert "&lt;script&gt;" in page.text
    assert f'href="/coach/athletes/{ana_id}"' in page.text
    detail = web.get(f"/coach/athletes/{ana_id}")
    assert detail.status_code == 200
    overview = context(detail)["athlete"]
    assert [(r.exercise, r.reps) for r in overview.recent] == [("goblet-squat", 9)]
    assert "Goblet squat · set 1" in detail.text
    assert [w.monday.isoformat() for w in overview.weeks] == ["2026-11-30", "2026-12-07"]
    assert f"/coach/athletes/{ana_id}/history" in detail.text
    assert HOSTILE not in detail.text


def test_an_invitation_code_is_shown_once(web: TestClient) -> None:
    sign_up_on_page(web, role="coach")
    first, second = invite(web), invite(web)
    assert first != second
    assert first not in web.get("/coach").text


def test_a_note_by_the_coach_is_escaped_and_shown_to_the_athlete(
    web: TestClient, coached: tuple[str, str, int]
) -> None:
    _, runner, ana_id = coached
    path = f"/coach/athletes/{ana_id}"
    form = {"date": "2026-12-01", "text": HOSTILE, "csrf": page_csrf(web, path)}
    response = web.post(f"{path}/notes", data=form)
    assert response.status_code == 303
    detail = web.get(path)
    [note] = context(detail)["athlete"].notes
    assert (note.text, note.author_name) == (HOSTILE, "Cleo")
    assert HOSTILE not in detail.text
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in detail.text
    empty = web.post(f"{path}/notes", data={**form, "text": "  "})
    assert empty.status_code == 422
    assert context(empty)["error"].field == "text"
    bad_day = web.post(f"{path}/notes", data={**form, "date": "someday"})
    assert bad_day.status_code == 422
    sign_in_as(web, runner)
    mine = web.get("/coaches")
    [change] = [c for c in context(mine)["mine"].changes if c.kind.value == "note"]
    assert (change.author_name, change.summary) == ("Cleo", "note on 2026-12-01")


def test_anything_not_the_callers_is_404(web: TestClient, coached: tuple[str, str, int]) -> None:
    coach, runner, ana_id = coached
    web.cookies.clear()
    sign_up_on_page(web, name="Bob")
    bob_id = athlete_id(web)
    assert web.get("/coach").status_code == 404  # an athlete has no roster
    assert web.get(f"/coach/athletes/{ana_id}").status_code == 404
    assert web.get(f"/coach/athletes/{bob_id}").status_code == 404  # not even their own
    sign_in_as(web, coach)
    assert web.get("/coaches").status_code == 404  # a coach only has no coaches
    for path in (f"/coach/athletes/{bob_id}", "/coach/athletes/999999", "/coach/athletes/x"):
        assert web.get(path).status_code == 404, path
    assert bob_id not in {r.athlete_id for r in context(web.get("/coach"))["rows"]}
    form = {"date": "2026-12-01", "text": "hi", "csrf": page_csrf(web, "/coach")}
    assert web.post(f"/coach/athletes/{bob_id}/notes", data=form).status_code == 404
    sign_in_as(web, runner)
    [cleo] = context(web.get("/coaches"))["mine"].coaches
    revoke = web.post(f"/coaches/{cleo.account_id}/revoke", data={"csrf": page_csrf(web)})
    assert revoke.status_code == 303
    assert context(web.get("/coaches"))["mine"].coaches == ()
    sign_in_as(web, coach)
    assert web.get(f"/coach/athletes/{ana_id}").status_code == 404
    assert context(web.get("/coach"))["rows"] == []


def test_forms_without_csrf_change_nothing(web: TestClient, coached: tuple[str, str, int]) -> None:
    _, runner, ana_id = coached
    path = f"/coach/athletes/{ana_id}"
    page_csrf(web, path)
    for form in ({}, {"csrf": "x" * 43}):
        refused = web.post("/coach/invitations", data=form)
        assert refused.status_code == 403
        assert "code" not in (refused.context or {})  # type: ignore[attr-defined]
        note = {"date": "2026-12-01", "text": "hi", **form}
        assert web.post(f"{path}/notes", data=note).status_code == 403
    assert context(web.get(path))["athlete"].notes == ()
    code = invite(web)
    web.cookies.clear()
    sign_up_on_page(web, name="Bob")
    assert web.post("/coaches", data={"code": code}).status_code == 403
    assert context(web.get("/coaches"))["mine"].coaches == ()
    sign_in_as(web, runner)
    [cleo] = context(web.get("/coaches"))["mine"].coaches
    assert web.post(f"/coaches/{cleo.account_id}/revoke", data={}).status_code == 403
    assert len(context(web.get("/coaches"))["mine"].coaches) == 1


def test_a_wrong_code_is_said_in_the_form(web: TestClient) -> None:
    sign_up_on_page(web)
    response = web.post("/coaches", data={"code": "made-up", "csrf": page_csrf(web, "/coaches")})
    assert response.status_code == 404
    assert context(response)["error"].field == "code"
    assert "unknown, used or expired invitation code" in response.text
