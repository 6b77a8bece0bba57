"""The error taxonomy: each kind maps one-to-one to an exit code and an HTTP status, and the
command line words service errors with option names and hints that services never contain."""

from __future__ import annotations

import pytest

from runlift.entrypoints.cli.errors import error_line, options_named
from runlift.services.errors import (
    BadInput,
    Conflict,
    Internal,
    NotFound,
    RunliftError,
    Unavailable,
)


@pytest.mark.parametrize(
    ("error", "exit_code", "status"),
    [
        (BadInput("race.date", "is before the plan start"), 2, 422),
        (NotFound("exercise", "goblt-squat", ["goblet-squat"]), 2, 404),
        (Conflict(), 2, 409),
        (Unavailable(), 3, 503),
        (Internal("the packaged catalogue is broken"), 1, 500),
    ],
)
def test_each_error_maps_to_one_exit_code_and_status(
    error: RunliftError, exit_code: int, status: int
) -> None:
    assert (error.exit_code, error.http_status) == (exit_code, status)
    assert "runlift" not in str(error)  # no command hints inside a service error


def test_service_errors_name_domain_fields_and_the_cli_adds_hints() -> None:
    exists = Conflict("'Ana' exists", "athlete", "athlete_exists")
    assert str(exists) == "athlete: 'Ana' exists"
    assert error_line(exists) == "athlete: 'Ana' exists; use 'runlift athlete update' to change it"
    several = BadInput("athlete", "several athletes (Ana, Ben)", "several_athletes")
    assert (
        error_line(several) == "--athlete: several athletes (Ana, Ben); choose one with --athlete, "
        "or set a default with 'runlift athlete use NAME'"
    )
    missing = NotFound("athlete", "Zed", ["Ana"], field="athlete")
    assert error_line(missing) == "--athlete: unknown athlete 'Zed'; did you mean Ana?"


def test_a_command_reports_a_field_under_its_option_name() -> None:
    with pytest.raises(BadInput) as caught, options_named(weeks="--weeks"):
        raise BadInput("weeks", "0 is out of range; accepted: 1-104")
    assert caught.value.field == "--weeks"
    assert str(caught.value) == "--weeks: 0 is out of range; accepted: 1-104"
    with pytest.raises(BadInput) as other, options_named(weeks="--weeks"):
        raise BadInput("level", "'pro' is not accepted")
    assert other.value.field == "level"  # fields the command did not take stay as they are
