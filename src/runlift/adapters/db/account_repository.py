"""SQL repositories of the web API's state: accounts, tokens, rate limits, invitations, links."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Connection, Row, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite

from runlift.adapters.db.codec import aware, utc
from runlift.adapters.db.tables import accounts, coach_links, invitations, rate_limits, tokens
from runlift.services.ports import Account, CoachLink, Role, StoredInvitation, StoredToken


def _account(row: Row[Any]) -> Account:
    return Account(
        row.id,
        row.email,
        row.name,
        Role(row.roles),
        row.athlete_id,
        bool(row.disabled),
        utc(row.created_at),
    )


_ACCOUNT_COLUMNS = [c for c in accounts.c if c.name != "password_hash"]


class SqlAccounts:
    """Accounts by id and e-mail."""

    def __init__(self, connection: Connection) -> None:
        self.c = connection

    def add(
        self, email: str, name: str, password_hash: str, roles: Role, now: dt.datetime
    ) -> Account:
        row = {
            "email": email,
            "name": name,
            "password_hash": password_hash,
            "roles": roles.value,
            "athlete_id": None,
            "disabled": False,
            "created_at": utc(now),
        }
        new_id = self.c.execute(insert(accounts).values(row).returning(accounts.c.id)).scalar_one()
        return Account(new_id, email, name, roles, None, False, utc(now))

    def _one(self, condition: Any) -> Account | None:
        row = self.c.execute(select(*_ACCOUNT_COLUMNS).where(condition)).first()
        return None if row is None else _account(row)

    def get(self, account_id: int) -> Account | None:
        return self._one(accounts.c.id == account_id)

    def by_email(self, email: str) -> Account | None:
        return self._one(accounts.c.email == email)

    def by_athlete(self, athlete_id: int) -> Account | None:
        return self._one(accounts.c.athlete_id == athlete_id)

    def password_hash(self, account_id: int) -> str:
        query = select(accounts.c.password_hash).where(accounts.c.id == account_id)
        return str(self.c.execute(query).scalar_one())

    def set_athlete(self, account_id: int, athlete_id: int) -> None:
        self.c.execute(
            update(accounts).where(accounts.c.id == account_id).values(athlete_id=athlete_id)
        )

    def set_disabled(self, account_id: int, disabled: bool) -> None:
        self.c.execute(
            update(accounts).where(accounts.c.id == account_id).values(disabled=disabled)
        )

    def all(self) -> list[Account]:
        rows = self.c.execute(select(*_ACCOUNT_COLUMNS).order_by(accounts.c.id)).all()
        return [_account(r) for r in rows]


def _token(row: Row[Any]) -> StoredToken:
    return StoredToken(
        row.id,
        row.account_id,
        row.name,
        utc(row.created_at),
        aware(row.last_used_at),
        aware(row.revoked_at),
    )


class SqlTokens:
    """Bearer tokens by digest."""

    def __init__(self, connection: Connection) -> None:
        self.c = connection

    def add(self, account_id: int, digest: str, name: str, now: dt.datetime) -> StoredToken:
        row = {"account_id": account_id, "digest": digest, "name": name, "created_at": utc(now)}
        new_id = self.c.execute(insert(tokens).values(row).returning(tokens.c.id)).scalar_one()
        return StoredToken(new_id, account_id, name, utc(now), None, None)

    def by_digest(self, digest: str) -> StoredToken | None:
        row = self.c.execute(select(tokens).where(tokens.c.digest == digest)).first()
        return None if row is None else _token(row)

    def of_account(self, account_id: int) -> list[StoredToken]:
        query = select(tokens).where(tokens.c.account_id == account_id).order_by(tokens.c.id)
        return [_token(r) for r in self.c.execute(query).all()]

    def touch(self, token_id: int, now: dt.datetime) -> None:
        self.c.execute(update(tokens).where(tokens.c.id == token_id).values(last_used_at=utc(now)))

    def revoke(self, token_id: int, now: dt.datetime) -> None:
        self.c.execute(
            update(tokens)
            .where(tokens.c.id == token_id, tokens.c.revoked_at.is_(None))
            .values(revoked_at=utc(now))
        )


class SqlRateLimits:
    """Failure counters, incremented with one upsert so concurrent processes never lose a hit."""

    def __init__(self, connection: Connection) -> None:
        self.c = connection

    def count(self, key: str, window_start: dt.datetime) -> int:
        query = select(rate_limits.c.count).where(
            rate_limits.c.key == key, rate_limits.c.window_start == utc(window_start)
        )
        return int(self.c.execute(query).scalar() or 0)

    def hit(self, key: str, window_start: dt.datetime) -> int:
        dialect = postgresql if self.c.dialect.name == "postgresql" else sqlite
        statement = dialect.insert(rate_limits).values(
            key=key, window_start=utc(window_start), count=1
        )
        statement = statement.on_conflict_do_update(
            index_elements=[rate_limits.c.key, rate_limits.c.window_start],
            set_={"count": rate_limits.c.count + 1},
        )
        self.c.execute(statement)
        return self.count(key, window_start)

    def forget_before(self, window_start: dt.datetime) -> None:
        self.c.execute(rate_limits.delete().where(rate_limits.c.window_start < utc(window_start)))


def _invitation(row: Row[Any]) -> StoredInvitation:
    return StoredInvitation(row.id, row.coach_id, utc(row.created_at), row.used_by)


class SqlInvitations:
    """Invitation codes by digest."""

    def __init__(self, connection: Connection) -> None:
        self.c = connection

    def add(self, coach_id: int, digest: str, now: dt.datetime) -> StoredInvitation:
        row = {"coach_id": coach_id, "digest": digest, "created_at": utc(now)}
        new_id = self.c.execute(
            insert(invitations).values(row).returning(invitations.c.id)
        ).scalar_one()
        return StoredInvitation(new_id, coach_id, utc(now), None)

    def by_digest(self, digest: str) -> StoredInvitation | None:
        row = self.c.execute(select(invitations).where(invitations.c.digest == digest)).first()
        return None if row is None else _invitation(row)

    def use(self, invitation_id: int, account_id: int, now: dt.datetime) -> bool:
        result = self.c.execute(
            update(invitations)
            .where(invitations.c.id == invitation_id, invitations.c.used_by.is_(None))
            .values(used_by=account_id, used_at=utc(now))
        )
        return result.rowcount == 1


def _link(row: Row[Any]) -> CoachLink:
    return CoachLink(
        row.id, row.coach_id, row.athlete_account_id, utc(row.created_at), aware(row.revoked_at)
    )


class SqlCoachLinks:
    """Coach-athlete consents."""

    def __init__(self, connection: Connection) -> None:
        self.c = connection

    def add(self, coach_id: int, athlete_account_id: int, now: dt.datetime) -> CoachLink:
        row = {
            "coach_id": coach_id,
            "athlete_account_id": athlete_account_id,
            "created_at": utc(now),
        }
        new_id = self.c.execute(
            insert(coach_links).values(row).returning(coach_links.c.id)
        ).scalar_one()
        return CoachLink(new_id, coach_id, athlete_account_id, utc(now), None)

    def _open(self, *conditions: Any) -> list[CoachLink]:
        query = (
            select(coach_links)
            .where(coach_links.c.revoked_at.is_(None), *conditions)
            .order_by(coach_links.c.id)
        )
        return [_link(r) for r in self.c.execute(query).all()]

    def active(self, coach_id: int, athlete_account_id: int) -> CoachLink | None:
        found = self._open(
            coach_links.c.coach_id == coach_id,
            coach_links.c.athlete_account_id == athlete_account_id,
        )
        return found[0] if found else None

    def of_coach(self, coach_id: int) -> list[CoachLink]:
        return self._open(coach_links.c.coach_id == coach_id)

    def of_athlete(self, athlete_account_id: int) -> list[CoachLink]:
        return self._open(coach_links.c.athlete_account_id == athlete_account_id)

    def revoke(self, link_id: int, now: dt.datetime) -> None:
        self.c.execute(
            update(coach_links)
            .where(coach_links.c.id == link_id, coach_links.c.revoked_at.is_(None))
            .values(revoked_at=utc(now))
        )
