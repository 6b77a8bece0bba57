"""The training loop end to end: store a runner, see today's targets, log, and watch them move."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cli_helpers import run
from core_helpers import app_core
from runlift.services.ports import UnitOfWork


def cli_store() -> UnitOfWork:
    """The store the CLI just wrote to."""
    return app_core().uow_factory()()


ROOT = Path(__file__).resolve().parents[2]
ANA = str(ROOT / "examples" / "ana-marathon.yaml")
BEN = str(ROOT / "examples" / "ben-first-5k.yaml")
LIFT = "split-squat"


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    """'Today' is the Thursday of week 1, so `next` (the next planned day) never meets the clock."""
    monkeypatch.setenv("RUNLIFT_TODAY", "2026-11-19")


@pytest.fixture
def ana(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "athlete", "create", ANA, "--start", "2026-11-16")
    assert code == 0, err
    assert "stored Ana with plan version 1" in out
    # The loop below trains Ana's Tuesday lift: a ramp-in week at 8-10, then 4-6 (RIR 2).
    for day, reps in (("2026-11-17", [8, 10]), ("2026-11-24", [4, 6])):
        code, out, _ = run(capsys, "today", "--date", day, "--format", "json")
        planned: list[dict[str, object]] = [
            i["planned"] for s in json.loads(out)["sessions"] for i in s["items"]
        ]
        lift = next((p for p in planned if p["exercise"] == LIFT), {})
        expected: dict[str, object] = {"exercise": LIFT, "reps": reps, "equipment": ["dumbbell"]}
        assert expected.items() <= lift.items(), "Ana's plan changed: train another lift"


def log_session(
    capsys: pytest.CaptureFixture[str], day: str, reps: int, tag: str, load: str = "16kg"
) -> None:
    for number in range(1, 4):
        code, _, err = run(
            capsys,
            "log",
            LIFT,
            "--reps",
            str(reps),
            "--load",
            load,
            "--rir",
            "3",
            "--date",
            day,
            "--id",
            f"{tag}-{number}",
        )
        assert code == 0, err


def next_json(capsys: pytest.CaptureFixture[str]) -> dict[str, object]:
    code, out, err = run(capsys, "next", LIFT, "--format", "json")
    assert code == 0, err
    result: dict[str, object] = json.loads(out)
    return result


@pytest.mark.usefixtures("ana")
def test_top_of_range_twice_adds_a_step_carried_into_the_next_range(
    capsys: pytest.CaptureFixture[str],
) -> None:
    log_session(capsys, "2026-11-17", 10, "a")
    first = next_json(capsys)
    assert first["date"] == "2026-11-24"  # the next planned day: what `today` shows then
    assert first["reps"] == [4, 6]
    assert first["rule"] == "e1rm"
    assert first["load"] == {"value": 18.0, "unit": "kg"}  # 16 x 8-10 @ RIR 3 -> 18.1 -> 18
    assert first["reason"] == (
        "new range: 4-6 at RIR 2, 18 kg estimated from 16 kg x 8-10 at RIR 3 (Epley)"
    )
    log_session(capsys, "2026-11-19", 10, "b")  # Thursday: the same week's Tuesday dose
    second = next_json(capsys)
    assert set(second) >= {"exercise", "sets", "reps", "seconds", "load", "variant", "rule"}
    assert second["load"] == {"value": 20.0, "unit": "kg"}  # 18 kg at 8-10 -> 20.4 -> 20
    assert second["reason"] == (
        "top of the range twice: +1 step, 18 kg, back to the bottom of the range; new range: "
        "4-6 at RIR 2, 20 kg estimated from 18 kg x 8-10 at RIR 3 (Epley)"
    )
    code, out, _ = run(capsys, "today", "--date", "2026-11-24")
    assert code == 0
    assert "Split squat: 3 x 4-6 per side @ 20 kg, RIR 2, rest " in out
    code, out, _ = run(capsys, "next", LIFT)
    assert code == 0
    assert out.startswith("Split squat: 3 x 4-6 @ 20 kg, RIR 2\n")
    assert all(len(line) <= 80 for line in out.splitlines())
    assert "  when: Tue 2026-11-24 (same as `runlift today --date 2026-11-24`)\n" in out


@pytest.mark.usefixtures("ana")
def test_a_failed_session_repeats_the_load(capsys: pytest.CaptureFixture[str]) -> None:
    log_session(capsys, "2026-11-17", 10, "a")
    log_session(capsys, "2026-11-19", 6, "b")  # below the 8-10 range
    result = next_json(capsys)
    assert result["load"] == {"value": 18.0, "unit": "kg"}  # 16 kg again, in the 4-6 range
    assert str(result["reason"]).startswith("a set fell short of the range: repeat it; ")


@pytest.mark.usefixtures("ana")
def test_today_json_has_targets_for_trained_items_only(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "today", "--date", "2026-11-17", "--format", "json")
    assert code == 0
    day = json.loads(out)
    items = day["sessions"][0]["items"]
    assert items[0]["block"] == "warmup"
    assert items[0]["target"] is None
    trained = [i for i in items if i["block"] in ("main", "core", "plyometric")]
    assert trained
    assert all(i["target"] is not None for i in trained)
    code, out, _ = run(capsys, "today", "--date", "2026-11-16")  # Monday: nothing missed yet
    assert code == 0
    assert "no strength session planned" in out
    assert "Next: Tue 2026-11-17, Base strength A" in out


@pytest.mark.usefixtures("ana")
def test_same_client_id_twice_records_one_set(capsys: pytest.CaptureFixture[str]) -> None:
    args = ("log", LIFT, "--reps", "9", "--load", "16kg", "--date", "2026-11-17")
    assert run(capsys, *args, "--id", "x")[1] == "logged\n"
    assert "already logged" in run(capsys, *args, "--id", "x")[1]
    with cli_store() as uow:
        athlete = uow.athletes.get("Ana")
        assert athlete is not None
        assert len(uow.sets.all(athlete.id, LIFT)) == 1


@pytest.mark.usefixtures("ana")
def test_session_file_is_atomic_and_idempotent(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    good = {"exercise": LIFT, "reps": 6, "load": "16kg", "rir": 3}
    document = {
        "date": "2026-11-17",
        "client_id": "s1",
        "srpe": 6,
        "sets": [good | {"id": "1"}, good | {"id": "2"}, good | {"id": "3", "reps": -1}],
    }
    path = tmp_path / "s.json"
    path.write_text(json.dumps(document))
    code, _, err = run(capsys, "log", "--file", str(path))
    assert code == 2
    assert "reps: -1 is out of range" in err
    assert next_json(capsys)["load"] is None
    document["sets"][2]["reps"] = 6  # type: ignore[index]
    path.write_text(json.dumps(document))
    assert run(capsys, "log", "--file", str(path))[1] == "logged 3 of 3 sets (0 already there)\n"
    again = run(capsys, "log", "--file", str(path))[1]
    assert again == "this session is in the log already; nothing changed\n"


@pytest.mark.usefixtures("ana")
def test_creating_the_same_athlete_twice_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "athlete", "create", ANA, "--start", "2026-11-16")
    assert code == 2
    assert "'Ana' exists" in err


@pytest.mark.usefixtures("ana")
def test_several_athletes_need_a_name(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "athlete", "create", BEN, "--start", "2026-11-16")[0] == 0
    code, _, err = run(capsys, "today", "--date", "2026-11-17")
    assert code == 2
    assert "several athletes (Ana, Ben)" in err
    code, _, err = run(capsys, "today", "--date", "2026-11-17", "--athlete", "Bne")
    assert code == 2
    assert "did you mean Ben" in err
    assert run(capsys, "today", "--date", "2026-11-17", "--athlete", "Ben")[0] == 0


@pytest.mark.usefixtures("ana")
def test_updating_the_profile_replans_and_keeps_the_log(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    log_session(capsys, "2026-11-17", 9, "a")
    changed = tmp_path / "ana.yaml"
    changed.write_text(
        Path(ANA).read_text().replace("minutes_per_session: 40", "minutes_per_session: 30")
    )
    code, out, _ = run(capsys, "athlete", "update", str(changed))
    assert code == 0
    assert "plan version 2" in out
    assert next_json(capsys)["load"] == {"value": 18.0, "unit": "kg"}  # the log still counts
    code, out, _ = run(capsys, "athlete", "list")
    assert "Ana: intermediate, marathon on 2027-04-18, 2 x 30 min; plan v2" in out


def test_a_log_date_a_year_back_is_still_accepted(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "athlete", "create", ANA, "--start", "2026-11-16")
    assert code == 0, err
    code, out, err = run(capsys, "log", LIFT, "--reps", "5", "--date", "2025-11-19")
    assert (code, out, err) == (0, "logged\n", "")


def test_commands_need_an_athlete_first(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "today")
    assert code == 2
    assert "runlift athlete create" in err


@pytest.mark.usefixtures("ana")
@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["log", LIFT, "--reps", "-3"], "reps: -3 is out of range"),
        (
            ["log", LIFT, "--reps", "5", "--load", "2000kg"],
            "load: 2000 kg is not plausible",
        ),
        (
            ["log", LIFT, "--reps", "5", "--load", "20stone"],
            "load: '20stone': unknown unit",
        ),
        (["log", "forwrd-lunge", "--reps", "5"], "did you mean forward-lunge"),
        (
            ["log", LIFT, "--reps", "5", "--date", "2099-01-01"],
            "date: 2099-01-01 is in the future",
        ),
        (["log", LIFT], "--reps: give --reps"),
        (
            ["log", LIFT, "--reps", "5", "--seconds", "30"],
            "--seconds: split-squat is done for reps; give reps or seconds, not both",
        ),
        (["log", LIFT, "--reps", "5", "--id", ""], "--id: is empty"),
        (["log", LIFT, "--reps", "5", "--id", "  "], "--id: is empty"),
        (
            ["log", LIFT, "--reps", "5", "--date", "1999-11-19"],
            "--date: 1999-11-19 is out of range; accepted: 2000-01-01 to ",
        ),
        (["log", LIFT, "--reps", "5", "--date", "2025-11-18"], "more than a year before"),
        (["next", LIFT, "--format", "xml"], "--format: 'xml' is not accepted"),
    ],
)
def test_bad_log_input_changes_nothing(
    capsys: pytest.CaptureFixture[str], args: list[str], expected: str
) -> None:
    code, out, err = run(capsys, *args)
    assert code == 2
    assert expected in err
    assert err.count("\n") == 1
    assert out == ""
    assert next_json(capsys)["load"] is None
