# Every target sets up its own virtual environment from pyproject.toml.
# The stamp file makes a second run quick: pip runs again only when
# pyproject.toml changed.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: test demo lint docs bench realworld reliability mutation clean venv

venv: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[compare,test]'
	touch $(STAMP)

test: $(STAMP)
	$(BIN)/python -m pytest

demo: $(STAMP)
	$(BIN)/python -m migrate demo

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check migrate sample_upstreams sample_legacy_app sample_migrated_app sample_quart_app tests benchmarks realworld scripts
	$(BIN)/mypy

# The docs as a site in build/site; --strict fails on a broken link or a page
# left out of the nav. Their code blocks are checked by tests/docs.
docs: $(STAMP)
	$(BIN)/mkdocs build --strict --quiet

# The long reliability runs (make test runs reduced versions): README "Reliability".
reliability: $(STAMP)
	$(BIN)/python scripts/kill_test.py
	$(BIN)/python scripts/fuzz.py
	$(BIN)/python scripts/soak.py

# The sample apps are the repository's (not in the installed package): PYTHONPATH.
bench: $(STAMP)
	$(BIN)/python benchmarks/plan_speed.py
	PYTHONPATH=. $(BIN)/python benchmarks/dashboard_speed.py
	PYTHONPATH=. $(BIN)/python benchmarks/fanout_speed.py
	PYTHONPATH=. $(BIN)/python benchmarks/three_versions.py

# Not part of `make test`: downloads pinned sdists and runs ten real suites
# (its own environment under build/realworld).
realworld: $(STAMP)
	$(BIN)/python realworld/run.py

# Not in CI. mutmut makes ~14,000 mutants of migrate/rewrite and migrate/analyse,
# most of a day on two cores, so this runs a seeded random sample of each package
# (MUTATION_SAMPLE mutants, MUTATION_SEED) and prints the score per package with
# its 95% confidence interval; MUTATION_SAMPLE=0 runs every mutant. Each mutant
# runs only the tests of [tool.mutmut] that reach its function, fastest first.
MUTATION_SAMPLE ?= 150
MUTATION_SEED ?= 17

mutation: $(STAMP)
	$(BIN)/python -m pip install --quiet 'mutmut==3.8.1'
	$(BIN)/python tools/mutation_sample.py --size $(MUTATION_SAMPLE) --seed $(MUTATION_SEED)

clean:
	rm -rf $(VENV) build mutants .pytest_cache .mypy_cache .ruff_cache
