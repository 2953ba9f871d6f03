package seal_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/opros/opros/site/seal"
)

const passphrase = "river-copper-seven-lantern"

// staticAssets is what the report leaves clear: code and style, no data.
func staticAssets(rel string) bool { return rel == "report.css" || rel == "report.js" }

// copyDeliverable copies testdata/deliverable (plus extra files) to a temp dir.
func copyDeliverable(t *testing.T, extra map[string]string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "tok")
	if err := os.CopyFS(dir, os.DirFS("testdata/deliverable")); err != nil {
		t.Fatal(err)
	}
	for name, body := range extra {
		os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755)
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func readTree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = b
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

var sealedJSON = regexp.MustCompile(`<script type="application/json" id="sealed">([^<]*)</script>`)

type params struct {
	V     int    `json:"v"`
	Iter  int    `json:"iter"`
	Salt  string `json:"salt"`
	Nonce string `json:"nonce"`
	CT    string `json:"ct"`
}

func paramsOf(t *testing.T, page []byte) params {
	t.Helper()
	m := sealedJSON.FindSubmatch(page)
	if m == nil {
		t.Fatalf("no sealed data in %.200s", page)
	}
	var p params
	if err := json.Unmarshal(m[1], &p); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestRoundTrip(t *testing.T) {
	dir := copyDeliverable(t, map[string]string{"sub/deeper.htm": `<html lang="en"><p>deep page 77.7</p></html>`})
	before := readTree(t, dir)
	st, err := seal.Folder(dir, passphrase, seal.Options{Clear: staticAssets})
	if err != nil {
		t.Fatal(err)
	}
	if st.Pages != 4 || st.Clear != 2 {
		t.Errorf("stats %+v, want 4 pages and 2 clear assets", st)
	}
	after := readTree(t, dir)
	if len(after) != len(before) {
		t.Fatalf("%d files after sealing, %d before", len(after), len(before))
	}
	salts, nonces := map[string]bool{}, map[string]bool{}
	for name, orig := range before {
		got := after[name]
		if staticAssets(name) {
			if !bytes.Equal(got, orig) {
				t.Errorf("%s: a static asset changed", name)
			}
			continue
		}
		p := paramsOf(t, got)
		if p.Iter < 600_000 {
			t.Errorf("%s: %d PBKDF2 iterations", name, p.Iter)
		}
		salts[p.Salt], nonces[p.Nonce] = true, true
		page, err := seal.Open(got, passphrase)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if !bytes.Equal(page, orig) {
			t.Errorf("%s: decrypted page differs from the original", name)
		}
		if _, err := seal.Open(got, passphrase+"x"); !errors.Is(err, seal.ErrWrongPassphrase) {
			t.Errorf("%s: wrong passphrase gave %v", name, err)
		}
		// A flipped ciphertext byte must fail authentication, not decrypt to garbage.
		i := bytes.Index(got, []byte(`"ct":"`)) + 8
		bad := bytes.Clone(got)
		bad[i] ^= 'A' ^ 'B'
		if bad[i] == got[i] {
			bad[i] = 'C'
		}
		if _, err := seal.Open(bad, passphrase); err == nil {
			t.Errorf("%s: a tampered page decrypted", name)
		}
	}
	if len(salts) != 1 {
		t.Errorf("%d salts in one deliverable, want 1 (one passphrase entry for all pages)", len(salts))
	}
	if len(nonces) != 4 {
		t.Errorf("%d distinct nonces for 4 pages", len(nonces))
	}
	if ents, _ := os.ReadDir(filepath.Dir(dir)); len(ents) != 1 {
		t.Errorf("left behind next to the deliverable: %v", ents)
	}
}

func TestShellLanguage(t *testing.T) {
	dir := copyDeliverable(t, nil)
	if _, err := seal.Folder(dir, passphrase, seal.Options{Clear: staticAssets}); err != nil {
		t.Fatal(err)
	}
	ru, _ := os.ReadFile(filepath.Join(dir, "index.html"))
	en, _ := os.ReadFile(filepath.Join(dir, "details.html"))
	if !bytes.Contains(ru, []byte(`<html lang="ru">`)) || !bytes.Contains(ru, []byte("Парольная фраза")) || !bytes.Contains(ru, []byte("<noscript><p>Этот отчёт зашифрован")) {
		t.Errorf("Russian page's shell is not in Russian:\n%s", ru)
	}
	if !bytes.Contains(en, []byte(`<html lang="en">`)) || !bytes.Contains(en, []byte("Passphrase")) || !bytes.Contains(en, []byte("<noscript><p>This report is encrypted")) {
		t.Errorf("English page's shell is not in English:\n%s", en)
	}
}

// token is a word or a number with its separators ("42,7", "81,3%").
var token = regexp.MustCompile(`[\p{L}\p{N}]+(?:[.,−-][\p{L}\p{N}]+)*%?`)

var base64Only = regexp.MustCompile(`^[A-Za-z0-9+/]+$`)

// TestNoPlaintext greps every sealed file for every token of the clear pages
// (names, figures, comments, titles). Outside the ciphertext no token may
// appear, as a token or (from 5 characters) inside a word, unless the shell
// itself uses it ("html", "main"); inside the ciphertext, a token
// that base64 can spell by chance is only looked for when long enough that
// chance does not matter (8 characters: 64⁻⁸ per position).
func TestNoPlaintext(t *testing.T) {
	dir := copyDeliverable(t, nil)
	before := readTree(t, dir)
	if _, err := seal.Folder(dir, passphrase, seal.Options{Clear: staticAssets}); err != nil {
		t.Fatal(err)
	}
	// The shell's own words: a sealed empty page.
	empty := copyDeliverable(t, nil)
	for name := range before {
		if !staticAssets(name) {
			os.WriteFile(filepath.Join(empty, name), nil, 0o644)
		}
	}
	os.WriteFile(filepath.Join(empty, "ru.html"), []byte(`<html lang="ru">`), 0o644)
	seal.Folder(empty, passphrase, seal.Options{Clear: staticAssets})
	shellWords := map[string]bool{}
	for _, b := range readTree(t, empty) {
		for _, w := range token.FindAllString(string(b), -1) {
			shellWords[strings.ToLower(w)] = true
		}
	}
	tokens := map[string]bool{}
	for name, b := range before {
		if !staticAssets(name) {
			for _, w := range token.FindAllString(string(b), -1) {
				tokens[w] = true
			}
		}
	}
	for _, must := range []string{"Колокольчик", "42,7", "Zzyzxquantum", "1234", "Bellflower"} {
		if !tokens[must] {
			t.Fatalf("the test page lost its token %q", must)
		}
	}
	var list []string
	for w := range tokens {
		list = append(list, w)
	}
	sort.Strings(list)
	checked := 0
	for name, b := range readTree(t, dir) {
		if staticAssets(name) {
			continue
		}
		sealed := paramsOf(t, b)
		ct := sealed.CT
		// Salt and nonce are random base64 too: a short word such as "n"
		// turns up in them by chance, so they are not "outside" text.
		outside := string(b)
		for _, random := range []string{ct, sealed.Salt, sealed.Nonce} {
			outside = strings.Replace(outside, random, "", 1)
		}
		outside = strings.ToLower(outside)
		outsideWords := map[string]bool{}
		for _, w := range token.FindAllString(outside, -1) {
			outsideWords[w] = true
		}
		for _, w := range list {
			lw := strings.ToLower(w)
			// Whole tokens always; inside longer words from 5 characters on.
			found := outsideWords[lw] || utf8.RuneCountInString(w) >= 5 && strings.Contains(outside, lw)
			if !shellWords[lw] && found {
				t.Errorf("%s: %q is readable outside the ciphertext", name, w)
			}
			if (!base64Only.MatchString(w) || len(w) >= 8) && strings.Contains(ct, w) {
				t.Errorf("%s: %q is in the ciphertext", name, w)
			}
			checked++
		}
	}
	if checked < 100 {
		t.Errorf("only %d token checks", checked)
	}
}

func TestRefusesWhatItCannotProtect(t *testing.T) {
	for name, extra := range map[string]map[string]string{
		"csv":          {"data/scores.csv": "Колокольчик;42,7\n"},
		"svg":          {"chart.svg": "<svg><text>Колокольчик</text></svg>"},
		"no clear set": nil,
	} {
		t.Run(name, func(t *testing.T) {
			dir := copyDeliverable(t, extra)
			before := readTree(t, dir)
			opts := seal.Options{Clear: staticAssets}
			if extra == nil {
				opts.Clear = nil // report.css then has no permission to stay clear
			}
			if _, err := seal.Folder(dir, passphrase, opts); err == nil || !strings.Contains(err.Error(), "must not stay readable") {
				t.Fatalf("error %v", err)
			}
			after := readTree(t, dir)
			for f, b := range before {
				if !bytes.Equal(after[f], b) {
					t.Errorf("%s changed although sealing failed", f)
				}
			}
			if ents, _ := os.ReadDir(filepath.Dir(dir)); len(ents) != 1 {
				t.Errorf("left behind: %v", ents)
			}
		})
	}
}

func TestShortPassphrase(t *testing.T) {
	dir := copyDeliverable(t, nil)
	if _, err := seal.Folder(dir, "1234567", seal.Options{Clear: staticAssets}); err == nil {
		t.Error("a 7-character passphrase was accepted")
	}
}

func TestKeyIsPBKDF2SHA256(t *testing.T) {
	// RFC 7914 §11's PBKDF2-HMAC-SHA256 vector (P="passwd", S="salt", c=1).
	k, err := seal.Key("passwd", []byte("salt"), 1)
	if err != nil {
		t.Fatal(err)
	}
	want := []byte{0x55, 0xac, 0x04, 0x6e, 0x56, 0xe3, 0x08, 0x9f, 0xec, 0x16, 0x91, 0xc2, 0x25, 0x44, 0xb6, 0x05,
		0xf9, 0x41, 0x85, 0x21, 0x6d, 0xde, 0x04, 0x65, 0xe6, 0x8b, 0x9d, 0x57, 0xc2, 0x0d, 0xac, 0xbc}
	if !bytes.Equal(k, want) {
		t.Errorf("key % x", k)
	}
}
