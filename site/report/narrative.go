package report

import (
	"bytes"
	"fmt"
	"html/template"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	texttemplate "text/template"

	"github.com/Masterminds/sprig/v3"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	gmhtml "github.com/yuin/goldmark/renderer/html"

	"github.com/opros/opros/compiler"
)

// Markdown is used from this one place. Survey text goes through the safe
// renderer (raw HTML omitted); the researcher's own narrative pages may
// hold HTML — our chart and table functions produce it.
var (
	safeMarkdown   = goldmark.New(goldmark.WithExtensions(extension.Table))
	trustedMarkdwn = goldmark.New(goldmark.WithExtensions(extension.Table), goldmark.WithRendererOptions(gmhtml.WithUnsafe()))
)

func markdownSafe(src string) template.HTML {
	if strings.TrimSpace(src) == "" {
		return ""
	}
	var buf bytes.Buffer
	if err := safeMarkdown.Convert([]byte(src), &buf); err != nil {
		return template.HTML(template.HTMLEscapeString(src)) //nolint:gosec // escaped
	}
	return template.HTML(buf.String()) //nolint:gosec // goldmark omits raw HTML by default
}

type narrative struct {
	path, title string
	body        template.HTML
}

// narrativePages renders the report's Markdown pages: first as a text
// template with sprig's functions and ours (narrativeFuncs), so the text
// quotes live numbers, then as Markdown.
func (l *lang) narrativePages() ([]narrative, error) {
	if l.s.Report == nil || len(l.s.Report.Pages) == 0 {
		return nil, nil
	}
	var out []narrative
	for _, rel := range l.s.Report.Pages {
		// opros check refuses a page outside the survey's folder; an IR
		// that did not come through it is held to the same.
		path, err := compiler.SurveyFile(l.cfg.SurveyDir, rel)
		var src []byte
		if err == nil {
			src, err = os.ReadFile(path)
		}
		if err != nil {
			return nil, errorText.Errorf(errNarrativePage, err)
		}
		html, title, err := l.renderNarrative(path, string(src))
		if err != nil {
			return nil, err
		}
		name := strings.TrimSuffix(filepath.Base(rel), filepath.Ext(rel))
		out = append(out, narrative{path: "page-" + name + ".html", title: title, body: html})
	}
	return out, nil
}

func (l *lang) renderNarrative(name, src string) (template.HTML, string, error) {
	t, err := texttemplate.New(filepath.Base(name)).Funcs(sprig.TxtFuncMap()).Funcs(l.narrativeFuncs()).Parse(src)
	if err != nil {
		return "", "", err
	}
	var md bytes.Buffer
	if err := t.Execute(&md, nil); err != nil {
		return "", "", err
	}
	title := filepath.Base(name)
	body := md.String()
	if first, rest, ok := strings.Cut(body, "\n"); ok && strings.HasPrefix(first, "# ") {
		title, body = strings.TrimPrefix(first, "# "), rest
	}
	var buf bytes.Buffer
	if err := trustedMarkdwn.Convert([]byte(body), &buf); err != nil {
		return "", "", err
	}
	return template.HTML(`<div class="prose">` + buf.String() + `</div>`), title, nil //nolint:gosec // researcher's own page
}

// narrativeFuncs are the template functions narrative pages may call, on
// top of sprig's; TestNarrativeFunctions renders a page with index_value,
// index_ci, n and table.
//
//	{{ index_value "nps" }}         the index in the latest wave, all respondents: "31.4"
//	{{ index_value "nps" "company=Acme" }}  …for a group
//	{{ index_ci "nps" }}            its 95% interval: "[24.1; 38.2]"
//	{{ n }}                         respondents in the data
//	{{ level "ccm" }}               the maturity level's title of an index
//	{{ chart "radar" }}             the maturity map (SVG)
//	{{ table "ranking" "nps" }}     the ranking of participants (HTML table)
func (l *lang) narrativeFuncs() texttemplate.FuncMap {
	figure := func(id string, keys ...string) (f *figureRef) {
		key := "wave=" + strconv.Itoa(l.latestWave())
		if len(keys) > 0 {
			key = keys[0]
		}
		g := l.group(key)
		if g == nil || g.Suppressed {
			return nil
		}
		if x := g.Indexes[id]; x != nil {
			return &figureRef{x.Value, x.Low, x.High, x.Level}
		}
		if x := g.Blocks[id]; x != nil {
			return &figureRef{x.Value, x.Low, x.High, x.Level}
		}
		return nil
	}
	return texttemplate.FuncMap{
		"index_value": func(id string, keys ...string) string {
			if f := figure(id, keys...); f != nil {
				return l.num(f.value)
			}
			return "—"
		},
		"index_ci": func(id string, keys ...string) string {
			if f := figure(id, keys...); f != nil {
				return "[" + l.interval(f.low, f.high, "") + "]"
			}
			return "—"
		},
		"level": func(id string, keys ...string) string {
			if f := figure(id, keys...); f != nil {
				return l.levelTitle(f.level)
			}
			return "—"
		},
		"n": func() int { return l.res.N },
		"chart": func(kind string, args ...string) (string, error) {
			switch kind {
			case "radar":
				html, err := l.maturity()
				return string(html), err
			}
			return "", errorText.Errorf(errChartKind, kind)
		},
		"table": func(kind string, args ...string) (string, error) {
			if kind != "ranking" || len(args) != 1 {
				return "", errorText.Errorf(errTableUsage)
			}
			b := l.res.Benchmark("index", args[0])
			if b == nil {
				b = l.res.Benchmark("block", args[0])
			}
			if b == nil || b.Suppressed {
				return "<p>—</p>", nil
			}
			if l.companyLevel() { // places are on each participant's own page
				return "<p>" + template.HTMLEscapeString(l.benchmarkSpread(b)) + "</p>", nil
			}
			var sb strings.Builder
			sb.WriteString(`<table class="data"><thead><tr><th scope="col">` + template.HTMLEscapeString(l.t("participant")) + `</th><th scope="col">` +
				template.HTMLEscapeString(l.t("rank")) + `</th><th scope="col">` + template.HTMLEscapeString(l.t("value")) + `</th></tr></thead><tbody>`)
			for _, p := range l.byRank(b.Participants) {
				fmt.Fprintf(&sb, `<tr><th scope="row">%s</th><td>%s</td><td>%s</td></tr>`, template.HTMLEscapeString(l.valueLabel(l.s.Bench.Participant, p.Name)), l.rankText(p, 0), l.num(p.Value))
			}
			sb.WriteString(`</tbody></table>`)
			return sb.String(), nil
		},
	}
}

type figureRef struct {
	value, low, high float64
	level            string
}
