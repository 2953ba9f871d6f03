package compiler

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/apparentlymart/go-textseg/v15/textseg"
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// detailWidth is where details are wrapped, in characters.
const detailWidth = 100

// maxSnippetLines is how many lines of a long range are shown.
const maxSnippetLines = 4

// WriteDiagnostics prints diagnostics for people: severity and summary,
// where (file, line, column, and the blocks around it), the source lines
// with line numbers and the range underlined with carets, then the detail,
// wrapped. files are the parsed files by name (Compiler.Files); lang is the
// interface language, "en" or "ru". The output depends only on its inputs,
// so it can be kept in golden files.
func WriteDiagnostics(w io.Writer, files map[string]*hcl.File, diags hcl.Diagnostics, lang string) error {
	var b bytes.Buffer
	for _, d := range diags {
		writeDiagnostic(&b, files, d, lang)
	}
	_, err := w.Write(b.Bytes())
	return err
}

// WriteDiagnostics prints diagnostics of files this compiler loaded, in
// the language c.Lang.
func (c *Compiler) WriteDiagnostics(w io.Writer, diags hcl.Diagnostics) error {
	return WriteDiagnostics(w, c.parser.Files(), diags, c.Lang)
}

func writeDiagnostic(b *bytes.Buffer, files map[string]*hcl.File, d *hcl.Diagnostic, lang string) {
	summary, detail := Localize(d, lang)
	heading := words.In(wordError, lang)
	if d.Severity == hcl.DiagWarning {
		heading = words.In(wordWarning, lang)
	}
	fmt.Fprintf(b, "%s: %s\n\n", heading, summary)
	if d.Subject != nil {
		writeSnippet(b, files, d, lang)
	}
	if detail != "" {
		for _, line := range strings.Split(detail, "\n") {
			b.WriteString(wrap(line, detailWidth))
			b.WriteByte('\n')
		}
		b.WriteByte('\n')
	}
}

// writeSnippet writes the "on FILE line N, column C" line and the source
// lines of the subject (and of its context, when HCL gives one), each line
// of the subject underlined.
func writeSnippet(b *bytes.Buffer, files map[string]*hcl.File, d *hcl.Diagnostic, lang string) {
	subj := *d.Subject
	file := files[subj.Filename]
	where := words.Format(wordOn, lang, subj.Filename, subj.Start.Line, subj.Start.Column)
	if file == nil || file.Bytes == nil {
		fmt.Fprintf(b, "  %s:\n  %s\n\n", where, words.In(wordNoSource, lang))
		return
	}
	if ctx := blockContext(file, subj.Start.Byte); ctx != "" {
		where += words.Format(wordIn, lang, ctx)
	}
	fmt.Fprintf(b, "  %s:\n", where)

	// An empty range cannot be underlined: widen it to one character, as
	// HCL's own writer does.
	if subj.Empty() {
		subj.End.Byte++
		subj.End.Column++
	}
	snip := subj
	if d.Context != nil {
		snip = hcl.RangeOver(snip, *d.Context)
	}
	src := file.Bytes
	width := len(strconv.Itoa(snip.End.Line))
	shown := 0
	sc := hcl.NewRangeScanner(src, subj.Filename, bufio.ScanLines)
	for sc.Scan() {
		line := sc.Range()
		if line.End.Line < snip.Start.Line {
			continue
		}
		if line.Start.Line > snip.End.Line {
			break
		}
		// A line that is empty overlaps nothing, yet it is part of the snippet.
		if !line.Overlaps(snip) && !(line.Empty() && line.Start.Line > snip.Start.Line && line.Start.Line < snip.End.Line) {
			continue
		}
		if shown == maxSnippetLines {
			fmt.Fprintf(b, "  %*s  …\n", width, "")
			break
		}
		shown++
		text := bytes.TrimRight(sc.Bytes(), "\r")
		fmt.Fprintf(b, "  %*d: %s\n", width, line.Start.Line, text)
		before, hl, _ := line.PartitionAround(subj)
		switch {
		case !hl.Empty():
			prefix := before.SliceBytes(src)
			mark := hl.SliceBytes(src)
			if line.Start.Line > subj.Start.Line {
				// On a continuation line, underline the text, not its indentation.
				trimmed := bytes.TrimLeft(mark, " \t")
				prefix = append(append([]byte{}, prefix...), mark[:len(mark)-len(trimmed)]...)
				mark = trimmed
			}
			if len(bytes.TrimSpace(mark)) > 0 {
				writeCarets(b, width, prefix, graphemes(mark))
			}
		case line.Start.Line == subj.Start.Line:
			// The subject starts at the end of this line (a missing brace, say).
			writeCarets(b, width, text, 1)
		}
	}
	b.WriteByte('\n')
}

// writeCarets writes a line of n carets under the characters that follow
// prefix on the line above, keeping its tabs so they line up in a terminal.
func writeCarets(b *bytes.Buffer, width int, prefix []byte, n int) {
	fmt.Fprintf(b, "  %*s  ", width, "")
	for len(prefix) > 0 {
		adv, g, _ := textseg.ScanGraphemeClusters(prefix, true)
		if adv == 0 {
			break
		}
		if g[0] == '\t' {
			b.WriteByte('\t')
		} else {
			b.WriteByte(' ')
		}
		prefix = prefix[adv:]
	}
	b.WriteString(strings.Repeat("^", max(n, 1)))
	b.WriteByte('\n')
}

// graphemes counts the characters of text as HCL counts columns: grapheme
// clusters, so "ё" written as e and a combining diaeresis is one.
func graphemes(text []byte) int {
	n := 0
	for len(text) > 0 {
		adv, _, _ := textseg.ScanGraphemeClusters(text, true)
		if adv == 0 {
			break
		}
		text = text[adv:]
		n++
	}
	return n
}

// blockContext names the blocks around byte offset off, outermost first:
// `page "p", question "q_kind"`. HCL's own writer names only the
// top-level block, which for a question is its page.
func blockContext(file *hcl.File, off int) string {
	body, ok := file.Body.(*hclsyntax.Body)
	if !ok {
		return ""
	}
	var parts []string
	for body != nil {
		var inner *hclsyntax.Body
		for _, blk := range body.Blocks {
			if !blk.Range().ContainsOffset(off) {
				continue
			}
			part := blk.Type
			for _, l := range blk.Labels {
				part += " " + strconv.Quote(l)
			}
			parts = append(parts, part)
			inner = blk.Body
			break
		}
		body = inner
	}
	return strings.Join(parts, ", ")
}

// wrap breaks text into lines of at most width characters at spaces; a
// word longer than width gets a line of its own.
func wrap(text string, width int) string {
	var b strings.Builder
	n := 0
	for i, word := range strings.Fields(text) {
		wl := utf8.RuneCountInString(word)
		switch {
		case i == 0:
		case n+1+wl > width:
			b.WriteByte('\n')
			n = 0
		default:
			b.WriteByte(' ')
			n++
		}
		b.WriteString(word)
		n += wl
	}
	return b.String()
}
