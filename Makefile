# idkarr — build, run, test, benchmark. `make test` installs everything the tests need.
SHELL := /bin/bash
SWIFT ?= swift
HOST ?= 127.0.0.1
PORT ?= 7979
DATA ?= ./data
VENV := .venv
PY := $(VENV)/bin/python

# Debian packages: the C libraries we link, and the real programs the tests drive.
BUILD_DEBS := libargon2-dev libcurl4-openssl-dev pkg-config
TEST_DEBS := chromium chromium-driver python3-venv openssl
BENCH_DEBS := wrk

.PHONY: all build release run test test-swift test-python bench deps-build deps-test deps-bench clean format

all: build

# Install missing Debian packages only (apt-get update once, and only when something is missing).
define apt_install
	@missing=""; for p in $(1); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=""; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; \
	fi
endef

deps-build:
	$(call apt_install,$(BUILD_DEBS))

deps-test: deps-build
	$(call apt_install,$(TEST_DEBS))
	@test -x $(PY) || python3 -m venv $(VENV)
	@$(PY) -m pip install -q --disable-pip-version-check -r Tests/python/requirements.txt

deps-bench: deps-test
	$(call apt_install,$(BENCH_DEBS))

build: deps-build
	$(SWIFT) build

release: deps-build
	$(SWIFT) build -c release --product idkarr

run: release
	.build/release/idkarr serve --host $(HOST) --port $(PORT) --data $(DATA)

test: deps-test
	$(MAKE) test-swift
	$(MAKE) test-python

test-swift:
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

test-python:
	$(SWIFT) build --product idkarr
	IDKARR_BIN=$(CURDIR)/.build/debug/idkarr $(PY) -m pytest -q Tests/python

bench: deps-bench release
	IDKARR_BIN=$(CURDIR)/.build/release/idkarr PY=$(PY) bash Benchmarks/run.sh

format:
	$(SWIFT) format --in-place --recursive Sources Tests

clean:
	rm -rf .build $(VENV)
