"""Charts drawn on the server (matplotlib loads only when a chart is asked for)."""

from __future__ import annotations

import io

from runlift.services import reports

MAX_TICKS = 8


def trend_png(trend: reports.Trend, name: str) -> bytes:
    """A line chart of the trend as PNG bytes (matplotlib loaded only when a chart is asked)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=(8, 4), dpi=100)
    FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    days = [day.toordinal() for day, _value in trend.points]
    axes.plot(days, [value for _day, value in trend.points], marker="o", color="#1f6f8b")
    every = max(1, -(-len(days) // MAX_TICKS))
    shown = trend.points[::every]
    axes.set_xticks([day.toordinal() for day, _v in shown], [day.isoformat() for day, _v in shown])
    axes.tick_params(axis="x", labelrotation=30)
    axes.set_title(f"{name}: estimated 1RM ({trend.athlete})")
    axes.set_ylabel(f"e1RM ({trend.units.value})")
    axes.grid(True, alpha=0.3)
    figure.tight_layout()
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", metadata={"Software": None})
    return buffer.getvalue()
