package form_test

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/opros/opros/compiler"
	"github.com/opros/opros/compiler/ir"
	"github.com/opros/opros/compiler/largesurvey"
	"github.com/opros/opros/compiler/testkit"
	"github.com/opros/opros/render/form"
)

func load(t testing.TB, path string) *ir.Survey {
	t.Helper()
	s := testkit.Load(t, path)
	return s
}

// TestGolden keeps the HTML of a survey with every question type, in both
// languages, and of a German survey with its own interface text (ui "de"),
// as reviewed golden files.
func TestGolden(t *testing.T) {
	for _, name := range []string{"alltypes", "german"} {
		s := load(t, "testdata/"+name+".hcl")
		for _, lang := range s.Languages {
			html, err := form.Render(s, lang, form.Options{})
			if err != nil {
				t.Fatal(err)
			}
			testkit.Golden(t, "testdata/"+name+"."+lang+".html", html)
		}
	}
}

func TestRawHTMLInMarkdownIsEscaped(t *testing.T) {
	html, err := form.Render(load(t, "testdata/alltypes.hcl"), "en", form.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(html, []byte("<script>alert(1)")) {
		t.Fatal("raw HTML from the survey's Markdown reached the form")
	}
	if !bytes.Contains(html, []byte("<em>intro</em>")) {
		t.Fatal("Markdown was not rendered")
	}
}

func TestDeterministicBuild(t *testing.T) {
	s := load(t, "../../examples/nps-csat-ces")
	a, b := t.TempDir(), t.TempDir()
	if _, err := form.Build(s, a, form.Options{}); err != nil {
		t.Fatal(err)
	}
	if _, err := form.Build(s, b, form.Options{}); err != nil {
		t.Fatal(err)
	}
	for _, lang := range s.Languages {
		for _, f := range []string{"index.html", "form.js", "form.css"} {
			x, _ := os.ReadFile(filepath.Join(a, s.ID, lang, f))
			y, _ := os.ReadFile(filepath.Join(b, s.ID, lang, f))
			if len(x) == 0 || !bytes.Equal(x, y) {
				t.Errorf("%s/%s differs between two builds", lang, f)
			}
		}
	}
}

func gzipped(b []byte) int {
	var buf bytes.Buffer
	w, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	w.Write(b)
	w.Close()
	return buf.Len()
}

// TestBudgets: the runtime must stay small whatever the survey's size.
func TestBudgets(t *testing.T) {
	a := form.Assets()
	if n := gzipped(a["form.js"]); n > 10*1024 {
		t.Errorf("form.js is %d bytes gzipped; the budget is 10 KB", n)
	}
	if n := gzipped(a["form.css"]); n > 6*1024 {
		t.Errorf("form.css is %d bytes gzipped; the budget is 6 KB", n)
	}
}

func TestNoExternalReferences(t *testing.T) {
	for _, ex := range []string{"contact-center-2018", "customer-centricity", "cx-index", "nps-csat-ces"} {
		s := load(t, "../../examples/"+ex)
		html, err := form.Render(s, s.Languages[0], form.Options{})
		if err != nil {
			t.Fatal(err)
		}
		text := string(html) + string(form.Assets()["form.js"]) + string(form.Assets()["form.css"])
		for _, bad := range []string{"src=\"http", "href=\"http", "@import", "url(http", "//cdn"} {
			if strings.Contains(text, bad) {
				t.Errorf("%s: form refers to another host (%q)", ex, bad)
			}
		}
	}
}

// TestExpressionVectorsInJavaScript runs the shared vectors through form.js's
// evaluator under node: the browser must decide show_if exactly as Go does.
func TestExpressionVectorsInJavaScript(t *testing.T) {
	node := testkit.Node(t)
	root := testkit.Root(t)
	script := `
const {evalExpr} = require(process.argv[1]);
const vectors = require(process.argv[2]);
const out = vectors.map(v => evalExpr(v.expr, r => v.env[r] === undefined ? null : v.env[r]));
process.stdout.write(JSON.stringify(out));
`
	cmd := exec.Command(node, "-e", script, shippedRuntime(t), filepath.Join(root, "testdata/expr/vectors.json"))
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("node: %v", err)
	}
	var got []any
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatal(err)
	}
	raw, _ := os.ReadFile(filepath.Join(root, "testdata/expr/vectors.json"))
	var vectors []struct {
		Name string `json:"name"`
		Want any    `json:"want"`
	}
	json.Unmarshal(raw, &vectors)
	if len(got) != len(vectors) {
		t.Fatalf("%d results for %d vectors", len(got), len(vectors))
	}
	for i, v := range vectors {
		if !jsonEqual(got[i], v.Want) {
			t.Errorf("%s: JavaScript gives %#v, want %#v", v.Name, got[i], v.Want)
		}
	}
}

// shippedRuntime writes form.js as respondents get it (minified) to a file
// node can require: the tests hold the shipped script to Go's rules, not
// only the source it is made from.
func shippedRuntime(t *testing.T) string {
	path := filepath.Join(t.TempDir(), "form.js")
	if err := os.WriteFile(path, form.Assets()["form.js"], 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func jsonEqual(a, b any) bool {
	x, _ := json.Marshal(a)
	y, _ := json.Marshal(b)
	return bytes.Equal(x, y)
}

// BenchmarkBuild1000 renders the generated 1,000-question survey's forms
// (both languages) from its IR, and reports the page size.
func BenchmarkBuild1000(b *testing.B) {
	s, diags := compiler.New().LoadSource("large.hcl", largesurvey.Source(1000))
	if diags.HasErrors() {
		b.Fatal(diags)
	}
	dir := b.TempDir()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := form.Build(s, dir, form.Options{}); err != nil {
			b.Fatal(err)
		}
	}
	html, _ := os.ReadFile(filepath.Join(dir, s.ID, "en", "index.html"))
	b.ReportMetric(float64(len(html)), "html-bytes")
	b.ReportMetric(float64(gzipped(html)), "html-gz-bytes")
}

// BenchmarkRuntimeSize reports the gzipped sizes of the runtime, for make bench.
func BenchmarkRuntimeSize(b *testing.B) {
	a := form.Assets()
	for b.Loop() {
		gzipped(a["form.js"])
	}
	b.ReportMetric(float64(gzipped(a["form.js"])), "js-gz-bytes")
	b.ReportMetric(float64(gzipped(a["form.css"])), "css-gz-bytes")
}

// TestEscaping puts markup into every text a survey author writes and
// checks that none of it reaches the page as markup: the template escapes
// explicitly, so this is what stands in for html/template's contexts.
func TestEscaping(t *testing.T) {
	const evil = `"'><script>alert(1)</script><b a='x1' b="y1">&amp;`
	s := load(t, "testdata/alltypes.hcl")
	text := func(ir.Text) ir.Text {
		out := ir.Text{}
		for _, l := range s.Languages {
			out[l] = evil
		}
		return out
	}
	s.Title = text(s.Title)
	s.Theme.Accent = "red}</style><script>alert(1)</script>"
	for i := range s.Hidden {
		s.Hidden[i].Default = evil
	}
	for _, q := range s.Questions() {
		q.Text, q.Placeholder, q.PatternMessage = text(q.Text), text(q.Placeholder), text(q.PatternMessage)
		if q.Pattern != "" {
			q.Pattern = evil
		}
		for i := range q.Options {
			q.Options[i].Label = text(q.Options[i].Label)
		}
		for i := range q.Rows {
			q.Rows[i].Label = text(q.Rows[i].Label)
		}
		if q.Scale != nil {
			q.Scale.MinLabel, q.Scale.MaxLabel, q.Scale.Missing = text(q.Scale.MinLabel), text(q.Scale.MaxLabel), text(q.Scale.Missing)
			for i := range q.Scale.Labels {
				q.Scale.Labels[i] = text(q.Scale.Labels[i])
			}
		}
	}
	for i := range s.Pages {
		s.Pages[i].Title = text(s.Pages[i].Title)
	}
	for _, lang := range s.Languages {
		html, err := form.Render(s, lang, form.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if n := strings.Count(string(html), "<script"); n != 3 { // boot, runtime data, form.js
			t.Errorf("%s: %d <script elements, want 3", lang, n)
		}
		// The runtime data is JSON, where quotes are escaped its own way.
		page, data, _ := strings.Cut(string(html), `<script type="application/json" id="opros-data">`)
		if data, _, _ = strings.Cut(data, "</script>"); strings.Contains(data, "</") || !strings.Contains(data, "alert(1)") {
			t.Errorf("%s: the runtime data can end its script element early, or misses the text", lang)
		}
		for _, bad := range []string{"<b a=", "alert(1)</script>", `="y1"`, "'x1'", "</style><"} {
			if strings.Contains(page, bad) {
				t.Errorf("%s: %q reached the page unescaped", lang, bad)
			}
		}
		if !strings.Contains(page, "&lt;script&gt;alert(1)&lt;/script&gt;") {
			t.Errorf("%s: the escaped text is missing", lang)
		}
	}

	s.Endpoint.URL = "javascript:alert(1)"
	if _, err := form.Render(s, "en", form.Options{}); err == nil {
		t.Error("a javascript: endpoint was accepted")
	}
}

// TestCaseMappingMatchesGo runs lower() and upper() of form.js over every
// code point under node and compares them with Go's strings.ToLower and
// strings.ToUpper, which compiler/ir's evaluator uses. Go's tables and
// node's ICU follow different Unicode versions (Go 1.26: 15.0, node 20:
// its ICU's), so code points only one of them has assigned are left out,
// and so are mappings to a letter Go does not know yet (U+019B "ƛ" has an
// uppercase, U+A7DC, since Unicode 16): a survey cannot rely on a letter
// its own compiler does not know. Each
// code point is mapped on its own, so this also covers every string.
func TestCaseMappingMatchesGo(t *testing.T) {
	node := testkit.Node(t)
	script := `
const {evalExpr} = require(process.argv[1]);
const call = (fn, c) => evalExpr({op: "call", fn, args: [{op: "lit", lit: c}]}, () => null);
const out = {unicode: process.versions.unicode, unassigned: [], lower: {}, upper: {}};
for (let x = 0; x <= 0x10ffff; x++) {
  if (x === 0xd800) x = 0xe000;
  const c = String.fromCodePoint(x);
  if (!/\p{Assigned}/u.test(c)) {
    const last = out.unassigned[out.unassigned.length - 1];
    if (last && last[1] === x - 1) last[1] = x; else out.unassigned.push([x, x]);
    continue;
  }
  const lo = call("lower", c), up = call("upper", c);
  if (lo !== c) out.lower[x] = lo;
  if (up !== c) out.upper[x] = up;
}
process.stdout.write(JSON.stringify(out));
`
	cmd := exec.Command(node, "-e", script, shippedRuntime(t))
	raw, err := cmd.Output()
	if err != nil {
		t.Fatalf("node: %v", err)
	}
	var js struct {
		Unicode    string            `json:"unicode"`
		Unassigned [][2]rune         `json:"unassigned"`
		Lower      map[string]string `json:"lower"`
		Upper      map[string]string `json:"upper"`
	}
	if err := json.Unmarshal(raw, &js); err != nil {
		t.Fatal(err)
	}
	jsAssigned := func(r rune) bool {
		i := sort.Search(len(js.Unassigned), func(i int) bool { return js.Unassigned[i][1] >= r })
		return i == len(js.Unassigned) || r < js.Unassigned[i][0]
	}
	goAssigned := func(r rune) bool {
		// unicode.C would also take in the unassigned code points.
		return unicode.In(r, unicode.L, unicode.M, unicode.N, unicode.P, unicode.S, unicode.Z, unicode.Cc, unicode.Cf, unicode.Co, unicode.Cs)
	}
	known := func(s string) bool {
		for _, r := range s {
			if !goAssigned(r) {
				return false
			}
		}
		return true
	}
	skipped, compared, mapped := 0, 0, 0
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if r == 0xd800 {
			r = 0xe000
		}
		if !goAssigned(r) || !jsAssigned(r) {
			if goAssigned(r) != jsAssigned(r) {
				skipped++
			}
			continue
		}
		compared++
		c, key := string(r), strconv.Itoa(int(r))
		for _, m := range []struct {
			name   string
			goFunc func(string) string
			js     map[string]string
		}{{"lower", strings.ToLower, js.Lower}, {"upper", strings.ToUpper, js.Upper}} {
			want := m.goFunc(c)
			got, ok := m.js[key]
			if !ok {
				got = c
			}
			if want != c {
				mapped++
			}
			if got != want && !known(got) {
				skipped++ // a letter new to Unicode since Go's tables got a case partner
				continue
			}
			if got != want {
				t.Errorf("%s(%q) (%U): JavaScript gives %q (%U), Go %q (%U)", m.name, c, r, got, []rune(got), want, []rune(want))
			}
		}
	}
	t.Logf("Go Unicode %s, node Unicode %s: %d code points compared (%d mappings), %d only one knows left out",
		unicode.Version, js.Unicode, compared, mapped, skipped)
	if compared < 140000 || mapped < 2500 {
		t.Fatalf("only %d code points and %d mappings compared", compared, mapped)
	}
}

// TestUIText: every interface language has every message English has, and
// a hand-built IR in a language without one gets the English messages
// (the compiler would insist on a ui block).
func TestUIText(t *testing.T) {
	read := func(lang string) map[string]string {
		raw, err := os.ReadFile("i18n/" + lang + ".json")
		if err != nil {
			t.Fatal(err)
		}
		m := map[string]string{}
		if err := json.Unmarshal(raw, &m); err != nil {
			t.Fatal(err)
		}
		return m
	}
	en := read("en")
	files, _ := filepath.Glob("i18n/*.json")
	for _, f := range files {
		lang := strings.TrimSuffix(filepath.Base(f), ".json")
		m := read(lang)
		for k, v := range en {
			if m[k] == "" {
				t.Errorf("%s lacks %q", lang, k)
			}
			for _, p := range []string{"{n}", "{i}"} {
				if strings.Contains(v, p) != strings.Contains(m[k], p) {
					t.Errorf("%s %q: %q and English %q disagree on %s", lang, k, m[k], v, p)
				}
			}
		}
		for k := range m {
			if _, ok := en[k]; !ok {
				t.Errorf("%s has %q, which English has not", lang, k)
			}
		}
	}
	s := load(t, "testdata/alltypes.hcl")
	html, err := form.Render(s, "de", form.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`<html lang="de">`, ">" + en["next"] + "<", ">" + en["review"] + "<"} {
		if !strings.Contains(string(html), want) {
			t.Errorf("a form in German lacks %q", want)
		}
	}
}

// TestUIKeys holds the compiler's list of interface texts (ir.UIKeys, with
// the placeholders each must keep) equal to the keys of i18n/en.json, in
// order, and ir.UILanguages equal to the languages of i18n.
func TestUIKeys(t *testing.T) {
	raw, err := os.ReadFile("i18n/en.json")
	if err != nil {
		t.Fatal(err)
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	if _, err := dec.Token(); err != nil {
		t.Fatal(err)
	}
	var got []string
	for dec.More() {
		key, _ := dec.Token()
		var text string
		if err := dec.Decode(&text); err != nil {
			t.Fatal(err)
		}
		placeholders := regexp.MustCompile(`\{[a-z]+\}`).FindAllString(text, -1)
		sort.Strings(placeholders)
		got = append(got, fmt.Sprint(key, placeholders))
	}
	var want []string
	for _, k := range ir.UIKeys {
		want = append(want, fmt.Sprint(k.Name, k.Placeholders))
	}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("i18n/en.json has\n%v\nir.UIKeys\n%v", got, want)
	}
	files, _ := filepath.Glob("i18n/*.json")
	var langs []string
	for _, f := range files {
		langs = append(langs, strings.TrimSuffix(filepath.Base(f), ".json"))
	}
	if fmt.Sprint(langs) != fmt.Sprint(ir.UILanguages) {
		t.Errorf("i18n has %v, ir.UILanguages %v", langs, ir.UILanguages)
	}
}

// TestSurveyUIText: a survey's own interface text replaces the built-in
// text key by key, in its language only, and a regional language ("ru-RU")
// speaks its primary language's built-in text.
func TestSurveyUIText(t *testing.T) {
	s := load(t, "testdata/alltypes.hcl")
	s.UI = ir.UIStrings{"ru": {"submit": "Отправить анкету", "next": "Вперёд"}}
	ru, err := form.Render(s, "ru", form.Options{})
	if err != nil {
		t.Fatal(err)
	}
	en, err := form.Render(s, "en", form.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{">Отправить анкету<", ">Вперёд<", ">Назад<", `"submit":"Отправить анкету"`} {
		if !strings.Contains(string(ru), want) {
			t.Errorf("the Russian form lacks %q", want)
		}
	}
	for _, want := range []string{">Submit<", ">Next<"} {
		if !strings.Contains(string(en), want) {
			t.Errorf("the English form lacks %q", want)
		}
	}
	regional, err := form.Render(s, "ru-RU", form.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(regional), ">Назад<") {
		t.Error("a ru-RU form does not speak Russian")
	}
	german, err := form.Render(load(t, "testdata/german.hcl"), "de", form.Options{})
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := os.ReadFile("i18n/en.json")
	var english map[string]string
	if err := json.Unmarshal(raw, &english); err != nil {
		t.Fatal(err)
	}
	for k, text := range english {
		if strings.Contains(string(german), text) {
			t.Errorf("the German form has the English %s %q", k, text)
		}
	}
}
