package score

import "github.com/opros/opros/compiler/localize"

// errorText is the catalogue of the errors a researcher meets from
// scoring (a data file that is not opros's), in English and Russian;
// cmd/opros prints them in the interface language. What Arrow and the
// operating system say inside them stays English. TestErrorText checks
// both languages take the same arguments.
var errorText = localize.Catalogue{
	"data_file": {
		En: "score %s: %w",
		Ru: "%s: %w",
	},
	"not_opros_file": {
		En: "score %s: not an opros data file (no opros.survey_id metadata)",
		Ru: "%s: это не файл данных opros (нет метаданных opros.survey_id)",
	},
	"no_id_columns": {
		En: "missing response_id or wave column",
		Ru: "нет столбца response_id или wave",
	},
}
