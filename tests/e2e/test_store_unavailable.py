"""A store that cannot be reached is one clear line and exit status 3, never a traceback."""

from __future__ import annotations

import pytest

from cli_helpers import run


def test_an_unreachable_database_exits_3_with_one_line(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(
        "RUNLIFT_DATABASE_URL", "postgresql://nobody@127.0.0.1:1/x?connect_timeout=1"
    )
    code, out, err = run(capsys, "today")
    assert code == 3
    assert out == ""
    assert err == (
        "error: store: cannot open the database at postgresql://nobody@127.0.0.1:1/x"
        "?connect_timeout=1: Connection refused; nothing was saved\n"
    )


def test_catalogue_commands_never_open_the_store(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(
        "RUNLIFT_DATABASE_URL", "postgresql://nobody@127.0.0.1:1/x?connect_timeout=1"
    )
    code, out, _ = run(capsys, "exercises", "show", "goblet-squat", "--format", "json")
    assert code == 0
    assert '"slug": "goblet-squat"' in out
