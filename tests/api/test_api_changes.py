"""Who changed what over HTTP: a coach re-plans, moves a session and leaves a note; the athlete
sees each change with the coach's name; a revoked coach and a stranger get 404 on all of it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import httpx

from api_server import PROFILE, User, with_plan
from runlift import schemas

NewUser = Callable[..., User]
START = "2027-01-04"  # a Monday


def _coach_of(client: httpx.Client, athlete: User, coach: User) -> None:
    code = client.post("/coach/invitations", headers=coach.headers).json()["code"]
    accepted = client.post("/athletes/me/coaches", json={"code": code}, headers=athlete.headers)
    assert accepted.status_code == 201, accepted.text


def _free_day(plan: schemas.Plan) -> tuple[dt.date, dt.date]:
    """The first session of the plan and a day of its week without a session."""
    week = plan.weeks[0]
    taken = {s.date for s in week.sessions}
    first = week.sessions[0].date
    monday = first - dt.timedelta(days=first.weekday())
    free = next(
        day
        for day in (monday + dt.timedelta(days=n) for n in range(7))
        if day not in taken and day > first
    )
    return first, free


def _changes(client: httpx.Client, user: User, athlete_id: int, **params: Any) -> httpx.Response:
    return client.get(f"/athletes/{athlete_id}/changes", params=params, headers=user.headers)


def test_the_athlete_sees_who_changed_what(client: httpx.Client, new_user: NewUser) -> None:
    ana, cleo = new_user("athlete", "Ana"), new_user("coach", "Cleo")
    with_plan(client, ana, START)
    _coach_of(client, ana, cleo)
    base = f"/athletes/{ana.athlete_id}"
    put = client.put(f"{base}/profile", json=PROFILE, params={"start": START}, headers=cleo.headers)
    assert put.status_code == 200, put.text
    plan = schemas.Plan.model_validate(put.json())
    first, free = _free_day(plan)
    move = {"date": str(first), "to": str(free), "anyway": True}
    moved = client.post(f"{base}/moves", json=move, headers=cleo.headers)
    assert moved.status_code == 200, moved.text
    note = client.post(
        f"{base}/notes", json={"date": str(free), "text": " Go easy on the hops "},
        headers=cleo.headers,
    )  # fmt: skip
    assert note.status_code == 201, note.text
    left = schemas.Note.model_validate(note.json())
    assert (left.date, left.text) == (free, "Go easy on the hops")
    assert (left.author_id, left.author_name) == (cleo.account_id, "Cleo")

    answer = _changes(client, ana, ana.athlete_id or 0)
    assert answer.status_code == 200, answer.text
    log = [schemas.Change.model_validate(c) for c in answer.json()]
    assert [c.kind for c in log] == ["note", "move", "profile", "profile"]
    assert [c.author_name for c in log] == ["Cleo", "Cleo", "Cleo", "Ana"]
    assert [c.author_id for c in log[:3]] == [cleo.account_id] * 3
    assert log[0].summary == f"note on {free}"
    days = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    moved_text = f"moved {days[first.weekday()]} {first} to {days[free.weekday()]} {free}"
    assert log[1].summary.startswith(moved_text)
    assert log[2].summary == f"profile changed; plan version 2 from {START}"
    assert log[3].summary == f"profile changed; plan version 1 from {START}"
    assert [c.id for c in log] == sorted((c.id for c in log), reverse=True)
    assert _changes(client, ana, ana.athlete_id or 0, limit=1).json() == answer.json()[:1]
    assert _changes(client, cleo, ana.athlete_id or 0).json() == answer.json()

    mine = client.post(
        "/athletes/me/notes", json={"date": str(free), "text": "Felt fine"}, headers=ana.headers
    )
    assert mine.status_code == 201, mine.text
    assert mine.json()["author_name"] == "Ana"
    listed = client.get("/athletes/me/notes", params={"date": str(free)}, headers=ana.headers)
    assert [n["text"] for n in listed.json()] == ["Felt fine", "Go easy on the hops"]
    other_day = client.get("/athletes/me/notes", params={"date": START}, headers=cleo.headers)
    assert other_day.status_code == 404  # `me` of a coach without an athlete
    by_id = client.get(f"{base}/notes", params={"date": str(first)}, headers=cleo.headers)
    assert by_id.json() == []


def test_a_bad_note_is_422_and_changes_nothing(client: httpx.Client, new_user: NewUser) -> None:
    ana = new_user()
    with_plan(client, ana, START)
    bad_bodies: list[dict[str, object]] = [
        {"date": START, "text": "x" * 2001},
        {"date": START, "text": "a\x00b"},
        {"date": START, "text": "   "},
        {"date": START, "text": ""},
        {"date": "1900-01-01", "text": "old"},
        {"date": START, "text": "hi", "colour": "red"},
    ]
    for body in bad_bodies:
        answer = client.post("/athletes/me/notes", json=body, headers=ana.headers)
        assert answer.status_code == 422, (body, answer.text)
        assert answer.json()["error"]["field"]
    assert client.get("/athletes/me/notes", headers=ana.headers).json() == []
    kinds = [c["kind"] for c in _changes(client, ana, ana.athlete_id or 0).json()]
    assert kinds == ["profile"]
    assert _changes(client, ana, ana.athlete_id or 0, limit=0).status_code == 422


def test_a_revoked_coach_and_a_stranger_get_404_on_all_of_it(
    client: httpx.Client, new_user: NewUser
) -> None:
    ana, ezra, ben = new_user("athlete", "Ana"), new_user("coach", "Ezra"), new_user("athlete")
    with_plan(client, ana, START)
    _coach_of(client, ana, ezra)
    base = f"/athletes/{ana.athlete_id}"
    note: dict[str, object] = {"date": START, "text": "Hello"}
    assert client.post(f"{base}/notes", json=note, headers=ezra.headers).status_code == 201
    revoked = client.delete(f"/athletes/me/coaches/{ezra.account_id}", headers=ana.headers)
    assert revoked.status_code == 204
    calls: list[tuple[str, str, dict[str, object] | None]] = [
        ("GET", f"{base}/changes", None),
        ("GET", f"{base}/notes", None),
        ("POST", f"{base}/notes", note),
        ("PUT", f"{base}/profile", PROFILE),
        ("POST", f"{base}/moves", {"date": START, "to": "2027-01-05"}),
    ]
    for user in (ezra, ben):
        for method, path, body in calls:
            answer = client.request(method, path, json=body, headers=user.headers)
            assert answer.status_code == 404, (method, path, answer.text)
            assert answer.json()["error"]["code"] == "not_found"
    log = _changes(client, ana, ana.athlete_id or 0).json()
    assert [(c["kind"], c["author_name"]) for c in log] == [("note", "Ezra"), ("profile", "Ana")]
