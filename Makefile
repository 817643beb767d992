# corezero: the README's commands.
#   make demo    build everything (installing what is missing), start venue-sim, the engine and nREPL
#   make test    build and run every test (unit, integration through bin/corezero, nREPL clients)
#   make bench   JMH micro-benchmarks, the start-up measurement and tick-to-trade (see docs/PERFORMANCE.md)
SHELL := /bin/bash
MVN := mvn -B -q
NPM_TEST_DIR := repl/src/test/node

.PHONY: all deps test-deps native build demo test bench bench-startup bench-tick-to-trade bench-feed doctor clean

all: build

deps:
	@scripts/ensure-deps.sh build

test-deps:
	@scripts/ensure-deps.sh test
	@scripts/ensure-kernel.sh
	@cd $(NPM_TEST_DIR) && npm ci --silent --no-audit --no-fund

native:
	@$(MAKE) -s -C native

build: deps native
	$(MVN) -DskipTests install
	@echo "corezero: built; bin/corezero demo starts it"

demo: build
	bin/corezero demo

test: deps test-deps native
	$(MAKE) -s -C native test
	$(MVN) install

bench: build
	bench/run-jmh.sh
	bench/startup.sh
	bench/tick-to-trade.sh
	bench/feed-latency.sh

bench-tick-to-trade: build
	bench/tick-to-trade.sh

bench-feed: build
	bench/feed-latency.sh

bench-startup: build
	bench/startup.sh

doctor: build
	bin/corezero doctor

clean:
	$(MVN) clean
	@$(MAKE) -s -C native clean
	rm -rf run .nrepl-port
