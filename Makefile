# newswatch: `make demo` and `make test` set everything up on a fresh machine.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
export PREFECT_HOME ?= $(CURDIR)/.newswatch/prefect

.PHONY: demo test lint ui serve run bench clean venv

venv: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/python -m newswatch.demo

test: $(STAMP)
	$(BIN)/python -m pytest -q

CODE := $(wildcard src flows tests bench)

lint: $(STAMP)
	$(BIN)/ruff check $(CODE)
	$(BIN)/ruff format --check $(CODE)
	$(BIN)/mypy

ui: $(STAMP)
	$(BIN)/python -m flows.serve --ui

serve: $(STAMP)
	$(BIN)/python -m flows.serve

run: $(STAMP)
	$(BIN)/newswatch run

bench: $(STAMP)
	$(BIN)/python -m bench

clean:
	rm -rf $(VENV) .newswatch .pytest_cache .mypy_cache .ruff_cache
