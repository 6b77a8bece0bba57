"""`runlift profile init`: answers typed at the prompts become a profile the planner accepts."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from runlift.entrypoints.cli.root import main
from runlift.services.athletes import profile_from_text


def answer(monkeypatch: pytest.MonkeyPatch, lines: list[str]) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("".join(f"{line}\n" for line in lines)))


def test_answers_make_a_valid_profile_and_typos_are_asked_again(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "me.yaml"
    answer(
        monkeypatch,
        [
            "advanced",
            "marathn",
            "marathon",
            "2027-05-02",
            "3",
            "45",
            "dumbbell, mini_band",
            "tue:intervals, sun:long",
            "runners_knee",
        ],
    )
    assert main(["profile", "init", "-o", str(target)]) == 0
    err = capsys.readouterr().err
    assert "race.distance: 'marathn' is not accepted; did you mean marathon" in err
    profile = profile_from_text(target.read_text(encoding="utf-8"), str(target))
    assert profile.level.value == "advanced"
    assert profile.race is not None
    assert str(profile.race.date) == "2027-05-02"
    assert profile.strength.sessions_per_week == 3
    assert {e.value for e in profile.equipment} == {"dumbbell", "mini_band"}
    assert {d.value: r.value for d, r in profile.runs.items()} == {
        "tue": "intervals",
        "sun": "long",
    }
    assert [i.value for i in profile.injuries] == ["runners_knee"]
    assert main(["plan", str(target), "--start", "2027-01-04", "--weeks", "1"]) == 0


def test_defaults_give_a_runner_without_a_race(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    target = tmp_path / "p.yaml"
    answer(monkeypatch, [""] * 8)
    assert main(["profile", "init", "-o", str(target)]) == 0
    profile = profile_from_text(target.read_text(encoding="utf-8"), str(target))
    assert profile.race is not None
    assert profile.dated_race is None
    assert profile.equipment == frozenset()


def test_existing_file_is_not_overwritten(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "p.yaml"
    target.write_text("keep me\n")
    answer(monkeypatch, [""] * 8)
    assert main(["profile", "init", "-o", str(target)]) == 2
    assert "exists" in capsys.readouterr().err
    assert target.read_text() == "keep me\n"


def test_closed_input_writes_nothing(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    target = tmp_path / "p.yaml"
    answer(monkeypatch, ["beginner"])
    assert main(["profile", "init", "-o", str(target)]) != 0
    assert not target.exists()
