# Page validate rules (a check across the page's questions, XLSForm
# constraint or SurveyJS expression validator at page level): staff in
# chat cannot exceed the total staff. The phone page's rule applies only
# when that page is shown: not for a team under 10, nor for one with no
# staff, which is screened out before it.
survey "page_rules" {
  title     = { en = "Staff", ru = "Сотрудники" }
  languages = ["en", "ru"]

  endpoint {
    url = "http://127.0.0.1:1/submit"
  }
}

ending "no_staff" {
  text = { en = "This survey is for teams with staff.", ru = "Анкета для команд с сотрудниками." }
}

ending "done" {
  text = { en = "Thank you.", ru = "Спасибо." }
}

page "staff" {
  title = { en = "Your team", ru = "Ваша команда" }

  validate {
    must    = q_chat <= q_total
    message = { en = "Staff in chat cannot be more than the total staff.", ru = "Сотрудников в чате не может быть больше, чем всего." }
  }

  screen_out {
    if     = q_total == 0
    ending = "no_staff"
  }

  question "q_total" {
    type     = "number"
    integer  = true
    min      = 0
    text     = { en = "How many staff in all?", ru = "Сколько всего сотрудников?" }
    required = true
  }

  question "q_chat" {
    type     = "number"
    integer  = true
    min      = 0
    text     = { en = "How many of them work in chat?", ru = "Сколько из них работает в чате?" }
    required = true
  }
}

page "phone" {
  title   = { en = "Phone", ru = "Телефон" }
  show_if = q_total >= 10

  validate {
    must    = q_phone + q_chat <= q_total
    message = { en = "Phone and chat staff together cannot be more than the total.", ru = "Сотрудников на телефоне и в чате вместе не может быть больше, чем всего." }
  }

  question "q_phone" {
    type     = "number"
    integer  = true
    min      = 0
    text     = { en = "How many work on the phone?", ru = "Сколько работает на телефоне?" }
    required = true
  }
}
