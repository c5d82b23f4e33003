"""Regenerate ``gabber_client/_generated/`` from ``openapi.yaml``.

Runs openapi-python-client (pinned in pyproject's ``dev`` extra) with
``generator-config.yml`` and the custom templates in ``generator-templates/``;
the generator's post-hooks run ruff with the repository's ``ruff.toml``. It then
writes ``openapi.json``, a JSON copy of the spec that the package ships for the
fake server's request validation.

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

sys.path.insert(0, str(Path(__file__).resolve().parent))
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
    spec_json = json.dumps(_load_yaml(spec), indent=1, sort_keys=True, ensure_ascii=False)
    (target / "openapi.json").write_text(spec_json + "\n", encoding="utf-8")
    typed_dicts.write(target)  # the request TypedDicts, from that openapi.json
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--spec", type=Path, default=ROOT / "openapi.yaml")
    parser.add_argument("--out", type=Path, default=ROOT)
    args = parser.parse_args()
    target = generate(args.spec.resolve(), args.out)
    print(f"generated {target.relative_to(args.out.resolve())} from {args.spec.name}")


if __name__ == "__main__":
    main()
