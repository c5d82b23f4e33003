"""The spec-scale figure (``--spec-scale N``): cost stays flat as the spec grows.

Synthesizes a spec with N times the operations (openapi.yaml's paths, plus N - 1
copies of each under new paths and operationIds, same tag and schemas), generates
the package from it into a temporary directory (``scripts/generate.py --out``: the
generated models, endpoint modules, spec facts and facade, next to a copy of the
hand-written package), and the same from openapi.yaml itself into another; then
times, in fresh interpreters, ``import gabber_client`` and the cold first call
(:data:`benchmarks.cold_start.CLIENT_FIRST_CALL`) of each. The ratios scaled /
as-is are the figures; the goal is 1.10 for both: nothing is imported or built per
operation until that operation is used.

Generating needs the development tools: it runs with ``--fake-python`` (``make
bench`` passes ``.venv``'s Python); timing runs in this interpreter, as the other
figures do.
"""

from __future__ import annotations

import copy
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from ._canned_server import CannedServer
from ._data import dumps, full_session
from ._report import Goal, Row
from ._sizes import Sizes
from ._timing import compare
from .cold_start import API_KEY, CLIENT_FIRST_CALL
from .import_time import _PROGRAM, _environment

__all__ = ["run", "scaled_spec"]

ROOT = Path(__file__).resolve().parent.parent
GOAL = Goal("<=", 1.10)
GENERATOR_PYTHON: str | None = None
"""The Python that runs ``scripts/generate.py`` (set from ``--fake-python``)."""


def scaled_spec(document: dict[str, Any], scale: int) -> dict[str, Any]:
    """``document`` with ``scale`` times its operations: each path also under
    ``/v1/copy<k>/...`` with operationIds suffixed ``_copy<k>``, for k in 1..scale-1."""
    if scale < 1:
        raise ValueError(f"scale must be >= 1, got {scale}")
    result = copy.deepcopy(document)
    for k in range(1, scale):
        for path, item in document["paths"].items():
            new_item = copy.deepcopy(item)
            for operation in new_item.values():
                if isinstance(operation, dict) and "operationId" in operation:
                    operation["operationId"] = f"{operation['operationId']}_copy{k}"
            result["paths"][path.replace("/v1/", f"/v1/copy{k}/", 1)] = new_item
    return result


def _operation_count(document: dict[str, Any]) -> int:
    return sum(
        1
        for item in document["paths"].values()
        for operation in item.values()
        if isinstance(operation, dict) and "operationId" in operation
    )


def _generate(spec: dict[str, Any], out: Path) -> Path:
    """The package generated from ``spec`` into ``out`` (with the hand-written code)."""
    shutil.copytree(
        ROOT / "gabber_client",
        out / "gabber_client",
        ignore=shutil.ignore_patterns("__pycache__", "_generated"),
    )
    spec_path = out / "openapi.json"  # JSON is YAML: the generator reads either
    spec_path.write_text(json.dumps(spec), encoding="utf-8")
    python = GENERATOR_PYTHON or sys.executable
    subprocess.run(
        [
            python,
            str(ROOT / "scripts" / "generate.py"),
            "--spec",
            str(spec_path),
            "--out",
            str(out),
        ],
        check=True,
        capture_output=True,
        cwd=ROOT,
    )
    return out


def _seconds(program: str, package_root: Path) -> float:
    environment = dict(_environment(), PYTHONPATH=str(package_root))
    completed = subprocess.run(
        [sys.executable, "-c", program],
        capture_output=True,
        text=True,
        check=True,
        env=environment,
        cwd=package_root,  # `python -c` puts the working directory first on sys.path
    )
    return float(completed.stdout.strip())


def run(sizes: Sizes, scale: int) -> list[Row]:
    """Generate the package as is and at ``scale`` times the operations; compare both
    figures in interleaved pairs of fresh interpreters."""
    spec_json = ROOT / "gabber_client" / "_generated" / "openapi.json"  # openapi.yaml, as JSON
    document = json.loads(spec_json.read_text(encoding="utf-8"))
    scaled = scaled_spec(document, scale)
    counts = f"{_operation_count(scaled)} operations against {_operation_count(document)}"
    with tempfile.TemporaryDirectory(prefix="gabber-scale-") as tmp:
        base = _generate(document, Path(tmp) / "base")
        big = _generate(scaled, Path(tmp) / "scaled")
        imports = compare(
            lambda: _seconds(_PROGRAM.format(module="gabber_client"), big),
            lambda: _seconds(_PROGRAM.format(module="gabber_client"), base),
            rounds=sizes.import_rounds,
        )
        with CannedServer(dumps(full_session(7))) as server:
            program = CLIENT_FIRST_CALL.format(key=API_KEY, url=server.base_url)
            first_call = compare(
                lambda: _seconds(program, big),
                lambda: _seconds(program, base),
                rounds=sizes.cold_rounds,
            )
    return [
        Row(
            key="scale.import",
            figure=f"import gabber_client, spec x{scale}",
            baseline_name="the same, spec as is",
            unit="ms",
            value=imports.candidate * 1e3,
            baseline=imports.baseline * 1e3,
            ratio=imports.ratio,
            goal=GOAL,
            rounds=imports.rounds,
            note=f"{counts}; fresh interpreter per sample",
        ),
        Row(
            key="scale.cold_first_call",
            figure=f"cold first call, spec x{scale}",
            baseline_name="the same, spec as is",
            unit="ms",
            value=first_call.candidate * 1e3,
            baseline=first_call.baseline * 1e3,
            ratio=first_call.ratio,
            goal=GOAL,
            rounds=first_call.rounds,
            note=f"{counts}; import + Gabber() + get on loopback, fresh interpreter",
        ),
    ]
