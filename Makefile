# nmdkg — build, query, test. `make help` lists the targets.
# Everything runs in .venv, created from the pinned dependencies on first use.

PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
YASGUI := src/nmdkg/server/static/vendor/yasgui/yasgui.min.js

.PHONY: help run build validate test lint format bench clean

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

test: $(STAMP) $(YASGUI) browser graphviz  ## lint and run the whole test suite
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/pytest

lint: $(STAMP)  ## lint only
	$(BIN)/ruff check src tests bench

format: $(STAMP)  ## format the code
	$(BIN)/ruff format src tests bench
	$(BIN)/ruff check --fix src tests bench

.PHONY: release
release: $(STAMP)  ## write the release files into release/ atomically (builds first if stale; VERSION=YYYY-MM-DD, default today)
	$(BIN)/nmdkg export $(if $(VERSION),--version $(VERSION))

bench: $(STAMP)  ## load, HermiT, SHACL, query latency, memory at 10^4-10^7 triples, vs rdflib (~40 min; BENCH_SIZES=1e4,1e5: 4 min)
	$(BIN)/python bench/suite.py $(if $(BENCH_SIZES),--sizes $(BENCH_SIZES))

# nmdkg serve: the query page's editor (YASGUI from npm, pinned by web/package-lock.json) is copied into
# the package; the headless browser test needs Debian's chromium (both idempotent, cheap once done).
$(YASGUI): web/package.json web/package-lock.json scripts/setup-web.sh
	scripts/setup-web.sh

.PHONY: web browser graphviz serve loadtest screenshots
web: $(YASGUI)  ## install the query page's SPARQL editor (YASGUI, npm ci in web/) into the package

browser:  ## install Debian's chromium for the headless browser test (first time only; needs root or sudo)
	@scripts/apt-ensure.sh $${CHROMIUM:-/usr/bin/chromium} chromium fonts-dejavu-core

graphviz:  ## install Debian's graphviz, which draws the disorder diagrams (first time only; needs root or sudo)
	@scripts/apt-ensure.sh /usr/bin/dot graphviz fonts-dejavu-core

screenshots: $(STAMP) $(YASGUI) browser graphviz  ## README's pictures: the headless browser test's screenshots, into docs/images/
	$(BIN)/pytest -q tests/server/test_browser.py -k "matrix or diagram"
	cp test-artifacts/treatment-matrix.png test-artifacts/treatment-matrix-lecture-table.png \
	   test-artifacts/disorder-diagram.png test-artifacts/antibody-profile.png docs/images/

serve: $(STAMP) $(YASGUI) graphviz  ## serve the graph: SPARQL endpoint, entity pages, query editor on http://127.0.0.1:7878/
	$(BIN)/nmdkg serve

loadtest: $(STAMP)  ## load-test nmdkg serve beside the Oxigraph server (loopback, 20 s each); figures into docs/server.md
	$(BIN)/python bench/load_test.py --write

clean:  ## remove generated artifacts (never curated sources)
	rm -rf build release .pytest_cache
