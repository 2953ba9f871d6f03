package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"github.com/opros/opros/compiler/localize"
)

// Exit codes.
const (
	exitOK    = 0 // done
	exitInput = 1 // the survey or data has problems (reported)
	exitUsage = 2 // the command line is wrong
)

// env is what a command sees of the world; tests give buffers.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	lang           string // interface language: "en" or "ru"
}

// command is one subcommand: its flags fill an options value, run does the work.
type command struct {
	name  string
	args  string // usage synopsis after the name
	short map[string]string
	long  map[string]string
	// setup registers flags on fs and returns the function that runs the
	// command with the remaining positional arguments.
	setup func(fs *flag.FlagSet) func(e *env, args []string) int
}

var commands = map[string]*command{}

func register(c *command) { commands[c.name] = c }

// uiLang picks the interface language from OPROS_LANG, then LANG.
func uiLang() string {
	for _, v := range []string{os.Getenv("OPROS_LANG"), os.Getenv("LC_ALL"), os.Getenv("LANG")} {
		if v == "" {
			continue
		}
		if strings.HasPrefix(strings.ToLower(v), "ru") {
			return "ru"
		}
		return "en"
	}
	return "en"
}

// Main runs opros with args (without the program name) and returns the exit code.
func Main(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	e := &env{stdin: stdin, stdout: stdout, stderr: stderr, lang: uiLang()}
	if len(args) == 0 {
		usage(e, stderr)
		return exitUsage
	}
	name := args[0]
	switch name {
	case "-h", "--help", "-help":
		usage(e, stdout)
		return exitOK
	case "help":
		if len(args) == 1 {
			usage(e, stdout)
			return exitOK
		}
		c, ok := commands[args[1]]
		if !ok {
			fmt.Fprintf(stderr, msg(e, "unknown_command"), args[1])
			return exitUsage
		}
		fs := newFlagSet(e, c, stdout)
		c.setup(fs)
		fs.SetOutput(stdout)
		fs.Usage()
		return exitOK
	case "version", "--version":
		fmt.Fprintln(stdout, "opros", version)
		return exitOK
	}
	c, ok := commands[name]
	if !ok {
		fmt.Fprintf(stderr, msg(e, "unknown_command"), name)
		usage(e, stderr)
		return exitUsage
	}
	fs := newFlagSet(e, c, stderr)
	run := c.setup(fs)
	// The flag package's own words are English: it stays quiet, and the
	// error and usage are printed here in the interface language.
	fs.SetOutput(io.Discard)
	if err := fs.Parse(interleave(fs, args[1:])); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fs.SetOutput(stdout)
			fs.Usage()
			return exitOK
		}
		fmt.Fprintf(stderr, "opros %s: %s\n", c.name, flagError(e, err))
		fs.SetOutput(stderr)
		fs.Usage()
		return exitUsage
	}
	fs.SetOutput(stderr)
	return run(e, fs.Args())
}

// interleave lets flags follow positional arguments (opros check dir -json),
// which Go's flag package would otherwise treat as more arguments.
func interleave(fs *flag.FlagSet, args []string) []string {
	var flags, pos []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			pos = append(pos, args[i+1:]...)
			break
		}
		if strings.HasPrefix(a, "-") && a != "-" {
			flags = append(flags, a)
			name := strings.TrimLeft(a, "-")
			if strings.Contains(name, "=") {
				continue
			}
			if f := fs.Lookup(name); f != nil {
				if bf, ok := f.Value.(interface{ IsBoolFlag() bool }); ok && bf.IsBoolFlag() {
					continue
				}
				if i+1 < len(args) {
					flags = append(flags, args[i+1])
					i++
				}
			}
			continue
		}
		pos = append(pos, a)
	}
	return append(flags, pos...)
}

func newFlagSet(e *env, c *command, out io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("opros "+c.name, flag.ContinueOnError)
	fs.SetOutput(out)
	fs.Usage = func() {
		w := fs.Output()
		fmt.Fprintf(w, "%s: opros %s %s\n\n%s\n", msg(e, "usage"), c.name, c.args, strings.TrimSpace(c.long[e.lang]))
		hasFlags := false
		fs.VisitAll(func(*flag.Flag) { hasFlags = true })
		if hasFlags {
			fmt.Fprintf(w, "\n%s:\n", msg(e, "flags"))
			printFlags(e, w, fs)
		}
	}
	return fs
}

func usage(e *env, w io.Writer) {
	fmt.Fprintf(w, "%s\n\n%s: opros <command> [arguments]\n\n%s:\n", msg(e, "tagline"), msg(e, "usage"), msg(e, "commands"))
	var names []string
	for n := range commands {
		names = append(names, n)
	}
	sort.Slice(names, func(i, j int) bool { return order(names[i]) < order(names[j]) })
	for _, n := range names {
		c := commands[n]
		fmt.Fprintf(w, "  %-9s %s\n", n, c.short[e.lang])
	}
	fmt.Fprintf(w, "\n%s\n", msg(e, "more_help"))
}

// order lists commands in pipeline order rather than alphabetically.
func order(name string) int {
	for i, n := range []string{"init", "check", "fmt", "diff", "build", "simulate", "invite", "collect", "ingest", "report", "rates"} {
		if n == name {
			return i
		}
	}
	return 100
}

const version = "0.1.0"

var messages = map[string]map[string]string{
	"en": {
		"tagline":            "opros compiles surveys written in HCL into static forms and benchmark reports.",
		"usage":              "Usage",
		"commands":           "Commands",
		"flags":              "Flags",
		"default":            "default",
		"bad_compression":    "opros ingest: --compression is snappy or zstd, not %q\n",
		"extra_args":         "opros %s: unexpected arguments: %s\n",
		"listening":          "listening on %s\n",
		"form_at":            "  form (%s): %s\n",
		"answers_at":         "  answers: %s\n",
		"collect_set_aside":  "opros collect: %d unreadable lines of %s set aside in %s, each with its byte offset; %d lines of answers kept\n",
		"collect_cut_off":    "opros collect: requests still running %s after the stop were cut off; none of them was acknowledged, their clients retry\n",
		"collect_args":       "opros collect: give --survey SURVEY\n",
		"side_log_full":      "opros collect: %s reached its cap of %d MiB for %s (UTC): later lines that day are counted, not kept (see /stats)\n",
		"ingest_args":        "opros ingest: give --survey SURVEY and at least one INPUT\n",
		"report_args":        "opros report: give --survey SURVEY and at least one DATA.parquet\n",
		"report_no_rows":     "opros report: the data has no responses (%d file(s) read): there is nothing to report, and nothing was written\n",
		"report_keys_inside": "opros report: the keys file %s would be published inside the output's public/ or participants/: keep it beside the data (--keys)\n",
		"report_keys_new":    "opros report: note: new keys file %s (tokens, passphrases, anonymous labels); keep it and a copy with the data, never publish it: rebuilding without it changes every link\n",
		"report_keys_added":  "opros report: note: %d new participant(s) added to the keys file %s\n",
		"report_delivered":   "opros report: %d participant report(s) in %s; who gets which folder and passphrase: %s (for you only, never publish it)\n",
		"report_no_chromium": "opros report: --pdf prints with Chromium, and none was found (%v): install it (apt-get install chromium) or set OPROS_CHROMIUM to its path; the report was not built\n",
		"report_no_partics":  "opros report: --encrypt and --pdf act on the participants' own reports, and this survey has none (no participant field, or no participant in the data); the report was not built\n",
		"report_pdf_failed":  "opros report: PDF of %s's report: %v; no PDF was written\n",
		"report_pdfs":        "opros report: %d PDF report(s) written (A4, the summary and the pages it links to, in the report's first language): %s\n",
		"report_pdf_private": "opros report: the PDFs are not encrypted: they are in %s, outside the published folders; hand each over privately and never publish that folder\n",
		"report_sealed":      "opros report: %d participant report(s) encrypted (%d pages; PBKDF2-SHA256, %d rounds; AES-256-GCM): send each participant its folder's address and, by another channel, its passphrase from %s, or one link ending in #key=PASSPHRASE\n",
		"report_seal_failed": "opros report: encrypting the report of %s: %v; %s was removed, so that no unencrypted report can be published by mistake\n",
		"report_seal_kept":   "opros report: encrypting the report of %s: %v; removing %s failed too (%v): do not publish it\n",
		"more_help":          "Run 'opros help <command>' for more about a command.",
		"unknown_command":    "opros: unknown command %q\n",
		"need_survey":        "opros %s: name a survey (.hcl file or folder)\n",
		"check_ok":           "%s: ok — %d pages, %d questions, %d indexes, %d languages (%s)\n",
		"check_fail":         "%s: %d error(s)\n",
		"fmt_unformatted":    "%s is not formatted\n",
		"fmt_rewrote":        "formatted %s\n",
		"built":              "built %s\n",
		"init_exists":        "opros init: %s already exists; not overwriting it\n",
		"init_done":          "Created a starter survey in %s. Next: opros check %s && opros build %s\n",
		"diff_args":          "opros diff: name the OLD and the NEW survey\n",
		"ingest_counts":      "%s: %d accepted, %d rejected, %d duplicates",
		"ingest_rejects":     " (reasons in %s)",
		"ingest_setaside":    "; %d answers set aside in %s",
		"ingest_repeats":     "; %d repeat submissions set aside whole in %s (one per participant and wave counts: the %s)",
		"once_last":          "last",
		"once_first":         "first",
		"ingest_inv_repeats": "; %d more answers through an invitation set aside whole in %s (each invitation counts once: the %s answer)",
		"inv_once_last":      "last",
		"inv_once_first":     "first",
		"rates_args":         "opros rates: give --survey SURVEY, at least one --list LINKS.csv and one DATA.parquet\n",
		"simulate_links":     "opros simulate: %d answers through invitation links; %d invitees do not answer; %d simulated answers found no link left for their participant, segment and channel and were left out\n",
		"report_inv_extra":   "opros report: note: %d answers of wave %s came through invitations that %s does not hold; no response rate counts them\n",
		"report_inv_none":    "opros report: note: no answer of wave %s came through an invitation: the response rates of %s are all 0 (is it that wave's list?)\n",
		"rates_all_waves":    "every wave",
		"rates_head":         "Response rates, wave %s (%s; groups of fewer than %d invitees suppressed)\n\n",
		"rates_table":        "| group | value | invited | completed | rate |",
		"rates_all":          "all",
		"rates_suppressed":   "suppressed",
		"rates_unlisted":     "\n%d answers came through invitations this list does not hold; no rate counts them.\n",
		"rates_no_ids":       "%s has no invitation column: give the links file opros invite wrote",
		"ingest_skipped":     "opros ingest: skipped %s: answers of survey %q\n",
		"skip_torn":          "opros ingest: not ingested: %s: %d lines the collector set aside from a damaged log\n",
		"skip_rejects":       "opros ingest: skipped %s: the collector's rejected posts, not answers\n",
		"skip_spam":          "opros ingest: skipped %s: the collector's bot-trap hits, not answers\n",
		"skip_ingest_output": "opros ingest: skipped %s: an earlier ingest's rejects or set-aside file\n",
		"skip_other":         "opros ingest: skipped %s: not an answer file (.ndjson, .jsonl, .csv)\n",
		"ingest_wave_twice":  "opros ingest: --previous %d= names two different surveys; one wave's records without a version can be answers to only one\n",
		"rake_not_converged": "opros report: warning: wave %d: raking did not converge after %d sweeps; the margins contradict each other in this sample\n",
		"rake_empty_value":   "opros report: warning: wave %d: no respondent has %s=%s; its target share went to the other values\n",
		"rake_unraked":       "opros report: warning: wave %d: %d respondents have a missing or untargeted margin value and keep their weight\n",
		"report_older":       "opros report: note: %s was ingested for an earlier version of the survey (%s) and is read as the current one (%s): opros diff lists the changes (%d), and none leaves an answer without its column or meaning\n",
		"report_suppressed":  "opros report: note: %d group(s) with fewer than %d respondents suppressed, and %d more hidden so that they cannot be worked out from the figures shown (the methodology page counts them by breakdown)\n",
		"report_no_drivers":  "opros report: note: no driver analysis: all respondents are suppressed, or fewer than %d answered the outcome and every driver\n",
		"report_no_value":    "opros report: note: index %s: its formula divides by zero for %d respondent(s), who have no value for it, as if unanswered (the methodology page says so too)\n",
		"invite_args":        "opros invite: give --survey SURVEY and --list INVITEES.csv\n",
		"invite_bad_expiry":  "opros invite: --expires is a date as YYYY-MM-DD, not %q\n",
		"invite_past_expiry": "opros invite: --expires %s has passed: the links would not work\n",
		"invite_no_block":    "opros invite: survey %q has no invitations block, so its forms and collector ignore invitations: add invitations {} to its survey block (docs/language.md)\n",
		"invite_bad_base":    "opros invite: --base must be an absolute http:// or https:// URL, not %q\n",
		"invite_keys_inside": "opros invite: the keys file %s lies in the survey's folder (%s), where a copy of the folder would take it along: keep it elsewhere (--keys)\n",
		"invite_not_written": "opros invite: %d problem(s) in the list; nothing was written\n",
		"invite_keys_new":    "opros invite: note: new invitation keys file %s; keep it (and a copy) out of the survey folder and never publish it: opros collect and opros ingest check answers with it, and replacing it invalidates every link\n",
		"invite_done":        "%d links in %s and, per participant, %s (both hold e-mails and names: for you only); signed with %s\n",
		"invite_empty":       "opros invite: %s has no invitees (a header row, then one row per invitee)\n",
		"invite_csv":         "opros invite: %s: %v\n",
		"invite_unknown_col": "opros invite: %s column %d: %q is not a hidden field of the survey (%s), email, name or invitation\n",
		"invite_col_twice":   "opros invite: %s column %d: %q is the same field as column %d\n",
		"invite_bad_value":   "opros invite: %s row %d, column %q: %s\n",
		"invite_not_email":   "is not an e-mail address",
		"invite_bad_id":      "an invitation id is 1-64 letters, digits, '-' or '_'",
		"invite_id_twice":    "opros invite: %s row %d, column %q: invitation %q is already on row %d\n",
		"invite_no_partic":   "opros invite: %s row %d, column %q: the participant is missing; every invitation names the participant it answers for\n",
		"invite_not_utf8":    "is not UTF-8 text",
		"invite_spaces":      "has spaces at its start or end (\"acme \" and \"acme\" would be two participants)",
		"invite_too_long":    "is longer than 200 characters",
		"invite_control":     "holds a control character (a tab or line break)",
		"invite_md_title":    "# Invitations: %s (%s)\n",
		"invite_md_expires":  "\nThe links work through %s (UTC).\n",
		"invite_md_default":  "(the field's default)",
		"invite_md_head":     "| Name | E-mail | Invitation | Link |",
	},
	"ru": {
		"tagline":            "opros компилирует анкеты на HCL в статические формы и отчёты бенчмаркинга.",
		"usage":              "Использование",
		"commands":           "Команды",
		"flags":              "Флаги",
		"default":            "по умолчанию",
		"bad_compression":    "opros ingest: --compression — snappy или zstd, а не %q\n",
		"extra_args":         "opros %s: лишние аргументы: %s\n",
		"listening":          "принимаю ответы на %s\n",
		"form_at":            "  форма (%s): %s\n",
		"answers_at":         "  ответы: %s\n",
		"collect_set_aside":  "opros collect: отложено нечитаемых строк: %d из %s — в %s, с байтовым смещением каждой; строк с ответами сохранено: %d\n",
		"collect_cut_off":    "opros collect: запросы, не завершённые через %s после остановки, прерваны; ни один из них не был подтверждён, клиенты повторят отправку\n",
		"collect_args":       "opros collect: укажите --survey АНКЕТА\n",
		"side_log_full":      "opros collect: %s достиг предела %d МиБ за %s (UTC): дальнейшие строки в этот день считаются, но не сохраняются (см. /stats)\n",
		"ingest_args":        "opros ingest: укажите --survey АНКЕТА и хотя бы один ВХОД\n",
		"report_args":        "opros report: укажите --survey АНКЕТА и хотя бы один файл DATA.parquet\n",
		"report_no_rows":     "opros report: в данных нет ни одного ответа (прочитано файлов: %d): отчитываться не о чем, ничего не записано\n",
		"report_keys_inside": "opros report: файл ключей %s оказался бы опубликован внутри public/ или participants/ отчёта: держите его рядом с данными (--keys)\n",
		"report_keys_new":    "opros report: примечание: создан файл ключей %s (токены, пароли, обезличенные метки); сохраните его и копию вместе с данными и никогда не публикуйте: без него при пересборке изменятся все ссылки\n",
		"report_keys_added":  "opros report: примечание: в файл ключей добавлено новых участников: %d (%s)\n",
		"report_delivered":   "opros report: отчётов участников: %d, в %s; кому какая папка и пароль: %s (только для вас, не публикуйте)\n",
		"report_no_chromium": "opros report: --pdf печатает через Chromium, а он не найден (%v): установите его (apt-get install chromium) или укажите путь в OPROS_CHROMIUM; отчёт не собран\n",
		"report_no_partics":  "opros report: --encrypt и --pdf работают с отчётами участников, а в этой анкете их нет (нет поля участника или участников в данных); отчёт не собран\n",
		"report_pdf_failed":  "opros report: PDF отчёта участника %s: %v; ни один PDF не записан\n",
		"report_pdfs":        "opros report: записано PDF-отчётов: %d (A4: сводка и страницы, на которые она ссылается, на первом языке отчёта): %s\n",
		"report_pdf_private": "opros report: PDF не зашифрованы: они лежат в %s, вне публикуемых папок; передайте каждый участнику лично и никогда не публикуйте эту папку\n",
		"report_sealed":      "opros report: зашифровано отчётов участников: %d (страниц: %d; PBKDF2-SHA256, раундов: %d; AES-256-GCM): отправьте каждому адрес его папки и отдельным каналом парольную фразу из %s или одну ссылку с #key=ФРАЗА в конце\n",
		"report_seal_failed": "opros report: шифрование отчёта участника %s: %v; папка %s удалена, чтобы незашифрованный отчёт нельзя было опубликовать по ошибке\n",
		"report_seal_kept":   "opros report: шифрование отчёта участника %s: %v; удалить %s тоже не удалось (%v): не публикуйте её\n",
		"more_help":          "Подробнее о команде: 'opros help <команда>'.",
		"unknown_command":    "opros: неизвестная команда %q\n",
		"need_survey":        "opros %s: укажите анкету (файл .hcl или папку)\n",
		"check_ok":           "%s: без ошибок — страниц %d, вопросов %d, индексов %d, языков %d (%s)\n",
		"check_fail":         "%s: ошибок: %d\n",
		"fmt_unformatted":    "%s не отформатирован\n",
		"fmt_rewrote":        "отформатирован %s\n",
		"built":              "собрано: %s\n",
		"init_exists":        "opros init: %s уже существует; не перезаписываю\n",
		"init_done":          "Создана стартовая анкета в %s. Дальше: opros check %s && opros build %s\n",
		"diff_args":          "opros diff: укажите СТАРУЮ и НОВУЮ версии анкеты\n",
		"ingest_counts":      "%s: принято %d, отклонено %d, повторов %d",
		"ingest_rejects":     " (причины — в %s)",
		"ingest_setaside":    "; отложено ответов %d — в %s",
		"ingest_repeats":     "; повторных анкет отложено %d — в %s (у участника в волне учитывается одна: %s)",
		"once_last":          "последняя",
		"once_first":         "первая",
		"ingest_inv_repeats": "; повторных ответов по приглашению отложено %d — в %s (по приглашению учитывается один ответ: %s)",
		"inv_once_last":      "последний",
		"inv_once_first":     "первый",
		"rates_args":         "opros rates: укажите --survey АНКЕТА, хотя бы один --list LINKS.csv и один DATA.parquet\n",
		"simulate_links":     "opros simulate: ответов по ссылкам приглашений: %d; не ответили приглашённых: %d; смоделированных ответов без свободной ссылки для их участника, сегмента и канала (не выведены): %d\n",
		"report_inv_extra":   "opros report: примечание: %d — столько ответов волны %s пришло по приглашениям, которых нет в %s; они не входят ни в одну долю ответивших\n",
		"report_inv_none":    "opros report: примечание: в волне %s ни один ответ не пришёл по приглашению: доля ответивших по %s везде 0 (это список той волны?)\n",
		"rates_all_waves":    "все волны",
		"rates_head":         "Отклик, волна %s (%s; группы, где приглашённых меньше %d, скрыты)\n\n",
		"rates_table":        "| группа | значение | приглашено | ответили | доля |",
		"rates_all":          "все",
		"rates_suppressed":   "скрыто",
		"rates_unlisted":     "\nОтветов по приглашениям не из этого списка: %d; они не входят ни в одну долю.\n",
		"rates_no_ids":       "в %s нет столбца invitation: укажите файл ссылок, записанный opros invite",
		"ingest_skipped":     "opros ingest: пропущена папка %s: ответы анкеты %q\n",
		"skip_torn":          "opros ingest: не загружено: %s: строк, отложенных сборщиком из повреждённого лога: %d\n",
		"skip_rejects":       "opros ingest: пропущен %s: отклонённые сборщиком отправки, не ответы\n",
		"skip_spam":          "opros ingest: пропущен %s: срабатывания ловушки для ботов, не ответы\n",
		"skip_ingest_output": "opros ingest: пропущен %s: файл отклонённых или отложенных ответов прежнего запуска ingest\n",
		"skip_other":         "opros ingest: пропущен %s: не файл ответов (.ndjson, .jsonl, .csv)\n",
		"ingest_wave_twice":  "opros ingest: --previous %d= указывает две разные анкеты; записи одной волны без версии могут быть ответами только на одну\n",
		"rake_not_converged": "opros report: внимание: волна %d: перевзвешивание не сошлось за %d итераций; в этой выборке целевые доли противоречат друг другу\n",
		"rake_empty_value":   "opros report: внимание: волна %d: нет ни одного респондента с %s=%s; его целевая доля распределена между остальными значениями\n",
		"rake_unraked":       "opros report: внимание: волна %d: у %d респондентов значение поля перевзвешивания пропущено или не задано в целях; их вес не изменён\n",
		"report_older":       "opros report: примечание: %s собран для прежней версии анкеты (%s) и прочитан как текущая (%s): изменения перечисляет opros diff (%d), и ни одно не оставляет ответ без столбца или смысла\n",
		"report_suppressed":  "opros report: примечание: скрыто групп, где меньше %[2]d респондентов: %[1]d, и ещё %[3]d, чтобы их нельзя было вычислить по показанным цифрам (на странице методологии они посчитаны по разрезам)\n",
		"report_no_drivers":  "opros report: примечание: анализа драйверов нет: все респонденты скрыты или меньше %d ответили на результат и на все драйверы\n",
		"report_no_value":    "opros report: примечание: индекс %s: формула делит на ноль у %d респондентов, и значения у них нет, как при пропуске ответа (это сказано и на странице методологии)\n",
		"invite_args":        "opros invite: укажите --survey АНКЕТА и --list INVITEES.csv\n",
		"invite_bad_expiry":  "opros invite: --expires — дата в виде ГГГГ-ММ-ДД, а не %q\n",
		"invite_past_expiry": "opros invite: срок --expires %s уже прошёл: ссылки не будут работать\n",
		"invite_no_block":    "opros invite: в анкете %q нет блока invitations, поэтому её формы и сборщик не смотрят на приглашения: добавьте invitations {} в блок survey (docs/language.md)\n",
		"invite_bad_base":    "opros invite: --base должен быть полным URL с http:// или https://, а не %q\n",
		"invite_keys_inside": "opros invite: файл ключей %s лежит в папке анкеты (%s), и копия папки унесёт его с собой: храните его в другом месте (--keys)\n",
		"invite_not_written": "opros invite: ошибок в списке: %d; ничего не записано\n",
		"invite_keys_new":    "opros invite: примечание: создан файл ключей приглашений %s; храните его (и копию) вне папки анкеты и никогда не публикуйте: им opros collect и opros ingest проверяют ответы, а его замена делает недействительными все ссылки\n",
		"invite_done":        "ссылок: %d, в %s и по участникам — в %s (в обоих e-mail и имена: только для вас); подписаны ключом %s\n",
		"invite_empty":       "opros invite: в %s нет приглашённых (строка заголовка, затем по строке на приглашённого)\n",
		"invite_csv":         "opros invite: %s: %v\n",
		"invite_unknown_col": "opros invite: %s, столбец %d: %q — не скрытое поле анкеты (%s), не email, не name и не invitation\n",
		"invite_col_twice":   "opros invite: %s, столбец %d: %q — то же поле, что и столбец %d\n",
		"invite_bad_value":   "opros invite: %s, строка %d, столбец %q: %s\n",
		"invite_not_email":   "не адрес e-mail",
		"invite_bad_id":      "id приглашения — от 1 до 64 латинских букв, цифр, '-' или '_'",
		"invite_id_twice":    "opros invite: %s, строка %d, столбец %q: приглашение %q уже есть в строке %d\n",
		"invite_no_partic":   "opros invite: %s, строка %d, столбец %q: не указан участник; каждое приглашение называет участника, за которого отвечают\n",
		"invite_not_utf8":    "не текст в UTF-8",
		"invite_spaces":      "начинается или кончается пробелом (\"acme \" и \"acme\" были бы двумя участниками)",
		"invite_too_long":    "длиннее 200 символов",
		"invite_control":     "содержит управляющий символ (табуляцию или перевод строки)",
		"invite_md_title":    "# Приглашения: %s (%s)\n",
		"invite_md_expires":  "\nСсылки действуют по %s включительно (UTC).\n",
		"invite_md_default":  "(значение поля по умолчанию)",
		"invite_md_head":     "| Имя | E-mail | Приглашение | Ссылка |",
	},
}

func msg(e *env, key string) string {
	if m, ok := messages[e.lang][key]; ok {
		return m
	}
	return messages["en"][key]
}

// printErr prints an error a command stops on, in e's language: the text
// of a package's catalogued error (compiler/localize) in Russian when the
// interface is, what the system said inside it as it said it; any other
// error as its Error.
func printErr(e *env, cmd string, err error) {
	fmt.Fprintf(e.stderr, "opros %s: %s\n", cmd, localize.Text(err, e.lang))
}
