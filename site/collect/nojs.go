package collect

import (
	"bytes"
	"crypto/rand"
	"encoding/base64"
	"errors"
	"io"
	"io/fs"
	"net/http"
	"os"
	"path"
	"strconv"
)

// responseIDSlot is the form's hidden response id as the form template
// writes it, empty. An author's text cannot produce it: attribute quotes
// in text are escaped, so the first match is the form's own field.
var responseIDSlot = []byte(`name="_response_id" value=""`)

// forms serves the built forms (Options.FormsDir) without directory
// listings. A form page gets a fresh response id in its hidden
// _response_id field at every load, so the form without JavaScript, sent
// twice (a double click, a reload of the thank-you page), is stored once;
// form.js uses the same id. The page is sent with Cache-Control: no-store:
// a cache handing one page, and so one id, to two respondents would store
// only the first of their answers.
func (srv *Server) forms() http.Handler {
	root := noListing{http.Dir(srv.opts.FormsDir)}
	files := http.FileServer(root)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if (r.Method == http.MethodGet || r.Method == http.MethodHead) && len(r.URL.Path) > 0 && r.URL.Path[len(r.URL.Path)-1] == '/' {
			if page, err := readFile(root, path.Join(path.Clean(r.URL.Path), "index.html")); err == nil && bytes.Contains(page, responseIDSlot) {
				page = bytes.Replace(page, responseIDSlot, []byte(`name="_response_id" value="`+pageResponseID()+`"`), 1)
				if r.Method == http.MethodGet {
					srv.noteStarted(r)
				}
				h := w.Header()
				h.Set("Content-Type", "text/html; charset=utf-8")
				h.Set("Cache-Control", "no-store")
				h.Set("Content-Length", strconv.Itoa(len(page)))
				w.WriteHeader(http.StatusOK)
				if r.Method == http.MethodGet {
					_, _ = w.Write(page)
				}
				return
			}
		}
		files.ServeHTTP(w, r)
	})
}

// pageResponseID is a response id made by the server for one page load:
// "page-" and 22 characters of base64url from 128 random bits.
func pageResponseID() string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	return "page-" + base64.RawURLEncoding.EncodeToString(b[:])
}

func readFile(root http.FileSystem, name string) ([]byte, error) {
	f, err := root.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if st, err := f.Stat(); err != nil || st.IsDir() {
		return nil, errors.Join(err, fs.ErrNotExist)
	}
	return io.ReadAll(f)
}

// noListing is a file system in which a folder without an index.html does
// not exist, so http.FileServer answers 404 instead of listing it.
type noListing struct{ http.FileSystem }

func (n noListing) Open(name string) (http.File, error) {
	f, err := n.FileSystem.Open(name)
	if err != nil {
		return nil, err
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, err
	}
	if st.IsDir() {
		index, err := n.FileSystem.Open(path.Join(name, "index.html"))
		if err != nil {
			f.Close()
			return nil, os.ErrNotExist
		}
		index.Close()
	}
	return f, nil
}
