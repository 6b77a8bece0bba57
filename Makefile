VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test test-fast lint typecheck unit pytest bench clean browser

# The browser tests drive Debian's Chromium (Playwright's own download does not work here).
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

$(STAMP): pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

# The web app on SQLite (in the user's data folder) with a demo runner; the URL and the demo
# sign-in are printed before the server starts. RUNLIFT_DEV=1 lets it run without a secret key.
run: $(STAMP)
	RUNLIFT_DEV=$${RUNLIFT_DEV:-1} $(VENV)/bin/runlift serve --demo

lint: $(STAMP)
	$(VENV)/bin/ruff check src tests benchmarks
	$(VENV)/bin/ruff format --check src tests benchmarks
	$(VENV)/bin/lint-imports

typecheck: $(STAMP)
	$(VENV)/bin/mypy src tests --exclude 'tests/(integration|api)/conftest\.py'
	$(VENV)/bin/mypy tests/integration/conftest.py
	$(VENV)/bin/mypy tests/api/conftest.py

# Unit tests only: domain and services over the in-memory fakes, no I/O.
unit: $(STAMP)
	$(VENV)/bin/pytest tests/unit

browser:
	@command -v chromium >/dev/null || { $(SUDO) apt-get update -q && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q chromium; }

# Every test, the slow durability and simulation ones included.
pytest: $(STAMP) browser
	$(VENV)/bin/pytest

# What CI runs.
test: lint typecheck pytest

# The same checks without the tests marked slow, for the edit-test loop.
test-fast: lint typecheck browser
	$(VENV)/bin/pytest -m "not slow"

bench: $(STAMP)
	@set -e; for script in benchmarks/*.py; do echo "== $$script"; $(PY) $$script; done

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info
