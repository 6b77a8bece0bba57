"""The door in a real browser at phone size: sign up, sign out (forgetting the pages kept for
offline use), sign in again."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from browser_helpers import sign_in_in_browser, sign_up_in_browser


def test_sign_up_then_sign_out_and_in_again(phone: Page) -> None:
    email = sign_up_in_browser(phone, "Ana")
    expect(phone).to_have_url(re.compile(r"/onboarding$"))
    phone.goto("/signup")
    kept = "caches.open('runlift-pages').then(c => c.put('/today', new Response('page')))"
    phone.evaluate(kept)  # as if /today had been kept for offline use
    phone.get_by_role("button", name="Sign out").click()
    expect(phone).to_have_url(re.compile(r"/signin$"))
    kept_after = "caches.open('runlift-pages').then(c => c.match('/today')).then(Boolean)"
    assert phone.evaluate(kept_after) is False
    sign_in_in_browser(phone, email)
    expect(phone).not_to_have_url(re.compile(r"/signin"))
