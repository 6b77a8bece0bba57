"""Page-test fixtures: the web app in-process over this test's store (Starlette's TestClient,
which exposes each page's template context), and accounts signed in through the pages."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from core_helpers import PINNED_TODAY, app_core
from runlift.entrypoints.web.app import create_app

PASSWORD = "correct horse battery"
_emails = itertools.count(1)


@pytest.fixture
def web(monkeypatch: pytest.MonkeyPatch) -> Iterator[TestClient]:
    """A browser-like client of the whole web app, with 'today' pinned and no secret needed."""
    monkeypatch.setenv("RUNLIFT_DEV", "1")
    monkeypatch.setenv("RUNLIFT_TODAY", PINNED_TODAY.isoformat())
    with TestClient(create_app(app_core()), follow_redirects=False) as client:
        yield client


def page_csrf(client: TestClient, path: str = "/signup") -> str:
    """The CSRF value a page (`path`, rendered) hands this client, as its forms carry it."""
    response = client.get(path)
    assert response.status_code == 200, (path, response.status_code)
    value = response.context["csrf"]  # type: ignore[attr-defined]
    assert isinstance(value, str)
    return value


def sign_up_on_page(
    client: TestClient, role: str = "athlete", name: str = "Ana", email: str | None = None
) -> str:
    """Sign up through the sign-up form (signed in afterwards); the e-mail used."""
    address = email or f"runner{next(_emails)}@example.com"
    form = {
        "name": name,
        "email": address,
        "password": PASSWORD,
        "role": role,
        "csrf": page_csrf(client, "/signup"),
    }
    response = client.post("/signup", data=form)
    assert response.status_code == 303, response.text
    return address
