package importer

import (
	"html"
	"net/url"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// SurveyJS writes texts as HTML (html elements, completedHtml); opros
// texts are Markdown, which escapes raw HTML, so tags would show as
// written. markdownOf turns the HTML a survey's texts use into Markdown:
// paragraphs, line breaks, bold, italics, lists, headings (as bold
// paragraphs) and http(s) links. No HTML passes through: scripts and
// styles go with their content, any other tag leaves its text, and the
// text's own Markdown characters are escaped so that it reads as written.
// What could not be carried (an image, a table's layout, a link that is
// not http(s), styling) is returned, one word each, for the import's list.

var (
	htmlComment = regexp.MustCompile(`(?s)<!--.*?-->`)
	htmlDrop    = regexp.MustCompile(`(?is)<(script|style)\b[^>]*>.*?</(script|style)\s*>`)
	htmlTag     = regexp.MustCompile(`<(/?)([A-Za-z][A-Za-z0-9]*)\b((?:[^>"']|"[^"]*"|'[^']*')*)>`)
	htmlAttr    = regexp.MustCompile(`(?i)\b([a-z-]+)\s*=\s*("([^"]*)"|'([^']*)'|([^\s>]+))`)
)

// markdownOf is the Markdown for an HTML fragment and what it lost.
func markdownOf(src string) (string, []string) {
	lost := map[string]bool{}
	src = htmlComment.ReplaceAllString(src, "")
	src = htmlDrop.ReplaceAllStringFunc(src, func(m string) string {
		lost[strings.ToLower(htmlTag.FindStringSubmatch(m)[2])] = true
		return ""
	})
	var b strings.Builder
	var lists []int // open lists: 0 for ul, else the next number of an ol
	var href []string
	last := 0
	for _, m := range htmlTag.FindAllStringSubmatchIndex(src, -1) {
		b.WriteString(escapeMarkdown(html.UnescapeString(src[last:m[0]])))
		last = m[1]
		closing := m[3] > m[2]
		name := strings.ToLower(src[m[4]:m[5]])
		attrs := src[m[6]:m[7]]
		if strings.Contains(strings.ToLower(attrs), "style") {
			lost["style"] = true
		}
		switch name {
		case "b", "strong":
			b.WriteString("**")
		case "i", "em":
			b.WriteString("*")
		case "br":
			b.WriteString("  \n")
		case "p", "div", "section", "blockquote", "tr":
			b.WriteString("\n\n")
		case "h1", "h2", "h3", "h4", "h5", "h6":
			if closing {
				b.WriteString("**\n\n")
			} else {
				b.WriteString("\n\n**")
			}
		case "ul", "ol":
			if closing {
				if len(lists) > 0 {
					lists = lists[:len(lists)-1]
				}
			} else if name == "ol" {
				lists = append(lists, 1)
			} else {
				lists = append(lists, 0)
			}
			b.WriteString("\n\n")
		case "li":
			if closing {
				continue
			}
			b.WriteString("\n" + strings.Repeat("   ", max(len(lists)-1, 0)))
			if n := len(lists); n > 0 && lists[n-1] > 0 {
				b.WriteString(strconv.Itoa(lists[n-1]) + ". ")
				lists[n-1]++
			} else {
				b.WriteString("- ")
			}
		case "a":
			if closing {
				if n := len(href); n > 0 {
					if href[n-1] != "" {
						b.WriteString("](" + href[n-1] + ")")
					}
					href = href[:n-1]
				}
				continue
			}
			u := attr(attrs, "href")
			if pu, err := url.Parse(u); err != nil || (pu.Scheme != "http" && pu.Scheme != "https") || pu.Host == "" || strings.ContainsAny(u, " ()<>") {
				if u != "" {
					lost["link"] = true
				}
				u = ""
			} else {
				b.WriteString("[")
			}
			href = append(href, u)
		case "td", "th":
			if !closing {
				b.WriteString(" ")
			}
			lost["table"] = true
		case "table", "tbody", "thead", "span", "font", "u", "small", "center", "hr", "sup", "sub":
			if name != "span" && name != "tbody" && name != "thead" {
				lost[name] = true
			}
		case "img":
			lost["img"] = true
			if alt := attr(attrs, "alt"); alt != "" {
				b.WriteString(escapeMarkdown(alt))
			}
		default:
			lost[name] = true
		}
	}
	b.WriteString(escapeMarkdown(html.UnescapeString(src[last:])))
	out := tidyMarkdown(b.String())
	words := make([]string, 0, len(lost))
	for w := range lost {
		words = append(words, w)
	}
	sort.Strings(words)
	return out, words
}

func attr(attrs, name string) string {
	for _, m := range htmlAttr.FindAllStringSubmatch(attrs, -1) {
		if strings.EqualFold(m[1], name) {
			return html.UnescapeString(m[3] + m[4] + m[5])
		}
	}
	return ""
}

// escapeMarkdown escapes the characters of HTML text that Markdown would
// read as formatting, outside {…}, which may be a pipe (pipes.go).
func escapeMarkdown(s string) string {
	var b strings.Builder
	depth := 0
	for _, r := range s {
		switch {
		case r == '{':
			depth++
		case r == '}' && depth > 0:
			depth--
		case depth == 0 && strings.ContainsRune("\\*_`[]#", r):
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

var (
	spaceRun  = regexp.MustCompile(`[ \t\r]*\n[ \t\r]*\n[ \t\r\n]*`)
	emptyBold = regexp.MustCompile(`\*\*\s*\*\*`)
)

// tidyMarkdown joins runs of blank lines into one, drops bold around
// nothing, and trims.
func tidyMarkdown(s string) string {
	s = emptyBold.ReplaceAllString(s, "")
	s = spaceRun.ReplaceAllString(s, "\n\n")
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		if !strings.HasSuffix(l, "  ") {
			lines[i] = strings.TrimRight(l, " \t")
		}
		// A line that is only a hard break's spaces is blank.
		if strings.TrimSpace(l) == "" {
			lines[i] = ""
		}
	}
	return strings.TrimSpace(strings.Join(lines, "\n"))
}
