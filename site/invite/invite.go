// Package invite signs invitation links and checks the answers that come
// back through them. A link carries an invitation id, the survey's hidden
// values (company, segment, …), an optional expiry and a signature:
// HMAC-SHA256, keyed by a secret in a keys file the organiser keeps
// outside the survey folder, over the survey id, the invitation id, the
// expiry and every hidden value. Whoever changes company= on a link, or
// makes one up, cannot make the signature that goes with it.
//
// The keys file is the operator's: written 0600 on first use by opros
// invite, read by opros collect and opros ingest, never copied into a form,
// a report or a deliverable. Replacing it (rotating the secret) makes every
// link signed before invalid, and answers through them are refused as
// "signed with another key".
package invite

import (
	"bytes"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"time"

	"github.com/opros/opros/compiler/localize"
)

// Version is the keys file format written and read.
const Version = 1

// URL parameters of a signed link.
const (
	ParamID      = "inv"
	ParamSig     = "sig"
	ParamExpires = "exp"
)

// DateLayout is an expiry's form: the link works through the end of that
// day, UTC.
const DateLayout = "2006-01-02"

// keyIDLen bytes of a key's id lead every signature, so that a link signed
// with a key since replaced is told apart from an altered one.
const keyIDLen = 4

// Key is the secret links are signed with.
type Key struct {
	secret []byte
	id     []byte
}

type keysFile struct {
	Version int    `json:"version"`
	Secret  string `json:"secret"` // hex, 32 random bytes
}

// errorID names an error of errorText.
type errorID int

const (
	errInviteKeysRead errorID = iota
	errInviteKeysDamaged
	errInviteKeysMissing
	errInviteKeysWrite
	errorCount
)

var errorText = localize.Messages[errorID]{
	errInviteKeysRead: {
		En: "invitation keys file %s: %w",
		Ru: "файл ключей приглашений %s: %w",
	},
	errInviteKeysDamaged: {
		En: "invitation keys file %s is damaged (%v); the links already sent were signed with it, so opros will not make a new one: restore it from a copy, or move it away to sign new links (the old ones then stop working)",
		Ru: "файл ключей приглашений %s повреждён (%v); им подписаны уже отправленные ссылки, поэтому opros не станет создавать новый: восстановите его из копии или уберите, чтобы подписывать новые ссылки (старые тогда перестанут работать)",
	},
	errInviteKeysMissing: {
		En: "invitation keys file %s: %w; answers are checked with the file opros invite signed the links with",
		Ru: "файл ключей приглашений %s: %w; ответы проверяются тем файлом, которым opros invite подписал ссылки",
	},
	errInviteKeysWrite: {
		En: "invitation keys file %s: cannot write: %w",
		Ru: "файл ключей приглашений %s: не удалось записать: %w",
	},
}

// LoadOrCreate reads the keys file at path, or makes it (mode 0600, a
// fresh random secret) when there is none; created says which. A file that
// exists but cannot be read or parsed is an error, never replaced.
func LoadOrCreate(path string) (k *Key, created bool, err error) {
	k, err = Open(path)
	if err == nil || !errors.Is(err, fs.ErrNotExist) {
		return k, false, err
	}
	secret := make([]byte, 32)
	if _, err := rand.Read(secret); err != nil {
		return nil, false, err
	}
	raw, _ := json.MarshalIndent(keysFile{Version: Version, Secret: hex.EncodeToString(secret)}, "", "  ")
	if err := writeNew(path, append(raw, '\n')); err != nil {
		return nil, false, errorText.Errorf(errInviteKeysWrite, path, err)
	}
	return newKey(secret), true, nil
}

// Open reads an existing keys file: collect and ingest check with the key
// the links were signed with, so a missing file is an error (wrapping
// fs.ErrNotExist), not the cue to make one.
func Open(path string) (*Key, error) {
	raw, err := os.ReadFile(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, errorText.Errorf(errInviteKeysMissing, path, err)
	case err != nil:
		return nil, errorText.Errorf(errInviteKeysRead, path, err)
	}
	var f keysFile
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		return nil, errorText.Errorf(errInviteKeysDamaged, path, err)
	}
	if f.Version != Version {
		return nil, errorText.Errorf(errInviteKeysDamaged, path, localize.Phrase{En: "unknown version", Ru: "неизвестная версия"})
	}
	secret, err := hex.DecodeString(f.Secret)
	if err != nil || len(secret) != 32 {
		return nil, errorText.Errorf(errInviteKeysDamaged, path, localize.Phrase{En: "secret is not 64 hex digits", Ru: "секрет — не 64 шестнадцатеричные цифры"})
	}
	return newKey(secret), nil
}

func newKey(secret []byte) *Key {
	m := hmac.New(sha256.New, secret)
	m.Write([]byte("opros invitation key id"))
	return &Key{secret: secret, id: m.Sum(nil)[:keyIDLen]}
}

// writeNew makes the file with mode 0600 from the first byte (a temporary
// file renamed into place, so a crash leaves no half-written key), and
// refuses to replace one that appeared meanwhile.
func writeNew(path string, raw []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".invite-keys-*.tmp")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if err := tmp.Chmod(0o600); err != nil {
		tmp.Close()
		return err
	}
	if _, err := tmp.Write(raw); err != nil {
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
	// A hard link fails if path exists, where a rename would replace it.
	return os.Link(tmp.Name(), path)
}

// Signed is what a link signs: the invitation and the hidden values the
// form will send with the answers (every hidden field of the survey; a
// field without a value counts as "").
type Signed struct {
	Survey  string
	ID      string
	Expires string // DateLayout, or "" for a link that does not expire
	Hidden  map[string]string
}

// message is the signed bytes: each part length-prefixed and the hidden
// values sorted by field id, so no two different invitations (a value
// moved from one field to the next, a separator inside a value) give the
// same bytes.
func (s Signed) message() []byte {
	var b []byte
	put := func(v string) {
		b = binary.AppendUvarint(b, uint64(len(v)))
		b = append(b, v...)
	}
	put("opros invitation 1")
	put(s.Survey)
	put(s.ID)
	put(s.Expires)
	ids := make([]string, 0, len(s.Hidden))
	for id, v := range s.Hidden {
		if v != "" { // absent and empty are one: the form sends "" for a field with no value
			ids = append(ids, id)
		}
	}
	sort.Strings(ids)
	b = binary.AppendUvarint(b, uint64(len(ids)))
	for _, id := range ids {
		put(id)
		put(s.Hidden[id])
	}
	return b
}

// Sign is the link's signature: the key's id and the HMAC, base64url.
func (k *Key) Sign(s Signed) string {
	m := hmac.New(sha256.New, k.secret)
	m.Write(s.message())
	return base64.RawURLEncoding.EncodeToString(append(append([]byte(nil), k.id...), m.Sum(nil)...))
}

// Why a signature is refused; Verify's errors say which.
var (
	ErrMalformed = errors.New("is not a signature made by opros invite")
	ErrOtherKey  = errors.New("was signed with another key: the invitation keys file was replaced since the link was made")
	ErrAltered   = errors.New("does not match the invitation: the link was altered (a hidden value such as the participant, the invitation id or the expiry is not the one signed)")
	ErrBadExpiry = errors.New("is not a date as YYYY-MM-DD")
	ErrExpired   = errors.New("has passed: the invitation expired")
	ErrBadID     = errors.New("must be 1-64 letters, digits, '-' or '_'")
	ErrNoTime    = errors.New("cannot be checked: the answer has no time to check it against")
)

// Verify checks sig against s, and the expiry against at (the time the
// answer arrived). The error is one of the Err values.
func (k *Key) Verify(s Signed, sig string, at time.Time) error {
	raw, err := base64.RawURLEncoding.DecodeString(sig)
	if err != nil || len(raw) != keyIDLen+sha256.Size {
		return ErrMalformed
	}
	if !hmac.Equal(raw[:keyIDLen], k.id) {
		return ErrOtherKey
	}
	m := hmac.New(sha256.New, k.secret)
	m.Write(s.message())
	if !hmac.Equal(raw[keyIDLen:], m.Sum(nil)) {
		return ErrAltered
	}
	if s.Expires != "" {
		end, err := ParseExpiry(s.Expires)
		if err != nil {
			return err
		}
		if at.IsZero() {
			return ErrNoTime
		}
		if !at.Before(end) {
			return ErrExpired
		}
	}
	return nil
}

// ParseExpiry is the first instant after an expiry date: the end of that
// day, UTC.
func ParseExpiry(exp string) (time.Time, error) {
	d, err := time.Parse(DateLayout, exp)
	if err != nil || d.Format(DateLayout) != exp {
		return time.Time{}, ErrBadExpiry
	}
	return d.AddDate(0, 0, 1), nil
}

// ValidID tells whether id can be an invitation id.
func ValidID(id string) bool {
	if len(id) == 0 || len(id) > 64 {
		return false
	}
	for i := 0; i < len(id); i++ {
		c := id[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-' || c == '_') {
			return false
		}
	}
	return true
}

// NewID is a fresh invitation id: 80 random bits in base32 (16 letters
// and digits, no padding), short enough for a link, too many to guess.
func NewID() string {
	var b [10]byte
	_, _ = rand.Read(b[:])
	const alphabet = "abcdefghijklmnopqrstuvwxyz234567"
	out := make([]byte, 16)
	var acc uint64
	for i := 0; i < 10; i++ {
		acc = acc<<8 | uint64(b[i])
		if i == 4 || i == 9 {
			for j := 0; j < 8; j++ {
				out[(i/5)*8+j] = alphabet[(acc>>(35-5*j))&31]
			}
			acc = 0
		}
	}
	return string(out)
}
