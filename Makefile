# The China metaverse briefing. `make help` lists the targets.
# Parameters: make report ARTICLES=dir OUT=dir PROCESSED=dir CNY_PER_USD=7.1 AS_OF=yyyy-mm-dd TITLE="..." CORRECTIONS=file.csv
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON_SYS ?= python3
VENV       := .venv
PY         := $(VENV)/bin/python
STAMP      := $(VENV)/.installed-requirements
ARTICLES   ?= data/articles
OUT        ?= report
CNY_PER_USD ?= 7.1
AS_OF      ?=
TITLE      ?=
FORMATS    ?=
SLIDE_TEMPLATE ?=
FIGURES    ?= figures
PROCESSED  ?= data/processed
CORRECTIONS ?= data/corrections.csv
SUDO       := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: help setup fonts report test test-fast fuzz lint format clean bench lock

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-10s %s\n", $$1, $$2}'
	@echo "  parameters: ARTICLES=$(ARTICLES) OUT=$(OUT) PROCESSED=$(PROCESSED) CNY_PER_USD=$(CNY_PER_USD) AS_OF=$(AS_OF) TITLE=... FORMATS=html,pdf,slides,tables CORRECTIONS=$(CORRECTIONS)"

$(STAMP): requirements.txt pyproject.toml
	@test -x $(PY) || $(PYTHON_SYS) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps -e .
	@touch $@

# Two Debian packages the PDF needs, installed only when missing: a Chinese font, and
# HarfBuzz's subsetter, without which WeasyPrint falls back to fontTools and spends about a
# minute subsetting Noto CJK's 65,000 glyphs on every render instead of a fraction of a second.
fonts: ## Install the CJK font (fonts-noto-cjk) and HarfBuzz's subsetter when missing (Debian)
	@missing=""; \
	[ -n "$$(fc-list :lang=zh 2>/dev/null)" ] || missing="fonts-noto-cjk fontconfig"; \
	/sbin/ldconfig -p 2>/dev/null | grep -q 'libharfbuzz-subset\.so\.0' || missing="$$missing libharfbuzz-subset0"; \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian packages:$$missing"; \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	fi

setup: $(STAMP) fonts ## Create the venv (rebuilt when requirements.txt changes); Debian packages

# No-op rebuilds in well under a second: the report is stamped with a hash of the parameters
# and of the articles folder's listing (so removing an article counts), and is rebuilt only
# when that stamp is missing or older than an article, a notebook, the package or a table.
# Inside `briefing build`, caches keyed by content redo only what changed.
q = $(subst ','\'',$(1))
PARAMS_HASH := $(shell printf '%s|' '$(call q,$(ARTICLES))' '$(call q,$(CNY_PER_USD))' \
  '$(call q,$(AS_OF))' '$(call q,$(TITLE))' '$(call q,$(FORMATS))' '$(call q,$(PROCESSED))' '$(call q,$(SLIDE_TEMPLATE))' \
  '$(call q,$(CORRECTIONS))' \
  "$$(ls -A '$(call q,$(ARTICLES))' 2>/dev/null)" | md5sum | cut -c1-16)
REPORT_STAMP := $(OUT)/.built-$(PARAMS_HASH)
BUILD_INPUTS := $(shell find '$(call q,$(ARTICLES))' notebooks src data/reference $(if $(CORRECTIONS),'$(call q,$(CORRECTIONS))') -type f \
  -not -path '*/__pycache__/*' -not -name '*.pyc' 2>/dev/null | sed 's/ /\\ /g')

report: $(REPORT_STAMP) ## Render the briefing (HTML + PDF + charts + deck + tables) into OUT

$(REPORT_STAMP): $(STAMP) $(BUILD_INPUTS) requirements.txt Makefile
	@$(MAKE) --no-print-directory fonts
	$(VENV)/bin/briefing build --articles "$(ARTICLES)" --out "$(OUT)" \
	  --cny-per-usd "$(CNY_PER_USD)" --as-of "$(AS_OF)" --title "$(TITLE)" --formats "$(FORMATS)" --figures "$(FIGURES)" \
	  --processed "$(PROCESSED)" --slide-template "$(SLIDE_TEMPLATE)" --corrections "$(CORRECTIONS)"
	@touch "$@"

lint: setup ## ruff check and format check
	$(VENV)/bin/ruff check src tests bench
	$(VENV)/bin/ruff format --check src tests bench

test: setup lint ## The whole test suite (ruff too); .ci/run calls this
	$(VENV)/bin/pytest -q

test-fast: setup ## Tests without the slow end-to-end build
	$(VENV)/bin/pytest -q -m "not slow"

fuzz: setup ## Property-based tests with fresh random examples (make test repeats fixed ones)
	HYPOTHESIS_PROFILE=explore $(VENV)/bin/pytest -q -m "not slow" tests/test_extract_fuzz.py tests/test_quantities_properties.py tests/test_safe.py tests/test_inputs_encodings.py

format: setup ## Format the code with ruff
	$(VENV)/bin/ruff format src tests bench

bench: setup ## Benchmarks (extraction; build when present)
	$(PY) bench/bench_extract.py
	@if [ -f bench/bench_build.py ]; then $(PY) bench/bench_build.py; fi

lock: ## Re-pin requirements.txt from requirements.in
	@test -x $(PY) || $(PYTHON_SYS) -m venv $(VENV)
	$(PY) -m pip install --quiet pip-tools
	$(VENV)/bin/pip-compile --quiet --strip-extras --output-file requirements.txt requirements.in

clean: ## Remove the report, processed data and caches (keeps the venv)
	rm -rf "$(OUT)" data/processed build .pytest_cache .ruff_cache
	find . -name __pycache__ -type d -prune -not -path "./$(VENV)/*" -exec rm -rf {} +
