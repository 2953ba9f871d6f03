// Package seal encrypts a finished deliverable folder for a static host: every
// HTML page becomes a small page that asks for the participant's passphrase and
// decrypts the original in the browser with WebCrypto.
//
// Key: PBKDF2-HMAC-SHA256 over the passphrase, Iterations rounds, a random
// 16-byte salt per deliverable (so the reader types the passphrase once for
// all its pages). Each page: AES-256-GCM with its own random 12-byte nonce;
// a wrong passphrase fails GCM's authentication and nothing is shown.
package seal

import (
	"bytes"
	"crypto/aes"
	"crypto/cipher"
	"crypto/pbkdf2"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
)

// Iterations of PBKDF2-SHA256: OWASP's 2023 figure for this hash. StatiCrypt
// used 1,000 (later 600,000 split over several hashes); a page opened from a
// leaked address is attacked offline, so the cost is paid per guess.
const Iterations = 600_000

const (
	saltSize  = 16
	nonceSize = 12
	keySize   = 32
	version   = 1
)

// ErrWrongPassphrase is returned by Open when the passphrase does not
// authenticate the page.
var ErrWrongPassphrase = errors.New("wrong passphrase")

// Options says which files of the folder may stay unencrypted.
type Options struct {
	// Clear reports whether a non-HTML file (path relative to the folder,
	// slash-separated) is a static asset without any participant data, such
	// as the report's stylesheet and script. Every other non-HTML file makes
	// Folder fail: it cannot be protected, and it must not be left readable.
	Clear func(rel string) bool
}

// Stats counts what Folder did.
type Stats struct {
	Pages int // HTML pages encrypted
	Clear int // static assets left as they were
}

// sealed is what a shell page carries: everything but the key.
type sealed struct {
	V     int    `json:"v"`
	Iter  int    `json:"iter"`
	Salt  string `json:"salt"`
	Nonce string `json:"nonce"`
	CT    string `json:"ct"`
}

// Key derives the AES-256 key from a passphrase and salt.
func Key(passphrase string, salt []byte, iter int) ([]byte, error) {
	return pbkdf2.Key(sha256.New, passphrase, salt, iter, keySize)
}

// Folder encrypts every .html page under dir with a key derived from
// passphrase. It writes the sealed copy next to dir and swaps it in only when
// every page is done, so a failure leaves dir as it was.
func Folder(dir, passphrase string, opts Options) (Stats, error) {
	var st Stats
	if len(passphrase) < 8 {
		return st, fmt.Errorf("seal %s: passphrase shorter than 8 characters", dir)
	}
	salt := make([]byte, saltSize)
	rand.Read(salt)
	key, err := Key(passphrase, salt, Iterations)
	if err != nil {
		return st, err
	}
	dir = filepath.Clean(dir)
	tmp, err := os.MkdirTemp(filepath.Dir(dir), "."+filepath.Base(dir)+".sealing-")
	if err != nil {
		return st, err
	}
	defer os.RemoveAll(tmp) // after the swap it holds the clear original
	err = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		out := filepath.Join(tmp, "new", rel)
		if d.IsDir() {
			return os.MkdirAll(out, 0o755)
		}
		if !d.Type().IsRegular() {
			return fmt.Errorf("seal %s: %s is not a regular file", dir, rel)
		}
		body, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		slash := filepath.ToSlash(rel)
		switch {
		case isHTML(slash):
			page, err := sealPage(body, key, salt)
			if err != nil {
				return fmt.Errorf("seal %s: %w", p, err)
			}
			body = page
			st.Pages++
		case opts.Clear != nil && opts.Clear(slash):
			st.Clear++
		default:
			return fmt.Errorf("seal %s: %s is neither an HTML page nor a static asset: it cannot be encrypted and must not stay readable", dir, slash)
		}
		return os.WriteFile(out, body, 0o644)
	})
	if err != nil {
		return Stats{}, err
	}
	old := filepath.Join(tmp, "old")
	if err := os.Rename(dir, old); err != nil {
		return Stats{}, err
	}
	if err := os.Rename(filepath.Join(tmp, "new"), dir); err != nil {
		os.Rename(old, dir)
		return Stats{}, err
	}
	return st, nil
}

func isHTML(rel string) bool {
	l := strings.ToLower(rel)
	return strings.HasSuffix(l, ".html") || strings.HasSuffix(l, ".htm")
}

var langAttr = regexp.MustCompile(`(?i)<html[^>]*\slang="?([a-zA-Z-]+)`)

// sealPage encrypts one page and returns the shell page that carries it. The
// shell speaks the page's language (en or ru), since the reader may not have
// the other; the language is the only thing it takes from the page.
func sealPage(page, key, salt []byte) ([]byte, error) {
	lang := "en"
	if m := langAttr.FindSubmatch(page); m != nil && strings.HasPrefix(strings.ToLower(string(m[1])), "ru") {
		lang = "ru"
	}
	nonce := make([]byte, nonceSize)
	rand.Read(nonce)
	gcm, err := newGCM(key)
	if err != nil {
		return nil, err
	}
	ct := gcm.Seal(nil, nonce, page, nil)
	data, _ := json.Marshal(sealed{
		V: version, Iter: Iterations,
		Salt:  base64.StdEncoding.EncodeToString(salt),
		Nonce: base64.StdEncoding.EncodeToString(nonce),
		CT:    base64.StdEncoding.EncodeToString(ct),
	})
	var buf bytes.Buffer
	err = shell.Execute(&buf, struct {
		Lang string
		T    map[string]string
		Data template.JS
		JS   template.JS
	}{lang, texts.Lang(lang), template.JS(data), template.JS(shellJS)})
	return buf.Bytes(), err
}

func newGCM(key []byte) (cipher.AEAD, error) {
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, err
	}
	return cipher.NewGCM(block)
}

var dataRe = regexp.MustCompile(`<script type="application/json" id="sealed">([^<]*)</script>`)

// Open decrypts a shell page written by Folder: the same computation the
// browser does, for tests and for an operator who wants to check a page.
func Open(shellPage []byte, passphrase string) ([]byte, error) {
	m := dataRe.FindSubmatch(shellPage)
	if m == nil {
		return nil, errors.New("not a sealed page")
	}
	var s sealed
	if err := json.Unmarshal(m[1], &s); err != nil {
		return nil, fmt.Errorf("sealed page: %w", err)
	}
	if s.V != version {
		return nil, fmt.Errorf("sealed page: version %d, want %d", s.V, version)
	}
	salt, err1 := base64.StdEncoding.DecodeString(s.Salt)
	nonce, err2 := base64.StdEncoding.DecodeString(s.Nonce)
	ct, err3 := base64.StdEncoding.DecodeString(s.CT)
	if err := errors.Join(err1, err2, err3); err != nil {
		return nil, fmt.Errorf("sealed page: %w", err)
	}
	if len(nonce) != nonceSize {
		return nil, fmt.Errorf("sealed page: nonce of %d bytes", len(nonce))
	}
	key, err := Key(passphrase, salt, s.Iter)
	if err != nil {
		return nil, err
	}
	gcm, err := newGCM(key)
	if err != nil {
		return nil, err
	}
	page, err := gcm.Open(nil, nonce, ct, nil)
	if err != nil {
		return nil, ErrWrongPassphrase
	}
	return page, nil
}
