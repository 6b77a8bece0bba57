"""The API tests' fixtures: one real server process per backend for the session, clients of it,
and signed-up users (see api_server.py for how the server runs)."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import httpx
import pytest

from api_server import BACKENDS, Server, User, new_address, running_server, sign_up


@pytest.fixture(scope="session", params=BACKENDS)
def server(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Server]:
    """One API server per backend for the whole session."""
    folder = tmp_path_factory.mktemp(f"api-{request.param}")
    with running_server(folder, str(request.param)) as running:
        yield running


@pytest.fixture
def client(server: Server) -> Iterator[httpx.Client]:
    """An HTTP client of the server, from an address of its own."""
    headers = {"X-Forwarded-For": new_address()}
    with httpx.Client(base_url=f"{server.base_url}/api/v1", headers=headers, timeout=30) as http:
        yield http


@pytest.fixture
def new_user(client: httpx.Client) -> Callable[..., User]:
    """Sign up (role, name) on the server and get a `User` with its bearer headers."""

    def make(role: str = "athlete", name: str = "Ana") -> User:
        return sign_up(client, role, name)

    return make
