# A matrix for the question page's heatmap (TestMatrixHeatmap): five
# respondents, a "don't know" counted apart, and a row answered by fewer
# than the minimum group size.
survey "heat" {
  title     = { en = "Heat", ru = "Тепло" }
  languages = ["en", "ru"]
  wave      = 2025
  endpoint {
    url = "https://example.org/c"
  }
}

page "p" {
  title = { en = "Channels", ru = "Каналы" }

  question "q_m" {
    type = "matrix"
    text = { en = "Do you use it?", ru = "Пользуетесь?" }
    row "r1" {
      label = { en = "Phone", ru = "Телефон" }
    }
    row "r2" {
      label = { en = "Chat", ru = "Чат" }
    }
    option "y" {
      label = { en = "Yes", ru = "Да" }
    }
    option "n" {
      label = { en = "No", ru = "Нет" }
    }
    option "dk" {
      label   = { en = "Don't know", ru = "Не знаю" }
      missing = true
    }
  }
}

benchmark {
  min_group_size = 3
}

report {
  languages = ["en", "ru"]
}
