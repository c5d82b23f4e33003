# gabber-client: every target works from a fresh clone with a bare Python >= 3.11.
# Each target sets up the virtual environment it needs when it is missing, and
# installs only what it needs: `make demo` the package and its `fake` extra,
# `make test` the `dev` dependency group too, `make docs` the `docs` group.
#
# PYTHON: the interpreter the venv is made from; VENV: where it goes. Two Pythons
# side by side: `make test PYTHON=python3.13 VENV=.venv-3.13` (.ci/run does this).

PYTHON ?= $(shell command -v python3.11 2>/dev/null || command -v python3)
# VENV may also point at another checkout's environment (the spec-evolution suite
# reuses this one in its temporary copies): make spec-evolution VENV=/abs/path/.venv
VENV   ?= .venv
BIN    := $(VENV)/bin
PY     := $(BIN)/python
PIP    := $(PY) -m pip --quiet --disable-pip-version-check
# One stamp per installed part, so that `make demo` does not pull the dev tools.
RUNTIME := $(VENV)/.installed-base
DEV     := $(VENV)/.installed-dev
DOCS    := $(VENV)/.installed-docs
RELEASE := $(VENV)/.installed-release
# `make bench` measures in its own venv holding the runtime dependencies only
# (httpx, attrs and theirs): dev tools such as rich, click or pygments, which
# httpx imports when present, would inflate both sides of every figure.
BENCH_VENV  := .venv-bench
BENCH_PY    := $(BENCH_VENV)/bin/python
BENCH_STAMP := $(BENCH_VENV)/.installed
ARGS ?=
export PATH := $(abspath $(BIN)):$(PATH)

.PHONY: setup generate check check-drift lint format typecheck pytest test soak contract demo docs docs-serve dist bench clean api-diff spec-evolution

setup: $(DEV)  ## the development environment: package, `fake` extra, `dev` group

# The package (editable) with its `fake` extra: what `make demo` needs, nothing more.
# pip >= 25.1 is needed for dependency groups (`--group`, PEP 735).
$(RUNTIME): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --upgrade "pip>=25.1"
	$(PIP) install -e ".[fake]"
	touch $@

$(DEV): $(RUNTIME)
	$(PIP) install -e ".[fake]" --group dev
	touch $@

$(DOCS): $(RUNTIME)
	$(PIP) install -e ".[fake]" --group docs
	touch $@

$(RELEASE): $(RUNTIME)
	$(PIP) install --group release
	touch $@

generate: $(DEV)  ## regenerate gabber_client/_generated/ and api.md from openapi.yaml
	$(PY) scripts/generate.py

# The fast consistency check (a few seconds): names every stale generated file, stale
# table entry, and operation the facade, the fake or the CLI does not reach, in one run.
check: $(DEV)  ## fast consistency check: what is missing or stale, and what to run
	$(PY) scripts/check.py

check-drift: $(DEV)  ## fail when _generated/ or api.md does not match openapi.yaml
	$(PY) scripts/check_drift.py

lint: $(DEV)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(DEV)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

typecheck: $(DEV)  ## mypy --strict over the package, its tests, scripts, examples and benchmarks
	$(BIN)/mypy --strict gabber_client tests scripts benchmarks $(wildcard examples/*.py)

# The suite on every core (pytest-xdist; PYTEST_WORKERS=0 runs it in this process).
PYTEST_WORKERS ?= auto
pytest: $(DEV)
	$(BIN)/pytest -n $(PYTEST_WORKERS)

# `check` first: in seconds it names what is missing or stale, before the long steps.
test: check check-drift lint typecheck pytest

BASE ?= HEAD
api-diff: $(DEV)  ## markdown report of openapi.yaml's changes against git ref BASE (default HEAD)
	@$(PY) scripts/api_diff.py --base "$(BASE)" || { status=$$?; \
	  echo "api-diff: exit $$status (1: breaking change, 2: bad input)" >&2; exit $$status; }

spec-evolution: $(DEV)  ## realistic upstream spec changes, each applied to a copy of the repo (slow)
	$(PY) scripts/spec_evolution.py

soak: $(DEV)  ## the long forms of the cancellation, deadline and desync attacks (marker soak); CI runs them too
	$(BIN)/pytest -p no:xdist -m soak tests/reliability

contract: $(DEV)  ## the contract suite alone: client, fake and spec agree
	$(BIN)/pytest tests/contract

demo: $(RUNTIME)  ## start the fake on loopback, run examples/quickstart.py against it
	$(PY) scripts/demo.py

docs: $(DOCS)  ## build the documentation site into site/, warnings are errors
	$(BIN)/mkdocs build --strict --site-dir site

docs-serve: $(DOCS)  ## serve the documentation on http://127.0.0.1:8000 while editing
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

dist: $(RELEASE)  ## build the sdist and the wheel into dist/ and check their metadata
	rm -rf dist
	$(PY) -m build --outdir dist .
	$(BIN)/twine check --strict dist/*

$(BENCH_STAMP): pyproject.toml
	rm -rf $(BENCH_VENV)
	$(PYTHON) -m venv $(BENCH_VENV)
	$(BENCH_PY) -m pip install --quiet --upgrade pip
	$(BENCH_PY) -m pip install --quiet -e .
	touch $(BENCH_STAMP)

# The fake figure serves the fake from .venv (it needs the fake extra); everything
# else runs in .venv-bench. `make bench ARGS=--check` fails on a missed goal;
# ARGS also takes --quick, --only NAMES, --markdown, and --spec-scale N (instead of the
# figures: a package generated from N times the operations against the spec as is).
bench: $(DEV) $(BENCH_STAMP)  ## benchmarks: figures as ratios against baselines measured in the same run
	$(BENCH_PY) -m benchmarks --fake-python $(abspath $(PY)) $(ARGS)

# Mutation testing (see CONTRIBUTING.md): each module of mutation/modules.toml
# against its own tests, in copies under .mutation/; prints a table of scores and
# fails below 95%. MODULES=_retry,_options picks some; JOBS=2 runs two mutants at
# once (one by default: the machine may be shared); slow (see CONTRIBUTING.md).
.PHONY: mutation
MUTATION_STAMP := $(VENV)/.installed-mutation
MODULES ?=
JOBS ?=
$(MUTATION_STAMP): $(DEV)
	$(PIP) install --group mutation
	touch $@

mutation: $(MUTATION_STAMP)  ## mutation testing of the hand-written runtime (slow; MODULES=a,b JOBS=n)
	$(PY) scripts/mutation.py $(if $(MODULES),--only $(MODULES)) $(if $(JOBS),--max-children $(JOBS))

clean:
	rm -rf .venv .venv-* .mypy_cache .ruff_cache .pytest_cache .hypothesis dist build site .mutation
