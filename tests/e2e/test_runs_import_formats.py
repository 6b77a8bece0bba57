"""`runs import` with Garmin TCX and FIT activity files: runs, idempotence, refusals."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from fit_tool.fit_file_builder import FitFileBuilder
from fit_tool.profile.messages.file_id_message import FileIdMessage
from fit_tool.profile.messages.session_message import SessionMessage
from fit_tool.profile.profile_type import FileType, Manufacturer, Sport

from cli_helpers import run, runs_json

ROOT = Path(__file__).resolve().parents[2]
DEV = str(ROOT / "examples" / "dev-ten-minutes.yaml")
TODAY = dt.date.today()
NS = "http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2"


def ago(days: int) -> str:
    return (TODAY - dt.timedelta(days=days)).isoformat()


@pytest.fixture(autouse=True)
def dev(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "athlete", "create", DEV, "--start", ago(40))
    assert code == 0, err


def lap(start: str, seconds: float, metres: float | str) -> str:
    return (
        f'<Lap StartTime="{start}"><TotalTimeSeconds>{seconds}</TotalTimeSeconds>'
        f"<DistanceMeters>{metres}</DistanceMeters><Calories>0</Calories>"
        "<Intensity>Active</Intensity><TriggerMethod>Manual</TriggerMethod></Lap>"
    )


def tcx(*activities: tuple[str, str, str]) -> str:
    """A TCX document with one Activity per (sport, id, laps xml)."""
    body = "".join(
        f'<Activity Sport="{sport}"><Id>{ident}</Id>{laps}</Activity>'
        for sport, ident, laps in activities
    )
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<TrainingCenterDatabase xmlns="{NS}">'
        f"<Activities>{body}</Activities></TrainingCenterDatabase>\n"
    )


def week_tcx() -> str:
    """Two runs (one in two laps, dated by an Id with a -02:00 offset) and a ride to skip."""
    first = f"{ago(5)}T23:30:00-02:00"  # 01:30 UTC the next day, but the run's day is local
    second = f"{ago(2)}T07:00:00Z"
    return tcx(
        ("Running", first, lap(first, 750, 2500) + lap(first, 750.4, 2501)),
        ("Biking", f"{ago(3)}T07:00:00Z", lap(f"{ago(3)}T07:00:00Z", 3600, 30000)),
        ("Running", second, lap(second, 2400, 8000)),
    )


def test_tcx_import_adds_each_running_activity_once(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "week.tcx"
    path.write_text(week_tcx(), encoding="utf-8")
    code, out, err = run(capsys, "runs", "import", str(path))
    assert (code, out, err) == (0, "imported 2 of 2 runs (0 already there)\n", "")
    code, out, err = run(capsys, "runs", "import", str(path))
    assert (code, out, err) == (0, "imported 0 of 2 runs (2 already there)\n", "")
    found = runs_json(capsys)
    assert [(r["date"], r["distance_km"], r["duration_s"], r["source"]) for r in found] == [
        (ago(5), 5.001, 1500, "tcx"),
        (ago(2), 8.0, 2400, "tcx"),
    ]
    ids = [str(r["client_id"]) for r in found]
    assert [i.rsplit(":", 1)[1] for i in ids] == ["0", "2"]
    assert all(i.startswith("tcx:") and len(i.split(":")[1]) == 64 for i in ids)


def test_a_tcx_file_is_recognised_without_its_extension(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "export.xml"
    path.write_text(week_tcx(), encoding="utf-8")
    assert run(capsys, "runs", "import", str(path))[:2] == (
        0,
        "imported 2 of 2 runs (0 already there)\n",
    )
    assert {r["source"] for r in runs_json(capsys)} == {"tcx"}


GOOD_LAP = lap("2026-01-05T07:00:00Z", 1500, 5000)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (tcx(("Running", "2026-01-05T07:00:00Z", GOOD_LAP))[:150], "not a valid TCX file"),
        ("this is not xml", "not a valid TCX file"),
        ('<?xml version="1.0"?><gpx version="1.1"></gpx>', "not a TCX file"),
        (
            '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e "boom">]>'
            f'<TrainingCenterDatabase xmlns="{NS}">&e;</TrainingCenterDatabase>',
            "not a valid TCX file (a DTD is not accepted)",
        ),
        (tcx(), "no running activity with laps"),
        (tcx(("Biking", "2026-01-05T07:00:00Z", GOOD_LAP)), "no running activity with laps"),
        (
            tcx(("Running", "2026-01-05T07:00:00Z", lap("x", 1500, "five"))),
            "activity 1 lap 1: DistanceMeters 'five' is not a number",
        ),
        (
            tcx(("Running", "2026-01-05T07:00:00Z", GOOD_LAP.replace("1500", "nan"))),
            "activity 1 lap 1: TotalTimeSeconds 'nan' is out of range",
        ),
        (tcx(("Running", "soon", lap("later", 1500, 5000))), "activity 1: no Id or lap StartTime"),
    ],
)
def test_a_broken_tcx_names_the_file_and_changes_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, content: str, message: str
) -> None:
    path = tmp_path / "broken.tcx"
    path.write_text(content, encoding="utf-8")
    code, out, err = run(capsys, "runs", "import", str(path))
    assert (code, out) == (2, "")
    assert err.startswith(f"error: {path}: {message}")
    assert err.count("\n") == 1
    assert runs_json(capsys) == []


def millis(moment: dt.datetime) -> int:
    return round(moment.timestamp() * 1000)


def fit_activity(
    sessions: list[tuple[Sport, dt.datetime, float, float | None, float | None]],
    kind: FileType = FileType.ACTIVITY,
) -> bytes:
    """A FIT file: file_id, then one session per (sport, start, metres, timer s, elapsed s)."""
    file_id = FileIdMessage()
    file_id.type = kind
    file_id.manufacturer = Manufacturer.DEVELOPMENT.value
    file_id.product = 0
    file_id.serial_number = 1234
    file_id.time_created = millis(sessions[0][1] if sessions else at(1, 7))
    builder = FitFileBuilder(auto_define=True, min_string_size=0)
    builder.add(file_id)
    for sport, start, metres, timer, elapsed in sessions:
        session = SessionMessage()
        session.sport = sport
        session.start_time = millis(start)
        session.timestamp = millis(start) + 3_600_000
        session.total_distance = metres
        if timer is not None:
            session.total_timer_time = timer
        if elapsed is not None:
            session.total_elapsed_time = elapsed
        builder.add(session)
    data: bytes = builder.build().to_bytes()
    return data


def at(days: int, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(TODAY - dt.timedelta(days=days), dt.time(hour, minute), dt.UTC)


def test_fit_import_adds_each_running_session_once(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "morning.fit"
    path.write_bytes(
        fit_activity(
            [
                (Sport.RUNNING, at(6, 23, 50), 10_012.6, 3305.4, 3400.0),  # timer time wins
                (Sport.CYCLING, at(4, 7), 40_000.0, 5400.0, 5400.0),  # not a run: skipped
                (Sport.RUNNING, at(2, 6), 6000.0, None, 1980.0),  # no timer: elapsed time
            ]
        )
    )
    code, out, err = run(capsys, "runs", "import", str(path))
    assert (code, out, err) == (0, "imported 2 of 2 runs (0 already there)\n", "")
    code, out, err = run(capsys, "runs", "import", str(path))
    assert (code, out, err) == (0, "imported 0 of 2 runs (2 already there)\n", "")
    found = runs_json(capsys)
    assert [(r["date"], r["distance_km"], r["duration_s"], r["source"]) for r in found] == [
        (ago(6), 10.013, 3305, "fit"),
        (ago(2), 6.0, 1980, "fit"),
    ]
    assert [str(r["client_id"]).rsplit(":", 1)[1] for r in found] == ["0", "2"]
    assert all(str(r["client_id"]).startswith("fit:") for r in found)


def test_a_fit_file_is_recognised_without_its_extension(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "activity.bin"
    path.write_bytes(fit_activity([(Sport.RUNNING, at(3, 7), 5000.0, 1500.0, None)]))
    code, out, err = run(capsys, "runs", "import", str(path))
    assert (code, out, err) == (0, "imported 1 of 1 run (0 already there)\n", "")
    assert [(r["date"], r["source"]) for r in runs_json(capsys)] == [(ago(3), "fit")]


def good_fit() -> bytes:
    return fit_activity([(Sport.RUNNING, at(3, 7), 5000.0, 1500.0, None)])


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (good_fit()[:-9], "not a valid FIT file (FIT data is truncated"),
        (good_fit()[:10], "not a valid FIT file (Truncated FIT input"),
        (good_fit()[:-1] + bytes([good_fit()[-1] ^ 0xFF]), "not a valid FIT file"),
        (b"this is not a FIT file at all", "not a valid FIT file"),
        (
            fit_activity([(Sport.RUNNING, at(3, 7), 5000.0, 1500.0, None)], FileType.WORKOUT),
            "a FIT workout file, not an activity",
        ),
        (fit_activity([]), "no running session; nothing to import"),
        (
            fit_activity([(Sport.SWIMMING, at(3, 7), 2000.0, 2400.0, None)]),
            "no running session; nothing to import",
        ),
        (
            fit_activity([(Sport.RUNNING, at(3, 7), 5000.0, 30.0, None)]),
            "session 1: duration 0.5 min for 5 km is not plausible",
        ),
        (
            fit_activity([(Sport.RUNNING, at(-3, 7), 5000.0, 1500.0, None)]),
            f"session 1: date {ago(-3)} is in the future",
        ),
    ],
)
def test_a_broken_fit_names_the_file_and_changes_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "broken.fit"
    path.write_bytes(content)
    code, out, err = run(capsys, "runs", "import", str(path))
    assert (code, out) == (2, "")
    assert err.startswith(f"error: {path}: {message}"), err
    assert err.count("\n") == 1
    assert runs_json(capsys) == []


def test_a_missing_file_is_named(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    for name in ("gone.tcx", "gone.fit"):
        code, out, err = run(capsys, "runs", "import", str(tmp_path / name))
        assert (code, out, err) == (2, "", f"error: {tmp_path / name}: file not found\n")
