package main

import (
	"flag"
	"fmt"
	"github.com/opros/opros/compiler/localize"
	"os"
	"path/filepath"
	"strings"
)

func init() {
	register(&command{
		name: "init",
		args: "[DIR]",
		short: localize.Phrase{
			En: "write a starter survey",
			Ru: "создать стартовую анкету",
		},
		long: localize.Phrase{
			En: "Init writes a small bilingual (Russian/English) NPS and CSAT survey into DIR\n(default: survey) as survey.hcl, ready for opros check and opros build.",
			Ru: "Создаёт в DIR (по умолчанию survey) небольшую двуязычную анкету NPS и CSAT\nв файле survey.hcl, готовую для opros check и opros build.",
		},
		setup: func(fs *flag.FlagSet) func(*env, []string) int {
			return runInit
		},
	})
}

func runInit(e *env, args []string) int {
	dir := "survey"
	switch len(args) {
	case 0:
	case 1:
		dir = args[0]
	default:
		fmt.Fprintf(e.stderr, msg(e, msgExtraArgs), "init", strings.Join(args[1:], " "))
		return exitUsage
	}
	path := filepath.Join(dir, "survey.hcl")
	if _, err := os.Stat(path); err == nil {
		fmt.Fprintf(e.stderr, msg(e, msgInitExists), path)
		return exitInput
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		printErr(e, "init", err)
		return exitInput
	}
	if err := os.WriteFile(path, []byte(starterSurvey), 0o644); err != nil {
		printErr(e, "init", err)
		return exitInput
	}
	fmt.Fprintf(e.stdout, msg(e, msgInitDone), dir, dir, dir)
	return exitOK
}

const starterSurvey = `# A starter survey. The language is described in docs/language.md.

survey "feedback" {
  title     = { ru = "Оценка обслуживания", en = "Service feedback" }
  languages = ["ru", "en"]
  version   = "1"
  wave      = 2026
  thank_you = { ru = "Спасибо! Ваши ответы получены.", en = "Thank you! Your answers have been received." }

  endpoint {
    url = "http://127.0.0.1:8080/submit"
  }
}

hidden "company" {
  role  = "participant"
  label = { ru = "Компания", en = "Company" }
}

hidden "channel" {
  role  = "channel"
  label = { ru = "Канал", en = "Channel" }
}

page "experience" {
  title = { ru = "Ваш опыт", en = "Your experience" }

  question "q_nps" {
    type      = "nps"
    text      = { ru = "Насколько вероятно, что вы порекомендуете нас друзьям?", en = "How likely are you to recommend us to a friend?" }
    min_label = { ru = "Совсем маловероятно", en = "Not at all likely" }
    max_label = { ru = "Очень вероятно", en = "Extremely likely" }
    required  = true
  }

  question "q_csat" {
    type      = "rating"
    max       = 5
    text      = { ru = "Насколько вы довольны обслуживанием?", en = "How satisfied are you with our service?" }
    min_label = { ru = "Очень недоволен", en = "Very dissatisfied" }
    max_label = { ru = "Очень доволен", en = "Very satisfied" }
    required  = true
  }

  question "q_improve" {
    type       = "text"
    multiline  = true
    max_length = 2000
    text       = { ru = "Что нам стоит улучшить в первую очередь?", en = "What should we improve first?" }
    show_if    = q_nps <= 6
  }
}

index "nps" {
  title = { ru = "Индекс NPS", en = "Net Promoter Score" }
  kind  = "nps"
  items = [q_nps]
}

index "csat" {
  title = { ru = "Удовлетворённость (CSAT)", en = "Satisfaction (CSAT)" }
  kind  = "top_box"
  items = [q_csat]
  top   = 2
}

benchmark {
  participant    = hidden.company
  segments       = [hidden.channel]
  min_group_size = 5
}
`
