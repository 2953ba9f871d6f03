package export

import "github.com/opros/opros/compiler/localize"

// errID names an error or a note of the export (errorText).
type errID int

const (
	errDataFile errID = iota
	errFormat
	errWrite
	errTooWide
	errTooLong
	noteWrote
	noteRenamed
	noteUnknownCodes
	noteBadWeights
	noteNoColumn
	noteOtherKind
	noteLongLabels
	noteLongTexts
	noteExtraMissing
	docExported
	docRenamed
	errCount
)

// errorText is the catalogue of the errors a researcher meets from
// exporting, in English and Russian; cmd/opros prints them in the
// interface language. TestErrorText checks the catalogue (Messages.Check).
var errorText = localize.Messages[errID]{
	errDataFile: {
		En: "export %s: %w",
		Ru: "%s: %w",
	},
	errFormat: {
		En: "export: %s: give an output file ending in .sav, .xlsx or .csv",
		Ru: "export: %s: укажите выходной файл с расширением .sav, .xlsx или .csv",
	},
	errWrite: {
		En: "export %s: %w",
		Ru: "%s: %w",
	},
	errTooWide: {
		En: "export: %s: %d columns, more than a spreadsheet holds (16,384); export to .sav or .csv",
		Ru: "export: %s: столбцов %d, больше, чем вмещает лист (16 384); выгрузите в .sav или .csv",
	},
	errTooLong: {
		En: "export: %s: %d responses, more than a sheet holds below its two header rows (1,048,574); export to .sav or .csv",
		Ru: "export: %s: ответов %d, больше, чем вмещает лист под двумя строками заголовка (1 048 574); выгрузите в .sav или .csv",
	},
	noteWrote: {
		En: "wrote %s: %d rows, %d variables\n",
		Ru: "записан %s: строк %d, переменных %d\n",
	},
	noteRenamed: {
		En: "  %s is named %s (SPSS names: at most 64 bytes, a letter first, unique ignoring case)\n",
		Ru: "  %s названа %s (имена SPSS: не длиннее 64 байт, с буквы, без повторов без учёта регистра)\n",
	},
	noteUnknownCodes: {
		En: "  %s: %d answers hold a code that is not an option of the survey; written as missing\n",
		Ru: "  %s: в %d ответах код, которого нет среди вариантов анкеты; записаны как пропуски\n",
	},
	noteBadWeights: {
		En: "  %d weights are not numbers; written as missing\n",
		Ru: "  весов, которые не являются числами: %d; записаны как пропуски\n",
	},
	noteNoColumn: {
		En: "  %s has no column for %s; written as missing in its rows\n",
		Ru: "  в %s нет столбца для %s; в его строках записаны пропуски\n",
	},
	noteOtherKind: {
		En: "  %s: a kind of answer export does not know; written as text\n",
		Ru: "  %s: тип ответа, неизвестный выгрузке; записан как текст\n",
	},
	noteLongLabels: {
		En: "  %d labels cut to SPSS's limits (variable labels 255 bytes, value labels 255)\n",
		Ru: "  меток, обрезанных до пределов SPSS (метки переменных 255 байт, значений 255): %d\n",
	},
	noteLongTexts: {
		En: "  %d texts cut to their variable's width (SPSS's widest string is 32,767 bytes)\n",
		Ru: "  текстов, обрезанных до ширины переменной (самая длинная строка SPSS — 32 767 байт): %d\n",
	},
	noteExtraMissing: {
		En: "  %s: more than three options marked missing; SPSS marks the first three as user-missing\n",
		Ru: "  %s: больше трёх вариантов с missing; SPSS отмечает как пропуски только первые три\n",
	},
	docExported: {
		En: "Exported by opros from survey %s, version %s.",
		Ru: "Выгружено opros из анкеты %s, версия %s.",
	},
	docRenamed: {
		En: "%s (a data column, or a multi's column.option) is variable %s.",
		Ru: "%s (столбец данных или вариант вопроса: столбец.вариант) — переменная %s.",
	},
}
