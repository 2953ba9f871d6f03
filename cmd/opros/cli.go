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
	args  string          // usage synopsis after the name
	short localize.Phrase // what it does, in the list of commands
	long  localize.Phrase // its help
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
			fmt.Fprintf(stderr, msg(e, msgUnknownCommand), args[1])
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
		fmt.Fprintf(stderr, msg(e, msgUnknownCommand), name)
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
		fmt.Fprintf(w, "%s: opros %s %s\n\n%s\n", msg(e, msgUsage), c.name, c.args, strings.TrimSpace(c.long.In(e.lang)))
		hasFlags := false
		fs.VisitAll(func(*flag.Flag) { hasFlags = true })
		if hasFlags {
			fmt.Fprintf(w, "\n%s:\n", msg(e, msgFlags))
			printFlags(e, w, fs)
		}
	}
	return fs
}

func usage(e *env, w io.Writer) {
	fmt.Fprintf(w, "%s\n\n%s: opros <command> [arguments]\n\n%s:\n", msg(e, msgTagline), msg(e, msgUsage), msg(e, msgCommands))
	var names []string
	for n := range commands {
		names = append(names, n)
	}
	sort.Slice(names, func(i, j int) bool { return order(names[i]) < order(names[j]) })
	for _, n := range names {
		c := commands[n]
		fmt.Fprintf(w, "  %-9s %s\n", n, c.short.In(e.lang))
	}
	fmt.Fprintf(w, "\n%s\n", msg(e, msgMoreHelp))
}

// order lists commands in pipeline order rather than alphabetically.
func order(name string) int {
	for i, n := range []string{"init", "import", "check", "fmt", "diff", "build", "simulate", "invite", "collect", "ingest", "report", "rates", "export"} {
		if n == name {
			return i
		}
	}
	return 100
}

const version = "0.1.0"

// msgID names a message of the command line (messages). A new message is
// a constant here (before msgCount) and its entry in messages, in English
// and in Russian; msg(e, msgX) is its format in the interface language.
type msgID int

const (
	msgTagline msgID = iota
	msgUsage
	msgCommands
	msgFlags
	msgDefault
	msgBadCompression
	msgExtraArgs
	msgListening
	msgFormAt
	msgAnswersAt
	msgCollectSetAside
	msgCollectCutOff
	msgCollectArgs
	msgSideLogFull
	msgIngestArgs
	msgReportArgs
	msgReportNoRows
	msgReportKeysInside
	msgReportKeysNew
	msgReportKeysAdded
	msgReportDelivered
	msgReportNoChromium
	msgReportNoPartics
	msgReportPDFFailed
	msgReportPdfs
	msgReportPDFPrivate
	msgReportSealed
	msgReportSealFailed
	msgReportSealKept
	msgMoreHelp
	msgUnknownCommand
	msgNeedSurvey
	msgCheckOk
	msgCheckFail
	msgFmtUnformatted
	msgFmtRewrote
	msgBuilt
	msgInitExists
	msgInitDone
	msgDiffArgs
	msgIngestCounts
	msgIngestRejects
	msgIngestSetaside
	msgIngestRepeats
	msgOnceLast
	msgOnceFirst
	msgIngestInvRepeats
	msgIngestRecoded
	msgInvOnceLast
	msgInvOnceFirst
	msgRatesArgs
	msgSimulateLinks
	msgReportInvExtra
	msgReportInvNone
	msgRatesAllWaves
	msgRatesHead
	msgRatesTable
	msgRatesAll
	msgRatesSuppressed
	msgRatesUnlisted
	msgRatesNoIDs
	msgIngestSkipped
	msgSkipTorn
	msgSkipRejects
	msgSkipSpam
	msgSkipIngestOutput
	msgSkipOther
	msgSkipStarted
	msgRatesNoInvColumn
	msgRatesColumnType
	msgRatesNotKnown
	msgStartedUnreadable
	msgStartedUnlisted
	msgSimLinksNoColumn
	msgSimLinksNoLink
	msgSimLinksNoInvitation
	msgIngestWaveTwice
	msgRakeNotConverged
	msgRakeEmptyValue
	msgRakeUnraked
	msgReportOlder
	msgReportSuppressed
	msgReportNoDrivers
	msgReportNoValue
	msgInviteArgs
	msgInviteBadExpiry
	msgInvitePastExpiry
	msgInviteNoBlock
	msgInviteBadBase
	msgInviteKeysInside
	msgInviteNotWritten
	msgInviteKeysNew
	msgInviteDone
	msgInviteEmpty
	msgInviteCSV
	msgInviteUnknownCol
	msgInviteColTwice
	msgInviteBadValue
	msgInviteNotEmail
	msgInviteBadID
	msgInviteIDTwice
	msgInviteNoPartic
	msgInviteNotUTF8
	msgInviteSpaces
	msgInviteTooLong
	msgInviteControl
	msgInviteMDTitle
	msgInviteMDExpires
	msgInviteMDDefault
	msgInviteMDHead
	msgImportArgs
	msgImportFormat
	msgImportExists
	msgImportNotValid
	msgImportDone
	msgImportDropped
	msgImportChanged
	msgExportArgs
	msgExportFormat
	msgExportLang
	msgExportOverInput
	msgExportLabelsSav
	msgCount
)

// messages is what the command line says itself, in English and in
// Russian; TestMessages checks every id has both with the same verbs.
var messages = localize.Messages[msgID]{
	msgTagline: {
		En: "opros compiles surveys written in HCL into static forms and benchmark reports.",
		Ru: "opros компилирует анкеты на HCL в статические формы и отчёты бенчмаркинга.",
	},
	msgUsage: {
		En: "Usage",
		Ru: "Использование",
	},
	msgCommands: {
		En: "Commands",
		Ru: "Команды",
	},
	msgFlags: {
		En: "Flags",
		Ru: "Флаги",
	},
	msgDefault: {
		En: "default",
		Ru: "по умолчанию",
	},
	msgBadCompression: {
		En: "opros ingest: --compression is snappy or zstd, not %q\n",
		Ru: "opros ingest: --compression — snappy или zstd, а не %q\n",
	},
	msgExtraArgs: {
		En: "opros %s: unexpected arguments: %s\n",
		Ru: "opros %s: лишние аргументы: %s\n",
	},
	msgListening: {
		En: "listening on %s\n",
		Ru: "принимаю ответы на %s\n",
	},
	msgFormAt: {
		En: "  form (%s): %s\n",
		Ru: "  форма (%s): %s\n",
	},
	msgAnswersAt: {
		En: "  answers: %s\n",
		Ru: "  ответы: %s\n",
	},
	msgCollectSetAside: {
		En: "opros collect: %d unreadable lines of %s set aside in %s, each with its byte offset; %d lines of answers kept\n",
		Ru: "opros collect: отложено нечитаемых строк: %d из %s — в %s, с байтовым смещением каждой; строк с ответами сохранено: %d\n",
	},
	msgCollectCutOff: {
		En: "opros collect: requests still running %s after the stop were cut off; none of them was acknowledged, their clients retry\n",
		Ru: "opros collect: запросы, не завершённые через %s после остановки, прерваны; ни один из них не был подтверждён, клиенты повторят отправку\n",
	},
	msgCollectArgs: {
		En: "opros collect: give --survey SURVEY\n",
		Ru: "opros collect: укажите --survey АНКЕТА\n",
	},
	msgSideLogFull: {
		En: "opros collect: %s reached its cap of %d MiB for %s (UTC): later lines that day are counted, not kept (see /stats)\n",
		Ru: "opros collect: %s достиг предела %d МиБ за %s (UTC): дальнейшие строки в этот день считаются, но не сохраняются (см. /stats)\n",
	},
	msgIngestArgs: {
		En: "opros ingest: give --survey SURVEY and at least one INPUT\n",
		Ru: "opros ingest: укажите --survey АНКЕТА и хотя бы один ВХОД\n",
	},
	msgReportArgs: {
		En: "opros report: give --survey SURVEY and at least one DATA.parquet\n",
		Ru: "opros report: укажите --survey АНКЕТА и хотя бы один файл DATA.parquet\n",
	},
	msgReportNoRows: {
		En: "opros report: the data has no responses (%d file(s) read): there is nothing to report, and nothing was written\n",
		Ru: "opros report: в данных нет ни одного ответа (прочитано файлов: %d): отчитываться не о чем, ничего не записано\n",
	},
	msgReportKeysInside: {
		En: "opros report: the keys file %s would be published inside the output's public/ or participants/: keep it beside the data (--keys)\n",
		Ru: "opros report: файл ключей %s оказался бы опубликован внутри public/ или participants/ отчёта: держите его рядом с данными (--keys)\n",
	},
	msgReportKeysNew: {
		En: "opros report: note: new keys file %s (tokens, passphrases, anonymous labels); keep it and a copy with the data, never publish it: rebuilding without it changes every link\n",
		Ru: "opros report: примечание: создан файл ключей %s (токены, пароли, обезличенные метки); сохраните его и копию вместе с данными и никогда не публикуйте: без него при пересборке изменятся все ссылки\n",
	},
	msgReportKeysAdded: {
		En: "opros report: note: %d new participant(s) added to the keys file %s\n",
		Ru: "opros report: примечание: в файл ключей добавлено новых участников: %d (%s)\n",
	},
	msgReportDelivered: {
		En: "opros report: %d participant report(s) in %s; who gets which folder and passphrase: %s (for you only, never publish it)\n",
		Ru: "opros report: отчётов участников: %d, в %s; кому какая папка и пароль: %s (только для вас, не публикуйте)\n",
	},
	msgReportNoChromium: {
		En: "opros report: --pdf prints with Chromium, and none was found (%v): install it (apt-get install chromium) or set OPROS_CHROMIUM to its path; the report was not built\n",
		Ru: "opros report: --pdf печатает через Chromium, а он не найден (%v): установите его (apt-get install chromium) или укажите путь в OPROS_CHROMIUM; отчёт не собран\n",
	},
	msgReportNoPartics: {
		En: "opros report: --encrypt and --pdf act on the participants' own reports, and this survey has none (no participant field, or no participant in the data); the report was not built\n",
		Ru: "opros report: --encrypt и --pdf работают с отчётами участников, а в этой анкете их нет (нет поля участника или участников в данных); отчёт не собран\n",
	},
	msgReportPDFFailed: {
		En: "opros report: PDF of %s's report: %v; no PDF was written\n",
		Ru: "opros report: PDF отчёта участника %s: %v; ни один PDF не записан\n",
	},
	msgReportPdfs: {
		En: "opros report: %d PDF report(s) written (A4, the summary and the pages it links to, in the report's first language): %s\n",
		Ru: "opros report: записано PDF-отчётов: %d (A4: сводка и страницы, на которые она ссылается, на первом языке отчёта): %s\n",
	},
	msgReportPDFPrivate: {
		En: "opros report: the PDFs are not encrypted: they are in %s, outside the published folders; hand each over privately and never publish that folder\n",
		Ru: "opros report: PDF не зашифрованы: они лежат в %s, вне публикуемых папок; передайте каждый участнику лично и никогда не публикуйте эту папку\n",
	},
	msgReportSealed: {
		En: "opros report: %d participant report(s) encrypted (%d pages; PBKDF2-SHA256, %d rounds; AES-256-GCM): send each participant its folder's address and, by another channel, its passphrase from %s, or one link ending in #key=PASSPHRASE\n",
		Ru: "opros report: зашифровано отчётов участников: %d (страниц: %d; PBKDF2-SHA256, раундов: %d; AES-256-GCM): отправьте каждому адрес его папки и отдельным каналом парольную фразу из %s или одну ссылку с #key=ФРАЗА в конце\n",
	},
	msgReportSealFailed: {
		En: "opros report: encrypting the report of %s: %v; %s was removed, so that no unencrypted report can be published by mistake\n",
		Ru: "opros report: шифрование отчёта участника %s: %v; папка %s удалена, чтобы незашифрованный отчёт нельзя было опубликовать по ошибке\n",
	},
	msgReportSealKept: {
		En: "opros report: encrypting the report of %s: %v; removing %s failed too (%v): do not publish it\n",
		Ru: "opros report: шифрование отчёта участника %s: %v; удалить %s тоже не удалось (%v): не публикуйте её\n",
	},
	msgMoreHelp: {
		En: "Run 'opros help <command>' for more about a command.",
		Ru: "Подробнее о команде: 'opros help <команда>'.",
	},
	msgUnknownCommand: {
		En: "opros: unknown command %q\n",
		Ru: "opros: неизвестная команда %q\n",
	},
	msgNeedSurvey: {
		En: "opros %s: name a survey (.hcl file or folder)\n",
		Ru: "opros %s: укажите анкету (файл .hcl или папку)\n",
	},
	msgCheckOk: {
		En: "%s: ok — %d pages, %d questions, %d indexes, %d languages (%s)\n",
		Ru: "%s: без ошибок — страниц %d, вопросов %d, индексов %d, языков %d (%s)\n",
	},
	msgCheckFail: {
		En: "%s: %d error(s)\n",
		Ru: "%s: ошибок: %d\n",
	},
	msgFmtUnformatted: {
		En: "%s is not formatted\n",
		Ru: "%s не отформатирован\n",
	},
	msgFmtRewrote: {
		En: "formatted %s\n",
		Ru: "отформатирован %s\n",
	},
	msgBuilt: {
		En: "built %s\n",
		Ru: "собрано: %s\n",
	},
	msgInitExists: {
		En: "opros init: %s already exists; not overwriting it\n",
		Ru: "opros init: %s уже существует; не перезаписываю\n",
	},
	msgInitDone: {
		En: "Created a starter survey in %s. Next: opros check %s && opros build %s\n",
		Ru: "Создана стартовая анкета в %s. Дальше: opros check %s && opros build %s\n",
	},
	msgDiffArgs: {
		En: "opros diff: name the OLD and the NEW survey\n",
		Ru: "opros diff: укажите СТАРУЮ и НОВУЮ версии анкеты\n",
	},
	msgIngestCounts: {
		En: "%s: %d accepted, %d rejected, %d duplicates",
		Ru: "%s: принято %d, отклонено %d, повторов %d",
	},
	msgIngestRejects: {
		En: " (reasons in %s)",
		Ru: " (причины — в %s)",
	},
	msgIngestSetaside: {
		En: "; %d answers set aside in %s",
		Ru: "; отложено ответов %d — в %s",
	},
	msgIngestRepeats: {
		En: "; %d repeat submissions set aside whole in %s (one per participant and wave counts: the %s)",
		Ru: "; повторных анкет отложено %d — в %s (у участника в волне учитывается одна: %s)",
	},
	msgOnceLast: {
		En: "last",
		Ru: "последняя",
	},
	msgOnceFirst: {
		En: "first",
		Ru: "первая",
	},
	msgIngestInvRepeats: {
		En: "; %d more answers through an invitation set aside whole in %s (each invitation counts once: the %s answer)",
		Ru: "; повторных ответов по приглашению отложено %d — в %s (по приглашению учитывается один ответ: %s)",
	},
	msgIngestRecoded: {
		En: "ingest: %d answer values in %d records were the old tool's codes or names (option, question, row or item source) and are stored as their opros codes and names\n",
		Ru: "ingest: значений ответов с кодами или именами прежнего инструмента (source варианта, вопроса, строки или пункта): %d в записях: %d; сохранены с кодами и именами opros\n",
	},
	msgInvOnceLast: {
		En: "last",
		Ru: "последний",
	},
	msgInvOnceFirst: {
		En: "first",
		Ru: "первый",
	},
	msgRatesArgs: {
		En: "opros rates: give --survey SURVEY, at least one --list LINKS.csv and one DATA.parquet\n",
		Ru: "opros rates: укажите --survey АНКЕТА, хотя бы один --list LINKS.csv и один DATA.parquet\n",
	},
	msgSimulateLinks: {
		En: "opros simulate: %d answers through invitation links; %d invitees do not answer; %d simulated answers found no link left for their participant, segment and channel and were left out\n",
		Ru: "opros simulate: ответов по ссылкам приглашений: %d; не ответили приглашённых: %d; смоделированных ответов без свободной ссылки для их участника, сегмента и канала (не выведены): %d\n",
	},
	msgReportInvExtra: {
		En: "opros report: note: %d answers of wave %s came through invitations that %s does not hold; no response rate counts them\n",
		Ru: "opros report: примечание: %d — столько ответов волны %s пришло по приглашениям, которых нет в %s; они не входят ни в одну долю ответивших\n",
	},
	msgReportInvNone: {
		En: "opros report: note: no answer of wave %s came through an invitation: the response rates of %s are all 0 (is it that wave's list?)\n",
		Ru: "opros report: примечание: в волне %s ни один ответ не пришёл по приглашению: доля ответивших по %s везде 0 (это список той волны?)\n",
	},
	msgRatesAllWaves: {
		En: "every wave",
		Ru: "все волны",
	},
	msgRatesHead: {
		En: "Response rates, wave %s (%s; groups of fewer than %d invitees suppressed)\n\n",
		Ru: "Отклик, волна %s (%s; группы, где приглашённых меньше %d, скрыты)\n\n",
	},
	msgRatesTable: {
		En: "| group | value | invited | started | completed | rate |",
		Ru: "| группа | значение | приглашено | начали | ответили | доля |",
	},
	msgRatesAll: {
		En: "all",
		Ru: "все",
	},
	msgRatesSuppressed: {
		En: "suppressed",
		Ru: "скрыто",
	},
	msgRatesUnlisted: {
		En: "\n%d answers came through invitations this list does not hold; no rate counts them.\n",
		Ru: "\nОтветов по приглашениям не из этого списка: %d; они не входят ни в одну долю.\n",
	},
	msgRatesNoIDs: {
		En: "%s has no invitation column: give the links file opros invite wrote",
		Ru: "в %s нет столбца invitation: укажите файл ссылок, записанный opros invite",
	},
	msgIngestSkipped: {
		En: "opros ingest: skipped %s: answers of survey %q\n",
		Ru: "opros ingest: пропущена папка %s: ответы анкеты %q\n",
	},
	msgSkipTorn: {
		En: "opros ingest: not ingested: %s: %d lines the collector set aside from a damaged log\n",
		Ru: "opros ingest: не загружено: %s: строк, отложенных сборщиком из повреждённого лога: %d\n",
	},
	msgSkipRejects: {
		En: "opros ingest: skipped %s: the collector's rejected posts, not answers\n",
		Ru: "opros ingest: пропущен %s: отклонённые сборщиком отправки, не ответы\n",
	},
	msgSkipSpam: {
		En: "opros ingest: skipped %s: the collector's bot-trap hits, not answers\n",
		Ru: "opros ingest: пропущен %s: срабатывания ловушки для ботов, не ответы\n",
	},
	msgSkipIngestOutput: {
		En: "opros ingest: skipped %s: an earlier ingest's rejects or set-aside file\n",
		Ru: "opros ingest: пропущен %s: файл отклонённых или отложенных ответов прежнего запуска ingest\n",
	},
	msgSkipOther: {
		En: "opros ingest: skipped %s: not an answer file (.ndjson, .jsonl, .csv)\n",
		Ru: "opros ingest: пропущен %s: не файл ответов (.ndjson, .jsonl, .csv)\n",
	},
	msgStartedUnlisted: {
		En: "opros %s: note: %d invitations of wave %s's started log are not on %s; no rate counts them\n",
		Ru: "opros %s: примечание: %d — столько приглашений из журнала начавших волны %s нет в %s; они не входят ни в одну долю\n",
	},
	msgSimLinksNoColumn: {
		En: "%s has no link column: give the links file opros invite wrote",
		Ru: "в %s нет столбца link: укажите файл ссылок, записанный opros invite",
	},
	msgSimLinksNoLink: {
		En: "%s: line %d: no link",
		Ru: "%s: строка %d: нет ссылки",
	},
	msgSimLinksNoInvitation: {
		En: "%s: line %d: the link carries no invitation (inv, sig)",
		Ru: "%s: строка %d: в ссылке нет приглашения (inv, sig)",
	},
	msgSkipStarted: {
		En: "opros ingest: skipped %s: the invitations whose form the collector served (for opros rates and opros report --started), not answers\n",
		Ru: "opros ingest: пропущен %s: приглашения, чью форму отдал сборщик (для opros rates и opros report --started), не ответы\n",
	},
	msgRatesNoInvColumn: {
		En: "%s has no %s column: it was ingested from a survey without an invitations block; ingest the answers again with the survey's invitations block and --keys",
		Ru: "в %s нет столбца %s: данные загружены по анкете без блока invitations; загрузите ответы заново по анкете с блоком invitations и с --keys",
	},
	msgRatesColumnType: {
		En: "%s: the %s or wave column is not of the type opros ingest writes; is it a file opros ingest wrote?",
		Ru: "%s: столбец %s или wave не того типа, что пишет opros ingest; это файл opros ingest?",
	},
	msgRatesNotKnown: {
		En: "not known",
		Ru: "неизвестно",
	},
	msgStartedUnreadable: {
		En: "opros %s: note: %s: %d lines do not read as an invitation the collector noted (a line cut short by a crash?); they count as no one started\n",
		Ru: "opros %s: примечание: %s: строк, которые не читаются как отмеченное сборщиком приглашение (строка, оборванная сбоем?): %d; по ним никто не считается начавшим\n",
	},
	msgIngestWaveTwice: {
		En: "opros ingest: --previous %d= names two different surveys; one wave's records without a version can be answers to only one\n",
		Ru: "opros ingest: --previous %d= указывает две разные анкеты; записи одной волны без версии могут быть ответами только на одну\n",
	},
	msgRakeNotConverged: {
		En: "opros report: warning: wave %d: raking did not converge after %d sweeps; the margins contradict each other in this sample\n",
		Ru: "opros report: внимание: волна %d: перевзвешивание не сошлось за %d итераций; в этой выборке целевые доли противоречат друг другу\n",
	},
	msgRakeEmptyValue: {
		En: "opros report: warning: wave %d: no respondent has %s=%s; its target share went to the other values\n",
		Ru: "opros report: внимание: волна %d: нет ни одного респондента с %s=%s; его целевая доля распределена между остальными значениями\n",
	},
	msgRakeUnraked: {
		En: "opros report: warning: wave %d: %d respondents have a missing or untargeted margin value and keep their weight\n",
		Ru: "opros report: внимание: волна %d: у %d респондентов значение поля перевзвешивания пропущено или не задано в целях; их вес не изменён\n",
	},
	msgReportOlder: {
		En: "opros report: note: %s was ingested for an earlier version of the survey (%s) and is read as the current one (%s): opros diff lists the changes (%d), and none leaves an answer without its column or meaning\n",
		Ru: "opros report: примечание: %s собран для прежней версии анкеты (%s) и прочитан как текущая (%s): изменения перечисляет opros diff (%d), и ни одно не оставляет ответ без столбца или смысла\n",
	},
	msgReportSuppressed: {
		En: "opros report: note: %d group(s) with fewer than %d respondents suppressed, and %d more hidden so that they cannot be worked out from the figures shown (the methodology page counts them by breakdown)\n",
		Ru: "opros report: примечание: скрыто групп, где меньше %[2]d респондентов: %[1]d, и ещё %[3]d, чтобы их нельзя было вычислить по показанным цифрам (на странице методологии они посчитаны по разрезам)\n",
	},
	msgReportNoDrivers: {
		En: "opros report: note: no driver analysis: all respondents are suppressed, or fewer than %d answered the outcome and every driver\n",
		Ru: "opros report: примечание: анализа драйверов нет: все респонденты скрыты или меньше %d ответили на результат и на все драйверы\n",
	},
	msgReportNoValue: {
		En: "opros report: note: index %s: its formula divides by zero for %d respondent(s), who have no value for it, as if unanswered (the methodology page says so too)\n",
		Ru: "opros report: примечание: индекс %s: формула делит на ноль у %d респондентов, и значения у них нет, как при пропуске ответа (это сказано и на странице методологии)\n",
	},
	msgInviteArgs: {
		En: "opros invite: give --survey SURVEY and --list INVITEES.csv\n",
		Ru: "opros invite: укажите --survey АНКЕТА и --list INVITEES.csv\n",
	},
	msgInviteBadExpiry: {
		En: "opros invite: --expires is a date as YYYY-MM-DD, not %q\n",
		Ru: "opros invite: --expires — дата в виде ГГГГ-ММ-ДД, а не %q\n",
	},
	msgInvitePastExpiry: {
		En: "opros invite: --expires %s has passed: the links would not work\n",
		Ru: "opros invite: срок --expires %s уже прошёл: ссылки не будут работать\n",
	},
	msgInviteNoBlock: {
		En: "opros invite: survey %q has no invitations block, so its forms and collector ignore invitations: add invitations {} to its survey block (docs/language.md)\n",
		Ru: "opros invite: в анкете %q нет блока invitations, поэтому её формы и сборщик не смотрят на приглашения: добавьте invitations {} в блок survey (docs/language.md)\n",
	},
	msgInviteBadBase: {
		En: "opros invite: --base must be an absolute http:// or https:// URL, not %q\n",
		Ru: "opros invite: --base должен быть полным URL с http:// или https://, а не %q\n",
	},
	msgInviteKeysInside: {
		En: "opros invite: the keys file %s lies in the survey's folder (%s), where a copy of the folder would take it along: keep it elsewhere (--keys)\n",
		Ru: "opros invite: файл ключей %s лежит в папке анкеты (%s), и копия папки унесёт его с собой: храните его в другом месте (--keys)\n",
	},
	msgInviteNotWritten: {
		En: "opros invite: %d problem(s) in the list; nothing was written\n",
		Ru: "opros invite: ошибок в списке: %d; ничего не записано\n",
	},
	msgInviteKeysNew: {
		En: "opros invite: note: new invitation keys file %s; keep it (and a copy) out of the survey folder and never publish it: opros collect and opros ingest check answers with it, and replacing it invalidates every link\n",
		Ru: "opros invite: примечание: создан файл ключей приглашений %s; храните его (и копию) вне папки анкеты и никогда не публикуйте: им opros collect и opros ingest проверяют ответы, а его замена делает недействительными все ссылки\n",
	},
	msgInviteDone: {
		En: "%d links in %s and, per participant, %s (both hold e-mails and names: for you only); signed with %s\n",
		Ru: "ссылок: %d, в %s и по участникам — в %s (в обоих e-mail и имена: только для вас); подписаны ключом %s\n",
	},
	msgInviteEmpty: {
		En: "opros invite: %s has no invitees (a header row, then one row per invitee)\n",
		Ru: "opros invite: в %s нет приглашённых (строка заголовка, затем по строке на приглашённого)\n",
	},
	msgInviteCSV: {
		En: "opros invite: %s: %v\n",
		Ru: "opros invite: %s: %v\n",
	},
	msgInviteUnknownCol: {
		En: "opros invite: %s column %d: %q is not a hidden field of the survey (%s), email, name or invitation\n",
		Ru: "opros invite: %s, столбец %d: %q — не скрытое поле анкеты (%s), не email, не name и не invitation\n",
	},
	msgInviteColTwice: {
		En: "opros invite: %s column %d: %q is the same field as column %d\n",
		Ru: "opros invite: %s, столбец %d: %q — то же поле, что и столбец %d\n",
	},
	msgInviteBadValue: {
		En: "opros invite: %s row %d, column %q: %s\n",
		Ru: "opros invite: %s, строка %d, столбец %q: %s\n",
	},
	msgInviteNotEmail: {
		En: "is not an e-mail address",
		Ru: "не адрес e-mail",
	},
	msgInviteBadID: {
		En: "an invitation id is 1-64 letters, digits, '-' or '_'",
		Ru: "id приглашения — от 1 до 64 латинских букв, цифр, '-' или '_'",
	},
	msgInviteIDTwice: {
		En: "opros invite: %s row %d, column %q: invitation %q is already on row %d\n",
		Ru: "opros invite: %s, строка %d, столбец %q: приглашение %q уже есть в строке %d\n",
	},
	msgInviteNoPartic: {
		En: "opros invite: %s row %d, column %q: the participant is missing; every invitation names the participant it answers for\n",
		Ru: "opros invite: %s, строка %d, столбец %q: не указан участник; каждое приглашение называет участника, за которого отвечают\n",
	},
	msgInviteNotUTF8: {
		En: "is not UTF-8 text",
		Ru: "не текст в UTF-8",
	},
	msgInviteSpaces: {
		En: "has spaces at its start or end (\"acme \" and \"acme\" would be two participants)",
		Ru: "начинается или кончается пробелом (\"acme \" и \"acme\" были бы двумя участниками)",
	},
	msgInviteTooLong: {
		En: "is longer than 200 characters",
		Ru: "длиннее 200 символов",
	},
	msgInviteControl: {
		En: "holds a control character (a tab or line break)",
		Ru: "содержит управляющий символ (табуляцию или перевод строки)",
	},
	msgInviteMDTitle: {
		En: "# Invitations: %s (%s)\n",
		Ru: "# Приглашения: %s (%s)\n",
	},
	msgInviteMDExpires: {
		En: "\nThe links work through %s (UTC).\n",
		Ru: "\nСсылки действуют по %s включительно (UTC).\n",
	},
	msgInviteMDDefault: {
		En: "(the field's default)",
		Ru: "(значение поля по умолчанию)",
	},
	msgInviteMDHead: {
		En: "| Name | E-mail | Invitation | Link |",
		Ru: "| Имя | E-mail | Приглашение | Ссылка |",
	},
	msgImportArgs: {
		En: "opros import: name one FILE: an XLSForm (.xlsx) or a SurveyJS survey (.json)\n",
		Ru: "opros import: укажите один ФАЙЛ: XLSForm (.xlsx) или анкету SurveyJS (.json)\n",
	},
	msgImportFormat: {
		En: "opros import: %s: not .xlsx (XLSForm) or .json (SurveyJS); give the file its usual extension\n",
		Ru: "opros import: %s: не .xlsx (XLSForm) и не .json (SurveyJS); дайте файлу обычное расширение\n",
	},
	msgImportExists: {
		En: "opros import: %s already exists; not overwriting it (choose another folder with -o)\n",
		Ru: "opros import: %s уже существует; не перезаписываю (выберите другую папку через -o)\n",
	},
	msgImportNotValid: {
		En: "opros import: %s was written but does not pass opros check (above); fix it by hand or report the form that caused it\n",
		Ru: "opros import: %s записан, но не проходит opros check (см. выше); исправьте его вручную или сообщите, какая форма к этому привела\n",
	},
	msgImportDone: {
		En: "wrote %s: %d question(s) on %d page(s), passes opros check; %d item(s) of the source dropped, %d changed (listed on stderr)\n",
		Ru: "записан %s: вопросов %d на страницах: %d, проходит opros check; пропущено элементов исходной формы: %d, изменено: %d (список в stderr)\n",
	},
	msgImportDropped: {
		En: "opros import: dropped: %s\n",
		Ru: "opros import: пропущено: %s\n",
	},
	msgImportChanged: {
		En: "opros import: changed: %s\n",
		Ru: "opros import: изменено: %s\n",
	},
	msgExportArgs: {
		En: "opros export: give --survey SURVEY, -o OUT.sav|OUT.xlsx|OUT.csv and at least one DATA.parquet\n",
		Ru: "opros export: укажите --survey АНКЕТА, -o OUT.sav|OUT.xlsx|OUT.csv и хотя бы один DATA.parquet\n",
	},
	msgExportFormat: {
		En: "opros export: %s: the output's extension names its format: .sav, .xlsx or .csv\n",
		Ru: "opros export: %s: формат выхода задаётся расширением: .sav, .xlsx или .csv\n",
	},
	msgExportLang: {
		En: "opros export: --lang %s: the survey's languages are %v\n",
		Ru: "opros export: --lang %s: языки анкеты — %v\n",
	},
	msgExportOverInput: {
		En: "opros export: -o %s is one of the data files; give another output\n",
		Ru: "opros export: -o %s — один из файлов данных; укажите другой выход\n",
	},
	msgExportLabelsSav: {
		En: "opros export: --labels is for .xlsx and .csv; a .sav file keeps the codes and their labels both\n",
		Ru: "opros export: --labels — для .xlsx и .csv; в файле .sav есть и коды, и их метки\n",
	},
}

// msg is the message id in e's language, a format for the caller to fill.
func msg(e *env, id msgID) string { return messages.In(id, e.lang) }

// printErr prints an error a command stops on, in e's language: the text
// of a package's catalogued error (compiler/localize) in Russian when the
// interface is, what the system said inside it as it said it; any other
// error as its Error.
func printErr(e *env, cmd string, err error) {
	fmt.Fprintf(e.stderr, "opros %s: %s\n", cmd, localize.Text(err, e.lang))
}
