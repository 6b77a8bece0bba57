"""The history page: the log newest day first, charts with accessible names, edit and delete
through its forms (CSRF-checked, 404 for a set not yours), escaping, the coach's read-only view."""

from __future__ import annotations

import datetime as dt
from typing import Any

from fastapi.testclient import TestClient

from core_helpers import app_core
from runlift.domain.log import PerformedSession
from runlift.entrypoints.web.cookies import CSRF_HEADER
from runlift.services.logbook import log_session
from runlift.services.training import SetEntry
from web_helpers import page_csrf, sign_up_on_page

HOSTILE = '<script>alert("x")</script>'
PROFILE: dict[str, object] = {
    "name": "Ana",
    "level": "intermediate",
    "units": "kg",
    "race": {"distance": "none"},
    "strength": {"sessions_per_week": 2, "minutes_per_session": 40},
    "equipment": ["dumbbell", "bench"],
    "runs": {"tue": "easy", "thu": "intervals", "sun": "long"},
}
SETS = [
    ("2026-11-23", "goblet-squat", 8, 20.0),
    ("2026-11-23", "goblet-squat", 8, 22.0),
    ("2026-11-26", "goblet-squat", 6, 26.0),
    ("2026-11-26", "push-up", 12, None),
    ("2026-11-30", "goblet-squat", 5, 30.0),
]


def api(client: TestClient, method: str, path: str, body: object = None) -> Any:
    """A JSON API call with the page session cookie, as the pages' scripts make it."""
    headers = {CSRF_HEADER: client.cookies.get("runlift_csrf") or page_csrf(client, "/exercises")}
    response = client.request(method, f"/api/v1{path}", json=body, headers=headers)
    assert response.status_code < 300, response.text
    return response.json() if response.content else None


def runner_with_sets(client: TestClient, name: str = "Ana") -> list[int]:
    """Sign up a runner on the pages, give them a profile and log SETS over the API."""
    sign_up_on_page(client, name=name)
    page_csrf(client, "/exercises")
    api(client, "PUT", "/athletes/me/profile", PROFILE)
    ids = []
    for number, (day, exercise, reps, load) in enumerate(SETS):
        body = {
            "client_id": f"{name}-{number}",
            "exercise": exercise,
            "date": day,
            "reps": reps,
            "load": None if load is None else {"value": load, "unit": "kg"},
            "rir": 2,
        }
        ids.append(api(client, "POST", "/athletes/me/sets", body)["id"])
    return ids


def context(response: Any) -> dict[str, Any]:
    found: dict[str, Any] = response.context
    return found


def test_a_stranger_is_sent_to_sign_in(web: TestClient) -> None:
    response = web.get("/history")
    assert response.status_code == 303
    assert response.headers["location"] == "/signin?next=/history"


def test_an_empty_log_is_a_friendly_page_without_charts(web: TestClient) -> None:
    sign_up_on_page(web)
    response = web.get("/history")
    assert response.status_code == 200
    assert "Nothing logged yet" in response.text
    assert "<svg" not in response.text
    assert context(response)["charts"].empty


def test_the_log_comes_newest_day_first_with_named_charts(web: TestClient) -> None:
    runner_with_sets(web)
    response = web.get("/history")
    assert response.status_code == 200
    data = context(response)["data"]
    assert [d.date.isoformat() for d in data.days] == ["2026-11-30", "2026-11-26", "2026-11-23"]
    assert data.total_sets == 5
    charts = context(response)["charts"]
    assert [c.chart_id for c in charts.lifts] == ["chart-e1rm-goblet-squat"]
    text = response.text
    assert (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 360 210" class="chart" role="img" '
        'aria-labelledby="chart-e1rm-goblet-squat-title"'
    ) in text
    assert '<title id="chart-e1rm-goblet-squat-title">Goblet squat: estimated 1RM by date' in text
    assert "Push-up: most reps in a set by date" in text
    assert "Weekly hard sets per muscle group" in text
    assert "Strength sessions done vs planned per week" in text
    assert "Weekly running km, run spikes flagged" in text
    assert text.count("<svg") == len(charts.lifts + charts.bodyweight + charts.weekly + charts.load)
    # Every chart has its numbers as text too.
    assert all(c.rows for c in charts.lifts + charts.bodyweight)


def test_a_set_is_edited_through_its_form(web: TestClient) -> None:
    ids = runner_with_sets(web)
    csrf = page_csrf(web, "/history")
    form = {"csrf": csrf, "reps": "7", "load": "21.5", "rir": "", "page": "1"}
    response = web.post(f"/history/sets/{ids[0]}", data=form)
    assert response.status_code == 303
    assert response.headers["location"] == f"/history?page=1#set-{ids[0]}"
    stored = api(web, "GET", "/athletes/me/sets")["items"][0]
    assert (stored["reps"], stored["load"]["value"], stored["rir"]) == (7, 21.5, 2)


def test_a_bad_value_is_shown_at_its_set_and_changes_nothing(web: TestClient) -> None:
    ids = runner_with_sets(web)
    form = {"csrf": page_csrf(web, "/history"), "reps": "lots", "page": "1"}
    response = web.post(f"/history/sets/{ids[0]}", data=form)
    assert response.status_code == 422
    assert context(response)["error_set"] == ids[0]
    assert "not a whole number" in response.text
    assert api(web, "GET", "/athletes/me/sets")["items"][0]["reps"] == 8


def test_delete_asks_first_then_removes_the_set(web: TestClient) -> None:
    ids = runner_with_sets(web)
    csrf = page_csrf(web, "/history")
    asked = web.post(f"/history/sets/{ids[1]}/delete", data={"csrf": csrf, "page": "1"})
    assert asked.status_code == 200
    assert "Delete this set?" in asked.text
    assert len(api(web, "GET", "/athletes/me/sets")["items"]) == 5
    done = web.post(
        f"/history/sets/{ids[1]}/delete", data={"csrf": csrf, "confirm": "yes", "page": "1"}
    )
    assert done.status_code == 303
    remaining = [s["id"] for s in api(web, "GET", "/athletes/me/sets")["items"]]
    assert ids[1] not in remaining
    assert len(remaining) == 4
    assert "Set deleted." in web.get(done.headers["location"]).text


def test_forms_without_the_csrf_value_change_nothing(web: TestClient) -> None:
    ids = runner_with_sets(web)
    page_csrf(web, "/history")
    for form in ({}, {"csrf": "x" * 43}):
        edit = web.post(f"/history/sets/{ids[0]}", data={**form, "reps": "1"})
        gone = web.post(f"/history/sets/{ids[0]}/delete", data={**form, "confirm": "yes"})
        assert (edit.status_code, gone.status_code) == (403, 403)
    items = api(web, "GET", "/athletes/me/sets")["items"]
    assert (len(items), items[0]["reps"]) == (5, 8)


def test_another_runners_set_is_not_found(web: TestClient) -> None:
    ids = runner_with_sets(web, "Ana")
    web.cookies.clear()
    runner_with_sets(web, "Bo")
    csrf = page_csrf(web, "/history")
    edit = web.post(f"/history/sets/{ids[0]}", data={"csrf": csrf, "reps": "1"})
    ask = web.post(f"/history/sets/{ids[0]}/delete", data={"csrf": csrf})
    gone = web.post(f"/history/sets/{ids[0]}/delete", data={"csrf": csrf, "confirm": "yes"})
    assert (edit.status_code, ask.status_code, gone.status_code) == (404, 404, 404)


def test_hostile_notes_and_names_are_escaped(web: TestClient) -> None:
    sign_up_on_page(web, name=HOSTILE)
    page_csrf(web, "/exercises")
    api(web, "PUT", "/athletes/me/profile", PROFILE)
    core = app_core()
    athlete = context(web.get("/history"))["data"]  # empty log, but names the athlete's key
    session = PerformedSession(dt.date(2026, 11, 30), srpe=7, notes=HOSTILE)
    entry = SetEntry("push-up", 10, None, None, 2, "hostile-1")
    log_session(
        core.uow_factory(), core.library, athlete.access.name, dt.date(2026, 11, 30),
        [entry], core.today(), core.now(), session,
    )  # fmt: skip
    text = web.get("/history").text
    assert HOSTILE not in text
    assert "&lt;script&gt;alert(" in text


def coach_of(web: TestClient, athlete: TestClient) -> int:
    """`web` signs up as a coach and `athlete` accepts their invitation; the athlete's id."""
    sign_up_on_page(web, role="coach", name="Cora")
    page_csrf(web, "/exercises")
    code = api(web, "POST", "/coach/invitations")["code"]
    api(athlete, "POST", "/athletes/me/coaches", {"code": code})
    coached = api(web, "GET", "/coach/athletes")
    return int(coached[0]["id"])


def test_a_coach_sees_the_same_history_read_only(web: TestClient) -> None:
    with TestClient(web.app, follow_redirects=False) as runner:
        runner_with_sets(runner, HOSTILE)
        athlete_id = coach_of(web, runner)
        note = {"date": "2026-11-30", "text": f"Good depth {HOSTILE}"}
        api(web, "POST", f"/athletes/{athlete_id}/notes", note)
        own = runner.get("/history")
    assert "Coach\u2019s note:</strong> Good depth &lt;script&gt;" in own.text
    assert HOSTILE not in own.text
    response = web.get(f"/coach/athletes/{athlete_id}/history")
    assert response.status_code == 200
    ctx = context(response)
    assert ctx["editable"] is False
    assert [d.date for d in ctx["data"].days] == [d.date for d in context(own)["data"].days]
    text = response.text
    assert "Goblet squat: estimated 1RM by date" in text
    assert "/history/sets/" not in text  # no edit or delete forms
    assert "Edit" not in text
    assert HOSTILE not in text
    assert "History of &lt;script&gt;" in text
    csrf = page_csrf(web, "/exercises")
    set_id = context(own)["data"].days[0].rows[0].id
    refused = web.post(f"/history/sets/{set_id}", data={"csrf": csrf, "reps": "1"})
    assert refused.status_code == 404  # the forms act on your own log only
    assert context(web.get(f"/coach/athletes/{athlete_id}/history"))["data"].days == (
        context(own)["data"].days
    )


def test_anyone_but_the_coach_gets_a_404_for_an_athletes_history(web: TestClient) -> None:
    with TestClient(web.app, follow_redirects=False) as runner:
        runner_with_sets(runner, "Ana")
        athlete_id = coach_of(web, runner)
    web.cookies.clear()
    sign_up_on_page(web, role="coach", name="Other coach")
    assert web.get(f"/coach/athletes/{athlete_id}/history").status_code == 404
    web.cookies.clear()
    sign_up_on_page(web, name="Another runner")
    assert web.get(f"/coach/athletes/{athlete_id}/history").status_code == 404
    assert web.get(f"/coach/athletes/{athlete_id + 999}/history").status_code == 404


def test_the_edit_form_holds_the_exact_load_so_saving_reps_keeps_it(web: TestClient) -> None:
    ids = runner_with_sets(web)
    text = web.get("/history").text
    assert 'name="load" inputmode="decimal" value="22.0"' in text
    form = {"csrf": page_csrf(web, "/history"), "reps": "9", "load": "22.0", "page": "1"}
    assert web.post(f"/history/sets/{ids[1]}", data=form).status_code == 303
    stored = api(web, "GET", "/athletes/me/sets")["items"][1]
    assert (stored["reps"], stored["load"]) == (9, {"value": 22.0, "unit": "kg"})


def test_a_coach_only_account_has_no_history_of_its_own(web: TestClient) -> None:
    sign_up_on_page(web, role="coach")
    response = web.get("/history")
    assert response.status_code == 303
    assert response.headers["location"] == "/coach"
