"""Accounts, tokens and coach links as the shared public shapes (`schemas`)."""

from __future__ import annotations

from runlift import schemas
from runlift.services.coaching import LinkedAccount
from runlift.services.ports import Account, Role, StoredToken

_ROLES: dict[Role, tuple[schemas.AccountRole, ...]] = {
    Role.ATHLETE: ("athlete",),
    Role.COACH: ("coach",),
    Role.BOTH: ("athlete", "coach"),
}


def account_shape(account: Account) -> schemas.Account:
    """An account without its secrets; roles as a list ('both' is athlete and coach)."""
    return schemas.Account(
        id=account.id,
        email=account.email,
        name=account.name,
        roles=_ROLES[account.roles],
        athlete_id=account.athlete_id,
    )


def token_shape(token: StoredToken) -> schemas.TokenInfo:
    """A token without its secret."""
    return schemas.TokenInfo(
        id=token.id,
        name=token.name,
        created_at=token.created_at,
        last_used_at=token.last_used_at,
        revoked_at=token.revoked_at,
    )


def coach_shape(coach: LinkedAccount) -> schemas.CoachLink:
    """A coach the athlete accepted."""
    return schemas.CoachLink(
        coach_id=coach.account_id, name=coach.name, email=coach.email, since=coach.since
    )


def coached_athlete_shape(athlete: LinkedAccount) -> schemas.CoachedAthlete:
    """An athlete a coach looks after, by the athlete id the API's athlete routes take."""
    assert athlete.athlete_id is not None
    return schemas.CoachedAthlete(
        id=athlete.athlete_id,
        account_id=athlete.account_id,
        name=athlete.name,
        email=athlete.email,
        since=athlete.since,
    )
