"""fit_export on a hand-made session: step rules, truncation, stable bytes, via Garmin's SDK."""

from __future__ import annotations

import datetime as dt
from typing import Any

from garmin_fit_sdk import Decoder, Stream

from runlift.adapters.fit_export import NAME_BYTES, session_to_fit, truncate


def item(exercise: str, **changes: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "exercise": exercise,
        "equipment": [],
        "sets": 1,
        "reps": None,
        "seconds": None,
        "per_side": False,
        "rest_seconds": 0,
        "intensity": "",
    }
    return base | changes


SESSION: dict[str, Any] = {
    "date": "2027-01-05",
    "day": "tue",
    "title": "Build strength B",
    "kind": "strength",
    "estimated_minutes": 30,
    "blocks": [
        {"kind": "warmup", "items": [item("easy-jog", seconds=300, intensity="easy")]},
        {
            "kind": "main",
            "items": [
                item("goblet-squat", sets=2, reps=[6, 8], rest_seconds=120, intensity="RIR 2"),
                item("side-plank", sets=2, seconds=30, per_side=True, rest_seconds=30),
            ],
        },
        {"kind": "cooldown", "items": [item("unknown-stretch", rest_seconds=60)]},
    ],
    "why": [],
}
NAMES = {"easy-jog": "Easy jog", "goblet-squat": "Goblet squat", "side-plank": "Side plank"}


def read(data: bytes) -> dict[str, Any]:
    decoder = Decoder(Stream.from_byte_array(bytearray(data)))
    messages, errors = decoder.read()
    assert errors == []
    return dict(messages)


def test_steps_follow_the_rules() -> None:
    messages = read(session_to_fit(SESSION, NAMES))
    [file_id] = messages["file_id_mesgs"]
    assert file_id["manufacturer"] == "development"
    assert file_id["time_created"] == dt.datetime(2027, 1, 5, tzinfo=dt.UTC)
    steps = messages["workout_step_mesgs"]
    summary = [
        (
            s["wkt_step_name"],
            s["intensity"],
            s["duration_type"],
            s.get("duration_reps"),
            s.get("duration_time"),
            s.get("notes"),
        )
        for s in steps
    ]
    assert summary == [
        ("Easy jog", "warmup", "time", None, 300.0, "easy"),
        ("Goblet squat", "active", "reps", 8, None, "RIR 2"),
        ("Rest", "rest", "time", None, 120.0, None),
        ("Goblet squat", "active", "reps", 8, None, "RIR 2"),
        ("Rest", "rest", "time", None, 120.0, None),
        ("Side plank", "active", "time", None, 60.0, "30 s per side"),
        ("Rest", "rest", "time", None, 30.0, None),
        ("Side plank", "active", "time", None, 60.0, "30 s per side"),
        ("Rest", "rest", "time", None, 30.0, None),
        ("unknown-stretch", "cooldown", "open", None, None, None),
    ]
    assert messages["workout_mesgs"][0]["num_valid_steps"] == len(steps)


def test_same_session_same_bytes_and_date_changes_them() -> None:
    data = session_to_fit(SESSION, NAMES)
    assert data == session_to_fit(dict(SESSION), dict(NAMES))
    assert data != session_to_fit(SESSION | {"date": "2027-01-06"}, NAMES)


def test_long_names_are_cut_at_a_character_boundary() -> None:
    title = "Ü" * 40
    messages = read(session_to_fit(SESSION | {"title": title}, NAMES))
    name = messages["workout_mesgs"][0]["wkt_name"]
    assert len(name.encode()) <= NAME_BYTES
    assert name == "Ü" * (NAME_BYTES // 2)
    assert truncate("abcé", 4) == "abc"
