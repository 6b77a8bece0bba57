"""Plain-text tables: left-aligned columns, no trailing blanks, byte-identical for equal rows.

A table fits a width budget (80 columns): when the rows are wider, the widest free-text column
wraps onto continuation lines instead of running off the edge of the terminal.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Collection, Sequence

WIDTH = 80
GAP = "  "
_LIST_BREAK = re.compile(r"(?<=[,;/]) ")
MIN_WRAPPED = 12  # a wrapped column keeps at least this many characters (or its header's)


def cell(value: object) -> str:
    """A table cell: a dash for nothing."""
    return "-" if value is None else str(value)


def words(identifier: str) -> str:
    """A vocabulary id as people write it: 'half_marathon' -> 'half marathon'."""
    return identifier.replace("_", " ")


def _fitted(
    headers: tuple[str, ...], rows: Sequence[tuple[str, ...]], width: int, wrap: Collection[int]
) -> list[int]:
    """Column widths, narrowing the widest wrappable column a step at a time until they fit."""
    widths = [max([len(h)] + [len(r[i]) for r in rows]) for i, h in enumerate(headers)]
    budget = width - len(GAP) * (len(headers) - 1)
    floors = {i: max(len(headers[i]), MIN_WRAPPED) for i in wrap}
    while sum(widths) > budget:
        narrowable = [i for i in wrap if widths[i] > floors[i]]
        if not narrowable:
            break
        widths[max(narrowable, key=lambda i: (widths[i], -i))] -= 1
    return widths


def _lines(text: str, width: int) -> list[str]:
    """The cell's text in lines of at most `width`, broken after a list's ',', ';' or '/' first."""
    if len(text) <= width:
        return [text]
    pieces = _LIST_BREAK.split(text) if _LIST_BREAK.search(text) else text.split(" ")
    lines: list[str] = []
    current = ""
    for piece in pieces:
        joined = f"{current} {piece}" if current else piece
        if len(joined) <= width:
            current = joined
            continue
        if current:
            lines.append(current)
        parts = textwrap.wrap(piece, width, break_on_hyphens=False) or [""]
        lines += parts[:-1]
        current = parts[-1]
    if current:
        lines.append(current)
    return lines


def table(
    headers: tuple[str, ...],
    rows: Sequence[tuple[str, ...]],
    *,
    width: int = WIDTH,
    wrap: Collection[int] | None = None,
) -> str:
    """Left-aligned columns two spaces apart, no trailing blanks, same rows same bytes.

    `wrap` names the columns of free text that may wrap (default: every column); the others
    keep their width.
    """
    wrappable = range(len(headers)) if wrap is None else wrap
    widths = _fitted(headers, rows, width, wrappable)
    out: list[str] = []
    for line in [headers, tuple("-" * w for w in widths), *rows]:
        parts = [_lines(text, w) for text, w in zip(line, widths, strict=True)]
        for depth in range(max(len(p) for p in parts)):
            texts = [p[depth] if depth < len(p) else "" for p in parts]
            out.append(GAP.join(t.ljust(w) for t, w in zip(texts, widths, strict=True)).rstrip())
    return "".join(line + "\n" for line in out)
