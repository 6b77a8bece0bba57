"""Sets over HTTP: a retry stores nothing, a reused client id is a conflict, racing retries
store one set; paging, correcting and deleting."""

from __future__ import annotations

import datetime as dt
import threading
import uuid
from collections.abc import Callable

import httpx

from api_server import Server, User, new_address, with_plan
from runlift import schemas

NewUser = Callable[..., User]
RACERS = 8


def a_set(**change: object) -> dict[str, object]:
    """A push-up set done today with a new client id, changed as given."""
    body: dict[str, object] = {
        "client_id": str(uuid.uuid4()),
        "exercise": "push-up",
        "date": dt.date.today().isoformat(),
        "reps": 12,
        "load": None,
        "seconds": None,
        "rir": 2,
    }
    return body | change


def test_first_201_retry_200_other_content_409(client: httpx.Client, new_user: NewUser) -> None:
    ana = new_user()
    with_plan(client, ana)
    body = a_set()
    first = client.post("/athletes/me/sets", json=body, headers=ana.headers)
    assert first.status_code == 201, first.text
    stored = schemas.SetLog.model_validate(first.json())
    assert (stored.exercise, stored.reps, stored.rir) == ("push-up", 12, 2)
    again = client.post("/athletes/me/sets", json=body, headers=ana.headers)
    assert again.status_code == 200, again.text
    assert again.json() == first.json()
    other = client.post("/athletes/me/sets", json=body | {"reps": 11}, headers=ana.headers)
    assert other.status_code == 409, other.text
    assert other.json()["error"]["code"] == "conflict"
    page = client.get("/athletes/me/sets", headers=ana.headers).json()
    assert [item["id"] for item in page["items"]] == [stored.id]


def test_the_same_client_id_at_once_stores_one_set(server: Server, new_user: NewUser) -> None:
    ana = new_user()
    with httpx.Client(base_url=f"{server.base_url}/api/v1", timeout=30) as http:
        with_plan(http, ana)
    body = a_set()
    answers: list[int] = []
    ready = threading.Barrier(RACERS)

    def post() -> None:
        headers = ana.headers | {"X-Forwarded-For": new_address()}
        with httpx.Client(base_url=f"{server.base_url}/api/v1", timeout=30) as http:
            ready.wait()
            answers.append(http.post("/athletes/me/sets", json=body, headers=headers).status_code)

    threads = [threading.Thread(target=post) for _ in range(RACERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(answers) == [200] * (RACERS - 1) + [201]
    with httpx.Client(base_url=f"{server.base_url}/api/v1", timeout=30) as http:
        page = http.get("/athletes/me/sets", headers=ana.headers).json()
    assert len(page["items"]) == 1


def test_pages_edit_and_delete(client: httpx.Client, new_user: NewUser) -> None:
    ana = new_user()
    with_plan(client, ana)
    ids = []
    for reps in (8, 9, 10):
        posted = client.post("/athletes/me/sets", json=a_set(reps=reps), headers=ana.headers)
        assert posted.status_code == 201, posted.text
        ids.append(posted.json()["id"])
    first = client.get("/athletes/me/sets", params={"limit": 2}, headers=ana.headers).json()
    assert [i["id"] for i in first["items"]] == ids[:2]
    rest = client.get(
        "/athletes/me/sets", params={"limit": 2, "cursor": first["next"]}, headers=ana.headers
    ).json()
    assert [i["id"] for i in rest["items"]] == ids[2:]
    assert rest["next"] is None
    edited = client.patch(f"/athletes/me/sets/{ids[0]}", json={"reps": 7}, headers=ana.headers)
    assert edited.status_code == 200, edited.text
    assert edited.json()["reps"] == 7
    assert client.delete(f"/athletes/me/sets/{ids[1]}", headers=ana.headers).status_code == 204
    assert client.delete(f"/athletes/me/sets/{ids[1]}", headers=ana.headers).status_code == 404
    left = client.get("/athletes/me/sets", headers=ana.headers).json()
    assert [i["id"] for i in left["items"]] == [ids[0], ids[2]]
