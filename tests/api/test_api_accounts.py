"""Accounts, tokens, coaches and errors over HTTP, against a real server process."""

from __future__ import annotations

from collections.abc import Callable

import httpx
import pytest

from api_server import PASSWORD, Server, User, new_address, running_server
from runlift import schemas

NewUser = Callable[..., User]


def _error(response: httpx.Response, status: int, code: str | None = None) -> dict[str, object]:
    """The response is the error body with this status (and code); its `error` part."""
    assert response.status_code == status, response.text
    body = schemas.ErrorBody.model_validate(response.json())
    if code is not None:
        assert body.error.code == code, response.text
    assert "Traceback" not in response.text
    return body.error.model_dump()


def test_sign_up_sign_in_and_me(client: httpx.Client) -> None:
    body = {"email": "Zoe.Signup@Example.com", "password": PASSWORD, "name": "Zoe"}
    created = client.post("/auth/signup", json=body | {"role": "athlete"})
    assert created.status_code == 201, created.text
    account = created.json()
    assert {k: account[k] for k in ("email", "name", "roles")} == {
        "email": "zoe.signup@example.com",
        "name": "Zoe",
        "roles": ["athlete"],
    }
    assert PASSWORD not in created.text
    token = client.post("/auth/token", json={"email": body["email"], "password": PASSWORD})
    assert token.status_code == 200
    assert token.json()["token_type"] == "bearer"
    headers = {"Authorization": f"Bearer {token.json()['access_token']}"}
    me = client.get("/me", headers=headers)
    assert me.status_code == 200
    assert me.json() == account
    assert isinstance(account["athlete_id"], int)
    _error(client.post("/auth/signup", json=body | {"role": "coach"}), 409, "email_taken")


def test_a_coach_account_has_no_athlete(new_user: NewUser, client: httpx.Client) -> None:
    coach = new_user("coach", "Cora")
    me = client.get("/me", headers=coach.headers).json()
    assert (me["roles"], me["athlete_id"]) == (["coach"], None)


@pytest.mark.parametrize(
    "headers",
    [{}, {"Authorization": "Bearer nope"}, {"Authorization": "Basic YTpi"}, {"Authorization": ""}],
)
def test_no_or_a_bad_token_is_401(client: httpx.Client, headers: dict[str, str]) -> None:
    for path in ("/me", "/auth/tokens", "/coach/athletes"):
        response = client.get(path, headers=headers)
        _error(response, 401, "unauthorized")
        assert response.headers["www-authenticate"] == "Bearer"


def test_a_wrong_password_is_401_and_ten_are_429(new_user: NewUser, client: httpx.Client) -> None:
    user = new_user()
    wrong = {"email": user.email, "password": "not the password"}
    for _ in range(10):
        _error(client.post("/auth/token", json=wrong), 401, "unauthorized")
    # From another address too: the account itself is locked for the window.
    elsewhere = {"X-Forwarded-For": new_address()}
    right = {"email": user.email, "password": PASSWORD}
    limited = client.post("/auth/token", json=right, headers=elsewhere)
    _error(limited, 429, "rate_limited")
    assert 0 < int(limited.headers["retry-after"]) <= 900
    assert client.get("/me", headers=user.headers).status_code == 200  # tokens still work


def test_a_revoked_token_is_401_and_others_tokens_are_404(
    new_user: NewUser, client: httpx.Client
) -> None:
    ana, bob = new_user(), new_user(name="Bob")
    [token] = client.get("/auth/tokens", headers=ana.headers).json()
    assert set(token) == {"id", "name", "created_at", "last_used_at", "revoked_at"}
    _error(client.delete(f"/auth/tokens/{token['id']}", headers=bob.headers), 404, "not_found")
    assert client.delete(f"/auth/tokens/{token['id']}", headers=ana.headers).status_code == 204
    _error(client.get("/me", headers=ana.headers), 401)


def test_invitation_consent_revocation(new_user: NewUser, client: httpx.Client) -> None:
    coach, ana = new_user("coach", "Cora"), new_user()
    invited = client.post("/coach/invitations", headers=coach.headers)
    assert invited.status_code == 201
    accepted = client.post("/athletes/me/coaches", json=invited.json(), headers=ana.headers)
    assert accepted.status_code == 201, accepted.text
    assert accepted.json()["coach_id"] == coach.account_id
    seen = client.get("/coach/athletes", headers=coach.headers).json()
    assert [(a["id"], a["account_id"]) for a in seen] == [(ana.athlete_id, ana.account_id)]
    [listed] = client.get("/athletes/me/coaches", headers=ana.headers).json()
    assert listed["coach_id"] == coach.account_id
    # The code is used up.
    other = new_user(name="Bob")
    _error(client.post("/athletes/me/coaches", json=invited.json(), headers=other.headers), 404)
    gone = client.delete(f"/athletes/me/coaches/{coach.account_id}", headers=ana.headers)
    assert gone.status_code == 204
    assert client.get("/coach/athletes", headers=coach.headers).json() == []
    again = client.delete(f"/athletes/me/coaches/{coach.account_id}", headers=ana.headers)
    _error(again, 404, "not_found")


def test_what_is_not_yours_is_404(new_user: NewUser, client: httpx.Client) -> None:
    ana, bob = new_user(), new_user(name="Bob")
    # An athlete makes no invitation; a made-up code and someone else's coach are not found.
    _error(client.post("/coach/invitations", headers=ana.headers), 404)
    _error(client.post("/athletes/me/coaches", json={"code": "x"}, headers=ana.headers), 404)
    _error(client.delete(f"/athletes/me/coaches/{bob.account_id}", headers=ana.headers), 404)
    _error(client.delete("/auth/tokens/2147483647", headers=ana.headers), 404)


def test_the_public_catalogue(client: httpx.Client) -> None:
    found = client.get("/exercises", params={"equipment": "dumbbell", "level": "beginner"})
    assert found.status_code == 200
    assert all("slug" in e for e in found.json())
    assert client.get("/exercises/goblet-squat").json()["slug"] == "goblet-squat"
    assert client.get("/programs/runner-circuit").json()["slug"] == "runner-circuit"
    assert len(client.get("/programs").json()) >= 13
    assert all(rule["sources"] for rule in client.get("/rules").json())
    error = _error(client.get("/exercises", params={"muscle": "wings"}), 422, "bad_input")
    assert error["field"] == "muscle"
    _error(client.get("/exercises/no-such-move"), 404, "not_found")


def test_bad_requests_get_the_error_body(client: httpx.Client) -> None:
    json_headers = {"content-type": "application/json"}
    malformed = client.post("/auth/signup", content=b'{"email": ', headers=json_headers)
    assert _error(malformed, 422, "malformed_json")["field"] == "body"
    body = {"email": "x@example.com", "password": PASSWORD, "name": "X", "admin": True}
    assert _error(client.post("/auth/signup", json=body), 422, "bad_input")["field"] == "admin"
    short = body | {"password": "short"}
    del short["admin"]
    assert _error(client.post("/auth/signup", json=short), 422)["field"] == "password"
    wrong_type = client.post("/auth/signup", json=[1, 2])
    _error(wrong_type, 422, "bad_input")
    _error(client.post("/auth/signup", content=b"x" * (3 * 1024 * 1024)), 413, "too_large")
    _error(client.get("/no/such/route"), 404, "not_found")
    _error(client.put("/me"), 405, "method_not_allowed")
    _error(client.delete("/auth/tokens/-1", headers={"Authorization": "Bearer x"}), 401)


def test_the_openapi_describes_the_routes_and_their_errors(server: Server) -> None:
    document = httpx.get(f"{server.base_url}/openapi.json").json()
    paths = document["paths"]
    assert {"/api/v1/auth/signup", "/api/v1/auth/token", "/api/v1/me"} <= set(paths)
    for path, operations in paths.items():
        assert path.startswith("/api/v1/")
        for operation in operations.values():
            declared = operation["responses"]
            errors = [s for s in declared if s.startswith(("4", "5"))]
            assert errors, path
            for status in errors:
                schema = declared[status]["content"]["application/json"]["schema"]
                assert schema == {"$ref": "#/components/schemas/ErrorBody"}, (path, status)


def test_the_server_refuses_to_start_without_a_secret_outside_dev(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    folder = tmp_path_factory.mktemp("no-secret")
    with (
        pytest.raises(pytest.fail.Exception, match="RUNLIFT_SECRET_KEY"),
        running_server(folder, "sqlite", secret=""),
    ):
        pass
