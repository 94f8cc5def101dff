# Run `make help` for the list of targets.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
export DJANGO_DEBUG ?= 1

.DEFAULT_GOAL := help
.PHONY: help run test lint fmt bench bench-dpo bench-serve worker publish system-deps clean deploy-check audit backup restore

help: ## Show this help
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F ':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	@bash scripts/system-deps.sh
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	@test -f .env || printf '# Development settings for this checkout (see .env.example).\nDJANGO_DEBUG=1\n' > .env
	@touch $(STAMP)

system-deps: ## Install the Debian packages WeasyPrint and the browser tests need
	@bash scripts/system-deps.sh --browser

run: $(STAMP) ## Set up, load the demo county, publish its notices and serve on http://127.0.0.1:8000
	$(PY) manage.py migrate --no-input
	$(PY) manage.py seed_demo
	$(PY) manage.py publish_notices --all --no-pdf
	$(PY) manage.py mirror_public_pages
	$(PY) manage.py publish_notices --all --background
	@echo "Starting the worker beside the server (it renders the PDFs); its log is worker.log."
	$(PY) manage.py run_worker > worker.log 2>&1 & trap 'kill $$! 2>/dev/null' EXIT INT TERM; \
	$(PY) manage.py runserver 127.0.0.1:8000

test: $(STAMP) ## Run the whole test suite (SQLite, or PostgreSQL when DATABASE_URL is set)
	@bash scripts/system-deps.sh --browser
	$(PY) manage.py makemigrations --check --dry-run
	$(PY) -m pytest $(PYTEST_ARGS)

backup: $(STAMP) ## Back up the database and the stored PDFs into backups-made/ (or OUTPUT=file)
	$(PY) manage.py backup $(if $(OUTPUT),--output $(OUTPUT))

restore: $(STAMP) ## Replace the database and PDFs with a backup: make restore FILE=backups-made/….tar.gz
	@test -n "$(FILE)" || { echo "Say which backup: make restore FILE=backups-made/notices-….tar.gz" >&2; exit 2; }
	$(PY) manage.py restore $(FILE)

deploy-check: $(STAMP) ## Check production-like settings with manage.py check --deploy (0 warnings)
	DJANGO_DEBUG=0 DJANGO_SECRET_KEY="$$($(PY) -c 'import secrets; print(secrets.token_urlsafe(50))')" \
	DJANGO_ALLOWED_HOSTS=notices.example.org SITE_URL=https://notices.example.org \
	EMAIL_HOST=smtp.example.org $(PY) manage.py check --deploy --fail-level WARNING

audit: $(STAMP) ## Fail on a dependency with a known vulnerability that has a fix (pip-audit)
	$(PY) scripts/audit.py

lint: $(STAMP) ## Check style with ruff
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

fmt: $(STAMP) ## Format and fix with ruff
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

bench: $(STAMP) ## Run the publishing benchmark (BENCH_ARGS="--schools 550")
	$(PY) benchmarks/publish.py $(BENCH_ARGS)

bench-dpo: $(STAMP) ## Time the DPO pages (confirmation, impact, dashboard, preview) at county scale
	$(PY) benchmarks/dpo_screens.py $(BENCH_ARGS)

bench-serve: $(STAMP) ## Run the serving benchmark (wrk against gunicorn; SERVE_ARGS="--duration 10")
	@bash scripts/system-deps.sh --bench
	$(PY) benchmarks/serve.py $(SERVE_ARGS)

worker: $(STAMP) ## Run the background worker (pages, PDFs, retries)
	$(PY) manage.py run_worker

publish: $(STAMP) ## Publish every school's notices
	$(PY) manage.py publish_notices --all

clean: ## Remove the virtualenv, database, media files and the mirror
	rm -rf $(VENV) db.sqlite3 media site-mirror
