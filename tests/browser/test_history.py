"""History in a real browser at phone size: a runner's logged sets show as a named e1RM chart."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import Page, expect

from browser_helpers import sign_up_in_browser

PROFILE: dict[str, Any] = {
    "name": "Ana",
    "level": "intermediate",
    "units": "kg",
    "race": {"distance": "none"},
    "strength": {"sessions_per_week": 2, "minutes_per_session": 40},
    "equipment": ["dumbbell", "bench"],
    "runs": {"tue": "easy", "thu": "intervals", "sun": "long"},
}
SETS = [("2026-11-23", 8, 20.0), ("2026-11-26", 6, 24.0), ("2026-11-30", 5, 28.0)]


def log_over_the_api(phone: Page) -> None:
    """Give the runner a profile and three goblet squat sets, as the pages' scripts would."""
    phone.goto("/exercises")
    token = phone.locator('meta[name="csrf-token"]').get_attribute("content") or ""
    headers = {"X-CSRF-Token": token}
    put = phone.request.put("/api/v1/athletes/me/profile", data=PROFILE, headers=headers)
    assert put.ok, put.text()
    for number, (day, reps, load) in enumerate(SETS):
        body = {
            "client_id": f"browser-{number}",
            "exercise": "goblet-squat",
            "date": day,
            "reps": reps,
            "load": {"value": load, "unit": "kg"},
            "rir": 2,
        }
        posted = phone.request.post("/api/v1/athletes/me/sets", data=body, headers=headers)
        assert posted.status == 201, posted.text()


def test_logged_sets_show_as_an_e1rm_chart_on_a_phone(phone: Page) -> None:
    sign_up_in_browser(phone, "Ana")
    log_over_the_api(phone)
    phone.goto("/history")
    chart = phone.get_by_role("img", name="Goblet squat: estimated 1RM by date")
    expect(chart).to_be_visible()
    box = chart.bounding_box()
    assert box is not None
    assert box["width"] <= 390
    assert box["width"] >= 300  # the chart uses the phone's width, so its labels stay legible
    expect(phone.get_by_role("heading", name="Log")).to_be_attached()
    expect(phone.get_by_text("Set 1: 5 reps \u00d7 28 kg \u00b7 RIR 2")).to_be_visible()
