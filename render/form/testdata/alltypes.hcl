survey "alltypes" {
  title     = { en = "Every question type", ru = "Все типы вопросов" }
  languages = ["en", "ru"]
  intro     = { en = "An *intro* with [a link](#main) and <script>alert(1)</script> raw HTML.", ru = "Вступление." }
  thank_you = { en = "Thanks!", ru = "Спасибо!" }

  endpoint {
    url = "http://127.0.0.1:1/submit"
  }

  theme {
    accent = "#0b5394"
    logo   = "logo.svg"
  }
}

hidden "company" {
  role = "participant"
}

option_set "ypn" {
  option "yes" {
    label = { en = "Yes", ru = "Да" }
  }
  option "no" {
    label = { en = "No", ru = "Нет" }
  }
  option "na" {
    label   = { en = "N/A", ru = "Н/П" }
    missing = true
  }
}

page "choices" {
  title = { en = "Choices", ru = "Выбор" }

  question "q_single" {
    type      = "single"
    text      = { en = "Single", ru = "Один" }
    required  = true
    randomize = true
    option "a" {
      label = { en = "A", ru = "А" }
    }
    option "b" {
      label = { en = "B", ru = "Б" }
    }
    option "other" {
      label = { en = "Other", ru = "Другое" }
      other = true
    }
    option "dk" {
      label  = { en = "Don't know", ru = "Не знаю" }
      anchor = true
    }
  }

  question "q_multi" {
    type       = "multi"
    text       = { en = "Multi", ru = "Много" }
    help       = { en = "Select **all** that apply.", ru = "Выберите все." }
    required   = true
    max_select = 2
    option "x" {
      label = { en = "X", ru = "Икс" }
    }
    option "y" {
      label = { en = "Y", ru = "Игрек" }
    }
    option "z" {
      label = { en = "Z", ru = "Зет" }
    }
    option "none" {
      label     = { en = "None", ru = "Ничего" }
      exclusive = true
    }
  }

  question "q_follow" {
    type    = "text"
    text    = { en = "Why X?", ru = "Почему X?" }
    show_if = contains(q_multi, "x")
  }

  question "q_drop" {
    type = "dropdown"
    text = { en = "Dropdown", ru = "Список" }
    option "d1" {
      label = { en = "First", ru = "Первый" }
    }
    option "d2" {
      label = { en = "Second", ru = "Второй" }
    }
  }
}

page "scales" {
  title = { en = "Scales", ru = "Шкалы" }

  question "q_matrix" {
    type     = "matrix"
    text     = { en = "Matrix", ru = "Матрица" }
    options  = option_set.ypn
    required = true
    row "r1" {
      label = { en = "Row one", ru = "Строка 1" }
    }
    row "r2" {
      label = { en = "Row two", ru = "Строка 2" }
    }
  }

  question "q_nps" {
    type      = "nps"
    text      = { en = "NPS", ru = "NPS" }
    min_label = { en = "Unlikely", ru = "Маловероятно" }
    max_label = { en = "Likely", ru = "Вероятно" }
    required  = true
  }

  question "q_likert" {
    type    = "likert"
    text    = { en = "Agree?", ru = "Согласны?" }
    min     = 1
    max     = 5
    labels  = [{ en = "1", ru = "1" }, { en = "2", ru = "2" }, { en = "3", ru = "3" }, { en = "4", ru = "4" }, { en = "5", ru = "5" }]
    missing = { en = "Don't know", ru = "Не знаю" }
  }

  question "q_rating" {
    type = "rating"
    text = { en = "Rating", ru = "Оценка" }
  }

  question "q_scale" {
    type = "scale"
    text = { en = "Scale", ru = "Шкала" }
    min  = 0
    max  = 3
  }

  question "q_statement" {
    type  = "single"
    style = "statements"
    text  = { en = "Which is true?", ru = "Что верно?" }
    option "l1" {
      label = { en = "We do nothing.", ru = "Ничего не делаем." }
      score = 1
    }
    option "l2" {
      label = { en = "We do everything.", ru = "Делаем всё." }
      score = 2
    }
  }
}

page "open" {
  title   = { en = "Open", ru = "Открытые" }
  show_if = q_single != "b"

  question "q_text" {
    type            = "text"
    text            = { en = "Code", ru = "Код" }
    pattern         = "[0-9]{3}"
    pattern_message = { en = "Three digits", ru = "Три цифры" }
  }

  question "q_long" {
    type       = "text"
    multiline  = true
    max_length = 200
    text       = { en = "Comment", ru = "Комментарий" }
  }

  question "q_number" {
    type    = "number"
    text    = { en = "How many?", ru = "Сколько?" }
    min     = 1
    max     = 10
    integer = true
  }

  question "q_email" {
    type = "email"
    text = { en = "E-mail", ru = "Почта" }
  }

  question "q_date" {
    type = "date"
    text = { en = "Date", ru = "Дата" }
  }

  question "q_channels" {
    type       = "multi"
    text       = { en = "Which channels?", ru = "Какие каналы?" }
    min_select = 2
    option "web" {
      label = { en = "Web", ru = "Сайт" }
    }
    option "phone" {
      label = { en = "Phone", ru = "Телефон" }
    }
    option "shop" {
      label = { en = "Shop", ru = "Магазин" }
    }
  }
}
