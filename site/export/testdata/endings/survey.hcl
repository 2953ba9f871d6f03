# Endings for the export: each respondent's ending is a variable (a copy of
# render/form/testdata/endings.hcl).
survey "endings" {
  title     = { en = "Endings", ru = "Завершения" }
  languages = ["en", "ru"]
  thank_you = { en = "Thanks (default).", ru = "Спасибо (по умолчанию)." }

  endpoint {
    url = "https://example.org/submit"
  }
}

hidden "rid" {}

ending "promoter" {
  show_if = q_nps >= 9
  text    = { en = "Thank you, **fan**!", ru = "Спасибо, **поклонник**!" }
}

ending "complete" {
  show_if = answered(q_nps)
  text    = { en = "Thank you for your answers.", ru = "Спасибо за ответы." }
}

ending "young" {
  text     = { en = "Sorry, this survey is for adults.", ru = "Извините, анкета для взрослых." }
  redirect = "https://panel.example/screenout?rid={hidden.rid}&id={response_id}"
}

page "screening" {
  title = { en = "About you", ru = "О вас" }

  question "q_age" {
    type     = "number"
    integer  = true
    text     = { en = "How old are you?", ru = "Сколько вам лет?" }
    required = true

    screen_out { # a question's: checked when its page is left
      if     = q_age < 18
      ending = "young"
    }
  }
}

page "main" {
  title = { en = "Your opinion", ru = "Ваше мнение" }

  question "q_nps" {
    type     = "nps"
    text     = { en = "How likely are you to recommend us?", ru = "Порекомендуете ли вы нас?" }
    required = true
  }
}

index "nps" {
  title = { en = "NPS", ru = "NPS" }
  kind  = "nps"
  items = [q_nps]
}

report {
  title     = { en = "Endings", ru = "Завершения" }
  languages = ["en", "ru"]
}
