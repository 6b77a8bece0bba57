"""Gym mode in a real browser at phone size: a whole session with a rest timer, sets logged
offline and sent once when the connection returns, and logging by keyboard alone."""

from __future__ import annotations

import re
from typing import Any

from playwright.sync_api import BrowserContext, Page, expect

from browser_helpers import sign_up_in_browser

START = "2026-11-30"
DAY = "2026-12-01"  # the live server's today, a Tuesday with a session in this profile
PROFILE: dict[str, Any] = {
    "name": "Ana",
    "level": "intermediate",
    "units": "kg",
    "race": {"distance": "none"},
    "strength": {"sessions_per_week": 2, "minutes_per_session": 40, "preferred_days": ["tue"]},
    "equipment": ["dumbbell", "bench"],
    "weights": {"dumbbell": [6, 8, 10, 12.5, 15, 17.5, 20]},
    "runs": {"mon": "easy", "wed": "intervals", "sat": "long"},
}


BODYWEIGHT: dict[str, Any] = PROFILE | {
    "level": "beginner",
    "equipment": [],
    "weights": {},
    "strength": {"sessions_per_week": 2, "minutes_per_session": 30, "preferred_days": ["tue"]},
}


def _runner_with_plan(page: Page, profile: dict[str, Any] = PROFILE) -> None:
    """Sign up on the page, then give the runner a profile over the API with the page's session."""
    sign_up_in_browser(page, "Ana")
    expect(page).to_have_url(re.compile(r"/onboarding$"))
    csrf = page.locator('meta[name="csrf-token"]').get_attribute("content") or ""
    put = page.request.put(
        f"/api/v1/athletes/me/profile?start={START}",
        data=profile,
        headers={"X-CSRF-Token": csrf},
    )
    assert put.status == 200, put.text()


def _stored_sets(page: Page) -> list[dict[str, Any]]:
    answer = page.request.get("/api/v1/athletes/me/sets")
    assert answer.status == 200, answer.text()
    items: list[dict[str, Any]] = answer.json()["items"]
    return items


def _log_set(page: Page) -> None:
    """Log the shown set as prescribed, choosing a load where the plan leaves it to the runner."""
    load = page.get_by_label("Load").filter(visible=True)
    if load.count() and not load.input_value():
        load.fill("10")
    page.get_by_role("button", name="Log set").click()


def test_a_whole_session_with_a_rest_timer_then_the_summary(phone: Page) -> None:
    errors: list[str] = []
    phone.on("pageerror", lambda error: errors.append(str(error)))
    _runner_with_plan(phone)
    phone.goto(f"/today?date={DAY}")
    shown = phone.locator(".exercise").filter(visible=True)
    expect(shown).to_have_count(1)  # one exercise at a time
    name = shown.locator("h2").inner_text()
    expect(phone.get_by_role("heading", name=name, level=2)).to_be_visible()
    expect(phone.get_by_label("Reps").filter(visible=True)).to_be_visible()
    for number in (1, 2, 3):
        _log_set(phone)
        expect(phone.locator(".done-sets li", has_text="saved")).to_have_count(number)
    phone.get_by_role("button", name="Start rest").filter(visible=True).click()
    expect(phone.get_by_role("timer")).to_be_visible()
    expect(phone.get_by_role("timer")).to_have_text(re.compile(r"\d:\d\d"))
    phone.reload()  # the timer keeps its end time across a reload
    expect(phone.get_by_role("timer")).to_have_text(re.compile(r"[01]:\d\d"))
    phone.get_by_role("radio", name="7", exact=True).check()
    phone.get_by_label("Note").fill("Strong <b>today</b>")
    phone.get_by_role("button", name="Finish session").click()
    expect(phone).to_have_url(re.compile(r"/today/summary\?date=2026-12-01$"))
    expect(phone.get_by_role("heading", name="Session done")).to_be_visible()
    expect(phone.get_by_text("session RPE 7")).to_be_visible()
    expect(phone.get_by_text("Strong <b>today</b>")).to_be_visible()
    stored = _stored_sets(phone)
    assert len(stored) == 3
    assert {s["date"] for s in stored} == {DAY}
    assert errors == []


def test_sets_logged_offline_are_sent_once_when_back_online(
    phone: Page, phone_context: BrowserContext
) -> None:
    _runner_with_plan(phone)
    phone.goto(f"/today?date={DAY}")
    phone.wait_for_function("document.documentElement.dataset.offline === 'ready'")
    _log_set(phone)
    expect(phone.locator(".done-sets li", has_text="saved")).to_have_count(1)
    phone.reload()  # now under the service worker
    phone.wait_for_function("navigator.serviceWorker.controller !== null")
    before = len(_stored_sets(phone))
    phone_context.set_offline(True)
    _log_set(phone)
    _log_set(phone)
    status = phone.get_by_role("status").filter(has_text="waiting to sync")
    expect(status).to_have_text("2 sets waiting to sync")
    offline = phone.reload()  # opens from the service worker's copy
    assert offline is not None
    assert offline.from_service_worker
    expect(phone.get_by_role("button", name="Log set").filter(visible=True)).to_be_visible()
    expect(status).to_have_text("2 sets waiting to sync")
    phone_context.set_offline(False)
    expect(phone.get_by_text("waiting to sync")).to_have_count(0)
    stored = _stored_sets(phone)
    assert len(stored) == before + 2
    assert len({s["id"] for s in stored}) == len(stored)
    phone.reload()
    expect(phone.get_by_text("waiting to sync")).to_have_count(0)
    assert len(_stored_sets(phone)) == before + 2


def test_a_set_logged_with_the_keyboard_alone(phone: Page) -> None:
    _runner_with_plan(phone)
    phone.goto(f"/today?date={DAY}")
    phone.locator("body").focus()
    for _ in range(40):
        phone.keyboard.press("Tab")
        focused = phone.evaluate("document.activeElement.textContent.trim()")
        if focused == "Log set":
            break
    else:
        raise AssertionError("Tab never reached the Log set button")
    phone.keyboard.press("Enter")
    expect(phone.locator(".done-sets li", has_text="saved")).to_have_count(1)
    assert len(_stored_sets(phone)) == 1


def test_a_set_the_server_refuses_is_shown_and_not_retried(phone: Page) -> None:
    _runner_with_plan(phone)
    phone.goto(f"/today?date={DAY}")
    phone.evaluate(
        """() => window.runlift.outbox.add({client_id: crypto.randomUUID(),
            exercise: "no-such-move", date: "2026-12-01", reps: 5})
            .then(() => window.runlift.outbox.flush())"""
    )
    refused = phone.get_by_role("alert").filter(has_text="Not saved")
    expect(refused).to_contain_text("unknown exercise")
    expect(phone.get_by_text("waiting to sync")).to_have_count(0)
    phone.reload()
    expect(refused).to_be_visible()  # kept aside, not sent again
    refused.get_by_role("button", name="Dismiss").click()
    expect(refused).to_have_count(0)
    assert _stored_sets(phone) == []


def test_a_hold_per_side_runs_each_side_in_turn_across_a_reload(phone: Page) -> None:
    _runner_with_plan(phone, BODYWEIGHT)
    phone.clock.install()
    phone.goto(f"/today?date={DAY}")
    hold = phone.get_by_role("button", name="Start hold").filter(visible=True)
    for _ in range(8):
        if hold.count():
            break
        phone.get_by_role("button", name="Next exercise", exact=True).filter(visible=True).click()
    seconds = int(phone.get_by_label("Seconds").filter(visible=True).input_value())
    hold.click()
    timer = phone.get_by_role("timer")
    label = phone.locator(".timer-label")
    expect(label).to_have_text("Hold: first side")
    phone.clock.run_for((seconds + 1) * 1000)
    expect(label).to_have_text("Switch sides")
    phone.reload()  # the end is stored, not counted: the next phase after a reload
    phone.clock.run_for(6000)
    expect(label).to_have_text("Hold: second side")
    expect(timer).to_be_visible()
    phone.clock.run_for(seconds * 1000)
    expect(label).to_have_text("Hold: second side over")
