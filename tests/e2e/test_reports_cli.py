"""history, progress, records, export and import through the real CLI, as a runner uses them."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from cli_helpers import run
from core_helpers import close_app_core
from runlift import schemas
from runlift.entrypoints.text.reports import sparkline

pytestmark = pytest.mark.usefixtures("pinned_today")

ROOT = Path(__file__).resolve().parents[2]
ANA = str(ROOT / "examples" / "ana-marathon.yaml")
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
# (day, exercise, reps, load, rir, seconds)
SETS = [
    ("2026-11-17", "goblet-squat", "10", "16kg", "3", None),
    ("2026-11-17", "goblet-squat", "8", "20kg", "2", None),
    ("2026-11-17", "side-plank", None, None, None, "30"),
    ("2026-11-19", "goblet-squat", "8", "22kg", "2", None),
    ("2026-11-19", "goblet-squat", "12", "50lb", "1", None),
    ("2026-11-20", "goblet-squat", "5", "24kg", "2", None),
]


@pytest.fixture
def logged(capsys: pytest.CaptureFixture[str]) -> None:
    """Ana with a few days of goblet squats and a side plank, logged through the CLI."""
    code, _, err = run(capsys, "athlete", "create", ANA, "--start", "2026-11-16")
    assert code == 0, err
    for number, (day, exercise, reps, load, rir, seconds) in enumerate(SETS):
        args = ["log", exercise, "--date", day, "--id", f"set-{number}"]
        for flag, value in (("--reps", reps), ("--load", load), ("--rir", rir)):
            if value is not None:
                args += [flag, value]
        if seconds is not None:
            args += ["--seconds", seconds]
        code, _, err = run(capsys, *args)
        assert code == 0, err


@pytest.mark.usefixtures("logged")
def test_history_in_three_formats_agrees(capsys: pytest.CaptureFixture[str]) -> None:
    code, table, err = run(capsys, "history")
    assert code == 0, err
    lines = table.splitlines()
    assert lines[0].split() == ["id", "date", "exercise", "set", "done", "rir", "target"]
    starts = [line for line in lines[2:] if line[:1] != " "]
    assert len(starts) == len(SETS), "one row per set; long cells wrap onto indented lines"
    assert all(line == line.rstrip() and len(line) <= 80 for line in lines)
    assert starts[0].split()[2:6] == ["Goblet", "squat", "1", "10"]
    assert "10 x 16 kg" in starts[0]
    assert "30 s" in starts[2]

    code, text, err = run(capsys, "history", "--format", "json")
    assert code == 0, err
    rows = json.loads(text)
    assert [(r["date"], r["exercise"], r["set"]) for r in rows] == [
        ("2026-11-17", "goblet-squat", 1),
        ("2026-11-17", "goblet-squat", 2),
        ("2026-11-17", "side-plank", 1),
        ("2026-11-19", "goblet-squat", 1),
        ("2026-11-19", "goblet-squat", 2),
        ("2026-11-20", "goblet-squat", 1),
    ]
    assert rows[4]["load"] == {"value": 50.0, "unit": "lb"}
    assert rows[2]["seconds"] == 30
    assert rows[2]["reps"] is None
    assert rows[2]["load"] is None
    assert rows[0]["target"]["exercise"] == "goblet-squat"

    code, text, err = run(capsys, "history", "--format", "csv")
    assert code == 0, err
    parsed = list(csv.DictReader(io.StringIO(text)))
    assert len(parsed) == len(rows)
    # Strong's columns, so other apps read it back: names for people, loads in Ana's units.
    for row, record in zip(parsed, rows, strict=True):
        assert row["Date"].startswith(str(record["date"]))
        assert int(row["Set Order"]) == record["set"]
        assert row["Reps"] == str(record["reps"] or 0)
        assert row["Seconds"] == str(record["seconds"] or 0)
    assert [row["Exercise Name"] for row in parsed[:3]] == [
        "Goblet squat",
        "Goblet squat",
        "Side plank",
    ]
    assert parsed[4]["Weight"] == "22.7"  # 50 lb logged, shown in kg


@pytest.mark.usefixtures("logged")
def test_history_of_one_exercise_by_name(capsys: pytest.CaptureFixture[str]) -> None:
    code, text, err = run(capsys, "history", "--exercise", "Side plank", "--format", "json")
    assert code == 0, err
    assert [r["exercise"] for r in json.loads(text)] == ["side-plank"]


@pytest.mark.usefixtures("logged")
def test_history_refuses_bad_options(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "history", "--format", "xml")
    assert (code, out) == (2, "")
    assert err.startswith("error: --format:")
    assert "csv" in err
    code, out, err = run(capsys, "history", "--exercise", "gobblet squat")
    assert (code, out) == (2, "")
    assert "goblet-squat" in err
    assert "Traceback" not in err


@pytest.mark.usefixtures("logged")
def test_progress_prints_the_e1rm_trend(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "progress", "goblet-squat")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0].startswith("Goblet squat: estimated 1RM")
    # Epley: 20 kg x 8 = 25.3 beats 16 kg x 10 = 21.3; 22 kg x 8 = 27.9 (the 12-rep set does
    # not count); 24 kg x 5 = 28.0.
    assert "2026-11-17  25.3 kg" in lines
    assert "2026-11-19  27.9 kg" in lines
    assert "2026-11-20  28.0 kg" in lines
    spark = sparkline([20 * 38 / 30, 22 * 38 / 30, 28.0])
    assert lines[-1] == f"trend {spark}  25.3 -> 28.0 kg (+2.7 kg)"


@pytest.mark.usefixtures("logged")
def test_progress_as_json_is_the_apis_progress_shape(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "progress", "Goblet squat", "--format", "json")
    assert code == 0, err
    progress = schemas.Progress.model_validate_json(out)
    assert (progress.exercise, progress.units) == ("goblet-squat", "kg")
    assert [(str(p.date), p.e1rm) for p in progress.points] == [
        ("2026-11-17", round(20 * 38 / 30, 2)),
        ("2026-11-19", round(22 * 38 / 30, 2)),
        ("2026-11-20", 28.0),
    ]
    code, out, err = run(capsys, "progress", "goblet-squat", "--format", "csv")
    assert (code, out) == (2, "")
    assert err.startswith("error: --format:")


@pytest.mark.usefixtures("logged")
def test_progress_png_is_a_real_chart(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    import matplotlib.image

    target = tmp_path / "charts" / "squat.png"
    target.parent.mkdir()
    code, out, err = run(capsys, "progress", "goblet-squat", "--png", str(target))
    assert code == 0, err
    assert out.endswith(f"wrote {target}\n")
    data = target.read_bytes()
    assert data.startswith(PNG_SIGNATURE)
    image = matplotlib.image.imread(str(target))
    assert image.shape[:2] == (400, 800)
    assert image.std() > 0.01, "the chart is not blank"
    assert [p.name for p in target.parent.iterdir()] == ["squat.png"], "no temporary left behind"
    code, _, err = run(capsys, "progress", "goblet-squat", "--png", str(target))
    assert code == 0, err
    assert target.read_bytes() == data, "same log, same chart"


@pytest.mark.usefixtures("logged")
def test_progress_without_data_says_so_and_draws_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, err = run(capsys, "progress", "side-plank")
    assert code == 0, err
    assert "no loaded sets of 10 reps or fewer" in out
    target = tmp_path / "plank.png"
    code, out, err = run(capsys, "progress", "side-plank", "--png", str(target))
    assert (code, out) == (2, "")
    assert err.startswith("error: --png:")
    assert not target.exists()
    code, _, err = run(capsys, "progress", "goblet-squat", "--png", str(tmp_path / "no" / "x.png"))
    assert code == 2
    assert err.startswith("error: --png:")
    assert "does not exist" in err


@pytest.mark.usefixtures("logged")
def test_records(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "records", "--format", "json")
    assert code == 0, err
    document = json.loads(out)
    assert document["units"] == "kg"
    found = {r["exercise"]: r for r in document["exercises"]}
    assert list(found) == ["goblet-squat", "side-plank"]
    squat = found["goblet-squat"]
    assert squat["e1rm"] == {
        "value": 28.0,
        "unit": "kg",
        "date": "2026-11-20",
        "set": 1,
        "reps": 5,
        "load": {"value": 24.0, "unit": "kg"},
    }
    assert [(r["load"], r["reps"]) for r in squat["reps_at"]] == [
        ({"value": 16.0, "unit": "kg"}, 10),
        ({"value": 20.0, "unit": "kg"}, 8),
        ({"value": 22.0, "unit": "kg"}, 8),
        ({"value": 50.0, "unit": "lb"}, 12),
        ({"value": 24.0, "unit": "kg"}, 5),
    ]
    assert found["side-plank"]["longest_hold"] == {"seconds": 30, "date": "2026-11-17"}
    code, out, err = run(capsys, "records")
    assert code == 0, err
    assert "  best e1RM: 28.0 kg on 2026-11-20 (set 1: 5 x 24 kg)" in out.splitlines()
    assert "  longest hold: 30 s on 2026-11-17" in out.splitlines()


def test_reports_on_an_empty_store_are_a_clear_error(capsys: pytest.CaptureFixture[str]) -> None:
    for command in (["history"], ["records"], ["progress", "goblet-squat"]):
        code, out, err = run(capsys, *command)
        assert (code, out) == (2, ""), command
        assert "athlete create" in err


@pytest.mark.usefixtures("logged")
def test_export_then_import_into_another_store(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = tmp_path / "out" / "ana.json"
    first.parent.mkdir()
    code, _, err = run(
        capsys,
        "runs",
        "add",
        "--distance",
        "12.5km",
        "--minutes",
        "70",
        "--type",
        "long",
        "--date",
        "2026-11-20",
        "--id",
        "r1",
    )
    assert code == 0, err
    code, out, err = run(capsys, "export", "-o", str(first))
    assert code == 0, err
    assert out == f"exported 1 athlete, 1 plan, 3 sessions, {len(SETS)} sets, 1 run to {first}\n"
    assert [p.name for p in first.parent.iterdir()] == ["ana.json"]
    document = json.loads(first.read_text(encoding="utf-8"))
    assert document["format"] == "runlift-export"
    assert document["athletes"][0]["plans"][0]["plan"]["weeks"], "the whole plan is exported"

    monkeypatch.setenv("RUNLIFT_DATA_DIR", str(tmp_path / "elsewhere"))
    close_app_core()
    code, out, err = run(capsys, "import", str(first))
    assert code == 0, err
    assert out == f"imported 1 athlete, 1 plan, 3 sessions, {len(SETS)} sets, 1 run\n"
    second = tmp_path / "again.json"
    code, _, err = run(capsys, "export", "-o", str(second))
    assert code == 0, err
    assert second.read_bytes() == first.read_bytes()
    code, out, err = run(capsys, "next", "goblet-squat", "--format", "json")
    assert code == 0, err
    assert json.loads(out)["load"] is not None, "the imported log drives progression"

    code, out, err = run(capsys, "import", str(first))
    assert (code, out) == (2, "")
    assert err == "error: store: not empty (athletes: Ana); import needs an empty store\n"


def test_export_needs_a_writable_place(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, err = run(capsys, "export", "-o", str(tmp_path / "missing" / "x.json"))
    assert (code, out) == (2, "")
    assert err.startswith("error: -o: folder")


def test_import_of_a_missing_or_broken_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, _, err = run(capsys, "import", str(tmp_path / "nope.json"))
    assert code == 2
    assert err == f"error: {tmp_path / 'nope.json'}: file not found\n"
    broken = tmp_path / "broken.json"
    broken.write_text('{"format": "runlift-export",\n "version": 1,\n', encoding="utf-8")
    code, _, err = run(capsys, "import", str(broken))
    assert code == 2
    assert err.startswith(f"error: {broken}: malformed JSON at line")


def test_sparkline() -> None:
    assert sparkline([]) == ""
    assert sparkline([5.0, 5.0]) == "▄▄"
    assert sparkline([1.0, 2.0, 3.0]) == "▁▅█"


def test_the_cli_starts_without_matplotlib() -> None:
    code = "import sys, runlift.entrypoints.cli.root; sys.exit('matplotlib' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], check=False)
    assert result.returncode == 0, "matplotlib must load only when a chart is drawn"
