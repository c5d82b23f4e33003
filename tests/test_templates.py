"""The generator-template overrides still match the generator they were written for.

``generator-templates/UPSTREAM.toml`` records, for each override, the generator
version and the sha256 of the upstream template it was forked from, and the
sha256 of the source of each generator class and function the templates read
(the property classes they branch on by name, the import strings they check).
After a generator upgrade, whatever changed fails here, named (see CONTRIBUTING,
"Upgrading the generator"). What the templates do not handle stops
``make generate`` naming it: tested here on small specs.
"""

from __future__ import annotations

import hashlib
import inspect
import re
import shutil
import subprocess
import sys
import tomllib
import typing
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


def generator_sources() -> dict[str, str]:
    """Dotted name (under ``openapi_python_client``) -> sha256 of its source, for every
    generator class and function the templates read: the property classes (each
    member of the generator's ``Property`` union, and their protocol), the class
    names and import strings (``Class``, ``import_string_from_class``), and what
    model_roles.jinja walks (``GeneratorData``, endpoints, bodies, responses)."""
    from openapi_python_client.parser import bodies, openapi, responses
    from openapi_python_client.parser.properties import property as properties
    from openapi_python_client.parser.properties import protocol, schemas

    objects: list[Any] = [
        *typing.get_args(properties.Property),
        protocol.PropertyProtocol,
        schemas.Class,
        openapi.import_string_from_class,
        openapi.GeneratorData,
        openapi.EndpointCollection,
        openapi.Endpoint,
        bodies.Body,
        responses.Responses,
        responses.Response,
    ]
    return {
        f"{obj.__module__.removeprefix('openapi_python_client.')}.{obj.__qualname__}": (
            hashlib.sha256(inspect.getsource(obj).encode()).hexdigest()
        )
        for obj in objects
    }


def source_problems(recorded: Mapping[str, str], installed: Mapping[str, str]) -> list[str]:
    """One line per generator class or function that changed, appeared or went."""
    problems = []
    for name in sorted(recorded.keys() | installed.keys()):
        if name not in installed:
            problems.append(
                f"openapi-python-client no longer has {name}, which generator-templates/ "
                "read: port the templates, then record the new [sources] in UPSTREAM.toml"
            )
        elif name not in recorded:
            problems.append(
                f"openapi-python-client has {name}, new to generator-templates/: teach the "
                "templates its class (model_roles.jinja, checked_construct.jinja) or check "
                f'that they refuse it, then record "{name}" = "{installed[name]}" in [sources]'
            )
        elif recorded[name] != installed[name]:
            problems.append(
                f"openapi-python-client's {name} changed: read its diff for what the "
                "templates use (class names, attributes, import strings), then record "
                f'"{name}" = "{installed[name]}" in [sources]'
            )
    return problems


def test_the_generator_classes_the_templates_read_are_unchanged() -> None:
    problems = source_problems(MANIFEST["sources"], generator_sources())
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ("changed", "openapi-python-client's parser.properties.uuid.UuidProperty changed"),
        ("added", "has parser.properties.uuid.UuidProperty, new to generator-templates/"),
        ("removed", "no longer has parser.properties.uuid.UuidProperty"),
    ],
)
def test_a_changed_generator_class_is_named(change: str, expected: str) -> None:
    installed = generator_sources()
    recorded = dict(installed)
    name = "parser.properties.uuid.UuidProperty"
    if change == "changed":
        installed[name] = "0" * 64
    elif change == "added":
        del recorded[name]
    else:
        del installed[name]
    [problem] = source_problems(recorded, installed)
    assert expected in problem


def test_the_templates_name_only_generator_classes() -> None:
    """A class name the templates compare ``__class__.__name__`` with is one the
    generator has: a misspelt or removed name would make a branch dead silently."""
    from openapi_python_client.parser.properties import property as properties

    classes = {cls.__name__ for cls in typing.get_args(properties.Property)}
    named = {
        name
        for path in TEMPLATES.glob("*.jinja")
        for name in re.findall(r"[\"']([A-Z][A-Za-z]*Property)[\"']", path.read_text("utf-8"))
    }
    assert named, "the templates no longer name generator classes: update this test"
    assert named <= classes, sorted(named - classes)


_SPEC = """\
openapi: 3.1.0
info: {{title: t, version: "1"}}
paths:
  /things:
    get:
      operationId: get_thing
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {{$ref: '#/components/schemas/Thing'}}
components:
  schemas:
    Thing:
      type: object
      required: [id]
      properties:
        id: {field}
"""


@pytest.mark.parametrize(
    ("field", "message"),
    [
        (
            "{type: [string, integer]}",
            "checked_construct.jinja's to_json does not handle UnionProperty (property id)",
        ),
        (
            "{type: string, format: uuid}",
            "model_roles.jinja does not know the generator class UuidProperty (property id)",
        ),
        (
            "{type: array, items: {type: array, items: {type: string}}}",
            "checked_construct.jinja's to_json does not write an array of ListProperty "
            "(property id)",
        ),
        (
            "{type: object, additionalProperties: {type: string}}",
            "model.py.jinja does not check typed additionalProperties (ThingId: StringProperty)",
        ),
    ],
)
def test_make_generate_fails_naming_what_the_templates_do_not_handle(
    tmp_path: Path, field: str, message: str
) -> None:
    """The generator meets a class or shape the templates do not handle: it stops,
    naming it, instead of writing upstream code that was never checked."""
    if shutil.which("openapi-python-client", path=str(Path(sys.executable).parent)) is None:
        pytest.fail("openapi-python-client is not installed next to this Python")
    spec = tmp_path / "spec.yaml"
    spec.write_text(_SPEC.format(field=field), encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    proc = subprocess.run(
        [
            sys.executable,
            str(ROOT / "scripts" / "generate.py"),
            "--spec",
            str(spec),
            "--out",
            str(out),
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert proc.returncode != 0
    output = " ".join((proc.stdout + proc.stderr).split())
    assert f"gabber-client generator-templates: {message}" in output, output[-2000:]


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


@pytest.mark.parametrize("new", sorted(MANIFEST["new"]))
def test_a_new_template_shadowing_upstream_is_named(tmp_path: Path, new: str) -> None:
    upstream = _copy(tmp_path, new, "")
    [problem] = template_problems(MANIFEST, TEMPLATES, upstream, "9.9.9")
    assert f"{new} is listed as new" in problem


def _render_models_init(imports: list[str]) -> str:
    """models_init.py.jinja rendered as the generator renders it, for one model."""
    from types import SimpleNamespace

    from jinja2 import ChoiceLoader, Environment, FileSystemLoader

    env = Environment(  # the generator's settings (openapi_python_client.Project)
        loader=ChoiceLoader([FileSystemLoader(TEMPLATES), FileSystemLoader(_upstream_templates())]),
        trim_blocks=True,
        lstrip_blocks=True,
        extensions=["jinja2.ext.loopcontrols"],
        keep_trailing_newline=True,
        autoescape=False,  # Python source, as the generator renders it
    )
    voice = SimpleNamespace(class_info=SimpleNamespace(name="Voice", module_name="voice"))
    env.globals["openapi"] = SimpleNamespace(models=[voice], enums=[])
    return env.get_template("models_init.py.jinja").render(imports=imports, alls=["Voice"])


def test_models_init_reads_class_info_and_checks_the_import_strings() -> None:
    assert '"Voice": ".voice",' in _render_models_init(["from .voice import Voice"])


@pytest.mark.parametrize(
    "imports",
    [["from .voice import Voice as V"], ["from . import voice"], []],
)
def test_models_init_refuses_import_strings_in_another_format(imports: list[str]) -> None:
    from jinja2 import UndefinedError

    with pytest.raises(
        UndefinedError, match=re.escape("models_init.py.jinja: the generator's model imports")
    ):
        _render_models_init(imports)
