# Two commands set everything up: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PYTEST_ARGS ?=
DEV_ENV := DEBUG=true

.PHONY: run serve test lint types unit browser bench bench-smoke system-deps test-deps clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@ $(VENV)/.installed

# Debian packages: the PDF export's text libraries always; Chromium for browser tests.
system-deps:
	scripts/system-deps.sh runtime

test-deps: $(VENV)/.installed-dev
	scripts/system-deps.sh test

run: system-deps $(VENV)/.installed
	$(DEV_ENV) $(BIN)/python manage.py migrate --noinput
	$(DEV_ENV) $(BIN)/python manage.py runserver 127.0.0.1:8000

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

types: $(VENV)/.installed-dev
	$(DEV_ENV) $(BIN)/mypy .

unit: $(VENV)/.installed-dev
	$(BIN)/pytest -m "not browser" $(PYTEST_ARGS)

browser: test-deps
	$(BIN)/pytest -m browser $(PYTEST_ARGS)

# The whole suite: lint, types, unit and browser tests. pytest's exit code 5
# ("no tests ran") fails the build like any other non-zero code.
test: test-deps lint types
	$(BIN)/pytest -n 2 --dist loadfile $(PYTEST_ARGS)

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .mypy_cache .ruff_cache test-artifacts
