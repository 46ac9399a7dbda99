# Two entry points for a fresh machine with Python 3.11, pip and apt:
#   make run   set up, seed the store if empty, start the dashboard
#   make test  set up (Python packages and Debian's chromium), run every test
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: run test setup setup-dev browser bench

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip

$(VENV)/.runtime: requirements.txt | $(VENV)/bin/python
	$(PY) -m pip install -q -r requirements.txt
	touch $@

$(VENV)/.dev: requirements.txt requirements-dev.txt | $(VENV)/bin/python
	$(PY) -m pip install -q -r requirements-dev.txt
	touch $@ $(VENV)/.runtime

setup: $(VENV)/.runtime
setup-dev: $(VENV)/.dev

# Debian's chromium for the browser tests (Playwright's own browser download does not work offline).
browser:
	@command -v chromium >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium fonts-noto-core >/dev/null; }

run: setup
	$(PY) -m store seed-if-empty
	$(PY) -m dashboard.serve

test: setup-dev browser
	$(PY) -m pytest -q

bench: setup-dev
	@for b in bench/bench_*.py; do echo "== $$b"; $(PY) $$b; done
