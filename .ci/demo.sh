#!/usr/bin/env bash
# make demo: the whole pipeline on every example in examples/.
#   forms  -> build/demo/forms/<survey>/<lang>/index.html
#   answers-> build/demo/data/<survey>/answers.ndjson (simulated: companies, segments, waves)
#   parquet-> build/demo/data/<survey>/answers.parquet
#   report -> build/demo/report/<survey>/index.html, and build/demo/index.html linking them all
set -euo pipefail
bin=$1
out=$2
rm -rf "$out"
mkdir -p "$out/forms" "$out/data" "$out/report"
links=""
for dir in examples/*/; do
	ex=$(basename "$dir")
	[ -n "$(ls "$dir"*.hcl 2>/dev/null)" ] || continue
	echo "== $ex"
	"$bin" check "$dir"
	"$bin" build -o "$out/forms" "$dir" >/dev/null
	data="$out/data/$ex"
	mkdir -p "$data"
	cfg=()
	[ -f "$dir/demo/simulate.hcl" ] && cfg=(--config "$dir/demo/simulate.hcl")
	"$bin" simulate --seed 2026 "${cfg[@]}" "$dir" >"$data/answers.ndjson"
	"$bin" ingest --survey "$dir" -o "$data/answers.parquet" "$data/answers.ndjson"
	"$bin" report --survey "$dir" -o "$out/report/$ex" "$data/answers.parquet" >/dev/null
	links="$links<li><a href=\"report/$ex/index.html\">$ex</a> — <a href=\"forms/\">forms</a></li>"
done
cat >"$out/index.html" <<HTML
<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>opros demo</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem}</style></head>
<body><h1>opros demo</h1><p>Report sites built from simulated answers to every example survey.</p>
<ul>$links</ul></body></html>
HTML
echo
echo "Demo ready. Open: file://$(cd "$out" && pwd)/index.html"
