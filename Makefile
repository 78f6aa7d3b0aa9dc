# Two commands set everything up on a fresh Debian machine: `make demo` and `make test`.
SWIFT ?= swift
CLANG_HEADER := /usr/lib/llvm-14/include/clang-c/Index.h
BIN := .build/debug/vringmigrate

.PHONY: deps build demo test bench ring-bench clean

# Installs what the project needs from Debian when it is missing: libclang 14's headers (the
# library is linked by soname clang-14) and patch/git for the diff round-trip tests.
deps:
	@missing=""; \
	test -f $(CLANG_HEADER) || missing="$$missing libclang-dev"; \
	command -v patch >/dev/null || missing="$$missing patch"; \
	command -v git >/dev/null || missing="$$missing git"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "make: installing$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null || exit 1; \
	  else \
	    echo "make: missing$$missing; install with: sudo apt-get install$$missing" >&2; exit 1; \
	  fi; \
	fi
	@command -v $(SWIFT) >/dev/null || { echo "make: the Swift 6.3 toolchain ('swift') is not on PATH" >&2; exit 1; }

build: deps
	$(SWIFT) build

# The main job on the bundled trees: every site, the reviewable migration diff, and the lint.
demo: build
	@echo "== vringmigrate scan Fixtures/trees/pre-3.3"
	@$(BIN) scan Fixtures/trees/pre-3.3
	@echo "== vringmigrate diff Fixtures/trees/pre-3.3"
	@$(BIN) diff Fixtures/trees/pre-3.3 || test $$? -eq 1
	@echo "== vringmigrate lint Fixtures/trees/post-3.3-buggy (the upstream virtio_wmb typo)"
	@$(BIN) lint Fixtures/trees/post-3.3-buggy || test $$? -eq 1

# The CLI tests run the built binary, so it is built first.
test: deps
	$(SWIFT) build
	$(SWIFT) test

bench: deps
	bash Benchmarks/scan-bench.sh

clean:
	rm -rf .build
