"""Errors the use cases raise; interfaces map them to exit codes and HTTP statuses."""

from __future__ import annotations

from collections.abc import Sequence


class RunliftError(Exception):
    """Base of every error a user can cause; its message is one line meant for them."""


class BadInput(RunliftError):
    """A value the user gave is not acceptable; the message names the field and what is accepted."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field

    @classmethod
    def from_error(cls, exc: ValueError, field: str | None = None) -> BadInput:
        """A lower layer's 'field: message' error, as the user's input error."""
        message = str(exc).split(": ", 1)[-1]
        return cls(field or str(getattr(exc, "field", "input")), message)


class NotFound(RunliftError):
    """A name the user gave matches nothing; carries the closest valid names."""

    def __init__(self, kind: str, name: str, suggestions: Sequence[str]) -> None:
        hint = f"; did you mean {', '.join(suggestions)}?" if suggestions else ""
        super().__init__(f"unknown {kind} {name!r}{hint}")
        self.kind = kind
        self.name = name
        self.suggestions = list(suggestions)


class Conflict(RunliftError):
    """Another writer changed the same records first; nothing of this change was saved."""

    def __init__(self) -> None:
        super().__init__("store: changed by another writer at the same time; nothing was saved")
