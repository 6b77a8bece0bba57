"""An athlete's profile, plan and days over HTTP, as the CLI's athlete/today/week/next show them."""

from __future__ import annotations

from collections.abc import Callable

import httpx

from api_server import PROFILE, User, with_plan
from runlift import schemas

NewUser = Callable[..., User]


def test_profile_then_plan_today_week_next(client: httpx.Client, new_user: NewUser) -> None:
    ana = new_user()
    assert client.get("/athletes/me/profile", headers=ana.headers).status_code == 404
    assert client.get("/athletes/me/plan", headers=ana.headers).status_code == 404
    plan = with_plan(client, ana)
    assert str(plan.start) == "2027-01-04"
    profile = client.get(f"/athletes/{ana.athlete_id}/profile", headers=ana.headers)
    assert profile.status_code == 200
    assert profile.json()["runs"] == PROFILE["runs"]
    stored = client.get("/athletes/me/plan", headers=ana.headers)
    assert schemas.Plan.model_validate(stored.json()) == plan
    ics = client.get("/athletes/me/plan", params={"format": "ics"}, headers=ana.headers)
    assert ics.headers["content-type"].startswith("text/calendar")
    assert "BEGIN:VCALENDAR" in ics.text
    first = plan.weeks[0].sessions[0]
    today = client.get("/athletes/me/today", params={"date": str(first.date)}, headers=ana.headers)
    assert today.status_code == 200, today.text
    assert schemas.Today.model_validate(today.json()).date == first.date
    week = client.get("/athletes/me/week", params={"date": "2027-01-05"}, headers=ana.headers)
    assert schemas.WeekView.model_validate(week.json()).monday.isoformat() == "2027-01-04"
    exercise = first.blocks[-1].items[0].exercise
    nxt = client.get(f"/athletes/me/next/{exercise}", headers=ana.headers)
    assert nxt.status_code == 200, nxt.text
    schemas.Next.model_validate(nxt.json())


def test_a_bad_profile_is_422_and_changes_nothing(client: httpx.Client, new_user: NewUser) -> None:
    ana = new_user()
    bad = PROFILE | {"level": "wizard"}
    put = client.put("/athletes/me/profile", json=bad, headers=ana.headers)
    assert put.status_code == 422
    assert put.json()["error"]["field"] == "level"
    unknown = client.put("/athletes/me/profile", json=PROFILE | {"shoe": 1}, headers=ana.headers)
    assert unknown.status_code == 422
    assert client.get("/athletes/me/profile", headers=ana.headers).status_code == 404


def test_reports_answer_as_the_cli_json(client: httpx.Client, new_user: NewUser) -> None:
    ana = new_user()
    with_plan(client, ana)
    for report in ("history", "records", "volume", "load"):
        answer = client.get(f"/athletes/me/{report}", headers=ana.headers)
        assert answer.status_code == 200, (report, answer.text)
    assert client.get("/athletes/me/history", headers=ana.headers).json() == []
