"""Compare ``openapi.yaml`` with the one at a git ref: a markdown change report.

Each spec is reduced to its API surface, a flat map of entries (operations, their
parameters, request and response bodies; schemas, their fields, enum values and
oneOf members), each with the attributes that matter to a user of this client
(type, required, nullable, description...). deepdiff compares the two maps; each
difference is then classified, for users of this client:

* breaking: an operation, parameter, schema, field, enum value of a request or
  oneOf member removed; an operation's method or path changed, or a credential it
  accepted dropped; a request parameter or field added as required or made
  required; a response field made optional or nullable; a request field made
  non-nullable; a type changed; a request or response body schema replaced;
* not breaking: additions (operations, optional request fields, response fields,
  enum values, oneOf members), enum values removed from response-only schemas,
  description and summary changes.

Exit status: 1 when any change is breaking, 0 otherwise (no change, or only
non-breaking ones), 2 on bad input (no such ref, no openapi.yaml there, a file
that is not a valid OpenAPI document).

Usage: ``python scripts/api_diff.py [--base REF] [--spec openapi.yaml]``
(``make api-diff BASE=REF``).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
REF = "#/components/schemas/"
METHODS = ("get", "put", "post", "delete", "patch", "head", "options", "trace")

Key = tuple[str, ...]
Surface = dict[Key, dict[str, Any]]


class BadInput(Exception):
    """A ref, file or document that cannot be compared."""


# ------------------------------------------------------------------- loading
def load_text(text: str, where: str) -> dict[str, Any]:
    """Parse and validate an OpenAPI document; :class:`BadInput` when it is not one."""
    import yaml
    from openapi_spec_validator import validate

    try:
        document = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise BadInput(f"{where}: not YAML: {exc}") from None
    if not isinstance(document, dict):
        raise BadInput(f"{where}: not an OpenAPI document")
    try:
        validate(document)
    except Exception as exc:  # the validator raises several exception types
        message = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise BadInput(f"{where}: not a valid OpenAPI document: {message}") from None
    return document


def load_at_ref(ref: str, path: str = "openapi.yaml") -> dict[str, Any]:
    """The spec ``path`` at git ``ref`` of the repository."""
    commit = subprocess.run(
        ["git", "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    if commit.returncode != 0:
        raise BadInput(f"no such git ref: {ref!r}")
    shown = subprocess.run(
        ["git", "show", f"{commit.stdout.strip()}:{path}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    if shown.returncode != 0:
        raise BadInput(f"{ref}: has no {path}")
    return load_text(shown.stdout, f"{path} at {ref}")


# ------------------------------------------------------------------- surface
def _name(node: Any) -> str | None:
    ref = node.get("$ref") if isinstance(node, dict) else None
    return ref.removeprefix(REF) if isinstance(ref, str) and ref.startswith(REF) else None


def _resolve(spec: dict[str, Any], node: Any) -> Any:
    while isinstance(node, dict) and isinstance(node.get("$ref"), str):
        target: Any = spec
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        node = target
    return node


def _type(node: Any) -> tuple[str, bool]:
    """(type expression without null, whether null is allowed)."""
    if not isinstance(node, dict):
        return "any", False
    name = _name(node)
    if name is not None:
        return name, False
    alternatives = node.get("anyOf") or node.get("oneOf")
    if alternatives:
        parts = [_type(alternative) for alternative in alternatives]
        types = [t for t, _ in parts if t != "null"]
        nullable = any(n or t == "null" for t, n in parts)
        return " | ".join(types) or "null", nullable
    kind = node.get("type", "object" if "properties" in node else "any")
    kinds = [kind] if isinstance(kind, str) else list(kind)
    nullable = "null" in kinds
    out = []
    for k in kinds:
        if k == "null":
            continue
        if k == "array":
            out.append(f"array of {_type(node.get('items', {}))[0]}")
        elif k == "string" and "format" in node:
            out.append(f"string ({node['format']})")
        else:
            out.append(k)
    return " | ".join(out) or "null", nullable


def _enum_values(spec: dict[str, Any], node: Any) -> list[Any]:
    """Enum values of an inline property (``$ref``s to enum schemas are their own entry)."""
    if not isinstance(node, dict) or "$ref" in node:
        return []
    return [v for v in node.get("enum", ()) if v is not None]


def surface(spec: dict[str, Any]) -> Surface:
    """The API surface of ``spec`` as a flat map of entries."""
    out: Surface = {}
    for path, item in spec.get("paths", {}).items():
        for method in METHODS:
            operation = item.get(method)
            if operation is None:
                continue
            op = operation.get("operationId") or f"{method.upper()} {path}"
            security = operation.get("security", spec.get("security", []))
            out[("operation", op)] = {
                "method": method.upper(),
                "path": path,
                "summary": operation.get("summary", ""),
                "description": operation.get("description", ""),
            }
            for scheme in sorted({name for requirement in security for name in requirement}):
                out[("credential", op, scheme)] = {}
            for parameter in item.get("parameters", []) + operation.get("parameters", []):
                p = _resolve(spec, parameter)
                kind, nullable = _type(p.get("schema", {}))
                out[("parameter", op, p["in"], p["name"])] = {
                    "required": bool(p.get("required", False)),
                    "type": kind,
                    "description": p.get("description", ""),
                }
            body = operation.get("requestBody")
            if body is not None:
                body = _resolve(spec, body)
                schema = body.get("content", {}).get("application/json", {}).get("schema", {})
                out[("request body", op)] = {
                    "schema": _type(schema)[0],
                    "required": bool(body.get("required", False)),
                }
            for code, response in operation.get("responses", {}).items():
                response = _resolve(spec, response)
                schema = response.get("content", {}).get("application/json", {}).get("schema")
                out[("response", op, str(code))] = {
                    "schema": None if schema is None else _type(schema)[0],
                    "description": response.get("description", ""),
                }
    for name, schema in spec.get("components", {}).get("schemas", {}).items():
        kind = "oneOf" if "oneOf" in schema else "enum" if "enum" in schema else "object"
        out[("schema", name)] = {
            "kind": kind,
            "type": _type(schema)[0] if kind != "oneOf" else "oneOf",
            "description": schema.get("description", ""),
        }
        for value in schema.get("enum", ()):
            if value is not None:
                out[("enum value", name, "", str(value))] = {}
        mapping = schema.get("discriminator", {}).get("mapping", {})
        for tag, target in mapping.items():
            out[("member", name, str(tag))] = {"schema": target.removeprefix(REF)}
        required = set(schema.get("required", ()))
        for prop, node in schema.get("properties", {}).items():
            kind_, nullable = _type(node)
            out[("field", name, prop)] = {
                "type": kind_,
                "required": prop in required,
                "nullable": nullable,
                "description": node.get("description", ""),
                "default": node.get("default"),
            }
            for value in _enum_values(spec, node):
                out[("enum value", name, prop, str(value))] = {}
    return out


def _reachable(spec: dict[str, Any], roots: list[Any]) -> set[str]:
    found: set[str] = set()
    stack = list(roots)
    schemas = spec.get("components", {}).get("schemas", {})
    while stack:
        node = stack.pop()
        if isinstance(node, list):
            stack.extend(node)
        elif isinstance(node, dict):
            name = _name(node)
            if name is not None:
                if name not in found and name in schemas:
                    found.add(name)
                    stack.append(schemas[name])
            else:
                stack.extend(node.values())
    return found


def usage(spec: dict[str, Any]) -> tuple[set[str], set[str]]:
    """(schemas reachable from request bodies, schemas reachable from responses)."""
    requests: list[Any] = []
    responses: list[Any] = []
    for item in spec.get("paths", {}).values():
        for method in METHODS:
            operation = item.get(method)
            if operation is None:
                continue
            if "requestBody" in operation:
                requests.append(_resolve(spec, operation["requestBody"]))
            responses.extend(_resolve(spec, r) for r in operation.get("responses", {}).values())
    return _reachable(spec, requests), _reachable(spec, responses)


# ------------------------------------------------------------------- changes
@dataclass(frozen=True)
class Change:
    """One difference, as reported."""

    breaking: bool
    kind: str
    """added, removed or changed."""
    what: str

    def line(self) -> str:
        return f"| {'**breaking**' if self.breaking else 'no'} | {self.kind} | {self.what} |"


def _describe(key: Key) -> str:
    kind = key[0]
    if kind == "operation":
        return f"operation `{key[1]}`"
    if kind == "credential":
        return f"credential `{key[2]}` of operation `{key[1]}`"
    if kind == "parameter":
        return f"{key[2]} parameter `{key[3]}` of operation `{key[1]}`"
    if kind == "request body":
        return f"request body of operation `{key[1]}`"
    if kind == "response":
        return f"response {key[2]} of operation `{key[1]}`"
    if kind == "schema":
        return f"schema `{key[1]}`"
    if kind == "field":
        return f"field `{key[1]}.{key[2]}`"
    if kind == "enum value":
        where = f"{key[1]}.{key[2]}" if key[2] else key[1]
        return f"enum value `{key[3]}` of `{where}`"
    if kind == "member":
        return f"oneOf member `{key[2]}` of `{key[1]}`"
    return " ".join(key)


def _roles(key: Key, requests: set[str], responses: set[str]) -> tuple[bool, bool]:
    """(in a request, in a response) for a schema-level entry."""
    name = key[1]
    return name in requests, name in responses


def _classify_presence(
    key: Key, entry: dict[str, Any], added: bool, requests: set[str], responses: set[str]
) -> bool:
    """Whether adding (``added``) or removing the entry ``key`` is breaking."""
    kind = key[0]
    if not added:
        if kind == "enum value":
            in_request, _ = _roles(key, requests, responses)
            return in_request  # a value a user may send is gone
        # operations, credentials, parameters, bodies, schemas, fields, members
        return kind != "response"
    if kind == "parameter":
        return bool(entry.get("required"))
    if kind == "field":
        in_request, _ = _roles(key, requests, responses)
        return in_request and bool(entry.get("required"))
    if kind == "request body":
        return bool(entry.get("required"))
    return False


def _classify_change(
    key: Key, attribute: str, old: Any, new: Any, requests: set[str], responses: set[str]
) -> bool:
    """Whether changing ``attribute`` of entry ``key`` from ``old`` to ``new`` breaks."""
    if attribute in ("description", "summary", "default"):
        return False
    kind = key[0]
    if kind in ("operation", "request body", "member", "schema"):
        return attribute != "required" or bool(new)
    if kind == "response":
        # A response gaining a body schema only documents more (callers ignored the
        # body before); a body dropped or retyped is breaking.
        return attribute == "schema" and old is not None
    if kind == "parameter":
        return attribute != "required" or bool(new)
    if kind == "field":
        in_request, in_response = _roles(key, requests, responses)
        if attribute == "type":
            return True
        if attribute == "required":
            return (in_request and bool(new)) or (in_response and not new)
        if attribute == "nullable":
            return (in_response and bool(new)) or (in_request and not new)
    return True


def changes(old: dict[str, Any], new: dict[str, Any]) -> list[Change]:
    """Every difference between two specs, classified, in a stable order."""
    from deepdiff import DeepDiff

    before, after = surface(old), surface(new)
    old_req, old_resp = usage(old)
    new_req, new_resp = usage(new)
    requests, responses = old_req | new_req, old_resp | new_resp
    diff = DeepDiff(before, after, view="tree")
    added = {item.path(output_format="list")[0] for item in diff.get("dictionary_item_added", [])}
    removed = {
        item.path(output_format="list")[0] for item in diff.get("dictionary_item_removed", [])
    }
    found: list[Change] = []
    for report_type, items in diff.items():
        for item in items:
            path = item.path(output_format="list")
            key: Key = path[0]
            parent = _parent(key)
            if report_type == "dictionary_item_added" and len(path) == 1:
                if parent in added:  # a part of something new: reported with it
                    continue
                breaking = parent is None or parent in before
                breaking = breaking and _classify_presence(
                    key, after[key], True, requests, responses
                )
                what = _describe(key) + _details(after[key]) + _parts(key, added)
                found.append(Change(breaking, "added", what))
            elif report_type == "dictionary_item_removed" and len(path) == 1:
                if parent in removed:
                    continue
                breaking = _classify_presence(key, before[key], False, requests, responses)
                found.append(Change(breaking, "removed", _describe(key) + _parts(key, removed)))
            elif len(path) >= 2:
                attribute = str(path[1])
                old_value = before[key].get(attribute)
                new_value = after[key].get(attribute)
                breaking = _classify_change(
                    key, attribute, old_value, new_value, requests, responses
                )
                found.append(
                    Change(
                        breaking,
                        "changed",
                        f"{_describe(key)}: {attribute} {_short(old_value)} → {_short(new_value)}",
                    )
                )
    return sorted(found, key=lambda c: (not c.breaking, c.kind, c.what))


def _parent(key: Key) -> Key | None:
    """The operation or schema an entry belongs to (a part of something new is new)."""
    if key[0] in ("credential", "parameter", "request body", "response"):
        return ("operation", key[1])
    if key[0] in ("field", "enum value", "member"):
        return ("schema", key[1])
    return None


def _parts(key: Key, keys: set[Key]) -> str:
    """``"with field `a`, field `b`"``: the parts of a new or removed operation or schema."""
    parts = sorted(_describe(k).split(" of ")[0] for k in keys if _parent(k) == key)
    return f" with {', '.join(parts)}" if parts else ""


def _details(entry: dict[str, Any]) -> str:
    shown = []
    if "type" in entry and entry.get("type") not in (None, "object", "oneOf"):
        shown.append(str(entry["type"]))
    if "required" in entry:
        shown.append("required" if entry["required"] else "optional")
    return f" ({', '.join(shown)})" if shown else ""


def _short(value: Any) -> str:
    text = "`" + str(value).replace("|", "\\|").replace("\n", " ") + "`"
    return text if len(text) <= 80 else text[:76] + "…`"


def report(found: list[Change], base: str) -> str:
    """The markdown report."""
    breaking = sum(change.breaking for change in found)
    lines = [f"# API changes: openapi.yaml against {base}", ""]
    if not found:
        lines.append("No change to the API surface.")
        return "\n".join(lines) + "\n"
    verdict = (
        "**Breaking**: bump the major version (the minor while < 1.0) and tell users."
        if breaking
        else "Not breaking: a minor version (new API) or a patch (descriptions only)."
    )
    lines += [
        f"{len(found)} change(s), {breaking} breaking. {verdict}",
        "",
        "| breaking | change | what |",
        "|---|---|---|",
        *(change.line() for change in found),
    ]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", default="HEAD", help="the git ref to compare with")
    parser.add_argument("--spec", type=Path, default=ROOT / "openapi.yaml")
    args = parser.parse_args(argv)
    try:
        old = load_at_ref(args.base)
        try:
            text = args.spec.read_text(encoding="utf-8")
        except OSError as exc:
            raise BadInput(f"{args.spec}: {exc.strerror}") from None
        new = load_text(text, str(args.spec.name))
    except BadInput as exc:
        print(f"api-diff: error: {exc}", file=sys.stderr)
        return 2
    found = changes(old, new)
    sys.stdout.write(report(found, args.base))
    return 1 if any(change.breaking for change in found) else 0


if __name__ == "__main__":
    raise SystemExit(main())
