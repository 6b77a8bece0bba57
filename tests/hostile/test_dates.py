"""Dates runlift cannot hold and the last tracebacks: refused with one line, nothing stored.

Each case runs on SQLite and (with RUNLIFT_TEST_PG_URL) PostgreSQL against a seeded store with
today pinned to 2026-12-01, and checks exit 2, exactly one stderr line 'error: ...', no
traceback and `runlift export` unchanged. The files in dates/ are named for the command that
reads them (profile-*, session-*, run-*), as the shared hostile sweep expects.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hostile_support import use_backend

from cli_helpers import run
from core_helpers import close_app_core
from runlift.entrypoints.cli.quick_entry import parse_srpe
from runlift.services.errors import BadInput

HERE = Path(__file__).resolve().parent
FILES = HERE / "dates"
PROFILE = HERE.parents[1] / "examples" / "ana-marathon.yaml"
TODAY = "2026-12-01"
PG_URL_ENV = "RUNLIFT_TEST_PG_URL"


def _pg_url() -> str | None:
    return os.environ.get(PG_URL_ENV) or None


BACKENDS = [
    "sqlite",
    pytest.param(
        "postgresql",
        marks=pytest.mark.skipif(_pg_url() is None, reason=f"{PG_URL_ENV} is not set"),
    ),
]


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """The CLI on SQLite in the test's data folder, or on PostgreSQL in a fresh schema."""
    with use_backend(str(request.param), monkeypatch):
        yield str(request.param)


def seed(capsys: pytest.CaptureFixture[str]) -> None:
    """One athlete with a plan, a logged set and a run, so any change shows in the export."""
    for argv in (
        ["athlete", "create", str(PROFILE), "--start", "2026-11-16"],
        ["log", "goblet-squat", "--reps", "8", "--load", "20kg", "--date", "2026-11-17"],
        ["runs", "add", "--distance", "8km", "--minutes", "45", "--date", "2026-11-18"],
    ):
        code, _, err = run(capsys, *argv)
        assert code == 0, f"{argv}: {err}"


def exported(capsys: pytest.CaptureFixture[str], folder: Path) -> str:
    """The whole store as `runlift export` writes it."""
    path = folder / f"export-{uuid.uuid4().hex}.json"
    code, _, err = run(capsys, "export", "-o", str(path))
    assert code == 0, err
    return path.read_text(encoding="utf-8")


def assert_refused(
    capsys: pytest.CaptureFixture[str], folder: Path, argv: list[str], expected: str
) -> None:
    """The contract: exit 2, one 'error: ' line naming the problem, the store as it was."""
    before = exported(capsys, folder)
    code, out, err = run(capsys, *argv)
    assert "Traceback" not in err, err
    assert (code, out) == (2, ""), err
    assert err.startswith("error: "), err
    assert err.count("\n") == 1, err
    assert err.endswith("\n"), err
    assert expected in err, err
    assert exported(capsys, folder) == before


# The files in dates/ with the part of the error line that names the field and the problem.
FILE_CASES = {
    "profile-race-feb-29.yaml": "race.date: '2027-02-29' is not a date",
    "profile-race-month-13.yaml": "race.date: '2027-13-01' is not a date",
    "profile-race-year-1.yaml": "race.date: 0001-01-01 is before the plan start",
    "profile-race-year-9999.yaml": "race.date: 9999-12-31 is more than 104 weeks after",
    "session-started-year-1.json": "started_at: 0001-01-01T00:00:00+01:00 is out of range",
    "session-ended-year-9999.json": "ended_at: 9999-12-31T23:00:00-05:00 is out of range",
    "session-started-hour-25.json": "started_at: 2026-11-30T25:00:00+01:00 is not a time",
    "session-naive-beside-aware.json": "started_at: 2026-11-30T18:00:00 needs a time zone",
    "session-aware-beside-naive.json": "ended_at: 2026-11-30T19:00:00 needs a time zone",
    "session-bom-naive-time.json": "started_at: 2026-11-30T18:00:00 needs a time zone",
    "session-date-year-1.json": "date: 0001-01-01 is out of range; accepted: 2000-01-01 to",
    "session-date-feb-29.json": "date: 2027-02-29 is not a date; use YYYY-MM-DD",
    "session-load-nan.json": "sets.0.load.value: must be a finite number",
    "session-load-infinity.json": "sets.0.load.value: must be a finite number",
    "session-load-minus-infinity.json": "sets.0.load.value: must be a finite number",
    "session-load-infkg.json": "sets.0.load: 'infkg' is not a finite number",
    "session-load-nankg.json": "sets.0.load: 'nankg' is not a finite number",
    "run-year-1-offset.gpx": "track 1: date 0001-01-01 is out of range",
    "run-year-9999-offset.gpx": "track 1: date 9999-12-31 is in the future",
    "run-year-1-to-9999.gpx": "track 1: date 0001-01-01 is out of range",
    "run-offset-25-hours.gpx": "track 1: time 2026-11-30T07:00:00 has an impossible UTC offset",
    "run-year-1-offset.tcx": "activity 1: date 0001-01-01 is out of range",
    "run-year-9999-offset.tcx": "activity 1: date 9999-12-31 is in the future",
    "run-before-2000.tcx": "activity 1: date 1999-12-31 is out of range",
    "run-feb-29.tcx": "activity 1: no Id or lap StartTime to date the run",
}


def commands_for(path: Path) -> list[list[str]]:
    """The commands that read a file of this name (the hostile sweep's naming rule)."""
    name = path.name
    if name.startswith("profile-"):
        return [
            ["plan", str(path)],
            ["athlete", "create", str(path), "--athlete", "Hostile"],
            ["athlete", "update", str(path)],
        ]
    if name.startswith("session-"):
        return [["log", "--file", str(path)]]
    assert name.startswith("run-"), name
    return [["runs", "import", str(path)]]


def test_every_file_here_has_a_case() -> None:
    assert sorted(p.name for p in FILES.iterdir()) == sorted(FILE_CASES)


@pytest.mark.parametrize("name", sorted(FILE_CASES))
def test_a_file_with_a_date_it_cannot_hold_is_refused(
    backend: str, capsys: pytest.CaptureFixture[str], tmp_path: Path, name: str
) -> None:
    seed(capsys)
    for argv in commands_for(FILES / name):
        assert_refused(capsys, tmp_path, argv, FILE_CASES[name])


OPTION_CASES = [
    (["runs", "add", "--distance", "5km", "--date", "0001-01-01"], "date: 0001-01-01 is out"),
    (["runs", "add", "--distance", "5km", "--date", "1999-12-31"], "accepted: 2000-01-01 to"),
    (["runs", "add", "--distance", "5km", "--date", "9999-12-31"], "is in the future"),
    (["runs", "add", "--distance", "5km", "--minutes", "1e308"], "--minutes: 1e308 is out"),
    (["runs", "add", "--distance", "5km", "--minutes", "1e30"], "accepted: up to 6000"),
    (["runs", "add", "--distance", "5km", "--minutes", "inf"], "--minutes: inf must be"),
    (["runs", "add", "--distance", "5km", "--minutes", "nan"], "--minutes: nan must be"),
    (["runs", "add", "--distance", "5km", "--minutes", "-5"], "--minutes: -5 must be"),
    (["runs", "add", "--distance", "5km", "--minutes", "²:00"], "is not a time"),
    (["runs", "add", "--distance", "5km", "--minutes", "9" * 5000 + ":00"], "is not a time"),
    (["runs", "add", "--distance", "1e308km"], "distance"),
    (["log", "goblet-squat", "--reps", "8", "--load", "infkg"], "'infkg' is not a finite"),
    (["log", "goblet-squat", "--reps", "8", "--load", "nankg"], "'nankg' is not a finite"),
    (["log", "goblet-squat", "--reps", "8", "--load", "-infkg"], "is not a finite number"),
    (["log", "goblet-squat", "--reps", "8", "--date", "0001-01-01"], "--date: 0001-01-01 is"),
    (["plan", str(PROFILE), "--start", "9999-12-31"], "--start: 9999-12-31 is out of range"),
    (["plan", str(PROFILE), "--start", "0001-01-01"], "accepted: 2000-01-01 to 2031-12-01"),
    (["athlete", "create", str(PROFILE), "--athlete", "B", "--start", "9999-12-31"], "--start"),
    (["athlete", "update", str(PROFILE), "--start", "0001-01-01"], "--start: 0001-01-01 is out"),
    (["session", "--date", "0001-01-01"], "--date: 0001-01-01 is out of range"),
]


@pytest.mark.parametrize(("argv", "expected"), OPTION_CASES)
def test_an_option_with_a_value_it_cannot_hold_is_refused(
    backend: str,
    pinned_today: None,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    argv: list[str],
    expected: str,
) -> None:
    seed(capsys)
    assert_refused(capsys, tmp_path, argv, expected)


def test_a_session_file_may_start_with_a_byte_order_mark(
    backend: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    seed(capsys)
    document = {
        "date": "2026-11-30",
        "started_at": "2026-11-30T18:00:00+01:00",
        "ended_at": "2026-11-30T18:45:00+01:00",
        "sets": [{"exercise": "goblet-squat", "reps": 8, "load": "20kg"}],
    }
    path = tmp_path / "session.json"
    path.write_text("\ufeff" + json.dumps(document), encoding="utf-8")
    code, out, err = run(capsys, "log", "--file", str(path))
    assert (code, err) == (0, ""), err
    assert "logged 1 of 1 set" in out


def _mutated(document: dict[str, Any], where: str, value: object) -> dict[str, Any]:
    changed = copy.deepcopy(document)
    *path, last = where.split(".")
    node: Any = changed
    for part in path:
        node = node[int(part)] if part.isdecimal() else node[part]
    node[int(last) if last.isdecimal() else last] = value
    return changed


EXPORT_CASES = [
    ("athletes.0.created_at", "0001-01-01T00:00:00+01:00", "is out of range; accepted"),
    ("athletes.0.updated_at", "9999-12-31T23:00:00-05:00", "is out of range; accepted"),
    ("athletes.0.runs.0.logged_at", "0001-01-01T00:30:00+05:00", "logged_at: 0001-01-01"),
    ("athletes.0.runs.0.logged_at", "2026-11-18T07:00:00", "needs a time zone"),
    ("athletes.0.runs.0.date", "0001-01-01", "runs.0.date: 0001-01-01 is out of range"),
    ("athletes.0.sessions.0.started_at", "9999-12-31T23:59:00-08:00", "started_at: 9999"),
    ("athletes.0.sessions.0.sets.0.logged_at", "0001-01-01T00:00:00+14:00", "is out of range"),
    ("athletes.0.sessions.0.date", "1999-12-31", "sessions.0.date: 1999-12-31 is out of"),
    ("athletes.0.plans.0.start", "0001-01-01", "plans.0.start: 0001-01-01 is out of range"),
    ("athletes.0.plans.0.planned_sessions.0.date", "9999-12-31", "9999-12-31 is out of range"),
    ("athletes.0.plans.0.created_at", "9999-12-31T23:00:00-01:00", "created_at: 9999-12-31"),
]


def source_document(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, folder: Path
) -> dict[str, Any]:
    """An export of a seeded SQLite store elsewhere (a session with times, a set, a run)."""
    with monkeypatch.context() as patch:
        patch.setenv("RUNLIFT_DATA_DIR", str(folder))
        patch.delenv("RUNLIFT_DATABASE_URL", raising=False)
        patch.delenv("RUNLIFT_DATABASE_SCHEMA", raising=False)
        close_app_core()
        try:
            seed(capsys)
            session = {
                "date": "2026-11-19",
                "started_at": "2026-11-19T18:00:00+01:00",
                "ended_at": "2026-11-19T18:40:00+01:00",
                "sets": [{"exercise": "goblet-squat", "reps": 8, "load": "20kg"}],
            }
            path = folder / "session.json"
            path.write_text(json.dumps(session), encoding="utf-8")
            code, _, err = run(capsys, "log", "--file", str(path))
            assert code == 0, err
            document: dict[str, Any] = json.loads(exported(capsys, folder))
        finally:
            close_app_core()
    return document


@pytest.mark.parametrize(("where", "value", "expected"), EXPORT_CASES)
def test_an_import_with_a_time_it_cannot_hold_is_refused(
    backend: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    where: str,
    value: str,
    expected: str,
) -> None:
    source = tmp_path / "source"
    source.mkdir()
    document = source_document(capsys, monkeypatch, source)
    bad = tmp_path / "export-bad.json"
    bad.write_text(json.dumps(_mutated(document, where, value)), encoding="utf-8")
    assert_refused(capsys, tmp_path, ["import", str(bad)], expected)


def test_the_unchanged_source_document_imports(
    backend: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    """The cases above fail for the value they change, not for the document around it."""
    source = tmp_path / "source"
    source.mkdir()
    good = tmp_path / "export-good.json"
    good.write_text(json.dumps(source_document(capsys, monkeypatch, source)), encoding="utf-8")
    code, _, err = run(capsys, "import", str(good))
    assert (code, err) == (0, ""), err


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("7", 7), ("\u0667", 7), ("\uff17", 7), (" 10 ", 10), ("0", 0), ("", None)],
)
def test_the_rpe_prompt_reads_any_decimal_digits(typed: str, expected: int | None) -> None:
    """Arabic-Indic and full-width sevens are sevens, as int() reads them."""
    assert parse_srpe(typed) == expected


@pytest.mark.parametrize("typed", ["²", "①", "7²", "11", "-1", "7.5", "9" * 5000, "½", "seven"])
def test_the_rpe_prompt_refuses_what_is_no_whole_number_0_to_10(typed: str) -> None:
    with pytest.raises(BadInput) as caught:
        parse_srpe(typed)
    assert caught.value.field == "srpe"
    assert "give a whole number 0-10" in str(caught.value)


def test_a_run_stored_before_these_checks_does_not_break_the_run_list(
    backend: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Reading is robust too: a year-1 run an older runlift stored is listed, not a traceback."""
    from core_helpers import app_core
    from runlift.domain.training_load import RunEntry

    seed(capsys)
    with app_core().uow_factory()() as uow:
        athlete = uow.athletes.get("Ana")
        assert athlete is not None
        now = dt.datetime(2026, 12, 1, 12, tzinfo=dt.UTC)
        uow.runs.add(athlete.id, RunEntry(dt.date(1, 1, 1), 5000.0, 1500), "manual", None, now)
        uow.commit()
    code, out, err = run(capsys, "runs", "list")
    assert (code, err) == (0, ""), err
    assert "0001-01-01" in out
    code, _, err = run(capsys, "load", "--weeks", "4")
    assert (code, err) == (0, ""), err


# One run, 5 km in 25 minutes, started at 23:00 in California (07:00 UTC the next day).
LOCAL_START = dt.datetime(2026, 11, 17, 23, 0, tzinfo=dt.timezone(dt.timedelta(hours=-8)))
FIT_EPOCH = dt.datetime(1989, 12, 31, tzinfo=dt.UTC)


def gpx_run(start: dt.datetime, zone: str) -> bytes:
    """Three points 2.5 km apart over 25 minutes, times written in `zone` ('Z' or '-08:00')."""
    shown = start.astimezone(dt.UTC) if zone == "Z" else start
    points = "".join(
        f'<trkpt lat="{52.0 + i * 2500 / 111_195:.6f}" lon="13.0"><time>'
        f"{(shown + dt.timedelta(seconds=750 * i)).replace(tzinfo=None).isoformat()}{zone}"
        "</time></trkpt>"
        for i in range(3)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><gpx version="1.1" creator="t" '
        f'xmlns="http://www.topografix.com/GPX/1/1"><trk><trkseg>{points}</trkseg></trk></gpx>'
    ).encode()


def tcx_run(start: dt.datetime, zone: str) -> bytes:
    shown = start.astimezone(dt.UTC) if zone == "Z" else start
    stamp = f"{shown.replace(tzinfo=None).isoformat()}{zone}"
    return (
        '<?xml version="1.0" encoding="UTF-8"?><TrainingCenterDatabase xmlns="http://www.garmin'
        '.com/xmlschemas/TrainingCenterDatabase/v2"><Activities><Activity Sport="Running">'
        f'<Id>{stamp}</Id><Lap StartTime="{stamp}"><TotalTimeSeconds>1500</TotalTimeSeconds>'
        "<DistanceMeters>5000</DistanceMeters></Lap></Activity></Activities>"
        "</TrainingCenterDatabase>"
    ).encode()


def fit_run(start: dt.datetime, with_local_time: bool) -> bytes:
    """A FIT activity: UTC start_time on the session; the watch's local time on the activity."""
    from fit_tool.fit_file_builder import FitFileBuilder
    from fit_tool.profile.messages.activity_message import ActivityMessage
    from fit_tool.profile.messages.file_id_message import FileIdMessage
    from fit_tool.profile.messages.session_message import SessionMessage
    from fit_tool.profile.profile_type import FileType, Manufacturer, Sport

    utc_ms = round(start.timestamp() * 1000)
    file_id = FileIdMessage()
    file_id.type = FileType.ACTIVITY
    file_id.manufacturer = Manufacturer.DEVELOPMENT.value
    file_id.product = 0
    file_id.serial_number = 1
    file_id.time_created = utc_ms
    session = SessionMessage()
    session.sport = Sport.RUNNING
    session.start_time = utc_ms
    session.timestamp = utc_ms + 1_500_000
    session.total_distance = 5000.0
    session.total_timer_time = 1500.0
    builder = FitFileBuilder(auto_define=True, min_string_size=0)
    builder.add(file_id)
    builder.add(session)
    if with_local_time:
        end = start + dt.timedelta(seconds=1500)
        offset = end.utcoffset()
        assert offset is not None
        activity = ActivityMessage()
        activity.timestamp = utc_ms + 1_500_000
        wall = end.replace(tzinfo=dt.UTC)  # the watch's clock, as if it were UTC
        activity.local_timestamp = round((wall - FIT_EPOCH).total_seconds())
        builder.add(activity)
    data: bytes = builder.build().to_bytes()
    return data


def test_a_run_at_23_00_minus_8_is_dated_alike_from_gpx_tcx_and_fit(
    backend: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """The local day when the file gives the offset; the UTC day when it gives only UTC."""
    from runlift.adapters.run_files import read_run_file

    local_files = {
        "local.gpx": gpx_run(LOCAL_START, "-08:00"),
        "local.tcx": tcx_run(LOCAL_START, "-08:00"),
        "local.fit": fit_run(LOCAL_START, with_local_time=True),
    }
    utc_files = {
        "utc.gpx": gpx_run(LOCAL_START, "Z"),
        "utc.tcx": tcx_run(LOCAL_START, "Z"),
        "utc.fit": fit_run(LOCAL_START, with_local_time=False),
    }
    for files, day in ((local_files, dt.date(2026, 11, 17)), (utc_files, dt.date(2026, 11, 18))):
        for name, data in files.items():
            [found] = read_run_file(name, data)
            assert (name, found.run.date) == (name, day)
            assert found.run.duration_s == 1500
    seed(capsys)
    for name, data in {**local_files, **utc_files}.items():
        (tmp_path / name).write_bytes(data)
        code, out, err = run(capsys, "runs", "import", str(tmp_path / name))
        assert (code, err) == (0, ""), err
    code, out, _ = run(capsys, "runs", "list", "--format", "json")
    assert code == 0
    days = sorted(str(r["date"]) for r in json.loads(out) if r["source"] != "manual")
    assert days == ["2026-11-17"] * 3 + ["2026-11-18"] * 3
