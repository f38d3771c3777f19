# Two commands: `make run` opens the sample articles, `make test` runs the whole suite.
# Both create .venv/ on first use and reinstall only when pyproject.toml changes.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test lint bench clean screenshot

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $(STAMP)

# An editable install leaves reader/ uncompiled; Python then compiles it on every start when
# bytecode cannot be written (PYTHONDONTWRITEBYTECODE, a read-only checkout): ~30 ms of the
# first paint. compileall only rewrites what changed.
BYTECODE := $(BIN)/python -m compileall -q reader

run: $(STAMP)
	@$(BYTECODE)
	$(BIN)/reader sample_articles/

# lint-imports checks the one-way layers declared in pyproject.toml ([tool.importlinter]).
# pytest exits 5 when it collects no tests; that is not a failure of the suite.
test: $(STAMP)
	$(BIN)/ruff check reader tests $(wildcard benchmarks)
	$(BIN)/lint-imports --no-cache
	$(BIN)/python -m pytest; rc=$$?; if [ $$rc -eq 5 ]; then echo "no tests collected"; exit 0; fi; exit $$rc

lint: $(STAMP)
	$(BIN)/ruff check reader tests $(wildcard benchmarks)
	$(BIN)/lint-imports --no-cache

bench: $(STAMP)
	@$(BYTECODE)
	$(BIN)/python -m benchmarks

clean:
	rm -rf $(VENV) build dist .pytest_cache

# The README's screenshot is the reader snapshot test's SVG (tests/test_docs.py checks they match).
SHOT := tests/inreader/__snapshots__/test_inreader_snapshots/test_seed_with_sources_panel.svg
screenshot: $(STAMP)
	$(BIN)/python -m pytest -q tests/inreader/test_inreader_snapshots.py -k sources_panel --snapshot-update
	@mkdir -p docs && cp $(SHOT) docs/reader-sources-panel.svg
