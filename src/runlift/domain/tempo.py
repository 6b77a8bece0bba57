"""Tempo as "lower-pause-lift" seconds ("3-1-1"): the last way to make a move harder."""

from __future__ import annotations

import re

_TEMPO = re.compile(r"^\s*(\d{1,2})-(\d{1,2})-(\d{1,2})\s*$")


def parse_tempo(tempo: str | None) -> tuple[int, int, int] | None:
    """'3-1-1' -> (3, 1, 1); None for no tempo or one that is not three numbers."""
    if tempo is None:
        return None
    found = _TEMPO.match(tempo)
    if found is None:
        return None
    lower, pause, lift = (int(part) for part in found.groups())
    return lower, pause, lift


def tempo_seconds(tempo: str | None) -> int:
    """Seconds per rep under this tempo; 0 for a normal, unprescribed tempo."""
    parts = parse_tempo(tempo)
    return sum(parts) if parts else 0


def slowest(first: str | None, second: str | None) -> str | None:
    """The slower of two tempos (the first on a tie), so an earned slower tempo is kept."""
    if tempo_seconds(second) > tempo_seconds(first):
        return second
    return first if first is not None else second


def slower_tempo(tempo: str | None, first: str, max_lowering: int) -> str | None:
    """One second more on the way down; `first` from none or an unreadable one; None at the end."""
    parts = parse_tempo(tempo)
    if parts is None:
        return first
    lower, pause, lift = parts
    if lower >= max_lowering:
        return None
    return f"{lower + 1}-{pause}-{lift}"
