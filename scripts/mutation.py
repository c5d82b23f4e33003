"""``make mutation``: mutation testing of the hand-written runtime, module by module.

For each module of ``mutation/modules.toml`` (``--only NAME,...`` picks some), in
a copy of the repository under ``.mutation/<name>/``, mutmut mutates that module
alone and runs, for each mutant, only that module's own test files (and of those,
only the tests that call the mutated function). Then this script reads every
mutant's outcome and prints one table: killed, survived, known equivalent
(``mutation/equivalent.toml``, each with its reason), and score = killed /
(all - equivalent). It exits 1 when a module scores below ``--threshold`` (95%)
or a mutant could not be judged.

Two ways mutmut can count a kill that is not one are closed here:

* mutmut's default "fork" mode runs every mutant in a fork of the process that
  already imported the test modules, so a test module that builds a client at
  import keeps the unmutated one, and a test run that crashes inside pytest is
  reported as a kill. The copy's config picks ``process_isolation = "forkserver"``
  and a warm-up that imports third-party modules only: each mutant's tests import
  the package and the test modules afresh, under the mutant.
* a mutant's tests are passed to pytest as node ids; an id pytest cannot find
  again (ids holding backslashes or escapes) makes pytest fail with a usage
  error, which mutmut's fork mode counted as a kill. Here only exit status 1
  (a test failed) and a CPU-time kill count as killed, 0 as survived; any other
  status (usage or internal error, no test run) is reported as "not judged" and
  fails the run.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CONFIG = ROOT / "mutation" / "modules.toml"
EQUIVALENT = ROOT / "mutation" / "equivalent.toml"
WORK = ROOT / ".mutation"

# Imported once by mutmut's fork server, before it forks a process per mutant:
# third-party modules only (the package and the tests are imported in each
# mutant's process, under the mutant). Saves about 3 s a mutant.
PRELOAD = (
    "anyio",
    "anyio._backends._asyncio",
    "anyio.pytest_plugin",
    "attrs",
    "httpx",
    "hypothesis",
    "hypothesis.strategies",
    "jsonschema",
    "openapi_core",
    "openapi_spec_validator",
    "pytest_asyncio",
    "pytest_timeout",
    "schemathesis",
    "schemathesis.graphql",
    "uvicorn",
    "yaml",
)

# A pytest plugin written into each copy: before every test it empties the caches
# (functools.cache) of the module under test. mutmut runs a mutant against the tests
# that called the mutated function when it collected its statistics; a cached
# function runs only in the first test that needs it, so without this the other
# tests that depend on it (and would kill its mutants) are never run on them.
FRESH_CACHES = """import importlib

MODULE = {module!r}


def pytest_runtest_setup(item):
    for value in list(vars(importlib.import_module(MODULE)).values()):
        clear = getattr(value, "cache_clear", None)
        if callable(clear):
            clear()
"""

KILLED = {1}
TIMEOUT = {-24, 24, 152, -9, 137}  # SIGXCPU, SIGKILL: a mutant that never ends
SURVIVED = {0, 33}  # 33: no test of the module calls the mutated function


@dataclass
class Outcome:
    module: str
    killed: int = 0
    timeouts: int = 0
    survived: list[str] = field(default_factory=list)
    equivalent: list[str] = field(default_factory=list)
    unjudged: dict[str, int] = field(default_factory=dict)
    pending: int = 0  # not run (yet): an interrupted run, read with --report
    seconds: float = 0.0
    missing: bool = False  # no run at all in its copy

    @property
    def total(self) -> int:
        return (
            self.killed
            + self.timeouts
            + len(self.survived)
            + len(self.equivalent)
            + len(self.unjudged)
            + self.pending
        )

    @property
    def score(self) -> float:
        counted = self.total - len(self.equivalent) - self.pending
        return 100.0 if counted == 0 else 100.0 * (self.killed + self.timeouts) / counted


def _modules() -> dict[str, dict[str, object]]:
    modules: dict[str, dict[str, object]] = tomllib.loads(CONFIG.read_text("utf-8"))["modules"]
    return modules


def _equivalents() -> list[dict[str, str]]:
    entries: list[dict[str, str]] = tomllib.loads(EQUIVALENT.read_text("utf-8")).get(
        "equivalent", []
    )
    return entries


def _repository_files() -> list[str]:
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.splitlines()
    return [name for name in listed if (ROOT / name).is_file()]


def _prepare(name: str, module: dict[str, object], work: Path) -> None:
    """A fresh copy of the repository in ``work``, its pyproject.toml telling mutmut
    what to mutate and which tests to run."""
    shutil.rmtree(work, ignore_errors=True)
    _copy(_repository_files(), work)
    _configure(name, module, work)


def _copy(files: list[str], work: Path) -> None:
    for relative in files:
        target = work / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / relative, target)


def _configure(name: str, module: dict[str, object], work: Path) -> None:
    """``work``'s pyproject.toml: the repository's, and mutmut's settings for ``module``."""
    tests = module["tests"]
    assert isinstance(tests, list)
    missing = [test for test in tests if not (ROOT / test).is_file()]
    if missing:
        raise SystemExit(f"mutation/modules.toml: {name}: no such test file: {missing}")
    tops = sorted(
        {relative.split("/", 1)[0] for relative in _repository_files()} - {"gabber_client"}
    )
    settings = {
        "source_paths": ["gabber_client"],
        "only_mutate": [module["source"]],
        "pytest_add_cli_args_test_selection": tests,
        "pytest_add_cli_args": ["-p", "no:cacheprovider", "-p", "mutation_fresh_caches", "-q"],
        "also_copy": [*tops, "mutation_fresh_caches.py"],
        "process_isolation": "forkserver",
        "forkserver_warmup": "import",
        "preload_modules_file": "mutation-preload.txt",
        "use_git_change_detection": False,
        "use_setproctitle": False,
        # a mutant's tests may run this many times longer than the clean run before
        # the mutant counts as a timeout: generous, so that a loaded machine does not
        # turn a surviving mutant into a "timeout" (mutmut's default is 15)
        "timeout_multiplier": 40.0,
    }
    (work / "mutation-preload.txt").write_text("\n".join(PRELOAD) + "\n", "utf-8")
    dotted = str(module["source"]).removesuffix(".py").replace("/", ".")
    (work / "mutation_fresh_caches.py").write_text(FRESH_CACHES.format(module=dotted), "utf-8")
    lines = ["", "[tool.mutmut]"]
    lines += [f"{key} = {json.dumps(value)}" for key, value in settings.items()]
    text = (ROOT / "pyproject.toml").read_text("utf-8")
    (work / "pyproject.toml").write_text(text + "\n".join(lines) + "\n", "utf-8")


def _survivors(name: str, module: dict[str, object], work: Path) -> list[str]:
    """The mutants of the last run in ``work`` that survived, were not judged or were
    not run, after copying the current repository there. When the module itself
    changed, mutmut gives the functions that changed new mutants (it compares each
    function's hash) and keeps the other functions' results: sound when the change
    alters nothing another function does (dead code removed); else run it whole."""
    source = str(module["source"])
    meta = work / "mutants" / f"{source}.meta"
    if not meta.is_file():
        raise SystemExit(f"{name}: no last run in {work}: run it whole first")
    # the copy keeps the last run's mutmut settings: mutmut forgets every result when
    # the tests it selects or how it runs them change (then run the module whole)
    _copy([f for f in _repository_files() if f != "pyproject.toml"], work)
    return _not_killed(meta)


def _not_killed(meta: Path) -> list[str]:
    codes: dict[str, int | None] = json.loads(meta.read_text("utf-8"))["exit_code_by_key"]
    return sorted(m for m, code in codes.items() if code not in KILLED | TIMEOUT)


def _mutmut(work: Path, *args: str, capture: bool = False) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "mutmut", *args],
        cwd=work,
        check=False,
        capture_output=capture,
        text=True,
        # bytecode caches on (in the copy): each mutant's process then reads the
        # package, the tests and pytest's assertion rewrites compiled, not compiles them
        env={k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"},
    )
    if done.returncode != 0:
        if capture:
            sys.stderr.write(done.stdout + done.stderr)
        raise SystemExit(f"mutmut {' '.join(args)} failed in {work} (exit {done.returncode})")
    return done.stdout or ""


def _added_lines(diff: str) -> str:
    return "\n".join(
        line[1:].strip()
        for line in diff.splitlines()
        if line.startswith("+") and not line.startswith("+++")
    )


def _function(mutant: str) -> str:
    """``x_retry_after`` of ``gabber_client._retry.x_retry_after__mutmut_3``."""
    return mutant.rsplit(".", 1)[-1].rsplit("__mutmut_", 1)[0]


def _is_equivalent(name: str, mutant: str, diff: str, equivalents: list[dict[str, str]]) -> bool:
    added = _added_lines(diff)
    function = _function(mutant)
    return any(
        entry["module"] == name
        and entry["function"] == function
        and entry["mutated"].strip() == added
        for entry in equivalents
    )


def _judge(
    name: str,
    module: dict[str, object],
    work: Path,
    children: int | None,
    mutants: list[str] | None = None,
) -> Outcome:
    """Run mutmut in ``work`` (``children`` mutants at once; only ``mutants`` when
    given), or only read the results of the last run there (``children`` ``None``)."""
    outcome = Outcome(name)
    started = time.monotonic()
    if children is not None:
        _mutmut(work, "run", "--max-children", str(children), *(mutants or []))
        meta = work / "mutants" / f"{module['source']}.meta"
        if mutants and (new := sorted(set(_not_killed(meta)) - set(mutants))):
            _mutmut(work, "run", "--max-children", str(children), *new)  # changed functions
    outcome.seconds = time.monotonic() - started
    meta = work / "mutants" / f"{module['source']}.meta"
    if not meta.exists():  # never run (or stopped before mutmut listed its mutants)
        outcome.missing = True
        return outcome
    codes: dict[str, int | None] = json.loads(meta.read_text("utf-8"))["exit_code_by_key"]
    equivalents = _equivalents()
    for mutant, code in sorted(codes.items()):
        if code in KILLED:
            outcome.killed += 1
        elif code in TIMEOUT:
            outcome.timeouts += 1
        elif code in SURVIVED:
            diff = _mutmut(work, "show", mutant, capture=True)
            if _is_equivalent(name, mutant, diff, equivalents):
                outcome.equivalent.append(mutant)
            else:
                outcome.survived.append(mutant)
                print(f"\n--- survived: {mutant}\n{diff}")
        elif code is None:
            outcome.pending += 1
        else:
            outcome.unjudged[mutant] = code
    return outcome


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", help="comma-separated module names of mutation/modules.toml")
    parser.add_argument("--threshold", type=float, default=95.0, help="minimum score, percent")
    parser.add_argument("--max-children", type=int, default=1, help="mutants run at once")
    parser.add_argument(
        "--report", action="store_true", help="print the table of the last run, run nothing"
    )
    parser.add_argument(
        "--survivors",
        action="store_true",
        help="re-run only the last run's surviving (or not judged or not run) mutants, "
        "with the current repository (after adding a test or removing dead code)",
    )
    options = parser.parse_args()
    modules = _modules()
    names = list(modules) if not options.only else options.only.split(",")
    unknown = [name for name in names if name not in modules]
    if unknown:
        parser.error(f"unknown module(s) {unknown}; known: {', '.join(modules)}")
    outcomes = []
    for name in names:
        work = WORK / name.replace("/", "_")
        print(f"=== {name}: {modules[name]['source']} in {work}", flush=True)
        mutants = None
        if options.survivors:
            mutants = _survivors(name, modules[name], work)
        elif not options.report:
            _prepare(name, modules[name], work)
        children = None if options.report or mutants == [] else options.max_children
        outcomes.append(_judge(name, modules[name], work, children, mutants))
    print()
    columns = [
        "module",
        "mutants",
        "killed",
        "timeout",
        "equivalent",
        "survived",
        "not-judged",
        "not-run",
        "score",
        "time",
    ]
    print("| " + " | ".join(columns) + " |")
    print("|---" * len(columns) + "|")
    failed = False
    for o in outcomes:
        if o.missing:
            print(f"| {o.module} | not run |" + " |" * (len(columns) - 2))
            failed = True
            continue
        print(
            f"| {o.module} | {o.total} | {o.killed} | {o.timeouts} | {len(o.equivalent)} "
            f"| {len(o.survived)} | {len(o.unjudged)} | {o.pending} | {o.score:.1f}% "
            f"| {o.seconds:.0f} s |"
        )
        failed = failed or o.score < options.threshold or bool(o.unjudged) or o.pending > 0
    for o in outcomes:
        for mutant in o.survived:
            print(f"survived: {mutant}  (.mutation/{o.module.replace('/', '_')}: mutmut show)")
        for mutant, code in o.unjudged.items():
            print(f"not judged: {mutant}: exit status {code}")
    if failed:
        print(f"FAILED: a module below {options.threshold:g}%, or a mutant not judged or not run")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
