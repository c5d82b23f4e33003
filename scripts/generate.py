"""Regenerate ``gabber_client/_generated/`` from ``openapi.yaml``.

Runs openapi-python-client (pinned in pyproject's ``dev`` extra) with
``generator-config.yml`` and the custom templates in ``generator-templates/``;
the generator's post-hooks run ruff with the repository's ``ruff.toml``. It then
writes ``openapi.json``, a JSON copy of the spec that the package ships for the
fake server's request validation, and ``_spec_facts.py``: per operation, what the
generated endpoint modules do not encode (security schemes, whether it declares
``x-human-id``, request and response schema names), as plain Python data so that
the facade never parses the spec on import or on a call. Finally (in the
repository, not with ``--out``) it writes ``api.md``, the API reference
(``scripts/api_reference.py``).

Usage: ``python scripts/generate.py [--spec openapi.yaml] [--out DIR]``. With
``--out``, the package is written to ``DIR/gabber_client/_generated`` and
``ruff.toml`` is copied to ``DIR`` so that the output is formatted identically.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

from openapi_python_client.strings import PythonIdentifier, snake_case

sys.path.insert(0, str(Path(__file__).resolve().parent))
# The facade generator imports this checkout's package (its operation table).
sys.path.insert(1, str(Path(__file__).resolve().parent.parent))
import facade  # scripts/facade.py
import operation_names  # scripts/operation_names.py
import typed_dicts  # scripts/typed_dicts.py

ROOT = Path(__file__).resolve().parent.parent
PACKAGE_DIR = Path("gabber_client") / "_generated"


def _load_yaml(path: Path) -> object:
    import yaml  # dev dependency

    with path.open(encoding="utf-8") as f:
        return yaml.safe_load(f)


def generate(spec: Path, out_root: Path) -> Path:
    """Generate the package from ``spec`` under ``out_root``; return its directory."""
    out_root = out_root.resolve()
    target = out_root / PACKAGE_DIR
    if out_root != ROOT:
        shutil.copy(ROOT / "ruff.toml", out_root / "ruff.toml")
    target.parent.mkdir(parents=True, exist_ok=True)
    bin_dir = Path(sys.executable).parent
    env = dict(os.environ, PATH=f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}")
    cmd = [
        str(bin_dir / "openapi-python-client"),
        "generate",
        "--path",
        str(spec),
        "--config",
        str(ROOT / "generator-config.yml"),
        "--custom-template-path",
        str(ROOT / "generator-templates"),
        "--meta",
        "none",
        "--output-path",
        str(target),
        "--overwrite",
        "--fail-on-warning",
    ]
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True, check=False)
    if proc.returncode != 0 or not target.is_dir():
        sys.stderr.write(proc.stdout + proc.stderr)
        raise SystemExit(f"openapi-python-client failed (exit {proc.returncode})")
    document: Any = _load_yaml(spec)
    spec_json = json.dumps(document, indent=1, sort_keys=True, ensure_ascii=False)
    (target / "openapi.json").write_text(spec_json + "\n", encoding="utf-8")
    facts = target / "_spec_facts.py"
    facts.write_text(spec_facts_module(document), encoding="utf-8")
    ruff = [str(bin_dir / "ruff"), "format", "--quiet", "--config", str(out_root / "ruff.toml")]
    subprocess.run([*ruff, str(facts)], env=env, check=True)
    typed_dicts.write(target)  # the request TypedDicts, from that openapi.json
    # The facade's resource classes, from the same facts and the operation table.
    module = facade.write(document, operation_facts(document), out_root)
    for args in (["check", "--fix-only", "--quiet"], ["format", "--quiet"]):
        subprocess.run(
            [*ruff[:1], *args, "--config", str(out_root / "ruff.toml"), str(module)],
            env=env,
            check=True,
        )
    operation_names.write(target)  # the operations' names as Literal types
    return target


def _resolve(document: Any, node: Any) -> Any:
    while isinstance(node, dict) and "$ref" in node:
        target = document
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        node = target
    return node


def _schema_name(node: Any) -> str | None:
    ref = node.get("$ref") if isinstance(node, dict) else None
    return ref.rsplit("/", 1)[1] if isinstance(ref, str) else None


def operation_facts(document: Any) -> dict[str, dict[str, Any]]:
    """operationId -> what the facade, the fake and the tests need to know about it."""
    facts: dict[str, dict[str, Any]] = {}
    for path, item in document["paths"].items():
        for method, operation in item.items():
            if method not in HTTP_METHODS:
                continue
            security = operation.get("security", document.get("security", []))
            schemes = sorted({name for requirement in security for name in requirement})
            parameters = [_resolve(document, p) for p in operation.get("parameters", [])]
            headers = sorted(p["name"].lower() for p in parameters if p["in"] == "header")
            body = operation.get("requestBody")
            body_schema = None
            if body is not None:
                content = _resolve(document, body).get("content", {})
                body_schema = _schema_name(content.get("application/json", {}).get("schema"))
            ok = _resolve(document, operation.get("responses", {}).get("200", {}))
            ok_schema = _schema_name(
                ok.get("content", {}).get("application/json", {}).get("schema")
            )
            tags = operation.get("tags") or ["default"]
            facts[operation["operationId"]] = {
                "method": method.upper(),
                "path": path,
                "security": tuple(schemes),
                "api_key_only": schemes == ["ApiKeyAuth"],
                "human_header": "x-human-id" in headers,
                "request_body": body_schema,
                "response": ok_schema,
                "summary": operation.get("summary", ""),
                "module": f"api.{snake_case(tags[0])}.{snake_case(operation['operationId'])}",
                "parameters": tuple(
                    (
                        p["in"],
                        p["name"],
                        str(PythonIdentifier(p["name"], prefix="field_")),
                        field_kind(document, p.get("schema", {})),
                    )
                    for p in parameters
                    if p["in"] in ("path", "query", "header")
                ),
                "body_fields": _body_fields(document, body_schema),
                "body_model": _body_model(document, body_schema),
                "paged": _paged(document, ok_schema),
            }
    return dict(sorted(facts.items()))


def param_name(wire: str) -> str:
    """The facade's parameter for the wire name ``wire``: snake_case, a leading
    underscore dropped (``_extra`` -> ``extra``), a reserved word suffixed (``type_``)."""
    return str(PythonIdentifier(wire.lstrip("_"), prefix="field_"))


def field_kind(document: Any, node: Any) -> str:
    """How the facade checks one body field: ``model NAME`` (a component object
    schema: a model or a dict checked against it), ``const VALUE`` (a single-value
    enum, filled in by the facade), or the JSON type (``string``, ``boolean``,
    ``integer``, ``number``, ``array``, ``object``, ``any``)."""
    for key in ("anyOf", "oneOf"):
        if key in node:
            kinds = [field_kind(document, n) for n in node[key] if n.get("type") != "null"]
            return kinds[0] if len(kinds) == 1 else "any"
    name = _schema_name(node)
    target = _resolve(document, node)
    if name is not None and (
        "properties" in target or "oneOf" in target or target.get("additionalProperties") is True
    ):
        return f"model {name}"
    enum = [v for v in target.get("enum", ()) if v is not None]
    if len(enum) == 1:
        return f"const {enum[0]}"
    kind = target.get("type", "any")
    kinds = [k for k in ([kind] if isinstance(kind, str) else kind) if k != "null"]
    return kinds[0] if len(kinds) == 1 else "any"


def _body_fields(
    document: Any, schema: str | None
) -> tuple[tuple[str, str, str, bool], ...] | None:
    """The fields of request body ``schema`` as the facade's parameters: (wire name,
    parameter, kind, required). A oneOf of one member is that member's fields;
    ``None`` when the body cannot be flattened (not an object of named fields)."""
    if schema is None:
        return None
    node = document["components"]["schemas"][schema]
    members = node.get("oneOf")
    if members is not None:
        if len(members) != 1:
            return None
        node = _resolve(document, members[0])
    if node.get("type") != "object" or not node.get("properties"):
        return None
    required = set(node.get("required", ()))
    return tuple(
        (wire, param_name(wire), field_kind(document, prop), wire in required)
        for wire, prop in node["properties"].items()
    )


def _body_model(document: Any, schema: str | None) -> str | None:
    """The generated model the endpoint module takes as its body: the body's schema,
    or the one member of a oneOf of one."""
    members = document["components"]["schemas"][schema].get("oneOf") if schema else None
    if members is not None and len(members) == 1:
        return _schema_name(members[0])
    return schema


def _paged(document: Any, schema: str | None) -> bool:
    """Whether the 200 schema is a page: ``values`` (an array), ``total_count``, ``next_page``."""
    if schema is None:
        return False
    properties = document["components"]["schemas"][schema].get("properties", {})
    return (
        properties.get("values", {}).get("type") == "array"
        and "total_count" in properties
        and "next_page" in properties
    )


def _message_property(document: Any, schema: Any) -> str | None:
    """The property of error schema ``schema`` that holds the message: its first
    string property that is not an enum (``message`` of ``BadRequest``)."""
    schema = _resolve(document, schema)
    for name, prop in schema.get("properties", {}).items():
        for option in [prop, *prop.get("anyOf", []), *prop.get("oneOf", [])]:
            option = _resolve(document, option)
            kinds = option.get("type", [])
            kinds = [kinds] if isinstance(kinds, str) else kinds
            if "string" in kinds and "enum" not in option:
                return str(name)
    return None


def error_message_facts(document: Any) -> dict[str, dict[str, str]]:
    """operationId -> {status: the property of its declared error body holding the
    message}, for each non-2xx response whose JSON body schema has one."""
    facts: dict[str, dict[str, str]] = {}
    for item in document["paths"].values():
        for method, operation in item.items():
            if method not in HTTP_METHODS:
                continue
            fields: dict[str, str] = {}
            for status, response in operation.get("responses", {}).items():
                if str(status).startswith("2"):
                    continue
                content = _resolve(document, response).get("content", {})
                schema = content.get("application/json", {}).get("schema")
                field = _message_property(document, schema) if schema is not None else None
                if field is not None:
                    fields[str(status)] = field
            facts[operation["operationId"]] = dict(sorted(fields.items()))
    return dict(sorted(facts.items()))


def spec_facts_module(document: Any) -> str:
    """The source of ``_generated/_spec_facts.py`` (ruff formats it afterwards)."""
    entries = "".join(
        f"    {op!r}: Operation({', '.join(f'{k}={v!r}' for k, v in facts.items())}),\n"
        for op, facts in operation_facts(document).items()
    )
    messages = error_message_facts(document)
    fields = sorted({field for by_status in messages.values() for field in by_status.values()})
    return SPEC_FACTS_TEMPLATE.replace("@ENTRIES@", entries) + ERROR_MESSAGES_TEMPLATE.replace(
        "@MESSAGES@", repr(messages)
    ).replace("@FIELDS@", repr(tuple(fields)))


HTTP_METHODS = frozenset({"get", "put", "post", "delete", "options", "head", "patch", "trace"})

SPEC_FACTS_TEMPLATE = '''"""Per operation, what openapi.yaml says that the endpoint modules do not.

GENERATED by scripts/generate.py from openapi.yaml: never edit by hand. Plain data,
so that the facade reads it without parsing the spec (on import or on a call).
"""

from typing import Final, NamedTuple


class Operation(NamedTuple):
    """One operation of openapi.yaml."""

    method: str
    """The HTTP method, upper case."""
    path: str
    """The path template, e.g. ``/v1/realtime/{session}/end``."""
    security: tuple[str, ...]
    """The names of the security schemes it accepts, sorted."""
    api_key_only: bool
    """Its only security scheme is ``ApiKeyAuth``."""
    human_header: bool
    """It declares the ``x-human-id`` header."""
    request_body: str | None
    """The component schema of its JSON request body, if it takes one."""
    response: str | None
    """The component schema of its 200 JSON body, if it has one."""
    summary: str
    """Its one-line summary."""
    module: str = ""
    """Its generated endpoint module, relative to ``gabber_client._generated``."""
    parameters: tuple[tuple[str, str, str, str], ...] = ()
    """Its path, query and header parameters: (where, wire name, the endpoint
    module's keyword for it, its JSON type)."""
    body_fields: tuple[tuple[str, str, str, bool], ...] | None = None
    """The fields of its request body as parameters: (wire name, parameter, kind,
    required); ``None`` without a body or when the body is not an object of named
    fields (a oneOf of one member counts as that member). The kind is ``model NAME``,
    ``const VALUE`` or a JSON type."""
    body_model: str | None = None
    """The generated model of its body (the schema, or the one member of a oneOf)."""
    paged: bool = False
    """Its 200 body is a page: ``values`` (an array), ``total_count`` and ``next_page``."""


OPERATIONS: Final[dict[str, Operation]] = {
@ENTRIES@}
"""operationId -> :class:`Operation`, sorted by operationId."""
'''

ERROR_MESSAGES_TEMPLATE = '''

ERROR_MESSAGES: Final[dict[str, dict[str, str]]] = @MESSAGES@
"""operationId -> {status code: the property of its declared error body that holds
the message (the first string property that is not an enum)}."""

ERROR_MESSAGE_FIELDS: Final[tuple[str, ...]] = @FIELDS@
"""Every property named in :data:`ERROR_MESSAGES`: where the message of an error
response whose status declares no body is looked for."""
'''


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--spec", type=Path, default=ROOT / "openapi.yaml")
    parser.add_argument("--out", type=Path, default=ROOT)
    args = parser.parse_args()
    target = generate(args.spec.resolve(), args.out)
    print(f"generated {target.relative_to(args.out.resolve())} from {args.spec.name}")
    if args.out.resolve() == ROOT:
        # In a fresh interpreter, so that it imports the code just generated.
        env = dict(
            os.environ,
            PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
        )
        subprocess.run(
            [sys.executable, str(ROOT / "scripts" / "api_reference.py")], env=env, check=True
        )


if __name__ == "__main__":
    main()
