"""How the command line words service errors: option names for fields, hints that name commands."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from runlift.services.errors import BadInput, RunliftError

# Hints name commands, so they belong to the command line, never to the services.
HINTS = {
    "athlete_exists": "use 'runlift athlete update' to change it",
    "no_athlete": "run 'runlift athlete create PROFILE.yaml'",
    "several_athletes": (
        "choose one with --athlete, or set a default with 'runlift athlete use NAME'"
    ),
    "date_too_old": "older history comes in through 'runlift import-log'",
    "store_damaged": "run 'runlift db check' to list such rows, and 'runlift db check --repair'",
}
ATHLETE_OPTION_CODES = frozenset({"not_found", "several_athletes"})


@contextmanager
def options_named(**fields: str) -> Iterator[None]:
    """Inside a command: a domain field that came from an option is reported under its name."""
    try:
        yield
    except BadInput as exc:
        if exc.field in fields:
            raise exc.renamed(fields[exc.field]) from exc
        raise
    except RunliftError as exc:  # a conflict or a miss keeps its kind (and exit status)
        if exc.field in fields:
            exc.field = fields[exc.field]
        raise


def error_line(exc: RunliftError) -> str:
    """The one line the user sees, without the 'error: ' prefix."""
    field = exc.field
    if field == "athlete" and exc.code in ATHLETE_OPTION_CODES:
        field = "--athlete"
    text = f"{field}: {exc.message}" if field else exc.message
    hint = HINTS.get(exc.code)
    return f"{text}; {hint}" if hint else text
