# Two commands: `make run` serves the portal with the report's data on SQLite at 127.0.0.1:8000,
# `make test` runs every check the CI runs. Both set up what they need first.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py

.PHONY: run test install system-deps browser-deps messages lint bench clean

run: install
	DJANGO_DEBUG=1 $(MANAGE) migrate --noinput
	DJANGO_DEBUG=1 $(MANAGE) compilemessages --ignore=.venv -v 0
	DJANGO_DEBUG=1 $(MANAGE) load_portal_data
	DJANGO_DEBUG=1 $(MANAGE) demo_admin
	DJANGO_DEBUG=1 $(MANAGE) runserver 127.0.0.1:8000

test: install browser-deps lint
	DJANGO_DEBUG=1 $(MANAGE) check
	DJANGO_DEBUG=1 $(MANAGE) makemigrations --check --dry-run
	DJANGO_DEBUG=1 $(MANAGE) compilemessages --ignore=.venv -v 0
	DJANGO_SECRET_KEY=test-only-secret $(BIN)/pytest -n 2 $(PYTEST_ARGS)

install: system-deps $(VENV)/.installed

# gettext's msgfmt is what compilemessages runs; the browser tests drive Debian's Chromium with
# Thai and Japanese fonts (DESIGN.md §6). Debian ships these, PyPI does not.
RUN_PACKAGES := gettext
TEST_PACKAGES := $(RUN_PACKAGES) chromium fonts-thai-tlwg fonts-noto-cjk
system-deps:
	@$(call debian_install,$(RUN_PACKAGES))
browser-deps:
	@$(call debian_install,$(TEST_PACKAGES))
debian_install = dpkg -s $(1) >/dev/null 2>&1 || (apt-get update -qq && \
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(1) >/dev/null)

$(VENV)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q -e '.[dev]'
	touch $@

# After changing interface strings: extract them, then translate every new msgstr in th and ja.
messages: install
	DJANGO_DEBUG=1 $(MANAGE) makemessages -l th -l ja -l en --ignore=.venv --ignore=bench --no-obsolete

# Ruff, and the layers of DESIGN.md §2 (import-linter, [tool.importlinter] in pyproject.toml).
lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-cache

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles
