package collect

import (
	"bytes"
	"errors"
	"fmt"
	"mime"
	"mime/multipart"
	"net/url"
	"sort"
	"strings"
)

// formValues reads a form post, form-urlencoded or multipart/form-data (a
// form with enctype="multipart/form-data", or a script posting FormData),
// into the same values. body is whole and at most MaxBody, so nothing of a
// multipart form goes to temporary files. A file in it is refused: no
// question is answered with one.
func formValues(ctype string, body []byte) (url.Values, error) {
	if !strings.HasPrefix(ctype, "multipart/form-data") {
		return url.ParseQuery(string(body))
	}
	_, params, err := mime.ParseMediaType(ctype)
	if err != nil {
		return nil, err
	}
	if params["boundary"] == "" {
		return nil, errors.New("multipart/form-data without a boundary")
	}
	form, err := multipart.NewReader(bytes.NewReader(body), params["boundary"]).ReadForm(int64(len(body)) + 1<<20)
	if err != nil {
		return nil, err
	}
	defer form.RemoveAll()
	if len(form.File) > 0 {
		names := make([]string, 0, len(form.File))
		for k := range form.File {
			names = append(names, k)
		}
		sort.Strings(names)
		return nil, fmt.Errorf("a file was sent as %q; answers are text", names[0])
	}
	return url.Values(form.Value), nil
}
