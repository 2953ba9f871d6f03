# One page, one NPS question and three follow-ups shown by its answer: the
# survey of issue #18's layout-jump measurement (CLS 0.78-0.84 before) and
# of the one-page flow (no review step, no step counter).
survey "nps-onepage" {
  title     = { en = "How likely are you to recommend us?", ru = "Порекомендуете ли вы нас?" }
  languages = ["en", "ru"]
  intro     = { en = "One question, and a word on why.", ru = "Один вопрос и пара слов о причинах." }

  endpoint {
    url = "http://127.0.0.1:1/submit"
  }
}

page "main" {
  title = { en = "Your opinion", ru = "Ваше мнение" }

  question "q_nps" {
    type     = "nps"
    text     = { en = "How likely are you to recommend us to a friend?", ru = "Насколько вероятно, что вы порекомендуете нас другу?" }
    required = true
  }

  question "q_detractor" {
    type      = "text"
    multiline = true
    text      = { en = "What disappointed you?", ru = "Что вас разочаровало?" }
    show_if   = q_nps <= 6
  }

  question "q_passive" {
    type      = "text"
    multiline = true
    text      = { en = "What would make it a 10?", ru = "Что сделало бы оценку десяткой?" }
    show_if   = q_nps >= 7 && q_nps <= 8
  }

  question "q_promoter" {
    type      = "text"
    multiline = true
    text      = { en = "What do you like most?", ru = "Что вам нравится больше всего?" }
    show_if   = q_nps >= 9
  }
}
