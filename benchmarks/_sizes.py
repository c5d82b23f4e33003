"""How much work each figure does: the full run (``make bench``) and ``--quick``."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["FULL", "QUICK", "Sizes"]


@dataclass(frozen=True, slots=True)
class Sizes:
    """Sample sizes and round counts of every figure."""

    import_rounds: int
    """Fresh interpreters per module (each round imports both modules once)."""
    cold_rounds: int
    """Fresh interpreters per side for the cold first call."""
    parse_sessions: int
    """Full sessions on the list page parsed by the parse figure."""
    parse_kept_pages: int
    """Earlier pages each side keeps alive while the page figure parses the next."""
    parse_pages_per_sample: int
    parse_rounds: int
    single_parse_loops: int
    """Parses of one full session per sample."""
    inprocess_calls: int
    """Calls per sample over the in-process transport."""
    inprocess_rounds: int
    loopback_calls: int
    """Calls of each side per latency round over loopback."""
    loopback_rounds: int
    throughput_calls: int
    """Calls per throughput sample (at least the concurrency)."""
    throughput_rounds: int
    memory_small: int
    """Sessions iterated by the memory figure's baseline."""
    memory_large: int
    """Sessions iterated by the memory figure's candidate."""
    memory_page: int
    """Sessions per page served to the memory figure."""
    memory_rounds: int
    fake_requests: int
    """Concurrent ``get`` requests per sample sent to the fake and the canned server."""
    fake_rounds: int


FULL = Sizes(
    import_rounds=15,
    cold_rounds=11,
    parse_sessions=1_000,
    parse_kept_pages=4,
    parse_pages_per_sample=3,
    parse_rounds=7,
    single_parse_loops=200,
    inprocess_calls=300,
    inprocess_rounds=9,
    loopback_calls=1_000,
    loopback_rounds=7,
    throughput_calls=1_000,
    throughput_rounds=9,
    memory_small=1_000,
    memory_large=100_000,
    memory_page=100,
    memory_rounds=7,
    fake_requests=500,
    fake_rounds=3,
)

QUICK = Sizes(
    import_rounds=1,
    cold_rounds=1,
    parse_sessions=10,
    parse_kept_pages=1,
    parse_pages_per_sample=1,
    parse_rounds=1,
    single_parse_loops=2,
    inprocess_calls=5,
    inprocess_rounds=1,
    loopback_calls=5,
    loopback_rounds=1,
    throughput_calls=20,
    throughput_rounds=1,
    memory_small=20,
    memory_large=200,
    memory_page=10,
    memory_rounds=1,
    fake_requests=10,
    fake_rounds=1,
)
