package compiler

import (
	"bytes"
	"runtime"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"

	"github.com/opros/opros/compiler/internal/parallel"
)

// parseFile parses one survey file. A large file is cut between top-level
// blocks and its pieces are parsed concurrently, each at its own position
// in the file so every range stays exact; HCL's lexer and parser are over
// half the time a large survey takes to compile. The pieces' blocks are joined into one
// body in order. If any piece has a problem, or the cut is not clean, the
// whole file is parsed again in one piece, so diagnostics are always
// HCL's own for the whole file.
func parseFile(name string, src []byte) (*hcl.File, hcl.Diagnostics) {
	cuts := cutPoints(src, runtime.GOMAXPROCS(0))
	if len(cuts) == 0 {
		return hclsyntax.ParseConfig(src, name, hcl.InitialPos)
	}
	starts := append([]int{0}, cuts...)
	pieces := make([]*hcl.File, len(starts))
	diags := make([]hcl.Diagnostics, len(starts))
	parallel.For(len(starts), func(i int) {
		off, end := starts[i], len(src)
		if i+1 < len(starts) {
			end = starts[i+1]
		}
		pos := hcl.Pos{Line: 1 + bytes.Count(src[:off], []byte("\n")), Column: 1, Byte: off}
		pieces[i], diags[i] = hclsyntax.ParseConfig(src[off:end], name, pos)
	})
	for i, f := range pieces {
		if _, ok := f.Body.(*hclsyntax.Body); len(diags[i]) > 0 || !ok {
			return hclsyntax.ParseConfig(src, name, hcl.InitialPos)
		}
	}
	// The first piece's body becomes the file's: its file keeps HCL's
	// navigation (the "in page …" context of diagnostics) pointing at it.
	file := pieces[0]
	body := file.Body.(*hclsyntax.Body)
	if body.Attributes == nil {
		body.Attributes = hclsyntax.Attributes{}
	}
	for _, f := range pieces[1:] {
		b := f.Body.(*hclsyntax.Body)
		for k, a := range b.Attributes {
			if _, dup := body.Attributes[k]; dup {
				return hclsyntax.ParseConfig(src, name, hcl.InitialPos)
			}
			body.Attributes[k] = a
		}
		body.Blocks = append(body.Blocks, b.Blocks...)
		body.SrcRange.End = b.SrcRange.End
		body.EndRange = b.EndRange
	}
	file.Bytes = src
	return file, nil
}

// minPiece is the size below which cutting a file does not pay.
const minPiece = 64 << 10

// cutPoints returns offsets where src may be cut into about 2×workers
// pieces: right after a line holding only "}" at the left margin, when
// the next line that is not blank begins with a lowercase letter (a block
// type such as page or index), which is how every top-level block ends and
// the next starts in a formatted survey. A cut inside a heredoc or comment cannot go
// unnoticed: the piece before it would end in an unterminated string or
// comment, which parseFile treats as a reason to parse the whole file.
func cutPoints(src []byte, workers int) []int {
	n := min(2*workers, len(src)/minPiece)
	if n < 2 {
		return nil
	}
	var cuts []int
	from := 0
	for k := 1; k < n; k++ {
		from = max(from, k*len(src)/n)
		for {
			i := bytes.Index(src[from:], []byte("\n}\n"))
			if i < 0 {
				return cuts
			}
			from += i + 3
			next := from
			for next < len(src) && src[next] == '\n' {
				next++
			}
			if next < len(src) && src[next] >= 'a' && src[next] <= 'z' {
				cuts = append(cuts, from)
				break
			}
		}
	}
	return cuts
}
