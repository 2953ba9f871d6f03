package collect

import (
	"bufio"
	"encoding/json"
	"errors"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"sync"

	"github.com/opros/opros/site/answer"
	"github.com/opros/opros/site/invite"
)

// StartedFile is where a collector serving the forms of a survey with
// invitations notes each invitation whose form page it served through a
// link that verifies: the "started" of the response rates (opros rates
// and opros report --started). One line per invitation, the first time;
// a forged, altered or expired link is not noted. Forms on another host
// are not seen, so there started is not known.
const StartedFile = answer.StartedFile

// StartedLine is one line of started.ndjson.
type StartedLine struct {
	At         string `json:"at"` // when the page was first served, RFC 3339 UTC
	Invitation string `json:"invitation"`
}

// startedLog appends to started.ndjson, each invitation once.
type startedLog struct {
	mu   sync.Mutex
	f    *os.File
	seen map[string]bool
}

// openStarted reads the invitations already noted (a line that does not
// read, such as one a crash cut short, only means its invitation may be
// noted again) and opens the file for appending.
func openStarted(dir string) (*startedLog, error) {
	path := filepath.Join(dir, StartedFile)
	seen := map[string]bool{}
	f, err := os.Open(path)
	switch {
	case err == nil:
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			var l StartedLine
			if json.Unmarshal(sc.Bytes(), &l) == nil && l.Invitation != "" {
				seen[l.Invitation] = true
			}
		}
		err = sc.Err()
		f.Close()
		if err != nil {
			return nil, err
		}
	case !errors.Is(err, fs.ErrNotExist):
		return nil, err
	}
	out, err := openAppend(path)
	if err != nil {
		return nil, err
	}
	return &startedLog{f: out, seen: seen}, nil
}

// noteStarted notes the invitation of a form page's link when it verifies
// now, against the hidden values the form will send (the link's, or the
// field's default).
func (srv *Server) noteStarted(r *http.Request) {
	if srv.started == nil {
		return
	}
	q := r.URL.Query()
	inv := invite.FromQuery(q)
	if inv == nil || !invite.ValidID(inv.ID) {
		return
	}
	given := map[string]string{}
	for _, h := range srv.s.Hidden {
		given[h.ID] = q.Get(h.Param)
	}
	signed := invite.Signed{Survey: srv.s.ID, ID: inv.ID, Expires: inv.Expires, Hidden: invite.FormValues(srv.s, given)}
	now := srv.opts.Now()
	if srv.opts.Invitations.Verify(signed, inv.Sig, now) != nil {
		return
	}
	l := srv.started
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.seen[inv.ID] {
		return
	}
	line, _ := json.Marshal(StartedLine{At: now.UTC().Format("2006-01-02T15:04:05Z07:00"), Invitation: inv.ID})
	// A failed write leaves the invitation unnoted until its next page
	// load; the line is not fsynced: a crash may lose the last few, which
	// then count as started only if they answer.
	if _, err := l.f.Write(append(line, '\n')); err == nil {
		l.seen[inv.ID] = true
	}
}

// count is how many invitations have been noted.
func (l *startedLog) count() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.seen)
}

func (l *startedLog) close() error {
	if l == nil {
		return nil
	}
	return l.f.Close()
}
