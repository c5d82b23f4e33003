"""Rows of figures, the machine they were measured on, the table and the JSON file."""

from __future__ import annotations

import json
import os
import platform
import sys
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from importlib import metadata
from pathlib import Path
from typing import Any, Literal

__all__ = [
    "Goal",
    "Row",
    "installed_packages",
    "machine_info",
    "render_notes",
    "render_table",
    "to_json",
    "write_json",
]


@dataclass(frozen=True, slots=True)
class Goal:
    """A bound on a row's ratio: at most ``limit`` (costs) or at least ``limit`` (speeds)."""

    op: Literal["<=", ">="]
    limit: float

    def met(self, ratio: float) -> bool:
        """Whether ``ratio`` is within the bound."""
        return ratio <= self.limit if self.op == "<=" else ratio >= self.limit

    def __str__(self) -> str:
        return f"{self.op} {self.limit:g}x"


@dataclass(frozen=True, slots=True)
class Row:
    """One figure: the candidate's value, the baseline's, their ratio, and the goal."""

    key: str
    """A stable identifier, e.g. ``import`` or ``loopback.latency.sync``."""
    figure: str
    """What is measured, e.g. ``import gabber_client``."""
    baseline_name: str
    """What the baseline is, e.g. ``import httpx``."""
    unit: str
    """The unit of ``value`` and ``baseline``: ``ms``, ``us``, ``req/s`` or ``MiB``."""
    value: float
    baseline: float
    ratio: float
    """The median of the per-round ratios value / baseline."""
    goal: Goal | None
    """``None`` for an informational figure."""
    rounds: int
    """How many interleaved sample pairs the medians are over."""
    note: str = ""
    """What a sample is (sizes, counts)."""

    @property
    def met(self) -> bool | None:
        """Whether the goal is met; ``None`` without a goal."""
        return None if self.goal is None else self.goal.met(self.ratio)


def _cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as cpuinfo:
            for line in cpuinfo:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine() or "unknown"


def _version(distribution: str) -> str:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return "not installed"


def installed_packages() -> list[str]:
    """``name==version`` of every distribution this interpreter sees: what the figures
    were measured with (the benchmark venv holds the runtime dependencies only)."""
    names = {
        f"{dist.metadata['Name']}=={dist.version}"
        for dist in metadata.distributions()
        if dist.metadata["Name"]
    }
    return sorted(names, key=str.lower)


def machine_info() -> dict[str, Any]:
    """The CPU, the cores this process may use, the OS and the versions that matter."""
    try:
        usable = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        usable = os.cpu_count() or 0
    return {
        "cpu": _cpu_model(),
        "cores": os.cpu_count(),
        "usable_cores": usable,
        "os": platform.platform(),
        "python": f"{platform.python_implementation()} {platform.python_version()}",
        "httpx": _version("httpx"),
        "httpcore": _version("httpcore"),
        "anyio": _version("anyio"),
        # Without sniffio, httpcore 1.0.x retries a failed import on every async
        # lock and event (encode/httpcore#1103): it slows both sides of the async
        # figures alike.
        "sniffio": _version("sniffio"),
        "attrs": _version("attrs"),
        "gabber_client": _version("gabber-client"),
        "executable": sys.executable,
    }


def _number(value: float, unit: str) -> str:
    if unit in ("req/s",):
        return f"{value:,.0f} {unit}"
    if value >= 100:
        return f"{value:,.0f} {unit}"
    if value >= 10:
        return f"{value:.1f} {unit}"
    return f"{value:.2f} {unit}"


def _cells(row: Row) -> list[str]:
    met = {None: "-", True: "yes", False: "NO"}[row.met]
    return [
        row.figure,
        _number(row.value, row.unit),
        f"{_number(row.baseline, row.unit)} ({row.baseline_name})",
        f"{row.ratio:.2f}x",
        str(row.goal) if row.goal is not None else "-",
        met,
    ]


HEADER = ["figure", "value", "baseline", "ratio", "goal", "met?"]


def render_table(rows: Sequence[Row], *, markdown: bool = False) -> str:
    """The rows as an aligned text table, or as a Markdown table."""
    lines = [HEADER, *(_cells(row) for row in rows)]
    if markdown:
        out = ["| " + " | ".join(HEADER) + " |", "|" + "---|" * len(HEADER)]
        out += ["| " + " | ".join(cells) + " |" for cells in lines[1:]]
        return "\n".join(out)
    widths = [max(len(cells[i]) for cells in lines) for i in range(len(HEADER))]
    rule = "  ".join("-" * width for width in widths)
    text = [
        "  ".join(cell.ljust(width) for cell, width in zip(cells, widths, strict=True))
        for cells in lines
    ]
    return "\n".join([text[0], rule, *text[1:]])


def render_notes(rows: Sequence[Row]) -> str:
    """What each row's sample is, one line per row that has a note."""
    return "\n".join(f"- {row.figure}: {row.note} ({row.rounds} rounds)" for row in rows)


def to_json(rows: Sequence[Row], *, machine: dict[str, Any], extra: dict[str, Any]) -> str:
    """The figures, the machine and ``extra`` (mode, duration) as a JSON document."""
    document = {
        **extra,
        "machine": machine,
        "rows": [
            {
                **{k: v for k, v in asdict(row).items() if k != "goal"},
                "goal": None if row.goal is None else {"op": row.goal.op, "limit": row.goal.limit},
                "met": row.met,
            }
            for row in rows
        ],
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def write_json(path: Path, text: str) -> None:
    """Write ``text`` to ``path``, creating its folder."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
