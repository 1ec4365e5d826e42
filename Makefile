# The two commands a newcomer needs: `make run` and `make test`.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
FLASK := $(BIN)/flask --app portfolio
HOST ?= 127.0.0.1
PORT ?= 5000
CHROMIUM := /usr/bin/chromium
WRK := /usr/bin/wrk
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
SCREENSHOTS ?= build/screenshots
CATALOGS := $(wildcard portfolio/translations/*/LC_MESSAGES/messages.po)
COMPILED := $(CATALOGS:.po=.mo)

.PHONY: run test install translations extract-messages screenshots bench load reliability clean system-libraries

# Debian 12's libraries WeasyPrint (the PDF report) loads at run time; installed once when missing.
PDF_LIBRARIES := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0

run: install system-libraries
	$(FLASK) db upgrade
	$(FLASK) demo load --if-empty
	$(FLASK) users ensure-admin
	$(FLASK) run --host $(HOST) --port $(PORT)

# The browser tests need Chromium; PORTFOLIO_REQUIRE_BROWSER makes its absence a failure, not a skip.
test: install system-libraries $(CHROMIUM)
	PORTFOLIO_REQUIRE_BROWSER=1 $(BIN)/pytest --db sqlite
	PORTFOLIO_REQUIRE_BROWSER=1 $(BIN)/pytest --db postgresql

# PNGs of the main pages at 1280 and 375 px wide, for reviewing the look by eye (not in git).
screenshots: install $(CHROMIUM)
	$(BIN)/python -m tests.e2e.screenshots $(SCREENSHOTS)

# Portfolio under gunicorn against the framework's ceiling and Flask-Admin, at 1,000 to 100,000
# applications (about ten minutes); figures in build/bench/. BENCH_ARGS="--sizes 1000 --duration 3" for a quick look.
bench: install $(WRK)
	$(BIN)/python -m pip install --quiet -e '.[bench]'
	$(BIN)/python tests/perf/bench_pages.py $(BENCH_ARGS)

# A mixed read/write load (8 clients, about 80% page reads, 20% form and API writes) against gunicorn
# on loopback: prints requests, errors (must be 0) and p50/p99 latency. LOAD_SECONDS=30 for a short run.
LOAD_SECONDS ?= 300
load: install
	LOAD_SECONDS=$(LOAD_SECONDS) $(BIN)/python tests/perf/load.py

# Not part of `make test` (about half an hour): Debian's sqlmap and wapiti against a signed-in
# loopback server, then the reliability tests on both databases, then one scorecard table.
# Fails when a scan could not run, a test fails, or a figure that must be 0 is not.
RELIABILITY := build/reliability
SCANNERS := /usr/bin/sqlmap /usr/bin/wapiti
reliability: install system-libraries $(SCANNERS)
	rm -f $(RELIABILITY)/scorecard-*.json $(RELIABILITY)/scanners.json
	status=0; \
	$(BIN)/python -m tests.reliability.scan --output $(RELIABILITY) || status=1; \
	$(BIN)/pytest tests/reliability tests/test_authorization.py --db sqlite || status=1; \
	$(BIN)/pytest tests/reliability tests/test_authorization.py --db postgresql || status=1; \
	$(BIN)/python -m tests.reliability.report $(RELIABILITY) || status=1; \
	exit $$status

$(SCANNERS) &:
	$(SUDO) apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq sqlmap wapiti

$(WRK):
	$(SUDO) apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq wrk

# Debian's Chromium: Playwright's own browser download does not work on these machines.
$(CHROMIUM):
	$(SUDO) apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium

system-libraries:
	@if [ "$$(dpkg-query -W -f='$${Status}\n' $(PDF_LIBRARIES) 2>/dev/null | grep -c 'install ok installed')" != 3 ]; then \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $(PDF_LIBRARIES); \
	fi

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
	$(BIN)/pybabel extract -F babel.cfg -k _l --ignore-dirs '.* build' -o portfolio/translations/messages.pot --no-location --no-wrap --sort-output .
	$(BIN)/pybabel update -i portfolio/translations/messages.pot -d portfolio/translations --no-fuzzy-matching --no-wrap

clean:
	rm -rf $(VENV) $(COMPILED)
