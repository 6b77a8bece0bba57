"""Sign-up, sign-in for a bearer token, and the caller's tokens."""

from __future__ import annotations

from fastapi import APIRouter, Path, Request, Response

from runlift import schemas
from runlift.entrypoints.shapes.accounts import account_shape, token_shape
from runlift.entrypoints.web.bodies import SignIn, SignUp
from runlift.entrypoints.web.deps import Caller, CoreDep, UowDep
from runlift.entrypoints.web.errors import responses
from runlift.services import accounts

router = APIRouter(prefix="/auth", tags=["auth"])
TokenId = Path(ge=1, le=2**31 - 1)


@router.post(
    "/signup", status_code=201, response_model=schemas.Account, responses=responses(409, 413, 422)
)
def sign_up(body: SignUp, uow: UowDep, core: CoreDep) -> schemas.Account:
    """Open an account; an athlete account gets an athlete of its own (no plan until its
    profile is PUT)."""
    account = accounts.sign_up(uow, body.email, body.password, body.name, body.role, core.now())
    return account_shape(account)


@router.post("/token", response_model=schemas.AccessToken, responses=responses(401, 413, 422, 429))
def token(body: SignIn, request: Request, uow: UowDep, core: CoreDep) -> schemas.AccessToken:
    """A new bearer token for the right e-mail and password (rate-limited on failures)."""
    address = request.client.host if request.client else None
    secret = accounts.issue_token(
        uow, body.email, body.password, core.now(), body.name, address=address
    )
    return schemas.AccessToken(access_token=secret, token_type="bearer")


@router.get("/tokens", response_model=list[schemas.TokenInfo], responses=responses(401))
def tokens(caller: Caller, uow: UowDep) -> list[schemas.TokenInfo]:
    """The caller's tokens, without their secrets."""
    return [token_shape(t) for t in accounts.list_tokens(uow, caller)]


@router.delete("/tokens/{token_id}", status_code=204, responses=responses(401, 404, 422))
def revoke(caller: Caller, uow: UowDep, core: CoreDep, token_id: int = TokenId) -> Response:
    """Revoke one of the caller's tokens: it stops working at once."""
    accounts.revoke_token(uow, caller, token_id, core.now())
    return Response(status_code=204)
