"""`runlift profile init`: answers typed at the prompts become a profile the planner accepts."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest

from runlift.entrypoints.cli.root import main
from runlift.services.athletes import profile_from_text
from runlift.services.profile import next_monday


def answer(monkeypatch: pytest.MonkeyPatch, lines: list[str]) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("".join(f"{line}\n" for line in lines)))


def test_answers_make_a_valid_profile_and_typos_are_asked_again(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "me.yaml"
    answer(
        monkeypatch,
        [
            "Ana",
            "kg",
            "advanced",
            "marathn",
            "marathon",
            "2027-05-02",
            "3",
            "45",
            "",
            "dumbbell, mini_band",
            "",
            "tue:intervals, sun:long",
            "runners_knee",
            "",
            "",
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
    answer(monkeypatch, [""] * 12)
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
    answer(monkeypatch, [""] * 12)
    assert main(["profile", "init", "-o", str(target)]) == 2
    assert "exists" in capsys.readouterr().err
    assert target.read_text() == "keep me\n"


def test_closed_input_writes_nothing(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    target = tmp_path / "p.yaml"
    answer(monkeypatch, ["beginner"])
    assert main(["profile", "init", "-o", str(target)]) != 0
    assert not target.exists()


def test_everyday_words_owned_weights_age_and_lifting_are_asked(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "me.yaml"
    answer(
        monkeypatch,
        [
            "Bea",
            "lbs",
            "beg",
            "Half",
            "2027-04-18",
            "2",
            "30",
            "Monday, thu",
            "Dumbbells, mini band",
            "10, 15, 20 heavy",
            "10, 15, 20, 25",
            "tue:easy, sun:long",
            "Runner's knee, ITBS",
            "200",
            "38",
            "some",
        ],
    )
    assert main(["profile", "init", "-o", str(target)]) == 0
    err = capsys.readouterr().err
    assert "weights.dumbbell: 'heavy' is not a load" in err
    assert "age: '200' is not accepted; give a whole number 10-100" in err
    profile = profile_from_text(target.read_text(encoding="utf-8"), str(target))
    assert profile.name == "Bea"
    assert profile.units.value == "lb"
    assert profile.level.value == "beginner"
    assert profile.race is not None
    assert profile.race.distance.value == "half_marathon"
    assert [d.value for d in profile.strength.preferred_days] == ["mon", "thu"]
    assert {e.value for e in profile.equipment} == {"dumbbell", "mini_band"}
    assert {e.value: w for e, w in profile.weights.items()} == {"dumbbell": (10, 15, 20, 25)}
    assert [i.value for i in profile.injuries] == ["runners_knee", "it_band_syndrome"]
    assert profile.age == 38
    assert profile.lifting is not None
    assert profile.lifting.value == "some"


def test_race_date_before_the_plan_start_is_neither_offered_nor_accepted(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    today = dt.date.today()
    start = next_monday(today)
    target = tmp_path / "race.yaml"
    before = start - dt.timedelta(days=1)
    answer(monkeypatch, ["", "", "", "5K", before.isoformat(), ""] + [""] * 8)
    assert main(["profile", "init", "-o", str(target)]) == 0
    out, err = capsys.readouterr()
    assert f"race.date: {before} is before the plan start {start}" in err
    offered = start + dt.timedelta(weeks=16, days=-1)
    assert f"on or after the plan start {start}) [{offered}]" in out
    profile = profile_from_text(target.read_text(encoding="utf-8"), str(target))
    assert profile.race is not None
    assert profile.race.date == offered
    assert profile.race.distance.value == "5k"


def test_output_with_another_format_extension_is_refused_before_asking(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    answer(monkeypatch, [])
    assert main(["profile", "init", "-o", str(tmp_path / "p.json")]) == 2
    out, err = capsys.readouterr()
    assert (out, err.count("\n")) == ("", 1)
    assert "names a json file" in err


def test_a_misspelt_key_in_a_profile_file_names_the_closest_key(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "typo.yaml"
    path.write_text(
        "level: beginner\nstrength: {sessions_per_week: 2, minutes_per_session: 30}\n"
        "equipement: [dumbbell]\nruns: {sun: long}\n",
        encoding="utf-8",
    )
    assert main(["plan", str(path)]) == 2
    err = capsys.readouterr().err
    assert err == "error: equipement: unknown key; did you mean equipment?\n"


def test_profile_files_accept_what_people_type(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "words.yaml"
    race_day = next_monday(dt.date.today()) + dt.timedelta(weeks=10, days=6)
    path.write_text(
        f"level: Intermediate\nrace: {{distance: half marathon, date: {race_day}}}\n"
        "strength: {sessions_per_week: 2, minutes_per_session: 30}\n"
        "equipment: [Dumbbells, mini band]\nruns: {Tuesday: Easy, sun: long}\n"
        "injuries: [Runner's knee]\n",
        encoding="utf-8",
    )
    profile = profile_from_text(path.read_text(encoding="utf-8"), str(path))
    assert profile.race is not None
    assert profile.race.distance.value == "half_marathon"
    assert {e.value for e in profile.equipment} == {"dumbbell", "mini_band"}
    assert [i.value for i in profile.injuries] == ["runners_knee"]
