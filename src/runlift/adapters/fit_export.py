"""A planned session as a FIT workout file, so a watch can lead the runner through it.

Rules, so the file is predictable on the wrist:
- sets are unrolled: one workout step per set (watches follow plain step lists best);
- a set with reps lasts until that many reps (the top of the range; per side for unilateral
  moves, which the notes say); a hold lasts its seconds, doubled for a per-side hold so one timer
  covers both sides (the notes give the per-side time); a set with neither is open (lap button);
- a rest step (intensity rest, its rest_seconds) follows every set whose item has rest > 0,
  except the session's very last set;
- warm-up items are intensity warmup, cool-down items cooldown, everything else active;
- file_id.time_created is midnight UTC of the session date and the serial number a CRC of date and
  title, so the same session always gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import zlib
from collections.abc import Mapping
from typing import Any

from fit_tool.fit_file_builder import FitFileBuilder
from fit_tool.profile.messages.file_id_message import FileIdMessage
from fit_tool.profile.messages.workout_message import WorkoutMessage
from fit_tool.profile.messages.workout_step_message import WorkoutStepMessage
from fit_tool.profile.profile_type import (
    FileType,
    Intensity,
    Manufacturer,
    Sport,
    SubSport,
    WorkoutStepDuration,
    WorkoutStepTarget,
)

NAME_BYTES = 48  # workout and step names: FIT strings are short on devices; keep them readable
NOTES_BYTES = 96
BLOCK_INTENSITY = {"warmup": Intensity.WARMUP, "cooldown": Intensity.COOLDOWN}


def truncate(text: str, limit: int) -> str:
    """Cut `text` to at most `limit` UTF-8 bytes without splitting a character."""
    return text.encode("utf-8")[:limit].decode("utf-8", errors="ignore").rstrip()


def _notes(item: Mapping[str, Any]) -> str:
    parts = [str(item.get("intensity") or "").strip()]
    if item.get("per_side"):
        seconds = None if item.get("reps") else item.get("seconds")
        parts.append(f"{seconds} s per side" if seconds else "per side")
    return truncate("; ".join(p for p in parts if p), NOTES_BYTES)


def _set_step(item: Mapping[str, Any], name: str, intensity: Intensity) -> WorkoutStepMessage:
    step = WorkoutStepMessage()
    step.workout_step_name = truncate(name, NAME_BYTES)
    step.intensity = intensity
    reps, seconds = item.get("reps"), item.get("seconds")
    if reps:
        step.duration_type = WorkoutStepDuration.REPS
        step.duration_reps = int(max(reps))
    elif seconds:
        step.duration_type = WorkoutStepDuration.TIME
        step.duration_time = float(int(seconds) * (2 if item.get("per_side") else 1))
    else:
        step.duration_type = WorkoutStepDuration.OPEN
    step.target_type = WorkoutStepTarget.OPEN
    notes = _notes(item)
    if notes:
        step.notes = notes
    return step


def _rest_step(seconds: int) -> WorkoutStepMessage:
    step = WorkoutStepMessage()
    step.workout_step_name = "Rest"
    step.intensity = Intensity.REST
    step.duration_type = WorkoutStepDuration.TIME
    step.duration_time = float(seconds)
    step.target_type = WorkoutStepTarget.OPEN
    return step


def workout_steps(session: Mapping[str, Any], names: Mapping[str, str]) -> list[WorkoutStepMessage]:
    """The session's steps in order: every set unrolled, rests between them."""
    steps: list[tuple[WorkoutStepMessage, int]] = []
    for block in session["blocks"]:
        intensity = BLOCK_INTENSITY.get(block["kind"], Intensity.ACTIVE)
        for item in block["items"]:
            name = names.get(item["exercise"], item["exercise"])
            rest = int(item.get("rest_seconds") or 0)
            for _ in range(max(int(item["sets"]), 1)):
                steps.append((_set_step(item, name, intensity), rest))
    messages: list[WorkoutStepMessage] = []
    for number, (step, rest) in enumerate(steps):
        messages.append(step)
        if rest > 0 and number < len(steps) - 1:
            messages.append(_rest_step(rest))
    for index, message in enumerate(messages):
        message.message_index = index
    return messages


def session_to_fit(session: Mapping[str, Any], names: Mapping[str, str]) -> bytes:
    """One planned session (plan_json.session_to_dict form) as FIT workout file bytes."""
    date = dt.date.fromisoformat(str(session["date"]))
    title = str(session["title"])
    created = dt.datetime.combine(date, dt.time(), tzinfo=dt.UTC)
    file_id = FileIdMessage()
    file_id.type = FileType.WORKOUT
    file_id.manufacturer = Manufacturer.DEVELOPMENT.value
    file_id.product = 0
    file_id.serial_number = zlib.crc32(f"{date} {title}".encode()) or 1
    file_id.time_created = round(created.timestamp() * 1000)
    steps = workout_steps(session, names)
    workout = WorkoutMessage()
    workout.workout_name = truncate(title, NAME_BYTES)
    workout.sport = Sport.TRAINING
    workout.sub_sport = SubSport.STRENGTH_TRAINING
    workout.num_valid_steps = len(steps)
    builder = FitFileBuilder(auto_define=True, min_string_size=0)
    builder.add(file_id)
    builder.add(workout)
    builder.add_all(steps)
    data: bytes = builder.build().to_bytes()
    return data
