"""Coach consent: invitations, accepting and revoking a coach, and who may act for an athlete.

An athlete's data is visible to its own account and to coaches the athlete accepted and has not
revoked; to anyone else it does not exist (Hidden, a 404), so ids cannot be probed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from runlift.services.accounts import SecretMaker, digest, new_secret
from runlift.services.errors import BadInput, Hidden
from runlift.services.ports import Account, CoachLink, UnitOfWork

UowFactory = Callable[[], UnitOfWork]

INVITATION_LIFETIME = dt.timedelta(days=14)
MAX_CODE = 200
MAX_ID_DIGITS = 18


@dataclass(frozen=True, slots=True)
class AthleteAccess:
    """An athlete the caller may act on: the store athlete's id and key (`name`, what the
    services take), whether the caller acts as their coach, the athlete's own account
    (`account_id`) and the acting account (`caller_id`)."""

    athlete_id: int
    name: str
    as_coach: bool
    account_id: int
    caller_id: int


@dataclass(frozen=True, slots=True)
class LinkedAccount:
    """The other side of a coach link: a coach's athlete, or an athlete's coach."""

    account_id: int
    athlete_id: int | None
    name: str
    email: str
    since: dt.datetime


def _coach_only(account: Account) -> None:
    if not account.is_coach:
        raise Hidden("coach", "no coach account here", "account")


def _athlete_only(account: Account) -> int:
    if account.athlete_id is None:
        raise Hidden("athlete", "this account has no athlete", "athlete_id")
    return account.athlete_id


def create_invitation(
    make_uow: UowFactory, coach: Account, now: dt.datetime, make_secret: SecretMaker = new_secret
) -> str:
    """A one-use code an athlete gives back to let this coach act for them (valid 14 days)."""
    _coach_only(coach)
    code = make_secret()
    with make_uow() as uow:
        uow.invitations.add(coach.id, digest(code), now)
        uow.commit()
    return code


def accept_invitation(
    make_uow: UowFactory, athlete: Account, code: str, now: dt.datetime
) -> CoachLink:
    """Let the coach who made `code` act for this athlete, until revoked; the code is used up."""
    _athlete_only(athlete)
    unknown = Hidden("invitation", "unknown, used or expired invitation code", "code")
    if not code or len(code) > MAX_CODE:
        raise unknown
    with make_uow() as uow:
        invitation = uow.invitations.by_digest(digest(code))
        if (
            invitation is None
            or invitation.used_by is not None
            or now - invitation.created_at > INVITATION_LIFETIME
        ):
            raise unknown
        if invitation.coach_id == athlete.id:
            raise BadInput("code", "this is your own invitation; give it to an athlete")
        coach = uow.accounts.get(invitation.coach_id)
        if coach is None or coach.disabled:
            raise unknown
        if not uow.invitations.use(invitation.id, athlete.id, now):
            raise unknown
        link = uow.coach_links.active(coach.id, athlete.id) or uow.coach_links.add(
            coach.id, athlete.id, now
        )
        uow.commit()
    return link


def revoke_coach(make_uow: UowFactory, athlete: Account, coach_id: int, now: dt.datetime) -> None:
    """Withdraw a coach's access to this athlete at once; a coach not theirs is not found."""
    with make_uow() as uow:
        link = uow.coach_links.active(coach_id, athlete.id)
        if link is None:
            raise Hidden("coach", f"no coach {coach_id} of yours", "coach_id")
        uow.coach_links.revoke(link.id, now)
        uow.commit()


def coached_athletes(make_uow: UowFactory, coach: Account) -> list[LinkedAccount]:
    """The athletes who accepted this coach and have not revoked, oldest link first."""
    _coach_only(coach)
    with make_uow() as uow:
        found = []
        for link in uow.coach_links.of_coach(coach.id):
            account = uow.accounts.get(link.athlete_account_id)
            if account is not None and not account.disabled and account.athlete_id is not None:
                found.append(_linked(account, link))
        return found


def coaches_of(make_uow: UowFactory, athlete: Account) -> list[LinkedAccount]:
    """The coaches this athlete has accepted and not revoked, oldest first."""
    with make_uow() as uow:
        found = []
        for link in uow.coach_links.of_athlete(athlete.id):
            account = uow.accounts.get(link.coach_id)
            if account is not None:
                found.append(_linked(account, link))
        return found


def _linked(account: Account, link: CoachLink) -> LinkedAccount:
    return LinkedAccount(
        account.id, account.athlete_id, account.name, account.email, link.created_at
    )


def athlete_access(make_uow: UowFactory, caller: Account, athlete_ref: str) -> AthleteAccess:
    """The athlete `athlete_ref` ('me' or an athlete id) names, if the caller may act on them.

    Their own athlete, or one who accepted them as coach and has not revoked; anything else is
    Hidden, exactly like an id nobody has.
    """
    unknown = Hidden("athlete", f"no athlete {athlete_ref[:40]!r} of yours", "athlete_id")
    if athlete_ref == "me":
        target = _athlete_only(caller)
    elif athlete_ref.isascii() and athlete_ref.isdigit() and len(athlete_ref) <= MAX_ID_DIGITS:
        target = int(athlete_ref)
    else:
        raise unknown
    with make_uow() as uow:
        if target == caller.athlete_id:
            owner = caller
        else:
            found = uow.accounts.by_athlete(target)
            if found is None or found.disabled or not caller.is_coach:
                raise unknown
            if uow.coach_links.active(caller.id, found.id) is None:
                raise unknown
            owner = found
        record = uow.athletes.by_id(target)
    if record is None:
        raise unknown
    return AthleteAccess(record.id, record.name, owner.id != caller.id, owner.id, caller.id)
