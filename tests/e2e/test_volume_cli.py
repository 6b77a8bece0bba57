"""`runlift volume`: hard sets per week per muscle group over a recent window."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from cli_helpers import run

ANA = str(Path(__file__).resolve().parents[2] / "examples" / "ana-marathon.yaml")


def test_volume_counts_sets_per_week_and_muscle_inside_the_window(
    capsys: pytest.CaptureFixture[str],
) -> None:
    today = dt.date.today()
    monday = today - dt.timedelta(days=today.weekday())
    assert (
        run(capsys, "athlete", "create", ANA, "--start", str(monday - dt.timedelta(weeks=8)))[0]
        == 0
    )
    logs = [
        (monday, "goblet-squat", 3),
        (monday - dt.timedelta(weeks=1), "goblet-squat", 2),
        (monday - dt.timedelta(weeks=1), "calf-raise", 1),
        (monday - dt.timedelta(weeks=5), "goblet-squat", 4),
    ]
    for day, exercise, sets in logs:
        for _ in range(sets):
            code, _, err = run(
                capsys, "log", exercise, "--reps", "8", "--load", "16kg", "--date", str(day)
            )
            assert code == 0, err
    code, out, _ = run(capsys, "volume", "--weeks", "2", "--format", "json")
    assert code == 0
    weeks = json.loads(out)
    assert [w["monday"] for w in weeks] == [str(monday - dt.timedelta(weeks=1)), str(monday)]
    assert weeks[0]["sets"] == {"calves": 1, "glutes": 2, "quadriceps": 2}
    assert weeks[1]["sets"] == {"glutes": 3, "quadriceps": 3}
    code, out, _ = run(capsys, "volume", "--weeks", "8")
    assert code == 0
    assert out.startswith("muscle group")
    assert out.count("\n") == 5  # a row per muscle group, a column per week with sets
    assert "calves        0         1         0\n" in out
    code, _, err = run(capsys, "volume", "--weeks", "0")
    assert code == 2
    assert "--weeks" in err
