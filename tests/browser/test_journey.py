"""The whole way on a phone, as a new runner takes it: sign up, answer the profile questions,
see the plan, train today's session with a rest timer, finish it, and find it in the history."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from browser_helpers import sign_up_in_browser


def _answer_the_profile_questions(page: Page) -> None:
    page.get_by_label("Intermediate").check()
    page.get_by_label("Race distance").select_option(label="No race: general strength")
    page.get_by_label("Sessions a week").fill("2")
    page.get_by_label("Minutes per session").fill("40")
    page.get_by_label("Tuesday", exact=True).check()  # a preferred strength day
    week = {"Monday": "Easy run", "Wednesday": "Intervals", "Saturday": "Long run"}
    for day in ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"):
        page.get_by_label(f"Run on {day}").select_option(label=week.get(day, "No run"))
    page.get_by_label("Dumbbells", exact=True).check()
    page.get_by_label("Dumbbells loads").fill("6, 8, 10, 12.5, 15, 17.5, 20")
    page.get_by_label("Plan start").fill("2026-11-30")


def test_from_sign_up_to_a_logged_session_in_the_history(phone: Page) -> None:
    errors: list[str] = []
    phone.on("pageerror", lambda error: errors.append(str(error)))
    sign_up_in_browser(phone, "Noor")
    expect(phone).to_have_url(re.compile(r"/onboarding$"))
    _answer_the_profile_questions(phone)
    phone.get_by_role("button", name="Create my plan").click()
    expect(phone).to_have_url(re.compile(r"/plan$"))
    expect(phone.locator("section.week").first).to_be_visible()

    phone.get_by_role("navigation", name="Main").get_by_role(
        "link", name="Today"
    ).click()  # server's today: Tuesday 1 December
    exercise = phone.locator(".exercise").filter(visible=True)
    name = exercise.locator("h2").inner_text()
    for number in (1, 2, 3):
        load = phone.get_by_label("Load").filter(visible=True)
        if load.count() and not load.input_value():
            load.fill("10")
        phone.get_by_role("button", name="Log set").click()
        expect(phone.locator(".done-sets li", has_text="saved")).to_have_count(number)
    phone.get_by_role("button", name="Start rest").filter(visible=True).click()
    expect(phone.get_by_role("timer")).to_have_text(re.compile(r"\d:\d\d"))
    phone.get_by_role("radio", name="6", exact=True).check()
    phone.get_by_role("button", name="Finish session").click()
    expect(phone.get_by_role("heading", name="Session done")).to_be_visible()

    phone.get_by_role("navigation", name="Main").get_by_role("link", name="History").click()
    chart = phone.get_by_role("img", name=re.compile(re.escape(name)))
    expect(chart.first).to_be_visible()
    logged = phone.get_by_text(name).filter(visible=True)
    expect(logged.first).to_be_visible()
    answer = phone.request.get("/api/v1/athletes/me/sets")
    sets = answer.json()["items"]
    assert len(sets) == 3
    assert {s["date"] for s in sets} == {"2026-12-01"}
    assert errors == []
