"""Interleaved candidate/baseline sampling, summarised by medians.

Each round takes one sample of the candidate and one of the baseline, back to
back, alternating which goes first; drift (CPU frequency, a noisy neighbour)
then hits both sides alike. The ratio is the median of the per-round ratios.
"""

from __future__ import annotations

import gc
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass

__all__ = [
    "Comparison",
    "alternate",
    "compare",
    "compare_calls",
    "compare_rounds",
    "percentile",
    "summarise",
]


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
    collect: bool = True,
) -> Comparison:
    """Take ``rounds`` interleaved samples of ``candidate`` and ``baseline``.

    Each callable runs one sample and returns its measurement (seconds per
    operation, requests per second, bytes: any positive number, the same unit
    for both). ``warmup`` rounds run first and are discarded. Unless ``collect``
    is false, a full garbage collection runs before each sample, so that no
    sample pays for the garbage of the previous one; with ``collect=False`` the
    collector runs as it would in an application (steady state: each sample
    pays its share of the collections its allocations cause).
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
            candidates.append(_sample(candidate, collect))
            baselines.append(_sample(baseline, collect))
        else:
            baselines.append(_sample(baseline, collect))
            candidates.append(_sample(candidate, collect))
    return summarise(candidates, baselines)


def summarise(candidates: list[float], baselines: list[float]) -> Comparison:
    """The :class:`Comparison` of paired samples (round ``i`` is ``candidates[i]``
    against ``baselines[i]``)."""
    ratios = [c / b for c, b in zip(candidates, baselines, strict=True)]
    return Comparison(
        candidate=statistics.median(candidates),
        baseline=statistics.median(baselines),
        ratio=statistics.median(ratios),
        rounds=len(ratios),
    )


def _sample(measure: Callable[[], float], collect: bool = True) -> float:
    if collect:
        gc.collect()
    value = measure()
    if not value > 0:
        raise ValueError(f"a sample must be a positive number, got {value!r}")
    return value


def percentile(values: list[float], q: float) -> float:
    """The ``q``-th percentile (0-100) of ``values``, interpolated between order statistics."""
    if not values:
        raise ValueError("no values")
    ordered = sorted(values)
    position = (len(ordered) - 1) * q / 100
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def compare_rounds(
    run_round: Callable[[bool], tuple[list[float], list[float]]],
    summaries: dict[str, Callable[[list[float]], float]],
    *,
    rounds: int,
    warmup: int = 1,
) -> dict[str, Comparison]:
    """Rounds in which candidate and baseline calls alternate one by one.

    ``run_round(candidate_first)`` makes the calls of one round, alternating the
    two sides call by call (starting with the candidate when ``candidate_first``),
    and returns the per-call samples of each side. Every summary (p50, p99, ...) is
    computed per round and per side; the result for each is the median of the
    per-round ratios, as in :func:`compare`. A full garbage collection runs before
    each round.
    """
    if rounds < 1:
        raise ValueError(f"rounds must be >= 1, got {rounds}")
    for number in range(warmup):
        run_round(number % 2 == 0)
    per_round: dict[str, list[tuple[float, float]]] = {name: [] for name in summaries}
    for number in range(rounds):
        gc.collect()
        candidates, baselines = run_round(number % 2 == 0)
        for name, summary in summaries.items():
            pair = (summary(candidates), summary(baselines))
            if not (pair[0] > 0 and pair[1] > 0):
                raise ValueError(f"a sample must be a positive number, got {pair!r}")
            per_round[name].append(pair)
    return {
        name: Comparison(
            candidate=statistics.median(c for c, _ in pairs),
            baseline=statistics.median(b for _, b in pairs),
            ratio=statistics.median(c / b for c, b in pairs),
            rounds=rounds,
        )
        for name, pairs in per_round.items()
    }


def alternate(
    candidate: Callable[[], object], baseline: Callable[[], object], calls: int
) -> Callable[[bool], tuple[list[float], list[float]]]:
    """A ``run_round`` for :func:`compare_rounds`: ``calls`` calls of each side,
    alternating call by call, each timed on its own."""

    def one_round(candidate_first: bool) -> tuple[list[float], list[float]]:
        mine: list[float] = []
        theirs: list[float] = []
        order = [(candidate, mine), (baseline, theirs)]
        if not candidate_first:
            order.reverse()
        clock = time.perf_counter
        for _ in range(calls):
            for call, samples in order:
                start = clock()
                call()
                samples.append(clock() - start)
            order.reverse()
        return mine, theirs

    return one_round


def compare_calls(
    candidate: Callable[[], object],
    baseline: Callable[[], object],
    *,
    calls: int,
    rounds: int,
) -> Comparison:
    """The median call of each side per round, the two sides alternating call by call
    (so that a burst of load from another process hits both); the ratio is the
    median of the per-round ratios."""
    return compare_rounds(
        alternate(candidate, baseline, calls), {"p50": statistics.median}, rounds=rounds
    )["p50"]
