"""Sign up, answer the profile questions by their labels, and find the plan as a calendar."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from browser_helpers import sign_up_in_browser


def test_onboarding_ends_in_a_plan_whose_sessions_open(phone: Page) -> None:
    sign_up_in_browser(phone, "Ana")
    expect(phone).to_have_url(re.compile(r"/onboarding$"))
    expect(phone.get_by_label("Name")).to_have_value("Ana")
    phone.get_by_label("Intermediate").check()
    phone.get_by_label("Race distance").select_option(label="Half marathon")
    phone.get_by_label("Race date").fill("2027-03-21")
    phone.get_by_label("Sessions a week").fill("2")
    phone.get_by_label("Minutes per session").fill("35")
    phone.get_by_label("Run on Wednesday").select_option(label="Tempo run")
    phone.get_by_label("Dumbbells", exact=True).check()
    phone.get_by_label("Dumbbells loads").fill("5, 7.5, 10")
    phone.get_by_label("Runner's knee").check()
    phone.get_by_role("button", name="Create my plan").click()

    expect(phone).to_have_url(re.compile(r"/plan$"))
    expect(phone.get_by_role("heading", name="Your plan")).to_be_visible()
    weeks = phone.locator("section.week")
    expect(weeks.first).to_be_visible()
    assert weeks.count() >= 10
    first_week = weeks.first
    expect(first_week.get_by_role("heading", name=re.compile(r"^Week 1 "))).to_be_visible()
    session = first_week.locator("details.session").filter(has_not_text="top-up").first
    expect(session.get_by_role("heading", name="Main lifts")).to_be_hidden()
    session.locator(":scope > summary").click()
    expect(session.get_by_role("heading", name="Main lifts")).to_be_visible()
    expect(session.get_by_role("link").first).to_be_visible()
    expect(session.get_by_text("Why this session")).to_be_visible()
    expect(session.get_by_label("Move to")).to_be_visible()
