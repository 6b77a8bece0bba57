"""Gym mode on the page: the day's session in the template context, the no-JS set form (CSRF
first), session RPE and note with a summary, escaping of what the runner typed, bad dates."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from api_server import PROFILE
from runlift.entrypoints.web.cookies import CSRF_COOKIE
from runlift.services.gym import GymDay, Summary
from web_helpers import sign_up_on_page

START = "2026-11-30"
DAY = "2026-11-30"  # a Monday with a strength session, the day before the pinned today
HOSTILE = "<script>alert('x')</script>"


def _csrf(web: TestClient) -> str:
    value = web.cookies.get(CSRF_COOKIE)
    assert value
    return value


def _runner(web: TestClient) -> None:
    """Sign up on the page; the profile goes in over the API with the page's session."""
    sign_up_on_page(web)
    put = web.put(
        "/api/v1/athletes/me/profile",
        json=PROFILE,
        params={"start": START},
        headers={"X-CSRF-Token": _csrf(web)},
    )
    assert put.status_code == 200, put.text


def _day(web: TestClient, date: str = DAY) -> GymDay:
    page = web.get(f"/today?date={date}")
    assert page.status_code == 200, page.text
    found = page.context["day"]  # type: ignore[attr-defined]
    assert isinstance(found, GymDay)
    return found


def _set_form(gym: GymDay, csrf: str) -> dict[str, str]:
    item = gym.trained[0]
    assert item.prescribed is not None
    assert item.prescribed.reps is not None
    return {
        "csrf": csrf,
        "date": gym.date.isoformat(),
        "exercise": item.exercise,
        "set_number": str(item.next_set),
        "reps": str(item.prescribed.reps),
        "rir": "3",
        "unit": "kg",
    }


def _stored(web: TestClient) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = web.get("/api/v1/athletes/me/sets").json()["items"]
    return items


def test_the_day_shows_each_exercise_with_its_target_how_to_and_log_form(
    web: TestClient,
) -> None:
    _runner(web)
    page = web.get(f"/today?date={DAY}")
    gym = page.context["day"]  # type: ignore[attr-defined]
    assert isinstance(gym, GymDay)
    assert gym.can_log
    assert gym.titles
    assert gym.trained
    for item in gym.trained:
        assert item.target is not None
        assert item.steps
        assert f"<h2>{item.name}</h2>" in page.text
    assert 'action="/today/sets"' in page.text
    assert "Log set" in page.text
    assert "Finish session" in page.text
    assert page.headers["cache-control"] == "no-store"


def test_the_no_js_form_logs_a_set_and_comes_back_and_a_retry_stores_nothing(
    web: TestClient,
) -> None:
    _runner(web)
    gym = _day(web)
    form = _set_form(gym, _csrf(web))
    answer = web.post("/today/sets", data=form)
    assert answer.status_code == 303
    assert answer.headers["location"] == f"/today?date={DAY}#ex-{form['exercise']}"
    assert web.post("/today/sets", data=form).status_code == 303  # resubmitted
    stored = _stored(web)
    assert [(s["exercise"], s["reps"], s["date"]) for s in stored] == [
        (form["exercise"], int(form["reps"]), DAY)
    ]
    after = _day(web)
    assert len(after.trained[0].done) == 1
    assert after.trained[0].next_set == 2


def test_forms_without_the_csrf_value_are_refused_and_change_nothing(web: TestClient) -> None:
    _runner(web)
    gym = _day(web)
    for csrf in ("", "not-the-cookie"):
        form = _set_form(gym, csrf)
        assert web.post("/today/sets", data=form).status_code == 403
        finish = {"csrf": csrf, "date": DAY, "srpe": "5", "notes": "x"}
        assert web.post("/today/finish", data=finish).status_code == 403
        assert web.post("/today/undo", data={"csrf": csrf, "date": DAY}).status_code == 403
    assert _stored(web) == []


def test_finish_stamps_the_session_and_the_summary_escapes_the_note(web: TestClient) -> None:
    _runner(web)
    gym = _day(web)
    assert web.post("/today/sets", data=_set_form(gym, _csrf(web))).status_code == 303
    finish = {"csrf": _csrf(web), "date": DAY, "srpe": "8", "notes": HOSTILE}
    answer = web.post("/today/finish", data=finish)
    assert answer.status_code == 303
    assert answer.headers["location"] == f"/today/summary?date={DAY}"
    summary = web.get(answer.headers["location"])
    assert summary.status_code == 200
    shown = summary.context["summary"]  # type: ignore[attr-defined]
    assert isinstance(shown, Summary)
    assert (shown.srpe, shown.notes, shown.sets) == (8, HOSTILE, 1)
    assert HOSTILE not in summary.text
    assert "&lt;script&gt;" in summary.text
    again = web.get(f"/today?date={DAY}")
    assert HOSTILE not in again.text
    assert "&lt;script&gt;" in again.text
    assert again.context["day"].srpe == 8  # type: ignore[attr-defined]


def test_finishing_a_day_with_nothing_logged_is_404(web: TestClient) -> None:
    _runner(web)
    finish = {"csrf": _csrf(web), "date": DAY, "srpe": "5", "notes": ""}
    assert web.post("/today/finish", data=finish).status_code == 404
    assert web.get(f"/today/summary?date={DAY}").status_code == 404


def test_undo_takes_back_the_last_set(web: TestClient) -> None:
    _runner(web)
    gym = _day(web)
    assert web.post("/today/sets", data=_set_form(gym, _csrf(web))).status_code == 303
    answer = web.post("/today/undo", data={"csrf": _csrf(web), "date": DAY})
    assert answer.status_code == 303
    assert _stored(web) == []


@pytest.mark.parametrize("bad", ["2026-13-01", "tomorrow", "2026-1-5", "20261130", "<b>1</b>"])
def test_a_bad_date_is_a_422_page(web: TestClient, bad: str) -> None:
    _runner(web)
    page = web.get("/today", params={"date": bad})
    assert page.status_code == 422
    assert "<b>1</b>" not in page.text


def test_a_rest_day_says_when_the_next_session_is(web: TestClient) -> None:
    _runner(web)
    week = [f"2026-12-{n:02d}" for n in range(2, 7)]
    rest = next(d for d in week if not _day(web, d).items)
    gym = _day(web, rest)
    assert gym.next_date is not None
    assert gym.next_date.isoformat() > rest
    page = web.get(f"/today?date={rest}").text
    assert "Rest day" in page
    assert f'href="/today?date={gym.next_date.isoformat()}"' in page
    assert 'href="/plan"' in page


def test_strangers_are_sent_to_sign_in(web: TestClient) -> None:
    answer = web.get("/today?date=2026-11-30")
    assert answer.status_code == 303
    assert answer.headers["location"].startswith("/signin?next=/today")


def test_a_runner_without_a_plan_goes_to_the_profile_questions(web: TestClient) -> None:
    sign_up_on_page(web)
    answer = web.get("/today")
    assert answer.status_code == 303
    assert answer.headers["location"] == "/onboarding"
