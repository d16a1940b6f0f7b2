# Dossier: `make site` builds the default dossier into public/, `make test` runs every test.
SWIFT ?= swift
RELEASE := .build/release/dossier

.PHONY: all deps site test check release clean help serve bench bench-hostile golden fuzz load eval

all: site

help:
	@echo "make site    build the seed dossier into public/ (release build)"
	@echo "make test    run the whole test suite"
	@echo "make check   report every problem of content/ with file:line, then validate the site's HTML and links"
	@echo "make serve   preview at http://127.0.0.1:8000/ with live reload"
	@echo "make eval    name matching on eval/devset (surfaces linked whole, in part, wrongly, not at all); boilerplate on our own pages;"
	@echo "             statements and figures against the seed fixture (precision, recall, wrong speakers)"
	@echo "make bench   benchmarks against Hugo and cmark-gfm (minutes; not part of make test)"
	@echo "make bench-hostile  each hostile construct of issue 12 at 100 KB and 1 MB: seconds, peak memory, output"
	@echo "make fuzz    libFuzzer over one article's load, annotation and rendering (FUZZ_SECONDS=120)"
	@echo "make load    wrk against dossier serve while content is edited (LOAD_SECONDS=30)"
	@echo "make clean   remove build products, public/ and its manifest"

deps:
	@scripts/install-deps.sh

release: deps
	$(SWIFT) build -c release --product dossier

site: release
	$(RELEASE) build --content content --templates templates --output public
	@python3 -m pagefind --version >/dev/null 2>&1 || python3 -m pip install -q 'pagefind[bin]' >/dev/null 2>&1 || true
	@if python3 -m pagefind --version >/dev/null 2>&1; then python3 -m pagefind --site public --quiet; \
	else echo "pagefind not installed: search covers names and titles only (pip install 'pagefind[bin]')"; fi

# Content problems with file:line, then the built site (and the hostile-content fixture's)
# through the Nu HTML checker and linkchecker, and the SQLite export through Datasette and
# the sqlite3 shell (all installed when missing).
check: site
	$(RELEASE) check --content content --templates templates
	rm -rf .build/check-hostile
	$(RELEASE) build --content Tests/DossierKitTests/Fixtures/hostile/content --templates templates --output .build/check-hostile
	scripts/check-site.sh public .build/check-hostile
	scripts/check-export.sh $(RELEASE) content public

serve: release
	$(RELEASE) serve --content content --templates templates --output public

# Name matching on the development set (eval/devset): one one-sentence article per surface,
# built against the devset's registry. EVAL_FLAGS=--details lists the surfaces not linked whole
# (and the statements and figures not matched). Then statements and figures (issue 16) on the seed
# dossier against Tests/DossierKitTests/Fixtures/research/.
eval: release
	python3 eval/run_eval.py --dossier $(RELEASE) $(EVAL_FLAGS)
	python3 eval/research_eval.py --dossier $(RELEASE) $(EVAL_FLAGS)

bench: release
	@command -v hugo >/dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hugo >/dev/null)
	@command -v cmark-gfm >/dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq cmark-gfm >/dev/null)
	python3 bench/bench.py --dossier $(RELEASE)

# Each hostile construct (bench/hostile.py) as an article or registry of the seed dossier at
# 100 KB and 1 MB: wall time, peak RSS and output size side by side (figures in BENCHMARKS.md).
bench-hostile: release
	python3 bench/hostile.py --dossier $(RELEASE)

# wrk against dossier serve for LOAD_SECONDS while an article is saved every half second:
# no failed request, no half-written page, memory flat (figures in BENCHMARKS.md).
LOAD_SECONDS ?= 30
load: release
	@command -v wrk >/dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null)
	python3 bench/serve_load.py --dossier $(RELEASE) --seconds $(LOAD_SECONDS) --connections 64

test: deps
	@scripts/install-test-tools.sh
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

# libFuzzer over ArticleFuzzing (one article, a small registry, every page rendered), with
# AddressSanitizer, for FUZZ_SECONDS. Its own build folder: sanitizers would otherwise
# rebuild every module of the ordinary debug build. New inputs go to .build/fuzz/corpus,
# crashes to fuzz/crashes/ (copy one to Tests/DossierKitTests/Fixtures/fuzz/ once fixed:
# FuzzRegressionTests replays it). lld: gold fails on the sanitized objects.
FUZZ_SECONDS ?= 120
FUZZ_BUILD := .build/fuzz
fuzz: deps
	$(SWIFT) build -c debug --build-path $(FUZZ_BUILD) -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING \
		-Xswiftc -use-ld=lld --product DossierFuzz
	mkdir -p $(FUZZ_BUILD)/corpus fuzz/crashes
	cp -n fuzz/corpus/* $(FUZZ_BUILD)/corpus/
	DOSSIER_TEMPLATES=templates $(FUZZ_BUILD)/debug/DossierFuzz $(FUZZ_BUILD)/corpus fuzz/corpus -dict=fuzz/dictionary.txt \
		-max_total_time=$(FUZZ_SECONDS) -max_len=8192 -timeout=20 -rss_limit_mb=4096 \
		-artifact_prefix=fuzz/crashes/ -print_final_stats=1

# Record the golden corpus's output again after an intended change of output (review the diff).
golden: deps
	DOSSIER_UPDATE_GOLDEN=1 $(SWIFT) test --filter GoldenOutputTests

clean:
	rm -rf .build public .public.dossier-*
