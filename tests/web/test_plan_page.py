"""The plan page: weeks with their marks, sessions with exercises and why, moves, the .ics file.

Ana's plan here starts Monday 2026-11-23 (today is Tuesday 2026-12-01, in week 2): strength on
Monday and Thursday, intervals on Tuesday, the long run on Sunday.
"""

from __future__ import annotations

import datetime as dt

from fastapi.testclient import TestClient

from runlift.services.plan_calendar import CalendarSession, PlanCalendar
from web_helpers import page_csrf, sign_up_on_page

START = dt.date(2026, 11, 23)
THIS_MONDAY = dt.date(2026, 11, 30)
TODAY = dt.date(2026, 12, 1)
THU, FRI, SAT = (TODAY + dt.timedelta(days=n) for n in (2, 3, 4))


def onboard(client: TestClient, name: str = "Ana", **changes: str | list[str]) -> None:
    """Sign up and answer the profile questions: a marathon plan started last week."""
    sign_up_on_page(client, name=name)
    form: dict[str, str | list[str]] = {
        "csrf": page_csrf(client, "/onboarding"),
        "name": "Ana",
        "units": "kg",
        "level": "intermediate",
        "race_distance": "marathon",
        "race_date": "2027-04-18",
        "strength_sessions_per_week": "2",
        "strength_minutes_per_session": "40",
        "strength_preferred_days": ["mon", "thu"],
        "runs_tue": "intervals",
        "runs_sat": "easy",
        "runs_sun": "long",
        "equipment": ["dumbbell", "bench"],
        "start": START.isoformat(),
    }
    form.update(changes)
    response = client.post("/onboarding", data=form)
    assert response.status_code == 303, response.text


def calendar_of(client: TestClient, path: str = "/plan") -> PlanCalendar:
    response = client.get(path)
    assert response.status_code == 200, response.text
    found = response.context["calendar"]  # type: ignore[attr-defined]
    assert isinstance(found, PlanCalendar)
    return found


def standing_on(calendar: PlanCalendar, day: dt.date) -> list[CalendarSession]:
    return [s for w in calendar.weeks for d in w.days if d.date == day for s in d.sessions]


def strength_on(calendar: PlanCalendar, day: dt.date) -> list[CalendarSession]:
    return [s for s in standing_on(calendar, day) if s.session.kind.value == "strength"]


def test_without_a_profile_the_runner_goes_to_onboarding(web: TestClient) -> None:
    sign_up_on_page(web)
    response = web.get("/plan")
    assert response.status_code == 303
    assert response.headers["location"] == "/onboarding"


def test_the_weeks_show_phases_marks_runs_and_sessions_this_week_first(web: TestClient) -> None:
    onboard(web)
    response = web.get("/plan")
    context = response.context  # type: ignore[attr-defined]
    calendar = context["calendar"]
    assert calendar.start == START
    assert calendar.weeks[-1].phase == "race"
    assert any(w.deload for w in calendar.weeks)
    assert any(w.phase == "taper" for w in calendar.weeks)
    assert context["current"].start == THIS_MONDAY
    assert context["current"].when == "current"
    assert [w.number for w in context["past"]] == [1]
    assert context["coming"][0].number == 3
    tuesday = next(d for d in context["current"].days if d.date == TODAY)
    assert tuesday.run == "intervals"
    thursday = strength_on(calendar, THU)
    assert thursday
    assert thursday[0].movable
    assert thursday[0].session.blocks
    assert thursday[0].session.why
    text = response.text
    assert text.index("This week") < text.index("Week 3 ") < text.index("Past weeks")
    for words in ("Race week", "Deload", "Taper", "Why this session", "Move to"):
        assert words in text
    first_item = thursday[0].session.blocks[0].items[0].exercise
    assert context["names"][first_item] in text


def test_a_move_to_a_free_day_is_stored_and_shown(web: TestClient) -> None:
    onboard(web)
    form = {"date": THU.isoformat(), "to": FRI.isoformat(), "csrf": page_csrf(web, "/plan")}
    response = web.post("/plan/move", data=form)
    assert response.status_code == 303, response.text
    assert response.headers["location"] == f"/plan?moved={THU}&to={FRI}"
    page = web.get(response.headers["location"])
    assert "Moved the session of Thu 3 Dec to Fri 4 Dec." in page.text
    calendar = page.context["calendar"]  # type: ignore[attr-defined]
    assert strength_on(calendar, THU) == []
    assert [s.planned for s in strength_on(calendar, FRI)] == [THU]
    week = web.get("/api/v1/athletes/me/week").json()
    moved = [s for d in week["days"] for s in d["sessions"] if s["planned"] == THU.isoformat()]
    assert moved[0]["on"] == FRI.isoformat()


def test_a_move_the_rules_refuse_says_why_and_may_be_forced_with_its_warning(
    web: TestClient,
) -> None:
    onboard(web)
    form = {"date": THU.isoformat(), "to": SAT.isoformat(), "csrf": page_csrf(web, "/plan")}
    refused = web.post("/plan/move", data=form)
    assert refused.status_code == 422
    notice = refused.context["notice"]  # type: ignore[attr-defined]
    assert notice["kind"] == "refused"
    assert "long run" in notice["message"]
    assert notice["can_force"] is True
    assert "Not moved (Thu 3 Dec to Sat 5 Dec): " in refused.text
    assert "Move anyway" in refused.text
    assert [s.planned for s in strength_on(calendar_of(web), THU)] == [THU]
    forced = web.post("/plan/move", data={**form, "anyway": "1"})
    assert forced.status_code == 303
    page = web.get(forced.headers["location"])
    context = page.context  # type: ignore[attr-defined]
    assert "Warning: " in page.text
    assert "long run" in context["notice"]["warning"]
    moved = strength_on(context["calendar"], SAT)
    assert moved
    assert moved[0].warning is not None


def test_moves_the_rules_never_allow_are_refused_without_anyway(web: TestClient) -> None:
    onboard(web)
    csrf = page_csrf(web, "/plan")
    past = web.post("/plan/move", data={"date": THU.isoformat(), "to": "2026-11-30", "csrf": csrf})
    assert past.status_code == 422
    assert past.context["notice"]["can_force"] is False  # type: ignore[attr-defined]
    assert "in the past" in past.text
    form = {"date": FRI.isoformat(), "to": SAT.isoformat(), "csrf": csrf}
    nothing = web.post("/plan/move", data=form)
    assert nothing.status_code == 422
    assert "no strength session" in nothing.text


def test_a_move_without_the_csrf_value_changes_nothing(web: TestClient) -> None:
    onboard(web)
    form = {"date": THU.isoformat(), "to": FRI.isoformat()}
    assert web.post("/plan/move", data=form).status_code == 403
    assert web.post("/plan/move", data={**form, "csrf": "y" * 43}).status_code == 403
    assert [s.planned for s in strength_on(calendar_of(web), THU)] == [THU]


def test_hostile_values_are_only_shown_escaped(web: TestClient) -> None:
    onboard(web, name="<script>alert(1)</script>")
    csrf = page_csrf(web, "/plan")
    response = web.post("/plan/move", data={"date": "<script>", "to": "<b>x</b>", "csrf": csrf})
    assert response.status_code == 422
    assert "<script>" not in response.text.split("</head>", 1)[1].replace("<script src=", "")
    page = web.get("/plan?moved=<script>&to=<i>")
    assert page.status_code == 200
    assert page.context["notice"] is None  # type: ignore[attr-defined]
    assert "&lt;script&gt;" not in page.text
    assert "<i>" not in page.text


def test_the_plan_downloads_as_a_calendar_file(web: TestClient) -> None:
    onboard(web)
    response = web.get("/plan.ics")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/calendar")
    assert response.headers["content-disposition"] == 'attachment; filename="runlift-plan.ics"'
    assert response.text.startswith("BEGIN:VCALENDAR")
    assert response.text == web.get("/api/v1/athletes/me/plan?format=ics").text


def test_a_coach_without_an_athlete_has_no_plan_page(web: TestClient) -> None:
    sign_up_on_page(web, role="coach")
    assert web.get("/plan").status_code == 404
    assert web.get("/plan.ics").status_code == 404


def test_far_weeks_link_each_session_to_its_own_page(web: TestClient) -> None:
    onboard(web)
    response = web.get("/plan")
    context = response.context  # type: ignore[attr-defined]
    assert context["near"] == {2, 3, 4}
    far = next(w for w in context["coming"] if w.number == 10)
    day = next(d for d in far.days if any(s.session.kind.value == "strength" for s in d.sessions))
    link = f'href="/plan/session?date={day.date.isoformat()}"'
    assert link in response.text
    assert f'id="move-{day.date.isoformat()}"' not in response.text
    page = web.get(f"/plan/session?date={day.date.isoformat()}")
    assert page.status_code == 200
    shown = page.context  # type: ignore[attr-defined]
    assert shown["week"].number == 10
    assert shown["sessions"] == day.sessions
    assert f'id="move-{day.date.isoformat()}"' in page.text
    names = shown["names"]
    first = day.sessions[0].session.blocks[0].items[0].exercise
    assert names[first] in page.text
    assert "Why this session" in page.text


def test_a_day_without_a_session_has_no_session_page(web: TestClient) -> None:
    onboard(web)
    assert web.get("/plan/session?date=2026-12-02").status_code == 404
    assert web.get("/plan/session?date=<script>").status_code == 404
    assert "<script>" not in web.get("/plan/session?date=<script>").text.split("</head>")[1]
