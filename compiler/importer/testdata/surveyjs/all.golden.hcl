survey "all" {
  title = {
    en = "Customer survey"
    ru = "Опрос клиентов"
  }
  languages = ["en", "ru"]
  intro = {
    en = "Thank you for taking part."
    ru = "Thank you for taking part."
  }
  thank_you = {
    en = "**Thank you!**\n\nWe got your answers & will read them."
    ru = "**Thank you!**\n\nWe got your answers & will read them."
  }

  endpoint {
    url = "http://127.0.0.1:8080/submit"
  }
}

page "start" {
  title = {
    en = "About you"
    ru = "О вас"
  }
  intro = {
    en = "Please answer **honestly**."
    ru = "Please answer **honestly**."
  }

  question "role" {
    type = "single"
    text = {
      en = "Your role"
      ru = "Ваша роль"
    }
    required = true
    columns  = 2

    option "dev" {
      label = {
        en = "Developer"
        ru = "Разработчик"
      }
    }

    option "pm" {
      label = {
        en = "Manager"
        ru = "Manager"
      }
    }

    option "QA_lead" {
      label = {
        en = "QA lead"
        ru = "QA lead"
      }
      source = "QA lead"
    }

    option "other" {
      label = {
        en = "Other role"
        ru = "Other role"
      }
      other = true
    }
  }

  question "langs" {
    type = "multi"
    text = {
      en = "Languages you use"
      ru = "Languages you use"
    }
    show_if    = (role == "dev" || role == "QA_lead")
    randomize  = true
    max_select = 2

    option "go" {
      label = {
        en = "go"
        ru = "go"
      }
    }

    option "js" {
      label = {
        en = "js"
        ru = "js"
      }
    }

    option "c_" {
      label = {
        en = "c++"
        ru = "c++"
      }
      source = "c++"
    }

    option "none" {
      label = {
        en = "None of these"
        ru = "None of these"
      }
      exclusive = true
    }
  }

  question "team_size" {
    type = "dropdown"
    text = {
      en = "Team size"
      ru = "Team size"
    }
    source = "team-size"

    option "1" {
      label = {
        en = "1"
        ru = "1"
      }
    }

    option "2" {
      label = {
        en = "2"
        ru = "2"
      }
    }

    option "5" {
      label = {
        en = "5"
        ru = "5"
      }
    }

    option "10" {
      label = {
        en = "10"
        ru = "10"
      }
    }
  }

  question "remote" {
    type = "boolean"
    text = {
      en = "Do you work remotely?"
      ru = "Do you work remotely?"
    }
    true_label = {
      en = "Yes"
      ru = "Yes"
    }
    false_label = {
      en = "No"
      ru = "No"
    }
  }

  question "remote_days" {
    type = "number"
    text = {
      en = "Days a week at home"
      ru = "Days a week at home"
    }
    show_if = remote == true
    min     = 0
    max     = 5
  }

  question "email" {
    type = "email"
    text = {
      en = "E-mail"
      ru = "E-mail"
    }
    placeholder = {
      en = "you@example.com"
      ru = "you@example.com"
    }
  }

  question "site" {
    type = "text"
    text = {
      en = "Web site"
      ru = "Web site"
    }
  }

  question "born" {
    type = "date"
    text = {
      en = "Date of birth"
      ru = "Date of birth"
    }
  }
}

page "ratings" {
  title = {
    en = "Ratings"
    ru = "Ratings"
  }
  intro = {
    en = "Almost done"
    ru = "Almost done"
  }
  show_if = (contains(langs, "go") || (contains(langs, "js") || contains(langs, "c_")))

  question "nps" {
    type = "rating"
    text = {
      en = "Would you recommend us?"
      ru = "Would you recommend us?"
    }
    min = 0
    max = 10
    min_label = {
      en = "Never"
      ru = "Never"
    }
    max_label = {
      en = "Surely"
      ru = "Surely"
    }
  }

  calculate "nps_double" {
    value = (nps * 2)
  }

  calculate "nps_label" {
    value = (nps >= 9 ? "promoter" : "other")
  }

  question "ease" {
    type = "rating"
    text = {
      en = "How easy?"
      ru = "How easy?"
    }
    min = 1
    max = 7
  }

  question "mood" {
    type = "single"
    text = {
      en = "Mood"
      ru = "Mood"
    }

    option "sad" {
      label = {
        en = "Sad"
        ru = "Sad"
      }
    }

    option "ok" {
      label = {
        en = "OK"
        ru = "OK"
      }
    }

    option "happy" {
      label = {
        en = "Happy"
        ru = "Happy"
      }
    }
  }

  question "why" {
    type = "text"
    text = {
      en = "Why?"
      ru = "Why?"
    }
    show_if    = (nps <= 6 && answered(nps))
    multiline  = true
    max_length = 500
  }

  question "quality" {
    type = "matrix"
    text = {
      en = "Rate our service"
      ru = "Rate our service"
    }
    required = true

    option "1" {
      label = {
        en = "Bad"
        ru = "Bad"
      }
    }

    option "2" {
      label = {
        en = "Fine"
        ru = "Fine"
      }
    }

    option "3" {
      label = {
        en = "Great"
        ru = "Great"
      }
    }

    row "speed" {
      label = {
        en = "Speed"
        ru = "Speed"
      }
    }

    row "support_team" {
      label = {
        en = "Support"
        ru = "Support"
      }
      source = "support team"
    }
  }

  question "slow_where" {
    type = "text"
    text = {
      en = "Where was it slow?"
      ru = "Where was it slow?"
    }
    show_if    = quality.speed == "1"
    min_length = 3
    pattern    = "[a-z ]+"
    pattern_message = {
      en = "Lower-case letters only"
      ru = "Lower-case letters only"
    }
  }

  question "contact" {
    type = "inputs"
    text = {
      en = "Contact"
      ru = "Contact"
    }
    show_if = quality.speed == "1"

    item "phone" {
      label = {
        en = "Phone"
        ru = "Phone"
      }
    }

    item "city" {
      label = {
        en = "City"
        ru = "City"
      }
    }
  }

  question "score_total" {
    type = "number"
    text = {
      en = "Score"
      ru = "Score"
    }
    show_if = (((nps * 2) + 1) > 5 && answered(role))
    min     = 1
    max     = 100

    validate {
      must = score_total > nps
      message = {
        en = "This answer is not allowed."
        ru = "Такой ответ не допускается."
      }
    }
  }

  question "channels" {
    type = "multi"
    text = {
      en = "Channels"
      ru = "Channels"
    }
    min_select = 1
    max_select = 2

    option "phone" {
      label = {
        en = "phone"
        ru = "phone"
      }
    }

    option "chat" {
      label = {
        en = "chat"
        ru = "chat"
      }
    }

    option "mail" {
      label = {
        en = "mail"
        ru = "mail"
      }
    }
  }

  question "agents" {
    type = "inputs"
    text = {
      en = "Agents per channel"
      ru = "Agents per channel"
    }
    required = true
    input    = "number"

    item "voice" {
      label = {
        en = "Phone"
        ru = "Phone"
      }
    }

    item "chat" {
      label = {
        en = "Chat"
        ru = "Chat"
      }
    }
  }

  question "big" {
    type = "text"
    text = {
      en = "How do you manage so many?"
      ru = "How do you manage so many?"
    }
    show_if = agents.voice > 10
  }

  question "rank" {
    type = "ranking"
    text = {
      en = "Rank"
      ru = "Rank"
    }

    item "a" {
      label = {
        en = "a"
        ru = "a"
      }
    }

    item "b" {
      label = {
        en = "b"
        ru = "b"
      }
    }
  }

  question "final" {
    type = "text"
    text = {
      en = "Anything else?"
      ru = "Anything else?"
    }
  }

  question "best_channel" {
    type = "single"
    text = {
      en = "Which of them works best?"
      ru = "Which of them works best?"
    }

    options_from {
      question = channels
    }
  }

  question "try_channels" {
    type = "multi"
    text = {
      en = "Which would you try?"
      ru = "Which would you try?"
    }

    options_from {
      question = channels
      take     = "not_chosen"
    }

    option "none" {
      label = {
        en = "None"
        ru = "None"
      }
      exclusive = true
    }
  }

  question "likes" {
    type = "multi"
    text = {
      en = "Which of them do you like?"
      ru = "Which of them do you like?"
    }

    option "go" {
      label = {
        en = "go"
        ru = "go"
      }
      show_if = contains(langs, "go")
    }

    option "js" {
      label = {
        en = "js"
        ru = "js"
      }
      show_if = contains(langs, "js")
    }

    option "c_" {
      label = {
        en = "c++"
        ru = "c++"
      }
      show_if = contains(langs, "c_")
      source  = "c++"
    }
  }
}

ending "ending_1" {
  show_if = nps >= 9
  text = {
    en = "Glad you like us"
    ru = "Glad you like us"
  }
}

ending "ending_3" {
  show_if = nps <= 6
  text = {
    en = "Sorry to hear that"
    ru = "Жаль"
  }
}
