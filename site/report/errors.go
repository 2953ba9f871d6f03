package report

import "github.com/opros/opros/compiler/localize"

// errorID names an error of errorText.
type errorID int

const (
	errReportLang errorID = iota
	errReportParticipant
	errReportTheme
	errReportNotOurs
	errReportNoKeys
	errNarrativePage
	errChartKind
	errTableUsage
	errorCount
)

// errorText is the catalogue of the errors a researcher meets building
// the report (a narrative page that is missing or misuses a function), in
// English and Russian; cmd/opros prints them in the interface language.
// Go's template and Markdown errors inside them stay English.
// TestErrorText checks both languages take the same arguments.
var errorText = localize.Messages[errorID]{
	errReportLang: {
		En: "report %s: %w",
		Ru: "отчёт (%s): %w",
	},
	errReportParticipant: {
		En: "report of participant %q, %s: %w",
		Ru: "отчёт участника %q (%s): %w",
	},
	errReportTheme: {
		En: "report theme: %w",
		Ru: "тема отчёта: %w",
	},
	errReportNotOurs: {
		En: "%s exists and was not written by opros report; choose another output folder",
		Ru: "%s уже существует и записан не opros report; выберите другую папку для отчёта",
	},
	errReportNoKeys: {
		En: "the keys file has no entry for participant %q",
		Ru: "в файле ключей нет записи для участника %q",
	},
	errNarrativePage: {
		En: "narrative page: %w",
		Ru: "страница отчёта: %w",
	},
	errChartKind: {
		En: "chart %q: the charts are radar",
		Ru: "chart %q: из диаграмм есть только radar",
	},
	errTableUsage: {
		En: `table: use {{ table "ranking" "INDEX" }}`,
		Ru: `table: пишется {{ table "ranking" "ИНДЕКС" }}`,
	},
}
