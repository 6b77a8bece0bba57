"""Measure catalogue loading: cold (parse and validate every file) and from the cache."""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from runlift.adapters.catalogue_loader import load_library


def _median_ms(fn: object, runs: int) -> float:
    samples = []
    for _ in range(runs):
        began = time.perf_counter()
        fn()  # type: ignore[operator]
        samples.append((time.perf_counter() - began) * 1000)
    return statistics.median(samples)


def main() -> None:
    library = load_library()
    size = f"{len(library.catalogue)} exercises, {len(library.programs)} programs"
    cold = _median_ms(load_library, 7)
    with tempfile.TemporaryDirectory() as tmp:
        cache = Path(tmp)
        load_library(cache_dir=cache)
        warm = _median_ms(lambda: load_library(cache_dir=cache), 21)
    print(f"catalogue ({size})")
    print(f"  cold load (parse + validate), median of 7: {cold:.1f} ms")
    print(f"  cached load, median of 21:                 {warm:.1f} ms")


if __name__ == "__main__":
    main()
