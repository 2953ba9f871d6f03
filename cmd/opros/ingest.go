package main

import (
	"errors"
	"flag"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/opros/opros/compiler/ir"
	"github.com/opros/opros/compiler/localize"
	"github.com/opros/opros/site/ingest"
	"github.com/opros/opros/site/invite"
)

func init() {
	register(&command{
		name: "ingest",
		args: "--survey SURVEY -o OUT.parquet [--wave YEAR] [--previous [YEAR=]OLD_SURVEY]... [--compression snappy|zstd] [--strict] INPUT...",
		short: localize.Phrase{
			En: "turn collected answers (log, NDJSON, CSV) into a typed Parquet file",
			Ru: "превратить собранные ответы (лог, NDJSON, CSV) в типизированный Parquet",
		},
		long: localize.Phrase{
			En: "Ingest validates every record of every INPUT against SURVEY and writes the accepted ones\nto OUT.parquet, the rejected ones with their reasons to OUT.rejects.ndjson. An INPUT may be\na folder (every .ndjson, .jsonl and .csv file under it, as in a collector's data folder, less\nthe folders of other surveys) and may be written YEAR=PATH to set its wave; otherwise the wave\nis --wave, or the year each answer was submitted. Answers recorded against an older version of\nthe survey are mapped when that version is given with --previous, and rejected with the reason\notherwise; what the current version has no column for (a question, row or option removed\nsince, a changed type or scale) is set aside with the reason in OUT.setaside.ndjson.\nIn a participant-level survey (benchmark unit = \"participant\") one submission per participant\nand wave counts, the latest (or the first: once = \"first\"); the others are set aside whole there,\nand a record that names no participant is rejected.\nA flat record or CSV row is read by the version its version (or _version) column names.\n--previous YEAR=OLD_SURVEY also takes the records of wave YEAR (inputs written YEAR=PATH, and\nthe others when --wave is YEAR) that name no version as answers to OLD_SURVEY: an old wave's\nspreadsheet export without a version column.\nColumns are snappy-compressed, as pyarrow and DuckDB write them; --compression zstd makes\nthe file about a third smaller and ingest a fifth slower.\n" +
				"Ingest never writes over its input: an output that is an INPUT (by name, symlink or hard link)\nor lies in an INPUT folder is refused. Every output is written under a temporary name and\nrenamed into place only when the run succeeds, OUT.parquet last; a missing folder of OUT is made.\nWhat a folder INPUT holds besides answers is named on stderr, with the number of lines the\ncollector set aside from a damaged log (torn-*.ndjson), which are not ingested.\n" +
				"Exit code 0 when at least one answer was accepted (rejected records are counted on stdout and\nkept with their reasons); 1 when none was (an empty input, every record rejected, a Parquet\nfile as INPUT: nothing is written and earlier outputs stay as they were), when an input cannot\nbe read, or, with --strict, when any record was rejected or any torn line was found; 2 when\nthe command line is wrong (an output that would overwrite an INPUT included).",
			Ru: "Проверяет каждую запись каждого ВХОДА по АНКЕТЕ, принятые пишет в OUT.parquet, отклонённые\nс причинами — в OUT.rejects.ndjson. ВХОД может быть папкой (все файлы .ndjson, .jsonl и .csv\nв ней, как в папке данных сборщика, кроме папок других анкет); его можно записать как\nГОД=ПУТЬ, чтобы задать волну; иначе волна — --wave или год отправки ответа. Ответы на старую\nверсию анкеты сопоставляются, если эта версия указана в --previous, иначе отклоняются\nс причиной; то, для чего в текущей версии нет столбца (вопрос, строка или вариант удалены,\nизменились тип или шкала), откладывается с причиной в OUT.setaside.ndjson.\nВ анкете уровня участников (benchmark unit = \"participant\") учитывается одна анкета участника\nв волне, последняя (или первая: once = \"first\"); остальные целиком откладываются туда же,\nа запись без участника отклоняется.\nПлоская запись или строка CSV читается по версии, указанной в её столбце version (или _version).\n--previous ГОД=СТАРАЯ_АНКЕТА к тому же считает записи волны ГОД (входов ГОД=ПУТЬ, а при\n--wave ГОД и остальных) без указания версии ответами на СТАРУЮ_АНКЕТУ: так читается выгрузка\nстарой волны из таблицы без столбца версии.\nСтолбцы сжимаются snappy, как их пишут pyarrow и DuckDB; с --compression zstd файл примерно\nна треть меньше, а загрузка на пятую часть медленнее.\n" +
				"Ingest никогда не пишет поверх своего входа: выход, который совпадает со ВХОДОМ (по имени,\nсимволической или жёсткой ссылке) или лежит во входной папке, отвергается. Каждый выход пишется\nпод временным именем и переименовывается на место только при успехе, OUT.parquet последним;\nнедостающая папка OUT создаётся. Что, кроме ответов, лежит во входной папке, называется в stderr,\nс числом строк, отложенных сборщиком из повреждённого лога (torn-*.ndjson): они не загружаются.\n" +
				"Код выхода 0, если принят хотя бы один ответ (отклонённые записи подсчитаны в stdout и сохранены\nс причинами); 1, если не принят ни один (пустой вход, все записи отклонены, Parquet в качестве\nВХОДА: ничего не пишется, прежние результаты остаются как были), если вход не читается или,\nс --strict, если что-то отклонено или найдена хоть одна строка torn; 2 — ошибка в командной\nстроке (в том числе выход, который затёр бы ВХОД).",
		},
		setup: func(fs *flag.FlagSet) func(*env, []string) int {
			o := &ingestOpts{}
			fs.StringVar(&o.survey, "survey", "", "the survey (.hcl file or folder)")
			fs.StringVar(&o.out, "o", "answers.parquet", "output Parquet file")
			fs.IntVar(&o.wave, "wave", 0, "wave of every input without YEAR=")
			fs.BoolVar(&o.strict, "strict", false, "exit 1 when any record is rejected or any torn line is found")
			fs.StringVar(&o.compression, "compression", "snappy", "Parquet compression: snappy or zstd")
			fs.StringVar(&o.keys, "keys", "", "invitation keys file the links were signed with (opros invite --keys)")
			fs.Func("previous", "an older version (repeatable); YEAR=OLD: wave YEAR's records without one are OLD's", func(v string) error {
				o.previous = append(o.previous, v)
				return nil
			})
			return func(e *env, args []string) int { return o.run(e, args) }
		},
	})
}

type ingestOpts struct {
	survey, out string
	wave        int
	strict      bool
	previous    []string
	compression string
	keys        string // invitation keys file
}

func (o *ingestOpts) run(e *env, args []string) int {
	if o.survey == "" || len(args) == 0 {
		fmt.Fprint(e.stderr, msg(e, msgIngestArgs))
		return exitUsage
	}
	if _, ok := ingest.Codecs[o.compression]; !ok {
		fmt.Fprintf(e.stderr, msg(e, msgBadCompression), o.compression)
		return exitUsage
	}
	s, ok := loadSurvey(e, o.survey)
	if !ok {
		return exitInput
	}
	var prev []*ir.Survey
	byWave := map[int]*ir.Survey{} // --previous YEAR=OLD: the version of wave YEAR's records that name none
	for _, arg := range o.previous {
		year, path := yearOf(arg)
		ps, ok := loadSurvey(e, path)
		if !ok {
			return exitInput
		}
		if !slices.ContainsFunc(prev, func(p *ir.Survey) bool { return p.Hash == ps.Hash }) {
			prev = append(prev, ps)
		}
		if year == 0 {
			continue
		}
		if other, twice := byWave[year]; twice && other.Hash != ps.Hash {
			fmt.Fprintf(e.stderr, msg(e, msgIngestWaveTwice), year)
			return exitUsage
		}
		byWave[year] = ps
	}
	var inputs []ingest.Input
	for _, a := range args {
		in := ingest.Input{Path: a, Wave: o.wave}
		if year, path := yearOf(a); year != 0 {
			in = ingest.Input{Path: path, Wave: year}
		}
		if ps, declared := byWave[in.Wave]; declared {
			in.Version = ps.Hash
		}
		inputs = append(inputs, in)
	}
	torn := 0 // lines the collector set aside, which --strict counts as not ingested
	skipped := func(sk ingest.Skipped) {
		switch sk.Kind {
		case ingest.SkipSurvey:
			fmt.Fprintf(e.stderr, msg(e, msgIngestSkipped), sk.Path, sk.Survey)
		case ingest.SkipTorn:
			torn += sk.Lines
			fmt.Fprintf(e.stderr, msg(e, msgSkipTorn), sk.Path, sk.Lines)
		case ingest.SkipCollectorRejects:
			fmt.Fprintf(e.stderr, msg(e, msgSkipRejects), sk.Path)
		case ingest.SkipSpam:
			fmt.Fprintf(e.stderr, msg(e, msgSkipSpam), sk.Path)
		case ingest.SkipStarted:
			fmt.Fprintf(e.stderr, msg(e, msgSkipStarted), sk.Path)
		case ingest.SkipIngestOutput:
			fmt.Fprintf(e.stderr, msg(e, msgSkipIngestOutput), sk.Path)
		default:
			fmt.Fprintf(e.stderr, msg(e, msgSkipOther), sk.Path)
		}
	}
	var key *invite.Key
	if o.keys != "" {
		var err error
		if key, err = invite.Open(o.keys); err != nil {
			printErr(e, "ingest", err)
			return exitInput
		}
	}
	st, err := ingest.Run(s, inputs, o.out, ingest.Options{Previous: prev, Compression: o.compression, Skipped: skipped, Invitations: key})
	if err != nil {
		printErr(e, "ingest", err)
		if _, usage := errors.AsType[*ingest.UsageError](err); usage {
			return exitUsage
		}
		return exitInput
	}
	fmt.Fprintf(e.stdout, msg(e, msgIngestCounts), o.out, st.Accepted, st.Rejected, st.Duplicates)
	if st.Rejected > 0 {
		fmt.Fprintf(e.stdout, msg(e, msgIngestRejects), ingest.RejectsPath(o.out))
	}
	if st.SetAside > 0 {
		fmt.Fprintf(e.stdout, msg(e, msgIngestSetaside), st.SetAside, ingest.SetAsidePath(o.out))
	}
	switch {
	case st.Repeats == 0:
	case s.Bench.Unit != ir.UnitParticipant && s.Invitations != nil:
		fmt.Fprintf(e.stdout, msg(e, msgIngestInvRepeats), st.Repeats, ingest.SetAsidePath(o.out), onceWord(e, s.Invitations.Once, msgInvOnceFirst, msgInvOnceLast))
	default:
		fmt.Fprintf(e.stdout, msg(e, msgIngestRepeats), st.Repeats, ingest.SetAsidePath(o.out), onceWord(e, s.Bench.Once, msgOnceFirst, msgOnceLast))
	}
	fmt.Fprintln(e.stdout)
	if st.Recoded > 0 {
		fmt.Fprintf(e.stderr, msg(e, msgIngestRecoded), st.Recoded, st.RecodedRecords)
	}
	if o.strict && (st.Rejected > 0 || torn > 0) {
		return exitInput
	}
	return exitOK
}

// yearOf reads an argument written YEAR=PATH as its year and path; any
// other argument is a path (year 0), "=" and all.
func yearOf(arg string) (year int, path string) {
	if y, path, found := strings.Cut(arg, "="); found {
		if n, err := strconv.Atoi(y); err == nil && n > 1900 && n < 2200 {
			return n, path
		}
	}
	return 0, arg
}

// onceWord is how a once rule reads in ingest's summary: first and last
// are its words for the rule "first" and "last" ("" for no rule).
func onceWord(e *env, once string, first, last msgID) string {
	switch once {
	case ir.OnceFirst:
		return msg(e, first)
	case ir.OnceLast:
		return msg(e, last)
	}
	return ""
}
