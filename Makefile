# The two commands of the README:
#   make run    set up (a virtualenv in .venv) and run the main job on the embedded default
#   make test   set up everything the tests need (Chromium, a Neo4j 5 server) and run them all
#   make test-fast  the fast tier for your own loop: no Neo4j, no browser, nothing slow
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
OUT    ?= out

.PHONY: run test test-fast install install-test clean

run: $(VENV)/.installed
	$(BIN)/samspil build -o $(OUT)

test: $(VENV)/.installed-test
	scripts/test

test-fast: $(VENV)/.installed-test
	$(BIN)/python -m pytest -m "not neo4j and not browser and not slow" -p no:cacheprovider

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

$(VENV)/.created:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	touch $@

$(VENV)/.installed: $(VENV)/.created pyproject.toml
	$(BIN)/pip install -q -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed pyproject.toml
	$(BIN)/pip install -q -e '.[test]'
	touch $@

clean:
	rm -rf $(VENV) $(OUT) .run build *.egg-info
