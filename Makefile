# opros — two commands matter: `make demo` and `make test`. See README.md.

GO       ?= go
BIN      := build/opros
DEMO     := build/demo
PKGS     := ./...

.PHONY: all build demo test deps check vet fmt-check staticcheck imports generated bench clean

all: build

build:
	$(GO) build -o $(BIN) ./cmd/opros

# Everything a test run needs that Go does not fetch by itself: Debian's
# Chromium for browser tests and PDFs, poppler-utils to read PDFs back, R
# with its survey package (and MASS, which its calibrate() needs) for the
# cross-check of weighted figures, PSPP and R's haven to read exported .sav
# files back, axe-core, DuckDB and ajv from the npm registry.
deps:
	@command -v chromium >/dev/null 2>&1 || { echo "installing chromium (Debian package)"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }
	@command -v pdftotext >/dev/null 2>&1 || { echo "installing poppler-utils (Debian package: pdftotext for the PDF tests)"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils >/dev/null; }
	@Rscript -e 'quit(status = !all(sapply(c("survey", "MASS"), requireNamespace, quietly = TRUE)))' >/dev/null 2>&1 || \
		{ echo "installing R's survey package (Debian packages)"; apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends r-base-core r-cran-survey r-cran-mass >/dev/null; }
	@command -v pspp >/dev/null 2>&1 || { echo "installing pspp (Debian package: reads opros export's .sav files back)"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends pspp >/dev/null; }
	@Rscript -e 'quit(status = !requireNamespace("haven", quietly = TRUE))' >/dev/null 2>&1 || \
		{ echo "installing R's haven package (Debian package: reads .sav files for the export tests)"; apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends r-cran-haven >/dev/null; }
	@[ -d .ci/node_modules/axe-core ] && [ -d .ci/node_modules/@duckdb/node-api ] && \
		[ -d .ci/node_modules/ajv ] && [ -d .ci/node_modules/ajv-formats ] || \
		npm ci --prefix .ci --no-audit --no-fund --loglevel=error

# The whole suite, browser tests included. CI=1 turns "skip: chromium missing"
# into a failure, so a broken setup cannot pass quietly. Then the fuzz tests that
# hold the fast readers of submissions to the general ones, a few seconds each.
test: deps check
	CI=1 $(GO) test -timeout 30m -count=1 $(PKGS)
	$(GO) test -run='^$$' -fuzz=FuzzDecodeFast -fuzztime=3s ./site/answer/
	$(GO) test -run='^$$' -fuzz=FuzzDecodeRecord -fuzztime=3s ./site/answer/
	$(GO) test -run='^$$' -fuzz=FuzzFastRow -fuzztime=3s ./site/ingest/

check: fmt-check vet staticcheck imports generated

fmt-check:
	@out=$$(gofmt -l $$(git ls-files '*.go')); [ -z "$$out" ] || { echo "gofmt would change:"; echo "$$out"; exit 1; }

vet:
	$(GO) vet $(PKGS)

staticcheck:
	$(GO) tool staticcheck $(PKGS)

# Generated Go must match its template: qtc compiles render/form/form.qtpl
# again in a scratch folder (named form, qtc's package name) to compare.
generated:
	@tmp=$$(mktemp -d) && mkdir $$tmp/form && cp render/form/form.qtpl $$tmp/form/ && \
		$(GO) build -o $$tmp/qtc github.com/valyala/quicktemplate/qtc && \
		(cd $$tmp/form && ../qtc -file=form.qtpl 2>/dev/null) && \
		cmp -s $$tmp/form/form.qtpl.go render/form/form.qtpl.go; st=$$?; rm -rf $$tmp; \
		[ $$st = 0 ] || { echo "render/form/form.qtpl.go is stale: run go generate ./render/form"; exit 1; }

# render and site both read the compiler's IR and never each other.
imports:
	@bad=$$($(GO) list -f '{{.ImportPath}}: {{join .Deps " "}}' ./render/... 2>/dev/null | grep -o '[^ ]*/opros/site[^ ]*' | sort -u); \
		[ -z "$$bad" ] || { echo "render imports site: $$bad"; exit 1; }
	@bad=$$($(GO) list -f '{{.ImportPath}}: {{join .Deps " "}}' ./site/... 2>/dev/null | grep -o '[^ ]*/opros/render[^ ]*' | sort -u); \
		[ -z "$$bad" ] || { echo "site imports render: $$bad"; exit 1; }

# The whole pipeline on every example: forms, simulated answers for several
# companies and waves, Parquet, report site.
demo: build
	@bash .ci/demo.sh $(BIN) $(DEMO)

# Speed and memory budgets, printed as medians of several runs.
bench: build deps
	@bash .ci/bench.sh

clean:
	rm -rf build dist
