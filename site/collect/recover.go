package collect

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"unicode/utf8"

	"github.com/opros/opros/site/answer"
)

// Recovery is what a collector found in its log on start.
type Recovery struct {
	Kept     int    // lines of the log kept: every line that reads as a stored answer
	SetAside int    // lines that do not, moved to File
	File     string // the torn-<unixnano>.ndjson they went to; "" when none was set aside
}

// SetAsideLine is one line of a torn-*.ndjson file: a line of the log
// that does not read as a stored answer, where it began in the log as it
// was (a byte offset), and its text without the newline, in Line, or in
// LineBase64 when it is not valid UTF-8, so that it is kept exactly.
type SetAsideLine struct {
	Offset     int64   `json:"offset"`
	Line       *string `json:"line,omitempty"`
	LineBase64 []byte  `json:"line_base64,omitempty"`
}

// Recovered says what New found in the log and set aside.
func (srv *Server) Recovered() Recovery { return srv.recovery }

// tempPattern names the copy of the log a recovery writes before it
// replaces the log; it does not end in .ndjson, so ingest never reads one
// left by a crash, and the next start removes it (the log it was copied
// from is still whole then).
const tempPattern = answer.LogFile + ".*.tmp"

// recoverLog reads the whole log, rebuilds the index of response ids and
// the counts from every line that reads as a stored answer, and moves
// every other line (an empty one, one cut short, a torn last line) to a
// torn-*.ndjson file. Only such lines move: an acknowledged answer was
// written whole and made durable before it was acknowledged, so it always
// reads, and every good line after a bad one stays where it is.
//
// The log is replaced by a copy without the bad lines only after the copy
// and the set-aside file are on disk (fsync), by a rename followed by an
// fsync of the folder, so a crash during recovery leaves either the old
// log or the new one, never less.
func (srv *Server) recoverLog() error {
	path := srv.LogPath()
	if stale, _ := filepath.Glob(filepath.Join(srv.dir, tempPattern)); len(stale) > 0 {
		for _, p := range stale {
			if err := os.Remove(p); err != nil {
				return err
			}
		}
	}
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	defer f.Close()

	type span struct{ start, end int64 }
	var (
		bad       []span
		torn      *os.File
		tornW     *bufio.Writer
		off       int64
		noNewline bool // the last line is good but lacks its newline
	)
	fail := func(err error) error {
		if torn != nil {
			torn.Close()
		}
		return errorText.Errorf(errRecoverFailed, path, err)
	}
	r := bufio.NewReaderSize(f, 1<<20)
	var dec answer.Decoder
	for {
		line, rerr := r.ReadBytes('\n')
		if rerr != nil && rerr != io.EOF {
			return fail(rerr)
		}
		if len(line) == 0 {
			break
		}
		text := bytes.TrimSuffix(line, []byte("\n"))
		// A line is kept when it reads as ingest reads the log.
		if sub, err := dec.DecodeLog(text); err == nil && sub.ResponseID != "" {
			srv.recovery.Kept++
			if id := sub.ResponseID; !srv.seen[id] {
				srv.seen[id] = true
				srv.counts[sub.Lang]++
			}
			dec.Release(sub)
			noNewline = len(text) == len(line)
		} else {
			if torn == nil {
				if torn, err = srv.createTorn(); err != nil {
					return fail(err)
				}
				tornW = bufio.NewWriter(torn)
			}
			if err := writeSetAside(tornW, off, text); err != nil {
				return fail(err)
			}
			bad = append(bad, span{off, off + int64(len(line))})
			srv.recovery.SetAside++
		}
		off += int64(len(line))
		if rerr == io.EOF {
			break
		}
	}
	if torn == nil {
		if noNewline {
			// A whole answer cut just before its newline (it was never
			// acknowledged, but it is whole): end the line, so the next
			// answer starts a line of its own.
			return appendNewline(path)
		}
		return nil
	}
	if err := tornW.Flush(); err != nil {
		return fail(err)
	}
	if err := torn.Sync(); err != nil {
		return fail(err)
	}
	if err := torn.Close(); err != nil {
		torn = nil
		return fail(err)
	}
	srv.recovery.File = torn.Name()
	torn = nil

	tmp, err := os.CreateTemp(srv.dir, tempPattern)
	if err != nil {
		return fail(err)
	}
	defer os.Remove(tmp.Name()) // gone by then when the rename succeeded
	w := bufio.NewWriterSize(tmp, 1<<20)
	var from int64
	for _, b := range append(bad, span{off, off}) {
		if _, err := io.Copy(w, io.NewSectionReader(f, from, b.start-from)); err != nil {
			tmp.Close()
			return fail(err)
		}
		from = b.end
	}
	if noNewline {
		w.WriteByte('\n')
	}
	err = w.Flush()
	if err == nil {
		if st, serr := f.Stat(); serr == nil {
			err = tmp.Chmod(st.Mode().Perm())
		}
	}
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err == nil {
		err = syncDir(srv.dir)
	}
	if err != nil {
		return fail(err)
	}
	return nil
}

// createTorn makes a new set-aside file named by the start time; it never
// overwrites an earlier one.
func (srv *Server) createTorn() (*os.File, error) {
	n := srv.opts.Now().UnixNano()
	for {
		f, err := os.OpenFile(filepath.Join(srv.dir, fmt.Sprintf("%s%d.ndjson", answer.TornPrefix, n)), os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o644)
		if !errors.Is(err, os.ErrExist) {
			return f, err
		}
		n++
	}
}

func writeSetAside(w io.Writer, offset int64, text []byte) error {
	l := SetAsideLine{Offset: offset}
	if utf8.Valid(text) {
		s := string(text)
		l.Line = &s
	} else {
		l.LineBase64 = text
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(l); err != nil {
		return err
	}
	_, err := w.Write(buf.Bytes())
	return err
}

func appendNewline(path string) error {
	f, err := openAppend(path)
	if err != nil {
		return err
	}
	_, err = f.Write([]byte("\n"))
	if err == nil {
		err = f.Sync()
	}
	return errors.Join(err, f.Close())
}

// syncDir makes a rename or a new file in dir durable.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	err = d.Sync()
	return errors.Join(err, d.Close())
}

// syncFile makes the log durable and truncateFile cuts a failed batch off
// it; export_test.go swaps them before New to make them fail.
var (
	syncFile     = (*os.File).Sync
	truncateFile = (*os.File).Truncate
)
