package compiler

import "github.com/hashicorp/hcl/v2"

// MessageIDs lists the catalogue's ids, for the coverage test.
func MessageIDs() []string {
	var ids []string
	for id := range messages {
		ids = append(ids, id)
	}
	return ids
}

// MessageID returns the catalogue id a diagnostic was built from, or "".
func MessageID(d *hcl.Diagnostic) string {
	if ref, ok := d.Extra.(*msgRef); ok {
		return ref.id
	}
	return ""
}
