"""Ending a session over HTTP: its RPE and note, as the CLI's guided session stores them."""

from __future__ import annotations

import uuid
from collections.abc import Callable

import httpx

from api_server import User, with_plan
from runlift import schemas

NewUser = Callable[..., User]
DAY = "2026-11-20"


def _log_a_set(client: httpx.Client, user: User) -> None:
    with_plan(client, user)
    body = {"client_id": str(uuid.uuid4()), "exercise": "push-up", "date": DAY, "reps": 10}
    posted = client.post("/athletes/me/sets", json=body, headers=user.headers)
    assert posted.status_code == 201, posted.text


def test_a_logged_session_gets_its_rpe_and_note(client: httpx.Client, new_user: NewUser) -> None:
    ana = new_user()
    path = f"/athletes/me/sessions/{DAY}"
    body = {"srpe": 7, "notes": "Hard but <good>"}
    assert client.patch(path, json=body, headers=ana.headers).status_code == 404
    _log_a_set(client, ana)
    answer = client.patch(path, json=body, headers=ana.headers)
    assert answer.status_code == 200, answer.text
    done = schemas.PerformedSession.model_validate(answer.json())
    assert (str(done.date), done.srpe, done.notes) == (DAY, 7, "Hard but <good>")
    kept = client.patch(path, json={"srpe": 5}, headers=ana.headers)
    assert (kept.json()["srpe"], kept.json()["notes"]) == (5, "Hard but <good>")


def test_bad_values_are_422_and_others_sessions_404(
    client: httpx.Client, new_user: NewUser
) -> None:
    ana, ben = new_user(), new_user(name="Ben")
    _log_a_set(client, ana)
    path = f"/athletes/me/sessions/{DAY}"
    for bad in ({"srpe": 11}, {"srpe": 0}, {"notes": "x" * 2001}, {"mood": "fine"}):
        refused = client.patch(path, json=bad, headers=ana.headers)
        assert refused.status_code == 422, (bad, refused.text)
    theirs = f"/athletes/{ana.athlete_id}/sessions/{DAY}"
    hidden = client.patch(theirs, json={"srpe": 3}, headers=ben.headers)
    assert hidden.status_code == 404
    assert hidden.json()["error"]["code"] == "not_found"
    stored = client.patch(path, json={}, headers=ana.headers).json()
    assert stored["srpe"] is None
