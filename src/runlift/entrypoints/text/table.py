"""Plain-text tables: left-aligned columns, no trailing blanks, byte-identical for equal rows."""

from __future__ import annotations

from collections.abc import Sequence


def cell(value: object) -> str:
    """A table cell: a dash for nothing."""
    return "-" if value is None else str(value)


def table(headers: tuple[str, ...], rows: Sequence[tuple[str, ...]]) -> str:
    """Left-aligned columns two spaces apart, no trailing blanks, same rows same bytes."""
    widths = [max([len(h)] + [len(r[i]) for r in rows]) for i, h in enumerate(headers)]
    lines = [headers, tuple("-" * w for w in widths), *rows]
    return "".join(
        "  ".join(cell.ljust(w) for cell, w in zip(line, widths, strict=True)).rstrip() + "\n"
        for line in lines
    )
