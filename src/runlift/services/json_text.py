"""JSON documents users send (session files, exports), read with bounds no real document nears.

Python's own limits fail deep inside the parser (RecursionError past ~1,000 levels, ValueError
past 4,300 digits) without saying where; these checks come first and name the field instead.
"""

from __future__ import annotations

import json
from typing import Any

from runlift.domain.shown import SHOWN_CHARS, shown
from runlift.services.errors import BadInput

MAX_JSON_DEPTH = 32  # an export nests about 10 levels deep, a session file 4
MAX_INT_DIGITS = 30  # no count, id or timestamp needs more; far below the int conversion limit


class _LongNumber(str):
    """An integer literal too long to be a value the app uses, kept as text to be reported."""


def _integer(digits: str) -> int | _LongNumber:
    return _LongNumber(digits) if len(digits.lstrip("-")) > MAX_INT_DIGITS else int(digits)


def _field(link: tuple[Any, ...] | None, source: str) -> str:
    """'athletes.0.sessions.2.srpe' from the chain of keys the walk kept; the source at the top."""
    parts: list[str] = []
    while link is not None:
        link, key = link
        parts.append(shown(key) if len(str(key)) > SHOWN_CHARS else str(key))
    return ".".join(reversed(parts)) or source


def _check(data: object, source: str) -> None:
    """Refuse too deep nesting and too long integers anywhere, naming where (no recursion)."""
    stack: list[tuple[object, int, tuple[Any, ...] | None]] = [(data, 1, None)]
    while stack:
        value, depth, link = stack.pop()
        if isinstance(value, _LongNumber):
            raise BadInput(
                _field(link, source),
                f"a number of {len(value)} digits is not accepted; at most {MAX_INT_DIGITS}",
            )
        if isinstance(value, dict | list):
            if depth > MAX_JSON_DEPTH:
                raise BadInput(source, f"nested more than {MAX_JSON_DEPTH} levels deep")
            items = value.items() if isinstance(value, dict) else enumerate(value)
            stack.extend((item, depth + 1, (link, key)) for key, item in items)


def read_json(text: str, source: str) -> object:
    """The document's data, or BadInput naming the source (malformed) or the field at fault."""
    try:
        data = json.loads(text, parse_int=_integer)
    except json.JSONDecodeError as exc:
        raise BadInput(source, f"malformed JSON at line {exc.lineno}") from exc
    except RecursionError as exc:
        raise BadInput(source, f"nested more than {MAX_JSON_DEPTH} levels deep") from exc
    _check(data, source)
    return data
