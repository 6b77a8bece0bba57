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
    for days, km in ((29, "10km"), (15, "8km")):
        assert run(capsys, "runs", "add", "--distance", km, "--date", ago(days))[0] == 0
    code, out, err = run(capsys, "runs", "add", "--distance", "15km", "--date", ago(1))
    assert code == 0, err
    flag = f"run-spike: {ago(1)} 15.0 km +50% over 10.0 km on {ago(29)} (30-100%)"
    assert out.splitlines() == [f"logged run of 15.00 km on {ago(1)}", f"flag {flag}"]
    code, out, err = run(capsys, "load", "--weeks", "6")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0].split() == ["week", "km", "runs", "strength", "load", "flags"]
    assert len(lines) == 2 + 6 + 1
    spiked = next(line for line in lines if flag in line)
    assert spiked.startswith(f"{(TODAY - dt.timedelta(days=1)).isocalendar()[0]}-W")
    assert lines[-1].startswith("run-spike: Flag a single run more than 10% longer")
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
    assert found[1]["flag"] is not None  # 8 km after 5 km: +60%


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
        (("--distance", "5km", "--id", "x" * 121), "error: --id: must be 1-120 characters"),
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
