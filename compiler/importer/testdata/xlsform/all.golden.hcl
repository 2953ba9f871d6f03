survey "product_fb" {
  title = {
    en = "Product feedback"
    ru = "Product feedback"
  }
  languages = ["en", "ru"]
  version   = "2024.1"

  endpoint {
    url = "http://127.0.0.1:8080/submit"
  }
}

page "about" {
  title = {
    en = "About you"
    ru = "О вас"
  }
  intro = {
    en = "Welcome to the **survey**."
    ru = "Добро пожаловать."
  }

  question "consent" {
    type = "single"
    text = {
      en = "Do you agree?"
      ru = "Вы согласны?"
    }
    help = {
      en = "Pick one"
      ru = "Pick one"
    }
    required = true

    option "yes" {
      label = {
        en = "Yes"
        ru = "Да"
      }
    }

    option "no" {
      label = {
        en = "No"
        ru = "Нет"
      }
    }
  }

  question "age" {
    type = "number"
    text = {
      en = "Age"
      ru = "Возраст"
    }
    required = true
    show_if  = consent == "yes"
    integer  = true
    min      = 18
    max      = 120

    messages {
      required = {
        en = "Please give your age"
        ru = "Please give your age"
      }
      min = {
        en = "An adult"
        ru = "An adult"
      }
      max = {
        en = "An adult"
        ru = "An adult"
      }
    }
  }

  question "income" {
    type = "number"
    text = {
      en = "Income at {age} {per year}"
      ru = "Доход в {age} —"
    }
    show_if = (age > 20 && age < 65)

    validate {
      must = income > 0 && income < (age * 1000)
      message = {
        en = "This answer is not allowed."
        ru = "Такой ответ не допускается."
      }
    }
  }

  question "country" {
    type = "dropdown"
    text = {
      en = "Country"
      ru = "Страна"
    }

    option "ru" {
      label = {
        en = "Russia"
        ru = "Россия"
      }
    }

    option "kz" {
      label = {
        en = "Kazakhstan"
        ru = "Казахстан"
      }
    }

    option "other" {
      label = {
        en = "Other"
        ru = "Другое"
      }
      other = true
    }
  }

  question "city" {
    type = "single"
    text = {
      en = "City"
      ru = "Город"
    }

    option "msk" {
      label = {
        en = "Moscow"
        ru = "Москва"
      }
      show_if = country == "ru"
    }

    option "ala" {
      label = {
        en = "Almaty"
        ru = "Алматы"
      }
      show_if = country == "kz"
    }
  }
}

page "use" {
  title = {
    en = "Usage"
    ru = "Использование"
  }
  show_if = consent == "yes"

  question "features" {
    type = "multi"
    text = {
      en = "Which features?"
      ru = "Какие функции?"
    }
    columns    = 3
    max_select = 2

    option "fast_search" {
      label = {
        en = "Fast search"
        ru = "Быстрый поиск"
      }
      source = "fast search"
    }

    option "2_0" {
      label = {
        en = "Version 2.0"
        ru = "Version 2.0"
      }
      source = "2.0"
    }

    option "other" {
      label = {
        en = "Something else"
        ru = "Другое"
      }
    }
  }

  question "why_many" {
    type = "text"
    text = {
      en = "Why so many?"
      ru = "Почему так много?"
    }
    show_if   = (length(features) >= 2 && !contains(features, "other"))
    multiline = true
  }

  question "q_1st_code" {
    type = "text"
    text = {
      en = "Promo code"
      ru = "Промокод"
    }
    source  = "1st-code"
    pattern = "[A-Z]{3}[0-9]{2}"
    pattern_message = {
      en = "Three letters, two digits"
      ru = "Three letters, two digits"
    }
  }

  question "score" {
    type = "scale"
    text = {
      en = "Score"
      ru = "Оценка"
    }
    min = 0
    max = 10
  }

  question "when" {
    type = "date"
    text = {
      en = "When?"
      ru = "Когда?"
    }
    show_if = (score + 2) > 5
  }

  calculate "double" {
    value = (score * 2)
  }

  question "later" {
    type = "text"
    text = {
      en = "Later"
      ru = "Позже"
    }
    show_if = ((score + 2) > 5 && double > 9)
  }

  question "q_last" {
    type = "single"
    text = {
      en = "Last one?"
      ru = "Последний?"
    }
    source  = "q.last"
    show_if = (answered(when) || score == 4)

    option "yes" {
      label = {
        en = "Yes"
        ru = "Да"
      }
    }

    option "no" {
      label = {
        en = "No"
        ru = "Нет"
      }
    }
  }

  question "prio" {
    type = "ranking"
    text = {
      en = "Rank the countries"
      ru = "Расставьте страны"
    }

    item "ru" {
      label = {
        en = "Russia"
        ru = "Россия"
      }
    }

    item "kz" {
      label = {
        en = "Kazakhstan"
        ru = "Казахстан"
      }
    }
  }

  question "visited" {
    type = "multi"
    text = {
      en = "Which countries have you visited?"
      ru = "Где вы бывали?"
    }

    option "ru" {
      label = {
        en = "Russia"
        ru = "Россия"
      }
    }

    option "kz" {
      label = {
        en = "Kazakhstan"
        ru = "Казахстан"
      }
    }
  }

  question "fav" {
    type = "single"
    text = {
      en = "Which of them did you like most?"
      ru = "Какая понравилась больше всего?"
    }

    options_from {
      question = visited
    }
  }

  question "next" {
    type = "multi"
    text = {
      en = "Where would you go next?"
      ru = "Куда бы вы поехали?"
    }

    options_from {
      question = visited
      take     = "not_chosen"
    }
  }

  question "home" {
    type = "single"
    text = {
      en = "Where is home?"
      ru = "Где ваш дом?"
    }

    option "ru" {
      label = {
        en = "Russia"
        ru = "Россия"
      }
    }

    option "kz" {
      label = {
        en = "Kazakhstan"
        ru = "Казахстан"
      }
    }
  }
}
