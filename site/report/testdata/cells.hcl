# matrix_multi and grid questions for the question page's heatmaps
# (TestCellsHeatmaps): five respondents, min_group_size 3, so that some
# rows and cells are answered too few times to be shown.
survey "cells" {
  title     = { en = "Channels", ru = "Каналы" }
  languages = ["en", "ru"]
  wave      = 2025
  endpoint {
    url = "https://example.org/c"
  }
}

page "p" {
  title = { en = "Channels", ru = "Каналы" }

  question "q_tools" {
    type = "matrix_multi"
    text = { en = "Which apply?", ru = "Что есть?" }
    row "voice" {
      label = { en = "Phone", ru = "Телефон" }
    }
    row "chat" {
      label = { en = "Chat", ru = "Чат" }
    }
    option "ivr" {
      label = { en = "Menu", ru = "Меню" }
    }
    option "bot" {
      label = { en = "Bot", ru = "Бот" }
    }
  }

  question "q_staff" {
    type    = "grid"
    text    = { en = "Agents per shift", ru = "Операторов в смену" }
    integer = true
    min     = 0
    row "voice" {
      label = { en = "Phone", ru = "Телефон" }
    }
    row "chat" {
      label = { en = "Chat", ru = "Чат" }
    }
    column "day" {
      label = { en = "Day", ru = "День" }
    }
    column "night" {
      label = { en = "Night", ru = "Ночь" }
    }
  }

  question "q_hours" {
    type  = "grid"
    text  = { en = "Staffed by", ru = "Кто работает" }
    input = "dropdown"
    row "voice" {
      label = { en = "Phone", ru = "Телефон" }
    }
    row "chat" {
      label = { en = "Chat", ru = "Чат" }
    }
    column "wk" {
      label = { en = "Weekdays", ru = "Будни" }
    }
    column "we" {
      label = { en = "Weekend", ru = "Выходные" }
    }
    option "closed" {
      label = { en = "Closed", ru = "Закрыто" }
    }
    option "own" {
      label = { en = "Own staff", ru = "Свои" }
    }
    option "out" {
      label = { en = "Outsourced", ru = "Аутсорсинг" }
    }
  }
}

benchmark {
  min_group_size = 3
}

report {
  languages = ["en", "ru"]
}
