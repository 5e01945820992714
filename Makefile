# HNP portal: set up, run and test. Needs only Python 3.11+ on the machine.
# The first Python 3.11+ that actually runs (version-manager shims may exist but refuse).
PYTHON ?= $(shell for p in python3.13 python3.12 python3.11 python3; do \
	$$p -c 'import sys; sys.exit(sys.version_info < (3, 11))' >/dev/null 2>&1 && { command -v $$p; break; }; done)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000
PYTEST_ARGS ?=

.PHONY: install run espeak migrate demo demo-passwords test e2e lint format check-migrations messages collectstatic bench clean

$(STAMP): pyproject.toml constraints.txt
	@test -n "$(PYTHON)" || { echo "Python 3.11 or newer is needed (or set PYTHON=/path/to/python3.11)"; exit 1; }
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e ".[dev]"
	@touch $(STAMP)

install: $(STAMP)

# The page checkers of the browser tests, pinned in package.json: axe-core and the Nu HTML
# checker (vnu.jar, run with the system's Java). Installed only where npm exists; without
# them those tests are skipped, except in CI (which installs npm and Java) where they fail.
# --ignore-scripts: vnu-jar's postinstall would download a Java runtime of its own.
NPM := $(shell command -v npm 2>/dev/null)
NODE_STAMP := node_modules/.installed
PAGE_CHECKERS := $(if $(NPM),$(NODE_STAMP))

$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --ignore-scripts
	@touch $(NODE_STAMP)

migrate: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py createcachetable

demo: migrate
	DEBUG=1 $(BIN)/python manage.py load_demo

# New passwords for the demo accounts (`make run` keeps the ones set before).
demo-passwords: migrate
	DEBUG=1 $(BIN)/python manage.py load_demo --reset-passwords

# The site with demo content on SQLite, at http://$(HOST):$(PORT)/
run: export DEBUG ?= 1
run: export SITE_URL ?= http://$(HOST):$(PORT)
run: demo espeak
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

# The audio captcha speaks with espeak-ng (Debian's package); without it the site runs and
# offers the picture only.
espeak:
	@command -v espeak-ng >/dev/null || { \
		SUDO=$$([ "$$(id -u)" -eq 0 ] || echo sudo); \
		command -v apt-get >/dev/null && { $$SUDO apt-get install -y espeak-ng \
			|| { $$SUDO apt-get update && $$SUDO apt-get install -y espeak-ng; }; } \
		|| echo "espeak-ng is not installed: the captcha will have no 'Nghe mã' button."; }

# The whole suite with a coverage report (lines and branches of the site's own code).
test: install $(PAGE_CHECKERS)
	$(BIN)/python -m pytest --cov --cov-report=term $(PYTEST_ARGS)

# Only the browser scenarios (they also run in `make test`).
e2e: install $(PAGE_CHECKERS)
	$(BIN)/python -m pytest tests/e2e $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djlint templates --lint

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

check-migrations: install
	DEBUG=1 $(BIN)/python manage.py makemigrations --check --dry-run

# Refresh the Vietnamese catalogue after changing texts (needs GNU gettext), then compile it.
messages: install
	DEBUG=1 $(BIN)/python manage.py makemessages -l vi --no-obsolete --add-location=file \
		-i ".venv/*" -i "staticfiles/*" -i "media/*" -i "tests/*" -i "bench/*"
	DEBUG=1 $(BIN)/python manage.py compilemessages -l vi --ignore=".venv/*"

collectstatic: install
	$(BIN)/python manage.py collectstatic --noinput

# Load test on SQLite and on PostgreSQL + Redis, against hello world and nginx (README,
# "Benchmarks"). Installs wrk and nginx from Debian's packages when they are missing.
bench: install
	@command -v wrk >/dev/null && { command -v nginx || test -x /usr/sbin/nginx; } >/dev/null \
		&& command -v openssl >/dev/null || { \
		SUDO=$$([ "$$(id -u)" -eq 0 ] || echo sudo); \
		$$SUDO apt-get update && $$SUDO apt-get install -y wrk nginx openssl; }
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache staticfiles node_modules
