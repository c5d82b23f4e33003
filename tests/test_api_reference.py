"""api.md documents the client-level surface, with the docstrings' runnable examples.

``scripts/api_reference.py`` renders it (``make check-drift`` keeps it current); the
examples themselves run in ``tests/test_docs.py``. Here: what it must show, and that
every ```python block of api.md is a docstring example (signatures are text blocks).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

from gabber_client import APIConnectionError, AsyncGabber, AsyncPaginator, Gabber, get_request_id
from gabber_client import types as request_types
from gabber_client.resources.realtime import Realtime

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT / "tests"))

from api_reference import examples, signature  # noqa: E402
from test_docs import python_blocks  # noqa: E402

API_MD = ROOT / "api.md"

# What issue 13 asks api.md to show with a runnable example.
DOCUMENTED: list[Any] = [
    Gabber.get,
    Gabber.post,
    Gabber.with_options,
    get_request_id,
    Realtime,  # the per-call options
    APIConnectionError,  # may_have_taken_effect
    request_types,  # the TypedDict configs
    AsyncPaginator,  # async for over list/messages/timeline
]


def test_the_client_section_shows_each_signature_as_text() -> None:
    text = API_MD.read_text(encoding="utf-8")
    expected = [
        signature(Gabber.__init__, "Gabber"),
        signature(AsyncGabber.__init__, "AsyncGabber"),
        *(f"client.{signature(getattr(Gabber, n))}" for n in ("with_options", "for_human")),
        *(f"client.{signature(getattr(Gabber, n))}" for n in ("get", "post", "close")),
        f"await client.{signature(AsyncGabber.aclose)}",
        f"gabber_client.{signature(get_request_id)}",
    ]
    for line in expected:
        assert f"\n{line}\n" in text, line
    assert "| `extra_body` |" in text


@pytest.mark.parametrize("obj", DOCUMENTED, ids=lambda obj: obj.__name__)
def test_each_documented_name_has_an_example_in_api_md(obj: Any) -> None:
    found = examples(obj)
    assert found, f"{obj.__name__}: no ```python block in its docstring's Example section"
    text = API_MD.read_text(encoding="utf-8")
    for code in found:
        assert f"```python\n{code}```\n" in text


def test_every_python_block_of_api_md_is_a_docstring_example() -> None:
    """No signature or other non-runnable code is presented as Python."""
    blocks = [block.code for block in python_blocks(API_MD)]
    known = [code for obj in DOCUMENTED for code in examples(obj)]
    assert sorted(blocks) == sorted(known)


def test_examples_reads_only_the_example_section() -> None:
    def documented() -> None:
        """Summary.

        ```python
        not_an_example()
        ```

        Args:
            x: A value.

        Example:
            ```python
            first()
            ```

            Some words.

            ```python
            second()
            ```
        """

    assert examples(documented) == ["first()\n", "second()\n"]
