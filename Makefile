# gabber-client: every target works from a fresh clone with a bare Python 3.11.
# `make demo` and `make test` set up .venv themselves when it is missing.

PYTHON ?= $(shell command -v python3.11 2>/dev/null || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
PY     := $(BIN)/python
STAMP  := $(VENV)/.installed
export PATH := $(abspath $(BIN)):$(PATH)

.PHONY: setup generate check-drift lint format typecheck pytest test soak contract demo bench clean

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

soak: $(STAMP)  ## the long soaks (tens of thousands of cancelled calls); CI runs them too
	$(BIN)/pytest -m soak tests/reliability

contract: $(STAMP)  ## the contract suite alone: client, fake and spec agree
	$(BIN)/pytest tests/contract

demo: $(STAMP)  ## start the fake on loopback, run examples/quickstart.py against it
	$(PY) scripts/demo.py

bench: $(STAMP)  ## benchmarks: figures as ratios against baselines measured in the same run
	$(PY) -m benchmarks

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache .hypothesis dist build
