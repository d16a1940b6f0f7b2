# Dossier: `make site` builds the default dossier into public/, `make test` runs every test.
SWIFT ?= swift
RELEASE := .build/release/dossier

.PHONY: all deps site test check release clean help serve bench golden

all: site

help:
	@echo "make site    build the seed dossier into public/ (release build)"
	@echo "make test    run the whole test suite"
	@echo "make check   report every problem of content/ with file:line"
	@echo "make serve   preview at http://127.0.0.1:8000/ with live reload"
	@echo "make bench   benchmarks against Hugo and cmark-gfm (minutes; not part of make test)"
	@echo "make clean   remove build products and public/"

deps:
	@scripts/install-deps.sh

release: deps
	$(SWIFT) build -c release --product dossier

site: release
	$(RELEASE) build --content content --templates templates --output public
	@python3 -m pagefind --version >/dev/null 2>&1 || python3 -m pip install -q 'pagefind[bin]' >/dev/null 2>&1 || true
	@if python3 -m pagefind --version >/dev/null 2>&1; then python3 -m pagefind --site public --quiet; \
	else echo "pagefind not installed: search covers names and titles only (pip install 'pagefind[bin]')"; fi

check: release
	$(RELEASE) check --content content --templates templates

serve: release
	$(RELEASE) serve --content content --templates templates --output public

bench: release
	@command -v hugo >/dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hugo >/dev/null)
	@command -v cmark-gfm >/dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq cmark-gfm >/dev/null)
	python3 bench/bench.py --dossier $(RELEASE)

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

# Record the golden corpus's output again after an intended change of output (review the diff).
golden: deps
	DOSSIER_UPDATE_GOLDEN=1 $(SWIFT) test --filter GoldenOutputTests

clean:
	rm -rf .build public
