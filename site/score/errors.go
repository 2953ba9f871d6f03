package score

import "github.com/opros/opros/compiler/localize"

// errorID names an error of errorText.
type errorID int

const (
	errDataFile errorID = iota
	errNotOprosFile
	errOtherSurvey
	errNoVersion
	errVersionUnknown
	errVersionChanged
	errNoIDColumns
	errorCount
)

// errorText is the catalogue of the errors a researcher meets from
// scoring (a data file that is not opros's), in English and Russian;
// cmd/opros prints them in the interface language. What Arrow and the
// operating system say inside them stays English. TestErrorText checks
// both languages take the same arguments.
var errorText = localize.Messages[errorID]{
	errDataFile: {
		En: "score %s: %w",
		Ru: "%s: %w",
	},
	errNotOprosFile: {
		En: "%s: not an opros data file (no opros.survey_id metadata)",
		Ru: "%s: это не файл данных opros (нет метаданных opros.survey_id)",
	},
	errOtherSurvey: {
		En: "%s: the file holds answers to survey %q, not to %q (its opros.survey_id metadata); give the survey it was ingested for, or that survey's data",
		Ru: "%s: в файле ответы на анкету %q, а не на %q (метаданные opros.survey_id); укажите анкету, для которой он собран, или данные этой анкеты",
	},
	errNoVersion: {
		En: "%s: the file names no survey version (no opros.version metadata), so what its answers mean is unknown; ingest them again with opros ingest --survey SURVEY",
		Ru: "%s: в файле не указана версия анкеты (нет метаданных opros.version), и что значат его ответы, неизвестно; загрузите их заново командой opros ingest --survey АНКЕТА",
	},
	errVersionUnknown: {
		En: "%s: the file was ingested for version %s of the survey, which is now %s, and holds no readable survey (opros.ir) to compare the two; re-ingest its answers with opros ingest --survey SURVEY --previous OLD, OLD being the survey as it was then",
		Ru: "%s: файл собран для версии анкеты %s, теперь она %s, а прочитать по файлу прежнюю анкету (opros.ir) и сравнить версии нельзя; пересоберите ответы командой opros ingest --survey АНКЕТА --previous СТАРАЯ, где СТАРАЯ — анкета в том виде, в каком она была",
	},
	errVersionChanged: {
		En: "%s: the file was ingested for version %s of the survey, which is now %s, and some of its answers have no place in the current version: %v Re-ingest its answers with opros ingest --survey SURVEY --previous OLD, OLD being the survey as it was then: those answers are then set aside and the rest read",
		Ru: "%s: файл собран для версии анкеты %s, теперь она %s, и части его ответов нет места в текущей версии: %v Пересоберите ответы командой opros ingest --survey АНКЕТА --previous СТАРАЯ, где СТАРАЯ — анкета в том виде, в каком она была: такие ответы будут отложены, остальные прочитаны",
	},
	errNoIDColumns: {
		En: "missing response_id or wave column",
		Ru: "нет столбца response_id или wave",
	},
}
