"""Errors the use cases raise; each kind maps one-to-one to an exit code and an HTTP status.

| error       | meaning                                   | CLI exit | HTTP |
|-------------|-------------------------------------------|----------|------|
| BadInput    | a value given is not acceptable           | 2        | 422  |
| NotFound    | a name or id matches nothing the user has | 2        | 404  |
| Conflict    | someone else changed or holds it already  | 2        | 409  |
| Unavailable | the store cannot be reached               | 3        | 503  |
| Damaged     | a stored row cannot be used               | 1        | 500  |
| Unauthorized| no, a wrong or a revoked credential        | 2        | 401  |
| RateLimited | too many failed attempts for now          | 2        | 429  |

Messages name domain fields (`race.date`, `athlete`), never a command-line option, and never
tell the user to run a command: interfaces add such hints from `code`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from runlift.domain.shown import shown


class RunliftError(Exception):
    """Base of every error a user can cause; its message is one line meant for them."""

    exit_code: ClassVar[int] = 2
    http_status: ClassVar[int] = 400

    def __init__(self, message: str, field: str | None = None, code: str = "error") -> None:
        super().__init__(f"{field}: {message}" if field else message)
        self.message = message
        self.field = field
        self.code = code


class BadInput(RunliftError):
    """A value the user gave is not acceptable; the message names the field and what is accepted."""

    http_status = 422

    def __init__(self, field: str, message: str, code: str = "bad_input") -> None:
        super().__init__(message, field, code)

    @classmethod
    def from_error(cls, exc: ValueError, field: str | None = None) -> BadInput:
        """A lower layer's 'field: message' error, as the user's input error."""
        message = str(exc).split(": ", 1)[-1]
        return cls(field or str(getattr(exc, "field", "input")), message)

    def renamed(self, field: str) -> BadInput:
        """The same error under the name an interface gives the field (e.g. an option)."""
        return BadInput(field, self.message, self.code)


class NotFound(RunliftError):
    """A name the user gave matches nothing; carries the closest valid names."""

    http_status = 404

    def __init__(
        self, kind: str, name: str, suggestions: Sequence[str], field: str | None = None
    ) -> None:
        hint = f"; did you mean {', '.join(suggestions)}?" if suggestions else ""
        super().__init__(f"unknown {kind} {shown(name)}{hint}", field, "not_found")
        self.kind = kind
        self.name = name
        self.suggestions = list(suggestions)


class Hidden(NotFound):
    """Something the caller may not see, answered exactly like something that does not exist."""

    def __init__(self, kind: str, message: str, field: str | None = None) -> None:
        RunliftError.__init__(self, message, field, "not_found")
        self.kind = kind
        self.name = ""
        self.suggestions = []


class NothingToUndo(NotFound):
    """The athlete's log has no change left to undo (all were undone, or none was made)."""

    def __init__(self, athlete: str) -> None:
        RunliftError.__init__(
            self, f"nothing left to undo in {athlete}'s log", "log", "nothing_to_undo"
        )
        self.kind = "change"
        self.name = athlete
        self.suggestions = []


class Conflict(RunliftError):
    """Another writer changed the same records first, or the thing exists; nothing was saved."""

    http_status = 409

    def __init__(
        self,
        message: str = "changed by another writer at the same time; nothing was saved",
        field: str | None = "store",
        code: str = "conflict",
    ) -> None:
        super().__init__(message, field, code)


class Internal(RunliftError):
    """Something runlift ships is broken (the packaged catalogue): a bug, not the user's input."""

    exit_code = 1
    http_status = 500

    def __init__(self, message: str) -> None:
        super().__init__(message, None, "internal")


class Damaged(RunliftError):
    """A stored row cannot be used (written by an older import or behind runlift's back).

    Nothing was changed; the interface points the user at the store check that repairs it.
    """

    exit_code = 1
    http_status = 500

    def __init__(self, table: str, key: object, detail: str) -> None:
        super().__init__(
            f"{table} row {key} cannot be used ({detail}); nothing was changed",
            "store",
            "store_damaged",
        )
        self.table = table
        self.key = key


class Unavailable(RunliftError):
    """The store cannot be reached (down, locked, unreachable); nothing was saved."""

    exit_code = 3
    http_status = 503

    def __init__(self, message: str = "cannot reach the database; nothing was saved") -> None:
        super().__init__(message, "store", "unavailable")


class Unauthorized(RunliftError):
    """No credential, or one that is wrong, revoked or of a disabled account."""

    http_status = 401

    def __init__(self, message: str = "sign in first: no valid bearer token") -> None:
        super().__init__(message, None, "unauthorized")


class RateLimited(RunliftError):
    """Too many failed attempts in the current window; `retry_after` seconds until it ends."""

    http_status = 429

    def __init__(self, retry_after: int) -> None:
        super().__init__(
            f"too many failed sign-ins; try again in {retry_after} seconds", None, "rate_limited"
        )
        self.retry_after = retry_after
