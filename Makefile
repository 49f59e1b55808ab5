# labbook: two commands for a fresh Debian machine.
#   make report   installs what is missing, builds in release mode, renders the coursework
#   make test     installs what is missing, runs the test suite
# `make bench` measures the engine (see docs/engine.md); `make regress` checks that this engine
# reproduces the committed reports in output/ (see docs/diff.md); `make slurm-check` grades a test
# class on a Slurm cluster of this one machine (see docs/cluster.md).

DEBIAN_PACKAGES := libcmark-dev libopenblas-dev libpng-dev zlib1g-dev libcairo2-dev libsqlite3-dev \
                   fonts-dejavu-core dataset-fashion-mnist
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
LABBOOK := .build/release/labbook

.PHONY: report test bench build deps regress fuzz browser-check preview-timing generic-check slurm-check

report: deps build
	$(LABBOOK) render notebooks/fashion-mnist.md

test: deps
	swift test

bench: deps build
	$(LABBOOK) bench

build:
	swift build -c release

# The project's tolerances for `make regress`: accuracies may move by 0.005, losses by 2 %.
REGRESS_TOLERANCE := --tolerance 0.005 --tolerance rel:0.02

# Renders every notebook afresh (no cache) into a temporary folder and diffs each report
# against the committed one in output/. The notebooks render at the same time on one engine
# thread each (on two processors as fast as one after the other on two threads: 18 minutes), and
# as the committed reports were rendered on two threads, the diffs also check that the thread
# count changes no bit of a real notebook. Exits with the worst status of the diffs: 1 when a
# result moved beyond tolerance, 2 when a report is missing or unreadable. Renders of one
# reproducibility class give the same bits on every machine and thread count, so the diff of an
# unchanged engine says "identical"; the tolerances matter only across engine versions.
# Then grades the coursework master against its untouched student version (release/): it must
# be graded (no crash, no time-out) with 0 points on every auto-graded question.
regress: deps build
	@tmp=$$(mktemp -d); status=0; \
	for notebook in notebooks/*.md; do \
	  [ -e "$$notebook" ] || continue; \
	  $(LABBOOK) render "$$notebook" --output "$$tmp" --no-cache --quiet --threads 1 & \
	done; \
	wait; \
	for notebook in notebooks/*.md; do \
	  [ -e "$$notebook" ] || continue; \
	  name=$$(basename "$$notebook" .md); \
	  echo "== $$name"; \
	  $(LABBOOK) diff "output/$$name" "$$tmp/$$name" $(REGRESS_TOLERANCE); s=$$?; \
	  [ $$s -gt $$status ] && status=$$s; \
	done; \
	echo "== grade notebooks/fashion-mnist.md release/fashion-mnist.md"; \
	$(LABBOOK) grade notebooks/fashion-mnist.md release/fashion-mnist.md --output "$$tmp/grades"; \
	if awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) column[$$i] = i } \
	            NR == 2 { row = 1; bad = $$column["status"] != "graded" || $$column["total"] != "0" } \
	            END { exit !row || bad }' "$$tmp/grades/gradebook.csv"; then \
	  echo "the untouched student version is graded with 0 on every auto-graded question"; \
	else \
	  echo "error: the untouched student version was not graded with 0 points:"; cat "$$tmp/grades/gradebook.csv"; status=1; \
	fi; \
	rm -rf "$$tmp"; exit $$status

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

# Fuzzes with libFuzzer for FUZZ_SECONDS seconds each: the language's lexer, parser and
# interpreter (ParserFuzzer, from the corpus of test programs), then the notebook reader and the
# parser of every block (NotebookFuzzer, from the notebooks, fixtures and hostile notebooks of
# the tests). Leak detection is off: a session keeps its closures and their scopes alive until
# the process ends (one session per notebook), by design.
FUZZ_SECONDS ?= 300
FUZZ_RUN = ASAN_OPTIONS=detect_leaks=0 Fuzz/.build/debug/$(1) -max_total_time=$(FUZZ_SECONDS) -max_len=$(2) -timeout=60 \
	-rss_limit_mb=4096 -detect_leaks=0 $(3)
fuzz:
	cd Fuzz && swift build -Xswiftc -sanitize=fuzzer,address
	mkdir -p .build/fuzz-corpus .build/fuzz-notebooks
	find Tests/LabbookInterpreterTests/Programs -name "*.swift" -exec cp {} .build/fuzz-corpus/ \;
	for f in notebooks/*.md Tests/LabbookNotebookTests/Fixtures/*.md Tests/LabbookRunTests/Notebooks/*.md \
	  Tests/LabbookRunTests/Hostile/*.md; do cp "$$f" .build/fuzz-notebooks/$$(echo "$$f" | tr / _); done
	$(call FUZZ_RUN,ParserFuzzer,4096,.build/fuzz-corpus)
	$(call FUZZ_RUN,NotebookFuzzer,65536,.build/fuzz-notebooks)

# In headless Chromium (Debian's `chromium`, installed when missing): the sample notebook's page
# screenshotted as `render` writes it, then `labbook preview` driven through the DevTools protocol
# (PreviewBrowserTests: prose and block edits reach the open page without a reload, a syntax
# error shows over the last good page and its fix clears it). Look at .build/browser-check/*.png.
CHROMIUM_INSTALLED = dpkg-query -W -f='$${Status}' chromium 2>/dev/null | grep -q "install ok installed" || \
	  ($(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium)
browser-check: deps build
	@$(CHROMIUM_INSTALLED)
	$(LABBOOK) render Tests/LabbookRunTests/Notebooks/sample.md --output .build/browser-check --quiet
	chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1200,2200 \
	  --screenshot=.build/browser-check/screenshot.png file://$(CURDIR)/.build/browser-check/sample/index.html
	LABBOOK_BROWSER_CHECK=1 LABBOOK_BROWSER_SCREENSHOTS=$(CURDIR)/.build/browser-check swift test --filter PreviewBrowserTests
	@echo "screenshots: .build/browser-check/*.png"

# The save-to-page times of `labbook preview` on the coursework (release build, in a copy in
# .build/preview-timing whose cache the first run warms: about 8 minutes, later runs seconds):
# a prose edit, and an edit of the last block. Prints them; not part of `make test`.
preview-timing: deps build
	@$(CHROMIUM_INSTALLED)
	mkdir -p .build/preview-timing
	cp notebooks/fashion-mnist.md .build/preview-timing/fashion-mnist.md
	cd .build/preview-timing && $(CURDIR)/$(LABBOOK) render fashion-mnist.md --quiet
	LABBOOK_BROWSER_CHECK=1 LABBOOK_EXECUTABLE=$(CURDIR)/$(LABBOOK) LABBOOK_PREVIEW_FOLDER=$(CURDIR)/.build/preview-timing \
	  LABBOOK_PREVIEW_NOTEBOOK=fashion-mnist.md LABBOOK_PREVIEW_SECONDS=900 \
	  LABBOOK_BROWSER_SCREENSHOTS=$(CURDIR)/.build/preview-timing/screenshots \
	  swift test --filter PreviewBrowserTests > .build/preview-timing/test.log 2>&1; status=$$?; \
	  grep -E "save to updated page|✘|Test run" .build/preview-timing/test.log; exit $$status

# The build a machine without AVX2 and FMA makes (the x86-64 baseline, LABBOOK_CPU=x86-64): its
# engine and plots must hold no AVX instruction, it must render the small determinism notebook,
# and `labbook diff` against the x86-64-v3 build's render must say that the reproducibility
# classes differ and compare with tolerances (exit 0 within them). It is a debug build in .build,
# where only the targets whose flags change are rebuilt (the engine, optimized in every build,
# the plots and what imports them), not the dependencies: a build of its own took 9 minutes. Its
# executable is kept as .build-generic/labbook; the next `swift build` or `swift test` rebuilds
# those targets for this machine.
GENERIC_LABBOOK := .build-generic/labbook
generic-check: deps build
	LABBOOK_CPU=x86-64 swift build --product labbook --manifest-cache none
	mkdir -p .build-generic && cp .build/debug/labbook $(GENERIC_LABBOOK)
	@for target in LabbookEngine LabbookPlots; do \
	  objects=$$(find Sources/$$target -name '*.swift' -exec basename {} \; | sed "s|^|.build/debug/$$target.build/|; s|$$|.o|"); \
	  count=$$(objdump -d $$objects | grep -cE '%ymm|%zmm|vfmadd'); \
	  if [ "$$count" != 0 ]; then echo "$$target: $$count AVX instructions in the baseline build"; exit 1; fi; \
	done
	@$(GENERIC_LABBOOK) --version | grep -q "x86-64 without FMA, fixed order" || \
	  { echo "the baseline build does not name its class:"; $(GENERIC_LABBOOK) --version; exit 1; }
	@tmp=$$(mktemp -d); \
	$(LABBOOK) render Tests/LabbookRunTests/Notebooks/determinism.md --output "$$tmp/v3" --no-cache --quiet && \
	$(GENERIC_LABBOOK) render Tests/LabbookRunTests/Notebooks/determinism.md --output "$$tmp/baseline" --no-cache --quiet && \
	grep -q "x86-64 without FMA, fixed order" "$$tmp/baseline/determinism/results.json" && \
	$(LABBOOK) diff "$$tmp/v3/determinism" "$$tmp/baseline/determinism" $(REGRESS_TOLERANCE) > "$$tmp/diff.txt"; \
	status=$$?; cat "$$tmp/diff.txt"; \
	grep -q "reproducibility classes differ" "$$tmp/diff.txt" || { echo "the diff did not say the classes differ"; status=1; }; \
	rm -rf "$$tmp"; exit $$status

# Grades a dozen submissions of the grading tests' class on a real Slurm cluster of one machine
# with deploy/slurm/ (3 shards as an array job, then the collect job that merges them) and
# compares the merged gradebook with a local `labbook grade`. deploy/slurm/check.sh installs
# Debian's slurm-wlm and munge when missing, and starts and stops its own munged, slurmctld and
# slurmd with a throwaway configuration in a temporary folder (never /etc/slurm or /etc/munge).
slurm-check: deps build
	LABBOOK=$(LABBOOK) deploy/slurm/check.sh
