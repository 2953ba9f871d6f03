package main

import (
	"flag"
	"fmt"
	"io"
	"strings"
)

// Flags are registered with their help in English, which is also the key
// of their Russian help here: TestFlagHelpTranslated fails when a flag has
// none, so no command's help comes out half in English.
var flagHelpRU = map[string]string{
	"output folder":                                                                       "папка для результата",
	"the survey (.hcl file or folder)":                                                    "анкета (файл .hcl или папка)",
	"folder for the answer logs":                                                          "папка для журналов ответов",
	"address to listen on (port 0 picks a free one)":                                      "адрес для приёма (порт 0 — любой свободный)",
	"serve these built forms (opros build output) instead of building them":               "раздавать эти собранные формы (результат opros build), а не собирать их",
	"largest accepted submission, bytes":                                                  "наибольший принимаемый ответ, байт",
	"submissions per client address per minute":                                           "ответов с одного адреса в минуту",
	"origin allowed to post from another host (repeatable; default any)":                  "источник (origin), которому можно присылать ответы с другого сайта (можно повторять; по умолчанию любой)",
	"trusted proxy, CIDR or address (repeatable, or comma-separated)":                     "доверенный прокси, CIDR или адрес (можно повторять или перечислять через запятую)",
	"MiB that rejects.ndjson and spam.ndjson may each grow per UTC day (0 = no cap)":      "на сколько МиБ в сутки (UTC) может вырасти каждый из rejects.ndjson и spam.ndjson (0 — без предела)",
	"print the changes as JSON":                                                           "вывести изменения в JSON",
	"only report unformatted files; exit 1 if any":                                        "только назвать неотформатированные файлы; код выхода 1, если они есть",
	"output Parquet file":                                                                 "выходной файл Parquet",
	"wave of every input without YEAR=":                                                   "волна для входных файлов без YEAR=",
	"exit 1 when any record is rejected or any torn line is found":                        "код выхода 1, если отклонена хоть одна запись или найдена строка torn",
	"Parquet compression: snappy or zstd":                                                 "сжатие Parquet: snappy или zstd",
	"an older version (repeatable); YEAR=OLD: wave YEAR's records without one are OLD's":  "прежняя версия анкеты (можно повторять); ГОД=СТАРАЯ: записи волны ГОД без версии — ответы на неё",
	"also write the computed results as JSON to this file":                                "также записать рассчитанные результаты в JSON в этот файл",
	"participants' tokens, passphrases and labels (default: SURVEY-ID.keys.json by data)": "токены, пароли и метки участников (по умолчанию ID-АНКЕТЫ.keys.json рядом с данными)",
	"encrypt each participant's report with its passphrase, for a static host":            "зашифровать отчёт каждого участника его парольной фразой, для статического хостинга",
	"also print each participant's report to PDF (needs Chromium)":                        "также напечатать отчёт каждого участника в PDF (нужен Chromium)",

	// opros report --invitations, opros simulate --links
	"links file of opros invite, for response rates (repeatable); YEAR=LINKS.csv: wave YEAR's": "файл ссылок opros invite для доли ответивших (можно несколько); ГОД=LINKS.csv — для волны ГОД",
	"answer through the links of opros invite (repeatable); YEAR=LINKS.csv: wave YEAR's":       "отвечать по ссылкам opros invite (можно несколько); ГОД=LINKS.csv — для волны ГОД",

	"row groups scored in parallel (default: number of CPUs)":                             "сколько групп строк считать параллельно (по умолчанию — число процессоров)",
	"total number of responses (default: responses per company per wave from the config)": "всего ответов (по умолчанию — ответов на компанию и волну из настроек)",
	"random seed":               "начальное значение генератора случайных чисел",
	"simulation settings (HCL)": "настройки симуляции (HCL)",
	"simulate only this wave":   "симулировать только эту волну",
	"invitation list (CSV: hidden fields, email, name, invitation)":                            "список приглашённых (CSV: скрытые поля, email, name, invitation)",
	"invitation keys file (default: SURVEY-ID.invite-keys.json)":                               "файл ключей приглашений (по умолчанию ID-АНКЕТЫ.invite-keys.json)",
	"the form's URL the links point to (default: the collector's form at the endpoint's host)": "адрес формы, на который ведут ссылки (по умолчанию форма сборщика на хосте endpoint)",
	"last day the links work, YYYY-MM-DD (UTC)":                                                "последний день действия ссылок, ГГГГ-ММ-ДД (UTC)",
	"output CSV of links (and beside it the same .md)":                                         "выходной CSV со ссылками (и рядом тот же .md)",
	"invitation keys file the links were signed with (opros invite --keys)":                    "файл ключей приглашений, которым подписаны ссылки (opros invite --keys)",
	"links file of opros invite (repeatable); YEAR=LINKS.csv: wave YEAR's":                     "файл ссылок opros invite (можно повторять); ГОД=LINKS.csv — для волны ГОД",
	"also write the rates as JSON to this file":                                                "также записать доли ответивших в JSON в этот файл",
	startedFlagHelp: "файл started.ndjson сборщика, чтобы посчитать начавших (можно несколько); ГОД=ФАЙЛ — для волны ГОД",
}

// flagHelp is a flag's help in the interface language.
func flagHelp(e *env, usage string) string {
	if t, ok := flagHelpRU[usage]; ok && e.lang == "ru" {
		return t
	}
	return usage
}

// printFlags lists fs's flags as flag.PrintDefaults does, in e's language.
func printFlags(e *env, w io.Writer, fs *flag.FlagSet) {
	fs.VisitAll(func(f *flag.Flag) {
		name, _ := flag.UnquoteUsage(f) // the value's name: string, int…
		usage := flagHelp(e, f.Usage)
		line := "  -" + f.Name
		if name != "" {
			line += " " + name
		}
		line += "\n    \t" + usage
		switch {
		case f.DefValue == "" || f.DefValue == "0" || f.DefValue == "false":
		case name == "string":
			line += fmt.Sprintf(" (%s %q)", msg(e, msgDefault), f.DefValue)
		default:
			line += fmt.Sprintf(" (%s %s)", msg(e, msgDefault), f.DefValue)
		}
		fmt.Fprintln(w, line)
	})
}

// flagErrorsRU translate the beginnings of the flag package's errors.
var flagErrorsRU = []struct{ en, ru string }{
	{"flag provided but not defined: ", "неизвестный флаг: "},
	{"flag needs an argument: ", "флагу нужно значение: "},
	{"bad flag syntax: ", "неверная запись флага: "},
	{"invalid boolean value ", "недопустимое логическое значение "},
	{"invalid boolean flag ", "недопустимый логический флаг "},
	{"invalid value ", "недопустимое значение "},
}

// flagWordsRU translate what strconv adds to the flag package's errors.
var flagWordsRU = strings.NewReplacer(" for flag ", " флага ", " for -", " флага -",
	": parse error", ": не удалось разобрать", ": value out of range", ": значение вне допустимого диапазона")

// flagError words an error of fs.Parse in e's language.
func flagError(e *env, err error) string {
	text := err.Error()
	if e.lang == "ru" {
		for _, t := range flagErrorsRU {
			if rest, ok := strings.CutPrefix(text, t.en); ok {
				return flagWordsRU.Replace(t.ru + rest)
			}
		}
	}
	return text
}
