"""Every form a page posts to refuses a request without the page's CSRF value (403), found
from the app's route table, so a new form cannot be forgotten."""

from __future__ import annotations

import re

import pytest
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient

from runlift.entrypoints.web.pages import PAGE_ROUTERS
from runlift.entrypoints.web.pages.render import templates
from web_helpers import page_csrf, sign_up_on_page

PARAMETER = re.compile(r"\{([^}:]+)(:[^}]+)?\}")
SAMPLES = {"date": "2026-12-01", "slug": "goblet-squat"}


def _page_posts() -> list[str]:
    found = []
    for router in PAGE_ROUTERS:
        for route in router.routes:
            if isinstance(route, APIRoute) and "POST" in (route.methods or set()):
                found.append(route.path)
    return sorted(found)


def _concrete(path: str) -> str:
    return PARAMETER.sub(lambda m: SAMPLES.get(m.group(1), "1"), path)


@pytest.fixture
def page_posts() -> list[str]:
    return _page_posts()


def test_there_are_page_forms(page_posts: list[str]) -> None:
    assert {"/signup", "/signin", "/signout"} <= set(page_posts)


def test_every_page_form_refuses_a_missing_or_wrong_csrf_value(
    web: TestClient, page_posts: list[str]
) -> None:
    sign_up_on_page(web, role="both")
    page_csrf(web)
    for path in page_posts:
        missing = web.post(_concrete(path), data={})
        assert missing.status_code == 403, (path, missing.status_code, missing.text[:200])
        wrong = web.post(_concrete(path), data={"csrf": "w" * 43})
        assert wrong.status_code == 403, (path, wrong.status_code)
    assert web.get("/api/v1/me").status_code == 200  # still signed in: nothing was signed out


def test_templates_escape_by_default() -> None:
    rendered = templates().env.from_string("{{ v }}").render(v="<b>&</b>")
    assert rendered == "&lt;b&gt;&amp;&lt;/b&gt;"
