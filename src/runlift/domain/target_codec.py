"""Targets and loads as plain data: the JSON kept next to each logged set and in exports."""

from __future__ import annotations

import json
from typing import Any

from runlift.domain.progression import Load, Target
from runlift.domain.vocab import Units


def load_to_dict(load: Load | None) -> dict[str, Any] | None:
    """A load as {"value", "unit"}."""
    return None if load is None else {"value": load.value, "unit": load.unit.value}


def load_from_dict(data: dict[str, Any] | None) -> Load | None:
    """The inverse of load_to_dict."""
    return None if data is None else Load(float(data["value"]), Units(data["unit"]))


def target_to_dict(target: Target) -> dict[str, Any]:
    """A target as plain data (the `next` JSON contract uses the same keys).

    `rir` is null where reps in reserve do not apply; `tempo` appears only when one is set and
    `counts` only when false, so targets stored before they existed read back unchanged.
    """
    data: dict[str, Any] = {
        "exercise": target.exercise,
        "variant": target.variant,
        "sets": target.sets,
        "reps": list(target.reps) if target.reps else None,
        "seconds": target.seconds,
        "load": load_to_dict(target.load),
        "rir": target.rir,
    }
    if target.tempo is not None:
        data["tempo"] = target.tempo
    if not target.counts:
        data["counts"] = False
    return data


def target_from_dict(data: dict[str, Any]) -> Target:
    """The inverse of target_to_dict; a missing `tempo` is none and a missing `counts` true."""
    reps = data.get("reps")
    rir = data.get("rir")
    tempo = data.get("tempo")
    return Target(
        exercise=data["exercise"],
        variant=data["variant"],
        sets=int(data["sets"]),
        reps=(int(reps[0]), int(reps[1])) if reps else None,
        seconds=data.get("seconds"),
        load=load_from_dict(data.get("load")),
        rir=None if rir is None else int(rir),
        tempo=None if tempo is None else str(tempo),
        counts=bool(data.get("counts", True)),
    )


def target_to_json(target: Target | None) -> str | None:
    """Compact, key-sorted JSON so equal targets store equal text."""
    return None if target is None else json.dumps(target_to_dict(target), sort_keys=True)


def target_from_json(text: str | None) -> Target | None:
    """The inverse of target_to_json."""
    return None if text is None else target_from_dict(json.loads(text))
