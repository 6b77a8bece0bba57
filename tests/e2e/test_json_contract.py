"""Every `--format json` output is a shared shape and obeys the schema `runlift schema` prints."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from pydantic import TypeAdapter

from cli_helpers import run
from core_helpers import PINNED_TODAY
from json_schema_check import errors
from runlift import schemas

pytestmark = pytest.mark.usefixtures("pinned_today")

ROOT = Path(__file__).resolve().parents[2]
DEV = str(ROOT / "examples" / "dev-ten-minutes.yaml")  # no race: any start date will do
CHLOE = str(ROOT / "examples" / "chloe-ultra.yaml")  # tempo items and rehab sessions
TODAY = PINNED_TODAY
NAMES = {shape: name for name, shape in schemas.SHAPES.items()}


def ago(days: int) -> str:
    return (TODAY - dt.timedelta(days=days)).isoformat()


def ok(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    code, out, err = run(capsys, *argv)
    assert code == 0, (argv, err)
    return out


def day_with_a_session(capsys: pytest.CaptureFixture[str]) -> tuple[str, dict[str, Any]]:
    """The latest past day with a planned session, and its `today` document."""
    for days in range(1, 15):
        document: dict[str, Any] = json.loads(
            ok(capsys, "today", "--date", ago(days), "--format", "json")
        )
        if document["sessions"]:
            return ago(days), document
    raise AssertionError("no session in the last two weeks of the plan")


@pytest.fixture
def trained(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> dict[str, str]:
    """Dev with two weeks of plan, sets logged against its targets, a rated session and runs."""
    ok(capsys, "athlete", "create", DEV, "--start", ago(15))
    day, document = day_with_a_session(capsys)
    targets = [i["target"] for s in document["sessions"] for i in s["items"] if i["target"]]
    lifted = next(t for t in targets if t["reps"])
    for number, target in enumerate(targets):
        args = ["log", target["variant"], "--date", day, "--id", f"set-{number}"]
        if target["reps"]:
            args += ["--reps", str(target["reps"][1])]
        else:
            args += ["--seconds", str(target["seconds"])]
        if target["rir"] is not None:
            args += ["--rir", str(target["rir"])]
        ok(capsys, *args)
    ok(capsys, "log", lifted["variant"], "--reps", "5", "--load", "50lb", "--rir", "2", "--test")
    ok(capsys, "log", "side-plank", "--seconds", "40", "--date", day, "--id", "hold")
    session = {
        "date": ago(1),
        "started_at": f"{ago(1)}T18:00:00+00:00",
        "ended_at": f"{ago(1)}T18:40:00+00:00",
        "srpe": 6,
        "sets": [{"exercise": "goblet-squat", "reps": 8, "load": "16kg", "rir": 3}],
    }
    path = tmp_path / "session.json"
    path.write_text(json.dumps(session), encoding="utf-8")
    ok(capsys, "log", "--file", str(path))
    runs = ((45, "5km", None), (20, "10km", "55"), (13, "5km", None), (9, "8mi", "70"))
    for days, distance, minutes in runs:  # 45 days back: a month of runs before the spike
        args = ["runs", "add", "--distance", distance, "--date", ago(days), "--type", "long"]
        ok(capsys, *args, *(("--minutes", minutes) if minutes else ()))
    ok(capsys, "runs", "add", "--distance", "21km", "--date", ago(2))
    return {"day": day, "lift": lifted["exercise"], "rest": ago(0)}


def outputs(names: dict[str, str]) -> list[tuple[tuple[str, ...], type[schemas.Shape], bool]]:
    """(argv, shape, whether the output is a list of that shape) for every JSON output."""
    return [
        (("plan", CHLOE, "--start", "2026-11-30", "--format", "json"), schemas.Plan, False),
        (("plan", DEV, "--weeks", "3", "--format", "json"), schemas.Plan, False),
        (("exercises", "list", "--format", "json"), schemas.Exercise, True),
        (("exercises", "list", "-e", "dumbbell", "--format", "json"), schemas.Exercise, True),
        (("exercises", "show", "goblet-squat", "--format", "json"), schemas.Exercise, False),
        (("exercises", "search", "knee band", "--format", "json"), schemas.SearchHit, True),
        (("programs", "list", "--format", "json"), schemas.Program, True),
        (("programs", "show", "runner-circuit", "--format", "json"), schemas.Program, False),
        (("rules", "--format", "json"), schemas.Rule, True),
        (("next", names["lift"], "--format", "json"), schemas.Next, False),
        (("next", "side-plank", "--format", "json"), schemas.Next, False),
        (("today", "--date", names["day"], "--format", "json"), schemas.Today, False),
        (("today", "--date", names["rest"], "--format", "json"), schemas.Today, False),
        (("history", "--format", "json"), schemas.SetLog, True),
        (("records", "--format", "json"), schemas.Records, False),
        (("volume", "--format", "json"), schemas.VolumeWeek, True),
        (("load", "--weeks", "4", "--format", "json"), schemas.LoadWeek, True),
        (("runs", "list", "--format", "json"), schemas.Run, True),
        (("week", "--date", names["day"], "--format", "json"), schemas.WeekView, False),
        (("week", "--format", "json"), schemas.WeekView, False),
    ]


def test_every_json_output_is_its_shape_and_obeys_its_printed_schema(
    capsys: pytest.CaptureFixture[str], trained: dict[str, str]
) -> None:
    printed = {name: json.loads(ok(capsys, "schema", name)) for name in schemas.SHAPES}
    seen: dict[str, str] = {}
    for argv, shape, many in outputs(trained):
        out = ok(capsys, *argv)
        parsed: schemas.Shape | list[schemas.Shape]
        if many:
            parsed = TypeAdapter(list[shape]).validate_json(out)  # type: ignore[valid-type]
        else:
            parsed = shape.model_validate_json(out)
        # The model describes the output exactly: nothing dropped, defaulted, coerced or reordered.
        assert schemas.dumps(parsed) + "\n" == out, argv
        document = json.loads(out)
        for item in document if many else [document]:
            assert errors(item, printed[NAMES[shape]]) == [], argv
        seen[" ".join(argv[:2])] = out
    # The scenario reaches the optional parts of the shapes, so the checks above are not vacuous.
    history = json.loads(seen["history --format"])
    assert any(row["target"] and "tempo" in row["target"] for row in history)
    assert any(row["seconds"] for row in history)
    assert any(row["load"] for row in history)
    assert any(run["flag"] for run in json.loads(seen["runs list"]))
    assert any(week["strength_load"] for week in json.loads(seen["load --weeks"]))
    assert json.loads(seen["records --format"])["exercises"]
    assert '"kind": "rehab"' in seen[f"plan {CHLOE}"]
    assert '"tempo": "' in seen[f"plan {CHLOE}"]


def test_schema_lists_every_shape_by_name(capsys: pytest.CaptureFixture[str]) -> None:
    out = ok(capsys, "schema")
    assert out.splitlines() == list(schemas.SHAPES)
    assert {"plan", "session", "item", "target", "next", "day", "set", "run", "records"} <= set(
        schemas.SHAPES
    )
    assert {"volume-week", "load-week", "exercise", "program", "rule", "error"} <= set(
        schemas.SHAPES
    )


@pytest.mark.parametrize("name", list(schemas.SHAPES))
def test_schema_prints_the_json_schema_of_a_shape(
    capsys: pytest.CaptureFixture[str], name: str
) -> None:
    printed = json.loads(ok(capsys, "schema", name))
    assert printed == schemas.SHAPES[name].model_json_schema()
    assert printed["type"] == "object"
    assert printed["additionalProperties"] is False


def test_the_plan_schema_says_what_sessions_and_items_carry(
    capsys: pytest.CaptureFixture[str],
) -> None:
    defs = json.loads(ok(capsys, "schema", "plan"))["$defs"]
    assert defs["SessionKind"]["enum"] == ["strength", "rehab"]
    assert "counts_for_progression" in defs["Session"]["required"]
    assert "tempo" in defs["Item"]["properties"]
    assert "tempo" not in defs["Item"]["required"]


def test_schema_of_an_unknown_name_names_the_closest(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "schema", "plans")
    assert (code, out) == (2, "")
    assert err == "error: unknown schema 'plans'; did you mean plan?\n"
    code, out, err = run(capsys, "schema", "volume")
    assert code == 2
    assert err.startswith("error: unknown schema 'volume'; did you mean volume-week")
    assert len(err.splitlines()) == 1
