# dragoman: set-up, demo and tests. Needs Python >= 3.10 with venv and pip.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: setup demo test test-slow docs bench eval clean

$(BIN)/dragoman: pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c constraints.txt -e '.[test,build]'
	touch $@

setup: $(BIN)/dragoman  ## create .venv and install dragoman with pinned dependencies

demo: setup  ## analyse the bundled examples and print a readable summary
	$(BIN)/dragoman analyze examples/ --format text

test: setup  ## the quick test suite (a few minutes on 2 cores)
	$(BIN)/python -m pytest -m "not slow"

test-slow: setup  ## the slow tests only (a 5 MB article; CI runs them after `make test`)
	$(BIN)/python -m pytest -m slow

docs: setup  ## regenerate the reference pages and build the site into site/
	$(BIN)/python scripts/gen_docs.py
	$(BIN)/mkdocs build --strict

bench: setup  ## speed benchmarks (print figures)
	$(BIN)/python benchmarks/speed.py

eval: setup  ## accuracy on the annotated news sets (the first two need ../shared)
	$(PYTHON) ../shared/eval/score.py news --gold ../shared/corpus/seed
	$(PYTHON) ../shared/eval/score.py news --gold ../shared/corpus/dev
	$(PYTHON) ../shared/eval/score.py news --gold tests/gold
	$(PYTHON) ../shared/eval/score.py news --gold benchmarks/news

clean:
	rm -rf $(VENV) build site *.egg-info src/*.egg-info .pytest_cache
