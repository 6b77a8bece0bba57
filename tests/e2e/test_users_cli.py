"""`runlift users create|list|disable`: the operator's accounts, in the same store as the API."""

from __future__ import annotations

import io
import json

import pytest

from cli_helpers import run

PASSWORD = "correct horse battery"


def test_create_list_disable(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    code, out, err = run(
        capsys,
        "users",
        "create",
        "Cora@Example.com",
        "--name",
        "Cora",
        "--role",
        "both",
        "--password-stdin",
    )
    assert (code, err) == (0, "")
    assert out == "created account 1: cora@example.com (athlete, coach)\n"
    assert PASSWORD not in out
    code, out, _ = run(capsys, "users", "list", "--format", "json")
    [account] = json.loads(out)
    assert account == {
        "id": 1,
        "email": "cora@example.com",
        "name": "Cora",
        "roles": ["athlete", "coach"],
        "athlete_id": 1,
    }
    assert run(capsys, "users", "disable", "cora@example.com")[0] == 0
    assert "disabled" in run(capsys, "users", "list")[1]


def test_bad_input_is_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("short\n"))
    code, out, err = run(
        capsys, "users", "create", "ana@example.com", "--name", "Ana", "--password-stdin"
    )
    assert (code, out) == (2, "")
    assert err.startswith("error: password: ")
    assert run(capsys, "users", "disable", "nobody@example.com")[0] == 2


def test_serve_refuses_to_start_without_a_secret(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("RUNLIFT_DEV", raising=False)
    monkeypatch.delenv("RUNLIFT_SECRET_KEY", raising=False)
    code, _, err = run(capsys, "serve", "--port", "1")
    assert code == 2
    assert "RUNLIFT_SECRET_KEY" in err
