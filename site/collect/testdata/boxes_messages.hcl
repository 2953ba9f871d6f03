# A constant sum and a ranking with their own words for their checks
# (messages { total, rank_gap }), in both languages: TestNoJavaScriptBoxMessages.
survey "boxes" {
  title     = { en = "Boxes", ru = "Поля" }
  languages = ["en", "ru"]

  endpoint {
    url = "http://127.0.0.1:1/submit"
  }
}

page "main" {
  title = { en = "Channels", ru = "Каналы" }

  question "q_share" {
    type = "constant_sum"
    text = { en = "Share of contacts", ru = "Доля обращений" }
    item "voice" {
      label = { en = "Phone", ru = "Телефон" }
    }
    item "chat" {
      label = { en = "Chat", ru = "Чат" }
    }
    messages {
      total = { en = "The shares make {n} %, no more, no less.", ru = "Доли в сумме дают {n} %, не больше и не меньше." }
    }
  }

  question "q_rank" {
    type = "ranking"
    text = { en = "Priorities", ru = "Приоритеты" }
    item "cost" {
      label = { en = "Cost", ru = "Стоимость" }
    }
    item "speed" {
      label = { en = "Speed", ru = "Скорость" }
    }
    messages {
      rank_gap = { en = "One first, one second.", ru = "Одно первое, одно второе." }
    }
  }
}
