"""Interleaved candidate/baseline sampling, summarised by medians.

Each round takes one sample of the candidate and one of the baseline, back to
back, alternating which goes first; drift (CPU frequency, a noisy neighbour)
then hits both sides alike. The ratio is the median of the per-round ratios.
"""

from __future__ import annotations

import gc
import statistics
from collections.abc import Callable
from dataclasses import dataclass

__all__ = ["Comparison", "compare"]


@dataclass(frozen=True, slots=True)
class Comparison:
    """The medians of interleaved samples of a candidate and its baseline."""

    candidate: float
    """The median candidate sample."""
    baseline: float
    """The median baseline sample."""
    ratio: float
    """The median of the per-round ratios candidate / baseline."""
    rounds: int
    """How many rounds (sample pairs) were taken."""


def compare(
    candidate: Callable[[], float],
    baseline: Callable[[], float],
    *,
    rounds: int,
    warmup: int = 1,
) -> Comparison:
    """Take ``rounds`` interleaved samples of ``candidate`` and ``baseline``.

    Each callable runs one sample and returns its measurement (seconds per
    operation, requests per second, bytes: any positive number, the same unit
    for both). ``warmup`` rounds run first and are discarded. A full garbage
    collection runs before each sample, so that no sample pays for the garbage
    of the previous one.
    """
    if rounds < 1:
        raise ValueError(f"rounds must be >= 1, got {rounds}")
    for _ in range(warmup):
        candidate()
        baseline()
    candidates: list[float] = []
    baselines: list[float] = []
    for round_number in range(rounds):
        if round_number % 2 == 0:
            candidates.append(_sample(candidate))
            baselines.append(_sample(baseline))
        else:
            baselines.append(_sample(baseline))
            candidates.append(_sample(candidate))
    ratios = [c / b for c, b in zip(candidates, baselines, strict=True)]
    return Comparison(
        candidate=statistics.median(candidates),
        baseline=statistics.median(baselines),
        ratio=statistics.median(ratios),
        rounds=rounds,
    )


def _sample(measure: Callable[[], float]) -> float:
    gc.collect()
    value = measure()
    if not value > 0:
        raise ValueError(f"a sample must be a positive number, got {value!r}")
    return value
