"""The web app factory: the JSON API under /api/v1 and the pages, on one application core per
process.

Nothing happens at import time; `runlift serve` (uvicorn, `factory=True`) calls `create_app` in
every worker process. All state lives in the store, so workers share nothing else.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from runlift import __version__
from runlift.bootstrap import Core, bootstrap
from runlift.entrypoints.web import (
    account,
    auth,
    catalogue,
    changes,
    coaches,
    corrections,
    log_files,
    reports,
    runs,
    sessions,
    sets,
    training_views,
    transfer,
    watch,
)
from runlift.entrypoints.web.errors import install_error_handlers
from runlift.entrypoints.web.limits import BodyLimit
from runlift.entrypoints.web.pages import install_pages
from runlift.entrypoints.web.timing import ServerTiming
from runlift.services.errors import BadInput

API = "/api/v1"
ROUTERS = (
    auth.router,
    account.router,
    coaches.router,
    catalogue.router,
    training_views.router,
    watch.router,
    sets.router,
    sessions.router,
    reports.router,
    runs.router,
    log_files.router,
    corrections.router,
    transfer.router,
    changes.router,
)


def check_secret(core: Core) -> None:
    """Outside development mode the server needs a secret key (RUNLIFT_SECRET_KEY)."""
    if not core.settings.secret_key and not core.settings.dev:
        raise BadInput(
            "secret_key",
            "the server needs RUNLIFT_SECRET_KEY (or RUNLIFT_DEV=1 while developing)",
            "no_secret_key",
        )


def create_app(core: Core | None = None) -> FastAPI:
    """The API over `core` (built from RUNLIFT_* settings when not given)."""
    core = core if core is not None else bootstrap()
    check_secret(core)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        core.close()

    app = FastAPI(
        title="runlift",
        version=__version__,
        summary="Strength and conditioning for runners: plans, log, progression, coaches.",
        openapi_url="/openapi.json",
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.core = core
    install_error_handlers(app)
    app.add_middleware(BodyLimit, max_bytes=core.settings.max_body_bytes)
    app.add_middleware(ServerTiming)
    for router in ROUTERS:
        app.include_router(router, prefix=API)
    install_pages(app)
    return app
