"""The static half of the forward-compatibility promise: ``mypy --strict`` agrees
that each response enum field admits any ``str`` (see ``typing_snippet.py``).

A negative control runs in the same mypy invocation: the single-value
``ContextMessageContentText.type_`` is a closed ``Literal["text"]``, so the same
``assert_type(..., str)`` must fail there; this proves the check can fail.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

SNIPPET = Path(__file__).with_name("typing_snippet.py")

CONTROL = """\
from typing import assert_type

from gabber_client.models import ContextMessageContentText


def closed(part: ContextMessageContentText) -> None:
    assert_type(part.type_, str)
    part.type_ = "image"
"""


def _file_name(line: str) -> str:
    return Path(line.split(":", 1)[0]).name


def test_enum_fields_admit_values_from_the_future(
    tmp_path: Path, pytestconfig: pytest.Config
) -> None:
    control = tmp_path / "control_snippet.py"
    control.write_text(CONTROL)
    # mypy's cache lives in pytest's (fast reruns), or in tmp_path without the cache plugin.
    pytest_cache = getattr(pytestconfig, "cache", None)
    cache = pytest_cache.mkdir("reliability-mypy") if pytest_cache is not None else tmp_path
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--strict",
            "--no-error-summary",
            "--show-error-codes",
            "--cache-dir",
            str(cache),
            str(SNIPPET),
            str(control),
        ],
        cwd=SNIPPET.parents[2],
        capture_output=True,
        text=True,
        check=False,
        timeout=240,
    )
    lines = [line for line in result.stdout.splitlines() if line.strip()]

    # mypy may print a path as given or as cached from an earlier run: match on the name.
    snippet_errors = [line for line in lines if _file_name(line) == SNIPPET.name]
    assert snippet_errors == [], result.stdout + result.stderr
    control_errors = [line for line in lines if _file_name(line) == control.name]
    assert len(control_errors) == 2, result.stdout + result.stderr
    assert re.search(r":7: error: .*\[assert-type\]", control_errors[0]), control_errors
    assert re.search(r":8: error: .*'image'.*\[assignment\]", control_errors[1]), control_errors
    assert result.returncode == 1
