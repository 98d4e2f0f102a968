# Two commands: `make run` serves the portal with the report's data on SQLite at 127.0.0.1:8000,
# `make test` runs every check the CI runs. Both set up what they need first.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py

.PHONY: run test install system-deps messages lint bench clean

run: install
	DJANGO_DEBUG=1 $(MANAGE) migrate --noinput
	DJANGO_DEBUG=1 $(MANAGE) compilemessages --ignore=.venv -v 0
	DJANGO_DEBUG=1 $(MANAGE) load_portal_data
	DJANGO_DEBUG=1 $(MANAGE) demo_admin
	DJANGO_DEBUG=1 $(MANAGE) runserver 127.0.0.1:8000

test: install
	DJANGO_DEBUG=1 $(MANAGE) check
	DJANGO_DEBUG=1 $(MANAGE) makemigrations --check --dry-run
	DJANGO_DEBUG=1 $(MANAGE) compilemessages --ignore=.venv -v 0
	DJANGO_SECRET_KEY=test-only-secret $(BIN)/pytest $(PYTEST_ARGS)

install: system-deps $(VENV)/.installed

# gettext's msgfmt is what compilemessages runs; Debian ships it, PyPI does not.
system-deps:
	@command -v msgfmt >/dev/null || (apt-get update -qq && apt-get install -y -qq gettext >/dev/null)

$(VENV)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q -e '.[dev]'
	touch $@

# After changing interface strings: extract them, then translate every new msgstr in th and ja.
messages: install
	DJANGO_DEBUG=1 $(MANAGE) makemessages -l th -l ja -l en --ignore=.venv --ignore=bench --no-obsolete

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles
