package form

import (
	"html"
	"net/url"
	"regexp"
	"strconv"
	"strings"

	"github.com/opros/opros/compiler/ir"
)

// Piped values (ir.PipeRef) in the page: each placeholder becomes
// <span data-pipe="ref" data-fb="fallback">fallback</span>, so that the
// page without JavaScript reads the fallback (ir.NoAnswer unless the author
// gave one), never the raw {…}, and form.js fills every such span from the
// answers with textContent, so an answer is never read as HTML.

// pipeMark and pipeEnd enclose a placeholder's number while the text goes
// through Markdown or escaping: private-use characters that neither
// changes and no author writes.
const pipeMark, pipeEnd = "\ue000", "\ue001"

// piped is a text with its placeholders set aside as numbered marks.
type piped struct {
	text string
	uses []ir.Piped
}

func pipeOut(src string) piped {
	if !strings.Contains(src, "{") {
		return piped{text: src}
	}
	var p piped
	p.text = ir.PipeRef.ReplaceAllStringFunc(src, func(m string) string {
		u := ir.Pipes(m)[0]
		p.uses = append(p.uses, u)
		return pipeMark + strconv.Itoa(len(p.uses)-1) + pipeEnd
	})
	return p
}

// in puts the placeholders back into the HTML made of p.text: a span in
// text, the fallback alone inside a tag (a link's address or title, where
// an element cannot go).
func (p piped) in(out string) string {
	if len(p.uses) == 0 {
		return out
	}
	// Markdown percent-encodes a link's address, marks included.
	out = encodedMark.ReplaceAllStringFunc(out, func(m string) string {
		n, _ := strconv.Atoi(encodedMark.FindStringSubmatch(m)[1])
		if n >= len(p.uses) {
			return m
		}
		return url.PathEscape(ir.PipeFallback(p.uses[n].Fallback))
	})
	var b strings.Builder
	for {
		i := strings.Index(out, pipeMark)
		if i < 0 {
			break
		}
		j := strings.Index(out[i:], pipeEnd)
		if j < 0 {
			break
		}
		n, err := strconv.Atoi(out[i+len(pipeMark) : i+j])
		if err != nil || n >= len(p.uses) {
			break
		}
		b.WriteString(out[:i])
		u := p.uses[n]
		fb := html.EscapeString(ir.PipeFallback(u.Fallback))
		if inTag(out[:i]) {
			b.WriteString(fb)
		} else {
			b.WriteString(`<span data-pipe="` + html.EscapeString(u.Ref) + `" data-fb="` + fb + `">` + fb + `</span>`)
		}
		out = out[i+j+len(pipeEnd):]
	}
	b.WriteString(out)
	return b.String()
}

var encodedMark = regexp.MustCompile(`%EE%80%80([0-9]+)%EE%80%81`)

// inTag reports whether the HTML before a point leaves it inside a tag:
// Markdown's and the escaper's output write < and > only as tags' ends.
func inTag(before string) bool {
	return strings.LastIndexByte(before, '<') > strings.LastIndexByte(before, '>')
}

// pipedHTML is plain text as HTML with its piped values as spans.
func pipedHTML(text string) string {
	p := pipeOut(text)
	return p.in(html.EscapeString(p.text))
}

// pipedMarkdown is Markdown as HTML with its piped values as spans.
func pipedMarkdown(src string) string {
	p := pipeOut(src)
	return p.in(markdown(p.text))
}

// pipeLabels are the words form.js shows for the stored values of every
// question some text of the page pipes (ir.PipeLabels), by question.
func pipeLabels(s *ir.Survey, lang string, texts []string) map[string]map[string]string {
	var out map[string]map[string]string
	for _, t := range texts {
		for _, u := range ir.Pipes(t) {
			q := s.Question(u.Ref)
			if q == nil {
				continue
			}
			if l := ir.PipeLabels(q, lang); l != nil {
				if out == nil {
					out = map[string]map[string]string{}
				}
				out[u.Ref] = l
			}
		}
	}
	return out
}

// pipedTexts are the texts of a survey that pipe, in lang: as
// compiler/pipes.go checks them.
func pipedTexts(s *ir.Survey, lang string) []string {
	out := []string{s.Intro.Get(lang), s.ThankYou.Get(lang)}
	for _, p := range s.Pages {
		out = append(out, p.Title.Get(lang), p.Intro.Get(lang))
		for _, q := range p.Questions {
			out = append(out, q.Text.Get(lang), q.Help.Get(lang))
			for _, o := range q.Options {
				out = append(out, o.Label.Get(lang))
			}
		}
	}
	for _, e := range s.Endings {
		out = append(out, e.Text.Get(lang))
	}
	return out
}
