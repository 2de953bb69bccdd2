# theodoi: two commands set up a fresh machine.
#   make demo   creates .venv, installs, migrates, loads demo data, serves http://127.0.0.1:$(PORT)
#   make test   creates .venv, installs (apt packages too, when missing), runs ruff, mypy and every test
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
PG_URL ?= postgres://postgres@127.0.0.1:5432/theodoi

.PHONY: demo test venv system-deps lint typecheck test-sqlite test-postgres bench messages clean

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	touch $@

venv: $(BIN)/.installed

# Debian packages the app and its tests use: Chromium for browser tests, LibreOffice for PDF
# reports, poppler for PDF->PNG checks, Tesseract (vie) for scanned PDFs, Liberation fonts.
system-deps:
	@bash scripts/system-deps.sh

demo: venv
	$(BIN)/python manage.py compilemessages -l vi -l en --ignore=.venv >/dev/null
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py loaddemo
	@echo "theodoi đang chạy tại http://127.0.0.1:$(PORT)/  (Ctrl+C để dừng)"
	$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

lint: venv
	$(BIN)/ruff check .

typecheck: venv
	$(BIN)/mypy theodoi theodoi_extract

test-sqlite: venv
	$(BIN)/python manage.py compilemessages -l vi -l en --ignore=.venv >/dev/null
	$(BIN)/pytest -q -p no:randomly

test-postgres: venv
	bash scripts/ensure-postgres.sh
	THEODOI_DB_TESTS_ONLY=1 DATABASE_URL=$(PG_URL) $(BIN)/pytest -q theodoi tests -m "not browser" -p no:randomly

test: venv system-deps lint typecheck test-sqlite test-postgres

bench: venv
	$(BIN)/python benchmarks/extract_speed.py
	$(BIN)/python benchmarks/report_speed.py

messages: venv
	$(BIN)/python manage.py makemessages -l vi -l en --ignore=.venv --ignore=benchmarks
	$(BIN)/python manage.py compilemessages -l vi -l en --ignore=.venv

clean:
	rm -rf $(VENV) var staticfiles .mypy_cache .ruff_cache
