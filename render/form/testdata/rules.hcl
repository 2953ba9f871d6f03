# A validate rule across questions (XLSForm constraint): staff in chat
# cannot exceed the total staff; checked when the question is answered.
survey "rules" {
  title     = { en = "Staff", ru = "Сотрудники" }
  languages = ["en", "ru"]

  endpoint {
    url = "http://127.0.0.1:1/submit"
  }
}

page "staff" {
  title = { en = "Your team", ru = "Ваша команда" }

  question "q_total" {
    type     = "number"
    integer  = true
    min      = 0
    text     = { en = "How many staff in all?", ru = "Сколько всего сотрудников?" }
    required = true
  }

  question "q_chat" {
    type    = "number"
    integer = true
    min     = 0
    text    = { en = "How many of them work in chat?", ru = "Сколько из них работает в чате?" }
    validate {
      must    = q_chat <= q_total
      message = { en = "Cannot be more than the total staff.", ru = "Не больше, чем сотрудников всего." }
    }
  }
}

page "end" {
  title = { en = "Anything else", ru = "Что-нибудь ещё" }

  question "q_note" {
    type = "text"
    text = { en = "Anything else?", ru = "Что-нибудь ещё?" }
  }
}
