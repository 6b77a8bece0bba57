"""Helpers shared by the tests that drive the CLI in-process."""

from __future__ import annotations

import json

import pytest

from runlift.entrypoints.cli.root import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Call the CLI in-process and return (exit status, stdout, stderr) of this call only."""
    capsys.readouterr()
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def runs_json(capsys: pytest.CaptureFixture[str]) -> list[dict[str, object]]:
    """The stored runs as `runlift runs list --format json` shows them."""
    code, out, err = run(capsys, "runs", "list", "--format", "json")
    assert code == 0, err
    found: list[dict[str, object]] = json.loads(out)
    return found
