"""A store that cannot be opened, as one line: where it is (never a password) and why not."""

from __future__ import annotations

import re

from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import DBAPIError

from runlift.services.errors import Unavailable

_SPACES = re.compile(r"\s+")
_SEVERITY = re.compile(r"^(FATAL|ERROR|PANIC):\s*")


def store_location(url: str | URL) -> str:
    """The SQLite file's path, or the server's URL with its password masked and no driver name."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        return parsed.database or ":memory:"
    return parsed.set(drivername=parsed.get_backend_name()).render_as_string(hide_password=True)


def failure_cause(exc: BaseException, url: str | URL) -> str:
    """What went wrong, in the driver's or the system's words, on one line and without secrets."""
    if isinstance(exc, DBAPIError) and exc.orig is not None:
        text = str(exc.orig)
        # psycopg: 'connection failed: connection to server at "h", port 1 failed: <why>'
        text = text.split("\n")[0].rsplit(" failed: ", 1)[-1]
    elif isinstance(exc, OSError):
        text = exc.strerror or str(exc)
        if exc.filename is not None and str(exc.filename) != store_location(url):
            text = f"{text}: {exc.filename}"
    else:
        text = str(exc).split("\n")[0]
    text = _SEVERITY.sub("", _SPACES.sub(" ", text).strip())
    password = make_url(url).password
    if password:
        text = text.replace(str(password), "***")
    return text or type(exc).__name__


def unavailable(url: str | URL, exc: BaseException, verb: str = "open") -> Unavailable:
    """The error for a store that failed: exit status 3 (HTTP 503), naming location and cause."""
    where = store_location(url)
    cause = failure_cause(exc, url)
    return Unavailable(f"cannot {verb} the database at {where}: {cause}; nothing was saved")
