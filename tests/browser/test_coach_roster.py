"""A coach follows a runner in real browsers at phone size: the coach invites, the runner
accepts the code on /coaches, the coach sees the runner's log, and nobody else's."""

from __future__ import annotations

import re

import httpx
from playwright.sync_api import Browser, expect

from api_server import PROFILE, Server, User, sign_up
from browser_helpers import PHONE, sign_in_in_browser, sign_up_in_browser


def runner_with_a_set(http: httpx.Client, name: str, reps: int) -> User:
    """A runner signed up over the API, planned from 2026-11-30, with a set on 2026-12-01."""
    user = sign_up(http, name=name)
    plan = http.put(
        "/athletes/me/profile", json=PROFILE, params={"start": "2026-11-30"}, headers=user.headers
    )
    assert plan.status_code == 200, plan.text
    one_set = {"client_id": f"{name}-1", "exercise": "goblet-squat", "date": "2026-12-01"}
    logged = http.post("/athletes/me/sets", json=one_set | {"reps": reps}, headers=user.headers)
    assert logged.status_code == 201, logged.text
    return user


def test_a_coach_invites_the_runner_accepts_and_the_coach_sees_only_their_log(
    browser: Browser, live: Server
) -> None:
    with httpx.Client(base_url=f"{live.base_url}/api/v1", timeout=30) as http:
        ana = runner_with_a_set(http, "Ana", 11)
        bob = runner_with_a_set(http, "Bob", 7)
    coach_context = browser.new_context(viewport=PHONE, base_url=live.base_url)
    runner_context = browser.new_context(viewport=PHONE, base_url=live.base_url)
    try:
        coach = coach_context.new_page()
        sign_up_in_browser(coach, "Cleo", role="coach")
        expect(coach).to_have_url(re.compile(r"/coach$"))
        coach.get_by_role("button", name="Invite an athlete").click()
        code = coach.locator("#code").inner_text().strip()
        assert code
        coach.screenshot(path="/tmp/coach-invitation.png")

        runner = runner_context.new_page()
        sign_in_in_browser(runner, ana.email)
        runner.goto("/coaches")
        runner.get_by_label("Invitation code").fill(code)
        runner.get_by_role("button", name="Accept invitation").click()
        expect(runner.get_by_role("button", name="Revoke Cleo")).to_be_visible()
        runner.screenshot(path="/tmp/coach-athlete-side.png", full_page=True)

        coach.goto("/coach")
        athletes = coach.get_by_role("list", name="Athletes")
        expect(athletes.get_by_role("link", name="Ana")).to_be_visible()
        expect(athletes.get_by_role("link", name="Bob")).to_have_count(0)
        coach.screenshot(path="/tmp/coach-roster.png", full_page=True)
        athletes.get_by_role("link", name="Ana").click()
        expect(coach.get_by_role("heading", name="Ana", level=1)).to_be_visible()
        expect(coach.get_by_text("11 reps")).to_be_visible()
        expect(coach.get_by_text("7 reps")).to_have_count(0)
        coach.screenshot(path="/tmp/coach-athlete.png", full_page=True)
        foreign = coach.goto(f"/coach/athletes/{bob.athlete_id}")
        assert foreign is not None
        assert foreign.status == 404
    finally:
        coach_context.close()
        runner_context.close()
