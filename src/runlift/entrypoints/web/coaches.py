"""Coach invitations and consent: a coach invites, the athlete accepts, and can revoke."""

from __future__ import annotations

from fastapi import APIRouter, Path, Response

from runlift import schemas
from runlift.entrypoints.shapes.accounts import coach_shape, coached_athlete_shape
from runlift.entrypoints.web.bodies import InvitationCode
from runlift.entrypoints.web.deps import Caller, CoreDep, UowDep
from runlift.entrypoints.web.errors import responses
from runlift.services import coaching

router = APIRouter(tags=["coaches"])
CoachId = Path(ge=1, le=2**31 - 1)


@router.post(
    "/coach/invitations",
    status_code=201,
    response_model=schemas.Invitation,
    responses=responses(401, 404),
)
def invite(caller: Caller, uow: UowDep, core: CoreDep) -> schemas.Invitation:
    """A one-use code (valid 14 days) the coach hands to an athlete."""
    return schemas.Invitation(code=coaching.create_invitation(uow, caller, core.now()))


@router.get(
    "/coach/athletes", response_model=list[schemas.CoachedAthlete], responses=responses(401, 404)
)
def athletes(caller: Caller, uow: UowDep) -> list[schemas.CoachedAthlete]:
    """The athletes who accepted the coach, with the ids of their athlete routes."""
    return [coached_athlete_shape(a) for a in coaching.coached_athletes(uow, caller)]


@router.post(
    "/athletes/me/coaches",
    status_code=201,
    response_model=schemas.CoachLink,
    responses=responses(401, 404, 413, 422),
)
def accept(body: InvitationCode, caller: Caller, uow: UowDep, core: CoreDep) -> schemas.CoachLink:
    """Accept a coach's invitation: they may read and change this athlete's training."""
    link = coaching.accept_invitation(uow, caller, body.code, core.now())
    coach = next(c for c in coaching.coaches_of(uow, caller) if c.account_id == link.coach_id)
    return coach_shape(coach)


@router.get(
    "/athletes/me/coaches", response_model=list[schemas.CoachLink], responses=responses(401)
)
def coaches(caller: Caller, uow: UowDep) -> list[schemas.CoachLink]:
    """The coaches this athlete has accepted and not revoked."""
    return [coach_shape(c) for c in coaching.coaches_of(uow, caller)]


@router.delete(
    "/athletes/me/coaches/{coach_id}", status_code=204, responses=responses(401, 404, 422)
)
def revoke(caller: Caller, uow: UowDep, core: CoreDep, coach_id: int = CoachId) -> Response:
    """Withdraw a coach's access at once."""
    coaching.revoke_coach(uow, caller, coach_id, core.now())
    return Response(status_code=204)
