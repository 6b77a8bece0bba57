"""Every error as `{"error": {"code", "message", "field"}}`, with the status its kind maps to;
never a traceback in a response."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException

from runlift.entrypoints.web.pages.render import error_page
from runlift.schemas import ErrorBody
from runlift.services.errors import RateLimited, RunliftError, Unauthorized

log = logging.getLogger("runlift.web")

_DESCRIBED = {
    401: "No, a wrong or a revoked bearer token.",
    404: "Not found, or not yours.",
    409: "Conflicts with what is stored.",
    413: "The body is larger than the server accepts.",
    422: "A value is missing, malformed or not accepted.",
    429: "Too many failed attempts; see Retry-After.",
    500: "A fault on the server's side.",
    503: "The store cannot be reached.",
}


ALWAYS = (422, 500, 503)  # any route: a bad parameter, a fault, the store down


def responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """The `responses` of a route: its error statuses (and ALWAYS) with the error body."""
    wanted = sorted({*statuses, *ALWAYS})
    return {s: {"model": ErrorBody, "description": _DESCRIBED[s]} for s in wanted}


def error_response(
    status: int,
    code: str,
    message: str,
    field: str | None = None,
    headers: dict[str, str] | None = None,
) -> JSONResponse:
    """The one error body, as a response."""
    body = {"error": {"code": code, "message": message, "field": field}}
    return JSONResponse(body, status_code=status, headers=headers)


def for_pages(request: Request) -> bool:
    """A page's error is a page; the API's (and its OpenAPI's) is the JSON error body."""
    path = request.url.path
    return not (path.startswith("/api/") or path == "/openapi.json" or path.startswith("/static/"))


def _service_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RunliftError)
    if for_pages(request):
        return error_page(request, exc.http_status, exc.message)
    headers = None
    if isinstance(exc, Unauthorized):
        headers = {"WWW-Authenticate": "Bearer"}
    elif isinstance(exc, RateLimited):
        headers = {"Retry-After": str(exc.retry_after)}
    if exc.http_status >= 500:
        log.error("%s: %s", type(exc).__name__, exc)
    return error_response(exc.http_status, exc.code, exc.message, exc.field, headers)


_WHERE = {"body", "query", "path", "header", "cookie"}


def _validation_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    found = list(exc.errors())
    if for_pages(request):
        where = ".".join(str(p) for p in found[0].get("loc", ())[1:]) if found else ""
        message = str(found[0].get("msg", "invalid")) if found else "not acceptable"
        return error_page(request, 422, f"{where}: {message}" if where else message)
    if not found:
        return error_response(422, "bad_input", "the request is not acceptable")
    first = found[0]
    location = [str(part) for part in first.get("loc", ())]
    if first.get("type") == "json_invalid":
        detail = (first.get("ctx") or {}).get("error", "")
        return error_response(
            422, "malformed_json", f"the body is not valid JSON: {detail}".strip(), "body"
        )
    path = [part for part in location[1:]] if location[:1] and location[0] in _WHERE else location
    field = ".".join(path) or (location[0] if location else None)
    kind = first.get("type", "")
    message = "unknown field" if kind == "extra_forbidden" else str(first.get("msg", "invalid"))
    return error_response(422, "bad_input", message[:300], field)


def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    if for_pages(request) and exc.status_code in (404, 405):
        what = "There is no such page." if exc.status_code == 404 else "Not allowed here."
        return error_page(request, exc.status_code, what)
    if exc.status_code == 400:  # FastAPI could not read the body (not UTF-8, not a form)
        return error_response(422, "malformed_json", "the body cannot be read as JSON", "body")
    code = {404: "not_found", 405: "method_not_allowed"}.get(exc.status_code, "http_error")
    message = str(exc.detail)
    if exc.status_code == 404:
        message = f"no such route: {request.method} {request.url.path}"[:300]
    elif exc.status_code == 405:
        message = f"{request.method} is not allowed here"
    return error_response(exc.status_code, code, message, None, dict(exc.headers or {}))


def _unexpected(_request: Request, exc: Exception) -> JSONResponse:
    log.exception("unexpected error", exc_info=exc)
    return error_response(500, "internal", "something went wrong on the server")


def install_error_handlers(app: FastAPI) -> None:
    """Map the services' errors, validation errors, unknown routes and faults to the error body."""
    app.add_exception_handler(RunliftError, _service_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(HTTPException, _http_error)
    app.add_exception_handler(Exception, _unexpected)
