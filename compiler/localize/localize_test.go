package localize

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"
	"testing"
)

type testID int

const (
	testNoFiles testID = iota
	testLogo
	testPage
	testCount
)

var testMessages = Messages[testID]{
	testNoFiles: {En: "%s: no files", Ru: "%s: нет файлов"},
	testLogo:    {En: "theme logo: %w", Ru: "логотип темы: %w"},
	testPage:    {En: "report %s: %w", Ru: "отчёт %s: %w"},
}

func TestErrorf(t *testing.T) {
	_, osErr := os.Open("/nonexistent/logo.png")
	logo := testMessages.Errorf(testLogo, osErr)
	if want := "theme logo: " + osErr.Error(); logo.Error() != want {
		t.Errorf("Error() = %q, want %q", logo.Error(), want)
	}
	if !errors.Is(logo, fs.ErrNotExist) {
		t.Error("errors.Is does not see the OS error")
	}
	var pe *fs.PathError
	if !errors.As(logo, &pe) || pe.Path != "/nonexistent/logo.png" {
		t.Error("errors.As does not see the *fs.PathError")
	}
	for _, tc := range []struct {
		err    error
		en, ru string
	}{
		{testMessages.Errorf(testNoFiles, "d"), "d: no files", "d: нет файлов"},
		{logo, "theme logo: " + osErr.Error(), "логотип темы: " + osErr.Error()},
		// A catalogued error inside another, and inside a plain wrapper.
		{testMessages.Errorf(testPage, "ru", logo), "report ru: theme logo: " + osErr.Error(), "отчёт ru: логотип темы: " + osErr.Error()},
		{fmt.Errorf("template: p.md:1: error calling chart: %w", testMessages.Errorf(testNoFiles, "d")), "template: p.md:1: error calling chart: d: no files", "template: p.md:1: error calling chart: d: нет файлов"},
		{osErr, osErr.Error(), osErr.Error()},
		// An argument in the reader's language.
		{testMessages.Errorf(testNoFiles, Phrase{En: "the folder", Ru: "папка"}), "the folder: no files", "папка: нет файлов"},
	} {
		if got := Text(tc.err, "en"); got != tc.en {
			t.Errorf("en: %q, want %q", got, tc.en)
		}
		if got := Text(tc.err, "ru"); got != tc.ru {
			t.Errorf("ru: %q, want %q", got, tc.ru)
		}
	}
}

// TestFormat: arguments that read by language are put in it, errors in
// their own language where they have one, and %w reads as %v.
func TestFormat(t *testing.T) {
	inner := testMessages.Errorf(testNoFiles, "d")
	m := Message{En: "%s (%d): %w", Ru: "%[2]d — %[1]s: %[3]w"}
	args := []any{Phrase{En: "logo", Ru: "логотип"}, 3, inner}
	if got, want := m.Format("en", args...), "logo (3): d: no files"; got != want {
		t.Errorf("en: %q, want %q", got, want)
	}
	if got, want := m.Format("ru", args...), "3 — логотип: d: нет файлов"; got != want {
		t.Errorf("ru: %q, want %q", got, want)
	}
	if got := testMessages.Format(testPage, "fr", "x", errors.New("e")); got != "report x: e" {
		t.Errorf("another language reads as English: %q", got)
	}
}

func TestPlural(t *testing.T) {
	for n, want := range map[int]string{0: "аргументов", 1: "аргумент", 2: "аргумента", 4: "аргумента", 5: "аргументов",
		11: "аргументов", 12: "аргументов", 14: "аргументов", 21: "аргумент", 22: "аргумента", 101: "аргумент", 111: "аргументов", 112: "аргументов", -1: "аргумент"} {
		if got := Plural(n, "аргумент", "аргумента", "аргументов"); got != want {
			t.Errorf("%d: %q, want %q", n, got, want)
		}
	}
}

// TestCheck: the catalogue check finds a missing id, a missing language,
// other verbs and a summary in one language, and takes a reordered
// translation.
func TestCheck(t *testing.T) {
	if bad := testMessages.Check(testCount); len(bad) > 0 {
		t.Errorf("test catalogue: %v", bad)
	}
	c := Messages[testID]{
		{En: "%s in %q", Ru: "в %[2]q: %[1]s", SummaryEn: "A", SummaryRu: "Б"},
		{En: "%d files", Ru: "файлов"},
		{En: "x"},
		{En: "x", Ru: "х", SummaryEn: "A", SummaryRu: "A"},
		{En: "x", Ru: "х", SummaryEn: "A"},
	}
	bad := c.Check(6)
	if len(bad) != 5 {
		t.Fatalf("Check found %d problems, want 5: %q", len(bad), bad)
	}
	for i, want := range []string{"5 messages for 6 ids", "id 1", "id 2", "id 3", "id 4"} {
		if !strings.HasPrefix(bad[i], want) {
			t.Errorf("problem %d: %q, want %s…", i, bad[i], want)
		}
	}
}

func TestVerbs(t *testing.T) {
	for format, want := range map[string]string{
		"":                           "",
		"no verbs, 100%% sure":       "",
		"%q is %s":                   "1q 2s",
		"%[2]s: %[1]q":               "1q 2s",
		"%d..%d to %d..%d":           "1d 2d 3d 4d",
		"%-10s %5.2f %+d":            "1s 2f 3d",
		"ID %[2]q (%[1]s) is %[3]s.": "1s 2q 3s",
	} {
		if got := strings.Join(verbs(format), " "); got != want {
			t.Errorf("verbs(%q) = %q, want %q", format, got, want)
		}
	}
}

// TestLoadTable: a table reads one JSON object per language, and refuses
// a key one language lacks.
func TestLoadTable(t *testing.T) {
	tab, err := LoadTable([]byte(`{"next": "Next", "of": "{i} of {n}"}`), []byte(`{"next": "Далее", "of": "{i} из {n}"}`))
	if err != nil {
		t.Fatal(err)
	}
	if tab.In("next", "ru") != "Далее" || tab.In("of", "en") != "{i} of {n}" || tab.In("of", "de") != "{i} of {n}" || tab.In("none", "ru") != "" {
		t.Errorf("table %v", tab)
	}
	if got := tab.Lang("ru"); len(got) != 2 || got["of"] != "{i} из {n}" {
		t.Errorf("Lang(ru) = %v", got)
	}
	for _, tc := range [][2]string{{`{"a": "A", "b": "B"}`, `{"a": "А"}`}, {`{"a": "A"}`, `{"a": "А", "b": "Б"}`}, {`{"a": 1}`, `{"a": "А"}`}} {
		if _, err := LoadTable([]byte(tc[0]), []byte(tc[1])); err == nil {
			t.Errorf("%s / %s: no error", tc[0], tc[1])
		}
	}
}
