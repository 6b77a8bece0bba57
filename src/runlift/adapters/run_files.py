"""Runs out of GPX, TCX and FIT files: the format told by name or content, each run labelled."""

from __future__ import annotations

from runlift.services.errors import BadInput
from runlift.services.ports import FoundRun

GPX = "gpx"
TCX = "tcx"
FIT = "fit"


def run_file_kind(name: str, data: bytes) -> str:
    """GPX, TCX or FIT by the file name's extension, else by the first bytes (GPX by default)."""
    suffix = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if suffix in (GPX, TCX, FIT):
        return suffix
    head = data[:4096]
    if head[8:12] == b".FIT":
        return FIT
    return TCX if b"TrainingCenterDatabase" in head else GPX


def read_run_file(name: str, data: bytes, kind: str | None = None) -> list[FoundRun]:
    """Every run in one file (an upload or a file's bytes), or BadInput naming the file."""
    # The readers pull in gpxpy and XML parsing: load them only when importing.
    from runlift.adapters.fit_activity import FitActivityError, parse_fit_runs
    from runlift.adapters.gpx_file import GpxFileError, parse_gpx_runs
    from runlift.adapters.tcx_file import TcxFileError, parse_tcx_runs

    kind = kind or run_file_kind(name, data)
    try:
        if kind == GPX:
            tracks = parse_gpx_runs(data, name)
            return [FoundRun(name, f"track {r.track}", r.run, r.client_id, GPX) for r in tracks]
        if kind == TCX:
            activities = parse_tcx_runs(data, name)
            return [
                FoundRun(name, f"activity {r.activity}", r.run, r.client_id, TCX)
                for r in activities
            ]
        sessions = parse_fit_runs(data, name)
        return [FoundRun(name, f"session {r.session}", r.run, r.client_id, FIT) for r in sessions]
    except (GpxFileError, TcxFileError, FitActivityError) as exc:
        raise BadInput.from_error(exc, exc.field) from exc
