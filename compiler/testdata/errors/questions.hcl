survey "questions" {
  title     = { ru = "Вопросы", en = "Questions" }
  languages = ["ru", "en"]
  endpoint {
    url = "ftp://example.org" # ERROR @11: Invalid Endpoint URL
  }
}

option_set "yn" {
  option "yes" {
    label = { ru = "Да", en = "Yes" }
  }
  option "yes" { # ERROR @10: Duplicate Option
    label = { ru = "Да", en = "Yes" }
  }
}

page "p" {
  title = { ru = "Страница" } # ERROR @11: Missing Translation

  question "q_single" {
    type = "single"
    text = { ru = "Один", en = "One" }
    option "a" {
      label = { ru = "А", en = "A" }
    }
    option "none" { # ERROR @12: Exclusive Option Outside Multi
      label     = { ru = "Ничего", en = "None" }
      exclusive = true
    }
  }
  question "q_empty" { # ERROR @3: Empty Option List
    type = "multi"
    text = { ru = "Пусто", en = "Empty" }
  }
  question "q_matrix" { # ERROR @3: Matrix Without Rows
    type    = "matrix"
    text    = { ru = "Матрица", en = "Matrix" }
    options = option_set.yn
  }
  question "q_kind" {
    type = "singel" # ERROR @12: Unknown Question Type
    text = { ru = "Тип", en = "Type" }
  }
  question "q_num" {
    type = "number"
    text = { ru = "Число", en = "Number" }
    min  = 10 # ERROR @12: Invalid Range
    max  = 1
  }
  question "q_pattern" {
    type    = "text"
    text    = { ru = "Шаблон", en = "Pattern" }
    pattern = "(?i)abc" # ERROR @15: Unportable Pattern
  }
  question "q_bad_regex" {
    type    = "text"
    text    = { ru = "Шаблон", en = "Pattern" }
    pattern = "[a-" # ERROR @15: Invalid Pattern
  }
  question "q_nps" {
    type    = "nps"
    text    = { ru = "NPS", en = "NPS" }
    options = option_set.yn # ERROR @5: Attribute Not Allowed Here
  }
  question "q_lang" {
    type = "text"
    text = { ru = "Текст", en = "Text", de = "Text" } # ERROR @12: Unknown Language
  }
  question "q_set" {
    type    = "single"
    text    = { ru = "Набор", en = "Set" }
    options = option_set.yes_no # ERROR @15: Unknown Option Set
  }
  question "q_sel" {
    type       = "multi"
    text       = { ru = "Выбор", en = "Select" }
    options    = option_set.yn
    min_select = 3 # ERROR @18: Invalid Selection Limits
    max_select = 1
  }
  question "q_likert" { # ERROR @3: Missing Scale
    type = "likert"
    text = { ru = "Шкала", en = "Scale" }
  }
  question "q_dup_set" {
    type    = "single"
    text    = { ru = "Набор и свой вариант", en = "Set and own option" }
    options = option_set.yn
    option "yes" { # ERROR @12: Duplicate Option
      label = { ru = "Да", en = "Yes" }
    }
  }
  question "q_matrix_other" {
    type = "matrix"
    text = { ru = "Матрица", en = "Matrix" }
    option "a" {
      label = { ru = "А", en = "A" }
    }
    option "other" { # ERROR @12: Other Option In Matrix
      label = { ru = "Другое", en = "Other" }
      other = true
    }
    row "r" {
      label = { ru = "Строка", en = "Row" }
    }
  }
  question "q_a_b" {
    type = "text"
    text = { ru = "Текст", en = "Text" }
  }
  question "q_a" { # ERROR @12: Column Name Collision
    type    = "matrix"
    text    = { ru = "Матрица", en = "Matrix" }
    options = option_set.yn
    row "b" {
      label = { ru = "Б", en = "B" }
    }
  }
}
