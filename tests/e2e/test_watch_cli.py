"""`runlift watch` end to end: the day's session as a FIT workout Garmin's decoder accepts."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from garmin_fit_sdk import Decoder, Stream

from cli_helpers import run

pytestmark = pytest.mark.usefixtures("pinned_today")

ROOT = Path(__file__).resolve().parents[2]
ANA = str(ROOT / "examples" / "ana-marathon.yaml")
DAY = "2026-11-24"  # week 2, after the ramp-in: the split squat goes heavy


@pytest.fixture
def ana(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "athlete", "create", ANA, "--start", "2026-11-16")
    assert code == 0, err


def decode(path: Path) -> dict[str, Any]:
    data = bytearray(path.read_bytes())
    checker = Decoder(Stream.from_byte_array(data))
    assert checker.is_fit()
    assert checker.check_integrity()
    messages, errors = Decoder(Stream.from_byte_array(data)).read()
    assert errors == []
    return dict(messages)


def expected_steps(items: list[dict[str, Any]]) -> int:
    """Sets unrolled, plus a rest after every set with rest > 0 but the session's last."""
    rests = [
        item["planned"]["rest_seconds"] for item in items for _ in range(item["planned"]["sets"])
    ]
    return len(rests) + sum(1 for rest in rests[:-1] if rest > 0)


def test_watch_exports_the_days_session(
    ana: None, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, err = run(capsys, "today", "--date", DAY, "--format", "json")
    assert code == 0, err
    session = json.loads(out)["sessions"][0]
    target = tmp_path / "day.fit"
    code, out, err = run(capsys, "watch", "--date", DAY, "-o", str(target))
    assert code == 0, err
    assert str(target) in out

    messages = decode(target)
    assert messages["file_id_mesgs"][0]["type"] == "workout"
    [workout] = messages["workout_mesgs"]
    assert workout["wkt_name"] == session["title"]
    assert (workout["sport"], workout["sub_sport"]) == ("training", "strength_training")
    steps = messages["workout_step_mesgs"]
    assert len(steps) == workout["num_valid_steps"] == expected_steps(session["items"])
    assert [s["message_index"] for s in steps] == list(range(len(steps)))
    assert steps[0]["intensity"] == "warmup"
    assert session["items"][0]["block"] == "warmup"
    names = [s["wkt_step_name"] for s in steps]
    assert "Split squat" in names
    lunge = steps[names.index("Split squat")]
    assert lunge["duration_type"] == "reps"
    assert lunge["duration_reps"] == 6  # split squat 3 x 4-6: the top of the range
    assert lunge["intensity"] == "active"
    assert lunge["notes"].startswith("RIR 2-3")
    assert lunge["notes"].endswith("per side")
    assert names.count("Split squat") == 3
    rests = [s for s in steps if s["intensity"] == "rest"]
    assert rests
    assert all(s["duration_type"] == "time" for s in rests)
    assert steps[names.index("Split squat") + 1]["duration_time"] == 150.0


def test_watch_is_deterministic(
    ana: None, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    first, second = tmp_path / "a.fit", tmp_path / "b.fit"
    assert run(capsys, "watch", "--date", DAY, "-o", str(first))[0] == 0
    assert run(capsys, "watch", "--date", DAY, "-o", str(second))[0] == 0
    assert first.read_bytes() == second.read_bytes()


def test_a_day_without_a_session_names_the_next_one(
    ana: None, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "rest.fit"
    code, out, err = run(capsys, "watch", "--date", "2026-11-16", "-o", str(target))
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1
    assert "no strength session" in err
    assert "2026-11-17" in err
    assert not target.exists()
    assert sorted(tmp_path.iterdir()) == [tmp_path / "runlift-cache", tmp_path / "runlift-data"]


@pytest.mark.parametrize("date", ["2026-13-01", "tomorrow"])
def test_bad_date_is_exit_2(
    ana: None, capsys: pytest.CaptureFixture[str], tmp_path: Path, date: str
) -> None:
    target = tmp_path / "x.fit"
    code, out, err = run(capsys, "watch", "--date", date, "-o", str(target))
    assert out == ""
    assert code == 2
    assert err.startswith("error: --date:")
    assert err.count("\n") == 1
    assert not target.exists()


def test_missing_folder_is_exit_2(
    ana: None, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, _, err = run(capsys, "watch", "--date", DAY, "-o", str(tmp_path / "no" / "x.fit"))
    assert code == 2
    assert err.startswith("error: --output:")
