# A question's own messages fill in what the form's text they replace
# does: {n}, the limit, in min, max, min_select, max_select, min_length and
# max_length; nothing in required and pattern. Any other placeholder would
# reach respondents as written.
survey "message_placeholders" {
  title     = { en = "Placeholders", ru = "Подстановки" }
  languages = ["en", "ru"]
  endpoint {
    url = "https://example.org/collect"
  }
}

page "p" {
  question "q_features" {
    type       = "multi"
    text       = { en = "Features?", ru = "Функции?" }
    required   = true
    max_select = 3
    option "a" {
      label = { en = "A", ru = "А" }
    }
    option "b" {
      label = { en = "B", ru = "Б" }
    }
    messages {
      max_select = { en = "No more than {n}.", ru = "Не больше {n}." }
      required   = { en = "Choose up to {n}.", ru = "Выберите до {n}." } # ERROR @20: Unknown Placeholder
    }
  }
  question "q_staff" {
    type = "number"
    text = { en = "Staff?", ru = "Сотрудники?" }
    min  = 1
    messages {
      min = { en = "At least {m}.", ru = "Не меньше {n}, а не {q_staff}." } # ERROR @13: Unknown Placeholder; ERROR @13: Unknown Placeholder
    }
  }
  question "q_code" {
    type            = "text"
    text            = { en = "Code?", ru = "Код?" }
    pattern         = "[0-9]{4}"
    pattern_message = { en = "{n} digits.", ru = "{n} цифры." } # ERROR @23: Unknown Placeholder
  }
}
