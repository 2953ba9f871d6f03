// Package largesurvey writes the generated survey that benchmarks and
// tests of every phase use, so that "a 1,000-question survey" means the
// same thing everywhere; cmd/gensurvey prints it for make bench.
package largesurvey

import (
	"fmt"
	"strings"
)

// Source returns the source of a survey with n questions of every type,
// ten to a page, with show_if conditions, an option set, a scale and
// scoring rules.
func Source(n int) []byte {
	var b strings.Builder
	b.WriteString(`survey "large" {
  title     = { en = "Large generated survey", ru = "Большая сгенерированная анкета" }
  languages = ["en", "ru"]
  wave      = 2026
  endpoint {
    url = "http://127.0.0.1:8080/submit"
  }
}

hidden "company" {
  role = "participant"
}

hidden "segment" {
  role = "segment"
}

option_set "ypn" {
  option "yes" {
    label = { en = "Yes", ru = "Да" }
    score = 2
  }
  option "partly" {
    label = { en = "Partly", ru = "Частично" }
    score = 1
  }
  option "no" {
    label = { en = "No", ru = "Нет" }
    score = 0
  }
  option "na" {
    label   = { en = "Not applicable", ru = "Не применимо" }
    missing = true
  }
}

scale "agree5" {
  min       = 1
  max       = 5
  min_label = { en = "Disagree", ru = "Не согласен" }
  max_label = { en = "Agree", ru = "Согласен" }
}
`)
	var scaled []string
	for i := 0; i < n; i++ {
		if i%10 == 0 {
			if i > 0 {
				b.WriteString("}\n")
			}
			fmt.Fprintf(&b, "\npage \"p%d\" {\n  title = { en = \"Page %d\", ru = \"Страница %d\" }\n", i/10, i/10, i/10)
		}
		id := fmt.Sprintf("q%d", i)
		fmt.Fprintf(&b, "\n  question %q {\n", id)
		text := fmt.Sprintf("{ en = \"Question %d: how would you rate this aspect of our service?\", ru = \"Вопрос %d: как вы оцениваете этот аспект обслуживания?\" }", i, i)
		switch i % 10 {
		case 0:
			fmt.Fprintf(&b, "    type     = \"single\"\n    text     = %s\n    required = true\n", text)
			for o := 0; o < 5; o++ {
				fmt.Fprintf(&b, "    option \"o%d\" {\n      label = { en = \"Option %d\", ru = \"Вариант %d\" }\n      score = %d\n    }\n", o, o, o, o)
			}
			scaled = append(scaled, id)
		case 1:
			fmt.Fprintf(&b, "    type    = \"multi\"\n    text    = %s\n    show_if = q%d == \"o1\" || q%d == \"o2\"\n", text, i-1, i-1)
			for o := 0; o < 6; o++ {
				fmt.Fprintf(&b, "    option \"o%d\" {\n      label = { en = \"Option %d\", ru = \"Вариант %d\" }\n    }\n", o, o, o)
			}
			b.WriteString("    option \"none\" {\n      label     = { en = \"None\", ru = \"Ничего\" }\n      exclusive = true\n    }\n")
			b.WriteString("    option \"other\" {\n      label = { en = \"Other\", ru = \"Другое\" }\n      other = true\n    }\n")
		case 2:
			fmt.Fprintf(&b, "    type    = \"matrix\"\n    text    = %s\n    options = option_set.ypn\n", text)
			for r := 0; r < 3; r++ {
				fmt.Fprintf(&b, "    row \"r%d\" {\n      label = { en = \"Row %d\", ru = \"Строка %d\" }\n    }\n", r, r, r)
			}
			scaled = append(scaled, id+".r0")
		case 3:
			fmt.Fprintf(&b, "    type  = \"likert\"\n    text  = %s\n    scale = scale.agree5\n", text)
			scaled = append(scaled, id)
		case 4:
			fmt.Fprintf(&b, "    type = \"nps\"\n    text = %s\n", text)
		case 5:
			fmt.Fprintf(&b, "    type    = \"rating\"\n    text    = %s\n    show_if = q%d >= 3\n", text, i-2)
			scaled = append(scaled, id)
		case 6:
			fmt.Fprintf(&b, "    type       = \"text\"\n    text       = %s\n    max_length = 500\n", text)
		case 7:
			fmt.Fprintf(&b, "    type    = \"number\"\n    text    = %s\n    min     = 0\n    max     = 1000\n    integer = true\n", text)
		case 8:
			fmt.Fprintf(&b, "    type = \"dropdown\"\n    text = %s\n", text)
			for o := 0; o < 8; o++ {
				fmt.Fprintf(&b, "    option \"d%d\" {\n      label = { en = \"Choice %d\", ru = \"Выбор %d\" }\n    }\n", o, o, o)
			}
		case 9:
			fmt.Fprintf(&b, "    type = \"date\"\n    text = %s\n", text)
		}
		b.WriteString("  }\n")
	}
	if n > 0 {
		b.WriteString("}\n")
	}
	if len(scaled) > 0 {
		fmt.Fprintf(&b, "\nblock \"all\" {\n  title = { en = \"All\", ru = \"Все\" }\n  items = [%s]\n}\n", strings.Join(scaled, ", "))
		b.WriteString("\nindex \"overall\" {\n  title = { en = \"Overall\", ru = \"Общий\" }\n  kind  = \"blocks\"\n  items = [block.all]\n}\n")
	}
	if n > 4 {
		b.WriteString("\nindex \"nps\" {\n  title = { en = \"NPS\", ru = \"NPS\" }\n  kind  = \"nps\"\n  items = [q4]\n}\n")
	}
	b.WriteString("\nbenchmark {\n  participant = hidden.company\n  segments    = [hidden.segment]\n}\n")
	return []byte(b.String())
}
