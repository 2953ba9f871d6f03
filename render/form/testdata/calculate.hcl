# Calculate blocks (#18 item 4): a share computed from two answers, read
# by a later question's show_if and piped into its text; a true/false and
# a text computed from it. Each is a column of the data, and indexes read
# them: the mean share, the share of true, and formulas.
survey "calculate" {
  title     = { en = "Staff", ru = "Сотрудники" }
  languages = ["en", "ru"]

  endpoint {
    url = "http://127.0.0.1:1/submit"
  }
}

page "staff" {
  title = { en = "Staff", ru = "Сотрудники" }

  question "q_total" {
    type    = "number"
    integer = true
    text    = { en = "How many staff?", ru = "Сколько сотрудников?" }
  }

  question "q_chat" {
    type    = "number"
    integer = true
    text    = { en = "How many in chat?", ru = "Сколько в чате?" }
  }

  calculate "chat_share" {
    value = round(q_chat / q_total * 100)
  }

  question "q_why" {
    type    = "text"
    text    = { en = "Why {chat_share}% in chat?", ru = "Почему {chat_share}% в чате?" }
    show_if = chat_share > 50
  }

  calculate "chat_heavy" {
    value = answered(chat_share) ? chat_share > 50 : null
  }

  calculate "size" {
    value = answered(q_total) ? (q_total >= 10 ? "large" : "small") : null
  }
}

index "chat_mean" {
  title = { en = "Share in chat", ru = "Доля в чате" }
  kind  = "mean"
  items = [chat_share]
}

index "heavy_share" {
  title = { en = "Mostly in chat", ru = "В основном в чате" }
  kind  = "share"
  items = [chat_heavy]
}

index "heavy_100" {
  title = { en = "Mostly in chat (0-100)", ru = "В основном в чате (0–100)" }
  kind  = "mean_100"
  items = [chat_heavy]
}

index "heavy_sum" {
  title = { en = "Mostly in chat (count)", ru = "В основном в чате (число)" }
  kind  = "sum"
  items = [chat_heavy]
}

index "chat_points" {
  title = { en = "Chat points", ru = "Баллы чата" }
  kind  = "expr"
  expr  = chat_heavy ? chat_share / 10 : 0
  min   = 0
  max   = 10
}
