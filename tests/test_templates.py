"""The generator-template overrides still match the upstream templates they forked.

``generator-templates/UPSTREAM.toml`` records, for each override, the generator
version and the sha256 of the upstream template it was forked from. After a
generator upgrade, an upstream template that changed fails here, naming the
override to rebase (see README, "Upgrading the generator").
"""

from __future__ import annotations

import hashlib
import tomllib
from collections.abc import Mapping
from importlib import metadata, resources
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = ROOT / "generator-templates"
MANIFEST: dict[str, Any] = tomllib.loads((TEMPLATES / "UPSTREAM.toml").read_text("utf-8"))


def _upstream_templates() -> Path:
    return Path(str(resources.files("openapi_python_client") / "templates"))


def template_problems(
    manifest: Mapping[str, Any], ours: Path, upstream: Path, installed: str
) -> list[str]:
    """One line per override to rebase, or manifest entry to fix."""
    problems = []
    overrides: dict[str, Any] = manifest.get("overrides", {})
    new: dict[str, Any] = manifest.get("new", {})
    for path in sorted(ours.glob("*.jinja")):
        if path.name not in overrides and path.name not in new:
            problems.append(
                f"generator-templates/{path.name} is not in UPSTREAM.toml: record the "
                "upstream template it overrides (version, sha256) or list it under [new]"
            )
    for name in sorted(new):
        if (upstream / name).exists():
            problems.append(
                f"generator-templates/{name} is listed as new, but openapi-python-client "
                f"{installed} has a template of that name, which ours now shadows: rename "
                "ours or record it as an override"
            )
    for name, entry in sorted(overrides.items()):
        source = upstream / name
        if not source.exists():
            problems.append(
                f"generator-templates/{name} overrides a template that openapi-python-client "
                f"{installed} no longer has: port the change to where upstream moved it"
            )
            continue
        digest = hashlib.sha256(source.read_bytes()).hexdigest()
        if digest != entry["sha256"]:
            problems.append(
                f"generator-templates/{name}: the upstream template changed since "
                f"openapi-python-client {manifest['version']} (installed: {installed}); "
                f"rebase the override on the new upstream {name}, then record version "
                f"{installed} and sha256 {digest} in UPSTREAM.toml"
            )
    return problems


def test_overrides_match_the_installed_generator() -> None:
    installed = metadata.version("openapi-python-client")
    problems = template_problems(MANIFEST, TEMPLATES, _upstream_templates(), installed)
    assert not problems, "\n".join(problems)


def test_the_manifest_names_the_pinned_generator() -> None:
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert f'"openapi-python-client=={MANIFEST["version"]}"' in pyproject


def _copy(tmp_path: Path, name: str, text: str) -> Path:
    upstream = tmp_path / "upstream"
    upstream.mkdir(exist_ok=True)
    for source in _upstream_templates().glob("*.jinja"):
        (upstream / source.name).write_bytes(source.read_bytes())
    (upstream / name).write_text(text, encoding="utf-8")
    return upstream


@pytest.mark.parametrize("name", sorted(MANIFEST["overrides"]))
def test_a_changed_upstream_template_names_the_override(tmp_path: Path, name: str) -> None:
    upstream = _copy(tmp_path, name, "{# upstream changed #}\n")
    [problem] = template_problems(MANIFEST, TEMPLATES, upstream, "9.9.9")
    assert problem.startswith(f"generator-templates/{name}: the upstream template changed")
    assert "9.9.9" in problem


def test_an_unrecorded_template_is_named(tmp_path: Path) -> None:
    ours = tmp_path / "ours"
    ours.mkdir()
    for path in TEMPLATES.glob("*.jinja"):
        (ours / path.name).write_bytes(path.read_bytes())
    (ours / "union_property.py.jinja").write_text("", encoding="utf-8")
    [problem] = template_problems(MANIFEST, ours, _upstream_templates(), "0")
    assert "union_property.py.jinja is not in UPSTREAM.toml" in problem


def test_a_new_template_shadowing_upstream_is_named(tmp_path: Path) -> None:
    [new] = list(MANIFEST["new"])
    upstream = _copy(tmp_path, new, "")
    [problem] = template_problems(MANIFEST, TEMPLATES, upstream, "9.9.9")
    assert f"{new} is listed as new" in problem
