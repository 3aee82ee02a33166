# Two commands for a newcomer: `make run` (set up everything, serve on SQLite) and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
HOST ?= 127.0.0.1
PORT ?= 8000

.DEFAULT_GOAL := help
.PHONY: help run setup install install-dev packages test test-fast bench bench-scale stack lint format lock schema messages clean

help:  ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

$(VENV)/.runtime: requirements.txt
	@$(PYTHON) -c 'import sys; assert sys.version_info[:2] == (3, 11), "Python 3.11 is required, found " + sys.version' 
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	@touch $@

$(VENV)/.dev: $(VENV)/.runtime requirements-dev.txt
	$(PY) -m pip install --quiet -r requirements-dev.txt
	@touch $@

install: $(VENV)/.runtime  ## create .venv and install the runtime dependencies

install-dev: $(VENV)/.dev  ## add the test and lint tools

setup: install  ## migrate, create languages, load demo content, create the development admin
	@./scripts/ensure-packages runtime
	$(MANAGE) migrate --no-input
	$(MANAGE) load_demo_content
	$(MANAGE) create_dev_admin

run: setup  ## set everything up and serve at http://127.0.0.1:8000 (SQLite, no other service)
	HOST=$(HOST) PORT=$(PORT) ./scripts/run-dev

packages:  ## install the Debian packages the platform and its tests need (scripts/ensure-packages)
	@./scripts/ensure-packages

test: install-dev packages  ## run the whole test suite (DATABASE_URL/REDIS_URL pick PostgreSQL and Redis)
	$(VENV)/bin/pytest

test-fast: install-dev  ## the suite without real-browser and process tests
	$(VENV)/bin/pytest -m "not browser and not slow"

bench: install-dev packages  ## playlists, API lists, a surge through Varnish, search, narration, handouts, screens' reports (docs/benchmarks.md)
	./scripts/bench

bench-scale: install-dev  ## every path at 1/20 and full country size on PostgreSQL (docs/benchmarks.md)
	$(PY) scripts/bench_scale.py

stack: install-dev packages  ## Varnish → gunicorn (2 workers) → PostgreSQL, Redis, S3 (moto), task workers
	$(PY) scripts/stack.py

lint: install-dev  ## ruff lint and format check, and the import contracts (pyproject.toml)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports

format: install-dev  ## apply ruff fixes and formatting
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

lock: install-dev  ## recompile the pinned requirements from requirements*.in
	$(PY) -m pip install --quiet pip-tools==7.6.2
	$(VENV)/bin/pip-compile -q --strip-extras --no-header --allow-unsafe --no-emit-index-url --no-emit-find-links -o requirements.txt requirements.in
	$(VENV)/bin/pip-compile -q --strip-extras --no-header --allow-unsafe --no-emit-index-url --no-emit-find-links -o requirements-dev.txt requirements-dev.in

schema: install  ## write docs/openapi.yaml from the API's code (a test checks it is current)
	$(MANAGE) spectacular --validate --file docs/openapi.yaml

messages: install  ## refresh and compile the interface translations (locale/*.po)
	$(MANAGE) makemessages --all --no-obsolete --ignore=.venv --ignore=var --ignore=static
	$(MANAGE) compilemessages --ignore=.venv

clean:  ## remove the virtualenv and local data (var/, media/)
	rm -rf $(VENV) var static
	find media -mindepth 1 ! -name .gitkeep -delete
