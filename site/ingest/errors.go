package ingest

import "github.com/opros/opros/compiler/localize"

// errorID names an error of errorText.
type errorID int

const (
	errInvitationKey errorID = iota
	errNoSurveyFiles
	errNoAnswerFiles
	errUnknownVersion
	errUnknownCompression
	errOutputIsDir
	errOutputIsInput
	errOutputInInput
	errParquetInput
	errNoRecords
	errNoneAccepted
	errCSVHeader
	errorCount
)

// errorText is the catalogue of the errors a researcher meets from ingest
// (a folder without answers, an unreadable CSV header, a bad option), in
// English and Russian; cmd/opros prints them in the interface language.
// The reasons a record is rejected stay English: they are data, written
// to the rejects file. TestErrorText checks both languages take the same
// arguments.
var errorText = localize.Messages[errorID]{
	errInvitationKey: {
		En: "survey %s takes answers by invitation: give the invitation keys file its links were signed with (--keys)",
		Ru: "анкета %s принимает ответы по приглашениям: укажите файл ключей приглашений, которым подписаны ссылки (--keys)",
	},
	errNoSurveyFiles: {
		En: "%s: no answer files of survey %q in the folder, only other surveys' folders (%s)",
		Ru: "%s: в папке нет файлов ответов анкеты %q, только папки других анкет (%s)",
	},
	errNoAnswerFiles: {
		En: "%s: no answer files (.ndjson, .jsonl, .csv) in the folder",
		Ru: "%s: в папке нет файлов ответов (.ndjson, .jsonl, .csv)",
	},
	errUnknownVersion: {
		En: "%s: declared as version %s, which is neither the current one nor a --previous version",
		Ru: "%s: указана версия %s, но это не текущая версия и не одна из --previous",
	},
	errUnknownCompression: {
		En: "unknown compression %q: use snappy or zstd",
		Ru: "неизвестное сжатие %q: используйте snappy или zstd",
	},
	errOutputIsDir: {
		En: "-o %s is a folder; name the Parquet file to write, such as answers.parquet in it",
		Ru: "-o %s — это папка; укажите файл Parquet, который нужно записать, например answers.parquet в ней",
	},
	errOutputIsInput: {
		En: "output %s is the input %s (the same file); ingest would overwrite its own input: write the outputs elsewhere",
		Ru: "выход %s — это вход %s (тот же файл); ingest затёр бы свой же вход: запишите результаты в другое место",
	},
	errOutputInInput: {
		En: "output %s would be written inside the input folder %s, where a later run reads it or the collector keeps its files: write the outputs elsewhere",
		Ru: "выход %s оказался бы внутри входной папки %s, где его прочтёт следующий запуск или где сборщик хранит свои файлы: запишите результаты в другое место",
	},
	errParquetInput: {
		En: "%s looks like a Parquet file; ingest reads NDJSON and CSV (opros report reads Parquet)",
		Ru: "%s похож на файл Parquet; ingest читает NDJSON и CSV (Parquet читает opros report)",
	},
	errNoRecords: {
		En: "no records in %s: nothing to ingest; no output written",
		Ru: "в %s нет ни одной записи: загружать нечего; ничего не записано",
	},
	errNoneAccepted: {
		En: "no answer accepted: all %d records rejected (%s), the first at %s:%d (%s: %s); no output written, earlier outputs left as they were",
		Ru: "не принято ни одного ответа: отклонены все записи, %d (%s), первая — %s:%d (%s: %s); ничего не записано, прежние результаты не тронуты",
	},
	errCSVHeader: {
		En: "%s: header: %w",
		Ru: "%s: не читается заголовок: %w",
	},
}
