"""SQL repository of plan adjustments: the runner's moves and skips of planned sessions."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Connection, insert, select

from runlift.adapters.db.codec import utc
from runlift.adapters.db.tables import plan_adjustments
from runlift.services.ports import StoredAdjustment


class SqlAdjustments:
    """Moves and skips per plan version, in the order they were made."""

    def __init__(self, connection: Connection) -> None:
        self.c = connection

    def add(
        self,
        athlete_id: int,
        plan_id: int,
        original: dt.date,
        new: dt.date | None,
        warning: str | None,
        now: dt.datetime,
    ) -> StoredAdjustment:
        row = {
            "athlete_id": athlete_id,
            "plan_id": plan_id,
            "original_date": original,
            "new_date": new,
            "warning": warning,
            "created_at": utc(now),
        }
        new_id = self.c.execute(
            insert(plan_adjustments).values(row).returning(plan_adjustments.c.id)
        ).scalar_one()
        return StoredAdjustment(new_id, plan_id, original, new, warning, utc(now))

    def for_plan(self, plan_id: int) -> list[StoredAdjustment]:
        rows = self.c.execute(
            select(plan_adjustments)
            .where(plan_adjustments.c.plan_id == plan_id)
            .order_by(plan_adjustments.c.id)
        ).all()
        return [
            StoredAdjustment(
                r.id, r.plan_id, r.original_date, r.new_date, r.warning, utc(r.created_at)
            )
            for r in rows
        ]
