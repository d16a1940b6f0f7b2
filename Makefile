# Dossier: `make site` builds the default dossier into public/, `make test` runs every test.
SWIFT ?= swift
RELEASE := .build/release/dossier

.PHONY: all deps site test check release clean help

all: site

help:
	@echo "make site    build the seed dossier into public/ (release build)"
	@echo "make test    run the whole test suite"
	@echo "make check   report every problem of content/ with file:line"
	@echo "make clean   remove build products and public/"

deps:
	@scripts/install-deps.sh

release: deps
	$(SWIFT) build -c release --product dossier

site: release
	$(RELEASE) build --content content --templates templates --output public

check: release
	$(RELEASE) check --content content --templates templates

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

clean:
	rm -rf .build public
