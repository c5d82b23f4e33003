"""Write ``gabber_client/_generated/request_types.py``: a TypedDict for every object
schema a request body of the spec uses, so that IDEs complete dict configs and
``mypy --strict`` flags a misspelt or mistyped key.

Called by ``scripts/generate.py`` after openapi-python-client, on the
``openapi.json`` it wrote; so ``make generate`` keeps the TypedDicts in step with
the spec and ``make check-drift`` catches a hand edit or a stale file.

The mapping from JSON Schema:

* an object schema ``Foo`` -> ``class FooParam(TypedDict)``; a property not in
  ``required`` is ``NotRequired``; a nested ``$ref`` refers to the nested
  ``...Param``; descriptions become attribute docstrings;
* a free-form object (``additionalProperties: true`` and no properties) ->
  ``Mapping[str, Any]``;
* ``oneOf``/``anyOf`` -> a union (``FooParam: TypeAlias = A | B`` for a schema);
* ``enum`` -> its ``Literal[...]``, strict: the client checks dicts against the spec
  and refuses a value it does not list, so the type says the same (the response
  models widen enums with ``str`` for values the server adds later; a request
  cannot use those until the spec lists them: send them with ``extra_body``);
* ``array`` -> ``Sequence[item]``; ``null`` -> ``None``; ``string`` -> ``str``,
  ``integer`` -> ``int``, ``number`` -> ``float``, ``boolean`` -> ``bool``.

Usage (normally through generate.py): ``python scripts/typed_dicts.py DIR``, DIR
holding ``openapi.json``.
"""

from __future__ import annotations

import json
import keyword
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

MODULE = "request_types.py"
SUFFIX = "Param"
RESPONSE_MODULE = "response_types.py"
RESPONSE_SUFFIX = "JSON"

_SCALARS = {"string": "str", "integer": "int", "number": "float", "boolean": "bool", "null": "None"}


class _Writer:
    """Writes the request TypedDicts; :class:`_ResponseWriter` the response ones."""

    suffix = SUFFIX
    sequence = "Sequence"
    free_form = "Mapping[str, Any]"

    def __init__(self, spec: dict[str, Any]) -> None:
        self.spec = spec
        self.schemas: dict[str, Any] = spec["components"]["schemas"]
        self.emitted: dict[str, str] = {}  # schema name -> code (filled in reach order)
        self.pending: list[str] = []
        self.deps: dict[str, set[str]] = {}  # schema name -> the emitted schemas it uses
        self._current: set[str] = set()

    # ------------------------------------------------------------- reaching
    def roots(self) -> list[str]:
        names = []
        for path_item in self.spec["paths"].values():
            for operation in path_item.values():
                if not isinstance(operation, dict) or "requestBody" not in operation:
                    continue
                for media in operation["requestBody"]["content"].values():
                    ref = media["schema"].get("$ref")
                    if ref is None:
                        raise SystemExit("typed_dicts: a request body schema is not a $ref")
                    names.append(self._ref_name(ref))
        return names

    def _enum(self, values: list[Any]) -> str:
        return f"Literal[{', '.join(repr(v) for v in values)}]"

    @staticmethod
    def _ref_name(ref: str) -> str:
        return ref.rsplit("/", 1)[1]

    @staticmethod
    def _free_form(schema: dict[str, Any]) -> bool:
        return schema.get("additionalProperties") is True and not schema.get("properties")

    def _named(self, name: str) -> str:
        """The type of a ``$ref`` to component schema ``name`` (queued for emission)."""
        schema = self.schemas[name]
        if self._free_form(schema):
            return self.free_form
        if "properties" in schema or "oneOf" in schema or "anyOf" in schema:
            if name not in self.emitted and name not in self.pending:
                self.pending.append(name)
            self._current.add(name)
            return name + self.suffix
        return self.type_of(schema)

    # --------------------------------------------------------------- typing
    def type_of(self, schema: dict[str, Any]) -> str:
        ref = schema.get("$ref")
        if ref is not None:
            return self._named(self._ref_name(ref))
        alternatives = schema.get("oneOf") or schema.get("anyOf")
        if alternatives is not None:
            return self._union([self.type_of(a) for a in alternatives])
        declared = schema.get("type", "object")
        names = declared if isinstance(declared, list) else [declared]
        if "enum" in schema:
            values = [v for v in schema["enum"] if v is not None]
            literal = self._enum(values)
            nullable = "null" in names or None in schema["enum"]
            return self._union([literal, "None"] if nullable else [literal])
        parts = []
        for name in names:
            if name == "array":
                parts.append(f"{self.sequence}[{self.type_of(schema.get('items', {}))}]")
            elif name == "object":
                if schema.get("properties"):
                    raise SystemExit(
                        "typed_dicts: an inline object schema with properties; "
                        "make it a component schema"
                    )
                parts.append(self.free_form)
            else:
                parts.append(_SCALARS[name])
        return self._union(parts)

    @staticmethod
    def _union(parts: list[str]) -> str:
        unique = list(dict.fromkeys(parts))
        if "None" in unique:  # None last, as the generated models write it
            unique = [p for p in unique if p != "None"] + ["None"]
        return " | ".join(unique)

    # ------------------------------------------------------------- emitting
    def emit(self, name: str) -> None:
        self._current = self.deps[name] = set()
        schema = self.schemas[name]
        alternatives = schema.get("oneOf") or schema.get("anyOf")
        description = schema.get("description", f"The {name} schema.")
        if alternatives is not None and not schema.get("properties"):
            union = self._union([self.type_of(a) for a in alternatives])
            self.emitted[name] = (
                f"{name}{self.suffix}: TypeAlias = {union}\n{_docstring(description, '')}\n"
            )
            return
        properties: dict[str, Any] = schema.get("properties", {})
        required = set(schema.get("required", []))
        fields = []
        for key, prop in properties.items():
            kind = self.type_of(prop)
            annotation = kind if key in required else f"NotRequired[{kind}]"
            fields.append((key, annotation, prop.get("description")))
        if all(k.isidentifier() and not keyword.iskeyword(k) for k, _, _ in fields):
            lines = [f"class {name}{self.suffix}(TypedDict):", _docstring(description, "    ")]
            for key, annotation, text in fields:
                lines.append(f"    {key}: {annotation}")
                if text:
                    lines.append(_docstring(text, "    "))
            self.emitted[name] = "\n".join(lines) + "\n"
        else:
            items = ", ".join(f"{k!r}: {a}" for k, a, _ in fields)
            self.emitted[name] = (
                f'{name}{self.suffix} = TypedDict("{name}{self.suffix}", {{{items}}})\n'
                f"{_docstring(description, '')}\n"
            )

    def module(self) -> str:
        self.pending = list(dict.fromkeys(self.roots()))
        while self.pending:
            name = self.pending.pop(0)
            if name not in self.emitted:
                self.emit(name)
        names = sorted(self.emitted)
        # Each after the ones it uses: the annotations are evaluated at import (no
        # `from __future__ import annotations`), so that NotRequired is seen at run
        # time too (__required_keys__) and no name is a forward reference.
        ordered: list[str] = []

        def visit(name: str, path: tuple[str, ...]) -> None:
            if name in ordered:
                return
            if name in path:
                raise SystemExit(f"typed_dicts: {name} refers to itself; not supported")
            for dependency in sorted(self.deps[name]):
                visit(dependency, (*path, name))
            ordered.append(name)

        for name in names:
            visit(name, ())
        exported = ", ".join(f'"{n}{self.suffix}"' for n in names)
        header = self.header() + f"__all__ = [{exported}]\n\n"
        return header + "\n\n".join(self.emitted[n] for n in ordered)

    def header(self) -> str:
        return (
            '"""TypedDicts of the request bodies of openapi.yaml, for dict configs.\n\n'
            "Generated by scripts/typed_dicts.py (`make generate`): never edit by hand.\n"
            "Each ``FooParam`` is the dict form of the model ``Foo``.\n"
            '"""\n\n'
            "from collections.abc import Mapping, Sequence\n"
            "from typing import Any, Literal, NotRequired, TypeAlias, TypedDict\n\n"
        )


class _ResponseWriter(_Writer):
    """TypedDicts of the 200 bodies, as JSON: ``FooJSON`` for the schema ``Foo``.

    Plain ``list``/``dict`` (the JSON a fake or a test holds); an enum of two or more
    values also takes any string (the server may add values, as the models allow);
    a single-value enum (a ``oneOf`` tag) stays strict."""

    suffix = RESPONSE_SUFFIX
    sequence = "list"
    free_form = "dict[str, Any]"

    def roots(self) -> list[str]:
        names = []
        for path_item in self.spec["paths"].values():
            for operation in path_item.values():
                if not isinstance(operation, dict):
                    continue
                ok = operation.get("responses", {}).get("200", {})
                for media in ok.get("content", {}).values():
                    ref = media.get("schema", {}).get("$ref")
                    if ref is None:
                        raise SystemExit("typed_dicts: a 200 body schema is not a $ref")
                    names.append(self._ref_name(ref))
        return names

    def _enum(self, values: list[Any]) -> str:
        literal = super()._enum(values)
        return literal if len(values) < 2 else f"{literal} | str"

    def header(self) -> str:
        return (
            '"""TypedDicts of the 200 response bodies of openapi.yaml, as JSON.\n\n'
            "Generated by scripts/typed_dicts.py (`make generate`): never edit by hand.\n"
            "Each ``FooJSON`` is the JSON form of the model ``Foo`` (what ``to_dict()``\n"
            "returns and the fake hands out).\n"
            '"""\n\n'
            "from typing import Any, Literal, NotRequired, TypeAlias, TypedDict\n\n"
        )


def _docstring(text: str, indent: str) -> str:
    body = " ".join(text.split()).replace("\\", "\\\\").replace('"""', '\\"\\"\\"')
    return f'{indent}"""{body}"""'


def write(target: Path) -> Path:
    """Write ``target/request_types.py`` and ``target/response_types.py`` from
    ``target/openapi.json``, formatted with the pinned ruff (the one next to this
    Python) and the repository's ruff.toml. Returns the first."""
    spec = json.loads((target / "openapi.json").read_text(encoding="utf-8"))
    target = target.resolve()
    path = target / MODULE
    path.write_text(_Writer(spec).module(), encoding="utf-8")
    responses = target / RESPONSE_MODULE
    responses.write_text(_ResponseWriter(spec).module(), encoding="utf-8")
    ruff = str(Path(sys.executable).parent / "ruff")
    search = f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"
    env = dict(os.environ, PATH=search)
    for args in (["check", "--fix-only", "--quiet"], ["format", "--quiet"]):
        subprocess.run([ruff, *args, str(path), str(responses)], env=env, check=True, cwd=target)
    return path


if __name__ == "__main__":
    print(write(Path(sys.argv[1])))
