"""``python -m benchmarks``: measure every figure, print the table, write the JSON.

Options: ``--quick`` (tiny sizes, few rounds: checks that everything runs),
``--only import,parse`` (a subset, see ``--help``), ``--output PATH`` (default
``benchmarks/results/latest.json``), ``--markdown`` (also print the table as
Markdown), ``--check`` (exit 1 when a goal is missed), ``--fake-python PATH``
(the interpreter that serves the fake for the fake figure: one with the
``fake`` extra installed, when this one has the runtime dependencies only).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path

from . import cold_start, fake_server, import_time, inprocess, loopback, memory, parse, spec_scale
from ._report import (
    Row,
    installed_packages,
    machine_info,
    render_notes,
    render_table,
    to_json,
    write_json,
)
from ._sizes import FULL, QUICK, Sizes

FIGURES: dict[str, Callable[[Sizes], list[Row]]] = {
    "import": import_time.run,
    "cold": cold_start.run,
    "parse": parse.run,
    "inprocess": inprocess.run,
    "loopback": loopback.run,
    "memory": memory.run,
    "fake": fake_server.run,
}
"""Every figure by the name ``--only`` takes, in the order they run."""

DEFAULT_OUTPUT = Path(__file__).resolve().parent / "results" / "latest.json"


def _names(value: str) -> list[str]:
    names = [name.strip() for name in value.split(",") if name.strip()]
    unknown = [name for name in names if name not in FIGURES]
    if unknown or not names:
        raise argparse.ArgumentTypeError(
            f"unknown figure(s) {unknown or value!r}; choose from {', '.join(FIGURES)}"
        )
    return names


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks",
        description="gabber-client's costs as ratios against baselines measured in the same run.",
    )
    parser.add_argument("--quick", action="store_true", help="tiny sizes and few rounds")
    parser.add_argument(
        "--only",
        type=_names,
        default=list(FIGURES),
        metavar="NAMES",
        help=f"comma-separated figures to run, from: {', '.join(FIGURES)} (default: all)",
    )
    parser.add_argument(
        "--output",
        type=Path,
        default=DEFAULT_OUTPUT,
        help="where to write the JSON results (default: benchmarks/results/latest.json)",
    )
    parser.add_argument(
        "--spec-scale",
        type=int,
        default=None,
        metavar="N",
        help="instead of the figures: generate the package from a spec with N times the "
        "operations and compare its import and cold first call with the spec as is",
    )
    parser.add_argument("--markdown", action="store_true", help="also print a Markdown table")
    parser.add_argument("--check", action="store_true", help="exit 1 when a goal is missed")
    parser.add_argument(
        "--fake-python",
        default=None,
        metavar="PATH",
        help="a Python with the fake extra, to serve the fake for the fake figure "
        "(default: this one)",
    )
    return parser


def _load() -> list[float] | None:
    try:
        return [round(value, 2) for value in os.getloadavg()]
    except OSError:
        return None


def main(argv: Sequence[str] | None = None) -> int:
    """Run the chosen figures; print machine, table; write the JSON. Returns the exit code."""
    args = _parser().parse_args(argv)
    sizes = QUICK if args.quick else FULL
    if args.fake_python:
        fake_server.FAKE_PYTHON = args.fake_python
        spec_scale.GENERATOR_PYTHON = args.fake_python
    if args.spec_scale is not None:
        if args.spec_scale < 2:
            _parser().error(f"--spec-scale: expected 2 or more, got {args.spec_scale}")
        scale = args.spec_scale
        figures: dict[str, Callable[[Sizes], list[Row]]] = {
            f"spec-scale x{scale}": lambda sizes: spec_scale.run(sizes, scale)
        }
        args.only = list(figures)
    else:
        figures = FIGURES
    machine = machine_info()
    print(
        f"machine: {machine['cpu']}, {machine['usable_cores']} usable of {machine['cores']} "
        f"cores; {machine['python']}; httpx {machine['httpx']} (httpcore {machine['httpcore']}, "
        f"anyio {machine['anyio']}, sniffio {machine['sniffio']}); attrs {machine['attrs']}; "
        f"load average {_load()}",
        flush=True,
    )
    started = datetime.now(UTC)
    load_before = _load()
    start = time.perf_counter()
    rows: list[Row] = []
    for name in args.only:
        figure_start = time.perf_counter()
        print(f"running {name} ...", end=" ", flush=True)
        rows += figures[name](sizes)
        print(f"{time.perf_counter() - figure_start:.1f} s", flush=True)
    duration = time.perf_counter() - start

    print()
    print(render_table(rows))
    print()
    print(render_notes(rows))
    if args.markdown:
        print()
        print(render_table(rows, markdown=True))
    document = to_json(
        rows,
        machine=machine,
        extra={
            "mode": "quick" if args.quick else "full",
            "packages": installed_packages(),
            "figures": args.only,
            "started_at": started.isoformat(timespec="seconds"),
            "duration_s": round(duration, 1),
            "load_average_before": load_before,
            "load_average_after": _load(),
        },
    )
    write_json(args.output, document)
    print(f"\n{len(rows)} figures in {duration:.0f} s; written to {args.output}")
    goals = [row for row in rows if row.met is not None]
    missed = [row.figure for row in goals if row.met is False]
    print(f"goals met: {len(goals) - len(missed)} of {len(goals)}")
    if missed:
        print(f"goals missed: {', '.join(missed)}")
    return 1 if args.check and missed else 0


if __name__ == "__main__":
    sys.exit(main())
