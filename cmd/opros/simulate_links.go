package main

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"os"
	"strings"
	"time"

	"github.com/opros/opros/compiler/ir"
	"github.com/opros/opros/site/answer"
	"github.com/opros/opros/site/invite"
)

// simLink is one link of an invitation list as the form opened through it
// sends it back: the hidden values and the signed invitation.
type simLink struct {
	hidden map[string]string
	inv    *answer.Invitation
}

// answerThroughLinks makes simulated answers arrive through invitation
// links (opros simulate --links): each submission takes the next unused
// link of its wave's list (a list without YEAR= serves every wave) whose
// participant, segment and channel are its own, with that link's hidden
// values and signature, as a form opened through it would send. Links no
// answer took are the invitees who did not answer; a submission that finds
// no link left is left out. Both are counted for stderr.
func answerThroughLinks(s *ir.Survey, lists []string, simulated []byte, w io.Writer) (taken, left, unanswered int, err error) {
	pools := map[int]map[string][]simLink{} // wave → role values → links
	for _, arg := range lists {
		wave, path := yearOf(arg)
		links, err := readSimLinks(s, path)
		if err != nil {
			return 0, 0, 0, err
		}
		if pools[wave] == nil {
			pools[wave] = map[string][]simLink{}
		}
		for _, l := range links {
			k := roleKey(s, l.hidden)
			pools[wave][k] = append(pools[wave][k], l)
		}
	}
	sc := bufio.NewScanner(bytes.NewReader(simulated))
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for sc.Scan() {
		var sub answer.Submission
		if err := json.Unmarshal(sc.Bytes(), &sub); err != nil {
			return 0, 0, 0, err
		}
		wave := 0
		if t, err := time.Parse(time.RFC3339, sub.SubmittedAt); err == nil {
			wave = t.UTC().Year()
		}
		pool := pools[wave]
		if pool == nil {
			pool = pools[0]
		}
		k := roleKey(s, invite.FormValues(s, sub.Hidden))
		if len(pool[k]) == 0 {
			left++
			continue
		}
		l := pool[k][0]
		pool[k] = pool[k][1:]
		sub.Hidden, sub.Invitation = l.hidden, l.inv
		if err := enc.Encode(&sub); err != nil {
			return 0, 0, 0, err
		}
		taken++
	}
	for _, pool := range pools {
		for _, links := range pool {
			unanswered += len(links)
		}
	}
	return taken, left, unanswered, sc.Err()
}

// roleKey is a submission's participant, segment and channel values.
func roleKey(s *ir.Survey, hidden map[string]string) string {
	var parts []string
	for _, h := range s.Hidden {
		if h.Role != "" {
			parts = append(parts, hidden[h.ID])
		}
	}
	return strings.Join(parts, "\x00")
}

// readSimLinks reads the link column of opros invite's links file.
func readSimLinks(s *ir.Survey, path string) ([]simLink, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	col := -1
	for i := 0; len(rows) > 0 && i < len(rows[0]); i++ {
		if rows[0][i] == "link" {
			col = i
		}
	}
	if col < 0 {
		return nil, messages.Errorf(msgSimLinksNoColumn, path)
	}
	var out []simLink
	for i, r := range rows[1:] {
		if col >= len(r) {
			return nil, messages.Errorf(msgSimLinksNoLink, path, i+2)
		}
		u, err := url.Parse(r[col])
		if err != nil {
			return nil, fmt.Errorf("%s: line %d: %w", path, i+2, err)
		}
		q := u.Query()
		given := map[string]string{}
		for _, h := range s.Hidden {
			if v := q.Get(h.Param); v != "" {
				given[h.ID] = v
			}
		}
		inv := invite.FromQuery(q)
		if inv == nil {
			return nil, messages.Errorf(msgSimLinksNoInvitation, path, i+2)
		}
		out = append(out, simLink{hidden: invite.FormValues(s, given), inv: inv})
	}
	return out, nil
}
