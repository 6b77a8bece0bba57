"""The plan bends to the real week, from the command line: move, skip, missed sessions, runs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cli_helpers import run

ROOT = Path(__file__).resolve().parents[2]
ANA = str(ROOT / "examples" / "ana-marathon.yaml")  # strength Tue and Thu; long run Sunday
BEFORE_LONG = "spacing: no strength the day before the long run"


def today_is(monkeypatch: pytest.MonkeyPatch, day: str) -> None:
    monkeypatch.setenv("RUNLIFT_TODAY", day)


@pytest.fixture(autouse=True)
def ana(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    today_is(monkeypatch, "2026-11-16")
    code, _, err = run(capsys, "athlete", "create", ANA, "--start", "2026-11-16")
    assert code == 0, err


def week(capsys: pytest.CaptureFixture[str]) -> dict[str, object]:
    code, out, err = run(capsys, "week", "--format", "json")
    assert code == 0, err
    found: dict[str, object] = json.loads(out)
    return found


def strength(view: dict[str, object]) -> dict[str, dict[str, object]]:
    """Strength sessions by the day they were planned on."""
    days: list[dict[str, object]] = view["days"]  # type: ignore[assignment]
    return {
        str(s["planned"]): s
        for d in days
        for s in d["sessions"]  # type: ignore[attr-defined]
        if s["kind"] == "strength"
    }


def test_a_move_onto_the_day_before_the_long_run_is_refused_unless_anyway(
    capsys: pytest.CaptureFixture[str],
) -> None:
    before = week(capsys)
    code, out, err = run(capsys, "move", "2026-11-17", "--to", "2026-11-21")
    assert (code, out, err) == (2, "", f"error: --to: {BEFORE_LONG}\n")
    assert week(capsys) == before
    code, out, err = run(capsys, "move", "2026-11-17", "--to", "2026-11-21", "--anyway")
    assert code == 0, err
    assert out == (
        f"moved the session of Tue 2026-11-17 to Sat 2026-11-21\nwarning: {BEFORE_LONG}\n"
    )
    moved = strength(week(capsys))["2026-11-17"]
    assert (moved["status"], moved["on"], moved["warning"]) == ("moved", "2026-11-21", BEFORE_LONG)
    code, out, _ = run(capsys, "today", "--date", "2026-11-17")
    assert "no strength session planned" in out


def test_skip_then_the_week_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "skip", "2026-11-17")
    assert (code, out, err) == (0, "skipped the session planned on Tue 2026-11-17\n", "")
    assert strength(week(capsys))["2026-11-17"]["status"] == "skipped"
    code, _, err = run(capsys, "skip", "2026-11-17")
    assert code == 2
    assert err.startswith("error: ")


def test_a_missed_tuesday_is_offered_on_wednesday(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    today_is(monkeypatch, "2026-11-18")
    offered = strength(week(capsys))["2026-11-17"]
    assert (offered["status"], offered["on"]) == ("offered", "2026-11-18")
    code, out, _ = run(capsys, "today")
    assert code == 0
    assert out.startswith("Note: missed: nothing logged Tuesday; offered Wednesday\n")
    code, out, _ = run(capsys, "week")
    assert "offered again (planned Tue 17 Nov)" in out


def test_a_missed_session_with_no_day_left_is_dropped_with_the_reason(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, "move", "2026-11-19", "--to", "2026-11-22")[0] == 0
    today_is(monkeypatch, "2026-11-21")
    dropped = strength(week(capsys))["2026-11-17"]
    assert (dropped["status"], dropped["on"]) == ("dropped", None)
    reason = (
        f"missed: nothing logged Tuesday; dropped: Saturday: {BEFORE_LONG}; "
        "Sunday has another session"
    )
    assert dropped["why"] == [reason]
    assert f"Note: {reason}" in run(capsys, "today")[1]


def test_a_long_run_on_saturday_instead_of_sunday_moves_fridays_session(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    today_is(monkeypatch, "2026-11-17")
    code, _, err = run(capsys, "log", "split-squat", "--reps", "8", "--load", "10kg")
    assert code == 0, err
    assert run(capsys, "move", "2026-11-19", "--to", "2026-11-20")[0] == 0
    today_is(monkeypatch, "2026-11-21")
    code, _, err = run(
        capsys, "runs", "add", "--distance", "28km", "--minutes", "150", "--type", "long"
    )
    assert code == 0, err
    thursday = strength(week(capsys))["2026-11-19"]
    assert (thursday["status"], thursday["on"], thursday["lightened"]) == (
        "offered",
        "2026-11-22",
        True,
    )
    assert "Long run logged Saturday instead of Sunday" in str(thursday["why"])
    today_is(monkeypatch, "2026-11-22")
    code, out, _ = run(capsys, "today", "--format", "json")
    day = json.loads(out)
    assert day["sessions"][0]["deload"] is True
    assert any("Long run logged Saturday" in note for note in day["notes"])


def test_next_follows_a_moved_session(capsys: pytest.CaptureFixture[str]) -> None:
    out = run(capsys, "today", "--date", "2026-11-19", "--format", "json")[1]
    lift = next(
        i["exercise"] for i in json.loads(out)["sessions"][0]["items"] if i["block"] == "main"
    )
    assert run(capsys, "move", "2026-11-19", "--to", "2026-11-20")[0] == 0
    out = run(capsys, "next", lift, "--format", "json")[1]
    answer = json.loads(out)
    assert answer["date"] == "2026-11-20"
    out = run(capsys, "today", "--date", "2026-11-20", "--format", "json")[1]
    shown = next(i for i in json.loads(out)["sessions"][0]["items"] if i["exercise"] == lift)
    assert {k: v for k, v in answer.items() if k != "date"} == shown["target"]
