"""Measure whole-process start-up: what a runner waits for each time they type a command.

Each command runs as a fresh process (the installed `runlift` console script) against a
throw-away SQLite store holding one athlete (examples/ana-marathon.yaml) and her plan; the
figures are medians of wall-clock time, printed beside bare `python -c pass`.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PROFILE = ROOT / "examples" / "ana-marathon.yaml"
RUNLIFT = Path(sys.executable).with_name("runlift")
RUNS = 15


def _median_ms(argv: list[str], env: dict[str, str], runs: int) -> float:
    samples = []
    for _ in range(runs):
        began = time.perf_counter()
        subprocess.run(argv, env=env, check=True, stdout=subprocess.DEVNULL)
        samples.append((time.perf_counter() - began) * 1000)
    return statistics.median(samples)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        env = {k: v for k, v in os.environ.items() if not k.startswith("RUNLIFT_")}
        env |= {"RUNLIFT_DATA_DIR": f"{tmp}/data", "RUNLIFT_CACHE_DIR": f"{tmp}/cache"}
        runlift = str(RUNLIFT)
        subprocess.run(
            [runlift, "athlete", "create", str(PROFILE)],
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        log = [runlift, "log", "goblet-squat", "--reps", "10", "--load", "16kg", "--rir", "2"]
        commands = {
            "python -c pass": [sys.executable, "-c", "pass"],
            "runlift --version": [runlift, "--version"],
            "runlift exercises show goblet-squat": [runlift, "exercises", "show", "goblet-squat"],
            "runlift today": [runlift, "today"],
            "runlift log goblet-squat ... (one set)": log,
        }
        # One untimed run each, so every figure starts from warm OS file caches and a built
        # catalogue cache, like a runner's second command of the day.
        for argv in commands.values():
            subprocess.run(argv, env=env, check=True, stdout=subprocess.DEVNULL)
        figures = {name: _median_ms(argv, env, RUNS) for name, argv in commands.items()}
    bare = figures["python -c pass"]
    print(f"start-up, whole process, median of {RUNS} runs")
    print(f"(SQLite store: 1 athlete and her {PROFILE.stem} plan; `log` adds {RUNS + 1} sets)")
    width = max(len(name) for name in figures)
    for name, ms in figures.items():
        extra = "" if name.startswith("python") else f"  (+{ms - bare:.0f} ms over bare Python)"
        print(f"  {name:<{width}}  {ms:6.0f} ms{extra}")


if __name__ == "__main__":
    main()
