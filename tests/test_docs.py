"""Every Python code block of the user docs runs: README.md, api.md, docs/**/*.md and
the examples in the package's docstrings.

The convention (see CONTRIBUTING.md):

* every fenced block opened with ```` ```python ```` is executed, each in a fresh
  namespace, with ``GABBER_BASE_URL`` pointing at a fake served on loopback (reset
  before each block) and ``GABBER_API_KEY`` set to its key; a block may also build
  its own ``FakeGabber()`` in-process;
* a block that defines ``test_*`` functions is an example test module: it is run
  by pytest (in a subprocess, with the gabber-client plugin) and all its tests
  must pass;
* a block whose first line is ``# not run: <reason>`` is not executed, visibly:
  its test id ends in ``not-run``; it must still compile. Such a block without a
  reason fails.

Files are found by glob, so a new page under docs/ is picked up with no edit here.
``api.md`` (generated; the docs site includes it) shows its signatures as ``text``
blocks, so its ```` ```python ```` blocks are the examples of the package's
docstrings, run here like the others; a docstring example api.md does not show
(``gabber_client.parse_config``'s, say) runs from its module, its id naming the file
and line. ``tests/test_docs_typing.py`` type-checks the same blocks.
"""

from __future__ import annotations

import ast
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from gabber_client.testing import FakeServer

ROOT = Path(__file__).resolve().parent.parent
NOT_RUN = re.compile(r"#\s*not run:(?P<reason>.*)")
FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})(?P<info>.*)$")


@dataclass(frozen=True)
class Block:
    """One fenced ```python block of a Markdown file."""

    path: Path
    line: int  # of the opening fence, 1-based
    code: str

    @property
    def name(self) -> str:
        return f"{self.path.relative_to(ROOT).as_posix()}:{self.line}"

    @property
    def not_run_reason(self) -> str | None:
        """The reason after ``# not run:``, if the block is marked so ("" if none)."""
        first = self.code.lstrip("\n").split("\n", 1)[0].strip()
        match = NOT_RUN.fullmatch(first)
        return None if match is None else match["reason"].strip()

    @property
    def is_test_module(self) -> bool:
        tree = ast.parse(self.code)
        return any(
            isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
            and node.name.startswith("test_")
            for node in tree.body
        )


def python_blocks(path: Path) -> Iterator[Block]:
    """The ```python blocks of ``path``, in order. A fence closes with the same
    character, at least as long, and nothing after it (CommonMark); the block's
    indentation (inside a list item) is removed."""
    return blocks_in_text(path.read_text(encoding="utf-8"), path)


def blocks_in_text(text: str, path: Path, first_line: int = 1) -> Iterator[Block]:
    """The ```python blocks of ``text``, found in ``path`` from line ``first_line``
    on (a docstring inside a module, say): see :func:`python_blocks`."""
    lines = text.splitlines()
    index = 0
    while index < len(lines):
        opening = FENCE.match(lines[index])
        index += 1
        if opening is None:
            continue
        fence, indent = opening["fence"], opening["indent"]
        language = opening["info"].strip().split(" ", 1)[0] if opening["info"].strip() else ""
        start = index
        while index < len(lines):
            closing = FENCE.match(lines[index])
            if (
                closing is not None
                and closing["fence"][0] == fence[0]
                and len(closing["fence"]) >= len(fence)
                and not closing["info"].strip()
            ):
                break
            index += 1
        else:
            raise AssertionError(f"{path}:{start}: a code fence is never closed")
        body = [line.removeprefix(indent) for line in lines[start:index]]
        index += 1
        if language == "python":
            yield Block(path, start + first_line - 1, "\n".join(body) + "\n")


def doc_files() -> list[Path]:
    return [ROOT / "README.md", ROOT / "api.md", *sorted((ROOT / "docs").glob("**/*.md"))]


def docstring_blocks() -> Iterator[Block]:
    """The fenced ```python blocks of the docstrings of the hand-written package
    (the generated code has none)."""
    for path in sorted((ROOT / "gabber_client").rglob("*.py")):
        if "_generated" in path.parts:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(
                node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef
            ):
                continue
            body = node.body
            if not (
                body
                and isinstance(body[0], ast.Expr)
                and isinstance(body[0].value, ast.Constant)
                and isinstance(body[0].value.value, str)
            ):
                continue
            yield from blocks_in_text(body[0].value.value, path, body[0].value.lineno)


def all_blocks() -> list[Block]:
    """The blocks of the Markdown files, then the docstring examples that api.md does
    not show (those it shows run once, from api.md)."""
    blocks = [block for path in doc_files() for block in python_blocks(path)]
    shown = {block.code for block in blocks}
    return [*blocks, *(block for block in docstring_blocks() if block.code not in shown)]


BLOCKS = all_blocks()


def _id(block: Block) -> str:
    return f"{block.name}-not-run" if block.not_run_reason is not None else block.name


@pytest.fixture(scope="module")
def server() -> Iterator[FakeServer]:
    with FakeServer() as running:
        yield running


@pytest.fixture
def docs_env(server: FakeServer, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> FakeServer:
    """A reset fake on loopback, named by the environment as the docs assume."""
    server.fake.reset()
    monkeypatch.setenv("GABBER_BASE_URL", server.base_url)
    monkeypatch.setenv("GABBER_API_KEY", server.api_key)
    for name in ("GABBER_LOG", "http_proxy", "https_proxy", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.upper(), raising=False)
    monkeypatch.chdir(tmp_path)
    return server


@pytest.mark.parametrize("block", BLOCKS, ids=_id)
def test_doc_block_runs(block: Block, docs_env: FakeServer, tmp_path: Path) -> None:
    reason = block.not_run_reason
    if reason is not None:
        if not reason:
            pytest.fail(f"{block.name}: '# not run:' needs a reason after the colon")
        # Not executed (the reason says why), but it must still be valid Python.
        compile(block.code, block.name, "exec")
        return
    if block.is_test_module:
        module = tmp_path / f"test_doc_block_{block.line}.py"
        module.write_text(block.code, encoding="utf-8")
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "pytest",
                "-q",
                "-p",
                "no:randomly",
                "-p",
                "no:cacheprovider",
                "-o",
                "asyncio_mode=auto",
                "-o",
                "asyncio_default_fixture_loop_scope=function",
                str(module),
            ],
            capture_output=True,
            text=True,
            timeout=240,
            check=False,
            cwd=tmp_path,
            env={**os.environ},
        )
        assert result.returncode == 0, f"{block.name}:\n{result.stdout}\n{result.stderr}"
        assert re.search(r"\b\d+ passed\b", result.stdout), result.stdout
        assert "is deprecated" not in result.stdout, result.stdout  # docs show current names
        return
    code = compile(block.code, block.name, "exec")
    exec(code, {"__name__": "__doc_block__"})  # the docs are the code under test


def test_every_doc_file_is_found() -> None:
    names = {path.relative_to(ROOT).as_posix() for path in doc_files()}
    assert "README.md" in names
    assert "api.md" in names
    assert "docs/index.md" in names
    assert len(BLOCKS) >= 20


def test_the_block_parser(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text(
        "text\n"
        "```python\nprint(1)\n```\n"
        "```sh\nls\n```\n"
        "- item\n\n  ```python\n  x = 1\n  ```\n"
        "````python\n```\nnested = True\n````\n"
        "```python\n# not run: needs a real account\ncall()\n```\n"
        "```python\n# not run:\n```\n"
    )
    blocks = list(python_blocks(page))
    assert [(b.line, b.code) for b in blocks] == [
        (2, "print(1)\n"),
        (10, "x = 1\n"),
        (13, "```\nnested = True\n"),
        (17, "# not run: needs a real account\ncall()\n"),
        (21, "# not run:\n"),
    ]
    assert [b.not_run_reason for b in blocks] == [None, None, None, "needs a real account", ""]
    unclosed = tmp_path / "unclosed.md"
    unclosed.write_text("```python\nx = 1\n")
    with pytest.raises(AssertionError, match="never closed"):
        list(python_blocks(unclosed))


def test_a_not_run_block_without_a_reason_fails(pytester: pytest.Pytester) -> None:
    """The runner itself, on a docs tree with a bare ``# not run:``: it fails that
    block, only compiles the one with a reason (its id says so; a syntax error there
    fails too) and runs the rest."""
    (pytester.path / "docs").mkdir()
    (pytester.path / "README.md").write_text("```python\nx = 1\n```\n")
    (pytester.path / "api.md").write_text("```text\nnot_python(x: int) -> None\n```\n")
    (pytester.path / "docs" / "page.md").write_text(
        "```python\n# not run:\n```\n\n```python\n# not run: needs a phone\ndial()\n```\n\n"
        "```python\n# not run: broken\ndef (\n```\n"
    )
    (pytester.path / "tests").mkdir()
    source = Path(__file__).read_text(encoding="utf-8")
    (pytester.path / "tests" / "test_docs_copy.py").write_text(source)
    result = pytester.runpytest_subprocess(
        "-p", "no:randomly", "-rs", "-v", "tests/test_docs_copy.py", "-k", "test_doc_block_runs"
    )
    result.assert_outcomes(passed=2, failed=2)
    result.stdout.fnmatch_lines(
        [
            "*test_doc_block_runs?README.md:1? PASSED*",
            "*test_doc_block_runs?docs/page.md:1-not-run? FAILED*",
            "*test_doc_block_runs?docs/page.md:5-not-run? PASSED*",
            "*test_doc_block_runs?docs/page.md:10-not-run? FAILED*",
        ],
        consecutive=False,
    )
    result.stdout.fnmatch_lines(["*needs a reason after the colon*"])
    result.stdout.fnmatch_lines(["*SyntaxError*"])


# Sections still waiting to move out of the README (to docs/ and CONTRIBUTING.md)
# follow this marker; the README proper is what comes before it.
_MOVING_OUT = "<!-- Below: sections kept here until they move"
_LINK = re.compile(r"\]\((?P<target>[^)\s]+)[^)]*\)|<(?P<autolink>[a-z]+://[^>]+)>")


def _readme_proper() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return text.split(_MOVING_OUT, 1)[0]


def test_the_readme_is_short() -> None:
    """The README is the package index page: under 12 KB."""
    assert len(_readme_proper().encode("utf-8")) < 12 * 1024


def test_readme_links_work_on_a_package_index_page() -> None:
    """On the package index the README stands alone: relative links and in-page
    anchors break there, so every link is an absolute https URL."""
    targets = [m["target"] or m["autolink"] for m in _LINK.finditer(_readme_proper())]
    assert len(targets) >= 5
    assert [t for t in targets if not t.startswith("https://")] == []
