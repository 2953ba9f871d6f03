// Package format rewrites survey files in canonical form (`opros fmt`), so
// that two researchers' edits diff only where the content differs.
//
// Canonical means: hclwrite's alignment and spacing, one blank line between
// top-level blocks, no blank lines at the start or end of a block, no
// trailing spaces, runs of blank lines folded to one, and exactly one
// newline at the end of the file. Formatting never changes meaning: it only
// touches white space.
package format

import (
	"bytes"
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/hashicorp/hcl/v2/hclwrite"
)

// Format returns src in canonical form. A file that does not parse is
// returned unchanged with its diagnostics: formatting broken HCL would guess.
func Format(src []byte, filename string) ([]byte, hcl.Diagnostics) {
	if !utf8.Valid(src) {
		// hclsyntax tolerates a stray byte at the end of a file but not
		// elsewhere, so formatting could turn a file it accepts into one it
		// rejects; survey files are UTF-8, say so up front.
		return src, hcl.Diagnostics{{Severity: hcl.DiagError, Summary: "Invalid Character Encoding",
			Detail: filename + " is not valid UTF-8; save it as UTF-8 in your editor."}}
	}
	if _, diags := hclsyntax.ParseConfig(src, filename, hcl.InitialPos); diags.HasErrors() {
		return src, diags
	}
	out := normalizeBlankLines(hclwrite.Format(src))
	// hclwrite aligns "=" by looking at neighbouring lines, and our blank
	// line changes can change the neighbours, so format once more to reach
	// the fixed point.
	out = normalizeBlankLines(hclwrite.Format(out))
	return out, nil
}

// normalizeBlankLines works on lines outside heredocs only, since heredoc
// text is content the researcher wrote.
func normalizeBlankLines(src []byte) []byte {
	lines := bytes.Split(src, []byte("\n"))
	var out [][]byte
	heredocEnd := []byte(nil)
	depth := 0
	for _, raw := range lines {
		if heredocEnd != nil {
			out = append(out, raw)
			if bytes.Equal(bytes.TrimSpace(raw), heredocEnd) {
				heredocEnd = nil
			}
			continue
		}
		line := bytes.TrimRight(raw, " \t\r")
		trimmed := bytes.TrimSpace(line)
		blank := len(trimmed) == 0
		if blank {
			// Drop blank lines at the start of the file, after an opening
			// brace, and doubled ones.
			if len(out) == 0 || len(bytes.TrimSpace(out[len(out)-1])) == 0 || bytes.HasSuffix(out[len(out)-1], []byte("{")) {
				continue
			}
			out = append(out, line)
			continue
		}
		if bytes.HasPrefix(trimmed, []byte("}")) && len(out) > 0 && len(bytes.TrimSpace(out[len(out)-1])) == 0 {
			out = out[:len(out)-1] // no blank line before a closing brace
		}
		// One blank line between top-level blocks.
		if depth == 0 && len(out) > 0 && isBlockStart(trimmed) {
			prev := bytes.TrimSpace(out[len(out)-1])
			if bytes.Equal(prev, []byte("}")) {
				out = append(out, nil)
			}
		}
		out = append(out, line)
		if i := bytes.Index(line, []byte("<<")); i >= 0 && !inString(line, i) {
			marker := bytes.TrimLeft(line[i+2:], "-")
			if len(marker) > 0 {
				heredocEnd = bytes.TrimSpace(marker)
			}
		}
		depth += braceDelta(line)
		if depth < 0 {
			depth = 0
		}
	}
	for len(out) > 0 && len(bytes.TrimSpace(out[len(out)-1])) == 0 {
		out = out[:len(out)-1]
	}
	return append(bytes.Join(out, []byte("\n")), '\n')
}

func isBlockStart(line []byte) bool {
	return bytes.HasSuffix(line, []byte("{")) && !bytes.Contains(line, []byte("="))
}

// braceDelta counts block nesting outside strings and comments.
func braceDelta(line []byte) int {
	d := 0
	inStr := false
	for i := 0; i < len(line); i++ {
		c := line[i]
		switch {
		case inStr && c == '\\':
			i++
		case c == '"':
			inStr = !inStr
		case !inStr && c == '#':
			return d
		case !inStr && c == '/' && i+1 < len(line) && line[i+1] == '/':
			return d
		case !inStr && c == '{':
			d++
		case !inStr && c == '}':
			d--
		}
	}
	return d
}

func inString(line []byte, pos int) bool {
	inStr := false
	for i := 0; i < pos && i < len(line); i++ {
		switch {
		case inStr && line[i] == '\\':
			i++
		case line[i] == '"':
			inStr = !inStr
		}
	}
	return inStr
}
