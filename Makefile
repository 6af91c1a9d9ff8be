# Two commands set everything up: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PYTEST_ARGS ?=
DEV_ENV := DEBUG=true

.PHONY: run serve test lint types unit browser bench bench-smoke system-deps test-deps clean messages translations

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

# The translations: `make messages` gathers every marked string of the code into each
# language's catalogue (locale/<lang>/LC_MESSAGES/*.po); `make translations` compiles them
# into the .mo files the server reads (msgfmt, from Debian's gettext package).
LOCALES := de es fr it nl pt_BR
MESSAGE_IGNORE := --ignore=.venv --ignore=staticfiles --ignore=tests --ignore=bench --ignore=build --ignore=test-artifacts --ignore=var
messages: $(VENV)/.installed
	$(DEV_ENV) $(BIN)/python manage.py makemessages --no-obsolete --no-wrap $(MESSAGE_IGNORE) $(addprefix -l ,$(LOCALES))
	$(DEV_ENV) $(BIN)/python manage.py makemessages --no-obsolete --no-wrap -d djangojs $(MESSAGE_IGNORE) $(addprefix -l ,$(LOCALES))

translations: system-deps $(VENV)/.installed
	$(DEV_ENV) $(BIN)/python manage.py compilemessages --ignore=.venv --ignore=staticfiles --verbosity 0

run: system-deps $(VENV)/.installed translations
	$(DEV_ENV) $(BIN)/python manage.py migrate --noinput
	$(DEV_ENV) $(BIN)/python manage.py vapid_keys
	$(DEV_ENV) PY=$(BIN)/python scripts/run-dev.sh

# Production-style serving: DEBUG off, hashed and compressed static files, gunicorn.
# Settings come from the environment and nothing secret is made up here; for a local try:
#   SECRET_KEY=$$(python3 -c 'import secrets; print(secrets.token_urlsafe(50))') \
#   ALLOWED_HOSTS=127.0.0.1 SECURE_SSL_REDIRECT=false SECURE_COOKIES=false make serve
serve: system-deps $(VENV)/.installed translations
	@test -n "$$SECRET_KEY" || { echo "make serve: set SECRET_KEY (50+ random characters; see README, Production)" >&2; exit 2; }
	@test -n "$$ALLOWED_HOSTS" || { echo "make serve: set ALLOWED_HOSTS (the host names this server answers to)" >&2; exit 2; }
	DEBUG=false $(BIN)/python manage.py collectstatic --noinput --verbosity 0
	DEBUG=false $(BIN)/python manage.py migrate --noinput
	DEBUG=false exec $(BIN)/gunicorn --config gunicorn.conf.py journal.wsgi

# The benchmark (not part of `make test`): 5 years of demo data plus 200 other people, wrk
# against gunicorn; prints a table and writes bench-results.json. BENCH_ARGS passes options.
BENCH_ARGS ?=
bench: $(VENV)/.installed
	scripts/system-deps.sh bench
	$(BIN)/python -m bench.run $(BENCH_ARGS)

# The same benchmark on tiny data, one short round (tests/cross/test_bench_smoke.py runs it too).
bench-smoke: $(VENV)/.installed
	scripts/system-deps.sh bench
	$(BIN)/python -m bench.run --small $(BENCH_ARGS)

# Static checks: style, the layering (import-linter contracts in pyproject.toml), then
# known-vulnerable dependencies and risky code patterns.
lint: $(VENV)/.installed-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	PIP_AUDIT=$(BIN)/pip-audit scripts/audit-deps.sh
	$(BIN)/bandit -q -r journal practices -c pyproject.toml

types: $(VENV)/.installed-dev
	$(DEV_ENV) $(BIN)/mypy .

unit: $(VENV)/.installed-dev translations
	$(BIN)/pytest -m "not browser" $(PYTEST_ARGS)

browser: test-deps translations
	$(BIN)/pytest -m browser $(PYTEST_ARGS)

# The whole suite: lint, types, unit and browser tests. pytest's exit code 5
# ("no tests ran") fails the build like any other non-zero code.
test: test-deps translations lint types
	$(BIN)/pytest -n 2 --dist loadfile $(PYTEST_ARGS)

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .mypy_cache .ruff_cache test-artifacts
