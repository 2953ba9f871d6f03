# Carry forward and option conditions (issue #18 item 6): q_best offers
# the channels chosen in q_channels and one option of its own, q_try those
# not chosen there and two options with conditions, q_main on the next page
# carries from q_best in turn. Tests: the form in Chromium with and without
# JavaScript (render/form TestBrowserCarry), site/answer TestValidateCarry,
# the simulator and the diff.
survey "carry" {
  title     = { en = "Carry forward", ru = "Перенос вариантов" }
  languages = ["en", "ru"]
  endpoint {
    url = "https://example.org/collect"
  }
}

hidden "segment" {
  default = "retail"
}

page "channels" {
  title = { en = "Channels", ru = "Каналы" }

  question "q_channels" {
    type     = "multi"
    text     = { en = "Which channels do you use?", ru = "Какими каналами вы пользуетесь?" }
    required = true
    option "phone" {
      label = { en = "Phone", ru = "Телефон" }
    }
    option "chat" {
      label = { en = "Chat", ru = "Чат" }
    }
    option "email" {
      label = { en = "E-mail", ru = "Почта" }
    }
    option "none" {
      label     = { en = "None of these", ru = "Ничего из этого" }
      exclusive = true
    }
  }

  question "q_best" {
    type     = "single"
    text     = { en = "Which of them works best?", ru = "Какой из них лучше?" }
    required = true
    options_from {
      question = q_channels # phone, chat, email: "none" is not carried
    }
    option "unsure" {
      label = { en = "Cannot say", ru = "Не могу сказать" }
    }
  }

  question "q_try" {
    type = "multi"
    text = { en = "Which would you try?", ru = "Что бы вы попробовали?" }
    options_from {
      question = q_channels
      take     = "not_chosen"
    }
    option "video" {
      label   = { en = "Video call", ru = "Видеозвонок" }
      show_if = !contains(q_channels, "email")
    }
    option "branch" {
      label   = { en = "A branch office", ru = "Отделение" }
      show_if = hidden.segment == "bank"
    }
  }
}

page "more" {
  title = { en = "More", ru = "Ещё" }

  question "q_main" {
    type = "dropdown"
    text = { en = "And your main one?", ru = "А основной?" }
    options_from {
      question = q_best
    }
  }
}
