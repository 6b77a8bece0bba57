"""Sign up, sign in and out on the pages: sessions in cookies, CSRF on every form, escaping."""

from __future__ import annotations

from fastapi.testclient import TestClient

from web_helpers import PASSWORD, page_csrf, sign_up_on_page


def test_home_invites_strangers_and_sends_runners_to_today(web: TestClient) -> None:
    assert "Sign up" in web.get("/").text
    sign_up_on_page(web)
    response = web.get("/")
    assert response.status_code == 303
    assert response.headers["location"] == "/today"


def test_sign_up_sets_a_private_session_cookie_and_goes_to_onboarding(web: TestClient) -> None:
    form = {
        "name": "Ana",
        "email": "ana@example.com",
        "password": PASSWORD,
        "role": "athlete",
        "csrf": page_csrf(web, "/signup"),
    }
    response = web.post("/signup", data=form)
    assert response.status_code == 303
    assert response.headers["location"] == "/onboarding"
    cookie = next(
        h for h in response.headers.get_list("set-cookie") if h.startswith("runlift_session=")
    )
    assert "HttpOnly" in cookie
    assert "SameSite=lax" in cookie
    assert PASSWORD not in response.text


def test_a_coach_starts_at_the_roster(web: TestClient) -> None:
    sign_up_on_page(web, role="coach")
    assert web.get("/").headers["location"] == "/coach"


def test_forms_without_the_csrf_value_are_refused_and_change_nothing(web: TestClient) -> None:
    page_csrf(web, "/signup")
    form = {"name": "Eve", "email": "eve@example.com", "password": PASSWORD, "role": "athlete"}
    refused = web.post("/signup", data=form)
    assert refused.status_code == 403
    assert "reload the page" in refused.text
    forged = web.post("/signup", data={**form, "csrf": "x" * 43})
    assert forged.status_code == 403
    form_ok = {**form, "csrf": page_csrf(web, "/signup")}
    assert web.post("/signup", data=form_ok).status_code == 303  # the e-mail was still free


def test_wrong_password_is_one_clear_line_and_no_session(web: TestClient) -> None:
    email = sign_up_on_page(web)
    web.cookies.delete("runlift_session")
    form = {"email": email, "password": "not the password", "csrf": page_csrf(web)}
    response = web.post("/signin", data=form)
    assert response.status_code == 401
    assert response.context["error"].message == "wrong e-mail or password"  # type: ignore[attr-defined]
    assert "runlift_session" not in web.cookies


def test_sign_in_returns_to_the_page_asked_for_and_only_on_this_site(web: TestClient) -> None:
    email = sign_up_on_page(web)
    web.cookies.delete("runlift_session")
    asked = web.get("/signin?next=/plan")
    assert asked.context["next"] == "/plan"  # type: ignore[attr-defined]
    form = {"email": email, "password": PASSWORD, "next": "/plan", "csrf": page_csrf(web)}
    assert web.post("/signin", data=form).headers["location"] == "/plan"
    web.cookies.delete("runlift_session")
    form["next"] = "//evil.example/steal"
    assert web.post("/signin", data=form).headers["location"] == "/today"


def test_sign_out_revokes_the_session_everywhere(web: TestClient) -> None:
    sign_up_on_page(web)
    secret = web.cookies["runlift_session"]
    response = web.post("/signout", data={"csrf": page_csrf(web)})
    assert response.status_code == 303
    web.cookies.set("runlift_session", secret)  # a copy of the old cookie signs nobody in
    assert web.get("/api/v1/me").status_code == 401


def test_the_api_takes_the_page_session_but_wants_csrf_for_writes(web: TestClient) -> None:
    sign_up_on_page(web)
    assert web.get("/api/v1/me").status_code == 200
    body = {"code": "not-a-code"}
    refused = web.post("/api/v1/athletes/me/coaches", json=body)
    assert refused.status_code == 403
    assert refused.json()["error"]["code"] == "csrf_refused"
    allowed = web.post(
        "/api/v1/athletes/me/coaches", json=body, headers={"X-CSRF-Token": page_csrf(web)}
    )
    assert allowed.status_code == 404  # past CSRF: the code itself is unknown


def test_hostile_names_are_escaped(web: TestClient) -> None:
    form = {
        "name": "<script>alert(1)</script>",
        "email": "not-an-email",
        "password": PASSWORD,
        "role": "athlete",
        "csrf": page_csrf(web, "/signup"),
    }
    response = web.post("/signup", data=form)
    assert response.status_code == 422
    assert "<script>alert(1)</script>" not in response.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in response.text


def test_pages_that_need_an_account_send_strangers_to_sign_in(web: TestClient) -> None:
    response = web.get("/history?x=1")
    assert response.status_code in (303, 404)  # 404 until the page exists


def test_unknown_pages_are_a_page_not_json(web: TestClient) -> None:
    response = web.get("/no-such-page")
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/html")
    assert web.get("/api/v1/no-such").json()["error"]["code"] == "not_found"


def test_an_error_page_keeps_the_runners_navigation(web: TestClient) -> None:
    sign_up_on_page(web)
    response = web.get("/no-such-page")
    assert response.status_code == 404
    assert response.context["account"] is not None  # type: ignore[attr-defined]
    assert "Sign out" in response.text
