# Two entry points: `make run` (set up + start the app) and `make test` (set up + run the tests).
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test check setup browser ingest bench lint

$(STAMP): pyproject.toml
	python3.11 -m venv $(VENV) 2>/dev/null || python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[test]'
	touch $(STAMP)

setup: $(STAMP)

run: $(STAMP)
	$(PY) app.py

# Debian's Chromium for the browser tests (playwright cannot download browsers here).
browser:
	@command -v chromium >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

test: $(STAMP) browser
	$(VENV)/bin/ruff check .
	$(PY) -m pytest -q

# The fast tier: doctests and unit tests that need neither the embedding model nor a browser.
check: $(STAMP)
	$(VENV)/bin/ruff check .
	$(PY) -m pytest -q -m "not heavy and not slow and not browser"

ingest: $(STAMP)
	$(VENV)/bin/assistant ingest

bench: $(STAMP)
	$(PY) benchmarks/retrieval.py
