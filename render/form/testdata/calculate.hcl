# A calculate block (#18 item 4): a share computed from two answers, read
# by a later question's show_if and piped into its text.
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
}
