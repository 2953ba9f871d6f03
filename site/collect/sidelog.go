package collect

import (
	"bufio"
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
	"io"
	"maps"
	"os"
	"path/filepath"
	"time"
	"unicode/utf8"

	"github.com/opros/opros/site/answer"
)

// DefaultSideLogCap is how much rejects.ndjson and spam.ndjson may each
// grow in one UTC day when Options.SideLogCap is 0.
const DefaultSideLogCap = 64 << 20

// sideLog is rejects.ndjson or spam.ndjson: posts the collector refused or
// set apart, kept for the researcher. A flood of bad posts must not fill
// the disk the answers are on, so each file grows at most cap bytes per UTC
// day; lines over the cap (or that could not be written) are not kept but
// counted by day, in NAME.dropped.json beside the log and in /stats, and
// the first drop of a day is said through Options.SideLogFull.
// Guarded by Server.sideMu.
type sideLog struct {
	f         *os.File // Server.rejects or Server.spam; Close closes it
	countPath string
	cap       int64

	day      string // UTC date that today counts
	today    int64  // bytes written on day
	stored   int    // lines in the file
	dropped  map[string]int
	warned   string    // the last day a drop was said
	dirty    bool      // dropped changed since it was saved
	savedAt  time.Time // when dropped was last saved
	lastSize int64     // the file's size after the last whole line
}

// newSideLog keeps the count for f, the open DIR/NAME.ndjson, and reads
// what the file already holds: its lines, and the bytes written on the
// current UTC day (lines are appended in time order), so a restart does not
// grant a new day's cap.
func newSideLog(f *os.File, dir, name string, limit int64, now time.Time) (*sideLog, error) {
	l := &sideLog{f: f, cap: limit, countPath: filepath.Join(dir, name+".dropped.json"),
		day: now.UTC().Format(time.DateOnly), dropped: map[string]int{}}
	data, err := os.ReadFile(l.countPath)
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		return nil, err
	}
	if err == nil {
		if err := json.Unmarshal(data, &l.dropped); err != nil {
			return nil, errorText.Errorf(errBadDropCounts, l.countPath, err)
		}
	}
	return l, l.scan()
}

// scan counts the file's lines and today's bytes, and ends a line torn
// by a crash mid-write so the next line does not glue onto it.
func (l *sideLog) scan() error {
	r, err := os.Open(l.f.Name())
	if err != nil {
		return err
	}
	defer r.Close()
	br := bufio.NewReaderSize(r, 1<<16)
	last := byte('\n')
	for {
		chunk, err := br.ReadSlice('\n')
		day, n := lineDay(chunk), int64(len(chunk))
		for errors.Is(err, bufio.ErrBufferFull) { // a long line: its start has the date
			chunk, err = br.ReadSlice('\n')
			n += int64(len(chunk))
		}
		if len(chunk) > 0 {
			last = chunk[len(chunk)-1]
		}
		if n > 0 && last == '\n' {
			l.stored++
		}
		if day == l.day {
			l.today += n
		}
		l.lastSize += n
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
		}
	}
	if last != '\n' {
		if _, err := l.f.Write([]byte{'\n'}); err != nil {
			return err
		}
		l.lastSize++
	}
	return nil
}

// lineDay is the UTC date a side-log line was received, from its first key.
func lineDay(line []byte) string {
	const key = `{"received_at":"`
	if !bytes.HasPrefix(line, []byte(key)) || len(line) < len(key)+10 {
		return ""
	}
	return string(line[len(key) : len(key)+10])
}

// write appends one line unless the day's cap is reached; it reports
// whether the line was kept and, when it was dropped, whether this is the
// day's first drop to be said.
func (l *sideLog) write(line []byte, now time.Time) (kept, firstDrop bool) {
	day := now.UTC().Format(time.DateOnly)
	if day != l.day {
		l.day, l.today = day, 0
	}
	if l.cap > 0 && l.today+int64(len(line)) > l.cap {
		return false, l.drop(day, now)
	}
	_, err := l.f.Write(line)
	if err == nil {
		err = l.f.Sync()
	}
	if err != nil {
		// A partial line would glue itself to the next one.
		_ = l.f.Truncate(l.lastSize)
		return false, l.drop(day, now)
	}
	l.lastSize += int64(len(line))
	l.today += int64(len(line))
	l.stored++
	return true, false
}

func (l *sideLog) drop(day string, now time.Time) (first bool) {
	l.dropped[day]++
	l.dirty = true
	first = l.warned != day
	l.warned = day
	// The count is saved at the first drop of a day and then at most every
	// ten seconds, not once per dropped line: a flood must not become a
	// flood of writes.
	if first || now.Sub(l.savedAt) >= 10*time.Second {
		_ = l.saveCounts(now)
	}
	return first
}

// saveCounts replaces NAME.dropped.json whole (write, sync, rename).
func (l *sideLog) saveCounts(now time.Time) error {
	data, _ := json.Marshal(l.dropped)
	tmp := l.countPath + ".tmp"
	f, err := os.Create(tmp)
	if err != nil {
		return err
	}
	_, err = f.Write(append(data, '\n'))
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, l.countPath)
	}
	if err != nil {
		_ = os.Remove(tmp)
		return err
	}
	l.dirty, l.savedAt = false, now
	return nil
}

// saveSideCounts saves the drop counts not saved yet (Close calls it with
// sideMu held).
func (srv *Server) saveSideCounts() error {
	var errs []error
	for _, l := range []*sideLog{srv.rejectsLog, srv.spamLog} {
		if l != nil && l.dirty {
			errs = append(errs, l.saveCounts(srv.opts.Now()))
		}
	}
	return errors.Join(errs...)
}

// SideLogStats is what /stats says of rejects.ndjson or spam.ndjson.
type SideLogStats struct {
	Stored       int            `json:"stored"`         // lines in the file
	Dropped      int            `json:"dropped"`        // lines not kept, every day
	DroppedByDay map[string]int `json:"dropped_by_day"` // UTC date → lines not kept
	CapPerDay    int64          `json:"cap_bytes_per_day"`
}

func (l *sideLog) stats() SideLogStats {
	s := SideLogStats{Stored: l.stored, DroppedByDay: maps.Clone(l.dropped), CapPerDay: l.cap}
	for _, n := range l.dropped {
		s.Dropped += n
	}
	return s
}

// sideRecord is one line of a side log. The body is kept exactly as
// sent: as text when it is UTF-8, in base64 otherwise (a JSON string
// cannot hold other bytes; they would be stored as U+FFFD). received_at
// comes first: start-up reads the day from the start of a line.
type sideRecord struct {
	ReceivedAt string              `json:"received_at"`
	Reason     string              `json:"reason,omitempty"`
	Errors     []answer.FieldError `json:"errors,omitempty"`
	Body       *string             `json:"body,omitempty"`
	BodyBase64 string              `json:"body_base64,omitempty"`
}

// appendSide writes one line to a side log (see sideLog) and says the
// day's first drop.
func (srv *Server) appendSide(l *sideLog, rec sideRecord, body []byte) {
	now := srv.opts.Now()
	rec.ReceivedAt = now.UTC().Format(time.RFC3339Nano)
	if utf8.Valid(body) {
		text := string(body)
		rec.Body = &text
	} else {
		rec.BodyBase64 = base64.StdEncoding.EncodeToString(body)
	}
	line, _ := json.Marshal(rec)
	line = append(line, '\n')
	srv.sideMu.Lock()
	_, first := l.write(line, now)
	srv.sideMu.Unlock()
	if first && srv.opts.SideLogFull != nil {
		srv.opts.SideLogFull(l.f.Name(), now.UTC().Format(time.DateOnly), l.cap)
	}
}

// sideStats adds the side logs' counts to /stats.
func (srv *Server) sideStats(out map[string]any) {
	srv.sideMu.Lock()
	defer srv.sideMu.Unlock()
	out["rejects"] = srv.rejectsLog.stats()
	out["spam"] = srv.spamLog.stats()
}
