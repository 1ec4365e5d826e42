# The two commands a newcomer needs: `make run` and `make test`.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
FLASK := $(BIN)/flask --app portfolio
HOST ?= 127.0.0.1
PORT ?= 5000
CATALOGS := $(wildcard portfolio/translations/*/LC_MESSAGES/messages.po)
COMPILED := $(CATALOGS:.po=.mo)

.PHONY: run test install translations extract-messages clean

run: install
	$(FLASK) db upgrade
	$(FLASK) demo load --if-empty
	$(FLASK) users ensure-admin
	$(FLASK) run --host $(HOST) --port $(PORT)

test: install
	$(BIN)/pytest --db sqlite
	$(BIN)/pytest --db postgresql

install: $(VENV)/.installed translations

$(VENV)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

translations: $(COMPILED)

%.mo: %.po $(VENV)/.installed
	$(BIN)/pybabel compile --statistics -i $< -o $@

# After changing UI strings: extract them and merge into the catalogs, then translate.
extract-messages: $(VENV)/.installed
	$(BIN)/pybabel extract -F babel.cfg -k _l --ignore-dirs '.* build' -o portfolio/translations/messages.pot --no-location --sort-output .
	$(BIN)/pybabel update -i portfolio/translations/messages.pot -d portfolio/translations --no-fuzzy-matching

clean:
	rm -rf $(VENV) $(COMPILED)
