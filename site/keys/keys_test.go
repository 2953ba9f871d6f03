package keys

import (
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/opros/opros/compiler/localize"
)

var names = []string{"Ромашка", "Василёк", "Лютик", "Колокольчик", "Одуванчик", "Клевер"}

func TestErrorText(t *testing.T) {
	for _, bad := range errorText.Check(errorCount) {
		t.Error(bad)
	}
}

// TestLoad: a missing file is made (0600) with an entry per participant;
// the same file gives the same entries; a new participant is appended
// with the next label, the others unchanged.
func TestLoad(t *testing.T) {
	path := filepath.Join(t.TempDir(), "s.keys.json")
	f, created, added, err := Load(path, "s", names)
	if err != nil || !created || added != len(names) {
		t.Fatalf("first Load: created %v, added %d, %v", created, added, err)
	}
	if info, err := os.Stat(path); err != nil || info.Mode().Perm() != 0o600 {
		t.Fatalf("keys file mode: %v %v", info.Mode(), err)
	}
	var labels []string
	for _, e := range f.Participants {
		labels = append(labels, e.Label)
		if len(e.Token) != 26 || len(strings.ReplaceAll(e.Passphrase, "-", "")) != 20 {
			t.Errorf("%s: token %q, passphrase %q", e.Name, e.Token, e.Passphrase)
		}
	}
	sort.Strings(labels)
	if !reflect.DeepEqual(labels, []string{"A", "B", "C", "D", "E", "F"}) {
		t.Errorf("labels %v", labels)
	}
	again, created, added, err := Load(path, "s", append([]string{"Клевер"}, names...))
	if err != nil || created || added != 0 || !reflect.DeepEqual(again, f) {
		t.Fatalf("second Load: created %v, added %d, %v; same %v", created, added, err, reflect.DeepEqual(again, f))
	}
	more, _, added, err := Load(path, "s", append(names, "Мак"))
	if err != nil || added != 1 || !reflect.DeepEqual(more.Participants[:len(names)], f.Participants) {
		t.Fatalf("a new participant: added %d, %v", added, err)
	}
	if e := more.Entry("Мак"); e == nil || e.Label != "G" {
		t.Errorf("new participant's entry %+v", e)
	}
	reread, _, _, _ := Load(path, "s", nil)
	if !reflect.DeepEqual(reread, more) {
		t.Error("the appended entry was not written")
	}
}

// TestLabelsFromSecret: labels follow neither the names' order nor the
// data's: over 20 fresh secrets the participant first in alphabetical
// order and the first in the data both get several labels, not always A.
func TestLabelsFromSecret(t *testing.T) {
	first, firstInData := map[string]bool{}, map[string]bool{}
	sorted := append([]string(nil), names...)
	sort.Strings(sorted)
	for i := 0; i < 20; i++ {
		f, _, _, err := Load(filepath.Join(t.TempDir(), "k.json"), "s", names)
		if err != nil {
			t.Fatal(err)
		}
		first[f.Entry(sorted[0]).Label] = true
		firstInData[f.Entry(names[0]).Label] = true
	}
	if len(first) < 3 || len(firstInData) < 3 {
		t.Errorf("labels of the first name %v, of the first in the data %v", first, firstInData)
	}
}

// TestDamaged: a keys file that cannot be read is an error in both
// languages naming the file, and is left as it was.
func TestDamaged(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.json")
	if _, _, _, err := Load(good, "s", names); err != nil {
		t.Fatal(err)
	}
	raw, _ := os.ReadFile(good)
	for _, tc := range []struct{ name, content string }{
		{"empty", ""},
		{"cut short", string(raw[:len(raw)/2])},
		{"not JSON", "secret=1\n"},
		{"no secret", strings.Replace(string(raw), `"secret"`, `"secrett"`, 1)},
		{"short token", `{"version":1,"survey":"s","secret":"` + strings.Repeat("ab", 32) + `","participants":[{"name":"a","label":"A","token":"abc","passphrase":"aaaa-bbbb-cccc-dddd-eeee"}]}`},
		{"two with one label", `{"version":1,"survey":"s","secret":"` + strings.Repeat("ab", 32) + `","participants":[{"name":"a","label":"A","token":"` + strings.Repeat("a", 26) + `","passphrase":"aaaa-bbbb-cccc-dddd-eeee"},{"name":"b","label":"A","token":"` + strings.Repeat("b", 26) + `","passphrase":"aaaa-bbbb-cccc-dddd-eeee"}]}`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(dir, strings.ReplaceAll(tc.name, " ", "_")+".json")
			os.WriteFile(path, []byte(tc.content), 0o600)
			_, _, _, err := Load(path, "s", names)
			if err == nil {
				t.Fatal("no error")
			}
			l, ok := err.(localize.Localizer)
			if !ok || !strings.Contains(err.Error(), path) || !strings.Contains(l.Localize("ru"), "повреждён") {
				t.Errorf("error %q (ru %q)", err, localize.Text(err, "ru"))
			}
			if after, _ := os.ReadFile(path); string(after) != tc.content {
				t.Error("the damaged file was changed")
			}
		})
	}
	if _, _, _, err := Load(good, "other", names); err == nil || !strings.Contains(err.Error(), `"other"`) {
		t.Errorf("another survey's keys: %v", err)
	}
	os.Chmod(good, 0)
	if os.Geteuid() != 0 {
		if _, _, _, err := Load(good, "s", names); err == nil {
			t.Error("an unreadable keys file was not an error")
		}
	}
}
