"""The running log end to end: add, import GPX, list, and weekly load with run-spike flags."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import gpxpy
import gpxpy.gpx
import pytest

from cli_helpers import run, runs_json

ROOT = Path(__file__).resolve().parents[2]
DEV = str(ROOT / "examples" / "dev-ten-minutes.yaml")  # no race: any start date will do
TODAY = dt.date.today()
MONDAY = TODAY - dt.timedelta(days=TODAY.weekday())


def ago(days: int) -> str:
    return (TODAY - dt.timedelta(days=days)).isoformat()


@pytest.fixture(autouse=True)
def dev(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "athlete", "create", DEV, "--start", ago(40))
    assert code == 0, err


def gpx_file(path: Path, tracks: list[tuple[dt.datetime, int]]) -> Path:
    """A GPX file with one track per (start, points): points 100 m apart, 30 s apart."""
    gpx = gpxpy.gpx.GPX()
    for start, points in tracks:
        track = gpxpy.gpx.GPXTrack()
        segment = gpxpy.gpx.GPXTrackSegment()
        track.segments.append(segment)
        gpx.tracks.append(track)
        for i in range(points):
            latitude = 52.0 + i * 100 / 111_195  # ~100 m of latitude per step
            time = start + dt.timedelta(seconds=30 * i)
            segment.points.append(gpxpy.gpx.GPXTrackPoint(latitude, 13.0, time=time))
    path.write_text(gpx.to_xml(), encoding="utf-8")
    return path


def test_add_list_and_a_retry_with_the_same_id(capsys: pytest.CaptureFixture[str]) -> None:
    add = ("runs", "add", "--distance", "12.5km", "--minutes", "65", "--type", "Long")
    code, out, err = run(capsys, *add, "--date", ago(2), "--id", "r1")
    assert (code, out, err) == (0, f"logged run of 12.50 km on {ago(2)}\n", "")
    code, out, _ = run(capsys, *add, "--date", ago(2), "--id", "r1")
    assert (code, out) == (0, "already logged (same --id); nothing changed\n")
    code, out, err = run(capsys, "runs", "add", "--distance", "8mi", "--date", ago(9))
    assert code == 0, err
    assert runs_json(capsys) == [
        {
            "date": ago(9),
            "distance_km": 12.875,
            "duration_s": None,
            "type": None,
            "source": "manual",
            "id": 2,
            "client_id": None,
            "flag": None,
        },
        {
            "date": ago(2),
            "distance_km": 12.5,
            "duration_s": 3900,
            "type": "long",
            "source": "manual",
            "id": 1,
            "client_id": "r1",
            "flag": None,
        },
    ]
    code, out, _ = run(capsys, "runs", "list")
    assert code == 0
    assert out.splitlines()[0].split() == [
        "id",
        "date",
        "km",
        "time",
        "pace",
        "type",
        "source",
        "flag",
    ]
    assert out.splitlines()[3].split() == [
        "1",
        ago(2),
        "12.50",
        "1:05:00",
        "5:12/km",
        "long",
        "manual",
    ]


def test_a_spike_is_flagged_when_added_and_in_the_weekly_load(
    capsys: pytest.CaptureFixture[str],
) -> None:
    for days, km in ((45, "5km"), (29, "10km"), (15, "8km")):  # 45 days back: a history
        assert run(capsys, "runs", "add", "--distance", km, "--date", ago(days))[0] == 0
    code, out, err = run(capsys, "runs", "add", "--distance", "15km", "--date", ago(1))
    assert code == 0, err
    flag = f"run-spike: {ago(1)} 15.0 km +50% over 10.0 km on {ago(29)} (30-100%)"
    assert out.splitlines() == [f"logged run of 15.00 km on {ago(1)}", f"flag {flag}"]
    code, out, err = run(capsys, "load", "--weeks", "6")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0].split() == ["week", "km", "runs", "strength", "load", "flags"]
    assert all(len(line) <= 80 for line in lines)
    weeks_shown = [line for line in lines[2:] if line[:1].isdigit()]
    assert len(weeks_shown) == 6
    spiked = next(line for line in lines if line.endswith(flag[:20]) or flag[:20] in line)
    assert spiked.startswith(f"{(TODAY - dt.timedelta(days=1)).isocalendar()[0]}-W")
    assert " ".join(flag.split()) in " ".join(out.split())
    note = out[out.index("run-spike: Flag") :]
    assert " ".join(note.split()).startswith(
        "run-spike: Flag a single run more than 10% longer than the longest run of the "
        "previous 30 days, once 30 days of runs are logged"
    )
    code, out, err = run(capsys, "load", "--weeks", "6", "--format", "json")
    weeks = json.loads(out)
    assert [w["monday"] for w in weeks] == [
        (MONDAY - dt.timedelta(weeks=5 - i)).isoformat() for i in range(6)
    ]
    assert sum(w["runs"] for w in weeks) == 3
    assert sum(w["run_km"] for w in weeks) == pytest.approx(33.0)
    flags = [f for w in weeks for f in w["flags"]]
    assert flags == [
        {
            "rule": "run-spike",
            "date": ago(1),
            "distance_km": 15.0,
            "longest_date": ago(29),
            "longest_km": 10.0,
            "percent_over": 50.0,
            "band": "30-100%",
        }
    ]


def test_strength_load_is_srpe_times_the_logged_minutes(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    day = ago(3)
    session = {
        "date": day,
        "started_at": f"{day}T18:00:00+00:00",
        "ended_at": f"{day}T18:45:00+00:00",
        "srpe": 7,
        "sets": [{"exercise": "forward-lunge", "reps": 8, "load": "16kg", "rir": 3}],
    }
    path = tmp_path / "session.json"
    path.write_text(json.dumps(session), encoding="utf-8")
    code, _, err = run(capsys, "log", "--file", str(path))
    assert code == 0, err
    code, out, err = run(capsys, "load", "--weeks", "2", "--format", "json")
    assert code == 0, err
    week = next(w for w in json.loads(out) if w["strength_sessions"])
    assert (week["strength_load"], week["strength_unrated"]) == (315, 0)


def test_gpx_import_adds_each_track_once(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    start = dt.datetime.combine(TODAY - dt.timedelta(days=5), dt.time(7, 0), dt.UTC)
    path = gpx_file(tmp_path / "week.gpx", [(start, 51), (start + dt.timedelta(days=2), 81)])
    code, out, err = run(capsys, "runs", "import", str(path))
    assert (code, out, err) == (0, "imported 2 of 2 runs (0 already there)\n", "")
    code, out, err = run(capsys, "runs", "import", str(path))
    assert (code, out, err) == (0, "imported 0 of 2 runs (2 already there)\n", "")
    found = runs_json(capsys)
    assert [(r["date"], r["duration_s"], r["source"]) for r in found] == [
        (ago(5), 1500, "gpx"),
        (ago(3), 2400, "gpx"),
    ]
    assert [r["distance_km"] for r in found] == pytest.approx([5.0, 8.0], abs=0.01)
    assert all(str(r["client_id"]).startswith("gpx:") for r in found)
    assert found[1]["flag"] is None  # 8 km after 5 km, but no month of runs logged yet


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("<gpx><trk>", "not a valid GPX file"),
        ("this is not xml", "not a valid GPX file"),
        ('<?xml version="1.0"?><gpx version="1.1"></gpx>', "no track with points"),
    ],
)
def test_a_malformed_gpx_names_the_file_and_changes_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, content: str, message: str
) -> None:
    path = tmp_path / "broken.gpx"
    path.write_text(content, encoding="utf-8")
    code, out, err = run(capsys, "runs", "import", str(path))
    assert (code, out) == (2, "")
    assert err.startswith(f"error: {path}: {message}")
    assert err.count("\n") == 1
    assert runs_json(capsys) == []


def test_a_gpx_run_in_the_future_is_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    start = dt.datetime.combine(TODAY + dt.timedelta(days=5), dt.time(7, 0), dt.UTC)
    path = gpx_file(tmp_path / "future.gpx", [(start, 51)])
    code, _, err = run(capsys, "runs", "import", str(path))
    assert code == 2
    assert err == f"error: {path}: track 1: date {(start.date())} is in the future\n"


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("--distance", "5furlongs"), "error: --distance: '5furlongs': unknown unit"),
        (("--distance=-5km",), "error: --distance: '-5km' must be a positive distance"),
        (("--distance", "500km"), "error: distance: 500 km is out of range"),
        (("--distance", "5km", "--date", "2999-01-01"), "error: date: 2999-01-01 is in the future"),
        (("--distance", "5km", "--type", "lnog"), "error: --type: 'lnog' is not accepted; did you"),
        (("--distance", "42km", "--minutes", "5"), "error: duration: 5 min for 42 km"),
        (("--distance", "5km", "--minutes", "0"), "error: --minutes: 0 must be more than 0"),
        (("--distance", "5km", "--date", "yesterday"), "error: --date: 'yesterday' is not a date"),
        (
            ("--distance", "5km", "--id", "x" * 121),
            "error: --id: is 121 characters long; at most 120",
        ),
    ],
)
def test_bad_input_is_one_line_naming_the_field_and_stores_nothing(
    capsys: pytest.CaptureFixture[str], args: tuple[str, ...], expected: str
) -> None:
    code, out, err = run(capsys, "runs", "add", *args)
    assert (code, out) == (2, "")
    assert err.startswith(expected)
    assert err.count("\n") == 1
    assert runs_json(capsys) == []


def test_an_unknown_run_type_suggests_the_closest_ids(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "runs", "add", "--distance", "5km", "--type", "tempo-run")
    assert code == 2
    assert "did you mean tempo" in err
    assert "accepted: easy, long, intervals, tempo, hills, race, cross" in err


@pytest.mark.parametrize(
    ("minutes", "seconds"), [("52:30", 3150), ("1:05:00", 3900), ("52.5", 3150), ("65", 3900)]
)
def test_minutes_take_clock_times_too(
    capsys: pytest.CaptureFixture[str], minutes: str, seconds: int
) -> None:
    code, _, err = run(capsys, "runs", "add", "--distance", "10km", "--minutes", minutes)
    assert (code, err) == (0, "")
    assert [r["duration_s"] for r in runs_json(capsys)] == [seconds]


@pytest.mark.parametrize("minutes", ["52:75", "1:5:00", "half an hour", "1:2:3:4", "-5"])
def test_a_time_that_is_no_time_is_refused(
    capsys: pytest.CaptureFixture[str], minutes: str
) -> None:
    code, out, err = run(capsys, "runs", "add", "--distance", "10km", "--minutes", minutes)
    assert (code, out) == (2, "")
    assert err.startswith("error: --minutes: ")
    assert err.count("\n") == 1
    assert runs_json(capsys) == []


def test_several_files_or_a_folder_import_as_one_change_with_a_type(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder = tmp_path / "watch"
    folder.mkdir()
    start = dt.datetime.combine(TODAY - dt.timedelta(days=6), dt.time(7, 0), dt.UTC)
    gpx_file(folder / "b.gpx", [(start + dt.timedelta(days=2), 61)])
    gpx_file(folder / "a.GPX", [(start, 51)])
    (folder / "notes.txt").write_text("not a run", encoding="utf-8")
    code, out, err = run(capsys, "runs", "import", str(folder), "--type", "Easy")
    assert (code, out, err) == (0, "imported 2 of 2 runs from 2 files (0 already there)\n", "")
    found = runs_json(capsys)
    assert [(r["date"], r["type"]) for r in found] == [(ago(6), "easy"), (ago(4), "easy")]
    code, out, _ = run(capsys, "undo")
    assert (code, out) == (0, "undone: removed 2 imported runs\n")
    assert runs_json(capsys) == []
    one = gpx_file(tmp_path / "one.gpx", [(start, 51)])
    code, out, err = run(capsys, "runs", "import", str(one), str(folder / "b.gpx"))
    assert (code, out, err) == (0, "imported 2 of 2 runs from 2 files (0 already there)\n", "")


def test_a_bad_type_or_an_empty_folder_imports_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    start = dt.datetime.combine(TODAY - dt.timedelta(days=6), dt.time(7, 0), dt.UTC)
    path = gpx_file(tmp_path / "a.gpx", [(start, 51)])
    code, _, err = run(capsys, "runs", "import", str(path), "--type", "jog")
    assert code == 2
    assert err.startswith("error: --type: 'jog' is not accepted")
    empty = tmp_path / "empty"
    empty.mkdir()
    code, _, err = run(capsys, "runs", "import", str(path), str(empty))
    assert (code, err) == (2, f"error: {empty}: holds no .gpx, .tcx or .fit file\n")
    assert runs_json(capsys) == []


def test_runs_list_and_load_fit_80_columns(capsys: pytest.CaptureFixture[str]) -> None:
    for days, km in ((45, "5km"), (29, "10km"), (1, "25km")):
        code, _, err = run(
            capsys, "runs", "add", "--distance", km, "--date", ago(days), "--type", "long"
        )
        assert code == 0, err
    for command in (("runs", "list"), ("load", "--weeks", "8")):
        code, out, _ = run(capsys, *command)
        assert code == 0
        assert all(len(line) <= 80 for line in out.splitlines()), out
    assert "run-spike +150% (>100%)" in " ".join(out.split()) or "+150%" in out
