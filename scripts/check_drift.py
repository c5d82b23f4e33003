"""Fail when the committed ``gabber_client/_generated/``, facade or ``api.md`` does not match.

Regenerates into a temporary directory (see ``scripts/generate.py``) and compares
every file byte for byte with the committed package and the committed facade
(``gabber_client/resources/realtime.py``); then renders ``api.md`` from
the committed package and facade (``scripts/api_reference.py``) and compares it
with the committed one. Exit 0 when identical; exit 1, listing the added, missing
and changed files, when not.

Usage: ``python scripts/check_drift.py [--spec openapi.yaml] [--package DIR] [--api-md FILE]``.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from api_reference import API_MD, render
from facade import FACADE
from generate import PACKAGE_DIR, ROOT, generate

IGNORED_PARTS = {"__pycache__", ".mypy_cache", ".ruff_cache"}


def _files(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and not IGNORED_PARTS.intersection(p.parts)
    }


def drift(spec: Path, committed: Path, facade: Path = ROOT / FACADE) -> list[str]:
    """Return one line per file that differs between ``committed`` (and ``facade``) and a
    fresh generation."""
    with tempfile.TemporaryDirectory(prefix="gabber-drift-") as tmp:
        fresh = _files(generate(spec, Path(tmp)))
        fresh_facade = (Path(tmp) / FACADE).read_bytes()
    current = _files(committed) if committed.is_dir() else {}
    lines = []
    if not facade.is_file():
        lines.append(f"  missing:  {FACADE.as_posix()}")
    elif facade.read_bytes() != fresh_facade:
        lines.append(f"  changed:  {FACADE.as_posix()}")
    for name in sorted(fresh.keys() | current.keys()):
        if name not in current:
            lines.append(f"  missing:  {PACKAGE_DIR.as_posix()}/{name}")
        elif name not in fresh:
            lines.append(f"  extra:    {PACKAGE_DIR.as_posix()}/{name}")
        elif fresh[name] != current[name]:
            lines.append(f"  changed:  {PACKAGE_DIR.as_posix()}/{name}")
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--spec", type=Path, default=ROOT / "openapi.yaml")
    parser.add_argument("--package", type=Path, default=ROOT / PACKAGE_DIR)
    parser.add_argument("--api-md", type=Path, default=API_MD)
    parser.add_argument("--facade", type=Path, default=ROOT / FACADE)
    args = parser.parse_args()
    lines = drift(args.spec.resolve(), args.package.resolve(), args.facade.resolve())
    current = args.api_md.read_text(encoding="utf-8") if args.api_md.exists() else ""
    if render() != current:
        lines.append("  changed:  api.md")
    if lines:
        print(
            f"DRIFT: {args.package}, the facade or api.md does not match {args.spec.name} "
            f"({len(lines)} file(s) differ):",
            file=sys.stderr,
        )
        print("\n".join(lines), file=sys.stderr)
        print(
            "Run `make generate` and commit the result; never edit generated files by hand.",
            file=sys.stderr,
        )
        return 1
    print(f"no drift: {args.package.name}/ matches {args.spec.name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
