# labbook: two commands for a fresh Debian machine.
#   make report   installs what is missing, builds in release mode, renders the coursework
#   make test     installs what is missing, runs the test suite
# `make bench` measures the engine (see docs/engine.md).

DEBIAN_PACKAGES := libcmark-dev libopenblas-dev libpng-dev zlib1g-dev libcairo2-dev \
                   fonts-dejavu-core dataset-fashion-mnist
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
LABBOOK := .build/release/labbook

.PHONY: report test bench build deps

report: deps build
	$(LABBOOK) render notebooks/fashion-mnist.md

test: deps
	swift test

bench: deps build
	$(LABBOOK) bench

build:
	swift build -c release

# Installs only the Debian packages that are not installed yet; `apt-get update` runs once first.
deps:
	@missing=""; \
	for p in $(DEBIAN_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing:$$missing"; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi
