package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"

	"github.com/apache/arrow/go/v15/arrow/array"
	"github.com/apache/arrow/go/v15/arrow/memory"
	"github.com/apache/arrow/go/v15/parquet/file"
	"github.com/apache/arrow/go/v15/parquet/pqarrow"

	"github.com/opros/opros/compiler/ir"
	"github.com/opros/opros/compiler/localize"
	"github.com/opros/opros/site/collect"
	"github.com/opros/opros/site/ingest"
	"github.com/opros/opros/site/invite"
	"github.com/opros/opros/site/report"
)

func init() {
	register(&command{
		name: "rates",
		args: "--survey SURVEY --list [YEAR=]LINKS.csv... [--started [YEAR=]STARTED.ndjson]... [--json FILE] DATA.parquet...",
		short: localize.Phrase{
			En: "response rates of an invitation list: invited, completed, rate per participant and segment",
			Ru: "отклик по списку приглашений: приглашено, ответили, доля по участникам и сегментам",
		},
		long: localize.Phrase{
			En: "Rates reads the links file(s) opros invite wrote and the data opros ingest wrote from the answers\nthrough them (its invitation column), and prints per wave how many were invited, how many of them\nanswered and the response rate: in all, and per value of every hidden field with a role (participant,\nsegment, channel). --started names a wave's started.ndjson of opros collect (the invitations whose form it\nserved through a valid link): started counts those and everyone who answered; without it (or with forms\nserved by another host) started is \"not known\". A list written YEAR=LINKS.csv is wave YEAR's; otherwise it is the survey's wave (every\nwave when the survey has none). A group with fewer invitees than the benchmark's min_group_size is\nsuppressed, its counts withheld with its rate. Answers through an invitation the list does not hold\nare counted apart. The output names participants: it is for the organiser, not for publication.\n--json also writes the figures as JSON. Exit code 0, 1 for unreadable input, 2 for a wrong command line.",
			Ru: "Читает файл(ы) ссылок, записанные opros invite, и данные, собранные opros ingest из ответов по ним\n(столбец invitation), и печатает по волнам, сколько приглашено, сколько из них ответили и долю ответивших:\nвсего и по значениям каждого скрытого поля с ролью (участник, сегмент, канал). --started — файл started.ndjson opros collect за волну (приглашения, чью форму\nон отдал по действительной ссылке): «начали» — это они и все ответившие; без него (или если формы\nраздавал другой хост) «начали» — «неизвестно». Список ГОД=LINKS.csv\nотносится к волне ГОД, иначе к волне анкеты (ко всем волнам, если у анкеты её нет). Группа, где\nприглашённых меньше min_group_size бенчмарка, скрыта вместе с числами. Ответы по приглашениям не из\nсписка считаются отдельно. В выводе названы участники: он для организатора, не для публикации.\n--json также записывает цифры в JSON. Код выхода 0, 1 — вход не читается, 2 — ошибка в командной строке.",
		},
		setup: func(fs *flag.FlagSet) func(*env, []string) int {
			o := &ratesOpts{}
			fs.StringVar(&o.survey, "survey", "", "the survey (.hcl file or folder)")
			fs.Func("list", "links file of opros invite (repeatable); YEAR=LINKS.csv: wave YEAR's", func(v string) error {
				o.lists = append(o.lists, v)
				return nil
			})
			fs.Func("started", startedFlagHelp, func(v string) error {
				o.started = append(o.started, v)
				return nil
			})
			fs.StringVar(&o.json, "json", "", "also write the rates as JSON to this file")
			return func(e *env, args []string) int { return o.run(e, args) }
		},
	})
}

type ratesOpts struct {
	survey, json   string
	lists, started []string
}

const startedFlagHelp = "the collector's started.ndjson, for who started (repeatable); YEAR=FILE: wave YEAR's"

// waveRates are one list's rates.
type waveRates struct {
	Wave     int           `json:"wave"` // 0: every wave
	List     string        `json:"list"`
	Rates    []invite.Rate `json:"rates"`
	Unlisted int           `json:"answered_not_on_list"`
}

func (o *ratesOpts) run(e *env, args []string) int {
	if o.survey == "" || len(o.lists) == 0 || len(args) == 0 {
		fmt.Fprint(e.stderr, msg(e, msgRatesArgs))
		return exitUsage
	}
	s, ok := loadSurvey(e, o.survey)
	if !ok {
		return exitInput
	}
	answered := map[int]map[string]bool{} // wave → invitation ids
	for _, path := range args {
		if err := readInvitations(e, path, answered); err != nil {
			printErr(e, "rates", err)
			return exitInput
		}
	}
	started, err := readStartedLogs(e, "rates", s, o.started)
	if err != nil {
		printErr(e, "rates", err)
		return exitInput
	}
	var out []waveRates
	for _, arg := range o.lists {
		wave, path := yearOf(arg)
		if wave == 0 {
			wave = s.Wave
		}
		list, err := readLinks(e, s, path)
		if err != nil {
			printErr(e, "rates", err)
			return exitInput
		}
		sayStartedUnlisted(e, "rates", list, startedIn(started, wave), wave, path)
		rates, unlisted := invite.Rates(s, list, answeredIn(answered, wave), startedIn(started, wave), s.Bench.MinGroupSize)
		out = append(out, waveRates{Wave: wave, List: path, Rates: rates, Unlisted: unlisted})
		printRates(e, s, out[len(out)-1])
	}
	if o.json != "" {
		raw, _ := json.MarshalIndent(out, "", "  ")
		if err := os.WriteFile(o.json, append(raw, '\n'), 0o600); err != nil {
			printErr(e, "rates", err)
			return exitInput
		}
	}
	return exitOK
}

// waveName is a wave for a message: its year, or "every wave".
func waveName(e *env, wave int) string {
	if wave == 0 {
		return msg(e, msgRatesAllWaves)
	}
	return fmt.Sprint(wave)
}

func printRates(e *env, s *ir.Survey, w waveRates) {
	wave := waveName(e, w.Wave)
	fmt.Fprintf(e.stdout, msg(e, msgRatesHead), wave, w.List, s.Bench.MinGroupSize)
	fmt.Fprintln(e.stdout, msg(e, msgRatesTable))
	fmt.Fprintln(e.stdout, "|---|---|---:|---:|---:|---:|")
	for _, r := range w.Rates {
		field, value := r.Field, r.Value
		if field == "" {
			field, value = msg(e, msgRatesAll), ""
		}
		if r.Suppressed {
			fmt.Fprintf(e.stdout, "| %s | %s | %s | | | |\n", field, value, msg(e, msgRatesSuppressed))
			continue
		}
		started := msg(e, msgRatesNotKnown)
		if r.Started != nil {
			started = fmt.Sprint(*r.Started)
		}
		fmt.Fprintf(e.stdout, "| %s | %s | %d | %s | %d | %.1f%% |\n", field, value, r.Invited, started, r.Completed, 100**r.Rate)
	}
	if w.Unlisted > 0 {
		fmt.Fprintf(e.stdout, msg(e, msgRatesUnlisted), w.Unlisted)
	}
	fmt.Fprintln(e.stdout)
}

// readLinks reads a links file of opros invite: the invitation column and
// the hidden fields' (a field's default where a row has none).
func readLinks(e *env, s *ir.Survey, path string) ([]invite.Invitee, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r := csv.NewReader(f)
	head, err := r.Read()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	col := map[string]int{}
	for i, h := range head {
		col[h] = i
	}
	idCol, ok := col["invitation"]
	if !ok {
		return nil, fmt.Errorf(msg(e, msgRatesNoIDs), path)
	}
	var list []invite.Invitee
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		p := invite.Invitee{ID: rec[idCol], Hidden: map[string]string{}}
		for _, h := range s.Hidden {
			if i, ok := col[h.ID]; ok && i < len(rec) && rec[i] != "" {
				p.Hidden[h.ID] = rec[i]
			} else if h.Default != "" {
				p.Hidden[h.ID] = h.Default
			}
		}
		list = append(list, p)
	}
	return list, nil
}

// readInvitations adds the data file's invitation ids, by wave.
func readInvitations(e *env, path string, answered map[int]map[string]bool) error {
	f, err := file.OpenParquetFile(path, false)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	defer f.Close()
	schema := f.MetaData().Schema
	inv, wave := schema.ColumnIndexByName(ingest.InvitationColumn), schema.ColumnIndexByName("wave")
	if inv < 0 || wave < 0 {
		return fmt.Errorf(msg(e, msgRatesNoInvColumn), path, ingest.InvitationColumn)
	}
	fr, err := pqarrow.NewFileReader(f, pqarrow.ArrowReadProperties{BatchSize: 16384}, memory.NewGoAllocator())
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	cols := []int{inv, wave}
	sort.Ints(cols)
	rr, err := fr.GetRecordReader(context.Background(), cols, nil)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	defer rr.Release()
	for rr.Next() {
		rec := rr.Record()
		var ids *array.String
		var waves *array.Int32
		for i, fld := range rec.Schema().Fields() {
			switch fld.Name {
			case ingest.InvitationColumn:
				ids, _ = rec.Column(i).(*array.String)
			case "wave":
				waves, _ = rec.Column(i).(*array.Int32)
			}
		}
		if ids == nil || waves == nil {
			return fmt.Errorf(msg(e, msgRatesColumnType), path, ingest.InvitationColumn)
		}
		for i := 0; i < ids.Len(); i++ {
			if ids.IsNull(i) {
				continue
			}
			w := int(waves.Value(i))
			if answered[w] == nil {
				answered[w] = map[string]bool{}
			}
			answered[w][ids.Value(i)] = true
		}
	}
	if err := rr.Err(); err != nil && err != io.EOF {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}

// responseLists reads opros report's --invitations: each links file with the
// invitations answered in its wave of the data (every wave's when the list
// has no wave and the survey none), for the report's response rates.
func responseLists(e *env, s *ir.Survey, lists, startedLogs, data []string) ([]report.Invitations, error) {
	if len(lists) == 0 {
		return nil, nil
	}
	answered := map[int]map[string]bool{}
	for _, path := range data {
		if err := readInvitations(e, path, answered); err != nil {
			return nil, err
		}
	}
	started, err := readStartedLogs(e, "report", s, startedLogs)
	if err != nil {
		return nil, err
	}
	var out []report.Invitations
	for _, arg := range lists {
		wave, path := yearOf(arg)
		if wave == 0 {
			wave = s.Wave
		}
		list, err := readLinks(e, s, path)
		if err != nil {
			return nil, err
		}
		ids := answeredIn(answered, wave)
		// Said, not shown as a low rate: a list given the wrong wave, or
		// answers through another list's links.
		if _, unlisted := invite.Rates(s, list, ids, nil, 0); unlisted > 0 {
			fmt.Fprintf(e.stderr, msg(e, msgReportInvExtra), unlisted, waveName(e, wave), path)
		}
		if len(ids) == 0 {
			fmt.Fprintf(e.stderr, msg(e, msgReportInvNone), waveName(e, wave), path)
		}
		sayStartedUnlisted(e, "report", list, startedIn(started, wave), wave, path)
		out = append(out, report.Invitations{Wave: wave, List: list, Answered: ids, Started: startedIn(started, wave)})
	}
	return out, nil
}

// answeredIn is wave's invitation ids, or every wave's for wave 0.
func answeredIn(answered map[int]map[string]bool, wave int) map[string]bool {
	if wave != 0 {
		return answered[wave]
	}
	ids := map[string]bool{}
	for _, m := range answered {
		for id := range m {
			ids[id] = true
		}
	}
	return ids
}

// readStartedLogs reads the collector's started.ndjson files given as
// [YEAR=]FILE (the survey's wave without YEAR=): the invitations noted per
// wave. A line that does not read is counted and said, and counts as no
// one started.
func readStartedLogs(e *env, cmd string, s *ir.Survey, args []string) (map[int]map[string]bool, error) {
	started := map[int]map[string]bool{}
	for _, arg := range args {
		wave, path := yearOf(arg)
		if wave == 0 {
			wave = s.Wave
		}
		raw, err := os.ReadFile(path)
		if err != nil {
			return nil, err
		}
		if started[wave] == nil {
			started[wave] = map[string]bool{}
		}
		bad := 0
		for _, line := range bytes.Split(raw, []byte("\n")) {
			if len(bytes.TrimSpace(line)) == 0 {
				continue
			}
			var l collect.StartedLine
			if json.Unmarshal(line, &l) != nil || !invite.ValidID(l.Invitation) {
				bad++
				continue
			}
			started[wave][l.Invitation] = true
		}
		if bad > 0 {
			fmt.Fprintf(e.stderr, msg(e, msgStartedUnreadable), cmd, path, bad)
		}
	}
	return started, nil
}

// startedIn is wave's started invitations (every wave's for wave 0), or
// nil, "not known", when no log of that wave was given.
func startedIn(started map[int]map[string]bool, wave int) map[string]bool {
	if wave != 0 {
		return started[wave]
	}
	if len(started) == 0 {
		return nil
	}
	ids := map[string]bool{}
	for _, m := range started {
		for id := range m {
			ids[id] = true
		}
	}
	return ids
}

// sayStartedUnlisted says how many invitations of a wave's started log the
// wave's list does not hold (another wave's list, or a log of other
// links), which no rate counts.
func sayStartedUnlisted(e *env, cmd string, list []invite.Invitee, started map[string]bool, wave int, path string) {
	onList := map[string]bool{}
	for _, p := range list {
		onList[p.ID] = true
	}
	n := 0
	for id := range started {
		if !onList[id] {
			n++
		}
	}
	if n > 0 {
		fmt.Fprintf(e.stderr, msg(e, msgStartedUnlisted), cmd, n, waveName(e, wave), path)
	}
}
