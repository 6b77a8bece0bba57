"""The door in a real browser at phone size: sign up, sign out, sign in again."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from browser_helpers import sign_in_in_browser, sign_up_in_browser


def test_sign_up_then_sign_out_and_in_again(phone: Page) -> None:
    email = sign_up_in_browser(phone, "Ana")
    expect(phone).to_have_url(re.compile(r"/onboarding$"))
    phone.goto("/signup")
    phone.get_by_role("button", name="Sign out").click()
    expect(phone).to_have_url(re.compile(r"/signin$"))
    sign_in_in_browser(phone, email)
    expect(phone).not_to_have_url(re.compile(r"/signin"))
