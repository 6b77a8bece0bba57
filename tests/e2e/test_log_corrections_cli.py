"""Fixing the log from the command line: edit, delete, undo, and history in and out as CSV."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from cli_helpers import run, runs_json
from runlift import schemas

pytestmark = pytest.mark.usefixtures("pinned_today")

ROOT = Path(__file__).resolve().parents[2]
ANA = str(ROOT / "examples" / "ana-marathon.yaml")
FIXTURES = ROOT / "tests" / "fixtures" / "log_import"


@pytest.fixture
def ana(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "athlete", "create", ANA, "--start", "2026-11-16")
    assert code == 0, err


def history(capsys: pytest.CaptureFixture[str]) -> list[dict[str, object]]:
    code, out, err = run(capsys, "history", "--format", "json")
    assert code == 0, err
    rows: list[dict[str, object]] = json.loads(out)
    return rows


def log(capsys: pytest.CaptureFixture[str], *args: str) -> None:
    code, _, err = run(capsys, "log", "goblet-squat", "--date", "2026-11-17", *args)
    assert code == 0, err


@pytest.mark.usefixtures("ana")
def test_edit_recomputes_the_next_target_and_undo_puts_it_back(
    capsys: pytest.CaptureFixture[str],
) -> None:
    for _ in range(3):
        log(capsys, "--reps", "12", "--load", "20kg", "--rir", "3")
    _, before, _ = run(capsys, "next", "goblet-squat", "--format", "json")
    ids = [row["id"] for row in history(capsys)]
    assert ids == [1, 2, 3]
    code, out, err = run(capsys, "sets", "edit", "3", "--reps", "6", "--rir", "0")
    assert code == 0, err
    assert out == "edited set 3: Goblet squat on 2026-11-17, set 3, 6 reps @ 20 kg, RIR 0\n"
    _, after, _ = run(capsys, "next", "goblet-squat", "--format", "json")
    assert json.loads(after)["reason"] != json.loads(before)["reason"]
    code, out, _ = run(capsys, "undo")
    assert (code, out) == (
        0,
        "undone: put back a Goblet squat set on 2026-11-17 as it was before the edit\n",
    )
    _, again, _ = run(capsys, "next", "goblet-squat", "--format", "json")
    assert again == before


@pytest.mark.usefixtures("ana")
def test_undo_of_a_delete_restores_the_set_with_its_id(capsys: pytest.CaptureFixture[str]) -> None:
    log(capsys, "--reps", "10", "--load", "20kg", "--rir", "2", "--id", "phone-1")
    log(capsys, "--reps", "9", "--load", "20kg", "--rir", "1")
    kept = history(capsys)
    code, out, err = run(capsys, "sets", "delete", "1")
    assert code == 0, err
    assert out.startswith("deleted set 1: Goblet squat on 2026-11-17, set 1")
    assert [row["id"] for row in history(capsys)] == [2]
    code, out, _ = run(capsys, "undo")
    assert (code, out) == (0, "undone: restored a deleted Goblet squat set on 2026-11-17\n")
    assert history(capsys) == kept
    code, _, _ = run(capsys, "log", "goblet-squat", "--reps", "10", "--id", "phone-1")
    assert code == 0
    assert history(capsys) == kept  # the restored set kept its client id: a retry stays a retry


@pytest.mark.usefixtures("ana")
def test_bad_corrections_change_nothing(capsys: pytest.CaptureFixture[str]) -> None:
    log(capsys, "--reps", "10", "--load", "20kg")
    kept = history(capsys)
    for argv, field in (
        (("sets", "edit", "99", "--reps", "3"), "id"),
        (("sets", "edit", "1", "--reps", "-2"), "--reps"),
        (("sets", "edit", "1", "--load", "5"), "--load"),
        (("sets", "delete", "42"), "id"),
        (("runs", "delete", "7"), "id"),
        (("session", "delete", "2026-11-18"), "DATE"),
    ):
        code, out, err = run(capsys, *argv)
        assert (code, out) == (2, ""), argv
        assert err.startswith(f"error: {field}: "), (argv, err)
        assert err.count("\n") == 1, (argv, err)
    assert history(capsys) == kept


@pytest.mark.usefixtures("ana")
def test_session_delete_and_undo_walk_back_to_nothing(capsys: pytest.CaptureFixture[str]) -> None:
    log(capsys, "--reps", "10", "--load", "20kg")
    log(capsys, "--reps", "10", "--load", "20kg")
    code, out, _ = run(capsys, "session", "delete", "2026-11-17")
    assert (code, out) == (0, "deleted the session of 2026-11-17 (2 sets)\n")
    assert history(capsys) == []
    code, out, _ = run(capsys, "undo")
    assert (code, out) == (0, "undone: restored the deleted session on 2026-11-17 (2 sets)\n")
    assert len(history(capsys)) == 2
    assert run(capsys, "undo")[0] == 0
    assert run(capsys, "undo")[0] == 0
    code, out, err = run(capsys, "undo")
    assert (code, out, err) == (2, "", "error: log: nothing left to undo in Ana's log\n")


@pytest.mark.usefixtures("ana")
def test_runs_delete_and_undo(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "runs", "add", "--distance", "10km", "--date", "2026-11-18")
    assert code == 0, err
    code, out, _ = run(capsys, "runs", "delete", "1")
    assert (code, out) == (0, "deleted run 1: 10.00 km on 2026-11-18\n")
    assert runs_json(capsys) == []
    assert run(capsys, "undo")[1] == "undone: restored the deleted run on 2026-11-18\n"
    assert [r["id"] for r in runs_json(capsys)] == [1]


@pytest.mark.usefixtures("ana")
def test_the_same_session_file_twice_is_one_session(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    document = {
        "date": "2026-11-17",
        "srpe": 6,
        "started_at": "2026-11-17T07:00:00+00:00",
        "ended_at": "2026-11-17T07:40:00+00:00",
        "sets": [
            {"exercise": "goblet-squat", "reps": 10, "load": "20kg", "rir": 2},
            {"exercise": "goblet-squat", "reps": 10, "load": "20kg", "rir": 2},
        ],
    }
    path = tmp_path / "session.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    assert run(capsys, "log", "--file", str(path))[1] == "logged 2 of 2 sets (0 already there)\n"
    code, out, _ = run(capsys, "log", "--file", str(path))
    assert code == 0
    assert out == "this session is in the log already; nothing changed\n"
    assert len(history(capsys)) == 2
    _, load, _ = run(capsys, "load", "--format", "json", "--weeks", "52")
    weeks = [w for w in json.loads(load) if w["strength_sessions"]]
    assert [(w["strength_sessions"], w["strength_load"]) for w in weeks] == [(1, 240.0)]


@pytest.mark.usefixtures("ana")
def test_strong_import_once_then_back_out_as_csv(capsys: pytest.CaptureFixture[str]) -> None:
    strong = str(FIXTURES / "strong-kg.csv")
    code, out, err = run(capsys, "import-log", strong, "--from", "strong")
    assert (code, out) == (2, "")
    lines = err.splitlines()
    assert lines[0] == ("error: exercise: 1 exercise name not in the catalogue; nothing imported")
    assert lines[1].startswith("  'Leg Extension (Machine)' (3 sets): closest ")
    assert history(capsys) == []
    code, out, err = run(capsys, "import-log", strong, "--from", "strong", "--skip-unknown")
    assert code == 0, err
    assert out.startswith("imported 14 sets over 3 days; ")
    code, out, _ = run(capsys, "import-log", strong, "--from", "strong", "--skip-unknown")
    assert out.startswith("nothing new imported; 14 sets already there; ")
    code, out, err = run(
        capsys, "import-log", strong, "--from", "strong", "--skip-unknown", "--format", "json"
    )
    assert code == 0, err
    report = schemas.LogImport.model_validate_json(out)
    assert (report.imported, report.already, report.skipped, report.days) == (0, 14, 3, 0)
    assert len(history(capsys)) == 14
    code, text, err = run(capsys, "history", "--format", "csv")
    assert code == 0, err
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == 14
    assert rows[0]["Exercise Name"] == "Back squat"
    assert list(rows[0])[:7] == [
        "Date",
        "Workout Name",
        "Duration",
        "Exercise Name",
        "Set Order",
        "Weight",
        "Reps",
    ]
    assert run(capsys, "undo")[1].startswith("undone: removed 14 imported sets of ")
    assert history(capsys) == []


@pytest.mark.usefixtures("ana")
def test_pounds_and_mapped_names_import_in_the_runners_units(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, _, err = run(
        capsys,
        "import-log",
        str(FIXTURES / "strong-lb.csv"),
        "--from",
        "strong",
        "--map",
        "Seated Leg Curl (Machine)=slider-leg-curl",
    )
    assert code == 0, err
    loads = [row["load"] for row in history(capsys) if row["load"] is not None]
    assert loads
    assert all(load["unit"] == "kg" for load in loads)  # type: ignore[index]
    code, _, err = run(capsys, "import-log", str(FIXTURES / "hevy.csv"), "--from", "strong")
    assert code == 2
    assert "looks like a Hevy export" in err


@pytest.mark.usefixtures("ana")
def test_the_example_session_file_logs_once(capsys: pytest.CaptureFixture[str]) -> None:
    example = str(ROOT / "examples" / "session.json")
    assert run(capsys, "log", "--file", example) == (
        0,
        "logged 5 of 5 sets (0 already there)\n",
        "",
    )
    assert run(capsys, "log", "--file", example)[1] == (
        "this session is in the log already; nothing changed\n"
    )
    assert len(history(capsys)) == 5
