"""The caller's own account."""

from __future__ import annotations

from fastapi import APIRouter

from runlift import schemas
from runlift.entrypoints.shapes.accounts import account_shape
from runlift.entrypoints.web.deps import Caller
from runlift.entrypoints.web.errors import responses

router = APIRouter(tags=["account"])


@router.get("/me", response_model=schemas.Account, responses=responses(401))
def me(caller: Caller) -> schemas.Account:
    """Who the token belongs to, with the id of their athlete (null for a coach only)."""
    return account_shape(caller)
