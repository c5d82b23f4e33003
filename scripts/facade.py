"""Write the facade's resource classes (``gabber_client/resources/realtime.py``).

From the spec (its JSON copy and the per-operation facts that ``generate.py``
derives from it) and the one hand-written table (``gabber_client/_operations.py``):
for every operation, a plain typed method on ``Realtime`` and ``AsyncRealtime`` and
its twin on both ``with_raw_response`` classes, with a docstring from the spec's
summary, description and parameter descriptions.

Built as a script and a template: this script decides everything (each method's
name, parameters, types, docstring, how its arguments reach the request), as data
it can test and fail loudly on; ``scripts/templates/resources.py.jinja`` only lays
that data out, so the generated file reads like hand-written code and its shape is
reviewed in one place. Called by ``scripts/generate.py``; ruff formats the output.
"""

from __future__ import annotations

import inspect
import re
import textwrap
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import jinja2

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = Path(__file__).resolve().parent / "templates"
FACADE = Path("gabber_client") / "resources" / "realtime.py"
RESOURCE_TAG = "realtime"
"""The one resource of the facade (``client.realtime``): every operation's first tag."""

_SCALARS = {"string": "str", "integer": "int", "number": "float", "boolean": "bool", "null": "None"}
_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_KNOWN = {"Any", "Mapping", "Sequence", "None", "str", "int", "float", "bool", "Literal"}


@dataclass
class Param:
    """One parameter of a facade method."""

    name: str
    annotation: str
    default: str | None = None
    keyword: bool = False
    doc: str = ""


@dataclass
class Method:
    """One facade method, as the template writes it."""

    name: str
    operation: str
    params: list[Param]
    doc: list[str]
    docstring: str
    async_docstring: str
    result: str
    """The parsed result's type (``Call[...]``)."""
    returns: str
    async_returns: str
    paged: bool
    has_body: bool
    path: list[tuple[str, str]] = field(default_factory=list)
    query: list[tuple[str, str]] = field(default_factory=list)
    headers: list[tuple[str, str]] = field(default_factory=list)
    human: bool = False
    fields: list[tuple[str, str]] | None = None
    body: str | None = None
    """The expression of the whole body, when it is one argument."""
    body_name: str | None = None


class Facade:
    """The facade's methods, from the spec and the operation table."""

    def __init__(self, document: dict[str, Any], facts: dict[str, dict[str, Any]]) -> None:
        from gabber_client import _calls
        from gabber_client._operations import OVERRIDES, resolve

        self.document = document
        self.schemas: dict[str, Any] = document["components"]["schemas"]
        self.facts = facts
        self.params_types = _request_type_names(document)
        self.calls = _calls
        order = [op for op in OVERRIDES if op in facts]
        order += sorted(op for op in facts if op not in OVERRIDES)
        self.entries = {
            op: resolve(op, SimpleNamespace(**facts[op]), OVERRIDES.get(op))  # type: ignore[arg-type]
            for op in order
        }
        self.used: set[str] = set()
        self._check()

    def _check(self) -> None:
        problems = []
        for op, facts in self.facts.items():
            tag = facts["module"].split(".")[1]
            if tag != RESOURCE_TAG:
                problems.append(
                    f"{op}: its first tag is {tag!r}; the facade has one resource, "
                    f"{RESOURCE_TAG!r} (give it that tag, or extend scripts/facade.py)"
                )
        names = [entry.method for entry in self.entries.values()]
        for name in sorted({n for n in names if names.count(n) > 1}):
            clash = [op for op, e in self.entries.items() if e.method == name]
            problems.append(
                f"method name {name!r} is used by {clash}: override one in _operations.py"
            )
        for name in names:
            if not name.isidentifier() or name.startswith("_") or name == "with_raw_response":
                problems.append(f"method name {name!r} is not a public identifier")
        if problems:
            raise SystemExit("scripts/facade.py:\n  " + "\n  ".join(problems))

    # ------------------------------------------------------------------- types
    def request_type(self, node: dict[str, Any]) -> str:
        """The annotation of an argument holding JSON of schema ``node``."""
        ref = node.get("$ref")
        if ref is not None:
            name = ref.rsplit("/", 1)[1]
            schema = self.schemas[name]
            if schema.get("additionalProperties") is True and not schema.get("properties"):
                return "Mapping[str, Any]"
            if "properties" in schema or "oneOf" in schema or "anyOf" in schema:
                self.used.add(name)
                if f"{name}Param" in self.params_types:
                    self.used.add(f"{name}Param")
                    return f"{name} | {name}Param"
                return f"{name} | Mapping[str, Any]"
            return self.request_type(schema)
        alternatives = node.get("anyOf") or node.get("oneOf")
        if alternatives is not None:
            return _union([self.request_type(a) for a in alternatives])
        if "enum" in node:
            return _union(["None" if v is None else "str" for v in node["enum"]])
        declared = node.get("type", "object")
        kinds = declared if isinstance(declared, list) else [declared]
        parts = []
        for kind in kinds:
            if kind == "array":
                parts.append(f"Sequence[{self.request_type(node.get('items', {}))}]")
            elif kind == "object":
                parts.append("Mapping[str, Any]")
            else:
                parts.append(_SCALARS[kind])
        return _union(parts)

    def model(self, name: str) -> str:
        self.used.add(name)
        return name

    def _describe(self, node: dict[str, Any]) -> str:
        text = node.get("description")
        if text is None and "$ref" in node:
            text = self.schemas[node["$ref"].rsplit("/", 1)[1]].get("description")
        for key in ("anyOf", "oneOf"):
            for alternative in node.get(key, ()) if text is None else ():
                text = text or self._describe(alternative)
        return " ".join((text or "").split())

    # ----------------------------------------------------------------- methods
    def methods(self) -> list[Method]:
        return [self.method(op) for op in self.entries]

    def method(self, op: str) -> Method:
        facts, entry = self.facts[op], self.entries[op]
        spec_op = self.document["paths"][facts["path"]][facts["method"].lower()]
        spec_params = {
            (p["in"], p["name"]): p for p in map(self._resolve, spec_op.get("parameters", []))
        }
        positional: list[Param] = []
        keyword: list[Param] = []
        human: Param | None = None
        method = Method(
            name=entry.method,
            operation=op,
            params=[],
            doc=[],
            docstring="",
            async_docstring="",
            result="None",
            returns="None",
            async_returns="None",
            paged=entry.paging != "none",
            has_body=facts["request_body"] is not None,
        )
        for where, wire, keyword_name, _kind in facts["parameters"]:
            spec_param = spec_params[(where, wire)]
            required = bool(spec_param.get("required"))
            doc = self._describe(spec_param)
            if where == "header" and wire.lower() == "x-human-id":
                method.human = True
                human = Param("human", "str | None", "None", True, _human_doc(doc))
                continue
            name = keyword_name
            annotation = self.request_type(spec_param.get("schema", {}))
            if where == "path":
                positional.append(Param(name, annotation, doc=doc))
                method.path.append((keyword_name, name))
            else:
                target = method.query if where == "query" else method.headers
                target.append((keyword_name, name))
                if required:
                    keyword.append(Param(name, annotation, None, True, doc))
                else:
                    keyword.append(Param(name, _optional(annotation), "None", True, doc))
        body_positional, body_keyword = self._body(method, facts, entry)
        params = positional + body_positional + [*body_keyword, *keyword]
        if human is not None:
            params.append(human)
        # Required keyword-only parameters read best first among the keyword ones.
        keyword_params = [p for p in params if p.keyword]
        keyword_params.sort(key=lambda p: p.default is not None)
        method.params = [p for p in params if not p.keyword] + keyword_params
        _check_names(op, method.params)
        self._returns(method, facts, entry)
        method.doc = self._doc(method, facts, entry, spec_op, is_async=False)
        method.docstring = _docstring(method.doc)
        method.async_docstring = _docstring(self._doc(method, facts, entry, spec_op, is_async=True))
        return method

    def _resolve(self, node: dict[str, Any]) -> dict[str, Any]:
        while "$ref" in node:
            target: Any = self.document
            for part in node["$ref"].removeprefix("#/").split("/"):
                target = target[part]
            node = target
        return node

    def _body(
        self, method: Method, facts: dict[str, Any], entry: Any
    ) -> tuple[list[Param], list[Param]]:
        schema = facts["request_body"]
        if schema is None:
            return [], []
        if entry.body_builder is not None:
            return self._built_body(method, entry.body_builder)
        if entry.body is not None or facts["body_fields"] is None:
            name = entry.body or "body"
            method.body, method.body_name = name, name
            doc = self._describe({"$ref": f"#/components/schemas/{schema}"})
            return [
                Param(name, self.request_type({"$ref": f"#/components/schemas/{schema}"}), doc=doc)
            ], []
        node = self.schemas[schema]
        one_of = "oneOf" in node
        if one_of:
            node = self._resolve(node["oneOf"][0])
        properties = node["properties"]
        positional: list[Param] = []
        keyword: list[Param] = []
        method.fields = []
        for wire, name, kind, required in facts["body_fields"]:
            if kind.startswith("const "):
                continue  # filled in by _calls.build
            method.fields.append((wire, name))
            prop = properties[wire]
            annotation = self.request_type(prop)
            doc = self._describe(prop)
            if required and not one_of:
                positional.append(Param(name, annotation, doc=doc))
            elif required:
                keyword.append(Param(name, annotation, None, True, doc))
            else:
                keyword.append(Param(name, _optional(annotation), "None", True, doc))
        return positional, keyword

    def _built_body(self, method: Method, builder_name: str) -> tuple[list[Param], list[Param]]:
        builder = getattr(self.calls, builder_name)
        signature = inspect.signature(builder)
        docs = _args_doc(inspect.getdoc(builder) or "")
        positional: list[Param] = []
        keyword: list[Param] = []
        names = []
        for p in signature.parameters.values():
            default = None if p.default is inspect.Parameter.empty else repr(p.default)
            param = Param(
                p.name,
                str(p.annotation),
                default,
                p.kind is inspect.Parameter.KEYWORD_ONLY,
                docs.get(p.name, ""),
            )
            (keyword if param.keyword else positional).append(param)
            names.append(p.name if not param.keyword else f"{p.name}={p.name}")
            for identifier in _IDENTIFIER.findall(param.annotation):
                if identifier not in _KNOWN:
                    self.used.add(identifier)
        method.body = f"_calls.{builder_name}({', '.join(names)})"
        return positional, keyword

    def _returns(self, method: Method, facts: dict[str, Any], entry: Any) -> None:
        response = facts["response"]
        if response is None:
            return
        method.result = self.model(response)
        method.returns = method.async_returns = response
        if method.paged:
            items = self.schemas[response]["properties"]["values"].get("items", {})
            item = self.model(items["$ref"].rsplit("/", 1)[1]) if "$ref" in items else "Any"
            method.returns = f"SyncPage[{item}]"
            method.async_returns = f"AsyncPaginator[{item}]"

    def _doc(
        self,
        method: Method,
        facts: dict[str, Any],
        entry: Any,
        spec_op: dict[str, Any],
        *,
        is_async: bool,
    ) -> list[str]:
        summary = " ".join(spec_op.get("summary", "").split()) or method.name
        summary = summary if summary.endswith(".") else summary + "."
        paragraphs = [summary]
        description = " ".join(spec_op.get("description", "").split())
        if description and description.rstrip(".") != summary.rstrip("."):
            paragraphs.append(description)
        notes = [
            "Retried, when it fails, even after the request may have reached the server "
            "(idempotent)."
            if entry.retry_after_sent
            else "Not retried once the request may have reached the server (not idempotent)."
        ]
        if facts["api_key_only"]:
            notes.append("Accepts an API key only (not a usage token).")
        if entry.paging != "none":
            notes.append(
                "Returns an AsyncPaginator: ``async for`` it for every item of every page, "
                "or await it for the first page."
                if is_async
                else "Returns the first page; iterate it for every item of every page."
            )
        if entry.paging == "url":
            notes.append("Next pages are followed on the base URL's origin only.")
        paragraphs.append(" ".join(notes))
        lines: list[str] = []
        for paragraph in paragraphs:
            lines += [*textwrap.wrap(paragraph, 80), ""]
        documented = [p for p in method.params if p.doc]
        if documented:
            lines.append("Args:")
            for p in documented:
                wrapped = textwrap.wrap(f"{p.name}: {p.doc}", 76, subsequent_indent="    ")
                lines += ["    " + line for line in wrapped]
            lines.append("")
        while lines and not lines[-1]:
            lines.pop()
        return [line.replace("\\", "\\\\").replace('"""', '\\"\\"\\"') for line in lines]

    # ------------------------------------------------------------------ output
    def render(self) -> str:
        methods = self.methods()
        environment = jinja2.Environment(
            loader=jinja2.FileSystemLoader(TEMPLATES),
            undefined=jinja2.StrictUndefined,
            keep_trailing_newline=True,
            autoescape=False,  # noqa: S701 - Python source, not HTML
        )
        template = environment.get_template("resources.py.jinja")
        used = sorted(self.used)
        annotations = " ".join(p.annotation for m in methods for p in m.params)
        words = set(_IDENTIFIER.findall(annotations))
        return template.render(
            abc_names=[n for n in ("Mapping", "Sequence") if n in words],
            typing_names=[n for n in ("Any",) if n in words],
            paged=any(m.paged for m in methods),
            methods=methods,
            models=[n for n in used if not n.endswith("Param")],
            params_types=[n for n in used if n.endswith("Param")],
        )


def _docstring(lines: list[str]) -> str:
    """``lines`` as a method's docstring (8 spaces in, the closing quotes on their own line)."""
    if len(lines) == 1:
        return f'"""{lines[0]}"""'
    body = "".join(f"\n        {line}" if line else "\n" for line in lines[1:])
    return f'"""{lines[0]}{body}\n        """'


def _union(parts: list[str]) -> str:
    unique = list(dict.fromkeys(parts))
    if "None" in unique:
        unique = [p for p in unique if p != "None"] + ["None"]
    return " | ".join(unique)


def _optional(annotation: str) -> str:
    return annotation if annotation.endswith("| None") else f"{annotation} | None"


def _human_doc(spec_doc: str) -> str:
    return (
        "Act for this human (the ``x-human-id`` header); default: the client's "
        "``human``. " + spec_doc
    ).strip()


def _args_doc(doc: str) -> dict[str, str]:
    """A Google-style ``Args:`` section as {name: text}."""
    found: dict[str, str] = {}
    inside = False
    current = None
    for line in doc.splitlines():
        if line.strip() == "Args:":
            inside = True
            continue
        if inside:
            if not line.startswith(" "):
                break
            match = re.match(r"\s{4}(\w+): (.*)", line)
            if match:
                current = match[1]
                found[current] = match[2].strip()
            elif current is not None:
                found[current] += " " + line.strip()
    return found


def _check_names(operation: str, params: list[Param]) -> None:
    reserved = {"self", "timeout", "extra_headers", "extra_query", "extra_body"}
    names = [p.name for p in params]
    clashes = sorted({n for n in names if names.count(n) > 1} | (set(names) & reserved))
    if clashes:
        raise SystemExit(
            f"scripts/facade.py: {operation}: parameter name(s) {clashes} clash; give the "
            "operation a body override in gabber_client/_operations.py"
        )


def _request_type_names(document: dict[str, Any]) -> set[str]:
    """The names of the request TypedDicts that ``scripts/typed_dicts.py`` generates."""
    import typed_dicts

    writer = typed_dicts._Writer(document)
    writer.module()
    return {f"{name}{typed_dicts.SUFFIX}" for name in writer.emitted}


def write(document: dict[str, Any], facts: dict[str, dict[str, Any]], out_root: Path) -> Path:
    """Write the facade module under ``out_root``; return its path."""
    target = out_root / FACADE
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(Facade(document, facts).render(), encoding="utf-8")
    return target
