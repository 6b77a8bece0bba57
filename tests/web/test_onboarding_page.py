"""Onboarding: the profile questions as a form, checked like a profile file, ending in the plan."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from web_helpers import page_csrf, sign_up_on_page

Form = dict[str, str | list[str]]


def profile_form(
    client: TestClient, changes: Form | None = None, page: str = "/onboarding"
) -> Form:
    """A complete, valid onboarding form (with the CSRF value `page` hands), then `changes`."""
    form: Form = {
        "csrf": page_csrf(client, page),
        "name": "Ana",
        "age": "41",
        "units": "kg",
        "level": "intermediate",
        "lifting": "some",
        "race_distance": "marathon",
        "race_date": "2027-04-18",
        "strength_sessions_per_week": "2",
        "strength_minutes_per_session": "40",
        "strength_preferred_days": ["mon", "thu"],
        "runs_tue": "intervals",
        "runs_thu": "easy",
        "runs_sat": "easy",
        "runs_sun": "long",
        "equipment": ["dumbbell", "bench", "resistance_band"],
        "weights_dumbbell": "4, 6, 8, 10, 12.5",
        "injuries": ["runners_knee"],
    }
    form.update(changes or {})
    return form


def stored_profile(client: TestClient) -> dict[str, object] | None:
    """The profile the API answers for this signed-in runner (None before one was stored)."""
    response = client.get("/api/v1/athletes/me/profile")
    if response.status_code == 404:
        return None
    assert response.status_code == 200, response.text
    body = response.json()
    assert isinstance(body, dict)
    return body


def test_strangers_sign_in_first(web: TestClient) -> None:
    response = web.get("/onboarding")
    assert response.status_code == 303
    assert response.headers["location"] == "/signin?next=/onboarding"


def test_the_first_form_asks_with_human_names_under_the_account_name(web: TestClient) -> None:
    sign_up_on_page(web, name="Ana")
    response = web.get("/onboarding")
    assert response.status_code == 200
    context = response.context  # type: ignore[attr-defined]
    assert context["answers"].name == "Ana"
    assert context["again"] is False
    assert ("runners_knee", "Runner's knee") in context["injuries"]
    assert ("half_marathon", "Half marathon") in context["races"]
    assert ("dumbbell", "Dumbbells") in context["loaded"]
    assert "Create my plan" in response.text
    for label in ("Race date", "Sessions a week", "Minutes per session", "Age", "Units"):
        assert label in response.text


def test_answers_are_stored_as_the_profile_and_lead_to_the_plan(web: TestClient) -> None:
    sign_up_on_page(web)
    response = web.post("/onboarding", data=profile_form(web))
    assert response.status_code == 303, response.text
    assert response.headers["location"] == "/plan"
    profile = stored_profile(web)
    assert profile is not None
    assert profile["race"] == {"distance": "marathon", "date": "2027-04-18"}
    assert profile["strength"] == {
        "sessions_per_week": 2,
        "minutes_per_session": 40,
        "preferred_days": ["mon", "thu"],
    }
    assert profile["runs"] == {"tue": "intervals", "thu": "easy", "sat": "easy", "sun": "long"}
    assert profile["weights"] == {"dumbbell": [4, 6, 8, 10, 12.5]}
    assert (profile["age"], profile["lifting"]) == (41, "some")
    assert profile["injuries"] == ["runners_knee"]
    assert web.get("/api/v1/athletes/me/plan").json()["race"]["distance"] == "marathon"


def test_a_runner_with_a_profile_sees_it_and_re_plans_keeping_what_the_form_does_not_ask(
    web: TestClient,
) -> None:
    sign_up_on_page(web)
    assert web.post("/onboarding", data=profile_form(web)).status_code == 303
    api_csrf = {"X-CSRF-Token": page_csrf(web, "/onboarding")}
    profile = stored_profile(web)
    assert profile is not None
    changed = web.put(
        "/api/v1/athletes/me/profile", json={**profile, "style": "classic"}, headers=api_csrf
    )
    assert changed.status_code == 200, changed.text
    page = web.get("/onboarding")
    context = page.context  # type: ignore[attr-defined]
    assert context["again"] is True
    assert context["answers"].race_date == "2027-04-18"
    assert context["answers"].weights["dumbbell"] == "4, 6, 8, 10, 12.5"
    assert "Update my plan" in page.text
    again = profile_form(web, {"strength_sessions_per_week": "3", "again": "1"})
    assert web.post("/onboarding", data=again).status_code == 303
    profile = stored_profile(web)
    assert profile is not None
    assert profile["strength"]["sessions_per_week"] == 3  # type: ignore[index]
    assert profile["style"] == "classic"


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"strength_sessions_per_week": "9"}, "strength.sessions_per_week", "less than or equal"),
        ({"strength_minutes_per_session": "lots"}, "strength.minutes_per_session", "integer"),
        ({"race_date": ""}, "race.date", "is required"),
        ({"race_date": "2027-02-30"}, "race.date", "not a date"),
        ({"race_date": "2026-06-01"}, "race.date", "before the plan start"),
        ({"weights_dumbbell": "4, heavy"}, "weights.dumbbell", "not a load"),
        ({"weights_kettlebell": "16"}, "weights.kettlebell", "not in equipment"),
        ({"age": "7"}, "age", "greater than or equal"),
        ({"level": "expert"}, "level", "expert"),
        ({"runs_mon": "jog"}, "runs.mon", "jog"),
        ({"equipment": ["dumbell", "bench"]}, "equipment", "dumbbell"),
        ({"start": "next week"}, "start", "not a date"),
    ],
)
def test_a_bad_answer_shows_the_form_again_as_typed_and_stores_nothing(
    web: TestClient, changes: Form, field: str, words: str
) -> None:
    sign_up_on_page(web)
    form = profile_form(web, changes)
    response = web.post("/onboarding", data=form)
    assert response.status_code == 422, response.text
    context = response.context  # type: ignore[attr-defined]
    assert context["error"].field == field
    assert words in context["error"].message
    assert context["error_id"] == field.replace(".", "_")
    assert context["answers"].race_date == form["race_date"]
    assert context["answers"].weights["dumbbell"] == form["weights_dumbbell"]
    assert 'role="alert"' in response.text
    assert 'aria-invalid="true"' in response.text or 'class="invalid"' in response.text
    assert stored_profile(web) is None
    assert web.get("/plan").headers["location"] == "/onboarding"


def test_without_the_csrf_value_nothing_is_stored(web: TestClient) -> None:
    sign_up_on_page(web)
    form = profile_form(web)
    del form["csrf"]
    assert web.post("/onboarding", data=form).status_code == 403
    assert web.post("/onboarding", data={**form, "csrf": "x" * 43}).status_code == 403
    assert stored_profile(web) is None


def test_hostile_names_are_only_shown_escaped(web: TestClient) -> None:
    sign_up_on_page(web, name="<script>alert(1)</script>")
    first = web.get("/onboarding")
    assert "<script>alert(1)</script>" not in first.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in first.text
    refused = web.post(
        "/onboarding",
        data=profile_form(web, {"name": '"><img src=x onerror=alert(1)>', "age": "x"}),
    )
    assert refused.status_code == 422
    assert "<img src=x" not in refused.text
    assert "&lt;img src=x onerror=alert(1)&gt;" in refused.text


def test_a_coach_without_an_athlete_has_no_onboarding(web: TestClient) -> None:
    sign_up_on_page(web, role="coach")
    assert web.get("/onboarding").status_code == 404
    form = profile_form(web, page="/signup")
    assert web.post("/onboarding", data=form).status_code == 404


def test_an_absurdly_long_answer_is_refused_unread(web: TestClient) -> None:
    sign_up_on_page(web)
    response = web.post("/onboarding", data=profile_form(web, {"race_date": "9" * 5000}))
    assert response.status_code == 422
    error = response.context["error"]  # type: ignore[attr-defined]
    assert (error.field, error.message) == ("race.date", "is too long")
    assert "9" * 5000 not in response.text
    assert stored_profile(web) is None
