"""Quick entry at the terminal: what the runner types after a set, parsed, and read back.

This is the terminal's own language ('8 22.5kg 2', '45s', 's', 'q'); the services only see the
resulting sets.
"""

from __future__ import annotations

import re
from enum import StrEnum

from runlift.domain.log import LogError, LoggedSet
from runlift.domain.progression import Load, Target
from runlift.domain.shown import shown
from runlift.domain.vocab import Units
from runlift.entrypoints.cli.common import load_option
from runlift.services.errors import BadInput
from runlift.services.guided import Result, prescribed

EXAMPLES = "e.g. 8, 8 22.5kg, 8 22.5kg 2, 45s, 45s 1, s (skip), q (stop)"
_LOAD = re.compile(r"^@?(\d+(?:\.\d+)?)\s*(kg|kgs|lb|lbs)$")
_SECONDS = re.compile(r"^(\d{1,6})(s|sec|secs)$")
_RIR = re.compile(r"^(?:rir|r)(\d{1,6})$")
_NUMBER = re.compile(r"^@?\d+(?:\.\d+)?$")
_UNIT_GAP = re.compile(r"(\d)\s+(kg|lb)")


class Command(StrEnum):
    """Quick-entry words that steer the session instead of recording a set."""

    SKIP = "skip"
    QUIT = "quit"


def load_example(target: Target, units: Units) -> str:
    """A quick-entry example in the runner's own units and rep range, e.g. '6 16kg'."""
    reps = f"{target.reps[1]} " if target.reps else f"{target.seconds or 30}s "
    return reps + ("16kg" if units is Units.KG else "35lb")


def parse_entry(
    text: str, target: Target, load: Load | None, units: Units, needs_load: bool = False
) -> Result | Command:
    """Quick entry: '' as prescribed, '8', '8 22.5kg', '8 22.5kg 2', '45s', 's' or 'q'."""
    cleaned = _UNIT_GAP.sub(r"\1\2", text.strip().lower().replace(",", " "))
    if cleaned in ("s", "skip"):
        return Command.SKIP
    if cleaned in ("q", "quit", "stop"):
        return Command.QUIT
    if not cleaned:
        result = prescribed(target, load)
    else:
        result = _parse_tokens(cleaned.split(), target, load, units)
    if needs_load and result.load is None:
        example = load_example(target, units)
        raise BadInput("load", f"no load yet for this exercise; type reps and load, e.g. {example}")
    try:
        LoggedSet(target.exercise, 1, result.reps, result.load, result.seconds, result.rir)
    except LogError as exc:
        raise BadInput.from_error(exc) from exc
    return result


def _parse_tokens(tokens: list[str], target: Target, load: Load | None, units: Units) -> Result:
    """Tokens with a unit are loads, with 's' seconds; bare numbers are reps (or hold), RIR."""
    given_load: Load | None = None
    seconds: int | None = None
    seconds_at: int | None = None  # how many bare numbers came before the seconds
    rir: int | None = None
    bare: list[str] = []
    for token in tokens:
        if match := _LOAD.match(token):
            if given_load is not None:
                raise BadInput("load", f"two loads in {shown(' '.join(tokens))}; give one")
            given_load = load_option(match.group(1) + match.group(2))
        elif match := _SECONDS.match(token):
            seconds = int(match.group(1))
            seconds_at = len(bare)
        elif match := _RIR.match(token):
            rir = int(match.group(1))
        elif _NUMBER.match(token):
            bare.append(token.lstrip("@"))
        else:
            raise BadInput("entry", f"{shown(token)} is not understood; {EXAMPLES}")
    if seconds_at is not None and len(bare) > seconds_at:
        # '45s 1': a number after the seconds is the RIR, as after reps and load.
        after = bare[seconds_at:]
        bare = bare[:seconds_at]
        if len(after) > 1:
            raise BadInput("entry", f"too many numbers in {shown(' '.join(tokens))}; {EXAMPLES}")
        if rir is not None:
            raise BadInput("rir", f"given twice in {shown(' '.join(tokens))}")
        rir = _whole(after[0])
    if len(bare) == 3 and given_load is None:
        given_load = load_option(bare.pop(1) + units.value)
    if len(bare) > 2:
        raise BadInput("entry", f"too many numbers in {shown(' '.join(tokens))}; {EXAMPLES}")
    numbers = [_whole(token) for token in bare]
    reps: int | None = None
    if numbers:
        first = numbers.pop(0)
        if target.reps is None and seconds is None:
            seconds = first
        else:
            reps = first
    if numbers:
        if rir is not None:
            raise BadInput("rir", f"given twice in {shown(' '.join(tokens))}")
        rir = numbers[0]
    if reps is None and seconds is None:
        raise BadInput("reps", f"give the reps first (or seconds like 45s); {EXAMPLES}")
    if reps is not None and seconds is not None and target.seconds is None:
        raise BadInput("entry", "this exercise is done for reps; give reps or seconds, not both")
    return Result(reps, given_load if given_load is not None else load, seconds, rir)


def _whole(token: str) -> int:
    # isdecimal() is what int() reads ('²' passes isdigit() and then crashes int()); a short
    # token never meets int()'s limit on digits.
    if not token.isdecimal() or len(token) > 6:
        raise BadInput(
            "entry", f"{shown(token)} should be a whole number (loads need a unit: 22.5kg)"
        )
    return int(token)


def parse_srpe(text: str) -> int | None:
    """Session RPE 0-10, or None when the runner presses Enter."""
    cleaned = text.strip()
    if not cleaned:
        return None
    if not cleaned.isdecimal() or len(cleaned) > 2 or not 0 <= int(cleaned) <= 10:
        raise BadInput("srpe", f"{shown(cleaned)} is not accepted; give a whole number 0-10")
    return int(cleaned)


def describe(result: Result | LoggedSet) -> str:
    """'6 reps @ 16 kg, RIR 3' or '30 s', as the runner reads it back."""
    parts = []
    if result.reps is not None:
        parts.append(f"{result.reps} rep" if result.reps == 1 else f"{result.reps} reps")
    if result.seconds is not None:
        parts.append(f"{result.seconds} s")
    text = " + ".join(parts)
    if result.load is not None:
        text += f" @ {result.load}"
    if result.rir is not None:
        text += f", RIR {result.rir}"
    return text
