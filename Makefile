# gabber-client: every target works from a fresh clone with a bare Python 3.11.
# `make demo` and `make test` set up .venv themselves when it is missing.

PYTHON ?= $(shell command -v python3.11 2>/dev/null || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
PY     := $(BIN)/python
STAMP  := $(VENV)/.installed
# `make bench` measures in its own venv holding the runtime dependencies only
# (httpx, attrs and theirs): dev tools such as rich, click or pygments, which
# httpx imports when present, would inflate both sides of every figure.
BENCH_VENV  := .venv-bench
BENCH_PY    := $(BENCH_VENV)/bin/python
BENCH_STAMP := $(BENCH_VENV)/.installed
ARGS ?=
export PATH := $(abspath $(BIN)):$(PATH)

.PHONY: setup generate check-drift lint format typecheck pytest test contract demo bench clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

generate: $(STAMP)  ## regenerate gabber_client/_generated/ from openapi.yaml
	$(PY) scripts/generate.py

check-drift: $(STAMP)  ## fail when _generated/ does not match openapi.yaml
	$(PY) scripts/check_drift.py

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

typecheck: $(STAMP)
	$(BIN)/mypy --strict gabber_client benchmarks $(wildcard examples/*.py)

pytest: $(STAMP)
	$(BIN)/pytest

test: check-drift lint typecheck pytest

contract: $(STAMP)  ## the contract suite alone: client, fake and spec agree
	$(BIN)/pytest tests/contract

demo: $(STAMP)  ## start the fake on loopback, run examples/quickstart.py against it
	$(PY) scripts/demo.py

$(BENCH_STAMP): pyproject.toml
	rm -rf $(BENCH_VENV)
	$(PYTHON) -m venv $(BENCH_VENV)
	$(BENCH_PY) -m pip install --quiet --upgrade pip
	$(BENCH_PY) -m pip install --quiet -e .
	touch $(BENCH_STAMP)

# The fake figure serves the fake from .venv (it needs the fake extra); everything
# else runs in .venv-bench. `make bench ARGS=--check` exits 1 on a missed goal;
# ARGS also takes --quick, --only NAMES, --markdown.
bench: $(STAMP) $(BENCH_STAMP)  ## benchmarks: figures as ratios against baselines measured in the same run
	$(BENCH_PY) -m benchmarks --fake-python $(abspath $(PY)) $(ARGS)

clean:
	rm -rf $(VENV) $(BENCH_VENV) .mypy_cache .ruff_cache .pytest_cache .hypothesis dist build
