"""The `runlift` console script: answers `--version` before paying for the command modules."""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    """Print the version at bare-Python speed; hand everything else to the Typer CLI."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args == ["--version"]:
        from runlift import __version__

        sys.stdout.write(f"runlift {__version__}\n")
        return 0
    from runlift.entrypoints.cli.root import main as cli_main

    return cli_main(args)
