// Copyright (c) opros authors
// SPDX-License-Identifier: MPL-2.0

package hclsyntax

import (
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/internal/unicodeutil"
)

// endByClusters is emitToken's position walk as upstream HCL has it: one
// column per grapheme cluster, a new line after LF or CR LF.
func endByClusters(start hcl.Pos, b []byte) hcl.Pos {
	end := start
	for len(b) > 0 {
		advance, seq, _ := unicodeutil.ScanGraphemeClusters(b, true)
		if (len(seq) == 1 && seq[0] == '\n') || (len(seq) == 2 && seq[0] == '\r' && seq[1] == '\n') {
			end.Line++
			end.Column = 1
		} else {
			end.Column++
		}
		b = b[advance:]
	}
	return end
}

// endPatched is the walk with the ASCII fast path in front of it.
func endPatched(start hcl.Pos, b []byte) hcl.Pos {
	end := start
	b = advanceASCII(&end, b)
	return endByClusters(end, b)
}

func TestAdvanceASCII(t *testing.T) {
	for _, s := range []string{
		"", "a", "abc", "\n", "\r\n", "\r", "a\r", "a\r\n", "\r\nb", "ab\r\r\nc",
		"héllo", "e\u0301", "ae\u0301b", "x\r\n\u0301", "\r\u0301", "\n\u0301",
		"Вопрос 0: как вы оцениваете?", "a👍🏽b", "👨‍👩‍👧 x", "a\u200db", "\u0600x",
		"line1\nline2\r\nline3", "🇷🇺🇺🇦", "abc\r", "ab\r\u0301",
	} {
		start := hcl.Pos{Line: 3, Column: 7, Byte: 40}
		if got, want := endPatched(start, []byte(s)), endByClusters(start, []byte(s)); got != want {
			t.Errorf("%q: end %v, upstream walk gives %v", s, got, want)
		}
	}
}

func FuzzAdvanceASCII(f *testing.F) {
	for _, s := range []string{"a\r\n\u0301", "e\u0301", "Вопрос", "\r\r\n"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		start := hcl.InitialPos
		if got, want := endPatched(start, b), endByClusters(start, b); got != want {
			t.Errorf("%q: end %v, upstream walk gives %v", b, got, want)
		}
	})
}
