# Every question type and every kind of show_if reference, for the test that
# holds ingest's fast path to the general one (fastrow_test.go).
survey "fastpath" {
  title     = "Fast path"
  languages = ["ru"]
  wave      = 2025
  endpoint {
    url = "http://127.0.0.1:8080/submit"
  }
}

hidden "segment" {
  role = "segment"
}

page "a" {
  title = "A"

  question "m" {
    type     = "matrix"
    text     = "Матрица"
    required = true
    option "yes" {
      label = "Да"
    }
    option "no" {
      label = "Нет"
    }
    row "r1" {
      label = "Первая"
    }
    row "r2" {
      label = "Вторая"
    }
  }

  question "m2" {
    type = "matrix"
    text = "Необязательная матрица"
    option "yes" {
      label = "Да"
    }
    option "no" {
      label = "Нет"
    }
    row "r1" {
      label = "Первая"
    }
    row "r2" {
      label = "Вторая"
    }
  }

  question "s" {
    type    = "single"
    text    = "Один ответ"
    show_if = m.r1 == "yes"
    option "a" {
      label = "А"
    }
    option "x" {
      label = "Другое"
      other = true
    }
  }

  question "ms" {
    type       = "multi"
    text       = "Несколько"
    min_select = 1
    max_select = 3
    option "a" {
      label = "А"
    }
    option "b" {
      label = "Б"
    }
    option "c" {
      label = "В"
    }
    option "none" {
      label     = "Ничего"
      exclusive = true
    }
    option "other" {
      label = "Другое"
      other = true
    }
  }

  question "sc" {
    type    = "likert"
    min     = 1
    max     = 5
    text    = "Шкала"
    missing = "Затрудняюсь"
    show_if = !contains(ms, "none")
  }
}

page "b" {
  title   = "B"
  show_if = hidden.segment == "bank" || sc >= 3

  question "n" {
    type    = "number"
    text    = "Число"
    min     = 1
    max     = 100
    integer = true
  }

  question "f" {
    type = "number"
    text = "Дробное"
    min  = -1.5
  }

  question "t" {
    type            = "text"
    text            = "ИНН"
    pattern         = "[0-9]{10}|[0-9]{12}"
    pattern_message = "10 или 12 цифр"
  }

  question "e" {
    type = "email"
    text = "Почта"
  }

  question "d" {
    type    = "date"
    text    = "Дата"
    show_if = !answered(sc) || n > 50
  }

  question "l" {
    type       = "text"
    text       = "Отзыв"
    min_length = 3
    max_length = 40
  }
}
