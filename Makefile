# The China metaverse briefing. `make help` lists the targets.
# Parameters: make report ARTICLES=dir OUT=dir PROCESSED=dir CNY_PER_USD=7.1 AS_OF=yyyy-mm-dd TITLE="..."
#             SLIDE_TEMPLATE=corp.pptx CORRECTIONS=file.csv (empty: none)
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
	@printf '  parameters: ARTICLES=%s OUT=%s PROCESSED=%s CNY_PER_USD=%s AS_OF=%s TITLE=... FORMATS=html,pdf,slides,tables SLIDE_TEMPLATE=%s CORRECTIONS=%s\n' \
	  "$$BRIEFING_ARTICLES" "$$BRIEFING_OUT" "$$BRIEFING_PROCESSED" "$$BRIEFING_CNY_PER_USD" "$$BRIEFING_AS_OF" "$$BRIEFING_SLIDE_TEMPLATE" "$$BRIEFING_CORRECTIONS"

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

# Parameters reach `briefing build` through the environment, never pasted into shell code:
# a title with quotes, backticks or $( ) stays text, and every path may hold spaces. No
# article is listed here, so any file name is an article. `briefing build` itself decides
# what to redo (briefing/render/graph.py): a no-op build takes a fraction of a second.
export BRIEFING_ARTICLES    = $(ARTICLES)
export BRIEFING_OUT         = $(OUT)
export BRIEFING_PROCESSED   = $(PROCESSED)
export BRIEFING_FIGURES     = $(FIGURES)
export BRIEFING_CNY_PER_USD = $(CNY_PER_USD)
export BRIEFING_AS_OF       = $(AS_OF)
export BRIEFING_TITLE       = $(TITLE)
export BRIEFING_FORMATS     = $(FORMATS)
export BRIEFING_SLIDE_TEMPLATE = $(SLIDE_TEMPLATE)
export BRIEFING_CORRECTIONS = $(CORRECTIONS)
report: $(STAMP) fonts ## Render the briefing (HTML + PDF + charts + deck + tables) into OUT
	$(VENV)/bin/briefing build

lint: setup ## ruff check and format check
	$(VENV)/bin/ruff check src tests bench
	$(VENV)/bin/ruff format --check src tests bench

test: setup lint ## The whole test suite (ruff too); .ci/run calls this
	$(VENV)/bin/pytest

test-fast: setup ## Tests without the slow end-to-end build
	$(VENV)/bin/pytest -m "not slow"

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

clean: ## Remove the report, processed data (with the build's records) and caches (keeps the venv)
	rm -rf -- "$$BRIEFING_OUT" "$$BRIEFING_PROCESSED" data/processed build .pytest_cache .ruff_cache
	find . -name __pycache__ -type d -prune -not -path "./$(VENV)/*" -exec rm -rf {} +
