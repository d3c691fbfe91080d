# dragoman: set-up, demo and tests. Needs Python >= 3.10 with venv and pip.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: setup demo test test-slow typecheck docs bench eval clean

$(BIN)/dragoman: pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c constraints.txt -e '.[test,build]'
	touch $@

setup: $(BIN)/dragoman  ## create .venv and install dragoman with pinned dependencies

demo: setup  ## analyse the examples, ingest them into out/demo.db, query it, write a briefing
	$(BIN)/dragoman analyze examples/ --format text
	mkdir -p out
	$(BIN)/dragoman ingest examples/ --db out/demo.db --published 2022-01-14
	$(BIN)/dragoman events --db out/demo.db --limit 20
	$(BIN)/dragoman brief --db out/demo.db --from 2022-01-10 --to 2022-01-16 --out out/demo-brief
	@echo "Briefing: out/demo-brief/brief.html. Dashboard: $(BIN)/dragoman serve --db out/demo.db, then open http://127.0.0.1:8000/"

test: setup  ## the quick test suite (a few minutes on 2 cores)
	$(BIN)/python -m pytest -m "not slow"

test-slow: setup  ## the slow tests only (a 5 MB article; CI runs them after `make test`)
	$(BIN)/python -m pytest -m slow

typecheck: setup  ## mypy over the package (CI runs it)
	$(BIN)/mypy

docs: setup  ## regenerate the reference pages and build the site into site/
	$(BIN)/python scripts/gen_docs.py
	$(BIN)/mkdocs build --strict

bench: setup  ## speed benchmarks (print figures)
	$(BIN)/python benchmarks/speed.py
	$(BIN)/python benchmarks/ingest.py

eval: setup  ## accuracy on the annotated news sets (the first two need ../shared)
	$(PYTHON) ../shared/eval/score.py news --gold ../shared/corpus/seed
	$(PYTHON) ../shared/eval/score.py news --gold ../shared/corpus/dev
	$(PYTHON) ../shared/eval/score.py news --gold tests/gold
	$(PYTHON) ../shared/eval/score.py news --gold benchmarks/news

clean:
	rm -rf $(VENV) build site *.egg-info src/*.egg-info .pytest_cache screenshots
