package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/opros/opros/compiler/localize"
	"github.com/opros/opros/render/form"
	"github.com/opros/opros/site/collect"
	"github.com/opros/opros/site/invite"
)

func init() {
	register(&command{
		name: "collect",
		args: "--survey SURVEY --data DIR [--addr HOST:PORT] [--forms DIR] [--allow-origin ORIGIN]... [--trust-proxy CIDR]...",
		short: localize.Phrase{
			En: "serve the forms and store their answers (a ready endpoint)",
			Ru: "раздавать формы и сохранять ответы (готовый приёмник)",
		},
		long: localize.Phrase{
			En: "Collect serves the survey's forms and accepts their submissions at /submit (JSON or\nform-urlencoded). Valid answers are appended to DIR/<survey-id>/answers.ndjson and\nacknowledged only once they are on disk; invalid ones get a 4xx with the reasons and are\nkept in rejects.ndjson. A response id is stored once however often it is sent.\nWithout --forms the forms are built on start with their endpoint set to this collector.\nBehind a proxy, --trust-proxy names it: the rate limit then counts the address it gives in\nX-Forwarded-For. rejects.ndjson and spam.ndjson grow at most --side-log-cap MiB a day each;\nwhat is over is counted (said once a day here, and in /stats), not kept.\nOne collector per data folder (it locks DIR/<survey-id>/collect.lock). On start, lines of the\nlog that do not read as answers are moved to torn-*.ndjson, with their offsets, and counted here.\nGET /healthz answers ok; GET /stats counts answers by language. Stop with Ctrl-C.",
			Ru: "Раздаёт формы анкеты и принимает ответы на /submit (JSON или form-urlencoded).\nВерные ответы дописываются в DIR/<id-анкеты>/answers.ndjson и подтверждаются только\nпосле записи на диск; неверные получают 4xx с причинами и сохраняются в rejects.ndjson.\nОтвет с одним id сохраняется один раз, сколько бы его ни присылали.\nБез --forms формы собираются при запуске и отправляют ответы этому приёмнику.\nЗа прокси укажите его в --trust-proxy: ограничение частоты тогда считает адрес, который он\nпередаёт в X-Forwarded-For. rejects.ndjson и spam.ndjson растут не больше чем на --side-log-cap МиБ\nв сутки каждый; сверх этого строки считаются (об этом сказано здесь раз в сутки и в /stats), но не сохраняются.\nС одной папкой данных работает один приёмник (он блокирует DIR/<id-анкеты>/collect.lock). При\nзапуске строки журнала, которые не читаются как ответы, переносятся в torn-*.ndjson со смещениями\nи подсчитываются здесь.\nGET /healthz — проверка, GET /stats — число ответов по языкам. Остановка — Ctrl-C.",
		},
		setup: func(fs *flag.FlagSet) func(*env, []string) int {
			o := &collectOpts{}
			fs.StringVar(&o.survey, "survey", "", "the survey (.hcl file or folder)")
			fs.StringVar(&o.data, "data", "data", "folder for the answer logs")
			fs.StringVar(&o.addr, "addr", "127.0.0.1:8080", "address to listen on (port 0 picks a free one)")
			fs.StringVar(&o.forms, "forms", "", "serve these built forms (opros build output) instead of building them")
			fs.Int64Var(&o.maxBody, "max-body", 1<<20, "largest accepted submission, bytes")
			fs.IntVar(&o.rate, "rate", 120, "submissions per client address per minute")
			fs.Func("allow-origin", "origin allowed to post from another host (repeatable; default any)", func(v string) error {
				o.origins = append(o.origins, strings.TrimRight(v, "/"))
				return nil
			})
			fs.Func("trust-proxy", "trusted proxy, CIDR or address (repeatable, or comma-separated)", func(v string) error {
				o.proxies = append(o.proxies, v)
				return nil
			})
			fs.StringVar(&o.keys, "keys", "", "invitation keys file the links were signed with (opros invite --keys)")
			fs.Int64Var(&o.sideCap, "side-log-cap", collect.DefaultSideLogCap>>20, "MiB that rejects.ndjson and spam.ndjson may each grow per UTC day (0 = no cap)")
			return func(e *env, args []string) int { return o.run(e, args) }
		},
	})
}

type collectOpts struct {
	survey, data, addr, forms string
	maxBody                   int64
	rate                      int
	origins                   []string
	proxies                   []string // --trust-proxy values as given
	sideCap                   int64    // MiB
	keys                      string   // invitation keys file
}

func (o *collectOpts) run(e *env, args []string) int {
	if o.survey == "" && len(args) == 1 {
		o.survey = args[0]
	} else if len(args) > 0 {
		fmt.Fprintf(e.stderr, msg(e, msgExtraArgs), "collect", strings.Join(args, " "))
		return exitUsage
	}
	if o.survey == "" {
		fmt.Fprint(e.stderr, msg(e, msgCollectArgs))
		return exitUsage
	}
	trusted, err := collect.ParseTrustedProxies(o.proxies)
	if err != nil {
		printErr(e, "collect", err)
		return exitUsage
	}
	sideCap := o.sideCap << 20
	if o.sideCap <= 0 {
		sideCap = -1 // no cap
	}
	s, ok := loadSurvey(e, o.survey)
	if !ok {
		return exitInput
	}
	var key *invite.Key
	if o.keys != "" {
		if key, err = invite.Open(o.keys); err != nil {
			printErr(e, "collect", err)
			return exitInput
		}
	}
	formsDir := o.forms
	if formsDir == "" {
		tmp, err := os.MkdirTemp("", "opros-collect-")
		if err != nil {
			printErr(e, "collect", err)
			return exitInput
		}
		defer os.RemoveAll(tmp)
		surveyDir := o.survey
		if info, err := os.Stat(surveyDir); err == nil && !info.IsDir() {
			surveyDir = filepath.Dir(surveyDir)
		}
		if _, err := form.Build(s, tmp, form.Options{SurveyDir: surveyDir, Endpoint: "/submit"}); err != nil {
			printErr(e, "collect", err)
			return exitInput
		}
		formsDir = tmp
	}
	// Listen first: the data folder's lock names the address, for the
	// message a second collector on the folder prints.
	ln, err := net.Listen("tcp", o.addr)
	if err != nil {
		printErr(e, "collect", err)
		return exitInput
	}
	var sayMu sync.Mutex // handlers say a full side log from their goroutines
	full := func(path, day string, capBytes int64) {
		sayMu.Lock()
		defer sayMu.Unlock()
		fmt.Fprintf(e.stderr, msg(e, msgSideLogFull), path, capBytes>>20, day)
	}
	srv, err := collect.New(s, collect.Options{DataDir: o.data, FormsDir: formsDir, AllowOrigins: o.origins, MaxBody: o.maxBody, RatePerMin: o.rate, Addr: ln.Addr().String(),
		TrustedProxies: trusted, SideLogCap: sideCap, SideLogFull: full, Invitations: key})
	if err != nil {
		ln.Close()
		printErr(e, "collect", err)
		return exitInput
	}
	if rec := srv.Recovered(); rec.SetAside > 0 {
		fmt.Fprintf(e.stderr, msg(e, msgCollectSetAside), rec.SetAside, srv.LogPath(), rec.File, rec.Kept)
	}
	// Ctrl-C stops the collector gracefully from the moment it says where
	// it listens.
	stop := make(chan os.Signal, 1)
	signal.Notify(stop, os.Interrupt, syscall.SIGTERM)
	defer signal.Stop(stop)
	hs := &http.Server{Handler: srv.Handler(), ReadHeaderTimeout: 10 * time.Second, ReadTimeout: time.Minute}
	base := "http://" + ln.Addr().String()
	// Tests and scripts find a port chosen by the system as the last word
	// of the first line, in either language.
	fmt.Fprintf(e.stdout, msg(e, msgListening), base)
	for _, lang := range s.Languages {
		fmt.Fprintf(e.stdout, msg(e, msgFormAt), lang, base+"/"+s.ID+"/"+lang+"/")
	}
	fmt.Fprintf(e.stdout, msg(e, msgAnswersAt), srv.LogPath())
	served := make(chan error, 1)
	go func() { served <- hs.Serve(ln) }()
	select {
	case err = <-served:
	case <-stop:
		const patience = 10 * time.Second
		ctx, cancel := context.WithTimeout(context.Background(), patience)
		err = hs.Shutdown(ctx)
		cancel()
		if errors.Is(err, context.DeadlineExceeded) {
			// A client still sending its body: cut it off. Its answer
			// was not acknowledged (srv.Close answers a store that comes
			// too late with 503), so it retries; nothing is lost.
			fmt.Fprintf(e.stderr, msg(e, msgCollectCutOff), patience)
			err = hs.Close()
		}
	}
	if cerr := srv.Close(); err == nil || errors.Is(err, http.ErrServerClosed) {
		err = cerr
	}
	if err != nil {
		printErr(e, "collect", err)
		return exitInput
	}
	return exitOK
}
