# SPDX-License-Identifier: GPL-3.0-or-later
# Thin wrapper: install what is missing (Debian 12), configure, build, run or test.
BUILD ?= build
ASAN_BUILD ?= build-asan
FUZZ_BUILD ?= build-fuzz
# The libFuzzer targets; `make test` runs each deterministically (a fixed
# seed and number of runs, about 20 s each), `make fuzz` for
# FUZZ_SECONDS each from a random seed.
FUZZ_TARGETS ?= json csv rlx pipeline api session
FUZZ_SECONDS ?= 600
EXAMPLE ?= data/examples/decoder-block.json

# libopenblas0-pthread takes over libblas.so.3: Debian's torch otherwise runs
# the reference BLAS, about ten times slower (lirscope-torch --train runs the
# model forward and backward). python3-networkx: functorch's min-cut partitioner
# (lirscope-torch --train --checkpoint min-cut).
DEPS = meson ninja-build pkg-config gcc libc6-dev libglib2.0-dev libglib2.0-bin \
       libyajl-dev libjson-glib-dev libcairo2-dev libxxhash-dev libgtk-4-dev libadwaita-1-dev \
       xvfb xauth dbus-daemon desktop-file-utils appstream clang clang-format libclang-rt-14-dev gettext \
       gobject-introspection libgirepository1.0-dev python3-gi gi-docgen \
       python3-torch python3-torchvision python3-networkx libopenblas0-pthread
VALGRIND_DEPS = valgrind

.PHONY: all deps build run test test-asan test-valgrind fuzz-smoke fuzz clean

all: build

deps:
	@missing=""; \
	for p in $(DEPS); do \
	  dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q 'install ok installed' || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "Installing:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	  else \
	    echo "Missing packages. Run:"; \
	    echo "  sudo apt-get install -y$$missing"; \
	    exit 1; \
	  fi; \
	fi

# The normal build also makes the API reference (share/doc/lirscope-1).
$(BUILD)/build.ninja:
	meson setup $(BUILD) -Dwerror=true -Ddocumentation=true

build: deps $(BUILD)/build.ninja
	meson compile -C $(BUILD)

# Runs the app from the build tree: the compiled settings schema is there.
run: build
	GSETTINGS_SCHEMA_DIR=$(BUILD)/data ./$(BUILD)/app/lirscope $(EXAMPLE)

$(ASAN_BUILD)/build.ninja:
	meson setup $(ASAN_BUILD) -Dwerror=true -Db_sanitize=address,undefined -Db_lundef=false -Dbuildtype=debug

# Runs meson test under Xvfb and a private session bus (GTK warns, fatally
# in tests, without one), then prints "N passed, N failed, N skipped" from its log.
define run_suite
	status=0; $(2) xvfb-run -a dbus-run-session -- meson test -C $(1) --print-errorlogs $(3) || status=$$?; \
	python3 -c 'import json, sys; r = [json.loads(l)["result"] for l in open(sys.argv[1])]; \
	  ok = r.count("OK") + r.count("EXPECTEDFAIL"); skip = r.count("SKIP"); \
	  print(f"$(1): {ok} passed, {len(r) - ok - skip} failed, {skip} skipped")' \
	  $(1)/meson-logs/$(or $(4),testlog).json; \
	exit $$status
endef

# Sanitized code runs several times slower: the suite's timeouts are tripled.
test-asan: deps $(ASAN_BUILD)/build.ninja
	meson compile -C $(ASAN_BUILD)
	$(call run_suite,$(ASAN_BUILD),ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:fast_unwind_on_malloc=0 LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1,--timeout-multiplier 3)

# The whole suite under valgrind (about 5 minutes on 2 cores; not part of `make test`).
test-valgrind: build
	$(MAKE) deps DEPS="$(VALGRIND_DEPS)"
	$(call run_suite,$(BUILD),,--setup valgrind --num-processes 2,testlog-valgrind)

$(FUZZ_BUILD)/build.ninja:
	CC=clang meson setup $(FUZZ_BUILD) -Dfuzz=true -Dapp=false -Dwerror=true \
	  -Db_sanitize=address,undefined -Db_lundef=false

# Each libFuzzer target from a fixed seed for a fixed number of runs, over
# the seed corpus and every past finding: the same on every machine, so CI
# cannot fail at random. A finding leaves its input in $(FUZZ_BUILD)/fuzz-artifacts.
fuzz-smoke: deps $(FUZZ_BUILD)/build.ninja
	meson compile -C $(FUZZ_BUILD)
	for t in $(FUZZ_TARGETS); do tests/fuzz/run-fuzzer $(FUZZ_BUILD) $$t smoke || exit 1; done

# Long random campaigns, FUZZ_SECONDS per target, the corpus kept in
# $(FUZZ_BUILD)/fuzz-campaign between runs (not part of `make test`).
fuzz: deps $(FUZZ_BUILD)/build.ninja
	meson compile -C $(FUZZ_BUILD)
	for t in $(FUZZ_TARGETS); do tests/fuzz/run-fuzzer $(FUZZ_BUILD) $$t campaign $(FUZZ_SECONDS) || exit 1; done

test: build
	$(call run_suite,$(BUILD),)
	$(MAKE) test-asan
	$(MAKE) fuzz-smoke

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) $(FUZZ_BUILD)
