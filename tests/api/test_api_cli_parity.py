"""What the CLI does for one runner, over HTTP: skip, delete a session, the e1RM progress (and
its chart), the watch workout file and a Strong or Hevy log import."""

from __future__ import annotations

import datetime as dt
import io
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
from garmin_fit_sdk import Decoder, Stream
from PIL import Image

from api_server import User, with_plan
from runlift import schemas

NewUser = Callable[..., User]
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "log_import"
LOGGED_DAY = "2026-11-20"


def _coach_of(client: httpx.Client, athlete: User, coach: User) -> None:
    code = client.post("/coach/invitations", headers=coach.headers).json()["code"]
    accepted = client.post("/athletes/me/coaches", json={"code": code}, headers=athlete.headers)
    assert accepted.status_code == 201, accepted.text


def _strength_days(plan: schemas.Plan) -> list[dt.date]:
    return [s.date for w in plan.weeks for s in w.sessions if s.kind == "strength"]


def _log_set(client: httpx.Client, user: User, **fields: Any) -> None:
    body = {"client_id": str(uuid.uuid4()), "date": LOGGED_DAY} | fields
    posted = client.post("/athletes/me/sets", json=body, headers=user.headers)
    assert posted.status_code == 201, posted.text


def _error(answer: httpx.Response, status: int, code: str | None = None) -> dict[str, Any]:
    assert answer.status_code == status, answer.text
    error: dict[str, Any] = answer.json()["error"]
    assert set(error) == {"code", "message", "field"}
    if code is not None:
        assert error["code"] == code, error
    return error


# --- skip ---------------------------------------------------------------------------------------


def test_the_athlete_and_their_coach_skip_sessions(client: httpx.Client, new_user: NewUser) -> None:
    ana, cleo, dora = new_user(), new_user("coach", "Cleo"), new_user("coach", "Dora")
    first, second = _strength_days(with_plan(client, ana))[:2]
    _coach_of(client, ana, cleo)
    path = f"/athletes/{ana.athlete_id}/skips"

    skipped = client.post(path, json={"date": str(first)}, headers=ana.headers)
    assert skipped.status_code == 200, skipped.text
    assert schemas.Skipped.model_validate(skipped.json()) == schemas.Skipped(
        date=first, planned=first
    )
    again = client.post(path, json={"date": str(first)}, headers=ana.headers)
    _error(again, 409, "skipped")

    by_coach = client.post(path, json={"date": str(second)}, headers=cleo.headers)
    assert by_coach.status_code == 200, by_coach.text
    week = client.get(f"/athletes/me/week?date={second}", headers=ana.headers).json()
    statuses = {s["planned"]: s["status"] for d in week["days"] for s in d["sessions"]}
    assert statuses[str(first)] == statuses[str(second)] == "skipped"
    changes = client.get("/athletes/me/changes", headers=ana.headers).json()
    skips = sorted((c["author_name"], c["summary"]) for c in changes if c["kind"] == "move")
    assert skips == [
        ("Ana", f"skipped {first:%a} {first}"),
        ("Cleo", f"skipped {second:%a} {second}"),
    ]
    _error(client.post(path, json={"date": str(second)}, headers=dora.headers), 404, "not_found")


def test_a_skip_needs_a_planned_session_and_a_day(client: httpx.Client, new_user: NewUser) -> None:
    ana = new_user()
    days = _strength_days(with_plan(client, ana))
    empty = next(d for d in (days[0] + dt.timedelta(n) for n in range(1, 7)) if d not in days)
    path = "/athletes/me/skips"
    assert (
        _error(client.post(path, json={"date": str(empty)}, headers=ana.headers), 422)["field"]
        == "date"
    )
    for bad in ({}, {"date": "someday"}, {"date": str(days[0]), "why": "tired"}):
        _error(client.post(path, json=bad, headers=ana.headers), 422, "bad_input")


# --- delete a session ---------------------------------------------------------------------------


def test_deleting_a_session_removes_its_sets_and_undo_restores_them(
    client: httpx.Client, new_user: NewUser
) -> None:
    ana, cleo = new_user(), new_user("coach", "Cleo")
    with_plan(client, ana)
    _coach_of(client, ana, cleo)
    _log_set(client, ana, exercise="push-up", reps=10)
    _log_set(client, ana, exercise="push-up", reps=9)
    path = f"/athletes/{ana.athlete_id}/sessions/{LOGGED_DAY}"

    _error(client.delete(path, headers=cleo.headers), 404, "not_found")
    gone = client.delete(path, headers=ana.headers)
    assert (gone.status_code, gone.content) == (204, b"")
    assert client.get("/athletes/me/history", headers=ana.headers).json() == []
    _error(client.delete(path, headers=ana.headers), 404, "not_found")
    undone = client.post("/athletes/me/undo", headers=ana.headers).json()
    assert (undone["kind"], undone["sets"]) == ("session_deleted", 2)
    assert len(client.get("/athletes/me/history", headers=ana.headers).json()) == 2


def test_a_session_day_must_be_a_date(client: httpx.Client, new_user: NewUser) -> None:
    ana = new_user()
    answer = client.delete("/athletes/me/sessions/yesterday", headers=ana.headers)
    assert _error(answer, 422, "bad_input")["field"] == "date"


# --- progress -----------------------------------------------------------------------------------


def test_progress_is_the_best_e1rm_per_day_as_json_or_a_chart(
    client: httpx.Client, new_user: NewUser
) -> None:
    ana, cleo = new_user(), new_user("coach", "Cleo")
    with_plan(client, ana)
    _coach_of(client, ana, cleo)
    path = f"/athletes/{ana.athlete_id}/progress/goblet-squat"
    empty = client.get(path, headers=ana.headers)
    assert empty.status_code == 200, empty.text
    assert empty.json()["points"] == []
    _error(client.get(path, params={"format": "png"}, headers=ana.headers), 422)

    _log_set(client, ana, exercise="goblet-squat", reps=8, load={"value": 20, "unit": "kg"})
    _log_set(client, ana, exercise="goblet-squat", reps=5, load={"value": 24, "unit": "kg"})
    _log_set(client, ana, exercise="goblet-squat", reps=12, load={"value": 30, "unit": "kg"})
    answer = client.get(path, headers=cleo.headers)
    assert answer.status_code == 200, answer.text
    progress = schemas.Progress.model_validate(answer.json())
    assert (progress.exercise, progress.units) == ("goblet-squat", "kg")
    # Epley: 24 x (1 + 5/30) = 28.0 beats 20 x (1 + 8/30); 12 reps are past the 10-rep limit
    assert progress.points == (schemas.E1rmDay(date=dt.date.fromisoformat(LOGGED_DAY), e1rm=28),)

    chart = client.get(path, params={"format": "png"}, headers=ana.headers)
    assert chart.status_code == 200, chart.text
    assert chart.headers["content-type"] == "image/png"
    with Image.open(io.BytesIO(chart.content)) as image:
        assert (image.format, image.size) == ("PNG", (800, 400))


def test_progress_of_an_unknown_exercise_or_format_is_refused(
    client: httpx.Client, new_user: NewUser
) -> None:
    ana = new_user()
    with_plan(client, ana)
    _error(client.get("/athletes/me/progress/moon-squat", headers=ana.headers), 404, "not_found")
    answer = client.get("/athletes/me/progress/push-up?format=svg", headers=ana.headers)
    assert _error(answer, 422, "bad_input")["field"] == "format"


# --- watch --------------------------------------------------------------------------------------


def _decode(data: bytes) -> dict[str, Any]:
    checker = Decoder(Stream.from_byte_array(bytearray(data)))
    assert checker.is_fit()
    assert checker.check_integrity()
    messages, errors = Decoder(Stream.from_byte_array(bytearray(data))).read()
    assert errors == []
    return dict(messages)


def test_the_days_session_as_a_fit_workout(client: httpx.Client, new_user: NewUser) -> None:
    ana, cleo = new_user(), new_user("coach", "Cleo")
    plan = with_plan(client, ana)
    _coach_of(client, ana, cleo)
    session = next(s for w in plan.weeks for s in w.sessions if s.kind == "strength")
    path = f"/athletes/{ana.athlete_id}/watch"
    for user in (ana, cleo):
        answer = client.get(path, params={"date": str(session.date)}, headers=user.headers)
        assert answer.status_code == 200, answer.text
        assert answer.headers["content-type"] == "application/vnd.ant.fit"
        assert answer.headers["content-disposition"] == (
            f'attachment; filename="runlift-{session.date}.fit"'
        )
        messages = _decode(answer.content)
        assert messages["file_id_mesgs"][0]["type"] == "workout"
        [workout] = messages["workout_mesgs"]
        assert workout["wkt_name"] == session.title
        assert (workout["sport"], workout["sub_sport"]) == ("training", "strength_training")


def test_watch_refuses_a_day_without_a_session_and_other_formats(
    client: httpx.Client, new_user: NewUser
) -> None:
    ana, ben = new_user(), new_user(name="Ben")
    days = _strength_days(with_plan(client, ana))
    empty = next(d for d in (days[0] + dt.timedelta(n) for n in range(1, 7)) if d not in days)
    none = client.get("/athletes/me/watch", params={"date": str(empty)}, headers=ana.headers)
    error = _error(none, 422, "no_session")
    assert (error["field"], f"next planned: {days[1]}" in error["message"]) == ("date", True)
    gpx = client.get("/athletes/me/watch", params={"format": "gpx"}, headers=ana.headers)
    assert _error(gpx, 422, "bad_input")["field"] == "format"
    theirs = client.get(f"/athletes/{ana.athlete_id}/watch", headers=ben.headers)
    _error(theirs, 404, "not_found")


# --- import-log ---------------------------------------------------------------------------------


def _import(client: httpx.Client, user: User, name: str, app: str, **params: Any) -> httpx.Response:
    files = {"file": (name, (FIXTURES / name).read_bytes(), "text/csv")}
    query = {"from": app} | params
    return client.post("/athletes/me/import-log", params=query, files=files, headers=user.headers)


def unknown_sets(report: schemas.LogImport) -> int:
    return sum(n.sets for n in report.names if n.exercise is None)


def test_a_strong_export_is_imported_once(client: httpx.Client, new_user: NewUser) -> None:
    ana = new_user()
    with_plan(client, ana)
    refused = _error(_import(client, ana, "strong-kg.csv", "strong"), 422, "unknown_exercises")
    assert refused["field"] == "exercise"
    assert "Leg Extension (Machine)" in refused["message"]
    assert client.get("/athletes/me/history", headers=ana.headers).json() == []

    answer = _import(client, ana, "strong-kg.csv", "strong", skip_unknown="true")
    assert answer.status_code == 200, answer.text
    report = schemas.LogImport.model_validate(answer.json())
    assert report.already == 0
    assert report.skipped == unknown_sets(report)
    assert report.imported > 0
    unknown = next(n for n in report.names if n.name == "Leg Extension (Machine)")
    assert (unknown.exercise, unknown.how) == (None, "unknown")
    history = client.get("/athletes/me/history", headers=ana.headers).json()
    assert len(history) == report.imported

    again = _import(client, ana, "strong-kg.csv", "strong", skip_unknown="true").json()
    assert (again["imported"], again["already"]) == (0, report.imported)


def test_names_are_mapped_as_with_the_cli_map_option(
    client: httpx.Client, new_user: NewUser
) -> None:
    ana = new_user()
    with_plan(client, ana)
    bad = _import(client, ana, "strong-kg.csv", "strong", map="Leg Extension")
    assert _error(bad, 422, "bad_input")["field"] == "map"
    answer = _import(client, ana, "strong-kg.csv", "strong", map="Leg Extension (Machine)=")
    assert answer.status_code == 200, answer.text
    report = schemas.LogImport.model_validate(answer.json())
    left_out = next(n for n in report.names if n.name == "Leg Extension (Machine)")
    assert (left_out.exercise, left_out.how) == (None, "skipped")
    assert report.skipped == left_out.sets


def test_import_log_refuses_what_it_cannot_read(client: httpx.Client, new_user: NewUser) -> None:
    ana, cleo = new_user(), new_user("coach", "Cleo")
    with_plan(client, ana)
    _coach_of(client, ana, cleo)
    wrong_app = _import(client, ana, "hevy.csv", "strong", skip_unknown="true")
    _error(wrong_app, 422, "bad_log_file")
    other_app = _import(client, ana, "hevy.csv", "fitbod")
    assert _error(other_app, 422, "bad_input")["field"] == "from"
    junk = {"file": ("x.csv", b"\xff\xfe\x00junk", "text/csv")}
    answer = client.post(
        "/athletes/me/import-log", params={"from": "hevy"}, files=junk, headers=ana.headers
    )
    _error(answer, 422)
    files = {"file": ("hevy.csv", (FIXTURES / "hevy.csv").read_bytes(), "text/csv")}
    by_coach = client.post(
        f"/athletes/{ana.athlete_id}/import-log",
        params={"from": "hevy"},
        files=files,
        headers=cleo.headers,
    )
    _error(by_coach, 404, "not_found")
