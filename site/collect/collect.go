// Package collect is `opros collect`: a ready endpoint for the forms. It
// validates every submission against the survey, appends valid ones to a
// durable append-only log and acknowledges them only once they are on disk,
// keeps invalid ones with the reasons, stores a response once whatever the
// number of retries, and survives a crash at any moment without losing an
// acknowledged answer.
//
// Files, in DIR/<survey-id>/:
//
//	answers.ndjson  {"received_at": RFC 3339, "submission": {…}} per line (what ingest reads)
//	rejects.ndjson  {"received_at", "reason", "errors", "body" or "body_base64"} per line, capped per day
//	spam.ndjson     honeypot hits, kept apart, capped per day
//	*.dropped.json  lines over a side log's daily cap, counted by UTC day (sidelog.go)
//	torn-*.ndjson   lines of answers.ndjson found unreadable at start-up, set aside (recover.go)
//	collect.lock    held (flock) by the running collector: one collector per folder (lock.go)
package collect

import (
	"bufio"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"io"
	"net/http"
	"net/netip"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/opros/opros/compiler/ir"
	"github.com/opros/opros/compiler/localize"
	"github.com/opros/opros/site/answer"
	"github.com/opros/opros/site/invite"
)

// Options configure a collector.
type Options struct {
	DataDir      string
	FormsDir     string   // served at / when set (the output of opros build)
	AllowOrigins []string // CORS; empty = any origin ("*": answers carry no credentials)
	MaxBody      int64    // bytes; 0 = 1 MiB
	RatePerMin   int      // submissions per client IP per minute; 0 = 120
	Addr         string   // where the collector listens, for the lock file (a second collector names it)
	Now          func() time.Time

	// TrustedProxies are the peers whose X-Forwarded-For names the client
	// (see clientIP); from any other peer the header is ignored.
	TrustedProxies []netip.Prefix
	// SideLogCap is how many bytes rejects.ndjson and spam.ndjson may each
	// grow per UTC day; 0 = DefaultSideLogCap, negative = no cap. Lines
	// over it are counted, not written (sidelog.go).
	SideLogCap int64
	// SideLogFull, when set, is told the first time in a UTC day that a
	// side log drops a line.
	SideLogFull func(path, day string, capBytes int64)
	// Invitations is the key invitation links were signed with (opros
	// invite); required for a survey with an invitations block, whose
	// answers are refused (403, kept in rejects.ndjson) unless their
	// invitation verifies (site/invite).
	Invitations *invite.Key
}

// Server is a collector for one survey.
type Server struct {
	s    *ir.Survey
	opts Options
	dir  string

	// mu guards the index of stored and in-flight response ids and the
	// counts; the log file itself belongs to the writer goroutine.
	mu       sync.Mutex
	seen     map[string]bool
	inflight map[string]chan struct{}
	counts   map[string]int // by language

	log      *os.File
	logSize  int64
	queue    chan *pending
	writerWG sync.WaitGroup

	// closed is set under mu when Close begins; storing counts the
	// stores in flight, which Close waits for before it stops the writer,
	// so a handler still reading a slow body when the server gives up on
	// it gets an error (503), never a send on a closed queue.
	closed  bool
	storing sync.WaitGroup
	syncLog func(*os.File) error // (*os.File).Sync; a test makes it fail
	// logDirty: the log may hold bytes of a failed batch past logSize,
	// which the writer could not truncate yet; until it can, it stores
	// nothing and /healthz says so.
	logDirty atomic.Bool
	truncLog func(*os.File, int64) error // (*os.File).Truncate; a test makes it fail

	closeOnce sync.Once
	closeErr  error

	lock     *os.File // the data folder's lock (lock.go)
	recovery Recovery

	sideMu  sync.Mutex // rejects and spam
	rejects *os.File
	spam    *os.File

	rejectsLog, spamLog *sideLog // their daily caps and drop counts

	started *startedLog // invitations whose form page was served (started.go); nil without invitations or forms

	rateMu    sync.Mutex
	rate      map[string][]time.Time
	rateSwept time.Time
}

// pending is one answer waiting for the writer to put it on disk.
type pending struct {
	line []byte
	done chan error
}

// New takes the data folder's lock and opens (or creates) the survey's
// log, recovering from a crash: every line that does not read as a stored
// answer is set aside and the rest kept (Recovered says what was done).
func New(s *ir.Survey, opts Options) (*Server, error) {
	if opts.MaxBody <= 0 {
		opts.MaxBody = 1 << 20
	}
	if opts.RatePerMin <= 0 {
		opts.RatePerMin = 120
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.SideLogCap == 0 {
		opts.SideLogCap = DefaultSideLogCap
	}
	if s.Invitations != nil && opts.Invitations == nil {
		return nil, errorText.Errorf(errInvitationKey, s.ID)
	}
	srv := &Server{s: s, opts: opts, dir: filepath.Join(opts.DataDir, s.ID),
		seen: map[string]bool{}, inflight: map[string]chan struct{}{}, counts: map[string]int{},
		rate: map[string][]time.Time{}, queue: make(chan *pending, 1024), syncLog: syncFile, truncLog: truncateFile}
	if err := os.MkdirAll(srv.dir, 0o755); err != nil {
		return nil, err
	}
	var err error
	if srv.lock, err = lockDir(srv.dir, opts.Addr, opts.Now()); err != nil {
		return nil, err
	}
	// Until the writer runs, an error closes what was opened and frees the
	// folder for the next try.
	opened := func(err error) (*Server, error) {
		for _, f := range []*os.File{srv.log, srv.rejects, srv.spam} {
			if f != nil {
				f.Close()
			}
		}
		return nil, errors.Join(err, srv.started.close(), unlockDir(srv.lock))
	}
	if err := srv.recoverLog(); err != nil {
		return opened(err)
	}
	if srv.log, err = openAppend(filepath.Join(srv.dir, answer.LogFile)); err != nil {
		return opened(err)
	}
	if st, err := srv.log.Stat(); err == nil {
		srv.logSize = st.Size()
	}
	if srv.rejects, err = openAppend(filepath.Join(srv.dir, answer.RejectsFile)); err != nil {
		return opened(err)
	}
	if srv.spam, err = openAppend(filepath.Join(srv.dir, answer.SpamFile)); err != nil {
		return opened(err)
	}
	if srv.rejectsLog, err = newSideLog(srv.rejects, srv.dir, "rejects", opts.SideLogCap, opts.Now()); err != nil {
		return opened(err)
	}
	if srv.spamLog, err = newSideLog(srv.spam, srv.dir, "spam", opts.SideLogCap, opts.Now()); err != nil {
		return opened(err)
	}
	if s.Invitations != nil && opts.FormsDir != "" {
		if srv.started, err = openStarted(srv.dir); err != nil {
			return opened(err)
		}
	}
	srv.writerWG.Add(1)
	go srv.writer()
	return srv, nil
}

// LogPath is the answers log the collector appends to.
func (srv *Server) LogPath() string { return filepath.Join(srv.dir, answer.LogFile) }

// writer is the only goroutine that touches the answers log. It takes every
// answer queued while the previous fsync ran and stores them with one write
// and one fsync (group commit): under load the cost of an fsync is shared by
// many answers, and none is acknowledged before it is on disk.
func (srv *Server) writer() {
	defer srv.writerWG.Done()
	var buf []byte
	for p := range srv.queue {
		batch := []*pending{p}
	drain:
		for len(batch) < cap(srv.queue) {
			select {
			case q, ok := <-srv.queue:
				if !ok {
					break drain
				}
				batch = append(batch, q)
			default:
				break drain
			}
		}
		buf = buf[:0]
		for _, q := range batch {
			buf = append(buf, q.line...)
		}
		var err error
		if srv.logDirty.Load() {
			// An earlier failed batch could not be cut off the log: append
			// nothing after it until it can.
			err = srv.cutLog()
		}
		if err == nil {
			_, err = srv.log.Write(buf)
		}
		if err == nil {
			err = srv.syncLog(srv.log)
		}
		if err == nil {
			srv.logSize += int64(len(buf))
		} else if !srv.logDirty.Load() {
			// Nothing of a failed batch is acknowledged, so nothing of it
			// may stay in the log to be counted twice after a retry.
			srv.logDirty.Store(true)
			_ = srv.cutLog()
		}
		for _, q := range batch {
			q.done <- err
		}
	}
}

// cutLog truncates the log to its acknowledged bytes.
func (srv *Server) cutLog() error {
	err := srv.truncLog(srv.log, srv.logSize)
	if err == nil {
		srv.logDirty.Store(false)
	}
	return err
}

func openAppend(path string) (*os.File, error) {
	return os.OpenFile(path, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
}

// Close stops the writer, closes the log files and releases the data
// folder. Answers being stored are stored (and acknowledged) first; a
// handler that reaches store afterwards, such as one that was still
// reading a slow body when the HTTP server stopped waiting, gets an error
// and answers 503. Closing twice is harmless.
func (srv *Server) Close() error {
	srv.closeOnce.Do(func() {
		srv.mu.Lock()
		srv.closed = true
		srv.mu.Unlock()
		srv.storing.Wait()
		close(srv.queue)
		srv.writerWG.Wait()
		srv.sideMu.Lock()
		defer srv.sideMu.Unlock()
		srv.closeErr = errors.Join(srv.log.Close(), srv.saveSideCounts(), srv.rejects.Close(), srv.spam.Close(), srv.started.close(), unlockDir(srv.lock))
	})
	return srv.closeErr
}

// Handler serves POST /submit, GET /healthz, GET /stats and, with FormsDir,
// the forms themselves.
func (srv *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("/submit", srv.submit)
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		if srv.logDirty.Load() {
			writeJSON(w, http.StatusServiceUnavailable, map[string]any{"ok": false,
				"error": "a failed write could not be cut off the answers log; answers are refused (503) until it can"})
			return
		}
		writeJSON(w, http.StatusOK, map[string]any{"ok": true})
	})
	mux.HandleFunc("GET /stats", srv.stats)
	if srv.opts.FormsDir != "" {
		mux.Handle("/", srv.forms())
	}
	return mux
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

func (srv *Server) cors(w http.ResponseWriter, r *http.Request) bool {
	origin := r.Header.Get("Origin")
	if origin == "" {
		return true
	}
	allowed := len(srv.opts.AllowOrigins) == 0
	for _, o := range srv.opts.AllowOrigins {
		allowed = allowed || o == origin || o == "*"
	}
	if !allowed {
		return false
	}
	if len(srv.opts.AllowOrigins) == 0 {
		w.Header().Set("Access-Control-Allow-Origin", "*")
	} else {
		w.Header().Set("Access-Control-Allow-Origin", origin)
		w.Header().Add("Vary", "Origin")
	}
	w.Header().Set("Access-Control-Allow-Methods", "POST, OPTIONS")
	w.Header().Set("Access-Control-Allow-Headers", "Content-Type")
	w.Header().Set("Access-Control-Max-Age", "600")
	return true
}

func (srv *Server) submit(w http.ResponseWriter, r *http.Request) {
	// The form without JavaScript asks the browser to send its whole
	// address, signed invitation included, as the Referer (form.qtpl); a
	// redirect from here must not pass it on.
	w.Header().Set("Referrer-Policy", "strict-origin-when-cross-origin")
	if !srv.cors(w, r) {
		writeJSON(w, http.StatusForbidden, map[string]any{"ok": false, "error": "origin not allowed"})
		return
	}
	if r.Method == http.MethodOptions {
		w.WriteHeader(http.StatusNoContent)
		return
	}
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", "POST, OPTIONS")
		writeJSON(w, http.StatusMethodNotAllowed, map[string]any{"ok": false, "error": "use POST"})
		return
	}
	if !srv.allow(srv.clientIP(r)) {
		w.Header().Set("Retry-After", "60")
		writeJSON(w, http.StatusTooManyRequests, map[string]any{"ok": false, "error": "too many submissions from this address; try again in a minute"})
		return
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, srv.opts.MaxBody))
	if tooLarge := new(http.MaxBytesError); errors.As(err, &tooLarge) {
		writeJSON(w, http.StatusRequestEntityTooLarge, map[string]any{"ok": false, "error": fmt.Sprintf("the submission is larger than %d bytes", srv.opts.MaxBody)})
		return
	} else if err != nil {
		// The body stopped short: the connection broke, or the client was
		// slower than the server's read timeout. Nothing was stored.
		writeJSON(w, http.StatusBadRequest, map[string]any{"ok": false, "error": "the submission arrived incomplete; please retry"})
		return
	}
	ctype := r.Header.Get("Content-Type")
	isForm := strings.HasPrefix(ctype, "application/x-www-form-urlencoded") || strings.HasPrefix(ctype, "multipart/form-data")
	var sub *answer.Submission
	if isForm {
		vals, perr := formValues(ctype, body)
		if perr != nil {
			srv.reject(w, r, body, []answer.FieldError{{Field: "body", Code: "unreadable", Reason: perr.Error()}}, isForm)
			return
		}
		sub = answer.DecodeForm(vals, srv.s)
		if sub.ResponseID == "" {
			// The no-JavaScript form cannot make an id; the server does.
			sub.ResponseID = "nojs-" + randomID()
		}
		invite.FromLink(srv.s, sub, r.Referer())
		if sub.Invitation != nil && sub.Invitation.Expires != "" && sub.SubmittedAt == "" {
			// The form without JavaScript cannot stamp its time; ingest
			// checks the expiry against it, so the arrival stands in.
			sub.SubmittedAt = srv.now()
		}
	} else {
		sub, err = answer.DecodeJSON(body)
		if err != nil {
			srv.reject(w, r, body, answer.Problems(err, "body"), isForm)
			return
		}
	}
	if sub.Honeypot != "" {
		srv.appendSide(srv.spamLog, sideRecord{}, body)
		srv.ack(w, r, sub, false, isForm) // a bot learns nothing
		return
	}
	if errs := answer.Validate(srv.s, sub); len(errs) > 0 || sub.Version != srv.s.Hash {
		if sub.Version != srv.s.Hash {
			errs = append(errs, answer.FieldError{Field: "version", Code: "wrong_version",
				Reason: "the form was built from another version of the survey; rebuild and redeploy the forms"})
		}
		srv.reject(w, r, body, errs, isForm)
		return
	}
	if errs := invite.Check(srv.s, srv.opts.Invitations, sub, srv.opts.Now()); len(errs) > 0 {
		srv.refuse(w, r, body, errs, isForm, http.StatusForbidden)
		return
	}
	line, _ := json.Marshal(answer.LogLine{ReceivedAt: srv.now(), Submission: sub})
	dup, err := srv.store(sub, append(line, '\n'))
	if err != nil {
		writeJSON(w, http.StatusServiceUnavailable, map[string]any{"ok": false, "error": "could not store the answer; please retry"})
		return
	}
	srv.ack(w, r, sub, dup, isForm)
}

// store puts one answer on disk unless its response id is already there,
// and reports whether it was a duplicate. Two requests with the same id at
// once (a retry racing a slow first attempt) are stored once: the second
// waits for the first and then sees it stored.
func (srv *Server) store(sub *answer.Submission, line []byte) (dup bool, err error) {
	id := sub.ResponseID
	for {
		srv.mu.Lock()
		if srv.seen[id] {
			srv.mu.Unlock()
			return true, nil
		}
		if srv.closed {
			srv.mu.Unlock()
			return false, errClosed
		}
		wait, busy := srv.inflight[id]
		if !busy {
			break
		}
		srv.mu.Unlock()
		<-wait
	}
	done := make(chan struct{})
	srv.inflight[id] = done
	srv.storing.Add(1)
	defer srv.storing.Done()
	srv.mu.Unlock()

	p := &pending{line: line, done: make(chan error, 1)}
	srv.queue <- p
	err = <-p.done

	srv.mu.Lock()
	if err == nil {
		srv.seen[id] = true
		srv.counts[sub.Lang]++
	}
	delete(srv.inflight, id)
	close(done)
	srv.mu.Unlock()
	return false, err
}

func randomID() string {
	var b [12]byte
	_, _ = rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

func (srv *Server) now() string { return srv.opts.Now().UTC().Format(time.RFC3339Nano) }

func (srv *Server) reject(w http.ResponseWriter, r *http.Request, body []byte, errs []answer.FieldError, isForm bool) {
	srv.refuse(w, r, body, errs, isForm, http.StatusUnprocessableEntity)
}

// refuse keeps the post in rejects.ndjson with its reasons and answers
// status: 422 for answers that do not fit the survey, 403 for an
// invitation that does not verify.
func (srv *Server) refuse(w http.ResponseWriter, r *http.Request, body []byte, errs []answer.FieldError, isForm bool, status int) {
	srv.appendSide(srv.rejectsLog, sideRecord{Reason: "invalid", Errors: errs}, body)
	if isForm && strings.Contains(r.Header.Get("Accept"), "text/html") {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(status)
		var items strings.Builder
		form, _ := url.ParseQuery(string(body))
		for _, e := range errs {
			text := e.Field + ": " + e.Reason
			if own := ownMessage(srv.s, e, form); own != "" {
				text = own
			}
			items.WriteString("<li>" + html.EscapeString(text) + "</li>")
		}
		fmt.Fprintf(w, `<!doctype html><html><head><meta charset="utf-8"><title>Error / Ошибка</title></head><body><h1>The answers could not be accepted / Ответы не приняты</h1><ul>%s</ul><p>Go back with your browser's Back button: your answers are still in the form. / Вернитесь кнопкой «Назад» браузера: ответы сохранились в форме.</p></body></html>`, items.String())
		return
	}
	writeJSON(w, status, map[string]any{"ok": false, "errors": errs})
}

func (srv *Server) ack(w http.ResponseWriter, r *http.Request, sub *answer.Submission, dup, isForm bool) {
	if isForm && strings.Contains(r.Header.Get("Accept"), "text/html") {
		lang := sub.Lang
		thanks := answer.Piped(srv.s.ThankYou.Get(lang), srv.s, sub)
		// The ending reached, chosen as form.js chooses it: its redirect
		// is followed, or its text replaces the thank-you.
		if e := srv.s.Ending(answer.Ending(srv.s, sub)); e != nil {
			if e.Redirect != "" {
				http.Redirect(w, r, ir.RedirectURL(e.Redirect, sub.ResponseID, sub.Hidden), http.StatusSeeOther)
				return
			}
			if t := e.Text.Get(lang); t != "" {
				thanks = answer.Piped(t, srv.s, sub)
			}
		}
		if thanks == "" {
			thanks = thanksText.In(lang)
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, `<!doctype html><html lang="%s"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>%s</title></head><body><main><h1>%s</h1></main></body></html>`,
			html.EscapeString(lang), html.EscapeString(srv.s.Title.Get(lang)), html.EscapeString(thanks))
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"ok": true, "response_id": sub.ResponseID, "duplicate": dup})
}

func (srv *Server) stats(w http.ResponseWriter, r *http.Request) {
	srv.mu.Lock()
	langs := make([]string, 0, len(srv.counts))
	total := 0
	for l, n := range srv.counts {
		langs = append(langs, l)
		total += n
	}
	sort.Strings(langs)
	byLang := map[string]int{}
	for _, l := range langs {
		byLang[l] = srv.counts[l]
	}
	srv.mu.Unlock()
	out := map[string]any{"survey": srv.s.ID, "version": srv.s.Hash, "answers": total, "by_language": byLang}
	if srv.started != nil {
		out["started"] = srv.started.count()
	}
	srv.sideStats(out)
	writeJSON(w, http.StatusOK, out)
}

// ReadLog reads answers.ndjson (for tests and tools).
func ReadLog(path string) ([]answer.LogLine, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []answer.LogLine
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 8<<20)
	for sc.Scan() {
		var l answer.LogLine
		if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
			return out, fmt.Errorf("%s line %d: %w", path, len(out)+1, err)
		}
		out = append(out, l)
	}
	return out, sc.Err()
}

// thanksText is the collector's page after a form without JavaScript was
// sent, where the survey's ending gives no text of its own.
var thanksText = localize.Phrase{En: "Thank you! Your answers have been received.", Ru: "Спасибо! Ваши ответы получены."}
