"""Browser-test fixtures: Debian's Chromium driven by Playwright at phone size (390x844)
against a real `runlift serve` process on SQLite, with 'today' pinned for the server.

Playwright's own browser download does not work here, so the browser is the `chromium` on
PATH (`make test` installs Debian's package when it is missing).
"""

from __future__ import annotations

import shutil
import uuid
from collections.abc import Iterator

import pytest
from playwright.sync_api import (
    Browser,
    BrowserContext,
    Page,
    Playwright,
    ViewportSize,
    sync_playwright,
)

from api_server import PASSWORD, SQLITE, Server, running_server
from core_helpers import PINNED_TODAY

PHONE: ViewportSize = {"width": 390, "height": 844}
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def playwright_driver() -> Iterator[Playwright]:
    """Playwright's driver for the session."""
    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="session")
def browser(playwright_driver: Playwright) -> Iterator[Browser]:
    """Debian's Chromium, headless."""
    executable = shutil.which("chromium")
    if executable is None:
        pytest.fail("chromium is not installed (make test installs Debian's package)")
    launched = playwright_driver.chromium.launch(
        executable_path=executable, headless=True, args=CHROMIUM_ARGS
    )
    yield launched
    launched.close()


@pytest.fixture(scope="session")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """One web server on SQLite for the browser tests, its 'today' pinned."""
    folder = tmp_path_factory.mktemp("browser")
    extra = {"RUNLIFT_TODAY": PINNED_TODAY.isoformat()}
    with running_server(folder, SQLITE, extra_env=extra) as server:
        yield server


@pytest.fixture
def phone_context(browser: Browser, live: Server) -> Iterator[BrowserContext]:
    """A fresh browser profile (no cookies, no caches) at phone size, on the live server."""
    context = browser.new_context(viewport=PHONE, base_url=live.base_url, service_workers="allow")
    context.set_default_timeout(15_000)
    yield context
    context.close()


@pytest.fixture
def phone(phone_context: BrowserContext) -> Page:
    """A page in a fresh phone-sized browser profile."""
    return phone_context.new_page()


def new_email(name: str = "runner") -> str:
    """An e-mail no other test uses."""
    return f"{name}-{uuid.uuid4().hex[:10]}@example.com"


def sign_up_in_browser(page: Page, name: str = "Ana", role: str = "athlete") -> str:
    """Sign up on /signup as a person would (labels and buttons); the e-mail used."""
    email = new_email(name.lower())
    page.goto("/signup")
    page.get_by_label("Name").fill(name)
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    roles = {"athlete": "I run and train", "coach": "I coach runners", "both": "Both"}
    page.get_by_label(roles[role]).check()
    page.get_by_role("button", name="Sign up").click()
    return email


def sign_in_in_browser(page: Page, email: str) -> None:
    """Sign in on /signin with the test password."""
    page.goto("/signin")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
