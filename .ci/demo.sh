#!/usr/bin/env bash
# make demo: the whole pipeline on every example in examples/.
#   forms  -> build/demo/forms/<survey>/<lang>/index.html
#   answers-> build/demo/data/<survey>/answers.ndjson (simulated: companies, segments, waves;
#             nps-csat-ces's through signed invitation links, links-<wave>.csv, whose response
#             rates its report's overview, methodology page and each participant's summary show;
#             "started" is not known there: no collector served the simulated forms)
#   parquet-> build/demo/data/<survey>/answers.parquet
#   report -> build/demo/report/<survey>/public/index.html (the public site, linked from
#             build/demo/index.html), build/demo/report/<survey>/participants/<token>/ (one
#             report per participant, listed in the terminal only) and access.csv beside them;
#             the keys file is build/demo/data/<survey>/<survey-id>.keys.json
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
	invited=""
	if [ "$ex" = nps-csat-ces ]; then
		# This example's companies are invited (issue #16): the demo runs a copy of the survey
		# that takes answers by signed invitation only.
		mkdir -p "$out/src"
		cp -r "$dir" "$out/src/"
		dir="$out/src/$ex/"
		sed -i '0,/^survey "[^"]*" {$/s//&\n  invitations {\n    required = true\n  }/' "$dir/survey.hcl"
		invited=1
	fi
	"$bin" check "$dir"
	before=$(ls "$out/forms")
	"$bin" build -o "$out/forms" "$dir" >/dev/null
	id=$(comm -13 <(echo "$before") <(ls "$out/forms") | head -1)
	data="$out/data/$ex"
	mkdir -p "$data"
	cfg=()
	[ -f "$dir/demo/simulate.hcl" ] && cfg=(--config "$dir/demo/simulate.hcl")
	"$bin" simulate --seed 2026 "${cfg[@]}" "$dir" >"$data/answers.ndjson"
	ingest_keys=()
	report_inv=()
	if [ -n "$invited" ]; then
		# One invitee per simulated answer (its company, segment and channel, per wave) and some
		# more who do not answer, a different share per company; opros invite signs their links
		# and opros simulate --links answers through them.
		sed -n 's/.*"hidden":{"channel":"\([^"]*\)","company":"\([^"]*\)","segment":"\([^"]*\)"}.*"submitted_at":"\([0-9]\{4\}\).*/\4,\2,\3,\1/p' \
			"$data/answers.ndjson" >"$data/invitees.csv"
		[ -s "$data/invitees.csv" ] || { echo "demo: no invitee read from $data/answers.ndjson (has its format changed?)" >&2; exit 1; }
		lists=()
		for w in $(cut -d, -f1 "$data/invitees.csv" | sort -u); do
			{
				echo company,segment,channel
				awk -F, -v w="$w" '$1 == w { r = $2 "," $3 "," $4; print r; if (NR % (4 + length($2) % 3) == 0) print r }' "$data/invitees.csv"
			} >"$data/invitees-$w.csv"
			"$bin" invite --survey "$dir" --list "$data/invitees-$w.csv" --keys "$data/invite-keys.json" -o "$data/links-$w.csv" | sed 's/^/   /'
			lists+=("$w=$data/links-$w.csv")
		done
		"$bin" simulate --seed 2026 "${cfg[@]}" "${lists[@]/#/--links=}" "$dir" >"$data/answers.ndjson"
		ingest_keys=(--keys "$data/invite-keys.json")
		report_inv=("${lists[@]/#/--invitations=}")
	fi
	summary=$("$bin" ingest --survey "$dir" "${ingest_keys[@]}" -o "$data/answers.parquet" "$data/answers.ndjson")
	echo "$summary"
	accepted=$(echo "$summary" | grep -o '[0-9]* accepted' | head -1 | cut -d' ' -f1)
	"$bin" report --survey "$dir" "${report_inv[@]}" -o "$out/report/$ex" "$data/answers.parquet" | sed 's/^/   /'
	# Each participant's own report: for the operator, never on a public page.
	if [ -f "$out/report/$ex/access.csv" ]; then
		tail -n +2 "$out/report/$ex/access.csv" | while IFS=, read -r name label token pass folder; do
			echo "   participant $label, $name: $out/report/$ex/$folder""index.html (passphrase $pass)"
		done
	fi
	forms=""
	for lang in "$out/forms/$id"/*/; do
		lang=$(basename "$lang")
		[ -f "$out/forms/$id/$lang/index.html" ] && forms="$forms <a href=\"forms/$id/$lang/index.html\">$lang</a>"
	done
	links="$links<li><a href=\"report/$ex/public/index.html\"><b>$ex</b></a>: report from $accepted simulated answers; form:$forms; <a href=\"forms/$id/codebook.md\">codebook</a></li>"
done
cat >"$out/index.html" <<HTML
<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>opros demo</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:44rem;margin:3rem auto;padding:0 1rem;color:#1f2328}li{margin:.4rem 0}a{color:#0b5fff}</style></head>
<body><h1>opros demo</h1><p>Every survey in <code>examples/</code>, compiled into forms (one per language), answered by
<code>opros simulate</code> (several companies, segments and waves), ingested into Parquet under
<code>data/</code>, and turned into a benchmark report site.</p>
<p lang="ru">Каждая анкета из <code>examples/</code>: формы (по одной на язык), смоделированные ответы нескольких
компаний, сегментов и волн, данные Parquet в <code>data/</code> и сайт отчёта бенчмарка.</p>
<ul>$links</ul>
<p>To collect real answers to a form: <code>build/opros collect --survey examples/nps-csat-ces --data build/data</code>.</p></body></html>
HTML
echo
echo "Demo ready. Open: file://$(cd "$out" && pwd)/index.html"
echo "Participants' own reports are listed above and in build/demo/report/<survey>/access.csv: hand each"
echo "its folder (or host it under its token), never access.csv or the keys file."
