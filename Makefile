# SPDX-License-Identifier: GPL-3.0-or-later
# Thin wrapper: install what is missing (Debian 12), configure, build, run or test.
BUILD ?= build
ASAN_BUILD ?= build-asan
EXAMPLE ?= data/examples/decoder-block.json

DEPS = meson ninja-build pkg-config gcc libc6-dev libglib2.0-dev libglib2.0-bin \
       libjson-glib-dev libcairo2-dev libxxhash-dev libgtk-4-dev libadwaita-1-dev \
       xvfb xauth desktop-file-utils appstream

.PHONY: all deps build run test test-asan clean

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

$(BUILD)/build.ninja:
	meson setup $(BUILD) -Dwerror=true

build: deps $(BUILD)/build.ninja
	meson compile -C $(BUILD)

run: build
	./$(BUILD)/app/lirscope-cli stats $(EXAMPLE)

$(ASAN_BUILD)/build.ninja:
	meson setup $(ASAN_BUILD) -Dwerror=true -Db_sanitize=address,undefined -Db_lundef=false -Dbuildtype=debug

test-asan: deps $(ASAN_BUILD)/build.ninja
	meson compile -C $(ASAN_BUILD)
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
	  xvfb-run -a meson test -C $(ASAN_BUILD) --print-errorlogs

test: build
	xvfb-run -a meson test -C $(BUILD) --print-errorlogs
	$(MAKE) test-asan

clean:
	rm -rf $(BUILD) $(ASAN_BUILD)
