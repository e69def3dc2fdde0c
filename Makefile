# Two commands for a newcomer: `make run` and `make test`. Everything else is a helper.
SHELL := /bin/bash
.DEFAULT_GOAL := help

# Find a Python >= 3.12: pyenv's newest 3.13/3.12 first (these machines' default python3 is
# 3.11), then python3.13 / python3.12 / python3 on PATH.
PYTHON ?= $(shell for p in $$(ls -d $(HOME)/.pyenv/versions/3.1[3-9]*/bin/python3 $(HOME)/.pyenv/versions/3.12*/bin/python3 2>/dev/null | sort -rV) python3.13 python3.12 python3; do \
	if command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; then command -v $$p; break; fi; done)
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000
CHROMIUM ?= $(shell command -v chromium || command -v chromium-browser)

SERVE_BIND ?= $(HOST):$(PORT)
WEB_WORKERS ?= 3
QUEUE_WORKERS ?= 1

.PHONY: help run serve test e2e screenshots bench eval lint fmt check-deploy venv chromium clean vocabulary

help:
	@echo "make run    set everything up and serve the demo on http://$(HOST):$(PORT)"
	@echo "make test   set everything up and run the whole test suite"
	@echo "make serve  run as deployed: gunicorn + task workers, settings from the environment"
	@echo "make e2e    browser tests only (installs Debian's chromium if missing)"
	@echo "make bench  benchmarks (prints figures)"
	@echo "make eval   the compliance checker measured on the labelled corpus"

$(PY):
	@if [ -z "$(PYTHON)" ]; then \
	  echo "No Python >= 3.12 found. Install Python 3.13 (e.g. 'pyenv install 3.13' or your"; \
	  echo "distribution's python3.13 package) and run make again, or set PYTHON=/path/to/python3.13."; \
	  exit 1; fi
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet --upgrade "pip>=25.1"
	$(PY) -m pip install --quiet --group run --group dev
	@touch $(STAMP)

venv: $(STAMP)

run: $(STAMP)
	$(PY) manage.py migrate --noinput
	$(PY) manage.py createcachetable
	$(PY) manage.py collectstatic --noinput --verbosity 0
	$(PY) manage.py demo_data
	$(PY) manage.py sandbox_seed
	$(PY) manage.py reconcile --loop  # restarts the periodic read-back if a crash ended it
	$(PY) manage.py digests --loop  # the daily e-mail digests, likewise
	@echo "Serving on http://$(HOST):$(PORT)/  (Ctrl-C stops the server and the workers)"
	@trap 'kill 0' INT TERM EXIT; \
	  export TELNYX_BASE_URL=$${TELNYX_BASE_URL:-http://$(HOST):$(PORT)/sandbox/telnyx/v2} \
	    APP_BASE_URL=$${APP_BASE_URL:-http://$(HOST):$(PORT)}; \
	  $(PY) manage.py db_worker --queue-name webhooks & \
	  $(PY) manage.py db_worker --queue-name default & \
	  $(PY) manage.py db_worker --queue-name slow & \
	  $(PY) manage.py demo_registrations & \
	  $(PY) manage.py runserver $(HOST):$(PORT); \
	  wait

# Production: gunicorn and a db_worker per queue under one supervisor, settings from the
# environment (DEBUG=0, SECRET_KEY, DATABASE_URL …; deploy/tendlc.env.example). It installs
# nothing: run `make venv`, migrate and collectstatic first (docs/DEPLOY.md; the systemd unit
# deploy/tendlc.service runs this target).
serve:
	exec $(PY) manage.py serve --bind $(SERVE_BIND) --web-workers $(WEB_WORKERS) \
	  --queue-workers $(QUEUE_WORKERS)

test: $(STAMP)
	@if [ -n "$(CHROMIUM)" ]; then echo "Chromium found: browser tests included"; \
	  else echo "Chromium not found: browser tests skipped (make e2e installs it)"; fi
	$(PY) manage.py collectstatic --noinput --verbosity 0
	$(PY) -m pytest -n 2 --dist loadfile $(PYTEST_ARGS)

chromium:
	@command -v chromium >/dev/null 2>&1 || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium)

e2e: $(STAMP) chromium
	$(PY) manage.py collectstatic --noinput --verbosity 0
	$(PY) -m pytest tests/e2e $(PYTEST_ARGS)

screenshots: $(STAMP) chromium  # retake the README's screenshots (docs/screenshots/)
	$(PY) manage.py collectstatic --noinput --verbosity 0
	$(PY) -m tests.e2e.retake_screenshots

# The checker's verdicts measured on the labelled corpus (tests/corpus/).
eval: $(STAMP)
	$(PY) -m compliance.evaluation.corpus

bench: $(STAMP)
	$(PY) bench/run.py

# Style, the rooms' import directions (pyproject.toml [tool.importlinter], docs/ARCHITECTURE.md),
# types (mypy with django-stubs) and that the wire vocabulary is current.
lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports
	$(VENV)/bin/mypy
	$(PY) -m compliance.telnyx.generate_vocabulary --check

fmt: $(STAMP)
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

# Telnyx's wire vocabulary (compliance/telnyx/fields.py) from ../shared/telnyx/.
vocabulary: $(STAMP)
	$(PY) -m compliance.telnyx.generate_vocabulary

# Production talks to real Telnyx (sandbox mode with DEBUG=0 refuses to start): your
# TELNYX_API_KEY if set, else a placeholder, as only the settings are checked.
check-deploy: $(STAMP)
	DEBUG=0 SECRET_KEY=$$($(PY) -c 'import secrets; print(secrets.token_urlsafe(50))') \
	  TELNYX_API_KEY=$${TELNYX_API_KEY:-check-deploy-placeholder} \
	  ALLOWED_HOSTS=app.example.com $(PY) manage.py check --deploy --fail-level WARNING

clean:
	rm -rf $(VENV) staticfiles db.sqlite3
