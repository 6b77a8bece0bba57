"""The real week as the shared public shape (`schemas.WeekView`)."""

from __future__ import annotations

import dataclasses

from runlift import schemas
from runlift.services.week_view import WeekView


def week_shape(view: WeekView) -> schemas.WeekView:
    """`runlift week --format json`: the field names are the service's own."""
    return schemas.WeekView.model_validate(dataclasses.asdict(view))
