# nmdkg — build, query, test. `make help` lists the targets.
# Everything runs in .venv, created from the pinned dependencies on first use.

PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: help run build validate test lint format clean

help:  ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/' | column -t -s "$$(printf '\t')"

$(STAMP): pyproject.toml
	@command -v $(PYTHON) >/dev/null || { echo "need $(PYTHON) (set PYTHON=...)"; exit 2; }
	@command -v java >/dev/null || { echo "need Java (e.g. apt-get install -y default-jre-headless) for HermiT"; exit 2; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip==26.3
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

run: $(STAMP)  ## build the graph and answer the headline question on the embedded store
	$(BIN)/nmdkg build
	$(BIN)/nmdkg query b-cell-therapies-igm-neuropathies

build: $(STAMP)  ## build the graph into build/ (skipped when the sources are unchanged)
	$(BIN)/nmdkg build

validate: $(STAMP)  ## validate the curated sources: SHACL, HermiT, quality checks (docs/validation.md)
	$(BIN)/nmdkg validate --show warn

test: $(STAMP)  ## lint and run the whole test suite
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests
	$(BIN)/pytest

lint: $(STAMP)  ## lint only
	$(BIN)/ruff check src tests

format: $(STAMP)  ## format the code
	$(BIN)/ruff format src tests
	$(BIN)/ruff check --fix src tests

.PHONY: release
release: $(STAMP)  ## write the release files into release/ atomically (builds first if stale; VERSION=YYYY-MM-DD, default today)
	$(BIN)/nmdkg export $(if $(VERSION),--version $(VERSION))

clean:  ## remove generated artifacts (never curated sources)
	rm -rf build release .pytest_cache
