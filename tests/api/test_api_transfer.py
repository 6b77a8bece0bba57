"""One athlete's document over HTTP: export it, import it into another athlete's empty log."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from typing import Any

import httpx

from api_server import User, with_plan

NewUser = Callable[..., User]


def exported(client: httpx.Client, user: User) -> dict[str, Any]:
    """The user's athlete document."""
    answer = client.get("/athletes/me/export", headers=user.headers)
    assert answer.status_code == 200, answer.text
    document: dict[str, Any] = answer.json()
    return document


def test_export_then_import_into_an_empty_log(client: httpx.Client, new_user: NewUser) -> None:
    ana, ben = new_user(), new_user(name="Ben")
    with_plan(client, ana)
    today = dt.date.today().isoformat()
    a_set = {"client_id": str(uuid.uuid4()), "exercise": "push-up", "date": today, "reps": 12}
    assert client.post("/athletes/me/sets", json=a_set, headers=ana.headers).status_code == 201
    a_run = {"client_id": "r1", "date": today, "distance_km": 8, "minutes": 45}
    assert client.post("/athletes/me/runs", json=a_run, headers=ana.headers).status_code == 201
    document = exported(client, ana)
    assert (document["format"], document["version"], len(document["athletes"])) == (
        "runlift-export",
        1,
        1,
    )
    imported = client.post("/athletes/me/import", json=document, headers=ben.headers)
    assert imported.status_code == 200, imported.text
    assert imported.json() == {"plans": 1, "sessions": 1, "sets": 1, "runs": 1}
    [theirs], [mine] = document["athletes"], exported(client, ben)["athletes"]
    for part in ("profile_yaml", "plans", "sessions", "runs", "updated_at"):
        assert mine[part] == theirs[part], part
    again = client.post("/athletes/me/import", json=document, headers=ben.headers)
    assert again.status_code == 409, again.text
    assert again.json()["error"]["field"] == "log"
    assert exported(client, ben)["athletes"][0]["runs"] == theirs["runs"]


def test_a_document_of_two_athletes_or_a_bad_one_is_422(
    client: httpx.Client, new_user: NewUser
) -> None:
    ana, ben = new_user(), new_user(name="Ben")
    document = exported(client, ana)
    two = document | {"athletes": document["athletes"] * 2}
    answer = client.post("/athletes/me/import", json=two, headers=ben.headers)
    assert answer.status_code == 422, answer.text
    assert answer.json()["error"]["field"] == "athletes"
    broken = document | {"version": 2}
    answer = client.post("/athletes/me/import", json=broken, headers=ben.headers)
    assert answer.status_code == 422, answer.text
    assert answer.json()["error"]["field"] == "version"
    assert exported(client, ben)["athletes"][0]["plans"] == []
