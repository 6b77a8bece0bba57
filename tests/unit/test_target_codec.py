"""Stored target JSON: new keys only when they say something, old rows still decode (issue 7)."""

from __future__ import annotations

import json

import pytest

from runlift.domain.progression import Decision, Load, Target
from runlift.domain.target_codec import target_from_json, target_to_dict, target_to_json
from runlift.domain.vocab import Equipment, Units
from runlift.entrypoints.shapes.training import decision_to_dict
from runlift.entrypoints.text.training import load_hint, target_text

SQUAT = Target("goblet-squat", "goblet-squat", 3, (8, 12), None, Load(22.5, Units.KG), 2)
OLD_ROWS = [
    (
        '{"exercise": "goblet-squat", "load": {"unit": "kg", "value": 22.5}, "reps": [8, 12], '
        '"rir": 2, "seconds": null, "sets": 3, "variant": "goblet-squat"}',
        SQUAT,
    ),
    (
        '{"exercise": "side-plank", "load": null, "reps": null, "rir": 3, "seconds": 30, '
        '"sets": 2, "variant": "side-plank"}',
        Target("side-plank", "side-plank", 2, None, 30, None, 3),
    ),
]


@pytest.mark.parametrize(("text", "expected"), OLD_ROWS)
def test_targets_stored_before_tempo_and_counts_still_decode(text: str, expected: Target) -> None:
    decoded = target_from_json(text)
    assert decoded == expected
    assert decoded is not None
    assert decoded.counts
    assert decoded.tempo is None


@pytest.mark.parametrize(
    "target",
    [
        SQUAT,
        Target("side-plank", "side-plank", 2, None, 30, None, None),
        Target("goblet-squat", "goblet-squat", 2, (8, 15), None, Load(12, Units.KG), 4, "3-1-1"),
        Target("deadlift", "deadlift", 2, (4, 6), None, Load(88, Units.KG), 4, None, False),
    ],
)
def test_targets_round_trip(target: Target) -> None:
    assert target_from_json(target_to_json(target)) == target


def test_new_keys_appear_only_when_they_say_something() -> None:
    assert set(target_to_dict(SQUAT)) == {
        "exercise",
        "variant",
        "sets",
        "reps",
        "seconds",
        "load",
        "rir",
    }
    deload = Target("deadlift", "deadlift", 2, (4, 6), None, None, 4, "3-0-3", False)
    data = json.loads(target_to_json(deload) or "")
    assert (data["tempo"], data["counts"]) == ("3-0-3", False)


@pytest.mark.parametrize(
    ("target", "text"),
    [
        (SQUAT, "3 x 8-12 @ 22.5 kg, RIR 2"),
        (Target("side-plank", "side-plank", 2, None, 30, None, None), "2 x 30 s"),
        (Target("pogo-jump", "pogo-jump", 2, (10, 15), None, None, None), "2 x 10-15"),
        (
            Target("calf-raise", "calf-raise", 3, (10, 15), None, None, 2, "3-0-3"),
            "3 x 10-15, RIR 2, tempo 3-0-3",
        ),
    ],
)
def test_targets_read_like_a_coach_writes_them(target: Target, text: str) -> None:
    assert target_text(target) == text


@pytest.mark.parametrize(
    ("decision", "hint"),
    [
        (Decision(SQUAT, "progression", "x", Equipment.DUMBBELL), None),  # a load is set
        (
            Decision(Target("push-up", "push-up", 3, (8, 15), None, None, 2), "progression", "x"),
            None,  # bodyweight: no load advice
        ),
        (
            Decision(
                Target("goblet-squat", "goblet-squat", 3, (8, 12), None, None, 3),
                "progression",
                "x",
                Equipment.KETTLEBELL,
            ),
            "pick a kettlebell load that leaves about 3 reps in reserve at the top of the range",
        ),
    ],
)
def test_load_advice_only_where_a_load_is_carried_and_missing(
    decision: Decision, hint: str | None
) -> None:
    assert load_hint(decision) == hint


def test_next_json_says_tempo_and_whether_the_sets_count() -> None:
    deload = Target("deadlift", "deadlift", 2, (4, 6), None, Load(88, Units.KG), 4, None, False)
    data = decision_to_dict(Decision(deload, "deload", "deload week"))
    assert (data["tempo"], data["counts"], data["rir"]) == (None, False, 4)
