"""Fixtures of the contract suite: the spec, and openapi-core validators of it.

Every module of the suite marks its tests ``pytest.mark.contract``; the helpers
live in the ``_*`` modules next to this file (``_openapi``: the
openapi-core adapters; ``_schemas``: schemas and data drawn from them;
``_canned``: the stand-in server of the request checks).
"""

from __future__ import annotations

from typing import Any

import pytest
from openapi_core import OpenAPI

from ._openapi import load_spec, make_openapi


@pytest.fixture(scope="session")
def spec() -> dict[str, Any]:
    """openapi.yaml as a dict (shared: do not modify; mutants start from ``load_spec()``)."""
    return load_spec()


@pytest.fixture(scope="session")
def openapi() -> OpenAPI:
    """openapi-core over openapi.yaml, undeclared properties read as errors."""
    return make_openapi()
