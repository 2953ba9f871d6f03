# A page's validate blocks: a rule may read the questions on its page and
# earlier ones, never a later page's; it must be a condition and have a
# message in every language.
survey "page_rules" {
  title     = { en = "Page rules", ru = "Правила страниц" }
  languages = ["en", "ru"]
  endpoint {
    url = "https://example.org/collect"
  }
}

page "staff" {
  validate {
    must    = q_chat <= q_total
    message = { en = "Chat staff cannot exceed the total.", ru = "Операторов чата не больше, чем сотрудников." }
  }
  validate {
    must    = q_phone <= q_total # ERROR @15: Reference To A Later Question
    message = { en = "Phone staff cannot exceed the total.", ru = "Операторов телефона не больше, чем сотрудников." }
  }
  validate {
    must    = q_total + 1 # ERROR @15: Condition Is Not True Or False
    message = { en = "Not a condition.", ru = "Не условие." }
  }
  validate { # ERROR @12: Missing required argument
    must = q_total > 0
  }
  validate {
    must    = q_total > 0
    message = { en = "English only." } # ERROR @15: Missing Translation
  }
  question "q_total" {
    type = "number"
    text = { en = "Staff?", ru = "Сотрудников?" }
  }
  question "q_chat" {
    type = "number"
    text = { en = "In chat?", ru = "В чате?" }
  }
}

page "phone" {
  question "q_phone" {
    type = "number"
    text = { en = "On the phone?", ru = "На телефоне?" }
  }
}
