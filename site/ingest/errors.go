package ingest

import "github.com/opros/opros/compiler/localize"

// errorText is the catalogue of the errors a researcher meets from ingest
// (a folder without answers, an unreadable CSV header, a bad option), in
// English and Russian; cmd/opros prints them in the interface language.
// The reasons a record is rejected stay English: they are data, written
// to the rejects file. TestErrorText checks both languages take the same
// arguments.
var errorText = localize.Catalogue{
	"no_survey_files": {
		En: "%s: no answer files of survey %q in the folder, only other surveys' folders (%s)",
		Ru: "%s: в папке нет файлов ответов анкеты %q, только папки других анкет (%s)",
	},
	"no_answer_files": {
		En: "%s: no answer files (.ndjson, .jsonl, .csv) in the folder",
		Ru: "%s: в папке нет файлов ответов (.ndjson, .jsonl, .csv)",
	},
	"unknown_version": {
		En: "%s: declared as version %s, which is neither the current one nor a --previous version",
		Ru: "%s: указана версия %s, но это не текущая версия и не одна из --previous",
	},
	"unknown_compression": {
		En: "unknown compression %q: use snappy or zstd",
		Ru: "неизвестное сжатие %q: используйте snappy или zstd",
	},
	"csv_header": {
		En: "%s: header: %w",
		Ru: "%s: не читается заголовок: %w",
	},
}
