"""Dates and times as the store hands them back: plain dates, aware UTC datetimes."""

from __future__ import annotations

import datetime as dt


def as_date(value: object) -> dt.date:
    """SQLite's date() returns text; PostgreSQL returns a date."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def to_utc(value: dt.datetime | None) -> dt.datetime | None:
    """Store every time in UTC: SQLite keeps no offset, so 06:00+02:00 must become 04:00."""
    return None if value is None else utc(value)


def aware(value: dt.datetime | None) -> dt.datetime | None:
    """SQLite hands back naive datetimes; everything runlift stores is UTC."""
    if value is None or value.tzinfo is not None:
        return value
    return value.replace(tzinfo=dt.UTC)


def utc(value: dt.datetime) -> dt.datetime:
    """A stored timestamp as an aware UTC datetime, whichever database gave it."""
    stamped = aware(value)
    assert stamped is not None
    return stamped.astimezone(dt.UTC)
