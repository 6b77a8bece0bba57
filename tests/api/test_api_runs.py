"""Runs over HTTP: log one (a retry stores nothing, a reused client id is a conflict), list with
run-spike flags, delete, import GPX uploads, and undo each of these."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable

import gpxpy.gpx
import httpx

from api_server import User
from runlift import schemas

NewUser = Callable[..., User]
RUNS = "/athletes/me/runs"


def ago(days: int) -> str:
    """The ISO date `days` before today."""
    return (dt.date.today() - dt.timedelta(days=days)).isoformat()


def a_run(**change: object) -> dict[str, object]:
    """A 10 km easy run of 55 minutes three days ago, with a new client id, changed as given."""
    body: dict[str, object] = {
        "client_id": str(uuid.uuid4()),
        "date": ago(3),
        "distance_km": 10,
        "minutes": 55,
        "type": "easy",
    }
    return body | change


def gpx_bytes(tracks: list[tuple[dt.datetime, int]]) -> bytes:
    """A GPX document with one track per (start, points): points ~100 m and 30 s apart."""
    gpx = gpxpy.gpx.GPX()
    for start, points in tracks:
        track = gpxpy.gpx.GPXTrack()
        segment = gpxpy.gpx.GPXTrackSegment()
        track.segments.append(segment)
        gpx.tracks.append(track)
        for i in range(points):
            latitude = 52.0 + i * 100 / 111_195
            time = start + dt.timedelta(seconds=30 * i)
            segment.points.append(gpxpy.gpx.GPXTrackPoint(latitude, 13.0, time=time))
    return gpx.to_xml().encode()


def morning(days: int) -> dt.datetime:
    """7:00 UTC `days` before today."""
    day = dt.date.today() - dt.timedelta(days=days)
    return dt.datetime(day.year, day.month, day.day, 7, tzinfo=dt.UTC)


def runs_of(client: httpx.Client, user: User) -> list[schemas.Run]:
    """The user's runs as the API lists them."""
    listed = client.get(RUNS, headers=user.headers)
    assert listed.status_code == 200, listed.text
    return [schemas.Run.model_validate(item) for item in listed.json()]


def undo(client: httpx.Client, user: User) -> httpx.Response:
    """POST undo for the user."""
    return client.post("/athletes/me/undo", headers=user.headers)


def test_first_201_retry_200_other_content_409(client: httpx.Client, new_user: NewUser) -> None:
    ana = new_user()
    body = a_run()
    first = client.post(RUNS, json=body, headers=ana.headers)
    assert first.status_code == 201, first.text
    stored = schemas.Run.model_validate(first.json())
    assert (stored.distance_km, stored.duration_s, stored.type) == (10, 3300, "easy")
    assert (stored.source, stored.client_id, stored.flag) == ("manual", body["client_id"], None)
    again = client.post(RUNS, json=body, headers=ana.headers)
    assert again.status_code == 200, again.text
    assert again.json() == first.json()
    in_metres = body | {"distance_km": None, "distance_m": 10_000}
    assert client.post(RUNS, json=in_metres, headers=ana.headers).status_code == 200
    other = client.post(RUNS, json=body | {"minutes": 54}, headers=ana.headers)
    assert other.status_code == 409, other.text
    assert other.json()["error"] == {
        "code": "conflict",
        "message": "this client id was used for another run",
        "field": "client_id",
    }
    assert runs_of(client, ana) == [stored]


def test_bad_runs_are_422_and_store_nothing(client: httpx.Client, new_user: NewUser) -> None:
    ana = new_user()
    bad = [
        (a_run(distance_m=10_000), "distance_km"),
        (a_run(distance_km=None), "distance_km"),
        (a_run(distance_km=0), "distance_km"),
        (a_run(distance_km=1, minutes=1), "duration"),
        (a_run(type="sprint"), "type"),
        (a_run(date=ago(-2)), "date"),
        (a_run(client_id=" "), "client_id"),
        (a_run(pace="5:30"), "pace"),
    ]
    for body, field in bad:
        answer = client.post(RUNS, json=body, headers=ana.headers)
        assert answer.status_code == 422, (body, answer.text)
        assert answer.json()["error"]["field"] == field, (body, answer.text)
    assert runs_of(client, ana) == []


def test_a_long_run_is_flagged_in_the_answer_and_the_list(
    client: httpx.Client, new_user: NewUser
) -> None:
    ana = new_user()
    for day, km in ((45, 5), (10, 10)):  # 30 days of running, then a longest in the window
        body = a_run(date=ago(day), distance_km=km, minutes=km * 6)
        assert client.post(RUNS, json=body, headers=ana.headers).status_code == 201
    long = client.post(
        RUNS, json=a_run(date=ago(2), distance_km=16, minutes=100), headers=ana.headers
    )
    assert long.status_code == 201, long.text
    flag = schemas.Run.model_validate(long.json()).flag
    assert flag is not None
    assert (flag.rule, flag.longest_km, flag.percent_over) == ("run-spike", 10, 60)
    assert [r.flag for r in runs_of(client, ana)] == [None, None, flag]


def test_delete_then_undo_walks_back(client: httpx.Client, new_user: NewUser) -> None:
    ana = new_user()
    nothing = undo(client, ana)
    assert nothing.status_code == 404, nothing.text
    assert nothing.json()["error"]["code"] == "nothing_to_undo"
    stored = schemas.Run.model_validate(client.post(RUNS, json=a_run(), headers=ana.headers).json())
    gone = client.delete(f"{RUNS}/{stored.id}", headers=ana.headers)
    assert gone.status_code == 204, gone.text
    assert runs_of(client, ana) == []
    assert client.delete(f"{RUNS}/{stored.id}", headers=ana.headers).status_code == 404
    back = undo(client, ana)
    assert back.status_code == 200, back.text
    assert schemas.Undone.model_validate(back.json()) == schemas.Undone(
        kind="run_deleted",
        date=dt.date.fromisoformat(ago(3)),
        exercises=(),
        sets=0,
        runs=1,
        sessions=0,
    )
    assert runs_of(client, ana) == [stored]
    assert undo(client, ana).json()["kind"] == "run_logged"
    assert runs_of(client, ana) == []
    assert undo(client, ana).status_code == 404


def test_someone_elses_run_is_not_found(client: httpx.Client, new_user: NewUser) -> None:
    ana, ben = new_user(), new_user(name="Ben")
    stored = client.post(RUNS, json=a_run(), headers=ana.headers).json()
    gone = client.delete(f"{RUNS}/{stored['id']}", headers=ben.headers)
    assert gone.status_code == 404, gone.text
    assert len(runs_of(client, ana)) == 1


def test_import_gpx_uploads_once_and_undo_them(client: httpx.Client, new_user: NewUser) -> None:
    ana = new_user()
    files = [
        ("files", ("monday.gpx", gpx_bytes([(morning(6), 81)]), "application/gpx+xml")),
        ("files", ("two.gpx", gpx_bytes([(morning(4), 51), (morning(2), 61)]), "text/xml")),
    ]
    path = f"{RUNS}/import"
    first = client.post(path, files=files, data={"type": "easy"}, headers=ana.headers)
    assert first.status_code == 200, first.text
    assert first.json() == {"added": 3, "total": 3}
    again = client.post(path, files=files, headers=ana.headers)
    assert again.json() == {"added": 0, "total": 3}
    runs = runs_of(client, ana)
    assert [(r.date.isoformat(), round(r.distance_km), r.duration_s) for r in runs] == [
        (ago(6), 8, 2400),
        (ago(4), 5, 1500),
        (ago(2), 6, 1800),
    ]
    assert {(r.source, r.type) for r in runs} == {("gpx", "easy")}
    undone = undo(client, ana)
    assert undone.status_code == 200, undone.text
    assert (undone.json()["kind"], undone.json()["runs"]) == ("runs_imported", 3)
    assert runs_of(client, ana) == []


def test_bad_uploads_are_422_and_big_ones_413(client: httpx.Client, new_user: NewUser) -> None:
    ana = new_user()
    path = f"{RUNS}/import"
    broken = client.post(
        path, files=[("files", ("a.gpx", b"<gpx", "text/xml"))], headers=ana.headers
    )
    assert broken.status_code == 422, broken.text
    assert broken.json()["error"]["field"] == "a.gpx"
    bad_type = client.post(
        path,
        files=[("files", ("a.gpx", gpx_bytes([(morning(1), 21)]), "text/xml"))],
        data={"type": "sprint"},
        headers=ana.headers,
    )
    assert bad_type.status_code == 422, bad_type.text
    assert client.post(path, data={"type": "easy"}, headers=ana.headers).status_code == 422
    huge = b"<gpx>" + b" " * (3 * 1024 * 1024) + b"</gpx>"
    too_big = client.post(
        path, files=[("files", ("big.gpx", huge, "text/xml"))], headers=ana.headers
    )
    assert too_big.status_code == 413, too_big.text
    assert too_big.json()["error"]["code"] == "too_large"
    assert runs_of(client, ana) == []
