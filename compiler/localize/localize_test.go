package localize

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"testing"
)

var testMessages = Catalogue{
	"no_files": {En: "%s: no files", Ru: "%s: нет файлов"},
	"logo":     {En: "theme logo: %w", Ru: "логотип темы: %w"},
	"page":     {En: "report %s: %w", Ru: "отчёт %s: %w"},
}

func TestErrorf(t *testing.T) {
	_, osErr := os.Open("/nonexistent/logo.png")
	logo := testMessages.Errorf("logo", osErr)
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
		{testMessages.Errorf("no_files", "d"), "d: no files", "d: нет файлов"},
		{logo, "theme logo: " + osErr.Error(), "логотип темы: " + osErr.Error()},
		// A catalogued error inside another, and inside a plain wrapper.
		{testMessages.Errorf("page", "ru", logo), "report ru: theme logo: " + osErr.Error(), "отчёт ru: логотип темы: " + osErr.Error()},
		{fmt.Errorf("template: p.md:1: error calling chart: %w", testMessages.Errorf("no_files", "d")), "template: p.md:1: error calling chart: d: no files", "template: p.md:1: error calling chart: d: нет файлов"},
		{osErr, osErr.Error(), osErr.Error()},
	} {
		if got := Text(tc.err, "en"); got != tc.en {
			t.Errorf("en: %q, want %q", got, tc.en)
		}
		if got := Text(tc.err, "ru"); got != tc.ru {
			t.Errorf("ru: %q, want %q", got, tc.ru)
		}
	}
}

func TestMismatches(t *testing.T) {
	c := Catalogue{
		"ok":      {En: "%s: %w", Ru: "%s: %w"},
		"reorder": {En: "%s in %q", Ru: "в %[2]q: %[1]s"},
		"verb":    {En: "%s: %w", Ru: "%s: %v"},
		"missing": {En: "%d files", Ru: "файлов"},
		"empty":   {En: "x"},
	}
	if got := fmt.Sprint(c.Mismatches()); got != "[empty missing verb]" {
		t.Errorf("Mismatches() = %s", got)
	}
	if bad := testMessages.Mismatches(); len(bad) > 0 {
		t.Errorf("test catalogue: %v", bad)
	}
}
