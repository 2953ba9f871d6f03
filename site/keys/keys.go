// Package keys keeps what must not change between two builds of a
// benchmark's deliverables: each participant's unguessable folder name
// (token), its passphrase and its anonymous label. They live in a keys
// file next to the data, made on first use with a random secret; a
// rebuild with the same file gives the same links, so links already sent
// keep working, and a participant new in the data gets new entries
// appended. A keys file that cannot be read is an error, never the cue to
// make a new set of links.
//
// The file is the operator's: it is written with mode 0600 and must never
// be published, nor copied into a report's public folder or a deliverable.
package keys

import (
	"bytes"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base32"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/opros/opros/compiler/localize"
)

// Version is the keys file format written and read.
const Version = 1

// File is a keys file's content.
type File struct {
	Version int    `json:"version"`
	Survey  string `json:"survey"`
	// Secret (hex, 32 random bytes) orders the anonymous labels of the
	// participants first seen together, so the labels follow neither
	// their names nor the data.
	Secret       string  `json:"secret"`
	Participants []Entry `json:"participants"`
}

// Entry is one participant's keys.
type Entry struct {
	Name       string `json:"name"`       // the participant field's value
	Label      string `json:"label"`      // anonymous label: A, B, …
	Token      string `json:"token"`      // its deliverable's folder name: 128 random bits, base32
	Passphrase string `json:"passphrase"` // 100 random bits, base32 in groups of four
}

// errorID names an error of errorText.
type errorID int

const (
	errKeysRead errorID = iota
	errKeysDamaged
	errKeysSurvey
	errKeysWrite
	errorCount
)

var errorText = localize.Messages[errorID]{
	errKeysRead: {
		En: "keys file %s: %w",
		Ru: "файл ключей %s: %w",
	},
	errKeysDamaged: {
		En: "keys file %s is damaged (%v); it holds the links already sent to participants, so opros will not make new ones: restore it from a copy, or move it away to start new links",
		Ru: "файл ключей %s повреждён (%v); в нём ссылки, уже отправленные участникам, поэтому opros не станет создавать новые: восстановите его из копии или уберите, чтобы начать новые ссылки",
	},
	errKeysSurvey: {
		En: "keys file %s belongs to survey %q, not %q",
		Ru: "файл ключей %s относится к анкете %q, а не %q",
	},
	errKeysWrite: {
		En: "keys file %s: cannot write: %w",
		Ru: "файл ключей %s: не удалось записать: %w",
	},
}

// Load reads the keys file at path for survey and makes sure every
// participant has an entry, appending new ones; it writes the file (mode
// 0600) when it was missing or gained entries, and says so with created
// and added. A file that exists but cannot be read, parsed or checked is
// an error. Participants' entries come back in the file's order.
func Load(path, survey string, participants []string) (f *File, created bool, added int, err error) {
	raw, err := os.ReadFile(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if f, err = empty(survey); err != nil {
			return nil, false, 0, err
		}
		created = true
	case err != nil:
		return nil, false, 0, errorText.Errorf(errKeysRead, path, err)
	default:
		f = &File{}
		dec := json.NewDecoder(bytes.NewReader(raw))
		dec.DisallowUnknownFields()
		if err := dec.Decode(f); err != nil {
			return nil, false, 0, errorText.Errorf(errKeysDamaged, path, err)
		}
		if err := f.check(); err != nil {
			return nil, false, 0, errorText.Errorf(errKeysDamaged, path, err)
		}
		if f.Survey != survey {
			return nil, false, 0, errorText.Errorf(errKeysSurvey, path, f.Survey, survey)
		}
	}
	added, err = f.add(participants)
	if err != nil {
		return nil, false, 0, err
	}
	if created || added > 0 {
		if err := write(path, f); err != nil {
			return nil, false, 0, errorText.Errorf(errKeysWrite, path, err)
		}
	}
	return f, created, added, nil
}

// New is a keys set for the participants kept in memory only: each call
// gives new tokens and labels. For a report built once (a test, a
// preview); links that are handed out need Load.
func New(survey string, participants []string) (*File, error) {
	f, err := empty(survey)
	if err != nil {
		return nil, err
	}
	if _, err := f.add(participants); err != nil {
		return nil, err
	}
	return f, nil
}

func empty(survey string) (*File, error) {
	secret := make([]byte, 32)
	if _, err := rand.Read(secret); err != nil {
		return nil, err
	}
	return &File{Version: Version, Survey: survey, Secret: hex.EncodeToString(secret)}, nil
}

// check refuses a file that parsed but cannot be what Load wrote.
func (f *File) check() error {
	if f.Version != Version {
		return errors.New("unknown version")
	}
	if s, err := hex.DecodeString(f.Secret); err != nil || len(s) != 32 {
		return errors.New("secret is not 64 hex digits")
	}
	names, labels, tokens := map[string]bool{}, map[string]bool{}, map[string]bool{}
	for _, e := range f.Participants {
		if e.Name == "" || names[e.Name] {
			return errors.New("a participant's name is empty or repeated: " + e.Name)
		}
		if e.Label == "" || labels[e.Label] {
			return errors.New("a label is empty or repeated: " + e.Label)
		}
		if len(e.Token) < 26 || tokens[e.Token] || strings.Trim(e.Token, "abcdefghijklmnopqrstuvwxyz234567") != "" {
			return errors.New("a token is short, repeated or not base32: " + e.Name)
		}
		if len(e.Passphrase) < 20 {
			return errors.New("a passphrase is short: " + e.Name)
		}
		names[e.Name], labels[e.Label], tokens[e.Token] = true, true, true
	}
	return nil
}

// add gives the participants without an entry one. Those added together
// take the free labels in the order of HMAC-SHA256(secret, name), so
// labels follow neither names nor the data; a participant added later
// gets the next label after the ones in use.
func (f *File) add(participants []string) (int, error) {
	have := map[string]bool{}
	used := map[string]bool{}
	for _, e := range f.Participants {
		have[e.Name], used[e.Label] = true, true
	}
	var fresh []string
	for _, p := range participants {
		if !have[p] {
			have[p] = true
			fresh = append(fresh, p)
		}
	}
	secret, _ := hex.DecodeString(f.Secret)
	order := func(name string) string {
		m := hmac.New(sha256.New, secret)
		m.Write([]byte(name))
		return hex.EncodeToString(m.Sum(nil))
	}
	sort.Slice(fresh, func(i, j int) bool { return order(fresh[i]) < order(fresh[j]) })
	next := 0
	for _, p := range fresh {
		for used[Label(next)] {
			next++
		}
		token, err := randomBase32(16)
		if err != nil {
			return 0, err
		}
		pass, err := randomBase32(13)
		if err != nil {
			return 0, err
		}
		f.Participants = append(f.Participants, Entry{Name: p, Label: Label(next), Token: token, Passphrase: group4(pass[:20])})
		used[Label(next)] = true
	}
	return len(fresh), nil
}

// Label is the i-th anonymous label: A, B, … Z, AA, AB, …
func Label(i int) string {
	s := ""
	for i >= 0 {
		s = string(rune('A'+i%26)) + s
		i = i/26 - 1
	}
	return s
}

var lowerBase32 = base32.NewEncoding("abcdefghijklmnopqrstuvwxyz234567").WithPadding(base32.NoPadding)

func randomBase32(n int) (string, error) {
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	return lowerBase32.EncodeToString(b), nil
}

// group4 writes a passphrase in groups of four letters, easier to type.
func group4(s string) string {
	var parts []string
	for len(s) > 4 {
		parts = append(parts, s[:4])
		s = s[4:]
	}
	return strings.Join(append(parts, s), "-")
}

// Entry is the participant's entry, or nil.
func (f *File) Entry(name string) *Entry {
	for i := range f.Participants {
		if f.Participants[i].Name == name {
			return &f.Participants[i]
		}
	}
	return nil
}

// write replaces the file whole (a temporary file renamed over it), so a
// crash leaves the old file or the new one, never half of one.
func write(path string, f *File) error {
	raw, err := json.MarshalIndent(f, "", "  ")
	if err != nil {
		return err
	}
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, ".keys-*.tmp")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if err := tmp.Chmod(0o600); err != nil {
		tmp.Close()
		return err
	}
	if _, err := tmp.Write(append(raw, '\n')); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
