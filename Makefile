# Two commands on a fresh machine: `make run` and `make test` (see README.md).
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test system-deps clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.deps: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.test-deps: requirements-test.txt package.json package-lock.json $(VENV)/.deps
	$(BIN)/pip install --quiet -r requirements-test.txt
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

system-deps:
	devtools/ensure-system-deps.sh

run: $(VENV)/.deps
	$(BIN)/python run.py

test: $(VENV)/.test-deps system-deps
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) node_modules test-artifacts .pytest_cache
