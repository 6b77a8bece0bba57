"""Values quoted in messages, cut short: a megabyte sent by mistake or on purpose stays out."""

from __future__ import annotations

import reprlib

SHOWN_CHARS = 60

_BOUNDED = reprlib.Repr()
_BOUNDED.maxlevel = 3
_BOUNDED.maxlist = _BOUNDED.maxtuple = _BOUNDED.maxset = _BOUNDED.maxfrozenset = 6
_BOUNDED.maxdict = 4
_BOUNDED.maxlong = 24
_BOUNDED.maxstring = _BOUNDED.maxother = SHOWN_CHARS


def shown(value: object, limit: int = SHOWN_CHARS) -> str:
    """The value as `repr` shows it, at most about `limit` characters, an ellipsis marking a cut."""
    if isinstance(value, str | bytes):
        return repr(value[:limit]) + ("…" if len(value) > limit else "")
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 200:
        return f"a number of about {int(value.bit_length() * 0.30103) + 1} digits"
    try:
        text = _BOUNDED.repr(value)
    except (ValueError, RecursionError):
        text = f"a {type(value).__name__}"
    return text if len(text) <= limit else text[:limit] + "…"
