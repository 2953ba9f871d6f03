package main

import (
	"bytes"
	"encoding/csv"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/opros/opros/compiler/ir"
	"github.com/opros/opros/compiler/localize"
	"github.com/opros/opros/site/answer"
	"github.com/opros/opros/site/invite"
)

func init() {
	register(&command{
		name: "invite",
		args: "--survey SURVEY --list INVITEES.csv [--keys FILE] [--base URL] [--expires YYYY-MM-DD] -o LINKS.csv",
		short: localize.Phrase{
			En: "make one signed link per invitee from an invitation list",
			Ru: "создать по подписанной ссылке на каждого приглашённого из списка",
		},
		long: localize.Phrase{
			En: "Invite reads INVITEES.csv, one row per invitee with a header row: a column per hidden field\n(by its id or param: company, segment, …), and optionally email, name and invitation (an id of\nyour own; otherwise a random one). Every row must name the participant (the benchmark's\nparticipant field) unless the field has a default. An unknown column, a missing participant,\na repeated invitation id or a value with spaces at its ends, a control character or more than\n200 characters is an error naming the row and column, and nothing is written.\nEach invitee gets a link to the form (--base, by default the collector's form of the first\nlanguage at the endpoint's host) with its hidden values, an invitation id (inv), a signature\n(sig) and, with --expires, the last day it works (exp, UTC). The signature is HMAC-SHA256 over\nthe survey id, the invitation id, the expiry and every hidden value, keyed by the secret in\n--keys (default: SURVEY-ID.invite-keys.json in the current folder, made 0600 on first use):\nkeep that file out of the survey folder and give it to opros collect and opros ingest, which\nrefuse an answer whose link was altered, signed with another key or expired. Replacing the file\ninvalidates every link made with it.\nLINKS.csv gets the invitation id, the link, the expiry and the list's columns; LINKS.md lists the\nsame per participant, to print or send. Both hold e-mails and names and are written 0600.\nExit code 0 when the links were written, 1 when the list has problems, 2 for a wrong command line.",
			Ru: "Читает INVITEES.csv — по строке на приглашённого, с заголовком: по столбцу на скрытое поле\n(по его id или param: company, segment, …) и по желанию email, name и invitation (свой id\nприглашения; иначе случайный). В каждой строке должен быть участник (поле participant\nбенчмарка), если у поля нет значения по умолчанию. Неизвестный столбец, пропущенный участник,\nповторный id приглашения или значение с пробелами по краям, управляющим символом или длиннее\n200 символов — ошибка с номером строки и столбцом, и ничего не пишется.\nКаждый приглашённый получает ссылку на форму (--base, по умолчанию форма сборщика на первом\nязыке на хосте endpoint) со скрытыми значениями, id приглашения (inv), подписью (sig) и, с\n--expires, последним днём действия (exp, UTC). Подпись — HMAC-SHA256 по id анкеты, id\nприглашения, сроку и всем скрытым значениям на секрете из --keys (по умолчанию\nID-АНКЕТЫ.invite-keys.json в текущей папке, создаётся с правами 0600 при первом запуске):\nхраните этот файл вне папки анкеты и передайте opros collect и opros ingest — они отклонят\nответ по изменённой, подписанной другим ключом или просроченной ссылке. Замена файла делает\nнедействительными все ссылки, подписанные им.\nВ LINKS.csv пишутся id приглашения, ссылка, срок и столбцы списка; в LINKS.md — то же по\nучастникам, для печати или рассылки. В обоих есть e-mail и имена, права файлов 0600.\nКод выхода 0, если ссылки записаны; 1 — в списке ошибки; 2 — ошибка в командной строке.",
		},
		setup: func(fs *flag.FlagSet) func(*env, []string) int {
			o := &inviteOpts{}
			fs.StringVar(&o.survey, "survey", "", "the survey (.hcl file or folder)")
			fs.StringVar(&o.list, "list", "", "invitation list (CSV: hidden fields, email, name, invitation)")
			fs.StringVar(&o.keys, "keys", "", "invitation keys file (default: SURVEY-ID.invite-keys.json)")
			fs.StringVar(&o.base, "base", "", "the form's URL the links point to (default: the collector's form at the endpoint's host)")
			fs.StringVar(&o.expires, "expires", "", "last day the links work, YYYY-MM-DD (UTC)")
			fs.StringVar(&o.out, "o", "links.csv", "output CSV of links (and beside it the same .md)")
			return func(e *env, args []string) int {
				if len(args) > 0 {
					fmt.Fprintf(e.stderr, msg(e, msgExtraArgs), "invite", strings.Join(args, " "))
					return exitUsage
				}
				return o.run(e)
			}
		},
	})
}

type inviteOpts struct {
	survey, list, keys, base, expires, out string
	now                                    func() time.Time
}

// invitee is one row of the list.
type invitee struct {
	row         int               // line in the list, header = 1
	hidden      map[string]string // by hidden field id, as given
	email, name string
	id          string
	link        string
}

func (o *inviteOpts) run(e *env) int {
	if o.survey == "" || o.list == "" {
		fmt.Fprint(e.stderr, msg(e, msgInviteArgs))
		return exitUsage
	}
	now := time.Now
	if o.now != nil {
		now = o.now
	}
	if o.expires != "" {
		end, err := invite.ParseExpiry(o.expires)
		if err != nil {
			fmt.Fprintf(e.stderr, msg(e, msgInviteBadExpiry), o.expires)
			return exitUsage
		}
		if !now().Before(end) {
			fmt.Fprintf(e.stderr, msg(e, msgInvitePastExpiry), o.expires)
			return exitUsage
		}
	}
	s, ok := loadSurvey(e, o.survey)
	if !ok {
		return exitInput
	}
	if s.Invitations == nil {
		fmt.Fprintf(e.stderr, msg(e, msgInviteNoBlock), s.ID)
		return exitInput
	}
	base := o.base
	if base == "" {
		u, err := url.Parse(s.Endpoint.URL)
		if err != nil {
			printErr(e, "invite", err)
			return exitInput
		}
		base = u.Scheme + "://" + u.Host + "/" + s.ID + "/" + s.Languages[0] + "/"
	} else if u, err := url.Parse(base); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		fmt.Fprintf(e.stderr, msg(e, msgInviteBadBase), base)
		return exitUsage
	}
	keysPath := o.keys
	if keysPath == "" {
		keysPath = s.ID + ".invite-keys.json"
	}
	if inside(keysPath, o.survey) {
		fmt.Fprintf(e.stderr, msg(e, msgInviteKeysInside), keysPath, o.survey)
		return exitUsage
	}
	raw, err := os.ReadFile(o.list)
	if err != nil {
		printErr(e, "invite", err)
		return exitInput
	}
	people, problems := readInvitees(e, s, o.list, raw)
	if len(problems) > 0 {
		for _, p := range problems {
			fmt.Fprint(e.stderr, p)
		}
		fmt.Fprintf(e.stderr, msg(e, msgInviteNotWritten), len(problems))
		return exitInput
	}
	key, created, err := invite.LoadOrCreate(keysPath)
	if err != nil {
		printErr(e, "invite", err)
		return exitInput
	}
	if created {
		fmt.Fprintf(e.stderr, msg(e, msgInviteKeysNew), keysPath)
	}
	for i := range people {
		p := &people[i]
		if p.id == "" {
			p.id = invite.NewID()
		}
		inv := answer.Invitation{ID: p.id, Expires: o.expires}
		inv.Sig = key.Sign(invite.Signed{Survey: s.ID, ID: p.id, Expires: o.expires, Hidden: invite.FormValues(s, p.hidden)})
		if p.link, err = invite.Link(base, s, inv, p.hidden); err != nil {
			printErr(e, "invite", err)
			return exitInput
		}
	}
	mdPath := strings.TrimSuffix(o.out, filepath.Ext(o.out)) + ".md"
	if err := writePrivate(o.out, linksCSV(s, people, o.expires)); err != nil {
		printErr(e, "invite", err)
		return exitInput
	}
	if err := writePrivate(mdPath, linksMarkdown(e, s, people, o.expires)); err != nil {
		printErr(e, "invite", err)
		return exitInput
	}
	fmt.Fprintf(e.stdout, msg(e, msgInviteDone), len(people), o.out, mdPath, keysPath)
	return exitOK
}

// inside tells whether path lies in the survey's folder (or next to the
// survey file), where a build or a copy of the folder could take it along.
func inside(path, survey string) bool {
	dir := survey
	if st, err := os.Stat(survey); err == nil && !st.IsDir() {
		dir = filepath.Dir(survey)
	}
	absDir, err1 := filepath.Abs(dir)
	absPath, err2 := filepath.Abs(path)
	if err1 != nil || err2 != nil {
		return false
	}
	rel, err := filepath.Rel(absDir, absPath)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// readInvitees reads and checks the list; problems are whole lines for
// stderr, every one of them, in row order.
func readInvitees(e *env, s *ir.Survey, path string, raw []byte) ([]invitee, []string) {
	raw = bytes.TrimPrefix(raw, []byte("\ufeff")) // spreadsheets save CSV with a BOM
	r := csv.NewReader(bytes.NewReader(raw))
	r.FieldsPerRecord = 0
	var problems []string
	say := func(id msgID, args ...any) { problems = append(problems, fmt.Sprintf(msg(e, id), args...)) }
	header, err := r.Read()
	if err == io.EOF {
		say(msgInviteEmpty, path)
		return nil, problems
	}
	if err != nil {
		say(msgInviteCSV, path, err)
		return nil, problems
	}
	byName := map[string]string{} // column → hidden field id
	var names []string
	for _, h := range s.Hidden {
		byName[h.ID], byName[h.Param] = h.ID, h.ID
		names = append(names, h.ID)
	}
	kind := make([]string, len(header)) // hidden field id, or "email", "name", "invitation"
	seen := map[string]int{}
	for i, col := range header {
		col = strings.TrimSpace(col)
		switch {
		case col == "email" || col == "name" || col == "invitation":
			kind[i] = col
		case byName[col] != "":
			kind[i] = byName[col]
		default:
			say(msgInviteUnknownCol, path, i+1, col, strings.Join(names, ", "))
			continue
		}
		if first, twice := seen[kind[i]]; twice {
			say(msgInviteColTwice, path, i+1, col, first+1)
		}
		seen[kind[i]] = i
	}
	if len(problems) > 0 {
		return nil, problems
	}
	participant := participantField(s)
	var partDefault string
	for _, h := range s.Hidden {
		if h.ID == participant {
			partDefault = h.Default
		}
	}
	ids := map[string]int{}
	var people []invitee
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		line, _ := r.FieldPos(0)
		if err != nil {
			say(msgInviteCSV, path, err)
			break
		}
		p := invitee{row: line, hidden: map[string]string{}}
		for i, v := range rec {
			if i >= len(kind) {
				break
			}
			if why, bad := badValue(v); bad && v != "" {
				say(msgInviteBadValue, path, line, header[i], msg(e, why))
				continue
			}
			switch kind[i] {
			case "email":
				if v != "" && (!strings.Contains(v, "@") || strings.ContainsAny(v, " ,;<>")) {
					say(msgInviteBadValue, path, line, header[i], msg(e, msgInviteNotEmail))
				}
				p.email = v
			case "name":
				p.name = v
			case "invitation":
				if v != "" && !invite.ValidID(v) {
					say(msgInviteBadValue, path, line, header[i], msg(e, msgInviteBadID))
				} else if first, twice := ids[v]; twice && v != "" {
					say(msgInviteIDTwice, path, line, header[i], v, first)
				} else if v != "" {
					ids[v] = line
				}
				p.id = v
			default:
				if v != "" {
					p.hidden[kind[i]] = v
				}
			}
		}
		if participant != "" && p.hidden[participant] == "" && partDefault == "" {
			col := participant
			for i, k := range kind {
				if k == participant {
					col = header[i]
				}
			}
			say(msgInviteNoPartic, path, line, col)
		}
		people = append(people, p)
	}
	if len(people) == 0 && len(problems) == 0 {
		say(msgInviteEmpty, path)
	}
	return people, problems
}

// participantField is the hidden field naming the participant: the
// benchmark's, or the one with role "participant"; "" when none.
func participantField(s *ir.Survey) string {
	if s.Bench.Participant != "" {
		return s.Bench.Participant
	}
	for _, h := range s.Hidden {
		if h.Role == "participant" {
			return h.ID
		}
	}
	return ""
}

// badValue says what is wrong with a list's value, if anything.
func badValue(v string) (why msgID, bad bool) {
	switch {
	case !utf8.ValidString(v):
		return msgInviteNotUTF8, true
	case strings.TrimSpace(v) != v:
		return msgInviteSpaces, true
	case utf8.RuneCountInString(v) > 200:
		return msgInviteTooLong, true
	case strings.ContainsFunc(v, unicode.IsControl):
		return msgInviteControl, true
	}
	return 0, false
}

// linksCSV writes the links with the list's columns: invitation, link,
// expires, the hidden fields in the survey's order, email, name.
func linksCSV(s *ir.Survey, people []invitee, expires string) []byte {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	head := []string{"invitation", "link", "expires"}
	for _, h := range s.Hidden {
		head = append(head, h.ID)
	}
	_ = w.Write(append(head, "email", "name"))
	for _, p := range people {
		rec := []string{p.id, p.link, expires}
		for _, h := range s.Hidden {
			rec = append(rec, p.hidden[h.ID])
		}
		_ = w.Write(append(rec, p.email, p.name))
	}
	w.Flush()
	return b.Bytes()
}

// linksMarkdown lists the links per participant, in the participant's
// name order, each invitee in list order.
func linksMarkdown(e *env, s *ir.Survey, people []invitee, expires string) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, msg(e, msgInviteMDTitle), s.Title.Get(s.Languages[0]), s.ID)
	if expires != "" {
		fmt.Fprintf(&b, msg(e, msgInviteMDExpires), expires)
	}
	groups := map[string][]invitee{}
	for _, p := range people {
		k := p.hidden[participantField(s)]
		groups[k] = append(groups[k], p)
	}
	keys := make([]string, 0, len(groups))
	for k := range groups {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	cell := func(v string) string { return strings.NewReplacer("|", `\|`, "\n", " ").Replace(v) }
	for _, k := range keys {
		if participantField(s) != "" {
			name := k
			if name == "" {
				name = msg(e, msgInviteMDDefault)
			}
			fmt.Fprintf(&b, "\n## %s\n", cell(name))
		}
		fmt.Fprintf(&b, "\n%s\n|---|---|---|---|\n", msg(e, msgInviteMDHead))
		for _, p := range groups[k] {
			fmt.Fprintf(&b, "| %s | %s | %s | <%s> |\n", cell(p.name), cell(p.email), p.id, p.link)
		}
	}
	return b.Bytes()
}

// writePrivate writes a file only its owner can read, whole or not at all.
func writePrivate(path string, data []byte) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(dir, ".invite-*.tmp")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if err := tmp.Chmod(0o600); err != nil {
		tmp.Close()
		return err
	}
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return errors.Join(err, os.Remove(tmp.Name()))
	}
	return nil
}
