"""Charts as small inline SVG drawn on the server: no charting library, no script, the same
bytes for the same data, legible at phone width (a 360-unit-wide view box drawn at ~360 px).

Every chart is an `<svg role="img">` named by its `<title>` (what it shows) and described by its
`<desc>` (the numbers in words); every text is escaped, so a name can never become markup.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

WIDTH = 360
HEIGHT = 210
LEFT, RIGHT, TOP, BOTTOM = 40, 10, 14, 30
LEGEND_ROW = 18
PALETTE = ("#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#6b7280")
FLAG_COLOUR = "#b91c1c"
MAX_X_LABELS = 6


@dataclass(frozen=True, slots=True)
class BarSeries:
    """One named row of bar heights, one value per category."""

    name: str
    values: tuple[float, ...]


def nice_ticks(low: float, high: float, count: int = 4, whole: bool = False) -> list[float]:
    """Round axis values (steps of 1, 2, 2.5 or 5 times a power of ten) covering low..high;
    `whole`: steps of at least 1, for counts."""
    if not (math.isfinite(low) and math.isfinite(high)):
        return [0.0, 1.0]
    if high <= low:
        high = low + 1.0
    raw = (high - low) / count
    power = 10.0 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1.0, 2.0, 2.5, 5.0, 10.0) if m * power >= raw - 1e-12)
    if whole:
        step = max(1.0, math.ceil(step))
    start = math.floor(low / step + 1e-9) * step
    ticks = [round(start, 6)]
    while ticks[-1] < high - 1e-9:
        ticks.append(round(ticks[-1] + step, 6))
    return ticks


def number(value: float) -> str:
    """A value as a label: whole numbers without decimals, others to one decimal."""
    rounded = round(value, 1)
    return str(int(rounded)) if rounded == int(rounded) else f"{rounded:.1f}"


def day_label(day: dt.date, with_year: bool = False) -> str:
    """'16 Nov', or '16 Nov 26' when the chart spans more than one year."""
    text = f"{day.day} {day.strftime('%b')}"
    return f"{text} {day.year % 100:02d}" if with_year else text


def _f(value: float) -> str:
    return f"{value:.1f}"


def _text(x: float, y: float, label: str, anchor: str = "middle", flag: bool = False) -> str:
    extra = f' class="flag" fill="{FLAG_COLOUR}" font-weight="700"' if flag else ""
    return f'<text x="{_f(x)}" y="{_f(y)}" text-anchor="{anchor}"{extra}>{escape(label)}</text>'


def _open(chart_id: str, title: str, description: str) -> list[str]:
    ident = escape(chart_id)
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'class="chart" role="img" aria-labelledby="{ident}-title" '
        f'aria-describedby="{ident}-desc" font-size="12" font-family="system-ui, sans-serif">',
        f'<title id="{ident}-title">{escape(title)}</title>',
        f'<desc id="{ident}-desc">{escape(description)}</desc>',
    ]


class _Frame:
    """The plot area and its value axis: maps values to heights, draws grid lines and labels."""

    def __init__(self, ticks: list[float], unit: str, top: float) -> None:
        self.ticks = ticks
        self.low, self.high = ticks[0], ticks[-1]
        self.unit = unit
        self.top = top
        self.bottom = HEIGHT - BOTTOM
        self.left = LEFT
        self.right = WIDTH - RIGHT

    @property
    def width(self) -> float:
        return self.right - self.left

    def y(self, value: float) -> float:
        span = self.high - self.low or 1.0
        return self.bottom - (value - self.low) / span * (self.bottom - self.top)

    def axis(self) -> list[str]:
        parts = ['<g class="grid" stroke="#d5ddd9" stroke-width="1">']
        parts += [
            f'<line x1="{self.left}" x2="{self.right}" y1="{_f(self.y(t))}" y2="{_f(self.y(t))}"/>'
            for t in self.ticks
        ]
        parts.append('</g><g class="ticks" fill="#3f4f48">')
        parts += [_text(self.left - 4, self.y(t) + 4, number(t), "end") for t in self.ticks]
        if self.unit:
            parts.append(_text(self.left - 4, self.top - 12, self.unit, "end"))
        parts.append("</g>")
        return parts


def _x_labels(positions: Sequence[tuple[float, str]], y: float) -> list[str]:
    """At most MAX_X_LABELS category labels, every n-th from the first, kept inside the box."""
    count = len(positions)
    if count == 0:
        return []
    picked = range(0, count, -(-count // MAX_X_LABELS))
    parts = ['<g class="labels" fill="#3f4f48">']
    for i in picked:
        x, text = positions[i]
        half = 3.3 * len(text)  # about half the label's width at 12 units
        anchor = "end" if x + half > WIDTH - 2 else "start" if x - half < 2 else "middle"
        x = WIDTH - 2 if anchor == "end" else 2 if anchor == "start" else x
        parts.append(_text(x, y, text, anchor))
    parts.append("</g>")
    return parts


def line_chart(
    chart_id: str,
    title: str,
    description: str,
    points: Sequence[tuple[dt.date, float]],
    unit: str = "",
    colour: str = PALETTE[0],
) -> Markup:
    """Values by date as a line with dots, dates spaced as in the calendar."""
    parts = _open(chart_id, title, description)
    values = [v for _, v in points] or [0.0]
    low, high = min(values), max(values)
    margin = max((high - low) * 0.1, abs(high) * 0.05, 0.5)
    frame = _Frame(nice_ticks(max(0.0, low - margin), high + margin), unit, TOP + 12)
    parts += frame.axis()
    if points:
        first, last = points[0][0].toordinal(), points[-1][0].toordinal()
        span = last - first

        def x(day: dt.date) -> float:
            if span == 0:
                return frame.left + frame.width / 2
            return frame.left + 8 + (day.toordinal() - first) / span * (frame.width - 16)

        coords = [(x(d), frame.y(v)) for d, v in points]
        if len(coords) > 1:
            line = " ".join(f"{_f(a)},{_f(b)}" for a, b in coords)
            parts.append(
                f'<polyline points="{line}" fill="none" stroke="{colour}" stroke-width="2.5" '
                'stroke-linejoin="round"/>'
            )
        parts.append(f'<g fill="{colour}">')
        parts += [f'<circle cx="{_f(a)}" cy="{_f(b)}" r="3.5"/>' for a, b in coords]
        parts.append("</g>")
        years = points[0][0].year != points[-1][0].year
        positions = [(x(d), day_label(d, years)) for d, _ in points]
        parts += _x_labels(positions, HEIGHT - BOTTOM + 18)
    parts.append("</svg>")
    return Markup("".join(parts))


def _legend(names: Sequence[str], flag: str | None) -> tuple[list[str], int]:
    """Colour keys in rows above the plot, wrapped to the chart's width; and how many rows."""
    parts = ['<g class="legend" fill="#10201a">']
    x, row = float(LEFT), 0
    keys: list[tuple[str, str | None]] = [
        (n, PALETTE[i % len(PALETTE)]) for i, n in enumerate(names)
    ]
    if flag:
        keys.append((f"! {flag}", None))
    for name, colour in keys:
        width = 20 + 6.5 * len(name)
        if x + width > WIDTH and x > LEFT:
            x, row = float(LEFT), row + 1
        y = 12 + row * LEGEND_ROW
        if colour is None:
            parts.append(_text(x, y, name, "start", flag=True))
        else:
            parts.append(
                f'<rect x="{_f(x)}" y="{y - 9}" width="10" height="10" rx="2" fill="{colour}"/>'
            )
            parts.append(_text(x + 14, y, name, "start"))
        x += width
    parts.append("</g>")
    return parts, row + 1


def bar_chart(
    chart_id: str,
    title: str,
    description: str,
    labels: Sequence[str],
    series: Sequence[BarSeries],
    unit: str = "",
    *,
    stacked: bool = False,
    flags: Sequence[bool] = (),
    flag_name: str | None = None,
) -> Markup:
    """Bars per category: one series, several side by side, or several stacked; a category
    whose flag is set gets a '!' above its bars (named in the legend by `flag_name`)."""
    parts = _open(chart_id, title, description)
    rows = 0
    if len(series) > 1 or (flag_name is not None and any(flags)):
        legend, rows = _legend([s.name for s in series] if len(series) > 1 else [], flag_name)
        parts += legend
    count = len(labels)
    columns = [[s.values[i] for s in series] for i in range(count)]
    totals = [(sum(c) if stacked else max(c, default=0.0)) for c in columns]
    top = TOP + rows * LEGEND_ROW + 12
    frame = _Frame(nice_ticks(0.0, max(totals, default=0.0) or 1.0, whole=True), unit, top)
    parts += frame.axis()
    band = frame.width / max(count, 1)
    inner = band * 0.76
    positions: list[tuple[float, str]] = []
    for i, label in enumerate(labels):
        start = frame.left + i * band + (band - inner) / 2
        positions.append((start + inner / 2, label))
        base = 0.0
        for index, one in enumerate(series):
            value = one.values[i]
            colour = PALETTE[index % len(PALETTE)]
            if stacked:
                x, width, low, high = start, inner, base, base + value
                base = high
            else:
                width = inner / len(series)
                x, low, high = start + index * width, 0.0, value
            if value > 0:
                y_top, y_low = frame.y(high), frame.y(low)
                parts.append(
                    f'<rect x="{_f(x)}" y="{_f(y_top)}" width="{_f(max(width - 1, 1))}" '
                    f'height="{_f(max(y_low - y_top, 0.5))}" fill="{colour}"/>'
                )
        if i < len(flags) and flags[i]:
            parts.append(_text(start + inner / 2, frame.y(totals[i]) - 4, "!", "middle", flag=True))
    parts += _x_labels(positions, HEIGHT - BOTTOM + 18)
    parts.append("</svg>")
    return Markup("".join(parts))
