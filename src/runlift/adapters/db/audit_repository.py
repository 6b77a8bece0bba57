"""Rows read and mended without decoding: the store check's view of a possibly damaged store."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import Connection, Table, delete, select, update

from runlift.adapters.db.tables import performed_sessions, planned_sessions, plans, runs, set_logs
from runlift.services.ports import AUDITED_TABLES, RawRow

_TABLES: dict[str, Table] = {
    "plans": plans,
    "planned_sessions": planned_sessions,
    "performed_sessions": performed_sessions,
    "set_logs": set_logs,
    "runs": runs,
}
assert tuple(_TABLES) == AUDITED_TABLES


class SqlAudit:
    """Every row of the audited tables as the database gives it; updates and deletes by id."""

    def __init__(self, connection: Connection, on_write: Callable[[], None] = lambda: None) -> None:
        self.c = connection
        self.on_write = on_write  # what others of the unit of work read may be stale now

    def rows(self, table: str) -> list[RawRow]:
        chosen = _TABLES[table]
        if chosen is planned_sessions:
            query = select(planned_sessions, plans.c.athlete_id).join(
                plans, plans.c.id == planned_sessions.c.plan_id
            )
        else:
            query = select(chosen)
        found = self.c.execute(query.order_by(chosen.c.id)).mappings().all()
        return [RawRow(table, int(r["id"]), int(r["athlete_id"]), _values(r)) for r in found]

    def update(self, table: str, row_id: int, values: dict[str, Any]) -> None:
        chosen = _TABLES[table]
        self.c.execute(update(chosen).where(chosen.c.id == row_id).values(values))
        self.on_write()

    def delete(self, table: str, row_ids: list[int]) -> None:
        if row_ids:
            chosen = _TABLES[table]
            self.c.execute(delete(chosen).where(chosen.c.id.in_(row_ids)))
            self.on_write()


def _values(row: Any) -> dict[str, Any]:
    return {k: v for k, v in row.items() if k not in ("id", "athlete_id")}
