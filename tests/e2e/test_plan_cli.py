"""`runlift plan` end to end: golden files in every format, the calendar parsed back, bad input."""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path

import pytest
from icalendar import Calendar

from cli_helpers import run

pytestmark = pytest.mark.usefixtures("pinned_today")

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
GOLDEN = ROOT / "tests" / "golden"
START = "2026-11-23"
PROFILES = sorted(p.stem for p in EXAMPLES.glob("*.yaml"))
FORMATS = {"table": "txt", "json": "json", "md": "md", "ics": "ics"}


@pytest.mark.parametrize("fmt", sorted(FORMATS))
@pytest.mark.parametrize("profile", PROFILES)
def test_plan_matches_golden_file(
    capsys: pytest.CaptureFixture[str], profile: str, fmt: str
) -> None:
    code, out, err = run(
        capsys, "plan", str(EXAMPLES / f"{profile}.yaml"), "--start", START, "--format", fmt
    )
    assert code == 0, err
    golden = GOLDEN / f"{profile}.{FORMATS[fmt]}"
    if os.environ.get("RUNLIFT_UPDATE_GOLDEN") == "1":
        golden.write_text(out, encoding="utf-8", newline="")
    assert out == golden.read_bytes().decode("utf-8"), (
        f"regenerate with RUNLIFT_UPDATE_GOLDEN=1: {golden}"
    )


@pytest.mark.parametrize("profile", PROFILES)
def test_ics_parses_back_with_one_event_per_session(
    capsys: pytest.CaptureFixture[str], profile: str
) -> None:
    path = str(EXAMPLES / f"{profile}.yaml")
    _, ics_text, _ = run(capsys, "plan", path, "--start", START, "--format", "ics")
    _, json_text, _ = run(capsys, "plan", path, "--start", START, "--format", "json")
    calendar = Calendar.from_ical(ics_text)
    events = list(calendar.walk("VEVENT"))
    sessions = [s for w in json.loads(json_text)["weeks"] for s in w["sessions"]]
    assert len(events) == len(sessions) > 0
    assert [e.decoded("dtstart") for e in events] == [
        date.fromisoformat(s["date"]) for s in sessions
    ]
    uids = [str(e["uid"]) for e in events]
    assert len(set(uids)) == len(uids)
    for event, session in zip(events, sessions, strict=True):
        assert session["title"] in str(event["summary"])
        description = str(event["description"])
        first_item = session["blocks"][0]["items"][0]["exercise"]
        assert first_item.split("-")[0] in description.lower()


def test_ics_uids_are_stable_when_the_plan_is_regenerated(
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = str(EXAMPLES / "ana-marathon.yaml")
    _, first, _ = run(capsys, "plan", path, "--start", START, "--format", "ics")
    _, second, _ = run(capsys, "plan", path, "--start", START, "--format", "ics", "--weeks", "3")
    uids_full = [str(e["uid"]) for e in Calendar.from_ical(first).walk("VEVENT")]
    uids_short = [str(e["uid"]) for e in Calendar.from_ical(second).walk("VEVENT")]
    assert uids_short == uids_full[: len(uids_short)]


def test_output_file_is_written_whole(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "plan.json"
    code, out, _ = run(
        capsys,
        "plan",
        str(EXAMPLES / "ben-first-5k.yaml"),
        "--start",
        START,
        "--format",
        "json",
        "-o",
        str(target),
    )
    assert code == 0
    assert out == ""
    assert json.loads(target.read_text())["start"] == START
    assert [p.name for p in folder.iterdir()] == ["plan.json"]


def test_plan_json_contract(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(
        capsys, "plan", str(EXAMPLES / "ana-marathon.yaml"), "--start", START, "--format", "json"
    )
    plan = json.loads(out)
    assert plan["race"] == {"distance": "marathon", "date": "2027-04-18"}
    week = plan["weeks"][0]
    assert set(week) >= {"number", "start", "phase", "deload", "runs", "sessions"}
    session = week["sessions"][0]
    assert set(session) >= {"date", "day", "title", "estimated_minutes", "blocks", "why"}
    item = session["blocks"][0]["items"][0]
    assert set(item) >= {
        "exercise",
        "equipment",
        "sets",
        "reps",
        "seconds",
        "per_side",
        "rest_seconds",
        "intensity",
    }
    assert plan["weeks"][-1]["phase"] == "race"
    assert plan["protein"]["daily_grams"] == [87, 124]


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "profile.yaml"
    path.write_text(text, encoding="utf-8")
    return path


VALID = """level: intermediate
strength: {sessions_per_week: 2, minutes_per_session: 40}
equipment: [dumbbell]
runs: {tue: intervals, sun: long}
"""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (VALID.replace("intermediate", "expert"), "level: 'expert' is not accepted"),
        (
            VALID.replace("[dumbbell]", "[dumbell]"),
            "equipment: 'dumbell' is not accepted; did you mean dumbbell",
        ),
        (VALID.replace("tue: intervals", "tue: sprint"), "runs.tue: 'sprint' is not accepted"),
        (
            VALID.replace("tue: intervals", "tuez: intervals"),
            "runs: 'tuez' is not accepted; did you mean tue",
        ),
        (
            VALID.replace("sessions_per_week: 2", "sessions_per_week: 9"),
            "strength.sessions_per_week:",
        ),
        (
            VALID.replace("minutes_per_session: 40", "minutes_per_session: 5"),
            "strength.minutes_per_session:",
        ),
        (VALID + "injuries: [knee]\n", "injuries: 'knee' is not accepted"),
        (VALID + "style: heavy\n", "style: 'heavy' is not accepted"),
        (VALID + "favourite: squats\n", "favourite: unknown key"),
        (
            VALID + "race: {distance: marathon, date: 2026-01-01}\n",
            "race.date: 2026-01-01 is before the plan start",
        ),
        (VALID + "race: {distance: marathon}\n", "race.date: is required"),
        (VALID.replace("level: intermediate\n", ""), "level: is required"),
        ("level: [unclosed\n", "malformed YAML"),
        ("- just a list\n", "expected a mapping"),
    ],
)
def test_bad_profiles_exit_2_with_one_line_and_write_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, text: str, expected: str
) -> None:
    profile = _write(tmp_path, text)
    target = tmp_path / "out.json"
    code, out, err = run(capsys, "plan", str(profile), "--start", START, "-o", str(target))
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1
    assert err.startswith("error: ")
    assert expected in err
    assert "Traceback" not in err
    assert not target.exists()


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["plan", "missing.yaml"], "missing.yaml: file not found"),
        (["plan", "{profile}", "--start", "2026-13-01"], "--start: '2026-13-01' is not a date"),
        (["plan", "{profile}", "--format", "pdf"], "--format: 'pdf' is not accepted"),
        (["plan", "{profile}", "--weeks", "0"], "--weeks: 0 is out of range"),
    ],
)
def test_bad_arguments_exit_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, args: list[str], expected: str
) -> None:
    profile = _write(tmp_path, VALID)
    code, _, err = run(capsys, *[a.format(profile=profile) for a in args])
    assert code == 2
    assert expected in err
    assert err.count("\n") == 1


def test_same_input_gives_byte_identical_output(capsys: pytest.CaptureFixture[str]) -> None:
    path = str(EXAMPLES / "chloe-ultra.yaml")
    outputs = {run(capsys, "plan", path, "--start", START, "--format", "md")[1] for _ in range(2)}
    assert len(outputs) == 1
